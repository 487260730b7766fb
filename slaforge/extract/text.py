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
LABEL_WORDS = (
    r"part|section|clause|schedule|annex|appendix|exhibit|attachment|table|article|art\.|§"
)
"""Words that label a part of an agreement ("Section 4", "Annex B", "§ 5"); shared with the
linter's run-in headings (``slaforge.lint.structure.headings``)."""
_LABELLED = re.compile(
    r"^(?:(?i:" + LABEL_WORDS + r")"
    r"\s*[\dA-Z][\d.]*|[A-Z][.)]|[IVX]{1,4}[.)])\s*[-\u2013\u2014:.]?\s*[A-Z]"
)
"""A line that opens a labelled part: "Section 4 - Reporting", "Part 3: Data…", "E. Rebates"."""
_LABEL_COLON = re.compile(r"^[A-Z][\w&/'\u2019-]*(?: [\w&/'\u2019-]+){0,5}:\s")
"""A paragraph that opens with a short label and a colon: "Consequences: A missed level…"."""
_TITLE_LINE = re.compile(
    r"^[A-Z][\w&/'\u2019-]*(?: (?:[A-Z][\w&/'\u2019-]*|and|of|the|for|to|&))*$"
)
"""A short Title Case line with no sentence punctuation: "Service Hours", "Scope"."""
_ENDS = (".", ":", ";", "!", "?", '"', "'", "\u201d", "\u2019")


def _opens_part(line: str, current: list[str]) -> bool:
    """True for a line that starts a new block after a finished sentence: a labelled part
    ("Part 3: Data and Reporting. …", "Credits: …") or a short Title Case line."""
    if not current or not current[-1].rstrip().endswith(_ENDS):
        return False
    line = line.strip()
    if _LABELLED.match(line) or _LABEL_COLON.match(line):
        return True
    return len(line.split()) <= 6 and bool(_TITLE_LINE.match(line))


def _labelled_heading(line: str) -> bool:
    """A labelled line with nothing after its title: "Section 1 - Services", "E. Rebates"."""
    m = _LABELLED.match(line)
    if m is None:
        return False
    return len(line.split()) <= 10 and not re.search(r"[.;:!?]", line[m.end() :])


def _heading_line(line: str, current: list[str], first: bool, last: int) -> bool:
    """True for a plain-text line that is a heading on its own: the document's title, a
    labelled heading ("Section 1 - Services") or a short heading line after a finished
    sentence; a heading is never the last line."""
    text = line.strip()
    if current and not current[-1].rstrip().endswith(_ENDS):
        return False
    if first and not current and last > 0 and _title(text):
        return True
    return _labelled_heading(text) or _is_plain_heading(text)


def _title(line: str) -> bool:
    """A document's first line that reads as a title: short, no sentence end, mostly
    capitalised words ("Backup and Recovery Services - Service Level Agreement")."""
    words = line.split()
    if not 1 <= len(words) <= 14 or line.endswith((*_ENDS, ",")) or ":" in line:
        return False
    capitals = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitals >= 0.7 * len(words)


_STRONG = re.compile(
    r"\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*|(?<!\w)__(?=[^\s_])(.+?)(?<=[^\s_])__(?!\w)"
)
"""Markdown bold, which the reader sees as bold words (as in a .docx), not as asterisks."""


def typed_clause(text: str) -> str | None:
    """The clause number typed at the start of ``text`` ("4.2 Credits …" gives "4.2")."""
    match = _CLAUSE.match(text)
    return match.group("num").rstrip(".") if match else None


def _is_plain_heading(line: str) -> bool:
    clause = typed_clause(line)
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
    titles: set[int] = set()
    """Paragraphs that are a heading line found while splitting (their index)."""
    last = max((i for i, line in enumerate(lines) if line.strip()), default=-1)

    def close() -> None:
        if current:
            paragraphs.append((start, list(current)))
            current.clear()

    for number in range(first, len(lines)):
        line = lines[number]
        if not line.strip():
            close()
            continue
        row = line.lstrip().startswith("|") or " | " in line
        following = lines[number + 1].lstrip()[:1] if number + 1 < len(lines) else ""
        alone = (
            not markdown
            and not row
            and not following.islower()
            and _heading_line(line, current, not paragraphs, last)
        )
        single = _MD_HEADING.match(line) or row or alone
        opens = _LIST_ITEM.match(line) or (current and _CLAUSE.match(line))
        if single or opens or _opens_part(line, current):
            close()
        if not current:
            start = number
        current.append(line)
        if alone and number < last:
            titles.add(len(paragraphs))
        if single:
            close()
    close()

    blocks: list[Block] = []
    headings: list[tuple[int, str]] = []
    heading_clause: str | None = None
    place, after_row, row_end = 0, False, -2  # the last row's place, whether the block before
    # was a row, and the line where the last row (or its separator) ended
    for index, (line_no, chunk) in enumerate(paragraphs):
        body = _STRONG.sub(r"\1\2", " ".join(chunk))
        level = 0
        title = body.strip()
        heading = _MD_HEADING.match(body)
        if heading is not None:
            level = len(heading.group("marks"))
            title = body = heading.group("title")
        elif (
            not markdown and len(chunk) == 1 and "|" not in body and _is_plain_heading(body.strip())
        ):
            clause = typed_clause(body.strip())
            level = clause.count(".") + 2 if clause else 1
        elif index in titles:
            level = 1 if index == 0 else 2
        if body.lstrip().startswith("|") and set(body.strip()) <= set("|-: "):
            row_end = line_no
            continue  # (a separator row is no row of its own)
        in_table = not level and len(chunk) == 1 and (body.lstrip()[:1] == "|" or " | " in body)
        if in_table:
            # a table opens after other text, at a row over a separator ("| A | B |" then
            # "|---|---|"), or at a row without figures after a blank line (rows with figures
            # may stand apart with blank lines between them)
            over = lines[line_no + 1].strip() if line_no + 1 < len(lines) else ""
            header = over[:1] == "|" and "-" in over and set(over) <= set("|-: ")
            apart = line_no > row_end + 1 and not any(c.isdigit() for c in body)
            place = place + 1 if after_row and not header and not apart else 0
            row_end = line_no
        after_row = in_table
        clause = typed_clause(title) or typed_clause(body.lstrip(" -*+"))
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
        row_place = place if in_table else None
        blocks.append(Block(body, location, is_heading=bool(level), level=level, row=row_place))
    return blocks
