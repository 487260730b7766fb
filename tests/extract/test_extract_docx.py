"""Reading .docx drafts: text, list numbers as Word shows them, headings, tables, headers."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_BREAK

from slaforge.extract import extract
from slaforge.extract.docx import map_document
from slaforge.lint.model import Block
from tests.extract.builders import add_list, number, number_style


def _by_text(blocks: list[Block]) -> dict[str, Block]:
    return {block.text: block for block in blocks}


def test_multilevel_numbers_use_start_values_and_restart_lower_levels(tmp_path: Path) -> None:
    document = docx.Document()
    num = add_list(document, [("decimal", "%1.", 3), ("decimal", "%1.%2", 1)])
    for text, level in [
        ("Availability is measured monthly.", 0),
        ("Each minute counts once.", 1),
        ("Maintenance windows are announced.", 1),
        ("Support hours are stated below.", 0),
        ("Tickets get a number.", 1),
    ]:
        number(document.add_paragraph(text), num, level)
    document.save(str(tmp_path / "d.docx"))

    clauses = [b.location.clause for b in extract(tmp_path / "d.docx")]

    assert clauses == ["3", "3.1", "3.2", "4", "4.1"]


def test_letter_and_roman_formats(tmp_path: Path) -> None:
    document = docx.Document()
    letters = add_list(document, [("lowerLetter", "(%1)", 1)])
    romans = add_list(document, [("lowerRoman", "%1.", 1)])
    upper = add_list(document, [("upperLetter", "%1)", 1), ("upperRoman", "%1.%2", 1)])
    for i in range(3):
        number(document.add_paragraph(f"Letter item {i}."), letters)
    for i in range(4):
        number(document.add_paragraph(f"Roman item {i}."), romans)
    number(document.add_paragraph("Upper item."), upper, 0)
    number(document.add_paragraph("Upper roman item one."), upper, 1)
    number(document.add_paragraph("Upper roman item two."), upper, 1)
    document.save(str(tmp_path / "d.docx"))

    clauses = [b.location.clause for b in extract(tmp_path / "d.docx")]

    assert clauses == ["(a)", "(b)", "(c)", "i", "ii", "iii", "iv", "A)", "A.I", "A.II"]


def test_restarted_list_counts_from_one_and_shared_list_continues(tmp_path: Path) -> None:
    document = docx.Document()
    first = add_list(document, [("decimal", "%1.", 1)])
    number(document.add_paragraph("First list, first item."), first)
    number(document.add_paragraph("First list, second item."), first)
    document.add_paragraph("A paragraph between the lists.")
    restarted = add_list(document, [], restart=True)
    number(document.add_paragraph("Restarted list item."), restarted)
    number(document.add_paragraph("Back in the first list."), first)
    document.save(str(tmp_path / "d.docx"))

    blocks = _by_text(extract(tmp_path / "d.docx"))

    assert blocks["2. First list, second item."].location.clause == "2"
    assert blocks["1. Restarted list item."].location.clause == "1"
    assert blocks["2. Back in the first list."].location.clause == "2"


def test_numbered_headings_give_clause_and_heading_path(tmp_path: Path) -> None:
    document = docx.Document()
    num = add_list(document, [("decimal", "%1", 1), ("decimal", "%1.%2", 1)])
    number_style(document, "Heading 1", num, 0)
    number_style(document, "Heading 2", num, 1)
    document.add_heading("Definitions", 1)
    document.add_paragraph("Words have the meaning given here.")
    document.add_heading("Service levels", 1)
    document.add_heading("Response times", 2)
    document.add_paragraph("The supplier replies within one hour.")
    document.add_heading("Credits", 2)
    document.add_paragraph("Credits are paid monthly.")
    document.save(str(tmp_path / "d.docx"))

    blocks = _by_text(extract(tmp_path / "d.docx"))

    reply = blocks["The supplier replies within one hour."]
    assert reply.location.clause == "2.1"
    assert reply.location.heading_path == ("Service levels", "Response times")
    assert blocks["Credits are paid monthly."].location.clause == "2.2"
    assert blocks["Words have the meaning given here."].location.clause == "1"
    heading = blocks["2.1 Response times"]
    assert heading.is_heading and heading.level == 2
    assert heading.location.heading_path == ("Service levels",)


def test_table_rows_read_as_markdown_rows_and_findings_name_their_cell(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Priorities", 1)
    document.add_paragraph("The table sets the targets.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Priority"
    table.cell(0, 1).text = "Response"
    table.cell(1, 0).text = "Urgent"
    table.cell(1, 1).text = "Within one hour."
    table.cell(1, 1).add_paragraph("Around the clock.")
    document.add_paragraph("After the table.")
    document.save(str(tmp_path / "d.docx"))

    blocks = _by_text(extract(tmp_path / "d.docx"))

    row = blocks["| Urgent | Within one hour. Around the clock. |"]
    assert row.location.table == (1, 0)
    assert row.location.heading_path == ("Priorities",)
    assert row.location_at(row.text.index("Around")).table == (1, 1)
    assert row.location_at(row.text.index("Urgent")).table == (1, 0)
    assert blocks["| Priority | Response |"].location.table == (0, 0)
    assert blocks["The table sets the targets."].location.table is None
    assert blocks["After the table."].location.paragraph > row.location.paragraph


def test_headers_and_footers_are_marked(tmp_path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Draft for discussion"
    document.sections[0].footer.paragraphs[0].text = "Page footer text"
    document.add_paragraph("Body text.")
    document.save(str(tmp_path / "d.docx"))

    parts = {b.text: b.location.part for b in extract(tmp_path / "d.docx")}

    assert parts == {
        "Draft for discussion": "header",
        "Body text.": "body",
        "Page footer text": "footer",
    }


def test_text_is_the_runs_in_order_and_offsets_map_back_to_runs(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Uptime is ")
    paragraph.add_run("99.9").bold = True
    paragraph.add_run("%\tper month")
    paragraph.add_run().add_break(WD_BREAK.LINE)
    paragraph.add_run("measured by ").italic = True
    paragraph.add_run("both parties.")
    document.save(str(tmp_path / "d.docx"))

    [mapped] = map_document(docx.Document(str(tmp_path / "d.docx")))
    text = mapped.block.text

    assert text == "Uptime is 99.9%\tper month\nmeasured by both parties."
    bold = mapped.pieces[1]
    assert text[bold.start : bold.end] == "99.9"
    assert [text[p.start : p.end] for p in mapped.pieces] == [
        "Uptime is ",
        "99.9",
        "%\tper month",
        "\n",
        "measured by ",
        "both parties.",
    ]


def test_empty_paragraphs_are_skipped_but_counted(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("One.")
    document.add_paragraph("")
    document.add_paragraph("Three.")
    document.save(str(tmp_path / "d.docx"))

    blocks = extract(tmp_path / "d.docx")

    assert [(b.text, b.location.paragraph) for b in blocks] == [("One.", 0), ("Three.", 2)]


def test_bullets_read_as_markdown_bullets_whatever_the_glyph(tmp_path: Path) -> None:
    document = docx.Document()
    bullets = add_list(document, [("bullet", "\uf0b7", 1), ("bullet", "o", 1)])
    document.add_paragraph("Credits are applied when:")
    number(document.add_paragraph("the report shows a miss;"), bullets, 0)
    number(document.add_paragraph("a nested point."), bullets, 1)
    document.save(str(tmp_path / "d.docx"))

    texts = [b.text for b in extract(tmp_path / "d.docx")]

    assert texts == [
        "Credits are applied when:",
        "- the report shows a miss;",
        "- a nested point.",
    ]
    assert all(b.location.clause is None for b in extract(tmp_path / "d.docx"))


def test_a_finding_in_a_row_names_its_cell_paragraph_and_offsets_within_it(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Targets.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "P1"
    table.cell(0, 1).text = "The Supplier will use reasonable efforts to respond."
    document.save(str(tmp_path / "d.docx"))

    row = next(b for b in extract(tmp_path / "d.docx") if b.location.table is not None)
    start = row.text.index("reasonable efforts")
    where = row.location_at(start)

    assert (where.paragraph, where.table) == (2, (0, 1))  # paragraph 0, cell "P1" 1, then this
    paragraph = "The Supplier will use reasonable efforts to respond."
    assert start - where.shift == paragraph.index("reasonable efforts")


def test_numbered_paragraphs_in_a_table_keep_their_list_counting(tmp_path: Path) -> None:
    document = docx.Document()
    num = add_list(document, [("decimal", "%1.", 1)])
    number(document.add_paragraph("Before the table."), num)
    table = document.add_table(rows=1, cols=2)
    number(table.cell(0, 0).paragraphs[0], num)
    table.cell(0, 0).paragraphs[0].text = "In the first cell."
    number(table.cell(0, 1).paragraphs[0], num)
    table.cell(0, 1).paragraphs[0].text = "In the second cell."
    number(document.add_paragraph("After the table."), num)
    document.save(str(tmp_path / "d.docx"))

    last = extract(tmp_path / "d.docx")[-1]

    assert (last.text, last.location.clause) == ("4. After the table.", "4")


def test_merged_and_skipped_grid_columns_keep_every_value_under_its_heading(
    tmp_path: Path,
) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=4)
    header = table.rows[0].cells
    header[0].merge(header[1]).text = "Priority"
    header[2].text, header[3].text = "Response", "Resolution"
    for c, value in enumerate(["P1", "Critical", "1 hour", "4 hours"]):
        table.cell(1, c).text = value
    table.cell(2, 2).text = "a | b"
    document.save(str(tmp_path / "d.docx"))

    rows = [b.text for b in extract(tmp_path / "d.docx")]

    assert rows[0] == "| Priority |  | Response | Resolution |"
    assert rows[1] == "| P1 | Critical | 1 hour | 4 hours |"
    assert rows[2] == "|  |  | a \u00a6 b |  |"  # a bar inside a cell does not open a new one
