"""The metric card: everything needed to say whether a service level was met.

The drafting side fills every field from the spec; the linter rebuilds cards from
someone else's prose and reports the fields it could not find with :meth:`MetricCard.missing`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class MetricKind(StrEnum):
    """What a metric measures."""

    AVAILABILITY = "availability"
    RESPONSE_TIME = "response_time"
    RESOLUTION_TIME = "resolution_time"
    MTTR = "mttr"
    MTBF = "mtbf"
    THROUGHPUT = "throughput"
    LATENCY = "latency"
    JITTER = "jitter"
    ERROR_RATE = "error_rate"
    LEAD_FOLLOW_UP_TIME = "lead_follow_up_time"
    CUSTOM = "custom"


HIGHER_IS_BETTER = frozenset({MetricKind.AVAILABILITY, MetricKind.MTBF, MetricKind.THROUGHPUT})
"""Kinds whose target is a floor; for every other kind the target is a ceiling."""

CLOCKED_KINDS = frozenset(
    {
        MetricKind.RESPONSE_TIME,
        MetricKind.RESOLUTION_TIME,
        MetricKind.MTTR,
        MetricKind.LEAD_FOLLOW_UP_TIME,
    }
)
"""Kinds measured by a clock that runs from a start event to a stop event."""

CARD_FIELDS: tuple[str, ...] = (
    "target",
    "unit",
    "window",
    "start_event",
    "stop_event",
    "counts_as_met",
    "clock",
    "source",
    "customer_access",
    "exclusions",
    "remedy",
)
"""The parts of a complete card, in the order a reader expects them."""


@dataclass
class MetricCard:
    """One service level, as complete as its source allows; ``None`` means not stated."""

    name: str
    kind: MetricKind = MetricKind.CUSTOM
    target: str | None = None
    unit: str | None = None
    window: str | None = None
    start_event: str | None = None
    stop_event: str | None = None
    counts_as_met: str | None = None
    clock: str | None = None
    source: str | None = None
    customer_access: str | None = None
    exclusions: str | None = None
    remedy: str | None = None
    priorities: list[str] = field(default_factory=list)

    @property
    def target_text(self) -> str:
        """The target with its unit as a reader writes it ("99.9%", "4 business hours")."""
        if not self.target or not self.unit:
            return self.target or ""
        if self.unit != "%":
            return f"{self.target} {self.unit}"
        return f"{self.target}%" if self.target[-1].isdigit() else f"{self.target} per cent"

    def required_fields(self) -> tuple[str, ...]:
        """The card fields this kind of metric needs; start/stop events only for clocked kinds."""
        if self.kind in CLOCKED_KINDS:
            return CARD_FIELDS
        return tuple(f for f in CARD_FIELDS if f not in ("start_event", "stop_event"))

    def missing(self) -> list[str]:
        """Names of required fields that are not stated."""
        return [f for f in self.required_fields() if not getattr(self, f)]

    @property
    def higher_is_better(self) -> bool:
        """True when the target is a floor (availability, MTBF, throughput)."""
        return self.kind in HIGHER_IS_BETTER
