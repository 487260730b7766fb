"""One card for a metric a draft states more than once alike: in a summary table and again in
its clause, or again in what counts as meeting it."""

from __future__ import annotations

import dataclasses
import re

from slaforge.lint.cards.words import _value
from slaforge.metrics import MetricCard

_FIELDS = tuple(
    f.name for f in dataclasses.fields(MetricCard) if f.name not in ("name", "kind", "priorities")
)
_WORD = re.compile(r"\w+")


def _key(card: MetricCard) -> tuple[object, ...]:
    unit = (card.unit or "").lower().rstrip("s")
    return card.kind, card.name, tuple(card.priorities), _value(card.target) or card.target, unit


def _words(text: str) -> str:
    return " " + " ".join(_WORD.findall(text.lower())) + " "


def _alike(one: str, other: str) -> bool:
    """True when one quote says what the other says, in fewer words ("Calendar month" and "each
    calendar month"); a quote cut short ("…") is compared piece by piece."""
    if len(one) > len(other):
        one, other = other, one
    longer = _words(other)
    return all(_words(piece) in longer for piece in one.split("…") if piece.strip())


_PERIOD = re.compile(r"\d+|minute|hour|day|week|month|quarter|year")


def _period(text: str) -> frozenset[str]:
    """What a window says, whatever its wording: "Calendar quarter" and "a quarter" are
    {"quarter"}, "Rolling 30 days" and "rolling 30-day period" {"30", "day"}."""
    return frozenset(_PERIOD.findall(text.lower()))


def _restates(card: MetricCard, kept: MetricCard) -> bool:
    """True when no field the two cards both state tells them apart."""
    for name in _FIELDS:
        a, b = getattr(card, name), getattr(kept, name)
        if not (isinstance(a, str) and isinstance(b, str)):
            continue
        if name in ("window", "clock") and _period(a) and _period(a) == _period(b):
            continue
        if not _alike(a, b):
            return False
    return True


def merge_restated(cards: list[MetricCard]) -> list[MetricCard]:
    """``cards`` with each later card that restates an earlier one (same kind, name, priorities,
    target figure and unit, and no field stated otherwise) folded into it: a field the earlier
    card leaves unstated is taken from the later one."""
    out: list[MetricCard] = []
    # a merge leaves a kept card's key as it was: the only key field it can fill is a unit
    # the key reads alike set or not (None and "s" are both "")
    by_key: dict[tuple[object, ...], list[MetricCard]] = {}
    for card in cards:
        alike = by_key.setdefault(_key(card), [])
        kept = next((k for k in alike if _restates(card, k)), None)
        if kept is None:
            out.append(card)
            alike.append(card)
            continue
        for name in _FIELDS:
            if getattr(kept, name) is None and getattr(card, name) is not None:
                setattr(kept, name, getattr(card, name))
    return out
