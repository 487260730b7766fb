""":func:`check_plain_days`: a provider's deadline in plain days in a document that counts its
other deadlines in business or working days."""

from __future__ import annotations

import re

from slaforge.lint.context import Context
from slaforge.lint.kinds import example_from
from slaforge.lint.model import Finding
from slaforge.lint.rules import Rule

_DAY_WORDS = {"twenty": 20, "thirty": 30}
_DAY_CLOCK = re.compile(r"\b(?:business|working|banking|trading)[ -]days?\b", re.I)
_CALENDAR_RULE = re.compile(
    r"\bdays?\b[^.;|]{0,40}\b(?:are|is|mean|means|refers? to)\b[^.;|]{0,15}\bcalendar days?\b",
    re.I,
)
"""A document that says plain days are calendar days ("references to days are to calendar
days"): its plain days are defined."""
_PLAIN_DAYS = re.compile(
    r"(?=[\dotfsen])"  # (what a figure opens with: other places are tested no further)
    r"\b(?P<num>\d{1,3}|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|fourteen|fifteen|twenty|thirty)\s*(?:\(\d{1,3}\)\s*)?days?\b(?![-\u2019'])",
    re.I,
)
_CELL_START = re.compile(r"\|\s*(?:within\s+)?$", re.I)
_SILENCE = re.compile(
    r"(?:\bnot|n't|n\u2019t|\bnever|\bfails? to|\bfailure to)\s+(?:\w+\s+){0,4}?(?:within|in)\s+$",
    re.I,
)
_LEAD_WORD = re.compile(r"\b(within|in|than|to|of)\s*$", re.I)
_DAYS_NOT_DEADLINE = re.compile(
    r"^\s*(?:['\u2019]|notice|old|ago|a (?:year|week|month)|per\b|in advance|before|prior|later"
    r"|after the end|from the end|of (?:the )?(?:end|close) of"
    r"|of (?:the )?(?:receipt of )?(?:an? |the |each )?invoice"
    r"|of (?:the )?(?:date of )?(?:the )?(?:invoice|termination|expiry))",
    re.I,
)
_PROVIDER_TASK = re.compile(
    r"\b(?:install|provision|deliver|resol|fix|repair|restor|clos|complet|implement|respon|attend"
    r"|replac|activat|port(?:s|ed|ing)?\b|rectif|turn-?around|lead[- ]time|set up|onboard|connect"
    r"|dispatch|ship|investigat|correct|remed|fulfil|process|made available|make available"
    r"|provid|send|sent|issu|publish|return)",
    re.I,
)
_NOT_SERVICE_DAYS = re.compile(
    r"\b(?:claim|credit|refund|invoice|payment|payable|paid|dispute|terminat|notice|renew|warrant"
    r"|retain|retention|kept|keep|stor(?:e|ed|age)|delet|purg|archiv|trial|probation)\w*"
    r"|\b(?:the customer|the client|you|customer)\s+(?:must|shall|will|should|may|can|need)",
    re.I,
)
"""Sentences whose days are not a service level: claim and payment windows, notice and
retention periods, the customer's own duties."""


def check_plain_days(rule: Rule, ctx: Context) -> list[Finding]:
    """A provider's deadline in plain days ("installed within 5 days of acceptance", "| Closure
    | 15 days |") in a document that counts its other deadlines in business or working days:
    calendar or working days is left open. A document that says its days are calendar days,
    or that never uses business days, has no such doubt."""
    clocks = ctx.blocks_containing(("business day", "working day"), lower=True)
    if sum(len(_DAY_CLOCK.findall(i.block.text)) for i in clocks[:3]) < 2:
        return []
    candidates = ctx.blocks_containing((" day",), lower=True)
    if not candidates:
        return []
    # (tested in the few blocks with a day: a search of the document per word costs more)
    candidates = [i for i in candidates if any(w in i.low for w in ("within", "|", "later than"))]
    if not candidates:
        return []
    if any(_CALENDAR_RULE.search(i.block.text) for i in ctx.blocks_containing(("calendar",), True)):
        return []
    out: list[Finding] = []
    for info in candidates:
        text = info.block.text
        if info.block.is_heading or example_from(info) is not None:
            continue
        bars = text.count("|")
        header = None
        for m in _PLAIN_DAYS.finditer(text):
            before = text[max(0, m.start() - 20) : m.start("num")]
            after = text[m.end() : m.end() + 40]
            led = _LEAD_WORD.search(before)
            lead = led.group(1).lower() if led else ""
            cell = bars and _CELL_START.search(before)
            if re.search(r"\b(?:business|working|calendar|banking|trading|clear|consecutive)\s*$",
                         before, re.I):  # fmt: skip
                continue
            if not (lead == "within" or (lead == "in" and bars) or cell
                    or re.search(r"\bno later than\s*$", before, re.I)):  # fmt: skip
                continue
            if _DAYS_NOT_DEADLINE.match(after) or _DAY_CLOCK.match(text, m.start("num")):
                continue
            if _SILENCE.search(text, max(0, m.start() - 50), m.start("num")):
                continue  # "if you don't answer within 7 days we close it": the other's silence
            s0 = max(text.rfind(". ", 0, m.start()), text.rfind("; ", 0, m.start())) + 1
            s1 = min(x for x in (text.find(". ", m.end()), len(text)) if x >= 0)
            sentence = text[s0:s1]
            if _NOT_SERVICE_DAYS.search(sentence):
                continue
            if bars and header is None:  # the first row of the table names its columns
                j = info.index
                while (
                    j > 0
                    and not ctx.infos[j].block.opens_table
                    and "|" in ctx.infos[j - 1].block.text
                ):
                    j -= 1
                header = ctx.infos[j] if j != info.index else None
            context = sentence + (" " + header.block.text if header is not None else "")
            if not _PROVIDER_TASK.search(context):
                continue
            num = m.group("num").lower()
            if (int(num) if num.isdigit() else _DAY_WORDS.get(num, 0)) > 21:
                continue  # 30, 90, 120 days: a month-like period, read as calendar days
            start = m.start("num")
            message = rule.message.format(target=text[start : m.end()])
            out.append(ctx.finding(rule, info, start, m.end(), message))
    return out
