"""Whether two figures (or two dates) with comparable values state the same fact.

A fact-checker calls two figures "the same fact" only when they measure the same thing: on one
basis ("$20 million a season" is not the "$160 million" a whole contract is worth, a career total
is not a season's), over one term (a seven-year offer is not an eight-year one), credited to the
same actors (the Red Sox's offer is not the Nationals'), for one event ("elected this fall" and
"entered office in December" are two events). Claims carry only their sentence, so all of this
is read from the words next to the item: a few set lookups per claim, cheap at 100k claims.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from claimcheck.comparison.config import CompareConfig
from claimcheck.comparison.verdicts import FOLD_CACHE, folded, known_measure
from claimcheck.lang.en.basis import (
    NON_EVENT_WORDS,
    RATE_MARKERS,
    RATE_PERIODS,
    RATE_WORDS,
    SUM_WORDS,
    TIMESTAMP_CUES,
)
from claimcheck.lang.en.measures import PARTLESS_MEASURES
from claimcheck.lang.en.numbers import SMALL_NUMBERS
from claimcheck.lang.en.stop_words import STOP_WORDS
from claimcheck.model import Attribution, Claim, DateMention, Money, Quantity, Quote, Verdict
from claimcheck.names import fold

#: How many words before a figure can carry its basis ("an average annual value of $21 million").
BASIS_BEFORE = 4
#: How many words after a figure can carry its basis ("$20 million a season").
BASIS_AFTER = 3
#: Number words a term may be written with ("a seven-year deal", "over eight years").
NUMBER_WORDS = {word: value for word, value in SMALL_NUMBERS.items() if value <= 20}
#: A term: a count of periods a figure runs over ("seven-year", "over 8 years", "in 54 games").
_TERM = re.compile(
    r"(?:^| )(?P<count>\d+|" + "|".join(NUMBER_WORDS) + r")[- ](?:[a-z]+ )?"
    r"(?P<period>year|season|game|month|week)s?(?:-|$| )"
)
#: A clock time right after a date ("December 15th, 2008, 7:35 am"): a dateline or timestamp.
_CLOCK_AFTER = re.compile(r"^[\s,|-]*\(?\d{1,2}:\d{2}")
#: Letters of a word compared when matching event words across outlets ("offered" / "offer",
#: "programme" / "program"): a crude stem that needs no model.
EVENT_STEM = 5
_ITEM_KINDS = (Money, Quantity, DateMention)


def reported_and_other(a: Claim, b: Claim) -> tuple[Claim, Claim] | None:
    """(reported speech, the other claim) when either claim is reported speech, else None."""
    if isinstance(a.item, Attribution):
        return a, b
    if isinstance(b.item, Attribution) and isinstance(a.item, Quote):
        return b, a
    return None


@dataclass(frozen=True, slots=True)
class FactContext:
    """What the words next to one figure or date say about the fact it states."""

    basis: str | None
    term: tuple[int, str] | None
    described: str | None
    timestamp: bool
    actors: frozenset[int]
    named: frozenset[int]
    events: frozenset[str]


def around(claim: Claim, words: int) -> tuple[list[str], list[str]]:
    """The folded words just before and just after the claim's item in its sentence."""
    offset = claim.item.start - claim.sentence_start
    before = fold(claim.sentence[:offset]).split()
    after = fold(claim.sentence[offset + len(claim.item.text) :]).split()
    return before[-words:] if words else [], after[:words]


def basis_of(before: list[str], after: list[str]) -> str | None:
    """The basis a figure is stated on: "per year", "total", "career", "average", or None for a
    plain figure ("$160 million")."""
    following = after[:BASIS_AFTER]
    for marker, word in pairwise(following):
        if marker in RATE_MARKERS and word.rstrip("s") in RATE_PERIODS:
            return f"per {RATE_PERIODS[word.rstrip('s')]}"
    for word in [*before[-BASIS_BEFORE:], *following[:1]]:
        if word in RATE_WORDS:
            return f"per {RATE_WORDS[word]}"
    for word in before[-BASIS_BEFORE:]:
        if word in SUM_WORDS:
            return SUM_WORDS[word]
    if following[:2] in (["in", "total"], ["in", "all"]):
        return "total"
    if following[:1] == ["since"]:  # "$186.5 million since its release": summed from a start
        return "total"
    return None


def term_of(before: list[str], after: list[str]) -> tuple[int, str] | None:
    """The term a figure runs over ("a seven-year, $140 million deal", "$160 million over eight
    years", "43 RBIs in 54 games"), read from the nearest words that name one."""
    match = _TERM.search(" ".join(after))
    if match is None:
        match = next(reversed(list(_TERM.finditer(" ".join(before)))), None)
    if match is None:
        return None
    count = match["count"]
    return int(count) if count.isdigit() else NUMBER_WORDS[count], match["period"]


def described_noun(claim: Claim) -> str | None:
    """For a quantity written as a compound modifier ("a 61-year-old woman", "a 10-year
    contract", "an 11-game streak"), the first word of what it describes; None for a plain
    count ("41 years later"), which counts its unit."""
    item = claim.item
    end = item.start - claim.sentence_start + len(item.text)
    rest = claim.sentence[end:]
    if "-" not in item.text and not rest.startswith("-"):
        return None
    words = [w for w in fold(rest).split() if not w.startswith("-") and w not in STOP_WORDS]
    return words[0] if words else ""


def is_timestamp(claim: Claim, before: list[str]) -> bool:
    """A date that says when the page was written or updated ("Published: Wednesday, March 13",
    "December 15th, 2008, 7:35 am"): not the date of anything the article reports."""
    end = claim.item.start - claim.sentence_start + len(claim.item.text)
    return bool(set(before[-2:]) & TIMESTAMP_CUES) or bool(_CLOCK_AFTER.match(claim.sentence[end:]))


def names_in(words: list[str], names: Mapping[str, int]) -> frozenset[int]:
    """The entity clusters of `names` (folded name -> cluster) written out in `words`, in full or
    by their last word ("the Red Sox", "Teixeira")."""
    text = f" {' '.join(words)} "
    found = set()
    for name, cluster in names.items():
        last = name.rsplit(" ", 1)[-1]
        if f" {name} " in text or (len(last) >= 4 and f" {last} " in text):
            found.add(cluster)
    return frozenset(found)


def event_words(words: list[str], names: Mapping[str, int]) -> frozenset[str]:
    """Stems of the content words next to an item that could name what happened: not stop
    words, numbers, scale or currency words, titles, or the words of a name."""
    name_words = {w for name in names for w in name.split()}
    return frozenset(
        stem for word, stem in event_candidates(tuple(words)) if word not in name_words
    )


@lru_cache(maxsize=FOLD_CACHE)
def event_candidates(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(word, stem) of the words that could name an event, before names are set aside (the
    same sentence meets many others in a large ledger, with other names each time)."""
    return tuple(
        (w, w[:EVENT_STEM])
        for w in words
        if len(w) >= 3
        and w not in STOP_WORDS
        and w not in NON_EVENT_WORDS
        and not any(ch.isdigit() for ch in w)
    )


def folded_words(text: str) -> list[str]:
    return folded(text).split()


def fact_context(
    claim: Claim, clusters: Mapping[str, int], config: CompareConfig
) -> FactContext | None:
    """The context of a money, quantity or date claim (None for quotes and reported speech)."""
    if not isinstance(claim.item, _ITEM_KINDS):
        return None
    names = {name: clusters[name] for name in claim.entities if name in clusters}
    window = max(config.fact_window, config.actor_window, config.event_window)
    before, after = around(claim, window)
    row = claim.frame.row if claim.frame is not None else None
    if row is not None:  # a table cell: its row label, not the neighbouring cells and rows
        before, after = row.split(), []
    near_before, near_after = before[-config.event_window :], after[: config.event_window]
    figure = not isinstance(claim.item, DateMention)
    return FactContext(
        basis=basis_of(before, after) if figure and row is None else None,
        term=term_of(before[-config.fact_window :], after[: config.fact_window])
        if figure
        else None,
        described=described_noun(claim) if isinstance(claim.item, Quantity) else None,
        timestamp=not figure and is_timestamp(claim, before),
        actors=names_in(before[-config.actor_window :], names),
        named=frozenset(names.values()),
        events=event_words(near_before + near_after, names),
    )


def reported_content_shared(report: Claim, other: Claim, clusters: Mapping[str, int]) -> bool:
    """Whether what reported speech says (its content, not who said it) shares a name or a
    content word with the quote's sentence it is set against, or a content word with the other
    report's content: one speaker makes several remarks, and "he would take the case to the
    United Nations" is the "go to the UN" one, not "will not accept"."""
    content = folded_words(report.item.text)
    if isinstance(other.item, Attribution):
        both = dict.fromkeys((*report.entities, *other.entities), 0)
        theirs = folded_words(other.item.text)
        return bool(event_words(content, both) & event_words(theirs, both))
    names = {name: clusters[name] for name in report.entities if name in clusters}
    said = folded_words(quoted_content(other))
    theirs = {name: clusters[name] for name in other.entities if name in clusters}
    if names_in(content, names) & names_in(said, theirs):
        return True
    return bool(event_words(content, names) & event_words(said, {}))


def quoted_content(claim: Claim) -> str:
    """What a quote's sentence says the speaker said: from the verb of saying on when it stands
    before the quote ("Egeland, the UN's chief of emergency relief, said that rich nations were
    'stingy'"), up to it when it follows ("'We rely on helicopters,' said Elmquist, head of the
    UN relief operation"). The words on the other side of the verb name and describe the
    speaker, and one speaker's title is no content two of their remarks share."""
    quote, sentence = claim.item, claim.sentence
    cue = getattr(quote, "cue", None)
    if not cue:
        return sentence
    offset = quote.start - claim.sentence_start
    before = sentence.rfind(cue, 0, offset)
    if before >= 0:
        return sentence[before + len(cue) :]
    after = sentence.find(cue, offset + len(quote.text))
    return sentence[:after] if after >= 0 else sentence


def unit_modifiers(quantity: Quantity) -> frozenset[str]:
    """The words of a unit before its head ("Yemeni pirates" -> {"yemeni"})."""
    return frozenset(folded_words(quantity.unit)[:-1])


def different_quantities(a: Quantity, b: Quantity, verdict: Verdict) -> str | None:
    """Two counts of differently described things: "11 Yemeni pirates" are not "12 Somali
    pirates", and "30 home runs" are a part of "105 runs", not a different count of them."""
    mods_a, mods_b = unit_modifiers(a), unit_modifiers(b)
    if mods_a and mods_b and not mods_a & mods_b:
        return f"different things counted ({a.unit} vs {b.unit})"
    if verdict == "conflict" and mods_a != mods_b:
        return f"one count is of a part ({a.unit} vs {b.unit})"
    return None


def different_facts(
    a: Claim, b: Claim, ctx_a: FactContext, ctx_b: FactContext, verdict: Verdict
) -> str | None:
    """Why two figures or dates with comparable values are not the same fact, or None when
    nothing says so. An agreement is held to a lower bar than a conflict where the words around
    the figures are concerned: two equal figures are themselves evidence of one fact, two
    different ones are not."""
    if ctx_a.timestamp or ctx_b.timestamp:
        return "a publication timestamp"
    if isinstance(a.item, DateMention) and not (
        ctx_a.events & ctx_b.events or ctx_a.actors & ctx_b.named or ctx_b.actors & ctx_a.named
    ):
        # A shared year or month alone dates nothing shared: the words next to both dates must
        # name one event, or one sentence's actor must be named in the other.
        return "dates of different events"
    if verdict == "revision":
        verdict = "conflict"  # two different values: held to a conflict's bar
    measured = known_measure(a.frame) is not None and known_measure(a.frame) == known_measure(
        b.frame
    )
    if ctx_a.basis != ctx_b.basis:
        return f"stated on different bases ({ctx_a.basis or 'plain'} vs {ctx_b.basis or 'plain'})"
    if ctx_a.term and ctx_b.term and ctx_a.term != ctx_b.term:
        return "over different terms"
    if verdict == "conflict" and ctx_a.described != ctx_b.described:
        return "the figures describe different things"
    if isinstance(a.item, Quantity) and isinstance(b.item, Quantity):
        whole = measured and known_measure(a.frame) in PARTLESS_MEASURES
        reason = different_quantities(a.item, b.item, "agree" if whole else verdict)
        if reason:
            return reason
    if not measured and ctx_a.actors - ctx_b.named and ctx_b.actors - ctx_a.named:
        return "credited to different actors"  # with a measure, its frame's subject says who
    if verdict == "conflict" and not measured and not ctx_a.events & ctx_b.events:
        return "no shared event words"  # a measure both frames name is the event
    return None
