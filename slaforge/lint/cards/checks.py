"""The card checks: a card that lacks a required field (:func:`check_card`), and a metric
measured over another window than where it was first stated (:func:`check_consistency`)."""

from __future__ import annotations

import re

from slaforge.lint.cards.plaindays import check_plain_days
from slaforge.lint.cards.words import _DOWN, _sentence_words
from slaforge.lint.context import CardSite, Context
from slaforge.lint.model import Finding
from slaforge.lint.restated import check_restated, check_windows, names_a_kind
from slaforge.lint.rules import Rule
from slaforge.metrics import MetricKind

_LOSS_THRESHOLD = _DOWN | {"if", "when", "whenever", "which", "means", "restored", "counts"}
"""Words of a sentence where an error or loss rate is a threshold of some other state
(downtime, restoration, a credit), not a target that needs its period."""


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
