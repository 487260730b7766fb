"""How a block is split for the passes that read its text: the cells of a table row
(``table_cells``), the first row of the table a row is in (``table_header``), and the sentences the
further passes read (``parts``: after "." or ";" and at line ends, split once per block)."""

from __future__ import annotations

import re

from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo


def table_cells(text: str) -> list[str]:
    """The cells of a table row ("P1 | 30 min | 4 h"), or ``[]`` for a paragraph."""
    if "|" not in text:
        return []
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    return cells if len(cells) > 1 else []


_SENTENCE_END = re.compile(r"(?<=[.;])\s+|\n")


def _breaks(low: str) -> bool:
    """True when ``_SENTENCE_END`` splits ``low``: a line end, or "." or ";" before a space
    (a few substring searches instead of trying the regex at every character)."""
    if "\n" in low:
        return True
    for mark in ".;":
        at = low.find(mark)
        while at >= 0:
            if low[at + 1 : at + 2].isspace():
                return True
            at = low.find(mark, at + 1)
    return False


def parts(info: DocInfo, low: str) -> list[tuple[int, str]]:
    """The sentences of ``info``'s block (``low``, its text in lower case) as the further
    passes split them (after "." or ";", and at line ends), each with where it starts;
    split once per block for all passes."""
    found: list[tuple[int, str]] | None = info.memo.get("parts")
    if found is None and not _breaks(low):
        found = info.memo["parts"] = [(0, low)]
    if found is None:
        found = []
        pos = 0
        for part in _SENTENCE_END.split(low):
            start = low.find(part, pos)
            pos = start + len(part)
            found.append((start, part))
        info.memo["parts"] = found
    return found


def table_header(ctx: Context, info: DocInfo) -> str:
    """The first row of the table ``info`` is a row of, in lower case ("" outside tables)."""
    i = info.index
    while i > 0 and not ctx.infos[i].block.opens_table and table_cells(ctx.infos[i - 1].block.text):
        i -= 1
    return ctx.infos[i].low if i != info.index else ""
