"""Every statement of one block (``statements``): cheap cues first (a block is looked at only when a
substring test finds a unit word in it, a tenth of the cost of a regex scan), then each sentence's
values, opening hours, cover, windows, temperature limits and days of the month; values a sentence
lists for other cases after a stated one are its siblings, not statements of their own."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from slaforge.lint.docinfo import DocInfo
from slaforge.lint.kinds import example_from
from slaforge.lint.restated.blocks import table_cells
from slaforge.lint.restated.guards import bounded
from slaforge.lint.restated.hours import COVERAGE, PER_PERIOD, coverage, hour_ranges
from slaforge.lint.restated.measures import CLOCKED, MEASURE, WINDOW_MEASURES, find_measures
from slaforge.lint.restated.regex import has_any, is_plain
from slaforge.lint.restated.sentence import STATE_NOUNS, Sentence, measure_of_heading
from slaforge.lint.restated.statement import Statement, stmt
from slaforge.lint.restated.subjects import ITEM_MARK, WORD, WORK_ITEMS, head_noun, lead_label
from slaforge.lint.restated.targets import value_statements
from slaforge.lint.restated.values import (
    DIGIT,
    DIGIT_ASCII,
    DIGIT_UNIT,
    DIGIT_UNIT_ASCII,
    ORDINAL,
    ORDINAL_NAMES,
    ORDINAL_NUMBER,
    ORDINAL_NUMBER_ASCII,
    ORDINALS,
    PERCENT,
    QTY,
    UNIT_HINTS,
    Value,
    parse_number,
    plain_value,
    values_in,
)
from slaforge.lint.restated.vocabulary import (
    ALIAS,
    ALIAS_ASCII,
    ALIAS_NAMES,
    CLOCK_TIME,
    CLOCK_TIME_ASCII,
    CONDITION,
    MEASURING_HINTS,
    NOT_SERVICE,
    OTHER_WINDOW_HINTS,
    PRIORITY,
    TERMINATION,
    TRIGGER,
    WINDOW,
    WINDOW_ASCII,
    WINDOW_HINTS,
    is_example,
    priority_of,
    window_value,
)

_DOM = re.compile(
    r"(?:\b(?:by|on|before|until|no later than|not later than|is|means)\s+the\s+|\|\s*)"
    r"(?P<ord>\d{1,2}(?:st|nd|rd"
    r"|th)|"
    + "|".join(ORDINALS)
    + r")\b(?P<rest>(?:\s+(?!working|business|banking|calendar)[A-Za-z]+)?\s+(?:(?P<kind>working|"
    r"business|banking|calendar)\s+)?day\b|(?=\s+(?:day\s+)?of\s+(?:the|each|every)\s+"
    r"(?:following|next|subsequent|calendar)?\s*month))",
)
"""A deadline given as a day of the month ("by the 10th working day of the following month",
"The Input Deadline is the 10th Working Day of the month", "| 12th Working Day of the month |")."""
_OPENING = re.compile(r"\s*(?:[-*\u2022]\s*|\d+(?:\.\d+)*\.?\s+|\(?[a-z0-9]{1,3}\)\s+)?")
"""What may stand before a deadline that opens its sentence: a bullet or a clause number."""
_NAMED_DEADLINE = re.compile(
    r"\b((?:[a-z][\w-]*\s+){0,3}?(?:deadline|cut-?off(?: time)?|due date))\b(?![^|]*\|[^|]*\b"
    r"(?:deadline|cut-?off|due date))"
)
"""A deadline named as a term before its day ("the Payroll Input Deadline is the 10th …")."""


_TOPIC_WORDS = 8
"""At most this many words in a sentence that only names the priority the next one is about."""
_CASES = (
    r"faults?|incidents?|issues?|calls?|tickets?|requests?|cases?|jobs?|defects?|problems?"
    r"|alarms?|breakdowns?|events?|outages?|enquir(?:y|ies)|queries|query|messages?|emails?"
)
_TOPIC = re.compile(
    r"\s*"
    + ITEM_MARK
    + r"(?:[a-z-]+-)?"
    + PRIORITY.pattern
    + rf"(?!-(?:{STATE_NOUNS})\b)(?:[- ][a-z-]+)?\s+(?:{_CASES})\b"
)
"""A sentence that opens with a priority named as a class of cases ("Safety-Critical Faults
…", "P1 incidents …"), not a kind of thing ("critical systems") or a state ("low-battery
alarms")."""
_OWN_CASES = re.compile(rf"\b(?:{_CASES}|else|other|others|rest|remaining)\b")
"""Cases a sentence names itself ("every incident", "Everything else", "Email enquiries"): it
is not about the class the sentence before named."""


def _deadline_name(named: re.Match[str]) -> str:
    """The measure a named deadline gives ("payroll input deadline"), without its article."""
    return re.sub(r"^(?:the|a|an|each|every|its|our|your)\s+", "", named.group(1))


@functools.lru_cache(maxsize=1024)
def _under(path: tuple[str, ...]) -> tuple[bool, str | None, bool]:
    """What a heading path says of the values under it: whether it names a worked example,
    the measure its heading names, and whether the heading is about something other than
    the service (a dispute)."""
    if not path:
        return False, None, False
    return (
        is_example(" ".join(path).lower()),
        measure_of_heading(path[-1]),
        NOT_SERVICE.search(path[-1].lower()) is not None,
    )


def statements(
    info: DocInfo,
    header: list[str] | None = None,
    table: int = 0,
    aliases: dict[str, str] | None = None,
) -> Iterator[Statement]:
    """Every value with a measure in ``info``'s block. For a table row (``| A | B |``),
    ``header`` holds the column headings (they name the measure of each column) and ``table``
    numbers the table."""
    text = info.block.text
    low = info.low
    if len(low) != len(text):
        return
    plain = is_plain(text)
    digit = (DIGIT_ASCII if plain else DIGIT).search(low) is not None
    if aliases is not None and digit and has_any(low, ALIAS_NAMES):
        for a in (ALIAS_ASCII if plain else ALIAS).finditer(low):  # "Priority 1 (Critical)"
            aliases[a.group(2) or a.group(3)] = a.group(1) or a.group(4)
    if (
        aliases is not None
        and header
        and text.lstrip().startswith("|")
        and has_any(low, ALIAS_NAMES)
    ):
        # "| Priority | ... |" over "| 1 - Critical | ... |": the column names the number's kind
        first = low.strip().strip("|").split("|", 1)[0].strip()
        for a in ALIAS.finditer(f"{header[0].lower()} {first}"):
            aliases[a.group(2) or a.group(3)] = a.group(1) or a.group(4)
    # cheap cues first: a substring test costs a tenth of a regex scan of the block
    units = has_any(low, UNIT_HINTS)  # (each of "day", "month", "week", "year" is one)
    hint = units or (digit and (DIGIT_UNIT_ASCII if plain else DIGIT_UNIT).search(low) is not None)
    qtys = values_in(low, plain) if hint else []
    clocks = digit and (CLOCK_TIME_ASCII if plain else CLOCK_TIME).search(low) is not None
    dom = (
        units
        and ("day" in low or "month" in low)
        and (
            (ORDINAL_NUMBER_ASCII if plain else ORDINAL_NUMBER).search(low) is not None
            or (has_any(low, ORDINAL_NAMES) and ORDINAL.search(low) is not None)
        )
    )
    temps = digit and ("\u00b0" in text or "degree" in low)
    tods = digit and has_any(low, _TOD_HINTS) and _TOD.search(low) is not None
    rates = digit and " per " in low and _RATE.search(low) is not None
    cover = "24" in low or "twenty-four" in low or "the clock" in low or "the-clock" in low
    windows = has_any(low, WINDOW_HINTS if units else OTHER_WINDOW_HINTS) and (
        "%" in low or has_any(low, MEASURING_HINTS)
    )
    if not (qtys or clocks or dom or windows or temps or cover or tods or rates):
        return
    example_part, heading_measure, dispute = _under(info.block.location.heading_path)
    if example_part:
        return
    cells = table_cells(text)
    row_key = cells[0] if cells else ""
    row_label = ""
    if cells and not QTY.search(cells[0].lower()) and ": " not in cells[0]:
        row_label = cells[0]
    if len(cells) > 2 and row_label and not DIGIT.search(cells[1]) and cells[1].strip(" -\u2014"):
        if _ROW_CODE.fullmatch(row_label.strip()) and not priority_of(row_label):
            # "| K9 | Joiner set-up complete | 98% ... |": the code's next cell is the label
            row_key = row_label = cells[1].strip()
        elif MEASURE.search(cells[1].lower()):
            # "| Production | Interface Availability | 99.9% |": the second cell names which
            # measure of the first cell's thing the row gives
            row_key = f"{row_key} {cells[1]}"
        elif _THING_CELL.fullmatch(cells[1].strip()) and MEASURE.search(row_label.lower()):
            # "| Availability | STS cranes | 95% |": the second cell names the thing the
            # measure of the first is given for
            row_key = f"{row_key} {cells[1]}"
            row_label = f"{cells[1].strip()} {row_label}"
    q = 0
    prev: Sentence | None = None
    asked: tuple[str, str] | None = None
    for sent, (tok_start, tok_end) in enumerate(info.sent_bounds):
        if tok_start >= tok_end:
            continue
        s_start, s_end = info.chars(tok_start, tok_end)
        mine = []
        while q < len(qtys) and qtys[q].start < s_end:
            if qtys[q].start >= s_start:
                mine.append(qtys[q])
            q += 1
        sentence = text[s_start:s_end]
        slow = low[s_start:s_end]
        has_clock = clocks and CLOCK_TIME.search(slow) is not None
        has_dom = dom and _DOM.search(slow) is not None
        has_window = windows and (WINDOW_ASCII if plain else WINDOW).search(slow) is not None
        has_temp = temps and _TEMP.search(sentence) is not None
        has_cover = cover and COVERAGE.search(slow) is not None
        has_tod = tods and _TOD.search(slow) is not None
        has_rate = rates and _RATE.search(slow) is not None
        if not (
            mine
            or has_clock
            or has_dom
            or has_window
            or has_temp
            or has_cover
            or has_tod
            or has_rate
        ):
            prev = None
            asked = None
            if not cells and len(slow.split()) <= _TOPIC_WORDS and _TOPIC.match(slow):
                # "Safety-Critical Faults are different. We'll have an engineer on site within
                # 4 hours": the priority the next sentence's times are for
                asked = ("", priority_of(slow))
            if slow.rstrip().endswith("?"):
                if _MEASURING.search(slow):
                    # "How is uptime calculated?" and its answer
                    prev = Sentence(sentence, slow, plain)
                # "How much data could we lose?" then "Up to one hour.": the answer's measure
                found = find_measures(sentence, slow)
                asked = (found[-1][2], priority_of(slow)) if found else None
            continue
        example = example_from(info)  # (found once per block, only for one with values)
        if is_example(slow) or (example is not None and sent >= example):
            continue  # a worked example: its figures illustrate, they are not values
        words = Sentence(sentence, slow, plain)
        lead = lead_label(sentence)
        label = row_label or (lead.group(1) if lead else "")
        if has_clock:
            yield from hour_ranges(info, sent, s_start, sentence, label)
        if has_cover:
            yield from coverage(info, sent, s_start, sentence, slow)
        if has_window:
            yield from _windows(info, sent, s_start, words, prev)
        if has_temp:
            yield from _temperatures(info, sent, s_start, words)
        prev = words
        # "every day" is not a time limit that a share in the sentence is tied to
        spans = [
            (v.start - s_start, v.end - s_start, v.pct is not None) for v in mine if not v.every
        ]
        made: list[Statement] = []
        topic = asked[0] if asked and asked[0] else heading_measure
        for m in mine:
            made.extend(value_statements(
                info, sent, s_start, words, m, spans, header, cells, (row_label, row_key, ""),
                label, topic, table, dispute,
            ))  # fmt: skip
        if asked:  # the question's priority ("… a Severity 1 ticket?") goes with its answer
            own = not asked[0] and _OWN_CASES.search(slow) is not None
            for st in made:
                if asked[0] or (st.measure in CLOCKED and not own):
                    st.priority = st.priority or asked[1]
            asked = None
        if len(mine) > len(made) and made:
            _siblings(made, mine, words, s_start)
        yield from made
        if has_dom:
            for d in _DOM.finditer(slow):
                yield from _deadline(info, sent, s_start, words, d, label)
        if has_tod:
            row = (row_label, row_key, "")
            for t in _TOD.finditer(slow):
                yield from _time_of_day(info, sent, s_start, words, t, label, row, table)
        if has_rate:
            row = (row_label, row_key, "")
            for r in _RATE.finditer(slow):
                yield from _rate(info, sent, s_start, words, r, label, row, table)


_RATE = re.compile(
    r"(?<![\d.,\-\u2013])(?<!\d to )(?<!\d and )(?<!\d or )(?P<n>\d{1,3}(?:,\d{3})+|\d+)"
    r"(?!\s*(?:-|\u2013|to|and|or)\s*\d)\s+(?:[a-z][a-z-]+\s+){0,2}?"
    r"(?!(?:hours?|hrs|minutes?|mins|seconds?|secs|days?|weeks?|months?|years?|times?|per"
    r"|percent|pounds|dollars|euros)\b)(?P<unit>[a-z][a-z-]*s)\s+per\s+"
    r"(?P<per>(?:working |business |calendar |school )?(?:day|hour|week|month|shift))\b"
)
"""A rate of work ("2,500 weighted words per Working Day", "400 boxes per day"): how many of a
thing are done in a period."""


_PRICED = re.compile(r"[\u00a3$\u20ac]|\b(?:fees?|charges?|charged|price|billed|costs?|invoiced)\b")
"""Near a rate, words that make it a price ("£12 for 5 users per month")."""


def _rate(
    info: DocInfo,
    sent: int,
    s_start: int,
    words: Sentence,
    m: re.Match[str],
    label: str,
    row: tuple[str, str, str],
    table: int,
) -> Iterator[Statement]:
    """A rate of work, compared with the same rate of the same thing ("a throughput of 2,500
    weighted words per Working Day" and "| Large projects | 2,000 weighted words per Working
    Day |")."""
    if _PRICED.search(words.low, max(0, m.start() - 40), m.end() + 40):
        return  # "£12 for 5 users per month": a price, not a rate of work
    measure = f"{m.group('unit')} per {m.group('per')}"
    value = float(m.group("n").replace(",", ""))
    clause = words.clause_start(m.start())
    conditional = words.fact("condition") != -1
    yield stmt(info, sent, s_start, words, m.start(), m.end(), measure, "rate", (value,),
               clause, label, row, table, conditional)  # fmt: skip


_THING_CELL = re.compile(
    r"(?!(?:all|any|each|every|n/?a|none|various|other|both)\b)[A-Za-z][\w&'()/-]*"
    r"(?: [\w&'()/-]+){0,3}",
    re.I,
)
"""A cell short enough to name a thing ("STS cranes", "Straddle carriers (fleet)")."""
_ROW_CODE = re.compile(r"[A-Za-z]{0,4}[-.]?\d{1,3}(?:\.\d{1,3})*[a-z]?")
"""A row's reference code ("K9", "SL-03", "4.2"), not a label."""
_JOINED = re.compile(r"^[^;:|]{0,80}$")
_JOINER = re.compile(r"\band\b|\bor\b|,|\bwhile\b|\bwhereas\b")


def _siblings(made: list[Statement], mine: list[Value], words: Sentence, s_start: int) -> None:
    """Marks the values a stated value is listed with ("99.99% … at London and 99.95% … at
    Dublin", "Enterprise plan 99.95%, Team plan 99.9%"): a later value of the same kind,
    joined by "and", "or" or a comma, with no measure word, threshold or condition of its own,
    is the same measure for another case. They become variants of the measure (see
    ``Doc.variants``), not statements."""
    starts = {st.start - s_start for st in made}
    low = words.low
    for st in made:
        if st.conditional or st.clock not in ("%", "", "business"):
            continue
        at, kind = st.end - s_start, st.clock == "%"
        found: set[tuple[float, ...]] = set()
        for v in mine:
            begin = v.start - s_start
            if begin < at or begin in starts or (v.pct is not None) != kind:
                continue
            gap = low[at:begin]
            if (
                not _JOINED.match(gap)
                or not _JOINER.search(gap)
                or bounded(low[max(0, begin - 25) : begin])
                or find_measures(gap, gap)
                or CONDITION.search(gap)
            ):
                break
            value = plain_value(v)
            if value is None or (not kind and (v.clock is not None) != (st.clock == "business")):
                break
            if not kind and PER_PERIOD.match(low, v.end - s_start):
                break  # "counted 24 hours a day": the hours of the clock, not a value
            found.add(value)
            at = v.end - s_start
        if found:
            st.siblings = frozenset(found)


_SUPPLIED = re.compile(
    r"\b(?:availab|publish|issu|sen[dt]\b|deliver|provid|releas|distribut|upload|post(?:ed|s)?\b)"
)
_PAID = re.compile(r"\b(?:pa(?:y|ys|id|yable|yments?)|settle\w*|remit\w*)\b")


def _deadline(
    info: DocInfo, sent: int, s_start: int, words: Sentence, m: re.Match[str], label: str
) -> Iterator[Statement]:
    """A deadline given as a day of the month, for the measure named before it."""
    start, end = m.start(), m.end()
    if m.group()[:1] in ("|", "i", "m"):
        start = m.start("ord")  # (the day itself: "| 12th Working Day", "is the 10th …")
    clause = words.clause_start(start)
    found = [x for x in words.measures if x[0] >= clause and x[1] <= start]
    if not found and _OPENING.fullmatch(words.low, 0, start):
        # "By the fifth Business Day of each month, the Supplier shall deliver … a report"
        found = [x for x in words.measures if x[0] >= end][:1]
    named = None if found else _NAMED_DEADLINE.search(words.low, clause, start)
    np = words.np
    if named:
        measure = _deadline_name(named)
    elif (
        np
        and (not found or found[-1][2] == "availability")
        and not np[1].startswith("@")
        and np[1] not in WORK_ITEMS
        and not MEASURE.match(np[1])
        and _SUPPLIED.search(words.low, 0, start)
        and not _PAID.search(words.low)
    ):
        # "Payslips are published by the 28th", "available in the portal by the 25th": when
        # a thing is made available, whatever the verb (but paying is another event)
        measure = f"{np[1]} deadline"
    elif not found or found[-1][2] == "notice":
        return
    else:
        measure = found[-1][2]
    ordinal = m.group("ord").lower()
    day = ORDINALS.get(ordinal) or int(re.sub(r"\D", "", ordinal))
    kind = (m.group("kind") or "").lower()
    business = 1.0 if kind in ("working", "business", "banking") else 0.0
    if CONDITION.search(words.low):
        return
    yield stmt(info, sent, s_start, words, start, end, measure, "dom", (float(day), business),
                clause, label, ("", "", ""), 0, False)  # fmt: skip


_TOD = re.compile(
    r"(?:\b(?:by|before|no later than|not later than)\s+"
    r"|\b(?P<term>cut-?off(?: time)?|deadline)\b[^.;|\d]{0,30}?\b(?:of|is|at|means)\s+)"
    r"(?P<h>[01]?\d|2[0-3])(?:(?P<m>[:.][0-5]\d)(?:\s*(?P<ap>[ap](?:\.m\.|m\b)))?"
    r"|\s*(?P<ap2>[ap](?:\.m\.|m\b)))"
    r"(?!\s*(?:[-\u2013\u2014]|to\b|and\b|until\b)\s*\d)"
    r"(?![\d%]|\s*(?:percent|per cent|hours?|hrs?|minutes?|mins?|days?|ms|seconds?|secs?)\b)"
)
"""A time of day a thing must be done by ("completed by 07:00", "by 6am", "The Cut-Off Time
for Orders is 14:00"), not the start of a range ("by 08:00-18:00") nor an amount ("reduced by
2.50%", "by 1.25 hours")."""
_RECEIVED_BY = re.compile(
    r"(?:\b(?P<thing>[a-z][a-z-]+)\s+)?(?:received|placed|released|submitted|logged|booked|raised)"
    r"\s+(?:[\w-]+\s+){0,4}?"
    r"(?:by|before|no later than|not later than)\s+$"
)
_NO_THING = frozenset(
    """are is be been was were those anything items if when not once where unless and or that
    which the a an it they all any each every on in by day""".split()  # noqa: SIM905
)
_SAME_DAY = re.compile(r"\b(?:on )?the same (?:working |business )?day\b")
"""What is received by a time of day to be handled on the same day: a cut-off."""
_TOD_HINTS = ("by ", "before ", "later than ", "cut-off", "cutoff", "deadline")


def _time_of_day(
    info: DocInfo,
    sent: int,
    s_start: int,
    words: Sentence,
    m: re.Match[str],
    label: str,
    row: tuple[str, str, str],
    table: int,
) -> Iterator[Statement]:
    """A deadline given as a time of day, for the measure named before it in its clause (or
    the named cut-off or deadline it sets)."""
    start = m.start("h")
    end = max(m.end("m"), m.end("ap"), m.end("ap2"))
    clause = words.clause_start(m.start())
    received = None
    if m.group("term"):
        measure = m.group("term").replace("cutoff", "cut-off").removesuffix(" time")
    else:
        found = [x for x in words.measures if x[0] >= clause and x[1] <= m.start()]
        named = _NAMED_DEADLINE.search(words.low, clause, m.start())
        received = _RECEIVED_BY.search(words.low, clause, start)
        same_day = _SAME_DAY.search(words.low, end) if received else None
        if received and same_day:
            measure = "cut-off"  # "Orders received by 15:00 … dispatched the same day"
        elif found:
            measure = found[-1][2]
        elif named:
            measure = _deadline_name(named)
        else:
            return
    if measure in ("notice", "availability", "service-hours", "maintenance-window"):
        return  # (a notice given by 17:00, hours of cover: other passes read these)
    hour = int(m.group("h")) % 12 if (m.group("ap") or m.group("ap2")) else int(m.group("h"))
    if (m.group("ap") or m.group("ap2") or "")[:1] == "p":
        hour += 12
    minutes = hour * 60 + (int(m.group("m")[1:]) if m.group("m") else 0)
    conditional = words.fact("condition") != -1
    st = stmt(info, sent, s_start, words, start, end, measure, "tod", (float(minutes),),
              clause, label, row, table, conditional)  # fmt: skip
    if measure == "cut-off" and received:
        # the cut-off of what is received, for what is done with it the same day: orders
        # dispatched and returns credited, orders dispatched and orders delivered, differ
        thing = received.group("thing")
        thing = "case" if thing is None or thing in _NO_THING else head_noun(thing)
        done = WORD.findall(words.low, end, same_day.start())[-1:] if same_day else []
        act = _stem(done[0]) if done and done[0] not in _NO_THING else ""
        st.subjects = st.subjects | {(act, thing)}
    yield st


def _stem(word: str) -> str:
    """A verb or noun without its ending ("dispatched", "dispatch" -> "dispatch")."""
    for end in ("ed", "es", "s", "e"):
        if word.endswith(end) and len(word) > len(end) + 3:
            return word[: -len(end)]
    return word


_MEASURING = re.compile(
    r"\b(?:measured|calculated|assessed|computed|determined|averaged|achieved|evaluated"
    r"|applies|apply)\b",
)
_MEASURED_AFTER = re.compile(
    r"^(?:[^,;]*%[^,;]*)?,\s*(?:measured|calculated|assessed|computed|averaged)\s+$", re.I
)
_WINDOW_STOP = re.compile(
    r"\b(?:below|under|less than|falls?|more than|above|exceed\w*|any (?:two|three|\d+)"
    r"|consecutive|credit\w*|fee|charge)\b|[,;]",
    re.I,
)
_REVIEW = re.compile(
    r"\b(?:review\w*|reports?|reported|reporting|trends?|statistics?|dashboards?|deck|for "
    r"information|summar\w*)\b"
)
"""A sentence about reporting: its period is how figures are shown, not how they are measured."""


def _windows(
    info: DocInfo, sent: int, s_start: int, words: Sentence, prev: Sentence | None
) -> Iterator[Statement]:
    """The window each measure of the sentence is measured over: a window right after the
    measure with a measuring verb or its value between them ("Availability is measured over
    each calendar month", "99.9% uptime, measured every calendar month"), or an adjective
    before it ("monthly availability"). A sentence without a measure ("It is calculated
    per quarter") takes the last one of the sentence before."""
    text = words.low
    if not any(x[2] in WINDOW_MEASURES for x in words.measures) and (
        prev is None or words.measures
    ):
        return  # no measure a window could belong to
    if TERMINATION.search(text) or TRIGGER.match(text) or is_example(text) or _REVIEW.search(text):
        return
    shares = frozenset(
        parse_number(m.group("num"))
        for m in (QTY.finditer(text) if has_any(text, PERCENT) else ())
        if m.group("pct") and m.group("num")
    )
    measures = [x for x in words.measures if x[2] in WINDOW_MEASURES]
    found = words.fact("windows")
    assert isinstance(found, list)
    done: set[int] = set()
    for w in found:
        if w.group("adj"):
            after = next((x for x in words.measures if 0 <= x[0] - w.end() <= 1), None)
            if after is None or after[2] not in WINDOW_MEASURES:
                continue
            measure, at = after[2], after[0]
        else:
            earlier = [x for x in words.measures if x[1] <= w.start()]
            if earlier and earlier[-1][2] not in WINDOW_MEASURES:
                continue
            if not earlier:
                if prev is None or not (
                    _MEASURING.search(text, 0, w.start())
                    # "How is uptime calculated? We look at a rolling 12-month window."
                    or (prev.low.rstrip().endswith("?") and _MEASURING.search(prev.low))
                ):
                    continue
                older = [x for x in prev.measures if x[2] in WINDOW_MEASURES]
                if not older or words.measures:
                    continue
                measure, at = older[-1][2], -1
            else:
                measure, at = earlier[-1][2], earlier[-1][0]
                gap = text[earlier[-1][1] : w.start()]
                if _MEASURED_AFTER.search(gap):
                    gap = gap.rsplit(",", 1)[-1]  # "Availability: 99.8 %, measured per month"
                if _WINDOW_STOP.search(gap) or len(gap) > 80:
                    continue
                if not (_MEASURING.search(gap) or "%" in gap or gap.strip(" :") == ""):
                    continue
        if at in done:
            continue
        done.add(at)
        subjects = {s for p, s in words.subjects if p < w.start()}
        yield Statement(
            measure=measure,
            priority=words.priority(w.start(), w.end()),
            subjects=frozenset(subjects),
            clock="window",
            value=window_value(w),
            info=info,
            sent=sent,
            start=s_start + w.start(),
            end=s_start + w.end(),
            conditional=False,
            shares=shares if measures else frozenset(),
        )


_TEMP = re.compile(
    r"(?:(?P<lo>-?\d+(?:\.\d+)?)\s*(?:\u00b0\s*C?\s*)?(?:-|\u2013|to|and)\s*)?"
    r"(?P<hi>-?\d+(?:\.\d+)?)\s*(?:\u00b0\s*C\b|\u00b0|degrees? (?:C\b|Celsius|centigrade))",
    re.I,
)
_TEMP_MAX = re.compile(
    r"(?:\bmax(?:imum|\.)?|\bnot (?:to )?exceed\w*|\bbelow|\bunder|\bup to|\bat most|\bno (?:more"
    r"|higher) than|[<\u2264])[^.;]{0,30}$",
    re.I,
)
_TEMP_MIN = re.compile(
    r"(?:\bmin(?:imum|\.)?|\babove|\bat least|\bnot below|\bno (?:less|lower) than|[>\u2265])"
    r"[^.;]{0,30}$",
    re.I,
)
_TEMP_PLACE = {
    "inlet": "inlet", "intake": "inlet", "supply": "inlet", "cold": "inlet", "cold-aisle": "inlet",
    "return": "outlet", "exhaust": "outlet", "outlet": "outlet", "hot": "outlet",
    "hot-aisle": "outlet", "room": "room", "ambient": "room", "hall": "room",
}  # fmt: skip
_TEMPERATURE = re.compile(r"\btemperatures?\b", re.I)


def _temperatures(info: DocInfo, sent: int, s_start: int, words: Sentence) -> Iterator[Statement]:
    """Temperature limits ("inlet temperature between 18 and 27 °C", "maximum cold-aisle
    temperature 25 °C"), compared as an upper and a lower limit of the same place."""
    text = words.text
    for m in _TEMP.finditer(text):
        clause = text[: m.start()].rsplit(";", 1)[-1]
        named = list(_TEMPERATURE.finditer(clause))
        if not named or CONDITION.search(words.low) or TRIGGER.match(words.low):
            continue
        place = ""
        for word in reversed(
            WORD.findall(clause[max(0, named[-1].start() - 40) : named[-1].start()])
        ):
            place = _TEMP_PLACE.get(word.lower(), "")
            if place:
                break
        limits: list[tuple[str, float]] = []
        if m.group("lo") is not None:
            limits = [("min", float(m.group("lo"))), ("max", float(m.group("hi")))]
        elif _TEMP_MAX.search(clause):
            limits = [("max", float(m.group("hi")))]
        elif _TEMP_MIN.search(clause):
            limits = [("min", float(m.group("hi")))]
        for kind, value in limits:
            yield Statement(
                measure=f"temperature {kind}",
                priority="",
                subjects=frozenset({("", place)}) if place else frozenset(),
                clock="temp",
                value=(value,),
                info=info,
                sent=sent,
                start=s_start + m.start(),
                end=s_start + m.end(),
                conditional=False,
            )
