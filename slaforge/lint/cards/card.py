"""One card from a target: the block's targets, and the card's unit, figure and fields."""

from __future__ import annotations

import re
from collections.abc import Sequence

from slaforge.lint.cardfields import stop_event
from slaforge.lint.cards.definitions import _on_kind, _own_definition
from slaforge.lint.cards.lookup import _lookup
from slaforge.lint.cards.scoped import _scoped_start, _scoped_window, _section_window
from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo, Hit
from slaforge.metrics import CLOCKED_KINDS, MetricCard, MetricKind


def _outermost(info: DocInfo) -> list[tuple[Hit, bool]]:
    """The block's targets (with True for a percentage), without one inside another: "five
    (5) days" is one target, not also "5) days"."""
    targets = [(h, True) for h in info.hits.get("@pct", ())]
    targets += [(h, False) for h in info.hits.get("@dur", ())]
    return [
        (t, pct)
        for t, pct in targets
        if not any(o[0] <= t[0] and t[1] <= o[1] and o != t for o, _p in targets)
    ]


def _card(
    ctx: Context,
    info: DocInfo,
    target: Hit,
    kind: MetricKind,
    text: str,
    pct: bool,
    definition: str | None,
    group: Sequence[DocInfo] = (),
) -> MetricCard:
    sent = target[2]
    unit = "%" if pct else " ".join(text.split()[1:]).strip("() ") or None
    if unit and (unit[0].isdigit() or ")" in unit.split()[0]):  # "five (5) days", "5 (five) days"
        unit = " ".join(unit.split()[1:]).strip("() ") or None
    card = MetricCard(
        name=kind.value.replace("_", " ").replace("follow up", "follow-up"),
        kind=kind,
        target=_figure_of(text, pct, unit),
        unit=unit,
    )
    card.window = (
        _lookup(ctx, info, sent, kind, "@window", group)
        or _scoped_window(ctx, kind)
        or _section_window(ctx, info, kind)
    )
    key = f"@kind:{kind.value}"
    near = (info, *group)
    own = _own_definition(near, key) or _on_kind(ctx, kind, "own")
    if kind in CLOCKED_KINDS:
        card.start_event = _lookup(ctx, info, sent, kind, "@start", group) or _scoped_start(
            ctx, kind
        )
        card.stop_event = stop_event(near, key) or _on_kind(ctx, kind, "stop") or own or definition
        card.clock = _lookup(ctx, info, sent, kind, "@clock", group)
        if card.clock is None and unit and unit.split()[0].lower() in ("business", "working"):
            card.clock = unit
    else:
        card.clock = card.window
    card.counts_as_met = own or definition
    card.source = _lookup(ctx, info, sent, kind, "@source", group)
    card.customer_access = _lookup(ctx, info, sent, kind, "@access", group)
    return card


_PERCENT = re.compile(r"\s*(?:%|percent|per\s*cent|pct)\.?$", re.I)


def _figure_of(text: str, pct: bool, unit: str | None) -> str:
    """The figure of a target as written, without its unit ("99.9%" -> "99.9", "five (5)
    days" -> "five (5)")."""
    if pct:
        return _PERCENT.sub("", text).strip()
    if unit and unit in text:
        return text[: text.rindex(unit)].strip(" (") or text
    return text
