"""Numbers and currencies read over pieces, the two halves of a money amount.

`read_number` is shared with quantities ("1.5 million people"); `read_currency` knows every way a
currency is written (sign, code, prefixed sign, name, nationality and name).
"""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.extraction.money.pieces import Piece
from claimcheck.extraction.numbers import (
    FRACTION_WORDS,
    SCALE_ABBREVIATIONS,
    SCALE_LETTERS,
    SCALE_WORDS,
    SMALL_NUMBERS,
    is_digits,
    words_value,
)
from claimcheck.lang.en.currencies import (
    DEFAULT_CODES,
    DOLLAR_PREFIXES,
    GLUED_MINOR_UNITS,
    MINOR_UNITS,
    NAME_FAMILIES,
    NATIONAL_CODES,
    NATIONALITY_MAX_WORDS,
    PREFIXES_THAT_ARE_WORDS,
    SYMBOLS,
    code_of,
    million_code_of,
    name_family,
    national_code,
)

#: Words an amount can start with: a number word, a dollar prefix, a currency name, the first
#: word of a nationality.
STARTING_WORDS: frozenset[str] = frozenset(
    {*SMALL_NUMBERS, *FRACTION_WORDS, "hundred", "a", "an", *DOLLAR_PREFIXES, *NAME_FAMILIES}
    | {nationality.split()[0] for nationality, _ in NATIONAL_CODES}
)
#: Hyphens that join a scale word to its digits ("$161-million").
SCALE_HYPHENS: frozenset[str] = frozenset({"-", "‐", "–"})
#: Parts of speech a spaced dollar prefix cannot have ("give us $5" is not US$).
NOT_PREFIX_POS: frozenset[str] = frozenset({"PRON", "DET", "VERB", "AUX", "ADP"})


@dataclass(frozen=True, slots=True)
class Number:
    value: float
    end: int  # index of the piece after the number
    scaled: bool  # a scale word closed it ("million", "bn", "M")
    whole: bool  # an integer written without a decimal point
    scale: float = 1.0  # what the scale words multiplied the number by


@dataclass(frozen=True, slots=True)
class Currency:
    code: str
    end: int
    family: str | None  # the name's family ("dollar"), None for signs and codes
    factor: float = 1.0  # 0.01 for cents and pence, 1e6 for "MUSD"
    national: bool = False  # a nationality or prefix fixed the code


#: The code of an amount whose sign the tagger reads as a currency sign but no table knows
#: ("#108.5 million", a slipped key): the amounts of its sentence say which currency it is.
UNREAD_SIGN = ""


def unread_sign(piece: Piece) -> bool:
    """A one-character token the model reads as a currency sign inside a money entity, that is
    no known sign ("a total of #108.5 million")."""
    token = piece.token
    whole = piece.text == token.text and len(piece.text) == 1 and not piece.text.isalnum()
    return whole and token.tag_ == "$" and token.ent_type_ == "MONEY" and piece.text not in SYMBOLS


def may_start_amount(piece: Piece) -> bool:
    """Whether an amount can start at `piece`: a cheap test that spares the full grammar the
    great majority of pieces, which are ordinary words. It accepts everything `read_currency` or
    `read_number` could read from here (and a little more)."""
    text = piece.text
    return (
        piece.lower in STARTING_WORDS
        or text in SYMBOLS
        or is_digits(text)
        or code_of(text) is not None
        or million_code_of(text) is not None
        or unread_sign(piece)
    )


def at(pieces: list[Piece], index: int) -> Piece | None:
    return pieces[index] if 0 <= index < len(pieces) else None


def _is_number_word(piece: Piece) -> bool:
    lower = piece.lower
    return lower in SMALL_NUMBERS or lower in FRACTION_WORDS or lower == "hundred"


def scale_at(pieces: list[Piece], index: int) -> float | None:
    """The scale written at `index`: a word ("million"), an abbreviation ("bn") or a letter
    glued to the digits ("20M")."""
    piece = at(pieces, index)
    if piece is None:
        return None
    lower = piece.lower
    if lower in SCALE_WORDS:
        return SCALE_WORDS[lower]
    if lower in SCALE_ABBREVIATIONS and lower != "k":
        return SCALE_ABBREVIATIONS[lower]
    if piece.glued and lower in SCALE_LETTERS:
        return SCALE_LETTERS[lower]
    return None


def read_number(pieces: list[Piece], index: int) -> Number | None:
    """The number that starts at piece `index`: digits or number words, then scales."""
    first = at(pieces, index)
    if first is None:
        return None
    words: list[str] = []
    end = index
    digits = first.text
    if is_digits(digits):
        end += 1
        if "." not in digits and (fraction := spaced_fraction(pieces, end)) is not None:
            digits, end = digits + fraction[0], fraction[1]
        words.append(digits)
    else:
        while (piece := at(pieces, end)) is not None:
            lower = piece.lower
            following = at(pieces, end + 1)
            if _is_number_word(piece):
                words.append(lower)
            elif (
                lower in ("a", "an") and following is not None and (not words or words[-1] == "and")
            ):
                if not (
                    _is_number_word(following)
                    or following.lower in SCALE_WORDS
                    or name_family(following.text) is not None  # "a dollar"
                ):
                    break
                words.append(lower)
            elif lower == "-" and words and following and _is_number_word(following):
                if not (piece.glued and following.glued):
                    break
                words.append(lower)  # "forty-five"
            elif lower == "and" and words and _and_continues(pieces, end, words[-1]):
                words.append(lower)  # "one hundred and five", "two and a half"
            else:
                break
            end += 1
        if not words:
            return None
    scaled = False
    product = 1.0
    if hyphened_scale(pieces, end):
        end += 1  # "$161-million"
    while (scale := scale_at(pieces, end)) is not None:
        words.append(_scale_word_for(scale))
        scaled = True
        product *= scale
        end += 1
    value = words_value(words)
    if value is None:
        return None
    whole = "." not in digits and value == int(value) and not scaled
    return Number(value, end, scaled, whole, product)


def spaced_fraction(pieces: list[Piece], index: int) -> tuple[str, int] | None:
    """The decimals of a number whose text was re-joined with spaces, as tokenised corpora
    print it: `$2 .6 million`, `$2 . 6 million`. Returns (".6", index after them)."""
    piece = at(pieces, index)
    if piece is None or piece.glued:
        return None
    if piece.text[0] == "." and piece.text[1:].isdigit():
        return piece.text, index + 1
    after = at(pieces, index + 1)
    if piece.text == "." and after is not None and not after.glued and after.text.isdigit():
        return "." + after.text, index + 2
    return None


def hyphened_scale(pieces: list[Piece], index: int) -> bool:
    """Whether a hyphen at `index` joins a scale word to the digits before it
    (`$161-million`, `a 20-billion-dollar fund`)."""
    hyphen, word = at(pieces, index), at(pieces, index + 1)
    return (
        hyphen is not None
        and word is not None
        and hyphen.text in SCALE_HYPHENS
        and hyphen.glued
        and word.glued
        and word.lower in SCALE_WORDS
    )


def _and_continues(pieces: list[Piece], index: int, previous: str) -> bool:
    """Whether the "and" at `index` is inside a number: after "hundred", or before "a half"."""
    following = [p.lower for p in pieces[index + 1 : index + 3]]
    if following == ["a", "half"]:
        return True
    return previous == "hundred" and bool(following) and following[0] in SMALL_NUMBERS


def _scale_word_for(scale: float) -> str:
    return next(word for word, value in SCALE_WORDS.items() if value == scale)


def _spaced_prefix(piece: Piece) -> bool:
    """Whether a prefix written apart from its `$` ("c $ 16.4", "hk $ 10") is one: never the
    words "a", "can" and "s"; "us" only when it is not the pronoun ("give us $5")."""
    if piece.lower in PREFIXES_THAT_ARE_WORDS:
        return False
    return piece.lower != "us" or piece.token.pos_ not in NOT_PREFIX_POS


def read_currency(pieces: list[Piece], index: int) -> Currency | None:
    """The currency written from piece `index`: `US$`, `$`, `USD`, `MUSD`, `australian
    dollars`, `pesos`."""
    piece = at(pieces, index)
    if piece is None:
        return None
    following = at(pieces, index + 1)
    prefixed = following is not None and following.text == "$" and piece.lower in DOLLAR_PREFIXES
    if prefixed and (following.glued or _spaced_prefix(piece)):
        return Currency(DOLLAR_PREFIXES[piece.lower], index + 2, None, national=True)
    if piece.text in SYMBOLS:
        return Currency(SYMBOLS[piece.text], index + 1, None)
    if unread_sign(piece):
        return Currency(UNREAD_SIGN, index + 1, None)
    if code := code_of(piece.text):
        after = at(pieces, index + 2)
        dotted = following is not None and following.text == "." and after is not None
        if (
            following is not None
            and following.glued
            and (following.text == "$" or (dotted and is_digits(after.text)))
        ):
            return Currency(code, index + 2, None, national=True)  # "usd$ 15", "Rs. 20"
        return Currency(code, index + 1, None, national=True)
    if code := million_code_of(piece.text):
        return Currency(code, index + 1, None, factor=1e6, national=True)
    for size in range(NATIONALITY_MAX_WORDS, 0, -1):
        name = at(pieces, index + size)
        if name is None or (family := name_family(name.text)) is None:
            continue
        nationality = " ".join(p.lower for p in pieces[index : index + size])
        if code := national_code(nationality, family):
            return Currency(code, index + size + 1, family, national=True)
    family = name_family(piece.text)
    if family in DEFAULT_CODES:
        return Currency(DEFAULT_CODES[family], index + 1, family)
    return None


def read_minor_unit(pieces: list[Piece], index: int) -> Currency | None:
    """Cents and pence: `50 cents`, `10¢`, `43c`, `470 pence`."""
    piece = at(pieces, index)
    if piece is None:
        return None
    if piece.lower in MINOR_UNITS:
        return Currency(MINOR_UNITS[piece.lower], index + 1, "minor", factor=0.01)
    if piece.glued and piece.lower in GLUED_MINOR_UNITS:
        return Currency(GLUED_MINOR_UNITS[piece.lower], index + 1, "minor", factor=0.01)
    return None
