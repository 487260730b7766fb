"""The ``--metrics`` table: one row per metric card rebuilt from the draft."""

from __future__ import annotations

import textwrap

from slaforge.metrics import MetricCard
from slaforge.report import Results

COLUMNS: tuple[tuple[str, int], ...] = (
    ("metric", 18),
    ("target", 11),
    ("window", 12),
    ("start", 18),
    ("stop", 18),
    ("counts as met", 18),
    ("source", 16),
    ("missing", 20),
)
"""Column titles and widths; long values wrap inside their column."""


def _cells(card: MetricCard) -> list[str]:
    kind = card.kind.value.replace("_", " ")
    name = card.name if card.name.lower().replace("-", " ") == kind else f"{card.name} ({kind})"
    return [
        ", ".join([name, *card.priorities]),
        card.target_text or "—",
        card.window or "—",
        card.start_event or "—",
        card.stop_event or "—",
        card.counts_as_met or "—",
        card.source or "—",
        ", ".join(name.replace("_", " ") for name in card.missing()) or "none",
    ]


MAX_LINES = 3
"""Lines a cell may take; a longer quote ends in "…" (the JSON report has it whole)."""


def _wrap(cell: str, width: int, whole: bool) -> list[str]:
    lines = textwrap.wrap(cell, width, break_long_words=True) or [""]
    if len(lines) > MAX_LINES and not whole:
        lines = lines[:MAX_LINES]
        lines[-1] = lines[-1][: width - 1].rstrip(" …") + "…"
    return lines


def _row(cells: list[str]) -> list[str]:
    wrapped = [
        _wrap(cell, width, title == "missing")
        for cell, (title, width) in zip(cells, COLUMNS, strict=True)
    ]
    height = max(len(lines) for lines in wrapped)
    return [
        "  ".join(
            (lines[i] if i < len(lines) else "").ljust(width)
            for lines, (_, width) in zip(wrapped, COLUMNS, strict=True)
        ).rstrip()
        for i in range(height)
    ]


def render(results: Results) -> str:
    """A table of each file's metric cards, or a line saying none were found."""
    out: list[str] = []
    for file, result in results.items():
        out.append(f"Metrics in {file}:")
        if not result.cards:
            out.append("  (no service levels found)")
            continue
        header = _row([title for title, _ in COLUMNS])
        out.extend(f"  {line}" for line in header)
        out.append("  " + "  ".join("-" * width for _, width in COLUMNS))
        for card in result.cards:
            out.extend(f"  {line}" for line in _row(_cells(card)))
    return "\n".join(out) + "\n"
