"""The parts a document has (schedules, annexes, appendices, tables), and the words that place a
reference in another document."""

from __future__ import annotations

import re

from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo

_EXTERNAL = re.compile(
    r"(?:[A-Z](?![A-Za-z]))?[\s,]*(?:\([a-z0-9]+\)\s*)*(?:\([A-Z][^()]{0,60}\)\s*)?(?:(?:of|in|under|to)\s+(?:the|our|its|your|each|any)\s+"
    r"(?!(?i:schedule)\b)(?:[A-Z]|master|main|framework|agreement|contract|terms|msa|order|statement)"
    r"|(?:of\s+)?(?:[A-Z]{2,}[A-Za-z]*|Regulation|Directive|Act)\b)",
)
"""After a reference, words that point into another document ("clause 9 of the Agreement",
"Article 28(3) GDPR", "§ 286 BGB", "section 5 of Regulation 2016/679", "section 165A of the
Road Traffic Act")."""


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


def _mentions_part(lowered: str) -> bool:
    """True when the lower-case text names a part ("schedule 4")."""
    return any(w in lowered for w in _PART_WORDS) and _PART_GATE.search(lowered) is not None


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
