"""Text from articles, file names and ids made safe to print on a terminal.

Anything a user or an article controls (a path, an id, an outlet, a reason quoting the input)
can carry terminal escape sequences (`ESC[2J` clears the screen, an OSC sequence retitles the
window or forges a hyperlink) or, printed through rich, markup (`[/x]` raises `MarkupError` and
aborts the run). Every message that repeats such text goes through one of these two functions.
"""

from __future__ import annotations

import re

#: C0 controls but tab and newline, DEL, C1 controls (U+0080-U+009F, CSI among them), and the
#: bidirectional overrides and isolates, which can make a file name read backwards.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: The replacement: visible, so a hostile name is noticed rather than hidden.
REPLACEMENT = "\ufffd"


def printable(text: object) -> str:
    """`text` with every control character (ESC included) replaced by U+FFFD."""
    return _CONTROLS.sub(REPLACEMENT, str(text))


def markup_safe(text: object) -> str:
    """`printable(text)`, its rich markup escaped: for messages printed through rich."""
    from rich.markup import escape

    return escape(printable(text))
