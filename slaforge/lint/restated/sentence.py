"""One sentence as its values share it, and the measure of each value: ``Sentence`` finds the
measure words of a sentence once, its priorities, subjects and facts (condition, exception, trigger,
windows…) only when a value needs them; ``value_measure`` and ``other_measure`` give a value its
measure (the last measure word before it in its clause, else the one right after it), and
``measure_of_heading`` and ``column_measure`` the measure a section or a column heading names."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right

from slaforge.lint.restated.measures import CLOCKED, MEASURE, SHARE_ONLY, find_measures
from slaforge.lint.restated.regex import factor, has_any
from slaforge.lint.restated.subjects import (
    BACKUP_CLASS,
    GENERIC,
    QUALIFIER_STOP,
    SUBJECTS,
    SUBJECTS_ASCII,
    WORD,
    head_noun,
    np_subject,
)
from slaforge.lint.restated.vocabulary import (
    ALL_DAYS,
    ALL_DAYS_AFTER,
    CLAUSE_STOP,
    CLOCK_TIME,
    CONDITION,
    CONDITION_ASCII,
    DAY_WORD,
    DEFINES_DONE,
    DEFINES_HINTS,
    EXCEPT,
    EXCEPT_HINTS,
    NOT_SERVICE,
    NOT_SERVICE_HINTS,
    PER_THING,
    PRIORITY,
    PRIORITY_ASCII,
    TERMINATION,
    TERMINATION_HINTS,
    TIER_WORDS,
    TRIGGER,
    WINDOW,
    WINDOW_ASCII,
    WINDOW_HINTS,
)

_MEAN = re.compile(r"\b(?:mean|average|avg)\b", re.I)

LIMITED = re.compile(
    r"(?:\bcapped at|\blimited to|\bup to|\bmaximum(?: of)?|\bmax\.?|\bnot (?:to )?exceed"
    r"|\bno more than|\bat most)\s*$",
    re.I,
)
"""A cap before the value: it belongs to the sentence's subject ("Maintenance is announced
7 days ahead and is limited to 4 hours a month")."""

_FEE = re.compile(
    r"^\s*of\s+(?:the\s+|that\s+|its\s+|their\s+)?(?:[\w'\u2019-]+\s+){0,3}"
    r"(?:fees?|charges?|rental|invoice|recharge|price|mrcs?|mrrs?|nrcs?)\b",
    re.I,
)


_HEADING_TAIL = frozenset(
    """time times target targets level levels commitment commitments standard standards
    objective objectives guarantee guarantees sla slas kpi kpis period periods window windows
    allowance allowances cap caps limit limits requirement requirements service services
    schedule obligations""".split()  # noqa: SIM905
)
"""Words a heading may put after its measure and still be about the measure ("Response
Times", "Maintenance Windows"); any other word is what the heading is about ("Restore
Testing", "Availability Reporting")."""
_HEADING_WORD = re.compile(r"[a-z][a-z'\u2019-]*")


@functools.lru_cache(maxsize=1024)
def measure_of_heading(heading: str) -> str | None:
    """The one measure a heading names ("§ 6 Maintenance", "Response Times"), if it names
    exactly one, as the thing the heading is about: not when the measure word qualifies
    another noun ("Restore Testing") or the heading joins it to another subject ("Log
    Collection and Retention")."""
    low = heading.lower()
    if len(heading.split()) > 5 or NOT_SERVICE.search(low) or TERMINATION.search(low):
        return None
    found = find_measures(heading, low)
    names = {n for _s, _e, n, _w in found}
    if len(names) != 1:
        return None
    if re.search(r"\band\b|&|,|/", low):
        return None  # "Collection and Retention": the section is about both
    tail = _HEADING_WORD.findall(low, found[-1][1])
    if any(w not in _HEADING_TAIL for w in tail):
        return None
    return names.pop()


_PREV_WORD = re.compile(r"([\w-]+)\s+$")


STATE_NOUNS = (
    "toner|ink|battery|stock|fuel|pressure|temperature|voltage|signal|disk|space|memory|water"
    "|oil|salt|paper|balance"
)
_COMPOUND = re.compile(rf"-(?:{STATE_NOUNS})\b")
"""A tier word joined to what runs low or high ("a low-toner alert", "high-temperature alarm"):
a state, not a priority ("high-value orders" and "low-value orders" are two classes)."""


def _standard_noun(low: str, m: re.Match[str]) -> bool:
    """True for "standard" naming a target after its measure ("the call-answer standard", "the
    response standard"), not a service tier ("Standard tier", "Standard | 4 hours")."""
    if m.group(2) != "standard":
        return False
    prev = _PREV_WORD.search(low, 0, m.start())
    return prev is not None and MEASURE.search(prev.group(1)) is not None


class Sentence:
    """The words of one sentence that its values share: measure, priority and subject words
    with their positions, found once (priorities, subjects and the sentence's subject only
    when a value of it needs them)."""

    __slots__ = (
        "_facts", "_np", "_priorities", "_subjects", "low", "measures", "plain", "stops", "text",
    )  # fmt: skip

    def __init__(self, text: str, low: str, plain: bool) -> None:
        self.text = text
        self.low = low
        self.plain = plain  # ``text`` is ``is_plain`` (then so is ``low``)
        self.measures = find_measures(text, low, self.plain)
        self.stops = [m.end() for m in CLAUSE_STOP.finditer(text)]
        self._priorities: list[tuple[int, int, str]] | None = None
        self._subjects: list[tuple[int, tuple[str, str]]] | None = None
        self._np: tuple[tuple[str, str] | None] | None = None
        self._facts: dict[str, object] = {}

    @property
    def priorities(self) -> list[tuple[int, int, str]]:
        if self._priorities is None:
            self._priorities = [
                (m.start(), m.end(), "*" if m.group("all") else m.group(1) or m.group(2))
                for m in (PRIORITY_ASCII if self.plain else PRIORITY).finditer(self.low)
                if not _standard_noun(self.low, m) and not _COMPOUND.match(self.low, m.end())
            ]
        return self._priorities

    @property
    def subjects(self) -> list[tuple[int, tuple[str, str]]]:
        if self._subjects is None:
            low = self.low
            self._subjects = []
            for m in (SUBJECTS_ASCII if self.plain else SUBJECTS).finditer(low):
                if any(s <= m.start() and m.end() <= e for s, e, _n, _w in self.measures):
                    continue  # "on site" is attendance, not a site
                words = WORD.findall(low, max(0, m.start() - 30), m.start())[-1:]
                qualifier = words[0] if words else ""
                head = head_noun(m.group(1))
                if head == "backup" and qualifier in BACKUP_CLASS:
                    # "hourly backups kept 7 days", "nightly backups kept 30 days": two classes
                    qualifier = BACKUP_CLASS[qualifier]
                elif qualifier in QUALIFIER_STOP or GENERIC.fullmatch(qualifier):
                    qualifier = ""
                self._subjects.append((m.start(), (qualifier, head)))
        return self._subjects

    @property
    def np(self) -> tuple[str, str] | None:
        if self._np is None:
            self._np = (np_subject(self.text, self.plain),)
        return self._np[0]

    def fact(self, name: str) -> object:
        """A fact about the whole sentence, found on first use: "condition" (where a word
        limits its values to some of the time, or -1), "except" (where an exception is,
        or -1), "trigger", "not-service", "termination", "per"."""
        if name not in self._facts:
            low = self.low
            if name == "condition":
                value: object = next(
                    (
                        m.start()
                        for m in (CONDITION_ASCII if self.plain else CONDITION).finditer(low)
                        if not (
                            DAY_WORD.fullmatch(m.group())
                            and (
                                CLOCK_TIME.search(low, max(0, m.start() - 15), m.end() + 20)
                                # "including overnight and at weekends": every day, not a case
                                or ALL_DAYS.search(low, max(0, m.start() - 40), m.start())
                                or ALL_DAYS_AFTER.match(low, m.end())
                            )
                        )
                        # "; restored means it works again": a definition, not a case
                        and not (
                            m.group() == "again"
                            and " means " in low[max(0, low.rfind(";", 0, m.start())) : m.start()]
                        )
                    ),
                    -1,
                )
            # (each regex only where a word it needs is in the sentence)
            elif name == "except":
                found = EXCEPT.search(low) if has_any(low, EXCEPT_HINTS) else None
                value = found.start() if found else -1
            elif name == "trigger":
                value = TRIGGER.match(low)
            elif name == "not-service":
                value = has_any(low, NOT_SERVICE_HINTS) and NOT_SERVICE.search(low) is not None
            elif name == "termination":
                value = has_any(low, TERMINATION_HINTS) and TERMINATION.search(low) is not None
            elif name == "windows":
                rx = WINDOW_ASCII if self.plain else WINDOW
                value = list(rx.finditer(low)) if has_any(low, WINDOW_HINTS) else []
            elif name == "defines":
                found = DEFINES_DONE.search(low) if has_any(low, DEFINES_HINTS) else None
                value = found.end() if found else -1
            else:
                value = PER_THING.search(low) if "per " in low else None
            self._facts[name] = value
        return self._facts[name]

    def clause_start(self, at: int) -> int:
        """Where the clause holding ``at`` starts (the last clause stop at or before it)."""
        i = bisect_right(self.stops, at)
        return self.stops[i - 1] if i else 0

    def clause_end(self, at: int) -> int:
        """Where the clause holding ``at`` ends (the first clause stop after it)."""
        i = bisect_right(self.stops, at)
        return self.stops[i] if i < len(self.stops) else len(self.text)

    def priority(self, start: int, end: int) -> str:
        """The priority named last before ``start``, else the first one after ``end`` in the
        same clause and close to it (not "… 99.0% of the fields, counting the supplier name
        and invoice number as critical fields")."""
        before = [p for s, e, p in self.priorities if e <= start]
        if before:
            return before[-1]
        stop = min(self.clause_end(end), end + 60)
        return next((p for s, _e, p in self.priorities if end <= s < stop), "")


_SLOT_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:time[- ]?)?slots?\b")
_COMPOUND_UNIT = re.compile(
    r"\d+-(?:second|minute|min|hour|hr|day|week)|(?:[2-9]|\d\d+)\s+(?:second|minute|hour|day|week)"
)
"""A duration used as an adjective ("a 30-minute session", "a 30 minute session")."""
_LASTS = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:sessions?|meetings?|calls?|courses?|appointments?|briefings?"
    r"|workshops?|trainings?|webinars?|inductions?|presentations?)\b"
)
"""What such a duration is the length of: a session or a meeting lasts that long; no target."""


def lasts(sent: Sentence, start: int, end: int) -> bool:
    """True when the value at ``start:end`` is how long a session or meeting lasts ("a 30
    minute online training session", "a 60-minute review call")."""
    return bool(_COMPOUND_UNIT.fullmatch(sent.low, start, end) and _LASTS.match(sent.low, end))


def value_measure(
    sent: Sentence,
    left_start: int,
    start: int,
    end: int,
    pct: bool,
    qtys: list[tuple[int, int, bool]],
) -> str | None:
    """The measure of the value at ``start:end``: the last measure word before it in its
    clause (unless a value of its own comes between), else the one right after it."""
    text = sent.text
    if sent.low[end : end + 80].lstrip().startswith("of") and _FEE.match(text[end : end + 80]):
        return "credit"
    if "-" in text[start:end]:
        # a compound ("a 4-hour collection slot") names the thing after it
        if _SLOT_AFTER.match(sent.low, end):
            return "slot"  # "a 30-minute delivery slot": a slot, not a delivery time
        after = next((m for m in sent.measures if m[0] >= end), None)
        if after and after[0] - end <= 25 and len(text[end : after[0]].split()) <= 1:
            return after[2]
    found = [m for m in sent.measures if m[0] >= left_start and m[1] <= start]
    if found and ")" in text[found[-1][1] : start]:
        # a measure word inside a closed parenthesis ("Denials worked (appeal filed or
        # corrected claim resubmitted) within 10 days") is not the value's measure
        closed = [p.span() for p in _PAREN.finditer(text, left_start, start)]
        found = [m for m in found if not any(a < m[0] and m[1] < b for a, b in closed)]
    if len(found) > 1 and "," in text[found[0][1] : start]:
        aside = _ASIDE.search(text, found[0][1], start)
        if aside and _AFTER_ASIDE.search(text, aside.end(), start):
            # "the monthly report, covering triage and credits, within 10 days": the measure
            # words listed in the aside are what the report covers, not what is timed
            found = [m for m in found if m[0] < aside.start()]
    if pct:
        found = [m for m in found if m[2] not in ("report", "incident-report")]
    if not pct and len(found) > 1 and found[-1][2] in SHARE_ONLY:
        # "recovered and available to users within 4 hours": a time belongs to the timed
        # measure before a share-only one
        timed = [m for m in found if m[2] in CLOCKED or m[2] == "recovery-time"]
        if timed and not any(timed[-1][1] <= s and e <= start for s, e, _p in qtys):
            found = found[: found.index(timed[-1]) + 1]
    if found:
        last = found[-1]
        credit = next((m for m in found if m[2] == "credit"), None)
        if credit and credit is not last and _FOR_MISS.match(text, credit[1]):
            # "the fee reduction for missing the call-answer standard is 2%": the rate of the
            # credit, not a target of the measure it is paid for
            return "credit"
        between = any(last[1] <= s and e <= start and p == pct for s, e, p in qtys)
        if between:
            # the measure word belongs to the value before this one, unless this one is a cap
            # of the sentence's subject ("… announced 7 days ahead and limited to 4 hours")
            if pct or not LIMITED.search(text, max(left_start, start - 30), start):
                return None
            first = next((m for m in found if m[2] != "notice"), None)
            return first[2] if first and first[2] not in SHARE_ONLY else None
        name = last[2]
        if name == "resolution" and _MEAN.search(text, max(left_start, last[0] - 25), start):
            return "mean-resolution"
        return name
    if not found and ";" in text[:start] and (colon := _label_colon(text)) >= 0:
        # "Response targets: P1 - 30 minutes; P2 - 4 hours": each item of a list after a
        # lead-in label has the label's measure
        item = text[text.rfind(";", 0, start) + 1 : start]
        lead = [m for m in sent.measures if m[1] <= colon]
        if lead and _LIST_ITEM.fullmatch(item.lower()):
            return lead[-1][2]
    for s, _e, name, _w in sent.measures:
        if s < end:
            continue
        gap = text[end:s]
        if len(gap) <= 3 and gap.strip(" :") == "":
            return name
        if _WINDOW_ADJ.fullmatch(gap.lower()):
            return name  # "a 99.9% monthly availability commitment"
        if name == "recovery-point" and _OF_DATA.fullmatch(gap.lower()):
            return name  # "no more than 15 minutes of committed data will be lost"
        if name in ("downtime", "maintenance") and (of := _OF_KIND.fullmatch(gap.lower())):
            # "up to 8 hours of planned downtime": an allowance named after its value
            return "maintenance" if of.group(1) or name == "maintenance" else "downtime"
        break
    return None


_OF_DATA = re.compile(r"\s+of\s+(?:[a-z-]+\s+){0,2}")
_COLON = re.compile(r"(?<!\d):|:(?!\d)")
"""A colon that is not inside a time of day ("17:00")."""


def _label_colon(text: str) -> int:
    """Where a lead-in label ends: the first colon that is not part of a time ("By 17:00
    each day - response targets: P1 - 30 minutes" has its label colon after "targets"), or
    -1."""
    if ":" not in text:
        return -1
    m = _COLON.search(text)
    return m.start() if m else -1


_ASIDE = re.compile(
    r",\s*(?:covering|including|showing|listing|setting out|containing|summari[sz]ing"
    r"|detailing|describing|stating|explaining|identifying|giving|recording|with"
    r"|which (?:covers|includes|shows|lists|sets out|states|explains))\b"
)
_AFTER_ASIDE = re.compile(
    r",\s*(?:(?:shall|will|must|is|are)\s+(?:be\s+)?(?:\w+ed\s+)?)?(?:within|by|no later than"
    r"|not later than|in)?\s*$"
)
"""The comma that closes an aside right before a value ("…, within 10 days")."""
_LIST_ITEM = re.compile(
    r"\s*(?:and\s+)?(?:(?:p|prio(?:rity)?|sev(?:erity)?|s|level|cat(?:egory)?|tier)\s*-?\s*[0-9]"
    r"|" + factor(list(TIER_WORDS)) + r")\s*(?:[-\u2013\u2014:=]|\(\w+\))?\s*"
)
"""An item of a list of values per priority ("P2 - ", "Sev 3: ", "high = ")."""

_WINDOW_ADJ = re.compile(r"\s*(?:monthly|quarterly|annual|yearly|weekly)\s*")
_OF_KIND = re.compile(r"\s*of\s+(?:(planned|scheduled)|unplanned|unscheduled)?\s*")
"""Between a value and "downtime" named after it: "8 hours of planned downtime"."""
_FOR_MISS = re.compile(
    r"\s+(?:for|on)\s+(?:each\s+|every\s+|a\s+|any\s+)?(?:miss|fail|breach|late)"
)
"""After a credit word: what the credit is paid for ("reduction for missing the standard")."""

_PAREN = re.compile(r"\([^()]*\)")


def other_measure(sent: Sentence, left_start: int, start: int, end: int) -> str | None:
    """What a notice period is for: the last measure word before it that is not a notice
    word ("Planned works notified 48 hours ahead"), else the first one after it."""
    names = [n for s, e, n, _w in sent.measures if s >= left_start and e <= start]
    names = [n for n in names if n != "notice"]
    if names:
        return names[-1]
    after = [n for s, _e, n, _w in sent.measures if s >= end and s < end + 60]
    return next((n for n in after if n != "notice"), None)


@functools.lru_cache(maxsize=1024)
def column_measure(heading: str) -> str | None:
    found = find_measures(heading, heading.lower())
    return found[-1][2] if found else None
