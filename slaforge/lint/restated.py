"""Values stated twice: every "measure + number" in the document, compared across sentences.

The metric cards know a few kinds of metric; drafts restate many more (speed of answer,
attendance, provisioning, maintenance caps, credit rates, retention…). Here a statement is a
number with its unit and the nearest measure word before it ("attendance within 2 hours",
"ASA commitment of 45 seconds", "credits are calculated at 10%"), the priority it belongs to
("Priority 1", "Sev 2", "Emergency", "all severities") and the things it is about ("portal",
"API", the row of a table). Two statements of the same measure, priority and subject with
different values conflict, unless either is conditional ("outside business hours", "at
weekends") or a tier boundary ("below 99.5%"). "1 hour" and "60 minutes" are the same value;
"next business day" is one business day; opening hours ("08:00-18:00 CET, Monday to Friday",
"24x7"), report deadlines ("by the 10th working day of the following month", "within 5 working
days of the end of the month"), temperature limits, a downtime allowance against the
availability of the same period, and measurement windows ("per calendar month" against "per
calendar quarter", reported by the ``window`` check) are compared too. Separate passes find
one named meeting, review or report held at two cadences ("the monthly Service Review" and
"the Service Review is held quarterly"), one deadline counted back from an event by two
numbers of days ("the fifth Working Day before the Pay Date" and "the third"), a committed
availability whose credit table starts below it ("99.99%" and credits from "less than
99.95%"), and a heading whose value its section contradicts ("Four-Hour Response" over
"within 6 hours"), a credit that starts later than its target ("resolved within 8 hours" and a
credit for each fault "not resolved within 12 hours"), and one named period given two date
ranges ("the year-end freeze runs from 1 December" and "| Year-end | 15 December to 2 January
|"). Every pass runs, and each reports every measure it finds in conflict once (one point per
measure and pair of values, not one per repeat).

Long documents state values that legitimately differ; these are not conflicts: values a
sentence, a table row or the bullets of one list give side by side for different cases
("99.99% at London and 99.95% at Dublin"), two rows of one table, a band of a credit table
("Up to 10 minutes | 10%"), a percentile ("95% within 300 ms, 99% within 800 ms"), a further
credit for a worse miss, a case the sentence opens with ("Where civil works are needed, …"),
kinds of record and storage tiers ("archived logs"), defined cover terms and round-the-clock
fault logging. Where it cannot tell, the check keeps quiet: the items of one bulleted list are
cases of one enumeration; a row of a table whose rows differ is compared only with statements
that name the row; rows of two tables whose labels share no word, two kinds of work item
("payroll queries", "finance service requests"), a periodic report and a report on an event,
kinds of retained data, and a time named by what is not done in it ("if the Customer does not
reply within 5 days") are different things.

Speed: earlier statements are indexed by value and table row, and repeats of one statement
are kept twice at most, so a long table or many repeats compare in near-linear time; a block
is looked at only when a substring test finds a unit word in it (a tenth of
the cost of a regex scan); regexes run on lower-case text without IGNORECASE and named groups,
long word lists are factored by first letter; the measure words of a sentence are found once
and shared by its values, its priorities, subjects and facts only when a value needs them.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo
from slaforge.lint.kinds import example_from
from slaforge.lint.model import Finding
from slaforge.lint.rules import Rule

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
    "eighteen": 18, "twenty": 20, "twenty-four": 24, "thirty": 30, "thirty-six": 36,
    "forty": 40, "forty-five": 45, "forty-eight": 48, "sixty": 60, "seventy-two": 72,
    "ninety": 90, "a": 1, "an": 1,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15,
    "twentieth": 20,
}  # fmt: skip
_MINUTES = {
    "ms": 1 / 60000, "millisecond": 1 / 60000, "s": 1 / 60, "sec": 1 / 60, "second": 1 / 60,
    "min": 1, "minute": 1, "h": 60, "hr": 60, "hour": 60, "day": 1440, "week": 10080,
    "month": 43200, "year": 525600,
}  # fmt: skip


_SEPARATORS = ("\x1c", "\x1d", "\x1e", "\x1f")
"""The ASCII characters that Unicode, not ASCII, counts as whitespace."""


def _plain(text: str) -> bool:
    """True for ASCII text without ``_SEPARATORS``: in such text a regex and its ``_ascii``
    copy find the same matches."""
    return text.isascii() and not _has_any(text, _SEPARATORS)


def _ascii(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` with ``re.ASCII``: in ``_plain`` text it finds the same matches a third faster
    (``\\w``, ``\\b``, ``\\d`` and ``\\s`` are table lookups, not Unicode database calls)."""
    return re.compile(rx.pattern, (rx.flags & ~re.UNICODE) | re.ASCII)


def _alternatives(rx: str) -> list[str]:
    """The top-level alternatives of a regular expression."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(rx):
        if ch == "\\" or (i and rx[i - 1] == "\\"):
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "|" and depth == 0:
            parts.append(rx[start:i])
            start = i + 1
    parts.append(rx[start:])
    return parts


def _factor(parts: list[str]) -> str:
    """The alternatives grouped by their first letter ("a(?:nswer|vailab)|r(?:espon|esol)"):
    the regex engine tries one group at each position instead of every alternative, which
    makes a long word list four times faster. Alternatives must start with a letter."""
    groups: dict[str, list[str]] = {}
    for part in parts:
        part = part.removeprefix(r"\b")
        assert part[:1].isalpha() and part[1:2] not in ("?", "*", "+", "{"), part
        groups.setdefault(part[0], []).append(part[1:])
    return "|".join(
        f"{first}(?:{'|'.join(sorted(rest, key=lambda r: r == ''))})"
        for first, rest in groups.items()
    )


_WORDS = _factor(sorted((w for w in _NUMBER_WORDS if len(w) > 2), key=len, reverse=True))
_QTY = re.compile(
    r"(?<![\w.,])(?:(?P<num>\d+(?:\.\d+|,\d{1,2}(?!\d))?|"
    + _WORDS
    + r"|(?<=\bwithin )an?(?=\s))(?:\s*\(\s*\d+(?:\.\d+)?\s*\))?(?:\s*-\s*|\s*)"
    r"(?:(?P<pct>%|percent\b|per cent\b)|(?P<clock>business |working |"
    r"banking |calendar |clock )?(?P<unit>milliseconds?|ms|seconds?|secs?|s|minutes?|mins?"
    r"|hours?|hrs?|h|days?|weeks?|months?|years?)\b)"
    r"|(?P<nbd>next[- ](?:business|working)[- ]day\b|nbd\b|(?<![\w+])d ?\+ ?[1-9]\b(?![.,]\d))"
    r"|(?P<every>(?<=\bevery )(?:hour|day|week)\b|hourly\b))",
)
"""A percentage or a duration ("99.9%", "4 hours", "two working days", "within an hour",
"next business day")."""
_TAIL = _QTY.pattern[_QTY.pattern.index(r"(?:\s*\(") : _QTY.pattern.index(r"|(?P<nbd>")]
_QTY_MAIN = re.compile(r"(?<![\w.,])(?P<num>\d+(?:\.\d+|,\d{1,2}(?!\d))?|" + _WORDS + ")" + _TAIL)
"""``_QTY`` without its rare forms: a fifth faster over a whole document."""
_QTY_MAIN_ASCII = _ascii(_QTY_MAIN)
_QTY_RARE = re.compile(
    r"(?<![\w.,])(?:(?P<num>(?<=\bwithin )an?(?=\s))" + _TAIL + r"|(?P<nbd>next[- ](?:business"
    r"|working)[- ]day\b|nbd\b|(?<![\w+])d ?\+ ?[1-9]\b(?![.,]\d))"
    r"|(?P<every>(?<=\bevery )(?:hour|day|week)\b|hourly\b))"
)
_QTY_RARE_ASCII = _ascii(_QTY_RARE)
_RARE_HINTS = ("within a", "next ", "nbd", "every ", "hourly", "d+", "d +")
_PERCENT = ("%", "percent", "per cent")
"""Substrings one of which every percentage (a ``pct`` group of ``_QTY``) has."""


@dataclass(slots=True)
class _Value:
    """A match of ``_QTY``: where it is and its parts."""

    start: int
    end: int
    num: str | None
    pct: str | None
    unit: str | None
    clock: str | None
    nbd: str | None = None
    every: str | None = None


def _values_in(low: str, plain: bool) -> list[_Value]:
    """Every value of a lower-case block (``plain`` when ``_plain``), in order."""
    found = [
        _Value(m.start(), m.end(), *m.group("num", "pct", "unit", "clock"))
        for m in (_QTY_MAIN_ASCII if plain else _QTY_MAIN).finditer(low)
    ]
    if _has_any(low, _RARE_HINTS):
        for m in (_QTY_RARE_ASCII if plain else _QTY_RARE).finditer(low):
            start = m.start() - (
                6 if m.group("every") and low[: m.start()].endswith("every ") else 0
            )
            found.append(
                _Value(start, m.end(), *m.group("num", "pct", "unit", "clock", "nbd", "every"))
            )
        found.sort(key=lambda v: v.start)
    return found


_MEASURES: tuple[tuple[str, str], ...] = (
    ("answer", r"speed of answer|\basa\b|answer(?:ed|ing|s)?\b|pick(?:ed)? up"),
    ("abandonment", r"abandon\w*"),
    ("availability", r"availab\w*|up-?time"),
    ("response", r"respon(?:d|ds|se|ses|ded|ding)\b|repl(?:y|ies|ied)\b|acknowledg\w*"),
    ("first-time-fix", r"first[- ]time fix\w*|ftf\b"),
    ("first-contact-resolution", r"first[- ](?:call|contact|line|time)[- ]resolution|fcr\b|flr\b"),
    ("satisfaction", r"satisf\w*|csat\b|nps\b|net promoter"),
    (
        "score",
        r"scor(?:e|es|ed|ing)\b|audit (?:results?|ratings?|marks?|grades?)\b"
        r"|inspection (?:results?|ratings?|marks?|grades?)\b|quality (?:ratings?|marks?|grades?)\b",
    ),
    ("error-rate", r"error rates?|failure rates?|defect rates?"),
    ("fulfilment", r"fulfil\w*"),
    ("recovery-point", r"restore points?"),
    (
        "resolution",
        r"resol\w*|\bfix(?:ed|es)?\b|restor\w*|repair\w*|remed(?:y|ied)\b|\bmttr\b"
        r"|rectif\w*|clear(?:ed|ance)\b",
    ),
    (
        "attendance",
        r"attend\w*|on[- ]?site\b|arriv\w*"
        r"|\bat (?:your|the|its|their) (?:building|premises|property|door|location)\b",
    ),
    ("make-safe", r"make[- ]safe|made safe"),
    ("turnaround", r"turn-?around|\btat\b"),
    ("triage", r"triag\w*"),
    ("lead-time", r"lead[- ]times?"),
    ("installation", r"install(?:s|ed|ing|ation|ations)?\b"),
    ("implementation", r"implement(?:s|ed|ing|ation|ations)?\b"),
    ("escalation", r"escalat(?:e|es|ed|ion)\b"),
    (
        "provisioning",
        r"provision\w*|set[- ]?up\b|onboard\w*|account creation|creat(?:e|es|ed|ing)"
        r" (?:\w+ ){0,2}accounts?\b|accounts? (?:is |are |will be |shall be |must be )?created"
        r"|joiners?\b|new starters?\b",
    ),
    (
        "follow-up",
        r"follow(?:ed|s|ing)?[- ]up|\bworked\b|call(?:s|ed)? (?:back|every|each|all|new)\b"
        r"|call(?:s|ed)? (?:you|them|the customer|the client|the caller) back\b|call-?backs?\b"
        r"|is (?:called|contacted|phoned)\b|are (?:called|contacted|phoned)\b"
        r"|be (?:called|contacted|phoned)\b|contact(?:s|ed)? (?:every|each|all|new)\b"
        r"|first (?:(?:live|phone|telephone|outbound|personal) )*(?:call|contact)\b(?! resol)"
        r"|reach(?:es|ed)? out to",
    ),
    ("update", r"updat(?:e|es|ed|ing)\b"),
    ("downtime", r"downtime|down-time|unavailability"),
    ("maintenance", r"maintenance|planned works|engineering works"),
    ("notice", r"\bnotice\b|notif\w*|announc\w*|\binform(?:s|ed|ing)?\b"),
    (
        "retention",
        r"retain\w*|retention|kept\b|keeps?\b|keeping\b|delet(?:e|ed|es|ion)\b|purg(?:e|ed|es)\b"
        r"|held for\b|stored for\b",
    ),
    (
        "claim",
        r"\bclaim(?:s|ed|ing)?\b(?! (?:platform|system|service|processing|handling|team|division"
        r"|department|data|file|portal|application|operations?|adjust\w*))"
        r"|request\w* (?:a |for )?(?:service )?credits?|credit requests?",
    ),
    ("settlement", r"settle\w*"),
    ("credit", r"credit\w*|rebate\w*|deduct\w*|refund\w*|reduc\w*|discount\w*"),
    ("latency", r"latency|round[- ]trip|\brtt\b"),
    ("jitter", r"jitter"),
    ("packet-loss", r"packet loss"),
    ("handle-time", r"handl(?:e|ing) time|\baht\b"),
    (
        "recovery-point",
        r"recovery point|\brpo\b|data[- ]loss"
        r"|data (?:will |would |could |may |might |shall |can )?(?:be )?lost\b"
        r"|\blose (?:\w+ )?data\b|\bdata (?:could|might|may|would|can) (?:we|you|i) lose\b",
    ),
    (
        "recovery-time",
        r"recovery time|\brto\b|recover(?:ed|s)?\b|back online\b|back up and running\b"
        r"|back in service\b",
    ),
    ("patching", r"patch\w*"),
    ("slot", r"\bslots?\b"),
    ("incident-report", r"root[- ]cause analys[ie]s|rcas?\b"),
    ("report", r"reports?\b"),
    ("delivery", r"deliver\w*|d[ei]spatch\w*|\bdifot\b|\botif\b"),
)


_MEASURE = re.compile(
    r"\b(?:" + _factor([p for _, rx in _MEASURES for p in _alternatives(rx)]) + ")"
)
"""Every measure word, in lower-case text (no groups, no IGNORECASE, factored by first
letter: about ten times faster than the plain alternation)."""
_MEASURE_ASCII = _ascii(_MEASURE)
_EACH_MEASURE = [(name, re.compile(rx)) for name, rx in _MEASURES]


@functools.lru_cache(maxsize=4096)
def _measure_name(word: str) -> str:
    """The measure a match of ``_MEASURE`` names (the first alternative that matches it)."""
    return next((name for name, rx in _EACH_MEASURE if rx.fullmatch(word)), "")


_REPORT_BEFORE = frozenset(
    """the a an each every monthly weekly quarterly annual service performance management sla
    kpi status usage written its our their level availability governance final""".split()  # noqa: SIM905
)
_INCIDENT_BEFORE = frozenset(
    {"incident", "incidents", "rca", "outage", "problem", "root-cause", "cause", "post-incident",
     "analysis"}
)  # fmt: skip
_FREQUENCIES = frozenset({"daily", "weekly", "monthly", "quarterly", "annual", "yearly"})
_REPORT_VERB = ("send", "sent", "deliver", "issue", "provid", "publish", "submit")
_REPORT_DONE = re.compile(
    r"\s+(?:is\s+|are\s+|shall be\s+|will be\s+|must be\s+)?(?:due|sent|delivered|issued"
    r"|published|provided|submitted)\b"
)


def _report_kind(low: str, start: int, end: int) -> str | None:
    """ "report" as a noun ("the monthly report", "deliver the service level report", "the
    report is due"): "report", or "incident-report" for a root-cause report; None for the
    verb ("the customer reports an incident")."""
    before = low[max(0, start - 40) : start].split()[-4:]
    if before and before[-1] in _INCIDENT_BEFORE:
        return "incident-report"
    if (
        (before and before[-1] in _REPORT_BEFORE)
        or any(w.startswith(_REPORT_VERB) for w in low[max(0, start - 60) : start].split()[-6:])
        or _REPORT_DONE.match(low, end)
    ):
        return "report"
    return None


def _find_measures(text: str, low: str, plain: bool = False) -> list[tuple[int, int, str, str]]:
    """The measure words of ``text`` (``low`` is it in lower case, ``plain`` when ``_plain``) as
    (start, end, measure, word); a report with its verb ("report is delivered", "deliver the
    report") is one."""
    out: list[tuple[int, int, str, str]] = []
    for m in (_MEASURE_ASCII if plain else _MEASURE).finditer(low):
        start, end = m.span()
        if out and start < out[-1][1]:
            continue
        if text[end : end + 1] == " " and _NAME_AFTER.match(text, end):
            continue
        word = m.group()
        name = _measure_name(word)
        if out and (
            (name == "lead-time" and start - out[-1][1] <= 1)
            or (name in ("installation", "implementation") and start - out[-1][1] <= 40)
        ):
            continue  # "installation lead time", "patches are installed": the first word's
        if (
            name == "claim"
            and text[start].isupper()
            and text[:start].rstrip()[-1:] not in ("", ".", ":", "|")
        ):
            continue  # "the Director of Claims": a department
        if (
            name == "attendance"
            and word.startswith("on")
            and _DONE_ON_SITE.search(low, max(0, start - 30), start)
        ):
            continue  # "shredded on site within 2 days": where a task is done, not attendance
        if (
            word.endswith("ed")
            and _PRENOMINAL.match(low, end)
            and _DETERMINER.search(low, max(0, start - 12), start)
        ):
            continue  # "repaired equipment shall be sent back by D+3": what is sent, not a repair
        if name == "report":
            kind = _report_kind(low, start, end)
            if kind is None:
                continue
            name = kind
            before = low[max(0, start - 15) : start].split()[-1:]
            if before and before[0] in _FREQUENCIES:
                word = f"{before[0]} report"  # a monthly and a quarterly report are two reports
            out = [x for x in out if not (x[2] == "delivery" and start - x[1] <= 30)]
            done = _REPORT_DONE.match(low, end)
            end = done.end() if done else end
        out.append((start, end, name, word))
    return out


_PRENOMINAL = re.compile(
    r" (?!(?:within|in|by|on|at|and|or|to|no|not|as|after|before|under|for|from|with|the|a|an"
    r"|is|are|was|were|be|been|shall|will|must|may|should|can|could|would|it|them|same|this"
    r"|that|each|every|all|any|only|promptly|quickly)\b)[a-z][a-z-]+\b(?! (?:within|in|by)\b)"
)
_DETERMINER = re.compile(
    r"(?:^|\b(?:the|a|an|any|all|each|every|of|for|its|their|our|your)|[\d.):;|])\W*$"
)
"""A participle before its noun ("the repaired equipment", "Restored data is checked"): it
names the thing, not the act the value times."""
_DONE_ON_SITE = re.compile(
    r"\b(?!(?:requir|need|station|locat|bas|attend|present)ed\b)[a-z]{3,}ed\s+$"
    r"|\b(?:out|done|kept|held|made|taken|undertaken|written|stored)\s+$"
)
"""A task's verb right before "on site" ("shredded on site", "carried out on site"): the
place where the task is done, not an engineer's attendance."""
_DELETION = re.compile(r"delet|purg", re.I)
_NOT_RETENTION = re.compile(
    r"\bterminat\w*|\bexpir\w*|\bexit\b|\bcancel\w*|\brequest\w*|\bend of (?:the |this )?"
    r"(?:agreement|contract|term)",
    re.I,
)
"""Deleting data at the end of the contract or on request is not its retention period."""
_MEAN = re.compile(r"\b(?:mean|average|avg)\b", re.I)
_AHEAD = re.compile(
    r"^\s*(?:ahead|in advance|before|beforehand|prior)\b|^['\u2019]?\s*(?:\w+\s+)?notice", re.I
)
_CAP = re.compile(r"(?:\bcap(?:ped)?|\bup to|\bmaximum|\bmax\.?|\blimit(?:ed)?|\bnot exceed"
                  r"|\bexceed|\btotal)\W+(?:\w+\W+){0,5}$", re.I)  # fmt: skip
_CAP_NOUN = re.compile(
    r"\b(?:maximum|max\.?|cap|ceiling|aggregate|overall)\b(?:\W+\w+){0,3}?\W+credit\w*\b[^.;%]{0,40}$"
    r"|\b(?:no|not(?: be)?) (?:more|greater|higher) than\s*$",
    re.I,
)
"""A cap on credits named before the value ("the maximum service credit payable in a month
is 25%", "credits will not be more than 15%")."""
_CAP_LABEL = re.compile(r"\b(?:maximum|max\.?|cap|capped|ceiling|limit|aggregate)\b")
_BACKUP = re.compile(r"\bback(?:ed)?[- ]?up|\bbackups?\b", re.I)
_BACKUP_KIND = re.compile(r"\b(?:full|incremental|differential|transaction|log|snapshot)")
_NOT_TAKING = re.compile(
    r"\b(?:test\w*|restor\w*|verif\w*|review\w*|audit\w*|check\w*|report\w*|replicat\w*"
    r"|cop(?:y|ied|ies) (?:off|to)|rotat\w*|purg\w*|delet\w*)",
    re.I,
)
"""Other things done to backups every so often (tested, restored, rotated)."""
_TIMES_100 = re.compile(r"[x\u00d7*/)]\s*$|^\s*[x\u00d7*/)]|\bmultipl|\btimes\b")
_NOT_BINDING = re.compile(
    r"\b(?:typically|usually|generally|in most cases|often)\b[^.;]*$"
    r"|\b(?:clause|section|paragraph|schedule|provision|table)s?\s+[\w.()]+\s+(?:is|are|shall be"
    r"|has been|have been)\s+(?:deleted|struck out|superseded|revoked|replaced in (?:its|their)"
    r" entirety)\b",
    re.I,
)
"""A value that is not a second commitment: a typical figure ("typically resolved within 2
hours") or the new text of a clause said to be deleted ("clause 3 is deleted and replaced
by ...")."""
_DELETED_ITEMS = re.compile(r"delet|recycl|trash|\bbin\b|remov|purg", re.I)
"""Items deleted in the last days, kept in a recycle bin: not how far backups reach."""
_REACH_BEFORE = re.compile(r"\b(?:last|previous|past|preceding|prior)\s*$", re.I)
_REACH_AFTER = re.compile(r"\s*(?:old|ago|back)\b", re.I)
"""How far back a restore reaches ("restore from any backup taken in the last 30 days",
"backups up to 90 days old")."""
_RECUR = re.compile(
    r"\b(?:no (?:further|repeat|return|second|follow-up)|(?:not|never) (?:recur|re-?open|return"
    r"|re-?occur)|without (?:a |any )?(?:further|repeat|return|recurrence|re-?open))\w*\b[^.;]*$"
)
"""A fix defined by what does not happen after it ("no further visit is needed within 14
days", "the fault does not recur within 7 days"): the window is not a time to fix."""
_LIMITED = re.compile(
    r"(?:\bcapped at|\blimited to|\bup to|\bmaximum(?: of)?|\bmax\.?|\bnot (?:to )?exceed"
    r"|\bno more than|\bat most)\s*$",
    re.I,
)
"""A cap before the value: it belongs to the sentence's subject ("Maintenance is announced
7 days ahead and is limited to 4 hours a month")."""
_BOUND = re.compile(
    r"(?:\bbelow|\bunder|\bless than|\bmore than|\blonger than|\bover|\bafter|\bbeyond|\babove"
    r"|\bbetween|\bfrom|\bgreater than|\bequal to|\bfewer than|[<>\u2264\u2265=])\s*(?:the\s+)?$",
    re.I,
)
_BOUND_WORDS = (
    "below", "under", "less than", "more than", "longer than", "over", "after", "beyond",
    "above", "between", "from", "greater than", "equal to", "fewer than",
)  # fmt: skip
_BOUND_SIGNS = ("<", ">", "\u2264", "\u2265", "=")


def _bounded(tail: str) -> bool:
    """True when ``tail`` (the text before a value) ends with a threshold word ("below",
    "more than the", "≥"): ``_BOUND`` without a regex scan."""
    t = tail.rstrip().lower()
    if t.endswith(" the"):
        t = t[:-4].rstrip()
    if t.endswith(_BOUND_SIGNS):
        return True
    if not t.endswith(_BOUND_WORDS):
        return False
    return bool(_BOUND.search(t))


_UPPER = re.compile(
    r"(?:\bbelow|\bunder|\bless than|\bfewer than|\bno more than|\bnot more than|[<\u2264=])\s*$"
    r"|\bSLA\s*[:=]?\s*$",
    re.I,
)
"""An upper bound: for a time or a loss rate it states the target ("latency below 40 ms")."""
_REMEDY = re.compile(
    r"\b(?:credit\w*|refund\w*|rebate\w*|terminat\w*|breach\w*|penalt\w*|fail\w*|miss\w*|late"
    r"|exceed\w*|if|where)\b",
    re.I,
)
_REFERENCE_BEFORE = re.compile(
    r"\bthe\s+(?:(?:committed|agreed|booked|contracted|guaranteed|permitted|allowed|stated"
    r"|promised|target|required|maximum|minimum)\s+)?$",
    re.I,
)
_REFERENCE_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:target|commitment|service level|sla|allowance|cap|slot|window"
    r"|permitted|allowed|agreed|committed|guaranteed|set out|stated|specified|promised"
    r"|in (?:clause|section|\u00a7|schedule|paragraph|annex))\b",
    re.I,
)
_COMMITTED_WORD = re.compile(
    r"\b(?:committed|agreed|booked|contracted|guaranteed|permitted|promised)\s+$", re.I
)
"""A value named as the agreed one ("beyond the 4 hours permitted in § 6", "below the committed
99.9 %", "outside the booked 4-hour slot"): a restatement of the target, not a threshold."""
_FREQUENCY = re.compile(r"\b(?:every|each|any|per|previous|last|past|rolling|first|next)\s*$", re.I)
_COMMITTED = re.compile(
    r"\b(?:commit\w*|target|guarantee\w*|agreed|service level|sla|kpi|ola|objective)\b", re.I
)
_CONDITION = re.compile(
    r"\b(?:"
    + _factor(
        _alternatives(
            r"during(?! (?:the )?(?:normal |standard |core |agreed |published )?(?:business"
            r"|opening|support|service|working|office|core|staffed|contracted) hours)(?! the"
            r" (?:term|agreement|contract))(?! (?:an?|any|each|every|the) (?:incident|outage"
            r"|disruption)s?\b)"
            r"|outside|weekends?|saturdays?|sundays?|peak|for each (?:site|component|region)"
            r"|for (?:such|those|these) [a-z]+|for (?:\w+ ){0,2}(?:incidents?|faults?|requests?"
            r"|tickets?|calls?|orders?|changes?) (?:that |which )?(?:affect|involv|concern|relat"
            r"|rais|logg|on\b|in\b)"
            r"|last \w+ (?:weekdays|days|business days|working days)|month-end|year-end|again\b"
            r"|contract years? (?:\d|one\b|two\b|three\b)|service years? (?:\d|one\b|two\b"
            r"|three\b)|years? (?:\d|one\b|two\b|three\b)|months? \d+ (?:after|from|of)"
            r"|until (?:the end of |the close of )?(?:month|year|week|go-live|cut-?over|completion)"
            r"|first (?:\d+|three|six|twelve|ninety) (?:days|weeks|months)"
            r"|initial (?:\d+|three|six|twelve|ninety) (?:days|weeks|months)|transition\w*"
            r"|ramp-?up|hypercare|stabili[sz]ation period|bedding-in"
            r"|further attempts?|second attempt"
            r"|instead of(?! [^.;]{0,40}\b(?:stated|set out|specified|given|agreed|in (?:clause"
            r"|section|paragraph|schedule)))"
            r"|in place of(?! [^.;]{0,40}\b(?:stated|set out|specified|given|agreed|in (?:clause"
            r"|section|paragraph|schedule)))"
            r"|including (?:planned |scheduled |emergency )?(?:maintenance|downtime)"
            r"|does(?: not|n't) [a-z]+ (?:[a-z]+ ){0,6}?within\b"
            r"|do(?: not|n't) [a-z]+ (?:[a-z]+ ){0,6}?within\b"
            r"|did(?: not|n't) [a-z]+ (?:[a-z]+ ){0,6}?within\b"
            r"|fail(?:s|ed|ing)? to [a-z]+ (?:[a-z]+ ){0,6}?within\b"
        )
    )
    + ")"
)
"""Words that limit a value to some of the time ("outside business hours", "at weekends") or
to some cases ("called again within 48 hours", "if the Customer does not reply within 5 days":
a time named by what is not done in it is a condition, not a target)."""
_CONDITION_ASCII = _ascii(_CONDITION)
_EXCEPT = re.compile(r"\b(?:except|unless)\b")
"""An exception before the value ("Except for P1, …") qualifies it; after it ("… unless the
customer agrees otherwise") the value is the rule."""
_EXCEPT_HINTS = ("except", "unless")
_PER_THING = re.compile(
    r"\bper (site|user|component|region|location|device|feed|circuit|store|branch)\b"
)
_ALL_DAYS = re.compile(
    r"\b(?:includ\w*|incl\.|as well as|even|also|every day|7 days|seven days|24\s*[x/]\s*7)\b"
    r"[^.;:]*$"
)
"""Before a weekend word, words that make it part of every day ("24x7, including weekends")."""
_DAY_WORD = re.compile(r"\b(?:weekends?|saturdays?|sundays?)\b")
_TIER_WORDS = (
    "critical", "urgent", "emergency", "high", "medium", "low", "routine", "major", "minor",
    "standard", "premium", "gold", "silver", "bronze", "platinum",
)  # fmt: skip
_PRIORITY = re.compile(
    r"\b(?:(?:p|prio(?:rity)?|sev(?:erity)?|s|level|category|cat\.?|tier)\s*-?\s*([0-9](?!\d)"
    r"|[a-d]\b)"
    r"|(" + _factor(list(_TIER_WORDS)) + r")\b"
    r"|(?P<all>(?:all|any|every|each) (?:priorit(?:y|ies)|severit(?:y|ies))(?: levels?)?"
    r"(?!\s*-?\s*(?:[0-9]|[a-d]\b))"  # "each Severity 1 Incident" names one level
    r"|regardless of (?:the )?(?:priority|severity)|whatever the (?:priority|severity))\b)",
)
"""A priority ("P1", "Sev 2", "Critical") or all of them; one word boundary before the three
alternatives (a third faster than one before each)."""
_PRIORITY_ASCII = _ascii(_PRIORITY)
_TIERS = frozenset({"standard", "premium", "gold", "silver", "bronze", "platinum"})
_SUBJECTS = re.compile(
    r"\b("
    + _factor(
        _alternatives(
            r"portal|api|website|web ?site|storefront|checkout|email|e-mail|network|circuit|site"
            r"|database|application|platform|component|server|storage|telephony|voice|chat|phone"
            r"|telephone|desk|laptop|desktop|mobile|sync|client app|dashboard|reporting|erp|crm"
            r"|backup|snapshot|restore|power|cooling|lead|mql|sql|demo|production|sandbox|staging"
            r"|region|country|territory|campus|depot|warehouse"
        )
    )
    + r")s?\b",
)
_SUBJECTS_ASCII = _ascii(_SUBJECTS)
_SYNONYMS = {
    "snapshot": "backup", "website": "website", "web site": "website", "e-mail": "email",
    "telephone": "phone", "telephony": "phone", "voice": "phone", "mql": "lead",
    "desk": "support", "helpdesk": "support",
}  # fmt: skip
_AT_OR = re.compile(r"\bat or (?:above|below|under|over)\s*$", re.I)
""""at or above 90%" states a target, not a threshold."""
_BREACH = re.compile(r"\bbreach\w*|\bfail\w* to (?:meet|achieve)|\bmiss\w* the", re.I)
"""After a threshold, words that make it the target itself ("below 99.9% is a breach")."""
_TRIGGER_IF = re.compile(r"\b(?:if|where|when|should|once)\b")
_TRIGGER_REMEDY = re.compile(r"\b(?:terminat|credit|refund|rebate|entitle|breach)")
_REMEDY_HINTS = ("terminat", "credit", "refund", "rebate", "entitle", "breach")
_NOT_WITHIN = re.compile(r"\bnot (?:been |be )?[a-z]+ed (?:[a-z]+ ){0,3}?(?:within|in) ")
_FURTHER = re.compile(r"\b(?:additional|further|extra|supplementary|in addition|also)\b")
"""A miss named by what was not done in time, with a further remedy ("each alert not
triaged within 60 minutes earns an additional credit"): a second, worse threshold on top of
the target's own remedy, not the target (a credit that only starts after a longer time than
the target, with no other, is still flagged)."""


class _Trigger:
    """``_TRIGGER.match(low)``: a condition word and a remedy word in one lower-case
    sentence (two plain scans instead of two lookaheads over the whole sentence)."""

    @staticmethod
    def match(low: str) -> bool:
        if not _has_any(low, _REMEDY_HINTS) or _TRIGGER_REMEDY.search(low) is None:
            return False
        return _TRIGGER_IF.search(low) is not None or (
            "not " in low
            and _NOT_WITHIN.search(low) is not None
            and _FURTHER.search(low) is not None
        )


_TRIGGER = _Trigger()
"""A sentence that sets a trigger for a remedy: its values are thresholds, not targets."""
_NOT_SERVICE = re.compile(
    r"\bdisput\w*|\bbreach\w*|\bcure\b|\bcomplain\w*|\b(?:improvement|rectification|remediation"
    r"|corrective action|action) plan"
)
"""Resolving a dispute, curing a breach or presenting a plan after a missed target is not the
service's resolution clock."""
_NOT_SERVICE_HINTS = ("disput", "breach", "cure", "complain", " plan")
_EXAMPLE = re.compile(
    r"(?<![.@/])\b(?:for example|e\.g\.|for instance|example|assum\w*|suppose|in this case"
    r"|illustrat\w*)\b"
    r"|\d[\d,.]*\s*[/x\u00d7*]\s*\d[\d,.]*\s*\)?\s*=|\d[\d,.]*\s*%?\s*minus\s*\d",
)
"""A worked example: its figures illustrate a formula and are not values of the agreement
(not the ``.example`` of an address: "noc@acme.example")."""
_EXAMPLE_ASCII = _ascii(_EXAMPLE)
_TIER = re.compile(
    r"(?:\bbelow|\bunder|\bless than|\babove|\bbetween|[<>\u2264\u2265])\s*(?:the\s+)?"
    r"\d(?!\d?:\d\d)(?![\d.]*\s*(?:%|percent|per cent)\s*of\b)"
    r"|\b(?:more than|up to)\s+\d[\d.]*\s*(?:%|percent|per cent|percentage points?)"
    r"(?!\s*of\b)",
    re.I,
)
"""A threshold in the sentence: the credit stated with it is one tier of a table ("more
than" and "up to" only before a share: "more than 0.5 percentage points | 5%")."""
_GENERIC = re.compile(
    r"\b(?:table|summary|reference|quick|service levels?|levels?|schedule|policy|dashboard|"
    r"definitions?|faq|governance|kpis?|sla|ola|commitments?|targets?|performance|metrics?|note|"
    r"overview|average|mean|monthly|daily|weekly|reporting|windows?|times?|hours?|rates?|standards?|"
    r"section|clause|annex|appendix|article|part|exhibit|paragraph|specification|calculation|footnotes?|"
    r"measurement|the|our|a|an|at|of|for|in|on|to|by|via|with|from|per|and|or)\b|\u00a7|"
    r"\b[\divxlc]+(?:\.\d+)*\b|\b[a-z]\b",
    re.I,
)
_META = re.compile(
    r"\b(?:table|summary|reference|quick|dashboard|definitions?|faq|governance|kpis?|sla|ola|"
    r"commitments?|targets?|performance|metrics?|overview|window|annex|appendix|schedule)\b",
    re.I,
)
"""A label that names a place in the document or a kind of figure, not a thing."""
_SHARE_ONLY = frozenset(
    {"availability", "abandonment", "packet-loss", "first-contact-resolution", "satisfaction",
     "error-rate", "first-time-fix", "score"}
)  # fmt: skip
"""Measures whose value is a percentage: a duration near them is a threshold or a sample."""
_LOWER_BETTER_SHARE = frozenset({"abandonment", "packet-loss", "error-rate"})
_CLOCKED = frozenset(
    {"answer", "response", "resolution", "mean-resolution", "attendance", "make-safe", "triage",
     "lead-time", "escalation",
     "turnaround",
     "provisioning", "follow-up", "fulfilment", "notification"}
)  # fmt: skip
"""Measures whose value is a time; a percentage with them is the share of cases that meet it."""
_TERMINATION = re.compile(r"\bterminat\w*|\bcancel\w*|\bexit\b")
_TERMINATION_HINTS = ("terminat", "cancel", "exit")
_CLAUSE_STOP = re.compile(r"[;]|\.\s|\|\s*(?=[A-Z])")
_MONTH_END = re.compile(
    r"^\s*(?:after|of|following|from)\s+(?:the\s+)?(?:end|close)\s+of\s+(?:each|the|every|a|that"
    r"|any)\s+(?:calendar\s+)?month\b",
    re.I,
)
"""A number of days counted from the end of the month: a deadline within the next month."""
_DOM = re.compile(
    r"\b(?:by|on|before|until|no later than|not later than)\s+the\s+(?P<ord>\d{1,2}(?:st|nd|rd"
    r"|th)|"
    + "|".join(_ORDINALS)
    + r")\b(?P<rest>(?:\s+(?!working|business|banking|calendar)[A-Za-z]+)?\s+(?:(?P<kind>working|"
    r"business|banking|calendar)\s+)?day\b|(?=\s+(?:day\s+)?of\s+(?:the|each|every)\s+"
    r"(?:following|next|subsequent|calendar)?\s*month))",
)
"""A deadline given as a day of the month ("by the 10th working day of the following month")."""


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
    share; "95% within 60 seconds" is another target than an average of 20 seconds."""
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


def _number(text: str) -> float:
    word = _NUMBER_WORDS.get(text.lower())
    return float(word) if word is not None else float(text.replace(",", "."))


def _unit(unit: str) -> str:
    unit = unit.lower()
    if unit == "ms":
        return unit
    unit = unit.rstrip("s") or "s"
    return {"sec": "s", "hr": "h", "mins": "min"}.get(unit, unit)


_NAME_AFTER = re.compile(
    r"\s+(?:Division|Department|Team|Unit|Office|Group|Centre|Center|Manager|Officer|Board)\b"
)
"""A measure word that is part of a name ("the Claims Division")."""
_FEE = re.compile(
    r"^\s*of\s+(?:the\s+|that\s+|its\s+|their\s+)?(?:[\w'\u2019-]+\s+){0,3}"
    r"(?:fees?|charges?|rental|invoice|recharge|price|mrcs?|mrrs?|nrcs?)\b",
    re.I,
)
_QUALIFIER_STOP = frozenset(
    """the a an each every all any our its their your of for to and or shall will is are be
    take takes retain retains full daily nightly weekly monthly new existing other by via
    through per from with on in at over across failed faulty affected summary""".split()  # noqa: SIM905
)
_DEFINES_DONE = re.compile(
    r"\bmeans\b|\bis (?:complete|completed|resolved|restored|met|achieved|fixed|closed)"
    r" (?:when|once|if)\b",
)
"""A sentence that says when a clock stops; its durations (a deemed-acceptance period) are
not the target."""
_DEFINES_HINTS = ("means", " when", " once", " if")
_WORD = re.compile(r"[A-Za-z][\w-]*")
_ROW_WORD = re.compile(r"\w+")


def _head(word: str) -> str:
    word = word.lower().replace(" ", "")
    word = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    return _SYNONYMS.get(word, word)


_FREQ_ADJ = re.compile(r"\b(?:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly)\b")


@functools.lru_cache(maxsize=4096)
def _label(text: str) -> tuple[tuple[str, str], bool]:
    """A lead-in label ("Production environment: …") or first cell as a (qualifier, head)
    subject without generic words, and whether it also names a kind of figure."""
    low = text.lower()
    soft = bool(_META.search(low) or _MEASURE.search(low))
    words = [w.strip(".,:;()'\u2019") for w in _GENERIC.sub(" ", _MEASURE.sub(" ", low)).split()]
    words = [w for w in words if w and w[0].isalpha()]
    freq = _FREQ_ADJ.search(low) if soft else None
    if not words:
        if freq:  # "daily recovery points" and "weekly recovery points"
            return ("", freq.group()), soft
        return ("", ""), soft
    qualifier = " ".join(w.lower() for w in words[:-1])
    if freq:  # "daily restore points" and "weekly restore points": two kinds of point
        qualifier = f"{freq.group()} {qualifier}".strip()
    return (qualifier, _head(words[-1])), soft


def _overlap(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """True when some thing of ``a`` is a thing of ``b`` (same head; the same qualifier, or
    none on one side: "database" is "production database")."""
    for qa, ha in a:
        for qb, hb in b:
            if ha == hb and (qa == qb or not qa or not qb):
                return True
    return False


_ITEM_MARK = r"(?:[-*\u2022]\s+|\(?[a-z0-9]{1,3}[.)]\s+|\d+(?:\.\d+)+\.?\s+)?"
"""A bullet or a clause number before a sentence ("- ", "(b) ", "6.3 ")."""
_LEAD = re.compile(
    r"^\s*" + _ITEM_MARK + r"([A-Za-z\u00a7][\w /&'\u2019.-]{0,40}?)\s*(?::|[\u2013\u2014-])\s"
)


def _lead(text: str) -> re.Match[str] | None:
    """``_LEAD`` at the start of ``text``, searched only when the mark it ends with is there."""
    if ":" in text or "-" in text or "\u2013" in text or "\u2014" in text:
        return _LEAD.match(text)
    return None


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
def _heading_measure(heading: str) -> str | None:
    """The one measure a heading names ("§ 6 Maintenance", "Response Times"), if it names
    exactly one, as the thing the heading is about: not when the measure word qualifies
    another noun ("Restore Testing") or the heading joins it to another subject ("Log
    Collection and Retention")."""
    low = heading.lower()
    if len(heading.split()) > 5 or _NOT_SERVICE.search(low) or _TERMINATION.search(low):
        return None
    found = _find_measures(heading, low)
    names = {n for _s, _e, n, _w in found}
    if len(names) != 1:
        return None
    if re.search(r"\band\b|&|,|/", low):
        return None  # "Collection and Retention": the section is about both
    tail = _HEADING_WORD.findall(low, found[-1][1])
    if any(w not in _HEADING_TAIL for w in tail):
        return None
    return names.pop()


_BACKUP_CLASS = {
    "hourly": "hourly", "daily": "daily", "nightly": "daily", "weekly": "weekly",
    "monthly": "monthly", "yearly": "yearly", "annual": "yearly",
}  # fmt: skip
"""How often a class of backup is taken: each class has its own retention."""


def _subjects_in(text: str) -> set[tuple[str, str]]:
    """The things named in ``text``, each with the word before it as its qualifier."""
    found = set()
    text = text.lower()
    for m in _SUBJECTS.finditer(text):
        words = _WORD.findall(text, max(0, m.start() - 30), m.start())[-1:]
        qualifier = words[0] if words else ""
        if qualifier in _QUALIFIER_STOP or _GENERIC.fullmatch(qualifier):
            qualifier = ""
        found.add((qualifier, _head(m.group(1))))
    return found


_NP = re.compile(
    r"^\s*" + _ITEM_MARK + r"(?:[^:]{0,60}:\s+)?(?:(?:the|all|each|every|any|our|your|new)\s+)?"
    r"(?P<np>(?:[A-Za-z][\w'\u2019-]*\s+){0,2}?[A-Za-z][\w-]*)"
    r"(?P<pp>\s+(?:of|for|from|on|in)\s+(?:the\s+|each\s+|all\s+|our\s+|your\s+)?"
    r"(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)?\s+(?:is|are|will|shall|must"
    r"|should|can|may|take|takes|get|gets|receive|receives)\b",
    re.I,
)
"""The subject of a sentence ("Audit logs are retained …", "Emails are answered …", "CCTV
recordings of the halls are kept …": the head before a short "of" phrase)."""
_NP_ASCII = _ascii(_NP)
_WORK_ITEMS = frozenset(
    """incident incidents fault faults ticket tickets case cases issue issues problem problems
    request requests job jobs defect defects outage outages service services system
    systems""".split()  # noqa: SIM905
)
"""Work items: "Faults" are any faults, "Hardware faults" one kind of them."""
_NOT_THING = frozenset(
    """it they this these that there we you us he she provider providers supplier suppliers
    vendor contractor contractors customer customers client clients operator bureau agency
    carrier outsourcer processor company council university team teams party parties engineer
    engineers technician technicians agent agents adviser advisers staff operative operatives
    executive executives rep reps sdr sdrs sales marketing licensor licensee partner partners
    level levels target targets time times all each every call-outs callouts works work
    failure failures event events breach breaches credit credits fee fees also then only always
    usually normally still further""".split()  # noqa: SIM905
)
"""Subjects that say who acts or name any work item, not a thing the value is about."""


def _np_subject(text: str, plain: bool = False) -> tuple[str, str] | None:
    """The thing a sentence is about when it opens with it ("Audit logs are retained"),
    unless that is a party, a work item or a measure."""
    m = (_NP_ASCII if plain else _NP).match(text)
    if m is None:
        return None
    np = m.group("np")
    whole = np + (m.group("pp") or "")  # "speed of answer": the measure, not a thing
    named = _find_measures(whole, whole.lower())
    if named:  # "Deliveries take place within a 4-hour slot": the slot of deliveries
        return ("", f"@{named[-1][2]}")
    if _PRIORITY.search(np.lower()):
        return None
    words = np.split()
    head = words[-1]
    acronym = 2 <= len(head) <= 5 and head.isupper() and head.isalpha()  # "the PIM", "the CRM"
    if (
        head[0].isupper()
        and not acronym
        and m.end("np") - len(head) > len(text) - len(text.lstrip())
    ):
        return None  # "the Supplier", "Acme Cloud": a party or a name
    qualifier = words[-2].lower() if len(words) > 1 else ""
    if head.lower() in _NOT_THING:
        return None
    if qualifier in _QUALIFIER_STOP or qualifier.endswith("ed") or _GENERIC.fullmatch(qualifier):
        qualifier = ""
    if head.lower() in _WORK_ITEMS:
        # "Hardware faults" and "Software faults" are two kinds of fault; "Faults" any
        return (qualifier, _head(head)) if qualifier else None
    return (qualifier, _head(head))


_PREV_WORD = re.compile(r"([\w-]+)\s+$")


def _standard_noun(low: str, m: re.Match[str]) -> bool:
    """True for "standard" naming a target after its measure ("the call-answer standard", "the
    response standard"), not a service tier ("Standard tier", "Standard | 4 hours")."""
    if m.group(2) != "standard":
        return False
    prev = _PREV_WORD.search(low, 0, m.start())
    return prev is not None and _MEASURE.search(prev.group(1)) is not None


class _Sentence:
    """The words of one sentence that its values share: measure, priority and subject words
    with their positions, found once (priorities, subjects and the sentence's subject only
    when a value of it needs them)."""

    __slots__ = (
        "_facts", "_np", "_priorities", "_subjects", "low", "measures", "plain", "stops", "text",
    )  # fmt: skip

    def __init__(self, text: str, low: str, plain: bool) -> None:
        self.text = text
        self.low = low
        self.plain = plain  # ``text`` is ``_plain`` (then so is ``low``)
        self.measures = _find_measures(text, low, self.plain)
        self.stops = [m.end() for m in _CLAUSE_STOP.finditer(text)]
        self._priorities: list[tuple[int, int, str]] | None = None
        self._subjects: list[tuple[int, tuple[str, str]]] | None = None
        self._np: tuple[tuple[str, str] | None] | None = None
        self._facts: dict[str, object] = {}

    @property
    def priorities(self) -> list[tuple[int, int, str]]:
        if self._priorities is None:
            self._priorities = [
                (m.start(), m.end(), "*" if m.group("all") else m.group(1) or m.group(2))
                for m in (_PRIORITY_ASCII if self.plain else _PRIORITY).finditer(self.low)
                if not _standard_noun(self.low, m)
            ]
        return self._priorities

    @property
    def subjects(self) -> list[tuple[int, tuple[str, str]]]:
        if self._subjects is None:
            low = self.low
            self._subjects = []
            for m in (_SUBJECTS_ASCII if self.plain else _SUBJECTS).finditer(low):
                if any(s <= m.start() and m.end() <= e for s, e, _n, _w in self.measures):
                    continue  # "on site" is attendance, not a site
                words = _WORD.findall(low, max(0, m.start() - 30), m.start())[-1:]
                qualifier = words[0] if words else ""
                head = _head(m.group(1))
                if head == "backup" and qualifier in _BACKUP_CLASS:
                    # "hourly backups kept 7 days", "nightly backups kept 30 days": two classes
                    qualifier = _BACKUP_CLASS[qualifier]
                elif qualifier in _QUALIFIER_STOP or _GENERIC.fullmatch(qualifier):
                    qualifier = ""
                self._subjects.append((m.start(), (qualifier, head)))
        return self._subjects

    @property
    def np(self) -> tuple[str, str] | None:
        if self._np is None:
            self._np = (_np_subject(self.text, self.plain),)
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
                        for m in (_CONDITION_ASCII if self.plain else _CONDITION).finditer(low)
                        if not (
                            _DAY_WORD.fullmatch(m.group())
                            and (
                                _CLOCK_TIME.search(low, max(0, m.start() - 15), m.end() + 20)
                                # "including overnight and at weekends": every day, not a case
                                or _ALL_DAYS.search(low, max(0, m.start() - 40), m.start())
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
                found = _EXCEPT.search(low) if _has_any(low, _EXCEPT_HINTS) else None
                value = found.start() if found else -1
            elif name == "trigger":
                value = _TRIGGER.match(low)
            elif name == "not-service":
                value = _has_any(low, _NOT_SERVICE_HINTS) and _NOT_SERVICE.search(low) is not None
            elif name == "termination":
                value = _has_any(low, _TERMINATION_HINTS) and _TERMINATION.search(low) is not None
            elif name == "windows":
                rx = _WINDOW_ASCII if self.plain else _WINDOW
                value = list(rx.finditer(low)) if _has_any(low, _WINDOW_HINTS) else []
            elif name == "defines":
                found = _DEFINES_DONE.search(low) if _has_any(low, _DEFINES_HINTS) else None
                value = found.end() if found else -1
            else:
                value = _PER_THING.search(low) if "per " in low else None
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
        same clause."""
        before = [p for s, e, p in self.priorities if e <= start]
        if before:
            return before[-1]
        stop = self.clause_end(end)
        return next((p for s, _e, p in self.priorities if end <= s < stop), "")


def _measure(
    sent: _Sentence,
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
    if not pct and len(found) > 1 and found[-1][2] in _SHARE_ONLY:
        # "recovered and available to users within 4 hours": a time belongs to the timed
        # measure before a share-only one
        timed = [m for m in found if m[2] in _CLOCKED or m[2] == "recovery-time"]
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
            if pct or not _LIMITED.search(text, max(left_start, start - 30), start):
                return None
            first = next((m for m in found if m[2] != "notice"), None)
            return first[2] if first and first[2] not in _SHARE_ONLY else None
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
    r"|" + _factor(list(_TIER_WORDS)) + r")\s*(?:[-\u2013\u2014:=]|\(\w+\))?\s*"
)
"""An item of a list of values per priority ("P2 - ", "Sev 3: ", "high = ")."""
_CELL_SHARE = re.compile(r"[^|;]*\|\s*(?:at least\s+|min(?:imum)?\.?\s+)?(\d+(?:\.\d+)?)\s*%")
"""After a time in a table row: the share of cases it applies to, in the next cell."""
_WINDOW_ADJ = re.compile(r"\s*(?:monthly|quarterly|annual|yearly|weekly)\s*")
_OF_KIND = re.compile(r"\s*of\s+(?:(planned|scheduled)|unplanned|unscheduled)?\s*")
"""Between a value and "downtime" named after it: "8 hours of planned downtime"."""
_FOR_MISS = re.compile(
    r"\s+(?:for|on)\s+(?:each\s+|every\s+|a\s+|any\s+)?(?:miss|fail|breach|late)"
)
"""After a credit word: what the credit is paid for ("reduction for missing the standard")."""

_TOLERANCE = re.compile(r"(?:plus or minus|give or take|\u00b1|\+/-|\+ or -)\s*$", re.I)
_TOLD = re.compile(
    r"\b(?i:notif(?:y|ies)|tells?|informs?|alerts?|advises?|warns?)\s+"
    r"(?:(?i:the|its|each|every|all|any|affected)|[A-Z]\w+)\b"
    r"(?:(?!\b(?:and|then|but)\b)[^.;:,]){0,60}$",
)
"""A notification verb before a value, in its clause (no comma, "and" or "then" between): the
value is when the customer is told."""
_EVENTS = (
    r"(?:incidents?|breach\w*|outages?|failures?|faults?|changes?|events?|delays?|disruptions?"
    r"|loss\w*)"
)
_EVENT = re.compile(
    r"\b(?:notif\w*|notice)\b[^.;]{0,40}?\b(?:of|about)\s+(?:any|each|every|a|an|the|all)?\s*"
    rf"(?P<what>(?:[\w-]+\s+){{0,2}}?{_EVENTS})\b"
    rf"|(?P<what2>\b(?:[\w-]+\s+){{0,1}}{_EVENTS})\s+notif\w*",
    re.I,
)
"""What a notification is about ("notify the customer of any security breach")."""
_AWARE_AFTER = re.compile(
    r"^\s*(?:of|after|from|following)\s+(?:the\s+|its\s+|their\s+)?(?:provider's\s+|supplier's\s+)?"
    r"(?:confirm\w*|detect\w*|becom\w* aware|aware\w*|identif\w*|discover\w*|verif\w*)",
    re.I,
)
"""A notification deadline counted from when the provider knows ("within 30 minutes of
confirming the incident", "within 24 hours of becoming aware")."""
_ALLOWANCE = re.compile(r"\b(?:maximum|max\.?|allow\w*|permitted|cap\w*|budget)\b", re.I)
_OF_DOWNTIME = re.compile(r"^\s*(?:of\s+)?(?:unplanned\s+|unscheduled\s+)?down-?time", re.I)
_PLANNED = re.compile(r"\b(?:planned|scheduled|maintenance)\b", re.I)
_GRANULE = re.compile(
    r"^\s*(?:[\w-]+\s+)?(?:intervals?|increments?|samples?|blocks?|checks?|polls?|polling"
    r"|granularity|buckets?)\b",
    re.I,
)
_PAREN = re.compile(r"\([^()]*\)")
_BEFORE_DATE = re.compile(
    r"^\s*(?:before|prior to|ahead of|in advance of)\s+(?:the\s+|each\s+|every\s+|its\s+"
    r"|their\s+|any\s+|a\s+)?(?:[a-z]+\s+)?([a-z]+)[- ]?(?:date|day)s?\b"
)
_DATE_MINUS = re.compile(r"\b([a-z]+)[- ]?(?:date|day)\s+(?:minus|less)\s*$")
"""A time before a dated event ("3 days before the pay date", "pay-date minus 2 days"): the
event, not the verb, names what is timed."""
_EVENT_NOT_THING = frozenset(
    """that this with from than each every their before after days working calendar business
    banking least later within will shall must available availability delivers deliver
    delivered sends send sent issue issues issued publish publishes published publication
    provide provides provided make makes made give gives given submit submits submitted
    upload uploads uploaded release released releases service level table timetable
    schedule summary date dates minus less time times local noon midday midnight""".split()  # noqa: SIM905
)
_SHARE_NUM = re.compile(r"\d+(?:\.\d+)?")
_RANGE_FROM = re.compile(r"^\s*(?:to|-|\u2013|and)\s*(?:below|under|less than|<)?\s*\d", re.I)
"""A value that opens a range ("99.8 % to below 99.9 %"): one tier of a table."""
_RANGE_TO = re.compile(r"\d\s*%\s*(?:to|-|\u2013)\s*(?:below|under|less than|<)?\s*$", re.I)
"""A value that closes a range of shares in a table row ("| 99.95% to 99.9% | 5% |"): the
same tier."""


def _other_measure(sent: _Sentence, left_start: int, start: int, end: int) -> str | None:
    """What a notice period is for: the last measure word before it that is not a notice
    word ("Planned works notified 48 hours ahead"), else the first one after it."""
    names = [n for s, e, n, _w in sent.measures if s >= left_start and e <= start]
    names = [n for n in names if n != "notice"]
    if names:
        return names[-1]
    after = [n for s, _e, n, _w in sent.measures if s >= end and s < end + 60]
    return next((n for n in after if n != "notice"), None)


def _cells(text: str) -> list[str]:
    """The cells of a table row ("P1 | 30 min | 4 h"), or ``[]`` for a paragraph."""
    if "|" not in text:
        return []
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    return cells if len(cells) > 1 else []


def _conditional(words: _Sentence, start: int) -> bool:
    """True when words of the sentence limit the value at ``start`` to some of the time:
    a condition word, an exception before it; a weekday word only when it is not a window's
    days ("on Sundays 00:00-06:00")."""
    if words.fact("condition") != -1:
        return True
    at = words.fact("except")
    return isinstance(at, int) and 0 <= at < start


@functools.lru_cache(maxsize=1024)
def _under(path: tuple[str, ...]) -> tuple[bool, str | None, bool]:
    """What a heading path says of the values under it: whether it names a worked example,
    the measure its heading names, and whether the heading is about something other than
    the service (a dispute)."""
    if not path:
        return False, None, False
    return (
        _is_example(" ".join(path).lower()),
        _heading_measure(path[-1]),
        _NOT_SERVICE.search(path[-1].lower()) is not None,
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
    plain = _plain(text)
    digit = (_DIGIT_ASCII if plain else _DIGIT).search(low) is not None
    if aliases is not None and digit and _has_any(low, _ALIAS_NAMES):
        for a in (_ALIAS_ASCII if plain else _ALIAS).finditer(low):  # "Priority 1 (Critical)"
            aliases[a.group(2) or a.group(3)] = a.group(1) or a.group(4)
    if (
        aliases is not None
        and header
        and text.lstrip().startswith("|")
        and _has_any(low, _ALIAS_NAMES)
    ):
        # "| Priority | ... |" over "| 1 - Critical | ... |": the column names the number's kind
        first = low.strip().strip("|").split("|", 1)[0].strip()
        for a in _ALIAS.finditer(f"{header[0].lower()} {first}"):
            aliases[a.group(2) or a.group(3)] = a.group(1) or a.group(4)
    # cheap cues first: a substring test costs a tenth of a regex scan of the block
    units = _has_any(low, _UNIT_HINTS)  # (each of "day", "month", "week", "year" is one)
    hint = units or (
        digit and (_DIGIT_UNIT_ASCII if plain else _DIGIT_UNIT).search(low) is not None
    )
    qtys = _values_in(low, plain) if hint else []
    clocks = digit and (_CLOCK_TIME_ASCII if plain else _CLOCK_TIME).search(low) is not None
    dom = (
        units
        and ("day" in low or "month" in low)
        and (
            (_ORDINAL_NUMBER_ASCII if plain else _ORDINAL_NUMBER).search(low) is not None
            or (_has_any(low, _ORDINAL_NAMES) and _ORDINAL.search(low) is not None)
        )
    )
    temps = digit and ("\u00b0" in text or "degree" in low)
    cover = "24" in low or "twenty-four" in low or "the clock" in low or "the-clock" in low
    windows = _has_any(low, _WINDOW_HINTS if units else _OTHER_WINDOW_HINTS) and (
        "%" in low or _has_any(low, _MEASURING_HINTS)
    )
    if not (qtys or clocks or dom or windows or temps or cover):
        return
    example_part, heading_measure, dispute = _under(info.block.location.heading_path)
    if example_part:
        return
    cells = _cells(text)
    row_key = cells[0] if cells else ""
    row_label = ""
    if cells and not _QTY.search(cells[0].lower()) and ": " not in cells[0]:
        row_label = cells[0]
    if len(cells) > 2 and row_label and not _DIGIT.search(cells[1]) and cells[1].strip(" -\u2014"):
        if _ROW_CODE.fullmatch(row_label.strip()) and not _priority(row_label):
            # "| K9 | Joiner set-up complete | 98% ... |": the code's next cell is the label
            row_key = row_label = cells[1].strip()
        elif _MEASURE.search(cells[1].lower()):
            # "| Production | Interface Availability | 99.9% |": the second cell names which
            # measure of the first cell's thing the row gives
            row_key = f"{row_key} {cells[1]}"
    q = 0
    prev: _Sentence | None = None
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
        has_clock = clocks and _CLOCK_TIME.search(slow) is not None
        has_dom = dom and _DOM.search(slow) is not None
        has_window = windows and (_WINDOW_ASCII if plain else _WINDOW).search(slow) is not None
        has_temp = temps and _TEMP.search(sentence) is not None
        has_cover = cover and _COVERAGE.search(slow) is not None
        if not (mine or has_clock or has_dom or has_window or has_temp or has_cover):
            prev = None
            asked = None
            if slow.rstrip().endswith("?"):
                if _MEASURING.search(slow):
                    # "How is uptime calculated?" and its answer
                    prev = _Sentence(sentence, slow, plain)
                # "How much data could we lose?" then "Up to one hour.": the answer's measure
                found = _find_measures(sentence, slow)
                asked = (found[-1][2], _priority(slow)) if found else None
            continue
        example = example_from(info)  # (found once per block, only for one with values)
        if _is_example(slow) or (example is not None and sent >= example):
            continue  # a worked example: its figures illustrate, they are not values
        words = _Sentence(sentence, slow, plain)
        lead = _lead(sentence)
        label = row_label or (lead.group(1) if lead else "")
        if has_clock:
            yield from hour_ranges(info, sent, s_start, sentence, label)
        if has_cover:
            yield from _coverage(info, sent, s_start, sentence, slow)
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
        topic = asked[0] if asked else heading_measure
        for m in mine:
            made.extend(_values(
                info, sent, s_start, words, m, spans, header, cells, (row_label, row_key, ""),
                label, topic, table, dispute,
            ))  # fmt: skip
        if asked:  # the question's priority ("… a Severity 1 ticket?") goes with its answer
            for st in made:
                st.priority = st.priority or asked[1]
            asked = None
        if len(mine) > len(made) and made:
            _siblings(made, mine, words, s_start)
        yield from made
        if has_dom:
            for d in _DOM.finditer(slow):
                yield from _deadline(info, sent, s_start, words, d, label)


_ROW_CODE = re.compile(r"[A-Za-z]{0,4}[-.]?\d{1,3}(?:\.\d{1,3})*[a-z]?")
"""A row's reference code ("K9", "SL-03", "4.2"), not a label."""
_JOINED = re.compile(r"^[^;:|]{0,80}$")
_JOINER = re.compile(r"\band\b|\bor\b|,|\bwhile\b|\bwhereas\b")


def _plain_value(v: _Value) -> tuple[float, ...] | None:
    """A value as a statement would hold it (a share, or minutes), if plain."""
    if v.pct is not None:
        return (_number(v.num or "0"),)
    if v.unit and not v.every:
        minutes = _number(v.num or "1") * _MINUTES.get(_unit(v.unit), 0)
        return (minutes,) if minutes else None
    return None


def _siblings(made: list[Statement], mine: list[_Value], words: _Sentence, s_start: int) -> None:
    """Marks the values a stated value is listed with ("99.99% … at London and 99.95% … at
    Dublin", "Enterprise plan 99.95%, Team plan 99.9%"): a later value of the same kind,
    joined by "and", "or" or a comma, with no measure word, threshold or condition of its own,
    is the same measure for another case. They become variants of the measure (see
    ``_Doc.variants``), not statements."""
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
                or _bounded(low[max(0, begin - 25) : begin])
                or _find_measures(gap, gap)
                or _CONDITION.search(gap)
            ):
                break
            value = _plain_value(v)
            if value is None or (not kind and (v.clock is not None) != (st.clock == "business")):
                break
            if not kind and _PER_PERIOD.match(low, v.end - s_start):
                break  # "counted 24 hours a day": the hours of the clock, not a value
            found.add(value)
            at = v.end - s_start
        if found:
            st.siblings = frozenset(found)


_DIGIT = re.compile(r"\d")
_DIGIT_ASCII = _ascii(_DIGIT)
_UNIT_HINTS = ("%", "hour", "day", "min", "sec", "week", "month", "percent", "per cent", "ms",
               "hr", "nbd", "year", "d+", "d +")  # fmt: skip
"""Substrings one of which every value has (its unit; "next business day" has "day"); "30s"
and "4h" are found by ``_DIGIT_UNIT``."""
_DIGIT_UNIT = re.compile(r"\d\s*[hs]\b")
_DIGIT_UNIT_ASCII = _ascii(_DIGIT_UNIT)
_MEASURING_HINTS = ("measur", "calculat", "assess", "comput", "determin", "averag", "achiev",
                    "evaluat", "appl")  # fmt: skip
_WINDOW_HINTS = ("month", "quarter", "year", "week", "annual", "rolling")
_OTHER_WINDOW_HINTS = ("quarter", "annual", "rolling")
"""The window hints that are no unit hints."""
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b|\b(?:" + "|".join(_ORDINALS) + r")\b")
_ORDINAL_NUMBER = re.compile(r"\d(?:st|nd|rd|th)\b")
"""``_ORDINAL``'s figures ("5th"): a search that skips to digits; its words are looked for
only in text that has one of them (``_ORDINAL_NAMES``)."""
_ORDINAL_NUMBER_ASCII = _ascii(_ORDINAL_NUMBER)
_ORDINAL_NAMES = tuple(_ORDINALS)
_EXAMPLE_HINTS = ("example", "e.g.", "instance", "assum", "suppose", "in this case", "illustrat",
                  "=", "minus")  # fmt: skip


def _has_any(text: str, parts: tuple[str, ...]) -> bool:
    """True when ``text`` contains one of ``parts``: a few substring tests cost a third of a
    regex search for the same words (and a plain loop less than ``any`` over a generator)."""
    for part in parts:  # noqa: SIM110
        if part in text:
            return True
    return False


def _may_match(rx: re.Pattern[str], text: str, low: str) -> bool:
    """False when ``rx`` cannot match in ``text``: ``low`` (``text`` in lower case) holds
    none of the words the regex needs (``_NEEDS``). A few substring tests cost less than a
    regex scan. Text that is not ASCII is always tried: IGNORECASE also matches "i" to the
    dotless i, "s" to the long s and "k" to the Kelvin sign."""
    return _has_any(low, _NEEDS[rx.pattern]) or not text.isascii()


def _maybe(rx: re.Pattern[str], text: str, low: str) -> bool:
    """``rx.search(text)``, tried only when ``_may_match``."""
    return _may_match(rx, text, low) and rx.search(text) is not None


def _is_example(low: str) -> bool:
    """True for a worked example (``low`` in lower case)."""
    if not _has_any(low, _EXAMPLE_HINTS):
        return False
    return (_EXAMPLE_ASCII if _plain(low) else _EXAMPLE).search(low) is not None


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


_SERVICE_NAME = re.compile(
    r"\b(?:of|for|on|to|in) the ((?:[A-Z][\w-]*\s+){1,3}[A-Z][\w-]*)(?=\s+[a-z(]|\s*[,;.:|)]|\s*$)"
)
"""A named service ("of the Journey Planner", "for the Operator Licensing portal")."""
_SERVICE_NAME_ASCII = _ascii(_SERVICE_NAME)
_NOT_NAME = frozenset(
    """period periods day days month months contract agreement schedule hours hour level levels
    failure failures report reports date dates time times charges charge fee fees credit credits
    point points plan procedure board term terms year years order orders notice review
    window windows measure measures""".split()  # noqa: SIM905
)


def _names(text: str, left_start: int, start: int, plain: bool = False) -> set[tuple[str, str]]:
    """The named services before a value in its clause ("Availability of the Journey Planner
    service | 99.95%"), each as (qualifier, head) like a row label."""
    if "the " not in text:
        return set()
    out = set()
    for m in (_SERVICE_NAME_ASCII if plain else _SERVICE_NAME).finditer(text, left_start, start):
        words = m.group(1).lower().split()
        if any(w in _NOT_NAME for w in words):
            continue
        out.add((" ".join(words[:-1]), _head(words[-1])))
    return out


_ITEM_MEASURES = frozenset({"response", "resolution", "fulfilment", "turnaround", "triage"})
_ITEM = re.compile(
    r"\b([a-z][a-z-]{2,}) (quer(?:y|ies)|requests|incidents|faults|tickets|cases|issues"
    r"|problems|complaints|enquir(?:y|ies)|inquir(?:y|ies)|orders|defects|questions)\b"
)
"""A kind of work item named with a word before it ("payroll queries", "hardware faults")."""


def _subjects_of(
    words: _Sentence, left_start: int, start: int, measure: str
) -> tuple[set[tuple[str, str]], bool]:
    """The things named before the value in its clause, and whether it is "per site"."""
    found = {s for p, s in words.subjects if left_start <= p < start}
    found |= _names(words.text, left_start, start, words.plain)
    if words.np and words.np[1] != f"@{measure}":
        found.add(words.np)
    per = words.fact("per")
    assert per is None or isinstance(per, re.Match)
    if per:
        found.add(("", _head(per.group(1))))
    if measure in _ITEM_MEASURES and "s " in words.low[left_start:start]:
        for item in _ITEM.finditer(words.low, left_start, start):
            qualifier = item.group(1)
            if not (
                qualifier in _QUALIFIER_STOP
                or qualifier in _TIER_WORDS
                or qualifier.endswith("ed")
                or _GENERIC.fullmatch(qualifier)
                or _MEASURE.fullmatch(qualifier)
            ):  # "payroll queries" and "finance service requests": two kinds of work
                found.add((qualifier, _head(item.group(2))))
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
        event = _EVENT.search(words.text, left_start, start)
        if event:  # "a security breach" and "a failure" are two events
            what = event.group("what") or event.group("what2")
            found = {("event", " ".join(_head(w) for w in what.lower().split()))}
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


def _label_subjects(
    label: str, subjects: set[tuple[str, str]]
) -> tuple[set[tuple[str, str]], frozenset[tuple[str, str]]]:
    """Adds a lead-in label's thing to ``subjects`` (a plain name: "Production environment")
    or returns it as a soft subject (a label that is also a kind of figure)."""
    subject, soft = _label(label)
    if not subject[1]:
        return subjects, frozenset()
    if soft:
        return subjects, frozenset({subject})
    return subjects | {subject}, frozenset()


def _guarded(before: str, low: str, start: int, is_pct: bool) -> bool:
    """True when the words just before a value say it is no target (``before`` is the
    sentence up to it, ``low`` the sentence in lower case)."""
    if _maybe(_TOLERANCE, before[-25:], low[max(0, start - 25) : start]):
        return True  # "at the booked time, plus or minus 15 minutes": a tolerance
    if is_pct:
        return False
    return (
        # "the target is missed by more than 8 hours": how late
        _maybe(_OVERRUN, before[-40:], low[max(0, start - 40) : start])
        # "missed more than three times within twelve months": where misses count
        or _maybe(_COUNTED, before[-40:], low[max(0, start - 40) : start])
        # "recording at intervals of no more than 5 minutes": how often
        or _maybe(_INTERVAL_OF, before[-50:], low[max(0, start - 50) : start])
        # "the standard turnaround plus 3 Working Days": an addition
        or _maybe(_PLUS, before[-12:], low[max(0, start - 12) : start])
    )


def _values(
    info: DocInfo,
    sent: int,
    s_start: int,
    words: _Sentence,
    m: _Value,
    spans: list[tuple[int, int, bool]],
    header: list[str] | None,
    cells: list[str],
    row: tuple[str, str, str],
    label: str,
    heading_measure: str | None,
    table: int,
    dispute: bool = False,
) -> Iterator[Statement]:
    sentence = words.text
    start, end = m.start - s_start, m.end - s_start
    num, pct, unit, clock_word, nbd, every = m.num, m.pct, m.unit, m.clock, m.nbd, m.every
    is_pct = pct is not None
    clause = words.clause_start(start)
    left_start = max(clause, start - 160)
    before = sentence[:start]
    right = sentence[end : end + 60]
    if cells and "|" in sentence:
        # a table row: only the values of the value's own cell go with it ("| 99.95% per
        # month | 7 hours |" is an availability and a fix time, not a share within a time)
        low_bar, high_bar = sentence.rfind("|", 0, start), sentence.find("|", end)
        high_bar = len(sentence) if high_bar < 0 else high_bar
        own_cell = [x for x in spans if low_bar < x[0] and x[1] <= high_bar]
    else:
        own_cell = spans
    low = words.low
    near = low[max(0, start - 50) : start]  # (the widest window of ``_guarded``)
    if (_has_any(near, _GUARD_NEEDS) or not before[-50:].isascii()) and _guarded(
        before, low, start, is_pct
    ):
        return
    if unit and sentence[start:end].endswith(f"-{unit}") and _LENGTH_OF.match(right):
        return  # "downtime minutes in a 30-day month": the length of a period, not a target
    if unit and _A_DAY.match(right):
        return  # "response times run continuously, 24 hours a day": cover, not a time limit
    measure = _measure(words, left_start, start, end, is_pct, spans)
    if (
        measure == "answer"
        and not is_pct
        and _WRITTEN.search(words.low, left_start, start)
        and not _SPOKEN.search(words.low, left_start, start)
    ):
        measure = "response"  # "urgent tickets are answered within 2 hours": a ticket's reply
    spans = own_cell
    reach = (
        unit is not None
        and "restor" in words.low
        and unit.lower()[:3] in ("day", "wee", "mon", "yea")
        and bool(_REACH_BEFORE.search(before[-30:]) or _REACH_AFTER.match(right))
        and "point-in-time" not in words.low
        and not _DELETED_ITEMS.search(before[-60:])
    )
    if reach:
        measure = "retention"  # how far back a restore reaches is how long backups are kept
    elif (
        (every or (unit and before[-8:].rstrip().lower().endswith("every")))
        and "back" in words.low
        and _BACKUP.search(words.low)
        and not _NOT_TAKING.search(words.low)
    ):
        measure = "backup-frequency"  # "backed up every 24 hours", "backups every 4 hours"
    heading = ""
    if header:
        column = before.count("|") - (1 if info.block.text.lstrip().startswith("|") else 0)
        if not cells:
            column = 0
        if 0 <= column < len(header):
            heading = header[column]
    if measure is None and heading:
        measure = _column_measure(heading)
    if measure is None and heading and row[1]:
        # "Measure | P1 | P2" over "Response | 15 minutes | 1 hour": the row names the measure
        measure = _column_measure(row[1])
    if heading and _priority(heading):
        row = (row[0], row[1], _priority(heading))
    elif header and cells and len(cells[0].strip()) == 1 and not _priority(cells[0]):
        # "Site Category | Response" over "| A | 30 minutes |": the row is Category A
        coded = _priority(f"{header[0]} {cells[0].strip()}")
        if coded:
            row = (row[0], row[1], coded)
    if (
        measure is None
        and heading_measure
        and unit
        and not cells
        and not any(left_start <= x[0] < start for x in words.measures)
        and not _DELIVERABLE.search(sentence, left_start, start)
    ):
        measure = heading_measure
    event = None
    if (
        unit
        and not cells
        and ("date" in right[:40] or "day" in right[:40] or "minus" in before[-15:])
    ):
        event = _BEFORE_DATE.match(right) or _DATE_MINUS.search(before[-40:])
        if event:
            measure = f"before {event.group(1)} date"
    ahead = bool(unit) and _AHEAD.match(right) is not None
    if event:
        pass
    elif (
        measure not in (None, "notice", "claim", "credit")
        and unit
        and _maybe(_TOLD, before[-90:], low[max(0, start - 90) : start])
    ):
        # "notify the Customer of Emergency Maintenance within 30 minutes", "tell the Customer
        # within 2 days of anything likely to delay delivery": when the customer hears of it
        measure = f"{measure} notice"
    elif ahead and _WINDOW_BEFORE.search(before[-25:]):
        return  # "never in the five Working Days before a Pay Date": a blackout, not a notice
    elif ahead and _CASES_GIVEN.search(before[-80:]):
        return  # "98% of joiners notified 5 days ahead": which cases the share counts
    elif measure == "notice" or ahead:
        # a notice period is compared only with notices of the same thing; notices to
        # terminate differ by ground (for cause, for convenience) and are skipped
        about = (
            measure
            if measure not in (None, "notice")
            else _other_measure(words, left_start, start, end) or heading_measure
        )
        if about == "notice":
            about = None
        if words.fact("termination"):
            measure = None
        elif about and (
            measure != "notice"
            or ahead
            or not unit
            or (cells and "notice" in row[0].lower())  # "| Maintenance notice | 5 days |"
        ):
            measure = f"{about} notice"
        elif (
            measure == "notice"
            and unit
            and not ahead
            and (
                _EVENT.search(before)
                or _AWARE_AFTER.match(right)
                or (cells and "notif" in row[0].lower())
            )
        ):
            # "notify the customer of a P1 incident within 30 minutes", "notify the contact
            # within 30 minutes of confirming the incident", "| P1 Notification | … | 1 hour |"
            measure = "notification"
        else:
            measure = None
    if measure is None:
        return
    if measure == "downtime" and (
        _PLANNED.search(before[-40:]) or any(x[2] == "maintenance" for x in words.measures)
    ):
        measure = "maintenance"  # "planned maintenance downtime of up to 4 hours"
    if measure == "downtime" and (
        is_pct
        or not (
            _LIMITED.search(before[-40:])
            or _ALLOWANCE.search(before[-40:])
            or _OF_DOWNTIME.match(right)
        )
    ):
        return  # only an allowance ("no more than 43 minutes of downtime") is a target
    if unit and measure != "slot" and _GRANULE.match(right):
        return  # "measured in 5-minute intervals": how finely, not a target
    if (
        unit
        and measure not in ("retention", "maintenance", "downtime")
        and _maybe(_DURATION_BEFORE, before[-70:], low[max(0, start - 70) : start])
    ):
        return  # "no response for a continuous period of at least 30 minutes": how long
        # something lasts before it counts, not a time to act
    if measure == "retention" and _NOT_RETENTION.search(sentence):
        last = [w for s, e, n, w in words.measures if n == "retention" and e <= start]
        if (last and _DELETION.match(last[-1])) or words.fact("termination"):
            return  # deleting on request, keeping data after the contract ends
    near = before[-70:]
    if ("no " in near or "not " in near or "without" in near) and _RECUR.search(near):
        return  # "no further visit is needed within 14 days": a recurrence window
    own = before.rsplit("|", 1)[-1] if cells else before  # "Up to 10 minutes | 10%": a band
    if measure == "credit" and (
        _CAP.search(own[-40:])
        or _maybe(_CAP_NOUN, own[-90:], low[start - len(own[-90:]) : start])
        # "| Maximum monthly credit | 15% |" (not "| Maximum credit per incident | 5% |")
        or (
            cells
            and _CAP_LABEL.search(row[0].lower()) is not None
            and not re.search(r"\b(?:per|each|every)\b", row[0].lower())
        )
    ):
        measure = "credit-cap"
    tail = before[-25:]
    reference = bool(
        "the" in tail.lower()
        and _REFERENCE_BEFORE.search(tail)
        and (_COMMITTED_WORD.search(tail) or _REFERENCE_AFTER.match(right))
    )
    bound = _bounded(tail) and not _AT_OR.search(tail)
    if (
        bound
        and not reference
        and measure not in ("claim", "retention")
        and not measure.endswith("notice")
        and not (_COMMITTED.search(before[-40:]) or _BREACH.search(right))
        and not (
            _UPPER.search(tail)
            and (not is_pct or measure in _LOWER_BETTER_SHARE)
            and not _REMEDY.search(sentence)
        )
    ):
        return
    if unit and measure not in ("claim", "notification") and (dispute or words.fact("not-service")):
        return
    if unit and measure == "credit":
        return  # when a credit is paid or looked back on is not its rate
    done = words.fact("defines")
    if (
        (unit or nbd)
        and isinstance(done, int)
        and 0 <= done < start
        # (a cap inside a definition still binds: "'Planned Maintenance' means works ...,
        # up to 4 hours per month")
        and not (measure == "maintenance" and _LIMITED.search(before[-40:]))
    ):
        return
    frequency = measure in ("update", "backup-frequency")
    if unit and not frequency and not reach and _FREQUENCY.search(before[-12:]):
        return
    if every or frequency:
        if not frequency:
            return
        if every:  # "every hour", "hourly"
            unit = "hour" if every.startswith("hour") else every
    if is_pct:
        if _RANGE_FROM.match(right) or (cells and _RANGE_TO.search(before[-30:])):
            return
        # in a table row, only the value's own cell ("| 70% | Below 60% for 3 months |": the
        # target, then a termination trigger in another column)
        stop = sentence.find("|", end) if cells else -1
        stop = start + 60 if stop < 0 else min(stop, start + 60)
        tiers = max(clause, start - len(own))
        if (
            measure in _SHARE_ONLY
            and _may_match(_TIER, sentence, low[tiers:stop])
            and any(t.end() - 1 != start for t in _TIER.finditer(sentence, tiers, stop))
        ):
            return  # "Below 99.9% and at least 99.5%": one tier of a credit table
        clock, value = "%", _number(num or "0")
        if value == 0 and measure in ("credit", "credit-cap"):
            return  # "| Target met | 0% |": the band where no credit is paid, not a rate
        if measure == "availability" and (
            value > 100
            or (
                value == 100
                and (_TIMES_100.search(before[-6:]) or _TIMES_100.match(right) or "=" in sentence)
            )
        ):
            return  # "(uptime / total) x 100%": a formula, not a target
        if measure in _CLOCKED or (
            any(
                not p and (cells or not _NOT_LIMIT.search(sentence, max(0, s - 40), s))
                for s, _e, p in spans
            )
            and measure not in ("credit", "credit-cap")
        ):
            return  # "90% of calls within 20 seconds": a share tied to a time limit
        if measure == "credit":
            per = next(
                (
                    u
                    for u in _UNIT_RATE.finditer(words.low)
                    if start in (u.start("rate"), u.start("rate2"))
                ),
                None,
            )
            if per:  # "1% for each day the report is late": a rate per day, not a flat credit
                measure = f"credit per {per.group('u') or per.group('u2')}"
    elif measure in _SHARE_ONLY:
        return
    elif nbd:
        # "D+2": two working days after the day of receipt, as "next working day" is D+1
        clock, value = "business", 1440.0 * (int(nbd[-1]) if nbd[-1].isdigit() else 1)
    else:
        number = _number(num) if num else 1.0
        unit = _unit(unit or "")
        clock = "business" if clock_word in ("business ", "working ", "banking ") else ""
        if unit == "day" and _MONTH_END.match(right):
            yield _stmt(info, sent, s_start, words, start, end, measure, "dom",
                        (number, 1.0 if clock else 0.0), left_start, label, row, table,
                        False)  # fmt: skip
        value = number * _MINUTES.get(unit, 0)
        if not value:
            return
    conditional = (
        not reference
        and bool(
            (_conditional(words, start) and not reach)  # "restored from the last 14 days"
            or _maybe(_NOT_BINDING, before, low[:start])
            or (measure == "credit" and _maybe(_TIER, sentence, low))
            or _band_cell(header, cells, before, measure)
            or _threshold_column(header, heading)
            or _case_label(label, sentence, start)
            or _special_case(words.low, start, measure in ("recovery-time", "recovery-point"))
            or (
                measure != "credit"
                and not reach
                and words.fact("trigger")
                and not _COMMITTED.search(before[-40:])
            )
        )
    )
    st = _stmt(info, sent, s_start, words, start, end, measure, clock, (value,), left_start,
               label, row, table, conditional)  # fmt: skip
    st.sized = _has_any(low[left_start:start], _SIZE_WORDS) and (
        _SIZE_CASE.search(low, left_start, start) is not None
    )
    if event:
        # what is timed: the things named before the value ("the payment file", "payslips")
        things = {
            ("", _head(w))
            for w in _WORD.findall(words.low, left_start, start)
            if len(w) > 3
            and w not in _EVENT_NOT_THING
            and not (w == event.group(1) or w.startswith(f"{event.group(1)}-"))
        }
        if not things or " may " in words.low[left_start:start]:
            return  # "the Customer may object up to 5 days before": a right, not a deadline
        st.subjects, st.strict = frozenset(things), True
    if reach:
        st.subjects = frozenset({("", "backup")})
    elif measure == "backup-frequency" and (kind := _BACKUP_KIND.search(words.low)):
        st.priority = kind.group()  # full and incremental backups run at their own intervals
    if unit and (measure in _CLOCKED or measure in _PERCENTILED):
        earlier = [x for x in spans if left_start <= x[0] and x[1] <= start]
        pctl = _PERCENTILE.search(words.low, left_start, start)
        if pctl:  # "p95 latency of 300 ms", "the 99th percentile is 800 ms"
            st.share = float(pctl.group(1) or pctl.group(2))
        elif (
            earlier
            and earlier[-1][2]
            and not _CREDIT_RATE_AFTER.match(sentence, earlier[-1][1])
            and not _CREDIT_HEAD.search(sentence, max(0, earlier[-1][0] - 30), earlier[-1][0])
        ):  # "80% of calls within 20 seconds" (not "a credit of 5% for each call-out not …")
            share = _SHARE_NUM.match(sentence, earlier[-1][0])
            st.share = float(share.group()) if share else -1.0
            st.share = -1.0 if st.share >= 100 else st.share  # "100% of jobs": every job
            if st.share >= 0:
                st.start = s_start + earlier[-1][0]  # the finding shows the share too
        elif cells and (cell_share := _CELL_SHARE.match(sentence, end)):
            # "Calls answered in 30 seconds | 80% | monthly": the share in the next cell
            st.share = float(cell_share.group(1))
            st.share = -1.0 if st.share >= 100 else st.share
    yield st


_WRITTEN = re.compile(
    r"\b(?:tickets?|e-?mails?|quer(?:y|ies)|requests?|cases?|enquir(?:y|ies)|web ?forms?|issues?)\b"
)
_SPOKEN = re.compile(r"\b(?:calls?|phones?|telephone|chats?|callers?|voice|rings?)\b")
"""A ticket or an e-mail is answered by a reply (a response time); a call or a chat is answered
when picked up (a speed of answer)."""
_OVERRUN = re.compile(
    r"\b(?:miss\w*|exceed\w*|overr[au]n\w*|late|delayed|breach\w*|overshoot\w*|overdue)\s+by\s+"
    r"(?:more than\s+|over\s+|at least\s+|up to\s+|longer than\s+)?$",
    re.I,
)
"""How far a target is missed ("Restoration target missed by more than 8 hours")."""
_LENGTH_OF = re.compile(r"\s*(?:calendar\s+|rolling\s+|billing\s+)?(?:month|period|year|cycle)\b")
"""After a value like "30-day", the period it gives the length of."""
_PLUS = re.compile(r"\bplus\s+(?:a\s+further\s+|an?\s+(?:extra|additional)\s+)?$", re.I)
_A_DAY = re.compile(r"\s+(?:a|per|each)\s+day\b", re.I)
_INTERVAL_OF = re.compile(
    r"\b(?:intervals?|frequency)\s+of\s+(?:(?:no|not)\s+(?:more|longer)\s+than\s+|at\s+most\s+"
    r"|up\s+to\s+)?$",
    re.I,
)
_NOT_LIMIT = re.compile(
    r"\b(?:budget|equivalent|equals?|roughly|approximately|about|around|i\.e\.|allow\w*"
    r"|per|each|every|rolling|intervals?)\W+(?:of\s+|to\s+)?(?:\w+\s+)?$",
    re.I,
)
"""Words before a time that is no time limit of a share: an allowance the share works out to
("giving an error budget of roughly 20 minutes"), or a window ("per 28 days")."""
_CASES_GIVEN = re.compile(
    r"(?:\d%|\bper ?cent|\ball|\bonly) (?:of )?(?:the |those |any )?(?:[\w-]+ ){0,3}?[\w-]+s"
    r" (?:(?:that|which|who) (?:are|were|have been) )?(?:notified|requested|booked|ordered|raised"
    r"|submitted|received|logged|scheduled|announced|placed)\s+(?:at least\s+|no later than\s+"
    r"|not less than\s+)?$",
    re.I,
)
"""A share of the cases given some notice ("98% of joiners notified 5 days ahead", "all
requests submitted at least 3 days in advance"): the notice says which cases count."""
_DELIVERABLE = re.compile(
    r"\b(?:publish|issu|submit|send|sent|deliver|provid|produc|prepar|circulat|shar|complet"
    r"|hold|held|conduct|carr(?:y|ie))\w*\s+(?:[\w-]+\s+){0,4}?(?:review|report|summary"
    r"|analys[ie]s|plan|certificate|statement|invoice|record|minutes|document\w*|write-?up"
    r"|audit|meeting|briefing)s?\b",
    re.I,
)
"""A document or meeting the value times ("publish a post-incident review within ten days"):
not the measure its section's heading names."""
_COUNTED = re.compile(
    r"\b(?:once|twice|thrice|times|occasions?)\s+(?:with)?in\s+(?:any\s+|a\s+|the\s+|each\s+"
    r"|every\s+|one\s+)?(?:(?:rolling|consecutive|successive|calendar|single)\s+"
    r"|(?:period|span) of\s+)*$",
    re.I,
)
"""A window in which misses are counted ("exceeded more than three times within twelve
months", "on two occasions in any rolling quarter"): a trigger, not a time to act."""
_DURATION_BEFORE = re.compile(
    r"\b(?:for|lasting|last(?:s|ed)?|persist\w*(?: for)?|continu\w* for)\s+(?:a |an |any )?"
    r"(?:(?:continuous|consecutive|uninterrupted|single|unbroken)\s+)"
    r"(?:period|duration|spell|stretch|interval)\s+of\s+"
    r"(?:at least\s+|more than\s+|over\s+|longer than\s+|not less than\s+)?$"
    r"|\b(?:for|lasting|persist\w*(?: for)?)\s+"
    r"(?:at least|more than|longer than|not less than)\s+$",
    re.I,
)
"""How long a state must last before it counts ("no response for a continuous period of at
least 30 minutes", "an outage lasting more than 5 minutes")."""
_SIZE_CASE = re.compile(
    r"\b(?:more than|over|above|exceeding|in excess of|up to|fewer than|less than|at least"
    r"|at most|under|between)\s+\d[\d,]*(?:\s+(?:and|to)\s+\d[\d,]*)?\s+(?!(?:ms|milli\w*|sec\w*"
    r"|min\w*|hours?|hrs?|days?|weeks?|months?|years?|business|working|calendar|banking|percent"
    r"|per\b|%))[a-z]+"
)
"""A size that names some of the cases ("orders of more than 50 connections", "bulk ports of
up to 500 numbers"): the value is for those cases, not for every case."""
_SIZE_WORDS = ("more than", "over", "above", "exceeding", "in excess of", "up to", "fewer than",
               "less than", "at least", "at most", "under", "between")  # fmt: skip
_NEEDS: dict[str, tuple[str, ...]] = {
    _TOLERANCE.pattern: ("plu", "ve or ta", "\u00b1", "+/-", "+ or -"),
    _OVERRUN.pattern: ("by",),
    _INTERVAL_OF.pattern: ("nterval", "frequency"),
    _PLUS.pattern: ("plu",),
    _COUNTED.pattern: ("once", "twice", "thrice", "times", "occasion"),
    _TOLD.pattern: ("notif", "tell", "inform", "alert", "advise", "warn"),
    _DURATION_BEFORE.pattern: ("for", "last", "persist"),
    _CAP_NOUN.pattern: ("credit", "than"),
    _TIER.pattern: ("below", "under", "less than", "above", "between", "<", ">", "\u2264",
                    "\u2265", "more than", "up to"),
    _NOT_BINDING.pattern: ("typ", "ually", "generally", "t ca", "often", "deleted", "truc", "uper",
                           "revo", "replaced"),
}  # fmt: skip
"""For ``_maybe``: words (lower case) one of which each match holds, by the regex's pattern (a
compiled regex hashes its whole program on every dict lookup)."""
_GUARD_NEEDS = tuple(
    dict.fromkeys(
        word
        for rx in (_TOLERANCE, _OVERRUN, _COUNTED, _INTERVAL_OF, _PLUS)
        for word in _NEEDS[rx.pattern]
    )
)
"""The words ``_guarded``'s regexes need: one substring test skips all five."""


_CREDIT_RATE_AFTER = re.compile(
    r"\s*(?:of|off)\s+(?:the\s+|its\s+|their\s+|that\s+)?(?:\w+\s+){0,2}?(?:charges?|fees?|rental"
    r"|price|invoice|subscription|spend|bill)\b|\s+(?:credit|refund|rebate|reduction)"
)
"""After a percentage, words that make it a credit rate ("5% of the monthly charge")."""
_PERCENTILED = frozenset({"latency", "handle-time", "jitter"})
"""Measures whose time may be a percentile ("95% of requests within 300 ms")."""
_PERCENTILE = re.compile(r"\bp(\d{2}(?:\.\d+)?)\b|\b(\d{2}(?:\.\d+)?)(?:th|st|nd|rd)? percentile\b")
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


_LONG_LEAD = re.compile(r"\s*" + _ITEM_MARK + r"([^:|;.]{3,100}):\s")


def _case_label(label: str, sentence: str, start: int) -> bool:
    """True when the value's label narrows its thing to some cases ("- Branch sites where
    4G coverage is not available (Annex C): 99.7%")."""
    if not label:
        lead = _LONG_LEAD.match(sentence) if ":" in sentence else None
        if lead is None or lead.end() > start:
            return False
        label = lead.group(1)
    return _CASE_LABEL.search(label) is not None


_CASE_HINTS = ("where", "if", "when", "event", "should")


def _special_case(low: str, start: int, recovery: bool = False) -> bool:
    """True when the sentence opens with a case that limits its values ("Where a repair needs
    civil engineering works, the circuit is repaired within 10 business days"), other than
    the ordinary event every such value starts from ("If a fault is reported, …")."""
    if low.lstrip()[:1].isalnum() and "for " in low[:20]:
        scope = _FOR_SCOPE.match(low)
        if scope and scope.end() <= start and not _ORDINARY_VERB.search(scope.group("case")):
            return True  # "For Emergency defects in operating theatres, …": some places only
    if not low.lstrip()[:1].isalnum() or not _has_any(low[:40], _CASE_HINTS):
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


_CREDIT_HEAD = re.compile(r"\b(?:credit|refund|rebate|deduction|reduction|penalt)", re.I)


_THRESHOLD_HEAD = re.compile(
    r"\b(?:minimum|min\.?|threshold|trigger|floor|lower limit|termination|critical)\b", re.I
)
_TARGET_HEAD = re.compile(r"\b(?:target|expected|standard|measure|commitment|sla|kpi)\b", re.I)


def _threshold_column(header: list[str] | None, heading: str) -> bool:
    """True for a value in a column of minimums or triggers next to a column of targets
    ("Target | … | Minimum"): the level below which a remedy starts, not a second target."""
    if not header or not heading or not _THRESHOLD_HEAD.search(heading):
        return False
    return any(h is not heading and _TARGET_HEAD.search(h) for h in header)


def _band_cell(header: list[str] | None, cells: list[str], before: str, measure: str) -> bool:
    """True for a value in the first cell of a row of a credit table ("Power unavailability
    | Credit" over "More than 10 minutes | 25%"): the row's band, not a target."""
    if not header or not cells or measure in ("credit", "credit-cap"):
        return False
    column = before.lstrip(" ").lstrip("|").count("|")
    if column == 0:
        return any(_CREDIT_HEAD.search(h) for h in header[1:])
    # a band in a later cell, after the row's label: "Resilient Cabinet | Downtime of more
    # than 10 and up to 60 minutes | 25%"
    if column >= len(header) or _CREDIT_HEAD.search(header[column]):
        return False
    cell = before.rsplit("|", 1)[-1].lower()
    return _BAND_WORDS.search(cell) is not None and any(
        _CREDIT_HEAD.search(h) for h in header[column + 1 :]
    )


_BAND_WORDS = re.compile(
    r"\b(?:up to|more than|less than|fewer than|below|above|between|exceed\w*)\b"
)
"""Words that bound a band of a credit table ("more than 10 and up to 60 minutes"); not "at
least 99.9%", which states a target."""


@functools.lru_cache(maxsize=1024)
def _column_measure(heading: str) -> str | None:
    found = _find_measures(heading, heading.lower())
    return found[-1][2] if found else None


def _stmt(
    info: DocInfo,
    sent: int,
    s_start: int,
    words: _Sentence,
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
    if row_label and sent == 0 and not column_priority and (own := _priority(row_label)):
        # "| Urgent | Defect likely to become an emergency | 4 hours |": the row's label names
        # its priority, not a word of its description
        priority = own
    if row_label:
        if not priority:
            priority = _priority(row_label)
        if not priority:
            before_label = subjects
            subjects, soft = _label_subjects(row_label, subjects)
            labelled = subjects != before_label or bool(soft)
            named = row_label
    else:
        left = words.text[left_start:start]
        inner = _lead(left.rsplit("\n", 1)[-1]) if left else None
        if inner is None and ": " in left:
            inner = _lead(left.rsplit(": ", 1)[-1])
        here = inner.group(1) if inner else label
        if here and not priority:
            priority = _priority(here)
            if not priority:
                subjects, soft = _label_subjects(here, subjects)
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
        row=_row(row_key) if row_key else "",
        labelled=labelled,
        named=_named(named) if named else (),
        context=words.low,
        party=_party(words.low[:start], words.plain),
    )


_DUTY = re.compile(
    r"\b(?:shall|must|will|agrees? to|undertakes? to|(?:is|are) (?:required|obliged) to"
    r"|(?:has|have) (?:given|sent|provided)|gives|sends)\b|'ll\b"
)
_DUTY_ASCII = _ascii(_DUTY)
_CUSTOMER_SIDE = re.compile(
    r"\b(?:customers?|clients?|authority|buyers?|purchasers?|licensees?|subscribers?|you"
    r"|users?|council|trust|school|hospital|department)(?:'s)?\s*$"
)
_PROVIDER_SIDE = re.compile(
    r"\b(?:providers?|suppliers?|contractors?|vendors?|we|company|laborator(?:y|ies)|agency"
    r"|operators?|carriers?|host|licensors?|msp|integrator|bureau)(?:'s)?\s*$"
)


_SUBJECT_BREAK = re.compile(r"[,;:(]|\band\b|\bthat\b|\bwhich\b|\bwho\b")
_SUBJECT_BREAK_ASCII = _ascii(_SUBJECT_BREAK)


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


def _value_window(words: _Sentence, left_start: int, start: int, end: int) -> tuple[float, ...]:
    """The window a value is stated for: the first one after it in its clause ("99.9% of
    each calendar month"), else the last one before it ("Monthly availability: 99.9%")."""
    found = words.fact("windows")
    assert isinstance(found, list)
    if not found:
        return ()
    stop = min(words.clause_end(end), end + 50)
    after = next((w for w in found if w.start() >= end and w.end() <= stop), None)
    if after:
        return _window_value(after)
    before = [w for w in found if w.start() >= left_start and w.end() <= start]
    return _window_value(before[-1]) if before else ()


def _window_value(w: re.Match[str]) -> tuple[float, float]:
    """A window as (months, rolling)."""
    unit = (w.group("unit") or w.group("adj") or "").lower()
    unit = {"annual": "year", "annually": "year", "yearly": "year", "monthly": "month",
            "quarterly": "quarter", "weekly": "week"}.get(unit, unit)  # fmt: skip
    count = w.group("n") or "1"
    months = _MONTHS.get(unit, 1) * (_SMALL.get(count.lower()) or float(count))
    return (months, 1.0 if w.group("roll") else 0.0)


@functools.lru_cache(maxsize=1024)
def _row(label: str) -> str:
    return " ".join(_ROW_WORD.findall(label.lower()))


def _named(label: str) -> tuple[str, ...]:
    subject, _soft = _label(label) if label else (("", ""), False)
    return tuple(f"{subject[0]} {subject[1]}".split())


@functools.lru_cache(maxsize=2048)
def _priority(text: str) -> str:
    found = list(_PRIORITY.finditer(text.lower()))
    if not found:
        return ""
    m = found[-1]
    return "*" if m.group("all") else m.group(1) or m.group(2)


_SUPPLIED = re.compile(
    r"\b(?:availab|publish|issu|sen[dt]\b|deliver|provid|releas|distribut|upload|post(?:ed|s)?\b)"
)
_PAID = re.compile(r"\b(?:pa(?:y|ys|id|yable|yments?)|settle\w*|remit\w*)\b")


def _deadline(
    info: DocInfo, sent: int, s_start: int, words: _Sentence, m: re.Match[str], label: str
) -> Iterator[Statement]:
    """A deadline given as a day of the month, for the measure named before it."""
    start, end = m.start(), m.end()
    clause = words.clause_start(start)
    found = [x for x in words.measures if x[0] >= clause and x[1] <= start]
    np = words.np
    if (
        np
        and (not found or found[-1][2] == "availability")
        and not np[1].startswith("@")
        and np[1] not in _WORK_ITEMS
        and not _MEASURE.match(np[1])
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
    day = _ORDINALS.get(ordinal) or int(re.sub(r"\D", "", ordinal))
    kind = (m.group("kind") or "").lower()
    business = 1.0 if kind in ("working", "business", "banking") else 0.0
    if _CONDITION.search(words.low):
        return
    yield _stmt(info, sent, s_start, words, start, end, measure, "dom", (float(day), business),
                clause, label, ("", "", ""), 0, False)  # fmt: skip


_WINDOW = re.compile(
    r"\b(?:(?P<adj>monthly|quarterly|annual|annually|yearly|weekly)\b(?!\s+(?:fees?|charges?"
    r"|invoices?|reports?|meetings?|reviews?|rental|price|bill|plan|subscription|cap)\b)"
    r"|(?:per|each|every|over|across|in|for|on|at)\s+(?:(?:each|every|a|an|any|the|one)\s+)?"
    r"(?:(?:full|complete|single|whole)\s+)?(?P<roll>rolling\s+)?(?:(?P<n>\d+|two|three|six"
    r"|twelve)[- ])?(?:calendar\s+)?(?P<unit>month|quarter|year|week|(?(roll)day|(?!)))s?\b"
    r"(?![- ](?:end|fee"
    r"|charge|report|meeting))(?:[- ](?:period|window))?)",
)
"""A measurement window ("per calendar month", "over a rolling 12-month period", "monthly")."""
_WINDOW_ASCII = _ascii(_WINDOW)
_WINDOW_MEASURES = frozenset(
    {"availability", "abandonment", "packet-loss", "first-time-fix", "answer", "delivery",
     "latency", "jitter", "response", "resolution", "attendance", "handle-time"}
)  # fmt: skip
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
_MONTHS = {"month": 1, "quarter": 3, "year": 12, "week": 0.25, "day": 12 / 365}
_SMALL = {"two": 2, "three": 3, "six": 6, "twelve": 12}


def _windows(
    info: DocInfo, sent: int, s_start: int, words: _Sentence, prev: _Sentence | None
) -> Iterator[Statement]:
    """The window each measure of the sentence is measured over: a window right after the
    measure with a measuring verb or its value between them ("Availability is measured over
    each calendar month", "99.9% uptime, measured every calendar month"), or an adjective
    before it ("monthly availability"). A sentence without a measure ("It is calculated
    per quarter") takes the last one of the sentence before."""
    text = words.low
    if not any(x[2] in _WINDOW_MEASURES for x in words.measures) and (
        prev is None or words.measures
    ):
        return  # no measure a window could belong to
    if (
        _TERMINATION.search(text)
        or _TRIGGER.match(text)
        or _is_example(text)
        or _REVIEW.search(text)
    ):
        return
    shares = frozenset(
        _number(m.group("num"))
        for m in (_QTY.finditer(text) if _has_any(text, _PERCENT) else ())
        if m.group("pct") and m.group("num")
    )
    measures = [x for x in words.measures if x[2] in _WINDOW_MEASURES]
    found = words.fact("windows")
    assert isinstance(found, list)
    done: set[int] = set()
    for w in found:
        if w.group("adj"):
            after = next((x for x in words.measures if 0 <= x[0] - w.end() <= 1), None)
            if after is None or after[2] not in _WINDOW_MEASURES:
                continue
            measure, at = after[2], after[0]
        else:
            earlier = [x for x in words.measures if x[1] <= w.start()]
            if earlier and earlier[-1][2] not in _WINDOW_MEASURES:
                continue
            if not earlier:
                if prev is None or not (
                    _MEASURING.search(text, 0, w.start())
                    # "How is uptime calculated? We look at a rolling 12-month window."
                    or (prev.low.rstrip().endswith("?") and _MEASURING.search(prev.low))
                ):
                    continue
                older = [x for x in prev.measures if x[2] in _WINDOW_MEASURES]
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
            value=_window_value(w),
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


def _temperatures(info: DocInfo, sent: int, s_start: int, words: _Sentence) -> Iterator[Statement]:
    """Temperature limits ("inlet temperature between 18 and 27 °C", "maximum cold-aisle
    temperature 25 °C"), compared as an upper and a lower limit of the same place."""
    text = words.text
    for m in _TEMP.finditer(text):
        clause = text[: m.start()].rsplit(";", 1)[-1]
        named = list(_TEMPERATURE.finditer(clause))
        if not named or _CONDITION.search(words.low) or _TRIGGER.match(words.low):
            continue
        place = ""
        for word in reversed(
            _WORD.findall(clause[max(0, named[-1].start() - 40) : named[-1].start()])
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


def _dimension(st: Statement) -> str:
    return st.clock if st.clock in ("%", "range", "dom", "window", "temp", "coverage") else "time"


_ALIAS_WORDS = "critical|urgent|emergency|high|medium|low|major|minor|routine"
_ALIAS = re.compile(
    r"\b(?:p|prio(?:rity)?|sev(?:erity)?|level|category|cat\.?)\s*-?\s*([0-9])\s*(?:\(|[\u2013"
    rf"\u2014:=-]|is|means)\s*\(?\s*(?:(?!(?:{_ALIAS_WORDS})\b)[a-z]+\s*/\s*)?({_ALIAS_WORDS})\b"
    rf"|\b({_ALIAS_WORDS})\s*(?:\(|[\u2013\u2014:=-])\s*(?:p|prio(?:rity)?|sev(?:erity)?|level"
    r"|category)\s*-?\s*([0-9])\b"
)
"""A priority given a number and a name ("Priority 1 (Critical)", "Priority 1 (Safety /
Critical)", "Critical (P1)")."""
_ALIAS_ASCII = _ascii(_ALIAS)
_ALIAS_NAMES = tuple(_ALIAS_WORDS.split("|"))


_BULLET = re.compile(r"\s*(?:[-*\u2022]|\(?[a-z0-9]{1,2}[.)])\s+\S")
"""A list item ("- ", "• ", "(a) ", "1) ")."""
_SYMBOL_ITEM = re.compile(r"\s*[-*\u2022]\s+\S")
"""An item of a bulleted list ("- ", "• "), not a numbered clause ("3. ")."""


@dataclass
class _Doc:
    """What the comparison needs to know about the whole document."""

    tiers: dict[str, set[str]]
    """The named tiers ("standard", "premium") stated for each measure."""
    aliases: dict[str, str]
    """Priority names the document equates ("Priority 1 (Critical)": critical -> 1)."""
    uniform: dict[tuple[int, str, str, str], bool]
    """For each table, measure and priority: True when all its rows state the same value (a
    table whose rows differ gives each thing its own value, not the document's)."""
    terms: dict[str, set[tuple[float, ...]]] = field(default_factory=dict)
    """For each measure, the spans of hours given a defined name ("Core Hours" means
    08:00-18:00): plain hours equal to one of them use that name, not another."""
    variants: dict[tuple[str, str], set[frozenset[tuple[str, tuple[float, ...]]]]] = field(
        default_factory=dict
    )
    """For each measure and priority, every pair (and single value) of the values one sentence
    or table row gives side by side ("99.99% at LON1 and 99.95% at MAN2", "| Cooling | 99.99% |
    99.95% |"): the document says the measure differs by something (a site, a plan, a column),
    so each of these values stated alone elsewhere is one of the variants, not a second
    target."""
    rows: dict[int, set[str]] = field(default_factory=dict)
    """For each table, the labels of its rows that state a value."""
    varied: set[tuple[int, str, str, str]] = field(default_factory=set)
    """The tables, measures and priorities (keys of ``uniform``) whose rows give the measure
    different values: each row has its own figure."""
    lists: dict[int, int] = field(default_factory=dict)
    """For each list item (block index), the number of its list: the items of one list are
    the cases of one enumeration ("- Standard Edition: 4 hours", "- Business Edition: 1
    hour"), never two statements of one figure."""
    varied_rows: set[tuple[int, str, str]] = field(default_factory=set)
    """The tables and measures (with dimension) whose rows give different values, whatever
    priority each row names: a row that names no priority is one case of such a table."""


def _same_priority(a: Statement, b: Statement, doc: _Doc) -> bool:
    if a.priority == b.priority or "*" in (a.priority, b.priority):
        return True
    if doc.aliases and doc.aliases.get(a.priority, a.priority) == doc.aliases.get(
        b.priority, b.priority
    ):
        return True  # "Priority 1 (Critical)" makes "critical" and "P1" one priority
    if "" in (a.priority, b.priority) and (
        (a.clock in ("range", "coverage") and a.measure in ("service-hours", "maintenance-window"))
        or "standard" in (a.priority, b.priority)
    ):
        # a tier named alone ("standard cover", "the standard window") is no distinction
        named = a.priority or b.priority
        plain = b if named == a.priority else a
        if _OTHER_SPEED.search(plain.context):
            return False  # "Express turnaround: 6 hours" is another tier
        return named in _TIERS and doc.tiers.get(a.measure, set()) == {named}
    return False


_OTHER_SPEED = re.compile(
    r"\b(?:express|rush|urgent|expedited|priority|premium|enhanced|basic|advanced|extended"
    r"|economy|same-day|next-day|fast[- ]track|out[- ]of[- ]hours)\b"
)


def _mentioned(a: Statement, b: Statement) -> bool:
    """True when the words of ``a``'s label are all in ``b``'s sentence: the label names
    who or what ``b`` is about too ("Sales: first call within 48 hours" and "Inside sales
    calls every MQL within 24 hours")."""
    named = a.named
    plain = tuple(w for w in named if not any(c.isdigit() for c in w))
    if len(plain) >= 2:
        named = plain  # "Validated HH Data (D2)": the reference code is not said in prose
    return bool(named) and all(re.search(rf"\b{re.escape(w)}", b.context) for w in named)


_SYSTEMS = frozenset(
    """database portal api website storefront checkout email network application platform server
    telephony phone chat laptop desktop dashboard erp crm pim hris ledger""".split()  # noqa: SIM905
)
"""Systems a value may be about: two different ones are two things, whatever else is shared."""


def _told_apart(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """True when both name one kind of thing with different qualifiers and no bare mention
    ("UK region" and "APAC region"): the document distinguishes the two values by it."""
    for head in {h for _q, h in a} & {h for _q, h in b}:
        qa = {q for q, h in a if h == head}
        qb = {q for q, h in b if h == head}
        if "" not in qa and "" not in qb and not qa & qb and head != "medium":
            return True
    return False


def _same_thing(a: Statement, b: Statement, doc: _Doc) -> bool:
    if a.table and a.table == b.table and a.row != b.row:
        return False  # two rows of one table are two things, whatever words they share
    for row, other in ((a, b), (b, a)):
        if (
            row.table
            and row.row
            and row.table != other.table
            and not _table_row_named(row, other, doc)
        ):
            return False  # "| B: Departmental devices | 8 hours |" is that row's figure
    if a.row and b.row and a.table != b.table:
        row_words = (_row_things(a.row), _row_things(b.row))
        if row_words[0] and row_words[1] and not row_words[0] & row_words[1]:
            return False  # "| Contract issued |" and "| Finance service requests |"
    for row, other in ((a, b), (b, a)):
        if row.row and not other.table and any(not h.startswith("@") for _q, h in other.subjects):
            label = _row_things(row.row)
            if label and not any(re.search(rf"\b{re.escape(w)}", other.context) for w in label):
                return False  # "| Contract issued | 3 days |" and "Service requests: 5 days"
    if a.subjects and b.subjects:
        for kind in ("medium", "phase"):
            media = [{h for q, h in st.subjects if q == kind} for st in (a, b)]
            if media[0] and media[1] and not media[0] & media[1]:
                return False  # logs on disk and in the archive; hours in term and in vacation
        if _told_apart(a.subjects, b.subjects):
            return False  # "the UK region" and "the APAC region", whatever else they share
        systems = [{h for _q, h in st.subjects if h in _SYSTEMS} for st in (a, b)]
        if systems[0] and systems[1] and not systems[0] & systems[1]:
            return False  # backups of the database and backups of the CRM: two systems
        return _overlap(a.subjects, b.subjects) or _mentioned(a, b) or _mentioned(b, a)
    if (a.strict and not b.subjects) or (b.strict and not a.subjects):
        return False
    if a.measure == "retention" and bool(a.subjects) != bool(b.subjects) and not a.table:
        # "Keys are kept for 24 hours" and "Shipment and event data is kept for 13 months":
        # a document keeps many kinds of data, each for its own time
        named, plain = (a, b) if a.subjects else (b, a)
        heads = [h for _q, h in named.subjects if not h.startswith("@")]
        if heads and not any(re.search(rf"\b{re.escape(h)}", plain.context) for h in heads):
            return False
    for x, y in ((a, b), (b, a)):
        if x.table and y.table and x.soft and not y.soft and y.subjects and not _term(x):
            # "| Branch fibre repair | 7 hours |" against "| Data centre leased line | 4 hours
            # |": the words of a label that also names the figure must all be where the other
            # value is said
            words = {w for q, h in x.soft for w in f"{q} {h}".split() if len(w) > 2}
            if words and not all(re.search(rf"\b{re.escape(w)}", y.context) for w in words):
                return False
    if a.soft and b.soft and not _overlap(a.subjects | a.soft, b.subjects | b.soft):
        return False
    if a.table and a.table == b.table:
        return a.row == b.row  # two rows of one table
    for row, other in ((a, b), (b, a)):
        things = [h for _q, h in other.subjects if not h.startswith("@")]
        if row.table and not (things or other.soft):
            if not other.table and _names_row(row.row, other.context):
                # "| Fleet Pro | 1 hour |" and "On Fleet Pro, urgent tickets get a response
                # within 2 hours": the sentence names the row, and no other row
                labels = doc.rows.get(row.table, set())
                return not any(_names_row(x, other.context) for x in labels if x != row.row)
            return doc.uniform.get((row.table, row.measure, row.priority, _dimension(row)), True)
    return True


_ROW_STOP = frozenset(
    """after before from within when once each every any all other than into onto upon about
    with without per its their this that these those then time times maximum minimum max min
    cap caps capped limit limits total aggregate overall combined""".split()  # noqa: SIM905
)


@functools.lru_cache(maxsize=512)
def _row_things(label: str) -> frozenset[str]:
    """The words of a table row's label (lower case) that name what the row is about ("finance
    service requests" -> finance, service, request): not measure, priority, tier or generic
    words."""
    low = _MEASURE.sub(" ", _PRIORITY.sub(" ", label))
    words = _GENERIC.sub(" ", low).split()
    kept = [w for w in words if len(w) > 2 and w.isalpha() and w not in _ROW_STOP]
    return frozenset([_head(w) for w in kept] + [w.removesuffix("s") for w in kept])


def _table_row_named(row: Statement, other: Statement, doc: _Doc) -> bool:
    """True unless ``row`` is a row of a table whose rows give the measure different values
    (one per site, device class or service) and ``other`` does not name that row: such a
    table gives each row its own figure, which a statement about something else, or about
    nothing in particular, does not restate."""
    if (row.table, row.measure, row.priority, _dimension(row)) not in doc.varied and (
        row.priority or (row.table, row.measure, _dimension(row)) not in doc.varied_rows
    ):
        return True
    if other.table and other.row:
        return other.row == row.row or _names_row(row.row, other.row)
    return _names_row(row.row, other.context)


_EVENT_HEAD = re.compile(
    r"\b(?:incident|breach|outage|failure|fault|change|event|delay|disruption|loss|attack"
    r"|vulnerabilit|subcontract|maintenance|termination|insolvency)"
)


def _events_apart(a: str, b: str) -> bool:
    """True when two notification sentences (lower case) name only different events."""
    ea, eb = set(_EVENT_HEAD.findall(a)), set(_EVENT_HEAD.findall(b))
    return bool(ea and eb and not ea & eb)


_EVENT_REPORT = re.compile(
    r"\breports? (?:of|on|into|following|after) (?:the |its |each |every |any |an? )?"
    r"(?:[a-z-]+ )?(?:outcome|results?|findings|test\w*|incident|investigation|exercise|audit"
    r"|failover|drill|breach|outage|failure|event)"
    r"|\b(?:test|incident|outage|audit|investigation|exercise|drill|failover|post-incident"
    r"|exception|breach|closure|completion) reports?\b"
)
"""A report made on an event (a test, an incident, an audit), not on a period."""
_PERIODIC_REPORT = re.compile(
    r"\b(?:weekly|monthly|quarterly|annual|yearly|periodic)\b[^.;]{0,30}\breports?\b"
)


_REPORT_NAME = re.compile(r"\b((?:[a-z][a-z-]* ){1,3})reports?\b")
_ANY_REPORT = frozenset(
    """a an the this that its their our your each every any one written final full short
    brief detailed first further formal summary such same shall will must may should can to
    of and or with for in on by provide provides send sends submit submits issue issues
    deliver delivers produce produces publish publishes prepare prepares give gives make
    makes share shares email emails""".split()  # noqa: SIM905
)
"""Words that end a report's name, read leftwards from "report" (determiners, verbs)."""


def _report_names(context: str) -> set[str]:
    """The words that name a sentence's reports ("deviation report", "monthly performance
    report"): those right before "report", up to a determiner."""
    names: set[str] = set()
    for m in _REPORT_NAME.finditer(context):
        for word in reversed(m.group(1).split()):
            if word in _ANY_REPORT:
                break
            names.add(word)
    return names


def _reports_apart(a: Statement, b: Statement) -> bool:
    """True when one deadline is for a periodic report ("the monthly service report within 5
    days of month end") and the other for a report on an event ("a written report of the
    outcome of the test within 10 days"), or the two sentences name only different reports
    ("the deviation report" and "the mapping report"): two reports."""
    names = _report_names(a.context), _report_names(b.context)
    if names[0] and names[1] and not names[0] & names[1]:
        return True
    kinds = []
    for st in (a, b):
        periodic = bool(st.window) or _PERIODIC_REPORT.search(st.context) is not None
        kinds.append((periodic, _EVENT_REPORT.search(st.context) is not None))
    return (kinds[0][0] and kinds[1][1] and not kinds[1][0]) or (
        kinds[1][0] and kinds[0][1] and not kinds[0][0]
    )


def _names_row(label: str, context: str) -> bool:
    """True when ``context`` (lower case) names the table row ``label`` ("fleet pro")."""
    words = label.split()
    if not words or len(label) < 4 or _PRIORITY.fullmatch(label) or len(words) > 4:
        return False
    return re.search(r"\b" + r"[\s-]+".join(map(re.escape, words)) + r"s?\b", context) is not None


_HOURS = ("service-hours", "measurement-hours")


def _conflicts(a: Statement, b: Statement, doc: _Doc) -> bool:
    if (a.info.index, a.sent) == (b.info.index, b.sent):
        return False
    if a.measure != b.measure:
        return False
    run = doc.lists.get(a.info.index)
    if run is not None and run == doc.lists.get(b.info.index):
        return False  # two items of one list: two cases of one enumeration
    if a.clock != b.clock and {a.clock, b.clock} == {"coverage", "range"} and a.measure in _HOURS:
        return _hours_against_coverage(a, b, doc)
    if a.conditional or b.conditional or _dimension(a) != _dimension(b):
        return False
    if a.party and b.party and a.party != b.party:
        return False  # the customer's notice within 5 days and the provider's within 10
    if not _same_priority(a, b, doc):
        return False
    if not _same_thing(a, b, doc) and not (a.clock == "range" and _same_term(a, b)):
        return False
    if a.measure == "notification" and _events_apart(a.context, b.context):
        return False  # notice of a data breach and notice of a change of subcontractor
    if a.measure == "report" and _reports_apart(a, b):
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
        return min(a.share, b.share) >= 0 and a.value == b.value and a.clock == b.clock
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


def _term(st: Statement) -> bool:
    return any(q == "term" for q, _h in st.soft)


def _same_term(a: Statement, b: Statement) -> bool:
    """True when two spans of hours both gloss one defined term ("Service Hours: 7am to 7pm"
    and "during Service Hours, 8am to 6pm"): whatever each is said of, it is that term."""
    return any(q == "term" and (q, h) in b.soft for q, h in a.soft)


def _terms_apart(a: Statement, b: Statement, doc: _Doc) -> bool:
    """True when one of two spans of hours is a defined term and the other, in plain words,
    equals another defined span ("'Extended Hours' means 18:00-22:00" and "answered between
    08:00 and 18:00" where "Core Hours" means 08:00-18:00)."""
    if _term(a) == _term(b):
        return False
    plain = b if _term(a) else a
    return plain.value in doc.terms.get(plain.measure, set())


_OTHER_CASES = re.compile(r"\b(?:other|remaining|rest of|non-urgent|routine)\b")


def _hours_against_coverage(a: Statement, b: Statement, doc: _Doc) -> bool:
    """Round-the-clock cover ("24x7") and opening hours of part of the day ("07:00-22:00
    every day") for the same service on the same days."""
    if a.conditional or b.conditional:
        return False
    if not _same_priority(a, b, doc) or not _same_thing(a, b, doc):
        return False
    hours, cover = (a, b) if a.clock == "range" else (b, a)
    if any(q == "term" for q, _h in hours.soft):
        return False  # "'Business Hours' means 07:00-19:00" defines a term, not the cover
    for st in (hours, cover):
        low = st.info.low
        if _PRIORITY.search(low) or _OTHER_CASES.search(low):
            return False  # "24x7 for Severity 1", "08:00-18:00 for all other requests"
    if hours.value[1] - hours.value[0] in (0.0, 1440.0) or hours.value == (0.0, 1439.0):
        return False  # 00:00-24:00 is the whole day
    return not hours.days or bool(set(hours.days) & set(cover.days))


_CLOCK_TIME = re.compile(
    r"\d[:.]\d\d\s*(?:[ap]\.?m\.?\s*)?(?:\(?[a-z]{2,5}\)?\s*)?(?:to|until|till|and|-|\u2013"
    r"|\u2014)|\d\s*[ap]\.?m\.?\s*(?:[a-z]{2,5}\s*)?(?:to|until|till|and|-|\u2013|\u2014)"
)
"""A time of day that opens a range ("08:00-18:00", "8 a.m. to"); sentences without one
have no opening hours to compare."""
_CLOCK_TIME_ASCII = _ascii(_CLOCK_TIME)
_TIME = r"(\d{1,2})(?:[:.](\d{2}))?\s*([ap]\.?m\.?)?"
_RANGE = re.compile(
    rf"(?<![\d:.]){_TIME}\s*(?:to|until|till|and|-|\u2013|\u2014)\s*"
    rf"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?{_TIME}"
    r"(?:\s*\(?\s*(?P<zone>(?:US |UK )?(?:Eastern|Central|Mountain|Pacific|London|UK|Irish)"
    r"(?: [Tt]ime)?|[A-Z]{2,5}(?:[+-]\d{1,2})?\b))?",
)
_COVERAGE = re.compile(
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
_PER_PERIOD = re.compile(r"\s+an?\s+(?:day|week|year)\b", re.I)
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
_HOURS_KIND_ASCII = tuple((kind, _ascii(rx)) for kind, rx in _HOURS_KIND)


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
_DAY_SPAN = re.compile(
    rf"\b{_DAY}\s*(?:to|through|thru|until|till|-|\u2013|\u2014)\s*{_DAY}|\b{_DAY}"
    r"|\b(weekdays?|working days?|business days?)\b|\b(weekends?)\b"
    r"|\b(every day|7 days|seven days|365 days|all week)\b",
)
_DAY_SPAN_ASCII = _ascii(_DAY_SPAN)
_DAY_INDEX = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_NOT_DAYS = re.compile(r"\b(?:exclud\w*|except|not|no|other than|closed)\b[^;.]{0,25}$")


def _day_set(m: re.Match[str]) -> set[int]:
    """The days a match of ``_DAY_SPAN`` names (0 is Monday)."""
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
    """For each time range of the sentence (``plain`` when ``_plain``), the days it is for
    ("01234" for Monday to Friday), from the day words of its clause; with several ranges in
    a clause, each day word goes to the nearest range ("Monday to Friday 07:00-19:00,
    Saturday 09:00-13:00")."""
    if not ranges:
        return []
    low = sentence.lower()
    found: list[list[int]] = [[] for _ in ranges]
    for d in (_DAY_SPAN_ASCII if plain else _DAY_SPAN).finditer(low):
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
        found[near].extend(_day_set(d))
    return ["".join(str(x) for x in sorted(set(f))) for f in found]


def _minutes(hour: str, minute: str | None, ampm: str | None) -> float:
    h = int(hour) % 24
    if ampm:
        h = h % 12 + (12 if ampm.lower().startswith("p") else 0)
    return float(h * 60 + int(minute or 0))


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
    plain = _plain(sentence)
    days = _range_days(sentence, ranges, plain)
    lead_subject, lead_soft = _label(label) if label else (("", ""), False)
    for i, m in enumerate(ranges):
        h1, m1, ap1, h2, m2, ap2 = m.groups()[:6]
        context = sentence[max(0, m.start() - 120) : m.end() + 40]
        kinds = _HOURS_KIND_ASCII if plain else _HOURS_KIND
        kind = next((k for k, rx in kinds if rx.search(context)), None)
        if kind is None:
            continue
        before = sentence[: m.start()]
        subjects = _subjects_in(before[-120:]) | _names(
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
            priority=_priority(before[-50:]),
            subjects=frozenset(subjects),
            clock="range",
            value=(_minutes(h1, m1, ap1), _minutes(h2, m2, ap2)),
            info=info,
            sent=sent,
            start=s_start + m.start(),
            end=s_start + m.start() + len(m.group().rstrip()),
            conditional=any(
                not _DAY_WORD.fullmatch(c.group()) and c.group() != "during"
                for c in _CONDITION.finditer(before.lower())
            ),  # "In the month-end close, support runs from 06:00 to 22:00"
            zone=(m.group("zone") or "").lower().replace(" time", ""),
            days=days[i],
            soft=soft,
        )


def _coverage(
    info: DocInfo, sent: int, s_start: int, sentence: str, low: str
) -> Iterator[Statement]:
    """Round-the-clock support ("24x7", "24 hours a day, 7 days a week", "24x5")."""
    for m in _COVERAGE.finditer(low):
        before = sentence[: m.start()]
        measured = _MEASURED_HOURS.search(before[-80:]) is not None
        if not (measured or _COVERED.search(before[-80:])) or any(
            q.group("unit")
            and not (m.start() <= q.start() < m.end())
            and not _PER_PERIOD.match(sentence, q.end())
            for q in _QTY.finditer(low)
        ):
            continue  # "restored within 4 hours, 24x7": the hours of another value
        per_week = m.group("d") or m.group("w") or "7"
        count = 5.0 if per_week in ("5", "five") else 7.0
        lead = _LEAD.match(sentence)
        subjects = _subjects_in(before[-120:])
        soft: frozenset[tuple[str, str]] = frozenset()
        if lead:
            subjects, soft = _label_subjects(lead.group(1), subjects)
        term = _TERMS.findall(before[-80:])
        if term:
            soft = frozenset({("term", term[-1].lower())})
        kind = "measurement-hours" if measured else "service-hours"
        if not measured and _LOGGING.search(before[-80:]):
            kind = "logging-hours"
        yield Statement(
            measure=kind,
            priority=_priority(before[-50:]),
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


_PERIOD_TERM = re.compile(
    r"[\"\u201c](?P<term>(?:[A-Z][\w-]*\s+){0,2}(?:Period|Window))[\"\u201d]\s+means\s+(?:each|a|an"
    r"|one|every|the)?\s*(?:calendar\s+)?(?P<unit>month|quarter|year|week)\b(?![- ]?end)"
)
"""A defined measurement period ("'Measurement Period' means each calendar quarter")."""


def _period_windows(ctx: Context) -> Iterator[Statement]:
    """A measure stated over a defined period ("the percentage of minutes in the Measurement
    Period") is measured over the window the definition gives; compared with plain windows
    ("99.9% in each calendar month") by the window check."""
    terms: dict[str, float] = {}
    for info in ctx.blocks_containing(("means",)):
        text = info.block.text
        if "Period" in text or "Window" in text:
            for d in _PERIOD_TERM.finditer(text):
                terms[d.group("term").lower()] = _MONTHS[d.group("unit")]
    if not terms:
        return
    for info in ctx.blocks_containing(terms, lower=True):
        low = info.low
        if len(low) != len(info.block.text):
            continue
        for n, (start, part) in enumerate(_parts(info, low)):
            if _TERMINATION.search(part) or _TRIGGER.match(part) or _is_example(part):
                continue
            for term, months in terms.items():
                at = part.find(term)
                if at < 0 or _PERIOD_TERM.search(info.block.text, start, start + len(part)):
                    continue
                found = [
                    x for x in _find_measures(part[:at], part[:at]) if x[2] in _WINDOW_MEASURES
                ]
                if not found:
                    continue
                yield Statement(
                    measure=found[-1][2],
                    priority=_priority(part[:at]),
                    subjects=frozenset(),
                    clock="window",
                    value=(months, 0.0),
                    info=info,
                    sent=-1 - n,
                    start=start + at,
                    end=start + at + len(term),
                    conditional=False,
                )
                break


def _all_statements(ctx: Context) -> tuple[list[Statement], _Doc]:
    """Every statement of the document in order (computed once for both checks)."""
    cached: tuple[list[Statement], _Doc] | None = ctx.memo.get("statements")
    if cached is not None:
        return cached
    out: list[Statement] = []
    aliases: dict[str, str] = {}
    named = {info.index for info in ctx.blocks_containing(_ALIAS_NAMES, lower=True)}
    header: list[str] | None = None
    table = 0
    for info in ctx.infos:
        if info.block.is_heading:
            continue
        text = info.block.text
        cells = _cells(text)  # a table row, from Markdown or Word alike: "| A | B |"
        if not cells:
            header = None
        elif header is None or not (_QTY.search(info.low) or _DIGIT.search(text)):
            # the first row of a table names its columns (a row with a clock time or a
            # priority number, "| Daily reads | 07:00 next day |", is a row)
            header = cells
            table += 1
        out.extend(statements(info, header, table, aliases if info.index in named else None))
    extra = list(_period_windows(ctx))
    if extra:  # in document order, so the later of two windows is the one flagged
        out = sorted(out + extra, key=lambda st: (st.info.index, st.start))
    _inherit_party(out)
    tiers: dict[str, set[str]] = {}
    values: dict[tuple[int, str, str, str], set[tuple[float, ...]]] = {}

    for st in out:
        if st.priority in _TIERS:
            tiers.setdefault(st.measure, set()).add(st.priority)
        if st.table:
            # (a surcharge of 50% in a row of delivery times is not a second delivery time)
            key4 = (st.table, st.measure, st.priority, _dimension(st))
            values.setdefault(key4, set()).add(st.value)
    terms: dict[str, set[tuple[float, ...]]] = {}
    for st in out:
        if st.clock == "range" and _term(st):
            terms.setdefault(st.measure, set()).add(st.value)
    together: dict[tuple[int, int, str, str, str], set[tuple[str, tuple[float, ...]]]] = {}
    run, last = 0, -2
    runs: dict[int, int] = {}
    bullets = [info for info in ctx.infos if _BULLET.match(info.block.text)]
    for info in bullets:
        run += info.index != last + 1
        runs[info.index], last = run, info.index
    for st in out:
        if not st.conditional and st.sent >= 0:
            key = (st.info.index, st.sent, st.measure, _dimension(st), st.priority)
            together.setdefault(key, set()).add((st.clock, st.value))
            if st.siblings:
                together[key] |= {(st.clock, v) for v in st.siblings}
            if st.info.index in runs and st.named and st.subjects:
                # the bullets of one list, each naming its own case ("- Data centre sites:
                # 99.99%", "- Branch sites: 99.9%"), give the measure's values side by side
                key = (-runs[st.info.index], 0, st.measure, _dimension(st), st.priority)
                together.setdefault(key, set()).add((st.clock, st.value))
    variants: dict[tuple[str, str], set[frozenset[tuple[str, tuple[float, ...]]]]] = {}
    for (_i, _s, measure, _d, priority), group in together.items():
        if len(group) > 1:
            known = variants.setdefault((measure, priority), set())
            known.update(frozenset({v}) for v in group)
            known.update(frozenset(p) for p in itertools.combinations(group, 2))
    doc = _Doc(tiers, aliases, {key: len(v) == 1 for key, v in values.items()}, terms, variants)
    item, last = 0, -2
    for info in bullets:  # (a symbol item is a bullet)
        if _SYMBOL_ITEM.match(info.block.text):
            item += info.index != last + 1
            doc.lists[info.index], last = item, info.index
    by_row: dict[tuple[int, str, str, str], dict[str, set[tuple[float, ...]]]] = {}
    for st in out:
        if st.table and st.row:
            key4 = (st.table, st.measure, st.priority, _dimension(st))
            by_row.setdefault(key4, {}).setdefault(st.row, set()).add(st.value)
    for key4, per_row in by_row.items():
        if len(per_row) > 1 and len({frozenset(v) for v in per_row.values()}) > 1:
            doc.varied.add(key4)
    all_rows: dict[tuple[int, str, str], dict[str, set[tuple[float, ...]]]] = {}
    for (t, measure, _p, dim), per_row in by_row.items():
        for label, got in per_row.items():
            all_rows.setdefault((t, measure, dim), {}).setdefault(label, set()).update(got)
    doc.varied_rows = {
        key3
        for key3, rows in all_rows.items()
        if len(rows) > 1 and len({frozenset(v) for v in rows.values()}) > 1
    }
    for st in out:
        if st.table and st.row:
            doc.rows.setdefault(st.table, set()).add(st.row)
    ctx.memo["statements"] = (out, doc)
    return out, doc


def _inherit_party(out: list[Statement]) -> None:
    """A value restated in its paragraph without a party ("you must claim within 7 days …
    Claims made after 7 days are lost") has the party of its first statement."""
    known: dict[tuple[int, str, tuple[float, ...]], str] = {}
    for st in out:
        key = (st.info.index, st.measure, st.value)
        if st.party:
            known.setdefault(key, st.party)
        elif key in known:
            st.party = known[key]


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
    doc: _Doc,
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


def _compare(rule: Rule, ctx: Context, windows: bool) -> list[Finding]:
    found, doc = _all_statements(ctx)
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
        name = st.measure.replace("-", " ")
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
    rule: Rule, ctx: Context, found: list[Statement], doc: _Doc, done: list[Finding]
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


def _misfit(share: Statement, down: Statement, doc: _Doc) -> bool:
    if share.conditional or down.conditional or down.clock == "business":
        return False
    if (share.info.index, share.sent) == (down.info.index, down.sent):
        return False
    if not _same_priority(share, down, doc) or not _same_thing(share, down, doc):
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


_NUM = r"\d+(?:\.\d+)?"
_PCT = r"\s*(?:%|percent\b|per cent\b)"
_FORMULA = re.compile(
    rf"\b(?:for|per)\s+(?:each|every)\s+(?P<full>(?:full|complete|whole)\s+)?(?P<step>\d*\.?\d+)"
    rf"\s*(?:%|percent(?:age)?[- ]points?\b|per ?cent\b|pp\b)[^.;%]{{0,80}}?\b(?:below|under"
    rf"|short of|less than)\s+(?:the\s+)?(?:[a-z]+\s+){{0,3}}?(?P<target>{_NUM}){_PCT}"
)
"""A credit that grows with the shortfall ("5% … for each full 0.1% by which availability
falls below 99.9%")."""
_FORMULA_RATE = re.compile(
    rf"(?P<rate>{_NUM}){_PCT}\s+of\s+(?:the\s+|that\s+|its\s+)?(?:[\w'\u2019-]+\s+){{0,3}}?"
    r"(?:fees?|charges?|price|invoice|rental|recharge)\b"
)
_FORMULA_CAP = re.compile(
    rf"\b(?:up to|capped at|cap of|maximum of|max\.?|not (?:to )?exceed|limited to)\s+(?:a\s+)?"
    rf"(?:(?:maximum|total)\s+(?:of\s+)?)?(?P<cap>{_NUM}){_PCT}"
)
_TIER_RANGE = re.compile(
    rf"(?P<lo>{_NUM})\s*%?\s*(?:to|-|\u2013|\u2014|and)\s*(?:(?:below|under|less than)\s+|<\s*)?"
    rf"(?P<hi>{_NUM}){_PCT}"
)
_CREDIT_VALUE = re.compile(rf"(?<![\d.])(?P<c>{_NUM}){_PCT}")
_WORKED = re.compile(
    rf"\b(?:at|of|is|reaches|was|were|achieves?|achieved)\s+(?P<a>{_NUM}){_PCT}[^.;%]{{0,60}}?"
    rf"\b(?:credit|refund|rebate)\w*\b[^.;%\d]{{0,30}}?(?P<c>{_NUM}){_PCT}"
)
"""A worked example: an availability and the credit it earns ("at 99.7% availability the
credit is 30% of the monthly fee")."""


def _formula_conflicts(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """A credit table row or worked example that the credit formula does not give ("5% per
    full 0.1% below 99.9%" against "99.8% to below 99.9% | 10%")."""
    formula = None
    for info in ctx.infos:
        low = info.low
        if (
            "%" not in low
            or not ("each" in low or "every" in low)
            or len(low) != len(info.block.text)
        ):
            continue
        for m in _FORMULA.finditer(low):
            rates = [r for r in _FORMULA_RATE.finditer(low) if abs(r.start() - m.start()) < 200]
            if not rates:
                continue
            near = min(rates, key=lambda r: abs(r.start() - m.start()))
            capped = _FORMULA_CAP.search(low)
            step, target = float(m.group("step")), float(m.group("target"))
            if 0 < step < 10 and 50 < target < 100:
                formula = (
                    info,
                    float(near.group("rate")),
                    step,
                    target,
                    float(capped.group("cap")) if capped else None,
                    m.group(),
                    (max(0, min(m.start(), near.start())), max(m.end(), near.end())),
                )
                break
        if formula:
            break
    if formula is None:
        return
    home, rate, step, target, cap, said, (f_start, f_end) = formula

    def allowed(lo: float, hi: float) -> tuple[float, float]:
        least = rate * math.floor(round((target - hi) / step, 6))
        most = rate * math.ceil(round((target - lo) / step, 6))
        return (min(least, cap), min(most, cap)) if cap is not None else (least, most)

    # the tables whose bands reach up to the formula's target: another credit table (of a
    # share of tickets met, "90% to below 95%") is not the one the formula gives
    run_of: dict[int, int] = {}
    reach: dict[int, float] = {}
    run, last = 0, -2
    for info in ctx.infos:
        cells = _cells(info.block.text) if "|" in info.block.text else []
        if not cells:
            continue
        if info.index != last + 1:
            run += 1
        last = info.index
        run_of[info.index] = run
        for b in _BAND.finditer(cells[0].lower()):
            top = float(b.group("strict") or b.group("high"))
            reach[run] = max(reach.get(run, 0.0), top)
    for info in ctx.infos:
        text = info.block.text
        if "%" not in text or info.block.is_heading:
            continue
        low = info.low
        if len(low) != len(text):
            continue
        cells = _cells(text)
        pairs: list[tuple[float, float, re.Match[str]]] = []
        if cells:
            if reach.get(run_of.get(info.index, 0), 0.0) < target - step:
                continue
            tier = _TIER_RANGE.search(cells[0].lower())
            rest = " | ".join(cells[1:])
            value = _CREDIT_VALUE.search(rest.lower())
            if tier and value:
                at = text.find(rest) + value.start()
                found = _CREDIT_VALUE.match(low, at)
                if found:
                    pairs.append((float(tier.group("lo")), float(tier.group("hi")), found))
        elif "credit" in low or "refund" in low or "rebate" in low:
            for w in _WORKED.finditer(low):
                if info is home and w.start() < f_end and w.end() > f_start:
                    continue
                a = float(w.group("a"))
                found = _CREDIT_VALUE.match(low, w.start("c"))
                if found:
                    pairs.append((a, a, found))
        for lo, hi, found in pairs:
            if not (target - 20 < lo <= hi <= target):
                continue
            least, most = allowed(lo, hi)
            credit = float(found.group("c"))
            if least - 0.01 <= credit <= most + 0.01:
                continue
            message = rule.message.format(measure="credit", other=f"the formula '{said}'")
            yield ctx.finding(rule, info, found.start(), found.end(), message)
            return


_UNIT_RATE = re.compile(
    r"\b(?:for\s+)?(?:each|every|per)\s+(?:full\s+|complete\s+|whole\s+|additional\s+)?"
    r"(?:(?:\w+\s+){0,2}(?:of\s+)?)?(?P<u>hour|day|minute)s?\b[^.;%]{0,120}?"
    rf"(?P<rate>{_NUM}){_PCT}\s+of\b"
    rf"|(?P<rate2>{_NUM}){_PCT}\s+of\s+[^.;%]{{0,60}}?\b(?:for|per)\s+(?:each|every)?"
    r"\s*(?:full\s+|complete\s+|whole\s+|additional\s+)?(?P<u2>hour|day|minute)s?\b"
)
"""A credit at a rate per unit of time ("each full hour of outage attracts a credit of 5% of
the rental", "5% of the monthly fee for each full day")."""
_UNIT_ROW = re.compile(
    r"^\s*(?:up to\s+|over\s+|more than\s+)?(?P<n>\d+)\s*(?P<u>hour|day|minute)s?\b(?P<more>"
    r"\s*(?:or more|or longer|and over|\+))?"
)


def _unit_rate_conflicts(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """A credit table row ("2 hours | 20%") that a credit rate per hour or day stated in
    words ("5% of the monthly charge for each full hour") does not give."""
    rate: tuple[float, str, str] | None = None
    cap = math.inf
    for info in ctx.infos:
        text = info.block.text
        if "%" not in text or info.block.is_heading:
            continue
        low = info.low
        cells = _cells(text)
        if not cells:
            if rate is None and ("credit" in low or "refund" in low or "rebate" in low):
                m = _UNIT_RATE.search(low)
                if m:
                    unit = m.group("u") or m.group("u2")
                    rate = (float(m.group("rate") or m.group("rate2")), unit, m.group())
                    capped = _FORMULA_CAP.search(low)
                    cap = float(capped.group("cap")) if capped else math.inf
            continue
        if rate is None or len(low) != len(text):
            continue
        row = _UNIT_ROW.match(cells[0].lower())
        if not row or row.group("u") != rate[1]:
            continue
        rest = " | ".join(cells[1:])
        value = _CREDIT_VALUE.search(rest.lower())
        if not value:
            continue
        at = low.find(rest.lower()) + value.start()
        found = _CREDIT_VALUE.match(low, at)
        if found is None:
            continue
        expected = min(rate[0] * float(row.group("n")), cap)
        credit = float(found.group("c"))
        if abs(credit - expected) < 0.01 or (row.group("more") and credit < expected):
            continue
        other = f"the rate '{rate[2].strip()}'"
        yield ctx.finding(rule, info, found.start(), found.end(),
                          rule.message.format(measure="credit", other=other))  # fmt: skip
        return


_REPORT_NAME = re.compile(
    r"\b(?:the|its|this|our|a|an)\s+((?:[a-z][\w-]*\s+){0,2}?)reports?\b(?!\s+(?:about|of)\b|\s+on\s+(?!the\s+\d))"
)
"""A report named by its kind ("the service report"); "the monthly report" names its
cadence in its name and is another report than "the quarterly report"."""
_CADENCE = re.compile(
    r"\b(?:(?:once|twice)\s+)?(?:each|every|per|a|in each)\s+(?:calendar\s+)?"
    r"(?P<unit>week|month|quarter|year)\b(?!\s*(?:-?end|ly))"
    r"|\b(?P<adv>weekly|monthly|quarterly|annually|yearly)\b(?=\s*(?:[.;,]|$|and\b|by\b|to\b"
    r"|within\b|on\b|in\b|at\b))"
)
"""How often a report is issued, said outside its name ("once each quarter", "each month",
"issued monthly")."""
_CADENCE_UNIT = {"weekly": "week", "monthly": "month", "quarterly": "quarter",
                 "annually": "year", "yearly": "year"}  # fmt: skip
_CADENCE_WORDS = frozenset(
    """weekly monthly quarterly annual annually yearly daily interim final first
    last""".split()  # noqa: SIM905
)
_ISSUED = re.compile(
    r"\b(?:send|sent|deliver|issu|provid|publish|submit)\w*\b(?![^.;]*\b(?:cover|summar|review"
    r"|discuss|present|consider|describ|analys|compar|includ|list|show)\w*\b)"
)
"""The issuing verb a cadence belongs to, with no other verb between them ("issued once each
quarter", not "issued in January summarises each quarter")."""
_SENTENCE_END = re.compile(r"(?<=[.;])\s+|\n")


def _breaks(low: str) -> bool:
    """True when ``_SENTENCE_END`` splits ``low``: a line end, or "." or ";" before a space
    (a few substring searches instead of trying the regex at every character)."""
    if "\n" in low:
        return True
    for mark in ".;":
        at = low.find(mark)
        while at >= 0:
            if low[at + 1 : at + 2].isspace():
                return True
            at = low.find(mark, at + 1)
    return False


def _parts(info: DocInfo, low: str) -> list[tuple[int, str]]:
    """The sentences of ``info``'s block (``low``, its text in lower case) as the further
    passes split them (after "." or ";", and at line ends), each with where it starts;
    split once per block for all passes."""
    found: list[tuple[int, str]] | None = info.memo.get("parts")
    if found is None and not _breaks(low):
        found = info.memo["parts"] = [(0, low)]
    if found is None:
        found = []
        pos = 0
        for part in _SENTENCE_END.split(low):
            start = low.find(part, pos)
            pos = start + len(part)
            found.append((start, part))
        info.memo["parts"] = found
    return found


def _cadence_conflicts(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """One named report issued at two cadences ("the service report is issued on the 5th
    working day of each month" and "the service report is issued once each quarter")."""
    seen: dict[str, tuple[str, str]] = {}
    done: set[str] = set()
    for info in ctx.infos:
        low = info.low
        if "report" not in low or len(low) != len(info.block.text):
            continue
        for start, part in _parts(info, low):
            if "report" not in part or not any(v in part for v in _REPORT_VERB):
                continue
            names = {
                " ".join(m.group(1).split())
                for m in _REPORT_NAME.finditer(part)
                if not set(m.group(1).split()) & _CADENCE_WORDS
                and not part[: m.start()].endswith("of ")  # "a draft of the service report"
            }
            cadences = {
                c.group("unit") or _CADENCE_UNIT[c.group("adv")]
                for c in _CADENCE.finditer(part)
                if _ISSUED.search(part[max(0, c.start() - 70) : c.start()])
            }
            if len(names) != 1 or len(cadences) != 1 or "" in names:
                continue
            name, cadence = names.pop(), cadences.pop()
            if _CONDITION.search(part) or _PRIORITY.search(part):
                continue
            first = seen.setdefault(name, (cadence, part))
            if first[0] != cadence and name not in done:
                done.add(name)
                c = next(_CADENCE.finditer(part))
                message = rule.message.format(
                    measure=f"{name} report frequency", other=f"each {first[0]}"
                )
                yield ctx.finding(rule, info, start + c.start(), start + c.end(), message)


_MEETING_HEADS = (
    r"(?:reviews?|meetings?|boards?|committees?|forums?|surveys?|audits?|stand-ups?|calls?"
    r"|reports?)"
)
_MEETING_BEFORE = re.compile(
    r"\b(?P<adv>weekly|fortnightly|bi-?weekly|monthly|bi-?monthly|quarterly|annual|yearly"
    r"|half-yearly|six-monthly|semi-annual)\s+(?P<name>(?:[a-z][\w-]*\s+){0,2}?"
    + _MEETING_HEADS
    + r")\b"
)
"""A meeting named with its cadence before it ("the monthly Service Review")."""
_MEETING_VERBS = (
    r"(?:held|meets?|meet|convenes?|convene|run|conducted|carried out|takes? place|take place"
    r"|scheduled|sits?|sit|issued|produced|published|sent|delivered|prepared|circulated)\s+"
)
_MEETING_AFTER = re.compile(
    r"\b(?P<name>(?:[a-z][\w-]*\s+){0,2}?"
    + _MEETING_HEADS
    + r")\b(?:\s*[:|]\s*(?:"
    + _MEETING_VERBS
    + r")?|(?:,?\s+which)?\s+(?:(?:is|are|shall|will|must|to|be|being)\s+){0,2}"
    + _MEETING_VERBS
    + r")(?P<when>(?:once|twice|three times|four times)\s+(?:a|an|each|every|per|in each)\s+"
    r"(?:calendar\s+)?(?:week|month|quarter|year)|(?:every|each|per|a|in each)\s+(?:calendar\s+)?"
    r"(?:(?:two|four|six|three|twelve|\d+)\s+)?(?:weeks?|months?|quarters?|years?)|weekly"
    r"|fortnightly|monthly|quarterly|annually|yearly|half-yearly|bi-?weekly|bi-?monthly)\b"
)
"""A meeting followed by how often it is held ("the Operations Board meets every quarter")."""
_MEETING_CUES = (
    "review", "meet", "board", "committee", "forum", "survey", "audit", "stand-up", "call",
    "report",
)  # fmt: skip
_CADENCE_HINTS = ("ly ", "ly.", "ly,", "every", "each", "once", "twice", "annual")
_CADENCE_MARKS = ("ly", "every", "each", "once", "twice", "annual")
_PERIOD_WORDS = ("month", "week", "year", "quarter", "annual", "fortnight")
"""One of which each cadence ``_MEETING_BEFORE`` and ``_MEETING_AFTER`` find holds."""
_PERIOD_MONTHS = {"week": 12 / 52, "month": 1.0, "quarter": 3.0, "year": 12.0}
_ADV_MONTHS = {
    "weekly": 12 / 52, "fortnightly": 24 / 52, "biweekly": 24 / 52, "bi-weekly": 24 / 52,
    "monthly": 1.0,
    "bimonthly": 2.0, "bi-monthly": 2.0, "quarterly": 3.0, "annual": 12.0, "annually": 12.0,
    "yearly": 12.0, "half-yearly": 6.0, "six-monthly": 6.0, "semi-annual": 6.0,
}  # fmt: skip
_TIMES = {"once": 1, "twice": 2, "three times": 3, "four times": 4}
_MEETING_SKIP = re.compile(
    r"\b(?:if|unless|until|thereafter|afterwards|first|initial|after|additional|extraordinary"
    r"|during|ad hoc|ad-hoc|at least|no less|not less|or more|more often|more frequently|otherwise"
    r"|instead|may|can|optional|example|e\.g\.|per (?:site|region|account|customer))\b"
)
"""A cadence that holds only for a while, as a minimum, or as an option."""
_MEETING_GENERIC = frozenset(
    """the a an each every its their our this that any next such all regular scheduled
    formal joint""".split()  # noqa: SIM905
)
_MEETING_NOT = frozenset(
    """to and or of for with at in on by is are be as from per""".split()  # noqa: SIM905
)


def _cadence_months(when: str) -> float:
    """The months between two sittings ("every two weeks": 24/52, "twice a year": 6); a week
    is 12/52 of a month, so "every four weeks" is not "monthly"."""
    when = " ".join(when.split())
    if when in _ADV_MONTHS:
        return _ADV_MONTHS[when]
    words = when.split()
    period = _PERIOD_MONTHS.get(words[-1].rstrip("s"), 0.0)
    if words[0] in ("once", "twice", "three", "four"):
        times = _TIMES.get(" ".join(words[:2]) if words[0] in ("three", "four") else words[0], 1)
        return period / times
    count = words[-2] if len(words) > 2 else ""
    n = _NUMBER_WORDS.get(count) or (int(count) if count.isdigit() else 1)
    return period * n


def _meeting_key(name: str) -> str:
    """The meeting a name stands for ("Service Review meeting" and "service reviews" are one)."""
    words = [w for w in name.split() if w not in _MEETING_GENERIC and w not in _ADV_MONTHS]
    if any(w in _MEETING_NOT for w in words):
        return ""
    heads = [_head(w) for w in words]
    if len(heads) > 1 and heads[-1] == "meeting" and heads[-2] in ("review", "board", "committee"):
        heads.pop()
    return " ".join(heads[-2:]) if len(heads) > 1 else ""


_MEETING_REGEXES = (_MEETING_SKIP, _PRIORITY, _MEETING_BEFORE, _MEETING_AFTER)
_MEETING_REGEXES_ASCII = tuple(_ascii(rx) for rx in _MEETING_REGEXES)


def _meeting_conflicts(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """One named meeting, review, survey or report held at two cadences ("the quarterly
    Service Review" and "discussed at the monthly Service Review"; "the Board meets weekly"
    and "the Board, which meets every two weeks"). A cadence before a name in lower case
    may be part of the name ("the monthly service report" and "the quarterly service
    report" are two reports), so two such are not compared with each other; a cadence said
    after the name ("the service report is issued quarterly") or before a Capitalised name
    ("the monthly Service Review") is the one cadence of that meeting."""
    seen: dict[str, list[tuple[float, str, tuple[int, int], bool]]] = {}
    both: set[str] = set()
    flagged: set[str] = set()
    for info in ctx.blocks_containing(_PERIOD_WORDS, lower=True):  # (the rarest cue first)
        text = info.block.text
        low = info.low
        if (
            len(low) != len(text)
            or not _has_any(low, _MEETING_CUES)  # (no sentence of the block has one)
            or not _has_any(low, _CADENCE_HINTS)
        ):
            continue
        skip, priority, before, after = _MEETING_REGEXES_ASCII if _plain(low) else _MEETING_REGEXES
        for n, (start, part) in enumerate(_parts(info, low)):
            if not (
                _has_any(part, _PERIOD_WORDS)
                and _has_any(part, _MEETING_CUES)
                and _has_any(part, _CADENCE_MARKS)
            ):
                continue
            if skip.search(part) or priority.search(part) or "outside" in part:
                continue
            found: dict[str, tuple[float, int, int, bool]] = {}
            for rx, group in ((before, "adv"), (after, "when")):
                for m in rx.finditer(part):
                    key = _meeting_key(m.group("name"))
                    months = _cadence_months(m.group(group))
                    if not key or not months:
                        continue
                    head = start + m.end("name") - len(m.group("name").split()[-1])
                    firm = group == "when" or text[head].isupper()
                    if key in found and found[key][0] != months:
                        both.add(key)  # two sittings of one body in one sentence: a list
                    found.setdefault(key, (months, m.start(group), m.end(group), firm))
            here = (info.index, n)
            for key, (months, a, b, firm) in found.items():
                if key in both:
                    continue
                earlier = seen.setdefault(key, [])
                other = next(
                    (e for e in earlier if e[0] != months and e[2] != here and (firm or e[3])),
                    None,
                )
                if other is not None and key not in flagged:
                    flagged.add(key)
                    message = rule.message.format(measure=f"{key} frequency", other=other[1])
                    yield ctx.finding(rule, info, start + a, start + b, message)
                # two sittings of each cadence from two sentences are all a later one needs
                # (one of them is from another sentence): linear in repeats of one cadence
                alike = [e for e in earlier if e[0] == months and e[3] == firm]
                if len(alike) < 2 and all(e[2] != here for e in alike):
                    earlier.append((months, part[a:b], here, firm))


_ORDINAL_WORDS = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_COUNT_WORDS = "|".join(sorted((w for w in _NUMBER_WORDS if len(w) > 2), key=len, reverse=True))
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
_THING_NOT = _EVENT_NOT_THING | frozenset(
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
    n = _ORDINALS.get(raw) or _NUMBER_WORDS.get(raw) or int(re.sub(r"\D", "", raw) or 0)
    unit = m.group("unit").rstrip("s")
    days = n * {"day": 1.0, "week": 7.0, "month": 30.4}[unit]
    kind = m.group("kind") or ""
    clock = "business" if kind in ("working", "business", "banking") else ""
    if "period" in m.groupdict():
        event = f"end of {m.group('period') or m.group('period2')}"
    else:
        event = " ".join(_head(w) for w in m.group("event").split() if w not in ("the", "each"))
    left = part[: m.start()]
    clause = max(left.rfind(";"), left.rfind("|"), left.rfind(", and "), left.rfind(" and the "))
    left = left[clause + 1 :]
    named = set(m.group().split()[-3:])  # "payment" of "the payment date" is the event
    not_things = _THING_NOT | named
    things = {_head(w) for w in _WORD.findall(left) if len(w) > 3 and w not in not_things}
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
_WINDOW_BEFORE = re.compile(r"\b(?:in|during|within|throughout|over) the\s+(?:\w+\s+)?$")
"""Before a number of days counted back from an event: a period before it ("in the five
Working Days before a Pay Date"), not a notice."""


_BEFORE_REGEXES = (_DIGIT, _BEFORE_EVENT, _AFTER_END, _BEFORE_SKIP, _PRIORITY)
_BEFORE_REGEXES_ASCII = tuple(_ascii(rx) for rx in _BEFORE_REGEXES)


def _before_conflicts(rule: Rule, ctx: Context) -> Iterator[Finding]:
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
            _BEFORE_REGEXES_ASCII if _plain(low) else _BEFORE_REGEXES
        )
        for start, part in _parts(info, low):
            before = _has_any(part, _BEFORE_WORDS)  # what ``_BEFORE_EVENT`` needs
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
            if skip.search(part) or priority.search(part) or _is_example(part):
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


_BAND = re.compile(
    r"(?:less than|lower than|below|under|falls? short of|<)\s*(?P<strict>\d{2}(?:\.\d+)?)\s*%"
    r"|(?<![\d.])(?P<low>\d{2}(?:\.\d+)?)\s*%?\s*(?:-|\u2013|to)\s*"
    r"(?P<high>\d{2}(?:\.(?P<dec>\d+))?)\s*%"
)
"""A band of a credit table: "below 99.9%" ends at 99.9; "99.5% - 99.89%" ends at 99.9."""
_BAND_ASCII = _ascii(_BAND)


_AVAILABILITY_WORD = re.compile(r"availab|up-?time")
_OTHER_BAND = re.compile(
    r"\b(?!(?:less|lower|than|below|under|above|falls?|short|from|between|and|the|monthly"
    r"|month|service|level|percentage|measured|achieved|actual|where|credit|band|tier|per"
    r"|cent|percent|but|not|equal|greater|less|higher|over|any|calendar|least|more|fewer"
    r"|for|each|total|overall|combined|minimum|guaranteed|committed|target)\b)[a-z]{3,}"
)
"""A word before a credit band other than the words of a band ("Toner level below 98%")."""


def _bands(ctx: Context) -> list[tuple[float, float, DocInfo, int, int, str]]:
    """The top band of each availability credit table (a run of table rows or bullets with
    bands, or one paragraph) as (its end, its rounding, block, start, end, its title: the
    heading and the paragraph before it)."""
    runs: list[list[tuple[float, float, DocInfo, int, int, str]]] = []
    last, last_row = -2, False
    before = ""
    for info in ctx.infos:
        low = info.low
        if "%" not in low or len(low) != len(info.block.text) or _is_example(low):
            if not info.block.is_heading:
                before = low
            continue
        found: list[tuple[float, float, DocInfo, int, int, str]] = []
        path = " ".join(info.block.location.heading_path[-1:]).lower()
        for m in (_BAND_ASCII if _plain(low) else _BAND).finditer(low):
            if m.group("strict"):
                value, tol, a, b = float(m.group("strict")), 0.0, m.start(), m.end()
            else:
                value, a, b = float(m.group("high")), m.start(), m.end()
                if value <= float(m.group("low")):
                    continue
                tol = 10.0 ** -len(m.group("dec") or "")
            if 90 <= value < 100:
                found.append((value, tol, info, a, b, f"{path} {before}"))
        if not found or "terminat" in low:
            before = low
            continue
        context = f"{before} {low} {' '.join(info.block.location.heading_path).lower()}"
        row = info.block.location.table is not None or low.lstrip()[:1] in ("|", "-", "\u2022")
        if (
            row
            and _OTHER_BAND.search(low, 0, found[0][3])
            and not _AVAILABILITY_WORD.search(low, 0, found[0][3])
        ):
            # "| Toner level below 98% | 2% |": a row of the credit table that names another
            # measure before its band is not a band of availability
            before = low
            continue
        if not row and len(found) > 1 and "credit" in context:
            # "if a single-access circuit's availability is below 99.9%, or a dual-access
            # circuit's availability is below 99.99%": each thing its own credit threshold
            cuts = [0] + [x[4] for x in found[:-1]]
            parts = [low[a : x[3]] for a, x in zip(cuts, found, strict=True)]
            if all(_AVAILABILITY_WORD.search(part) for part in parts):
                pairs = zip(found, parts, strict=True)
                runs.extend([(*x[:5], f"{path} {part}")] for x, part in pairs)
                before, last, last_row = low, -2, False
                continue
        if info.index != last + 1 or not row or not last_row:
            runs.append([])
            context_ok = "credit" in context and (
                "availab" in context or "uptime" in context or "up-time" in context
            )
            if not context_ok:
                runs[-1].append((-1.0, 0.0, info, 0, 0, ""))
        runs[-1].extend(found)
        last, last_row = info.index, row
    return [max(run, key=lambda x: x[0]) for run in runs if all(x[0] >= 0 for x in run)]


def _credit_gap(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """A committed availability with no credit band that starts at it, and a credit table
    that starts a little below it ("99.99% each month" and credits from "less than 99.95%"),
    where another table of the document starts at its own level: the document shows that
    credits start at the commitment, and one table breaks the rule. A single table that
    starts below the single level is a design (credits for material misses only), not a
    second target."""
    found, _doc = _all_statements(ctx)
    levels = [
        st for st in found
        if st.measure == "availability" and st.clock == "%" and 90 <= st.value[0] < 100
    ]  # fmt: skip
    if not levels:
        return
    tops = _bands(ctx)
    if not tops:
        return

    def covers(top: float, tol: float, level: float) -> bool:
        return abs(level - top) <= tol + 1e-9

    covered = {st.value[0] for st in levels if any(covers(t[0], t[1], st.value[0]) for t in tops)}
    if not covered:
        return  # one table below one level: credits for material misses only, a design
    for st in levels:
        level = st.value[0]
        if level in covered:
            continue
        heads = {h for _q, h in st.subjects if len(h) > 3}
        own = [t for t in tops if any(re.search(rf"\b{re.escape(h)}", t[5]) for h in heads)]
        if not own and st.row and st.table:  # "| Single-Access | 99.95% |": the row's thing
            row = r"[\s-]+".join(re.escape(w) for w in st.row.split())
            named = [t for t in tops if re.search(rf"\b{row}\b", t[5])]
        else:
            named = []
        below = [
            t for t in own or named or tops
            if 0 < level - t[0] - t[1] <= 1.0
            and (own or not any(covers(t[0], t[1], c) for c in covered))
        ]  # fmt: skip
        if below:
            _top, _tol, info, a, b, _title = max(below, key=lambda t: t[0])
            other = st.info.block.text[st.start : st.end]
            message = rule.message.format(measure="availability credit threshold", other=other)
            yield ctx.finding(rule, info, a, b, message)
            return


def _heading_conflicts(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """A heading that names a value its own section contradicts ("Four-Hour Hardware
    Replacement" over "replaced within six hours"; "99.9% Uptime Guarantee" over "available
    99.5% of each month")."""
    heads: dict[int, tuple[str, float, bool, DocInfo]] = {}
    for info in ctx.infos:
        if not info.block.is_heading:
            continue
        low = info.low
        if not (_has_any(low, _UNIT_HINTS) or "next" in low or "nbd" in low):
            continue
        found = [v for v in _values_in(low, _plain(low)) if not v.every]
        if len(found) != 1 or _PRIORITY.search(low) or _is_example(low):
            continue
        v = found[0]
        if v.pct:
            value, pct = _number(v.num or "0"), True
        elif v.nbd:
            value, pct = 1440.0 * (int(v.nbd[-1]) if v.nbd[-1].isdigit() else 1), False
        else:
            value, pct = _number(v.num or "1") * _MINUTES.get(_unit(v.unit or ""), 0), False
        measure = _heading_measure(info.block.text)
        if value and measure:
            heads[info.index] = (measure, value, pct, info)
    if not heads:
        return
    found_st, _doc = _all_statements(ctx)
    # the section of a statement is the last heading before it (two sections may share a
    # heading's words: "4-Hour Response" under Hardware and under Software)
    sections: dict[int, list[Statement]] = {}
    under = -1
    by_block = {info.index: info for info in ctx.infos}
    order = sorted(found_st, key=lambda st: st.info.index)
    latest: dict[int, int] = {}
    for index in sorted(by_block):
        if by_block[index].block.is_heading:
            under = index
        latest[index] = under
    for st in order:
        head = latest.get(st.info.index, -1)
        path = st.info.block.location.heading_path
        if (
            head in heads
            and path
            and path[-1] == heads[head][3].block.text
            and st.clock in ("%", "", "business")
        ):
            sections.setdefault(head, []).append(st)
    for head, sts in sections.items():
        measure, value, pct, info = heads[head]
        heading = info.block.text
        if any(st.priority for st in sts):
            continue
        same = [
            st for st in sts
            if (st.clock == "%") == pct and not st.conditional
            and st.measure == measure
        ]  # fmt: skip
        if len(same) != sum(
            (st.clock == "%") == pct and not st.measure.endswith("notice") for st in sts
        ):
            continue  # the section times other things too: the heading may sum them up
        if not same or len({st.value for st in same}) != 1:
            continue  # several values (per step, per site): the heading may name any
        if pct and same[0].measure != "availability":
            continue
        if any(abs(st.value[0] - value) < 1e-6 for st in same):
            continue
        st = same[0]
        message = rule.message.format(measure=st.measure.replace("-", " "), other=heading.strip())
        yield ctx.finding(rule, st.info, st.start, st.end, message)


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


def _day_term_conflicts(rule: Rule, ctx: Context) -> Iterator[Finding]:
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
            d = _DAY_SPAN.search(low, m.end(), m.end() + 40)
            if d and not _DAY_LEAD.fullmatch(low, m.end(), d.start()):
                continue
            if d is None or not (d.group(1) or d.group(4)):
                continue  # only a span ("Monday to Friday") or "weekdays" defines the days
            days = frozenset(_day_set(d))
            term = _head(m.group("term").split()[-1])
            qual = " ".join(m.group("term").lower().split()[:-1])
            key = f"{qual} {term}"
            first = seen.setdefault(key, (days, low[d.start() : d.end()], info.index))
            if first[0] != days and first[2] != info.index and key not in flagged:
                flagged.add(key)
                message = rule.message.format(measure=f"{m.group('term')} days", other=first[1])
                yield ctx.finding(rule, info, d.start(), d.end(), message)


_DONE_WITHIN = re.compile(
    r"(?:\b(?P<qual>[a-z][\w-]*)\s+)?\b(?P<noun>[a-z][\w-]*?)s?\s+(?:(?:is|are|shall|will|must"
    r"|should|to|be|being|been|get|gets)"
    r"\s+){0,2}(?P<verb>[a-z]{3,}ed)\s+within\s+"
)
"""A thing done within a time, named by its noun and verb ("Messages are routed within 15
minutes", "the percentage of messages routed within 30 minutes")."""
_DETERMINERS = frozenset(
    """the a an each every all any of which that this these""".split()  # noqa: SIM905
)


def _verb_conflicts(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """The same verb done to the same thing within two different times, for a verb that
    is none of the known measures ("each Message is routed within 15 minutes" and "the
    Messages routed within 30 minutes")."""
    seen: dict[tuple[str, str, str], tuple[float, str, int, int]] = {}
    flagged: set[tuple[str, str, str]] = set()
    for info in ctx.infos:
        low = info.low
        if "ed within" not in low or len(low) != len(info.block.text):
            continue
        for n, (start, part) in enumerate(_parts(info, low)):
            if (
                "ed within" not in part
                or _CONDITION.search(part)
                or _EXCEPT.search(part)
                or _TRIGGER.match(part)
                or _is_example(part)
                or _PRIORITY.search(part)
            ):
                continue
            for d in _DONE_WITHIN.finditer(part):
                noun, verb = d.group("noun"), d.group("verb")
                if noun in _DETERMINERS or noun in _NOT_THING or _MEASURE.search(verb):
                    continue
                q = _QTY.match(part, d.end())
                if q is None or not q.group("unit") or q.group("every"):
                    continue
                unit = _unit(q.group("unit"))
                value = _number(q.group("num") or "1") * _MINUTES.get(unit, 0)
                if not value:
                    continue
                qual = d.group("qual") or ""
                qual = "" if qual in _DETERMINERS or qual in _QUALIFIER_STOP else qual
                key = (f"{qual} {_head(noun)}", verb, (q.group("clock") or "").strip())
                first = seen.setdefault(key, (value, q.group(), info.index, n))
                if first[0] != value and first[2:] != (info.index, n) and key not in flagged:
                    flagged.add(key)
                    message = rule.message.format(measure=f"{verb} time", other=first[1])
                    yield ctx.finding(rule, info, start + q.start(), start + q.end(), message)


_MISSED_BEFORE = re.compile(
    r"\b(?:not|never|fail\w*\s+to|fails?\s+to\s+be)\s+(?:be\s+|been\s+)?(?:[a-z-]+\s+){0,6}?"
    r"(?:within|in)\s+(?:the\s+)?$"
    r"|\b(?:later than|longer than|outside|beyond|exceed\w*|more than)\s+(?:the\s+)?$"
)
"""Before a time, words that make it the point a remedy starts from ("each P2 incident not
resolved within 12 hours", "fails to answer 80% of calls within 30 seconds", "attendance
later than 6 hours")."""
_MISS_REMEDY = re.compile(r"\b(?:credit|refund|rebate|penalt|deduct|compensat|liquidated)")


def _table_header(ctx: Context, info: DocInfo) -> str:
    """The first row of the table ``info`` is a row of, in lower case ("" outside tables)."""
    i = info.index
    while i > 0 and _cells(ctx.infos[i - 1].block.text):
        i -= 1
    return ctx.infos[i].low if i != info.index else ""


def _miss_conflicts(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """A remedy for missing a time target that is counted from another time than the target
    ("Priority 2: resolved within 8 hours" and a credit for "each Priority 2 incident not
    resolved within 12 hours"): between the two the target is missed with no remedy. A
    further, worse threshold on top of one at the target ("an additional credit if not
    resolved within 24 hours", a credit table whose first row is the target) is a design."""
    found, _doc = _all_statements(ctx)
    misses: dict[tuple[str, str, float], list[Statement]] = {}
    targets: list[Statement] = []
    for st in found:
        if st.measure not in _CLOCKED or st.clock not in ("", "business"):
            continue
        if not st.conditional:
            if not st.table or "credit" not in _table_header(ctx, st.info):
                targets.append(st)
            continue
        low = st.info.low
        said = low[st.start : st.end]
        share = st.share if "%" in said else -1.0  # not a credit rate in the next cell
        last = re.search(r"(?:\d[\d.,]*|\b[a-z]+-?[a-z]*)\s*[a-z ]*$", said)
        before = low[max(0, st.start - 80) : st.start] + (said[: last.start()] if last else "")
        if share >= 0:  # "fails to answer 80% of calls within 30 seconds"
            before = re.sub(r"\d+(?:\.\d+)?\s*%\s*of\s+", "", before)
        if not _MISSED_BEFORE.search(before) or _FURTHER.search(st.context):
            continue
        if re.search(r"\bby\s+(?:more than\s+|over\s+)?$", before):
            continue  # an overrun ("missed by more than 2 hours")
        if not (
            _MISS_REMEDY.search(st.context)
            or (st.table and _MISS_REMEDY.search(_table_header(ctx, st.info)))
        ):
            continue
        misses.setdefault((st.measure, st.priority, share), []).append(st)
    for (measure, priority, share), group in misses.items():
        same = [
            t for t in targets
            if t.measure == measure
            and t.share == share
            and (not priority or t.priority == priority)
            and not (
                t.subjects and group[0].subjects and not _overlap(t.subjects, group[0].subjects)
            )
        ]  # fmt: skip
        values = {(t.clock, t.value) for t in same}
        if len(values) != 1 or any((m.clock, m.value) in values for m in group):
            continue
        first = min(group, key=lambda m: m.value)
        target = same[0]
        other = target.info.block.text[target.start : target.end]
        what = f"{measure.replace('-', ' ')} credit trigger"
        message = rule.message.format(measure=what, other=other)
        yield ctx.finding(rule, first.info, first.start, first.end, message)


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


def _date_range_conflicts(rule: Rule, ctx: Context) -> Iterator[Finding]:
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
        if not _has_any(low, _MONTH_WORDS) or len(low) != len(text) or _is_example(low):
            continue
        cells = _cells(text)
        if cells:
            header = _table_header(ctx, info)
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
            if not _PERIOD_NOUN.search(kind_text) or _EXCEPT.search(label):
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


def check_restated(rule: Rule, ctx: Context) -> list[Finding]:
    """Flag a value that contradicts the same measure stated earlier in the document: every
    pass runs (a plain conflict does not hide a cadence or a deadline conflict elsewhere), and
    a place flagged by one pass is not flagged again by another."""
    out = _compare(rule, ctx, windows=False)
    places = {(id(f.location), f.start, f.end) for f in out}
    for further in (
        _formula_conflicts,
        _cadence_conflicts,
        _unit_rate_conflicts,
        _verb_conflicts,
        _meeting_conflicts,
        _before_conflicts,
        _credit_gap,
        _heading_conflicts,
        _day_term_conflicts,
        _miss_conflicts,
        _date_range_conflicts,
    ):
        for f in further(rule, ctx):
            if (id(f.location), f.start, f.end) not in places:
                places.add((id(f.location), f.start, f.end))
                out.append(f)
    return out


_ADJ_WINDOW = re.compile(
    r"(?:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annual)"
)


_SHARED_BEFORE = re.compile(
    r"\b(?:shar|sen[dt]|report|publish|provid|e-?mail|upload|circulat|distribut|updat)\w*"
    r"(?:\s+[\w'\u2019-]+){0,4}\s+$"
)


def names_a_kind(text: str, window: str) -> bool:
    """True when ``window`` is an adjective that names a kind of thing in ``text`` rather than
    a measurement window ("weekly restore points: 8 weeks", "daily backups"), or says how
    often figures are sent ("results shared with the Customer daily"): wherever it stands,
    the next word is not a measure that has a window."""
    if not _ADJ_WINDOW.fullmatch(window.lower().strip()):
        return False
    low = text.lower()
    places = [m.end() for m in re.finditer(rf"\b{re.escape(window.lower().strip())}\b", low)]
    if not places:
        return False
    for end in places:
        start = end - len(window.strip())
        if _SHARED_BEFORE.search(low, max(0, start - 60), start):
            continue  # "results shared with the Vendor daily": how often figures are sent
        if low[end : end + 1] != " ":
            return False
        after = _find_measures(text[end + 1 : end + 40], low[end + 1 : end + 40])
        if after and after[0][0] == 0 and after[0][2] in _WINDOW_MEASURES:
            return False  # "monthly availability": the window of the measure
    return True


def check_windows(rule: Rule, ctx: Context) -> list[Finding]:
    """Flag a measure measured over a different window than where it was stated before."""
    return _compare(rule, ctx, windows=True)
