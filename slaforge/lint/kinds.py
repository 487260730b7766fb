"""The word-matching rule kinds: existence, pattern and conditional."""

from __future__ import annotations

from slaforge.lint.context import Context
from slaforge.lint.cues import SCOPE_KEYS
from slaforge.lint.docinfo import DocInfo, Hit
from slaforge.lint.model import Finding
from slaforge.lint.rules import Rule


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


def _present(key: str, rule: Rule, ctx: Context, info: DocInfo, hit: Hit) -> bool:
    if rule.within == "sentence":
        return key in info.sent_keys[hit[2]]
    if rule.within == "block":
        return key in info.keys
    return ctx.has_key(key)


def check_match(rule: Rule, ctx: Context) -> list[Finding]:
    """Flag each trigger in a sentence of the rule's scope that has its ``requires``
    and lacks its ``unless`` (in the same sentence, block or document)."""
    scope_key = SCOPE_KEYS.get(rule.scope)
    out: list[Finding] = []
    key = f"{rule.code}|t"
    for info in ctx.infos:
        hits = info.hits.get(key)
        if not hits:
            continue
        if scope_key is not None:
            hits = [h for h in hits if scope_key in info.sent_keys[h[2]]]
        for hit in _merged(hits):
            if rule.requires and not _present(f"{rule.code}|r", rule, ctx, info, hit):
                continue
            if not (rule.unless and _present(f"{rule.code}|u", rule, ctx, info, hit)):
                out.append(ctx.hit_finding(rule, info, hit))
    return out
