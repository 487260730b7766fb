"""Regenerate ``default.docx``, the Word template slaforge builds agreements on.

Run ``python templates/make_default.py``. A user restyles the template in Word instead:
slaforge uses its styles (looked up by name), page setup, theme and fonts, and writes
the body, header, footer, numbering and document properties itself.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

FONT = "Arial"
INK = RGBColor(0x1F, 0x2A, 0x44)
ACCENT = RGBColor(0x1F, 0x4E, 0x79)


def build() -> bytes:
    doc = Document()
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.font.color.rgb = INK
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)

    for name, size, color in (("Title", 28, ACCENT), ("Subtitle", 14, INK)):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = color
        style.font.italic = False
        style.paragraph_format.space_after = Pt(12)

    h1 = styles["Heading 1"]
    h1.font.name = FONT
    h1.font.size = Pt(12)
    h1.font.bold = True
    h1.font.color.rgb = ACCENT
    h1.paragraph_format.space_before = Pt(18)
    h1.paragraph_format.space_after = Pt(6)
    h1.paragraph_format.keep_with_next = True

    def para_style(name: str, base: str = "Normal") -> object:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        return style

    clause = para_style("Clause Text")
    clause.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    clause_list = para_style("Clause List", "Clause Text")
    clause_list.paragraph_format.space_after = Pt(3)
    note = para_style("Clause Note")
    note.paragraph_format.left_indent = Cm(1.25)

    cover_label = para_style("Cover Label")
    cover_label.font.size = Pt(9)
    cover_label.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    cover_label.paragraph_format.space_before = Pt(12)
    cover_label.paragraph_format.space_after = Pt(0)
    cover_party = para_style("Cover Party")
    cover_party.font.size = Pt(13)
    cover_party.font.bold = True

    toc_heading = styles["TOC Heading"]
    toc_heading.font.name = FONT
    toc_heading.font.size = Pt(14)
    toc_heading.font.color.rgb = ACCENT
    toc1 = para_style("TOC 1")
    toc1.paragraph_format.space_after = Pt(3)

    table_text = para_style("Table Text")
    table_text.font.size = Pt(9)
    table_text.paragraph_format.space_after = Pt(2)
    table_text.paragraph_format.line_spacing = 1.0
    table_head = para_style("Table Heading", "Table Text")
    table_head.font.bold = True
    table_head.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)

    for name in ("Header", "Footer"):
        styles[name].font.size = Pt(8)
        styles[name].font.color.rgb = RGBColor(0x59, 0x59, 0x59)

    _drop_theme_fonts(doc)

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.header_distance = section.footer_distance = Cm(1.2)

    doc.core_properties.title = "slaforge agreement template"
    doc.core_properties.author = "slaforge"
    buffer = io.BytesIO()
    doc.save(buffer)
    return _without_extras(buffer.getvalue())


def _drop_theme_fonts(doc: Document) -> None:
    """Theme fonts win over explicit ones in Word; drop them so every style shows FONT."""
    theme_attrs = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
    for element in doc.styles.element.iter(qn("w:rFonts")):
        for attr in theme_attrs:
            element.attrib.pop(qn(f"w:{attr}"), None)
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            element.set(qn(attr), FONT)
    for num in doc.styles.element.iter(qn("w:numPr")):
        num.getparent().remove(num)


def _without_extras(data: bytes) -> bytes:
    """Drop the thumbnail and custom XML python-docx's own template carries."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename.startswith(("customXml/", "docProps/thumbnail")):
                continue
            body = src.read(info.filename)
            if info.filename == "_rels/.rels":
                body = _drop_rel(body, b"thumbnail")
            if info.filename == "word/_rels/document.xml.rels":
                body = _drop_rel(body, b"customXml")
            if info.filename == "[Content_Types].xml":
                body = body.replace(b'<Default Extension="jpeg" ContentType="image/jpeg"/>', b"")
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, body)
    return out.getvalue()


def _drop_rel(xml: bytes, needle: bytes) -> bytes:
    import re

    return re.sub(rb"<Relationship [^>]*" + needle + rb"[^>]*/>", b"", xml)


if __name__ == "__main__":
    target = Path(__file__).with_name("default.docx")
    target.write_bytes(build())
    print(f"wrote {target}")
