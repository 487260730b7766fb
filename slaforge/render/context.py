"""The variables a clause sees when it renders: the spec plus derived wording."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slaforge.metrics import MetricCard
from slaforge.render.env import and_list, long_date
from slaforge.spec.model import Agreement, CreditTier, Metric, Schedule, number_text

_DAY_NAMES = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}
_ORDER = list(_DAY_NAMES)


def schedule_text(schedule: Schedule) -> str:
    """``08:00 to 18:00 Monday to Friday (Europe/London time)`` or ``24 hours a day, ...``."""
    if schedule.is_24x7:
        return f"24 hours a day, 7 days a week ({schedule.timezone} time)"
    days = sorted(set(schedule.days), key=_ORDER.index)
    indexes = [_ORDER.index(d) for d in days]
    if len(days) > 2 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        day_text = f"{_DAY_NAMES[days[0]]} to {_DAY_NAMES[days[-1]]}"
    else:
        day_text = and_list(_DAY_NAMES[d] for d in days)
    text = f"{schedule.start} to {schedule.end} {day_text} ({schedule.timezone} time)"
    if schedule.public_holidays:
        text += f"; {schedule.public_holidays}"
    return text


@dataclass(frozen=True)
class MetricView:
    """A metric with the wording clauses need: target text, clock text, its credit tiers."""

    metric: Metric
    target_text: str
    comparison: str
    clock_text: str
    clock_name: str
    tiers: list[CreditTier]
    card: MetricCard

    def __getattr__(self, name: str) -> Any:
        return getattr(self.metric, name)


def target_text(value: float, unit: str) -> str:
    """``99.9`` + ``%`` -> ``99.9%``; ``30`` + ``minutes`` -> ``30 minutes``."""
    return f"{number_text(value)}%" if unit == "%" else f"{number_text(value)} {unit}"


def metric_views(agreement: Agreement) -> list[MetricView]:
    views = []
    for metric in agreement.metrics:
        if metric.clock == "24x7":
            clock_name = "24x7"
            clock = "24 hours a day, 7 days a week"
        else:
            schedule = agreement.schedule(metric.clock)
            clock_name = schedule.name
            clock = f"{schedule.name}, that is {schedule_text(schedule)}"
        tiers = sorted(
            (t for t in agreement.credits.tiers if t.metric == metric.id), key=lambda t: -t.below
        )
        remedy = "Service Credits" if tiers else "the chronic failure right"
        views.append(
            MetricView(
                metric=metric,
                target_text=target_text(metric.target, metric.unit),
                comparison="at least" if metric.higher_is_better else "no more than",
                clock_text=clock,
                clock_name=clock_name,
                tiers=tiers,
                card=metric.to_card(clock, remedy),
            )
        )
    return views


DERIVED: dict[str, tuple[str, Callable[[Agreement], object]]] = {
    "provider": ("parties", lambda a: a.parties.provider),
    "customer": ("parties", lambda a: a.parties.customer),
    "P": ("parties", lambda a: a.parties.provider.role),
    "C": ("parties", lambda a: a.parties.customer.role),
    "type": ("agreement", lambda a: a.agreement.type),
    "effective": ("agreement", lambda a: a.agreement.effective_date),
    "end": ("agreement", lambda a: a.agreement.end_date),
    "metric_views": ("metrics", lambda a: (a.metrics, a.credits.tiers, a.hours)),
    "schedules": ("hours", lambda a: a.hours),
    "schedule_text": ("hours", lambda a: None),
    "services_by_id": ("services", lambda a: a.services),
}
"""For each derived context variable: the spec section it comes from, and the exact value
it depends on (what a clause cache compares when that section changed)."""


def make_context(agreement: Agreement) -> dict[str, Any]:
    """The render context: every top-level spec section plus derived helpers."""
    context: dict[str, Any] = {
        name: getattr(agreement, name) for name in type(agreement).model_fields
    }
    info = agreement.agreement
    context.update(
        provider=agreement.parties.provider,
        customer=agreement.parties.customer,
        P=agreement.parties.provider.role,
        C=agreement.parties.customer.role,
        type=info.type.value,
        effective=long_date(info.effective_date),
        end=long_date(info.end_date) if info.end_date else None,
        metric_views=metric_views(agreement),
        schedules={s.id: s for s in agreement.hours},
        schedule_text=schedule_text,
        services_by_id={s.id: s for s in agreement.services},
    )
    return context
