"""The ``--metrics`` table: one row per metric card rebuilt from the draft."""

from __future__ import annotations

import textwrap

from slaforge.metrics import MetricCard
from slaforge.report import Results

COLUMNS: tuple[tuple[str, int], ...] = (
    ("metric", 18),
    ("kind", 15),
    ("target", 12),
    ("window", 12),
    ("start / stop", 20),
    ("counts as met", 18),
    ("source", 14),
    ("missing", 22),
)
"""Column titles and widths; long values wrap inside their column."""


def _cells(card: MetricCard) -> list[str]:
    target = " ".join(part for part in (card.target, card.unit) if part) or "—"
    start_stop = f"{card.start_event or '—'} → {card.stop_event or '—'}"
    return [
        card.name,
        card.kind.value,
        target,
        card.window or "—",
        start_stop,
        card.counts_as_met or "—",
        card.source or "—",
        ", ".join(card.missing()) or "none",
    ]


def _row(cells: list[str]) -> list[str]:
    wrapped = [
        textwrap.wrap(cell, width, break_long_words=True) or [""]
        for cell, (_, width) in zip(cells, COLUMNS, strict=True)
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
