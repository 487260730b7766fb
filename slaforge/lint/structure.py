"""Document-structure rule kinds: placeholders, defined terms, cross-references, numbering,
and required sections (found by heading or by content)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from itertools import islice

from slaforge.extract.text import LABEL_WORDS
from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo
from slaforge.lint.model import Finding
from slaforge.lint.rules import Rule

_UNITS = r"(?:hours?|days?|minutes?|seconds?|weeks?|months?|years?|business|working|calendar)\b"
_PLACEHOLDER = re.compile(
    r"(?=[\[_{<$€£?(….TtXxN12Dd])(?:"  # (every opening below: most places are tested no further)
    r"\[\s*(?:TBD|TBC|TBA|•|·|●|■|▪|\*|\.{2,}|…|_+|X+|x+|\?+|(?i:insert|enter|specify)[^\]]*"
    r"|[A-Z][A-Z _/]{2,}[A-Z]|\s*)\s*\]"
    r"|\[(?:the |a |an )?"
    r"(?!(?:Reserved|Deleted|Intentionally|Not Used|Redacted|Omitted|Optional|Draft"
    r"|Confidential)\b)"
    r"[A-Z][a-z]+(?:[ _/-][A-Za-z]+){0,4}\](?!\()"
    r"|(?<=[Dd]ate: )(?:DD|dd)[./-](?:MM|mm)[./-](?:YYYY|yyyy|YY|yy)\b"
    r"|\[(?:[a-z]+[ _]){0,3}(?:name|date|amount|number|address|fee|price|percentage|value|period"
    r"|time|hours|days|e-?mail|phone|telephone|title|company|party|figure|rate|term|contact)s?\]"
    r"|_{3,}|\{\{.*?\}\}|\{%.*?%\}|<<[^<>]*>>|\{[A-Za-z]+(?:_[A-Za-z]+)+\}|\{[A-Z_]{3,}\}"
    r"|\b(?i:TBD|TBC|TBA)\b|\bXX+\b|\b(?:19|20)XX\b|[$€£]\s?X+\b|\?\?\?"
    r"|\b(?:X|x{1,3})(?=\s?%|\s" + _UNITS + r")|\bN(?=\s" + _UNITS + r")"
    r"|(?:\.\.\.|…)(?=\s?%|\s" + _UNITS + r")"
    r"|<(?i:insert|customer|provider|supplier|vendor|client|company|party|name|date|amount|number"
    r"|value|fee|price|contact|address)[^<>]{0,40}>"
    r"|\[[a-z ]{0,30}\bto be (?:confirmed|agreed|determined|advised|inserted|completed)\]"
    r"|[(\[](?:CONFIRM|CHECK|TO CONFIRM|TO BE CONFIRMED|TODO|NOTE TO DRAFT|DRAFTING NOTE)\b"
    r"[^)\]]*[)\]]"
    r"|\bTODO\b)"
)
"""Blanks left in a template: "[TBD]", "[Customer Name]", "[insert date]", "<<date>>", "{name}",
"XX%", "X hours", "within N days", "… hours", "20XX", "$XX", "(CONFIRM WITH LEGAL)"; not
"[Reserved]", "[%]" (a unit) or a Markdown link."""
_QUOTED_DEF = re.compile(
    r"(?:[\u201c\"'\u2018]|\*\*)([A-Z][\w\u2019'\-]*(?:\s+[\w\u2019'\-]+){0,5})"
    r"(?:[\u201d\"'\u2019]\**|\*\*)\s*"
    r"\s*(?:\)\s*)?"
    r"(?:(?:means|shall mean|has the meaning|refers to|is defined as|meaning|is|are)\b|:)"
)
_OPEN_Q = "(?:[\u201c\"'\u2018]|\\*\\*)"
_CLOSE_Q = "(?:[\u201d\"'\u2019]|\\*\\*)"
_NAME = "[A-Z][\\w\u2019'\\-]*(?:\\s+[\\w\u2019'\\-]+){0,5}"
_DEFINES = "\\s*(?::|means\\b|shall mean\\b|has the meaning\\b|refers to\\b)"
_ALIAS_DEF = re.compile(
    f"{_OPEN_Q}({_NAME}){_CLOSE_Q}\\s+or\\s+{_OPEN_Q}{_NAME}{_CLOSE_Q}{_DEFINES}"
)
_ALIAS_SECOND = re.compile(
    f"{_OPEN_Q}{_NAME}{_CLOSE_Q}\\s+or\\s+{_OPEN_Q}({_NAME}){_CLOSE_Q}{_DEFINES}"
)
"""A term defined under two names ('"Service Level" or "KPI" means …'): both are defined."""
_ALIAS_PAIR = re.compile(
    f"{_OPEN_Q}({_NAME}){_CLOSE_Q}\\s+or\\s+{_OPEN_Q}({_NAME}){_CLOSE_Q}{_DEFINES}"
)
_MEANING_DEF = re.compile(
    r"\b([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){1,4}),?\s+meaning\s+(?:only|a|an|any|each|every)\b"
)
"""A term defined where it is first used: "… First Contact Resolution meaning a Contact after
which …", "a Force Majeure Event, meaning only war, …" (not ", meaning the Customer needs …",
which says what follows from it)."""
_LEAD_IS_DEF = re.compile(
    r"\s*(?:[-•*]\s*)?(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?"
    r"(?!(?:The|This|That|These|Those|Each|All|Every|Any|Our|Your|Its|Their|No|Some|Both)\s)"
    r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){1,4})\s+(?:is|are)\s+(?:the|a|an|any|each|every)\s"
)
"""A term a paragraph opens by explaining: "Resolution Window is the period …" (a term set in
bold in the draft, which the text no longer marks)."""
_LEAD_IS_SELF = re.compile(
    r"\s*(?:[-•*]\s*)?(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?"
    r"(?!(?:The|This|That|These|Those|Each|All|Every|Any|Our|Your|Its|Their|No|Some|Both)\s)"
    r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3}\s+([A-Z][\w\-]*))\s+(?:is|are|means)\s+(\w+)"
)
"""A term a paragraph opens by narrowing its last word: "6.1 Permitted Maintenance is
maintenance that …" (the third group repeats the second in lower case)."""
_WHERE_DEF = re.compile(
    r"\b(?:[Ww]here|and)\s+([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,4})\s+(?:is|are|means)\s+"
    r"(?:the|an?|each|all|any)\s"
)
"""The terms of a formula, explained after it: "where Total Minutes is the number of …"."""
_FORMULA_DEF = re.compile(
    r"(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,4})"
    r"(?:\s+(?:for|of|per|in)\s+(?:an?|each|the|any)\s+[\w\-]+)?\s*(?:\(%\)\s*)?="
)
"""A term defined by its formula: "Monthly Availability for a Region = (total minutes - …)"."""
_LISTED_TERMS = re.compile(
    r"\b(?:expressions|terms|words|phrases)\b[^.;]{0,20}?\(([^)]{3,400})\)[^.;]{0,30}?"
    r"\b(?:have|has|bear|carry)\s+the\s+meanings?\b"
)
"""Terms listed as defined elsewhere in the document: "Other capitalised expressions
(Performance Points, Relief Event, …) have the meanings given where they are set out"."""
_TERM_DEF = re.compile(
    r"\b(?i:phrase|term|word|expression|abbreviation)\s+[\u201c\"'\u2018]"
    r"([A-Za-z][\w\-]*(?:\s+[\w\-]+){0,4})[\u201d\"'\u2019][^.;]{0,60}?"
    r"\b(?:means?|mean|refers? to|denotes?|to signify)\b"
)
"""A term defined by naming it: "The phrase 'target' is used in this schedule to mean …",
"the word "uptime" refers to …" (in any case)."""
_PAREN_DEF = re.compile(
    r"\((?:together\s+|collectively\s+|hereinafter\s+)?(?:the\s+|each\s+a\s+|a\s+|an\s+)?"
    r"[\u201c\"'\u2018]([A-Z][^\u201d\"'\u2019]{1,60})[\u201d\"'\u2019]\s*[),]"
)
_BARE_PAREN_DEF = re.compile(
    r"(?<![\d.])\s\((?:the\s+|each\s+a\s+|an?\s+)?([A-Z][a-z][\w\-]*(?:\s+[A-Z][\w\-]*){1,4})\)"
    r"(?=[\s.,;:])"
)
"""A term named in brackets after what it labels, in bold or plain ("remote firmware updates
(**Planned Maintenance**) provided that …", "(the Recovery Point Objective)")."""
_REFERENCE_BEFORE = re.compile(
    r"(?i:\b(?:clause|section|paragraph|schedule|annex|appendix|exhibit|part|table|article|see|"
    r"under|in)\s+[\w.()-]*)\s*$"
)
"""Before a bracket, a reference whose title it gives ("clause 7.3 (Planned Maintenance)")."""
_IS_A_DEF = re.compile(
    r"(?:\b[Aa]n?\s+[A-Z][\w\-]*|(?:^|[.;:]\s)\s*(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?An?\s+[a-z][\w\-]*)"
    r"\s+is\s+an?\s+([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){1,3})"
    r"(?:\s+for\s+(?:an?|each|the|any)\s+[A-Z]?[\w\-]+(?:\s+[A-Z][\w\-]*)?)?\s+(?:if|when|where)\b"
)
"""A term defined by the condition under which a thing is one: "A Minute is a Downtime Minute
for a Core Function if, during that Minute, …", "4.3 A minute is a Downtime Minute if …" (a
thing in lower case only where a sentence opens: "No credit is due if an outage is a Planned
Outage when …" defines nothing)."""
_MEANING_SELF = re.compile(
    r"\b(?!(?:The|This|That|These|Those|Each|All|Every|Any|Our|Your|Its|Their|No|Some|Both|An?)\s)"
    r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3}\s+([A-Z][\w\-]*)),?\s+meaning\s+([a-z][\w\-]*)"
)
"""A term defined where it is listed, by narrowing its last word: "(a) Scheduled Maintenance,
meaning maintenance carried out between …"."""
_AND_MEANS = re.compile(r"(?:\band|;)\s+([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,4})\s+means\s")
"""A second term defined in a sentence: "…, and Business Day means any day on which …"."""
_LIST_DEF = re.compile(
    r"\b[Tt]he following\s+(?:[\w\-]+\s+){0,3}?(?:are|is|count as|shall be)\s+"
    r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})\s*:"
)
"""A term defined by the list it opens: "The following minutes are Excluded Minutes:"."""
_NAMED_AS_DEF = re.compile(
    r"\b(?:referred\s+to|known)\s+as\s+(?:the\s+|an?\s+)?[\u201c\"'\u2018]"
    r"([A-Z][^\u201d\"'\u2019]{1,60})[\u201d\"'\u2019]"
)
"""A term given to what a sentence describes: '… are referred to as the "Monthly Fee"'."""
_LEAD_DEF = re.compile(
    r"\s*(?:[-•*]\s*)?(?:\d{1,3}(?:\.\d{1,3})*\.?\s+|\((?:[a-z]{1,2}|[ivx]{1,4}|\d{1,2})\)\s+)?"
    r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,5})(?:\s+or\s+[A-Z][\w\-]*)?"
    r"\s*(?::\s|\s+[\u2014\u2013]\s|(?:\s+(?:for|of|per|in)\s+(?:an?|each|the|any)\s+[\w\-]+)?"
    r"\s+(?:means|shall mean)\b)"
)
"""A paragraph or item that opens with the term it defines: "2.8 Monthly Uptime for a tenant
means …", "Core Hours: 08:00 to 18:00" (in a definitions part)."""
_ARTICLE_DEF = re.compile(
    r"\b(?:[Aa]n?|[Tt]he(?=\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){1,4}\s+(?:means|shall mean)\b))"
    r"\s+([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){1,4})\s+"
    r"(?:means|shall mean|is defined as"
    r"|(?:occurs|exists|arises|happens) (?:only )?(?:if|when|where|whenever)"
    r"|(?:is|are) (?:the|any|an?|each|all) )"
)
"""A term defined in running text by the sentence that introduces it: "a Force Majeure Event
means only: …", "A Persistent Failure occurs if …", "A Critical Failure is the failure of …"."""
_ARTICLE_TAIL = re.compile(
    r"[A-Z][\w\-]*\s+[A-Z][\w\-]*\s+"
    r"(?:means|shall mean|is defined as"
    r"|(?:occurs|exists|arises|happens) (?:only )?(?:if|when|where|whenever)"
    r"|(?:is|are) (?:the|any|an?|each|all) )"
)
"""What every match of ``_ARTICLE_DEF`` contains, found faster: most blocks have none."""
_LEAD_CAPS = re.compile(
    r"\s*(?:[-•*]\s*)?(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?"
    r"(?!(?:The|This|That|These|Those|Each|All|Every|Any|Our|Your|Its|Their|No|Some|Both)\s)"
    r"[A-Z][\w\-]*\s+[A-Z]"
)
"""How every match of ``_LEAD_IS_DEF`` and ``_LEAD_IS_SELF`` opens: two capitalised words."""
_ARTICLE = re.compile(r"(?:An?|The)\s+(?=[A-Z])")
"""An article before a defined term, which is not part of the term."""
_SENTENCE_TERM = re.compile(r"\s+(?:are|is|shall|will|must|may|do|does|count|counts)\b")
"""What follows a term that is the subject of its sentence."""
_HEADER_WORDS = frozenset(["term", "terms", "defined term", "word", "expression", "definition"])
_ROW_DEF = re.compile(r"^\s*\|\s*([A-Z][\w\-]*(?:\s+[\w\-]+){0,5}?)\s*\|\s*\S")
"""The first cell of a row of a definitions table: "| Support Hours | 07:00 to 19:00 … |"."""
_SHORT_NAME = re.compile(
    r"\s*\((?:the\s+)?(?:[\u201c\"'\u2018]|[A-Z]{2,6}s?\))|,?\s*(?:\(\s*)?as\s+defined\s+in\b"
)
_TERMS_DEFINED_IN = re.compile(
    r"[^.;:]{0,80}?\bas\s+(?:those|these|such|both|the)\s+terms\s+are\s+defined\s+(?:in|by|under)\b"
)
"""After terms, where they are defined: "Security Incident or Breach, as those terms are
defined in the BAA"."""
"""After a term, the short name it is given (' ("Infrastructure")', " (CIR)"), or where it is
defined ("…, as defined in the Master Agreement"; a missing clause there is a cross-reference
problem, reported as such)."""
_TERM_USE = re.compile(
    r"([A-Z](?=[a-z]+[ \-][A-Z][a-z])(?<![\w\-].)"  # a capital opening two words (tested
    # first: few capitals do), not inside a word (tested after it, so that the search skips
    # to capitals), not opening The, This, That, These, Those, Any, Each, All, Every,
    # If, In, For, A, An, No, Where, When, Upon, Unless, Our, Your, Its or Their
    r"(?!(?<=T)h(?:e|is|at|ese|ose|eir)\s|(?<=A)(?:ny|ll|n)?\s|(?<=E)(?:ach|very)\s"
    r"|(?<=I)(?:f|n|ts)\s|(?<=F)or\s|(?<=N)o\s|(?<=W)he(?:re|n)\s|(?<=U)(?:pon|nless)\s"
    r"|(?<=O)ur\s|(?<=Y)our\s)"
    r"[a-z]+(?:[ \-][A-Z][a-z]+){1,4})\b"
)
"""A capitalised term of two or more words, without an opening function word ("The
Maintenance Window" is the term "Maintenance Window")."""
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
        "priority",
        "severity",
        "rate",
        "outage",
        "outages",
        "failure",
        "failures",
        "breach",
        "breaches",
        "fault",
        "faults",
        "defect",
        "defects",
        "interval",
        "intervals",
        "target",
        "targets",
        "commitment",
        "schedule",
        "exclusions",
        "failure",
        "failures",
        "objective",
        "objectives",
        "report",
        "function",
        "functions",
        "reconciliation",
        "reconciliations",
        "threshold",
        "thresholds",
        "procedure",
        "procedures",
        "ticket",
        "tickets",
        "runbook",
        "handbook",
        "allowance",
        "milestone",
        "milestones",
        "deliverable",
        "deliverables",
    ]
)
_MODIFIERS = frozenset(
    """scheduled unscheduled planned unplanned emergency urgent business working core extended
    standard target answer resolution response restoration recovery repair fix contact first
    monthly quarterly annual daily weekly total critical major minor high low medium normal
    severity priority peak off-peak on-site onsite remote service support incident problem
    change release outage maintenance measurement reporting review exception excess
    performance quality accuracy initial final mean point objective calendar notice notification
    availability uptime downtime credit credits fee charge charges penalty escalation
    pay payment invoice billing order effective start commencement go live due renewal expiry
    termination acceptance delivery despatch dispatch cut off on site call queue ticket""".split()  # noqa: SIM905
)
"""Words that make up the names of service-level terms ("Scheduled Downtime", "Target Answer
Time"): a capitalised term made only of these and a term head is a term to define; one with
any other word ("Fleet Portal", "Memorial Day") is more often the name of a thing."""


def _measure_term(words: list[str]) -> bool:
    head = words[-1]
    if _singular(head) not in _TERM_HEADS and head not in _TERM_HEADS:
        return False
    return all(
        w in _MODIFIERS or w in _TERM_HEADS or _singular(w) in _TERM_HEADS or w in _QUALIFIERS
        for w in words[:-1]
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
_NAME_OF = re.compile(r"\b[A-Z][a-z]+ (?:of|for) (?:the )?$")
_ROLE_OF = re.compile(
    r"\b(?:Director|Manager|Head|Officer|Lead|Chief|Controller|Partner|President|Secretary),\s*$"
)
"""A job title before the unit it heads: "Director, Corporate Shared Services"."""
"""The end of "Head of", "Bank of the", "Conditions for": the words after it are part of a job
title or a name ("General Conditions for Business Services")."""
_ORG_END = re.compile(r"\b(?:Ltd|Limited|Inc|LLC|GmbH|AG|SA|Corp|Corporation|Plc|PLC)\b")
_REF = re.compile(
    r"(?=(?i:[cspa])|§)"  # (what a reference opens with: other places are tested no further)
    r"(?:\b(?i:clause|section|paragraph|schedule|annex|appendix|article)s?\s+|§§?\s*)"
    r"(\d+(?:\.\d+)*)(?![\d.]*\s*%)"
)
_LEAD_NUM = re.compile(
    r"^\s*(?:#+\s*)?(?:(?i:clause|section|article|paragraph)\s+|§\s*)?(\d{1,3}(?:\.\d{1,3})*)"
    r"(?:[.)]?\s+(?:\([A-Z][^)]{0,40}\)\s*)?[:.\-\u2013\u2014]?\s*[A-Z(§\u201c\"']|[.):]\s|[.)]?\s*$)"
)
"""A number opening a block as its label: "4.2 Credits", "Clause 3: The…", "§ 5 Subject",
"Section 9 (Reporting): …"; not "Clause 8.4 applies…" (a reference) nor "10 % of the fee"."""


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


_QUOTES = ('"', "'", "\u201c", "\u2018", "**")
"""What a quoted or bold term opens with: blocks without one skip the quoted definitions."""
_Definition = tuple[DocInfo, int, int, bool]
"""Where a term is defined: block, start and end of the term, and whether it is only a name
given in passing (a party's role or a short name in brackets: "Acme Ltd ('Provider')")."""


def _glossary_header(text: str) -> bool:
    """True for the header row of a definitions table: "| Term | Meaning |", "| Word | What
    it means |"."""
    cells = text.strip().strip("|").split("|")
    if len(cells) < 2:
        return False
    first, second = cells[0].strip().lower(), cells[1].strip().lower()
    return first in _HEADER_WORDS and ("mean" in second or "defin" in second)


def _definitions(ctx: Context) -> dict[str, _Definition]:
    cached: dict[str, _Definition] | None = ctx.memo.get("definitions")
    if cached is None:
        cached = _find_definitions(ctx)
        ctx.memo["definitions"] = cached
    return cached


def _find_definitions(ctx: Context) -> dict[str, _Definition]:
    found: dict[str, _Definition] = {}
    glossary = False  # in the rows of a table headed "Term | Meaning"
    under: dict[tuple[str, ...], bool] = {}  # whether a heading path is a definitions part
    quoted_at = {i.index for i in ctx.blocks_containing(_QUOTES)}
    for info in ctx.infos:
        text = info.block.text
        if info.block.is_heading:
            glossary = False
            continue
        row = _table_row(text)
        if row and not glossary:
            before = ctx.infos[info.index - 1].block.text.lstrip() if info.index else ""
            if not before.startswith("|"):
                glossary = _glossary_header(text)
        glossary = glossary and row
        matches: list[tuple[re.Match[str], bool]] = []
        quoted = info.index in quoted_at
        if quoted:
            # (each search below only where the words it needs are: most quotes define nothing)
            matches += [(m, False) for m in _QUOTED_DEF.finditer(text)]
            if "(" in text:
                matches += [(m, " " not in m.group(1).strip()) for m in _PAREN_DEF.finditer(text)]
            if "mean" in text or "refer" in text or "denote" in text or "signify" in text:
                matches += [(m, False) for m in _TERM_DEF.finditer(text)]
            if "known" in text or "referred" in text:
                matches += [(m, False) for m in _NAMED_AS_DEF.finditer(text)]
        path = info.block.location.heading_path
        in_definitions = under.get(path)
        if in_definitions is None:
            in_definitions = under[path] = any("defin" in h.lower() for h in path)
        if "mean" in text or (in_definitions and _DEF_MARK.search(text)):
            for sent_start in info.sentence_starts():
                lead = _LEAD_DEF.match(text, sent_start)
                if lead and ("mean" in lead.group(0) or in_definitions):
                    matches.append((lead, False))
        if (
            "mean" in text or " is " in text or "occurs" in text or "arises" in text
        ) and _ARTICLE_TAIL.search(text):
            matches += [(m, False) for m in _ARTICLE_DEF.finditer(text)]
        low = info.low
        if "=" in text or "\u00f7" in text or ("where" in low and low.lstrip().startswith("where")):
            matches += [(m, False) for m in _WHERE_DEF.finditer(text)]
            for sent_start in info.sentence_starts() if "=" in text else ():
                if formula := _FORMULA_DEF.match(text, sent_start):
                    matches.append((formula, False))
        capitals = _LEAD_CAPS.match(text) is not None  # (two capitalised words open the block)
        if not capitals or ("is" not in text and "are" not in text and "means" not in text):
            pass  # neither opening below can match
        elif lead_is := _LEAD_IS_DEF.match(text):
            matches.append((lead_is, False))
        elif (itself := _LEAD_IS_SELF.match(text)) and _singular(itself.group(3)) == _singular(
            itself.group(2).lower()
        ):
            matches.append((itself, False))
        if "(" in text and ")" in text:
            matches += [
                (m, True)  # (a label in brackets may name a party, a part or a heading too)
                for m in _BARE_PAREN_DEF.finditer(text)
                if not _REFERENCE_BEFORE.search(text, max(0, m.start() - 30), m.start())
            ]
        if " is a" in text:
            matches += [(m, False) for m in _IS_A_DEF.finditer(text)]
        if " means " in text:
            matches += [(m, False) for m in _AND_MEANS.finditer(text)]
        if "following" in text and ":" in text:
            matches += [(m, False) for m in _LIST_DEF.finditer(text)]
        if "meaning" in text:
            matches += [(m, False) for m in _MEANING_DEF.finditer(text)]
            matches += [
                (m, False)
                for m in _MEANING_SELF.finditer(text)
                if _singular(m.group(3)) == _singular(m.group(2).lower())
            ]
            for listed in _LISTED_TERMS.finditer(text):
                inner = listed.start(1)
                matches += [(m, False) for m in _LISTED_TERM.finditer(text, inner, listed.end(1))]
        if quoted and " or " in text:
            matches += [(m, False) for m in _ALIAS_DEF.finditer(text)]
            matches += [(m, False) for m in _ALIAS_SECOND.finditer(text)]
        if (in_definitions or glossary) and row:
            matches += [
                (m, False)  # "| Support Hours | 07:00…", not the header "| Term | Meaning |"
                for m in _ROW_DEF.finditer(text)
                if m.group(1).strip().lower() not in _HEADER_WORDS
            ]
        for m, passing in matches:
            term = m.group(1).strip()
            article = _ARTICLE.match(term)
            if article:  # "A Response means …", "A Response is the first reply …"
                term = term[article.end() :]
            if term.lower() in _NOT_TERMS or len(term) < 3:
                continue
            start = m.start(1) + (article.end() if article else 0)
            found.setdefault(_singular(term), (info, start, m.end(1), passing))
    return found


def _table_row(text: str) -> bool:
    """A Markdown table row ("| A | B |"); the substring test first, as most blocks have none."""
    return "|" in text and text.lstrip().startswith("|")


_CAPTION = re.compile(r"\s*(?:Table|Figure|Chart|Diagram|Exhibit)\s+[\w.]{1,5}\s*[:.\-\u2013]\s")
_DEF_MARK = re.compile("[:\u2014\u2013]")
"""What sets a term off from its meaning in a definitions part: a colon or a dash."""


def _title_matter(ctx: Context) -> set[int]:
    """The lines under the title, before the first part of the document: a subtitle or the
    parties' names, without a sentence ("Call-Off Contract for Managed Platform Services")."""
    found: set[int] | None = ctx.memo.get("title-matter")
    if found is None:
        found = set()
        numbers = _numbers(ctx)
        for info in ctx.infos[1:]:
            text = info.block.text.strip()
            if info.block.is_heading or numbers[info.index] or len(text.split()) > 30:
                break
            if not text.endswith((".", ";", ":")):
                found.add(info.index)
        ctx.memo["title-matter"] = found
    return found


_CELL_START = re.compile(r"\|\s*")
_LISTED_TERM = re.compile(r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,4})")


def _numbers(ctx: Context) -> list[str | None]:
    """The clause number each block carries (its own or its heading's), found once per
    document."""
    found: list[str | None] | None = ctx.memo.get("numbers")
    if found is None:
        found = []
        for info, lead in zip(ctx.infos, _leads(ctx), strict=True):
            clause = info.block.location.clause
            if not clause:
                found.append(lead)
                continue
            clause = clause.rstrip(".")
            text = info.block.text
            if lead is None and text.lstrip().startswith(clause) and not _SUB_CLAUSE.match(text):
                clause = None  # "10 % of the monthly fee…": a figure, not a clause number
            found.append(clause)
        ctx.memo["numbers"] = found
    return found


def _leads(ctx: Context) -> list[str | None]:
    """The number each block's text opens with as its label (``_LEAD_NUM``), found once per
    document."""
    found: list[str | None] | None = ctx.memo.get("leads")
    if found is None:
        match = _LEAD_NUM.match
        found = [m.group(1) if (m := match(i.block.text)) else None for i in ctx.infos]
        ctx.memo["leads"] = found
    return found


_SUB_CLAUSE = re.compile(r"\s*(\d{1,3}(?:\.\d{1,3})+)\.?\s+[a-z]")
"""A numbered clause in lower case ("3.2 the Customer shall…"): a number with a dot is a clause
number whatever follows it."""


_PLACEHOLDER_HINTS = (
    "[",
    "___",
    "{",
    "<",
    "TB",
    "tb",
    "X",
    "x ",
    "x%",
    "N ",
    "...",
    "…",
    "???",
    "(CONFIRM",
    "(CHECK",
    "(TO ",
    "TODO",
    "(NOTE",
    "(DRAFTING",
    "DD",
    "dd/",
    "dd.",
)
"""Every placeholder pattern contains one of these; blocks without any skip the regex."""
_PLACEHOLDER_HINT = re.compile("|".join(re.escape(h) for h in _PLACEHOLDER_HINTS))


_DRAFT_NOTE = re.compile(
    r"(?<=[:|] )(?i:to be (?:confirmed|determined|advised|decided|inserted|completed|supplied))"
    r"(?=\s*(?:[.;|]|$))"
    r"|\bDRAFT\b(?=[^.\n]{0,60}(?i:circulate|comments|pending|for review|for discussion))"
    r"|\b(?i:do not circulate|not for circulation)\b"
)
"""Drafting leftovers written out: a value "to be confirmed" after a label ("Credits: to be
confirmed"), a draft marking with its review note ("DRAFT - comments from legal pending");
not "exact times to be confirmed per application" (an open term, not a blank)."""
_DRAFT_HINTS = ("o be ", "DRAFT", "irculat")


_HINTS = _PLACEHOLDER_HINTS + _DRAFT_HINTS
_CAPITAL_HINT = re.compile("|".join(re.escape(h) for h in _HINTS if not h[0].islower()))
"""The hints that open with a capital or a sign: one search of the document finds them
faster than one search per hint (few places open with one)."""
_LOWER_HINTS = tuple(h for h in _HINTS if h[0].islower())


def _hinted(ctx: Context) -> list[DocInfo]:
    """The blocks that contain one of ``_HINTS``, in order."""
    found = {info.index: info for info in ctx.blocks_matching(_CAPITAL_HINT)}
    found.update((info.index, info) for info in ctx.blocks_containing(_LOWER_HINTS))
    return [found[index] for index in sorted(found)]


def _placeholders(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for info in _hinted(ctx):
        text = info.block.text
        if any(hint in text for hint in _DRAFT_HINTS):
            for m in _DRAFT_NOTE.finditer(text):
                yield ctx.finding(rule, info, m.start(), m.end())
        if _PLACEHOLDER_HINT.search(text) is None:
            continue
        for m in _PLACEHOLDER.finditer(text):
            if _elision(text, m.start(), m.end()) or _signing_blank(info, m):
                continue
            yield ctx.finding(rule, info, m.start(), m.end())


_ELISION = re.compile(r"\[\s*(?:\.{3}|…)\s*\]")
_SIGNING_LABEL = re.compile(
    r"(?i:\b(?:name|print name|position|title|role|date|signature|signed|by|witness|initials))"
    r"\s*:?\s*\|?\s*$"
    r"|(?i:\bsigned\s+(?:for|by|on\s+behalf\s+of))\b[^_:\n]{0,60}:\s*$"
)
_SIGNING_PART = re.compile(r"(?i:sign|execution|executed|acceptance)")


def _signing_blank(info: DocInfo, m: re.Match[str]) -> bool:
    """True for a line to sign or date on: underscores after a "Name:", "Signature" or "Date"
    label, or in the signature part of the document. It is filled in at signing, not a blank
    the drafter forgot."""
    if m.group().strip("_"):
        return False
    text = info.block.text
    line_start = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 60)
    if _SIGNING_LABEL.search(text, line_start, m.start()):
        return True
    return any(_SIGNING_PART.search(h) for h in info.block.location.heading_path)


def _elision(text: str, start: int, end: int) -> bool:
    """True for "[...]" standing between two sentences of a quoted excerpt ("30 days. [...]
    Restores can be made"): text left out, not a blank to fill in ("within [...] days")."""
    if not _ELISION.fullmatch(text, start, end):
        return False
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    return (not before or before[-1] in ".!?") and (not after or after[0].isupper())


_QUALIFIERS = frozenset(
    [
        "qualifying",
        "excused",
        "covered",
        "designated",
        "authorised",
        "authorized",
        "permitted",
        "eligible",
        "excluded",
        "approved",
        "nominated",
        "chargeable",
        "recurring",
        "committed",
        "guaranteed",
        "agreed",
        "specified",
        "exempt",
        "contracted",
    ]
)
"""Words that make a capitalised term a defined one: what is "Qualifying", "Excused" or
"Authorised" is decided by a definition, not by ordinary usage."""
_ARTEFACTS = frozenset(["matrix", "formula", "pack", "grid", "scorecard", "workbook"])
"""Heads of a named part of the agreement ("the Service Matrix", "the Credit Formula")."""
_TERM_OF_ART = re.compile(r"(?:Good|Best) (?:Industry|Engineering|Operating|Professional) Practice")
"""Terms of art that a contract defines ("Good Industry Practice")."""


_DOC_WORDS = frozenset(["service", "level", "agreement"])


_MARKS = (
    *(q.capitalize() for q in _QUALIFIERS),
    *(a.capitalize() for a in _ARTEFACTS),
    "Practice",
)
"""Words one of which a marked term contains, capitalised: blocks without any are skipped."""


_ROLES = frozenset(
    """lead officer director manager head coordinator administrator controller engineer
    technician representative owner champion sponsor""".split()  # noqa: SIM905
)


def _role(words: list[str]) -> bool:
    """True for a job title of three words or more ("Designated Safeguarding Lead")."""
    return len(words) >= 3 and words[-1] in _ROLES


def _marked_term(term: str, words: list[str]) -> bool:
    """A capitalised term that reads as defined whatever the rest of the document does: a
    qualifier ("Excused Downtime"), a named part ("Service Matrix"), a term of art."""
    return (
        (any(w in _QUALIFIERS for w in words[:-1]) and not _role(words))
        or words[-1] in _ARTEFACTS
        or _TERM_OF_ART.match(term) is not None
    )


_DEFINED_ELSEWHERE = re.compile(
    r"[Cc]apitali[sz]ed (?:terms|words)[^.;]{0,80}\b(?:meanings?|defined)\b[^.;]{0,80}"
    r"\b(?:[Aa]greement|[Tt]erms|[Oo]rder|[Cc]ontract|MSA)"
    r"|\b(?:[Ww]ords|[Tt]erms|[Ee]xpressions)\s+(?:defined|used)\s+in\s+(?:the|our|its|that)\s"
    r"[^.;]{0,60}?\b(?:Agreement|Terms|Contract|MSA|Conditions|Order|Framework)\b[^.;]{0,40}"
    r"\b(?:ha(?:ve|s)|bears?|carr(?:y|ies)|shall\s+have)\s+the\s+same\s+meanings?"
)
"""A document that says its other terms are defined in another document."""


_REFERENT = re.compile(
    r"\b(?:means|mean|refers? to|shall mean|is defined as|comprises?|denotes)\s+"
    r"(?:(?:the|a|an|each|every|all|any|of|and|or|either|both|[A-Z][\w&'\u2019.-]*),?\s+)*$"
)
"""A definition's words up to the name it gives the meaning of: '"Core Services" means the
Acme Cloud Services' names a product or system; it is the referent, not an undefined term."""


_ACRONYM_BEFORE = re.compile(r"\b[A-Z]{2,6}\s+$")
"""An acronym right before a term: the name of an outside body ("CEDR", "ICC", "ITIL")."""


_COMPANY = re.compile(
    r"\b([A-Z][\w&'\u2019-]+)(?:\s+[A-Z][\w&'\u2019-]*){0,4},?\s+"
    r"(?:Ltd|Limited|Inc|LLC|LLP|GmbH|AG|SA|S\.A\.|BV|B\.V\.|Corp|Corporation|Plc|PLC|plc|Pty)\b"
)


def _brands(ctx: Context) -> set[str]:
    """The first words (in lower case) of the companies named in the document ("talvio" for
    Talvio Software Limited): a capitalised term that starts with one is a product name."""
    found: set[str] | None = ctx.memo.get("brands")
    if found is None:
        found = {
            m.group(1).lower()
            for info in ctx.blocks_matching(_COMPANY_WORD)
            for m in _COMPANY.finditer(info.block.text)
        }
        ctx.memo["brands"] = found
    return found


_COMPANY_WORDS: tuple[str, ...] = ("Ltd", "Limited", "Inc", "LLC", "LLP", "GmbH", "AG", "SA")
_COMPANY_WORDS += ("BV", "B.V", "Corp", "Plc", "PLC", "plc", "Pty")
_COMPANY_WORD = re.compile("|".join(re.escape(w) for w in _COMPANY_WORDS))
"""One of ``_COMPANY_WORDS``: one search of the document finds them all faster than one
search per word (most of their letters are capitals, which few places open with)."""


def _undefined_terms(rule: Rule, ctx: Context) -> Iterator[Finding]:
    said = ctx.blocks_containing(["apitali", "same meaning"])
    if any(_DEFINED_ELSEWHERE.search(i.block.text) for i in said):
        return  # "Capitalised terms not defined here have the meanings in the Agreement"
    defined = _definitions(ctx)
    known = {d.lower() for d in defined}
    strict = not any(not d[3] for d in defined.values())
    """No definitions (or only parties' names): the terms may be defined in another
    document, so only terms marked as defined ones are reported."""
    reported: set[str] = set()
    for info in ctx.blocks_matching(_TERM_USE):
        if info.block.is_heading:
            continue
        text = info.block.text
        if strict and not any(mark in text for mark in _MARKS):
            continue
        if _CAPTION.match(text) or info.index in _title_matter(ctx):
            continue  # a table's caption, the title page: names, not uses of defined terms
        sent_starts: set[int] | None = None
        for m in _TERM_USE.finditer(text):
            term = m.group(1)
            key = _singular(term).lower()
            words = term.lower().replace("-", " ").split()
            if key in known or key in reported:
                continue
            if sent_starts is None:
                sent_starts = set(info.sentence_starts())
                if text.lstrip().startswith("|"):  # each cell opens like a sentence
                    sent_starts.update(c.end() for c in _CELL_START.finditer(text))
            if m.start() in sent_starts and not (
                # a term of two capitalised words opening a later sentence of a paragraph
                # ("… agreed. Exempt Tickets are excluded …") reads as a defined term too
                m.start() > 0 and len(words) >= 2 and _SENTENCE_TERM.match(text, m.end())
            ):
                continue
            if text.startswith(":", m.end()):
                continue  # a label ("Monthly Fee: GBP 400", "Title: … Date: …")
            marked = _marked_term(term, words)
            whole = term.lower().split()  # "On-Site Day": a compound is one word here
            if any(w in _NOT_TERMS and not (marked and w in _DOC_WORDS) for w in whole):
                continue
            if _ORG_END.search(text, m.end(), m.end() + 8):
                continue
            if strict or not _measure_term(words):
                if not marked:
                    continue
                if text.startswith(":", m.end()) or _part_present(ctx, term):
                    continue  # a label ("Agreed Hours: …"), or the part is here
                if _EXTERNAL.match(text, m.end()) or _ATTACHED.match(text, m.end()):
                    continue  # "the Price Grid in the Order Form": defined over there
            if words[-1] == "time" and words[-2] in _ZONES:
                continue
            if key in _named_parts(ctx):
                continue  # the title of its own part, a table's column, a listed set
            if any(key in k or (k in key and " " in k) or key.startswith(k + " ") for k in known):
                continue  # a defined term, a part of one, or one it names: "Resolution Time"
            if _SHORT_NAME.match(text, m.end()):
                continue  # the long name given a short one: 'Infrastructure Services ("Infra")'
            if " terms are defined " in text and _TERMS_DEFINED_IN.match(text, m.end()):
                continue
            if words[-1] in ("day", "eve") and "holiday" in text.lower():
                continue  # "Memorial Day, Labor Day …" in a list of holidays: names
            before = text[max(0, m.start() - 1) : m.start()]
            if before in "\u201c\"'(":
                continue
            if _REFERENT.search(text, max(0, m.start() - 120), m.start()):
                continue  # '"Core Services" means the Acme Cloud Services': what it names
            if words[0] in _brands(ctx):
                continue  # "the Talvio Repairs Platform" of Talvio Software Limited: a product
            if _ACRONYM_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "the CEDR Model Procedure": the name of another body's document
            if _ROLE_OF.search(text, max(0, m.start() - 14), m.start()):
                continue  # "Director, Corporate Shared Services": a unit named in a job title
            joint = text[max(0, m.start() - 5) : m.start()]
            if (" of " in joint or " for " in joint) and _NAME_OF.search(
                text, max(0, m.start() - 40), m.start()
            ):
                continue
            if _heading_line(text):
                break
            reported.add(key)
            yield ctx.finding(rule, info, m.start(), m.end())


_PART_NUMBER = re.compile(
    r"^\s*#*\s*(?:(?:part|section|schedule|annex|appendix|clause)\s+)?"
    r"(?:(?:[A-Z]?\d[\d.]*(?:\([a-z0-9]{1,3}\))?|[A-Z])(?=[\s.:)\-\u2013\u2014]|$))?"
    r"[\s.:)\-\u2013\u2014]*",
    re.I,
)
_TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)\s*$")
_DETERMINER = re.compile(r"^(?:the|our|its|their|these|all|each|any) ", re.I)
_AS_FOLLOWS = re.compile(
    r"([A-Z][a-z]+(?: [A-Z][a-z]+){1,4}) (?:are|is) (?:as follows|set out below)"
)


def _named_parts(ctx: Context) -> frozenset[str]:
    """Terms (singular, lower case) that a part of the document sets out: the title of a
    heading ("S3.2 Severity Levels"), a table's column heading ("| Availability Commitment
    (per Month) |"), or a sentence that lists them ("Priority Levels are as follows:")."""
    cached: frozenset[str] | None = ctx.memo.get("named parts")
    if cached is not None:
        return cached
    names: set[str] = set()
    previous = ""
    for info, heading in zip(ctx.infos, _headings(ctx), strict=True):
        text = info.block.text
        if heading:  # "S3.2 Severity Levels", "Service Credits (Schedule 3)"
            title = _TRAILING_BRACKET.sub("", _PART_NUMBER.sub("", heading))
            names.add(title.strip(" .:").lower())
        row = _table_row(text)
        if row and not previous.lstrip().startswith("|"):
            for cell in text.strip().strip("|").split("|"):
                names.add(cell.split("(")[0].strip(" *").lower())
        if " as follows" in text or " set out below" in text:
            names.update(
                _DETERMINER.sub("", m.group(1)).lower() for m in _AS_FOLLOWS.finditer(text)
            )
        previous = text
    found = frozenset(_singular(n) for n in names if n)
    ctx.memo["named parts"] = found
    return found


def _part_present(ctx: Context, term: str) -> bool:
    """True when ``term`` heads a part of the document or captions one."""
    lowered = term.lower()
    return any(lowered in h.lower() for h in _headings(ctx) if h)


def _unused_definitions(rule: Rule, ctx: Context) -> Iterator[Finding]:
    defined = _definitions(ctx)
    if not defined:
        return
    body = [i for i in ctx.infos if not i.block.is_heading]
    sentences = sum(len(i.sent_bounds) for i in body)
    defining = {(d[0].index, _sentence_of(d[0], d[1])) for d in defined.values()}
    if sentences <= len(defining):
        return  # nothing but definitions: an excerpt of a definitions list
    if (
        len(body) < 2
        and sum(1 for d in defined.values() if not d[3]) < 2
        # (unless a defined clock goes unused by the durations stated beside it: "'Business
        # Day' means …. Invoices are issued within 10 calendar days")
        and not any(_CLOCK_TERM.search(t) for t in defined)
    ):
        return  # one paragraph with one definition: the excerpt shows where it is used
    whole = ""
    for term, (info, start, end, passing) in defined.items():
        if passing or _listed_part(ctx, info):
            continue
        if not whole and (term.isupper() or " or " in info.block.text or "\n" in term):
            whole = "\n".join(i.block.text for i in ctx.infos)
        if _alias_used(info.block.text, term, whole):
            continue  # '"Monthly Recurring Charge" or "MRC" means …', and the MRC is used
        if " and " in term and all(
            _uses(ctx.lowered(), half.strip().lower()) > 1 for half in term.split(" and ")
        ):
            continue  # "Rural Zone and Urban Zone" defined together, each used on its own
        if term.isupper():  # an acronym: "SAL" is not used by "sales"
            found = re.finditer(r"\b" + re.escape(term) + r"s?\b", whole)
            uses = len(list(islice(found, 2)))
        else:  # "Resolution" is used by "resolved", "Attendance" by "attend": word stems
            stem = term[: max(5, len(term) - 5)].lower()
            if not stem.isalnum() or " " in term:
                stem = term.lower() if " " in term else stem  # "Service Credit", "Hand-over"
            # (a stem without a line break is used alike in the blocks joined by NUL)
            uses = _uses(whole.lower() if "\n" in stem else ctx.lowered(), stem)
        if uses <= 1:  # the definition itself is one
            yield ctx.finding(rule, info, start, end)


def _alias_used(text: str, term: str, whole: str) -> bool:
    """True when ``text`` defines ``term`` under a second name that ``whole`` uses again."""
    if " or " not in text:
        return False
    for m in _ALIAS_PAIR.finditer(text):
        names = (m.group(1).strip(), m.group(2).strip())
        if _singular(term) not in {_singular(n) for n in names}:
            continue
        other = names[1] if _singular(names[0]) == _singular(term) else names[0]
        found = re.finditer(r"\b" + re.escape(other) + r"s?\b", whole)
        if len(list(islice(found, 2))) > 1:
            return True
    return False


def _uses(text: str, stem: str, most: int = 2) -> int:
    """How many times (up to ``most``) ``stem`` opens a word of ``text`` that it ends within
    six more word characters: the uses of a term in the lower-cased document."""
    uses = 0
    at = text.find(stem)
    while at >= 0 and uses < most:
        end = at + len(stem)
        tail = end
        while tail < len(text) and tail - end <= 6 and (text[tail].isalnum() or text[tail] == "_"):
            tail += 1
        before = text[at - 1] if at else " "
        if not (before.isalnum() or before == "_") and tail - end <= 6:
            uses += 1
        at = text.find(stem, at + 1)
    return uses


_CLOCK_TERM = re.compile(r"\b(?:[Dd]ays?|[Hh]ours?)$")
"""A defined unit of time ("Business Day", "Working Hours"), whose use shows in durations."""


def _listed_part(ctx: Context, info: DocInfo) -> bool:
    """True for a definition in a list that another definition introduces ("Core Services
    means the following: - Login Service means …"): listing it is its use."""
    if not info.block.text.lstrip().startswith(("-", "•", "*", "\u2013")):
        return False
    for before in reversed(ctx.infos[: info.index]):
        text = before.block.text.rstrip()
        if not text.lstrip().startswith(("-", "•", "*", "\u2013")):
            # not a definitions list's own lead-in ("the following terms have the following
            # meanings:"), whose items are the definitions themselves
            return text.endswith(":") and not _DEFINITIONS_LEAD.search(text)
    return False


_DEFINITIONS_LEAD = re.compile(
    r"\b(?:meanings?|definitions?|defined terms?|terms? (?:used|have|shall have)|interpretation)\b",
    re.IGNORECASE,
)
"""The lead-in of a list of definitions ("In this Schedule the following terms have the
following meanings:")."""


def _sentence_of(info: DocInfo, char: int) -> int:
    """Index of the sentence of ``info`` that holds character ``char``."""
    starts = info.sentence_starts()
    return max(sum(1 for s in starts if s <= char) - 1, 0)


_INLINE_REST = (
    r"(?:(\d+(?:\.\d+)*)\.?\s+[A-Z]"
    r"|(?:(?i:clause|section|article|paragraph)\s+|§\s*)(\d+(?:\.\d+)*)\s*"
    r"(?:\([A-Z][^)]{0,40}\)\s*)?[:.\-\u2013\u2014]\s)"
    r"|\)\s+(?:(?i:clause|section|article|paragraph)\s+|§\s*)(\d+(?:\.\d+)*)\s*"
    r"(?:[\-\u2013\u2014]\s*)?[A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|and|of))*\s+[A-Z]"
)
_INLINE_NUM = re.compile(r"(?:^|[.;:]\s+)" + _INLINE_REST)
"""Run-in clause numbers inside a paragraph: "1. Definitions. … 2. Restoration. …",
"… minutes. Clause 9 (Reporting): the monthly report …", and a heading run into the parties
line above it ("… ('Client') § 1 Purpose and Scope This SLA …")."""
_INLINE_NUM_AFTER = re.compile(r"[.;:]\s+" + _INLINE_REST)
"""``_INLINE_NUM`` past the start of a text, where its ``^`` cannot match: without it, the
search skips to the few characters that can open a match."""


def _inline_numbers(text: str) -> Iterator[re.Match[str]]:
    """``_INLINE_NUM.finditer(text)``, faster: the opening alone is tried at the start."""
    first = _INLINE_NUM.match(text)
    if first is not None:
        yield first
    yield from _INLINE_NUM_AFTER.finditer(text, first.end() if first is not None else 0)


_EXTERNAL = re.compile(
    r"(?:[A-Z](?![A-Za-z]))?[\s,]*(?:\([a-z0-9]+\)\s*)*(?:\([A-Z][^()]{0,60}\)\s*)?(?:(?:of|in|under|to)\s+(?:the|our|its|your|each|any)\s+"
    r"(?!(?i:schedule)\b)(?:[A-Z]|master|main|framework|agreement|contract|terms|msa|order|statement)"
    r"|(?:of\s+)?(?:[A-Z]{2,}[A-Za-z]*|Regulation|Directive|Act)\b)",
)
"""After a reference, words that point into another document ("clause 9 of the Agreement",
"Article 28(3) GDPR", "§ 286 BGB", "section 5 of Regulation 2016/679", "section 165A of the
Road Traffic Act")."""
_OF_PART = re.compile(r"\s+(?:of|to)\s+((?i:schedule|annex|appendix|exhibit))\s+([A-Z]|\d+)\b")
"""After a part, the part it belongs to ("Annex 1 to Schedule 2")."""
_ATTACHED = re.compile(r"\s+(?:attached|annexed|appended)\s+to\b")
_STANDARD_BEFORE = re.compile(
    r"(?:\b[A-Z]{2,}[\w/:.\-]*|\b(?:[A-Z]\.){2,})(?:\s+[\d:/.\-]+)?(?:\s+[a-z]+){0,2},?\s+$"
)
"""Before a reference, the standard or law it belongs to ("ISO/IEC 27001, section 9",
"45 C.F.R. § 160.103")."""
_STANDARD_PART = re.compile(r"\b[A-Z]{2,}[A-Z\d/:.\-]*(?:\s+[\d:/.\-]+)?\s+$")
"""Before a part, the standard it belongs to ("EU GMP Annex 11", "ISO 27001 Annex A")."""
_PART_REF = re.compile(
    r"(?=(?i:[saetp]))"  # (what a part word opens with: other places are tested no further)
    r"\b((?i:schedule|annex|appendix|exhibit|attachment|table|part))\s+"
    r"([A-Z](?:-?\d+)?|\d+|[IVX]{1,4})\b"
)
"""A reference to a part: the word in any case, the part's name as written ("Schedule 4",
"annex B", "Table R-2"); "in this schedule a working day…" names no part."""
_PART_CAPTION = re.compile(
    r"(?=(?i:[saetp])|[.;:])"  # (what a match opens with: other places are tested no further)
    r"\b((?i:schedule|annex|appendix|exhibit|attachment|table|part))\s+"
    r"([A-Z](?:-?\d+)?|\d+|[IVX]{1,4})(?:\s*[\u2013\u2014:-]\s*[A-Za-z]|\)?:\s"
    r"|\s*\([A-Z][^()]{0,40}\):\s)"
    r"|(?:^|[.;:]\s+)((?i:schedule|annex|appendix|exhibit|attachment|table|part))\s+"
    r"([A-Z](?:-?\d+)?|\d+|[IVX]{1,4})\s*$"
)
"""A part named with its title ("Table 1 - Reactive categories"), introducing what follows
("the following rates (Table R-2): …", "Schedule 3 (Maintenance): the Supplier may …"), or a
caption standing alone at the end of a paragraph
("… 30 days. Table 2" above the table's rows): the part is here."""
_NAMED_SECTION = re.compile(r"\b(?:the|this)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s+section\b")


_TABLE_REF = re.compile(
    r"\b(?:the|a)\s+(?:following\s+)?(?:table|matrix|chart|grid)\s+"
    r"(?:(?:set\s+out|shown|given|included)\s+)?(below|above|that\s+follows)"
    r"|\bthe\s+(following)\s+(?:table|matrix|chart|grid)\b",
    re.IGNORECASE,
)
"""A pointer to a table in this text: "the table below", "the following table". Reported only
when the text goes on past the pointer (or, for "above", starts before it) with no table: a
sentence on its own may simply end before its table."""


_SENTENCE_END = re.compile(r"[.!?;]\s+\S")


def _is_table(info: DocInfo) -> bool:
    text = info.block.text
    return info.block.location.table is not None or " | " in text or text.startswith("|")


def _table_blocks(ctx: Context) -> list[int]:
    """The indexes of the blocks that are tables or in one (see ``_is_table``): the rows
    written as text are among the few blocks with a ``|``."""
    rows = {i.index for i in ctx.blocks_containing(["|"]) if _is_table(i)}
    cells = {i.index for i in ctx.infos if i.block.location.table is not None}
    return sorted(rows | cells)


_SELF_PART = re.compile(
    r"\b(?i:this|the\s+present)\s+(?:(?i:document|schedule|agreement)\s+(?:is|forms|constitutes)\s+)?"
    r"((?i:schedule|annex|appendix|exhibit|attachment|part))\s+"
    r"([A-Z](?:-?\d+)?|\d+|[IVX]{1,4})\b"
)
"""The document naming itself: "This Schedule 2 forms part of…", "… of which this document is
Schedule B"."""


def _part_names(ctx: Context) -> set[tuple[str, str]]:
    """The schedules, annexes, tables and parts the document has: named in a heading, a
    table caption, a title or at the start of a paragraph."""
    names: set[tuple[str, str]] = set()
    heads: set[str] = set().union(*{i.block.location.heading_path for i in ctx.infos})
    for info in ctx.blocks_containing(_PART_WORDS, lower=True):
        text = info.block.text
        if not _mentions_part(info.low):
            continue
        lead = text[:80]
        title = info.index == 0 and len(text) <= 120
        title = title and not text.rstrip().endswith((".", ";", "?", "!"))
        opening = _PART_REF.match(lead.lstrip("# "))
        if opening and _PROSE_AFTER.match(lead.lstrip("# "), opening.end()):
            opening = None  # "Appendix 1 lists the assets": a sentence about the part
        if info.block.is_heading or title or opening:
            names.update((m.group(1).lower(), m.group(2).upper()) for m in _PART_REF.finditer(lead))
        for m in _PART_CAPTION.finditer(text):
            word, name = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            names.add((word.lower(), name.upper()))
        lowered = info.low
        if "this " in lowered or "present " in lowered:
            found = _SELF_PART.finditer(text)
            names.update((m.group(1).lower(), m.group(2).upper()) for m in found)
    for head in heads:
        names.update((m.group(1).lower(), m.group(2).upper()) for m in _PART_REF.finditer(head))
    return names


_PROSE_AFTER = re.compile(r"\s+(?!(?:and|or|to|of|for|the|a|an|in)\b)[a-z]+\b")
"""After a part's name, a word in lower case that is not a title's ("lists", "sets out")."""
_PART_WORDS = ("schedule", "annex", "appendix", "exhibit", "attachment", "table", "part")
_PART_GATE = re.compile(r"(?:schedule|annex|appendix|exhibit|attachment|table|part)\s+[a-z0-9]")
"""A part word followed by a name, in lower-case text ("schedule 4", not "party")."""
_REF_WORDS = (*_PART_WORDS, "clause", "section", "paragraph", "article", "§")
"""Words every reference contains; blocks without any are skipped before the regexes."""
_TABLE_WORDS = ("table", "matrix", "chart", "grid")


def _mentions_part(lowered: str) -> bool:
    """True when the lower-case text names a part ("schedule 4")."""
    return any(w in lowered for w in _PART_WORDS) and _PART_GATE.search(lowered) is not None


def _clause_numbers(ctx: Context) -> set[str]:
    """Every clause number the document has: leading a block or run into one."""
    numbers = {n for n in _numbers(ctx) if n}
    for info in ctx.infos:
        text = info.block.text
        if ". " in text or ": " in text or ") " in text:
            found = _inline_numbers(text)
            numbers.update(m.group(1) or m.group(2) or m.group(3) for m in found)
    return numbers


_THIS_SCHEDULE = re.compile(r"\b(?i:this|the\s+present)\s+Schedule\b(?!\s+\w*\d)")
"""The document calling itself a schedule ("This Schedule sets out …"), not "this Schedule 4"."""
_OWN_PARAGRAPH = re.compile(r"\b(?i:paragraph)s?\s+\d")


def _schedule_of_contract(ctx: Context) -> tuple[bool, bool]:
    """Whether the document is one schedule of a larger contract (it calls itself "this
    Schedule"), and whether it then numbers its own parts as paragraphs. Such a schedule
    refers to its sibling schedules and, when its own parts are paragraphs, to the contract's
    clauses: neither is a part it should contain."""
    infos = ctx.blocks_containing(["schedule"], lower=True)
    if not any(_THIS_SCHEDULE.search(i.block.text) for i in infos):
        return False, False
    own = ctx.blocks_containing(["paragraph"], lower=True)
    return True, any(_OWN_PARAGRAPH.search(i.block.text) for i in own)


def _qualified_parts(ctx: Context) -> set[tuple[str, str]]:
    """The parts the document places in another document somewhere ("Schedule 1 to the
    Agreement"): a bare "Schedule 1" elsewhere means the same part."""
    found: set[tuple[str, str]] = set()
    for info in ctx.blocks_containing(_PART_WORDS, lower=True):
        text = info.block.text
        for m in _PART_REF.finditer(text):
            if _EXTERNAL.match(text, m.end()):
                found.add((m.group(1).lower(), m.group(2).upper()))
    return found


def _cross_references(rule: Rule, ctx: Context) -> Iterator[Finding]:
    numbers: set[str] | None = None
    tops: set[str] = set()
    parts: set[tuple[str, str]] | None = None
    tables: list[int] | None = None
    headings = ""
    schedule: tuple[bool, bool] | None = None
    elsewhere: set[tuple[str, str]] | None = None
    for info in ctx.blocks_containing(_REF_WORDS, lower=True):
        text = info.block.text
        lowered = info.low
        for m in _REF.finditer(text):
            word = m.group(0).split()[0].lower().rstrip("s") if m.group(0)[0] != "§" else "§"
            num = m.group(1)
            if word in ("schedule", "annex", "appendix") or _EXTERNAL.match(text, m.end()):
                continue
            if word == "clause":
                if schedule is None:
                    schedule = _schedule_of_contract(ctx)
                if schedule[1]:
                    continue  # a schedule's own parts are paragraphs: Clause 45 is the contract's
            if _STANDARD_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                continue  # "ISO 27001, section 9": a section of a standard or a law
            if numbers is None:
                numbers = _clause_numbers(ctx)
                tops = {n.split(".")[0] for n in numbers}
            if not numbers and _source_tag(text, m.start(), m.end()):
                continue
            if "." in num:
                parent = num.rsplit(".", 1)[0]
                has_children = any(n.startswith(parent + ".") for n in numbers)
                ok = num in numbers or (not has_children and parent.split(".")[0] in tops)
            else:
                ok = num in tops
            if not ok:
                yield ctx.finding(rule, info, m.start(), m.end())
        if parts is None and _mentions_part(lowered):
            parts = _part_names(ctx)
        for m in _PART_REF.finditer(text) if parts is not None else ():
            key = (m.group(1).lower(), m.group(2).upper())
            if key[0] == "part" and not key[1].isalpha():
                continue  # "part 2 of the form" is too often prose
            external = _EXTERNAL.match(text, m.end()) or _STANDARD_PART.search(
                text, max(0, m.start() - 30), m.start()
            )
            if key not in (parts or ()) and not external and not info.block.is_heading:
                owner = _OF_PART.match(text, m.end())
                if owner and (owner.group(1).lower(), owner.group(2).upper()) not in (parts or ()):
                    continue  # "Annex 1 to Schedule 2", and Schedule 2 is another document
                if elsewhere is None:
                    elsewhere = _qualified_parts(ctx)
                if key in elsewhere:
                    continue  # "Exhibit A to the Agreement" once, then "Exhibit A"
                if key[0] == "schedule" and sum(p[0] == "schedule" for p in parts or ()) < 2:
                    # (a contract with its schedules attached has more than one, its own name)
                    if schedule is None:
                        schedule = _schedule_of_contract(ctx)
                    if schedule[0]:
                        continue  # this schedule's sibling in the contract
                yield ctx.finding(rule, info, m.start(), m.end())
        if any(word in lowered for word in _TABLE_WORDS):
            for m in _TABLE_REF.finditer(text):
                if tables is None:
                    tables = _table_blocks(ctx)
                here, last = info.index, len(ctx.infos) - 1
                if (m.group(1) or m.group(2)).lower() == "above":
                    more = here > 0 or _SENTENCE_END.search(text, 0, m.start()) is not None
                    found = any(t < here for t in tables)
                else:
                    more = here < last or _SENTENCE_END.search(text, m.end()) is not None
                    found = any(t > here for t in tables)
                if more and not found:
                    yield ctx.finding(rule, info, m.start(), m.end())
        for m in _LABELLED_PART.finditer(text) if _PART_HINT.search(lowered) else ():
            if m.group(1).split()[0].lower() in _NOT_LABELS:
                continue
            if not _has_part(ctx, info, m.group(2).lower()):
                yield ctx.finding(rule, info, m.start(), m.end())
        for m in _NAMED_SECTION.finditer(text) if "section" in lowered else ():
            if not headings:
                headings = " ".join(_headings(ctx)).lower()
            if m.group(1).lower() not in headings:
                yield ctx.finding(rule, info, m.start(), m.end())


_TAG_END = re.compile(r"\)\s*(?:[.;:]|$)")


def _source_tag(text: str, start: int, end: int) -> bool:
    """True for a bare reference in brackets closing a sentence of an unnumbered excerpt
    ("… per calendar month (clause 3.1). …"): it says where the sentence comes from, not
    where to look ("(see clause 9)" and "as set out in clause 9" are pointers)."""
    return text[:start].endswith("(") and _TAG_END.match(text, end) is not None


_PART_HINT = re.compile(r"(?:annexe?|appendix|exhibit|attachment)\b")
_LABELLED_PART = re.compile(
    r"\b(?:the|an?)\s+((?:[a-z]+[\s-]){1,2})(annexe?|appendix|exhibit|attachment)\b(?!\s+[A-Z\d])"
)
"""A part named by its subject instead of a number: "the exclusions annex", "the pricing
appendix" ("the attached annex" or "Annex 3" are handled elsewhere)."""
_NOT_LABELS = frozenset(
    ["this", "that", "same", "relevant", "attached", "following", "present", "above", "below",
     "an", "any", "each", "such", "other", "separate", "applicable", "said"]
)  # fmt: skip


def _has_part(ctx: Context, here: DocInfo, word: str) -> bool:
    """True when the document has a part of that kind: a heading or a block that opens with
    the word ("Annex - Exclusions", "Exclusions Annex")."""
    stem = word.rstrip("e")
    for info in ctx.infos:
        if info is here:
            continue
        lead = " ".join(info.block.text.lower().lstrip("# ").split(" ")[:3])
        if stem in (info.block.text[:80].lower() if info.block.is_heading else lead):
            return True
        if any(stem in h.lower() for h in info.block.location.heading_path):
            return True
    return False


def _inherited(info: DocInfo, lead: str | None) -> bool:
    """True for a plain-text paragraph that carries its heading's clause number without
    writing it (a docx paragraph's number is rendered by Word, so it is never inherited);
    ``lead`` is the number its text opens with."""
    location = info.block.location
    if location.line is None or info.block.is_heading or lead is not None:
        return False
    return _SUB_CLAUSE.match(info.block.text) is None


def _numbering(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """A number that skips one after a run of at least two at its level ("1, 2, 4"), or after
    a top-level 1 ("1, 3"), or that a plain text writes twice in a row ("3.2 … 3.2"); an
    excerpt's two clauses ("6.1 … 6.4", "3 … 9") are not a run and say nothing about the
    clauses between them."""
    last: dict[str, int] = {}
    run: dict[str, int] = {}
    first: dict[str, int] = {}
    outer: dict[str, int] = {}
    """Where a sequence stood when a list inside it started again at 1 ("§ 7 … 1. 2. 3. 4.
    … § 8"): the next number after it continues the outer sequence."""
    written = ""
    """The number the previous numbered paragraph of a plain text wrote: two paragraphs that
    write the same clause number ("3.2 … 3.2 …") are numbered twice (a plain "1." after "1."
    is a nested list starting again)."""
    for info, num, lead in zip(ctx.infos, _numbers(ctx), _leads(ctx), strict=True):
        if not num or _inherited(info, lead):
            continue
        parts = num.split(".")
        if not all(map(str.isdigit, parts)):
            continue
        parent = ".".join(parts[:-1])
        value = int(parts[-1])
        prev = last.get(parent)
        opened = not parent and first.get(parent) == 1
        skipped = value > prev + 1 and (run.get(parent, 0) >= 2 or opened) if prev else False
        if prev and value == 1 and prev > 1:
            outer[parent] = prev
        elif skipped and outer.get(parent, -1) + 1 == value:
            skipped = False
            del outer[parent]
        twice = value == prev and "." in num and num == written
        if skipped or twice:
            text = info.block.text
            m = (_LEAD_NUM.match(text) if lead else None) or _SUB_CLAUSE.match(text)
            start, end = (m.start(1), m.end(1)) if m else (0, min(len(info.block.text), 1))
            yield ctx.finding(rule, info, start, end)
        written = num if info.block.location.line is not None else ""
        for key in [k for k in last if k and k.count(".") + 1 >= len(parts)]:
            del last[key]
            run.pop(key, None)
        if prev is None or value != prev:
            run[parent] = run.get(parent, 0) + 1
        first.setdefault(parent, value)
        last[parent] = value
    yield from _letter_gaps(rule, ctx)


_LETTER_ITEM = re.compile(r"\s*\(?([a-z])\)\s")
_INLINE_LETTER = re.compile(r"(?:^|(?<=[\s:;,]))\(([a-z])\)\s")


def _gap_after_run(codes: list[int], first: int) -> int | None:
    """Index of the first value that skips one after a run of at least two from ``first``."""
    if len(codes) < 3 or codes[0] != first or codes != sorted(set(codes)):
        return None
    for k in range(2, len(codes)):
        if codes[k] > codes[k - 1] + 1:
            return k if all(codes[j] == codes[j - 1] + 1 for j in range(1, k)) else None
    return None


def _skips(letters: list[str]) -> int | None:
    """Index of the first letter that skips one after "a", "b", … in order, else None. An
    "(i)", "(v)" or "(x)" that does not follow the letter before it is a roman numeral under
    the item before ("(b) review: (i) logs") and is passed over; a list that goes back
    ("(a) … (b) … (a)") is not one list and is left alone."""
    kept: list[tuple[int, int]] = []
    for index, letter in enumerate(letters):
        code = ord(letter)
        if letter in "ivx" and (not kept or code != kept[-1][1] + 1):
            continue
        kept.append((index, code))
    k = _gap_after_run([code for _i, code in kept], ord("a"))
    return None if k is None else kept[k][0]


def _letter_gaps(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """Lettered items that skip a letter: paragraphs "(a)", "(b)", "(d)", or the same run into
    one paragraph; and numbered clauses run into one paragraph ("1. Scope. … 2. … 4. …")."""
    items: list[tuple[DocInfo, str, int]] = []
    for info in [*ctx.infos, None]:
        m = _LETTER_ITEM.match(info.block.text) if info is not None else None
        if m is not None and info is not None:
            items.append((info, m.group(1), m.start(1)))
            continue
        if items:
            k = _skips([letter for _i, letter, _s in items])
            if k is not None:
                hit, _letter, start = items[k]
                yield ctx.finding(rule, hit, start, start + 1)
            items = []
        if info is None:
            continue
        if "1. " in info.block.text and "2. " in info.block.text:
            runs = [m for m in _inline_numbers(info.block.text) if m.group(1)]
            runs = [m for m in runs if m.group(1).isdigit()]
            k = _gap_after_run([int(m.group(1)) for m in runs], 1)
            if k is not None:
                yield ctx.finding(rule, info, runs[k].start(1), runs[k].end(1))
        if "(b) " not in info.block.text:
            continue
        found = list(_INLINE_LETTER.finditer(info.block.text))
        k = _skips([m.group(1) for m in found])
        if k is not None:
            yield ctx.finding(rule, info, found[k].start(1), found[k].end(1))


_CELL = re.compile(r"[^|]+")
_RULE_ROW = re.compile(r"^[\s|:\-\u2013\u2014=+]*$")
"""A separator row under a table heading ("---|---")."""


_Row = tuple[DocInfo, bool, list[tuple[int, int]] | None]
"""A table row written as text, whether it opens a run of rows, and its cells' spans."""


def _text_rows(ctx: Context) -> list[_Row]:
    """The blocks written as table rows ("A | B | C"), each with whether it opens a run of
    them and the spans of its non-empty cells (None for a separator row), found once for
    every rule that reads the cells."""
    rows: list[_Row] | None = ctx.memo.get("text-rows")
    if rows is None:
        rows = []
        last = -2
        for at, info in enumerate(ctx.infos):
            text = info.block.text
            if "|" in text and (" | " in text or text.lstrip().startswith("|")):
                cells = None
                if not _RULE_ROW.match(text):
                    cells = [
                        (m.start(), m.end()) for m in _CELL.finditer(text) if m.group().strip()
                    ]
                rows.append((info, at != last + 1, cells))
                last = at
        ctx.memo["text-rows"] = rows
    return rows


@functools.cache
def _cell_values(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """A cell value that starts with one of ``phrases`` (built once per rule)."""
    return re.compile(r"(?:" + "|".join(re.escape(p.lower()) for p in phrases) + r")(?![\w/])")


def _table_cells(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """Cells of a table written as text ("A | B | C" rows) whose column heading contains one
    of the rule's ``requires`` phrases and whose value starts with one of its ``phrases``
    ("Metric | Source | Customer access" over "Uptime | Supplier NMS | none"); a cell that
    contains one of its ``unless`` phrases is left alone. The first row of a run of table rows
    is the heading row."""
    heads = tuple(p.lower() for p in rule.requires.phrases)
    values = _cell_values(rule.match.phrases)
    avoid = tuple(p.lower() for p in rule.unless.phrases)
    columns: list[int] | None = None
    """The columns whose heading names one of ``heads`` (None before the heading row)."""
    for info, opens, cells in _text_rows(ctx):
        if opens:
            columns = None
        if cells is None:
            continue
        text = info.block.text
        if columns is None:
            names = [text[a:b].strip().lower() for a, b in cells]
            columns = [c for c, name in enumerate(names) if any(h in name for h in heads)]
            continue
        for column in columns:
            if column >= len(cells):
                break
            a, b = cells[column]
            value = text[a:b].strip().lower()
            if values.match(value) and not any(w in value for w in avoid):
                start = a + len(text[a:b]) - len(text[a:b].lstrip())
                yield ctx.finding(rule, info, start, start + len(value))


_STRUCTURE = {
    "table-cell": _table_cells,
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
_HEADED_PARTS = 4
"""A title and three headed parts (headings of their own, not run-in labels) present a short
text as a whole agreement too."""
_RUN_IN = re.compile(
    r"^\s*(?:(?i:" + LABEL_WORDS + r")\s*)?"
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


_RUN_IN_END = re.compile(r"[.:]\s")
"""What every run-in heading ends with: most blocks have none, and this search costs a fifth
of trying ``_RUN_IN``."""


def _run_in_heading(text: str) -> str:
    m = _RUN_IN.match(text) if _RUN_IN_END.search(text) else None
    if not m or len(m.group(1).split()) > 7:
        return ""
    return m.group(1)


def _first_body(ctx: Context) -> DocInfo:
    """The document's first block of body text (the title, as a rule), not a page header."""
    return next((i for i in ctx.infos if i.block.location.part == "body"), ctx.infos[0])


def _section_heads(ctx: Context) -> str:
    """The document's headings, run-in headings and heading paths, in lower case, without
    its title (the title names the service, "Application Maintenance SLA", not a part),
    joined by NUL: a word is in one of them when it is in this text."""
    cached: str | None = ctx.memo.get("section_heads")
    if cached is None:
        first = _first_body(ctx).block
        title = first.text if first.is_heading and not first.location.clause else ""
        heads = {h for h in _headings(ctx) if h}
        for info in ctx.infos:
            heads.update(info.block.location.heading_path)
        heads.discard(title)
        cached = "\0".join(sorted(h.lower() for h in heads))
        ctx.memo["section_heads"] = cached
    return cached


def _outline(ctx: Context, headings: list[str]) -> bool:
    """True for a list of headings with next to no text under them ("1. Scope / 2. Service
    Levels / 3. Reporting …"): a contents list, whose parts cannot be judged complete."""
    body = 0
    for info, head in zip(ctx.infos, headings, strict=True):
        if info.block.is_heading:
            continue
        rest = info.block.text[len(head) :] if head else info.block.text
        if len(rest.split()) > 4:
            body += 1
    return body < 2


_AGREEMENT = re.compile(
    r"\b(?:agreements?|contracts?|SLAs?|OLAs?|schedules?|annex|appendix|exhibit|parties|party"
    r"|shall|hereby|undertakes?|signed|signature|service levels?|charter|statement of work"
    r"|terms and conditions|terms of service|binding|obligations?|commit(?:s|ted|ments?)?|policy"
    r"|guarantee[sd]?)\b",
    re.IGNORECASE,
)
"""Words with which a text presents itself as an agreement or a schedule to one."""


def _presents_as_agreement(ctx: Context) -> bool:
    """True when the text presents itself as an agreement (or a schedule to one): it uses the
    words of one (agreement, parties, shall, service levels, signature…) and it is not a set
    of questions and answers (an FAQ or help page: most of its headings are questions)."""
    found: bool | None = ctx.memo.get("agreement")
    if found is None:
        heads = [h.strip() for h in _headings(ctx) if h.strip()]
        questions = sum(1 for h in heads if h.endswith("?"))
        questions += sum(
            1
            for i in ctx.infos
            if "?" in i.block.text
            and not i.block.is_heading
            and i.block.text.rstrip().endswith("?")
        )
        faq = questions >= 2 and questions * 2 >= len(heads)
        found = not faq and any(_AGREEMENT.search(i.block.text) for i in ctx.infos)
        ctx.memo["agreement"] = found
    return found


def check_section(rule: Rule, ctx: Context) -> list[Finding]:
    """Report a required section found neither under a heading nor by its content, in a
    document long enough or with enough headed parts to be a whole agreement, that presents
    itself as one, and (with ``requires``) only where it has what needs the section."""
    if not ctx.infos or not _presents_as_agreement(ctx):
        return []
    if rule.requires and not ctx.has_key(f"{rule.code}|r"):
        return []  # nothing in the document needs the section (no downtime metric…)
    headings = _headings(ctx)
    if (
        ctx.words < rule.min_words
        and sum(1 for h in headings if h) < _WHOLE_AGREEMENT
        and sum(1 for i in ctx.infos if i.block.is_heading) < _HEADED_PARTS
    ):
        return []
    if ctx.words < rule.min_words and _outline(ctx, headings):
        return []
    words = tuple(w.lower() for w in rule.headings)
    first = _first_body(ctx)
    heads = _section_heads(ctx)
    if heads and any(w in heads for w in words):
        return []
    if ctx.has_key(f"{rule.code}|t"):
        return []
    if rule.unless and ctx.has_key(f"{rule.code}|u"):
        return []  # a document of a kind that does not need the section
    return [ctx.finding(rule, first, 0, len(first.block.text.rstrip()))]
