"""Reading .txt and .md drafts: paragraphs, line numbers, clause numbers and headings."""

from __future__ import annotations

from pathlib import Path

from slaforge.extract import extract

PLAIN = """\
Support Terms

1. Response times

The provider answers each ticket
within four business hours.

1.1 A reply that only confirms receipt
does not count.

(a) Urgent tickets are answered within one hour.
(b) Other tickets are answered next day.
"""

MARKDOWN = """\
---
title: Example terms
---

# Hosting terms

## Availability

Uptime is measured from outside the
provider's network.

- Scheduled work is announced a week ahead.
- Emergency work is capped at two hours a month.

### Credits

| Level | Credit |
|-------|--------|
| 99.0% | 10% |
"""


def test_plain_text_paragraphs_keep_their_first_line(tmp_path: Path) -> None:
    path = tmp_path / "terms.txt"
    path.write_text(PLAIN, encoding="utf-8")

    blocks = {b.text: b for b in extract(path)}

    wrapped = blocks["The provider answers each ticket within four business hours."]
    assert wrapped.location.line == 5
    assert wrapped.location.clause == "1"
    assert wrapped.location.heading_path == ("Support Terms", "1. Response times")
    assert blocks["1.1 A reply that only confirms receipt does not count."].location.clause == "1.1"
    urgent = blocks["(a) Urgent tickets are answered within one hour."]
    assert (urgent.location.clause, urgent.location.line) == ("(a)", 11)
    assert blocks["(b) Other tickets are answered next day."].location.line == 12


def test_plain_text_headings(tmp_path: Path) -> None:
    path = tmp_path / "terms.txt"
    path.write_text(PLAIN, encoding="utf-8")

    headings = [(b.text, b.level) for b in extract(path) if b.is_heading]

    assert headings == [("Support Terms", 1), ("1. Response times", 2)]


def test_markdown_headings_lists_and_tables(tmp_path: Path) -> None:
    path = tmp_path / "terms.md"
    path.write_text(MARKDOWN, encoding="utf-8")

    blocks = extract(path)
    by_text = {b.text: b for b in blocks}

    assert "title: Example terms" not in by_text
    assert (by_text["Availability"].is_heading, by_text["Availability"].level) == (True, 2)
    uptime = by_text["Uptime is measured from outside the provider's network."]
    assert uptime.location.heading_path == ("Hosting terms", "Availability")
    assert uptime.location.line == 9
    assert by_text["- Emergency work is capped at two hours a month."].location.line == 13
    row = by_text["| 99.0% | 10% |"]
    assert row.location.heading_path == ("Hosting terms", "Availability", "Credits")
    assert not any(set(b.text) <= set("|-: ") for b in blocks)


def test_crlf_and_bom_are_read(tmp_path: Path) -> None:
    path = tmp_path / "terms.txt"
    path.write_bytes(b"\xef\xbb\xbfFirst line\r\nsecond line.\r\n")

    [block] = extract(path)

    assert block.text == "First line second line."


def test_plain_text_that_is_markdown_and_lines_that_only_look_like_headings(
    tmp_path: Path,
) -> None:
    path = tmp_path / "terms.txt"
    path.write_text(
        "# Uptime terms\n\nA Failed Request means a request that\n\n- gets no answer; or\n",
        encoding="utf-8",
    )

    blocks = extract(path)

    assert [(b.text, b.is_heading) for b in blocks] == [
        ("Uptime terms", True),
        ("A Failed Request means a request that", False),
        ("- gets no answer; or", False),
    ]
    assert blocks[1].location.heading_path == ("Uptime terms",)


TWO_TABLES = """\
| Priority | Fix time |
|---|---|
| P1 | 5 hours |

| P2 | 12 hours |

| Credit | Amount |
|---|---|
| P1 fault not fixed within 8 hours | 5% of the monthly fee |
Closing words.
| Site | Hours |
| Depot | 06:00-22:00 |
"""


def test_a_table_opens_at_its_header_row_whatever_stands_between_rows(tmp_path: Path) -> None:
    path = tmp_path / "two.md"
    path.write_text(TWO_TABLES, encoding="utf-8")

    rows = {b.text: b for b in extract(path)}

    assert rows["| Priority | Fix time |"].opens_table
    assert (rows["| P1 | 5 hours |"].row, rows["| P2 | 12 hours |"].row) == (1, 2)
    # a header row over a separator opens a table, even straight after another table's rows
    assert rows["| Credit | Amount |"].opens_table
    assert rows["| P1 fault not fixed within 8 hours | 5% of the monthly fee |"].row == 1
    # after other text, the first row opens a table even without a separator
    assert rows["| Site | Hours |"].opens_table and rows["| Depot | 06:00-22:00 |"].row == 1
    assert rows["Closing words."].row is None and not rows["Closing words."].opens_table


def test_after_a_blank_line_a_row_without_figures_opens_a_table(tmp_path: Path) -> None:
    path = tmp_path / "apart.txt"
    path.write_text(
        "| Priority | Response time |\n| P1 | 1 hour |\n\n| Service | Availability |\n"
        "| Email | 99.9% |\n\nLater:\n\n| Priority | Attendance |\n\n| 1 - Critical | 2 hours |\n",
        encoding="utf-8",
    )

    rows = {b.text: b for b in extract(path)}

    assert rows["| Service | Availability |"].opens_table
    assert rows["| Email | 99.9% |"].row == 1
    # rows with figures may stand apart with blank lines between them
    assert rows["| 1 - Critical | 2 hours |"].row == 1
