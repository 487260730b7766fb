"""A window or start event stated once for every target of the document or of a section."""

from __future__ import annotations

import re

from slaforge.lint.cardfields import quote
from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo
from slaforge.metrics import CLOCKED_KINDS, MetricKind

_CLOCKED_VALUES = frozenset(k.value for k in CLOCKED_KINDS)


def _scoped_start(ctx: Context, kind: MetricKind) -> str | None:
    """A start event stated once for every time target ("All times run 24x7 from the
    Customer's call", a heading "Service Levels (measured from ticket creation)"): a
    sentence with a start cue and a word about the targets, naming no other clocked metric."""
    own = f"@kind:{kind.value}"
    for info, hit in ctx.hits("@start"):
        keys = info.sent_keys[hit[2]]
        if "@clock-scope" not in keys:
            continue
        kinds = {k for k in keys if k.startswith("@kind:")} - {own}
        if any(k[len("@kind:") :] in _CLOCKED_VALUES for k in kinds):
            continue
        return quote(info, hit)
    return None


def _scoped_window(ctx: Context, kind: MetricKind) -> str | None:
    """A window stated once for every target ("4. Service levels (each calendar month)", "All
    KPIs are measured per calendar month"): a sentence with a window and a word about the
    targets, naming no other kind of metric. Looked up once per document and kind."""
    cache: dict[MetricKind, str | None] = ctx.__dict__.setdefault("_scoped_windows", {})
    if kind in cache:
        return cache[kind]
    own = f"@kind:{kind.value}"
    found = None
    for info, hit in ctx.hits("@window"):
        keys = info.sent_keys[hit[2]]
        if "@clock-scope" not in keys:
            continue
        if any(k.startswith("@kind:") and k != own for k in keys):
            continue
        found = info.text_of(hit)
        break
    cache[kind] = found
    return found


_ALL_TARGETS = re.compile(
    r"\b(?:any|each|every|all|these|those|the above|either|both) (?:of (?:the|these) )?"
    r"(?:measures?|metrics?|kpis?|targets?|indicators?|service levels?|performance levels?)\b",
    re.I,
)
"""A sentence about every target of its section ("fails any measure in 8.1 ... in a month")."""


def _section_window(ctx: Context, info: DocInfo, kind: MetricKind) -> str | None:
    """A window stated in the same section as the target, in a sentence that names no other
    kind of metric ("8.1 ... | Round-trip latency | Under 15 ms |" and "8.3 If a node fails
    any measure in 8.1 for more than 4 hours in a month"): the section's targets are
    assessed over it. Looked up once per document."""
    path = info.block.location.heading_path
    if not path:
        return None
    cache: dict[tuple[str, ...], list[tuple[set[str], str]]] | None = ctx.__dict__.get(
        "_section_windows"
    )
    if cache is None:
        cache = {}
        for other, hit in ctx.hits("@window"):
            keys = other.sent_keys[hit[2]]
            if not _ALL_TARGETS.search(other.sentence_text(hit[2])) and (
                "@clock-scope" not in keys or any(k.startswith("@kind:") for k in keys)
            ):
                continue  # a window of something else ("credits are capped in each month")
            where = tuple(other.block.location.heading_path)
            cache.setdefault(where, []).append((set(), other.text_of(hit)))
        ctx.__dict__["_section_windows"] = cache
    found = cache.get(tuple(path))
    return found[0][1] if found else None
