"""Finds money amounts: `$20M`, `US$5bn`, `€3.2 billion`, `20 million pesos`, `$5-10 million`.

An amount is a number with a currency before it (`$`, `USD`, `C$`, `dollar`) or after it
(`dollars`, `euros`, `USD`, `€`), read over pieces (see `pieces.py`) so that glued forms
(`$30Billion`, `115USD`) and tokenised ones (`$ 75 million`) follow one grammar. Around that
core: a range (`$5-10 million`), a cents tail (`3 dollars 50 cents`) and the hedge in front
(`more than`), which is kept in `qualifier` and left out of `text`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from claimcheck.extraction import extensions  # noqa: F401  (registers Doc._.money)
from claimcheck.extraction.doc_index import doc_index
from claimcheck.extraction.extensions import DocAnnotator
from claimcheck.extraction.money.amounts import (
    UNREAD_SIGN,
    Currency,
    Number,
    at,
    may_start_amount,
    read_currency,
    read_minor_unit,
    read_number,
    scale_at,
)
from claimcheck.extraction.money.pieces import Piece, doc_pieces
from claimcheck.extraction.numbers import is_digits, qualifier_before
from claimcheck.kinds.money import SPEC as MONEY
from claimcheck.lang.en.currencies import AMBIGUOUS_FAMILIES
from claimcheck.lang.en.numbers import COORDINATORS, RANGE_JOINERS
from claimcheck.model import Money

#: Parts of speech after a bare cents number that show it counts something else
#: ("$20 and 43 people").
COUNTED_POS: frozenset[str] = frozenset({"NOUN", "PROPN", "NUM"})
#: An amount this large already names its size: no scale word after it is meant for it.
MAX_SCALABLE = 1000


@dataclass(frozen=True, slots=True)
class Amount:
    start: int  # first piece
    end: int  # piece after the last
    value: float
    code: str
    whole: bool
    scaled: bool
    family: str | None
    national: bool
    high: float | None = None
    scale: float = 1.0  # what its scale words multiply by ("million": 1e6)


def _suffix_currency(pieces: list[Piece], index: int) -> Currency | None:
    """A currency after a number, joined by a glued hyphen in "12-cent" and "one-yen"."""
    piece = at(pieces, index)
    if piece is not None and piece.text == "-" and piece.glued:
        after = at(pieces, index + 1)
        if after is not None and after.glued:
            index += 1
    currency = read_minor_unit(pieces, index) or read_currency(pieces, index)
    if currency is None:
        return None
    after = at(pieces, currency.end)
    if after is not None and after.glued and is_digits(after.text):
        return None  # "1 $10", "3 USD50": the currency belongs to the number after it
    return currency


def _name_leads(piece: Piece, currency: Currency) -> bool:
    """Whether a currency name may stand before its number ("dollar 22.5 million", "ringgit
    42"): not after a determiner ("the dollar 2 percent higher"), not as a verb or an ordinary
    word ("won a million")."""
    token = piece.token
    if currency.family in AMBIGUOUS_FAMILIES or token.pos_ in ("VERB", "AUX"):
        return False
    return token.i == 0 or token.nbor(-1).pos_ != "DET"


def read_amount(pieces: list[Piece], index: int) -> Amount | None:
    """A money amount starting at piece `index`, currency first or number first."""
    currency = read_currency(pieces, index)
    if currency is not None and currency.family and not _name_leads(pieces[index], currency):
        currency = None
    if currency is not None and (number := read_number(pieces, currency.end)) is not None:
        end = number.end
        repeated = read_currency(pieces, end)  # "$ 10 dollars", "USD 22.5 million dollars"
        if repeated is not None and repeated.family and repeated.code == currency.code:
            end = repeated.end
        return amount_of(number, currency, index, end, number.value * currency.factor)
    number = read_number(pieces, index)
    if number is None:
        return None
    currency = _suffix_currency(pieces, number.end)
    if currency is None:
        return None
    end, value = currency.end, number.value * currency.factor
    scale = scale_at(pieces, end)  # "75 USD million"
    if scale is not None and not number.scaled:
        return amount_of(number, currency, index, end + 1, value * scale, scale)
    return amount_of(number, currency, index, end, value)


def amount_of(
    number: Number, currency: Currency, start: int, end: int, value: float, scale: float = 0.0
) -> Amount:
    """The amount a number and its currency make over pieces `start` to `end`; `scale` is a
    scale word read after the currency ("75 USD million"), which scales the number."""
    return Amount(
        start,
        end,
        value,
        currency.code,
        number.whole,
        bool(scale) or number.scaled or currency.factor > 1,
        currency.family,
        currency.national,
        scale=scale or number.scale,
    )


def extend_range(pieces: list[Piece], amount: Amount) -> Amount:
    """`$5-10 million` and `$5 million to $10 million`: one amount from `value` to `high`.

    A scale written only on the high end applies to both ("$5-10 million" is 5 to 10 million)."""
    joiner = at(pieces, amount.end)
    if joiner is None or joiner.lower not in RANGE_JOINERS:
        return amount
    index = amount.end + 1
    repeated = read_currency(pieces, index)
    if repeated is not None and repeated.code == amount.code and repeated.family is None:
        index = repeated.end
    high = read_number(pieces, index)
    if high is None:
        return amount
    end = high.end
    suffix = read_currency(pieces, end)
    if suffix is not None and suffix.code == amount.code:
        end = suffix.end
    if joiner.lower == "to" and repeated is None and suffix is None and not high.scaled:
        return amount  # "$5 to 10 people": not one amount
    low = amount.value
    if high.scaled and not amount.scaled:
        low *= high.value / _unscaled(pieces, index, high)
    if high.value <= low:
        return amount
    return Amount(
        amount.start,
        end,
        low,
        amount.code,
        False,
        True,
        amount.family,
        amount.national,
        high.value,
        high.scale,
    )


def _unscaled(pieces: list[Piece], index: int, number: Number) -> float:
    """The value of `number` before its scale words ("10 million" -> 10)."""
    plain = read_number(pieces[: index + 1], index)
    return plain.value if plain is not None and plain.value else number.value


def extend_cents(pieces: list[Piece], amount: Amount) -> Amount:
    """`3 dollars 50 cents`, `thirteen dollars and forty-five cents`, `$20 43`: hundredths after
    a whole amount, with or without the word for them."""
    if not amount.whole or amount.scaled or amount.high is not None:
        return amount
    index = amount.end
    piece = at(pieces, index)
    if piece is not None and piece.lower == "and":
        index += 1
    cents = read_number(pieces, index)
    if cents is None or cents.scaled or not cents.whole or not 0 < cents.value < 100:
        return amount
    end = cents.end
    minor = read_minor_unit(pieces, end)
    if minor is not None:
        end = minor.end
    else:
        after = at(pieces, end)
        if after is not None and after.glued and after.text[0].isalnum():
            return amount  # "10 turkish lira 11a": an identifier
        if after is not None and (
            read_currency(pieces, end) is not None
            or (after.token.pos_ in COUNTED_POS and after.i != pieces[end - 1].i)
        ):
            return amount  # "50 dollar 40 rmb", "$20 and 43 people"
    return Amount(
        amount.start,
        end,
        amount.value + cents.value / 100,
        amount.code,
        False,
        False,
        amount.family,
        amount.national,
    )


def is_plausible(pieces: list[Piece], amount: Amount) -> bool:
    """Names that are also ordinary words ("200 pounds" of weight, "won", "rand") count as money
    only with a nationality, a scale word, or the parser's NER calling them MONEY."""
    if amount.family not in AMBIGUOUS_FAMILIES or amount.national or amount.scaled:
        return True
    return any(piece.token.ent_type_ == "MONEY" for piece in pieces[amount.start : amount.end])


def distribute_scales(pieces: list[Piece], amounts: list[Amount]) -> list[Amount]:
    """`$140 and $150 million`, `$1, $2 or $3 billion`: a scale word written once, after the
    last of coordinated amounts in one currency, sizes each of them."""
    result = list(amounts)
    for k in range(len(result) - 2, -1, -1):
        amount, following = result[k], result[k + 1]
        between = tuple(piece.lower for piece in pieces[amount.end : following.start])
        if (
            following.scale > 1
            and amount.scale == 1
            and amount.code == following.code
            and amount.value < MAX_SCALABLE
            and (between in COORDINATORS or (between == (",",) and following is not amounts[k + 1]))
        ):
            scale = following.scale
            high = None if amount.high is None else amount.high * scale
            result[k] = replace(
                amount, value=amount.value * scale, high=high, scale=scale, scaled=True, whole=False
            )
    return result


def bare_number_before(
    pieces: list[Piece], amount: Amount, floor: int, listed: bool = False
) -> Amount | None:
    """`20 or 30 million euros`, `2, 3 or 4 billion dollars`: a bare number coordinated with a
    number-first amount takes that amount's currency (and, in `distribute_scales`, its scale).
    Only a small whole number directly before the coordinator qualifies, so a year ("2019 and
    20 million euros") or a count of something else never does; a bare comma joins only inside
    such a list (`listed`), never a number to the first amount ("Of the 5, 20 million euros")."""
    if read_currency(pieces, amount.start) is not None:
        return None  # "$20 or $30": the first one, if any, was read with its own sign
    for joiner in (*COORDINATORS, (",",)) if listed else COORDINATORS:
        first = amount.start - len(joiner) - 1
        if first < floor or tuple(p.lower for p in pieces[first + 1 : amount.start]) != joiner:
            continue
        number = read_number(pieces, first)
        if number is None or number.end != first + 1 or number.scaled or not number.whole:
            continue
        if number.value >= MAX_SCALABLE or read_currency(pieces, first - 1) is not None:
            continue
        return Amount(
            first,
            first + 1,
            number.value,
            amount.code,
            True,
            False,
            amount.family,
            amount.national,
        )
    return None


def with_bare_numbers(pieces: list[Piece], amounts: list[Amount]) -> list[Amount]:
    """`amounts` with the bare numbers coordinated before them (see `bare_number_before`),
    read right to left so that a list of them chains."""
    result: list[Amount] = []
    for k, amount in enumerate(amounts):
        floor = amounts[k - 1].end if k else 0
        chain = [amount]
        while (bare := bare_number_before(pieces, chain[0], floor, len(chain) > 1)) is not None:
            chain.insert(0, bare)
        result.extend(chain)
    return result


def to_money(doc: Doc, pieces: list[Piece], amount: Amount) -> Money:
    start, end = pieces[amount.start].start, pieces[amount.end - 1].end
    return Money(
        text=doc_index(doc).text[start:end],
        start=start,
        end=end,
        value=_clean(amount.value),
        currency=amount.code,
        high=None if amount.high is None else _clean(amount.high),
        qualifier=qualifier_before(doc, start),
    )


def _clean(value: float) -> float:
    """Drop binary noise from scaling (16.4 * 1e6 is 16399999.999999998)."""
    return float(f"{value:.12g}")


def find_money(doc: Doc) -> list[Money]:
    """Every money amount in `doc`, in text order, none overlapping."""
    pieces = doc_pieces(doc)
    found: list[Amount] = []
    index = 0
    while index < len(pieces):
        amount = read_amount(pieces, index) if may_start_amount(pieces[index]) else None
        if amount is None:
            index += 1
            continue
        amount = extend_cents(pieces, extend_range(pieces, amount))
        if is_plausible(pieces, amount):
            found.append(amount)
        index = amount.end
    found = with_signs_read(pieces, with_bare_numbers(pieces, found))
    return [to_money(doc, pieces, amount) for amount in distribute_scales(pieces, found)]


def with_signs_read(pieces: list[Piece], amounts: list[Amount]) -> list[Amount]:
    """Amounts written with a sign no table knows take the one currency of the other amounts in
    their sentence ("raked in $44.7 million and a total of #108.5 million"); with none, or
    several, to go by, they are left out."""
    index = doc_index(pieces[0].doc) if pieces else None
    kept = []
    for amount in amounts:
        if amount.code != UNREAD_SIGN:
            kept.append(amount)
            continue
        sentence = index.sentence_of(pieces[amount.start].i)  # type: ignore[union-attr]
        codes = {
            other.code
            for other in amounts
            if other.code != UNREAD_SIGN and sentence.start <= pieces[other.start].i < sentence.end
        }
        if len(codes) == 1:
            kept.append(replace(amount, code=codes.pop()))
    return kept


@Language.factory(
    "claimcheck_money",
    requires=["token.ent_type", "token.tag"],
    assigns=[f"doc._.{MONEY.extension}"],
)
def make_money_component(nlp: Language, name: str) -> DocAnnotator:
    return DocAnnotator(MONEY.extension, find_money)
