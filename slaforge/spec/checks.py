"""Cross-field checks on a typed agreement: references, dates, credit tiers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import pairwise

from slaforge.metrics import CLOCKED_KINDS, MetricKind
from slaforge.spec.model import Agreement, AgreementType, CreditTier, Metric

Problem = tuple[tuple[str | int, ...], str]

BUILTIN_EXCLUSIONS = ("maintenance", "emergency-maintenance", "force-majeure", "customer-caused")


def check(agreement: Agreement) -> list[Problem]:
    """Every semantic problem in ``agreement`` as (field path, message)."""
    return [
        *_dates(agreement),
        *_unique_ids(agreement),
        *_references(agreement),
        *_metrics(agreement),
        *_credits(agreement),
        *_type_sections(agreement),
    ]


def _dates(a: Agreement) -> Iterator[Problem]:
    info = a.agreement
    if info.end_date is not None and info.end_date <= info.effective_date:
        yield (
            ("agreement", "end_date"),
            (f"end date {info.end_date} is not after the effective date {info.effective_date}"),
        )
    if info.end_date is None and info.term_months is None:
        yield ("agreement",), "give either end_date or term_months"
    if info.end_date is not None and info.term_months is not None:
        yield ("agreement", "term_months"), "give end_date or term_months, not both"


def _unique_ids(a: Agreement) -> Iterator[Problem]:
    groups: dict[str, list[str]] = {
        "hours": [s.id for s in a.hours],
        "services": [s.id for s in a.services],
        "metrics": [m.id for m in a.metrics],
    }
    groups["exclusions.other"] = [e.id for e in a.exclusions.other]
    for section, ids in groups.items():
        seen: set[str] = set()
        for index, item in enumerate(ids):
            if item in seen:
                yield (*section.split("."), index, "id"), f"duplicate id {item!r}"
            seen.add(item)
    for index, item in enumerate(groups["exclusions.other"]):
        if item in BUILTIN_EXCLUSIONS:
            yield ("exclusions", "other", index, "id"), f"id {item!r} is reserved"
    if a.parties.provider.name == a.parties.customer.name:
        yield ("parties", "customer", "name"), "provider and customer must be different parties"


def _references(a: Agreement) -> Iterator[Problem]:
    schedules = {s.id for s in a.hours}
    services = {s.id for s in a.services}
    exclusions = set(BUILTIN_EXCLUSIONS) | {e.id for e in a.exclusions.other}
    if a.exclusions.emergency_maintenance is None:
        exclusions.discard("emergency-maintenance")
    for i, service in enumerate(a.services):
        if service.hours not in schedules:
            yield ("services", i, "hours"), _unknown("schedule", service.hours, schedules)
        for j, channel in enumerate(service.channels):
            if channel.hours not in schedules:
                yield (
                    ("services", i, "channels", j, "hours"),
                    _unknown("schedule", channel.hours, schedules),
                )
    for i, metric in enumerate(a.metrics):
        if metric.clock != "24x7" and metric.clock not in schedules:
            yield ("metrics", i, "clock"), _unknown("schedule", metric.clock, schedules)
        if metric.service is not None and metric.service not in services:
            yield ("metrics", i, "service"), _unknown("service", metric.service, services)
        for j, name in enumerate(metric.exclusions):
            if name not in exclusions:
                yield ("metrics", i, "exclusions", j), _unknown("exclusion", name, exclusions)


def _metrics(a: Agreement) -> Iterator[Problem]:
    for i, metric in enumerate(a.metrics):
        path = ("metrics", i)
        if metric.unit == "%" and metric.target > 100:
            yield (*path, "target"), f"percentage {metric.target:g} is outside (0, 100]"
        if metric.kind is MetricKind.AVAILABILITY and metric.unit != "%":
            yield (*path, "unit"), "an availability target is a percentage: use unit '%'"
        if metric.kind in CLOCKED_KINDS:
            for event in ("start_event", "stop_event"):
                if not getattr(metric, event):
                    yield (*path, event), f"a {metric.kind.value} metric needs its {event}"
        if metric.kind is MetricKind.RESPONSE_TIME and not metric.does_not_count:
            yield (
                (*path, "does_not_count"),
                ("say what does not count as a response (at least: automated acknowledgements)"),
            )
        if metric.attainment_percent < 100 and not metric.remainder:
            yield (
                (*path, "remainder"),
                (
                    f"the target applies to {metric.attainment_percent:g}% of events: "
                    "say what applies to the rest"
                ),
            )


def _credits(a: Agreement) -> Iterator[Problem]:
    credits = a.credits
    metrics = {m.id: m for m in a.metrics}
    by_metric: dict[str, list[tuple[int, CreditTier]]] = defaultdict(list)
    for i, tier in enumerate(credits.tiers):
        path = ("credits", "tiers", i)
        if tier.metric not in metrics:
            yield (*path, "metric"), _unknown("metric", tier.metric, set(metrics))
            continue
        if tier.at_least >= tier.below:
            yield (*path, "at_least"), f"at_least {tier.at_least:g} is not below {tier.below:g}"
            continue
        if credits.basis == "percent-of-fee" and tier.percent is None:
            yield (*path, "percent"), "field required for percent-of-fee credits"
        if credits.basis == "fixed-amount" and tier.amount is None:
            yield (*path, "amount"), "field required for fixed-amount credits"
        by_metric[tier.metric].append((i, tier))
    if not credits.automatic and credits.claim_days is None:
        claim = "credits are not automatic: say within how many days the customer claims them"
        yield ("credits", "claim_days"), claim
    if credits.basis == "fixed-amount" and not credits.currency:
        yield ("credits", "currency"), "field required for fixed-amount credits"
    for metric_id, tiers in by_metric.items():
        yield from _tier_ladder(metrics[metric_id], tiers, credits.basis)
    yield from _cap(a)
    chronic = credits.chronic_failure
    if chronic is not None and chronic.misses > chronic.months:
        yield (
            ("credits", "chronic_failure", "misses"),
            (f"{chronic.misses} misses cannot happen in {chronic.months} months"),
        )


def _tier_ladder(
    metric: Metric, tiers: list[tuple[int, CreditTier]], basis: str
) -> Iterator[Problem]:
    ordered = sorted(tiers, key=lambda item: -item[1].below)
    ceiling = metric.target if metric.unit == "%" and metric.higher_is_better else 100.0
    ceiling = min(ceiling, 100.0) if metric.unit == "%" else metric.attainment_percent
    first_index, first = ordered[0]
    if first.below > ceiling:
        yield (
            ("credits", "tiers", first_index, "below"),
            (
                f"tier for {metric.id!r} starts at {first.below:g}, above the level the metric "
                f"commits to ({ceiling:g})"
            ),
        )
    elif first.below < ceiling and (
        metric.unit != "%" or (metric.higher_is_better and metric.target <= 100)
    ):
        yield (
            ("credits", "tiers", first_index, "below"),
            (
                f"tier for {metric.id!r} starts at {first.below:g}, below the level the metric "
                f"commits to ({ceiling:g}): a miss between the two would earn no credit"
            ),
        )
    for (upper_i, upper), (lower_i, lower) in pairwise(ordered):
        path = ("credits", "tiers", lower_i)
        if lower.below > upper.at_least:
            yield (
                (*path, "below"),
                (
                    f"tiers {upper_i} and {lower_i} for {metric.id!r} overlap "
                    f"({lower.at_least:g}-{lower.below:g} and {upper.at_least:g}-{upper.below:g})"
                ),
            )
        elif lower.below < upper.at_least:
            yield (
                (*path, "below"),
                (
                    f"gap between tiers {lower_i} and {upper_i} for {metric.id!r}: "
                    f"{lower.below:g}-{upper.at_least:g} is covered by no tier"
                ),
            )
        if _credit(lower, basis) <= _credit(upper, basis):
            yield (
                (*path, "percent" if basis == "percent-of-fee" else "amount"),
                (
                    f"credits for {metric.id!r} are not monotonic: a lower level "
                    f"({lower.at_least:g}-{lower.below:g}) must earn a larger credit"
                ),
            )


def _credit(tier: CreditTier, basis: str) -> float:
    value = tier.percent if basis == "percent-of-fee" else tier.amount
    return value or 0.0


def _cap(a: Agreement) -> Iterator[Problem]:
    credits = a.credits
    if credits.basis == "percent-of-fee":
        if credits.cap_percent is None:
            yield ("credits", "cap_percent"), "field required: the most credit owed in one month"
            return
        largest = max((t.percent or 0.0) for t in credits.tiers)
        if credits.cap_percent < largest:
            yield (
                ("credits", "cap_percent"),
                (f"cap {credits.cap_percent:g}% is below the largest tier ({largest:g}%)"),
            )
    else:
        if credits.cap_amount is None:
            yield ("credits", "cap_amount"), "field required: the most credit owed in one month"
            return
        largest = max((t.amount or 0.0) for t in credits.tiers)
        if credits.cap_amount < largest:
            yield (
                ("credits", "cap_amount"),
                (f"cap {credits.cap_amount:g} is below the largest tier ({largest:g})"),
            )


def _type_sections(a: Agreement) -> Iterator[Problem]:
    kind = a.agreement.type
    needs = {
        AgreementType.MULTI_LEVEL: "layers",
        AgreementType.SALES_MARKETING: "sales_marketing",
        AgreementType.INTERNAL: "internal",
    }
    for agreement_type, section in needs.items():
        present = getattr(a, section) is not None
        if kind is agreement_type and not present:
            yield (section,), f"field required for a {kind.value} agreement"
        if kind is not agreement_type and present:
            yield (section,), f"only a {agreement_type.value} agreement has this section"
    sales = a.sales_marketing
    if sales is not None:
        ids = {m.id: m for m in a.metrics}
        metric = ids.get(sales.follow_up_metric)
        if metric is None:
            yield (
                ("sales_marketing", "follow_up_metric"),
                _unknown("metric", sales.follow_up_metric, set(ids)),
            )
        elif metric.kind is not MetricKind.LEAD_FOLLOW_UP_TIME:
            yield (
                ("sales_marketing", "follow_up_metric"),
                (f"metric {metric.id!r} is not of kind lead_follow_up_time"),
            )


def _unknown(what: str, name: str, known: set[str]) -> str:
    choices = ", ".join(sorted(known)) or "none defined"
    return f"unknown {what} {name!r} (known: {choices})"
