"""Metric cards rebuilt from prose, and the rule kinds that read them.

A sentence that names a metric (availability, response, resolution, latency…) and gives
a target (a percentage or a duration) defines a card. Each field is looked up in the
same sentence, then the same block, then the list items of the same numbered paragraph
(where a clause often states the clock and the start event), then any sentence about the
same kind of metric. A resolution word in "remedy the breach" or "resolve the dispute" names
a cure period or a dispute stage, not a metric.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise

from slaforge.lint.cardfields import explanation, other_clock, quote, stop_event
from slaforge.lint.context import CardSite, Context
from slaforge.lint.cues import LATENCY_UNITS
from slaforge.lint.docinfo import DocInfo, Hit
from slaforge.lint.kinds import example_from
from slaforge.lint.model import Finding
from slaforge.lint.restated import check_restated, check_windows, names_a_kind
from slaforge.lint.rules import Rule
from slaforge.metrics import CLOCKED_KINDS, MetricCard, MetricKind

_PCT_KINDS = frozenset(
    {MetricKind.AVAILABILITY, MetricKind.ERROR_RATE, MetricKind.JITTER, MetricKind.THROUGHPUT}
)
_FIELD_CUES = {
    "window": "@window",
    "start_event": "@start",
    "clock": "@clock",
    "source": "@source",
    "customer_access": "@access",
}
_FREQUENCY = frozenset({"every", "each", "any", "previous", "last", "past", "rolling"})
"""Words before a duration that make it a frequency or a look-back period, not a deadline."""
_SPAN = frozenset({"for", "during", "after"})
"""Words before a duration that make it a length of time, not a deadline."""
_BOUND_WORDS = frozenset({"below", "under", "than", "<", "<=", "\u2264", "\u2265", ">=", ">"})
"""Words before a percentage in a credit or termination clause that make it a threshold."""
_NOTICE = frozenset({"notice", "notification"})
_AVERAGE = frozenset({"average", "mean", "averaged"})
_THRESHOLD_KINDS = frozenset({MetricKind.LATENCY, MetricKind.JITTER})
_DOWN = frozenset({"downtime", "unavailable", "unavailability", "outage", "down"})
"""Words of a downtime definition, where a latency figure is a threshold, not a target."""
_STATE = _DOWN | {"considered", "deemed"}
"""Words of a sentence that sets when a state begins ("the Service is considered Up when the
health check answers within 5 seconds"), not a latency target."""
_LOSS_THRESHOLD = _DOWN | {"if", "when", "whenever", "which", "means", "restored", "counts"}
"""Words of a sentence where an error or loss rate is a threshold of some other state
(downtime, restoration, a credit), not a target that needs its period."""
_NEAR = 14
"""Most tokens between a metric word and the target it names."""
_NEAR_AFTER = 4
"""Most tokens between a target and a metric word named after it ("4 hours to restore")."""
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_CLOCKED_VALUES = frozenset(k.value for k in CLOCKED_KINDS)


_STOPS = frozenset({";", ":", ".", "|"})
_PRIORITY_CELL = re.compile(
    r"\s*(?:p\d|s\d|sev(?:erity)?\s*\w|prio(?:rity)?\s*\w|critical|high|medium|low|urgent"
    r"|major|minor|emergency)\b[^|]*\|",
    re.IGNORECASE,
)
"""A table row whose first cell is a priority ("P1 |", "Prio A |", "Severity 2 |")."""
_PRIORITY_NAME = re.compile(
    r"\b(?:(?:p|prio(?:rity)?|sev(?:erity)?|level|category|cat\.?|class|tier)\s*-?\s*"
    r"(?:[0-9](?!\d)|[a-e]\b)"
    r"|(?:critical|urgent|high|medium|moderate|major|minor|low|emergency|standard|hot|warm|"
    r"cold)\s+(?:priority|severity|faults?|incidents?|tickets?|calls?|issues?|requests?|"
    r"defects?|leads?|cases?)\b)",
    re.IGNORECASE,
)
"""A priority a target is set for ("Priority 1", "P2", "Sev 3", "Category B", "a Critical
fault", "Hot leads")."""
_JOINS = frozenset({"and", "or", "but"})
_LIST_LABEL = re.compile(r"^\(?(?:[a-z]{1,2}|[ivx]{1,5})[.)]$|^[-*\u2022]$")
_LIST_MARKER = re.compile(r"^\s*(?:[-*\u2022]|\(?(?:[a-z]{1,2}|[ivx]{1,5})\))\s")


_NOT_A_LEAD = frozenset(
    {"engineer", "engineers", "analyst", "consultant", "contact", "manager", "time", "times",
     "to", "the", "a", "an"}
)  # fmt: skip
"""Words after a "lead" that is a role, a lead time or a verb ("may lead to downtime")."""


def _about_service(info: DocInfo, kind: MetricKind, hit: Hit) -> bool:
    """False for a resolution word that is part of "remedy the breach", "resolve the dispute"
    or "dispute resolution": a cure period or a dispute stage is not a resolution clock; and
    for a "lead" that is a role or a lead time ("call the lead engineer")."""
    if kind is MetricKind.LEAD_FOLLOW_UP_TIME:
        words = info.lower_words(hit[0], hit[1] + 1)
        return not any(a == "lead" and b in _NOT_A_LEAD for a, b in pairwise(words))
    if kind is not MetricKind.RESOLUTION_TIME:
        return True
    return not any(s < hit[1] and hit[0] < e for s, e, _sent in info.hits.get("@not-service", ()))


_KIND_KEYS = tuple((kind, f"@kind:{kind.value}") for kind in MetricKind)


def _kind_hits(info: DocInfo, sent: int) -> list[tuple[MetricKind, Hit]]:
    """The metric words of sentence ``sent`` of ``info``, in order (found once per sentence)."""
    found: dict[int, list[tuple[MetricKind, Hit]]] = info.memo.setdefault("kind-hits", {})
    kinds = found.get(sent)
    if kinds is None:
        kinds = found[sent] = _find_kind_hits(info, sent)
    return kinds


def _find_kind_hits(info: DocInfo, sent: int) -> list[tuple[MetricKind, Hit]]:
    out: list[tuple[MetricKind, Hit]] = []
    for kind, key in _KIND_KEYS:
        if key not in info.sent_keys[sent]:
            continue
        for hit in info.hits[key]:
            if hit[2] == sent and _about_service(info, kind, hit):
                out.append((kind, hit))
    # "Mean Time to Restore" is MTTR, not the "restore" inside it
    out = [
        (k, h)
        for k, h in out
        if not any(o[0] <= h[0] and h[1] <= o[1] and o[1] - o[0] > h[1] - h[0] for _k, o in out)
    ]
    ends = {h[1] for k, h in out if k is MetricKind.CUSTOM}
    out = [
        (k, h)
        for k, h in out
        if k is not MetricKind.CUSTOM or not (_score_label(info, h) or _scored(info, h, ends))
    ]
    out = _without_objects(info, out)
    return sorted(out, key=lambda kh: kh[1][0])


_NOT_SCORE_NAMES = frozenset(
    {"a", "an", "the", "its", "their", "our", "your", "shall", "will", "must", "should", "may",
     "to", "of", "and", "or", "average", "overall", "minimum", "total", "mean", "each", "every"}
)  # fmt: skip
"""Words before "score" that do not name it ("shall score below 70%", "an average score")."""


def _scored(info: DocInfo, hit: Hit, ends: set[int]) -> bool:
    """True for "score" right after the measure it scores ("user satisfaction score")."""
    return hit[0] in ends and info.lower_words(hit[0], hit[1])[-1] in ("score", "scores")


def _score_label(info: DocInfo, hit: Hit) -> bool:
    """True for a score that labels a band rather than sets a target: "hot leads (score 80
    and above)", "score 50 to 79"."""
    if info.lower_words(hit[0], hit[1])[-1] not in ("score", "scores"):
        return False
    before = info.lower_words(hit[0] - 1, hit[0]) if hit[0] > 0 else []
    return before == ["("] or (hit[1] < len(info.doc) and info.doc[hit[1]].like_num)


_VISIT_VERBS = frozenset({"attend", "attends", "respond", "responds", "acknowledge", "answer"})
_WORK_NOUNS = frozenset({"repair", "repairs", "fix", "fixes", "restoration", "resolution"})


def _without_objects(
    info: DocInfo, hits: list[tuple[MetricKind, Hit]]
) -> list[tuple[MetricKind, Hit]]:
    """``hits`` less the work a response verb takes as its object, there and wherever the
    sentence names it again: "attend Emergency reactive repairs within one hour, and Urgent
    reactive repairs within four hours" times the attendance, not the repair."""
    verbs = [
        h
        for k, h in hits
        if k is MetricKind.RESPONSE_TIME and info.doc[h[0]].lower_ in _VISIT_VERBS
    ]
    if not verbs:
        return hits
    objects = {
        info.doc[h[0]].lower_
        for k, h in hits
        if k is MetricKind.RESOLUTION_TIME
        and h[1] - h[0] == 1
        and info.doc[h[0]].lower_ in _WORK_NOUNS
        and any(0 <= h[0] - v[1] <= 3 for v in verbs)
    }
    if not objects:
        return hits
    return [
        (k, h)
        for k, h in hits
        if not (k is MetricKind.RESOLUTION_TIME and info.doc[h[0]].lower_ in objects)
    ]


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


_DEADLINE = frozenset({"within", "in"})
_NEXT_LABEL = frozenset(
    {"priority", "severity", "sev", "level", "category", "class", "tier", "type", "all", "other",
     "for", "in", "at", "on", "any", "each", "every", "within",
     # priorities by name: "and Urgent reactive repairs within four hours"
     "emergency", "urgent", "critical", "high", "medium", "low", "routine", "standard", "major",
     "minor", "normal", "non-urgent"}
)  # fmt: skip
"""Words that open the next rung of a ladder after "and" ("and Priority 3 within 3 days")."""
_CLAIMED = frozenset({"claim", "claims", "claimed", "submitted", "requested"})
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
_SHARE_DUTY = frozenset({"shall", "will", "must", "may"})
_MONEY = frozenset(
    {"fee", "fees", "charge", "charges", "price", "prices", "amount", "value", "revenue", "spend",
     "budget", "cost", "costs", "credit", "credits", "total", "sum", "sums", "liability",
     "contract"}
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


def _share_of_time(info: DocInfo, kind_hit: Hit, target: Hit) -> bool:
    """True when a percentage is the share of items that must meet the time after it."""
    return _timed_measure(info, kind_hit) and any(
        d[2] == target[2] and 0 <= d[0] - target[1] <= _NEAR for d in info.hits.get("@dur", ())
    )


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


def _is_item(info: DocInfo, parent: DocInfo) -> bool:
    """True when ``info`` is a list item under the numbered paragraph ``parent``."""
    loc = info.block.location
    if info.block.is_heading or loc.part != parent.block.location.part:
        return False
    if loc.clause and (loc.clause == parent.block.location.clause or _list_label(loc.clause)):
        return True
    text = info.block.text
    return _may_open_item(text[:1]) and _LIST_MARKER.match(text) is not None


def _may_open_item(first: str) -> bool:
    """False when a text opening with ``first`` cannot match ``_LIST_MARKER`` (as most
    paragraphs, which open with a capital or a number, cannot)."""
    return first.isspace() or first in "-*\u2022(" or "a" <= first <= "z"


def _list_label(clause: str) -> bool:
    return _may_open_item(clause[:1]) and _LIST_LABEL.match(clause) is not None


def _paragraph_groups(ctx: Context) -> dict[int, list[DocInfo]]:
    """Each block's paragraph with its list items (``8.3`` and its ``(a)``, ``(b)`` …),
    keyed by block index: where a metric's clock or start event is often stated."""
    found: dict[int, list[DocInfo]] | None = ctx.memo.get("paragraph-groups")
    if found is None:
        found = ctx.memo["paragraph-groups"] = _find_groups(ctx)
    return found


def _kind_group(ctx: Context, kind: MetricKind) -> list[DocInfo]:
    """The paragraphs that name ``kind`` with their list items, in document order: where a
    table row's metric is set out in prose ("7.5 Incident Response Time. …" and its "(a) The
    clock starts when …")."""
    found: dict[str, list[DocInfo]] | None = ctx.memo.get("kind-groups")
    if found is None:  # every kind's paragraphs, in one pass
        found = ctx.memo["kind-groups"] = {}
        for index, group in _paragraph_groups(ctx).items():
            if len(group) > 1 and group[0].index == index:
                for key in group[0].keys:
                    if key.startswith("@kind:"):
                        found.setdefault(key, []).extend(group)
    return found.get(f"@kind:{kind.value}", [])


def _find_groups(ctx: Context) -> dict[int, list[DocInfo]]:
    groups: dict[int, list[DocInfo]] = {}
    current: list[DocInfo] = []
    parent: DocInfo | None = None
    for info in ctx.infos:
        if parent is not None and _is_item(info, parent):
            current.append(info)
        else:
            current = [info]
            parent = None if info.block.is_heading else info
        groups[info.index] = current
    return groups


def _lookup(
    ctx: Context,
    info: DocInfo,
    sent: int,
    kind: MetricKind,
    key: str,
    group: Sequence[DocInfo] = (),
) -> str | None:
    """A card field: a cue of ``key`` that fits it (see :func:`_rank`) in the target's
    sentence; else a cue that states the field outright, then one that fits it, each looked
    for nearest first: in the block and the list items of its paragraph, the paragraphs on its
    metric (with their items), and the first sentences anywhere that name the metric. A cue
    that names something else states nothing."""
    near: dict[int, tuple[DocInfo, Hit]] = {}
    kind_key = f"@kind:{kind.value}"
    for other, hits in _near_hits(info, sent, key, group):
        for hit in hits:
            if key == "@start" and other_clock(other, hit[2], hit[0], kind_key):
                continue  # ("the response clock starts when …" is not the resolution's start)
            rank = _fit(key, other, hit)
            if rank == 3 or (rank > 1 and other is info and hit[2] == sent):
                return _field_text(key, other, hit)  # (stated outright, or with the target)
            near.setdefault(rank, (other, hit))
    far = _far(ctx, kind, key)
    for rank in (3, 2, 1):
        where = near.get(rank) or far.get(rank)
        if where is not None:
            return _field_text(key, *where)
    return None


def _far(ctx: Context, kind: MetricKind, key: str) -> dict[int, tuple[DocInfo, Hit]]:
    """The first hit of ``key`` of each rank (see :func:`_rank`) in the paragraphs on ``kind``
    (see :func:`_kind_group`), else in the sentences anywhere that name ``kind``; found once
    per document."""
    memo: dict[tuple[MetricKind, str], dict[int, tuple[DocInfo, Hit]]] = ctx.memo.setdefault(
        "lookup", {}
    )
    found = memo.get((kind, key))
    if found is None:
        kind_key = f"@kind:{kind.value}"
        on_kind = _ranked(
            key,
            (
                (i, h)
                for i, h in _hits_in(_kind_group(ctx, kind), key)
                if key != "@start" or not other_clock(i, h[2], h[0], kind_key)
            ),
        )
        anywhere = _ranked(key, ((i, h) for i, h in ctx.hits(key) if kind_key in i.sent_keys[h[2]]))
        found = memo[(kind, key)] = {**anywhere, **on_kind}
    return found


def _ranked(key: str, pairs: Iterable[tuple[DocInfo, Hit]]) -> dict[int, tuple[DocInfo, Hit]]:
    """The first of ``pairs`` of each rank."""
    found: dict[int, tuple[DocInfo, Hit]] = {}
    best = 3 if key in _GRADED else 2
    for other, hit in pairs:
        found.setdefault(_fit(key, other, hit), (other, hit))
        if best in found:
            break
    return found


def _hits_in(blocks: Sequence[DocInfo], key: str) -> Iterator[tuple[DocInfo, Hit]]:
    for info in blocks:
        for hit in info.hits.get(key, ()):
            yield info, hit


def _near_hits(
    info: DocInfo, sent: int, key: str, group: Sequence[DocInfo]
) -> Iterator[tuple[DocInfo, Sequence[Hit]]]:
    """The hits of ``key`` in the target's sentence, its block, then its paragraph's items."""
    hits = info.hits.get(key, ())
    yield info, [h for h in hits if h[2] == sent]
    yield info, hits
    row = key == "@window" and bool(_cell_bars(info))
    for other in group:
        if other is not info and not (row and _cell_bars(other)):
            # (another row of a table has its own window: "| Monthly report | … |" is not
            # the window of the availability in the row above it)
            yield other, other.hits.get(key, ())


_BARE_SOURCE = frozenset({"measured", "measures", "monitored"})
_SOURCE_LINKS = frozenset({"by", "using", "with", "through", "via", "on", "at"})
_SEEING = frozenset(
    {"access", "see", "sees", "view", "views", "inspect", "download", "available", "visible"}
    | {"publish", "publishes", "published", "read", "copy", "share", "shares", "verify"}
    | {"export", "exports", "downloads", "login", "retrieve"}
)
"""Words of a sentence that lets the customer see the measurements."""
_WEAK_ACCESS = frozenset({"portal", "independent", "audit", "third-party"})
"""Access cues that count only in such a sentence ("reports the Incident through the portal"
names how to report, "an independent monitoring company" who measures)."""
_HOURS_WORDS = frozenset({"hours", "hour", "days", "day", "time", "period", "window"})
_WORKING_TIME = frozenset(
    {"business", "working", "operating", "service", "support", "core", "normal", "cover"}
)


_GRADED = frozenset({"@source", "@access", "@start"})
"""The fields whose cues :func:`_rank` tells apart; any cue of another field ranks 2."""


def _fit(key: str, info: DocInfo, hit: Hit) -> int:
    """:func:`_rank` of ``hit``, worked out once per hit."""
    found: dict[tuple[str, Hit], int] = info.memo.setdefault("fit", {})
    rank = found.get((key, hit))
    if rank is None:
        rank = found[(key, hit)] = _rank(key, info, hit)
    return rank


def _rank(key: str, info: DocInfo, hit: Hit) -> int:
    """How well a cue states its field: 3 outright ("the clock starts", "within 2 hours of",
    "measured by", "the Customer can see … on the status page"); 2 when it may; 1 when it is
    part of what a definition explains ('"Response" means a reply to a report'), taken only
    when nothing better is found; 0 when it names something else: "measured" without who
    measures ("the percentage measured for the Window", "Measured Events"), a portal or an
    independent company in a sentence that lets no one see anything, "30 minutes of Business
    Hours" (the clock's hours), "every minute from two countries" (a frequency)."""
    if key == "@source":
        words = info.words(hit[0], hit[1] + 1)
        if len(words) > 2:
            return 3
        if words[0].lower() not in _BARE_SOURCE:
            return 3 if words[-1].lower() == "by" else 2
        opens = hit[0] == info.sent_bounds[hit[2]][0]  # ("Measured by …" opens a sentence)
        if (words[0].islower() or opens) and words[-1].lower() in _SOURCE_LINKS:
            return 3 if words[-1].lower() == "by" else 2
        return 0
    if key == "@access":
        first, last = info.sent_bounds[hit[2]]
        seeing = not _SEEING.isdisjoint(info.lower_words(first, last))
        if hit[1] - hit[0] > 1 or info.lower_words(hit[0], hit[1])[0] not in _WEAK_ACCESS:
            return 3 if seeing else 2
        return 3 if seeing else 0
    if key == "@start":
        if hit[0] > 0 and info.lower_words(hit[0] - 1, hit[0])[0] in _FREQUENCY:
            return 0
        if _working_time(info.lower_words(hit[1], hit[1] + 3)):
            return 0
        if _in_explanation(info, hit):
            return 1
        if hit[1] - hit[0] == 1 and hit[0] > 0:
            before = info.lower_words(hit[0] - 1, hit[0])[0]
            if before in _PASSIVE:
                return 3  # "of the missed collection being reported"
            if before in _ARTICLES:
                return 1  # "a reported missed collection": what is counted, not when
        return 3 if hit[1] - hit[0] > 1 else 2
    return 2


_PASSIVE = frozenset({"being", "been", "is", "was", "are", "were"})
_ARTICLES = frozenset({"a", "an", "the", "each", "every", "any"})


def _working_time(after: list[str]) -> bool:
    """True for the hours a clock counts in ("of Business Hours", "of working days", "of
    Service Desk Hours")."""
    return bool(after) and after[0] in _WORKING_TIME and not _HOURS_WORDS.isdisjoint(after[1:])


def _in_explanation(info: DocInfo, hit: Hit) -> bool:
    """True when ``hit`` is inside what a definition of its sentence explains, up to the
    semicolon that ends it ('"Response" means a reply to a report; …')."""
    for d in info.hits.get("@definition", ()):
        if d[2] == hit[2] and d[1] <= hit[0]:
            between = info.lower_words(d[1], hit[0])
            if ";" not in between and "|" not in between:
                return True
    return False


def _field_text(key: str, info: DocInfo, hit: Hit) -> str:
    """A field as the card shows it: a window or a clock as its cue's words ("each calendar
    month", "business hours"), other fields as the draft's clause around the cue."""
    return info.text_of(hit) if key in ("@window", "@clock") else quote(info, hit)


def _sentence_words(info: DocInfo, sent: int) -> set[str]:
    start, end = info.sent_bounds[sent]
    return set(info.lower_words(start, end))


def _defines_kind(info: DocInfo, kind_hit: Hit, target: Hit) -> bool:
    """True when the metric word is the term a definition explains ("Resolution" means …)
    and the target sits inside the explanation: a deemed-acceptance period, not a target."""
    return any(
        h[2] == target[2] and kind_hit[1] <= h[0] < target[0] and h[0] - kind_hit[1] <= 3
        for h in info.hits.get("@definition", ())
    )


def _scoped_start(ctx: Context, kind: MetricKind) -> str | None:
    """A start event stated once for every time target ("All times run 24x7 from the
    Customer's call", a heading "Service Levels (measured from ticket creation)"): a
    sentence with a start cue and a word about the targets, naming no other clocked metric."""
    own = f"@kind:{kind.value}"
    for info, hit in ctx.hits("@start"):
        keys = info.sent_keys[hit[2]]
        if "@clock-scope" not in keys:
            continue
        kinds = {k for k in keys if k.startswith("@kind:")} - {own}
        if any(k[len("@kind:") :] in _CLOCKED_VALUES for k in kinds):
            continue
        return quote(info, hit)
    return None


def _scoped_window(ctx: Context, kind: MetricKind) -> str | None:
    """A window stated once for every target ("4. Service levels (each calendar month)", "All
    KPIs are measured per calendar month"): a sentence with a window and a word about the
    targets, naming no other kind of metric. Looked up once per document and kind."""
    cache: dict[MetricKind, str | None] = ctx.__dict__.setdefault("_scoped_windows", {})
    if kind in cache:
        return cache[kind]
    own = f"@kind:{kind.value}"
    found = None
    for info, hit in ctx.hits("@window"):
        keys = info.sent_keys[hit[2]]
        if "@clock-scope" not in keys:
            continue
        if any(k.startswith("@kind:") and k != own for k in keys):
            continue
        found = info.text_of(hit)
        break
    cache[kind] = found
    return found


_ALL_TARGETS = re.compile(
    r"\b(?:any|each|every|all|these|those|the above|either|both) (?:of (?:the|these) )?"
    r"(?:measures?|metrics?|kpis?|targets?|indicators?|service levels?|performance levels?)\b",
    re.I,
)
"""A sentence about every target of its section ("fails any measure in 8.1 ... in a month")."""


def _section_window(ctx: Context, info: DocInfo, kind: MetricKind) -> str | None:
    """A window stated in the same section as the target, in a sentence that names no other
    kind of metric ("8.1 ... | Round-trip latency | Under 15 ms |" and "8.3 If a node fails
    any measure in 8.1 for more than 4 hours in a month"): the section's targets are
    assessed over it. Looked up once per document."""
    path = info.block.location.heading_path
    if not path:
        return None
    cache: dict[tuple[str, ...], list[tuple[set[str], str]]] | None = ctx.__dict__.get(
        "_section_windows"
    )
    if cache is None:
        cache = {}
        for other, hit in ctx.hits("@window"):
            keys = other.sent_keys[hit[2]]
            if not _ALL_TARGETS.search(other.sentence_text(hit[2])) and (
                "@clock-scope" not in keys or any(k.startswith("@kind:") for k in keys)
            ):
                continue  # a window of something else ("credits are capped in each month")
            where = tuple(other.block.location.heading_path)
            cache.setdefault(where, []).append((set(), other.text_of(hit)))
        ctx.__dict__["_section_windows"] = cache
    found = cache.get(tuple(path))
    return found[0][1] if found else None


def _definition(ctx: Context, kind: MetricKind) -> str | None:
    """What the document's definition of a metric of ``kind`` says it is: from the first
    definition whose term names the kind ('"Resolution Time" means …'), else from the first
    sentence that defines something and names the kind."""
    found: dict[str, tuple[DocInfo, Hit]] | None = ctx.memo.get("kind-definitions")
    if found is None:  # every kind's definition, in one pass
        named: dict[str, tuple[DocInfo, Hit]] = {}
        anywhere: dict[str, tuple[DocInfo, Hit]] = {}
        for info in ctx.blocks_with("@definition"):
            for hit in info.hits["@definition"]:
                keys = [k for k in info.sent_keys[hit[2]] if k.startswith("@kind:")]
                if not keys or not _defines(info, hit):
                    continue
                for key in keys:
                    if key in named:
                        continue
                    if _names_term(info, key, hit):
                        named[key] = (info, hit)
                    elif key not in anywhere:
                        anywhere[key] = (info, hit)
        found = ctx.memo["kind-definitions"] = {**anywhere, **named}
    where = found.get(f"@kind:{kind.value}")
    return explanation(*where) if where else None


def _names_term(info: DocInfo, key: str, definition: Hit) -> bool:
    """True when a metric word of ``key`` is the term that ``definition`` explains (it ends
    at most three tokens before the cue: 'Response Time" means')."""
    return any(
        h[2] == definition[2] and h[1] <= definition[0] and definition[0] - h[1] <= 3
        for h in info.hits.get(key, ())
    )


def _on_kind(ctx: Context, kind: MetricKind, what: str) -> str | None:
    """The stop event (``what`` "stop") or the own definition ("own") stated in the
    paragraphs on ``kind`` (see :func:`_kind_group`), found once per document."""
    memo: dict[tuple[MetricKind, str], str | None] = ctx.memo.setdefault("on-kind", {})
    if (kind, what) not in memo:
        blocks, key = _kind_group(ctx, kind), f"@kind:{kind.value}"
        found = stop_event(blocks, key) if what == "stop" else _own_definition(blocks, key)
        memo[(kind, what)] = found
    return memo[(kind, what)]


def _defines(info: DocInfo, hit: Hit) -> bool:
    """False for a definition cue that is a word of a name (the "Mean" of "Mean Time to
    Restore") or that points at a definition made elsewhere ("what counts as met", "as
    defined in clause 3")."""
    word = info.words(hit[0], hit[0] + 1)[0]
    after = info.lower_words(hit[1], hit[1] + 1)
    if word == "Mean" or after == ["time"]:
        return False
    if word.lower() == "defined" and after not in (["as"], [":"]):
        return False  # "the defined Priority levels", "as defined in clause 3"
    # "stops when the site again meets what counts as met": a reference, not a definition
    return hit[0] == 0 or info.lower_words(hit[0] - 1, hit[0]) != ["what"]


def _own_definition(near: Sequence[DocInfo], key: str) -> str | None:
    """What counts as meeting the target, stated with it: a definition in the blocks ``near``
    it (its paragraph, list items and the paragraphs on its metric) whose term is the metric,
    or that says what "counts as" meeting it."""
    for other in near:
        for hit in other.hits.get("@definition", ()):
            if not _defines(other, hit):
                continue
            words = other.lower_words(hit[0], hit[0] + 1)
            if _names_term(other, key, hit) or words[0] in ("counts", "count", "is"):
                return explanation(other, hit)
    return None


_CUSTOMER_ACTS = re.compile(
    r"\b(?:customers?|clients?|licensees?|buyers?|subscribers?|you)\s+(?:shall|must|will|should"
    r"|agrees? to|(?:is|are) required to|(?:does|do|did) not|fails? to|failed to)\s+(?:\w+\s+)?$"
    r"|\b(?:customers?|clients?|licensees?|buyers?|subscribers?)\b[^.;]{0,60}\b(?:(?:does|do|did)"
    r" not|fails? to|failed to)\s+$",
    re.I,
)
"""The customer as the one who acts before a response verb ("the Customer shall respond",
"or fails to respond"): its own duty or a condition on it, not a service level."""


_LEAD_BOUND = (
    ["no", "later", "than"],
    ["not", "later", "than"],
    ["at", "least"],
    ["not", "less", "than"],
    ["no", "less", "than"],
)
_LEAD_AFTER = frozenset({"before", "prior", "ahead"})
_CONDITION = frozenset({"provided", "if", "where", "unless", "when", "once", ",", ";", ":"})
_ASKING = frozenset(
    {"book", "booked", "notify", "notified", "notice", "request", "requested", "order", "ordered",
     "submit", "submitted", "raise", "raised", "cancel", "cancelled", "tell", "told", "ask",
     "asked", "inform", "informed"}
)  # fmt: skip
"""What a customer does ahead of an event (books, notifies, orders): its lead time is no
service level."""


def _lead_time(info: DocInfo, target: Hit) -> bool:
    """True for a duty done a set time before an event: "Payslips shall be published no later
    than two Working Days before each Pay Date", "contract letters shall be issued at least five
    Working Days before the start date" (not a condition on the customer: "provided the Company
    has submitted the offer at least 15 Working Days before the start date")."""
    before = info.lower_words(max(target[0] - 3, 0), target[0])
    if not any(before[-len(b) :] == b for b in _LEAD_BOUND):
        return False
    after = info.lower_words(target[1], target[1] + 1)
    if not _LEAD_AFTER.intersection(after):
        return False
    first = info.sent_bounds[target[2]][0]
    clause = info.lower_words(first, target[0])
    cut = max((i for i, w in enumerate(clause) if w in _CONDITION), default=-1)
    duty = clause[cut + 1 :]
    if _ASKING.intersection(duty):
        return False  # "every delivery must be booked at least 24 hours before arrival"
    return bool(_SHARE_DUTY.intersection(duty)) and not _customer_acts(info, target[2], target)


def _lead_name(info: DocInfo, target: Hit) -> str:
    """ "time before each pay date": the event a lead time is counted back from."""
    last = info.sent_bounds[target[2]][1]
    words = info.lower_words(target[1], min(target[1] + 6, last))
    if words[:2] == ["prior", "to"]:
        words = ["before", *words[2:]]
    end = next(
        (i for i, w in enumerate(words) if w in _STOPS or w in _CONDITION or w == "for"),
        len(words),
    )
    return "time " + " ".join(words[:end])


def _customer_acts(info: DocInfo, sent: int, kind_hit: Hit) -> bool:
    first, _last = info.sent_bounds[sent]
    begin, _end = info.chars(first, first)
    start, _stop = info.chars(kind_hit[0], kind_hit[1])
    return begin <= start and _CUSTOMER_ACTS.search(info.block.text, begin, start) is not None


def build_cards(ctx: Context) -> list[CardSite]:
    """Every metric card defined in the document, in document order."""
    sites: list[CardSite] = []
    definitions: dict[MetricKind, str | None] = {}
    exclusions = next(
        (quote(i, h) for i in ctx.infos for h in i.hits.get("@exclusion", ())[:1]), None
    )
    remedy = next((quote(i, h) for i in ctx.infos for h in i.hits.get("@remedy", ())[:1]), None)
    groups = _paragraph_groups(ctx)
    header: DocInfo | None = None
    for info in ctx.infos:
        header = _table_header(info, header) if "|" in info.block.text else None
        if info.block.is_heading or _in_dispute_part(info):
            continue
        counted: list[CardSite] = []
        if "@rate" in info.keys or "@score" in info.keys:
            group = groups.get(info.index, [])
            counted = _count_sites(ctx, info, group, definitions, exclusions, remedy)
        if "@metric" not in info.keys:
            sites.extend(counted)
            continue
        before_block = len(sites)
        targets = _outermost(info)
        example = example_from(info)
        if example is not None:
            # a worked example's figures illustrate the formula; they define no metric
            targets = [t for t in targets if t[0][2] < example]
        seen: set[tuple[int, MetricKind, str]] = set()
        previous: tuple[Hit, MetricKind] | None = None
        for target, pct in sorted(targets, key=lambda t: (t[0][0], t[0][0] - t[0][1])):
            kinds = _kind_hits(info, target[2])
            picked = _pick_kind(info, kinds, target, pct)
            carried = None
            if not pct and previous is not None:
                carried = _continued(info, kinds, previous, target)
            picked = carried or picked
            if picked is None or picked[0] is MetricKind.CUSTOM:
                picked = _labelled(info, kinds, target, pct) or picked
            if picked is None and pct:
                picked = _of_the_time(info, target) or _share_of_items(info, target)
            elif picked is None and _lead_time(info, target):
                picked = MetricKind.CUSTOM, target  # "published no later than two Working
                # Days before each Pay Date"
            elif picked is None and _quick_share(info, target):
                picked = MetricKind.LATENCY, target  # "90% of screen transitions shall
                # complete within 1.5 seconds"
            if picked is None:
                continue
            kind, kind_hit = picked
            text = " ".join(info.text_of(target).split())  # "4\u00a0hours" as "4 hours"
            if not pct and kind is MetricKind.RESPONSE_TIME:
                unit = text.split()[-1].lower()
                if unit in LATENCY_UNITS:
                    kind = MetricKind.LATENCY
            if kind is MetricKind.RESOLUTION_TIME and _AVERAGE.intersection(
                info.lower_words(max(target[0] - 3, 0), target[0])
                + info.lower_words(max(kind_hit[0] - 3, 0), kind_hit[0])
                + info.lower_words(kind_hit[1], max(target[0], kind_hit[1]))
            ):
                kind = MetricKind.MTTR  # "repair faults within an average of 5 hours", "the
                # average time to restore service", "return it to service in a mean time of"
            if pct and kind is MetricKind.CUSTOM and _share_of_time(info, kind_hit, target):
                continue  # "answer 80% of calls within 20 seconds": the share, not the target
            if kind in _THRESHOLD_KINDS and _STATE.intersection(_sentence_words(info, target[2])):
                continue  # "latency above 2 seconds counts as downtime": a downtime rule
            if not pct and kind in CLOCKED_KINDS and _customer_acts(info, target[2], kind_hit):
                continue  # "the Customer shall reply within 5 days": the customer's own duty
            if not pct and _CLAIMED.intersection(info.lower_words(kind_hit[1], target[0])):
                continue  # "credits for missed response times must be claimed within 7 days"
            if not pct and kind in CLOCKED_KINDS and _above(info, target[0]):
                continue  # "| Severity 1 response later than 60 minutes | 5% |": a miss
            if kind in _ABOVE_KINDS and _above(info, target[0]):
                continue  # "Degraded service: packet loss above 1%": when a state begins
            if pct and kind is MetricKind.AVAILABILITY and (_value(text) or 100) < 50:
                continue  # "periods in which fewer than 5% of users are affected": a threshold
            # measures without a kind of their own are told apart by name ("the Recovery Time
            # Objective is 4 hours and the Recovery Point Objective 30 minutes")
            name = _custom_name(info, kind_hit, target) if kind is MetricKind.CUSTOM else ""
            if kind is MetricKind.CUSTOM and kind_hit == target and not pct:
                name = _lead_name(info, target)
            if (target[2], kind, name) in seen and carried is None:
                continue
            if pct and kind is MetricKind.AVAILABILITY and (_value(text) or 0) >= 100:
                continue
            before = info.lower_words(target[0] - 1, target[0])[0] if target[0] > 0 else ""
            if before in ("=", "\u2248"):
                continue
            if not pct and before in _FREQUENCY:
                continue  # "every 30 minutes", "in any 2 months": not a deadline
            if not pct and kind in CLOCKED_KINDS and target[0] > 0 and before in _SPAN:
                continue  # "kept on site for 30 days": how long, not how soon
            if not pct and "consecutive" in text.lower().split():
                continue  # "missed in two consecutive months": a count of periods
            if _defines_kind(info, kind_hit, target):
                continue  # '"Resolution" means ... not objected within 8 hours'
            if not pct and _NOTICE.intersection(info.lower_words(target[1], target[1] + 3)):
                continue  # "terminate on 30 days' written notice": a notice period
            seen.add((target[2], kind, name))
            if kind not in definitions:
                definitions[kind] = _definition(ctx, kind)
            group = groups.get(info.index, [])
            card = _card(ctx, info, target, kind, text, pct, definitions[kind], group)
            if not pct and card.counts_as_met is None:
                card.counts_as_met = _share(info, target)
            card.priorities = _priorities(info, target, previous)
            if kind is MetricKind.CUSTOM:
                card.name = name
            card.exclusions = exclusions
            card.remedy = remedy
            start = min(kind_hit[0], target[0])
            end = max(kind_hit[1], target[1])
            qualified = "@qualifier" in info.sent_keys[target[2]] or "@qualifier" in info.keys
            bound = before in _BOUND_WORDS and _remedy_row(info, header)
            sites.append(CardSite(card, info, target[2], start, end, qualified, bound))
            previous = (target, kind)
        if len(sites) == before_block and _cell_bars(info):
            sites.extend(_row_sites(ctx, info, header, exclusions, remedy, definitions))
        if _cell_bars(info) and any(site.tier_bound for site in sites[before_block:]):
            # "| Below 99.9% and at least 99.5% | 5% |": both figures bound one credit band
            for site in sites[before_block:]:
                site.tier_bound = True
        if counted:
            sites[before_block:] = sorted([*sites[before_block:], *counted], key=_position)
    return sites


def _position(site: CardSite) -> tuple[int, int]:
    return site.sent, site.start


def _in_dispute_part(info: DocInfo) -> bool:
    """True for a block under a dispute heading: "time to resolve at this level" in an
    escalation table sets no service level."""
    return any("dispute" in heading.lower() for heading in info.block.location.heading_path)


_AT_LEAST = frozenset(
    {"least", "fewer", "less", "minimum", "sustain", "sustains", "handle", "handles", "process"}
)
"""Words that make a rate a floor the provider commits to ("no fewer than 5,000 pages per
day"), not a charge or an allowance ("£40 per hour", "up to 10 requests per day")."""


_LONG_PERIODS = frozenset({"week", "month", "quarter"})
_RATE_LINKS = frozenset({"per", "a", "an", "in", "each", "every", "/"})


def _counted(text: str) -> str:
    """What a volume counts: "150 Sales-Qualified Leads per month" -> "Sales-Qualified Leads"."""
    words = text.split()
    end = next((i for i, w in enumerate(words) if w.lower() in _RATE_LINKS), len(words))
    return " ".join(words[1:end])


def _count_sites(
    ctx: Context,
    info: DocInfo,
    group: Sequence[DocInfo],
    definitions: dict[MetricKind, str | None],
    exclusions: str | None,
    remedy: str | None,
) -> list[CardSite]:
    """Cards for targets that are counts: a rate the provider sustains is a throughput ("at
    least 1,200 transactions per second", "400 qualified leads in each calendar month", named
    by what it counts), a score on a scale a measure of its own ("4.2 out of 5")."""
    out: list[CardSite] = []
    for key, kind in (("@rate", MetricKind.THROUGHPUT), ("@score", MetricKind.CUSTOM)):
        for hit in info.hits.get(key, ()):
            sent = hit[2]
            named = [h for k, h in _kind_hits(info, sent) if k is kind and h[0] < hit[0]]
            floor = _AT_LEAST.intersection(info.lower_words(max(hit[0] - 3, 0), hit[0]))
            if key == "@rate" and not (named or floor):
                continue
            kind_hit = named[-1] if named else hit
            if _customer_acts(info, sent, kind_hit):
                continue  # "the Customer shall send no fewer than 50 records per day"
            if kind not in definitions:
                definitions[kind] = _definition(ctx, kind)
            text = " ".join(info.text_of(hit).split())
            card = _card(ctx, info, hit, kind, text, False, definitions[kind], group)
            if kind is MetricKind.CUSTOM:
                card.name = info.text_of(kind_hit).lower() if named else "score"
            elif info.lower_words(hit[1] - 1, hit[1])[0] in _LONG_PERIODS:
                # "150 qualified leads per month": a volume counted over its window
                card.unit = _counted(text)
                card.name = card.unit.lower()
            card.exclusions = exclusions
            card.remedy = remedy
            qualified = "@qualifier" in info.sent_keys[sent] or "@qualifier" in info.keys
            start, end = min(kind_hit[0], hit[0]), max(kind_hit[1], hit[1])
            out.append(CardSite(card, info, sent, start, end, qualified))
    return out


def _remedy_row(info: DocInfo, header: DocInfo | None) -> bool:
    """True when a credit or another remedy is named in the block or its table's header."""
    return "@remedy" in info.keys or (header is not None and "@remedy" in header.keys)


_ABOVE_KINDS = frozenset({MetricKind.ERROR_RATE, MetricKind.LATENCY, MetricKind.JITTER})
_ABOVE = frozenset(
    {"above", "over", "exceeds", "exceeding", "exceed", "exceeded", "beyond", ">", ">="}
)


def _above(info: DocInfo, start: int) -> bool:
    """True when a loss, error or delay figure is a lower bound ("packet loss above 1%",
    "latency of more than 200 ms"): the level at which some state (a fault, a priority,
    degraded service) begins, not a target, which is an upper bound ("below", "no more
    than")."""
    words = info.lower_words(max(start - 3, 0), start)
    if not words:
        return False
    if words[-1] in _ABOVE:
        return len(words) < 2 or words[-2] not in ("not", "never", "no")
    return (
        len(words) >= 2
        and words[-1] == "than"
        and words[-2] in ("more", "greater", "higher", "longer", "later")
        and (len(words) < 3 or words[-3] not in ("no", "not"))
    )


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


def _cell_bars(info: DocInfo) -> list[int]:
    """Token indexes of the ``|`` cell separators of a table row written as text (found once
    per block)."""
    if "|" not in info.block.text:
        return []
    bars: list[int] | None = info.memo.get("cell-bars")
    if bars is None:
        view = info.view
        text = info.block.text
        bars = info.memo["cell-bars"] = [
            i
            for i, (at, size) in enumerate(zip(view.idx, view.lengths, strict=True))
            if size == 1 and text[at] == "|"
        ]
    return bars


def _table_header(info: DocInfo, header: DocInfo | None) -> DocInfo | None:
    """The header row in force at ``info``: a row of words only ("Priority | Response |
    Resolution"), kept for the rows below it; any block that is not a row ends the table."""
    if info.block.is_heading or not _cell_bars(info):
        return None
    if not any(map(str.isdigit, info.block.text)):
        return info
    return header


def _cell_kinds(header: DocInfo) -> dict[int, MetricKind]:
    """The metric each column of a header row names, by column number."""
    return {column: kind for column, (kind, _hit) in _cell_measures(header).items()}


def _cell_measures(header: DocInfo) -> dict[int, tuple[MetricKind, Hit]]:
    """The metric each column of a header row names and the words that name it."""
    bars = _cell_bars(header)
    kinds: dict[int, tuple[MetricKind, Hit]] = {}
    for kind, hit in _kind_hits(header, 0) if header.sent_bounds else []:
        kinds.setdefault(sum(b < hit[0] for b in bars), (kind, hit))
    return kinds


_BAND_ROW = re.compile(
    r"\|\s*(?:over|above|more than|greater than|>)\s*\d"
    r"|\d(?:\.\d+)?\s*(?:ms|%)?\s*(?:-|\u2013|\u2014|to)\s*\d+(?:\.\d+)?\s*(?:ms|%|seconds|minutes)",
    re.I,
)
"""A cell that gives a band ("151-300 ms", "over 1% to 3%", "| over 50 ms |"): the row
grades or prices results, it does not set a target."""
_GRADE_HEAD = re.compile(
    r"\s*\|?\s*(?:grade|band|rating|rag|score|quality|classification)(?:\s+\w+)?\s*\|", re.I
)
"""The first column of a table that grades results ("| Grade | Latency | Jitter |")."""


def _row_sites(
    ctx: Context,
    info: DocInfo,
    header: DocInfo | None,
    exclusions: str | None,
    remedy: str | None,
    definitions: dict[MetricKind, str | None],
) -> list[CardSite]:
    """Cards for a table row that names no metric itself ("P1 | 30 min | 4 h"): each figure
    takes its metric from the column heading; a priority row with no heading gives a response
    and then a resolution time, the order of every priority matrix. A table summarises what the
    prose sets out, so the start event may be stated anywhere in the document."""
    bars = _cell_bars(info)
    if _BAND_ROW.search(info.block.text) or (
        header is not None and _GRADE_HEAD.match(header.block.text)
    ):
        return []  # "| Fair | 151-300 ms | over 1% to 3% |": a grade's band, not a target
    names: dict[int, str] = {}
    if header is not None and header is not info:
        measures = _cell_measures(header)
        columns = {column: kind for column, (kind, _hit) in measures.items()}
        # a measure without a kind is a column of times when its heading is a time ("| Recovery
        # Time Objective (RTO) |", "| Handle time |"), named by that heading
        names = {
            column: header.text_of(hit).lower()
            for column, (kind, hit) in measures.items()
            if kind is MetricKind.CUSTOM and _timed_measure(header, hit)
        }
    elif _PRIORITY_CELL.match(info.block.text):
        columns = {}
        durs = sorted(info.hits.get("@dur", ()))[:2]
        order = (MetricKind.RESPONSE_TIME, MetricKind.RESOLUTION_TIME)[: len(durs)]
        for kind_of, hit in zip(order, durs, strict=True):
            columns[sum(b < hit[0] for b in bars)] = kind_of
    else:
        return []
    out: list[CardSite] = []
    for target, pct in sorted(_outermost(info)):
        at = sum(b < target[0] for b in bars)
        column = columns.get(at)
        if column is None or (column is MetricKind.CUSTOM and (pct or at not in names)):
            continue
        kind = column
        if (kind in _PCT_KINDS) != pct and kind is not MetricKind.JITTER:
            continue
        text = " ".join(info.text_of(target).split())
        if pct and kind is MetricKind.AVAILABILITY and not 50 <= (_value(text) or 0) < 100:
            continue
        if kind not in definitions:
            definitions[kind] = _definition(ctx, kind)
        card = _card(ctx, info, target, kind, text, pct, definitions[kind])
        if at in names:
            card.name = names[at]
        if kind in CLOCKED_KINDS and not card.start_event:
            card.start_event = next(
                (quote(i, h) for i, h in ctx.hits("@start") if _fit("@start", i, h) > 1), None
            )
        card.exclusions = exclusions
        card.remedy = remedy
        first_cell = _PRIORITY_NAME.match(info.block.text.lstrip(" |"))
        card.priorities = [first_cell.group(0)] if first_cell else []
        before = info.lower_words(target[0] - 1, target[0])[0] if target[0] > 0 else ""
        bound = before in _BOUND_WORDS and _remedy_row(info, header)
        out.append(CardSite(card, info, target[2], target[0], target[1], True, bound))
    return out


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


def check_card(rule: Rule, ctx: Context) -> list[Finding]:
    """Report each card of the rule's metrics that lacks one of the required fields, unless
    the document has one of the rule's ``unless`` phrases anywhere."""
    if ctx.words < rule.min_words:
        return []
    if rule.unless and ctx.has_key(f"{rule.code}|u"):
        return []  # the document is of a kind the rule does not apply to
    out: list[Finding] = []
    for site in ctx.cards:
        card = site.card
        if rule.metrics and card.kind not in rule.metrics:
            continue
        if card.kind is MetricKind.ERROR_RATE and _LOSS_THRESHOLD.intersection(
            _sentence_words(site.info, site.sent)
        ):
            continue  # "down in any minute in which packet loss exceeds 1%": a threshold
        missing = [f for f in rule.require if not getattr(card, f)]
        if (
            "window" in missing
            and card.unit != "%"
            and (_per_event(site) or _PER_EVENT_NAME.search(card.name))
            and "%" not in (card.counts_as_met or "")
        ):
            missing.remove("window")
        if not missing:
            continue
        start, end = site.info.chars(site.start, site.end)
        message = rule.message.format(
            metric=card.name,
            target=card.target_text,
            missing=", ".join(m.replace("_", " ") for m in missing),
        )
        out.append(
            ctx.finding(rule, site.info, start, end, message, {"missing": ",".join(missing)})
        )
    return out


_PER_EVENT = re.compile(
    r"\b(?:each|every|any single|no single|no individual)\s+(?!(?:calendar\s+)?"
    r"(?:day|week|month|quarter|year|hour|minute)s?\b)[a-z]",
    re.I,
)
"""A limit for every event ("each position report shall appear within 90 seconds"): a
maximum, not an average that needs a period."""


_PER_EVENT_NAME = re.compile(
    r"\b(?:patch\w*|rto|rpo|recovery (?:time|point) objective)$|^(?:answer|turn|call|time before)"
)
"""Measures that bound every event (each patch, each recovery, each call answered, each job
turned round), not an average over a period."""


def _per_event(site: CardSite) -> bool:
    info = site.info
    first, last = info.sent_bounds[site.sent]
    if first >= last:
        return False
    begin, _end = info.chars(first, last)
    _start, stop = info.chars(site.start, site.end)
    return _PER_EVENT.search(info.block.text, begin, stop) is not None


def _value(text: str | None) -> float | None:
    if not text:
        return None
    found = _NUMBER.search(text)
    return float(found.group().replace(",", ".")) if found else None


_COUNTED_PERIODS = re.compile(
    r"\b(?:in|during|for) (?:any|each of|at least) (?:two|three|four|five|six|\d+)"
    r" (?:or more )?(?:separate |different |calendar )?(?:months|quarters|weeks|periods)\b"
    r"|\b(?:two|three|four|five|six|\d+) (?:or more )?(?:calendar )?(?:months|quarters)"
    r" (?:in|of|out of|within) (?:any|a|the|each)\b",
    re.I,
)
"""A number of periods counted within a longer one ("in any two months of a rolling twelve-
month period", "three months out of any six"): the longer period counts misses, it is not the
window the target is measured over."""


def check_consistency(rule: Rule, ctx: Context) -> list[Finding]:
    """Flag a metric measured over a different window than where it was first stated (or, for
    ``check: restated``, any value stated twice with different figures)."""
    if rule.check == "restated":
        return check_restated(rule, ctx)
    if rule.check == "plain-days":
        return check_plain_days(rule, ctx)
    out: list[Finding] = []
    first: dict[str, CardSite] = {}
    for site in ctx.cards:
        kind = site.card.name  # measures without a kind of their own are told apart by name
        if _COUNTED_PERIODS.search(site.info.block.text):
            continue  # "below 99.5% in any two months of a rolling year": a count of misses
        earlier = first.get(kind)
        if earlier is None and site.tier_bound:
            continue
        if earlier is None:
            first[kind] = site
            continue
        if site.qualified or earlier.qualified or site.tier_bound:
            continue
        ta, tb = earlier.card.target, site.card.target
        if ta and tb and _figure(ta) != _figure(tb) and earlier.card.unit == site.card.unit:
            continue  # 99.95% per calendar month and an objective of 99.99% over 28 days: two
            # targets, each with its own window, not one target measured two ways
        wa, wb = earlier.card.window, site.card.window
        differs = bool(wa and wb and _norm(wa) != _norm(wb))
        if wa and wb and differs:
            if wa not in earlier.info.block.text or wb not in site.info.block.text:
                differs = False  # a window borrowed from another part of the document
            elif names_a_kind(earlier.info.block.text, wa) or names_a_kind(
                site.info.block.text, wb
            ):
                differs = False  # "weekly restore points": a kind of point, not a window
        what = f"'{wa}' elsewhere"
        if differs:
            start, end = site.info.chars(site.start, site.end)
            message = rule.message.format(metric=site.card.name, other=what)
            out.append(ctx.finding(rule, site.info, start, end, message))
    # windows of measures the cards do not know, or stated without a target (restated/)
    flagged = {id(f.location) for f in out}
    out.extend(f for f in check_windows(rule, ctx) if id(f.location) not in flagged)
    return out


def _figure(target: str) -> str:
    """A target's figure without its formatting ("99.90%" and "99.9" are one figure)."""
    digits = re.sub(r"[^\d.]", "", target)
    try:
        return str(float(digits))
    except ValueError:
        return target.strip().lower()


_NUM_WORDS = {
    "one": "1",
    "three": "3",
    "six": "6",
    "twelve": "12",
    "two": "2",
    "a": "1",
    "each": "1",
}


_UNIT_WORDS = frozenset({"day", "week", "month", "quarter", "year", "daily", "weekly", "monthly"})
_UNIT_WORDS |= {"quarterly", "yearly"}


def _norm(window: str) -> str:
    """``"per calendar month"`` and ``"monthly"`` -> ``"month"``; ``"rolling 12-month"`` differs;
    ``"rolling 30 days"`` is ``"each rolling 30-day period"``."""
    words = window.lower().replace("-", " ").split()
    units = [w for w in words if w.rstrip("s") in _UNIT_WORDS or w.startswith("annual")]
    stem = units[-1] if units else words[-1] if words else ""
    for known in ("month", "quarter", "year", "annual", "week", "day"):
        if known in stem:
            stem = "year" if known == "annual" else known
    digits = [w for w in words if w.isdigit()]
    count = digits[0] if digits else next((_NUM_WORDS[w] for w in words if w in _NUM_WORDS), "1")
    rolling = "rolling " if "rolling" in words else ""
    return f"{rolling}{count} {stem}"


_ARITH = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*(?:/|÷|divided by)\s*(\d[\d,]*(?:\.\d+)?)\s*(?:=|is|equals)\s*"
    r"(\d+(?:\.\d+)?)\s*%"
)


def check_numeric(rule: Rule, ctx: Context) -> list[Finding]:
    """Percentages above 100, and worked examples whose arithmetic is wrong."""
    out: list[Finding] = []
    if rule.check == "percent-over-100":
        for info in ctx.blocks_with("@pct"):
            for hit in info.hits["@pct"]:
                keys = info.sent_keys[hit[2]]
                if "@kind:availability" not in keys and "@kind:error_rate" not in keys:
                    continue
                value = _value(info.doc[hit[0]].text)
                if value is None or value <= 100:
                    continue
                after = info.lower_words(hit[1], hit[1] + 4)
                if after[:1] == ["of"] and _QUANTITIES.intersection(after[1:]):
                    continue  # "more than 110% of the Forecast Volume": a share of a quantity
                out.append(ctx.hit_finding(rule, info, hit))
        return out
    for info in ctx.blocks_containing(("/", "\u00f7", "divided by")):
        for m in _ARITH.finditer(info.block.text):
            a = float(m.group(1).replace(",", ""))
            b = float(m.group(2).replace(",", ""))
            c = float(m.group(3))
            decimals = len(m.group(3).partition(".")[2])
            if b and abs(a / b * 100 - c) > 0.5 * 10**-decimals + 1e-9:
                out.append(ctx.finding(rule, info, m.start(), m.end()))
    return out


_QUANTITIES = frozenset(
    {"forecast", "volume", "volumes", "fee", "fees", "charge", "charges", "price", "prices",
     "amount", "value", "baseline", "capacity", "quota", "allowance", "limit", "estimate",
     "average", "budget", "rate", "demand", "load", "plan", "planned", "contracted", "committed"}
)  # fmt: skip
"""What a percentage above 100 may rightly be a share of ("110% of the Forecast Volume")."""

_DAY_WORDS = {"twenty": 20, "thirty": 30}
_DAY_CLOCK = re.compile(r"\b(?:business|working|banking|trading)[ -]days?\b", re.I)
_CALENDAR_RULE = re.compile(
    r"\bdays?\b[^.;|]{0,40}\b(?:are|is|mean|means|refers? to)\b[^.;|]{0,15}\bcalendar days?\b",
    re.I,
)
"""A document that says plain days are calendar days ("references to days are to calendar
days"): its plain days are defined."""
_PLAIN_DAYS = re.compile(
    r"(?=[\dotfsen])"  # (what a figure opens with: other places are tested no further)
    r"\b(?P<num>\d{1,3}|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|fourteen|fifteen|twenty|thirty)\s*(?:\(\d{1,3}\)\s*)?days?\b(?![-\u2019'])",
    re.I,
)
_CELL_START = re.compile(r"\|\s*(?:within\s+)?$", re.I)
_SILENCE = re.compile(
    r"(?:\bnot|n't|n\u2019t|\bnever|\bfails? to|\bfailure to)\s+(?:\w+\s+){0,4}?(?:within|in)\s+$",
    re.I,
)
_LEAD_WORD = re.compile(r"\b(within|in|than|to|of)\s*$", re.I)
_DAYS_NOT_DEADLINE = re.compile(
    r"^\s*(?:['\u2019]|notice|old|ago|a (?:year|week|month)|per\b|in advance|before|prior|later"
    r"|after the end|from the end|of (?:the )?(?:end|close) of"
    r"|of (?:the )?(?:receipt of )?(?:an? |the |each )?invoice"
    r"|of (?:the )?(?:date of )?(?:the )?(?:invoice|termination|expiry))",
    re.I,
)
_PROVIDER_TASK = re.compile(
    r"\b(?:install|provision|deliver|resol|fix|repair|restor|clos|complet|implement|respon|attend"
    r"|replac|activat|port(?:s|ed|ing)?\b|rectif|turn-?around|lead[- ]time|set up|onboard|connect"
    r"|dispatch|ship|investigat|correct|remed|fulfil|process|made available|make available"
    r"|provid|send|sent|issu|publish|return)",
    re.I,
)
_NOT_SERVICE_DAYS = re.compile(
    r"\b(?:claim|credit|refund|invoice|payment|payable|paid|dispute|terminat|notice|renew|warrant"
    r"|retain|retention|kept|keep|stor(?:e|ed|age)|delet|purg|archiv|trial|probation)\w*"
    r"|\b(?:the customer|the client|you|customer)\s+(?:must|shall|will|should|may|can|need)",
    re.I,
)
"""Sentences whose days are not a service level: claim and payment windows, notice and
retention periods, the customer's own duties."""


def check_plain_days(rule: Rule, ctx: Context) -> list[Finding]:
    """A provider's deadline in plain days ("installed within 5 days of acceptance", "| Closure
    | 15 days |") in a document that counts its other deadlines in business or working days:
    calendar or working days is left open. A document that says its days are calendar days,
    or that never uses business days, has no such doubt."""
    clocks = ctx.blocks_containing(("business day", "working day"), lower=True)
    if sum(len(_DAY_CLOCK.findall(i.block.text)) for i in clocks[:3]) < 2:
        return []
    candidates = ctx.blocks_containing((" day",), lower=True)
    if not candidates:
        return []
    # (tested in the few blocks with a day: a search of the document per word costs more)
    candidates = [i for i in candidates if any(w in i.low for w in ("within", "|", "later than"))]
    if not candidates:
        return []
    if any(_CALENDAR_RULE.search(i.block.text) for i in ctx.blocks_containing(("calendar",), True)):
        return []
    out: list[Finding] = []
    for info in candidates:
        text = info.block.text
        if info.block.is_heading or example_from(info) is not None:
            continue
        bars = text.count("|")
        header = None
        for m in _PLAIN_DAYS.finditer(text):
            before = text[max(0, m.start() - 20) : m.start("num")]
            after = text[m.end() : m.end() + 40]
            led = _LEAD_WORD.search(before)
            lead = led.group(1).lower() if led else ""
            cell = bars and _CELL_START.search(before)
            if re.search(r"\b(?:business|working|calendar|banking|trading|clear|consecutive)\s*$",
                         before, re.I):  # fmt: skip
                continue
            if not (lead == "within" or (lead == "in" and bars) or cell
                    or re.search(r"\bno later than\s*$", before, re.I)):  # fmt: skip
                continue
            if _DAYS_NOT_DEADLINE.match(after) or _DAY_CLOCK.match(text, m.start("num")):
                continue
            if _SILENCE.search(text, max(0, m.start() - 50), m.start("num")):
                continue  # "if you don't answer within 7 days we close it": the other's silence
            s0 = max(text.rfind(". ", 0, m.start()), text.rfind("; ", 0, m.start())) + 1
            s1 = min(x for x in (text.find(". ", m.end()), len(text)) if x >= 0)
            sentence = text[s0:s1]
            if _NOT_SERVICE_DAYS.search(sentence):
                continue
            if bars and header is None:  # the first row of the table names its columns
                j = info.index
                while j > 0 and "|" in ctx.infos[j - 1].block.text:
                    j -= 1
                header = ctx.infos[j] if j != info.index else None
            context = sentence + (" " + header.block.text if header is not None else "")
            if not _PROVIDER_TASK.search(context):
                continue
            num = m.group("num").lower()
            if (int(num) if num.isdigit() else _DAY_WORDS.get(num, 0)) > 21:
                continue  # 30, 90, 120 days: a month-like period, read as calendar days
            start = m.start("num")
            message = rule.message.format(target=text[start : m.end()])
            out.append(ctx.finding(rule, info, start, m.end(), message))
    return out
