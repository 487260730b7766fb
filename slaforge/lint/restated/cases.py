"""Whether a value holds only in some cases, and so is no second target: a condition or an exception
in its sentence (``is_conditional``), a label that narrows its thing ("Branch sites where 4G is not
available:", ``case_label``), a case the sentence opens with ("Where civil works are needed, …",
``special_case``), a column of minimums next to a column of targets (``threshold_column``) and a
band of a credit table (``band_cell``)."""

from __future__ import annotations

import re

from slaforge.lint.restated.regex import has_any
from slaforge.lint.restated.sentence import Sentence
from slaforge.lint.restated.subjects import ITEM_MARK


def is_conditional(words: Sentence, start: int) -> bool:
    """True when words of the sentence limit the value at ``start`` to some of the time:
    a condition word, an exception before it; a weekday word only when it is not a window's
    days ("on Sundays 00:00-06:00")."""
    if words.fact("condition") != -1:
        return True
    at = words.fact("except")
    return isinstance(at, int) and 0 <= at < start


_CASE_LABEL = re.compile(r"\b(?:where|without|except|unless|other than|not)\b", re.I)
"""A label that narrows its thing to some cases ("Branch sites where 4G is not available:")."""
_CASE = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s+|\(?[a-z0-9]{1,3}\)\s+)?(?:where|if|when|in the event that"
    r"|in cases? where|should)\s+(?P<case>[^,;]{5,160}),"
)
_ORDINARY_CASE = re.compile(
    r"\b(?:incident|fault|outage|failure|request|call|ticket|problem|issue|query|breach|change"
    r"|order)s?\b"
)
_ORDINARY_VERB = re.compile(
    r"\b(?:report|log|rais|notif|detect|occur|aris|open|submit|receiv|make|made|place|contact)\w*"
)
"""A case that is every case of the measure ("If a fault is reported, …")."""


_LONG_LEAD = re.compile(r"\s*" + ITEM_MARK + r"([^:|;.]{3,100}):\s")


def case_label(label: str, sentence: str, start: int) -> bool:
    """True when the value's label narrows its thing to some cases ("- Branch sites where
    4G coverage is not available (Annex C): 99.7%")."""
    if not label:
        lead = _LONG_LEAD.match(sentence) if ":" in sentence else None
        if lead is None or lead.end() > start:
            return False
        label = lead.group(1)
    return _CASE_LABEL.search(label) is not None


_CASE_HINTS = ("where", "if", "when", "event", "should")


def special_case(low: str, start: int, recovery: bool = False) -> bool:
    """True when the sentence opens with a case that limits its values ("Where a repair needs
    civil engineering works, the circuit is repaired within 10 business days"), other than
    the ordinary event every such value starts from ("If a fault is reported, …")."""
    if low.lstrip()[:1].isalnum() and "for " in low[:20]:
        scope = _FOR_SCOPE.match(low)
        if scope and scope.end() <= start and not _ORDINARY_VERB.search(scope.group("case")):
            return True  # "For Emergency defects in operating theatres, …": some places only
    if not low.lstrip()[:1].isalnum() or not has_any(low[:40], _CASE_HINTS):
        return False
    m = _CASE.match(low)
    if m is None or m.end() > start:
        return False
    case = m.group("case")
    if recovery and _DISASTER.search(case):
        return False  # "if our primary data centre fails, …": every recovery time's premise
    if _NOT_REMOTE.search(case):
        return False  # "where a fault cannot be fixed remotely": every visit's premise
    return not (_ORDINARY_CASE.search(case) and _ORDINARY_VERB.search(case))


_DISASTER = re.compile(r"\b(?:disaster|fail(?:s|ed|ure)?|invo(?:ke|ked|cation)|outage)\b")
_FOR_SCOPE = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s+|[a-z]\.\d+\s+|\(?[a-z0-9]{1,3}\)\s+)?for\s+(?P<case>[^,;:]{3,120}?"
    r"\b(?:in|at|on|affecting|involving|within|inside)\s+(?:the\s+|an?\s+|any\s+|our\s+)?"
    r"(?!(?:business|working|core|support|service|normal|office|operating)\s+hours)"
    r"(?!(?:(?:an?|the|each|any|every)\s+)?(?:calendar\s+)?"
    r"(?:month|quarter|year|week|day|hour|minute|period)s?\b)"
    r"[a-z][^,;:]{2,100}),"
)
"""A lead-in that narrows the value to some places or systems ("For Emergency defects in
operating theatres and the clean room, …")."""
_NOT_REMOTE = re.compile(
    r"\b(?:cannot|can't|can not|could not|is not|isn't|are not|not)\s+(?:be\s+)?\w+(?:ed)?\s+"
    r"(?:remotely|by (?:tele)?phone|over the (?:tele)?phone|on the (?:tele)?phone|online)"
)


CREDIT_HEAD = re.compile(r"\b(?:credit|refund|rebate|deduction|reduction|penalt)", re.I)


_THRESHOLD_HEAD = re.compile(
    r"\b(?:minimum|min\.?|threshold|trigger|floor|lower limit|termination|critical)\b", re.I
)
_TARGET_HEAD = re.compile(r"\b(?:target|expected|standard|measure|commitment|sla|kpi)\b", re.I)


def threshold_column(header: list[str] | None, heading: str) -> bool:
    """True for a value in a column of minimums or triggers next to a column of targets
    ("Target | … | Minimum"): the level below which a remedy starts, not a second target."""
    if not header or not heading or not _THRESHOLD_HEAD.search(heading):
        return False
    return any(h is not heading and _TARGET_HEAD.search(h) for h in header)


def band_cell(header: list[str] | None, cells: list[str], before: str, measure: str) -> bool:
    """True for a value in the first cell of a row of a credit table ("Power unavailability
    | Credit" over "More than 10 minutes | 25%"): the row's band, not a target."""
    if not header or not cells or measure in ("credit", "credit-cap"):
        return False
    column = before.lstrip(" ").lstrip("|").count("|")
    if column == 0:
        for h in header[1:]:
            if CREDIT_HEAD.search(h):
                return True
            if _TARGET_HEAD.search(h):
                return False  # "| KPI | Target | Deduction |": the row's metric, then its target
        return False
    # a band in a later cell, after the row's label: "Resilient Cabinet | Downtime of more
    # than 10 and up to 60 minutes | 25%"
    if column >= len(header) or CREDIT_HEAD.search(header[column]):
        return False
    cell = before.rsplit("|", 1)[-1].lower()
    return _BAND_WORDS.search(cell) is not None and any(
        CREDIT_HEAD.search(h) for h in header[column + 1 :]
    )


_BAND_WORDS = re.compile(
    r"\b(?:up to|(?<!no )(?<!not )more than|(?<!no )(?<!not )less than|fewer than|below|above"
    r"|between|exceed\w*)\b"
)
"""Words that bound a band of a credit table ("more than 10 and up to 60 minutes"); not "at
least 99.9%" or "no more than 800 ms", which state a target."""
