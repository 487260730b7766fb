"""The words around a value that make it no target or change what it times, as the regexes and word
lists ``value_statements`` tests: thresholds and bounds ("below", "more than"), caps, tolerances,
overruns, intervals, recurrences, references to the agreed figure, notices, downtime allowances,
deadlines before a dated event, sizes of cases, credit rates and percentiles; ``guarded`` tests the
words right before a value, and ``maybe`` searches a regex only when a word it needs (``_NEEDS``) is
there."""

from __future__ import annotations

import re

from slaforge.lint.restated.regex import has_any

DELETION = re.compile(r"delet|purg", re.I)
NOT_RETENTION = re.compile(
    r"\bterminat\w*|\bexpir\w*|\bexit\b|\bcancel\w*|\brequest\w*|\bend of (?:the |this )?"
    r"(?:agreement|contract|term)",
    re.I,
)
"""Deleting data at the end of the contract or on request is not its retention period."""

AHEAD = re.compile(
    r"^\s*(?:ahead|in advance|before|beforehand|prior)\b|^['\u2019]?\s*(?:\w+\s+)?notice", re.I
)
CAP = re.compile(r"(?:\bcap(?:ped)?|\bup to|\bmaximum|\bmax\.?|\blimit(?:ed)?|\bnot exceed"
                  r"|\bexceed|\btotal)\W+(?:\w+\W+){0,5}$", re.I)  # fmt: skip
CAP_NOUN = re.compile(
    r"\b(?:maximum|max\.?|cap|ceiling|aggregate|overall)\b(?:\W+\w+){0,3}?\W+credit\w*\b[^.;%]{0,40}$"
    r"|\b(?:no|not(?: be)?) (?:more|greater|higher) than\s*$",
    re.I,
)
"""A cap on credits named before the value ("the maximum service credit payable in a month
is 25%", "credits will not be more than 15%")."""
CAP_LABEL = re.compile(r"\b(?:maximum|max\.?|cap|capped|ceiling|limit|aggregate)\b")
BACKUP = re.compile(r"\bback(?:ed)?[- ]?up|\bbackups?\b", re.I)
BACKUP_KIND = re.compile(r"\b(?:full|incremental|differential|transaction|log|snapshot)")
NOT_TAKING = re.compile(
    r"\b(?:test\w*|restor\w*|verif\w*|review\w*|audit\w*|check\w*|report\w*|replicat\w*"
    r"|cop(?:y|ied|ies) (?:off|to)|rotat\w*|purg\w*|delet\w*)",
    re.I,
)
"""Other things done to backups every so often (tested, restored, rotated)."""
TIMES_100 = re.compile(r"[x\u00d7*/)]\s*$|^\s*[x\u00d7*/)]|\bmultipl|\btimes\b")
NOT_BINDING = re.compile(
    r"\b(?:typically|usually|generally|in most cases|often)\b[^.;]*$"
    r"|\b(?:clause|section|paragraph|schedule|provision|table)s?\s+[\w.()]+\s+(?:is|are|shall be"
    r"|has been|have been)\s+(?:deleted|struck out|superseded|revoked|replaced in (?:its|their)"
    r" entirety)\b",
    re.I,
)
"""A value that is not a second commitment: a typical figure ("typically resolved within 2
hours") or the new text of a clause said to be deleted ("clause 3 is deleted and replaced
by ...")."""
DELETED_ITEMS = re.compile(r"delet|recycl|trash|\bbin\b|remov|purg", re.I)
"""Items deleted in the last days, kept in a recycle bin: not how far backups reach."""
KEPT_POINTS = re.compile(
    r"\b(?:keeps?|kept|retain\w*|stor(?:e|es|ed)|hold|holds|held)\b[^.;:|]{0,80}?"
    r"\b(?:recovery points?|snapshots?|restore points?)\b[^.;:|]{0,50}?\bfor\s*$",
    re.I,
)
"""Before a time, recovery points kept for it ("keeps daily recovery points for 30 days"): how
long they are kept, not how much data may be lost."""
POINT_CLASS = re.compile(
    r"\b(hourly|daily|nightly|weekly|monthly|yearly|annual)\b|\b(month|year)-end\b"
    r"|\b(?:one |a )?[a-z ]{0,20}\bper (day|week|month|year)\b"
    r"|\bof (?:each|every) (?:calendar )?(month|week|year)\b"
)
"""How often a class of recovery point is taken ("daily", "month-end", "one … per day", "the
last daily point of each calendar month")."""
REACH_BEFORE = re.compile(r"\b(?:last|previous|past|preceding|prior)\s*$", re.I)
REACH_AFTER = re.compile(r"\s*(?:old|ago|back)\b", re.I)
"""How far back a restore reaches ("restore from any backup taken in the last 30 days",
"backups up to 90 days old")."""
RECUR = re.compile(
    r"\b(?:no (?:further|repeat|return|second|follow-up)|(?:not|never) (?:recur|re-?open|return"
    r"|re-?occur)|without (?:a |any )?(?:further|repeat|return|recurrence|re-?open))\w*\b[^.;]*$"
)
"""A fix defined by what does not happen after it ("no further visit is needed within 14
days", "the fault does not recur within 7 days"): the window is not a time to fix."""

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


def bounded(tail: str) -> bool:
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


UPPER = re.compile(
    r"(?:\bbelow|\bunder|\bless than|\bfewer than|\bno more than|\bnot more than|[<\u2264=])\s*$"
    r"|\bSLA\s*[:=]?\s*$",
    re.I,
)
"""An upper bound: for a time or a loss rate it states the target ("latency below 40 ms")."""
REMEDY = re.compile(
    r"\b(?:credit\w*|refund\w*|rebate\w*|terminat\w*|breach\w*|penalt\w*|fail\w*|miss\w*|late"
    r"|exceed\w*|if|where)\b",
    re.I,
)
REFERENCE_BEFORE = re.compile(
    r"\bthe\s+(?:(?:committed|agreed|booked|contracted|guaranteed|permitted|allowed|stated"
    r"|promised|target|required|maximum|minimum)\s+)?$",
    re.I,
)
REFERENCE_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:target|commitment|service level|sla|allowance|cap|slot|window"
    r"|permitted|allowed|agreed|committed|guaranteed|set out|stated|specified|promised"
    r"|in (?:clause|section|\u00a7|schedule|paragraph|annex))\b",
    re.I,
)
COMMITTED_WORD = re.compile(
    r"\b(?:committed|agreed|booked|contracted|guaranteed|permitted|promised)\s+$", re.I
)
"""A value named as the agreed one ("beyond the 4 hours permitted in § 6", "below the committed
99.9 %", "outside the booked 4-hour slot"): a restatement of the target, not a threshold."""
FREQUENCY = re.compile(r"\b(?:every|each|any|per|previous|last|past|rolling|first|next)\s*$", re.I)
COMMITTED = re.compile(
    r"\b(?:commit\w*|target|guarantee\w*|agreed|service level|sla|kpi|ola|objective)\b", re.I
)

AT_OR = re.compile(r"\bat or (?:above|below|under|over)\s*$", re.I)
""""at or above 90%" states a target, not a threshold."""
FLOOR = re.compile(r"\bno(?:t)? (?:less|fewer|lower) than\s*$|\bnot (?:below|under)\s*$", re.I)
""""not less than 99.5%" states a share's target, not a threshold."""
BREACH = re.compile(r"\bbreach\w*|\bfail\w* to (?:meet|achieve)|\bmiss\w* the", re.I)
"""After a threshold, words that make it the target itself ("below 99.9% is a breach")."""

TIER = re.compile(
    r"(?:\bbelow|\bunder|\bless than|\babove|\bbetween|[<>\u2264\u2265])\s*(?:the\s+)?"
    r"\d(?!\d?:\d\d)(?![\d.]*\s*(?:%|percent|per cent)\s*of\b)"
    r"|\b(?:more than|up to)\s+\d[\d.]*\s*(?:%|percent|per cent|percentage points?)"
    r"(?!\s*of\b)",
    re.I,
)
"""A threshold in the sentence: the credit stated with it is one tier of a table ("more
than" and "up to" only before a share: "more than 0.5 percentage points | 5%")."""

MONTH_END = re.compile(
    r"^\s*(?:after|of|following|from)\s+(?:the\s+)?(?:end|close)\s+of\s+(?:each|the|every|a|that"
    r"|any)\s+(?:calendar\s+)?month\b",
    re.I,
)
"""A number of days counted from the end of the month: a deadline within the next month."""

CELL_SHARE = re.compile(
    r"[^|;]*\|\s*(?i:at least\s+|min(?:imum)?\.?\s+|no (?:fewer|less) than\s+)?(\d+(?:\.\d+)?)\s*%"
)
"""After a time in a table row: the share of cases it applies to, in the next cell."""
CREDIT_CELL = re.compile(
    r"\s*(?:of\s+(?:the\s+|its\s+|that\s+|their\s+)?(?:[\w'\u2019-]+\s+){0,3}?(?:charges?|fees?"
    r"|price|invoice|rental|bill|revenue)\b|(?:service\s+)?credit)",
    re.I,
)
"""After a percentage in the next cell: a credit rate ("5% of the Monthly Charges"), not a share
of cases."""

_TOLERANCE = re.compile(r"(?:plus or minus|give or take|\u00b1|\+/-|\+ or -)\s*$", re.I)
TOLD = re.compile(
    r"\b(?i:notif(?:y|ies)|tells?|informs?|alerts?|advises?|warns?)\s+"
    r"(?:(?i:the|its|each|every|all|any|affected)|[A-Z]\w+)\b"
    r"(?:(?!\b(?:and|then|but)\b)[^.;:,]){0,60}$",
)
"""A notification verb before a value, in its clause (no comma, "and" or "then" between): the
value is when the customer is told."""

AWARE_AFTER = re.compile(
    r"^\s*(?:of|after|from|following)\s+(?:the\s+|its\s+|their\s+)?(?:provider's\s+|supplier's\s+)?"
    r"(?:confirm\w*|detect\w*|becom\w* aware|aware\w*|identif\w*|discover\w*|verif\w*)",
    re.I,
)
"""A notification deadline counted from when the provider knows ("within 30 minutes of
confirming the incident", "within 24 hours of becoming aware")."""
ALLOWANCE = re.compile(r"\b(?:maximum|max\.?|allow\w*|permitted|cap\w*|budget)\b", re.I)
OF_DOWNTIME = re.compile(r"^\s*(?:of\s+)?(?:unplanned\s+|unscheduled\s+)?down-?time", re.I)
PLANNED = re.compile(r"\b(?:planned|scheduled|maintenance)\b", re.I)
GRANULE = re.compile(
    r"^\s*(?:[\w-]+\s+)?(?:intervals?|increments?|samples?|blocks?|checks?|polls?|polling"
    r"|granularity|buckets?)\b",
    re.I,
)

BEFORE_DATE = re.compile(
    r"^\s*(?:before|prior to|ahead of|in advance of)\s+(?:the\s+|each\s+|every\s+|its\s+"
    r"|their\s+|any\s+|a\s+)?(?:[a-z]+\s+)?([a-z]+)[- ]?(?:date|day)s?\b"
)
DATE_MINUS = re.compile(r"\b([a-z]+)[- ]?(?:date|day)\s+(?:minus|less)\s*$")
"""A time before a dated event ("3 days before the pay date", "pay-date minus 2 days"): the
event, not the verb, names what is timed."""
EVENT_NOT_THING = frozenset(
    """that this with from than each every their before after days working calendar business
    banking least later within will shall must available availability delivers deliver
    delivered sends send sent issue issues issued publish publishes published publication
    provide provides provided make makes made give gives given submit submits submitted
    upload uploads uploaded release released releases service level table timetable
    schedule summary date dates minus less time times local noon midday midnight""".split()  # noqa: SIM905
)
SHARE_NUM = re.compile(r"\d+(?:\.\d+)?")
RANGE_FROM = re.compile(r"^\s*(?:to|-|\u2013|and)\s*(?:below|under|less than|<)?\s*\d", re.I)
"""A value that opens a range ("99.8 % to below 99.9 %"): one tier of a table."""
RANGE_TO = re.compile(r"\d\s*%\s*(?:to|-|\u2013)\s*(?:below|under|less than|<)?\s*$", re.I)
"""A value that closes a range of shares in a table row ("| 99.95% to 99.9% | 5% |"): the
same tier."""


def may_match(rx: re.Pattern[str], text: str, low: str) -> bool:
    """False when ``rx`` cannot match in ``text``: ``low`` (``text`` in lower case) holds
    none of the words the regex needs (``_NEEDS``). A few substring tests cost less than a
    regex scan. Text that is not ASCII is always tried: IGNORECASE also matches "i" to the
    dotless i, "s" to the long s and "k" to the Kelvin sign."""
    return has_any(low, _NEEDS[rx.pattern]) or not text.isascii()


def maybe(rx: re.Pattern[str], text: str, low: str) -> bool:
    """``rx.search(text)``, tried only when ``may_match``."""
    return may_match(rx, text, low) and rx.search(text) is not None


def guarded(before: str, low: str, start: int, is_pct: bool) -> bool:
    """True when the words just before a value say it is no target (``before`` is the
    sentence up to it, ``low`` the sentence in lower case)."""
    if maybe(_TOLERANCE, before[-25:], low[max(0, start - 25) : start]):
        return True  # "at the booked time, plus or minus 15 minutes": a tolerance
    if is_pct:
        return False
    return (
        # "the target is missed by more than 8 hours": how late
        maybe(_OVERRUN, before[-40:], low[max(0, start - 40) : start])
        # "missed more than three times within twelve months": where misses count
        or maybe(_COUNTED, before[-40:], low[max(0, start - 40) : start])
        # "recording at intervals of no more than 5 minutes": how often
        or maybe(_INTERVAL_OF, before[-50:], low[max(0, start - 50) : start])
        # "the standard turnaround plus 3 Working Days": an addition
        or maybe(_PLUS, before[-12:], low[max(0, start - 12) : start])
    )


WRITTEN = re.compile(
    r"\b(?:tickets?|e-?mails?|quer(?:y|ies)|requests?|cases?|enquir(?:y|ies)|web ?forms?|issues?)\b"
)
SPOKEN = re.compile(r"\b(?:calls?|phones?|telephone|chats?|callers?|voice|rings?)\b")
"""A ticket or an e-mail is answered by a reply (a response time); a call or a chat is answered
when picked up (a speed of answer)."""
_OVERRUN = re.compile(
    r"\b(?:miss\w*|exceed\w*|overr[au]n\w*|late|delayed|breach\w*|overshoot\w*|overdue)\s+by\s+"
    r"(?:more than\s+|over\s+|at least\s+|up to\s+|longer than\s+)?$",
    re.I,
)
"""How far a target is missed ("Restoration target missed by more than 8 hours")."""
LENGTH_OF = re.compile(r"\s*(?:calendar\s+|rolling\s+|billing\s+)?(?:month|period|year|cycle)\b")
"""After a value like "30-day", the period it gives the length of."""
_PLUS = re.compile(r"\bplus\s+(?:a\s+further\s+|an?\s+(?:extra|additional)\s+)?$", re.I)
SLASH_PAIR = re.compile(r"\d(?:\.\d+)?\s*(?:%|[a-z]+)?\s*/\s*$")
"""Before a value, another one and a slash: values for two cases side by side ("35 / 40
minutes", "99.9% / 99.5%", "12 hours / 24 hours")."""
SLASH_NEXT = re.compile(
    r"\s*/\s*\d+(?:\.\d+)?\s*(?:%|(?:working |business )?(?:minutes?|mins?|hours?|hrs?|days?"
    r"|weeks?|months?|seconds?|secs?)\b)"
)
"""After a value, a slash and another one: the first of two values side by side."""
A_DAY = re.compile(r"\s+(?:a|per|each)\s+day\b", re.I)
ALL_DAY_SERVICE = re.compile(
    r"\s+(?:on[- ]call|cover(?:age)?|service|support|help ?desk|desk|line|monitoring|staffing"
    r"|operation|access|security|manned|staffed)\b",
    re.I,
)
"""After "24-hour": a service that runs all day ("a 24-hour on-call engineer"), not a limit."""
_INTERVAL_OF = re.compile(
    r"\b(?:intervals?|frequency)\s+of\s+(?:(?:no|not)\s+(?:more|longer)\s+than\s+|at\s+most\s+"
    r"|up\s+to\s+)?$",
    re.I,
)
NOT_LIMIT = re.compile(
    r"\b(?:budget|equivalent|equals?|roughly|approximately|about|around|i\.e\.|allow\w*"
    r"|per|each|every|rolling|intervals?)\W+(?:of\s+|to\s+)?(?:\w+\s+)?$",
    re.I,
)
"""Words before a time that is no time limit of a share: an allowance the share works out to
("giving an error budget of roughly 20 minutes"), or a window ("per 28 days")."""
CASES_GIVEN = re.compile(
    r"(?:\d%|\bper ?cent|\ball|\bonly) (?:of )?(?:the |those |any )?(?:[\w-]+ ){0,3}?[\w-]+s"
    r" (?:(?:that|which|who) (?:are|were|have been) )?(?:notified|requested|booked|ordered|raised"
    r"|submitted|received|logged|scheduled|announced|placed)\s+(?:at least\s+|no later than\s+"
    r"|not less than\s+)?$",
    re.I,
)
"""A share of the cases given some notice ("98% of joiners notified 5 days ahead", "all
requests submitted at least 3 days in advance"): the notice says which cases count."""
DELIVERABLE = re.compile(
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
DURATION_BEFORE = re.compile(
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
SIZE_CASE = re.compile(
    r"\b(?:more than|over|above|exceeding|in excess of|up to|fewer than|less than|at least"
    r"|at most|under|between)\s+\d[\d,]*(?:\s+(?:and|to)\s+\d[\d,]*)?\s+(?!(?:ms|milli\w*|sec\w*"
    r"|min\w*|hours?|hrs?|days?|weeks?|months?|years?|business|working|calendar|banking|percent"
    r"|per\b|%))[a-z]+"
)
"""A size that names some of the cases ("orders of more than 50 connections", "bulk ports of
up to 500 numbers"): the value is for those cases, not for every case."""
SIZE_WORDS = ("more than", "over", "above", "exceeding", "in excess of", "up to", "fewer than",
               "less than", "at least", "at most", "under", "between")  # fmt: skip
_NEEDS: dict[str, tuple[str, ...]] = {
    _TOLERANCE.pattern: ("plu", "ve or ta", "\u00b1", "+/-", "+ or -"),
    _OVERRUN.pattern: ("by",),
    _INTERVAL_OF.pattern: ("nterval", "frequency"),
    _PLUS.pattern: ("plu",),
    _COUNTED.pattern: ("once", "twice", "thrice", "times", "occasion"),
    TOLD.pattern: ("notif", "tell", "inform", "alert", "advise", "warn"),
    DURATION_BEFORE.pattern: ("for", "last", "persist"),
    CAP_NOUN.pattern: ("credit", "than"),
    TIER.pattern: ("below", "under", "less than", "above", "between", "<", ">", "\u2264",
                    "\u2265", "more than", "up to"),
    NOT_BINDING.pattern: ("typ", "ually", "generally", "t ca", "often", "deleted", "truc", "uper",
                           "revo", "replaced"),
}  # fmt: skip
"""For ``maybe``: words (lower case) one of which each match holds, by the regex's pattern (a
compiled regex hashes its whole program on every dict lookup)."""
GUARD_NEEDS = tuple(
    dict.fromkeys(
        word
        for rx in (_TOLERANCE, _OVERRUN, _COUNTED, _INTERVAL_OF, _PLUS)
        for word in _NEEDS[rx.pattern]
    )
)
"""The words ``guarded``'s regexes need: one substring test skips all five."""


CREDIT_RATE_AFTER = re.compile(
    r"\s*(?:of|off)\s+(?:the\s+|its\s+|their\s+|that\s+)?(?:\w+\s+){0,2}?(?:charges?|fees?|rental"
    r"|price|invoice|subscription|spend|bill)\b|\s+(?:credit|refund|rebate|reduction)"
)
"""After a percentage, words that make it a credit rate ("5% of the monthly charge")."""

PERCENTILE = re.compile(r"\bp(\d{2}(?:\.\d+)?)\b|\b(\d{2}(?:\.\d+)?)(?:th|st|nd|rd)? percentile\b")

WINDOW_BEFORE = re.compile(r"\b(?:in|during|within|throughout|over) the\s+(?:\w+\s+)?$")
"""Before a number of days counted back from an event: a period before it ("in the five
Working Days before a Pay Date"), not a notice."""
