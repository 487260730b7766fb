"""The table-cell check: cells of a table written as text whose value the rule flags."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo
from slaforge.lint.model import Finding
from slaforge.lint.rules import Rule

_CELL = re.compile(r"[^|]+")
_RULE_ROW = re.compile(r"^[\s|:\-\u2013\u2014=+]*$")
"""A separator row under a table heading ("---|---")."""


_Row = tuple[DocInfo, bool, list[tuple[int, int]] | None]
"""A table row written as text, whether it opens a run of rows, and its cells' spans."""


def _text_rows(ctx: Context) -> list[_Row]:
    """The blocks written as table rows ("A | B | C"), each with whether it opens a run of
    them and the spans of its non-empty cells (None for a separator row), found once for
    every rule that reads the cells."""
    rows: list[_Row] | None = ctx.memo.get("text-rows")
    if rows is None:
        rows = []
        last = -2
        for at, info in enumerate(ctx.infos):
            text = info.block.text
            if "|" in text and (" | " in text or text.lstrip().startswith("|")):
                cells = None
                if not _RULE_ROW.match(text):
                    cells = [
                        (m.start(), m.end()) for m in _CELL.finditer(text) if m.group().strip()
                    ]
                rows.append((info, at != last + 1, cells))
                last = at
        ctx.memo["text-rows"] = rows
    return rows


@functools.cache
def _cell_values(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """A cell value that starts with one of ``phrases`` (built once per rule)."""
    return re.compile(r"(?:" + "|".join(re.escape(p.lower()) for p in phrases) + r")(?![\w/])")


def _table_cells(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """Cells of a table written as text ("A | B | C" rows) whose column heading contains one
    of the rule's ``requires`` phrases and whose value starts with one of its ``phrases``
    ("Metric | Source | Customer access" over "Uptime | Supplier NMS | none"); a cell that
    contains one of its ``unless`` phrases is left alone. The first row of a run of table rows
    is the heading row."""
    heads = tuple(p.lower() for p in rule.requires.phrases)
    values = _cell_values(rule.match.phrases)
    avoid = tuple(p.lower() for p in rule.unless.phrases)
    columns: list[int] | None = None
    """The columns whose heading names one of ``heads`` (None before the heading row)."""
    for info, opens, cells in _text_rows(ctx):
        if opens:
            columns = None
        if cells is None:
            continue
        text = info.block.text
        if columns is None:
            names = [text[a:b].strip().lower() for a, b in cells]
            columns = [c for c, name in enumerate(names) if any(h in name for h in heads)]
            continue
        for column in columns:
            if column >= len(cells):
                break
            a, b = cells[column]
            value = text[a:b].strip().lower()
            if values.match(value) and not any(w in value for w in avoid):
                start = a + len(text[a:b]) - len(text[a:b].lstrip())
                yield ctx.finding(rule, info, start, start + len(value))
