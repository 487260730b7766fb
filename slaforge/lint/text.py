"""Split plain text or Markdown into Blocks: paragraphs, headings and list items."""

from __future__ import annotations

import re

from slaforge.lint.model import Block, BlockLocation

_MD_HEADING = re.compile(r"^(#{1,6})\s+\S")
_NUM_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+[A-Z][^.;:!?]{0,80}$")
_CLAUSE = re.compile(r"^\s*(\d+(?:\.\d+)*)[.)]?\s+\S")
_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)]|[a-z][.)]|\|)\s*")
_LABELLED = re.compile(
    r"^(?:(?i:part|section|clause|schedule|annex|appendix|exhibit|attachment|table|article|art\.|§)"
    r"\s*[\dA-Z][\d.]*"
    r"|[A-Z][.)]|[IVX]{1,4}[.)])\s*[-\u2013\u2014:.]?\s*[A-Z]"
)
"""A line that opens a labelled part: "Section 4 - Reporting", "Part 3: Data…", "E. Rebates"."""
_TITLE_LINE = re.compile(
    r"^[A-Z][\w&/'\u2019-]*(?: (?:[A-Z][\w&/'\u2019-]*|and|of|the|for|to|&))*$"
)
"""A short Title Case line with no sentence punctuation: "Service Hours", "Scope"."""
_LABEL_COLON = re.compile(r"^[A-Z][\w&/'\u2019-]*(?: [\w&/'\u2019-]+){0,5}:\s")
"""A paragraph that opens with a short label and a colon: "Consequences: A missed level…"."""
_ENDS = (".", ":", ";", "!", "?", '"', "'", "\u201d", "\u2019")


def _heading(line: str) -> int:
    """Heading level of ``line`` (0 when it is not a heading)."""
    m = _MD_HEADING.match(line)
    if m:
        return len(m.group(1))
    m = _NUM_HEADING.match(line)
    if m and len(line.split()) <= 10:
        return m.group(1).count(".") + 1
    if line.isupper() and 1 <= len(line.split()) <= 8 and line[-1:] not in ".;,":
        return 1
    m = _LABELLED.match(line)
    if m and len(line.split()) <= 10 and not any(c in line[m.end() :] for c in ".;:!?"):
        return 2
    return 0


def _title(line: str) -> bool:
    """True for a document's first line when it reads as a title: short, no sentence end,
    mostly capitalised words ("Backup and Recovery Services - Service Level Agreement")."""
    words = line.split()
    if not 1 <= len(words) <= 14 or line.endswith((*_ENDS, ",")) or ":" in line:
        return False
    capitals = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitals >= 0.7 * len(words)


def _starts_part(line: str, para: list[tuple[int, str]]) -> bool:
    """True for a line that opens a new part after a finished sentence: a labelled paragraph
    ("Part 3: Data and Reporting. The Vendor…") or a Title Case heading line ("Service Hours")."""
    if not para or not para[-1][1].endswith(_ENDS):
        return False
    if _LABELLED.match(line) or _LABEL_COLON.match(line):
        return True
    return len(line.split()) <= 6 and bool(_TITLE_LINE.match(line))


def split_blocks(text: str) -> list[Block]:
    """Blank-line separated paragraphs; list items and table rows become their own blocks.

    Line breaks inside a paragraph are kept in place (as spaces) so character offsets
    still point into the original line.
    """
    blocks: list[Block] = []
    path: list[tuple[int, str]] = []
    para: list[tuple[int, str]] = []

    def flush(title_line: bool = False) -> None:
        if not para:
            return
        line_no = para[0][0]
        joined = " ".join(line for _, line in para)
        para.clear()
        level = 2 if title_line else _heading(joined)
        clause = _CLAUSE.match(joined)
        loc = BlockLocation(
            paragraph=len(blocks),
            clause=clause.group(1) if clause else None,
            heading_path=tuple(h for _, h in path),
            line=line_no,
        )
        if level:
            heading = joined.lstrip("#").strip()
            while path and path[-1][0] >= level:
                path.pop()
            path.append((level, heading))
        blocks.append(Block(joined, loc, is_heading=bool(level), level=level))

    lines = text.rstrip().splitlines()
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        stripped = line.strip()
        title_line = (_starts_part(stripped, para) and bool(_TITLE_LINE.match(stripped))) or (
            not blocks and not para and number < len(lines) and _title(stripped)
        )
        row = " | " in stripped
        opens = row or _ITEM.match(line) or _heading(stripped) or _starts_part(stripped, para)
        if para and opens:
            flush()
        para.append((number, stripped))
        if _heading(stripped) or title_line or row:
            flush(title_line)
    flush()
    return blocks
