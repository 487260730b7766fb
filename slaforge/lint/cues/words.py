"""The words and helpers the cue modules share: units (of time, of rates, of latency, percent
signs), the words for the customer and for the provider, and the pattern builders ``_words``
and ``_phrase``."""

from __future__ import annotations

from typing import Any

Pattern = list[dict[str, Any]]

TIME_UNITS: tuple[str, ...] = (
    "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "h", "h.",
    "day", "days", "week", "weeks", "second", "seconds", "sec", "secs", "s",
    "ms", "millisecond", "milliseconds", "month", "months",
)  # fmt: skip
RATE_PERIODS = ("second", "sec", "minute", "min", "hour", "hr", "day", "week", "month", "quarter")
"""What a rate is counted per ("1,200 transactions per second", "150 leads per month")."""
LATENCY_UNITS = frozenset(
    {"ms", "millisecond", "milliseconds", "second", "seconds", "sec", "secs", "s"}
)
PERCENT = ("%", "percent", "per cent", "pct")


def _words(*words: str) -> Pattern:
    return [{"LOWER": {"IN": list(words)}}]


def _phrase(text: str) -> Pattern:
    return [{"LOWER": w} for w in text.lower().split()]


_CUSTOMER_PARTIES = [
    "customer", "customers", "client", "clients", "you", "licensee", "buyer", "buyers",
    "authority", "purchaser", "subscriber", "subscribers", "employer", "council", "requester",
    "requesters", "tenant", "merchant",
]  # fmt: skip
_PROVIDER_PARTIES = [
    "provider", "supplier", "vendor", "contractor", "carrier", "host", "outsourcer", "msp",
    "company", "licensor", "operator", "bureau", "we", "it", "integrator", "reseller",
]  # fmt: skip
