"""Finds the date expressions of a `Doc` and gives each its TIMEX3-style value.

Candidates come from two sources: spaCy's DATE entities (good recall on news prose, but they also
cover durations like "seven years" and miss bare month names in some contexts) and token
`Matcher` patterns for the calendar shapes news uses. Each candidate is then read word by word
(`date_values.read_words`); durations, ages, sets ("each day") and idioms ("at the end of the
day") have no calendar cue and are dropped. The rest are resolved in document order, so that
"two years later" and "the same period last year" can refer to the date mentioned before them.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claimcheck.extraction import extensions  # noqa: F401  (registers Doc._.dates)
from claimcheck.extraction.dates.patterns import date_matcher
from claimcheck.extraction.dates.timex import Period, anchor_as_period, period_of, shift_by
from claimcheck.extraction.dates.values import (
    OUT_OF_RANGE,
    RANGE,
    Context,
    Resolution,
    edge_of_current,
    is_within_unit,
    resolve,
)
from claimcheck.extraction.dates.words import DateWords, find_spelled_year, read_words
from claimcheck.extraction.extensions import DocAnnotator
from claimcheck.kinds.date import SPEC as DATE
from claimcheck.lang.en.dates import (
    COUNT_LINKS,
    COUNT_WORDS,
    DEADLINE_WORDS,
    FORWARD_MODALS,
    FUTURE_AUXILIARIES,
    LEADING_WORDS,
    PART_JOINERS,
    PARTS_OF_DAY,
    PERIOD_WORDS,
    RANGE_LINKS,
    RANGE_OPENERS,
    RECENT_WORDS,
    RELATIVE_TO_PREVIOUS,
    SET_WORDS,
    TRAILING,
    UNIT_MULTIPLES,
    UNITS,
)
from claimcheck.model import DateMention, PartialDate

_CENTURY_WORD = re.compile(r"^\d{1,2}(st|nd|rd|th)$")


def trim(span: Span) -> Span:
    """Drop prepositions and punctuation at the edges ("in May," -> "May")."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].lower_ in LEADING_WORDS or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].lower_ in TRAILING):
        end -= 1
    return span.doc[start:end]


def candidate_spans(doc: Doc) -> list[Span]:
    """DATE entities and matched calendar shapes, longest first where they overlap, with the
    two ends of a range joined into one."""
    spans = [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
    spans += [doc[t.i : t.i + 1] for t in doc if is_year_of_a_title(t)]
    matches = date_matcher(doc.vocab)(doc)
    spans += [doc[start:end] for label, start, end in matches if _keeps(doc, label, start, end)]
    spans = [trimmed for span in spans if len(trimmed := trim(without_duration(span))) > 0]
    spans = [span for span in spans if any(t.lower_ not in PARTS_OF_DAY for t in span)]
    spans = join_ranges(sorted(filter_spans(spans), key=lambda span: span.start))
    return [with_count_before(span) for span in join_parts(spans)]


#: Units of a stretch of time a date entity runs on into ("March 3 after four decades"), besides
#: the calendar units a date counts in.
DURATION_UNITS = frozenset(UNITS) | {"decade", "decades", "century", "centuries", "hours"}


def without_duration(span: Span) -> Span:
    """A date and the stretch of time after it, which the model sometimes tags as one entity
    ("closed on March 3 after four decades", "on Monday after 40 years"): the stretch says how
    long, not when. A count before its link ("two days after Christmas") still counts from the
    date, and stays."""
    doc = span.doc
    for i in range(span.start + 1, min(span.end, len(doc) - 2)):  # its words may lie past it
        link, count, unit = doc[i], doc[i + 1], doc[i + 2]
        counted = _count_of(count) is not None or count.lower_ in ("several", "many", "few")
        if link.lower_ in ("after", "before") and unit.lower_ in DURATION_UNITS and counted:
            return doc[span.start : i]
    return span


def _keeps(doc: Doc, label: int, start: int, end: int) -> bool:
    """A match of the spelled-year patterns counts only when its number words end in a year
    ("April seventeen hundred thirty three", not "in May two people")."""
    if doc.vocab.strings[label] != "SPELLED_YEAR":
        return True
    found = find_spelled_year([token.lower_ for token in doc[start:end]])
    return found is not None and found[0].stop == end - start


def join_parts(spans: list[Span]) -> list[Span]:
    """A weekday and the week or month-day that completes it, found as two candidates, are one
    date: 'next week Wednesday', 'Sunday from last week', 'Monday, Feb 18', 'Jul 18, Fri'."""
    joined: list[Span] = []
    for span in spans:
        if joined and _completes(joined[-1], span):
            joined.append(span.doc[joined.pop().start : span.end])
        else:
            joined.append(span)
    return joined


def _completes(first: Span, second: Span) -> bool:
    gap = first.doc[first.end : second.start]
    if len(gap) > 2 or any(token.lower_ not in PART_JOINERS for token in gap):
        return False
    a, b = read_words(first), read_words(second)
    weekday, other = (a, b) if a.weekday is not None and b.weekday is None else (b, a)
    if weekday.weekday is None or other.weekday is not None:
        return False
    if weekday.month is not None or weekday.unit is not None or weekday.years:
        return False
    week = other.unit == "week" and other.deictic is not None and not other.unit_plural
    return week or (other.month is not None and other.day is not None)


def with_count_before(span: Span) -> Span:
    """'(three weeks from) tomorrow', '(2 weeks before) May 13': the count and its link join the
    date they count from."""
    doc, start = span.doc, span.start
    if start < 3 or doc[start - 1].lower_ not in COUNT_LINKS:
        return span
    unit, count = doc[start - 2], doc[start - 3]
    if unit.lower_ in UNITS and _count_of(count) is not None:
        return doc[start - 3 : span.end]
    return span


def _count_of(token) -> int | None:
    if token.lower_ in COUNT_WORDS:
        return COUNT_WORDS[token.lower_]
    return int(token.text) if token.text.isdecimal() and len(token.text) < 4 else None


def counted_from(span: Span) -> tuple[int, Span, int, Span] | None:
    """(count, unit token, direction, the date counted from) of 'three weeks from tomorrow';
    None for any other shape."""
    if len(span) < 4 or span[2].lower_ not in COUNT_LINKS or span[1].lower_ not in UNITS:
        return None
    count = _count_of(span[0])
    if count is None:
        return None
    return (
        count * UNIT_MULTIPLES.get(span[1].lower_, 1),
        span[1],
        COUNT_LINKS[span[2].lower_],
        span[3:],
    )


def resolve_counted(span: Span, context: Context) -> Resolution | None:
    """The value of a date counted from another ('two days after Christmas'); None when the
    span is no such form or counts from something that is not a date ('from now' is read
    with the words)."""
    counted = counted_from(span)
    if counted is None:
        return None
    count, unit, direction, inner = counted
    words = read_words(inner)
    if not has_calendar_cue(words):
        return None
    base, reason = resolve(words, context)
    if base is None:
        return None, reason
    try:
        period = shift_by(base, UNITS[unit.lower_], direction * count)
    except (ValueError, OverflowError):
        return None, OUT_OF_RANGE
    if period is None:
        return None, f"counts {unit.lower_} from a date known only to the {base.unit}"
    return period, None


def _offset_at(tokens: Span) -> int | None:
    """How many tokens of an offset from now open `tokens`: 'in 9 months', 'in a year', '3
    years from now', 'two years hence', 'two years ago'; None when they do not open with one."""
    words = [token.lower_ for token in tokens[:4]]
    if words[:1] == ["in"] and len(words) >= 3 and _count_of(tokens[1]) is not None:
        of_what = words[3:4] == ["of"]  # "in a year of turmoil" is no offset
        return 3 if words[2] in UNITS and not of_what else None
    if len(words) >= 3 and _count_of(tokens[0]) is not None and words[1] in UNITS:
        if words[2] in ("hence", "ago"):
            return 3
        if words[2] == "from" and words[3:4] in (["now"], ["today"]):
            return 4
    return None


def with_offset(span: Span) -> tuple[Span, Span, Span | None]:
    """('Thanksgiving in three years', 'Thanksgiving', 'in three years'): a date named without
    a year and an offset from now after it, inside the span or right after it; the offset is
    None when there is none."""
    doc = span.doc
    for cut in range(1, len(span)):
        size = _offset_at(span[cut:])
        if size is not None and cut + size == len(span):
            return span, span[:cut], span[cut:]
    size = _offset_at(doc[span.end : span.end + 4])
    if size is not None:
        return doc[span.start : span.end + size], span, doc[span.end : span.end + size]
    return span, span, None


def resolve_offset(head: Span, offset: Span, context: Context, tense: int) -> Resolution | None:
    """'Thanksgiving in three years', 'March in a year': the first such date on or after the
    day that far from publication; 'Christmas two years ago': the last one in that year. None
    when the head names a year or no date of its own, or when a past tense makes 'in two
    years' a duration ("was built in March in two years")."""
    words = read_words(head)
    anchor = context.anchor
    if words.years or not has_calendar_cue(words) or anchor is None:
        return None
    if tense < 0 and offset[0].lower_ == "in":
        return None
    if words.deictic is not None or words.day_offset is not None or words.unit is not None:
        return None
    start = 1 if offset[0].lower_ == "in" else 0
    back = offset[-1].lower_ == "ago"  # "Christmas two years ago": the latest before then
    count = (_count_of(offset[start]) or 0) * (-1 if back else 1)
    unit = offset[start + 1].lower_
    try:
        moved = shift_by(anchor_as_period(anchor), UNITS[unit], count * UNIT_MULTIPLES.get(unit, 1))
    except (ValueError, OverflowError):
        return None, OUT_OF_RANGE
    if moved is None:
        return None
    day = moved.start
    if words.weekday is not None and words.month is None and moved.unit == "day":
        week = period_of(day, "week").start  # "Monday two weeks from now": that week's Monday
        return Period(week + dt.timedelta(days=words.weekday), "day"), None
    later = PartialDate(day.year, anchor.month and day.month, anchor.day and day.day)
    if back and UNITS[unit] == "year":
        later = PartialDate(day.year, 12, 31) if anchor.month else PartialDate(day.year)
    return resolve(words, Context(later, context.previous, future=not back))


def join_ranges(spans: list[Span]) -> list[Span]:
    """'from May to Oct 2020', 'between 2007 and 2009', 'Jan-Feb 2017': one range, not two dates
    (the format has one value per item, so a range is reported whole, with no value)."""
    joined: list[Span] = []
    for span in spans:
        if joined and _is_range(joined[-1], span):
            first = joined.pop()
            opener = first.start - 1
            has_opener = opener >= 0 and span.doc[opener].lower_ in RANGE_OPENERS
            joined.append(span.doc[opener if has_opener else first.start : span.end])
        else:
            joined.append(span)
    return joined


def _is_range(first: Span, second: Span) -> bool:
    doc = first.doc
    if second.start - first.end != 1:
        return False
    link = doc[first.end].lower_
    opener = doc[first.start - 1].lower_ if first.start > 0 else ""
    return link in RANGE_LINKS or (link == "and" and opener == "between")


def range_ends(span: Span) -> tuple[Span, Span] | None:
    """The two ends of a range ('from May to Oct 2020' gives 'May' and 'Oct 2020'), without
    its opener; None when no link word splits the span."""
    opened = span[0].lower_ in RANGE_OPENERS
    between = span[0].lower_ == "between"
    for token in span[1:-1]:
        link = token.lower_ in RANGE_LINKS or (token.lower_ == "and" and between)
        if link and token.i - span.start > int(opened):
            return span[int(opened) : token.i - span.start], span[token.i - span.start + 1 :]
    return None


def resolve_range(span: Span, context: Context) -> Resolution:
    """A range's value is its start, and its reason names its end ("September to December
    2017": 2017-09, ending 2017-12). An end without a year lends the other's year to it, a
    year back when its month comes later ("November to February 2018" starts in 2017-11)."""
    ends = range_ends(span)
    if ends is None:
        return None, RANGE
    first, last = read_words(ends[0]), read_words(ends[1])
    if not has_calendar_cue(first):
        return None, RANGE
    if last.years and not first.years and not first.holiday:
        later = first.month is not None and last.month is not None and first.month > last.month
        first.years.append(last.years[-1] - int(later))
    start, _ = resolve(first, context)
    end, _ = resolve(last, context) if has_calendar_cue(last) else (None, None)
    if start is None:
        return None, RANGE
    until = f", ending {end.timex}" if end is not None and end.start >= start.start else ""
    return start, f"{RANGE}: the value is its start{until}"


#: The reason given to the year of a work ("2000's Meet the Parents"): it dates the work, not
#: what its sentence tells.
TITLE_YEAR = "the year of the work it names"
#: A number that may be the year of a work it possesses ("2000's Meet the Parents").
_TITLE_YEAR = re.compile(r"^\d{3,4}$")
#: Possessive endings, straight and curly.
_POSSESSIVE = frozenset({"'s", "’s"})
#: Tags before a number that make it part of a name or an amount ("Boeing 747's", "$200's").
_NAME_OR_AMOUNT_TAGS = frozenset({"NNP", "NNPS", "CD", "$"})


def is_year_of_a_title(token) -> bool:
    """'the sequel to 2000's Meet the Parents': a bare number possessing a title is the year of
    the work, however many digits it has (a three-digit one is read as written, a year a
    comparison can then show to be a slip for 2000); not a number inside a name or an amount
    ("Boeing 747's engines", "Channel 4's", "$200's")."""
    doc = token.doc
    if not _TITLE_YEAR.match(token.text) or token.i + 2 >= len(doc):
        return False
    before = doc[token.i - 1] if token.i > 0 else None
    if before is not None and (before.tag_ in _NAME_OR_AMOUNT_TAGS or before.is_currency):
        return False
    return doc[token.i + 1].text in _POSSESSIVE and doc[token.i + 2].is_title


#: Small words a title holds between its capitalised ones ("Meet the Parents").
_TITLE_SMALL_WORDS = frozenset({"the", "of", "a", "an", "and", "in", "on", "to", "for", "with"})


def title_after_year(item: DateMention, doc: Doc) -> str | None:
    """The work a title year belongs to ("2000's Meet the Parents starring ..." -> "Meet the
    Parents"): the capitalised words after the possessive and the small words between them;
    None for other dates."""
    if item.reason != TITLE_YEAR:
        return None
    year = doc.char_span(item.start, item.end, alignment_mode="expand")
    if year is None:
        return None
    words = []
    for token in doc[year.end + 1 :]:  # past the possessive
        if not (token.is_title or (words and token.lower_ in _TITLE_SMALL_WORDS)):
            break
        words.append(token)
    while words and words[-1].lower_ in _TITLE_SMALL_WORDS:
        words.pop()
    return doc[words[0].i : words[-1].i + 1].text if words else None


def is_count_of_things(span: Span) -> bool:
    """'2000 pieces', '1500 troops': a number in year range that counts a noun."""
    token = span[0]
    determined = token.i > 0 and token.nbor(-1).pos_ == "DET"  # "the 2018 elections" is a year
    return len(span) == 1 and token.dep_ == "nummod" and token.head.tag_ == "NNS" and not determined


#: The code after a year in a designation ("2004 MN4", "1998 KY26"): capitals then digits.
_DESIGNATION_CODE = re.compile(r"^[A-Z]{1,3}\d[A-Z0-9]*$")


def is_designation(span: Span) -> bool:
    """'asteroid 2004 MN4': a year-shaped number naming something with the code after it."""
    doc = span.doc
    following = doc[span.end].text if span.end < len(doc) else ""
    return len(span) == 1 and span[0].is_digit and bool(_DESIGNATION_CODE.match(following))


def is_name(span: Span, words: DateWords) -> bool:
    """'Jan Egeland', 'April Ryan': a bare month that is a person's first name, as the parser
    or the entity recogniser reads it (a compound of a proper noun, not after a preposition:
    "in March Smith resigned" keeps its month)."""
    if len(span) != 1 or words.month is None or words.day is not None or words.years:
        return False
    token = span[0]
    surname = token.nbor(1) if token.i + 1 < len(token.doc) else None
    in_person = token.ent_type_ == "PERSON" and surname is not None and surname.ent_iob_ == "I"
    if in_person and surname.is_alpha and surname.is_title:
        return True
    head = token.head
    after_preposition = token.i > 0 and token.nbor(-1).pos_ == "ADP"
    named = head.pos_ == "PROPN" and head.is_title and head.i == token.i + 1
    return token.dep_ == "compound" and named and not after_preposition


def is_age(span: Span) -> bool:
    """'65 years old', 'a 30-year-old', 'aged 30'."""
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return after in ("old", "-year", "-years") or "old" in span.text.lower() or before == "aged"


def has_calendar_cue(words: DateWords) -> bool:
    """Whether the words place something on the calendar (not a duration, set or idiom)."""
    if words.has(*SET_WORDS):
        return False
    named = (
        words.years,
        words.month,
        words.weekday,
        words.numeric,
        words.numeric_partial,
        words.holiday,
        words.day_offset,
        words.decade,
    )
    if any(value is not None and value != [] and value is not False for value in named):
        return True
    if words.season is not None or is_within_unit(words):
        return True
    if words.day is not None and words.unit == "month" and not words.unit_plural:
        return True  # "the 15th day of the month"
    if words.ordinal is not None and words.part is not None:
        container = words.years or words.month or set(words.units) & {"month", "year"}
        if words.part == "quarter" or container:
            return True
    if words.has("century") and any(_CENTURY_WORD.match(word) for word in words.words):
        return True
    if words.has("weekend", "week-end"):  # "this weekend", "over the weekend"; not "a weekend"
        return words.deictic is not None or words.words[0] in ("the", "that")
    if words.unit is None:
        return False
    if words.deictic is not None or words.has("ago", "hence", "same", *RECENT_WORDS):
        return True
    if words.words[0] == "in" and words.count is not None:
        return True
    relative = any(word in RELATIVE_TO_PREVIOUS for word in words.words)
    if relative and (words.count is not None or words.words[0] == "the"):
        return True
    if edge_of_current(words):
        return True
    return words.words[0] == "the" and words.has(*PERIOD_WORDS)


def relative_to_event(span: Span) -> bool:
    """'the day before the vote': counted from an event, not a date the text gives."""
    last = span[-1]
    return last.lower_ in ("before", "after") and any(
        child.dep_ == "pobj" for child in last.children
    )


def tense_of(span: Span) -> int:
    """The direction the sentence looks in from the time of writing, read from the verb that
    governs the expression: 1 for the future ("will vote", "is going to vote", "plans to vote",
    "must file", "has until Dec. 31 to"), -1 for the past ("met", "has met", "had met"), 0 for
    a plain present ("the court hears the case on Tuesday") or no verb."""
    token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            tense = _verb_tense(token)
            if tense is not None:
                if tense == 0 and _opens_with(span, DEADLINE_WORDS):
                    return 1
                return tense
        if token.head.i == token.i:
            break
        token = token.head
    return 0


def _verb_tense(verb) -> int | None:
    """The tense of one verb with its auxiliaries; None for an infinitive or participle that
    takes its tense from the verb above it."""
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if any(aux.lower_ in FUTURE_AUXILIARIES for aux in auxiliaries):
        return 1
    if any(aux.tag_ == "MD" and aux.lower_ in FORWARD_MODALS for aux in auxiliaries):
        return 1
    if any(aux.tag_ == "MD" for aux in auxiliaries):
        return 0
    finite = [aux for aux in auxiliaries if aux.tag_ in ("VBD", "VBZ", "VBP")]
    if verb.tag_ == "VBG" and any(aux.tag_ in ("VBZ", "VBP") for aux in finite):
        return 1  # "is meeting on Tuesday", "are going to vote"
    if any(aux.tag_ == "VBD" for aux in finite) or verb.tag_ == "VBD":
        return -1
    if verb.tag_ == "VBN" and any(aux.lemma_ == "have" for aux in finite):
        return -1  # "has met"
    if finite or verb.tag_ in ("VBZ", "VBP"):
        # "has until Dec. 31 to respond": a present verb with an infinitive looks ahead.
        return 1 if any(child.dep_ == "xcomp" for child in verb.children) else 0
    if verb.tag_ == "VB" and any(aux.lower_ == "to" for aux in auxiliaries):
        head = verb.head
        if head.i != verb.i and head.tag_ in ("VBZ", "VBP"):
            return 1  # "plans to vote on Tuesday"
        if head.i != verb.i and head.tag_ == "VBG" and head.lower_ == "going":
            return _verb_tense(head)
    return None


def _opens_with(span: Span, words: frozenset[str]) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ in words


def with_future_in(span: Span, future: bool) -> Span:
    """'(they will return) in two weeks' places a date; 'in two weeks, prices rose' is a duration,
    so "in" joins a counted span only in a sentence about the future."""
    doc = span.doc
    counted = span[0].like_num or span[0].lower_ in ("a", "an")
    if future and counted and span.start > 0 and doc[span.start - 1].lower_ == "in":
        return doc[span.start - 1 : span.end]
    return span


def find_dates(doc: Doc) -> list[DateMention]:
    """Every date expression of the document, resolved against `doc._.published` and the date
    mentioned before it."""
    previous: Period | None = None
    mentions: list[DateMention] = []
    taken = 0  # where an offset a mention took in ends: it is no date of its own
    for span in candidate_spans(doc):
        if span.start < taken:
            continue
        tense = tense_of(span)
        span = with_future_in(span, tense > 0)
        words = read_words(span)
        context = Context(doc._.published, previous, tense > 0, present=tense == 0)
        counted = resolve_counted(span, context)
        titled = len(span) == 1 and is_year_of_a_title(span[0])
        if counted is None and titled:
            year = Period(dt.date(int(span.text), 1, 1), "year")
            counted = (year, TITLE_YEAR)
        whole, head, offset = with_offset(span)
        if counted is None and offset is not None:
            counted = resolve_offset(head, offset, context, tense)
            if counted is not None:
                span, taken = whole, whole.end
        if counted is None and (
            not has_calendar_cue(words)
            or is_age(span)
            or is_count_of_things(span)
            or is_designation(span)
            or is_name(span, words)
        ):
            continue
        period, reason = counted or resolve(words, context)
        if period is None and reason == RANGE:
            period, reason = resolve_range(span, context)
        if relative_to_event(span):
            period, reason = None, "counted from an event, not a date"
        if period is not None and not words.has("same") and not titled:
            # A comparison ("the same period last year") keeps the thread, and so does the year
            # of a work ("2000's Meet the Parents"): the story is not told from then.
            previous = period
        mentions.append(
            DateMention(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                value=period.timex if period else None,
                reason=reason,
            )
        )
    return mentions


@Language.factory(
    "claimcheck_dates",
    requires=["token.ent_type", "token.dep"],
    assigns=[f"doc._.{DATE.extension}"],
)
def make_dates_component(nlp: Language, name: str) -> DocAnnotator:
    return DocAnnotator(DATE.extension, find_dates)
