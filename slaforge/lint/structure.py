"""Document-structure rule kinds: placeholders, defined terms, cross-references, numbering,
and required sections (found by heading or by content)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo
from slaforge.lint.model import Finding
from slaforge.lint.rules import Rule

_PLACEHOLDER = re.compile(
    r"\[\s*(?:TBD|TBC|TBA|•|·|\*|\.{2,}|…|_+|X+|x+|\?+|(?i:insert|enter|specify)[^\]]*"
    r"|[A-Z][A-Z _]{2,}[A-Z]|\s*)\s*\]"
    r"|_{3,}|\{\{.*?\}\}|\{%.*?%\}|<<[^<>]*>>|\bTBD\b|\bTBC\b|\bTBA\b|\bXX+\b|\?\?\?"
    r"|<(?i:insert|customer|provider|supplier|name|date|amount)[^<>]{0,40}>"
    r"|[(\[](?:CONFIRM|CHECK|TO CONFIRM|TO BE CONFIRMED|TODO|NOTE TO DRAFT|DRAFTING NOTE)\b"
    r"[^)\]]*[)\]]"
    r"|\bTODO\b"
)
_QUOTED_DEF = re.compile(
    r"[\u201c\"']([A-Z][\w\u2019'\-]*(?:\s+[\w\u2019'\-]+){0,5})[\u201d\"']\s*(?:\)\s*)?"
    r"(?:means|shall mean|has the meaning|refers to|is defined as|:)"
)
_PAREN_DEF = re.compile(
    r"\((?:the\s+|each\s+a\s+|a\s+)?[\u201c\"]([A-Z][^\u201d\"]{1,60})[\u201d\"]\)"
)
_LEAD_DEF = re.compile(
    r"\s*(?:[-•*]\s*)?([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,5})\s*(?::\s|\s+means\b|\s+shall mean\b)"
)
_TERM_USE = re.compile(r"\b([A-Z][a-z]+(?:[ \-][A-Z][a-z]+){1,4})\b")
_NOT_TERMS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "the",
        "this",
        "that",
        "these",
        "those",
        "if",
        "in",
        "for",
        "each",
        "any",
        "all",
        "no",
        "an",
        "a",
        "to",
        "of",
        "by",
        "on",
        "at",
        "where",
        "when",
        "upon",
        "unless",
        "subject",
        "except",
        "service",
        "level",
        "agreement",
    ]
)
_TERM_HEADS = frozenset(
    [
        "time",
        "times",
        "period",
        "periods",
        "hours",
        "hour",
        "day",
        "days",
        "downtime",
        "window",
        "windows",
        "credit",
        "credits",
        "service",
        "services",
        "level",
        "levels",
        "percentage",
        "fee",
        "fees",
        "minutes",
        "minute",
        "request",
        "requests",
        "incident",
        "incidents",
        "error",
        "errors",
        "event",
        "events",
        "month",
        "support",
        "maintenance",
        "availability",
        "uptime",
        "response",
        "resolution",
        "date",
        "channel",
        "plan",
        "agreement",
        "term",
        "data",
        "portal",
        "desk",
        "priority",
        "severity",
        "rate",
        "outage",
        "outages",
        "interval",
        "intervals",
        "target",
        "targets",
        "commitment",
        "schedule",
        "exclusions",
        "failure",
        "failures",
        "system",
        "platform",
        "objective",
        "objectives",
        "report",
    ]
)
_ZONES = frozenset(
    [
        "european",
        "standard",
        "daylight",
        "eastern",
        "pacific",
        "central",
        "mountain",
        "universal",
        "mean",
        "summer",
    ]
)
_NAME_OF = re.compile(r"\b[A-Z][a-z]+ of (?:the )?$")
"""The end of "Head of", "Bank of the": the words after it are part of a job title or a name."""
_ORG_END = re.compile(r"\b(?:Ltd|Limited|Inc|LLC|GmbH|AG|SA|Corp|Corporation|Plc|PLC)\b")
_REF = re.compile(
    r"\b(?:clause|section|paragraph|schedule|annex|appendix)s?\s+(\d+(?:\.\d+)*)(?![\d.]*\s*%)",
    re.IGNORECASE,
)
_LEAD_NUM = re.compile(
    r"^\s*(?:#+\s*)?(?:(?:clause|section)\s+)?(\d+(?:\.\d+)*)[.)]?\s+\S", re.IGNORECASE
)


_HEADING_LINE = re.compile(
    r"^\s*(?:(?i:clause|section|schedule|annex|appendix|part)\s+)?"
    r"(?:\d+(?:\.\d+)*|[A-Z]|[IVXLC]+)[.)]?[\t ]+([^.;:!?]{1,100}?)(?:\t+\d+)?\s*$"
)
_MINOR_WORDS = frozenset("a an and or of the to for in on by with at".split())  # noqa: SIM905


def _heading_line(text: str) -> bool:
    """True for a numbered heading written as a plain paragraph, such as a table-of-contents
    entry (``13``, a tab, ``Dispute Resolution``): every word capitalised, no sentence."""
    if len(text) > 140:
        return False
    m = _HEADING_LINE.match(text)
    if not m:
        return False
    words = m.group(1).split()
    return 0 < len(words) <= 10 and all(w[0].isupper() or w in _MINOR_WORDS for w in words)


def _singular(term: str) -> str:
    return term[:-1] if term.endswith("s") and not term.endswith("ss") else term


def _definitions(ctx: Context) -> dict[str, tuple[DocInfo, int, int]]:
    found: dict[str, tuple[DocInfo, int, int]] = {}
    for info in ctx.infos:
        text = info.block.text
        if info.block.is_heading:
            continue
        matches = [m for regex in (_QUOTED_DEF, _PAREN_DEF) for m in regex.finditer(text)]
        in_definitions = any("defin" in h.lower() for h in info.block.location.heading_path)
        for sent_start in info.sentence_starts():
            lead = _LEAD_DEF.match(text, sent_start)
            if lead and ("mean" in lead.group(0) or in_definitions):
                matches.append(lead)
        for m in matches:
            term = m.group(1).strip()
            if term.lower() in _NOT_TERMS or len(term) < 3:
                continue
            found.setdefault(_singular(term), (info, m.start(1), m.end(1)))
    return found


def _numbers(info: DocInfo) -> str | None:
    if info.block.location.clause:
        return info.block.location.clause.rstrip(".")
    m = _LEAD_NUM.match(info.block.text)
    return m.group(1) if m else None


_PLACEHOLDER_HINTS = (
    "[",
    "___",
    "{",
    "<",
    "TB",
    "XX",
    "???",
    "(CONFIRM",
    "(CHECK",
    "(TO ",
    "TODO",
    "(NOTE",
    "(DRAFTING",
)
"""Every placeholder pattern contains one of these; blocks without any skip the regex."""


def _placeholders(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for info in ctx.infos:
        text = info.block.text
        if not any(hint in text for hint in _PLACEHOLDER_HINTS):
            continue
        for m in _PLACEHOLDER.finditer(text):
            yield ctx.finding(rule, info, m.start(), m.end())


def _undefined_terms(rule: Rule, ctx: Context) -> Iterator[Finding]:
    defined = _definitions(ctx)
    if not defined:
        return  # definitions in a form not recognised, or in another document
    known = {d.lower() for d in defined}
    reported: set[str] = set()
    for info in ctx.infos:
        if info.block.is_heading:
            continue
        text = info.block.text
        sent_starts = set(info.sentence_starts())
        for m in _TERM_USE.finditer(text):
            term = m.group(1)
            key = _singular(term).lower()
            words = term.lower().replace("-", " ").split()
            if key in known or key in reported or m.start() in sent_starts:
                continue
            if any(w in _NOT_TERMS for w in words) or _ORG_END.search(text, m.end(), m.end() + 8):
                continue
            if _singular(words[-1]) not in _TERM_HEADS and words[-1] not in _TERM_HEADS:
                continue
            if words[-1] == "time" and words[-2] in _ZONES:
                continue
            if any(key in k or k in key for k in known):
                continue
            before = text[max(0, m.start() - 1) : m.start()]
            if before in "\u201c\"'(":
                continue
            if " of " in text[max(0, m.start() - 5) : m.start()] and _NAME_OF.search(
                text, max(0, m.start() - 40), m.start()
            ):
                continue
            if _heading_line(text):
                break
            reported.add(key)
            yield ctx.finding(rule, info, m.start(), m.end())


def _unused_definitions(rule: Rule, ctx: Context) -> Iterator[Finding]:
    if len([i for i in ctx.infos if not i.block.is_heading]) < 2:
        return
    whole = "\n".join(i.block.text for i in ctx.infos)
    for term, (info, start, end) in _definitions(ctx).items():
        # "Resolution" is used by "resolved", "Attendance" by "attend": compare word stems
        stem = re.escape(term if " " in term else term[: max(5, len(term) - 5)])
        uses = len(re.findall(r"\b" + stem + r"\w{0,6}\b", whole, re.IGNORECASE))
        if uses <= 1:
            yield ctx.finding(rule, info, start, end)


_INLINE_NUM = re.compile(r"(?:^|[.;:]\s+)(\d+(?:\.\d+)*)\.?\s+[A-Z]")
"""Run-in clause numbers inside a paragraph: "1. Definitions. … 2. Restoration. …"."""
_EXTERNAL = re.compile(
    r"[\s,]*(?:\([a-z0-9]+\)\s*)?(?:of|in|under|to)\s+(?:the|our|its|your|each|any)\s+(?!schedule\b)"
    r"(?:[A-Z]|master|main|framework|agreement|contract|terms|msa|order|statement)",
)
"""After a reference, words that point into another document ("clause 9 of the Agreement")."""
_PART_REF = re.compile(
    r"\b(schedule|annex|appendix|exhibit|attachment|table|part)\s+([A-Z](?:-?\d+)?|\d+|[IVX]{1,4})\b",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"\b(schedule|annex|appendix|exhibit|attachment|table|part)\s+([A-Z](?:-?\d+)?|\d+|[IVX]{1,4})"
    r"\s*[\u2013\u2014:-]\s*[A-Z]",
    re.IGNORECASE,
)
"""A part named with its title ("Table 1 - Reactive categories"): the part is here."""
_PART_WORDS = ("schedule", "annex", "appendix", "exhibit", "attachment", "table", "part")
_REF_WORDS = (*_PART_WORDS, "clause", "section", "paragraph")
"""Words every reference contains; blocks without any are skipped before the regexes."""
_NAMED_SECTION = re.compile(r"\b(?:the|this)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s+section\b")


def _part_names(ctx: Context) -> set[tuple[str, str]]:
    """The schedules, annexes, tables and parts the document has: named in a heading, a
    table caption, a title or at the start of a paragraph."""
    names: set[tuple[str, str]] = set()
    for i, info in enumerate(ctx.infos):
        text = info.block.text
        if not _mentions_part(text) and not info.block.location.heading_path:
            continue
        lead = text[:80]
        if info.block.is_heading or i == 0 or _PART_REF.match(lead.lstrip("# ")):
            names.update((m.group(1).lower(), m.group(2).upper()) for m in _PART_REF.finditer(lead))
        names.update((m.group(1).lower(), m.group(2).upper()) for m in _CAPTION.finditer(text))
        for head in info.block.location.heading_path:
            names.update((m.group(1).lower(), m.group(2).upper()) for m in _PART_REF.finditer(head))
    return names


def _mentions_part(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _PART_WORDS)


def _cross_references(rule: Rule, ctx: Context) -> Iterator[Finding]:
    numbers = {n for n in (_numbers(i) for i in ctx.infos) if n}
    for info in ctx.infos:
        if ". " in info.block.text:
            numbers.update(m.group(1) for m in _INLINE_NUM.finditer(info.block.text))
    parts = _part_names(ctx)
    headings = " ".join(_headings(ctx)).lower()
    tops = {n.split(".")[0] for n in numbers}
    for info in ctx.infos:
        text = info.block.text
        lowered = text.lower()
        if not any(word in lowered for word in _REF_WORDS):
            continue
        for m in _REF.finditer(text):
            word = m.group(0).split()[0].lower().rstrip("s")
            num = m.group(1)
            if word in ("schedule", "annex", "appendix") or _EXTERNAL.match(text, m.end()):
                continue
            if "." in num:
                parent = num.rsplit(".", 1)[0]
                has_children = any(n.startswith(parent + ".") for n in numbers)
                ok = num in numbers or (not has_children and parent.split(".")[0] in tops)
            else:
                ok = num in tops
            if not ok:
                yield ctx.finding(rule, info, m.start(), m.end())
        for m in _PART_REF.finditer(text):
            key = (m.group(1).lower(), m.group(2).upper())
            if key[0] == "part" and not key[1].isalpha():
                continue  # "part 2 of the form" is too often prose
            external = _EXTERNAL.match(text, m.end())
            if key not in parts and not external and not info.block.is_heading:
                yield ctx.finding(rule, info, m.start(), m.end())
        for m in _NAMED_SECTION.finditer(text):
            if m.group(1).lower() not in headings:
                yield ctx.finding(rule, info, m.start(), m.end())


def _numbering(rule: Rule, ctx: Context) -> Iterator[Finding]:
    last: dict[str, int] = {}
    for info in ctx.infos:
        num = _numbers(info)
        if not num:
            continue
        parts = num.split(".")
        if not all(p.isdigit() for p in parts):
            continue
        parent = ".".join(parts[:-1])
        value = int(parts[-1])
        prev = last.get(parent)
        if prev is not None and value > prev + 1:
            m = _LEAD_NUM.match(info.block.text)
            start, end = (m.start(1), m.end(1)) if m else (0, min(len(info.block.text), 1))
            yield ctx.finding(rule, info, start, end)
        for key in [k for k in last if k and k.count(".") + 1 >= len(parts)]:
            del last[key]
        last[parent] = value


_STRUCTURE = {
    "placeholder": _placeholders,
    "undefined-term": _undefined_terms,
    "unused-definition": _unused_definitions,
    "cross-reference": _cross_references,
    "numbering": _numbering,
}


def check_structure(rule: Rule, ctx: Context) -> list[Finding]:
    """Run the structure check the rule names."""
    return list(_STRUCTURE[rule.check](rule, ctx))


_WHOLE_AGREEMENT = 5
"""Headed parts (title included) that make a short text a whole agreement, not an excerpt."""
_RUN_IN = re.compile(
    r"^\s*(?:(?i:part|section|clause|schedule|annex|appendix|article|art\.|§)\s*)?"
    r"(?:\d+(?:\.\d+)*|[A-Z]|[IVXLC]+)?[.):]?\s*(?:[-\u2013\u2014]\s*)?"
    r"([A-Z][\w ,&/'\u2019-]{1,60}?)\s*[.:]\s"
)
"""A run-in heading at the start of a paragraph: "Part 3: Data and Reporting. The Vendor…",
"4. Exclusions. Times are…", "Support: Response means…"."""


def _headings(ctx: Context) -> list[str]:
    """Each block's heading: the block itself when it is one, else its run-in heading, else ""."""
    if len(ctx.headings) != len(ctx.infos):
        ctx.headings = [
            i.block.text if i.block.is_heading else _run_in_heading(i.block.text) for i in ctx.infos
        ]
    return ctx.headings


def _run_in_heading(text: str) -> str:
    m = _RUN_IN.match(text)
    if not m or len(m.group(1).split()) > 7:
        return ""
    return m.group(1)


def check_section(rule: Rule, ctx: Context) -> list[Finding]:
    """Report a required section found neither under a heading nor by its content, in a
    document long enough or with enough headed parts to be a whole agreement."""
    if not ctx.infos:
        return []
    headings = _headings(ctx)
    if ctx.words < rule.min_words and sum(1 for h in headings if h) < _WHOLE_AGREEMENT:
        return []
    words = tuple(w.lower() for w in rule.headings)
    for info, heading in zip(ctx.infos, headings, strict=True):
        if heading and any(w in heading.lower() for w in words):
            return []
        if any(w in h.lower() for h in info.block.location.heading_path for w in words):
            return []
    if ctx.has_key(f"{rule.code}|t"):
        return []
    first = ctx.infos[0]
    return [ctx.finding(rule, first, 0, len(first.block.text.rstrip()))]
