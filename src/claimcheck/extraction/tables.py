"""Figures in tables: a block of lines, each a label and a row of numbers.

News pages keep tables as text once the markup is gone: one line per row, cells separated by
spaces, tabs or `|` ("Indonesia 126,473 93,943 220,416", "| Sri Lanka | 30,957 | 5,637 |"). A
parser reads such a row as one odd sentence and finds no noun after the numbers, so the cells
are read here, on the raw lines: every numeric cell is a quantity, and its unit is the heading of
its column when a heading line stands right above the rows ("Country dead missing total").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A numeric cell: grouped or plain digits, with an optional decimal part and percent sign.
CELL = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
#: Cells that hold no figure but keep their column ("-", "n/a").
EMPTY_CELLS = frozenset({"-", "–", "—", "n/a", "na", "..."})
#: Footnote marks glued to the cell before them ("298 *").
FOOTNOTE_MARKS = frozenset({"*", "**", "†", "‡"})
SEPARATORS = re.compile(r"\s*[|\t]\s*")
RULE_LINE = re.compile(r"^[\s|:+=-]+$")
#: A row's label has at most this many words: a longer text is a sentence, not a label.
MAX_LABEL_WORDS = 6
#: A table with one column of figures needs this many rows, each labelled with at most
#: `MAX_LABEL_WORDS_ONE_COLUMN` words, to tell it from lines of prose that end in a number.
MIN_ROWS_ONE_COLUMN = 3
MAX_LABEL_WORDS_ONE_COLUMN = 3
YEAR_RANGE = (1000, 2100)


@dataclass(frozen=True, slots=True)
class Cell:
    start: int
    end: int
    value: float
    column: str


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[tuple[int, int, str] | None, ...]  # (start, end, text) or None for an empty cell
    label_words: int


def lines_of(text: str) -> list[tuple[int, str]]:
    offsets, start = [], 0
    for line in text.split("\n"):
        offsets.append((start, line))
        start += len(line) + 1
    return offsets


def split_cells(offset: int, line: str) -> list[tuple[int, int, str]]:
    """The cells of a line with their offsets: split on `|` and tabs when the line has them,
    else on spaces (a label of several words is joined again by `parse_row`)."""
    pattern = SEPARATORS if ("|" in line or "\t" in line) else re.compile(r"\s+")
    cells, position = [], 0
    for match in pattern.finditer(line):
        if match.start() > position:
            text = line[position : match.start()]
            cells.append((offset + position, offset + match.start(), text))
        position = match.end()
    if position < len(line):
        cells.append((offset + position, offset + len(line), line[position:]))
    return [(s, e, t) for s, e, t in cells if t.strip()]


def parse_row(offset: int, line: str) -> Row | None:
    """A label (words) followed only by numeric, empty or footnote cells; None otherwise."""
    cells = split_cells(offset, line)
    first_number = next((i for i, c in enumerate(cells) if CELL.match(c[2])), None)
    if first_number is None:
        return None
    label = cells[:first_number]
    if sum(len(text.split()) for _, _, text in label) > MAX_LABEL_WORDS:
        return None
    if any(text.rstrip().endswith((".", "!", "?", ":")) for _, _, text in label):
        return None
    values: list[tuple[int, int, str] | None] = []
    for cell in cells[first_number:]:
        text = cell[2].strip()
        if CELL.match(text):
            values.append(cell)
        elif text.lower() in EMPTY_CELLS:
            values.append(None)
        elif text in FOOTNOTE_MARKS:
            continue
        else:
            return None
    return Row(tuple(values), sum(len(text.split()) for _, _, text in label))


def heading_of(line: str, columns: int) -> list[str] | None:
    """Column names from a heading line with no figures: one name per column of figures,
    after the label column's own name when there is one."""
    if "|" in line or "\t" in line:
        names = [c.strip() for c in SEPARATORS.split(line.strip().strip("|")) if c.strip()]
    else:
        names = line.split()
    if any(CELL.match(name) for name in names) or len(names) not in (columns, columns + 1):
        return None
    return names[-columns:]


def table_cells(text: str) -> tuple[list[Cell], list[tuple[int, int]]]:
    """Every figure in every table of `text`, in text order, and the character range of each
    table's rows (the rest of the pipeline leaves those lines alone)."""
    lines = lines_of(text)
    cells: list[Cell] = []
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        block: list[Row] = []
        end = index
        while end < len(lines):
            offset, line = lines[end]
            if RULE_LINE.match(line) and block:
                end += 1
                continue
            row = parse_row(offset, line) if line.strip() else None
            if row is None or (block and len(row.cells) != len(block[0].cells)):
                break
            block.append(row)
            end += 1
        if is_table(block):
            heading = heading_line(lines, index, len(block[0].cells))
            cells.extend(block_cells(block, heading))
            spans.append((lines[index][0], lines[end - 1][0] + len(lines[end - 1][1])))
            index = end
        else:
            index += 1
    return cells, spans


def heading_line(lines: list[tuple[int, str]], first_row: int, columns: int) -> list[str]:
    """The column names from the line right above the rows (a rule line may stand between)."""
    above = first_row - 1
    while above >= 0 and RULE_LINE.match(lines[above][1]) and lines[above][1].strip():
        above -= 1
    names = heading_of(lines[above][1], columns) if above >= 0 else None
    return names or ["value"] * columns


def is_table(block: list[Row]) -> bool:
    if len(block) < 2:
        return False
    if len(block[0].cells) > 1:
        return True
    short_labels = all(row.label_words <= MAX_LABEL_WORDS_ONE_COLUMN for row in block)
    return len(block) >= MIN_ROWS_ONE_COLUMN and short_labels


def block_cells(block: list[Row], heading: list[str]) -> list[Cell]:
    found = []
    for row in block:
        for column, cell in zip(heading, row.cells, strict=True):
            if cell is None:
                continue
            start, end, text = cell
            value = float(text.rstrip("%").replace(",", ""))
            if "," not in text and "." not in text and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
                continue  # a year in a cell labels a row or a column
            found.append(Cell(start, end, value, column))
    return found
