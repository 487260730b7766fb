"""Blocks from a Word document, each with a run map back to the ``w:r`` elements it came from.

A block reads as Markdown would write it: one body paragraph after the list number Word shows
for it (a bullet as ``-``), one table row as ``| cell | cell |`` (a cell's paragraphs joined by
spaces), or one header/footer paragraph. Its text is its runs' text in order, with tabs as
``"\\t"`` and line, page and column breaks as ``"\\n"``; a character offset into the text names
one character of one run, or of the label and separators no run supplies: :class:`RunPiece`
records which.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from slaforge.errors import InputError, Location
from slaforge.extract.numbering import Numbering, as_int, w, wval
from slaforge.lint.model import Block, BlockLocation
from slaforge.zipcheck import malformed_part, read_members

_CONTAINERS = frozenset(
    w(tag)
    for tag in (
        *("hyperlink", "ins", "smartTag", "customXml", "sdt", "sdtContent", "fldSimple"),
        *("moveTo", "dir", "bdo"),
    )
)
_BLOCK_CONTAINERS = frozenset(w(tag) for tag in ("sdt", "sdtContent", "customXml"))


def run_items(r: etree._Element) -> list[tuple[etree._Element, str]]:
    """The content children of run ``r`` with the text each contributes to the block."""
    items: list[tuple[etree._Element, str]] = []
    for child in r:
        tag = child.tag
        if tag == w("t"):
            items.append((child, child.text or ""))
        elif tag in (w("tab"), w("ptab")):
            items.append((child, "\t"))
        elif tag in (w("br"), w("cr")):
            items.append((child, "\n"))
        elif tag == w("noBreakHyphen"):
            items.append((child, "-"))
    return items


def run_text(r: etree._Element) -> str:
    """The text run ``r`` contributes to its block."""
    return "".join(text for _, text in run_items(r))


@dataclass
class RunPiece:
    """Run ``run`` supplies characters ``start``..``end`` of its block's text."""

    run: etree._Element
    start: int
    end: int


@dataclass
class MappedBlock:
    """A block and the runs its text came from, in order."""

    block: Block
    pieces: list[RunPiece]


def _runs(parent: etree._Element) -> Iterator[etree._Element]:
    """The runs Word renders in paragraph ``parent``: not deleted text, not text boxes."""
    for child in parent:
        if child.tag == w("r"):
            yield child
        elif child.tag in _CONTAINERS:
            yield from _runs(child)


def _block_items(parent: etree._Element) -> Iterator[etree._Element]:
    """The ``w:p`` and ``w:tbl`` children of ``parent``, looking inside content controls."""
    for child in parent:
        if child.tag in (w("p"), w("tbl")):
            yield child
        elif child.tag in _BLOCK_CONTAINERS:
            yield from _block_items(child)


def _paragraphs(parent: etree._Element) -> Iterator[etree._Element]:
    """Every paragraph in ``parent`` in reading order, including those of nested tables."""
    for item in _block_items(parent):
        if item.tag == w("p"):
            yield item
        else:
            for tc in item.iter(w("tc")):
                yield from (p for p in _block_items(tc) if p.tag == w("p"))


_MAX_GRID = 64
"""Word tables have at most 63 columns; larger spans in a damaged file are clipped."""


def _cells(tbl: etree._Element) -> Iterator[tuple[int, int, int, etree._Element]]:
    """(row, grid column, columns spanned, ``w:tc``) for each cell of ``tbl``; a row may start
    after empty grid columns (``w:gridBefore``)."""
    rows = [tr for tr in tbl.iter(w("tr")) if _owner_table(tr) is tbl]
    for row_no, tr in enumerate(rows):
        col = min(max(0, as_int(wval(tr.find(f"{w('trPr')}/{w('gridBefore')}")), 0)), _MAX_GRID)
        for tc in tr.iter(w("tc")):
            if _owner_table(tc) is not tbl:
                continue
            span = min(max(1, as_int(wval(tc.find(f"{w('tcPr')}/{w('gridSpan')}")), 1)), _MAX_GRID)
            yield row_no, col, span, tc
            col += span


def _owner_table(element: etree._Element) -> etree._Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != w("tbl"):
        parent = parent.getparent()
    return parent


class _Builder:
    """Walks one story (body, header or footer) and makes mapped blocks."""

    def __init__(self, numbering: Numbering | None, part: str, index: int = 0) -> None:
        self.numbering = numbering
        self.part = part
        self.index = index
        self.headings: list[tuple[int, str]] = []
        self.heading_clause: str | None = None
        self.blocks: list[MappedBlock] = []

    def _label(self, p: etree._Element) -> tuple[str | None, str]:
        """The clause number of a numbered paragraph, and the label it reads with: the number
        Word shows ("4.2", "(a)"), or "-" for a bullet, as Markdown writes one, whatever its
        glyph; empty when not in a list."""
        if self.numbering is None:
            return None, ""
        label = self.numbering.label(p)
        if label is None:
            return None, ""
        if not label[1]:
            return None, "-" if label[0].strip() else ""
        shown = label[0].strip()
        return shown.rstrip(".").strip() or None, shown

    def paragraph(self, p: etree._Element) -> None:
        index, self.index = self.index, self.index + 1
        clause, shown = self._label(p)
        level = self.numbering.heading_level(p) if self.numbering is not None else None
        pieces, text = _map([p])
        title = text.strip()
        segments: tuple[tuple[int, int, int], ...] = ()
        if shown and title:
            # the list number or bullet Word renders is part of what the reader sees
            text = f"{shown} {text}"
            pieces = _shifted(pieces, len(shown) + 1)
            segments = ((len(shown) + 1, index, 0),)
        elif not shown:
            clause = _typed_clause(text)
        if level is not None and title:
            while self.headings and self.headings[-1][0] >= level:
                self.headings.pop()
            path = tuple(title for _, title in self.headings)
            self.headings.append((level, title))
            self.heading_clause = clause
        else:
            path = tuple(title for _, title in self.headings)
            clause = clause or self.heading_clause
        if not title:
            return
        location = BlockLocation(paragraph=index, clause=clause, heading_path=path, part=self.part)
        block = Block(text, location, level is not None, level or 0, segments)
        self.blocks.append(MappedBlock(block, pieces))

    def table(self, tbl: etree._Element) -> None:
        """One block per row, written as Markdown writes one: ``| cell | cell |``; a cell
        spanning columns is followed by empty ones, so every column keeps its heading."""
        path = tuple(title for _, title in self.headings)
        rows: dict[int, list[tuple[int, int, list[etree._Element]]]] = {}
        for row, col, span, tc in _cells(tbl):
            rows.setdefault(row, []).append((col, span, list(_paragraphs(tc))))
        for row, cells in rows.items():
            first = self.index
            pieces: list[RunPiece] = []
            segments: list[tuple[int, int, int]] = []
            text = "|"
            clause = None
            at = 0
            for col, span, paragraphs in cells:
                text += "  |" * (col - at)  # empty grid columns before the cell
                at = col + span
                text += " "
                for number, p in enumerate(paragraphs):
                    label = self._label(p)[0]  # every numbered paragraph counts in its list
                    clause = clause or label
                    if number:
                        text += " "
                    segments.append((len(text), self.index, col))
                    self.index += 1
                    p_pieces, p_text = _map([p])
                    pieces += _shifted(p_pieces, len(text))
                    text += p_text.replace("|", "\u00a6")  # a bar in a cell is not a new cell
                text += " |" + "  |" * (span - 1)
            if not any(c.strip() for c in text.split("|")):
                continue
            location = BlockLocation(
                paragraph=segments[0][1] if segments else first,
                clause=clause or self.heading_clause,
                heading_path=path,
                table=(row, cells[0][0]),
                part=self.part,
            )
            block = Block(text, location, segments=tuple(segments))
            self.blocks.append(MappedBlock(block, pieces))

    def story(self, root: etree._Element) -> None:
        for item in _block_items(root):
            if item.tag == w("p"):
                self.paragraph(item)
            else:
                self.table(item)


def _map(paragraphs: list[etree._Element], joiner: str = "\n") -> tuple[list[RunPiece], str]:
    """The run map and text of ``paragraphs`` joined by ``joiner``."""
    pieces: list[RunPiece] = []
    text = ""
    for number, p in enumerate(paragraphs):
        if number:
            text += joiner
        for r in _runs(p):
            value = run_text(r)
            pieces.append(RunPiece(r, len(text), len(text) + len(value)))
            text += value
    return pieces, text


_TYPED_CLAUSE = re.compile(r"\s*(\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)]|\d{1,3}(?=\t|\s+[A-Z]))\s")


def _typed_clause(text: str) -> str | None:
    """A clause number typed by hand at the start of a paragraph: "4.2 Credits …", "4. Scope",
    "4<tab>Scope"; not a figure that opens a sentence ("24 hours a day …")."""
    m = _TYPED_CLAUSE.match(text)
    return m.group(1).rstrip(".)") if m else None


def _shifted(pieces: list[RunPiece], by: int) -> list[RunPiece]:
    """``pieces`` moved ``by`` characters on, past text that no run supplies."""
    for piece in pieces:
        piece.start += by
        piece.end += by
    return pieces


def open_docx(path: Path) -> DocumentObject:
    """Open ``path`` with python-docx, turning every way it can fail into one InputError."""
    where = Location(file=path)
    if not zipfile.is_zipfile(path):
        with path.open("rb") as handle:
            if handle.read(4) == b"PK\x03\x04":
                raise InputError("corrupt .docx: the zip archive is truncated or damaged", where)
        raise InputError("not a .docx file (it is not a zip archive)", where)
    try:
        with zipfile.ZipFile(path) as archive:
            parts, bad = read_members(archive)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InputError(f"corrupt .docx: {exc}", where) from exc
    if bad is not None:
        raise InputError(f"corrupt .docx: damaged member {bad}", where)
    if "[Content_Types].xml" not in parts:
        raise InputError("corrupt .docx: no [Content_Types].xml (not an Office document)", where)
    try:
        return Document(str(path))
    except PackageNotFoundError as exc:
        raise InputError(f"corrupt .docx: {exc}", where) from exc
    except ValueError as exc:
        raise InputError(f"not a Word document: {exc}", where) from exc
    except etree.XMLSyntaxError as exc:
        raise InputError(_malformed(parts, exc), where) from exc
    except (KeyError, zipfile.BadZipFile) as exc:
        raise InputError(f"corrupt .docx: {exc}", where) from exc


def _malformed(parts: dict[str, bytes], exc: etree.XMLSyntaxError) -> str:
    """The message for XML that does not parse, naming the part it is in when one can be found."""
    return f"corrupt .docx: {malformed_part(parts) or exc}"


def _part_root(document: DocumentObject, name: str) -> etree._Element | None:
    for rel in document.part.rels.values():
        if not rel.is_external and rel.reltype == name:
            element: etree._Element = rel.target_part.element
            return element
    return None


def map_document(document: DocumentObject) -> list[MappedBlock]:
    """Mapped blocks of ``document``: headers, then the body, then footers."""
    numbering = Numbering(_part_root(document, RT.NUMBERING), _part_root(document, RT.STYLES))
    headers, body, footers = (
        _Builder(None, "header"),
        _Builder(numbering, "body"),
        _Builder(None, "footer"),
    )
    for builder, reltype in ((headers, RT.HEADER), (footers, RT.FOOTER)):
        parts = {
            str(rel.target_part.partname): rel.target_part
            for rel in document.part.rels.values()
            if rel.reltype == reltype
        }
        for name in sorted(parts):
            builder.story(parts[name].element)
    body.story(document.element.body)
    return headers.blocks + body.blocks + footers.blocks


def extract_docx(path: Path) -> list[Block]:
    """Blocks of the .docx at ``path``."""
    try:
        document = open_docx(path)
        return [mapped.block for mapped in map_document(document)]
    except etree.XMLSyntaxError as exc:
        raise InputError(f"corrupt .docx: {exc}", Location(file=path)) from exc
