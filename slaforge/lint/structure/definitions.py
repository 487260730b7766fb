"""Where a draft defines its terms: quoted, bold, in brackets, listed, in a table or in
running text."""

from __future__ import annotations

import re

from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo
from slaforge.lint.structure.tables import _table_row
from slaforge.lint.structure.termwords import _NOT_TERMS, _singular

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


_HEADER_WORDS = frozenset(["term", "terms", "defined term", "word", "expression", "definition"])
_ROW_DEF = re.compile(r"^\s*\|\s*([A-Z][\w\-]*(?:\s+[\w\-]+){0,5}?)\s*\|\s*\S")
"""The first cell of a row of a definitions table: "| Support Hours | 07:00 to 19:00 … |"."""


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


_DEF_MARK = re.compile("[:\u2014\u2013]")
"""What sets a term off from its meaning in a definitions part: a colon or a dash."""


_LISTED_TERM = re.compile(r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,4})")
