"""A token `Matcher` run only over the stretches of a Doc where one of its patterns can match.

spaCy's `Matcher` starts every pattern at every token, so its cost is the number of patterns
times the length of the Doc: the dates component's ~400 patterns (most of them holiday names
with their context) cost more CPU than the model that parses the text. Yet each pattern needs
one word that is rare in running text (a month, a holiday's first word, a unit, a number) at a
bounded distance from its start. `GatedMatcher` picks that word per pattern, finds the tokens
that could be it from their lexical attributes alone (which never change, so each word type is
judged once per process), and runs the patterns over short spans around those tokens only.
A match needs its gate word, and lies within the span around it, so the matches are exactly
those of a whole-Doc run. Patterns are grouped (by label) so a frequent gate word of one group
("year") does not make every other group run there too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.attrs import ORTH
from spacy.lexeme import Lexeme
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimcheck.extraction.doc_index import merged_spans
from claimcheck.lang.en.stop_words import STOP_WORDS

#: Token-spec keys that depend on the word alone, and how a `Lexeme` gives each.
LEXICAL_ATTRIBUTES = {
    "LOWER": lambda lexeme: lexeme.lower_,
    "ORTH": lambda lexeme: lexeme.orth_,
    "TEXT": lambda lexeme: lexeme.orth_,
    "LIKE_NUM": lambda lexeme: lexeme.like_num,
}
#: Operators under which a token spec takes at most one token.
AT_MOST_ONE = frozenset({None, "?", "!"})
#: Gate kinds, cheapest first: a word list free of frequent words, a test on the word's shape
#: (numbers), a list holding a frequent word ("the", "last", "-").
RARE_WORDS, SHAPE, FREQUENT_WORDS = 0, 1, 2

Pattern = list[dict]
Match = tuple[int, int, int]


@dataclass(frozen=True)
class Gate:
    """The token a pattern cannot match without: which attribute test it passes, and how many
    tokens the pattern may take before it (`before`) and from it on (`after`)."""

    attribute: str
    condition: object
    before: int
    after: int


def _words(condition: object) -> list[str] | None:
    if isinstance(condition, str):
        return [condition]
    if isinstance(condition, dict) and set(condition) == {"IN"}:
        return [str(word) for word in condition["IN"]]
    return None


def _cost(attribute: str, condition: object) -> tuple[int, float]:
    """How often a test is likely to pass in running text: its kind, then the share of frequent
    words in its list ("may" among the month names beats "the" alone)."""
    words = _words(condition)
    if words is None or attribute == "LIKE_NUM":
        return SHAPE, 0.0
    frequent = sum(_is_frequent(word) for word in words)
    return (FREQUENT_WORDS if frequent else RARE_WORDS), frequent / len(words)


def _is_frequent(word: str) -> bool:
    """A stop word or punctuation: present in nearly every sentence."""
    return word.lower() in STOP_WORDS or not any(char.isalnum() for char in word)


def gate_of(pattern: Pattern) -> Gate | None:
    """The cheapest gate of a pattern, or None when it has none (an unbounded operator, or no
    required token with a lexical attribute)."""
    if any(spec.get("OP") not in AT_MOST_ONE for spec in pattern):
        return None
    options = [
        (_cost(attribute, spec[attribute]), index, attribute)
        for index, spec in enumerate(pattern)
        if spec.get("OP") is None
        for attribute in LEXICAL_ATTRIBUTES
        if attribute in spec
    ]
    if not options:
        return None
    _, index, attribute = min(options)
    return Gate(attribute, pattern[index][attribute], index, len(pattern) - index)


def passes(gate: Gate, lexeme: Lexeme) -> bool:
    """Whether a word passes the gate's test, read as the `Matcher` reads it. Operators other
    than equality, IN and REGEX count as passed: the gate may let through more, never less."""
    value = LEXICAL_ATTRIBUTES[gate.attribute](lexeme)
    condition = gate.condition
    if not isinstance(condition, dict):
        return value == condition
    if "IN" in condition and value not in condition["IN"]:
        return False
    return "REGEX" not in condition or _compiled(condition["REGEX"]).search(value) is not None


@cache
def _compiled(regex: str) -> re.Pattern[str]:
    return re.compile(regex)


class GatedMatcher:
    """A `Matcher` that finds the same matches as one whole-Doc run of the patterns, running
    each group of patterns that share a label and a gate only around the words of that gate."""

    def __init__(self, vocab: Vocab, patterns: dict[str, list[Pattern]]):
        self.vocab = vocab
        self._groups: list[Matcher] = []
        self._gates: list[tuple[int, Gate]] = []  # (group, gate)
        group_of: dict[tuple[str, str, str], int] = {}
        ungated = Matcher(vocab)
        for label, label_patterns in patterns.items():
            for pattern in label_patterns:
                gate = gate_of(pattern)
                if gate is None:
                    ungated.add(label, [pattern])
                    continue
                key = (label, gate.attribute, repr(gate.condition))
                if key not in group_of:
                    group_of[key] = len(self._groups)
                    self._groups.append(Matcher(vocab))
                self._groups[group_of[key]].add(label, [pattern])
                self._gates.append((group_of[key], gate))
        self._ungated = ungated if len(ungated) else None
        # Word-list gates are looked up by word; the few shape gates (regexes, numbers) are
        # tested on each new word, each distinct one once.
        self._by_word: dict[tuple[str, str], list[tuple[int, Gate]]] = {}
        shapes: dict[tuple[int, str, str], tuple[int, Gate]] = {}
        for group, gate in self._gates:
            words = _words(gate.condition) if gate.attribute != "LIKE_NUM" else None
            if words is None:
                key = (group, gate.attribute, repr(gate.condition))
                widest = shapes.get(key, (group, gate))[1]
                shapes[key] = (group, _widest(widest, gate))
                continue
            attribute = "ORTH" if gate.attribute == "TEXT" else gate.attribute
            for word in words:
                self._by_word.setdefault((attribute, word), []).append((group, gate))
        self._shapes = list(shapes.values())
        self._reach: dict[int, list[tuple[int, int, int]]] = {}  # word -> (group, before, after)

    def _reach_of(self, orth: int) -> list[tuple[int, int, int]]:
        """The groups a word opens, with how far before and after it their patterns reach."""
        reach = self._reach.get(orth)
        if reach is None:
            lexeme = self.vocab[orth]
            opened = self._by_word.get(("LOWER", lexeme.lower_), [])
            opened = opened + self._by_word.get(("ORTH", lexeme.orth_), [])
            opened += [(group, gate) for group, gate in self._shapes if passes(gate, lexeme)]
            widest: dict[int, tuple[int, int]] = {}
            for group, gate in opened:
                before, after = widest.get(group, (0, 0))
                widest[group] = (max(before, gate.before), max(after, gate.after))
            reach = [(group, before, after) for group, (before, after) in widest.items()]
            self._reach[orth] = reach
        return reach

    def __call__(self, doc: Doc) -> list[Match]:
        """`(match_id, start, end)` of every match, as `Matcher.__call__` gives them, sorted."""
        length = len(doc)
        windows: list[list[tuple[int, int]]] = [[] for _ in self._groups]
        for i, orth in enumerate(doc.to_array([ORTH]).tolist() if length else []):
            for group, before, after in self._reach_of(orth):
                windows[group].append((max(0, i - before), min(length, i + after)))
        matches: set[Match] = set()
        for matcher, spans in zip(self._groups, windows, strict=True):
            for start, end in merged_spans(spans):
                matches.update((key, start + s, start + e) for key, s, e in matcher(doc[start:end]))
        if self._ungated is not None:
            matches.update(self._ungated(doc))
        return sorted(matches, key=lambda match: (match[1], match[2], match[0]))


def _widest(first: Gate, second: Gate) -> Gate:
    return Gate(
        first.attribute,
        first.condition,
        max(first.before, second.before),
        max(first.after, second.after),
    )
