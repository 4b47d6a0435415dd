"""In-article name resolution: surnames, aliases, partial names."""

from __future__ import annotations

import pytest

from claimcheck.comparison.verdicts import same_person
from claimcheck.evaluation.scoring import speaker_right
from claimcheck.names import NameIndex, clean_name, fold


def test_fold_ignores_case_accents_and_possessive():
    assert fold("López Obrador’s") == "lopez obrador"


def test_clean_name_drops_possessive_and_punctuation():
    assert clean_name("“Videgaray’s,") == "Videgaray"


def test_clean_name_drops_an_alias_left_without_its_closing_parenthesis():
    assert clean_name("International Labour Office (ILO") == "International Labour Office"
    assert clean_name("Food Bank (North)") == "Food Bank (North)"


def test_surname_and_alias_resolve_to_the_full_name(nlp):
    doc = nlp(
        "President-elect Andrés Manuel López Obrador (AMLO) rejected the offer. "
        "Later, López Obrador met Luis Videgaray. AMLO said Videgaray was wrong."
    )
    names = NameIndex.from_doc(doc)
    assert names.resolve("Lopez Obrador") == "Andrés Manuel López Obrador"
    assert names.resolve("AMLO") == "Andrés Manuel López Obrador"
    assert names.resolve("Videgaray") == "Luis Videgaray"
    assert names.resolve("Someone Else") == "Someone Else"


def test_given_names_the_model_left_out_are_part_of_the_name(nlp):
    doc = nlp("María Fernanda Rivero Benfield, a coordinator at Sin Fronteras, spoke on Monday.")
    names = NameIndex.from_doc(doc)
    assert names.resolve("Rivero Benfield") == "María Fernanda Rivero Benfield"
    assert names.resolve("María Fernanda Rivero") == "María Fernanda Rivero Benfield"
    assert names.is_person("María Fernanda Rivero Benfield")


def test_a_name_known_by_a_short_name_resolves_from_it(nlp):
    doc = nlp(
        "Governor Eleanor Whitcombe-Price met the unions on Monday. Whitcombe-Price, widely "
        "known as EWP, promised a deal. Later EWP said the talks had gone well."
    )
    names = NameIndex.from_doc(doc)
    assert names.resolve("EWP") == names.resolve("Whitcombe-Price")
    assert names.resolve("EWP").endswith("Whitcombe-Price")


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("Sánchez Cordero", "Olga Sanchez Cordero", True),
        ("López Obrador’s", "Andrés Manuel López Obrador", True),
        ("AMLO", "Andrés Manuel López Obrador", False),
        ("Luis Videgaray", "Olga Sánchez Cordero", False),
    ],
)
def test_comparison_and_evaluation_judge_a_speakers_name_alike(
    predicted: str, gold: str, same: bool
) -> None:
    """One rule for "the same speaker" (`names.same_folded_name`): a verdict and the eval score
    never disagree on whether two names are one person."""
    assert same_person(predicted, gold) is same
    assert speaker_right(predicted, {"speaker": gold}) is same
