"""The cross-reference check: clauses, parts, tables and sections referred to that the
document does not have."""

from __future__ import annotations

import re
from collections.abc import Iterator

from slaforge.lint.context import Context
from slaforge.lint.model import Finding
from slaforge.lint.rules import Rule
from slaforge.lint.structure.headings import _headings
from slaforge.lint.structure.numbers import _clause_numbers
from slaforge.lint.structure.parts import (
    _EXTERNAL,
    _PART_REF,
    _PART_WORDS,
    _has_part,
    _mentions_part,
    _part_names,
    _qualified_parts,
    _schedule_of_contract,
)
from slaforge.lint.structure.tables import _table_blocks

_REF = re.compile(
    r"(?=(?i:[cspa])|§)"  # (what a reference opens with: other places are tested no further)
    r"(?:\b(?i:clause|section|paragraph|schedule|annex|appendix|article)s?\s+|§§?\s*)"
    r"(\d+(?:\.\d+)*)(?![\d.]*\s*%)"
)


_OF_PART = re.compile(r"\s+(?:of|to)\s+((?i:schedule|annex|appendix|exhibit))\s+([A-Z]|\d+)\b")
"""After a part, the part it belongs to ("Annex 1 to Schedule 2")."""


_STANDARD_BEFORE = re.compile(
    r"(?:\b[A-Z]{2,}[\w/:.\-]*|\b(?:[A-Z]\.){2,})(?:\s+[\d:/.\-]+)?(?:\s+[a-z]+){0,2},?\s+$"
)
"""Before a reference, the standard or law it belongs to ("ISO/IEC 27001, section 9",
"45 C.F.R. § 160.103")."""
_STANDARD_PART = re.compile(r"\b[A-Z]{2,}[A-Z\d/:.\-]*(?:\s+[\d:/.\-]+)?\s+$")
"""Before a part, the standard it belongs to ("EU GMP Annex 11", "ISO 27001 Annex A")."""


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


_REF_WORDS = (*_PART_WORDS, "clause", "section", "paragraph", "article", "§")
"""Words every reference contains; blocks without any are skipped before the regexes."""
_TABLE_WORDS = ("table", "matrix", "chart", "grid")


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
