"""A `--config` TOML file sets component thresholds and the compare config; a bad one is one
plain error line, before any work."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import claimcheck
from claimcheck.cli.app import app
from claimcheck.comparison.config import CompareConfig
from claimcheck.config import read_settings
from claimcheck.extraction.pipeline import build_nlp
from claimcheck.io.cache import entry_key
from claimcheck.model import Article

ROOT = Path(__file__).resolve().parent.parent
LEDGER = ROOT / "data" / "claims.yaml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "claimcheck.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_config_file_sets_components_and_the_compare_config(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "[extract.quantities]\nword_figure_min = 20\n\n[compare]\nmin_score = 50\ntolerance = 0\n",
    )
    settings = claimcheck.read_settings(path)
    assert settings.components == {"claimcheck_quantities": {"word_figure_min": 20}}
    assert settings.compare == CompareConfig(min_score=50.0, tolerance=0.0)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[extract.quantites]\nword_figure_min = 2\n", "unknown table 'extract.quantites'"),
        ("[compare]\nmin_scor = 50\n", "unknown key in [compare] 'min_scor'"),
        ("[compare]\nmin_score = 'high'\n", "[compare] min_score must be float"),
        ("[extract.quantities]\nword_figure_min = 2.5\n", "word_figure_min must be int"),
        ("[comparison]\n", "unknown table 'comparison'"),
        ("[compare\n", "not valid TOML"),
    ],
)
def test_a_bad_config_is_a_config_error_naming_what_is_wrong(
    tmp_path: Path, text: str, says: str
) -> None:
    with pytest.raises(claimcheck.ConfigError) as raised:
        read_settings(write(tmp_path, text))
    assert says in str(raised.value) and isinstance(raised.value, claimcheck.ClaimcheckError)


@pytest.mark.parametrize("command", ["compare", "report"])
def test_the_commands_print_one_error_line_for_a_bad_config(tmp_path: Path, command: str) -> None:
    bad = write(tmp_path, "[compare]\nmin_scor = 50\n")
    result = CliRunner().invoke(app, [command, str(LEDGER), "--config", str(bad), "-o", "-"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "min_scor" in lines[0] and "Traceback" not in result.output
    missing = CliRunner().invoke(app, [command, str(LEDGER), "--config", str(tmp_path / "no")])
    assert missing.exit_code == 2 and "no such config file" in missing.output


def test_compare_takes_its_thresholds_from_the_config(tmp_path: Path) -> None:
    default = CliRunner().invoke(app, ["compare", str(LEDGER)])
    strict = write(tmp_path, "[compare]\nmin_score = 100\nspeech_min_score = 100\n")
    fewer = CliRunner().invoke(app, ["compare", str(LEDGER), "--config", str(strict)])
    assert default.exit_code == fewer.exit_code == 0
    facts = [int(result.output.split()[0]) for result in (default, fewer)]
    assert facts[0] > facts[1], facts  # a bar of 100 keeps only identical quotes


def test_a_component_setting_reaches_the_pipeline_and_its_saved_config() -> None:
    text = "Eleven countries sent doctors."
    nlp = build_nlp(components={"claimcheck_quantities": {"word_figure_min": 20}})
    assert nlp.config["components"]["claimcheck_quantities"]["word_figure_min"] == 20
    assert [q.text for q in nlp(text)._.quantities] == []
    assert build_nlp().config["components"]["claimcheck_quantities"]["word_figure_min"] == 10


@pytest.mark.parametrize("page", ["README.md", "docs/architecture.md"])
def test_the_documented_config_examples_are_valid(tmp_path: Path, page: str) -> None:
    text = (ROOT / page).read_text(encoding="utf-8")
    examples = re.findall(r"```toml\n(.*?)```", text, re.DOTALL)
    assert examples, f"{page} shows no config example"
    for example in examples:
        settings = read_settings(write(tmp_path, example))
        assert settings.components or settings.compare != CompareConfig()


def test_other_component_settings_never_share_a_cache_entry() -> None:
    article = Article(id="a", path="a.md", body="Eleven countries sent doctors.")
    plain = entry_key(article, "en_core_web_sm-3.8.0")
    assert plain == entry_key(article, "en_core_web_sm-3.8.0", {})
    changed = {"components": {"claimcheck_quantities": {"word_figure_min": 20}}}
    assert entry_key(article, "en_core_web_sm-3.8.0", changed) != plain


def test_a_saved_pipeline_keeps_its_component_settings(tmp_path: Path) -> None:
    nlp = build_nlp(components={"claimcheck_quantities": {"word_figure_min": 20}})
    nlp.to_disk(tmp_path / "pipeline")
    code = (
        "import spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'pipeline')!r})\n"
        "print(nlp.config['components']['claimcheck_quantities']['word_figure_min'])\n"
        "print([q.text for q in nlp('Eleven countries sent 30 doctors.')._.quantities])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split("\n")[:2] == ["20", "['30 doctors']"]


def test_reading_a_config_loads_no_spacy(tmp_path: Path) -> None:
    """A bad config is reported at once: reading one does not wait for spaCy to import."""
    path = write(tmp_path, "[compare]\nmin_score = 50\n")
    code = (
        f"import sys, claimcheck; claimcheck.read_settings({str(path)!r}); "
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
