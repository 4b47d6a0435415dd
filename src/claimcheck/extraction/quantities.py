"""Finds quantities: a number written in digits and the thing it counts or measures.

`17,000 immigrants`, `11 miles`, `204 percent`, `5%`, `18,503 asylum seekers`, `1.5 million
people`. The unit is read from the dependency parse: the noun the number modifies (`nummod`),
to its right, with the compound nouns in front of it ("asylum seekers"). A number without such a
noun is no quantity ("in 2016", "killed 1,000"), which is also what keeps years, list markers and
most dates out; the rest (times, calendar days, phone numbers, identifiers, money) are excluded by
name.
"""

from __future__ import annotations

from functools import partial

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimcheck.extraction import extensions  # noqa: F401  (registers Doc._.quantities)
from claimcheck.extraction.bare_counts import bare_count, unit_of_role
from claimcheck.extraction.doc_index import CharRanges, doc_index
from claimcheck.extraction.extensions import DocAnnotator
from claimcheck.extraction.numbers import (
    GROUPING_SPACES,
    SCALE_WORDS,
    SMALL_NUMBERS,
    digits_value,
    is_digits,
    is_group,
    qualifier_before,
    words_value,
)
from claimcheck.extraction.settings import QuantitySettings, default_config
from claimcheck.extraction.tables import table_cells
from claimcheck.kinds.quantity import SPEC as QUANTITY
from claimcheck.lang.en.dates import MONTHS, TIME_WORDS
from claimcheck.lang.en.measures import CHANGE_VERBS
from claimcheck.lang.en.numbers import COUNTING_WORDS, PERCENT_WORDS
from claimcheck.model import Quantity

#: Dependency labels by which a number attaches to the noun it counts.
NUMBER_DEPS: frozenset[str] = frozenset({"nummod", "compound", "amod", "quantmod"})
#: The component's thresholds when none are set (`extraction.settings`).
DEFAULTS = QuantitySettings()
#: Parts of speech allowed between a number and its noun ("3 more service jobs", "50 new
#: full-time employees").
MODIFIER_POS: frozenset[str] = frozenset({"ADJ", "NOUN", "PROPN", "ADV", "VERB", "PUNCT"})
#: Characters that, touching a number, make it part of an identifier, a URL or a code.
IDENTIFIER_NEIGHBOURS = frozenset("/#_@-:=&")


def number_start(doc: Doc, token: Token) -> int:
    """Where a number split by tokenised text starts: `6 . 2`, `80 , 000` and `21 500` (a
    thousands group after a thin space, or after a space where the parse joins the two) are
    one number."""
    start = token.i
    point = "." in token.text  # a number has one decimal point: `20 . 1.2` is two numbers
    while start >= 1:
        separator = doc[start - 1].text
        decimal = separator == "." and not point and "." not in doc[max(start - 2, 0)].text
        grouped = decimal or (separator == "," and len(doc[start].text) == 3)
        if grouped and start >= 2 and is_digits(doc[start - 2].text) and doc[start - 2].whitespace_:
            start -= 2
            point = point or decimal or "." in doc[start].text
            continue
        if start >= 2 and separator in GROUPING_SPACES and is_space_group(doc, start - 2, start):
            start -= 2
            continue
        if is_space_group(doc, start - 1, start) and doc[start - 1].head.i == start:
            start -= 1  # "21 500": the parse makes the first group a compound of the second
            continue
        break
    return start


def is_space_group(doc: Doc, left: int, right: int) -> bool:
    """`doc[left]` and `doc[right]` are the groups of one number written with spaces: one to
    three digits, then exactly three."""
    first, second = doc[left].text, doc[right].text
    return 1 <= len(first) <= 3 and first.isdigit() and is_group(second)


def continues_as_number(doc: Doc, token: Token) -> bool:
    """The `80` of a tokenised `80 , 000` or the `21` of `21 500`: the number is read from its
    last part."""
    for after in (token.i + 1, token.i + 2):
        if after < len(doc) and is_digits(doc[after].text):
            return number_start(doc, doc[after]) <= token.i
    return False


def number_extent(doc: Doc, token: Token) -> tuple[int, float]:
    """The index after the number that ends at `token` ("1.5 million" ends after "million",
    "4-million-square-foot" after its "million") and its value."""
    value = digits_value("".join(t.text for t in doc[number_start(doc, token) : token.i + 1]))
    end = token.i + 1
    while end < len(doc):
        if doc[end].lower_ in SCALE_WORDS:
            value *= SCALE_WORDS[doc[end].lower_]
            end += 1
        elif is_hyphen_before_scale(doc, end):
            end += 1
        else:
            break
    return end, value


def is_hyphen_before_scale(doc: Doc, index: int) -> bool:
    """A hyphen glued between a number and a scale word, as in a compound measure."""
    hyphen = doc[index]
    following = doc[index + 1] if index + 1 < len(doc) else None
    glued = not doc[index - 1].whitespace_ and not hyphen.whitespace_
    scale = following is not None and following.lower_ in SCALE_WORDS
    return hyphen.text == "-" and glued and scale


def percent_end(doc: Doc, index: int) -> int | None:
    """The index after the percent word that starts at `index`, or None."""
    if index >= len(doc):
        return None
    lower = doc[index].lower_
    if lower == "per" and index + 1 < len(doc) and doc[index + 1].lower_ == "cent":
        return index + 2
    if lower in PERCENT_WORDS:
        following = doc[index + 1] if index + 1 < len(doc) else None
        if lower == "percentage" and following is not None and following.lower_ == "points":
            return index + 2
        return index + 1
    return None


def counted_noun(
    doc: Doc, number_end: int, distance: int = DEFAULTS.max_unit_distance
) -> Token | None:
    """The noun the number ending at `number_end` counts: its syntactic head when that stands
    just to its right (within `distance` tokens), else the next plural noun."""
    last = doc[number_end - 1]
    head = last.head
    window = doc[number_end : number_end + distance]
    modifies_right = last.dep_ in NUMBER_DEPS and number_end <= head.i
    near = head.i < number_end + distance and head.pos_ in ("NOUN", "PROPN")
    if modifies_right and near and only_modifiers(doc[number_end : head.i]):
        return head
    first = window[0] if len(window) else None
    if first is not None and first.tag_ in ("NNS", "NNPS") and first.pos_ in ("NOUN", "PROPN"):
        return first
    return None


def only_modifiers(between: Span) -> bool:
    """Whether the words between a number and a noun only describe the noun, so that the number
    counts it: "14 Asian nations", and "a dozen Asian and African nations", where a conjunction
    joins two of those words. A comma or any other word ends the noun phrase."""
    return all(
        (token.pos_ in MODIFIER_POS and token.text != ",")
        or (token.dep_ == "cc" and between.start <= token.head.i < between.end)
        for token in between
    )


def unit_of(doc: Doc, number_end: int, noun: Token) -> str:
    """The counted noun with the compound nouns that stand right before it ("asylum seekers")
    and the words hyphenated to it ("square-foot")."""
    start = noun.i
    while start - 1 >= number_end:
        if doc[start - 1].dep_ == "compound":
            start -= 1
        elif start - 2 >= number_end and is_glued_hyphen(doc, start - 1):
            start -= 2
        else:
            break
    return doc[start : noun.i + 1].text


def is_glued_hyphen(doc: Doc, index: int) -> bool:
    """A hyphen joining two words without spaces ("square-foot")."""
    before = doc[index - 1]
    return doc[index].text == "-" and not before.whitespace_ and not doc[index].whitespace_


def is_excluded(doc: Doc, token: Token, value: float) -> bool:
    """Numbers that are no count: years, parts of dates, identifiers, phone numbers, list
    markers."""
    text = doc_index(doc).text
    before = text[token.idx - 1] if token.idx > 0 else " "
    after_index = token.idx + len(token.text)
    after = text[after_index] if after_index < len(text) else " "
    if before in IDENTIFIER_NEIGHBOURS or before.isalpha() or after.isalpha():
        return True
    if after in IDENTIFIER_NEIGHBOURS - {"-"}:
        return True
    if after == "-" and after_index + 1 < len(text) and text[after_index + 1].isdigit():
        return True  # "555-1234", "3-2"
    neighbours = [doc[i].lower_ for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    if any(word in MONTHS for word in neighbours):
        return True  # "July 16", "16 July"
    if "/" in neighbours:
        return True  # a fraction or a score: "1 / 4 point"
    year_like = "," not in token.text and "." not in token.text and 1000 <= value <= 2100
    if year_like and len(token.text) == 4:
        return True
    line_start = text.rfind("\n", 0, token.idx) + 1
    return not text[line_start : token.idx].strip() and after in ".)"  # list marker "1. ..."


def is_whole_line(text: str, start: int, end: int) -> bool:
    """A figure alone on its line of a longer page is a label ("3 Comments", "12 Photos"), not
    a claim; a text that is that one line ("100 percent") is still a quantity."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return line.strip(" \t:.") == text[start:end] and text.strip() != line.strip()


def quantity_at(doc: Doc, token: Token, settings: QuantitySettings = DEFAULTS) -> Quantity | None:
    """The quantity whose number is `token`, or None."""
    if not is_digits(token.text) or continues_as_number(doc, token):
        return None
    end, value = number_extent(doc, token)
    if is_excluded(doc, token, value):
        return None
    start_char = doc[number_start(doc, token)].idx
    last = percent_end(doc, end)
    if last is not None:
        unit = "percent"
        span: Span = doc[number_start(doc, token) : last]
    else:
        noun = counted_noun(doc, end, settings.max_unit_distance)
        if noun is not None and (noun.lower_ in TIME_WORDS or noun.lower_ in MONTHS):
            return None
        point = scale_point(token) if noun is None else None
        if noun is not None:
            unit = unit_of(doc, end, noun)
            span = doc[number_start(doc, token) : noun.i + 1]
        elif point is not None:
            start_char, unit, span = point.idx, point.lower_, doc[point.i : end]
        else:
            count = bare_count(doc, end)
            if count is None:
                return None
            span, unit = doc[number_start(doc, token) : count[0]], count[1]
    text = doc_index(doc).text
    if is_whole_line(text, start_char, span.end_char):
        return None
    return Quantity(
        text=text[start_char : span.end_char],
        start=start_char,
        end=span.end_char,
        value=value,
        unit=unit,
        qualifier=qualifier_before(doc, start_char),
    )


def set_by_change(token: Token) -> bool:
    """Whether `token` is the new value a change verb sets: the object of its "to" ("upgraded
    to Level 4", "corrected downward to zero", "raised to Category 5")."""
    preposition = token.head
    return (
        token.dep_ == "pobj"
        and preposition.lower_ == "to"
        and preposition.head.lemma_.lower() in CHANGE_VERBS
    )


def scale_point(number: Token) -> Token | None:
    """The noun of a point on a scale ("Level 4", "Category 5") when a change verb sets it:
    the number names a value there, where "Apollo 11" or "Section 230" only name a thing."""
    noun = number.head
    names = number.dep_ == "nummod" and noun.i == number.i - 1 and noun.pos_ in ("NOUN", "PROPN")
    return noun if names and set_by_change(noun) else None


def word_values(doc: Doc) -> list[Quantity]:
    """Numbers written as words that a change verb sets as a new value ("the rating was
    corrected to zero"): a figure a later one supersedes, whatever way it is written. Other
    number words ("eight theatres") stay out, as the gold format's quantities are in digits."""
    found = []
    for token in doc:
        if token.lower_ not in SMALL_NUMBERS or not set_by_change(token):
            continue
        unit = unit_of_role(token)
        if unit:
            end = token.idx + len(token.text)
            found.append(
                Quantity(token.text, token.idx, end, float(SMALL_NUMBERS[token.lower_]), unit)
            )
    return found


def word_count_run(number: Token) -> list[Token]:
    """The number words of the phrase `number` heads: its own and the words that compound or
    quantify it ("Two" of "Two thousand", "A" of "A dozen", "Twenty" of "Twenty-five")."""
    words = {"a", "an", "and", "-"}
    run = [number]
    for child in reversed(list(number.lefts)):
        if child.dep_ not in ("compound", "quantmod", "nummod", "punct"):
            break
        lower = child.lower_
        if lower not in words and lower not in SMALL_NUMBERS and lower not in COUNTING_WORDS:
            break
        if child.i != run[0].i - 1:
            break
        run.insert(0, child)
    for child in number.rights:  # "two dozen" parsed with "dozen" hanging on "two"
        if child.i != run[-1].i + 1 or child.lower_ not in COUNTING_WORDS:
            break
        run.append(child)
    return run


def run_value(run: list[Token]) -> float | None:
    """The value of a number-word run; "dozen" multiplies what stands before it (or one)."""
    words = [token.lower_ for token in run]
    if words[-1] == "dozen":
        before = [w for w in words[:-1] if w not in ("a", "an")]
        base = words_value(before) if before else 1.0
        return None if base is None else base * 12
    return words_value(words)


def word_count_at(
    doc: Doc, number: Token, settings: QuantitySettings = DEFAULTS
) -> Quantity | None:
    """A count written in words: a number word that modifies the noun after it, large enough
    that news would otherwise write it in figures (`word_figure_min`) or scaled."""
    lower = number.lower_
    if lower not in SMALL_NUMBERS and lower not in COUNTING_WORDS:
        return None
    noun = number.head
    counts_noun = number.dep_ == "nummod" or (  # "dozen" may parse as a compound of the noun
        number.dep_ == "compound" and lower in COUNTING_WORDS
    )
    if not counts_noun or noun.i <= number.i or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if noun.lower_ in TIME_WORDS or noun.lower_ in MONTHS or number.ent_type_ in ("DATE", "TIME"):
        return None  # "fifteen years", a duration or a date
    run = word_count_run(number)
    value = run_value(run)
    scaled = any(token.lower_ in COUNTING_WORDS for token in run)
    if value is None or (value < settings.word_figure_min and not scaled):
        return None
    if not only_modifiers(doc[run[-1].i + 1 : noun.i]):
        return None
    start, end = run[0].idx, noun.idx + len(noun.text)
    return Quantity(
        text=doc_index(doc).text[start:end],
        start=start,
        end=end,
        value=value,
        unit=unit_of(doc, run[-1].i + 1, noun),
        qualifier=qualifier_before(doc, start),
    )


def word_counts(
    doc: Doc, taken: list[tuple[int, int]], settings: QuantitySettings = DEFAULTS
) -> list[Quantity]:
    """Every count written in words outside the character ranges `taken` (money, figures)."""
    found = []
    ranges = CharRanges(taken)
    for token in doc:
        quantity = word_count_at(doc, token, settings)
        if quantity is not None and not ranges.overlaps(quantity.start, quantity.end):
            found.append(quantity)
    return found


def table_quantities(text: str) -> tuple[list[Quantity], list[tuple[int, int]]]:
    """The figures of the tables in `text` (each cell counts what its column heading names),
    and the character ranges the tables take."""
    cells, spans = table_cells(text)
    found = [Quantity(text[c.start : c.end], c.start, c.end, c.value, c.column) for c in cells]
    return found, spans


def find_quantities(doc: Doc, settings: QuantitySettings = DEFAULTS) -> list[Quantity]:
    """Every quantity in `doc`, in text order, leaving out numbers inside money amounts."""
    money = [(item.start, item.end) for item in doc._.money or ()]
    index = doc_index(doc)
    found, tables = table_quantities(index.text)
    money_ranges, taken = CharRanges(money), CharRanges((*money, *tables))
    covered_until = -1
    for i, idx in enumerate(index.starts):
        if idx < covered_until or not is_digits(index.token_text(i)):
            continue  # only a token in digits can be a quantity's number
        if taken.covers(idx):
            continue
        quantity = quantity_at(doc, doc[i], settings)
        if quantity is not None and not money_ranges.overlaps(quantity.start, quantity.end):
            found.append(quantity)
            covered_until = quantity.end
    found.extend(word_values(doc))
    taken = [*money, *tables, *((q.start, q.end) for q in found)]
    found.extend(word_counts(doc, taken, settings))
    return sorted(found, key=lambda quantity: quantity.start)


@Language.factory(
    "claimcheck_quantities",
    requires=["doc._.money", "token.dep", "token.tag"],
    assigns=[f"doc._.{QUANTITY.extension}"],
    default_config=default_config(QuantitySettings),
)
def make_quantities_component(
    nlp: Language, name: str, max_unit_distance: int, word_figure_min: int
) -> DocAnnotator:
    settings = QuantitySettings(max_unit_distance, word_figure_min)
    return DocAnnotator(QUANTITY.extension, partial(find_quantities, settings=settings))
