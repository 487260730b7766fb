"""Table rows written as text: their ``|`` cell separators, the header row in force, the metric
each column names, and whether a row or its header names a remedy."""

from __future__ import annotations

from slaforge.lint.cards.kindhits import _kind_hits
from slaforge.lint.docinfo import DocInfo, Hit
from slaforge.metrics import MetricKind


def _remedy_row(info: DocInfo, header: DocInfo | None) -> bool:
    """True when a credit or another remedy is named in the block or its table's header."""
    return "@remedy" in info.keys or (header is not None and "@remedy" in header.keys)


def _cell_bars(info: DocInfo) -> list[int]:
    """Token indexes of the ``|`` cell separators of a table row written as text (found once
    per block)."""
    if "|" not in info.block.text:
        return []
    bars: list[int] | None = info.memo.get("cell-bars")
    if bars is None:
        view = info.view
        text = info.block.text
        bars = info.memo["cell-bars"] = [
            i
            for i, (at, size) in enumerate(zip(view.idx, view.lengths, strict=True))
            if size == 1 and text[at] == "|"
        ]
    return bars


def _table_header(info: DocInfo, header: DocInfo | None) -> DocInfo | None:
    """The header row in force at ``info``: a row of words only ("Priority | Response |
    Resolution"), kept for the rows below it; any block that is not a row ends the table."""
    if info.block.is_heading or not _cell_bars(info):
        return None
    if not any(map(str.isdigit, info.block.text)):
        return info
    return header


def _cell_measures(header: DocInfo) -> dict[int, tuple[MetricKind, Hit]]:
    """The metric each column of a header row names and the words that name it."""
    bars = _cell_bars(header)
    kinds: dict[int, tuple[MetricKind, Hit]] = {}
    for kind, hit in _kind_hits(header, 0) if header.sent_bounds else []:
        kinds.setdefault(sum(b < hit[0] for b in bars), (kind, hit))
    return kinds
