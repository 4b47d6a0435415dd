"""Dependency labels of spaCy's English pipelines (ClearNLP style) that several readers share.

A model of another language may label the same relations otherwise ("nsubj:pass" in Universal
Dependencies), so they are named once, with the language's words."""

from __future__ import annotations

#: Labels of a clause's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
