"""Word lists that tell a defined term from the name of a thing, and the word tests built on
them (``_singular`` among them)."""

from __future__ import annotations

import re

_NOT_TERMS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "the",
        "this",
        "that",
        "these",
        "those",
        "if",
        "in",
        "for",
        "each",
        "any",
        "all",
        "no",
        "an",
        "a",
        "to",
        "of",
        "by",
        "on",
        "at",
        "where",
        "when",
        "upon",
        "unless",
        "subject",
        "except",
        "service",
        "level",
        "agreement",
    ]
)
_TERM_HEADS = frozenset(
    [
        "time",
        "times",
        "period",
        "periods",
        "hours",
        "hour",
        "day",
        "days",
        "downtime",
        "window",
        "windows",
        "credit",
        "credits",
        "service",
        "services",
        "level",
        "levels",
        "percentage",
        "fee",
        "fees",
        "minutes",
        "minute",
        "request",
        "requests",
        "incident",
        "incidents",
        "error",
        "errors",
        "event",
        "events",
        "month",
        "support",
        "maintenance",
        "availability",
        "uptime",
        "response",
        "resolution",
        "date",
        "channel",
        "plan",
        "agreement",
        "term",
        "data",
        "priority",
        "severity",
        "rate",
        "outage",
        "outages",
        "failure",
        "failures",
        "breach",
        "breaches",
        "fault",
        "faults",
        "defect",
        "defects",
        "interval",
        "intervals",
        "target",
        "targets",
        "commitment",
        "schedule",
        "exclusions",
        "objective",
        "objectives",
        "report",
        "function",
        "functions",
        "reconciliation",
        "reconciliations",
        "threshold",
        "thresholds",
        "procedure",
        "procedures",
        "ticket",
        "tickets",
        "runbook",
        "handbook",
        "allowance",
        "milestone",
        "milestones",
        "deliverable",
        "deliverables",
    ]
)
_MODIFIERS = frozenset(
    """scheduled unscheduled planned unplanned emergency urgent business working core extended
    standard target answer resolution response restoration recovery repair fix contact first
    monthly quarterly annual daily weekly total critical major minor high low medium normal
    severity priority peak off-peak on-site onsite remote service support incident problem
    change release outage maintenance measurement reporting review exception excess
    performance quality accuracy initial final mean point objective calendar notice notification
    availability uptime downtime credit credits fee charge charges penalty escalation
    pay payment invoice billing order effective start commencement go live due renewal expiry
    termination acceptance delivery despatch dispatch cut off on site call queue ticket""".split()  # noqa: SIM905
)
"""Words that make up the names of service-level terms ("Scheduled Downtime", "Target Answer
Time"): a capitalised term made only of these and a term head is a term to define; one with
any other word ("Fleet Portal", "Memorial Day") is more often the name of a thing."""


def _measure_term(words: list[str]) -> bool:
    head = words[-1]
    if _singular(head) not in _TERM_HEADS and head not in _TERM_HEADS:
        return False
    return all(
        w in _MODIFIERS or w in _TERM_HEADS or _singular(w) in _TERM_HEADS or w in _QUALIFIERS
        for w in words[:-1]
    )


_ZONES = frozenset(
    [
        "european",
        "standard",
        "daylight",
        "eastern",
        "pacific",
        "central",
        "mountain",
        "universal",
        "mean",
        "summer",
    ]
)


def _singular(term: str) -> str:
    return term[:-1] if term.endswith("s") and not term.endswith("ss") else term


_QUALIFIERS = frozenset(
    [
        "qualifying",
        "excused",
        "covered",
        "designated",
        "authorised",
        "authorized",
        "permitted",
        "eligible",
        "excluded",
        "approved",
        "nominated",
        "chargeable",
        "recurring",
        "committed",
        "guaranteed",
        "agreed",
        "specified",
        "exempt",
        "contracted",
    ]
)
"""Words that make a capitalised term a defined one: what is "Qualifying", "Excused" or
"Authorised" is decided by a definition, not by ordinary usage."""
_ARTEFACTS = frozenset(["matrix", "formula", "pack", "grid", "scorecard", "workbook"])
"""Heads of a named part of the agreement ("the Service Matrix", "the Credit Formula")."""
_TERM_OF_ART = re.compile(r"(?:Good|Best) (?:Industry|Engineering|Operating|Professional) Practice")
"""Terms of art that a contract defines ("Good Industry Practice")."""


_DOC_WORDS = frozenset(["service", "level", "agreement"])


_MARKS = (
    *(q.capitalize() for q in _QUALIFIERS),
    *(a.capitalize() for a in _ARTEFACTS),
    "Practice",
)
"""Words one of which a marked term contains, capitalised: blocks without any are skipped."""


_ROLES = frozenset(
    """lead officer director manager head coordinator administrator controller engineer
    technician representative owner champion sponsor""".split()  # noqa: SIM905
)


def _role(words: list[str]) -> bool:
    """True for a job title of three words or more ("Designated Safeguarding Lead")."""
    return len(words) >= 3 and words[-1] in _ROLES


def _marked_term(term: str, words: list[str]) -> bool:
    """A capitalised term that reads as defined whatever the rest of the document does: a
    qualifier ("Excused Downtime"), a named part ("Service Matrix"), a term of art."""
    return (
        (any(w in _QUALIFIERS for w in words[:-1]) and not _role(words))
        or words[-1] in _ARTEFACTS
        or _TERM_OF_ART.match(term) is not None
    )
