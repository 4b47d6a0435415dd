"""Reading articles: front matter, encodings, and bad files reported without stopping the run."""

from __future__ import annotations

import io
from itertools import pairwise
from pathlib import Path

import pytest
from spacy.language import Language

from claimcheck.extraction.pipeline import extract_articles
from claimcheck.io.articles import (
    MAX_ARTICLE_BYTES,
    ArticleError,
    parse_published,
    read_folder,
    read_inputs,
    safe_article_id,
)
from claimcheck.model import PartialDate, ReadError


def write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_control_characters_in_a_body_become_spaces_one_for_one(
    tmp_path: Path, nlp: Language
) -> None:
    text = "Officials paid $5 million\x07 for the bridge.\x1b[2J Tab\tand\nlines stay.\n"
    (article,) = read_folder(write(tmp_path / "a.txt", text).parent).articles
    assert article.body == text.replace("\x07", " ").replace("\x1b", " ")
    (result,) = extract_articles([article], nlp)
    (paid,) = [claim.item for claim in result.claims if claim.kind == "money"]
    assert (paid.text, paid.value) == ("$5 million", 5e6)  # the bell hid "million" before
    assert text[paid.start : paid.end] == paid.text  # offsets still index the file's text


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


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_unicode_text_with_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    """Issue 13.10: Windows tools save "Unicode" text as UTF-16 with a BOM, full of NUL bytes,
    which was called a binary file."""
    text = "---\ntitle: El Año\npublished: 2020-01-02\n---\nThe city spent \u20ac20 million.\n"
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}.get(encoding, "")
    write(tmp_path / "unicode.md", (bom + text).encode(encoding))
    (article,) = read_folder(tmp_path).articles
    assert article.title == "El Año" and article.published == PartialDate(2020, 1, 2)
    assert article.body == "The city spent \u20ac20 million.\n"


def test_utf16_without_a_byte_order_mark_is_still_refused(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "Text.".encode("utf-16-le"))
    (error,) = read_folder(tmp_path).errors
    assert "binary" in error.reason


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.md", b"", "empty"),
        ("binary.md", b"\x89PNG\x00\x00\x01", "binary"),
        ("open.md", b"---\ntitle: x\nno closing fence\n", "never closed"),
        ("yaml.md", b"---\ntitle: [unclosed\n---\nText\n", "malformed front matter"),
        ("list.md", b"---\n- a\n- b\n---\nText\n", "not a mapping"),
        ("control.md", b'---\nid: x\ntitle: "a\x01b"\n---\nText\n', "line 3: control character"),
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
    assert "\n" not in error.reason  # one line on stderr


def test_unknown_published_format_is_a_warning(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "---\npublished: last Tuesday\n---\nText.\n")
    result = read_folder(tmp_path)
    assert result.articles[0].published is None
    assert "unresolved" in result.warnings[0].reason


def test_files_of_one_name_in_two_folders_are_both_read(tmp_path: Path) -> None:
    """Issue 13.10: `a.md` and `sub/a.txt` gave "duplicate article id" and one was lost. A
    clash of file names now gives the nested files their path as id; the top one keeps its."""
    for folder in ("sub", "other"):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder / "a.txt", f"Told by {folder}.")
    write(tmp_path / "a.md", "One.")
    write(tmp_path / "b.md", "Unique.")
    result = read_folder(tmp_path)
    assert not result.errors
    assert sorted(a.id for a in result.articles) == ["a", "b", "other-a", "sub-a"]
    assert {a.id: a.body for a in result.articles}["sub-a"] == "Told by sub."
    assert sorted(w.reason for w in result.warnings) == [
        "another file is also named 'a': this one's id is 'other-a'",
        "another file is also named 'a': this one's id is 'sub-a'",
    ]


def test_files_of_one_name_and_two_extensions_are_both_read(tmp_path: Path) -> None:
    """`story.md` and `story.html` side by side (a story saved as text and as a page) both
    named the id 'story', and the second was refused as a duplicate: each now takes its
    extension into its id, and a name that is unique keeps its plain id."""
    write(tmp_path / "story.md", "Told as text.")
    write(tmp_path / "story.html", "<html><body><p>Told as a page.</p></body></html>")
    write(tmp_path / "other.md", "Unique.")
    result = read_folder(tmp_path)
    assert not result.errors
    bodies = {a.id: a.body for a in result.articles}
    assert sorted(bodies) == ["other", "story-html", "story-md"]
    assert bodies["story-md"] == "Told as text."
    assert sorted(w.reason for w in result.warnings) == [
        "another file is also named 'story': this one's id is 'story-html'",
        "another file is also named 'story': this one's id is 'story-md'",
    ]


def test_ids_an_article_gives_itself_are_kept_and_a_clash_reported(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "---\nid: story\n---\nOne.\n")
    write(tmp_path / "b.md", "---\nid: story\n---\nTwo.\n")
    result = read_folder(tmp_path)
    assert [a.id for a in result.articles] == ["story"]
    assert "duplicate article id" in result.errors[0].reason


def test_order_is_stable(tmp_path: Path) -> None:
    for name in ["c.md", "a.md", "b.txt", "ignored.pdf"]:
        write(tmp_path / name, "Text.")
    assert [a.id for a in read_folder(tmp_path).articles] == ["a", "b", "c"]


# --- inputs of every kind -------------------------------------------------------------------

SAVED_PAGE = Path(__file__).resolve().parent / "data" / "saved_page.html"
ARTICLE_SENTENCES = (
    "The council approved a budget of €2.5 million for the new bridge on Tuesday. "
    "Work will start in May and should take about 18 months, the mayor said. "
    "Residents had asked for a crossing since the old ferry stopped running in 2019."
)


def page(body_html: str, head: str = "", charset: str = "utf-8") -> str:
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>Bridge</title>{head}'
        f"</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Bridge approved</h1>{body_html}</article>"
        f"<footer>Copyright 2020 Example Media</footer></body></html>\n"
    )


def test_saved_html_page_gives_main_text_and_metadata(tmp_path: Path) -> None:
    (article,) = read_inputs([SAVED_PAGE]).articles
    assert article.id == "saved_page"
    assert article.title == "Port strike ends after 12 days as dockers accept 7% raise"
    assert article.outlet == "The Harbour Ledger"
    assert article.url == "https://harbourledger.example/2021/03/port-strike-ends"
    assert article.published == PartialDate(2021, 3, 14)
    assert "“This is a fair deal and our members have said so,” said Dana Whitfield" in article.body
    assert "one-off payment of €500 for each worker" in article.body
    for boilerplate in ("TRACKING SCRIPT", "gtag", "COMMENT TEXT", "Subscribe for", "cookies"):
        assert boilerplate not in article.body
    assert "\n\nDockworkers at the port" in article.body  # paragraphs kept apart


def test_html_charset_and_missing_date(tmp_path: Path) -> None:
    html = page(f"<p>{ARTICLE_SENTENCES}</p>", charset="windows-1252")
    write(tmp_path / "bridge.htm", html.encode("cp1252"))
    (article,) = read_inputs([tmp_path]).articles
    assert "€2.5 million" in article.body
    assert article.published is None  # the copyright year is not a publication date


def test_html_is_recognised_without_suffix_and_on_stdin(tmp_path: Path) -> None:
    html = page(f"<p>{ARTICLE_SENTENCES}</p>")
    write(tmp_path / "download", html)
    result = read_inputs([tmp_path / "download", "-"], stdin=io.StringIO(html.replace("€", "E")))
    assert [a.id for a in result.articles] == ["download", "stdin"]
    assert all("bridge" in a.body for a in result.articles)
    assert "Home" not in result.articles[0].body


def test_html_without_article_text_is_reported(tmp_path: Path) -> None:
    write(
        tmp_path / "empty.html",
        "<html><head><script>var x = 1;</script></head><body></body></html>",
    )
    write(tmp_path / "good.md", "Fine article.")
    result = read_inputs([tmp_path])
    assert [a.id for a in result.articles] == ["good"]
    assert (
        result.errors[0].path.endswith("empty.html")
        and "no article text" in result.errors[0].reason
    )


JSONL = (
    '{"id": "wire-1", "title": "Rates", "outlet": "Wire", "url": "https://w.example/1", '
    '"published": "2021-03-14T09:30:00Z", "text": "Rates rose 0.25 points on Monday."}\n'
    '{"id": "wire-2", "text": "Truncated line\n'
    "\n"
    '{"title": "No id", "published": "Sun, 14 Mar 2021 10:00:00 GMT", "text": "Second story."}\n'
    '["not", "an", "object"]\n'
    '{"id": "wire-3", "title": "No text"}\n'
    '{"id": "wire-1", "text": "Same id again."}\n'
)


def test_jsonl_reads_good_lines_and_reports_bad_ones_by_line(tmp_path: Path) -> None:
    feed = write(tmp_path / "feed.jsonl", JSONL)
    result = read_inputs([feed])
    assert [a.id for a in result.articles] == ["wire-1", "feed-4"]
    first, second = result.articles
    assert (first.title, first.outlet, first.url) == ("Rates", "Wire", "https://w.example/1")
    assert first.published == PartialDate(2021, 3, 14) and first.path == f"{feed}:1"
    assert second.published == PartialDate(2021, 3, 14) and second.title == "No id"
    reasons = {e.path.rsplit(":", 1)[1]: e.reason for e in result.errors}
    assert sorted(reasons) == ["2", "5", "6", "7"]
    assert "not valid JSON" in reasons["2"]
    assert "not a JSON object" in reasons["5"]
    assert "'text' is missing" in reasons["6"]
    assert "duplicate article id 'wire-1'" in reasons["7"]


def test_jsonl_overlong_line_is_skipped_and_line_numbers_stay_right(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("claimcheck.io.readers.jsonl.MAX_ARTICLE_BYTES", 100)
    long_line = '{"text": "' + "word " * 200 + '"}\n'
    feed = write(tmp_path / "feed.jsonl", long_line + '{"id": "ok", "text": "Short."}\n')
    result = read_inputs([feed])
    assert [(a.id, a.path) for a in result.articles] == [("ok", f"{feed}:2")]
    assert result.errors[0].path == f"{feed}:1" and "line too long" in result.errors[0].reason


def test_stdin_reads_one_article_with_front_matter() -> None:
    stdin = io.TextIOWrapper(
        io.BytesIO(b"---\nid: pasted\npublished: 2020-02\n---\nPasted text.\n")
    )
    (article,) = read_inputs(["-"], stdin=stdin).articles
    assert (article.id, article.path, article.body) == ("pasted", "<stdin>", "Pasted text.\n")
    assert article.published == PartialDate(2020, 2)


def test_empty_stdin_is_reported() -> None:
    result = read_inputs(["-"], stdin=io.StringIO("  \n"))
    assert not result.articles and result.errors[0].path == "<stdin>"
    assert "empty" in result.errors[0].reason and not result.ok


def test_include_and_exclude_globs(tmp_path: Path) -> None:
    for name in ["a.md", "b.html", "drafts/c.md", "2021/d.md", "2021/e.txt", ".git/f.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        write(
            tmp_path / name, page(f"<p>{ARTICLE_SENTENCES}</p>") if name.endswith("l") else "Text."
        )
    ids = lambda **globs: [a.id for a in read_inputs([tmp_path], **globs).articles]  # noqa: E731
    assert ids() == ["d", "e", "a", "b", "c"]
    assert ids(include=["*.md"]) == ["d", "a", "c"]
    assert ids(exclude=["drafts"]) == ["d", "e", "a", "b"]
    assert ids(include=["2021/*"], exclude=["*.txt"]) == ["d"]


def test_many_sources_share_one_id_space(tmp_path: Path) -> None:
    write(tmp_path / "wire-1.md", "From a file.")
    feed = write(tmp_path / "feed.jsonl", '{"id": "wire-1", "text": "From the feed."}\n')
    result = read_inputs([tmp_path / "wire-1.md", feed])
    assert [a.body for a in result.articles] == ["From a file."]
    assert result.errors[0].path == f"{feed}:1" and "wire-1.md" in result.errors[0].reason


# --- bad inputs -----------------------------------------------------------------------------


def test_huge_file_is_skipped_with_the_limit(tmp_path: Path) -> None:
    write(tmp_path / "huge.txt", b"word " * (MAX_ARTICLE_BYTES // 5 + 1))
    write(tmp_path / "good.md", "Fine article.")
    result = read_inputs([tmp_path])
    assert [a.id for a in result.articles] == ["good"]
    assert (
        "too large" in result.errors[0].reason
        and f"{MAX_ARTICLE_BYTES:,}" in result.errors[0].reason
    )


def test_symlink_loops_and_broken_links_are_reported(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "a.md", "Text.")
    (tmp_path / "sub" / "back").symlink_to(tmp_path)
    (tmp_path / "self.md").symlink_to(tmp_path / "self.md")
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    result = read_inputs([tmp_path])
    assert [a.id for a in result.articles] == ["a"]
    reasons = {Path(e.path).name: e.reason for e in result.errors}
    assert "loop" in reasons["back"]
    assert "symbolic links" in reasons["self.md"]
    assert "broken symbolic link" in reasons["gone.md"]


def test_linked_folder_is_followed(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    write(archive / "old.md", "Old story.")
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "linked").symlink_to(archive)
    assert [a.id for a in read_inputs([tmp_path / "project"]).articles] == ["old"]


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = write(tmp_path / "locked.md", "Secret.")
    write(tmp_path / "good.md", "Fine article.")
    real_open = Path.open

    def refuse(self: Path, *args, **kwargs):
        if self.name == "locked.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    result = read_inputs([tmp_path])
    assert [a.id for a in result.articles] == ["good"]
    assert result.errors == [ReadError(str(locked), "Permission denied")]


def test_strict_makes_the_first_bad_input_fatal(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "Fine.")
    write(tmp_path / "b.md", b"\x00\x01binary")
    with pytest.raises(ArticleError, match=r"b\.md: binary"):
        read_inputs([tmp_path], strict=True)
    assert read_inputs([tmp_path / "a.md"], strict=True).ok


def test_invalid_yaml_date_keeps_the_article(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "---\ntitle: Kept\npublished: 2018-13-45\n---\nText.\n")
    result = read_inputs([tmp_path])
    assert result.articles[0].title == "Kept" and result.articles[0].published is None
    assert "2018-13-45" in result.warnings[0].reason


def alias_bomb(levels: int) -> str:
    """YAML whose last anchor expands to 9**levels strings (nested aliases: "billion laughs")."""
    names = "abcdefghijklmnop"[: levels + 1]
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]" for p, c in pairwise(names)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("field", ["title", "published", "id"])
def test_yaml_aliases_in_front_matter_are_refused_not_expanded(tmp_path: Path, field: str) -> None:
    # 9**6 = 531,441 strings; repeated in a message that was a 4 MB line (9**9 took 2.3 GB)
    write(tmp_path / "bomb.md", f"---\n{alias_bomb(6)}{field}: *g\noutlet: Wire\n---\nText.\n")
    write(tmp_path / "good.md", "Fine.")
    result = read_inputs([tmp_path])
    assert [a.id for a in result.articles] == ["good"]
    (error,) = result.errors
    assert "aliases (*name) are not allowed" in error.reason and len(error.reason) < 200


def test_yaml_aliases_are_refused_even_when_small(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "---\nname: &n Wire\noutlet: *n\n---\nText.\n")
    assert "aliases" in read_inputs([tmp_path]).errors[0].reason


def test_front_matter_is_read_as_yaml_1_2(tmp_path: Path) -> None:
    header = "title: yes\noutlet: on\nurl: no\nid: 1_000\npublished: 2019-07-24\n"
    write(tmp_path / "a.md", f"---\n{header}---\nText.\n")
    (article,) = read_inputs([tmp_path]).articles
    assert (article.title, article.outlet, article.url, article.id) == ("yes", "on", "no", "1_000")
    assert article.published == PartialDate(2019, 7, 24)


@pytest.mark.parametrize(
    "published", ["x" * 100_000, "[" + "2020, " * 20_000 + "2020]", "{a: " * 50 + "1" + "}" * 50]
)
def test_a_huge_or_nested_published_is_never_echoed_in_full(tmp_path: Path, published: str) -> None:
    write(tmp_path / "a.md", f"---\ntitle: Kept\npublished: {published}\n---\nText.\n")
    result = read_inputs([tmp_path])
    assert result.articles[0].title == "Kept" and result.articles[0].published is None
    (warning,) = result.warnings
    assert "unresolved" in warning.reason and len(warning.reason) < 300


@pytest.mark.parametrize("published", ["0001-01-01", "0999-12", "'0000'"])
def test_a_published_year_outside_1000_to_9999_is_left_unresolved(
    tmp_path: Path, published: str
) -> None:
    write(tmp_path / "a.md", f"---\npublished: {published}\n---\nText.\n")
    result = read_inputs([tmp_path])
    assert result.articles[0].published is None
    assert "unresolved" in result.warnings[0].reason


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2021-03-14T09:30:00+02:00", PartialDate(2021, 3, 14)),
        ("2021-03-14T09:30:00Z", PartialDate(2021, 3, 14)),
        ("Sun, 14 Mar 2021 09:30:00 GMT", PartialDate(2021, 3, 14)),
        ("14 March 2021", PartialDate(2021, 3, 14)),
        ("March 14, 2021", PartialDate(2021, 3, 14)),
        ("September 2018", PartialDate(2018, 9)),
        ("2018/09", PartialDate(2018, 9)),
        (2017, PartialDate(2017)),
    ],
)
def test_published_formats(raw: object, expected: PartialDate) -> None:
    assert parse_published(raw) == expected


@pytest.mark.parametrize("raw", ["last Tuesday", "2018-13-45", "", 3.5, "14/15/2021"])
def test_unknown_published_formats_raise(raw: object) -> None:
    with pytest.raises(ValueError):
        parse_published(raw)


# --- path safety ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("/abs/path", "abs-path"),
        ("a\\b:c", "a-b-c"),
        ("line\nbreak\x00nul", "line-break-nul"),
        (".hidden", "hidden"),
        ("-rf", "rf"),
        ("CON", "CON_"),
        ("nul.txt", "nul.txt_"),
        ("el-país", "el-país"),
        ("Reuters story 12", "Reuters story 12"),
        (42, "42"),
    ],
)
def test_safe_article_id(raw: object, expected: str) -> None:
    assert safe_article_id(raw) == expected


@pytest.mark.parametrize("raw", ["", "..", "/", " . - "])
def test_article_id_without_usable_characters_is_refused(raw: str) -> None:
    with pytest.raises(ArticleError, match="no usable characters"):
        safe_article_id(raw)


def test_long_ids_are_cut_but_stay_distinct() -> None:
    a, b = safe_article_id("x" * 300 + "a"), safe_article_id("x" * 300 + "b")
    assert a != b and len(a) <= 100 and len(b) <= 100


def test_unsafe_jsonl_id_is_rewritten_with_a_warning(tmp_path: Path) -> None:
    feed = write(tmp_path / "feed.jsonl", '{"id": "../../etc/passwd", "text": "Hi."}\n')
    result = read_inputs([feed])
    assert result.articles[0].id == "etc-passwd"
    assert "'../../etc/passwd' is not safe" in result.warnings[0].reason
