"""Cards for a table row that names no metric itself ("P1 | 30 min | 4 h"): each figure takes its
metric from its column's heading."""

from __future__ import annotations

import re
from dataclasses import dataclass

from slaforge.lint.cardfields import quote
from slaforge.lint.cards.card import _card, _outermost
from slaforge.lint.cards.cells import _cell_bars, _cell_measures, _remedy_row
from slaforge.lint.cards.definitions import _definition
from slaforge.lint.cards.kindhits import _kind_hits
from slaforge.lint.cards.picking import _timed_measure
from slaforge.lint.cards.rank import _fit
from slaforge.lint.cards.words import _BOUND_WORDS, _PCT_KINDS, _PRIORITY_NAME, _value
from slaforge.lint.context import CardSite, Context
from slaforge.lint.docinfo import DocInfo
from slaforge.lint.restated.blocks import table_cells
from slaforge.metrics import CLOCKED_KINDS, MetricKind

_PRIORITY_CELL = re.compile(
    r"\s*(?:p\d|s\d|sev(?:erity)?\s*\w|prio(?:rity)?\s*\w|critical|high|medium|low|urgent"
    r"|major|minor|emergency)\b[^|]*\|",
    re.IGNORECASE,
)
"""A table row whose first cell is a priority ("P1 |", "Prio A |", "Severity 2 |")."""


_BAND_ROW = re.compile(
    r"\|\s*(?:over|above|more than|greater than|>)\s*\d"
    r"|\d(?:\.\d+)?\s*(?:ms|%)?\s*(?:-|\u2013|\u2014|to)\s*\d+(?:\.\d+)?\s*(?:ms|%|seconds|minutes)",
    re.I,
)
"""A cell that gives a band ("151-300 ms", "over 1% to 3%", "| over 50 ms |"): the row
grades or prices results, it does not set a target."""
_GRADE_HEAD = re.compile(
    r"\s*\|?\s*(?:grade|band|rating|rag|score|quality|classification)(?:\s+\w+)?\s*\|", re.I
)
"""The first column of a table that grades results ("| Grade | Latency | Jitter |")."""


_BARE_PRIORITY = re.compile(
    r"(?:(?:p|s|sev(?:erity)?|prio(?:rity)?|level|category|class|tier)\s*-?\s*(?:\d|[a-e])"
    r"|(?:critical|urgent|high|medium|moderate|major|minor|low|emergency|normal|standard"
    r"|routine)(?:\s+(?:priority|severity))?)"
    r"(?:\s*(?:[-\u2013\u2014:]\s*|\()[a-z]+\)?)?",
    re.IGNORECASE,
)
"""A cell that holds a priority and nothing else ("P2", "Urgent", "Severity 1 - Critical")."""


@dataclass(frozen=True)
class Merge:
    """A table row whose first cell names a metric and whose second is a priority ("| Resolve |
    P1 | 4 hours |"): in a Word table the first cell is often merged down over the rows of the
    other priorities, which then give the same metric in the same column."""

    kind: MetricKind
    column: int
    """The column of the row's figure, counted from its priority cell."""

    @classmethod
    def of(cls, info: DocInfo) -> Merge | None:
        cells = table_cells(info.block.text)
        if len(cells) < 3 or not _BARE_PRIORITY.fullmatch(cells[1]):
            return None
        text = info.block.text
        lead = len(text) - len(text.lstrip(" |"))
        end = text.find("|", lead)
        named = [
            k
            for sent in range(len(info.sent_bounds))
            for k, hit in _kind_hits(info, sent)
            if lead <= (span := info.chars(hit[0], hit[1]))[0] and span[1] <= end
        ]
        if not named:
            return None
        kind = named[0]
        pct = kind in _PCT_KINDS
        column = next((_cell_of(info, t[0]) for t, p in sorted(_outermost(info)) if p == pct), None)
        return None if column is None or column < 2 else cls(kind, column - 1)


def _cell_of(info: DocInfo, token: int) -> int:
    """The cell (0: the first) of a table row that holds ``token``."""
    bars = _cell_bars(info)
    leading = info.block.text.lstrip().startswith("|")
    return sum(b < token for b in bars) - (1 if leading else 0)


def _new_table(info: DocInfo, last_row: DocInfo | None) -> bool:
    """True for a row that opens a table: a Word table's first row, or a text row that is not
    on the line after the row before (a blank line, or other text, between them)."""
    if info.block.opens_table or last_row is None:
        return True
    line, before = info.block.location.line, last_row.block.location.line
    return line is not None and before is not None and line != before + 1


def _continues(info: DocInfo) -> bool:
    """True for a table row under a merged first cell: the cell left empty ("|  | P2 | 4 hours
    |", as a Word table reads) or left out, so the row opens with its priority ("P2 | 24 hours |
    90%", as the table reads when copied as text)."""
    cells = table_cells(info.block.text)
    if len(cells) < 2:
        return False
    return _BARE_PRIORITY.fullmatch(cells[1] if not cells[0] else cells[0]) is not None


_PRIORITY_HEAD = re.compile(
    r"\b(?:prio\w*|sev\w*|urgency|impact|incidents?|issues?|tickets?|faults?|defects?|calls?"
    r"|requests?|cases?|category)\b|^\s*(?:level|class)\s*$",
    re.IGNORECASE,
)
"""A column heading over priorities ("Priority", "Severity", "Incident", "Fault category"), not
over plans, service levels or reference codes ("Plan", "Support level", "Ref")."""
_PLAIN_WORD = re.compile(r"standard|(?:tier|level|class)\s*-?\s*\w+", re.IGNORECASE)
"""Priorities that also name plans, tiers and classes ("Standard", "Tier 1"): taken only under
a heading that names priorities."""


def _row_priority(info: DocInfo, header: DocInfo | None) -> list[str]:
    """The priority a table row gives its targets for: a priority named at the row's start
    ("| Priority 1 | ..."), else a cell that is nothing but a priority among its first two ("|
    Urgent | 15 minutes |", "| Resolve | Critical | 4 hours |", "|  | Low | 3 days |"); one
    that may name a plan or a tier instead ("Standard", "Tier 1") only under a heading that
    names priorities, and none under a heading that names something else."""
    cells = table_cells(info.block.text)
    heads = table_cells(header.block.text) if header is not None and header is not info else []
    aligned = len(heads) == len(cells)
    named = _PRIORITY_NAME.match(info.block.text.lstrip(" |"))
    found: tuple[int, str] | None = None
    if named:
        found = (next((n for n, c in enumerate(cells) if c.strip()), 0), named.group(0))
    else:
        bare = [(n, c.strip()) for n, c in enumerate(cells[:2])]
        found = next(((n, c) for n, c in bare if _BARE_PRIORITY.fullmatch(c)), None)
    if found is None:
        return []
    at, priority = found
    if aligned and at < len(heads):
        return [priority] if _PRIORITY_HEAD.search(heads[at]) else []
    return [] if _PLAIN_WORD.fullmatch(priority) else [priority]


def _row_sites(
    ctx: Context,
    info: DocInfo,
    header: DocInfo | None,
    exclusions: str | None,
    remedy: str | None,
    definitions: dict[MetricKind, str | None],
    merged: Merge | None = None,
) -> list[CardSite]:
    """Cards for a table row that names no metric itself ("P1 | 30 min | 4 h"): each figure
    takes its metric from the column heading, else from the first cell ``merged`` over the row
    ("| Resolve | P1 | 4 hours |" over "|  | P2 | 8 hours |"); a priority row with neither gives a
    response and then a resolution time, the order of every priority matrix. A table
    summarises what the prose sets out, so the start event may be stated anywhere in the
    document."""
    bars = _cell_bars(info)
    if _BAND_ROW.search(info.block.text) or (
        header is not None and _GRADE_HEAD.match(header.block.text)
    ):
        return []  # "| Fair | 151-300 ms | over 1% to 3% |": a grade's band, not a target
    names: dict[int, str] = {}
    if header is not None and header is not info:
        measures = _cell_measures(header)
        columns = {column: kind for column, (kind, _hit) in measures.items()}
        # a measure without a kind is a column of times when its heading is a time ("| Recovery
        # Time Objective (RTO) |", "| Handle time |"), named by that heading
        names = {
            column: header.text_of(hit).lower()
            for column, (kind, hit) in measures.items()
            if kind is MetricKind.CUSTOM and _timed_measure(header, hit)
        }
    elif merged is None and _PRIORITY_CELL.match(info.block.text):
        columns = {}
        durs = sorted(info.hits.get("@dur", ()))[:2]
        order = (MetricKind.RESPONSE_TIME, MetricKind.RESOLUTION_TIME)[: len(durs)]
        for kind_of, hit in zip(order, durs, strict=True):
            columns[sum(b < hit[0] for b in bars)] = kind_of
    elif merged is None:
        return []
    else:
        columns = {}
    out: list[CardSite] = []
    for target, pct in sorted(_outermost(info)):
        at = sum(b < target[0] for b in bars)
        column = columns.get(at)
        if column is None and merged is not None:
            cells = table_cells(info.block.text)
            below = 1 if cells and not cells[0] else 0  # (the priority's cell)
            if _cell_of(info, target[0]) == below + merged.column:
                column = merged.kind
        if column is None or (column is MetricKind.CUSTOM and (pct or at not in names)):
            continue
        kind = column
        if (kind in _PCT_KINDS) != pct and kind is not MetricKind.JITTER:
            continue
        text = " ".join(info.text_of(target).split())
        if pct and kind is MetricKind.AVAILABILITY and not 50 <= (_value(text) or 0) < 100:
            continue
        if kind not in definitions:
            definitions[kind] = _definition(ctx, kind)
        card = _card(ctx, info, target, kind, text, pct, definitions[kind])
        if at in names:
            card.name = names[at]
        if kind in CLOCKED_KINDS and not card.start_event:
            card.start_event = next(
                (quote(i, h) for i, h in ctx.hits("@start") if _fit("@start", i, h) > 1), None
            )
        card.exclusions = exclusions
        card.remedy = remedy
        card.priorities = _row_priority(info, header)
        before = info.lower_words(target[0] - 1, target[0])[0] if target[0] > 0 else ""
        bound = before in _BOUND_WORDS and _remedy_row(info, header)
        out.append(CardSite(card, info, target[2], target[0], target[1], True, bound))
    return out
