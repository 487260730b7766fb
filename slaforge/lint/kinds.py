"""The word-matching rule kinds: existence, pattern and conditional."""

from __future__ import annotations

from typing import Any

from slaforge.lint.context import Context
from slaforge.lint.cues import SCOPE_KEYS
from slaforge.lint.docinfo import DocInfo, Hit
from slaforge.lint.model import Finding
from slaforge.lint.rules import Rule

_FUNCTION_WORDS = frozenset(
    """a an the this that these those each any all every no not such its our your their
    if in on of to for by at and or with where when while unless under""".split()  # noqa: SIM905
)
"""Words that start sentences in title case without being part of a name."""


def _merged(hits: list[Hit]) -> list[Hit]:
    """Merge overlapping hits of one rule into one span each."""
    out: list[Hit] = []
    for start, end, sent in sorted(hits):
        if out and start < out[-1][1]:
            last = out[-1]
            out[-1] = (last[0], max(last[1], end), last[2])
        else:
            out.append((start, end, sent))
    return out


def _lead_in(info: DocInfo, hit: Hit) -> bool:
    """True when the hit's sentence is only a short lead-in ("Force majeure.",
    "Emergency Maintenance:"): its words are the matched ones or capitalised, four at most."""
    start, end = info.sent_bounds[hit[2]]
    words = [i for i in range(start, end) if info.doc[i].is_alpha]
    return len(words) <= 4 and all(hit[0] <= i < hit[1] or _capitalised(info.doc[i]) for i in words)


def _present(key: str, rule: Rule, ctx: Context, info: DocInfo, hit: Hit) -> bool:
    if rule.within == "sentence":
        return key in info.sent_keys[hit[2]]
    if rule.within == "related":
        keys = info.sent_keys
        if key in keys[hit[2]]:
            return True
        if key not in info.keys:
            return False
        if _lead_in(info, hit):
            return True
        trigger = f"{rule.code}|t"
        return any(key in k and trigger in k for k in keys)
    if rule.within == "block":
        return key in info.keys
    return ctx.has_key(key)


def _capitalised(token: Any) -> bool:
    """A word written with a capital that is not a sentence-opening function word."""
    return bool(
        token.is_alpha
        and (token.is_title or (token.is_upper and len(token) > 1))
        and token.lower_ not in _FUNCTION_WORDS
    )


def _part_of_name(doc: Any, start: int, end: int) -> bool:
    """True when the capitalised words of tokens ``start:end`` continue into a longer
    capitalised name (``Effective`` + ``Date``, ``the Claims`` + ``Division``) and the
    other matched words are only function words."""
    caps = [i for i in range(start, end) if _capitalised(doc[i])]
    if not caps:
        return False
    for i in range(start, end):
        if i not in caps and doc[i].lower_ not in _FUNCTION_WORDS:
            return False
    before = caps[0] == start and start > 0 and _capitalised(doc[start - 1])
    after = caps[-1] == end - 1 and end < len(doc) and _capitalised(doc[end])
    return before or after


_NEGATIONS = frozenset(("not", "n't", "never", "fails", "fail", "failed", "failing", "failure"))
"""Words that turn a following commitment word into a condition on its absence."""


def _negated(info: DocInfo, hit: Hit) -> bool:
    """True when one of the three words before the hit (in its sentence) is a negation:
    ``does not reply within 5 days``, ``fails to respond within 2 hours``."""
    first = max(info.sent_bounds[hit[2]][0], hit[0] - 3)
    return any(info.doc[i].lower_ in _NEGATIONS for i in range(first, hit[0]))


def _term(info: DocInfo, hit: Hit) -> str | None:
    """The matched words when they are a capitalised term of two or more words."""
    words = [t for t in info.doc[hit[0] : hit[1]] if not t.is_punct]
    if len(words) < 2 or not all(_capitalised(t) for t in words):
        return None
    return " ".join(t.text for t in words)


def _term_excused(rule: Rule, ctx: Context, term: str, unless: str) -> bool:
    """True when another use of ``term`` has the rule's ``unless`` around it."""
    for other, hit in ctx.hits(f"{rule.code}|t"):
        if _term(other, hit) == term and _present(unless, rule, ctx, other, hit):
            return True
    return False


def check_match(rule: Rule, ctx: Context) -> list[Finding]:
    """Flag each trigger in a sentence of the rule's scope that has its ``requires``
    and lacks its ``unless`` (in the same sentence, block or document)."""
    scope_key = SCOPE_KEYS.get(rule.scope)
    out: list[Finding] = []
    key = f"{rule.code}|t"
    unless = f"{rule.code}|u"
    excused: dict[str, bool] = {}
    for info in ctx.blocks_with(key):
        hits = info.hits[key]
        if scope_key is not None:
            hits = [h for h in hits if scope_key in info.sent_keys[h[2]]]
        if rule.scope == "metric-definition" and "@not-service" in info.keys:
            # "resolve the dispute within 10 days" defines no service level
            stages = info.hits["@not-service"]
            hits = [h for h in hits if not any(s < h[1] and h[0] < e for s, e, _ in stages)]
        if rule.skip_names:
            hits = [h for h in hits if not _part_of_name(info.doc, h[0], h[1])]
        if rule.skip_negated:
            hits = [h for h in hits if not _negated(info, h)]
        if rule.skip_customer_duty and "@customer-duty" in info.keys:
            duties = info.hits["@customer-duty"]
            hits = [h for h in hits if not any(s < h[1] and h[0] < e for s, e, _ in duties)]
        for hit in _merged(hits):
            if rule.requires and not _present(f"{rule.code}|r", rule, ctx, info, hit):
                continue
            if rule.unless and _present(unless, rule, ctx, info, hit):
                continue
            term = _term(info, hit) if rule.follow_terms and rule.unless else None
            if term is not None:
                if term not in excused:
                    excused[term] = _term_excused(rule, ctx, term, unless)
                if excused[term]:
                    continue
            out.append(ctx.hit_finding(rule, info, hit))
    return out
