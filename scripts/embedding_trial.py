"""Would a static embedding model tell related claims apart better than rapidfuzz? (Not a test.)

Issue 11 asked to try one where lexical similarity fails (reported speech, measure phrases) and
keep it only if it measurably helps. This script is that measurement, kept so the figures in
docs/embeddings.md can be re-run. It needs `wordllama` (16 MB of weights in its wheel, numpy
only): `pip install -e '.[trial]'`, then `python scripts/embedding_trial.py`.

Two questions, on the gold of the demo (seeds) and of ../shared/bench:

1. Sentences: for every gold relation, the two sentences that carry it. Related (agree, conflict,
   revision) against `unrelated`: the area under the ROC curve of each signal, and how many
   related pairs score above the threshold that keeps 98% of the unrelated pairs apart. The
   lexical signal is what `comparison.align` ranks candidates by: rapidfuzz `token_set_ratio` on
   the content words. Reported speech alone (quote and attribution on both sides) is also shown.
2. Measures: for every pair of money amounts or quantities in different articles of a suite with
   gold `fact` ids, whether the two are one fact; the rule (equal normalised `Frame.measure`)
   against wordllama's similarity of the measure phrases, and the rule or wordllama together.

wordllama 0.4 looks for its tokenizer under `tokenizer/` while its wheel ships `tokenizers/`, so
`WordLlama.load()` tries to download it; the model is built here from the wheel's own files and
nothing is downloaded.
"""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Callable, Sequence
from pathlib import Path

from rapidfuzz import fuzz

from claimcheck.comparison.align import content_text
from claimcheck.evaluation.scoring import gold_item, gold_of_claims, load_gold, normalise_text
from claimcheck.extraction.pipeline import build_nlp, extract_articles, load_model
from claimcheck.io.articles import read_folder
from claimcheck.model import Claim

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
SUITES = {
    "seeds": (ROOT / "data" / "articles", ROOT / "tests" / "gold" / "seeds.yaml"),
    "revisions-wikinews": (BENCH / "revisions-wikinews" / "articles", None),
    "align-ecbplus": (BENCH / "align-ecbplus" / "articles", None),
}
KEEP_APART = 0.98
LEXICAL = "rapidfuzz token_set (content words)"
EMBEDDED = "wordllama cosine (sentence)"


def load_wordllama():
    """wordllama from the files in its wheel, never from the network (see the module note)."""
    import wordllama
    from safetensors import safe_open
    from tokenizers import Tokenizer
    from wordllama.inference import WordLlamaInference

    root = Path(wordllama.__file__).parent
    weights = root / "weights" / "l2_supercat_256.safetensors"
    with safe_open(str(weights), framework="np", device="cpu") as tensors:
        embedding = tensors.get_tensor("embedding.weight")
    tokenizer = Tokenizer.from_file(str(root / "tokenizers" / "l2_supercat_tokenizer_config.json"))
    return WordLlamaInference(embedding, tokenizer)


def auc(related: Sequence[float], unrelated: Sequence[float]) -> float:
    wins = sum((p > q) + 0.5 * (p == q) for p in related for q in unrelated)
    return wins / (len(related) * len(unrelated))


def above_apart(related: Sequence[float], unrelated: Sequence[float]) -> tuple[int, int]:
    """Related pairs above the threshold that keeps KEEP_APART of the unrelated pairs apart."""
    ordered = sorted(unrelated)
    threshold = ordered[max(0, int(KEEP_APART * len(ordered)) - 1)]
    return sum(score > threshold for score in related), sum(s <= threshold for s in unrelated)


def relation_sentences(suite: str, nlp) -> list[tuple[str, str, str, bool]]:
    """(label, sentence a, sentence b, reported speech on both sides) per gold relation."""
    folder, gold_path = SUITES[suite]
    gold = load_gold(gold_path or folder.parent / "gold.yaml")
    bodies = {article.id: article.body for article in read_folder(folder).articles}
    sentences: dict[str, list[str]] = {}

    def sentence_of(side: dict) -> str | None:
        article = side.get("article")
        if article not in sentences:
            sentences[article] = [s.text for s in nlp(bodies.get(article, "")).sents]
        snippet = normalise_text(str(side.get("snippet", "")))
        return next((s for s in sentences[article] if snippet in normalise_text(s)), None)

    rows = []
    for relation in gold.relations:
        a, b = sentence_of(relation["a"]), sentence_of(relation["b"])
        speech = {relation["a"].get("kind"), relation["b"].get("kind")} <= {"quote", "attribution"}
        if a and b:
            rows.append((str(relation["label"]), a, b, speech))
    return rows


def sentence_signals(model) -> dict[str, Callable[[str, str], float]]:
    return {
        LEXICAL: lambda a, b: fuzz.token_set_ratio(content_text(a), content_text(b)) / 100,
        EMBEDDED: lambda a, b: float(model.similarity(a, b)),
        "wordllama cosine (content words)": lambda a, b: float(
            model.similarity(content_text(a), content_text(b))
        ),
    }


def print_sentences(model, nlp) -> None:
    print("1. Gold relation sentences: related (agree/conflict/revision) against unrelated")
    for suite in SUITES:
        rows = relation_sentences(suite, nlp)
        speech = [row for row in rows if row[3]]
        scopes = [("all", rows)] + (
            [("reported speech", speech)] if len(speech) < len(rows) else []
        )
        for scope, chosen in scopes:
            related = [(a, b) for label, a, b, _ in chosen if label != "unrelated"]
            unrelated = [(a, b) for label, a, b, _ in chosen if label == "unrelated"]
            if not related or not unrelated:
                continue
            print(f"  {suite}, {scope}: {len(related)} related, {len(unrelated)} unrelated")
            passes: dict[str, tuple[list[bool], list[bool]]] = {}
            for name, signal in sentence_signals(model).items():
                pos = [signal(a, b) for a, b in related]
                neg = [signal(a, b) for a, b in unrelated]
                found, apart = above_apart(pos, neg)
                print(
                    f"    {name:36} AUC {auc(pos, neg):.3f}; with {apart}/{len(neg)} unrelated "
                    f"kept apart, {found}/{len(pos)} related above"
                )
                threshold = sorted(neg)[max(0, int(KEEP_APART * len(neg)) - 1)]
                passes[name] = ([p > threshold for p in pos], [q > threshold for q in neg])
            (lexical_pos, lexical_neg), (embedded_pos, embedded_neg) = (
                passes[LEXICAL],
                passes[EMBEDDED],
            )
            either_pos = sum(x or y for x, y in zip(lexical_pos, embedded_pos, strict=True))
            either_neg = sum(x or y for x, y in zip(lexical_neg, embedded_neg, strict=True))
            print(
                f"    {'either of the two above':36} {either_pos}/{len(related)} related and "
                f"{either_neg}/{len(unrelated)} unrelated above their thresholds"
            )


def measure_phrase(claim: Claim) -> str:
    unit = getattr(claim.item, "unit", "")
    measure = claim.frame.measure if claim.frame else None
    return " ".join(word for word in (unit, measure) if word) or claim.item.text


def print_measures(model, nlp) -> None:
    print("2. Money and quantities with gold fact ids: same fact or not, per cross-article pair")
    folder = SUITES["revisions-wikinews"][0]
    gold = load_gold(folder.parent / "gold.yaml")
    results = list(extract_articles(read_folder(folder).articles, nlp))
    matched = gold_of_claims(results, gold)
    claims = [c for r in results for c in r.claims if c.id in matched]
    fact = {c.id: gold_item(gold, matched[c.id]).get("fact") for c in claims}
    pairs = [
        (a, b)
        for a, b in itertools.combinations(claims, 2)
        if a.article != b.article and a.kind == b.kind
    ]
    same = [(a, b) for a, b in pairs if fact[a.id] == fact[b.id]]
    other = [(a, b) for a, b in pairs if fact[a.id] != fact[b.id]]

    def rule(a: Claim, b: Claim) -> bool:
        return bool(a.frame and b.frame and a.frame.measure and a.frame.measure == b.frame.measure)

    def close(a: Claim, b: Claim, threshold: float) -> bool:
        return float(model.similarity(measure_phrase(a), measure_phrase(b))) >= threshold

    print(f"  revisions-wikinews: {len(same)} same-fact pairs, {len(other)} other pairs")
    print(
        f"    rule (equal measure)      same fact {sum(rule(a, b) for a, b in same)}, "
        f"other {sum(rule(a, b) for a, b in other)}"
    )
    for threshold in (0.5, 0.6, 0.7, 0.8):
        either = [rule(a, b) or close(a, b, threshold) for a, b in same]
        either_other = [rule(a, b) or close(a, b, threshold) for a, b in other]
        print(
            f"    wordllama >= {threshold}          same fact "
            f"{sum(close(a, b, threshold) for a, b in same)}, other "
            f"{sum(close(a, b, threshold) for a, b in other)}; rule or wordllama: same fact "
            f"{sum(either)}, other {sum(either_other)}"
        )


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    try:
        model = load_wordllama()
    except ImportError:
        raise SystemExit("wordllama is not installed: pip install -e '.[trial]'") from None
    print_sentences(model, load_model())
    print_measures(model, build_nlp())


if __name__ == "__main__":
    main()
