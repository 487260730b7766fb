"""Opening hours, maintenance windows and round-the-clock cover as statements: ``hour_ranges`` reads
time ranges ("08:00 to 18:00 UK time") with the days named nearest to each ("Monday to Friday") and
the named periods they hold in ("during Term Time"), ``coverage`` reads "24x7" and its kin; the day
spans (``DAY_SPAN``, ``day_set``) also serve the day-term pass."""

from __future__ import annotations

import re
from collections.abc import Iterator

from slaforge.lint.docinfo import DocInfo
from slaforge.lint.restated.regex import ascii_regex, is_plain
from slaforge.lint.restated.statement import Statement
from slaforge.lint.restated.subjects import (
    LEAD,
    label_subject,
    label_subjects,
    service_names,
    subjects_in,
)
from slaforge.lint.restated.values import QTY
from slaforge.lint.restated.vocabulary import CONDITION, DAY_WORD, priority_of

_TIME = r"(\d{1,2})(?:[:.](\d{2}))?\s*([ap]\.?m\.?)?"
_RANGE = re.compile(
    rf"(?<![\d:.]){_TIME}\s*(?:to|until|till|and|-|\u2013|\u2014)\s*"
    rf"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?{_TIME}"
    r"(?:\s*\(?\s*(?P<zone>(?:US |UK )?(?:Eastern|Central|Mountain|Pacific|London|UK|Irish)"
    r"(?: [Tt]ime)?|[A-Z]{2,5}(?:[+-]\d{1,2})?\b))?",
)
COVERAGE = re.compile(
    r"\b24\s*[x\u00d7/]\s*(?P<d>[57])(?:\s*[x\u00d7/]\s*(?:365|52))?\b|\b(?:24|twenty-four)"
    r" hours a day,?\s+(?P<w>7|seven|5|five) days a week|\b(?:24|twenty-four) hours a day,?"
    r" (?:every day|365 days a year)|\b(?:a)?round[- ]the[- ]clock\b",
)
"""Round-the-clock coverage ("24x7", "24/7/365", "24 hours a day, 7 days a week", "24x5",
"round the clock")."""
_TERMS = re.compile(r"\b((?:[A-Z][\w-]*\s+)+(?:Hours|Coverage|Cover|Window|Period|Time))\b")
"""A defined term for a span of time ("Service Desk Hours", "Continuous Coverage", "Extended
Cover")."""
_LOGGING = re.compile(
    r"\b(?:logg?(?:ed|ing)?|rais(?:ed|e|ing)|report(?:ed|ing)?|submit(?:ted|ting)?|record(?:ed"
    r"|ing)?)\b(?![^.;]{0,40}\b(?:resolv|fix|attend|respon|work))",
    re.I,
)
"""Round-the-clock logging ("calls may be logged 24x7"): when a fault can be reported, not when
the support that works on it is given."""
PER_PERIOD = re.compile(r"\s+an?\s+(?:day|week|year)\b", re.I)
_COVERED = re.compile(
    r"\b(?:support\w*|service desk|help ?desk|staffed|manned|coverage|covered|open)\b", re.I
)
_MEASURED_HOURS = re.compile(
    r"(?:availab\w*|up-?time)\s+(?:is\s+|are\s+|shall\s+be\s+|will\s+be\s+)?"
    r"(?:measured|calculated|assessed|counted|monitored)",
    re.I,
)
"""The hours over which availability is measured ("availability is measured 07:00-22:00",
"availability is measured on a 24x7 basis")."""
_HOURS_KIND = (
    ("maintenance-window", re.compile(r"maintenance|patch\w*|planned works|change window", re.I)),
    ("measurement-hours", _MEASURED_HOURS),
    (
        "service-hours",
        re.compile(
            r"support|service desk|help ?desk|business hours|working hours|service hours"
            r"|office hours|staffed|open\b|coverage|opening|hours are|hours\W+means|online"
            r"|\bcover\b|\b(?:core|contract(?:ed|ual)?|operating|normal) hours"
            r"|available|reached",
            re.I,
        ),
    ),
)
_HOURS_KIND_ASCII = tuple((kind, ascii_regex(rx)) for kind, rx in _HOURS_KIND)


_PHASE = re.compile(
    r"\b(?i:during|in|outside|throughout|for)\s+(?i:the\s+|each\s+|any\s+)?(?P<term>(?:[A-Z][\w-]*"
    r"\s+){0,2}[A-Z][\w-]*)\b(?!\s+(?:and|or)\b)|\b(?P<plain>(?i:term[- ]time|vacations?"
    r"|peak (?:season|period|weeks?)|off-peak|enrolment|month-end close|year-end close))\b"
)
_NOT_PHASE = re.compile(
    r"(?i)^(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|uk|us|eu"
    r"|gmt|bst|utc|cet|est|pst|aest|awst|business|working|service|support|core|office|opening"
    r"|contract|agreement|schedule|annex|appendix|clause|section|table|the)"
)


def _phases(sentence: str) -> set[str]:
    """The named periods a span of hours is for ("during Term Time", "In Vacation", "in peak
    season"): hours for two periods are two things."""
    out = set()
    for m in _PHASE.finditer(sentence):
        if m.group("plain"):
            out.add(m.group("plain").lower().replace("-", " ").rstrip("s"))
        elif not _NOT_PHASE.match(m.group("term")):
            out.add(m.group("term").lower())
    return out


_DAY = (
    r"(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)s?\b\.?"
)
DAY_SPAN = re.compile(
    rf"\b{_DAY}\s*(?:to|through|thru|until|till|-|\u2013|\u2014)\s*{_DAY}|\b{_DAY}"
    r"|\b(weekdays?|working days?|business days?)\b|\b(weekends?)\b"
    r"|\b(every day|7 days|seven days|365 days|all week)\b",
)
_DAY_SPAN_ASCII = ascii_regex(DAY_SPAN)
_DAY_INDEX = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_NOT_DAYS = re.compile(r"\b(?:exclud\w*|except|not|no|other than|closed)\b[^;.]{0,25}$")


def day_set(m: re.Match[str]) -> set[int]:
    """The days a match of ``DAY_SPAN`` names (0 is Monday)."""
    first, last, single, weekdays, weekend, every = m.groups()
    if first:
        a, b = _DAY_INDEX[first[:3]], _DAY_INDEX[last[:3]]
        return {(a + i) % 7 for i in range((b - a) % 7 + 1)}
    if single:
        return {_DAY_INDEX[single[:3]]}
    if weekdays:
        return {0, 1, 2, 3, 4}
    if weekend:
        return {5, 6}
    return set(range(7)) if every else set()


def _range_days(sentence: str, ranges: list[re.Match[str]], plain: bool) -> list[str]:
    """For each time range of the sentence (``plain`` when ``is_plain``), the days it is for
    ("01234" for Monday to Friday), from the day words of its clause; with several ranges in
    a clause, each day word goes to the nearest range ("Monday to Friday 07:00-19:00,
    Saturday 09:00-13:00")."""
    if not ranges:
        return []
    low = sentence.lower()
    found: list[list[int]] = [[] for _ in ranges]
    for d in (_DAY_SPAN_ASCII if plain else DAY_SPAN).finditer(low):
        if _NOT_DAYS.search(low, max(0, d.start() - 40), d.start()):
            continue  # "excluding Saturdays"
        same = [
            i
            for i, r in enumerate(ranges)
            if ";" not in low[min(r.start(), d.start()) : max(r.end(), d.end())]
        ]
        if not same:
            continue
        near = min(
            same, key=lambda i: max(ranges[i].start() - d.end(), d.start() - ranges[i].end())
        )
        found[near].extend(day_set(d))
    return ["".join(str(x) for x in sorted(set(f))) for f in found]


def _minutes(hour: str, minute: str | None, ampm: str | None) -> float:
    h = int(hour) % 24
    if ampm:
        h = h % 12 + (12 if ampm.lower().startswith("p") else 0)
    return float(h * 60 + int(minute or 0))


_TRIGGERED = re.compile(r"\s*(?:\S+\s+)?(?:where|if|when|whenever|should|once)\b", re.I)
"""A sentence that opens with a condition: a range before its first comma is part of the
condition ("Where the Portal is down for 30 minutes between 17:00 and 23:59, …")."""
_EXTENDED = re.compile(r"\b(?:extended|extends|extend)\b", re.I)
"""Hours extended for some days ("on census days, Support Hours are extended to 07:00 to
19:00"): a case, not the ordinary hours."""


def hour_ranges(
    info: DocInfo, sent: int, s_start: int, sentence: str, label: str
) -> Iterator[Statement]:
    """Opening hours and maintenance windows ("08:00 to 18:00 UK time") in one sentence that
    starts at character ``s_start`` of the block; each range takes the days named nearest
    to it ("Monday to Friday 07:00-19:00, Saturday 09:00-13:00")."""
    ranges = []
    for m in _RANGE.finditer(sentence):
        h1, m1, ap1, h2, m2, ap2 = m.groups()[:6]
        if (m1 or ap1) and (m2 or ap2):
            ranges.append(m)  # "5 to 10" is a count, not a time of day
    if not ranges:
        return
    plain = is_plain(sentence)
    days = _range_days(sentence, ranges, plain)
    lead_subject, lead_soft = label_subject(label) if label else (("", ""), False)
    for i, m in enumerate(ranges):
        h1, m1, ap1, h2, m2, ap2 = m.groups()[:6]
        context = sentence[max(0, m.start() - 120) : m.end() + 40]
        kinds = _HOURS_KIND_ASCII if plain else _HOURS_KIND
        kind = next((k for k, rx in kinds if rx.search(context)), None)
        if kind is None:
            continue
        before = sentence[: m.start()]
        subjects = subjects_in(before[-120:]) | service_names(
            sentence, max(0, m.start() - 120), m.start()
        )
        subjects |= {("phase", p) for p in _phases(sentence)}
        term = _TERMS.findall(before[-80:])
        soft: frozenset[tuple[str, str]] = frozenset()
        if lead_subject[1]:
            if lead_soft:
                soft = frozenset({lead_subject})
            else:
                subjects.add(lead_subject)
        if term:
            # "Service Desk Hours" means …, "Operating Hours" means …: two defined spans are
            # two things; a defined span and plain words may be the same
            soft = frozenset({("term", term[-1].lower())})
        yield Statement(
            measure=kind,
            priority=priority_of(before[-50:]),
            subjects=frozenset(subjects),
            clock="range",
            value=(_minutes(h1, m1, ap1), _minutes(h2, m2, ap2)),
            info=info,
            sent=sent,
            start=s_start + m.start(),
            end=s_start + m.start() + len(m.group().rstrip()),
            conditional=any(
                not DAY_WORD.fullmatch(c.group()) and c.group() != "during"
                for c in CONDITION.finditer(before.lower())
            )  # "In the month-end close, support runs from 06:00 to 22:00"
            or (_TRIGGERED.match(sentence) is not None and "," not in before)
            or _EXTENDED.search(before[-40:]) is not None,
            zone=(m.group("zone") or "").lower().replace(" time", ""),
            days=days[i],
            soft=soft,
        )


def coverage(
    info: DocInfo, sent: int, s_start: int, sentence: str, low: str
) -> Iterator[Statement]:
    """Round-the-clock support ("24x7", "24 hours a day, 7 days a week", "24x5")."""
    for m in COVERAGE.finditer(low):
        before = sentence[: m.start()]
        measured = _MEASURED_HOURS.search(before[-80:]) is not None
        if not (measured or _COVERED.search(before[-80:])) or any(
            q.group("unit")
            and not (m.start() <= q.start() < m.end())
            and not PER_PERIOD.match(sentence, q.end())
            for q in QTY.finditer(low)
        ):
            continue  # "restored within 4 hours, 24x7": the hours of another value
        per_week = m.group("d") or m.group("w") or "7"
        count = 5.0 if per_week in ("5", "five") else 7.0
        lead = LEAD.match(sentence)
        subjects = subjects_in(before[-120:])
        soft: frozenset[tuple[str, str]] = frozenset()
        if lead:
            subjects, soft = label_subjects(lead.group(1), subjects)
        term = _TERMS.findall(before[-80:])
        if term:
            soft = frozenset({("term", term[-1].lower())})
        kind = "measurement-hours" if measured else "service-hours"
        if not measured and _LOGGING.search(before[-80:]):
            kind = "logging-hours"
        yield Statement(
            measure=kind,
            priority=priority_of(before[-50:]),
            subjects=frozenset(subjects),
            clock="coverage",
            value=(0.0, 1440.0, count),
            info=info,
            sent=sent,
            start=s_start + m.start(),
            end=s_start + m.end(),
            conditional=False,
            days="0123456" if count == 7 else "01234",
            soft=soft,
        )
