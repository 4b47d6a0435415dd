"""Which claims in different articles state the same fact.

Lexical similarity alone separates same-fact pairs from same-topic look-alikes only weakly, so a
pair is scored on what both claims are about as well: the entities their sentences name, who is
quoted, and whether their values and dates could describe one fact. Candidates come from
blocking keys (shared entities, speaker, year, value, rare words), each claim keeping its best
few partners (`blocking.py`), never from all pairs; all text scoring is done in rapidfuzz batch
calls, and each distinct pair of claim contents is scored once.
"""

from __future__ import annotations

import gc
import hashlib
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from claimcheck.comparison.blocking import candidate_pairs
from claimcheck.comparison.config import CompareConfig
from claimcheck.comparison.context import (
    FactContext,
    different_facts,
    fact_context,
    reported_and_other,
    reported_content_shared,
)
from claimcheck.comparison.entity_clusters import cluster_names, entity_clusters
from claimcheck.comparison.facts import as_of
from claimcheck.comparison.verdicts import (
    FOLD_CACHE,
    Judgement,
    dates_compatible,
    days_apart,
    is_named,
    judge,
    same_measure,
    same_person,
    speaker_of,
    words_similarity,
)
from claimcheck.comparison.words import content_words
from claimcheck.kinds import kind_of
from claimcheck.lang.en.measures import CHANGE_VERBS
from claimcheck.model import Article, Claim, Pair
from claimcheck.names import fold

#: Order of verdicts in results: conflicts are what a fact-checker looks for first.
VERDICT_ORDER = {"conflict": 0, "revision": 1, "agree": 2}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A scored pair before the one-best-per-article filter."""

    a: Claim
    b: Claim
    score: float
    judgement: Judgement
    shared: tuple[str, ...]


def compare(
    claims: Sequence[Claim], articles: Mapping[str, Article], config: CompareConfig | None = None
) -> list[Pair]:
    """Pairs of body claims from different articles that state the same fact, each with its
    verdict; conflicts first, then by score, in an order that does not depend on input order."""
    with cyclic_gc_paused():
        return compare_claims(claims, articles, config or CompareConfig())


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Scoring makes millions of short-lived, acyclic objects (tuples, candidates, pairs), which
    reference counting frees at once. Each of them also counts towards Python's cyclic
    collector, whose full passes re-walk every live claim: a quarter of the time at 100k claims,
    and a share that grows with the ledger. The collector is restored, as it was, afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def compare_claims(
    claims: Sequence[Claim], articles: Mapping[str, Article], config: CompareConfig
) -> list[Pair]:
    body = sorted((c for c in claims if c.section == "body"), key=claim_order)
    clusters = entity_clusters((e for c in body for e in c.entities), config)
    names = cluster_names(body, clusters)
    entities = [frozenset(clusters[e] for e in c.entities) for c in body]
    candidates = candidate_pairs(body, entities, config)
    if not len(candidates):
        return []
    contexts = fact_contexts(body, clusters, config)
    times = [as_of(claim, articles) for claim in body]
    # Two claims that differ only in their article score alike against anything: each distinct
    # pair of claim contents is scored once, at its first candidate.
    first, inverse = distinct_rows(claim_signatures(body, times), candidates)
    texts = text_scores(body, candidates[first], config)
    outcomes: list[tuple[float, Judgement, tuple[str, ...]] | None] = []
    for i, j, text in zip(*candidates[first].T.tolist(), texts.tolist(), strict=True):
        found = score_pair(
            body[i],
            body[j],
            (entities[i], entities[j]),
            (contexts[i], contexts[j]),
            (times[i], times[j]),
            text,
            clusters,
            config,
        )
        outcomes.append(
            found
            and (
                found.score,
                found.judgement,
                tuple(sorted(names[k] for k in entities[i] & entities[j])),
            )
        )
    kept = np.array([outcome is not None for outcome in outcomes], dtype=bool)[inverse]
    scored = [
        Candidate(body[i], body[j], *outcomes[k])  # type: ignore[misc]
        for i, j, k in zip(*candidates[kept].T.tolist(), inverse[kept].tolist(), strict=True)
    ]
    matched = one_per_sentence_pair(scored)
    sides = {name: describe_side(article, name) for name, article in articles.items()}
    kept = without_restated(best_per_article(matched, config.best_margin))
    pairs = [to_pair(c, sides) for c in kept]
    return sorted(pairs, key=lambda p: (VERDICT_ORDER[p.verdict], -p.score, p.a.id, p.b.id))


def claim_signatures(claims: Sequence[Claim], times: Sequence[str | None]) -> list[int]:
    """For each claim, the id of its content: everything alignment reads but its id and article
    (its as-of time included: the same figure at two times may be a revision)."""
    ids: dict[tuple, int] = {}
    return [
        ids.setdefault(
            (
                c.kind,
                c.item,
                c.sentence,
                c.sentence_start,
                c.source,
                c.date,
                c.entities,
                c.frame,
                t,
            ),
            len(ids),
        )
        for c, t in zip(claims, times, strict=True)
    ]


def distinct_rows(signatures: Sequence[int], pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(index of the first row of each distinct pair of signatures, the distinct pair of each
    row), found in numpy: a large ledger has most of a million candidates and half as many
    distinct contents, and a Python dictionary keyed on tuples cost a second per 100k claims."""
    ids = np.asarray(signatures, dtype=np.int64)
    codes = ids[pairs[:, 0]] * (int(ids.max()) + 1) + ids[pairs[:, 1]]
    _, first, inverse = np.unique(codes, return_index=True, return_inverse=True)
    return first, inverse.reshape(-1)


def fact_contexts(
    claims: Sequence[Claim], clusters: Mapping[str, int], config: CompareConfig
) -> list[FactContext | None]:
    """`fact_context` of each claim, read once for each distinct item in a distinct sentence
    (wire copy and a sentence with several figures repeat them across a ledger)."""
    seen: dict[tuple, FactContext | None] = {}
    contexts = []
    for claim in claims:
        item = claim.item
        key = (
            type(item),
            item.start - claim.sentence_start,
            item.text,
            claim.sentence,
            claim.entities,
        )
        if key not in seen:
            seen[key] = fact_context(claim, clusters, config)
        contexts.append(seen[key])
    return contexts


def claim_order(claim: Claim) -> tuple[str, int, str, str]:
    return (claim.article, claim.item.start, claim.kind, claim.id)


@lru_cache(maxsize=FOLD_CACHE)
def content_text(text: str) -> str:
    """Content words only: shared "the", "of", "that" say nothing about whether two sentences
    state one fact, and they dominate `token_set_ratio` otherwise. Remembered: the sentence of
    several figures, and every copy of a wire story, is read once."""
    return " ".join(content_words(text))


def date_context(claim: Claim, words: int) -> str:
    """The words around a date, without the date: what happened then. A sentence often holds
    several events, and two dates agree or conflict only about the same one."""
    offset = claim.item.start - claim.sentence_start
    before = claim.sentence[:offset].split()[-words:]
    after = claim.sentence[offset + len(claim.item.text) :].split()[:words]
    return " ".join(before + after)


def comparable_text(claim: Claim, config: CompareConfig) -> str:
    """What is compared as text: what the claim's kind compares it by (`KindSpec.comparable`)."""
    return kind_of(claim.item).comparable(claim, config)


def sentence_words(claim: Claim, _config: CompareConfig) -> str:
    """The whole sentence's content words (a table cell: its row and column, see below)."""
    if table_cell(claim):
        return content_text(table_cell_text(claim))
    return content_text(claim.sentence)


def quoted_words(claim: Claim, _config: CompareConfig) -> str:
    """A quote's own words: the sentence around it is the reporter's."""
    return content_text(claim.item.text)


def described_words(claim: Claim, _config: CompareConfig) -> str:
    """A description's name and words."""
    item = claim.item
    return content_text(f"{item.name} {item.text}")  # type: ignore[union-attr]


def date_words(claim: Claim, config: CompareConfig) -> str:
    """The words around a date: what happened then."""
    return content_text(date_context(claim, config.date_window))


def table_cell(claim: Claim) -> bool:
    """Whether the claim is a cell of a table (its frame names the cell's row)."""
    return claim.frame is not None and claim.frame.row is not None


def table_cell_text(claim: Claim) -> str:
    """What a table cell says, as words: its row label and column (unit), with the table's
    lines of words (title, headings); the other rows' figures say nothing about this one."""
    titles = [line for line in claim.sentence.split("\n") if not any(ch.isdigit() for ch in line)]
    return " ".join([*titles, claim.frame.row or "", getattr(claim.item, "unit", "")])


def pair_kind(a: Claim, b: Claim) -> str:
    """The kind a pair is reported as: a quote set against reported speech is reported speech."""
    return a.kind if a.kind == b.kind else "attribution"


def text_scores(claims: Sequence[Claim], pairs: np.ndarray, config: CompareConfig) -> np.ndarray:
    """`token_set_ratio` of every candidate pair in batch calls (no Python loop over scoring):
    each claim's own comparable text, or for a quote set against reported speech, both
    sentences (the quoted words alone would be compared with a whole paraphrase). A ledger
    repeats itself (wire copy, one sentence with several figures), so each distinct pair of
    texts is scored once."""
    own = [comparable_text(claim, config) for claim in claims]
    kinds = np.array([claim.kind for claim in claims])
    mixed = kinds[pairs[:, 0]] != kinds[pairs[:, 1]]
    scores = distinct_pair_scores(own, pairs, config)
    if mixed.any():
        sentences = [content_text(claim.sentence) for claim in claims]
        scores[mixed] = distinct_pair_scores(sentences, pairs[mixed], config)
    return scores


def distinct_pair_scores(
    texts: Sequence[str], pairs: np.ndarray, config: CompareConfig
) -> np.ndarray:
    """`token_set_ratio(texts[i], texts[j])` for each row (i, j) of `pairs`, each distinct pair
    of strings scored once."""
    vocabulary: dict[str, int] = {}
    ids = np.array([vocabulary.setdefault(text, len(vocabulary)) for text in texts], dtype=np.int64)
    distinct = list(vocabulary)
    codes, inverse = np.unique(
        ids[pairs[:, 0]] * len(distinct) + ids[pairs[:, 1]], return_inverse=True
    )
    first, second = np.divmod(codes, len(distinct))
    scores = process.cpdist(
        [distinct[k] for k in first.tolist()],
        [distinct[k] for k in second.tolist()],
        scorer=fuzz.token_set_ratio,
        workers=config.workers,
    )
    return scores[inverse]


def entity_overlap(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def score_pair(
    a: Claim,
    b: Claim,
    entities: tuple[frozenset[int], frozenset[int]],
    contexts: tuple[FactContext | None, FactContext | None],
    when: tuple[str | None, str | None],
    text: float,
    clusters: Mapping[str, int],
    config: CompareConfig,
) -> Candidate | None:
    """The alignment score of two claims, or None when they are not the same fact."""
    ents_a, ents_b = entities
    if kind_of(a.item).one_subject and ents_a and ents_b and not ents_a & ents_b:
        return None  # both name what they are about, and nothing in common: two subjects
    measured = same_measure(a, b)
    if measured and (table_cell(a) or table_cell(b)):
        text = max(text, config.table_text)
    unanchored = not (ents_a & ents_b) and text < config.text_alone and not measured
    if unanchored and not same_words_same_speaker(a, b, config):
        return None
    overlap = entity_overlap(ents_a, ents_b)
    bonus = config.measure_bonus if measured else 0.0
    best_possible = bonus + 100 * (
        config.text_weight * float(text) / 100
        + config.entity_weight * overlap
        + config.speaker_weight
        + config.value_weight
    )
    if best_possible < required_score(pair_kind(a, b), "agree", config):
        return None  # no verdict can lift it to the bar (a conflict's bar is never lower)
    judgement = judge(a, b, config, when)
    if judgement is None:
        return None
    ctx_a, ctx_b = contexts
    if ctx_a and ctx_b and different_facts(a, b, ctx_a, ctx_b, judgement.verdict):
        return None
    speech = reported_and_other(a, b)
    if speech and not reported_content_shared(*speech, clusters):
        return None
    strict = judgement.verdict != "agree" or judgement.bounded
    if measured and strict and different_subjects(a, b, clusters):
        return None
    if judgement.bounded and not measured and ctx_a and ctx_b and not ctx_a.events & ctx_b.events:
        return None  # a bound is weak evidence: one measure, or words naming one event
    if judgement.bounded and (days_apart(*when) or 0) > config.bound_days:
        return None  # nor does it join two occurrences years apart
    person = same_person(speaker_of(a), speaker_of(b))
    speaker = 0.5 if person is None else float(person)
    dated = dates_compatible(a.date, b.date) if a.kind != "date" else None
    compatible = judgement.compatible and dated is not False
    score = (
        100
        * (
            config.text_weight * float(text) / 100
            + config.entity_weight * overlap
            + config.speaker_weight * speaker
            + config.value_weight * compatible
        )
        + bonus
    )
    score = min(score, 100.0)
    if score < required_score(pair_kind(a, b), judgement.verdict, config):
        return None
    return Candidate(a, b, round(score, 1), judgement, ())


def same_words_same_speaker(a: Claim, b: Claim, config: CompareConfig) -> bool:
    """Two quotes or reports whose words are the same, credited to one named person ("Jane
    Doe said it would 'hurt every family'" / "Doe warned it would hurt every family"): that is
    one statement even when the two sentences name nothing else in common, or the parser
    found no name in one of them. The speaker alone never pairs two remarks."""
    if not kind_of(a.item).family == kind_of(b.item).family == "speech":
        return False
    speakers = (speaker_of(a), speaker_of(b))
    if not all(speaker and is_named(speaker) for speaker in speakers):
        return False
    return bool(same_person(*speakers)) and words_similarity(a.item.text, b.item.text) >= (
        config.same_words
    )


def different_subjects(a: Claim, b: Claim, clusters: Mapping[str, int]) -> bool:
    """Both frames name what their figure is about, and nothing in common: the US's aid and
    Japan's aid are two facts, so their different values are neither a conflict nor a revision.
    A table says what each row is about: a row is a part ("Indonesia"), met only by a figure
    naming that subject; its total row is the whole table, met by a figure naming no row."""
    if a.frame is None or b.frame is None:
        return False
    ids_a = {clusters.get(name, name) for name in a.frame.subject}
    ids_b = {clusters.get(name, name) for name in b.frame.subject}
    rows = (a.frame.row is not None, b.frame.row is not None)
    if any(rows):  # a row names one place or body exactly: "india" is not "indian ocean"
        ids_a, ids_b = set(a.frame.subject), set(b.frame.subject)  # type: ignore[arg-type]
    if rows == (True, True):
        return ids_a != ids_b and not ids_a & ids_b
    if any(rows):
        row_ids = ids_a if rows[0] else ids_b
        return bool(row_ids) and not ids_a & ids_b  # a part's row needs its subject named
    if bool(ids_a) != bool(ids_b):  # one frame names its subject: the other's sentence may
        ids_a = ids_a or unsourced_entities(a, clusters)
        ids_b = ids_b or unsourced_entities(b, clusters)
    return bool(ids_a and ids_b) and not ids_a & ids_b


def unsourced_entities(claim: Claim, clusters: Mapping[str, int]) -> set[int]:
    """For a figure whose frame names no subject, what its sentence names besides the source it
    credits ("According to Sri Lanka's agency, it was hit with 30,957 dead" is about Sri Lanka)
    and besides the figure itself."""
    source = fold(claim.source or "")
    figure = fold(claim.item.text)  # "Level 4": the figure does not name its own subject
    return {clusters.get(e, e) for e in claim.entities if e not in source and e not in figure}  # type: ignore[misc]


def without_restated(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Drop the pairs of summary kinds (`KindSpec.summary`: "the toll rose") whose two sentences
    are also paired on figures ("rose to 60,000" / "rose to 80,000"): the figures say more, and
    one pair of sentences is reported once."""
    figured = {
        sentence_pair(c)
        for c in candidates
        if kind_of(c.a.item).figure and kind_of(c.b.item).figure
    }
    return [
        c for c in candidates if not (kind_of(c.a.item).summary and sentence_pair(c) in figured)
    ]


def sentence_pair(candidate: Candidate) -> frozenset[tuple[str, int]]:
    return frozenset((claim.article, claim.sentence_start) for claim in (candidate.a, candidate.b))


def one_per_sentence_pair(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Between two sentences, each claim is paired at most once, compatible values first:
    "the Orioles $140 million, the Nationals $160 million" told twice is two agreements, not
    two agreements and two conflicts between the crossed figures."""
    groups: dict[tuple, list[Candidate]] = defaultdict(list)
    for c in candidates:
        key = (c.a.article, c.a.sentence_start, c.b.article, c.b.sentence_start, c.a.kind)
        groups[key].append(c)
    kept: list[Candidate] = []
    for members in groups.values():
        if len(members) == 1:
            kept.append(members[0])
            continue
        used: set[str] = set()
        for c in sorted(members, key=lambda c: (not c.judgement.compatible, -c.score, c.a.id)):
            if c.a.id not in used and c.b.id not in used:
                used.update((c.a.id, c.b.id))
                kept.append(c)
    return kept


def required_score(kind: str, verdict: str, config: CompareConfig) -> float:
    if kind == "attribution":
        return config.speech_min_score
    if kind == "date" and verdict == "conflict":
        return config.date_conflict_min_score
    if verdict == "revision":
        return config.revision_min_score
    return config.min_score


def best_per_article(candidates: Sequence[Candidate], margin: float) -> list[Candidate]:
    """Keep a pair only when it is, for one of its claims, (within `margin` of) the best match in
    the other article: a figure repeated in a story is paired with its closest counterpart in
    each other outlet, not with every look-alike there. A conflict or revision is held to more:
    on both sides, the other claim states the value of the best differing match in its article
    (a figure is superseded by one figure per later article, which that article may repeat)."""
    best: dict[tuple[str, str], float] = defaultdict(float)
    changed: dict[tuple[str, str], tuple[float, float]] = {}
    for c in candidates:
        for one, other in ((c.a, c.b), (c.b, c.a)):
            key = (one.id, other.article)
            best[key] = max(best[key], c.score)
            if not c.judgement.compatible and c.score > changed.get(key, (-1.0, 0.0))[0]:
                changed[key] = (c.score, figure_value(other))
    return [
        c
        for c in candidates
        if c.score + margin >= min(best[c.a.id, c.b.article], best[c.b.id, c.a.article])
        and (
            c.judgement.compatible
            or (
                (changed[c.a.id, c.b.article][1] == figure_value(c.b) or new_value(c, c.b))
                and (changed[c.b.id, c.a.article][1] == figure_value(c.a) or new_value(c, c.a))
            )
        )
    ]


def new_value(candidate: Candidate, claim: Claim) -> bool:
    """Whether a revision's claim is a value its text says something was changed to ("upgraded
    to Level 4", "then corrected to zero"): one article may tell several steps of a history,
    and each supersedes the earlier figure."""
    cues = claim.frame.cues if claim.frame is not None else ()
    return candidate.judgement.verdict == "revision" and bool(CHANGE_VERBS.intersection(cues))


def figure_value(claim: Claim) -> float:
    """The value a claim states (a date or words: none, so all of them are one "value")."""
    return float(claim.item.value) if kind_of(claim.item).figure else 0.0  # type: ignore[union-attr]


def describe_side(article: Article | None, fallback: str) -> str:
    if article is None:
        return fallback
    name = article.outlet or article.title or article.id
    return f"{name} {article.published}" if article.published else name


def pair_id(a: Claim, b: Claim) -> str:
    """Stable across runs and machines: derived from the two claim ids only."""
    return "p" + hashlib.sha1(f"{a.id}|{b.id}".encode()).hexdigest()[:10]


def to_pair(candidate: Candidate, sides: Mapping[str, str]) -> Pair:
    """The reported pair; `sides` describes each article ("Remezcla 2018-09")."""
    a, b = candidate.a, candidate.b
    about = " / ".join(candidate.shared) if candidate.shared else "similar wording"
    both = f"{sides.get(a.article, a.article)} vs {sides.get(b.article, b.article)}"
    return Pair(
        id=pair_id(a, b),
        verdict=candidate.judgement.verdict,
        score=candidate.score,
        kind=pair_kind(a, b),  # type: ignore[arg-type]
        a=a,
        b=b,
        explanation=f"both: {about}; {candidate.judgement.detail}; {both}",
        topic=candidate.shared,
        slip=candidate.judgement.slip,
    )
