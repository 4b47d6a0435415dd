"""English words that set what a figure is a figure of: a rate ("a season", "annually"), a sum
or an average ("a total of", "career"), the time a page was written rather than of the events it
reports ("updated"), and the words that name no event at all (scale words, currency names,
titles). `comparison.context` reads them next to each figure.
"""

from __future__ import annotations

from claimcheck.lang.en.names import TITLE_WORDS

#: Words that turn an amount into a rate when they follow it after "a", "per", "each", "every"
#: ("$20 million a season", "30 points per game"), mapped to the period of the rate.
RATE_PERIODS = {
    "year": "year",
    "yr": "year",
    "annum": "year",
    "season": "season",
    "game": "game",
    "match": "game",
    "month": "month",
    "week": "week",
    "day": "day",
    "night": "day",
    "hour": "hour",
}
#: Words that make the following period a rate ("a", "per", "each", "every").
RATE_MARKERS = frozenset({"a", "an", "per", "each", "every"})
#: One-word rates, before or after the figure ("annual", "$5 million annually").
RATE_WORDS = {
    "annual": "year",
    "annually": "year",
    "yearly": "year",
    "monthly": "month",
    "weekly": "week",
    "daily": "day",
    "nightly": "day",
    "hourly": "hour",
    "per-season": "season",
    "per-game": "game",
    "apiece": "each",
}
#: Words that say a figure adds up several ("a total of", "career", "combined") or averages them:
#: either is another basis than the single figure an unqualified number usually is.
SUM_WORDS = {
    "total": "total",
    "totalled": "total",
    "totaled": "total",
    "combined": "total",
    "cumulative": "total",
    "altogether": "total",
    "overall": "total",
    "career": "career",
    "lifetime": "career",
    "all-time": "career",
    "average": "average",
    "averaged": "average",
    "averaging": "average",
    "averages": "average",
}
#: Words just before a date that make it the time a page was written, not of what it reports.
TIMESTAMP_CUES = frozenset({"published", "updated", "posted", "modified", "dated"})
#: Words that say nothing about which event a figure or date belongs to: scale words of numbers,
#: currency names, and titles (who acted is judged by the actors, not by the event words).
NON_EVENT_WORDS = (
    frozenset(
        "million millions billion billions trillion thousand thousands hundred hundreds "  # noqa: SIM905
        "bn mn dollar dollars euro euros pound pounds percent cent cents per "
        "about around roughly nearly almost some least more less than over under up "
        "said says told according".split()
    )
    | TITLE_WORDS
)
