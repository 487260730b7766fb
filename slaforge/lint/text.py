"""Split plain text or Markdown into Blocks: paragraphs, headings and list items."""

from __future__ import annotations

import re

from slaforge.lint.model import Block, BlockLocation

_MD_HEADING = re.compile(r"^(#{1,6})\s+\S")
_NUM_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+[A-Z][^.;:!?]{0,80}$")
_CLAUSE = re.compile(r"^\s*(\d+(?:\.\d+)*)[.)]?\s+\S")
_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)]|[a-z][.)]|\|)\s*")


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
    return 0


def split_blocks(text: str) -> list[Block]:
    """Blank-line separated paragraphs; list items and table rows become their own blocks.

    Line breaks inside a paragraph are kept in place (as spaces) so character offsets
    still point into the original line.
    """
    blocks: list[Block] = []
    path: list[tuple[int, str]] = []
    para: list[tuple[int, str]] = []

    def flush() -> None:
        if not para:
            return
        line_no = para[0][0]
        joined = " ".join(line for _, line in para)
        para.clear()
        level = _heading(joined) if "\n" not in joined else 0
        clause = _CLAUSE.match(joined)
        loc = BlockLocation(
            paragraph=len(blocks),
            clause=clause.group(1) if clause else None,
            heading_path=tuple(h for _, h in path),
            line=line_no,
        )
        if level:
            title = joined.lstrip("#").strip()
            while path and path[-1][0] >= level:
                path.pop()
            path.append((level, title))
        blocks.append(Block(joined, loc, is_heading=bool(level), level=level))

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        if para and (_ITEM.match(line) or _heading(line.strip())):
            flush()
        para.append((number, line.strip()))
        if _heading(line.strip()):
            flush()
    flush()
    return blocks
