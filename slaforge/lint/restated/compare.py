"""Whether two statements of one measure conflict (``_conflicts``), the comparison of every
statement with the earlier ones (``compare_statements``), and a downtime allowance that does not
fit the availability of the same period. Long documents state values that legitimately differ;
these are not conflicts: values a sentence, a table row or the bullets of one list give side by
side for different cases ("99.99% at London and 99.95% at Dublin"), two rows of one table, a band
of a credit table ("Up to 10 minutes | 10%"), a percentile ("95% within 300 ms, 99% within 800
ms"), a further credit for a worse miss, a case the sentence opens with ("Where civil works are
needed, …"), kinds of record and storage tiers ("archived logs"), defined cover terms and
round-the-clock fault logging. Where it cannot tell, the check keeps quiet: the items of one
bulleted list are cases of one enumeration; a row of a table whose rows differ is compared only
with statements that name the row; rows of two tables whose labels share no word, two kinds of
work item ("payroll queries", "finance service requests"), a periodic report and a report on an
event, kinds of retained data, and a time named by what is not done in it ("if the Customer does
not reply within 5 days") are different things. Earlier statements are indexed by value and table
row (``_Seen``), and repeats of one statement are kept twice at most, so a long table or many
repeats compare in near-linear time."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from slaforge.lint.context import Context
from slaforge.lint.model import Finding
from slaforge.lint.restated.document import Doc, all_statements
from slaforge.lint.restated.sameness import (
    cutoff_linked,
    events_apart,
    rate_linked,
    reports_apart,
    same_priority,
    same_thing,
)
from slaforge.lint.restated.statement import Statement, dimension, glosses_term
from slaforge.lint.restated.vocabulary import PRIORITY
from slaforge.lint.rules import Rule

_HOURS = ("service-hours", "measurement-hours")


def _conflicts(a: Statement, b: Statement, doc: Doc) -> bool:
    if (a.info.index, a.sent) == (b.info.index, b.sent):
        return False
    if a.measure != b.measure:
        return False
    run = doc.lists.get(a.info.index)
    if run is not None and run == doc.lists.get(b.info.index):
        return False  # two items of one list: two cases of one enumeration
    if a.clock != b.clock and {a.clock, b.clock} == {"coverage", "range"} and a.measure in _HOURS:
        return _hours_against_coverage(a, b, doc)
    if a.conditional or b.conditional or dimension(a) != dimension(b):
        return False
    if a.measure == "cut-off" and not cutoff_linked(a, b, doc):
        return False
    if a.clock == "rate" and not (rate_linked(a, b) or rate_linked(b, a)):
        # rates of two tasks ("scan 5,000 pages a day", "index 2,000 pages a day"): a sentence
        # restates a table row's rate only where it names what the row names
        return False
    if a.party and b.party and a.party != b.party:
        return False  # the customer's notice within 5 days and the provider's within 10
    if a.measure == "claim" and (
        (a.party == "provider") != (b.party == "provider") or _anchors_apart(a, b)
    ):
        return False  # the provider's answer to a claim; evidence sent "within 5 days of receipt"
    if not same_priority(a, b, doc):
        return False
    if _rest_case(a) != _rest_case(b):
        return False  # "the Randomisation Functions: 99.9%" and "all other Core Functions: 99.8%"
    if (
        not same_thing(a, b, doc)
        and not (a.clock == "range" and _same_term(a, b))
        and a.clock != "rate"  # (a rate's row and sentence are linked above)
    ):
        return False
    if a.measure == "notification" and events_apart(a.context, b.context):
        return False  # notice of a data breach and notice of a change of subcontractor
    if a.measure == "report" and reports_apart(a, b):
        return False  # the monthly service report and the report on a failover test
    if b.sized and a.info.index == b.info.index and not a.sized:
        return False  # "within 1 day. Orders of more than 50 lines: within 5 days."
    if doc.variants and a.priority == b.priority:
        pair = frozenset({(a.clock, a.value), (b.clock, b.value)})
        if pair in doc.variants.get((a.measure, a.priority), ()):
            return False  # two of the values the document gives side by side
    if a.clock == "range" and _terms_apart(a, b, doc):
        return False
    if a.window and b.window and a.window != b.window and a.clock != "window":
        return _caps_apart(a, b)  # a monthly and a yearly target are two targets
    if a.share != b.share:
        # "90% of calls within 30 seconds" and "80% of calls within 30 seconds" conflict;
        # "80% within 20 seconds" and an average of 30 seconds are two targets
        if min(a.share, b.share) >= 0:
            return a.value == b.value and a.clock == b.clock
        # "Within 3 Working Days" for every fault, and a KPI of "95% within 5 Working Days":
        # the KPI's clock is longer than the limit (a longer limit is the ceiling for the rest)
        whole, part = (a, b) if a.share < 0 else (b, a)
        return (
            part.share < 100
            and a.clock == b.clock
            and whole.value < part.value
            and _AVERAGE.search(whole.context) is None
        )
    if a.clock == "coverage":
        return a.value != b.value
    if a.clock == "range":
        if a.measure == "service-hours" and a.days and b.days:
            if not set(a.days) & set(b.days):
                return False  # weekday hours and weekend hours
            if a.days != b.days:
                return True  # the same hours on other days
        return a.value != b.value or bool(a.zone and b.zone and a.zone != b.zone)
    if a.clock == "window":
        return a.value != b.value and not (a.shares and b.shares and not a.shares & b.shares)
    return a.clock != b.clock or a.value != b.value


_HYPHENATED = frozenset({"cut-off", "goods-in", "put-away"})
"""Measures said with their hyphen ("the cut-off value"); others are said with spaces ("the
first time fix value")."""
_AVERAGE = re.compile(
    r"\b(?:mean|average|avg|median|target|targets|aims?|typical(?:ly)?|expected|objective)\b"
)
"""An average, or a figure aimed at rather than held to: no limit for every case."""

_ANCHOR = re.compile(
    r"[^.;]{0,12}?\b(?:after|following|from|of)\s+(?:the\s+|their\s+|its\s+|each\s+)?"
    r"(?:(?P<end>(?:end|close)\s+of\b|month[- ]end\b)|(?P<event>(?:\w+\s+)?(?:outage|incident"
    r"|failure|fault|breach|downtime|unavailab|event|occurr)\w*)|(?P<other>\w+))"
)


def _anchors_apart(a: Statement, b: Statement) -> bool:
    """True when one time is counted from the end of a period ("within 30 days after the end
    of the month") and the other from something else than the failure claimed for ("within 5
    days of their receipt"): two deadlines, not one stated twice."""
    kinds = []
    for st in (a, b):
        m = _ANCHOR.match(st.info.block.text.lower(), st.end)
        kinds.append(None if m is None else m.lastgroup)
    # (a claim counted from the month's end and one counted from the outage are one claim)
    return set(kinds) == {"end", "other"}


_REST = re.compile(
    r"\b(?:all|any|every|each|the)\s+other\s+[a-z]|\bremaining\s+[a-z]|\bthe rest of\b"
)


def _rest_case(st: Statement) -> bool:
    """True when the value is for the cases not named elsewhere ("Availability of all other
    Core Functions is at least 99.8%"): the rest, not the same thing as a named case."""
    low = st.info.low
    return _REST.search(low, max(0, st.start - 80), st.start) is not None


_CAPS = frozenset({"maintenance", "downtime"})


def _caps_apart(a: Statement, b: Statement) -> bool:
    """True when two allowances of time over different windows cannot both hold: the
    allowance for the shorter window is larger than the one for the longer window ("6 hours
    of maintenance in any quarter" and "up to 8 hours in each month")."""
    if a.measure not in _CAPS or "%" in (a.clock, b.clock) or a.share != b.share:
        return False
    if a.window[1:] != b.window[1:]:
        return False  # a rolling window and a calendar one
    short, long = (a, b) if a.window[0] < b.window[0] else (b, a)
    return short.value[0] > long.value[0]


def _same_term(a: Statement, b: Statement) -> bool:
    """True when two spans of hours both gloss one defined term ("Service Hours: 7am to 7pm"
    and "during Service Hours, 8am to 6pm"): whatever each is said of, it is that term."""
    return any(q == "term" and (q, h) in b.soft for q, h in a.soft)


def _terms_apart(a: Statement, b: Statement, doc: Doc) -> bool:
    """True when one of two spans of hours is a defined term and the other, in plain words,
    equals another defined span ("'Extended Hours' means 18:00-22:00" and "answered between
    08:00 and 18:00" where "Core Hours" means 08:00-18:00)."""
    if glosses_term(a) == glosses_term(b):
        return False
    plain = b if glosses_term(a) else a
    return plain.value in doc.terms.get(plain.measure, set())


_OTHER_CASES = re.compile(r"\b(?:other|remaining|rest of|non-urgent|routine)\b")


def _hours_against_coverage(a: Statement, b: Statement, doc: Doc) -> bool:
    """Round-the-clock cover ("24x7") and opening hours of part of the day ("07:00-22:00
    every day") for the same service on the same days."""
    if a.conditional or b.conditional:
        return False
    if not same_priority(a, b, doc) or not same_thing(a, b, doc):
        return False
    hours, cover = (a, b) if a.clock == "range" else (b, a)
    if any(q == "term" for q, _h in hours.soft):
        return False  # "'Business Hours' means 07:00-19:00" defines a term, not the cover
    for st in (hours, cover):
        low = st.info.low
        if PRIORITY.search(low) or _OTHER_CASES.search(low):
            return False  # "24x7 for Severity 1", "08:00-18:00 for all other requests"
    if hours.value[1] - hours.value[0] in (0.0, 1440.0) or hours.value == (0.0, 1439.0):
        return False  # 00:00-24:00 is the whole day
    return not hours.days or bool(set(hours.days) & set(cover.days))


def _value_key(st: Statement) -> tuple[object, ...]:
    """What makes two values of a measure the same figure: two statements with one key never
    conflict (same clock, value, share, window, zone and days)."""
    return (st.clock, st.value, st.share, st.window, st.zone, st.days)


def _signature(st: Statement, key: tuple[object, ...]) -> tuple[object, ...]:
    """Everything ``_conflicts`` reads of an earlier statement except where it is: a statement
    with the signature of two kept ones (from two sentences) adds nothing to compare with."""
    return (
        key, st.priority, st.subjects, st.conditional, st.soft, st.strict, st.table,
        st.row, st.labelled, st.shares, st.named, st.context,
    )  # fmt: skip


@dataclass
class _Seen:
    """The earlier statements of one measure, indexed so that a long document is compared in
    near-linear time: rows of a table by their row (two rows of one table are two things),
    the rest in order; repeats of one statement are kept twice at most."""

    loose: dict[tuple[object, ...], list[tuple[int, Statement]]] = field(default_factory=dict)
    """Statements outside tables by their value key: (order, statement) in order."""
    tables: dict[tuple[int, tuple[object, ...]], list[tuple[int, Statement]]] = field(
        default_factory=dict
    )
    """Table rows by table and value key."""
    rows: dict[tuple[int, str], list[tuple[int, Statement]]] = field(default_factory=dict)
    kept: dict[tuple[object, ...], list[tuple[int, int]]] = field(default_factory=dict)

    def sources(
        self, st: Statement, key: tuple[object, ...]
    ) -> Iterator[list[tuple[int, Statement]]]:
        """Lists, each in document order, that hold every earlier statement ``st`` (of value
        key ``key``) may conflict with (the row's list may hold some with its own key)."""
        for k, items in self.loose.items():
            if k != key:
                yield items
        for (table, k), items in self.tables.items():
            if table != st.table and k != key:
                yield items
        if st.table:
            yield self.rows.get((st.table, st.row), [])

    def add(self, order: int, st: Statement, key: tuple[object, ...]) -> None:
        places = self.kept.setdefault(_signature(st, key), [])
        here = (st.info.index, st.sent)
        if len(places) >= 2 or here in places:
            return
        places.append(here)
        if st.table:
            self.tables.setdefault((st.table, key), []).append((order, st))
            self.rows.setdefault((st.table, st.row), []).append((order, st))
        else:
            self.loose.setdefault(key, []).append((order, st))


def _first_conflict(
    st: Statement,
    key: tuple[object, ...],
    sources: Iterator[list[tuple[int, Statement]]],
    keys: dict[int, tuple[object, ...]],
    doc: Doc,
) -> tuple[int, Statement] | None:
    """The earliest statement of ``sources`` (lists in document order) that ``st`` conflicts
    with: a list is read only up to the earliest one found so far."""
    best: tuple[int, Statement] | None = None
    for items in sources:
        for n, e in items:
            if best is not None and n >= best[0]:
                break
            if keys[n] != key and _conflicts(e, st, doc):
                best = (n, e)
                break
    return best


def compare_statements(rule: Rule, ctx: Context, windows: bool) -> list[Finding]:
    found, doc = all_statements(ctx)
    out: list[Finding] = []
    seen: dict[str, _Seen] = {}
    pairs: set[tuple[str, str, frozenset[tuple[float, ...]]]] = set()
    keys: dict[int, tuple[object, ...]] = {}  # the value key of each statement compared
    for order, st in enumerate(found):
        if (st.clock == "window") != windows:
            continue
        same = seen.setdefault(st.measure, _Seen())
        key = keys[order] = _value_key(st)
        earlier: tuple[int, Statement] | None = None
        if not st.conditional or (st.clock in ("coverage", "range") and st.measure in _HOURS):
            # (a conditional value conflicts with nothing but opening hours against cover)
            earlier = _first_conflict(st, key, same.sources(st, key), keys, doc)
        same.add(order, st, key)
        if earlier is None:
            continue
        e = earlier[1]
        pair = (st.measure, st.priority or e.priority, frozenset({st.value, e.value}))
        if pair in pairs:
            continue  # the same two values again: one point, not one per repeat
        pairs.add(pair)
        other = e.info.block.text[e.start : e.end]
        name = st.measure if st.measure in _HYPHENATED else st.measure.replace("-", " ")
        if windows:
            message = rule.message.format(metric=name, other=f"'{other}' elsewhere")
        else:
            message = rule.message.format(measure=name, other=other)
        out.append(ctx.finding(rule, st.info, st.start, st.end, message))
    if not windows:
        out.extend(_downtime_conflicts(rule, ctx, found, doc, out))
    return out


_MONTH_MINUTES = (40320.0, 44640.0)
"""The shortest and the longest calendar month, in minutes."""


def _downtime_conflicts(
    rule: Rule, ctx: Context, found: list[Statement], doc: Doc, done: list[Finding]
) -> Iterator[Finding]:
    """A downtime allowance that does not fit the availability target of the same period
    ("99.9% per month" allows about 43 minutes, not 4 hours)."""
    shares = [st for st in found if st.measure == "availability" and st.clock == "%"]
    downs = [st for st in found if st.measure == "downtime" and st.clock in ("", "business")]
    if not shares or not downs:
        return
    flagged = {(id(f.location), f.start) for f in done}
    for down in downs:
        for share in shares:
            if not _misfit(share, down, doc):
                continue
            later, other = (down, share) if share.info.index <= down.info.index else (share, down)
            if (id(later.info.block.location), later.start) in flagged:
                break
            text = other.info.block.text[other.start : other.end]
            message = rule.message.format(measure="availability", other=text)
            yield ctx.finding(rule, later.info, later.start, later.end, message)
            flagged.add((id(later.info.block.location), later.start))
            break


def _misfit(share: Statement, down: Statement, doc: Doc) -> bool:
    if share.conditional or down.conditional or down.clock == "business":
        return False
    if (share.info.index, share.sent) == (down.info.index, down.sent):
        return False
    if not same_priority(share, down, doc) or not same_thing(share, down, doc):
        return False
    window = share.window or (1.0, 0.0)
    if (down.window or (1.0, 0.0)) != window or window[1]:
        return False
    months = window[0]
    shortest, longest = (
        (10080.0 * months * 4, 10080.0 * months * 4)
        if months < 1
        else (_MONTH_MINUTES[0] * months, _MONTH_MINUTES[1] * months)
    )
    allowed = down.value[0]
    low, high = 100 * (1 - allowed / shortest), 100 * (1 - allowed / longest)
    return not (low - 0.005 <= share.value[0] <= high + 0.005)
