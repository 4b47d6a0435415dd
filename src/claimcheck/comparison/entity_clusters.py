"""Which entity names in a ledger are spellings of one name.

Outlets spell one actor many ways ("Mexico", "Mexican", "the UN", "United Nations", "Cheeks",
"Maurice Cheeks"); alignment compares clusters of names, not strings. Close spellings are found
with rapidfuzz over every two names of a small vocabulary and by sorted neighbourhood over a large
one, so clustering stays linear in a ledger of tens of thousands of names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from rapidfuzz import fuzz, process

from claimcheck.comparison.config import CompareConfig
from claimcheck.lang.en.names import NAME_PARTICLES
from claimcheck.model import Claim

#: A one-word name minus its last letter, from this length up, joins the names it begins:
#: "mexico" / "mexican", "canada" / "canadian" ("iran" / "iraq" are too short to join).
MIN_STEM = 5


def is_stem_candidate(name: str) -> bool:
    """A one-word name whose stem (all but its last letter) may start a demonym or plural."""
    return " " not in name and len(name) > MIN_STEM


def acronym(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w not in NAME_PARTICLES]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def entity_clusters(names: Iterable[str], config: CompareConfig) -> dict[str, int]:
    """Folded entity names grouped when they are spellings of one name: close strings
    ("central america" / "central americans"), a stem and its derivations ("mexico" /
    "mexican"), an acronym and the name it abbreviates ("un" / "united nations"), a surname and
    the full name ("cheeks" / "maurice cheeks"; two people who share a surname are joined too,
    which only costs a little precision since text and values are scored as well)."""
    vocab = sorted(set(names))
    parent = list(range(len(vocab)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    for i, j in close_names(vocab, config):
        union(i, j)
    if vocab:
        compact = {name.replace(" ", ""): k for k, name in enumerate(vocab) if len(name) <= 8}
        stems = {name[:-1]: k for k, name in enumerate(vocab) if is_stem_candidate(name)}
        single = {name: k for k, name in enumerate(vocab) if " " not in name}
        for k, name in enumerate(vocab):
            surname = name.rsplit(" ", 1)[-1]
            if surname != name and surname in single:
                union(k, single[surname])
            for size in range(MIN_STEM, len(name)):
                if name[:size] in stems and stems[name[:size]] != k:
                    union(k, stems[name[:size]])
        # Initials last, and only for a name that stands alone: a name already joined to others
        # by its words ("universal studios" to "universal", "universal pictures") has its
        # family, and two letters ("us") would bridge it to another ("u s", the United States).
        sizes = Counter(find(k) for k in range(len(vocab)))
        for k, name in enumerate(vocab):
            short = acronym(name)
            if short and short in compact and sizes[find(k)] == 1:
                union(k, compact[short])
    return {name: find(k) for k, name in enumerate(vocab)}


def close_names(vocab: Sequence[str], config: CompareConfig) -> list[tuple[int, int]]:
    """Index pairs of names at least `entity_ratio` alike. Every two names are compared in a
    vocabulary of up to `exact_names`; a larger one (a large ledger names tens of thousands) is
    compared by sorted neighbourhood, each name with its `name_window` next names in
    alphabetical order and in the order of the reversed names, which keeps the cost linear."""
    if len(vocab) <= config.exact_names:
        close = process.cdist(
            vocab,
            vocab,
            scorer=fuzz.ratio,
            score_cutoff=config.entity_ratio,
            workers=config.workers,
        )
        return [(int(i), int(j)) for i, j in zip(*np.nonzero(close), strict=True) if i < j]
    orders = (
        np.arange(len(vocab)),  # `vocab` is sorted
        np.array(sorted(range(len(vocab)), key=lambda k: vocab[k][::-1])),
    )
    first = np.concatenate(
        [order[:-step] for order in orders for step in range(1, config.name_window + 1)]
    )
    second = np.concatenate(
        [order[step:] for order in orders for step in range(1, config.name_window + 1)]
    )
    scores = process.cpdist(
        [vocab[k] for k in first.tolist()],
        [vocab[k] for k in second.tolist()],
        scorer=fuzz.ratio,
        workers=config.workers,
    )
    close = scores >= config.entity_ratio
    return list(zip(first[close].tolist(), second[close].tolist(), strict=True))


def cluster_names(claims: Sequence[Claim], clusters: Mapping[str, int]) -> dict[int, str]:
    """The name shown for each entity cluster: its most used spelling (then the longest)."""
    counts = Counter(e for c in claims for e in c.entities)
    best: dict[int, str] = {}
    for name, key in clusters.items():
        current = best.get(key)
        if current is None or (counts[name], len(name)) > (counts[current], len(current)):
            best[key] = name
    return best
