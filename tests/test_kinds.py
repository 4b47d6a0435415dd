"""The registry of claim kinds: one place names each kind in every vocabulary, and the stages
dispatch through it (display, judging, gold scoring)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from claim_factory import claim, date, money, quantity, quote, reported
from claimcheck.comparison.config import CompareConfig
from claimcheck.comparison.verdicts import judge
from claimcheck.kinds import CLAIM_KINDS, GOLD_KINDS, KINDS, kind_named, kind_of
from claimcheck.report.fields import claim_number, claim_value


def test_each_kind_has_its_four_names_in_one_place() -> None:
    names = {spec.name: (spec.extension, spec.gold_key, spec.record.__name__) for spec in KINDS}
    assert names == {
        "money": ("money", "money", "Money"),
        "quantity": ("quantities", "quantities", "Quantity"),
        "date": ("dates", "dates", "DateMention"),
        "quote": ("quotes", "quotes", "Quote"),
        "attribution": ("attributions", None, "Attribution"),
        "description": ("descriptions", None, "Description"),
        "superlative": ("superlatives", None, "Superlative"),
        "trend": ("trends", None, "Trend"),
        "event": ("events", None, "Event"),
        "duration": ("durations", None, "Duration"),
    }
    assert set(GOLD_KINDS) == {"money", "quantities", "dates", "quotes"}
    assert tuple(names) == CLAIM_KINDS


@pytest.mark.parametrize("word", ["Money", "quantities", "DATE", " quote ", "attributions"])
def test_a_user_may_name_a_kind_by_either_name_in_any_case(word: str) -> None:
    spec = kind_named(word)
    assert spec is not None and word.strip().lower() in (spec.name, spec.extension)


def test_each_kind_is_shown_by_its_own_display() -> None:
    amount = claim("a", money("$20 million", 20e6), "They paid $20 million.")
    count = claim("a", quantity("17,000 immigrants", 17000, "immigrants"), "17,000 immigrants.")
    tuesday = claim("a", date("last Tuesday", None), "last Tuesday it rained.")
    assert claim_value(amount) == "$20,000,000 USD"
    assert claim_value(count) == "17,000 immigrants"
    assert claim_value(tuesday) == "last Tuesday (undetermined)"
    assert (claim_number(amount).low, claim_number(amount).unit) == (20e6, "USD")
    assert claim_number(tuesday).low is None


def test_claims_of_two_families_are_never_judged_but_quotes_meet_reported_speech() -> None:
    words = "We will not pay for the wall"
    said = claim("a", quote(words, "Enrique Peña Nieto"), f"“{words},” Peña Nieto said.")
    told = claim("b", reported(words, "Enrique Peña Nieto"), f"{words}, Enrique Peña Nieto said.")
    amount = claim("b", money("$20 million", 20e6), "We will not pay $20 million for the wall.")
    assert kind_of(said.item).family == kind_of(told.item).family == "speech"
    assert judge(said, amount, CompareConfig()) is None
    found = judge(said, told, CompareConfig())
    assert found is not None and found.verdict == "agree"


def test_reading_the_registry_imports_no_stage() -> None:
    """Every stage reads the registry, so it must not pull comparison (rapidfuzz) or spaCy in."""
    code = (
        "import sys, claimcheck.kinds as k; k.KINDS; "
        "print(sorted(m for m in ('spacy', 'rapidfuzz', 'claimcheck.comparison.verdicts', "
        "'claimcheck.evaluation.scoring') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
