"""Generated agreements read back: structure, numbering, fields, tables, determinism."""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import docx
import pytest

from slaforge.errors import TemplateError
from slaforge.render.build import Builder
from slaforge.render.docx import WordTemplate, resolve_template
from slaforge.spec import load_spec
from tests.render.docx_reading import (
    NS,
    W,
    canonical_document,
    headings,
    numbered,
    paragraph_text,
    part,
)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
GOLDEN = Path(__file__).with_name("golden")
RESIDUE = re.compile(r"\{\{|\{%|\[TBD\]|\[•\]|____|TBD")


@pytest.fixture(scope="module")
def builder() -> Builder:
    return Builder()


@pytest.fixture(scope="module")
def built(builder: Builder) -> dict[str, bytes]:
    return {path.stem: builder.build(load_spec(path)).data for path in EXAMPLES}


def all_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return "\n".join(texts)


@pytest.mark.parametrize("name", [p.stem for p in EXAMPLES])
def test_example_has_numbered_headings_for_every_clause(built: dict[str, bytes], name: str) -> None:
    data = built[name]
    heads = headings(data)
    assert len(heads) >= 12
    for head in heads:
        num = head.find("w:pPr/w:numPr", NS)
        assert num is not None, paragraph_text(head)
        assert num.find("w:ilvl", NS).get(f"{{{W}}}val") == "0"
    numbers = [
        n for n, p in numbered(data) if p.find("w:pPr/w:pStyle[@w:val='Heading1']", NS) is not None
    ]
    assert numbers == [str(i) for i in range(1, len(heads) + 1)]


@pytest.mark.parametrize("name", [p.stem for p in EXAMPLES])
def test_no_template_residue(built: dict[str, bytes], name: str) -> None:
    text = all_text(built[name])
    assert not RESIDUE.search(text), RESIDUE.search(text)


@pytest.mark.parametrize("name", [p.stem for p in EXAMPLES])
def test_cross_references_point_at_existing_clauses(built: dict[str, bytes], name: str) -> None:
    data = built[name]
    body = part(data, "word/document.xml")
    bookmarks = {}
    for number, p in numbered(data):
        mark = p.find("w:bookmarkStart", NS)
        if mark is not None:
            bookmarks[mark.get(f"{{{W}}}name")] = number
    refs = [t.text for t in body.iter(f"{{{W}}}instrText") if t.text and " REF " in t.text]
    assert refs, "the example should cross-reference other clauses"
    for instr in refs:
        target = instr.split()[1]
        assert target in bookmarks, instr
    # each cached result shows the number of the clause it points at
    for instr_el in body.iter(f"{{{W}}}instrText"):
        if " REF " not in (instr_el.text or ""):
            continue
        run = instr_el.getparent()
        result = run.getnext().getnext()
        assert result.find("w:t", NS).text == bookmarks[instr_el.text.split()[1]]


def test_document_properties_and_header_footer(
    built: dict[str, bytes], canonical_spec: Path
) -> None:
    agreement = load_spec(canonical_spec)
    data = built["customer-based"]
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.title == agreement.agreement.title
    assert agreement.parties.customer.name in props.subject
    assert props.author == agreement.parties.provider.name
    header = paragraph_text(part(data, "word/header1.xml"))
    assert agreement.agreement.id in header
    footer = part(data, "word/footer1.xml")
    instructions = [t.text.strip() for t in footer.iter(f"{{{W}}}instrText")]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert paragraph_text(footer).startswith("Page ")


def test_cover_contents_and_signatures(built: dict[str, bytes], canonical_spec: Path) -> None:
    agreement = load_spec(canonical_spec)
    data = built["customer-based"]
    document = docx.Document(io.BytesIO(data))
    paragraphs = [p for p in document.paragraphs if p.text]
    assert paragraphs[0].style.name == "Title"
    assert any(p.text == agreement.parties.customer.name for p in paragraphs[:10])
    assert any(p.text == "1 January 2027" for p in paragraphs[:12])
    body = part(data, "word/document.xml")
    entries = [
        p for p in body.iter(f"{{{W}}}p") if p.find("w:pPr/w:pStyle[@w:val='TOC1']", NS) is not None
    ]
    bookmarks = {b.get(f"{{{W}}}name") for b in body.iter(f"{{{W}}}bookmarkStart")}
    assert len(entries) == len(headings(data))
    for entry in entries:
        (link,) = entry.findall("w:hyperlink", NS)
        pageref = "".join(t.text or "" for t in link.iter(f"{{{W}}}instrText")).split()
        assert pageref[:1] == ["PAGEREF"] and pageref[1] == link.get(f"{{{W}}}anchor")
        assert pageref[1] in bookmarks
    settings = part(data, "word/settings.xml")
    assert settings.find("w:updateFields", NS).get(f"{{{W}}}val") == "true"
    signature_table = document.tables[-1]
    text = "\n".join(c.text for row in signature_table.rows for c in row.cells)
    for party in (agreement.parties.provider, agreement.parties.customer):
        assert party.signatory.name in text
        assert party.signatory.title in text


def test_metric_table_lists_every_metric(built: dict[str, bytes], canonical_spec: Path) -> None:
    agreement = load_spec(canonical_spec)
    document = docx.Document(io.BytesIO(built["customer-based"]))
    metric_tables = [t for t in document.tables if t.rows[0].cells[0].text == "Metric"]
    assert metric_tables
    names = [row.cells[0].text for row in metric_tables[0].rows[1:]]
    assert names == [m.name for m in agreement.metrics]
    assert "99.9%" in metric_tables[0].rows[1].cells[1].text


def test_credit_tiers_are_in_a_table(built: dict[str, bytes]) -> None:
    document = docx.Document(io.BytesIO(built["customer-based"]))
    text = ["\t".join(c.text for c in row.cells) for t in document.tables for row in t.rows]
    assert any("99.5" in row and "5%" in row for row in text)


def test_defined_terms_are_bold_where_defined(built: dict[str, bytes]) -> None:
    document = docx.Document(io.BytesIO(built["customer-based"]))
    bold = {
        run.text.strip('\u201c\u201d" ') for p in document.paragraphs for run in p.runs if run.bold
    }
    assert {"Incident", "Service Credit"} <= bold


def test_same_input_gives_identical_bytes(canonical_spec: Path) -> None:
    first = Builder().build(load_spec(canonical_spec)).data
    second = Builder().build(load_spec(canonical_spec)).data
    assert first == second
    for info in zipfile.ZipFile(io.BytesIO(first)).infolist():
        assert info.date_time == (1980, 1, 1, 0, 0, 0)


def test_golden_document_xml(built: dict[str, bytes]) -> None:
    golden = GOLDEN / "customer-based.document.xml"
    actual = canonical_document(built["customer-based"])
    if os.environ.get("SLAFORGE_UPDATE_GOLDEN") or not golden.exists():
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        if not os.environ.get("SLAFORGE_UPDATE_GOLDEN"):
            pytest.fail("golden file was missing and has been written; run again")
    assert actual == golden.read_text(encoding="utf-8"), (
        "word/document.xml changed; if intended, rerun with SLAFORGE_UPDATE_GOLDEN=1"
    )


def _template_with(tmp_path: Path, name: str, change: str) -> Path:
    """A copy of the default template with one member damaged (``change``: "inflate" makes its
    compressed data unreadable, "xml" cuts the part in half)."""
    source = resolve_template("default")
    out = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == name and change == "xml":
                data = data[: len(data) // 2]
            dst.writestr(info.filename, data)
    data = bytearray(out.getvalue())
    if change == "inflate":
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
            info = archive.getinfo(name)
        start = info.header_offset + 30 + len(info.filename) + len(info.extra)
        data[start : start + 8] = b"\xff" * 8
    path = tmp_path / "template.docx"
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("inflate", "not a readable .docx template: damaged member word/styles.xml"),
        ("xml", "not a readable .docx template: word/styles.xml is not well-formed XML (line "),
    ],
)
def test_damaged_template_is_one_error_naming_the_part(
    tmp_path: Path, change: str, expected: str
) -> None:
    path = _template_with(tmp_path, "word/styles.xml", change)

    with pytest.raises(TemplateError) as caught:
        WordTemplate(path)

    assert str(caught.value).startswith(f"{path}: {expected}")


def test_contents_page_numbers_sit_at_the_templates_right_margin(
    tmp_path: Path, canonical_spec: Path
) -> None:
    """A US Letter template with margins in inches and centimetres and a gutter."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(resolve_template("default")) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                text = re.sub(
                    r"<w:pgSz [^>]*/>", '<w:pgSz w:w="12240" w:h="15840"/>', data.decode()
                )
                text = re.sub(
                    r"<w:pgMar [^>]*/>",
                    '<w:pgMar w:top="1in" w:right="2.5cm" w:bottom="1in" w:left="1in" '
                    'w:header="720" w:footer="720" w:gutter="720"/>',
                    text,
                )
                data = text.encode()
            dst.writestr(info.filename, data)
    template = tmp_path / "letter.docx"
    template.write_bytes(out.getvalue())

    built = Builder(template).build(load_spec(canonical_spec)).data
    body = part(built, "word/document.xml")
    stops = {
        tab.get(f"{{{W}}}pos")
        for tab in body.iter(f"{{{W}}}tab")
        if tab.get(f"{{{W}}}val") == "right"
    }

    assert stops == {str(12240 - 1440 - 1417 - 720)}
