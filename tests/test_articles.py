"""Reading articles: front matter, encodings, and bad files reported without stopping the run."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.articles import read_folder
from claimcheck.types import PartialDate


def write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_front_matter_is_read(tmp_path: Path) -> None:
    write(
        tmp_path / "a.md",
        "---\ntitle: T\noutlet: O\nurl: https://x\npublished: 2018-09\n---\nBody text.\n",
    )
    result = read_folder(tmp_path)
    (article,) = result.articles
    assert (article.id, article.title, article.outlet, article.url) == ("a", "T", "O", "https://x")
    assert article.published == PartialDate(2018, 9)
    assert article.body == "Body text.\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2019-07-24", PartialDate(2019, 7, 24)),
        ("2017", PartialDate(2017)),
        ("'2018-09'", PartialDate(2018, 9)),
    ],
)
def test_published_precisions(tmp_path: Path, raw: str, expected: PartialDate) -> None:
    write(tmp_path / "a.md", f"---\npublished: {raw}\n---\nText.\n")
    assert read_folder(tmp_path).articles[0].published == expected


def test_plain_text_without_front_matter_and_bom(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", b"\xef\xbb\xbfPlain text.")
    (article,) = read_folder(tmp_path).articles
    assert article.body == "Plain text." and article.published is None


def test_cp1252_fallback(tmp_path: Path) -> None:
    write(tmp_path / "c.txt", "He said \u201chi\u201d for \u20ac5.".encode("cp1252"))
    (article,) = read_folder(tmp_path).articles
    assert article.body == "He said \u201chi\u201d for \u20ac5."


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.md", b"", "empty"),
        ("binary.md", b"\x89PNG\x00\x00\x01", "binary"),
        ("open.md", b"---\ntitle: x\nno closing fence\n", "never closed"),
        ("yaml.md", b"---\ntitle: [unclosed\n---\nText\n", "malformed front matter"),
        ("list.md", b"---\n- a\n- b\n---\nText\n", "not a mapping"),
        ("nobody.md", b"---\ntitle: x\n---\n\n", "empty article"),
        ("undecodable.txt", b"caf\x81\x8d\x8f", "not UTF-8"),
    ],
)
def test_bad_files_are_reported_and_the_rest_read(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    write(tmp_path / name, data)
    write(tmp_path / "good.md", "Fine article.")
    result = read_folder(tmp_path)
    assert [a.id for a in result.articles] == ["good"]
    (error,) = result.errors
    assert error.path.endswith(name) and reason in error.reason


def test_unknown_published_format_is_a_warning(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "---\npublished: last Tuesday\n---\nText.\n")
    result = read_folder(tmp_path)
    assert result.articles[0].published is None
    assert "unresolved" in result.warnings[0].reason


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path / "a.md", "One.")
    write(tmp_path / "sub" / "a.txt", "Two.")
    result = read_folder(tmp_path)
    assert len(result.articles) == 1
    assert "duplicate article id" in result.errors[0].reason


def test_order_is_stable(tmp_path: Path) -> None:
    for name in ["c.md", "a.md", "b.txt", "ignored.pdf"]:
        write(tmp_path / name, "Text.")
    assert [a.id for a in read_folder(tmp_path).articles] == ["a", "b", "c"]
