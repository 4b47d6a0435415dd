"""What a claim kind is to the rest of claimcheck: one record of its names and hooks.

A kind has four vocabularies that used to be spelled out across the code (`date` in the ledger,
`dates` as the Doc extension and the gold list, `DateMention` as the record, and the per-kind
branches of display, scoring and judging). A `KindSpec` maps them in one place, and every stage
loops over the registry (`claimcheck.kinds.KINDS`) instead of naming kinds.

This module imports no stage: the registry is read by extraction, comparison, evaluation and
the report alike, so the hooks that live in those stages are named by module and attribute
(`Hook`) and imported on their first call.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from claimcheck.model import ClaimKind, Item


@cache
def _resolve(target: str) -> Callable[..., Any]:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


@dataclass(frozen=True, slots=True)
class Hook:
    """A function of a later stage named as `module:attribute`, imported when first called, so
    that declaring a kind imports neither rapidfuzz nor the comparison code."""

    target: str

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return _resolve(self.target)(*args, **kwargs)


def always(_item: Item) -> bool:
    return True


def words(item: Item) -> str:
    """Quotes and reported speech are shown as their words."""
    return item.text


#: What alignment compares as text, by default: the claim's whole sentence (a table cell: its row).
SENTENCE_WORDS = Hook("claimcheck.comparison.align:sentence_words")
#: The judges and gold rules kinds share: figures (money, counts) and speech (quotes, reports).
JUDGE_FIGURES = Hook("claimcheck.comparison.verdicts:judge_figures")
JUDGE_SPEECH = Hook("claimcheck.comparison.verdicts:judge_speech")
MATCH_FIGURE = Hook("claimcheck.evaluation.scoring:figure_match")
MATCH_WORDS = Hook("claimcheck.evaluation.scoring:quote_match")
SPEAKER_RIGHT = Hook("claimcheck.evaluation.scoring:speaker_value")
#: The `KindSpec` fields every kind of speech shares (quotes, reported speech): judged as words
#: credited to a speaker, matched to gold by their words, right when the speaker is.
SPEECH_RULES: dict[str, Any] = {
    "family": "speech",
    "judge": JUDGE_SPEECH,
    "display": words,
    "gold_match": MATCH_WORDS,
    "gold_value": SPEAKER_RIGHT,
    "gold_field": "speaker",
}


def not_scored(_item: Item, _gold: Mapping[str, Any]) -> None:
    return None


#: The `KindSpec` fields of the kinds gold files do not annotate (descriptions, records, trends):
#: no gold list and no value to score; their pairs are scored as relations.
UNSCORED_RULES: dict[str, Any] = {
    "gold_key": None,
    "gold_match": MATCH_WORDS,
    "gold_value": not_scored,
}
#: The fields every figure kind shares (money, counts): judged as amounts, framed and charted.
FIGURE_RULES: dict[str, Any] = {
    "judge": JUDGE_FIGURES,
    "gold_match": MATCH_FIGURE,
    "figure": True,
    "charted": True,
}


@dataclass(frozen=True, slots=True)
class Number:
    """A figure as numbers: `low` (the value, or a range's low end), `high` (a range's high end)
    and `unit` (an ISO currency or what is counted); what a spreadsheet sorts and filters on."""

    low: float | None = None
    high: float | None = None
    unit: str = ""


def no_number(_item: Item) -> Number:
    return Number()


def no_measure(_item: Item) -> str | None:
    return None


@dataclass(frozen=True, slots=True)
class KindSpec:
    """One kind of claim: its names in every vocabulary and what each stage does with it.

    - `name`: the kind in the ledger, in pairs and facts, in `--kind` (`date`);
    - `extension`: the `Doc` extension its component writes (`doc._.dates`);
    - `gold_key`: its list in gold files (`dates`), None when gold files do not annotate it;
    - `record`: the dataclass of its items (`DateMention`);
    - `family`: kinds whose claims are paired and judged together (a quote and reported speech
      are both `speech`); `judge(a, b, config, when)` gives the verdict on two claims of it;
      `comparable(claim, config)`: the words alignment compares two claims of it by;
    - `figure`: a number of something (money, quantities): framed, bounded, charted by value;
    - `one_subject`: two claims of it are paired only when their sentences name something in
      common or one names nothing (a record is the record of one thing: "the biggest heist" in
      Paris and in Cannes are two records);
    - `summary`: a claim of it sums up what figures of its sentence may state ("rose" of "rose
      to 80,000"); its pair is dropped where the same two sentences are paired on figures;
    - `agree_only`: two claims of it agree or are not paired, never conflict, and meet only
      within their own `measure` (an event, a trend): a claim keeps fewer candidates
      (`agree_only_candidates`), since they all state the same act and only join one fact;
    - `display(item)`: the value as a reader checks it; `number(item)`: the value as numbers;
      `measure(item)`: what the item itself says it measures (a trend's "odds"; figures are
      measured by their frame instead);
    - `gold_match(text, gold_text)`: how an item is matched to a gold item (0 = no match);
      `gold_value(item, gold)`: whether a match has the gold's `gold_field` right (None: not
      counted); `gold_scope(item)`: whether gold files annotate items like this one at all.
    """

    name: ClaimKind
    extension: str
    gold_key: str | None
    record: type
    family: str
    judge: Callable[..., Any]
    display: Callable[[Item], str]
    gold_match: Callable[[str, str], float]
    gold_value: Callable[[Item, Mapping[str, Any]], bool | None]
    gold_field: str = "value"
    comparable: Callable[..., str] = field(default=SENTENCE_WORDS)
    number: Callable[[Item], Number] = field(default=no_number)
    measure: Callable[[Item], str | None] = field(default=no_measure)
    gold_scope: Callable[[Item], bool] = field(default=always)
    figure: bool = False
    charted: bool = False
    one_subject: bool = False
    summary: bool = False
    agree_only: bool = False

    def matches(self, word: str) -> bool:
        """Whether a user's word names this kind (either name, any case: `Money`, `quotes`)."""
        return word.strip().lower() in (self.name, self.extension)
