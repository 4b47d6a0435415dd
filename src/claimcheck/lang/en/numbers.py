"""English number words: cardinals, tens, scales, fractions, ordinals of the day of a month.

Every reader of a number written in words (money amounts, counts, spelled dates, a term such as
"a seven-year deal") takes its words from here, so a language is one module to translate.
"""

from __future__ import annotations

#: The tens, from twenty: they open a spelled-out number ("twenty seventh", "nineteen eighty six").
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
#: Cardinals below a hundred that are one word ("zero" to "nineteen", and the tens).
SMALL_NUMBERS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        (  # noqa: SIM905  (a word list reads best as words)
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen"
        ).split()
    )
} | {word: 10 * tens for tens, word in enumerate(TENS, start=2)}

#: Words that close a group ("five million", "4 crores"); plural forms follow Indian usage.
SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}

#: Abbreviated scales that stand apart from the number ("$5 bn", "30 mln").
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "trn": 1e12,
}

#: One-letter scales, read only when glued to the digits ("$20M", "10k$", "$3B"): spaced,
#: "20 m" is metres and "5 k" a race.
SCALE_LETTERS: dict[str, float] = {"k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12}

#: Fractions that stand for a number on their own ("half a million", "three quarters billion").
FRACTION_WORDS: dict[str, float] = {"half": 0.5, "quarter": 0.25, "quarters": 0.25}

TENS_WORDS = frozenset(TENS)

#: Number words that count in dozens or scale a number ("a dozen", "two thousand").
COUNTING_WORDS: dict[str, float] = {"dozen": 12.0, "hundred": 100.0, **SCALE_WORDS}

#: Words that make a number a percentage ("5 percent", "5%", "5 per cent", "5 pct").
PERCENT_WORDS: frozenset[str] = frozenset({"%", "percent", "pct", "percentage", "per cent"})

#: Ordinal words for days of the month ("the eleventh", "the twenty-seventh" is "twenty" + this).
DAY_ORDINAL_WORDS: dict[str, int] = {
    word: day
    for day, word in enumerate(
        (  # noqa: SIM905
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
            "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
        ).split(),
        start=1,
    )
} | {"thirtieth": 30}

# -- the words around a count --

#: Prepositions that introduce a figure as the value of a measure: "rose to 40", "stands at
#: 282,517", "a toll of 55", "down from 9,000", "up by 3", "rated as 2".
VALUE_PREPOSITIONS = frozenset({"to", "at", "of", "from", "by", "as"})
#: Prepositions whose small whole numbers are usually clock times ("starts at 5").
CLOCK_PREPOSITIONS = frozenset({"at", "until", "till"})

# -- the words joining amounts --

#: Words and signs that join the two ends of a range ("$5-10 million", "$5 to $10 million").
RANGE_JOINERS: frozenset[str] = frozenset({"-", "–", "—", "to"})
#: What may stand between coordinated amounts that share one scale word ("$140 and $150
#: million", "$1, $2 or $3 billion").
COORDINATORS: tuple[tuple[str, ...], ...] = (("and",), ("or",), (",", "and"), (",", "or"))
