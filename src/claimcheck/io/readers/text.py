"""Text and Markdown articles with optional YAML front matter (also what stdin is read as)."""

from __future__ import annotations

import yaml

from claimcheck.io.readers.common import ArticleError, Outcome, build_article, checked_id, id_field

FRONT_MATTER_FENCE = "---"
FRONT_MATTER_END = frozenset({"---", "..."})
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class FrontMatterLoader(yaml.SafeLoader):
    """`yaml.SafeLoader` that leaves timestamps as text.

    PyYAML turns `2018-13-45` into a `ValueError` from `datetime` (not a `YAMLError`), which
    would make one bad date lose the whole front matter; as text, `parse_published` reads it or
    explains why not. Still a safe loader: no Python objects are ever constructed."""


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def split_front_matter(text: str) -> tuple[dict, str]:
    """The YAML front matter (empty when there is none) and the body after it."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != FRONT_MATTER_FENCE:
        return {}, text
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() in FRONT_MATTER_END:
            header = "".join(lines[1:number])
            body = "".join(lines[number + 1 :])
            break
    else:
        raise ArticleError("front matter opened with '---' is never closed")
    return parse_front_matter(header), body


def parse_front_matter(header: str) -> dict:
    """The front matter's fields, or `ArticleError` saying where the YAML is broken."""
    try:
        # A SafeLoader subclass: as safe as yaml.safe_load, minus the timestamp crash.
        metadata = yaml.load(header, Loader=FrontMatterLoader) if header.strip() else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        raise ArticleError(
            f"malformed front matter{where}: {getattr(error, 'problem', None) or error}"
        ) from None
    except (ValueError, RecursionError) as error:
        raise ArticleError(f"malformed front matter: {type(error).__name__}") from None
    if metadata is None:
        return {}
    if not isinstance(metadata, dict):
        raise ArticleError("front matter is not a mapping of fields")
    return metadata


def parse_text_article(default_id: str, path: str, text: str) -> Outcome:
    """An article from a text file's decoded content; front matter may name its `id`."""
    try:
        metadata, body = split_front_matter(text)
    except ArticleError as error:
        return Outcome(path, error=str(error))
    if not body.strip():
        return Outcome(path, error="empty article (no text after the front matter)")
    warnings: list[str] = []
    try:
        article_id = checked_id(id_field(metadata, default_id, warnings), warnings)
    except ArticleError as error:
        return Outcome(path, error=str(error))
    outcome = build_article(article_id, path, body, metadata, digest_of=text)
    outcome.warnings[:0] = warnings
    return outcome
