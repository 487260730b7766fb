"""``Statement``, one value stated for a measure (with its priority, things, clock, window, table
row and party), and ``stmt``, which makes one from a value of a sentence: the things named before
the value in its clause (``subjects_of``, with routes, storage media, kinds of work item and
notified events), the party its clause puts under the duty and the window it is stated for; also a
statement's ``dimension`` (a share, a time, hours, a window…) and whether its label glosses a
defined term (``glosses_term``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from slaforge.lint.docinfo import DocInfo
from slaforge.lint.restated.measures import MEASURE
from slaforge.lint.restated.regex import ascii_regex
from slaforge.lint.restated.sentence import Sentence
from slaforge.lint.restated.subjects import (
    GENERIC,
    QUALIFIER_STOP,
    head_noun,
    label_subjects,
    label_words,
    lead_label,
    row_name,
    service_names,
)
from slaforge.lint.restated.vocabulary import TIER_WORDS, priority_of, window_value


@dataclass(slots=True)
class Statement:
    """One value stated for a measure."""

    measure: str
    priority: str
    subjects: frozenset[tuple[str, str]]
    """The things the value is about, as (qualifier, head) ("production", "database")."""
    clock: str
    """"%", "range" (opening hours), "coverage" ("24x7"), "dom" (day of the month), "window",
    "temp", else
    "business" or "" for a time."""
    value: tuple[float, ...]
    info: DocInfo
    sent: int
    start: int
    end: int
    conditional: bool
    zone: str = ""
    days: str = ""
    soft: frozenset[tuple[str, str]] = frozenset()
    """Words left of a lead-in label that also names a kind of figure ("SDR follow-up
    window"): they tell two things apart only from another such label."""
    strict: bool = False
    """A value "per site": compared only with values that name the same thing."""
    table: int = 0
    """For a value in a labelled table row: the table's number."""
    row: str = ""
    """For a value in a labelled table row: the row's label."""
    labelled: bool = False
    """The row's label names the thing the value is about ("Core platform", "Database")."""
    shares: frozenset[float] = frozenset()
    """For a window: the percentages stated in its sentence."""
    share: float = -1.0
    """For a time limit met by a share of cases ("80% of calls within 20 seconds"): the
    share; "95% within 60 seconds" is another target than an average of 20 seconds. 100 for
    the ceiling given after a share ("… and none later than 2 hours")."""
    window: tuple[float, ...] = ()
    """The window the value is stated for ("per calendar month": (1, 0)), if any."""
    named: tuple[str, ...] = ()
    """The words of a lead-in label that gave a subject ("Sales: first call within 48 hours")."""
    context: str = ""
    """The sentence, in lower case."""
    sized: bool = False
    """The value is for things of some size ("orders of more than 50 connections"): after
    the ordinary value in the same paragraph, it is the paragraph's second case."""
    siblings: frozenset[tuple[float, ...]] = frozenset()
    """Values of the same kind listed after this one for other cases ("99.99% at London and
    99.95% at Dublin"), which are not statements of their own."""
    party: str = ""
    """Who must meet the time limit, when its clause names them: "customer" or "provider"."""


_EVENTS = (
    r"(?:incidents?|breach\w*|outages?|failures?|faults?|changes?|events?|delays?|disruptions?"
    r"|loss\w*)"
)
EVENT = re.compile(
    r"\b(?:notif\w*|notice)\b[^.;]{0,40}?\b(?:of|about)\s+(?:any|each|every|a|an|the|all)?\s*"
    rf"(?P<what>(?:[\w-]+\s+){{0,2}}?{_EVENTS})\b"
    rf"|(?P<what2>\b(?:[\w-]+\s+){{0,1}}{_EVENTS})\s+notif\w*",
    re.I,
)
"""What a notification is about ("notify the customer of any security breach")."""


_MEDIA = re.compile(
    r"\b(disk|tape|archive|off-?site|cold storage|object storage|secondary (?:site|region)"
    r"|primary (?:site|region)|(?:hot|warm|online|searchable) (?:storage|tier|index)|archiv(?:ed"
    r"|al|ing))\b"
)
_ROUTE = re.compile(
    r"\b(?:between|from|within|across|in|to)\s+(?:the\s+)?([A-Z][\w.-]*(?:\s+(?:and|to|the"
    r"|[A-Z][\w.-]*))*)"
)
_CAPITAL = re.compile(r"\b[A-Z][\w.-]*")
_ENDS = re.compile(
    r"\bbetween\s+(?:the\s+|any\s+|each\s+|a\s+|an\s+)?((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*?)s?"
    r"(?:\s+and\s+(?:the\s+|its\s+|their\s+|any\s+|each\s+|a\s+|an\s+)?((?:[a-z][\w-]*\s+){0,2}?"
    r"[a-z][\w-]*?)s?)?(?=\s*(?:[,;.:]|shall|will|must|is|are|should|of|under|below|not|\d))"
)
"""The two ends of a route in lower case ("between the two data centres", "between any branch
and its primary data centre")."""


_ITEM_MEASURES = frozenset({"response", "resolution", "fulfilment", "turnaround", "triage"})
_ITEM = re.compile(
    r"\b([a-z][a-z-]{2,}) (quer(?:y|ies)|requests|incidents|faults|tickets|cases|issues"
    r"|problems|complaints|enquir(?:y|ies)|inquir(?:y|ies)|orders|defects|questions)\b"
)
"""A kind of work item named with a word before it ("payroll queries", "hardware faults")."""


def _subjects_of(
    words: Sentence, left_start: int, start: int, measure: str
) -> tuple[set[tuple[str, str]], bool]:
    """The things named before the value in its clause, and whether it is "per site"."""
    found = {s for p, s in words.subjects if left_start <= p < start}
    found |= service_names(words.text, left_start, start, words.plain)
    if words.np and words.np[1] != f"@{measure}":
        found.add(words.np)
    per = words.fact("per")
    assert per is None or isinstance(per, re.Match)
    if per:
        found.add(("", head_noun(per.group(1))))
    if measure in _ITEM_MEASURES and "s " in words.low[left_start:start]:
        for item in _ITEM.finditer(words.low, left_start, start):
            qualifier = item.group(1)
            if not (
                qualifier in QUALIFIER_STOP
                or qualifier in TIER_WORDS
                or qualifier.endswith("ed")
                or GENERIC.fullmatch(qualifier)
                or MEASURE.fullmatch(qualifier)
            ):  # "payroll queries" and "finance service requests": two kinds of work
                found.add((qualifier, head_noun(item.group(2))))
    if measure == "report":
        kinds = [w for s, e, n, w in words.measures if n == "report" and e <= start]
        if kinds and " " in kinds[-1]:
            found.add(("report", kinds[-1].split()[0]))
    elif measure == "retention":
        stop = words.clause_end(start)
        media = _MEDIA.search(words.low, left_start, stop)
        if media:  # "30 days on disk" and "a year on tape"
            medium = media.group(1)
            medium = "archive" if medium.startswith("archiv") else medium.split()[0]
            found.add(("medium", medium))
    if measure == "notification":
        event = EVENT.search(words.text, left_start, start)
        if event:  # "a security breach" and "a failure" are two events
            what = event.group("what") or event.group("what2")
            found = {("event", " ".join(head_noun(w) for w in what.lower().split()))}
    if measure in ("latency", "jitter", "packet-loss"):
        route = _ROUTE.search(words.text, left_start, start)
        if route:  # "latency between London and Frankfurt"
            found.add(("route", " ".join(_CAPITAL.findall(route.group(1))).lower()))
        else:
            ends = _ENDS.search(words.low, left_start, min(len(words.low), start + 80))
            if ends:  # "between the two data centres", "between any branch and its data centre"
                one, other = ends.group(1), ends.group(2) or ""
                found.add(("route", f"{' '.join(one.split())} / {' '.join(other.split())}"))
    return found, per is not None


def stmt(
    info: DocInfo,
    sent: int,
    s_start: int,
    words: Sentence,
    start: int,
    end: int,
    measure: str,
    clock: str,
    value: tuple[float, ...],
    left_start: int,
    label: str,
    row: tuple[str, str, str],
    table: int,
    conditional: bool,
) -> Statement:
    """A statement with the priority and the things of the value at ``start:end``."""
    priority = words.priority(start, end)
    subjects, strict = _subjects_of(words, left_start, start, measure)
    soft: frozenset[tuple[str, str]] = frozenset()
    labelled = False
    named = ""
    row_label, row_key, column_priority = row
    priority = priority or column_priority
    if row_label and sent == 0 and not column_priority and (own := priority_of(row_label)):
        # "| Urgent | Defect likely to become an emergency | 4 hours |": the row's label names
        # its priority, not a word of its description
        priority = own
    if row_label:
        if not priority:
            priority = priority_of(row_label)
        if not priority:
            before_label = subjects
            subjects, soft = label_subjects(row_label, subjects)
            labelled = subjects != before_label or bool(soft)
            named = row_label
    else:
        left = words.text[left_start:start]
        inner = lead_label(left.rsplit("\n", 1)[-1]) if left else None
        if inner is None and ": " in left:
            inner = lead_label(left.rsplit(": ", 1)[-1])
        here = inner.group(1) if inner else label
        if not here and words.np and words.np[0] and words.np[1] == f"@{measure}":
            here = f"{words.np[0]} {measure}"  # "RTG Availability shall be …"
        if here and not priority:
            priority = priority_of(here)
            if not priority:
                subjects, soft = label_subjects(here, subjects)
                named = here
    return Statement(
        measure=measure,
        priority=priority,
        subjects=frozenset(subjects),
        clock=clock,
        value=value,
        info=info,
        sent=sent,
        start=s_start + start,
        end=s_start + end,
        conditional=conditional,
        window=_value_window(words, left_start, start, end),
        soft=soft,
        strict=strict,
        table=table if row_key else 0,
        row=row_name(row_key) if row_key else "",
        labelled=labelled,
        named=label_words(named) if named else (),
        context=words.low,
        party=_party(words.low[:start], words.plain),
    )


_DUTY = re.compile(
    r"\b(?:shall|must|will|agrees? to|undertakes? to|(?:is|are) (?:required|obliged) to"
    r"|(?:has|have) (?:given|sent|provided)|gives|sends)\b|'ll\b"
)
_DUTY_ASCII = ascii_regex(_DUTY)
_CUSTOMER_SIDE = re.compile(
    r"\b(?:customers?|clients?|authority|buyers?|purchasers?|licensees?|subscribers?|you"
    r"|users?|council|trust|school|hospital|department)(?:'s)?\s*$"
)
_PROVIDER_SIDE = re.compile(
    r"\b(?:providers?|suppliers?|contractors?|vendors?|we|company|laborator(?:y|ies)|agency"
    r"|operators?|carriers?|host|licensors?|msp|integrator|bureau)(?:'s)?\s*$"
)


_SUBJECT_BREAK = re.compile(r"[,;:(]|\band\b|\bthat\b|\bwhich\b|\bwho\b")
_SUBJECT_BREAK_ASCII = ascii_regex(_SUBJECT_BREAK)


def _party(left: str, plain: bool = False) -> str:
    """Who the clause before a value (lower case) puts under the duty: "customer" for "the
    Customer shall notify … within 5 days", "provider" for "we will reply … within 10 days",
    else "" (a passive "claims must be submitted", or a party by its own name)."""
    duties = list((_DUTY_ASCII if plain else _DUTY).finditer(left))
    if not duties:
        return ""
    subject = left[: duties[-1].start()].rstrip()
    subject = (_SUBJECT_BREAK_ASCII if plain else _SUBJECT_BREAK).split(subject)[-1]
    if subject.endswith("'"):
        subject = subject[:-1]
    if _CUSTOMER_SIDE.search(subject):
        return "customer"
    return "provider" if _PROVIDER_SIDE.search(subject) else ""


def _value_window(words: Sentence, left_start: int, start: int, end: int) -> tuple[float, ...]:
    """The window a value is stated for: the first one after it in its clause ("99.9% of
    each calendar month"), else the last one before it ("Monthly availability: 99.9%")."""
    found = words.fact("windows")
    assert isinstance(found, list)
    if not found:
        return ()
    stop = min(words.clause_end(end), end + 50)
    after = next((w for w in found if w.start() >= end and w.end() <= stop), None)
    if after:
        return window_value(after)
    before = [w for w in found if w.start() >= left_start and w.end() <= start]
    return window_value(before[-1]) if before else ()


def dimension(st: Statement) -> str:
    return st.clock if st.clock in _DIMENSIONS else "time"


_DIMENSIONS = frozenset({"%", "range", "dom", "window", "temp", "coverage", "tod", "rate"})


def glosses_term(st: Statement) -> bool:
    return any(q == "term" for q, _h in st.soft)
