"""Ladders of deadlines ("Priority 1 within 4 hours, Priority 2 within 12 hours"): the kind a rung
carries on from the one before, and the priority each target is set for."""

from __future__ import annotations

from itertools import pairwise

from slaforge.lint.cards.words import _JOINS, _PRIORITY_NAME, _STOPS
from slaforge.lint.docinfo import DocInfo, Hit
from slaforge.metrics import CLOCKED_KINDS, MetricKind

_DEADLINE = frozenset({"within", "in"})
_NEXT_LABEL = frozenset(
    {"priority", "severity", "sev", "level", "category", "class", "tier", "type", "all", "other",
     "for", "in", "at", "on", "any", "each", "every", "within",
     # priorities by name: "and Urgent reactive repairs within four hours"
     "emergency", "urgent", "critical", "high", "medium", "low", "routine", "standard", "major",
     "minor", "normal", "non-urgent"}
)  # fmt: skip
"""Words that open the next rung of a ladder after "and" ("and Priority 3 within 3 days")."""
_RUNG_JOINS = frozenset({",", "and", "or"})
_STATISTIC = (["a", "median"], ["an", "average"], ["a", "mean"])
_RUNG_LABELS = frozenset({"for", "in", "on", "at", "("})
"""A rung without "within" follows a join and the label of the rung before it ("for a
Critical fault, 1 hour for a Major fault and 4 hours for a Minor fault", "15 minutes (Priority
1), 30 minutes (Priority 2)")."""


def _continued(
    info: DocInfo,
    kinds: list[tuple[MetricKind, Hit]],
    previous: tuple[Hit, MetricKind],
    target: Hit,
) -> tuple[MetricKind, Hit] | None:
    """The kind of the deadline before ``target`` in its sentence when ``target`` carries it on:
    "Priority 1 within 4 hours, Priority 2 within 12 hours", "within 4 hours inside the M25
    and within 8 hours elsewhere"."""
    before, kind = previous
    if before[2] != target[2] or kind not in CLOCKED_KINDS:
        return None
    if any(before[1] <= h[0] < target[0] for _k, h in kinds):
        return None  # another measure named between the two
    first = info.sent_bounds[target[2]][0]
    if min(before[0], target[0]) <= first:
        return None
    words = info.lower_words(before[0] - 1, target[0])
    if len(words) > 4 and words[-3:-1] in _STATISTIC and words[-1] == "of":
        words = words[:-3]  # "and Severity 4 tickets within a median of ten Business Days"
    between = words[before[1] - before[0] + 1 : -1]
    bare = words[-1] in _RUNG_JOINS and bool(between) and between[0] in _RUNG_LABELS
    if words[-1] not in _DEADLINE and not bare:
        return None  # a bare rung: "within 15 minutes for a Critical fault, 1 hour for a Major"
    if words[0] not in _DEADLINE and words[0] not in _RUNG_JOINS and words[0] != "than":
        return None
    if len(between) > 24 or _STOPS.difference({";"}).intersection(between):
        return None
    if any(
        a in _JOINS and b not in _NEXT_LABEL and not b[-1:].isdigit() for a, b in pairwise(between)
    ):
        return None  # "attend within 2 hours and make the area safe within 4 hours": a new duty
    return kind, target


def _priorities(info: DocInfo, target: Hit, previous: tuple[Hit, MetricKind] | None) -> list[str]:
    """The priority a target is set for, named before it in its clause ("Priority 2 incidents
    within 8 hours") or just after it ("within 15 minutes for a Critical fault")."""
    first, last = info.sent_bounds[target[2]]
    stop = min(target[1] + 5, last)
    if info.lower_words(target[1], stop)[:1] in (["for"], ["on"], ["in"], ["("]):
        start, end = info.chars(target[1], stop)
        found = _PRIORITY_NAME.search(info.block.text, start, end)
        if found:
            return [found.group(0)]
    begin = previous[0][1] if previous and previous[0][2] == target[2] else first
    start, end = info.chars(begin, target[0])
    named = list(_PRIORITY_NAME.finditer(info.block.text, start, end))
    return [named[-1].group(0)] if named else []
