"""Text and Markdown articles with optional YAML front matter (also what stdin is read as)."""

from __future__ import annotations

import re

import yaml

from claimcheck.io.readers.common import ArticleError, Outcome, build_article, checked_id, id_field

FRONT_MATTER_FENCE = "---"
FRONT_MATTER_END = frozenset({"---", "..."})
#: YAML 1.1 types that YAML 1.2 reads differently: `yes`/`no`/`on`/`off` as booleans, `0777`
#: as octal, `1_000` and `190:20:30` as numbers, and timestamps (PyYAML turns `2018-13-45` into
#: a `ValueError` that would lose the whole front matter). They are replaced below by the
#: YAML 1.2 core schema, so `title: yes` is the text 'yes' and a date is read by
#: `parse_published`, which explains a bad one.
YAML11_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("bool", "int", "float", "timestamp")
)
#: The YAML 1.2 core schema's booleans, integers and floats (null is the same in both).
YAML12_RESOLVERS = (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
)


class FrontMatterLoader(yaml.SafeLoader):
    """`yaml.SafeLoader` with YAML 1.2 scalars and no aliases.

    Front matter is a handful of fields written by hand; an alias (`*name`) there is never
    needed, and nested aliases expand exponentially (a few hundred bytes become gigabytes:
    the "billion laughs"). Still a safe loader: no Python objects are ever constructed."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed", self.peek_event().start_mark
            )
        return super().compose_node(parent, index)

    def construct_yaml_int(self, node):
        value = self.construct_scalar(node)
        if value.startswith(("0o", "0x")):
            return int(value[2:], 8 if value[1] == "o" else 16)
        return int(value)


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in YAML11_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _tag, _pattern, _first in YAML12_RESOLVERS:
    FrontMatterLoader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))
FrontMatterLoader.add_constructor("tag:yaml.org,2002:int", FrontMatterLoader.construct_yaml_int)


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
    except yaml.reader.ReaderError as error:
        line = header[: error.position].count("\n") + 2  # + the opening fence
        raise ArticleError(
            f"malformed front matter at line {line}: control character "
            f"U+{error.character:04X} is not allowed in YAML (remove it)"
            if isinstance(error.character, int)
            else f"malformed front matter at line {line}: {error.reason}"
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        problem = getattr(error, "problem", None) or " ".join(str(error).split())
        raise ArticleError(f"malformed front matter{where}: {problem}") from None
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
