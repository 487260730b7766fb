"""The metric words of a sentence, less those that name no service level: a cure period ("remedy
the breach"), a lead engineer, a score that labels a band, the work a response verb takes as
its object, work done on site."""

from __future__ import annotations

from itertools import pairwise

from slaforge.lint.docinfo import DocInfo, Hit
from slaforge.metrics import MetricKind

_NOT_A_LEAD = frozenset(
    {"engineer", "engineers", "analyst", "consultant", "contact", "manager", "time", "times",
     "to", "the", "a", "an"}
)  # fmt: skip
"""Words after a "lead" that is a role, a lead time or a verb ("may lead to downtime")."""


def _about_service(info: DocInfo, kind: MetricKind, hit: Hit) -> bool:
    """False for a resolution word that is part of "remedy the breach", "resolve the dispute"
    or "dispute resolution": a cure period or a dispute stage is not a resolution clock; and
    for a "lead" that is a role or a lead time ("call the lead engineer")."""
    if kind is MetricKind.RESPONSE_TIME and _work_on_site(info, hit):
        return False
    if kind is MetricKind.LEAD_FOLLOW_UP_TIME:
        words = info.lower_words(hit[0], hit[1] + 1)
        return not any(a == "lead" and b in _NOT_A_LEAD for a, b in pairwise(words))
    if kind is not MetricKind.RESOLUTION_TIME:
        return True
    return not any(s < hit[1] and hit[0] < e for s, e, _sent in info.hits.get("@not-service", ()))


_AT_SITE = frozenset({"attended", "arrived", "present", "available", "be", "is", "are"})


def _work_on_site(info: DocInfo, hit: Hit) -> bool:
    """True for "on site" after the work done there ("shredded on site within 2 days",
    "repaired on site"): where the work is done, not an engineer's arrival."""
    words = info.lower_words(hit[0], hit[1])
    if words[:1] != ["on"] or words[-1:] != ["site"] or hit[0] == 0:
        return False
    before = info.lower_words(hit[0] - 1, hit[0])[0]
    return before.endswith("ed") and before not in _AT_SITE


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
