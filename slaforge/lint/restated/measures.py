"""The measure words: ``MEASURE`` finds the words of every measure in ``_MEASURES`` ("attendance":
"attend…", "on site", "arrive…") and ``find_measures`` names the measure of each (a report noun with
its verb is one word; a word that is part of a name is none); the sets of measures whose value is a
share, a time, a percentile or has a window; and ``REPORT_NAME``, a report named by its kind."""

from __future__ import annotations

import functools
import re

from slaforge.lint.restated.regex import alternatives, ascii_regex, factor

_MEASURES: tuple[tuple[str, str], ...] = (
    ("answer", r"speed of answer|\basa\b|answer(?:ed|ing|s)?\b|pick(?:ed)? up"),
    ("abandonment", r"abandon\w*"),
    ("availability", r"availab\w*|up-?time"),
    (
        "response",
        r"respon(?:d|ds|se|ses|ded|ding)\b|repl(?:y|ies|ied)\b|acknowledg\w*"
        r"|gets? back to (?:you|the customer|the client|them)\b",
    ),
    ("first-time-fix", r"first[- ]time fix\w*|ftf\b"),
    ("first-contact-resolution", r"first[- ](?:call|contact|line|time)[- ]resolution|fcr\b|flr\b"),
    ("satisfaction", r"satisf\w*|csat\b|nps\b|net promoter"),
    (
        "score",
        r"scor(?:e|es|ed|ing)\b|audit (?:results?|ratings?|marks?|grades?)\b"
        r"|inspection (?:results?|ratings?|marks?|grades?)\b|quality (?:ratings?|marks?|grades?)\b",
    ),
    ("error-rate", r"error rates?|failure rates?|defect rates?"),
    ("accuracy", r"accura(?:cy|te)\b"),
    ("fulfilment", r"fulfil\w*"),
    ("recovery-point", r"restore points?"),
    (
        "resolution",
        r"resol\w*|\bfix(?:ed|es)?\b|restor\w*|repair\w*|remed(?:y|ied)\b|\bmttr\b"
        r"|rectif\w*|clear(?:ed|ance)\b|clear[- ]times?\b|time to clear\b",
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
    ("post-incident-review", r"post[- ]incident reviews?\b"),
    ("report", r"reports?\b"),
    ("goods-in", r"inbound deliver\w*|goods[- ]in\b"),
    ("put-away", r"put[- ]?away\b"),
    ("delivery", r"deliver\w*|d[ei]spatch\w*|\bdifot\b|\botif\b"),
)


MEASURE = re.compile(r"\b(?:" + factor([p for _, rx in _MEASURES for p in alternatives(rx)]) + ")")
"""Every measure word, in lower-case text (no groups, no IGNORECASE, factored by first
letter: about ten times faster than the plain alternation)."""
_MEASURE_ASCII = ascii_regex(MEASURE)
_EACH_MEASURE = [(name, re.compile(rx)) for name, rx in _MEASURES]


@functools.lru_cache(maxsize=4096)
def _measure_name(word: str) -> str:
    """The measure a match of ``MEASURE`` names (the first alternative that matches it)."""
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
REPORT_VERB = ("send", "sent", "deliver", "issue", "provid", "publish", "submit")
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
        or any(w.startswith(REPORT_VERB) for w in low[max(0, start - 60) : start].split()[-6:])
        or _REPORT_DONE.match(low, end)
    ):
        return "report"
    return None


def find_measures(text: str, low: str, plain: bool = False) -> list[tuple[int, int, str, str]]:
    """The measure words of ``text`` (``low`` is it in lower case, ``plain`` when ``is_plain``) as
    (start, end, measure, word); a report with its verb ("report is delivered", "deliver the
    report") is one."""
    out: list[tuple[int, int, str, str]] = []
    for m in (_MEASURE_ASCII if plain else MEASURE).finditer(low):
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
        if name == "attendance" and word.startswith("attend") and _MEETING.match(low, end):
            continue  # "attend any review meeting": a meeting, not an engineer's attendance
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
_MEETING = re.compile(
    r"(?: (?!(?:to|at|on|within|by|site)\b)[\w-]+){0,4}? (?:meetings?|reviews?|conferences?"
    r"|sessions?|hearings?|workshops?|forums?|briefings?)(?![\w-])"
)
_DONE_ON_SITE = re.compile(
    r"\b(?!(?:requir|need|station|locat|bas|attend|present)ed\b)[a-z]{3,}ed\s+$"
    r"|\b(?:out|done|kept|held|made|taken|undertaken|written|stored)\s+$"
)
"""A task's verb right before "on site" ("shredded on site", "carried out on site"): the
place where the task is done, not an engineer's attendance."""

SHARE_ONLY = frozenset(
    {"availability", "abandonment", "packet-loss", "first-contact-resolution", "satisfaction",
     "error-rate", "first-time-fix", "score", "accuracy"}
)  # fmt: skip
"""Measures whose value is a percentage: a duration near them is a threshold or a sample."""
LOWER_BETTER_SHARE = frozenset({"abandonment", "packet-loss", "error-rate"})
CLOCKED = frozenset(
    {"answer", "response", "resolution", "mean-resolution", "attendance", "make-safe", "triage",
     "lead-time", "escalation",
     "turnaround",
     "provisioning", "follow-up", "fulfilment", "notification"}
)  # fmt: skip
"""Measures whose value is a time; a percentage with them is the share of cases that meet it."""


_NAME_AFTER = re.compile(
    r"\s+(?:Division|Department|Team|Unit|Office|Group|Centre|Center|Manager|Officer|Board)\b"
)
"""A measure word that is part of a name ("the Claims Division")."""

PERCENTILED = frozenset({"latency", "handle-time", "jitter"})
"""Measures whose time may be a percentile ("95% of requests within 300 ms")."""

WINDOW_MEASURES = frozenset(
    {"availability", "abandonment", "packet-loss", "first-time-fix", "answer", "delivery",
     "latency", "jitter", "response", "resolution", "attendance", "handle-time"}
)  # fmt: skip


REPORT_NAME = re.compile(
    r"\b(?:the|its|this|our|a|an)\s+((?:[a-z][\w-]*\s+){0,2}?)reports?\b(?!\s+(?:about|of)\b|\s+on\s+(?!the\s+\d))"
)
"""A report named by its kind ("the service report"); "the monthly report" names its
cadence in its name and is another report than "the quarterly report"."""
