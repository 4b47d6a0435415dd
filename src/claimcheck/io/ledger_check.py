"""The shape of a ledger read back from disk, checked field by field before it is used.

Ledgers are committed, diffed and sometimes edited by hand. An edit that breaks the shape (an
offset written as text, `sentence: null`, a mapping where `articles` lists, a renamed key) used to
surface far from its cause: a `KeyError('kind')`, or a traceback deep in the comparison. Here each
field is checked by the type the record it fills declares, so the first wrong one is named in one
plain line with the file: `claims.yaml: claims[3].start must be a whole number, found text "111"`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from claimcheck.errors import LedgerError
from claimcheck.kinds import KIND_BY_NAME
from claimcheck.model import Frame, PartialDate

#: Longest stretch of a wrong value quoted back in a message, and of an entry's id.
_SHOWN = 40
_SHOWN_ID = 80
#: A claim's fields other than its item's: name -> (description, test, required).
_Check = tuple[str, Callable[[Any], bool], bool]


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_flag(value: Any) -> bool:
    return isinstance(value, bool)


def _is_text_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(entry, str) for entry in value)


def _optional(test: Callable[[Any], bool]) -> Callable[[Any], bool]:
    return lambda value: value is None or test(value)


def _is_date(value: Any) -> bool:
    """What `published` may hold: YAML reads `2018` as a number and `2018-12-13` as a date."""
    if value is None or value == "":
        return True
    try:
        PartialDate.parse(value)
    except ValueError:
        return False
    return True


_CLAIM_FIELDS: dict[str, _Check] = {
    "id": ("text", _is_text, True),
    "article": ("text", _is_text, True),
    "kind": ("text", _is_text, True),
    "text": ("text", _is_text, True),
    "start": ("a whole number", _is_whole, True),
    "end": ("a whole number", _is_whole, True),
    "value": ("a mapping of fields", lambda value: isinstance(value, dict), True),
    "sentence": ("text", _is_text, True),
    "sentence_start": ("a whole number", _is_whole, True),
    "sentence_end": ("a whole number", _is_whole, True),
    "source": ("text or null", _optional(_is_text), False),
    "date": ("text or null", _optional(_is_text), False),
    "entities": ("a list of text", _optional(_is_text_list), False),
    "section": ("text", _is_text, False),
    "frame": ("a mapping of fields or null", _optional(lambda v: isinstance(v, dict)), False),
}
_ARTICLE_FIELDS: dict[str, _Check] = {
    "id": ("text", _is_text, True),
    "title": ("text or null", _optional(_is_text), False),
    "outlet": ("text or null", _optional(_is_text), False),
    "url": ("text or null", _optional(_is_text), False),
    "published": ("a date (YYYY, YYYY-MM or YYYY-MM-DD) or null", _is_date, False),
    "content_hash": ("text", _optional(_is_text), False),
}


def check_document(document: Any, path: Path, schema_version: int) -> None:
    """Raise `LedgerError` naming `path` and the first field that does not fit the ledger."""
    if not isinstance(document, dict) or "claims" not in document:
        raise LedgerError(f"{path}: not a claimcheck ledger (no 'claims' list)")
    if "schema_version" not in document:
        raise LedgerError(
            f"{path}: no schema_version: not a ledger claimcheck wrote, or its header was cut "
            f"(add `schema_version: {schema_version}` or run `claimcheck extract` again)"
        )
    version = document["schema_version"]
    if version != schema_version:
        raise LedgerError(
            f"{path}: schema_version is {shown(version)}; this claimcheck reads version "
            f"{schema_version} (run `claimcheck extract` again to rewrite the ledger)"
        )
    articles = document.get("articles")
    _check_list(articles, "articles", path, required=False)
    for index, record in enumerate(articles or ()):
        _check_record(record, f"articles[{index}]", _ARTICLE_FIELDS, path)
    _check_list(document["claims"], "claims", path, required=True)
    for index, record in enumerate(document["claims"]):
        _check_claim(record, f"claims[{index}]", path)


def _check_list(value: Any, name: str, path: Path, required: bool) -> None:
    if value is None and not required:
        return
    if not isinstance(value, list):
        raise LedgerError(f"{path}: {name} must be a list (one '- ' entry each), {found(value)}")


def _check_record(record: Any, where: str, fields: Mapping[str, _Check], path: Path) -> None:
    if not isinstance(record, dict):
        raise LedgerError(f"{path}: {where} must be a mapping of fields, {found(record)}")
    label = _labelled(where, record)
    for name, (expected, test, required) in fields.items():
        if name not in record:
            if required:
                raise LedgerError(f"{path}: {label} has no '{name}' field")
            continue
        if not test(record[name]):
            raise LedgerError(f"{path}: {label}.{name} must be {expected}, {found(record[name])}")


def _labelled(where: str, record: dict[str, Any]) -> str:
    """`claims[3] (a:money:12)`: the entry's place, and its id when it has one."""
    ident = record.get("id")
    if not isinstance(ident, str) or not ident:
        return where
    return f"{where} ({ident if len(ident) <= _SHOWN_ID else ident[:_SHOWN_ID] + '...'})"


def _check_claim(record: Any, where: str, path: Path) -> None:
    _check_record(record, where, _CLAIM_FIELDS, path)
    label = _labelled(where, record)
    kind = record["kind"]
    if kind not in KIND_BY_NAME:
        kinds = ", ".join(KIND_BY_NAME)
        raise LedgerError(f"{path}: {label}.kind must be one of {kinds}, {found(kind)}")
    item_fields = _fields_of(KIND_BY_NAME[kind].record, exclude=("text", "start", "end"))
    _check_fields(record["value"], f"{label}.value", item_fields, path)
    if record.get("frame"):
        _check_fields(record["frame"], f"{label}.frame", _fields_of(Frame), path)


def _check_fields(
    values: dict[str, Any], label: str, fields: Mapping[str, _Check], path: Path
) -> None:
    """A mapping that fills a record: no unknown key, each known one of its declared type."""
    for name in values:
        if name not in fields:
            known = ", ".join(fields)
            raise LedgerError(f"{path}: {label} has an unknown field '{name}' (known: {known})")
    for name, (expected, test, required) in fields.items():
        if name not in values:
            if required:
                raise LedgerError(f"{path}: {label} has no '{name}' field")
        elif not test(values[name]):
            raise LedgerError(f"{path}: {label}.{name} must be {expected}, {found(values[name])}")


@functools.cache
def _fields_of(record: type, exclude: tuple[str, ...] = ()) -> dict[str, _Check]:
    """The checks a dataclass's declared field types imply; a field with a default is optional.
    Made once per record type: a large ledger has a hundred thousand claims to check."""
    hints = typing.get_type_hints(record)
    checks = {}
    for field in dataclasses.fields(record):
        if field.name in exclude:
            continue
        required = (
            field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
        )
        checks[field.name] = (*_type_check(hints[field.name]), required)
    return checks


def _type_check(hint: Any) -> tuple[str, Callable[[Any], bool]]:
    """A description and a test for a declared type (str, int, float, bool, tuples, literals,
    and their unions with None)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [_type_check(arg) for arg in typing.get_args(hint) if arg is not type(None)]
        description = " or ".join(text for text, _ in options)
        tests = [test for _, test in options]
        return f"{description} or null", lambda v: v is None or any(t(v) for t in tests)
    if origin is typing.Literal:
        allowed = typing.get_args(hint)
        return "one of " + ", ".join(map(str, allowed)), lambda v: v in allowed
    if origin is tuple:
        return "a list of text", _is_text_list
    simple: dict[Any, tuple[str, Callable[[Any], bool]]] = {
        str: ("text", _is_text),
        int: ("a whole number", _is_whole),
        float: ("a number", _is_number),
        bool: ("true or false", _is_flag),
    }
    return simple.get(hint, ("a value", lambda v: True))


def found(value: Any) -> str:
    """`found text "111"`, `found null`, `found a list`: the wrong value, in words."""
    return f"found {shown(value)}"


def shown(value: Any) -> str:
    """A value as a person reads it: short, with its kind, never a Python repr."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        text = value if len(value) <= _SHOWN else value[:_SHOWN] + "..."
        return f'text "{text}"' if text else "empty text"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    return "another kind of value"
