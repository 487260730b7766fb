"""WordprocessingML for the document model: paragraphs, runs, fields, tables.

Plain string building: it is several times faster than an object tree, and every
string that came from a user passes through :func:`esc`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from slaforge.render.document import (
    Block,
    DocumentModel,
    Inline,
    Paragraph,
    Ref,
    Section,
    Signatures,
    Table,
    plain_text,
    ref_targets,
)

NUM_ID = 9001
"""The numbering instance slaforge adds for clause numbers (``1``, ``1.1``, ``(a)``)."""

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def esc(text: str) -> str:
    """Escape ``text`` for XML element content and attributes."""
    text = _INVALID_XML.sub("", text)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def run(text: str, bold: bool = False) -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def field(instruction: str, result: str) -> str:
    """A complex field (REF, TOC, PAGE, ...) with its last computed ``result``."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {esc(instruction)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run(result)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def paragraph(
    content: str,
    style: str | None = None,
    level: int | None = None,
    extra_ppr: str = "",
    keep: bool = False,
    page_break: bool = False,
) -> str:
    """A ``w:p``; ``extra_ppr`` holds properties that come after numbering in schema order
    (borders, tabs, spacing), ``keep`` keeps it on the page of the next paragraph."""
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if keep:
        props += "<w:keepNext/>"
    if page_break:
        props += "<w:pageBreakBefore/>"
    if level is not None:
        props += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{NUM_ID}"/></w:numPr>'
    props += extra_ppr
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{content}</w:p>"


PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
SMALL_TABLE_ROWS = 6
"""Tables with at most this many rows are kept on one page with the paragraph before them."""
SPACER = (
    '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="120" w:lineRule="exact"/>'
    '<w:rPr><w:sz w:val="4"/></w:rPr></w:pPr></w:p>'
)
"""A hairline paragraph: Word needs one after a table, and it should take no space."""


class BodyWriter:
    """Writes the ``w:body`` content of one document model with the template's style ids."""

    def __init__(self, style_id: Callable[[str], str], text_width: int = 9072) -> None:
        """``text_width``: the width between the page margins, in twentieths of a point."""
        s = style_id
        self.text_width = text_width
        self.title = s("Title")
        self.subtitle = s("Subtitle")
        self.heading = s("Heading 1")
        self.text = s("Clause Text")
        self.list = s("Clause List")
        self.note = s("Clause Note")
        self.label = s("Cover Label")
        self.party = s("Cover Party")
        self.toc_heading = s("TOC Heading")
        self.toc1 = s("TOC 1")
        self.table_text = s("Table Text")
        self.table_heading = s("Table Heading")
        self.table_grid = s("Table Grid")
        self._sections: dict[tuple[object, ...], tuple[list[Block], str]] = {}

    def body(self, model: DocumentModel) -> str:
        return "".join(self.pieces(model))

    def pieces(self, model: DocumentModel) -> list[str]:
        """The body as pieces: cover and contents, then one piece per clause.

        A clause's XML is reused while its blocks (cached by the composer), its number and
        the numbers it refers to stay the same, which in a batch is most clauses.
        """
        out: list[str] = [self.cover(model) + self.contents(model)]
        for section in model.sections:
            refs = tuple(
                (model.target_section(t).bookmark, model.target_number(t))
                for t in ref_targets(section.blocks)
            )
            signers = (
                tuple((p.name, p.signatory, p.title) for p in model.parties)
                if any(isinstance(b, Signatures) for b in section.blocks)
                else ()
            )
            key = (id(section.blocks), section.number, section.title, refs, signers)
            cached = self._sections.get(key)
            if cached is None or cached[0] is not section.blocks:
                if len(self._sections) > 4096:
                    self._sections.clear()
                cached = (section.blocks, self.section(section, model, section.number))
                self._sections[key] = cached
            out.append(cached[1])
        return out

    def cover(self, model: DocumentModel) -> str:
        out = [
            paragraph(run(model.title), self.title),
            paragraph(run(model.subtitle), self.subtitle),
        ]
        for label, party in zip(("Between", "and"), model.parties, strict=True):
            out.append(paragraph(run(label), self.label))
            out.append(paragraph(run(party.name), self.party))
            out.append(paragraph(run(f'(the "{party.role}")')))
        out.append(paragraph(run("Effective date"), self.label))
        out.append(paragraph(run(model.effective_date)))
        out.append(paragraph(run("Agreement reference"), self.label))
        out.append(paragraph(run(f"{model.agreement_id}, version {model.version}")))
        out.append(PAGE_BREAK)
        return "".join(out)

    def contents(self, model: DocumentModel) -> str:
        """The contents list: one entry per clause that links to its heading and ends in a
        PAGEREF field to the heading's bookmark, which LibreOffice lays out at once and Word
        fills in when it refreshes fields on open. (No TOC field around them: LibreOffice shows
        a TOC field's stored text as it is, so its page numbers would stay blank.)"""
        tabs = (
            '<w:tabs><w:tab w:val="left" w:pos="567"/>'
            f'<w:tab w:val="right" w:leader="dot" w:pos="{self.text_width}"/></w:tabs>'
        )
        out = [paragraph(run("Contents"), self.toc_heading)]
        for section in model.sections:
            page = field(f"PAGEREF {section.bookmark} \\h", "")
            content = (
                f'<w:hyperlink w:anchor="{section.bookmark}" w:history="1">'
                f"{run(str(section.number))}<w:r><w:tab/></w:r>{run(section.title)}"
                f"<w:r><w:tab/></w:r>{page}</w:hyperlink>"
            )
            out.append(paragraph(content, self.toc1, extra_ppr=tabs))
        return "".join(out)

    def section(self, section: Section, model: DocumentModel, bookmark: int) -> str:
        heading = (
            f'<w:bookmarkStart w:id="{bookmark}" w:name="{section.bookmark}"/>'
            f"{run(section.title)}"
            f'<w:bookmarkEnd w:id="{bookmark}"/>'
        )
        out = [paragraph(heading, self.heading, 0, page_break=section.number == 1)]
        blocks = section.blocks
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            keep = isinstance(block, Paragraph) and isinstance(following, Table | Signatures)
            out.append(self.block(block, model, keep))
        return "".join(out)

    def block(self, block: Block, model: DocumentModel, keep_with_next: bool = False) -> str:
        if isinstance(block, Paragraph):
            content = self.inlines(block.inlines, model)
            if block.level == 1:
                return paragraph(content, self.text, 1, keep=keep_with_next)
            if block.level == 2:
                return paragraph(content, self.list, 2, keep=keep_with_next)
            return paragraph(content, self.note, keep=keep_with_next)
        if isinstance(block, Table):
            return self.table(block, model)
        if isinstance(block, Signatures):
            return self.signatures(model)
        raise TypeError(block)

    def inlines(self, inlines: list[Inline], model: DocumentModel) -> str:
        out = []
        for item in inlines:
            if isinstance(item, Ref):
                target = model.target_section(item.target)
                out.append(field(f"REF {target.bookmark} \\r \\h", str(target.number)))
            else:
                out.append(run(item.text, item.bold))
        return "".join(out)

    def table(self, table: Table, model: DocumentModel) -> str:
        widths = column_widths(table, model)
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        props = (
            f'<w:tblPr><w:tblStyle w:val="{self.table_grid}"/>'
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:tblInd w:w="{TABLE_INDENT}" w:type="dxa"/>'
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        )
        shade = '<w:shd w:val="clear" w:color="auto" w:fill="1F4E79"/>'
        together = len(table.rows) <= SMALL_TABLE_ROWS
        head_cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{shade}</w:tcPr>'
            f"{paragraph(self.inlines(cell, model), self.table_heading, keep=True)}"
            "</w:tc>"
            for w, cell in zip(widths, table.header, strict=True)
        )
        rows = [f"<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>{head_cells}</w:tr>"]
        for number, row in enumerate(table.rows, start=1):
            keep = together and number < len(table.rows)
            cells = "".join(
                f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>'
                f"{paragraph(self.inlines(cell, model), self.table_text, keep=keep)}</w:tc>"
                for w, cell in zip(widths, row, strict=True)
            )
            rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
        return f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>" + SPACER

    def signatures(self, model: DocumentModel) -> str:
        """Two columns, one per party: who signs, a ruled signature line, name, title, date."""
        width = 4500
        line = (
            '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="1F2A44"/></w:pBdr>'
            '<w:spacing w:before="600" w:after="60"/>'
        )

        def cell(content: str) -> str:
            return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{content}</w:tc>'

        def row(make: Callable[[int], str]) -> str:
            """A row whose paragraphs keep with the next row, so the block stays on one page."""
            cells = "".join(cell(make(i)) for i in range(len(model.parties)))
            return f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>"

        parties = model.parties
        rows = [
            row(
                lambda i: (
                    paragraph(run("Signed for and on behalf of"), keep=True)
                    + paragraph(run(parties[i].name, True), keep=True)
                )
            ),
            row(
                lambda i: (
                    paragraph("", extra_ppr=line, keep=True)
                    + paragraph(run("Signature"), self.label, keep=True)
                )
            ),
            row(lambda i: paragraph(run(f"Name: {parties[i].signatory}"), keep=True)),
            row(lambda i: paragraph(run(f"Title: {parties[i].title}"), keep=True)),
            row(
                lambda i: (
                    paragraph("", extra_ppr=line, keep=True) + paragraph(run("Date"), self.label)
                )
            ),
        ]
        props = (
            '<w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>'
            + "".join(
                f'<w:{side} w:val="nil"/>'
                for side in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            + '</w:tblBorders><w:tblCellMar><w:right w:w="567" w:type="dxa"/></w:tblCellMar>'
            "</w:tblPr>"
        )
        grid = f'<w:tblGrid><w:gridCol w:w="{width}"/><w:gridCol w:w="{width}"/></w:tblGrid>'
        return f"<w:tbl>{props}{grid}{''.join(rows)}</w:tbl>" + SPACER


TEXT_WIDTH = 9071
"""Twips between the margins of the built-in template (A4, 2.5 cm margins)."""
TABLE_INDENT = 567


def column_widths(table: Table, model: DocumentModel) -> list[int]:
    """Column widths in twips: each column fits its longest word, and the rest of the width
    is shared by the average length of the column's cells."""
    rows = [table.header, *table.rows]
    floors: list[int] = []
    weights: list[float] = []
    for index in range(len(table.header)):
        texts = [plain_text(row[index], model) for row in rows]
        word = max((len(w) for t in texts for w in t.split()), default=1)
        floors.append(word * _TWIPS_PER_CHAR + _CELL_MARGINS)
        body = texts[1:] or texts
        weights.append(min(sum(len(t) for t in body) / len(body), 60.0))
    available = TEXT_WIDTH - TABLE_INDENT
    spare = max(available - sum(floors), 0)
    total = max(sum(weights), 1.0)
    widths = [f + int(spare * w / total) for f, w in zip(floors, weights, strict=True)]
    if sum(widths) > available:
        widths = [w * available // sum(widths) for w in widths]
    widths[-1] += available - sum(widths)
    return widths


_TWIPS_PER_CHAR = 96
"""Room for one character of 9 pt bold Arial, with some to spare."""
_CELL_MARGINS = 230


def header_xml(model: DocumentModel, style: str) -> str:
    text = f"{model.agreement_id} \u00b7 {model.title} \u00b7 Version {model.version}"
    return (
        f'<w:hdr {NAMESPACES}><w:p><w:pPr><w:pStyle w:val="{style}"/><w:jc w:val="right"/>'
        f"</w:pPr>{run(text)}</w:p></w:hdr>"
    )


def empty_part(tag: str) -> str:
    """An empty header or footer, used for the cover page."""
    return f"<w:{tag} {NAMESPACES}><w:p/></w:{tag}>"


def footer_xml(style: str) -> str:
    content = run("Page ") + field("PAGE", "1") + run(" of ") + field("NUMPAGES", "1")
    return (
        f'<w:ftr {NAMESPACES}><w:p><w:pPr><w:pStyle w:val="{style}"/><w:jc w:val="center"/>'
        f"</w:pPr>{content}</w:p></w:ftr>"
    )


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NAMESPACES = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
