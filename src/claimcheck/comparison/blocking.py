"""Which claim pairs are worth scoring, found in time close to linear in the number of claims.

Claims meet under blocking keys (a shared entity, speaker, year, value, rare word). Scoring every
pair inside a block costs the square of its size, and in a large ledger frequently named people
and places make blocks of hundreds of near-identical sentences. So each claim keeps only its
`max_candidates` best partners (fewer for kinds that only agree) by a cheap score (the summed
rarity of the keys two claims share), and a pair is scored when it is among the best of either
of its claims. A claim with fewer partners than that keeps them all: on a small ledger, this is
every pair that shares a key.

The pairs are built in numpy arrays, a chunk of claims at a time, so no Python object is made per
pair and memory stays flat however large the ledger grows.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from itertools import chain

import numpy as np

from claimcheck.comparison.config import CompareConfig
from claimcheck.comparison.verdicts import known_measure, speaker_of
from claimcheck.comparison.words import content_words
from claimcheck.kinds import KINDS, kind_of
from claimcheck.model import Claim, Money, Quantity, Superlative
from claimcheck.names import fold


class OversizedBlockWarning(UserWarning):
    """Some candidate blocks were too large to compare whole and were sampled."""


#: Shortest word used as a fallback blocking key (shorter ones are rarely about the fact).
MIN_KEY_WORD = 4
#: Kinds compared with each other (a kind's `family`): one outlet quotes a speaker's words,
#: another reports them without quotation marks, and both state the same statement.
KIND_FAMILY = {spec.name: spec.family for spec in KINDS}
#: Block memberships expanded at once: bounds the memory of the candidate search (~40 bytes each).
CHUNK_MEMBERSHIPS = 2_000_000
#: A key's weight is the log of how much rarer it is than the whole ledger, in thousandths.
WEIGHT_SCALE = 1000
#: Bits of a non-negative int64: pair codes packed with their weights are sorted as one number.
PACKED_BITS = 63


def key_words(text: str) -> set[str]:
    """The content words of a sentence long enough to serve as a fallback blocking key."""
    return {w for w in content_words(text) if len(w) >= MIN_KEY_WORD and not w.isdigit()}


def blocking_keys(claim: Claim, entities: frozenset[int], rare: Iterable[str]) -> set[Hashable]:
    """The keys under which a claim meets its candidates. Every key carries the claim's family,
    since only claims of one family are compared. Rare words are the fallback for a claim whose
    sentence names nothing that NER recognises."""
    keys: set[Hashable] = {("entity", e) for e in entities}
    keys.update(("name", w) for e in claim.entities for w in e.split() if len(w) >= MIN_KEY_WORD)
    speaker = fold(speaker_of(claim) or "").split()
    if speaker:
        keys.add(("source", speaker[-1]))
    if claim.date and claim.date[:4].isdigit():
        keys.add(("year", claim.date[:4]))
    if isinstance(claim.item, Money | Quantity):
        keys.add(("value", round(claim.item.value, 2)))
        measure = known_measure(claim.frame)
        if measure:
            keys.add(("measure", measure))
    if isinstance(claim.item, Superlative):
        keys.add(("degree", claim.item.degree))
    keys.update(("word", w) for w in rare)
    # A kind whose items name their own measure (a trend's "odds", an event's "bury dead") is
    # judged only against the same measure: its claims meet only within it, under every key.
    family: Hashable = KIND_FAMILY.get(claim.kind, claim.kind)
    named = kind_of(claim.item).measure(claim.item)
    if named:
        family = (family, named)
        keys.add(("measure", named))
    return {(family, key) for key in keys}


def rarest_words(claims: Sequence[Claim], count: int) -> list[list[str]]:
    """For each claim, its `count` rarest sentence words that at least one other claim shares."""
    words = {sentence: key_words(sentence) for sentence in {c.sentence: None for c in claims}}
    frequency = Counter(chain.from_iterable([words[claim.sentence] for claim in claims]))
    # Rarest first, then alphabetical; a word no other claim shares is no key.
    rank = {word: (seen, word) for word, seen in frequency.items() if seen >= 2}
    rarest = {
        sentence: sorted([w for w in ws if w in rank], key=rank.__getitem__)[:count]
        for sentence, ws in words.items()
    }
    return [rarest[claim.sentence] for claim in claims]


def key_memberships(
    claims: Sequence[Claim], entities: Sequence[frozenset[int]], config: CompareConfig
) -> tuple[np.ndarray, np.ndarray]:
    """(claim index, key id) of every key each claim holds, as two int arrays sorted by claim,
    each claim's keys in one fixed order (so that sums over them do not depend on hashing)."""
    rare = rarest_words(claims, config.rare_words)
    key_ids: dict[Hashable, int] = {}
    held: dict[tuple, list[int]] = {}  # a claim's content -> its key ids (copies are common)
    owners: list[int] = []
    keys: list[int] = []
    for index, claim in enumerate(claims):
        content = (claim.kind, claim.item, claim.source, claim.date, claim.entities, *rare[index])
        ids = held.get(content)
        if ids is None:
            found = sorted(blocking_keys(claim, entities[index], rare[index]), key=repr)
            ids = held[content] = [key_ids.setdefault(key, len(key_ids)) for key in found]
        owners.extend([index] * len(ids))
        keys.extend(ids)
    return np.asarray(owners, dtype=np.int64), np.asarray(keys, dtype=np.int64)


def candidate_pairs(
    claims: Sequence[Claim], entities: Sequence[frozenset[int]], config: CompareConfig
) -> np.ndarray:
    """Index pairs (i < j, one row each, sorted) of claims of one family from different articles
    that share a key and are among each other's `max_candidates` best partners. Keys held by
    more than `max_block` claims are dropped: they join too much to mean anything."""
    owners, keys = key_memberships(claims, entities, config)
    if not len(keys):
        return np.empty((0, 2), dtype=np.int64)
    owners, keys = sample_oversized(owners, keys, claim_variants(claims), config.max_block)
    sizes = np.bincount(keys)
    useful = (sizes[keys] >= 2) & (sizes[keys] <= config.max_block)
    owners, keys = owners[useful], keys[useful]
    sizes = np.bincount(keys, minlength=len(sizes))  # the blocks kept, whole; the rest empty
    by_key = np.argsort(keys, kind="stable")
    members = owners[by_key]  # claims of key k: members[starts[k] : starts[k] + sizes[k]]
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    # Integer weights: sums are exact, so the ranking cannot depend on the order of addition.
    weights = np.rint(WEIGHT_SCALE * np.log1p(len(claims) / np.maximum(sizes, 1))).astype(np.int64)
    _, articles = np.unique([c.article for c in claims], return_inverse=True)
    limits = partner_limits(claims, config)
    found = [
        best_partners(chunk_owners, chunk_keys, members, (starts, sizes, weights), articles, limits)
        for chunk_owners, chunk_keys in chunks(owners, keys, sizes)
    ]
    codes = np.unique(np.concatenate(found)) if found else np.empty(0, dtype=np.int64)
    return np.stack(np.divmod(codes, len(claims)), axis=1)


def partner_limits(claims: Sequence[Claim], config: CompareConfig) -> np.ndarray:
    """How many partners each claim keeps: `max_candidates`, or for a kind whose pairs only
    agree (`KindSpec.agree_only`), `agree_only_candidates`."""
    fewer = {spec.name for spec in KINDS if spec.agree_only}
    return np.array(
        [
            config.agree_only_candidates if claim.kind in fewer else config.max_candidates
            for claim in claims
        ],
        dtype=np.int64,
    )


def claim_variants(claims: Sequence[Claim]) -> np.ndarray:
    """For each claim, the id of what it states (value, date, speaker): copies of one story
    share it, an outlier in them does not."""
    ids: dict[tuple, int] = {}
    return np.array(
        [
            ids.setdefault(
                (
                    claim.kind,
                    getattr(claim.item, "value", claim.item.text),
                    claim.date,
                    speaker_of(claim),
                ),
                len(ids),
            )
            for claim in claims
        ],
        dtype=np.int64,
    )


def sample_oversized(
    owners: np.ndarray, keys: np.ndarray, variants: np.ndarray, max_block: int
) -> tuple[np.ndarray, np.ndarray]:
    """Memberships with each block larger than `max_block` cut down to a sample that keeps
    every variant of what its claims state: a widely shared story (hundreds of copies of one
    figure) keeps a share of its copies and each outlier, whose conflicts would otherwise be
    lost with the whole block. Scoring a block costs the square of its size, hence the cap.
    A block with more variants than `max_block` is dropped later; both are reported as a
    warning, since pairs may be missing."""
    sizes = np.bincount(keys)
    big = sizes[keys] > max_block
    if not big.any():
        return owners, keys
    rows = np.flatnonzero(big)
    key, variant = keys[rows], variants[owners[rows]]
    order = np.lexsort((owners[rows], variant, key))  # by key, variant, claim
    key, variant, rows = key[order], variant[order], rows[order]
    new_group = np.concatenate(([True], (key[1:] != key[:-1]) | (variant[1:] != variant[:-1])))
    group_start = np.maximum.accumulate(np.where(new_group, np.arange(len(rows)), 0))
    rank = np.arange(len(rows)) - group_start
    groups_per_key = np.bincount(key[new_group], minlength=len(sizes))
    share = np.maximum(1, max_block // np.maximum(groups_per_key[key], 1))
    keep = np.ones(len(keys), dtype=bool)
    keep[rows[rank >= share]] = False
    sampled = np.unique(key)
    dropped = int((groups_per_key[sampled] > max_block).sum())
    warnings.warn(
        f"{len(sampled)} blocking keys are shared by more than {max_block} claims: each was "
        f"compared on a sample that keeps every distinct value"
        + (f" ({dropped} with too many distinct values were left out)" if dropped else "")
        + "; some agreements between copies are not listed",
        OversizedBlockWarning,
        stacklevel=3,
    )
    return owners[keep], keys[keep]


def chunks(
    owners: np.ndarray, keys: np.ndarray, sizes: np.ndarray
) -> Iterable[tuple[np.ndarray, np.ndarray]]:
    """Slices of the memberships, whole claims each, that expand to about `CHUNK_MEMBERSHIPS`
    (claim, partner) rows."""
    expanded = np.cumsum(sizes[keys])
    first = 0
    while first < len(keys):
        last = int(np.searchsorted(expanded, expanded[first] + CHUNK_MEMBERSHIPS, side="right"))
        last = max(last, first + 1)
        if last < len(keys):  # end on a claim boundary
            last = int(np.searchsorted(owners, owners[last - 1], side="right"))
        yield owners[first:last], keys[first:last]
        first = last


def best_partners(
    owners: np.ndarray,
    keys: np.ndarray,
    members: np.ndarray,
    blocks: tuple[np.ndarray, np.ndarray, np.ndarray],
    articles: np.ndarray,
    limits: np.ndarray,
) -> np.ndarray:
    """For the claims of one chunk, their best partners (at most `limits[claim]` each) as pair
    codes (i * n + j, i < j; a pair may come twice)."""
    starts, sizes, weights = blocks
    n = len(articles)
    counts = sizes[keys]
    first_row = np.cumsum(counts) - counts
    # Row r of the expansion is member (r - first row of its membership) of that key's block.
    partner = members[
        np.arange(first_row[-1] + counts[-1]) + np.repeat(starts[keys] - first_row, counts)
    ]
    bits = max(n - 1, 1).bit_length()
    claim, partner, score = summed_by_pair(owners, counts, partner, weights[keys], bits)
    # Claims of one article are no pair; dropped once summed, on the fewer rows.
    other = articles[claim] != articles[partner]
    if not other.any():
        return np.empty(0, dtype=np.int64)
    claim, partner = ranked_partners(claim[other], partner[other], score[other], bits)
    new_claim = np.concatenate(([True], claim[1:] != claim[:-1]))
    first = np.maximum.accumulate(np.where(new_claim, np.arange(len(claim)), 0))
    keep = np.arange(len(claim)) - first < limits[claim]
    claim, partner = claim[keep], partner[keep]
    return np.minimum(claim, partner) * n + np.maximum(claim, partner)


def summed_by_pair(
    owners: np.ndarray, counts: np.ndarray, partner: np.ndarray, weight: np.ndarray, bits: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(claim, partner, summed weight) of each distinct (claim, partner) in the expansion where
    membership k (claim `owners[k]`, key weight `weight[k]`) stands for `counts[k]` rows of
    `partner`; sorted by claim then partner. Claims are below 2**`bits`. The three fields are
    packed into one int64 and sorted by value, several times cheaper than a stable argsort
    and its gathers over tens of millions of rows; a ledger too large to pack falls back to
    `np.lexsort`. The rows come as one sorted run per block a claim belongs to, in claim order,
    which numpy's stable sort of integers (radix or timsort) merges instead of re-sorting: 4.5
    times cheaper than the default introsort at 100,000 claims, with the same result (equal
    integers are indistinguishable)."""
    weight_bits = int(weight.max()).bit_length()
    if 2 * bits + weight_bits <= PACKED_BITS:
        packed = np.repeat((owners << (bits + weight_bits)) | weight, counts)
        packed |= partner << weight_bits
        packed.sort(kind="stable")
        codes = packed >> weight_bits
        group = np.flatnonzero(np.concatenate(([True], codes[1:] != codes[:-1])))
        codes = codes[group]
        sums = np.add.reduceat(packed & ((1 << weight_bits) - 1), group)
        return codes >> bits, codes & ((1 << bits) - 1), sums
    claim, weight = np.repeat(owners, counts), np.repeat(weight, counts)
    order = np.lexsort((partner, claim))
    claim, partner, weight = claim[order], partner[order], weight[order]
    changed = (claim[1:] != claim[:-1]) | (partner[1:] != partner[:-1])
    group = np.flatnonzero(np.concatenate(([True], changed)))
    return claim[group], partner[group], np.add.reduceat(weight, group)


def ranked_partners(
    claim: np.ndarray, partner: np.ndarray, score: np.ndarray, bits: int
) -> tuple[np.ndarray, np.ndarray]:
    """(claim, partner) ordered by claim, best score first within a claim, ties to the earlier
    partner; packed into one int64 and sorted by value as `summed_by_pair` does."""
    top = int(score.max())
    score_bits = top.bit_length()
    if 2 * bits + score_bits <= PACKED_BITS:
        ranked = np.sort((((claim << score_bits) | (top - score)) << bits) | partner, kind="stable")
        return ranked >> (score_bits + bits), ranked & ((1 << bits) - 1)
    order = np.lexsort((partner, -score, claim))
    return claim[order], partner[order]
