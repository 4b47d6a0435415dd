"""Settings from a TOML file (`--config FILE`): component thresholds and the compare config.

```toml
[extract.quantities]        # a component's settings (`claimcheck.extraction.settings`)
word_figure_min = 5

[extract.attributions]
min_content_words = 4

[compare]                   # any field of `CompareConfig`
min_score = 50
```

The file is checked whole before any work: an unknown table or key, or a value of the wrong
type, is a `ConfigError` naming the file and the key, so a misspelt setting is never silently
ignored. Nothing here imports spaCy.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from claimcheck.comparison.config import CompareConfig
from claimcheck.errors import ConfigError
from claimcheck.extraction.settings import COMPONENT_SETTINGS

#: The prefix of every claimcheck component name, left out in a config file's table names.
COMPONENT_PREFIX = "claimcheck_"
SECTIONS = ("extract", "compare")


@dataclass(frozen=True)
class Settings:
    """What a config file sets. `components` maps a component's factory name to the settings
    it overrides (its spaCy config); `compare` is the whole compare config, defaults filled in."""

    components: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    compare: CompareConfig = field(default_factory=CompareConfig)


def read_settings(path: Path | str) -> Settings:
    """The settings a TOML file gives; `ConfigError` for a file that is not one, or sets
    something unknown or of the wrong type."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"no such config file: {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot be read ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    return settings_from(data, str(path))


def settings_from(data: Mapping[str, Any], where: str = "config") -> Settings:
    """`Settings` from the mapping a TOML file reads as (`where` names it in errors)."""
    unknown(where, "table", set(data) - set(SECTIONS), SECTIONS)
    extract = table(data, "extract", where)
    components = {}
    for short, values in extract.items():
        name = COMPONENT_PREFIX + short
        settable = COMPONENT_SETTINGS.get(name)
        if settable is None or not isinstance(values, Mapping):
            choices = [n.removeprefix(COMPONENT_PREFIX) for n in COMPONENT_SETTINGS]
            unknown(where, "table", {f"extract.{short}"}, [f"extract.{c}" for c in choices])
        components[name] = checked(values, settable, where, f"extract.{short}")
    compare = checked(table(data, "compare", where), CompareConfig, where, "compare")
    return Settings(components=components, compare=replace(CompareConfig(), **compare))


def table(data: Mapping[str, Any], name: str, where: str) -> Mapping[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: [{name}] must be a table")
    return value


def checked(values: Mapping[str, Any], settable: type, where: str, name: str) -> dict[str, Any]:
    """`values` when each is a field of `settable` with a value of its default's type."""
    defaults = {f.name: getattr(settable(), f.name) for f in fields(settable)}
    unknown(where, f"key in [{name}]", set(values) - set(defaults), defaults)
    for key, value in values.items():
        expected = type(defaults[key])
        number = expected is float and isinstance(value, int)
        wrong_bool = isinstance(value, bool) and expected is not bool
        if wrong_bool or not (isinstance(value, expected) or number):
            raise ConfigError(f"{where}: [{name}] {key} must be {expected.__name__}, not {value!r}")
    return dict(values)


def unknown(where: str, what: str, names: set[str], choices: Any) -> None:
    if names:
        name = sorted(names)[0]
        raise ConfigError(f"{where}: unknown {what} {name!r} (choose from {', '.join(choices)})")
