"""Write a document model into a Word template as deterministic .docx bytes.

The template (``templates/*.docx``, restyled freely in Word) gives styles, page setup,
theme and fonts. slaforge writes the body, header, footer, clause numbering, settings
and document properties. A :class:`WordTemplate` is read once and reused for every
document, its unchanging parts compressed once.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from functools import cached_property
from pathlib import Path

from lxml import etree

from slaforge.errors import Location, TemplateError
from slaforge.render.document import DocumentModel
from slaforge.render.wordxml import (
    NAMESPACES,
    NUM_ID,
    R_NS,
    W_NS,
    XML_DECL,
    BodyWriter,
    empty_part,
    esc,
    footer_xml,
    header_xml,
)
from slaforge.render.zipwriter import Part, SegmentCache, write_zip
from slaforge.resources import builtin_dir
from slaforge.zipcheck import malformed_part, read_members

_W = f"{{{W_NS}}}"
_HEADER_REL = "rIdSlaHeader"
_FOOTER_REL = "rIdSlaFooter"
_FIRST_HEADER_REL = "rIdSlaHeaderFirst"
_FIRST_FOOTER_REL = "rIdSlaFooterFirst"
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."

_GENERATED = {
    "word/document.xml",
    "word/header1.xml",
    "word/footer1.xml",
    "docProps/core.xml",
}


def resolve_template(name: str | Path) -> Path:
    """A template given as a path, or by name from the built-in ``templates/`` folder."""
    candidate = Path(name)
    if candidate.suffix.lower() == ".docx" and candidate.exists():
        return candidate
    builtin = builtin_dir("templates") / f"{name}.docx"
    if builtin.exists():
        return builtin
    available = ", ".join(sorted(p.stem for p in builtin_dir("templates").glob("*.docx")))
    raise TemplateError(f"--template: no template named {str(name)!r} (built-in: {available})")


_UNREADABLE = "not a readable .docx template"
_PER_UNIT = {
    "": 1.0,
    "pt": 20.0,
    "in": 1440.0,
    "cm": 1440 / 2.54,
    "mm": 144 / 2.54,
    "pc": 240.0,
    "pi": 240.0,
}
"""Twips per unit of a Word measure ("11906", "21cm", "1in", "72pt")."""
_MEASURE = re.compile(r"(-?\d+(?:\.\d+)?)(pt|in|cm|mm|pc|pi)?")


def _twips(element: etree._Element | None, name: str) -> int | None:
    """The measure ``name`` of ``element`` in twips, or None when it is missing or unreadable."""
    value = element.get(f"{_W}{name}") if element is not None else None
    found = _MEASURE.fullmatch(value.strip()) if value else None
    if found is None:
        return None
    return round(float(found.group(1)) * _PER_UNIT[found.group(2) or ""])


class WordTemplate:
    """A Word template, parsed once, able to write any number of documents."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            with zipfile.ZipFile(path) as archive:
                self.parts, bad = read_members(archive)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise TemplateError(f"{_UNREADABLE}: {exc}", Location(path)) from exc
        if bad is not None:
            raise TemplateError(f"{_UNREADABLE}: damaged member {bad}", Location(path))
        for required in ("word/document.xml", "word/styles.xml", "[Content_Types].xml"):
            if required not in self.parts:
                raise TemplateError(f"template has no {required}", Location(path))
        try:
            self._styles = self._style_ids()
            self.writer = BodyWriter(self.style_id, self._text_width())
            self._sect_pr = self._section_properties()
            self._static = self._static_parts()
        except etree.XMLSyntaxError as exc:
            problem = malformed_part(self.parts) or str(exc)
            raise TemplateError(f"{_UNREADABLE}: {problem}", Location(path)) from exc
        self._segments = SegmentCache()

    @classmethod
    def named(cls, name: str | Path = "default") -> WordTemplate:
        return cls(resolve_template(name))

    def style_id(self, name: str) -> str:
        try:
            return self._styles[name.lower()]
        except KeyError:
            raise TemplateError(
                f"template has no style named {name!r}; add it in Word or start from the "
                "built-in template",
                Location(self.path),
            ) from None

    @cached_property
    def digest(self) -> str:
        h = hashlib.sha256()
        for name in sorted(self.parts):
            h.update(name.encode())
            h.update(self.parts[name])
        return h.hexdigest()

    def _style_ids(self) -> dict[str, str]:
        root = etree.fromstring(self.parts["word/styles.xml"])
        ids: dict[str, str] = {}
        for style in root.iter(f"{_W}style"):
            name = style.find(f"{_W}name")
            style_id = style.get(f"{_W}styleId")
            if name is not None and style_id:
                ids.setdefault(str(name.get(f"{_W}val")).lower(), style_id)
        return ids

    def _text_width(self) -> int:
        """The width between the margins (and gutter) of the template's last section, in
        twips; A4 with 2.5 cm margins when the template does not say."""
        root = etree.fromstring(self.parts["word/document.xml"])
        size = root.find(f"{_W}body/{_W}sectPr/{_W}pgSz")
        margins = root.find(f"{_W}body/{_W}sectPr/{_W}pgMar")
        page = _twips(size, "w")
        if page is None:
            return 9072
        taken = sum(_twips(margins, side) or 0 for side in ("left", "right", "gutter"))
        return page - taken if page - taken > 0 else 9072

    def _section_properties(self) -> str:
        root = etree.fromstring(self.parts["word/document.xml"])
        body = root.find(f"{_W}body")
        sect = body.find(f"{_W}sectPr") if body is not None else None
        if sect is None:
            sect = etree.Element(f"{_W}sectPr")
        for child in list(sect):
            if etree.QName(child).localname in ("headerReference", "footerReference", "titlePg"):
                sect.remove(child)
        sect.insert(0, _ref("footerReference", _FIRST_FOOTER_REL, "first"))
        sect.insert(0, _ref("footerReference", _FOOTER_REL))
        sect.insert(0, _ref("headerReference", _FIRST_HEADER_REL, "first"))
        sect.insert(0, _ref("headerReference", _HEADER_REL))
        title_pg = etree.Element(f"{_W}titlePg")
        after = ("textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange")
        anchor = next((c for c in sect if etree.QName(c).localname in after), None)
        if anchor is None:
            sect.append(title_pg)
        else:
            anchor.addprevious(title_pg)
        text = etree.tostring(sect, encoding="unicode")
        return text.replace(f' xmlns:w="{W_NS}"', "").replace(f' xmlns:r="{R_NS}"', "")

    def _static_parts(self) -> list[Part]:
        parts = dict(self.parts)
        parts["word/numbering.xml"] = _with_numbering(
            parts.get("word/numbering.xml"), self.style_id("Heading 1")
        )
        parts["word/settings.xml"] = _with_update_fields(parts.get("word/settings.xml"))
        parts["word/_rels/document.xml.rels"] = _with_relationships(
            parts["word/_rels/document.xml.rels"]
        )
        parts["[Content_Types].xml"] = _with_content_types(parts["[Content_Types].xml"])
        parts["word/header2.xml"] = (XML_DECL + empty_part("hdr")).encode()
        parts["word/footer2.xml"] = (XML_DECL + empty_part("ftr")).encode()
        order = sorted(
            (n for n in parts if n not in _GENERATED), key=lambda n: (n != "[Content_Types].xml", n)
        )
        return [Part.of(name, parts[name]) for name in order]

    def render(self, model: DocumentModel) -> bytes:
        """The .docx bytes of ``model``; identical models give identical bytes."""
        pieces = [
            f"{XML_DECL}<w:document {NAMESPACES}><w:body>",
            *self.writer.pieces(model),
            f"{self._sect_pr}</w:body></w:document>",
        ]
        generated = [
            self._segments.part("word/document.xml", pieces),
            Part.of(
                "word/header1.xml",
                (XML_DECL + header_xml(model, self.style_id("Header"))).encode(),
            ),
            Part.of("word/footer1.xml", (XML_DECL + footer_xml(self.style_id("Footer"))).encode()),
            Part.of("docProps/core.xml", _core_properties(model).encode()),
        ]
        return write_zip([self._static[0], *generated, *self._static[1:]])


def _ref(kind: str, rel_id: str, page: str = "default") -> etree._Element:
    element = etree.Element(f"{_W}{kind}", nsmap={"w": W_NS, "r": R_NS})
    element.set(f"{_W}type", page)
    element.set(f"{{{R_NS}}}id", rel_id)
    return element


def _with_numbering(xml: bytes | None, heading_style: str) -> bytes:
    """Add slaforge's clause numbering (``1``, ``1.1``, ``(a)``) to the numbering part."""
    levels = [
        ("decimal", "%1", 0, heading_style),
        ("decimal", "%1.%2", 0, None),
        ("lowerLetter", "(%3)", 567, None),
    ]
    lvls = ""
    for index, (fmt, text, indent, style) in enumerate(levels):
        pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
        lvls += (
            f'<w:lvl w:ilvl="{index}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{pstyle}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{indent + 567}" w:hanging="567"/></w:pPr></w:lvl>'
        )
    abstract = (
        f'<w:abstractNum w:abstractNumId="{NUM_ID}"><w:multiLevelType w:val="multilevel"/>'
        f"{lvls}</w:abstractNum>"
    )
    num = f'<w:num w:numId="{NUM_ID}"><w:abstractNumId w:val="{NUM_ID}"/></w:num>'
    if xml is None:
        return (f"{XML_DECL}<w:numbering {NAMESPACES}>{abstract}{num}</w:numbering>").encode()
    root = etree.fromstring(xml)
    for element in list(root):
        if element.get(f"{_W}abstractNumId") == str(NUM_ID) or element.get(f"{_W}numId") == str(
            NUM_ID
        ):
            root.remove(element)
    wrapper = f"<w:x {NAMESPACES}>{abstract}{num}</w:x>"
    new_abstract, new_num = list(etree.fromstring(wrapper))
    first_num = root.find(f"{_W}num")
    if first_num is not None:
        first_num.addprevious(new_abstract)
    else:
        root.append(new_abstract)
    root.append(new_num)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


_SETTINGS_AFTER_UPDATE_FIELDS = {
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
}


def _with_update_fields(xml: bytes | None) -> bytes:
    """Ask Word to refresh fields (contents, cross-references, page count) on open."""
    if xml is None:
        settings = f'<w:settings {NAMESPACES}><w:updateFields w:val="true"/></w:settings>'
        return (XML_DECL + settings).encode()
    root = etree.fromstring(xml)
    for old in root.findall(f"{_W}updateFields"):
        root.remove(old)
    element = etree.Element(f"{_W}updateFields")
    element.set(f"{_W}val", "true")
    anchor = next(
        (c for c in root if etree.QName(c).localname in _SETTINGS_AFTER_UPDATE_FIELDS), None
    )
    if anchor is None:
        root.append(element)
    else:
        anchor.addprevious(element)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _with_relationships(xml: bytes) -> bytes:
    text = xml.decode("utf-8")
    additions = (
        f'<Relationship Id="{_HEADER_REL}" Type="{_REL_TYPE}header" Target="header1.xml"/>'
        f'<Relationship Id="{_FOOTER_REL}" Type="{_REL_TYPE}footer" Target="footer1.xml"/>'
        f'<Relationship Id="{_FIRST_HEADER_REL}" Type="{_REL_TYPE}header" Target="header2.xml"/>'
        f'<Relationship Id="{_FIRST_FOOTER_REL}" Type="{_REL_TYPE}footer" Target="footer2.xml"/>'
    )
    if "numbering.xml" not in text:
        additions += (
            f'<Relationship Id="rIdSlaNumbering" Type="{_REL_TYPE}numbering" '
            'Target="numbering.xml"/>'
        )
    if "settings.xml" not in text:
        additions += (
            f'<Relationship Id="rIdSlaSettings" Type="{_REL_TYPE}settings" Target="settings.xml"/>'
        )
    return text.replace("</Relationships>", additions + "</Relationships>").encode()


def _with_content_types(xml: bytes) -> bytes:
    text = xml.decode("utf-8")
    overrides = {
        "/word/header1.xml": _CT + "header+xml",
        "/word/footer1.xml": _CT + "footer+xml",
        "/word/header2.xml": _CT + "header+xml",
        "/word/footer2.xml": _CT + "footer+xml",
        "/word/numbering.xml": _CT + "numbering+xml",
        "/word/settings.xml": _CT + "settings+xml",
    }
    additions = "".join(
        f'<Override PartName="{name}" ContentType="{kind}"/>'
        for name, kind in overrides.items()
        if f'PartName="{name}"' not in text
    )
    return text.replace("</Types>", additions + "</Types>").encode()


def _core_properties(model: DocumentModel) -> str:
    stamp = f"{model.created}T00:00:00Z"
    return (
        f"{XML_DECL}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{esc(model.title)}</dc:title>"
        f"<dc:subject>{esc(model.subject)}</dc:subject>"
        f"<dc:creator>{esc(model.author)}</dc:creator>"
        f"<cp:keywords>{esc(model.agreement_id)}</cp:keywords>"
        f"<cp:lastModifiedBy>slaforge</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f"<cp:version>{esc(model.version)}</cp:version>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )
