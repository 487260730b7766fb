"""The metric word a target belongs to: one near before it in its clause, one just after it, or
the label its sentence opens with; and whether a measure without a kind is a time."""

from __future__ import annotations

from itertools import pairwise

from slaforge.lint.cards.words import _JOINS, _NEAR, _PCT_KINDS, _STOPS
from slaforge.lint.docinfo import DocInfo, Hit
from slaforge.metrics import MetricKind

_NEAR_AFTER = 4
"""Most tokens between a target and a metric word named after it ("4 hours to restore")."""


_ASIDES = frozenset({"being", "which", "namely", "i.e.", "ie", "meaning", "defined", "that"})


def _gap(info: DocInfo, kind_hit: Hit, target: Hit) -> int:
    """Words from a metric word to its target, less an aside between commas ("the API error
    rate, being the share of requests that return a 5xx status code, will stay below 0.5%")."""
    gap = target[0] - kind_hit[1]
    if gap <= _NEAR:
        return gap
    words = info.lower_words(kind_hit[1], target[0])
    if len(words) > 2 and words[0] == "," and words[1] in _ASIDES and "," in words[2:]:
        return gap - words.index(",", 2) - 1
    return gap


def _pick_kind(
    info: DocInfo, kinds: list[tuple[MetricKind, Hit]], target: Hit, pct: bool
) -> tuple[MetricKind, Hit] | None:
    # jitter is given in milliseconds as often as in per cent; a measure without a kind of its
    # own (speed of answer, accuracy) takes a percentage, or a time when it is a time
    fitting = [
        (k, h)
        for k, h in kinds
        if (
            (pct or _timed_measure(info, h))
            if k is MetricKind.CUSTOM
            else ((k in _PCT_KINDS) == pct or k is MetricKind.JITTER)
        )
    ]
    # the metric word names the target only when it is near it ("resolve P1 incidents within
    # 4 hours"), not a clause away ("misses a resolution commitment ..., may terminate on
    # 30 days' notice")
    before = [kh for kh in fitting if kh[1][0] < target[0] and _gap(info, kh[1], target) <= _NEAR]
    if before:
        # "the work fixes a flaw, and total maintenance does not exceed 2 hours": the clause
        # after ", and" has a subject of its own
        between = info.lower_words(before[-1][1][1], target[0])
        if not any(a == "," and b in _JOINS for a, b in pairwise(between)) and not _other_clause(
            between
        ):
            return before[-1]
    for kind, hit in fitting:
        if hit[0] < target[1]:
            continue  # a metric word before the target, but too far or a clause away
        if hit[0] - target[1] > _NEAR_AFTER:
            continue  # "within 1 working day if that number falls, naming the date by which it
            # will be restored": the word after belongs to another clause
        # a metric named after its target ("4 hours restore"), not one in the next clause
        # ("retention for 90 days, and restore on request")
        between = info.lower_words(target[1], hit[0])
        joined = any(a == "," and b in _JOINS for a, b in pairwise(between))
        if not (joined or _STOPS.intersection(between)):
            return kind, hit
    return None


def _labelled(
    info: DocInfo, kinds: list[tuple[MetricKind, Hit]], target: Hit, pct: bool
) -> tuple[MetricKind, Hit] | None:
    """The kind a sentence opens with as its label names its targets: "Page load: the median
    time for the home page to load fully, as seen from three locations, shall be under 2
    seconds"."""
    if not kinds:
        return None
    kind, hit = kinds[0]
    first = info.sent_bounds[target[2]][0]
    if hit[0] - first > 1 or info.lower_words(hit[1], hit[1] + 1) != [":"]:
        return None
    if kind is MetricKind.CUSTOM or (kind in _PCT_KINDS) != pct or target[0] < hit[1]:
        return None
    return kind, hit


_MODALS = frozenset({"may", "must", "shall", "will", "can"})
_REMEDY_VERBS = frozenset(
    {"entitles", "entitle", "triggers", "trigger", "earns", "gives", "allows"}
)


def _other_clause(between: list[str]) -> bool:
    """True when the target belongs to a clause of its own: after a semicolon that opens a
    clause with its own modal verb ("marks it as resolved; the customer may reopen it within 48
    hours"), or to a remedy ("missing the response target entitles the Customer to a review
    within 10 days")."""
    if _REMEDY_VERBS.intersection(between):
        return True
    if ";" not in between:
        return False
    after = between[len(between) - between[::-1].index(";") :]
    return bool(_MODALS.intersection(after))


_TIMED_MEASURES = frozenset(
    {
        "speed", "handle", "handling", "asa", "aht", "wait", "waiting", "queue", "queuing",
        "talk", "recovery", "rto", "rpo", "patch", "patches", "patching", "answer", "answers",
        "answered", "answering", "turn", "turns", "turned", "turnaround", "turn-around",
        "turnround",
    }
)  # fmt: skip
"""Words of the measures without a kind of their own whose target is a time."""


def _timed_measure(info: DocInfo, hit: Hit) -> bool:
    """True when the measure of ``hit`` is a time (speed of answer, handle time), not a share
    (accuracy, abandonment): "errors in accuracy corrected within 2 days" sets no accuracy time."""
    return any(w in _TIMED_MEASURES for w in info.lower_words(hit[0], hit[1]))
