"""Whether two claims that state the same fact agree.

A verdict is only ever about values: two amounts, two dates, two sets of words credited to a
speaker. Whether the two claims speak of the same fact at all is alignment's job (`align.py`);
`judge` returns None when the values cannot be compared (different units, an undetermined date,
different people saying different things), and such a pair is never reported.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz, utils

from claimcheck.comparison.config import CompareConfig
from claimcheck.kinds import kind_of
from claimcheck.kinds.money import CURRENCY_SYMBOLS, format_amount
from claimcheck.lang.en.measures import EARLIER_CUES, MEASURE_WORDS, RUNNING_MEASURES
from claimcheck.lang.en.names import NAME_PARTICLES, ROLE_TIME_WORDS
from claimcheck.lang.en.qualifiers import (
    LOWER_BOUNDS,
    QUALIFIER_KINDS,
    UPPER_BOUNDS,
    qualifier_kind,
)
from claimcheck.lang.en.speech import NEGATIONS
from claimcheck.lang.en.superlatives import RECORD_WORDS
from claimcheck.model import (
    Attribution,
    Claim,
    DateMention,
    Description,
    Duration,
    Event,
    Frame,
    Money,
    Quantity,
    Quote,
    Superlative,
    Trend,
    Verdict,
)
from claimcheck.names import fold, same_folded_name

#: An exact power of this between two amounts with the same digits is a scale word one outlet's
#: text or its reading dropped ("$140 and $150 million" read as $140), not a second amount.
SCALE_STEP = 1000
#: Forms of "be" that make a verb after a count passive ("4,200 were evacuated"): the count is
#: what the verb was done to, as it is for the verb's object ("evacuated 4,200").
PASSIVE_AUXILIARIES = frozenset({"is", "are", "was", "were", "been", "being", "be"})
#: Words between a count and its verb that change nothing of what it counts.
VERB_FILLERS = frozenset(
    {"have", "has", "had", "reportedly", "also", "already", "now", "since", "so", "far"}
)
#: Words between a verb and its object count: articles and the words of qualifiers.
OBJECT_FILLERS = frozenset({"a", "an", "the"}) | frozenset(
    word
    for phrase in QUALIFIER_KINDS
    for word in phrase.split()
    if word not in ("to", "of", "in")  # "evacuated to 12 shelters": a place, not the object
)
#: TIMEX3 seasons as (first month, number of months); winter runs into the next year.
SEASONS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}

_TIMEX = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|W(?P<week>\d{2})"
    r"|(?P<season>SP|SU|FA|WI)|H(?P<half>[12])|Q(?P<quarter>[1-4])))?$"
)
#: Folded strings kept: comparing a large ledger folds the same names, units and sentences in
#: every pair they stand in, and folding (Unicode normalisation) costs more than the comparison.
FOLD_CACHE = 1 << 16
#: `names.fold`, remembered.
folded = lru_cache(maxsize=FOLD_CACHE)(fold)
_WORDS = re.compile(r"[a-z]+(?:'[a-z]+)?")


@dataclass(frozen=True, slots=True)
class Judgement:
    """The verdict on two claims' values and the part of the explanation that shows why."""

    verdict: Verdict
    detail: str
    compatible: bool
    slip: bool = False  # a conflict that looks like a typing slip (x1000, transposed digits)
    bounded: bool = False  # agree only because one value lies within the other's bound


def same_person(a: str | None, b: str | None) -> bool | None:
    """True/False when both names are known (same last word, or one contains the other, as the
    gold rules say), None when either is missing."""
    if not a or not b:
        return None
    fa, fb = folded(a), folded(b)
    if not fa or not fb:
        return None
    return same_folded_name(fa, fb)


def speaker_of(claim: Claim) -> str | None:
    """Who a claim comes from: its source, else the speaker its quote or attribution names."""
    item = claim.item
    if claim.source:
        return claim.source
    if isinstance(item, Quote):
        return item.speaker
    return item.source or None if isinstance(item, Attribution) else None


@lru_cache(maxsize=FOLD_CACHE)
def is_named(source: str) -> bool:
    """A person or organisation named as such ("Luis Videgaray", "AMLO", "The New York Times"),
    not a description of a group ("Mexican officials", "three federal judges")."""
    words = [w for w in source.split() if w.lower() not in NAME_PARTICLES]
    return bool(words) and all(w[:1].isupper() for w in words)


def relative_difference(a: float, b: float) -> float:
    scale = max(abs(a), abs(b))
    return 0.0 if scale == 0 else abs(a - b) / scale


def amount_span(item: Money | Quantity, limits: bool) -> tuple[float, float]:
    """The values an amount allows: its value or its range, or with `limits` everything past
    the limit a bound ("at least", "up to") sets."""
    high = item.high if isinstance(item, Money) and item.high is not None else item.value
    if limits and item.qualifier in LOWER_BOUNDS:
        return item.value, math.inf
    if limits and item.qualifier in UPPER_BOUNDS:
        return -math.inf, high
    return item.value, high


def spans_meet(a: tuple[float, float], b: tuple[float, float], tolerance: float) -> bool:
    """Whether two value spans meet once widened by the relative tolerance."""
    (low_a, high_a), (low_b, high_b) = a, b
    if low_a <= high_b and low_b <= high_a:
        return True
    gap = (low_b, high_a) if high_a < low_b else (low_a, high_b)
    return relative_difference(*gap) <= tolerance


def amounts_compatible(
    a: Money | Quantity, b: Money | Quantity, config: CompareConfig
) -> bool | Literal["bound"] | None:
    """True when the amounts agree: equal within the tolerance, or "bound" when one lies within
    the bound the other's qualifier sets ("at most 30" holds for 25, "more than 100,000" for
    174,296); False when they conflict with every bound honoured; None when they cannot be
    compared: a figure that is an addition to another ("an additional 60,000") is not a total,
    and a bound met from more than `bound_span` away says nothing."""
    increments = [qualifier_kind(x.qualifier) == "increment" for x in (a, b)]
    if increments[0] != increments[1]:
        return None
    tolerance = config.approx_tolerance if a.approx or b.approx else config.tolerance
    if spans_meet(amount_span(a, False), amount_span(b, False), tolerance):
        return True
    if not spans_meet(amount_span(a, True), amount_span(b, True), tolerance):
        return False
    # "nearly $2 billion" in all holds for $350 million, but says nothing of it: a bound met
    # from far away is no evidence that the two figures are one fact.
    small, large = sorted((abs(a.value), abs(b.value)))
    return "bound" if large <= config.bound_span * small else None


def scale_slip(a: float, b: float) -> bool:
    """Whether two amounts differ by an exact power of `SCALE_STEP` ($140 vs $140 million)."""
    small, large = sorted((abs(a), abs(b)))
    if small == 0 or small == large:
        return False
    ratio = large / small
    power = round(math.log(ratio, SCALE_STEP))
    return power >= 1 and math.isclose(ratio, SCALE_STEP**power, rel_tol=1e-9)


def transposed(a: float, b: float) -> bool:
    """Whether two whole amounts are written with the same digits in another order (1,985 and
    1,958): a typing slip far more often than a second figure."""
    if a != int(a) or b != int(b) or a == b:
        return False
    da, db = str(abs(int(a))), str(abs(int(b)))
    return (
        len(da) == len(db)
        and sorted(da) == sorted(db)
        and sum(x != y for x, y in zip(da, db, strict=True)) == 2
    )


def possible_slip(a: float, b: float) -> bool:
    """A factor of 1,000 ($40 million vs $40 billion) or two transposed digits: reported as a
    conflict flagged for a reader to check, never dropped."""
    return scale_slip(a, b) or transposed(a, b)


def known_measure(frame: Frame | None) -> str | None:
    """The frame's measure when the measures table knows it (only those are held to differ)."""
    measure = frame.measure if frame is not None else None
    return measure if measure in MEASURE_WORDS else None


def same_known_measure(a: Claim, b: Claim) -> bool:
    """Both frames name one measure the measures table knows ("deaths", "aid")."""
    measure = known_measure(a.frame)
    return measure is not None and measure == known_measure(b.frame)


def same_measure(a: Claim, b: Claim) -> bool:
    """The parse says both claims measure one thing: two figures of one known measure, or two
    records of one degree of one thing ("the highest risk of earth impact" / "the highest score
    for a near-Earth asteroid"), or two claims whose items name one measure (trends of "odds"),
    which wording alone rarely shows."""
    named = kind_of(a.item).measure(a.item)
    return (
        same_known_measure(a, b)
        or bool(record_words_shared(a, b))
        or (named is not None and named == kind_of(b.item).measure(b.item))
    )


def record_words_shared(a: Claim, b: Claim) -> frozenset[str]:
    """What two records of one degree are both the most of ("earth"), without the words that
    mark any record ("ever", "in history"); empty for other claims."""
    ia, ib = a.item, b.item
    if not isinstance(ia, Superlative) or not isinstance(ib, Superlative):
        return frozenset()
    if ia.degree != ib.degree:
        return frozenset()
    return record_words(ia.about) & record_words(ib.about)


@lru_cache(maxsize=FOLD_CACHE)
def record_words(about: str) -> frozenset[str]:
    """The content words of what a record is the most of."""
    from claimcheck.comparison.words import content_words

    return frozenset(w for w in content_words(about) if w not in RECORD_WORDS and len(w) > 1)


def different_measures(a: Claim, b: Claim) -> bool:
    """Both figures name what they count, and not the same thing ("deaths" vs "missing")."""
    ma, mb = known_measure(a.frame), known_measure(b.frame)
    return ma is not None and mb is not None and ma != mb


def earlier(claim: Claim) -> bool:
    """The text dates the figure before its other figures ("initially 2", "from 9,000")."""
    return claim.frame is not None and bool(EARLIER_CUES.intersection(claim.frame.cues))


def changed_over_time(a: Claim, b: Claim, when: tuple[str | None, str | None]) -> str | None:
    """Why two different values of one fact are a revision rather than a conflict: the text
    marks a change ("rose to", "cut from X to Y", "initially", "now"), or dates a figure
    ("as of Dec. 29") at another time than the other. Different publication dates alone are
    not enough: two outlets that disagree on a fixed fact conflict, whenever they wrote."""
    cues = sorted({*(a.frame.cues if a.frame else ()), *(b.frame.cues if b.frame else ())})
    if cues:
        return "revision cue: " + ", ".join(cues)
    explicit = any(c.frame is not None and c.frame.as_of for c in (a, b))
    if explicit and dates_compatible(*when) is False:
        return f"as of {when[0]} vs {when[1]}"
    measure = known_measure(a.frame)
    running = measure in RUNNING_MEASURES and measure == known_measure(b.frame)
    if running and dates_compatible(*when) is False:
        return f"a running {measure} figure, as of {when[0]} vs {when[1]}"
    return None


def amounts_verdict(
    a: Claim,
    b: Claim,
    ok: bool | Literal["bound"],
    detail: str,
    when: tuple[str | None, str | None] | None,
) -> Judgement:
    """Agree, or for different values: a possible slip, a revision or a conflict."""
    if ok == "bound":
        return Judgement("agree", f"{detail}; within the stated bound", True, bounded=True)
    if ok:
        return Judgement("agree", detail, True)
    ia, ib = a.item, b.item
    if possible_slip(ia.value, ib.value):  # type: ignore[union-attr]
        return Judgement("conflict", f"{detail}; possible slip", False, slip=True)
    why = changed_over_time(a, b, when or (None, None))
    if why:
        return Judgement("revision", f"{detail}; {why}", False)
    return Judgement("conflict", detail, False)


def judge_money(a: Money, b: Money, config: CompareConfig) -> tuple[bool | str, str] | None:
    """Amounts in one currency agree within the tolerance. Amounts in two currencies are not
    judged: claimcheck holds no exchange rates, and outlets routinely give a sum in both
    ("€2 million ($2.5 million)"), so calling them a conflict would be a false alarm."""
    if a.currency != b.currency:
        return None
    symbol = CURRENCY_SYMBOLS.get(a.currency, "")
    detail = (
        f"{format_amount(a.value, a.high, symbol)} vs {format_amount(b.value, b.high, symbol)} "
        f"{a.currency}"
    )
    ok = amounts_compatible(a, b, config)
    return None if ok is None else (ok, detail)


def same_unit(a: str, b: str) -> bool:
    """Units match on their folded head word ("asylum seekers" / "seekers", "mile" / "miles")."""
    ha, hb = folded(a).split()[-1:] or [""], folded(b).split()[-1:] or [""]
    return fuzz.ratio(ha[0], hb[0]) >= 80


def judge_quantity(
    a: Quantity, b: Quantity, config: CompareConfig, measured: bool = False
) -> tuple[bool | str, str] | None:
    """Counts of one unit, or of one measure both frames name whatever the unit words ("1,985
    people" who died and "nearly 2,000 deaths"), agree within the tolerance or bound."""
    if not measured and not same_unit(a.unit, b.unit):
        return None
    ok = amounts_compatible(a, b, config)
    return None if ok is None else (ok, f"{a.value:,g} vs {b.value:,g} {b.unit}")


def verb_role(claim: Claim, verb: str) -> str | None:
    """How a count stands to the verb `verb` next to it in its sentence: "object" when the verb
    was done to it ("evacuated 4,180 households", "4,200 were evacuated"), "subject" when the
    count did it ("50 officers arrested"), None when the verb is not next to the count."""
    offset = claim.item.start - claim.sentence_start
    before = folded(claim.sentence[:offset]).split()
    after = folded(claim.sentence[offset + len(claim.item.text) :]).split()
    while before and before[-1] in OBJECT_FILLERS:
        before.pop()
    if before[-1:] == [verb]:
        return "object"
    passive = False
    for word in after:
        if word in PASSIVE_AUXILIARIES:
            passive = True
        elif word not in VERB_FILLERS:
            return ("object" if passive else "subject") if word == verb else None
    return None


def counted_by_one_verb(a: Claim, b: Claim) -> bool:
    """A count with no noun ("nearly 4,200 were evacuated": its unit is its verb) and a count of
    nouns the same verb was done to, or that did it, the same way ("4,180 households were
    evacuated"): both count whatever that verb says of them."""
    for bare, other in ((a, b), (b, a)):
        unit = folded(getattr(bare.item, "unit", "") or "")
        if not unit or " " in unit or unit not in other.sentence.lower():
            continue  # the cheap test first: a large ledger judges many counts of two units
        role = verb_role(bare, unit)
        if role is not None and verb_role(other, unit) == role:
            return True
    return False


@lru_cache(maxsize=FOLD_CACHE)
def timex_interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a TIMEX3 value covers; None when undetermined or unknown."""
    match = _TIMEX.match(value or "")
    if not match:
        return None
    year = int(match["year"])
    try:
        if match["day"]:
            day = dt.date(year, int(match["month"]), int(match["day"]))
            return day, day
        if match["month"]:
            return month_span(year, int(match["month"]), 1)
        if match["week"]:
            monday = dt.date.fromisocalendar(year, int(match["week"]), 1)
            return monday, monday + dt.timedelta(days=6)
        if match["season"]:
            return month_span(year, *SEASONS[match["season"]])
        if match["half"]:
            return month_span(year, 1 + 6 * (int(match["half"]) - 1), 6)
        if match["quarter"]:
            return month_span(year, 1 + 3 * (int(match["quarter"]) - 1), 3)
    except ValueError:
        return None
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def month_span(year: int, first_month: int, months: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, first_month, 1)
    last = first_month + months  # the month after the span, possibly in the next year
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return start, dt.date(end_year, end_month, 1) - dt.timedelta(days=1)


def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between the nearest ends of two TIMEX values (0 when they overlap), None when either
    is undetermined."""
    span_a, span_b = timex_interval(a), timex_interval(b)
    if span_a is None or span_b is None:
        return None
    return max((span_b[0] - span_a[1]).days, (span_a[0] - span_b[1]).days, 0)


def dates_compatible(a: str | None, b: str | None) -> bool | None:
    """True when the two dates overlap (2019 contains 2019-05), False when they are disjoint,
    None when either is undetermined."""
    apart = days_apart(a, b)
    return None if apart is None else apart == 0


def judge_date(a: DateMention, b: DateMention) -> Judgement | None:
    ok = dates_compatible(a.value, b.value)
    if ok is None:
        return None
    detail = f"{a.value} vs {b.value}"
    if not ok and year_slip(a.value or "", b.value or ""):
        return Judgement("conflict", f"{detail}; possible slip", False, slip=True)
    return Judgement("agree" if ok else "conflict", detail, ok)


def year_slip(a: str, b: str) -> bool:
    """Two years that differ by one digit dropped or doubled (200 and 2000, 2008 and 208) or
    two digits transposed (2019 and 2091): a typing slip far more often than a second date."""
    if not (len(a) == len(b) == 4 and a.isdigit() and b.isdigit()):
        return False
    ya, yb = a.lstrip("0"), b.lstrip("0")
    if len(ya) == len(yb):
        return transposed(float(ya), float(yb))
    short, long = sorted((ya, yb), key=len)
    return len(long) == len(short) + 1 and any(
        long[:i] + long[i + 1 :] == short for i in range(len(long))
    )


@lru_cache(maxsize=FOLD_CACHE)
def negated(text: str) -> bool:
    words = _WORDS.findall(text.lower().replace("’", "'"))
    return any(w in NEGATIONS or w.endswith("n't") for w in words)


def same_but_negation(a: str, b: str, config: CompareConfig) -> bool:
    """The two texts are one sentence once negations are removed ("we will (not) accept"): only
    then is a negation a contradiction rather than two different remarks."""

    def strip(text: str) -> str:
        words = _WORDS.findall(text.lower().replace("’", "'"))
        return " ".join(w for w in words if w not in NEGATIONS and not w.endswith("n't"))

    return fuzz.ratio(strip(a), strip(b)) >= config.identical_words


@lru_cache(maxsize=FOLD_CACHE)
def words_similarity(a: str, b: str) -> float:
    """`token_set_ratio` of two texts, remembered: one quote retold by several outlets meets
    the same words again in every pair of their sentences (at 100k claims, 154k comparisons
    of 69k distinct pairs of texts)."""
    return fuzz.token_set_ratio(a, b, processor=utils.default_process)


def judge_words(a: Claim, b: Claim, config: CompareConfig, verbatim: bool) -> Judgement | None:
    """Quotes and reported speech. The same speaker with the same words agrees, and with the same
    words negated conflicts; the same words credited to two different people also conflict.
    Reported speech is paraphrase by nature, so for it (`verbatim` False) a pair from one named
    source whose words differ still agrees: alignment has already judged that both state one
    fact. A group ("Mexican officials", "the Trump administration") says many different things,
    so its paraphrases are not taken for one statement."""
    text_a, text_b = a.item.text, b.item.text  # type: ignore[union-attr]
    similarity = words_similarity(text_a, text_b)
    source_a, source_b = speaker_of(a), speaker_of(b)
    person = same_person(source_a, source_b)
    if person is False and not (is_named(source_a or "") and is_named(source_b or "")):
        person = None  # "a Highway Patrol officer" may well be the "Ray Scheidnes" of the other
    who = source_a if person else f"{source_a or '?'} vs {source_b or '?'}"
    if person is False:
        if fuzz.ratio(text_a, text_b, processor=utils.default_process) >= config.identical_words:
            return Judgement("conflict", f"same words credited to {who}", False)
        return None
    if similarity >= config.same_words:
        if negated(text_a) != negated(text_b) and same_but_negation(text_a, text_b, config):
            return Judgement("conflict", f"{who}: the same words, one of them negated", False)
        return Judgement("agree", f"{who}: the same words ({similarity:.0f}% similar)", True)
    if verbatim or not all(is_named(source) for source in (source_a, source_b) if source):
        return None
    return Judgement("agree", f"{who}: the same statement in other words", True)


def judge(
    a: Claim,
    b: Claim,
    config: CompareConfig,
    when: tuple[str | None, str | None] | None = None,
) -> Judgement | None:
    """The verdict on two claims of one kind, or None when their values cannot be compared.
    `when` is the time each figure applied (its frame's as-of, else its publication date).
    Each kind names its judge (`claimcheck.kinds`); claims of two families are never judged."""
    kind = kind_of(a.item)
    if kind.family != kind_of(b.item).family:
        return None
    return kind.judge(a, b, config, when)


def judge_figures(
    a: Claim, b: Claim, config: CompareConfig, when: tuple[str | None, str | None] | None
) -> Judgement | None:
    """Two amounts of money, or two counts, of one measure."""
    ia, ib = a.item, b.item
    if type(ia) is not type(ib) or different_measures(a, b):
        return None
    found = (
        judge_money(ia, ib, config)  # type: ignore[arg-type]
        if isinstance(ia, Money)
        else judge_quantity(ia, ib, config, same_known_measure(a, b))  # type: ignore[arg-type]
    )
    if found is None and isinstance(ia, Quantity) and counted_by_one_verb(a, b):
        # Only agreement is read from the verb: "4,180 households" and "6,000 were
        # evacuated" may count households and people, which is no conflict.
        found = judge_quantity(ia, ib, config, measured=True)  # type: ignore[arg-type]
        found = None if found is None or found[0] is False else found
    return None if found is None else amounts_verdict(a, b, found[0], found[1], when)  # type: ignore[arg-type]


def judge_dates(
    a: Claim, b: Claim, config: CompareConfig, when: tuple[str | None, str | None] | None
) -> Judgement | None:
    return judge_date(a.item, b.item)  # type: ignore[arg-type]


def judge_speech(
    a: Claim, b: Claim, config: CompareConfig, when: tuple[str | None, str | None] | None
) -> Judgement | None:
    """Quotes, and reported speech: only two quotes are held to the same words."""
    verbatim = isinstance(a.item, Quote) and isinstance(b.item, Quote)
    return judge_words(a, b, config, verbatim=verbatim)


def judge_descriptions(
    a: Claim, b: Claim, config: CompareConfig, when: tuple[str | None, str | None] | None
) -> Judgement | None:
    """Two descriptions of one name agree when they share their defining words. Descriptions
    that differ are no conflict (a person holds several titles, a film has several traits), so
    they are not paired at all; nor are two that differ in a word dating the title ("former",
    "incoming"): the same title at two times."""
    ia, ib = a.item, b.item
    if not isinstance(ia, Description) or not isinstance(ib, Description):
        return None
    if not same_person(ia.name, ib.name):
        return None
    if role_time(ia.text) != role_time(ib.text):
        return None  # "former minister" and "minister": one title at two times
    shared = sorted(describing_words(ia.text) & describing_words(ib.text))
    if len(shared) < config.description_words:
        return None
    return Judgement("agree", f"{ia.name} described alike ({', '.join(shared)})", True)


def judge_superlatives(
    a: Claim, b: Claim, config: CompareConfig, when: tuple[str | None, str | None] | None
) -> Judgement | None:
    """Two records of one degree of one thing agree ("the highest risk of earth impact to date" /
    "the highest score ever for a near-Earth asteroid"). Records of different degrees or things
    are not paired: a record claimed for two things is two facts, not a conflict."""
    shared = sorted(record_words_shared(a, b))
    if not shared:
        return None
    degree = a.item.degree  # type: ignore[union-attr]
    return Judgement("agree", f"both the most {degree} ({', '.join(shared)})", True)


def judge_trends(
    a: Claim, b: Claim, config: CompareConfig, when: tuple[str | None, str | None] | None
) -> Judgement | None:
    """Two trends of one measure agree when they go the same way ("the probability ... is
    expected to decrease" / "the assessed risk has been corrected downward"). Opposite ways are
    not paired: without the times each held, a toll that "rose" and one that "fell" may both be
    right."""
    ia, ib = a.item, b.item
    if not isinstance(ia, Trend) or not isinstance(ib, Trend):
        return None
    if ia.measure != ib.measure or ia.direction != ib.direction:
        return None
    return Judgement("agree", f"both say the {ia.measure} went {ia.direction}", True)


def judge_events(
    a: Claim, b: Claim, config: CompareConfig, when: tuple[str | None, str | None] | None
) -> Judgement | None:
    """Two events agree when they have one action and one patient and something more in common:
    a word of their context ("struggling to bury the bodies of the dead" / "struggle with
    burying the dead"), a participant, or another name both sentences give. One act on one
    patient is otherwise a phrase two stories share ("people were killed"), or the same act done
    twice ("Cheeks was fired" by the 76ers, and years before by the Blazers). They are two
    events when dated apart (a riot in 2008, another in 2012) or when both name their other
    participants and none is shared ("fired from the Blazers" / "the 76ers fired"). Never a
    conflict: an event one outlet leaves out is not denied."""
    ia, ib = a.item, b.item
    if not isinstance(ia, Event) or not isinstance(ib, Event):
        return None
    if (ia.action, ia.patient) != (ib.action, ib.patient):
        return None
    if dates_compatible(a.date, b.date) is False:
        return None
    shared_names = name_words(ia.participants) & name_words(ib.participants)
    if ia.participants and ib.participants and not shared_names:
        return None
    if not (set(ia.context) & set(ib.context) or shared_names or other_names_shared(a, b)):
        return None
    return Judgement("agree", f"the same act in both: {ia.action} ({ia.patient})", True)


def judge_durations(
    a: Claim, b: Claim, config: CompareConfig, when: tuple[str | None, str | None] | None
) -> Judgement | None:
    """Two durations agree when they give the time of one measure in one sense (a delay, a
    span) and their lengths overlap ("will take time, possibly weeks" / "may not receive aid
    for up to two weeks"). A measure the measures table does not know is a phrase two stories
    may share ("the talks lasted two days"), so it also needs a name both sentences give. Not
    paired when dated apart or when the lengths are apart: a stretch still running when one
    outlet wrote is longer when the next one writes, so never a conflict."""
    ia, ib = a.item, b.item
    if not isinstance(ia, Duration) or not isinstance(ib, Duration):
        return None
    if (ia.measure, ia.sense) != (ib.measure, ib.sense):
        return None
    if dates_compatible(a.date, b.date) is False:
        return None
    if ia.measure not in MEASURE_WORDS and not name_words(a.entities) & name_words(b.entities):
        return None
    if not spans_meet(length_span(ia), length_span(ib), config.tolerance):
        return None
    exact = (ia.low, ia.high) == (ib.low, ib.high)
    detail = f"both give the {ia.sense} of {ia.measure}: {ia.length} / {ib.length}"
    return Judgement("agree", detail, True, bounded=not exact)


def length_span(item: Duration) -> tuple[float, float]:
    """The days a duration allows, an open bound as infinity ("weeks": 14 days or more)."""
    return item.low or 0.0, math.inf if item.high is None else item.high


def name_words(names: Iterable[str]) -> set[str]:
    return {word for name in names for word in name.split() if len(word) > 2}


def other_names_shared(a: Claim, b: Claim) -> bool:
    """Whether the two sentences share a name besides the event's patient ("cheeks" of
    "maurice cheeks" is the patient, not a second thing in common)."""
    patient = set(a.item.patient.split())  # type: ignore[union-attr]

    def others(claim: Claim) -> set[str]:
        return name_words(name for name in claim.entities if not patient & set(name.split()))

    return bool(others(a) & others(b))


@lru_cache(maxsize=FOLD_CACHE)
def describing_words(text: str) -> frozenset[str]:
    """The content words of a description: "the UN's chief of emergency relief" -> un, chief,
    emergency, relief. (Imported here: the stop words are spaCy's, and reading a config or
    `CompareConfig` must not wait for spaCy.)"""
    from claimcheck.comparison.words import content_words

    return frozenset(w for w in content_words(text) if not w.isdigit() and len(w) > 1)


def role_time(text: str) -> frozenset[str]:
    """The words of a description that date its title ("former", "then-", "incoming")."""
    return frozenset(utils.default_process(text).split()) & ROLE_TIME_WORDS
