"""Customer files as users really have them: Excel's CSV encodings, short rows, numbers typed
into spreadsheet cells, a folder given by mistake, and a --name no row can fill."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from slaforge.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT / "examples" / "bulk" / "base.yaml"
CUSTOMERS = ROOT / "examples" / "bulk" / "customers.csv"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["bulk", *args, "--jobs", "1"])
    return result.exit_code, result.stdout, result.stderr


def sample() -> tuple[list[str], list[list[str]]]:
    with CUSTOMERS.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    return header, rows


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *rows])
    return buffer.getvalue()


def manifest(outdir: Path) -> list[dict[str, str]]:
    with (outdir / "manifest.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def text_of(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


# --- encodings -------------------------------------------------------------------------------


def excel_csv(tmp_path: Path) -> tuple[Path, bytes]:
    """What Excel on Windows writes for "CSV (Comma delimited)": cp1252 and CRLF."""
    header, rows = sample()
    rows = [list(rows[0]), list(rows[1])]
    rows[1][1] = "Café Crème £ Ltd"
    raw = csv_text(header, rows).encode("cp1252")
    path = tmp_path / "excel.csv"
    path.write_bytes(raw)
    return path, raw


def test_a_cp1252_csv_stops_with_one_line_naming_line_and_byte(tmp_path: Path) -> None:
    path, raw = excel_csv(tmp_path)
    out = tmp_path / "out"
    code, _, err = invoke(str(path), "--base", str(BASE), "-o", str(out))
    assert code == 2
    offset = raw.index(b"\xe9")
    assert err == (
        f"error: {path}:3: not UTF-8 text: byte 0xe9 at offset {offset} (line 3); save it as "
        "CSV UTF-8, or pass --encoding cp1252 for Excel's 'CSV (Comma delimited)'\n"
    )
    assert not out.exists(), "nothing is written for a file that cannot be read"


def test_encoding_cp1252_reads_an_excel_csv(tmp_path: Path) -> None:
    path, _ = excel_csv(tmp_path)
    out = tmp_path / "out"
    code, _, err = invoke(str(path), "--base", str(BASE), "-o", str(out), "--encoding", "cp1252")
    assert code == 0, err
    second = manifest(out)[1]
    assert second["status"] == "ok"
    assert "Café Crème £ Ltd" in text_of(out / second["output"])
    assert second["output"].endswith("-cafe-creme-ltd.docx")  # (the default name's slug)


def test_utf8_with_and_without_bom_read_alike(tmp_path: Path) -> None:
    header, rows = sample()
    rows = [list(rows[0])]
    rows[0][1] = "Café £ Ltd"
    text = csv_text(header, rows)
    (tmp_path / "plain.csv").write_bytes(text.encode("utf-8"))
    (tmp_path / "bom.csv").write_bytes(text.encode("utf-8-sig"))
    hashes = []
    for name in ("plain", "bom"):
        out = tmp_path / name
        code, _, err = invoke(str(tmp_path / f"{name}.csv"), "--base", str(BASE), "-o", str(out))
        assert code == 0, err
        hashes.append(manifest(out)[0]["sha256"])
    assert hashes[0] == hashes[1]
    # --encoding utf-8 is the default spelled out: a BOM is still accepted
    code, _, err = invoke(
        str(tmp_path / "bom.csv"),
        "--base",
        str(BASE),
        "-o",
        str(tmp_path / "u"),
        "--encoding",
        "UTF-8",
    )
    assert code == 0, err


def test_the_bad_byte_is_found_far_into_a_file_with_a_bom(tmp_path: Path) -> None:
    """Past the first 64 KiB read, with a two-byte character split across that boundary."""
    header, rows = sample()
    many = []
    for i in range(1200):
        row = list(rows[i % len(rows)])
        row[0] = f"K{i:04d}"
        row[1] = "Crème Brûlée Ltd"
        many.append(row)
    raw = csv_text(header, many).encode("utf-8-sig")
    before = raw.rfind(b"\xc3", 0, 65535)
    raw = raw[:before] + b"x" * (65535 - before) + raw[before:]
    assert raw[65535:65537].decode() in "èéû"
    cut = raw.index(b"K1100")
    raw = raw[:cut] + b"\xa3" + raw[cut:]  # a cp1252 pound sign at the start of row 1102
    path = tmp_path / "mixed.csv"
    path.write_bytes(raw)
    code, _, err = invoke(str(path), "--base", str(BASE), "-o", str(tmp_path / "out"))
    assert code == 2
    assert raw.count(b"\n", 0, cut) + 1 == 1102
    assert err.startswith(f"error: {path}:1102: not UTF-8 text: byte 0xa3 at offset {cut} ")


def test_a_file_that_is_not_in_the_given_encoding(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    header, rows = sample()
    path.write_bytes(csv_text(header, [["C1", "Café Ltd", *rows[0][2:]]]).encode("utf-8"))
    code, _, err = invoke(
        str(path), "--base", str(BASE), "-o", str(tmp_path / "o"), "--encoding", "ascii"
    )
    assert code == 2
    assert err.startswith(f"error: {path}:2: not ascii text: byte 0xc3 at offset ")
    assert err.endswith("; pass the --encoding the file was saved in\n")


def test_utf16_without_a_bom_stops_with_one_line_that_names_the_fix(tmp_path: Path) -> None:
    header, rows = sample()
    path = tmp_path / "c.csv"
    path.write_bytes(csv_text(header, rows[:2]).encode("utf-16-le"))
    out = tmp_path / "out"

    code, _, err = invoke(str(path), "--base", str(BASE), "-o", str(out), "--encoding", "utf-16")
    assert (code, err) == (
        2,
        f"error: {path}:1: starts with no byte order mark (BOM), which --encoding utf-16 needs; "
        "pass --encoding utf-16-le (or utf-16-be) instead\n",
    )
    code, _, err = invoke(str(path), "--base", str(BASE), "-o", str(out))
    assert (code, err) == (
        2,
        f"error: {path}:1: holds NUL characters, as UTF-16 text does; pass --encoding utf-16-le\n",
    )
    records = [dict(zip(header, rows[0], strict=True))]
    (tmp_path / "c.json").write_bytes(json.dumps(records).encode("utf-16-le"))
    code, _, err = invoke(str(tmp_path / "c.json"), "--base", str(BASE), "-o", str(out))
    assert (code, err) == (
        2,
        f"error: {tmp_path / 'c.json'}:1: holds NUL characters, as UTF-16 text does; "
        "pass --encoding utf-16-le\n",
    )
    assert not out.exists()
    code, _, err = invoke(str(path), "--base", str(BASE), "-o", str(out), "--encoding", "utf-16-le")
    assert code == 0, err
    assert len(manifest(out)) == 2


def test_utf16_with_a_bom_read_as_utf8_names_utf16(tmp_path: Path) -> None:
    """Excel's "Unicode Text" and Notepad's "Unicode" are UTF-16 with a BOM."""
    header, rows = sample()
    path = tmp_path / "c.csv"
    path.write_bytes(csv_text(header, rows[:2]).encode("utf-16"))

    code, _, err = invoke(str(path), "--base", str(BASE), "-o", str(tmp_path / "o"))

    assert (code, err) == (
        2,
        f"error: {path}:1: not UTF-8 text: byte 0xff at offset 0 (line 1); it starts with a "
        "UTF-16 byte order mark: pass --encoding utf-16\n",
    )
    code, _, err = invoke(
        str(path), "--base", str(BASE), "-o", str(tmp_path / "o"), "--encoding", "utf-16"
    )
    assert code == 0, err


def test_a_bad_unit_in_utf16_is_found_on_its_line_not_at_a_0x0a_byte(tmp_path: Path) -> None:
    """The letter Ċ (U+010A) is the bytes 0a 01 in UTF-16-LE; a byte count took it for a line."""
    header, rows = sample()
    rows = [list(rows[0]), list(rows[1]), list(rows[2])]
    rows[0][1] = "Ċelik Ltd"
    good = csv_text(header, rows[:2]).encode("utf-16-le")
    path = tmp_path / "c.csv"
    path.write_bytes(good + b"\x00\xdc" + csv_text(header, rows[2:]).encode("utf-16-le"))

    code, _, err = invoke(
        str(path), "--base", str(BASE), "-o", str(tmp_path / "o"), "--encoding", "utf-16-le"
    )

    assert code == 2
    assert err.startswith(f"error: {path}:4: not utf-16-le text: byte 0x00 at offset {len(good)} ")


def huge_cell(lines: list[str], line: int) -> list[str]:
    """A cell of 200,000 characters on ``line``, as a pasted blob or a binary file gives."""
    cells = next(csv.reader([lines[line - 1]]))
    cells[1] = "x" * 200_000
    return [*lines[: line - 1], csv_text(cells, []).rstrip(), *lines[line:]]


def open_quote(lines: list[str], line: int) -> list[str]:
    """A quote opened on ``line`` and never closed: the reader runs on through the file."""
    rest = [f"C{9000 + i},Filler {i} Ltd" for i in range(12_000)]
    return [*lines[: line - 1], 'C9,"Unclosed Ltd', *rest]


@pytest.mark.parametrize(("make", "line"), [(huge_cell, 3), (open_quote, 4)])
def test_a_cell_over_the_csv_field_limit_names_the_line_its_row_starts_on(
    tmp_path: Path, make: Callable[[list[str], int], list[str]], line: int
) -> None:
    header, rows = sample()
    lines = csv_text(header, rows[:4]).splitlines()
    path = tmp_path / "c.csv"
    path.write_text("\n".join(make(lines, line)) + "\n", encoding="utf-8")
    out = tmp_path / "out"

    code, stdout, err = invoke(str(path), "--base", str(BASE), "-o", str(out))

    assert (code, err) == (
        2,
        f"error: {path}:{line}: the row starting on this line has a cell longer than 131072 "
        'characters; look for a quote (") that is never closed\n',
    )
    assert stdout == ""
    assert not out.exists(), "nothing is written for a file that cannot be read"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "latin-9000",
            "error: --encoding: unknown text encoding 'latin-9000' (e.g. utf-8, cp1252)",
        ),
        ("hex", "error: --encoding: unknown text encoding 'hex' (e.g. utf-8, cp1252)"),
    ],
)
def test_unknown_encoding_is_a_usage_error(tmp_path: Path, name: str, message: str) -> None:
    out = tmp_path / "out"
    code, _, err = invoke(str(CUSTOMERS), "--base", str(BASE), "-o", str(out), "--encoding", name)
    assert (code, err) == (2, message + "\n")
    assert not out.exists()


def test_encoding_applies_to_json_and_not_to_xlsx(tmp_path: Path) -> None:
    header, rows = sample()
    record = dict(zip(header, rows[0], strict=True))
    record["customer.name"] = "Café £ Ltd"
    path = tmp_path / "c.json"
    path.write_bytes(json.dumps([record], ensure_ascii=False).encode("cp1252"))
    code, _, err = invoke(str(path), "--base", str(BASE), "-o", str(tmp_path / "a"))
    assert code == 2 and "not UTF-8 text: byte 0xe9" in err
    code, _, err = invoke(
        str(path), "--base", str(BASE), "-o", str(tmp_path / "b"), "--encoding", "cp1252"
    )
    assert code == 0, err

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(header)
    book.active.append(rows[0])
    book.save(tmp_path / "c.xlsx")
    code, _, err = invoke(
        str(tmp_path / "c.xlsx"),
        "--base",
        str(BASE),
        "-o",
        str(tmp_path / "c"),
        "--encoding",
        "cp1252",
    )
    assert code == 2
    assert err == "error: --encoding is for text files (.csv, .json, .yaml), not .xlsx\n"


# --- short and long rows ---------------------------------------------------------------------


def test_short_rows_fail_alone_and_empty_trailing_cells_are_not_short(tmp_path: Path) -> None:
    header, rows = sample()
    width = len(header)
    assert width == 14
    trailing = [*rows[1][:7], *[""] * (width - 7)]  # a,b,...,,,, : every cell there, some empty
    lines = [
        ",".join(header),
        csv_text(header, [rows[0]]).splitlines()[1],  # line 2: ok
        'C9001,Short Co Ltd,"1 Road, Leeds"',  # line 3: 3 of 14 cells
        "",  # line 4: blank, skipped
        ",,,,,,,,,,,,,",  # line 5: empty cells only, skipped
        csv_text(header, [trailing]).splitlines()[1],  # line 6: ok
        csv_text(header, [[*rows[2], "x", "y"]]).splitlines()[1],  # line 7: 16 cells
        csv_text(header, [rows[3]]).splitlines()[1],  # line 8: ok
    ]
    path = tmp_path / "c.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, err = invoke(str(path), "--base", str(BASE), "-o", str(out))
    assert code == 1
    assert err.splitlines() == [
        f"error: {path}: row 3: 3 cells, but the header names 14 columns "
        "(an empty cell still needs its comma)",
        f"error: {path}: row 7: 16 cells, but the header names 14 columns "
        "(quote a cell that holds a comma)",
    ]
    assert [(r["row"], r["status"]) for r in manifest(out)] == [
        ("2", "ok"),
        ("3", "failed"),
        ("6", "ok"),
        ("7", "failed"),
        ("8", "ok"),
    ]
    assert "3 built, 0 skipped, 2 failed of 5 rows" in stdout
    assert not (out / "C9001-short-co-ltd.docx").exists()


# --- numbers in spreadsheet cells ------------------------------------------------------------


def test_numbers_in_xlsx_cells_read_as_the_text_they_show(tmp_path: Path) -> None:
    from openpyxl import Workbook

    header, rows = sample()
    column = {name: i for i, name in enumerate(header)}
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    values: list[list[object]] = [list(r) for r in rows[:3]]
    values[0][column["customer.id"]] = 1042  # typed as a number
    values[1][column["customer.id"]] = 1043.0  # a whole number Excel stored as a float
    values[2][column["customer.id"]] = "0012"  # typed as text: the zeros are kept
    values[1][column["metrics.availability.target"]] = 99.95
    values[1][column["credits.tiers.0.below"]] = 99.95
    values[1][column["credits.cap_percent"]] = 40
    for row in values:
        sheet.append(row)
    book.save(tmp_path / "c.xlsx")
    out = tmp_path / "out"
    code, _, err = invoke(str(tmp_path / "c.xlsx"), "--base", str(BASE), "-o", str(out))
    assert code == 0, err
    records = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["rows"]
    assert [r["customer_id"] for r in records] == ["1042", "1043", "0012"]
    assert records[0]["output"].startswith("1042-")
    changed = {d["path"]: d["value"] for d in records[1]["deviations"]}
    assert changed["metrics.availability.target"] == "99.95"
    assert changed["credits.cap_percent"] == "40"


def test_xlsx_numbers_read_through_their_number_format(tmp_path: Path) -> None:
    """An id formatted 00000, targets formatted as percentages, and a target Excel holds as
    99.949999999999989 and shows as 99.95, beside a tier typed as the text 99.95."""
    from openpyxl import Workbook

    header, rows = sample()
    column = {name: i + 1 for i, name in enumerate(header)}
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows[:3]:
        sheet.append(row)
    sheet.cell(2, column["customer.id"], 7).number_format = "00000"
    for name in ("metrics.availability.target", "credits.tiers.0.below"):
        sheet.cell(3, column[name], 0.9995).number_format = "0.00%"
    sheet.cell(4, column["metrics.availability.target"], 99.949999999999989)
    sheet.cell(4, column["credits.tiers.0.below"], "99.95")
    book.save(tmp_path / "c.xlsx")
    out = tmp_path / "out"

    code, _, err = invoke(str(tmp_path / "c.xlsx"), "--base", str(BASE), "-o", str(out))

    assert code == 0, err
    records = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["rows"]
    assert records[0]["customer_id"] == "00007"
    assert records[0]["output"].startswith("00007-")
    for record in records[1:]:
        changed = {d["path"]: d["value"] for d in record["deviations"]}
        assert changed["metrics.availability.target"] == "99.95"
        assert "below 99.95% and at least 99.5%" in changed["credits.tiers.0"]
    assert "Platform Availability for Managed Hosting of at least 99.95% in each" in text_of(
        out / records[1]["output"]
    )


def test_a_number_in_json_for_a_text_field_is_an_error_as_in_the_base_spec(
    tmp_path: Path,
) -> None:
    """JSON and YAML carry their own types, and the base spec YAML rejects ``id: 1042`` too."""
    header, rows = sample()
    record: dict[str, object] = dict(zip(header, rows[0], strict=True))
    record["customer.id"] = 1042
    path = tmp_path / "c.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    code, _, err = invoke(str(path), "--base", str(BASE), "-o", str(tmp_path / "o"))
    assert code == 1
    assert "column 'customer.id' (parties.customer.id): write the text in quotes, \"1042\"" in err


# --- a folder, a bad --name ------------------------------------------------------------------


def test_a_folder_as_the_customer_list(tmp_path: Path) -> None:
    for folder in (tmp_path / "customers", tmp_path / "customers.csv"):
        folder.mkdir()
        code, _, err = invoke(str(folder), "--base", str(BASE), "-o", str(tmp_path / "o"))
        assert code == 2
        assert err == (
            f"error: {folder}: is a directory; give the customer file "
            "(.csv, .xlsx, .json, .yaml, .yml)\n"
        )


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        (
            "{customer.nosuch}.docx",
            "--name: {customer.nosuch} names no spec field; customer has id, name, role, "
            "legal_form, address, email, signatory",
        ),
        (
            "{custmer.id}.docx",
            "--name: {custmer.id} names no spec field; did you mean {customer.id}?",
        ),
        (
            "{customer.nmae|slug}.docx",
            "--name: {customer.nmae} names no spec field; did you mean {customer.name}?",
        ),
        (
            "{metrics.availability.target}.docx",
            "--name: {metrics.availability.target}: 'metrics' is a list; --name takes single "
            "values such as {customer.id}",
        ),
        (
            "{customer.signatory}.docx",
            "--name: {customer.signatory} is a section or a list, not one value",
        ),
        (
            "{customer.legal_form}.docx",
            "--name: {customer.legal_form} is set neither by the base spec nor by a column of "
            "customers.csv",
        ),
    ],
)
def test_a_bad_name_field_stops_before_any_row(tmp_path: Path, pattern: str, message: str) -> None:
    out = tmp_path / "out"
    code, stdout, err = invoke(
        str(CUSTOMERS), "--base", str(BASE), "-o", str(out), "--name", pattern
    )
    assert (code, err) == (2, f"error: {message}\n")
    assert stdout == ""
    assert not out.exists()


def test_a_name_field_set_only_by_a_column_is_fine(tmp_path: Path) -> None:
    header, rows = sample()
    path = tmp_path / "c.csv"
    path.write_text(
        csv_text([*header, "customer.legal_form"], [[*rows[0], "Limited company"]]),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, _, err = invoke(
        str(path), "--base", str(BASE), "-o", str(out), "--name", "{customer.legal_form|slug}.docx"
    )
    assert code == 0, err
    assert (out / "limited-company.docx").is_file()


def test_a_name_field_the_spec_fills_by_default_is_set(tmp_path: Path) -> None:
    """With no agreement.version in the base spec, each agreement still prints Version 1.0."""
    text = BASE.read_text(encoding="utf-8")
    assert '  version: "1.0"\n' in text
    base = tmp_path / "base.yaml"
    base.write_text(text.replace('  version: "1.0"\n', ""), encoding="utf-8")
    out = tmp_path / "out"

    code, _, err = invoke(
        str(CUSTOMERS),
        "--base",
        str(base),
        "-o",
        str(out),
        "--name",
        "{customer.id}-v{agreement.version}.docx",
    )

    assert code == 0, err
    first = manifest(out)[0]
    assert first["output"] == "C1001-v1.0.docx"
    header = docx.Document(str(out / first["output"])).sections[0].header.paragraphs[0].text
    assert header == "SLA-2027-1001 · Service Level Agreement · Version 1.0"


def test_names_in_other_scripts_give_readable_distinct_files(tmp_path: Path) -> None:
    names = ["北京科技有限公司", "Москва ООО", "Café Crème Ltd", "!!!"]  # noqa: RUF001 (Cyrillic)
    header, rows = sample()
    rows = [[r[0], name, *r[2:]] for r, name in zip(rows, names, strict=False)]
    path = tmp_path / "c.csv"
    path.write_text(csv_text(header, rows), encoding="utf-8")
    out = tmp_path / "out"

    code, _, err = invoke(
        str(path), "--base", str(BASE), "-o", str(out), "--name", "{customer.name|slug}.docx"
    )

    assert code == 1
    assert err == f"error: {path}: row 5: --name: {{customer.name|slug}} is empty for '!!!'\n"
    assert sorted(p.name for p in out.glob("*.docx")) == [
        "cafe-creme-ltd.docx",
        "москва-ооо.docx",  # noqa: RUF001
        "北京科技有限公司.docx",
    ]
    assert not list(out.glob(".*")), "no hidden file"


def test_a_name_too_long_for_a_file_system_fails_its_row_alone(tmp_path: Path) -> None:
    """80 Chinese characters are 240 bytes; with "C1001-" and ".docx" the name is 251."""
    header, rows = sample()
    rows = [[rows[0][0], "北京" * 40, *rows[0][2:]], rows[1]]
    path = tmp_path / "c.csv"
    path.write_text(csv_text(header, rows), encoding="utf-8")
    out = tmp_path / "out"

    code, _, err = invoke(str(path), "--base", str(BASE), "-o", str(out))

    assert (code, err) == (
        1,
        f"error: {path}: row 2: --name gives a file name of 251 bytes, and 240 fit (file systems "
        "take 255); name files by shorter fields, such as {customer.id}.docx\n",
    )
    assert [r["status"] for r in manifest(out)] == ["failed", "ok"]


# --- header rows -----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_unnamed_column_before_named_ones_is_bad_input(tmp_path: Path, suffix: str) -> None:
    header, rows = sample()
    header = [header[0], "", *header[1:]]
    rows = [[rows[0][0], "x", *rows[0][1:]]]
    path = tmp_path / f"c{suffix}"
    if suffix == ".csv":
        path.write_text(csv_text(header, rows), encoding="utf-8")
    else:
        from openpyxl import Workbook

        book = Workbook()
        book.active.append([h or None for h in header])
        book.active.append(rows[0])
        book.save(path)
    out = tmp_path / "out"

    code, _, err = invoke(str(path), "--base", str(BASE), "-o", str(out))

    line = "row" if suffix == ".xlsx" else "line"
    assert (code, err) == (
        2,
        f"error: {path}:1: column 2 has no name: name every column in the first {line}\n",
    )
    assert not out.exists()


def test_empty_header_cells_at_the_end_of_a_sheet_are_no_columns(tmp_path: Path) -> None:
    from openpyxl import Workbook

    header, rows = sample()
    book = Workbook()
    book.active.append([*header, " ", " "])  # (cells that look empty, as a sheet often has)
    book.active.append(rows[0])
    book.save(tmp_path / "c.xlsx")

    code, _, err = invoke(str(tmp_path / "c.xlsx"), "--base", str(BASE), "-o", str(tmp_path / "o"))

    assert code == 0, err
