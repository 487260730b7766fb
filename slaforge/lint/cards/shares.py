"""Shares of items: the share a time must be met for ("80% of calls"), a bound on a share that is
a measure of its own ("at least 98% of letters"), and the name of a measure without a kind."""

from __future__ import annotations

import re

from slaforge.lint.cards.picking import _timed_measure
from slaforge.lint.cards.words import (
    _LEAD_BOUND,
    _NEAR,
    _SHARE_DUTY,
    _STATE,
    _STOPS,
    _sentence_words,
)
from slaforge.lint.cues import LATENCY_UNITS
from slaforge.lint.docinfo import DocInfo, Hit
from slaforge.metrics import MetricKind

_NOT_SCORE_NAMES = frozenset(
    {"a", "an", "the", "its", "their", "our", "your", "shall", "will", "must", "should", "may",
     "to", "of", "and", "or", "average", "overall", "minimum", "total", "mean", "each", "every"}
)  # fmt: skip
"""Words before "score" that do not name it ("shall score below 70%", "an average score")."""


_SHARE_ENDS = frozenset(
    {"within", "in", "to", "inside", "under", "below", "by", "before", "at", "from", "on", ",",
     ";", ":", "|", ".", "each", "every", "per", "are", "is", "shall", "will", "must", "should"}
)  # fmt: skip


def _share(info: DocInfo, target: Hit) -> str | None:
    """The share of items a time must be met for: "80% of calls" in "answer 80% of calls to
    the fault line within 20 seconds"."""
    for p in info.hits.get("@pct", ()):
        if p[2] != target[2] or not 0 <= target[0] - p[1] <= _NEAR:
            continue
        after = info.lower_words(p[1], target[0])
        if after[:1] == ["of"] and len(after) > 1:
            size = next((i for i, w in enumerate(after[1:], 1) if w in _SHARE_ENDS), len(after))
            return " ".join(info.text_of((p[0], p[1] + size, p[2])).split())
    for p in info.hits.get("@pct", ()):
        if p[2] != target[2] or not 0 < p[0] - target[1] <= _SHARE_AFTER:
            continue
        if _trailing_share(info, p) and not _STOPS.intersection(info.lower_words(target[1], p[0])):
            after = info.lower_words(p[1], p[1] + 6)
            size = next((i for i, w in enumerate(after[1:], 1) if w in _SHARE_ENDS), len(after))
            return " ".join(info.text_of((p[0], p[1] + size, p[2])).split())
    return None


_SHARE_AFTER = 16
"""How far after a time its share may follow ("restarted within 15 minutes of the failure
being detected, for at least 99% of host failures")."""


def _trailing_share(info: DocInfo, pct: Hit) -> bool:
    """True for a share that qualifies a time before it in its sentence: "…, for at least 99%
    of host failures", "in 95% of cases"."""
    before = info.lower_words(max(pct[0] - 3, info.sent_bounds[pct[2]][0]), pct[0])
    after = info.lower_words(pct[1], pct[1] + 2)
    if after[:1] != ["of"] or not before:
        return False
    lead = before[-3] if before[-2:] == ["at", "least"] and len(before) == 3 else before[-1]
    if lead not in ("for", "in"):
        return False
    first = info.sent_bounds[pct[2]][0]
    words = info.lower_words(first, max(first, pct[0] - len(before)))
    return "within" in words or any(
        words[i : i + len(b)] == b for b in _LEAD_BOUND for i in range(len(words))
    )


_SHARE_BOUND = re.compile(
    r"(?:at least|minimum(?: of)?|(?:no|not) (?:fewer|less|more) than|maximum(?: of)?|exceed)$"
)
_SHARE_ERRORS = frozenset(
    {"error", "errors", "erroneous", "incorrect", "inaccurate", "rejected", "reject", "fail",
     "fails", "failed", "late", "missed", "defective", "wrong"}
)  # fmt: skip
_MONEY = frozenset(
    {"fee", "fees", "charge", "charges", "price", "prices", "amount", "value", "revenue", "spend",
     "budget", "cost", "costs", "credit", "credits", "total", "sum", "sums", "liability",
     "contract", "chargeback", "chargebacks"}
)  # fmt: skip


def _share_of_items(info: DocInfo, target: Hit) -> tuple[MetricKind, Hit] | None:
    """A bound on the share of items handled one way is a measure of its own: "dispatch at
    least 98% of letters the same day" (named by the items counted), or an error rate when
    the share is of items that go wrong ("no more than 0.2% of payslips may contain an
    error")."""
    if _SHARE_BOUND.search(" ".join(info.lower_words(max(target[0] - 3, 0), target[0]))) is None:
        return None  # "fewer than 10% of users": the point a state begins, not a target
    if _trailing_share(info, target):
        return None  # "within 15 minutes …, for at least 99% of host failures": what counts
    after = info.lower_words(target[1], target[1] + 3)
    if after[:1] != ["of"] or len(after) < 2 or not after[-1][:1].isalpha():
        return None
    if _MONEY.intersection(info.lower_words(target[1], target[1] + 5)):
        return None  # "no more than 3% of the annual charges": a price, not a service
    words = _sentence_words(info, target[2])
    if not _SHARE_DUTY.intersection(words) or _STATE.intersection(words):
        return None  # "a circuit is unavailable while errored seconds exceed 15% of seconds"
    if _counted_items(info, target)[-1:] in (["hours"], ["time"], ["minutes"]):
        return MetricKind.AVAILABILITY, target  # "usable for at least 98% of opening hours"
    clause = info.lower_words(target[1], min(target[1] + 16, info.sent_bounds[target[2]][1]))
    clause = clause[: next((i for i, w in enumerate(clause) if w in _STOPS), len(clause))]
    kind = MetricKind.ERROR_RATE if _SHARE_ERRORS.intersection(clause) else MetricKind.CUSTOM
    return kind, target


def _of_the_time(info: DocInfo, target: Hit) -> tuple[MetricKind, Hit] | None:
    """A share of the time is an availability: "running 99.5% of the time"."""
    if info.lower_words(target[1], target[1] + 3) == ["of", "the", "time"]:
        return MetricKind.AVAILABILITY, target
    return None


def _quick_share(info: DocInfo, target: Hit) -> bool:
    """True for a time in seconds that a share of items must meet ("90% of page views within
    2 seconds"): how fast the system answers."""
    unit = info.lower_words(target[1] - 1, target[1])
    return bool(unit) and unit[0] in LATENCY_UNITS and _share(info, target) is not None


def _counted_items(info: DocInfo, target: Hit) -> list[str]:
    """The words naming what a share is of: "of Library opening hours each month" -> library,
    opening, hours."""
    after = info.lower_words(target[1] + 1, target[1] + 6)
    size = next((i for i, w in enumerate(after) if w in _SHARE_ENDS), len(after))
    return [w for w in after[:size] if w not in ("the", "all", "each")]


def _custom_name(info: DocInfo, kind_hit: Hit, target: Hit) -> str:
    """A measure without a kind is named by its words, or by the items whose share it
    bounds ("share of letters")."""
    if kind_hit != target:
        name = info.text_of(kind_hit).lower()
        if name in ("score", "scores") and kind_hit[0] > 0:
            before = info.doc[kind_hit[0] - 1]
            if before.is_alpha and before.lower_ not in _NOT_SCORE_NAMES:
                name = f"{before.lower_} {name}"  # "audit score", "KPI score"
        return name
    items = _counted_items(info, target)
    while len(items) > 1 and items[-1].endswith(("ed", "sent")):
        items.pop()  # "the advance shipping notices sent by the Operator"
    return f"share of {items[-1]}" if items else "share"


def _share_of_time(info: DocInfo, kind_hit: Hit, target: Hit) -> bool:
    """True when a percentage is the share of items that must meet the time after it."""
    return _timed_measure(info, kind_hit) and any(
        d[2] == target[2] and 0 <= d[0] - target[1] <= _NEAR for d in info.hits.get("@dur", ())
    )
