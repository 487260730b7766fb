"""Write a Markdown document as a reviewer receives it in Word: ``#`` headings in heading
styles, bullets and numbered items in list styles (Word renders their marks), pipe tables as
tables, ``**bold**`` as bold runs. It lets the linter be measured on the .docx path with the
annotated Markdown documents."""

from __future__ import annotations

import io
import re

import docx
from docx.text.paragraph import Paragraph

_HEADING = re.compile(r"(#{1,6})\s+(.*)")
_BULLET = re.compile(r"\s*[-*+]\s+(.*)")
_NUMBERED = re.compile(r"\s*\d{1,3}[.)]\s+(.*)")
_RULE = re.compile(r"\|?[\s:|-]+\|?")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _runs(paragraph: Paragraph, text: str) -> None:
    at = 0
    for m in _BOLD.finditer(text):
        if m.start() > at:
            paragraph.add_run(text[at : m.start()])
        paragraph.add_run(m.group(1)).bold = True
        at = m.end()
    if at < len(text):
        paragraph.add_run(text[at:])


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def markdown_to_docx(markdown: str) -> bytes:
    """The .docx bytes of ``markdown`` (paragraphs are blank-line separated, as in Markdown)."""
    document = docx.Document()
    lines = markdown.splitlines()
    paragraph: list[str] = []

    def close() -> None:
        if paragraph:
            _runs(document.add_paragraph(), " ".join(paragraph))
            paragraph.clear()

    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        i += 1
        if not line.strip():
            close()
        elif heading := _HEADING.match(line):
            close()
            document.add_heading(heading.group(2).strip(), min(len(heading.group(1)), 9))
        elif line.lstrip().startswith("|"):
            close()
            rows = [_cells(line)]
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                if not _RULE.fullmatch(lines[i].strip()):
                    rows.append(_cells(lines[i]))
                i += 1
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    _runs(table.cell(r, c).paragraphs[0], text)
        elif item := _BULLET.match(line) or _NUMBERED.match(line):
            close()
            style = "List Bullet" if _BULLET.match(line) else "List Number"
            _runs(document.add_paragraph(style=style), item.group(1))
        else:
            paragraph.append(line.strip())
    close()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
