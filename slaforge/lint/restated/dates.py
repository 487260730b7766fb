"""The further passes on dates and days: one deadline counted back from an event by two numbers of
days ("the fifth Working Day before the Pay Date" and "the third"), one defined day term given two
sets of days ("'Business Day' means Monday to Friday" and "a Business Day (Monday to Saturday)"),
and one named period given two date ranges ("the year-end freeze runs from 1 December" and "|
Year-end | 15 December to 2 January |")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from slaforge.lint.context import Context
from slaforge.lint.model import Finding
from slaforge.lint.restated.blocks import parts, table_cells, table_header
from slaforge.lint.restated.guards import EVENT_NOT_THING
from slaforge.lint.restated.hours import DAY_SPAN, day_set
from slaforge.lint.restated.regex import ascii_regex, has_any, is_plain
from slaforge.lint.restated.subjects import WORD, head_noun
from slaforge.lint.restated.values import DIGIT, NUMBER_WORDS, ORDINALS
from slaforge.lint.restated.vocabulary import EXCEPT, PRIORITY, is_example
from slaforge.lint.rules import Rule

_ORDINAL_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))
_COUNT_WORDS = "|".join(sorted((w for w in NUMBER_WORDS if len(w) > 2), key=len, reverse=True))
_BEFORE_EVENT = re.compile(
    r"\b(?P<n>\d{1,3}(?:st|nd|rd|th)?|" + _ORDINAL_WORDS + "|" + _COUNT_WORDS + r")\s+"
    r"(?:(?P<kind>working|business|banking|calendar|clear)\s+)?(?P<unit>days?|weeks?|months?)"
    r"\s+(?:before|prior to|ahead of|preceding|in advance of)\s+(?:the\s+|each\s+|every\s+|its"
    r"\s+|their\s+|any\s+|a\s+|an\s+)?(?P<event>(?:[a-z][\w-]*\s+){0,2}?(?:date|day|deadline"
    r"|renewal|expiry)\b|(?:start|end|expiry|commencement)\s+of\s+(?:the\s+|each\s+|every\s+"
    r"|that\s+|its\s+|any\s+)?(?:[a-z][\w-]*\s+){0,2}?(?:term|month|period|year|quarter|contract"
    r"|agreement|rota|season|event|cycle)\b)"
)
"""A deadline counted back from an event ("on the fifth Working Day before the Pay Date",
"at least 14 days before the renewal date", "the 60th day before the end of the Term")."""
_AFTER_END = re.compile(
    r"\b(?:within|no later than|not later than|by)\s+(?P<n>\d{1,3}|" + _COUNT_WORDS + r")\s+"
    r"(?:(?P<kind>working|business|banking|calendar)\s+)?(?P<unit>days?|weeks?)\s+(?:after|of"
    r"|following|from)\s+(?:the\s+)?(?:end\s+of\s+(?:each|the|every|a|that)?\s*(?:calendar\s+)?"
    r"(?P<period>month|quarter|year)\b|(?P<period2>month|quarter|year)[- ]end\b)"
)
"""A deadline counted from the end of a period ("within 10 days after the end of each
quarter", "no later than 15 days after quarter end")."""
_BEFORE_WORDS = ("before", "prior to", "ahead of", "preceding", "in advance of")
"""One of which ``_BEFORE_EVENT`` needs."""
_BEFORE_SKIP = re.compile(
    r"\b(?:if|unless|except|otherwise|instead|extend\w*|reminder|in the case of|for example"
    r"|e\.g\.|later of|earlier of)\b"
)
_DAY_OF_TIME = re.compile(
    r"\b(\d{1,2})(?:[:.](\d\d))?\s*(?:([ap])\.?m\b)?|\b(noon|midday|midnight)\b"
)
_THING_NOT = EVENT_NOT_THING | frozenset(
    """means meaning customer client provider supplier contractor vendor bureau party parties
    either other shall must should will than later earlier latest least date day days deadline
    each every following working business banking calendar clear""".split()  # noqa: SIM905
)
_GROUP_WORDS = frozenset(
    """permanent agency temporary casual salaried hourly daily weekly monthly quarterly annual
    yearly starters leavers joiners new existing first final interim""".split()  # noqa: SIM905
)


def _before_event(part: str, m: re.Match[str]) -> tuple[tuple[str, str], float, set[str], str]:
    """A deadline before an event: (event, clock), the days, the things timed, the time of day."""
    raw = m.group("n")
    n = ORDINALS.get(raw) or NUMBER_WORDS.get(raw) or int(re.sub(r"\D", "", raw) or 0)
    unit = m.group("unit").rstrip("s")
    days = n * {"day": 1.0, "week": 7.0, "month": 30.4}[unit]
    kind = m.group("kind") or ""
    clock = "business" if kind in ("working", "business", "banking") else ""
    if "period" in m.groupdict():
        event = f"end of {m.group('period') or m.group('period2')}"
    else:
        event = " ".join(head_noun(w) for w in m.group("event").split() if w not in ("the", "each"))
    left = part[: m.start()]
    clause = max(left.rfind(";"), left.rfind("|"), left.rfind(", and "), left.rfind(" and the "))
    left = left[clause + 1 :]
    named = set(m.group().split()[-3:])  # "payment" of "the payment date" is the event
    not_things = _THING_NOT | named
    things = {head_noun(w) for w in WORD.findall(left) if len(w) > 3 and w not in not_things}
    at = ""
    for t in _DAY_OF_TIME.finditer(left[-40:]):
        if t.group(4) or t.group(2) or t.group(3):  # "17:00", "5 pm", "noon" (= 12:00)
            hour = int(t.group(1) or 12)
            if t.group(3):  # "5 pm" is 17:00, "12 am" is 0:00; "17:00" stays 17:00
                hour = hour % 12 + (12 if t.group(3) == "p" else 0)
            at = "midnight" if t.group(4) == "midnight" else f"{hour % 24}:{t.group(2) or '00'}"
    return (event, clock), days, things, at


_DRAFT = frozenset({"draft", "provisional", "preliminary", "interim", "initial"})
_FINAL = frozenset({"final", "definitive", "approved", "signed"})


_BEFORE_REGEXES = (DIGIT, _BEFORE_EVENT, _AFTER_END, _BEFORE_SKIP, PRIORITY)
_BEFORE_REGEXES_ASCII = tuple(ascii_regex(rx) for rx in _BEFORE_REGEXES)


def before_conflicts(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """One deadline counted back from the same event by two different numbers of days ("by
    17:00 on the fifth Working Day before the Pay Date" and "by 17:00 on the third Working Day
    before the Pay Date"): the same thing is timed (a shared word before the value) or the
    same time of day is given."""
    seen: dict[tuple[str, str], list[tuple[float, set[str], str, str, tuple[int, int], bool]]]
    seen = {}
    kept: dict[tuple[object, ...], list[tuple[int, int]]] = {}
    flagged: set[tuple[str, str]] = set()
    # (the blocks with a word one of the two regexes below needs)
    for info in ctx.blocks_containing((*_BEFORE_WORDS, "end"), lower=True):
        low = info.low
        if len(low) != len(info.block.text):
            continue
        counted, sentence = 0, 0  # sentences (". " and line ends) before ``counted``
        digit, event, after_end, skip, priority = (
            _BEFORE_REGEXES_ASCII if is_plain(low) else _BEFORE_REGEXES
        )
        for start, part in parts(info, low):
            before = has_any(part, _BEFORE_WORDS)  # what ``_BEFORE_EVENT`` needs
            if "end" not in part and not before:
                continue  # neither regex below can match: skip the other tests too
            if not digit.search(part) and not any(o in part for o in ("th ", "st ", "nd ", "rd ")):
                continue
            matches = [
                *(event.finditer(part) if before else ()),
                *(after_end.finditer(part) if "end" in part else ()),
            ]
            if not matches:
                continue  # (before the tests below, which only ever drop a part)
            if skip.search(part) or priority.search(part) or is_example(part):
                continue
            if " may " in part and "notice" not in part:
                continue  # "the Customer may object up to 5 days before": a right's last day
            for m in matches:
                key, days, things, at = _before_event(part, m)
                if not days:
                    continue
                if counted < start:
                    sentence += low.count(". ", counted, start) + low.count("\n", counted, start)
                    counted = start
                here = (info.index, sentence)
                defines = "means" in part or "defined as" in part
                for value, others, other_at, text, where, defined in seen.get(key, []):
                    if key in flagged:
                        break
                    if where == here or abs(value - days) < (3 if "month" in text else 0.5):
                        continue
                    same = bool((things - _GROUP_WORDS) & (others - _GROUP_WORDS)) or (
                        bool(at)
                        and at == other_at
                        and (defines or defined or not things or not others)
                    )
                    mine, theirs = things & _GROUP_WORDS, others & _GROUP_WORDS
                    if (things & _DRAFT and others & _FINAL) or (
                        things & _FINAL and others & _DRAFT
                    ):
                        continue  # draft payslips and final payslips: two deadlines
                    if same and not (mine and theirs and mine != theirs):
                        flagged.add(key)
                        measure = f"deadline before the {key[0]}"
                        message = rule.message.format(measure=measure, other=text)
                        yield ctx.finding(rule, info, start + m.start(), start + m.end(), message)
                        break
                # a deadline said again in the same words adds nothing a later one can be
                # compared with: two of each (from two sentences) keep the pass linear
                alike = (key, days, frozenset(things), at, defines)
                heres = kept.setdefault(alike, [])
                if len(heres) < 2 and here not in heres:
                    heres.append(here)
                    seen.setdefault(key, []).append((days, things, at, m.group(), here, defines))


_DAY_TERM = re.compile(
    r"\b(?P<term>(?:[A-Z][a-z]+ )?(?:Business|Working|Banking|Service|Support|Trading|Operating"
    r"|Delivery|Processing)\s+Days?)\b[\"\u201d\u2019']?(?P<gloss>\s+(?:means|shall mean)\s+|\s*"
    r"(?::|\(|,\s*i\.e\.,?|,\s*being|,\s*that is,?)\s*)"
)
"""A defined day term and its gloss ("'Business Day' means …", "a Business Day (Monday to
Saturday)")."""


_DAY_LEAD = re.compile(
    r"(?:(?:a|an|any|each|every)\s+)?(?:(?:calendar\s+)?(?:day|weekday)\s+)?(?:(?:from|of the"
    r" week from)\s+)?"
)
"""What may stand between a day term's gloss and its days ("means any day from")."""


def day_term_conflicts(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """One defined day term given two sets of days ("'Business Day' means Monday to
    Friday" and "on a Business Day (Monday to Saturday)")."""
    seen: dict[str, tuple[frozenset[int], str, int]] = {}
    flagged: set[str] = set()
    for info in ctx.infos:
        text = info.block.text
        if "Day" not in text or len(text) != len(info.low):
            continue
        low = info.low
        for m in _DAY_TERM.finditer(text):
            d = DAY_SPAN.search(low, m.end(), m.end() + 40)
            if d and not _DAY_LEAD.fullmatch(low, m.end(), d.start()):
                continue
            if d is None or not (d.group(1) or d.group(4)):
                continue  # only a span ("Monday to Friday") or "weekdays" defines the days
            days = frozenset(day_set(d))
            term = head_noun(m.group("term").split()[-1])
            qual = " ".join(m.group("term").lower().split()[:-1])
            key = f"{qual} {term}"
            first = seen.setdefault(key, (days, low[d.start() : d.end()], info.index))
            if first[0] != days and first[2] != info.index and key not in flagged:
                flagged.add(key)
                message = rule.message.format(measure=f"{m.group('term')} days", other=first[1])
                yield ctx.finding(rule, info, d.start(), d.end(), message)


_MONTH_NAMES = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE = (
    rf"(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_NAMES})\b\.?"
    rf"|({_MONTH_NAMES})\b\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b)"
)
_DATE_RANGE = re.compile(
    _DATE + r"\s*(?:to|until|till|through|thru|and|-|\u2013|\u2014)\s*" + _DATE
)
_PERIOD_NOUN = re.compile(
    r"\b(?:freeze|freezes|blackout|moratorium|embargo|peak|season|shutdown|close-?down"
    r"|holiday period|change window|quiet period|lock-?down)\b"
)
_PERIOD_HINTS = ("|", "freeze", "blackout", "moratorium", "embargo", "peak", "season", "shutdown",
                 "close", "holiday period", "change window", "quiet period", "lock")  # fmt: skip
"""A table row's bar, or a word each match of ``_PERIOD_NOUN`` holds."""
_MONTH_WORDS = tuple(
    f" {m}"
    for m in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
)
_RANGE_STOP = frozenset(
    """the a an of and or for from to runs run is are will be shall lasts last applies apply
    each every other our its their all any period periods dates date inclusive""".split()  # noqa: SIM905
)
_GENERIC_PERIOD = frozenset(
    """freeze freezes blackout moratorium embargo peak season shutdown window windows change
    changes network""".split()  # noqa: SIM905
)


def _range_value(m: re.Match[str]) -> tuple[str, ...]:
    g = m.groups()
    first = (g[0] or g[3] or "", (g[1] or g[2] or "")[:3])
    second = (g[4] or g[7] or "", (g[5] or g[6] or "")[:3])
    return (*first, *second)


def date_range_conflicts(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """One named period given two different date ranges ("The year-end freeze runs from 1
    December to 5 January" and "| Year-end | 15 December to 2 January |" in the freeze
    calendar): the name's own words must be shared, and both places must say what kind of
    period it is (a freeze, a blackout, a peak season)."""
    seen: list[tuple[frozenset[str], tuple[str, ...], str]] = []
    header = ""
    # a table row (its header may name the period) or a block that names a period, with a
    # month: fewer blocks than those with " may" or " mar" in them
    for info in ctx.blocks_containing(_PERIOD_HINTS, lower=True):
        text = info.block.text
        low = info.low
        if not has_any(low, _MONTH_WORDS) or len(low) != len(text) or is_example(low):
            continue
        cells = table_cells(text)
        if cells:
            header = table_header(ctx, info)
            if not (_PERIOD_NOUN.search(header) or _PERIOD_NOUN.search(low)):
                continue
        elif not _PERIOD_NOUN.search(low):
            continue  # (a cheap test first: most blocks with a month name name no period)
        for m in _DATE_RANGE.finditer(low):
            if cells:
                label = cells[0].lower()
                kind_text = f"{header} {label}"
            else:
                begin = max(low.rfind(". ", 0, m.start()), low.rfind(": ", 0, m.start()), -1) + 1
                label = low[begin : m.start()]
                kind_text = label
            if not _PERIOD_NOUN.search(kind_text) or EXCEPT.search(label):
                continue
            words = frozenset(
                w for w in re.findall(r"[a-z]+", label)
                if w not in _RANGE_STOP and w not in _GENERIC_PERIOD and len(w) > 2
            )  # fmt: skip
            if not words:
                continue
            value = _range_value(m)
            for other_words, other_value, other_text in seen:
                if other_value != value and words & other_words:
                    noun = _PERIOD_NOUN.search(kind_text)
                    what = f"{noun.group() if noun else 'period'} dates"
                    message = rule.message.format(measure=what, other=other_text)
                    yield ctx.finding(rule, info, m.start(), m.end(), message)
                    return
            seen.append((words, value, text[m.start() : m.end()]))
