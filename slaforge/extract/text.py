"""Blocks from plain text and Markdown.

A block is a paragraph: lines up to a blank line, a heading, a list item or a table row. The
lines of a paragraph are joined by single spaces, so hard-wrapped sentences read as one, and
``location.line`` is the 1-based line the paragraph starts on. Clause numbers (``4.2``, ``(a)``)
are read from the start of a paragraph; headings are ``#`` lines, or in plain text also a
short line on its own without final punctuation or digits beyond its clause number (level 1
unnumbered, one deeper per part of its number).
"""

from __future__ import annotations

import re

from slaforge.lint.model import Block, BlockLocation

_CLAUSE = re.compile(r"(?P<num>\d{1,3}(?:\.\d{1,3})*\.?|\(?[a-z]\)|\(?[ivx]{1,5}\)|\d{1,3}\))\s+")
_MD_HEADING = re.compile(r"(?P<marks>#{1,6})\s*(?P<title>.*?)\s*#*\s*$")
_JOINERS = frozenset(
    ("a", "an", "and", "as", "by", "for", "in", "is", "means", "of", "or", "that", "the", "to")
)
"""Words a heading does not end on but a sentence broken over lines does."""
_LIST_ITEM = re.compile(r"\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")


def _clause(text: str) -> str | None:
    match = _CLAUSE.match(text)
    return match.group("num").rstrip(".") if match else None


def _is_plain_heading(line: str) -> bool:
    clause = _clause(line)
    rest = line[_CLAUSE.match(line).end() :] if clause else line  # type: ignore[union-attr]
    return (
        0 < len(line) <= 60
        and len(rest.split()) <= 8
        and rest[:1].isupper()
        and not re.search(r"[.;:,)\]]$|\d", rest)
        and rest.split()[-1] not in _JOINERS
    )


def extract_text(text: str, markdown: bool) -> list[Block]:
    """Blocks of ``text`` (already decoded).

    ``#`` headings, ``|`` table rows and front matter are read in any text, since plain-text
    drafts are often Markdown; headings without ``#`` are guessed only when not ``markdown``.
    A Markdown heading's block text is its title without the ``#`` marks.
    """
    lines = text.splitlines()
    first = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), None)
        first = 0 if end is None else end + 1
    paragraphs: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0

    def close() -> None:
        if current:
            paragraphs.append((start, list(current)))
            current.clear()

    for number in range(first, len(lines)):
        line = lines[number]
        if not line.strip():
            close()
            continue
        single = _MD_HEADING.match(line) or line.lstrip().startswith("|")
        if single or _LIST_ITEM.match(line) or (current and _CLAUSE.match(line)):
            close()
        if not current:
            start = number
        current.append(line)
        if single:
            close()
    close()

    blocks: list[Block] = []
    headings: list[tuple[int, str]] = []
    heading_clause: str | None = None
    for index, (line_no, chunk) in enumerate(paragraphs):
        body = " ".join(chunk)
        level = 0
        title = body.strip()
        heading = _MD_HEADING.match(body)
        if heading is not None:
            level = len(heading.group("marks"))
            title = body = heading.group("title")
        elif not markdown and len(chunk) == 1 and _is_plain_heading(body.strip()):
            clause = _clause(body.strip())
            level = clause.count(".") + 2 if clause else 1
        if body.lstrip().startswith("|") and set(body.strip()) <= set("|-: "):
            continue
        clause = _clause(title) or _clause(body.lstrip(" -*+"))
        if level:
            while headings and headings[-1][0] >= level:
                headings.pop()
            path = tuple(t for _, t in headings)
            headings.append((level, title))
            heading_clause = clause
        else:
            path = tuple(t for _, t in headings)
            clause = clause or heading_clause
        location = BlockLocation(
            paragraph=index, clause=clause, heading_path=path, line=line_no + 1
        )
        blocks.append(Block(body, location, is_heading=bool(level), level=level))
    return blocks
