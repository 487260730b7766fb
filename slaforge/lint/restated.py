"""Values stated twice: every "measure + number" in the document, compared across sentences.

The metric cards know a few kinds of metric; drafts restate many more (speed of answer,
attendance, provisioning, maintenance caps, credit rates, retention…). Here a statement is a
number with its unit and the nearest measure word before it ("attendance within 2 hours",
"ASA commitment of 45 seconds", "credits are calculated at 10%"), the priority it belongs to
("Priority 1", "Sev 2", "Emergency") and the things it is about ("portal", "API"). Two
statements of the same measure, priority and subject with different values conflict, unless
either is conditional ("during", "outside", "per site") or a tier boundary ("below 99.5%").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo
from slaforge.lint.model import Finding
from slaforge.lint.rules import Rule

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "forty-five": 45, "sixty": 60, "ninety": 90,
}  # fmt: skip
_MINUTES = {
    "ms": 1 / 60000, "millisecond": 1 / 60000, "s": 1 / 60, "sec": 1 / 60, "second": 1 / 60,
    "min": 1, "minute": 1, "h": 60, "hr": 60, "hour": 60, "day": 1440, "week": 10080,
    "month": 43200,
}  # fmt: skip
_QTY = re.compile(
    r"(?<![\w.])(?P<num>\d+(?:\.\d+)?|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")(?:\s*-\s*|\s*)(?:(?P<pct>%|percent\b|per cent\b)|(?P<clock>business |working |"
    r"banking |calendar |clock )?(?P<unit>milliseconds?|ms|seconds?|secs?|s|minutes?|mins?"
    r"|hours?|hrs?|h|days?|weeks?|months?)\b)",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.I)


def _has_number(text: str) -> bool:
    """True when ``text`` has a value to compare: a quantity or a time of day."""
    if not (_DIGIT.search(text) or _NUMBER_WORD.search(text)):
        return False
    return bool(_QTY.search(text) or _CLOCK_TIME.search(text))


_MEASURES: tuple[tuple[str, str], ...] = (
    ("answer", r"speed of answer|\basa\b|answer(?:ed|ing|s)?\b|pick(?:ed)? up"),
    ("abandonment", r"abandon\w*"),
    ("availability", r"availab\w*|up-?time"),
    ("response", r"respon(?:d|ds|se|ses|ded|ding)\b|repl(?:y|ies|ied)\b|acknowledg\w*"),
    ("first-time-fix", r"first[- ]time fix\w*"),
    ("resolution", r"resol\w*|\bfix(?:ed|es)?\b|restor\w*|repair\w*|remed(?:y|ied)\b|\bmttr\b"),
    ("attendance", r"attend\w*|on[- ]?site\b|arriv\w*"),
    ("make-safe", r"make[- ]safe|made safe"),
    ("provisioning", r"provision\w*|set[- ]?up\b|onboard\w*"),
    ("follow-up", r"follow(?:ed|s|ing)?[- ]up|\bworked\b"),
    ("maintenance", r"maintenance|planned works|engineering works"),
    ("notice", r"\bnotice\b|notif\w*|announc\w*"),
    ("retention", r"retain\w*|retention|\bkept\b"),
    ("claim", r"\bclaim\w*|request\w* (?:a |for )?(?:service )?credits?|credit requests?"),
    ("settlement", r"settle\w*"),
    ("credit", r"credit\w*|rebate\w*|deduct\w*|refund\w*|reduc\w*|discount\w*"),
    ("latency", r"latency|round[- ]trip|\brtt\b"),
    ("jitter", r"jitter"),
    ("packet-loss", r"packet loss"),
    ("handle-time", r"handl(?:e|ing) time|\baht\b"),
    ("recovery-point", r"recovery point|\brpo\b"),
    ("recovery-time", r"recovery time|\brto\b"),
    ("delivery", r"deliver\w*|dispatch\w*"),
    ("patching", r"patch\w*"),
    ("slot", r"\bslots?\b"),
    (
        "report",
        r"\breports?\s+(?:is\s+|are\s+|shall be\s+|will be\s+)?(?:due|sent|delivered|issued)"
        r"|\b(?:send|deliver|issue|provide|publish)\w*\s+(?:\w+\s+){0,3}reports?\b",
    ),
)
_MEASURE = re.compile(r"\b(?:" + "|".join(rx for _, rx in _MEASURES) + ")", re.I)
_EACH_MEASURE = [(name, re.compile(rx, re.I)) for name, rx in _MEASURES]
_MEAN = re.compile(r"\b(?:mean|average|avg)\b", re.I)
_AHEAD = re.compile(
    r"^\s*(?:ahead|in advance|before|beforehand|prior)\b|^['\u2019]?\s*(?:\w+\s+)?notice", re.I
)
_CAP = re.compile(r"(?:\bcap(?:ped)?|\bup to|\bmaximum|\bmax\.?|\blimit(?:ed)?|\bnot exceed"
                  r"|\bexceed|\btotal)\W+(?:\w+\W+){0,5}$", re.I)  # fmt: skip
_BOUND = re.compile(
    r"(?:\bbelow|\bunder|\bless than|\bmore than|\blonger than|\bover|\bafter|\bbeyond|\babove"
    r"|\bbetween|\bfrom|\bgreater than|\bequal to|\bfewer than|[<>\u2264\u2265=])\s*(?:the\s+)?$",
    re.I,
)
_FREQUENCY = re.compile(r"\b(?:every|each|any|per|previous|last|past|rolling|first|next)\s*$", re.I)
_COMMITTED = re.compile(r"\b(?:commit\w*|target|guarantee\w*|agreed|service level)\b", re.I)
_CONDITION = re.compile(
    r"\b(?:during|outside|except|unless|weekends?|saturdays?|sundays?|peak|per (?:site|user|"
    r"component|region|location|device)|for each (?:site|component|region)|last \w+ "
    r"(?:weekdays|days|business days|working days)|month-end|year-end)",
    re.I,
)
_PRIORITY = re.compile(
    r"\b(?:p|prio(?:rity)?|sev(?:erity)?|s|level|category|cat\.?|tier)\s*-?\s*([0-9]|[a-d]\b)"
    r"|\b(critical|urgent|emergency|high|medium|low|routine|major|minor|standard|premium|gold"
    r"|silver|bronze|platinum)\b",
    re.I,
)
_SUBJECTS = re.compile(
    r"\b(portal|api|website|web ?site|storefront|checkout|email|e-mail|network|circuit|site"
    r"|database|application|platform|component|server|storage|telephony|voice|chat|phone"
    r"|telephone|desk|laptop|desktop|mobile|sync|client app|dashboard|reporting|erp|crm|backup"
    r"|restore|power|cooling|lead|mql|sql|demo|production|sandbox|staging)s?\b",
    re.I,
)
_AT_OR = re.compile(r"\bat or (?:above|below|under|over)\s*$", re.I)
""""at or above 90%" states a target, not a threshold."""
_BREACH = re.compile(r"\bbreach\w*|\bfail\w* to (?:meet|achieve)|\bmiss\w* the", re.I)
"""After a threshold, words that make it the target itself ("below 99.9% is a breach")."""
_TRIGGER = re.compile(
    r"^(?=.*\b(?:if|where|when|should|once)\b)(?=.*\b(?:terminat\w*|credit\w*|refund\w*"
    r"|rebate\w*|entitle\w*|breach\w*)\b)",
    re.I,
)
"""A sentence that sets a trigger for a remedy: its values are thresholds, not targets."""
_NOT_SERVICE = re.compile(r"\bdisput\w*|\bbreach\w*|\bcure\b|\bcomplain\w*", re.I)
"""Resolving a dispute or curing a breach is not the service's resolution clock."""
_EXAMPLE = re.compile(
    r"\b(?:for example|e\.g\.|for instance|example|assum\w*|suppose|in this case|illustrat\w*)\b"
    r"|\d[\d,.]*\s*[/x\u00d7*]\s*\d[\d,.]*\s*\)?\s*=|\bminus\b",
    re.I,
)
"""A worked example: its figures illustrate a formula and are not values of the agreement."""
_TIER = re.compile(
    r"(?:\bbelow|\bunder|\bless than|\babove|\bbetween|[<>\u2264\u2265])\s*(?:the\s+)?\d", re.I
)
"""A threshold in the sentence: the credit stated with it is one tier of a table."""
_GENERIC = re.compile(
    r"\b(?:table|summary|reference|quick|service levels?|levels?|schedule|policy|dashboard|"
    r"definitions?|faq|governance|kpis?|sla|ola|commitments?|targets?|performance|metrics?|note|"
    r"overview|average|mean|monthly|daily|weekly|reporting|window|times?|rates?|standards?|"
    r"the|our|a|an|at|of|for|in|on|to)\b",
    re.I,
)
_SHARE_ONLY = frozenset({"availability", "abandonment", "packet-loss"})
"""Measures whose value is a percentage: a duration near them is a threshold or a sample."""
_CLOCKED = frozenset(
    {"answer", "response", "resolution", "mean-resolution", "attendance", "make-safe",
     "provisioning", "follow-up"}
)  # fmt: skip
"""Measures whose value is a time; a percentage with them is the share of cases that meet it."""
_TERMINATION = re.compile(r"\bterminat\w*|\bcancel\w*|\bexit\b", re.I)
_CLAUSE_STOP = re.compile(r"[;]|\.\s|\|\s*(?=[A-Z])")


@dataclass(frozen=True)
class Statement:
    """One value stated for a measure."""

    measure: str
    priority: str
    subjects: frozenset[str]
    clock: str
    """"%" for a percentage, "range" for opening hours, else "business" or "" for a time."""
    value: tuple[float, ...]
    info: DocInfo
    sent: int
    start: int
    end: int
    conditional: bool
    zone: str = ""
    days: str = ""


def _number(text: str) -> float:
    word = _NUMBER_WORDS.get(text.lower())
    return float(word) if word is not None else float(text)


def _unit(unit: str) -> str:
    unit = unit.lower().rstrip("s") or "s"
    return {"sec": "s", "hr": "h", "mins": "min"}.get(unit, unit)


_NAME_AFTER = re.compile(
    r"\s+(?:Division|Department|Team|Unit|Office|Group|Centre|Center|Manager|Officer|Board)\b"
)
"""A measure word that is part of a name ("the Claims Division")."""
_FEE = re.compile(
    r"^\s*of\s+(?:the\s+|that\s+|its\s+|their\s+)?(?:[\w'\u2019-]+\s+){0,3}"
    r"(?:fees?|charges?|rental|invoice|recharge|price)\b",
    re.I,
)


def _measure(left: str, right: str, pct: bool = True) -> str | None:
    if _FEE.match(right):
        return "credit"
    found = [f for f in _MEASURE.finditer(left) if not _NAME_AFTER.match(left, f.end())]
    between = _QTY.search(left, found[-1].end()) if found else None
    if between and (between.group("pct") is not None) == pct:
        return None  # the measure word belongs to the number before this one
    if found:
        last = found[-1]
        name = _name(last)
        if name == "resolution" and _MEAN.search(left[max(0, last.start() - 25) :]):
            return "mean-resolution"
        return name
    m = _MEASURE.match(right[:20].lstrip(" :"))
    if m and len(right) - len(right.lstrip(" :")) <= 2:
        return _name(m)
    return None


def _name(m: re.Match[str]) -> str:
    """The measure a match of ``_MEASURE`` names (the first alternative that matches it)."""
    text = m.group()
    return next((name for name, rx in _EACH_MEASURE if rx.fullmatch(text)), "")


def _other_measure(left: str, right: str) -> str | None:
    """What a notice period is for: the last measure word before it that is not a notice
    word ("Planned works notified 48 hours ahead"), else the first one after it."""
    names = [_name(m) for m in _MEASURE.finditer(left)]
    names = [n for n in names if n != "notice"]
    if names:
        return names[-1]
    after = [_name(m) for m in _MEASURE.finditer(right)]
    return next((n for n in after if n != "notice"), None)


def _priority(text: str) -> str:
    found = list(_PRIORITY.finditer(text))
    if not found:
        return ""
    m = found[-1]
    return (m.group(1) or m.group(2)).lower()


def _cells(text: str) -> list[str]:
    """The cells of a table row ("P1 | 30 min | 4 h"), or ``[]`` for a paragraph."""
    if "|" not in text:
        return []
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    return cells if len(cells) > 1 else []


def _singular(word: str) -> str:
    word = word.lower().replace(" ", "")
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _label(text: str) -> str:
    """A lead-in label ("Production environment: …") or first cell, without generic words."""
    words = _GENERIC.sub(" ", _MEASURE.sub(" ", text)).split()
    return " ".join(_singular(w.strip(".,:;()")) for w in words)


_LEAD = re.compile(r"^\s*([A-Za-z][\w /&'\u2019-]{0,40}?)\s*(?::|[\u2013\u2014-])\s")
_QUALIFIER_STOP = frozenset(
    """the a an each every all any our its their your of for to and or shall will is are be
    take takes retain retains full daily nightly weekly monthly new existing other""".split()  # noqa: SIM905
)
_DEFINES_DONE = re.compile(
    r"\bmeans\b|\bis (?:complete|completed|resolved|restored|met|achieved|fixed|closed)"
    r" (?:when|once|if)\b",
    re.I,
)
"""A sentence that says when a clock stops; its durations (a deemed-acceptance period) are
not the target."""


def _subjects(left: str) -> set[str]:
    """The things a value is about, with the words that narrow them ("finance system backup",
    "web content backup"), so that two different things are not compared."""
    found: set[str] = set()
    for m in _SUBJECTS.finditer(left):
        words = re.findall(r"[A-Za-z][\w-]*", left[: m.start()])[-1:]
        if words and words[0].lower() in _QUALIFIER_STOP:
            words = []
        found.add(" ".join([*(w.lower() for w in words), _singular(m.group(1))]))
    return found


def statements(
    info: DocInfo, header: list[str] | None = None, row_label: str = "", row_text: str = ""
) -> Iterator[Statement]:
    """Every value with a measure in ``info``'s block. For a table row, ``header`` holds the
    column headings (they name the measure of each column); for a table cell, ``header`` is
    its column heading, ``row_label`` the first cell of its row and ``row_text`` the row."""
    text = info.block.text
    if not ("@metric" in info.keys or _has_number(text)):
        return  # no percentage, duration or time of day
    if _EXAMPLE.search(" ".join(info.block.location.heading_path)):
        return
    doc = info.doc
    cells = _cells(text)
    if cells and not _QTY.search(cells[0]):
        row_label = cells[0]
    for sent, (tok_start, tok_end) in enumerate(info.sent_bounds):
        if tok_start >= tok_end:
            continue
        last = doc[tok_end - 1]
        s_start, s_end = doc[tok_start].idx, last.idx + len(last.text)
        sentence = text[s_start:s_end]
        if "@metric" not in info.sent_keys[sent] and not _has_number(sentence):
            continue
        if _EXAMPLE.search(sentence):
            continue
        lead = _LEAD.match(sentence)
        label = row_label or (lead.group(1) if lead else "")
        if _CLOCK_TIME.search(sentence):
            yield from hour_ranges(info, sent, s_start, sentence, label)
        for m in _QTY.finditer(sentence):
            before = sentence[: m.start()]
            stops = list(_CLAUSE_STOP.finditer(before))
            left = before[stops[-1].end() if stops else 0 :][-160:]
            right = sentence[m.end() :]
            measure = _measure(left, right[:60], m.group("pct") is not None)
            if measure is None and header:
                column = before.count("|") - (1 if text.lstrip().startswith("|") else 0)
                if not cells:
                    column = 0
                if 0 <= column < len(header):
                    measure = _measure(header[column], "")
            if measure == "notice" or (m.group("unit") and _AHEAD.match(right)):
                # a notice period is compared only with notices of the same thing; notices
                # to terminate differ by ground (for cause, for convenience) and are skipped
                about = (
                    measure if measure not in (None, "notice") else _other_measure(left, right[:60])
                )
                measure = None if _TERMINATION.search(sentence) or not about else f"{about} notice"
            if measure is None:
                continue
            if measure == "credit" and _CAP.search(before[-40:]):
                measure = "credit-cap"
            bound = _BOUND.search(before[-25:]) and not _AT_OR.search(before[-25:])
            if (
                bound
                and measure != "claim"
                and not measure.endswith("notice")
                and not (_COMMITTED.search(before[-40:]) or _BREACH.search(right))
            ):
                continue
            if m.group("unit") and measure != "claim" and _NOT_SERVICE.search(sentence):
                continue
            if m.group("unit") and _DEFINES_DONE.search(before):
                continue
            if m.group("unit") and _FREQUENCY.search(before[-12:]):
                continue
            if m.group("pct"):
                clock, value = "%", float(m.group("num"))
                if measure == "availability" and value >= 100:
                    continue
                if measure in _CLOCKED or any(q.group("unit") for q in _QTY.finditer(sentence)):
                    continue  # "90% of calls within 20 seconds": a share tied to a time limit
            elif measure in _SHARE_ONLY:
                continue
            else:
                unit = _unit(m.group("unit"))
                clock = (m.group("clock") or "").strip().lower()
                clock = "business" if clock in ("business", "working", "banking") else ""
                value = _number(m.group("num")) * _MINUTES.get(unit, 0)
                if not value:
                    continue
            priority = _priority(before) or _priority(_CLAUSE_STOP.split(right, 1)[0])
            subjects = _subjects(left)
            inner = _LEAD.match(left.rsplit(": ", 1)[-1]) if ": " in left else None
            here = row_label or (inner.group(1) if inner else label)
            if row_label and not priority:
                priority = _priority(row_label) or _label(row_label)
            elif here and not priority:
                priority = _priority(here)
                if not priority and _label(here):
                    subjects.add(_label(here))
            conditional = bool(
                _CONDITION.search(sentence)
                or (measure == "credit" and _TIER.search(f"{row_text} {sentence}"))
                or (
                    measure != "credit"
                    and _TRIGGER.match(sentence)
                    and not _COMMITTED.search(before[-40:])
                )
            )
            yield Statement(
                measure=measure,
                priority=priority,
                subjects=frozenset(subjects),
                clock=clock,
                value=(value,),
                info=info,
                sent=sent,
                start=s_start + m.start(),
                end=s_start + m.end(),
                conditional=conditional,
            )


def _dimension(st: Statement) -> str:
    return st.clock if st.clock in ("%", "range") else "time"


def _conflicts(a: Statement, b: Statement) -> bool:
    if (a.info.index, a.sent) == (b.info.index, b.sent):
        return False
    if (a.measure, a.priority, _dimension(a)) != (b.measure, b.priority, _dimension(b)):
        return False
    if a.subjects and b.subjects and not a.subjects & b.subjects:
        return False
    if a.conditional or b.conditional:
        return False
    if a.clock == "range":
        if a.measure == "service-hours" and a.days and b.days and a.days != b.days:
            return False  # weekday hours and weekend hours
        return a.value != b.value or bool(a.zone and b.zone and a.zone != b.zone)
    return a.clock != b.clock or a.value != b.value


_CLOCK_TIME = re.compile(r"\d[:.]\d\d|\d\s*[ap]\.?m\b", re.I)
"""A time of day; sentences without one have no opening hours to compare."""
_TIME = r"(\d{1,2})(?:[:.](\d{2}))?\s*([ap]\.?m\.?)?"
_RANGE = re.compile(
    rf"(?<![\d:.]){_TIME}\s*(?:to|until|till|-|\u2013|\u2014)\s*"
    rf"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?{_TIME}"
    r"(?:\s*\(?\s*(?P<zone>(?:US |UK )?(?:Eastern|Central|Mountain|Pacific|London|UK|Irish)"
    r"(?: [Tt]ime)?|[A-Z]{2,5}(?:[+-]\d{1,2})?\b))?",
)
_DAYS = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekdays?|weekends?"
    r"|working days?|business days?|every day|7 days)\b",
    re.I,
)
_HOURS_KIND = (
    ("maintenance-window", re.compile(r"maintenance|patch\w*|planned works|change window", re.I)),
    (
        "service-hours",
        re.compile(
            r"support|service desk|help ?desk|business hours|working hours|service hours"
            r"|office hours|staffed|open\b|coverage|opening|hours are|hours\W+means|online"
            r"|available",
            re.I,
        ),
    ),
)


def _day_kinds(sentence: str) -> str:
    """Which days a range is for: "weekdays", "weekend", "every day" (or "" if not said)."""
    kinds = set()
    for day in (d.lower() for d in _DAYS.findall(sentence)):
        if day.startswith(("satur", "sun", "weekend")):
            kinds.add("weekend")
        elif day in ("every day", "7 days"):
            kinds.add("every day")
        else:
            kinds.add("weekdays")
    return " ".join(sorted(kinds))


def _minutes(hour: str, minute: str | None, ampm: str | None) -> float:
    h = int(hour) % 24
    if ampm:
        h = h % 12 + (12 if ampm.lower().startswith("p") else 0)
    return float(h * 60 + int(minute or 0))


def hour_ranges(
    info: DocInfo, sent: int, s_start: int, sentence: str, label: str
) -> Iterator[Statement]:
    """Opening hours and maintenance windows ("08:00 to 18:00 UK time") in one sentence that
    starts at character ``s_start`` of the block."""
    for m in _RANGE.finditer(sentence):
        h1, m1, ap1, h2, m2, ap2 = m.groups()[:6]
        if not ((m1 or ap1) and (m2 or ap2)):
            continue  # "5 to 10" is a count, not a time of day
        context = sentence[max(0, m.start() - 120) : m.end() + 40]
        kind = next((k for k, rx in _HOURS_KIND if rx.search(context)), None)
        if kind is None:
            continue
        before = sentence[: m.start()]
        subjects = _subjects(before[-120:])
        if label and _label(label):
            subjects.add(_label(label))
        yield Statement(
            measure=kind,
            priority=_priority(before[-50:]),
            subjects=frozenset(subjects),
            clock="range",
            value=(_minutes(h1, m1, ap1), _minutes(h2, m2, ap2)),
            info=info,
            sent=sent,
            start=s_start + m.start(),
            end=s_start + m.end(),
            conditional=False,
            zone=(m.group("zone") or "").lower().replace(" time", ""),
            days=_day_kinds(sentence),
        )


def check_restated(rule: Rule, ctx: Context) -> list[Finding]:
    """Flag a value that contradicts the same measure stated earlier in the document."""
    out: list[Finding] = []
    seen: dict[tuple[str, str], list[Statement]] = {}
    header: list[str] | None = None
    grid: dict[tuple[int, int], str] = {}
    table_at = -2
    for info in ctx.infos:
        if info.block.is_heading:
            table_at = -2
            continue
        loc = info.block.location
        row_label = ""
        cells = _cells(info.block.text)
        row_text = ""
        if loc.table is not None:
            if loc.table == (0, 0) or info.index != table_at + 1:
                grid = {}
            table_at = info.index
            grid.setdefault(loc.table, info.block.text)
            row, col = loc.table
            header = [grid.get((0, col), "")] if row else None
            row_label = grid.get((row, 0), "") if col else ""
            row_text = " | ".join(t for (r, _c), t in grid.items() if r == row)
        elif not cells:
            header = None
        elif header is None or not _QTY.search(info.block.text):
            header = cells  # the first row of a table names its columns
        for st in statements(info, header, row_label, row_text):
            same = seen.setdefault((st.measure, st.priority), [])
            earlier = next((e for e in same if _conflicts(e, st)), None)
            same.append(st)
            if earlier is None:
                continue
            other = earlier.info.block.text[earlier.start : earlier.end]
            message = rule.message.format(measure=st.measure.replace("-", " "), other=other)
            out.append(ctx.finding(rule, info, st.start, st.end, message))
    return out
