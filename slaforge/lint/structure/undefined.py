"""The undefined-term check: capitalised terms used as defined ones that the draft never
defines."""

from __future__ import annotations

import re
from collections.abc import Iterator

from slaforge.lint.context import Context
from slaforge.lint.model import Finding
from slaforge.lint.rules import Rule
from slaforge.lint.structure.definitions import _definitions
from slaforge.lint.structure.headings import _heading_line, _headings
from slaforge.lint.structure.numbers import _numbers
from slaforge.lint.structure.parts import _EXTERNAL
from slaforge.lint.structure.tables import _table_row
from slaforge.lint.structure.termwords import (
    _DOC_WORDS,
    _MARKS,
    _NOT_TERMS,
    _ZONES,
    _marked_term,
    _measure_term,
    _singular,
)

_SENTENCE_TERM = re.compile(r"\s+(?:are|is|shall|will|must|may|do|does|count|counts)\b")
"""What follows a term that is the subject of its sentence."""


_SHORT_NAME = re.compile(
    r"\s*\((?:the\s+)?(?:[\u201c\"'\u2018]|[A-Z]{2,6}s?\))|,?\s*(?:\(\s*)?as\s+defined\s+in\b"
)
"""After a term, the short name it is given (' ("Infrastructure")', " (CIR)"), or where it is
defined ("…, as defined in the Master Agreement"; a missing clause there is a cross-reference
problem, reported as such)."""
_TERMS_DEFINED_IN = re.compile(
    r"[^.;:]{0,80}?\bas\s+(?:those|these|such|both|the)\s+terms\s+are\s+defined\s+(?:in|by|under)\b"
)
"""After terms, where they are defined: "Security Incident or Breach, as those terms are
defined in the BAA"."""
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


_NAME_OF = re.compile(r"\b[A-Z][a-z]+ (?:of|for) (?:the )?$")
"""The end of "Head of", "Bank of the", "Conditions for": the words after it are part of a job
title or a name ("General Conditions for Business Services")."""
_ROLE_OF = re.compile(
    r"\b(?:Director|Manager|Head|Officer|Lead|Chief|Controller|Partner|President|Secretary),\s*$"
)
"""A job title before the unit it heads: "Director, Corporate Shared Services"."""
_ORG_END = re.compile(r"\b(?:Ltd|Limited|Inc|LLC|GmbH|AG|SA|Corp|Corporation|Plc|PLC)\b")


_CAPTION = re.compile(r"\s*(?:Table|Figure|Chart|Diagram|Exhibit)\s+[\w.]{1,5}\s*[:.\-\u2013]\s")


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


_ATTACHED = re.compile(r"\s+(?:attached|annexed|appended)\s+to\b")
