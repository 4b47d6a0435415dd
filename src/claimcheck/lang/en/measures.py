"""What a figure counts or pays, and the words that say a figure changed over time.

A measure is read from the parse (the unit noun, the noun an amount modifies, the subject of
the clause a figure completes) and then normalised here, so that "deaths", "people died",
"killed" and "the toll" meet as one measure, and "jobs", "workers" and "hires" as another.
Only measures this table knows are ever held to differ: an unknown head ("devoted") is left
to the rest of alignment.
"""

from __future__ import annotations

#: Canonical measure -> the lemmas (or "compound lemma" phrases) that state it.
MEASURE_WORDS: dict[str, frozenset[str]] = {
    "deaths": frozenset(
        {"death", "dead", "die", "kill", "killed", "toll", "death toll", "fatality", "body"}
    ),
    "missing": frozenset({"missing"}),
    "injured": frozenset({"injure", "injured", "wound", "wounded", "injury"}),
    "jobs": frozenset({"job", "worker", "hire", "employee", "position", "workforce"}),
    "aid": frozenset(
        {"pledge", "donation", "donate", "aid", "funding", "fund", "contribution", "promise"}
    ),
    "investment": frozenset({"investment", "invest"}),
    "gross": frozenset({"gross", "box office", "earning", "revenue", "sale"}),
    "odds": frozenset({"chance", "odds", "probability", "risk"}),
    "cost": frozenset({"cost", "price"}),
    "rating": frozenset({"rating", "score", "rank", "grade", "scale"}),
    "countries": frozenset({"country", "nation"}),
}
#: Lemma or phrase -> canonical measure.
MEASURE_OF: dict[str, str] = {
    word: measure for measure, words in MEASURE_WORDS.items() for word in words
}
#: Measures that are running tallies or estimates, updated as reports come in (a death toll, a
#: film's gross to date, the odds of an impact): two different values published on different
#: days are a revision, the later superseding the earlier. Other measures (a fixed sum, a count
#: of countries) conflict when they differ, whenever each outlet wrote.
RUNNING_MEASURES = frozenset({"deaths", "missing", "injured", "gross", "odds", "rating"})
#: Measures that have no parts: a score on a scale, the odds of an event. The words around
#: their unit ("hazard rating", "score") name the scale, not a part of what is counted.
PARTLESS_MEASURES = frozenset({"rating", "odds"})
#: Row labels of a table that sum the rows above them: such a row is the whole, not a part.
TOTAL_ROWS = frozenset({"total", "totals", "all", "overall", "grand total", "sum"})
#: Nouns that count people without saying what happened to them: the measure is read from
#: what the sentence says of them ("people reported dead", "people died").
GENERIC_COUNTS = frozenset({"people", "person", "individual", "resident", "citizen"})

#: Verbs (lemmas) whose figure is a new value of something that had another ("the toll rose to
#: 55", "cut from 9,000 to 1,200 jobs"): their subject or object is the measure, not the verb.
CHANGE_VERBS = frozenset(
    {
        "rise",
        "raise",
        "increase",
        "climb",
        "pass",
        "reach",
        "revise",
        "update",
        "upgrade",
        "downgrade",
        "correct",
        "cut",
        "reduce",
        "lower",
        "grow",
        "jump",
        "double",
        "triple",
        "drop",
        "fall",
        "surge",
        "swell",
        "boost",
        "slash",
        "trim",
        "soar",
        "top",
        "exceed",
    }
)
#: Words (lemmas) that date a figure before the time of writing: "initially 2", "the previous
#: tally of 55", "from 9,000 (to 1,200)".
EARLIER_CUES = frozenset(
    {
        "initially",
        "originally",
        "first",
        "previously",
        "previous",
        "earlier",
        "initial",
        "original",
        "once",
        "then",
        "from",
        "former",
        "old",
    }
)
#: Earlier cues that make a figure the first value of its measure ("initially 2", "first
#: calculated as 2", "originally planned"): it held before every later step the story dates.
FIRST_VALUE_CUES = frozenset({"initially", "originally", "first", "initial", "original"})
#: A date inside a phrase headed by one of these starts a period, it does not date a figure
#: ("$186.5 million since its release Dec. 22" is the total at the time of writing).
PERIOD_START = frozenset({"since", "from", "after"})
#: Words (lemmas) that date a figure at the time of writing or mark it as the newest.
LATER_CUES = frozenset(
    {"now", "latest", "updated", "revised", "new", "current", "so far", "later", "subsequently"}
)
#: Verbs (lemmas) that say which way a measure went: up ("the toll rose", "raised its pledge")
#: or down ("the odds fell", "cut the jobs"). "Correct", "revise" and "adjust" say it only with
#: a word of direction (`DIRECTION_WORDS`).
RISE_VERBS = frozenset(
    {
        "rise",
        "raise",
        "increase",
        "climb",
        "grow",
        "jump",
        "double",
        "triple",
        "surge",
        "swell",
        "boost",
        "soar",
        "mount",
        "escalate",
        "upgrade",
    }
)
FALL_VERBS = frozenset(
    {
        "cut",
        "reduce",
        "lower",
        "drop",
        "fall",
        "decrease",
        "decline",
        "shrink",
        "slash",
        "trim",
        "plunge",
        "downgrade",
        "diminish",
        "dwindle",
        "sink",
        "tumble",
    }
)
#: Verbs that change a measure either way, and the words that say which way ("corrected
#: downward", "revised up").
DIRECTED_VERBS = frozenset({"correct", "revise", "adjust", "update"})
DIRECTION_WORDS: dict[str, str] = {
    "downward": "down",
    "downwards": "down",
    "down": "down",
    "upward": "up",
    "upwards": "up",
    "up": "up",
}
