"""Numbers as news writes them: `17,000`, `1.5 million`, `$20M`, `forty-five`, `a quarter million`.

Money and quantities both need the full value of a figure and the hedge in front of it ("about",
"more than"), so the word lists and the arithmetic live here, once. Values are built the way a
reader builds them: small numbers add up, "hundred" multiplies what came before, a scale word
(thousand, million, lakh, ...) closes a group.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from claimcheck.extraction.doc_index import doc_index
from claimcheck.lang.en.numbers import (
    FRACTION_WORDS,
    SCALE_ABBREVIATIONS,
    SCALE_LETTERS,
    SCALE_WORDS,
    SMALL_NUMBERS,
)
from claimcheck.lang.en.qualifiers import QUALIFIERS

__all__ = [
    "FRACTION_WORDS",
    "SCALE_ABBREVIATIONS",
    "SCALE_LETTERS",
    "SCALE_WORDS",
    "SMALL_NUMBERS",
]

QUALIFIER_MAX_WORDS = max(len(phrase.split()) for phrase in QUALIFIERS)

#: Digits as news writes them: `17,000`, `1.5`, `20,000.00`, `100,000,000`, `10000`, and the
#: Swiss apostrophe grouping `21’500`.
DIGITS = re.compile(
    r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d{1,3}(?:[’']\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$"
)
#: Spaces that group thousands (`21 500` with a thin, narrow or no-break space): the tokenizer
#: keeps them as tokens of their own, never as the end of a word.
GROUPING_SPACES = frozenset("\u2009\u202f\u00a0")
#: Characters that group thousands and carry no value.
GROUPING_MARKS = re.compile(r"[,’'\s]")


def is_digits(text: str) -> bool:
    return bool(DIGITS.match(text))


def is_group(text: str) -> bool:
    """Three digits: a thousands group after a space (`21 500`)."""
    return len(text) == 3 and text.isdigit()


def digits_value(text: str) -> float:
    """`"17,000"` -> 17000.0, `"21’500"` -> 21500.0. Commas, apostrophes and thin spaces
    group thousands; a dot is a decimal point."""
    return float(GROUPING_MARKS.sub("", text))


def words_value(words: list[str]) -> float | None:
    """The value of a run of number words and digits: `["1.5", "million"]` -> 1.5e6,
    `["three", "quarters", "billion"]` -> 7.5e8, `["a", "hundred"]` -> 100.

    Returns None when the words do not make one number ("million" alone, "five four")."""
    total = 0.0
    current: float | None = None
    last_small: int | None = None  # guards "five four" (two numbers, not one)
    for index, raw in enumerate(words):
        word = raw.lower()
        following = words[index + 1].lower() if index + 1 < len(words) else ""
        if word in ("a", "an"):
            if following in FRACTION_WORDS:
                continue
            if current is None and (following in SMALL_NUMBERS or is_digits(following)):
                continue  # the article of "a two-million-euro booty", not a one
            current = (current or 0.0) + 1.0
        elif word in ("and", "-"):
            continue
        elif is_digits(word):
            if current is not None:
                return None
            current = digits_value(word)
        elif word in SMALL_NUMBERS:
            value = SMALL_NUMBERS[word]
            if last_small is not None and not (
                last_small >= 20 and last_small % 10 == 0 and value < 10
            ):
                return None
            current = (current or 0.0) + value
            last_small = value
            continue
        elif word == "hundred":
            current = (current or 1.0) * 100
        elif word in FRACTION_WORDS:
            fraction = FRACTION_WORDS[word]
            if current is None:
                current = fraction
            elif word == "half":
                current += fraction  # "two and a half"
            else:
                current *= fraction  # "three quarters"
        elif word in SCALE_WORDS or word in SCALE_ABBREVIATIONS:
            if current is None:
                return None
            total += current * SCALE_WORDS.get(word, SCALE_ABBREVIATIONS.get(word, 1.0))
            current = None
        else:
            return None
        last_small = None
    if current is None and total == 0.0:
        return None
    return total + (current or 0.0)


def qualifier_before(doc: Doc, start_char: int) -> str | None:
    """The hedge that ends right before character `start_char` ("more than", "an estimated"),
    as written (lower-cased), or None."""
    end_token = doc_index(doc).first_token_from(start_char)
    best: str | None = None
    for size in range(1, QUALIFIER_MAX_WORDS + 1):
        first = end_token - size
        if first < 0:
            break
        phrase = " ".join(token.lower_ for token in doc[first:end_token])
        if phrase in QUALIFIERS and not (size == 1 and doc[first].dep_ == "prep"):
            best = phrase  # a one-word hedge parsed as a preposition is one: "over 3 years"
    return best
