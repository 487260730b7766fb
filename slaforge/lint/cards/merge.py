"""One card for a metric a draft states more than once alike: in a summary table and again in
its clause, or again in what counts as meeting it."""

from __future__ import annotations

import dataclasses

from slaforge.lint.cards.words import _value
from slaforge.metrics import MetricCard

_FIELDS = tuple(
    f.name for f in dataclasses.fields(MetricCard) if f.name not in ("name", "kind", "priorities")
)


def _key(card: MetricCard) -> tuple[object, ...]:
    unit = (card.unit or "").lower().rstrip("s")
    return card.kind, card.name, tuple(card.priorities), _value(card.target) or card.target, unit


def merge_restated(cards: list[MetricCard]) -> list[MetricCard]:
    """``cards`` with each later card of the same kind, name, priorities, target figure and unit
    folded into the first one: a field the first leaves unstated is taken from a later one."""
    first: dict[tuple[object, ...], MetricCard] = {}
    out: list[MetricCard] = []
    for card in cards:
        key = _key(card)
        kept = first.get(key)
        if kept is None:
            first[key] = card
            out.append(card)
            continue
        for name in _FIELDS:
            if getattr(kept, name) is None and getattr(card, name) is not None:
                setattr(kept, name, getattr(card, name))
    return out
