"""The words around a superlative that say whether it claims a record (`the highest risk of
earth impact to date`) or only hedges, dates or greets (`most likely`, `the latest figures`,
`our deepest condolences`)."""

from __future__ import annotations

#: Superlatives of likelihood, recency, quantity and taste: `the most likely contender`, `the
#: latest report`, `the newest member`, `the best interest of the team` state no record anyone
#: could check.
NOT_RECORDS = frozenset(
    {
        "good",
        "well",
        "likely",
        "probable",
        "possible",
        "late",
        "early",
        "new",
        "recent",
        "last",
        "first",
        "most",
        "least",
        "many",
        "much",
        "few",
        "little",
    }
)
#: A superlative after these is a qualifier or an idiom, not a claim: `at least 30`, `at best`.
IDIOM_OPENERS = frozenset({"at"})
#: Possessives of the speaker or the reader: `our deepest condolences`, `your best chance`.
PERSONAL_POSSESSIVES = frozenset({"my", "our", "your"})
#: Words that mark a record without saying of what (`ever`, `in history`, `to date`, `in the
#: world`): two records of different things share them, so they are no evidence of one fact.
RECORD_WORDS = frozenset(
    {
        "ever",
        "history",
        "record",
        "date",
        "world",
        "s",
        "time",
        "times",
        "decade",
        "decades",
        "year",
        "years",
        "century",
        "one",
        "since",
        "yet",
    }
)
#: Words that make a plural superlative a record rather than a class: "the worst floods in
#: history", "one of the closest passes ever seen" (but "the wealthiest nations" is a class).
RECORD_MARKERS = frozenset(
    {"ever", "history", "record", "since", "decades", "century", "centuries"}
)
