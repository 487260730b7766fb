"""slaforge bulk as a provider uses it: bad rows, manifests, re-runs, formats, the report."""

from __future__ import annotations

import contextlib
import csv
import errno
import faulthandler
import hashlib
import io
import json
import multiprocessing
import multiprocessing.process
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from slaforge.bulk import runner
from slaforge.bulk.columns import apply_row, resolve_columns
from slaforge.bulk.pool import WorkerPool
from slaforge.bulk.rows import Row
from slaforge.bulk.runner import BulkOptions, run_bulk
from slaforge.bulk.worker import Entry, RowWorker, WorkerConfig
from slaforge.cli.main import cli
from slaforge.render.build import Builder
from slaforge.spec.load import validate_data
from slaforge.spec.yamlpos import Positioned, load_yaml

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT / "examples" / "bulk" / "base.yaml"
CUSTOMERS = ROOT / "examples" / "bulk" / "customers.csv"


def sample_rows() -> list[dict[str, str]]:
    with CUSTOMERS.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def manifest(outdir: Path) -> list[dict[str, str]]:
    with (outdir / "manifest.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def earlier_run(
    tmp_path: Path, count: int, jobs: int = 1
) -> tuple[list[dict[str, str]], Path, Path]:
    """A first batch of ``count`` sample rows built into ``out``: rows, CSV and folder."""
    rows = sample_rows()[:count]
    customers = write_csv(tmp_path / "c.csv", rows)
    out = tmp_path / "out"
    assert run_bulk(BulkOptions(customers, BASE, out, jobs=jobs)).count("ok") == count
    return rows, customers, out


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["bulk", *args])
    return result.exit_code, result.stdout, result.stderr


def test_example_batch_runs_as_is(tmp_path: Path) -> None:
    code, out, err = invoke(str(CUSTOMERS), "--base", str(BASE), "-o", str(tmp_path), "--jobs", "1")
    assert code == 0, err
    rows = manifest(tmp_path)
    assert len(rows) == len(sample_rows()) >= 20
    assert {r["status"] for r in rows} == {"ok"}
    assert out.startswith(f"{len(rows)} built, 0 skipped, 0 failed of {len(rows)} rows")
    first = rows[0]
    assert first["output"] == "C1001-adatum-foods-ltd.docx"
    data = (tmp_path / first["output"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == first["sha256"]
    assert "dispute-resolution=" in first["variants"]
    assert len({r["variants"] for r in rows}) >= 3, "the example should exercise several variants"


def test_bulk_output_equals_a_single_build_of_the_same_terms(tmp_path: Path) -> None:
    """The batch's caches must never change what an agreement says."""
    assert run_bulk(BulkOptions(CUSTOMERS, BASE, tmp_path, jobs=1)).count("failed") == 0
    base = load_yaml(BASE.read_text(encoding="utf-8"), str(BASE)).data
    rows = sample_rows()
    columns = resolve_columns(list(rows[0]), base, {}, CUSTOMERS)
    entries = manifest(tmp_path)
    for index in (0, 4, 9, 13, len(rows) - 1):
        agreement = validate_data(Positioned(apply_row(base, columns, rows[index])), "row")
        alone = Builder().build(agreement).data
        assert (tmp_path / entries[index]["output"]).read_bytes() == alone, entries[index]["output"]


def test_bad_rows_are_reported_and_the_rest_are_written(tmp_path: Path) -> None:
    rows = sample_rows()[:6]
    rows[1]["metrics.availability.target"] = "120"
    rows[3]["agreement.effective_date"] = "2027-02-30"
    rows[4]["disputes.method"] = "duel"
    customers = write_csv(tmp_path / "customers.csv", rows)
    out = tmp_path / "out"
    code, stdout, err = invoke(str(customers), "--base", str(BASE), "-o", str(out), "--jobs", "1")
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"error: {customers}: row 3: column 'metrics.availability.target'")
    assert "outside (0, 100]" in lines[0]
    assert lines[1].startswith(f"error: {customers}: row 5: column 'agreement.effective_date'")
    assert (
        lines[2].startswith(f"error: {customers}: row 6: column 'disputes.method'")
        and "duel" in lines[2]
    )
    statuses = [r["status"] for r in manifest(out)]
    assert statuses == ["ok", "failed", "ok", "failed", "failed", "ok"]
    assert sorted(p.name for p in out.glob("*.docx")) == sorted(
        r["output"] for r in manifest(out) if r["status"] == "ok"
    )
    assert "3 built, 0 skipped, 3 failed of 6 rows" in stdout


def test_lint_fails_a_row_whose_own_words_draw_a_warning(tmp_path: Path) -> None:
    rows = [{**row, "services.hosting.description": ""} for row in sample_rows()[:2]]
    rows[1]["services.hosting.description"] = (
        "hosting of the Customer's store with adequate capacity where possible"
    )
    customers = write_csv(tmp_path / "customers.csv", rows)
    out = tmp_path / "out"
    code, _, err = invoke(
        str(customers), "--base", str(BASE), "-o", str(out), "--jobs", "1", "--lint"
    )
    assert code == 1
    [line] = err.strip().splitlines()
    assert line.startswith(f"error: {customers}: row 3: lint: 2 warnings, first SLA021")
    assert "'adequate capacity'" in line
    assert [r["status"] for r in manifest(out)] == ["ok", "failed"]
    assert [p.name for p in out.glob("*.docx")] == [manifest(out)[0]["output"]]


@pytest.mark.parametrize(
    ("settings", "statuses"),
    [
        ('ignore = ["SLA021", "SLA022"]\n', ["ok", "ok"]),
        ('fail-on = "error"\n', ["ok", "ok"]),
        ('severity = { SLA021 = "info", SLA022 = "info" }\n', ["ok", "ok"]),
        ('fail-on = "info"\nseverity = { SLA021 = "info" }\n', ["ok", "failed"]),
    ],
)
def test_lint_follows_the_lint_settings_beside_the_base_spec(
    tmp_path: Path, settings: str, statuses: list[str]
) -> None:
    base = tmp_path / "terms" / "base.yaml"
    base.parent.mkdir()
    base.write_bytes(BASE.read_bytes())
    (base.parent / ".slaforge.toml").write_text("[lint]\n" + settings, encoding="utf-8")
    rows = [{**row, "services.hosting.description": ""} for row in sample_rows()[:2]]
    rows[1]["services.hosting.description"] = "hosting with adequate capacity where possible"
    customers = write_csv(tmp_path / "customers.csv", rows)
    out = tmp_path / "out"
    code, _, err = invoke(
        str(customers), "--base", str(base), "-o", str(out), "--jobs", "1", "--lint"
    )
    assert [r["status"] for r in manifest(out)] == statuses
    assert code == (1 if "failed" in statuses else 0), err
    if "failed" in statuses:
        assert "lint: 2 info, first SLA021" in err


def test_lint_settings_naming_no_rule_are_bad_input(tmp_path: Path) -> None:
    base = tmp_path / "base.yaml"
    base.write_bytes(BASE.read_bytes())
    (tmp_path / ".slaforge.toml").write_text('[lint]\nignore = ["SLA9999"]\n', encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = invoke(str(CUSTOMERS), "--base", str(base), "-o", str(out), "--lint")
    assert code == 2
    assert err.startswith(f"error: {tmp_path / '.slaforge.toml'}:2")
    assert "SLA9999" in err and not out.exists()


def test_unknown_column_is_bad_input(tmp_path: Path) -> None:
    rows = [dict(sample_rows()[0], **{"metrics.uptime.target": "99"})]
    customers = write_csv(tmp_path / "c.csv", rows)
    out = tmp_path / "out"
    code, _, err = invoke(str(customers), "--base", str(BASE), "-o", str(out))
    assert code == 2
    assert err == (
        f"error: {customers}:1: column 'metrics.uptime.target': metrics.uptime: "
        "no item with id 'uptime' in the base spec\n"
    )
    assert not out.exists()


def test_unknown_field_column(tmp_path: Path) -> None:
    customers = write_csv(tmp_path / "c.csv", [{"customer.id": "1", "customer.colour": "red"}])
    code, _, err = invoke(str(customers), "--base", str(BASE), "-o", str(tmp_path / "o"))
    assert code == 2
    assert "column 'customer.colour': unknown spec field 'parties.customer.colour'" in err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("c.csv", "", "file is empty"),
        ("c.txt", "x", "unsupported customer file type '.txt'"),
        ("c.json", "{not json", "JSON syntax error"),
        ("c.json", '{"a": 1}', "expected a list of customer records"),
        ("c.xlsx", "not a workbook", "not a readable .xlsx workbook"),
    ],
)
def test_unreadable_customer_files(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    code, _, err = invoke(str(path), "--base", str(BASE), "-o", str(tmp_path / "o"))
    assert code == 2
    assert err.startswith(f"error: {path}") and message in err
    assert len(err.splitlines()) == 1


def test_bad_base_spec(tmp_path: Path) -> None:
    base = tmp_path / "base.yaml"
    base.write_text(BASE.read_text().replace("cap_percent: 30", "cap_percent: 2"))
    code, _, err = invoke(str(CUSTOMERS), "--base", str(base), "-o", str(tmp_path / "o"))
    assert code == 2
    assert f"error: {base}:" in err and "credits.cap_percent" in err


def test_base_spec_with_a_date_that_does_not_exist(tmp_path: Path) -> None:
    base = tmp_path / "base.yaml"
    text = BASE.read_text()
    assert "effective_date: 2027-01-01" in text
    base.write_text(text.replace("effective_date: 2027-01-01", "effective_date: 2027-02-30"))
    code, _, err = invoke(str(CUSTOMERS), "--base", str(base), "-o", str(tmp_path / "o"))
    assert code == 2
    line = text[: text.index("effective_date:")].count("\n") + 1
    assert err == (
        f"error: {base}:{line}: agreement.effective_date: 2027-02-30 is not a date: "
        "February 2027 has 28 days\n"
    )
    assert not (tmp_path / "o").exists()


def test_output_folder_dash_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke(str(CUSTOMERS), "--base", str(BASE), "-o", "-")
    assert code == 2
    assert err == "error: -o -: bulk writes a folder of agreements; give a folder name\n"
    assert list(tmp_path.iterdir()) == []


def test_two_runs_give_identical_hashes(tmp_path: Path) -> None:
    first = run_bulk(BulkOptions(CUSTOMERS, BASE, tmp_path / "a", jobs=1))
    second = run_bulk(BulkOptions(CUSTOMERS, BASE, tmp_path / "b", jobs=2))
    assert [(e.sha256, e.input_hash) for e in first.entries] == [
        (e.sha256, e.input_hash) for e in second.entries
    ]
    assert (tmp_path / "a" / "manifest.json").read_bytes() == (
        tmp_path / "b" / "manifest.json"
    ).read_bytes()


def test_skip_existing_really_skips(tmp_path: Path) -> None:
    rows, customers, out = earlier_run(tmp_path, 5)
    built = {p.name: p.stat().st_mtime_ns for p in out.glob("*.docx")}
    rows[2]["metrics.response.target"] = "20"
    write_csv(customers, rows)
    (out / manifest(out)[4]["output"]).write_bytes(b"tampered")
    time.sleep(0.01)
    result = run_bulk(BulkOptions(customers, BASE, out, jobs=1, skip_existing=True))
    assert [e.status for e in result.entries] == ["skipped", "skipped", "ok", "skipped", "ok"]
    after = {p.name: p.stat().st_mtime_ns for p in out.glob("*.docx")}
    for entry in result.entries:
        changed = after[entry.output] != built[entry.output]
        assert changed == (entry.status == "ok")
    assert (out / result.entries[4].output).read_bytes() != b"tampered"


@pytest.mark.parametrize("older", [False, True])
def test_skip_existing_resumes_a_rerun_that_was_interrupted(tmp_path: Path, older: bool) -> None:
    """A first run builds every row; a rerun is stopped after two rows; resuming it with
    ``--skip-existing`` rebuilds nothing, the rows the stopped run did not reach included,
    also where the first run's manifest is of a version that had no ``inputs`` (``older``)."""
    _, customers, out = earlier_run(tmp_path, 5)
    if older:
        first = json.loads((out / "manifest.json").read_text())
        del first["inputs"]
        (out / "manifest.json").write_text(json.dumps(first))
    built = {p.name: p.stat().st_mtime_ns for p in out.glob("*.docx")}

    def stop_after_two(done: int, total: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    stopped = run_bulk(
        BulkOptions(customers, BASE, out, jobs=1, skip_existing=True), stop_after_two
    )
    assert stopped.interrupted and len(manifest(out)) == 2
    resumed = run_bulk(BulkOptions(customers, BASE, out, jobs=1, skip_existing=True))
    assert [e.status for e in resumed.entries] == ["skipped"] * 5
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.docx")} == built


def test_a_row_that_now_fails_takes_its_earlier_agreement_out_of_the_folder(
    tmp_path: Path,
) -> None:
    """After a rerun the folder holds exactly what the manifest says was built: a failed row's
    agreement from the earlier run goes, unless someone has changed the file since."""
    rows, customers, out = earlier_run(tmp_path, 4)
    names = [r["output"] for r in manifest(out)]
    (out / names[2]).write_bytes(b"edited by hand")
    rows[1]["metrics.availability.target"] = "120"
    rows[2]["metrics.availability.target"] = "120"
    write_csv(customers, rows)
    code, _, err = invoke(str(customers), "--base", str(BASE), "-o", str(out), "--jobs", "1")
    assert code == 1
    assert [r["status"] for r in manifest(out)] == ["ok", "failed", "failed", "ok"]
    assert sorted(p.name for p in out.glob("*.docx")) == sorted([names[0], names[2], names[3]])
    assert (out / names[2]).read_bytes() == b"edited by hand"
    lines = err.strip().splitlines()
    assert lines[0].endswith(f"(0, 100] (removed the earlier run's {names[1]})")
    assert lines[1].endswith(
        f"({names[2]} is left in place: it was changed after the earlier run built it)"
    )


def test_a_failed_row_does_not_take_the_file_a_later_row_keeps(tmp_path: Path) -> None:
    rows, customers, out = earlier_run(tmp_path, 3, jobs=2)
    kept = out / manifest(out)[0]["output"]
    before = kept.read_bytes()
    broken = dict(rows[0], **{"metrics.availability.target": "120"})  # same customer, same name
    write_csv(customers, [broken, *rows])

    result = run_bulk(BulkOptions(customers, BASE, out, jobs=2, skip_existing=True))

    assert [e.status for e in result.entries] == ["failed", "skipped", "skipped", "skipped"]
    assert result.entries[0].output == kept.name
    assert kept.read_bytes() == before
    assert "removed" not in result.entries[0].error


def test_a_stale_file_that_cannot_be_removed_is_named_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows, customers, out = earlier_run(tmp_path, 3)
    stale = manifest(out)[1]["output"]
    rows[1]["metrics.availability.target"] = "120"
    write_csv(customers, rows)

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "unlink", refuse)  # as a file open in Word on Windows
    result = run_bulk(BulkOptions(customers, BASE, out, jobs=1))

    assert [e.status for e in result.entries] == ["ok", "failed", "ok"]
    assert result.entries[1].error.endswith(
        f"(could not remove the earlier run's {stale}: Permission denied)"
    )
    assert [r["status"] for r in manifest(out)] == ["ok", "failed", "ok"]
    # the next run still knows the file is ours, though this run's rows no longer list it
    monkeypatch.undo()
    again = run_bulk(BulkOptions(customers, BASE, out, jobs=1))
    assert again.entries[1].error.endswith(f"(removed the earlier run's {stale})")
    assert not (out / stale).exists()
    listed = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]
    assert sorted(listed) == sorted(p.name for p in out.glob("*.docx"))


def test_a_failed_row_named_like_a_built_one_leaves_that_agreement(tmp_path: Path) -> None:
    rows, customers, out = earlier_run(tmp_path, 3)
    first = out / manifest(out)[0]["output"]
    rows[2]["customer.id"] = rows[0]["customer.id"]
    rows[2]["customer.name"] = rows[0]["customer.name"]
    rows[2]["metrics.availability.target"] = "120"  # a row that fails and shares a name
    result = run_bulk(BulkOptions(write_csv(customers, rows), BASE, out, jobs=1))
    assert [e.status for e in result.entries] == ["ok", "ok", "failed"]
    assert result.entries[2].output == first.name
    assert hashlib.sha256(first.read_bytes()).hexdigest() == result.entries[0].sha256
    assert "removed" not in result.entries[2].error


@pytest.mark.parametrize("damage", ["[" * 100_000, '{"files": {}, "rows": 5}', "{", '"x"'])
def test_a_damaged_manifest_is_built_over(tmp_path: Path, damage: str) -> None:
    customers = write_csv(tmp_path / "c.csv", sample_rows()[:2])
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text(damage, encoding="utf-8")

    code, _, err = invoke(
        str(customers), "--base", str(BASE), "-o", str(out), "--jobs", "1", "--skip-existing"
    )

    assert (code, err) == (0, "")
    assert [r["status"] for r in manifest(out)] == ["ok", "ok"]


def test_xlsx_and_json_inputs_give_the_same_agreements(tmp_path: Path) -> None:
    from openpyxl import Workbook

    rows = sample_rows()[:4]
    book = Workbook()
    sheet = book.active
    sheet.append(list(rows[0]))
    for row in rows:
        sheet.append(list(row.values()))
    book.save(tmp_path / "c.xlsx")
    (tmp_path / "c.json").write_text(json.dumps(rows))
    csv_run = run_bulk(
        BulkOptions(write_csv(tmp_path / "c.csv", rows), BASE, tmp_path / "csv", jobs=1)
    )
    xlsx_run = run_bulk(BulkOptions(tmp_path / "c.xlsx", BASE, tmp_path / "xlsx", jobs=1))
    json_run = run_bulk(BulkOptions(tmp_path / "c.json", BASE, tmp_path / "json", jobs=1))
    expected = [e.sha256 for e in csv_run.entries]
    assert all(expected)
    assert [e.sha256 for e in xlsx_run.entries] == expected
    assert [e.sha256 for e in json_run.entries] == expected
    assert [e.row for e in xlsx_run.entries] == [2, 3, 4, 5]


def test_mapping_file_renames_columns(tmp_path: Path) -> None:
    rows = [
        {"Account": "A1", "Company": "Mapped Co Ltd", "Uptime": "99.95", "Credits from": "99.95"}
    ]
    customers = write_csv(tmp_path / "c.csv", rows)
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "columns:\n  Account: customer.id\n  Company: customer.name\n"
        "  Uptime: metrics.availability.target\n  Credits from: credits.tiers.0.below\n"
    )
    out = tmp_path / "out"
    code, _, err = invoke(
        str(customers), "--base", str(BASE), "-o", str(out), "--map", str(mapping), "--jobs", "1"
    )
    assert code == 0, err
    assert (out / "A1-mapped-co-ltd.docx").exists()
    record = json.loads((out / "manifest.json").read_text())["rows"][0]
    assert {
        "path": "metrics.availability.target",
        "base": "99.9",
        "value": "99.95",
        "note": "stricter target",
    } in record["deviations"]


def test_a_stricter_target_needs_its_credits_moved(tmp_path: Path) -> None:
    # the base's credits start at its own target: a row that raises the target alone would
    # leave a miss that earns nothing, and fails with the field to change
    rows = [
        {
            "customer.id": "A1",
            "customer.name": "Raised Co Ltd",
            "metrics.availability.target": "99.95",
        }
    ]
    customers = write_csv(tmp_path / "c.csv", rows)
    code, _, err = invoke(
        str(customers), "--base", str(BASE), "-o", str(tmp_path / "out"), "--jobs", "1"
    )
    assert code == 1
    assert (
        f"{customers}: row 2: credits.tiers[0].below: tier for 'availability' starts at 99.9" in err
    )
    assert not (tmp_path / "out" / "A1-raised-co-ltd.docx").exists()


def test_report_lists_non_standard_terms(tmp_path: Path) -> None:
    code, _, _ = invoke(
        str(CUSTOMERS), "--base", str(BASE), "-o", str(tmp_path), "--report", "--jobs", "1"
    )
    assert code == 0
    html = (tmp_path / "report.html").read_text()
    assert "<h2>Agreement types</h2>" in html and "customer-based" in html
    assert "dispute-resolution" in html and "arbitration" in html
    assert "metrics.response.target" in html and "weaker target" in html
    assert "credits.cap_percent" in html and "bigger credit cap" in html
    assert "earn_back.enabled" in html and "switched off" in html
    assert "parties.customer.name" not in html, "identity fields are not deviations"
    # a changed credit tier reads as the agreement's table does, and only that tier is listed
    assert (
        "<td>credits.tiers.0</td><td>Platform Availability below 99.9% and at least 99.5% → 5%</td>"
        "<td>Platform Availability below 99.95% and at least 99.5% → 5%</td>"
    ) in html
    assert "credits.tiers.1" not in html
    for raw in ("amount=", "at_least=", "(none)", "True", "False"):
        assert raw not in html, raw
    assert "<td>earn_back.enabled</td><td>yes</td><td>no</td>" in html


def test_tiers_added_removed_and_in_fixed_amounts() -> None:
    from slaforge.bulk.deviations import deviations

    tier = {"metric": "availability", "below": 99.9, "at_least": 0.0, "percent": None}
    metrics = [{"id": "availability", "name": "Platform Availability"}]
    base = {"credits": {"currency": "GBP", "tiers": [{**tier, "amount": 500.0}]}}
    row = {
        "credits": {
            "currency": "GBP",
            "tiers": [
                {**tier, "amount": 750.0},
                {**tier, "below": 99.0, "amount": 1000.0},
            ],
        }
    }
    found = [(d.path, d.base, d.value, d.note) for d in deviations(base, row)]
    assert found == [
        (
            "credits.tiers.0",
            "availability below 99.9% → GBP 500",
            "availability below 99.9% → GBP 750",
            "changed",
        ),
        ("credits.tiers.1", "(none)", "availability below 99% → GBP 1,000", "added"),
    ], "without the metrics in the data, a tier names its metric by id"
    named = deviations({**base, "metrics": metrics}, {**row, "metrics": metrics})
    assert named[1].value == "Platform Availability below 99% → GBP 1,000"
    removed = deviations(row, base)[1]
    assert (removed.path, removed.value, removed.note) == ("credits.tiers.1", "(none)", "removed")


def test_report_shows_a_tier_as_the_agreement_table_does(tmp_path: Path) -> None:
    """The fixed-amount example: the report's tier reads the metric's name and the amount in
    the agreement's money format, cell for cell with the table."""
    rows = [{"customer.id": "C1", "customer.name": "One Ltd", "credits.tiers.2.amount": "1250.5"}]
    out = tmp_path / "out"
    code, _, err = invoke(
        str(write_csv(tmp_path / "c.csv", rows)),
        "--base",
        str(ROOT / "examples" / "service-based.yaml"),
        "-o",
        str(out),
        "--report",
        "--jobs",
        "1",
    )
    assert code == 0, err
    html = (out / "report.html").read_text(encoding="utf-8")
    assert (
        "<td>credits.tiers.2</td><td>Portal Availability below 97% → EUR 900</td>"
        "<td>Portal Availability below 97% → EUR 1,250.50</td>"
    ) in html
    table = docx.Document(str(out / "C1-one-ltd.docx")).tables
    cells = [[c.text for c in r.cells] for t in table for r in t.rows]
    assert ["Portal Availability", "Below 97%", "EUR 1,250.50"] in cells


def test_zip_holds_every_agreement_and_the_manifest(tmp_path: Path) -> None:
    code, _, _ = invoke(
        str(CUSTOMERS), "--base", str(BASE), "-o", str(tmp_path), "--zip", "--jobs", "1"
    )
    assert code == 0
    names = zipfile.ZipFile(io.BytesIO((tmp_path / "agreements.zip").read_bytes())).namelist()
    assert "manifest.csv" in names and "manifest.json" in names
    assert len([n for n in names if n.endswith(".docx")]) == len(sample_rows())


def test_the_zips_manifest_lists_only_the_agreements_the_zip_holds(tmp_path: Path) -> None:
    """After a ``--name`` change the folder keeps the earlier names, and the folder's manifest
    lists them; the archive's copy lists only what the archive holds."""
    _, customers, out = earlier_run(tmp_path, 2)
    earlier = sorted(p.name for p in out.glob("*.docx"))
    result = run_bulk(
        BulkOptions(customers, BASE, out, jobs=1, pattern="{customer.id}.docx", zip=True)
    )
    archive = zipfile.ZipFile(io.BytesIO((out / "agreements.zip").read_bytes()))
    held = sorted(n for n in archive.namelist() if n.endswith(".docx"))
    assert held == sorted(e.output for e in result.entries) and not set(held) & set(earlier)
    packed = json.loads(archive.read("manifest.json"))
    assert sorted(packed["files"]) == held
    assert packed["rows"] == json.loads((out / "manifest.json").read_text())["rows"]
    assert sorted(json.loads((out / "manifest.json").read_text())["files"]) == sorted(
        earlier + held
    )
    assert archive.read("manifest.csv") == (out / "manifest.csv").read_bytes()


def test_name_collision_fails_the_later_row(tmp_path: Path) -> None:
    rows = sample_rows()[:3]
    rows[2]["customer.id"] = rows[0]["customer.id"]
    rows[2]["customer.name"] = rows[0]["customer.name"]
    out = tmp_path / "out"
    result = run_bulk(BulkOptions(write_csv(tmp_path / "c.csv", rows), BASE, out, jobs=1))
    assert [e.status for e in result.entries] == ["ok", "ok", "failed"]
    assert "is also used by row 2" in result.entries[2].error


def test_bad_name_pattern_is_usage_error(tmp_path: Path) -> None:
    code, _, err = invoke(
        str(CUSTOMERS),
        "--base",
        str(BASE),
        "-o",
        str(tmp_path),
        "--name",
        "{customer.id|shout}.docx",
    )
    assert code == 2
    assert "unknown filter 'shout'" in err


@pytest.fixture
def ctrl_c_deliverable() -> Iterator[None]:
    """Ctrl-C reaches this process and the ones it starts, as from a shell, even where the test
    runner was started with SIGINT ignored or blocked; the runner's own are restored after."""
    before = signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    handler = signal.getsignal(signal.SIGINT)
    if handler is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, handler)
    signal.pthread_sigmask(signal.SIG_SETMASK, before)


@pytest.mark.usefixtures("ctrl_c_deliverable")
def test_a_second_ctrl_c_while_the_workers_shut_down_does_not_cut_the_shutdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C pressed twice with ``--jobs 2``: the second press lands while the workers are
    being stopped. They are still all stopped and the manifest written, with no "Exception
    ignored" noise on the terminal."""
    rows = sample_rows()[:12]
    customers = write_csv(tmp_path / "c.csv", rows)
    out = tmp_path / "out"
    close = WorkerPool.close
    stopped: list[list[multiprocessing.process.BaseProcess]] = []

    def pressed_again(pool: WorkerPool) -> None:
        stopped.append(multiprocessing.active_children())
        os.kill(os.getpid(), signal.SIGINT)
        close(pool)

    def press(done: int, total: int) -> None:
        if done == 2:
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(WorkerPool, "close", pressed_again)

    result = run_bulk(BulkOptions(customers, BASE, out, jobs=2), press)

    assert result.interrupted and result.signum == signal.SIGINT
    assert len(stopped) == 1 and len(stopped[0]) == 2
    assert all(not worker.is_alive() for worker in stopped[0])
    assert multiprocessing.active_children() == []
    assert [r["status"] for r in manifest(out)] == ["ok"] * len(result.entries)
    assert "Exception ignored" not in capfd.readouterr().err


@pytest.mark.usefixtures("ctrl_c_deliverable")
@pytest.mark.parametrize("landing", [1, 2])
def test_a_second_ctrl_c_just_before_a_step_that_must_finish_does_not_cut_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
    landing: int,
) -> None:
    """The second press lands in the instant before Ctrl-C is held back for the workers'
    shutdown or the manifest's write (the ``landing``-th such step): the step still runs
    whole, no worker is left behind, and the manifest lists the finished rows."""
    customers = write_csv(tmp_path / "c.csv", sample_rows()[:12])
    out = tmp_path / "out"
    hold = runner._Stop.held
    holds: list[int] = []

    def pressed_just_before(stop: runner._Stop) -> contextlib.AbstractContextManager[None]:
        holds.append(1)
        if len(holds) == landing:
            os.kill(os.getpid(), signal.SIGINT)
        return hold(stop)

    def press(done: int, total: int) -> None:
        if done == 2:
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(runner._Stop, "held", pressed_just_before)

    result = run_bulk(BulkOptions(customers, BASE, out, jobs=2), press)

    assert result.interrupted and len(holds) > landing
    assert multiprocessing.active_children() == []
    assert [r["status"] for r in manifest(out)] == ["ok"] * len(result.entries)
    assert "Exception ignored" not in capfd.readouterr().err


@pytest.mark.usefixtures("ctrl_c_deliverable")
def test_ctrl_c_twice_while_a_worker_starts_leaves_no_worker_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C pressed as the first worker process is forked and again as the second is (a
    run stopped as it starts): every worker is still stopped, none left running on its own."""
    customers = write_csv(tmp_path / "c.csv", sample_rows()[:12])
    out = tmp_path / "out"
    start = multiprocessing.process.BaseProcess.start
    started: list[multiprocessing.process.BaseProcess] = []

    def pressed_twice_as_forked(process: multiprocessing.process.BaseProcess) -> None:
        start(process)
        started.append(process)
        os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", pressed_twice_as_forked)

    result = run_bulk(BulkOptions(customers, BASE, out, jobs=3))

    assert result.interrupted and len(started) == 2
    assert multiprocessing.active_children() == []
    assert all(not process.is_alive() for process in started)


AS_FROM_A_SHELL = (
    "signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})\n"
    "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
    "signal.signal(signal.SIGTERM, signal.SIG_DFL)"
)


def start_bulk(args: list[str], launch: str = "") -> subprocess.Popen[bytes]:
    """``slaforge bulk ARGS`` in a process of its own, started as from a shell (Ctrl-C and
    SIGTERM unblocked and at their defaults, however the tests themselves were started), then
    the Python lines ``launch``."""
    command = f"import runpy, signal\n{AS_FROM_A_SHELL}\n{launch}\n" + (
        "runpy.run_module('slaforge', run_name='__main__', alter_sys=True)"
    )
    return subprocess.Popen(
        [sys.executable, "-c", command, "bulk", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        start_new_session=True,  # (so the run and its workers can be killed if it hangs)
    )


def finish(process: subprocess.Popen[bytes], timeout: float = 60) -> str:
    """The run's stderr once it has ended; a run still going after ``timeout`` seconds is
    killed with its workers, and the test fails."""
    try:
        _, err = process.communicate(timeout=timeout)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
    return err.decode()


def signal_once_written(
    process: subprocess.Popen[bytes],
    out: Path,
    files: int,
    signum: int = signal.SIGINT,
    group: bool = False,
) -> str:
    """Send ``signum`` (Ctrl-C unless told) to the run, or to its whole process group as a
    terminal, ``timeout`` or a service manager does, once it has written ``files``
    agreements; its stderr once it ends."""
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(list(out.glob("*.docx"))) < files:
            time.sleep(0.05)
        if group:
            os.killpg(process.pid, signum)
        else:
            process.send_signal(signum)
    finally:
        err = finish(process)
    return err


def many_customers(tmp_path: Path, count: int = 4000) -> Path:
    """A customer file of ``count`` rows, each with its own id."""
    rows = [dict(sample_rows()[i % 20], **{"customer.id": f"K{i:05d}"}) for i in range(count)]
    return write_csv(tmp_path / "many.csv", rows)


def assert_stopped_cleanly(process: subprocess.Popen[bytes], out: Path, err: str) -> None:
    """The run stopped part-way: the finished agreements kept and each listed with its hash,
    no partial file, no traceback, and no process of the run left."""
    assert "Traceback" not in err
    written = sorted(p.name for p in out.glob("*.docx"))
    assert 20 <= len(written) < 4000
    assert not list(out.glob(".*.part")), "no partial file may remain"
    records = manifest(out)
    assert sorted(r["output"] for r in records if r["status"] == "ok") == written
    for record in records:
        data = (out / record["output"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == record["sha256"]
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)


# How the bulk command is started: as from a shell, or by a CI runner or supervisor that
# starts its jobs with SIGTERM ignored or blocked, which the worker processes inherit.
LAUNCH = {
    "shell": "",
    "SIGTERM ignored": "signal.signal(signal.SIGTERM, signal.SIG_IGN)",
    "SIGTERM blocked": "signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})",
}


@pytest.mark.usefixtures("ctrl_c_deliverable")
@pytest.mark.parametrize(
    ("jobs", "launch"),
    [(1, "shell"), (2, "shell"), (2, "SIGTERM ignored"), (2, "SIGTERM blocked")],
)
def test_ctrl_c_keeps_finished_files_and_no_partial_file(
    tmp_path: Path, jobs: int, launch: str
) -> None:
    """Ctrl-C in the middle of a run: exit 130 within seconds, the finished agreements kept
    and listed, no partial file, and no worker left behind, however the command was started."""
    out = tmp_path / "out"
    args = [str(many_customers(tmp_path)), "--base", str(BASE), "-o", str(out)]
    process = start_bulk([*args, "--jobs", str(jobs)], LAUNCH[launch])
    err = signal_once_written(process, out, 20, signal.SIGINT, group=jobs > 1)
    assert process.returncode == 130, err
    assert "interrupted: kept" in err
    assert_stopped_cleanly(process, out, err)


@pytest.mark.parametrize(("jobs", "group"), [(1, False), (2, False), (2, True)])
def test_sigterm_stops_the_run_cleanly_with_its_manifest(
    tmp_path: Path, jobs: int, group: bool
) -> None:
    """SIGTERM, as ``kill``, ``timeout``, a container or a service manager sends it, to the
    command alone or to all its processes: exit 143 within seconds, and like Ctrl-C the
    finished agreements kept and listed (it used to end the run at once, with no manifest)."""
    out = tmp_path / "out"
    args = [str(many_customers(tmp_path)), "--base", str(BASE), "-o", str(out)]
    process = start_bulk([*args, "--jobs", str(jobs)])
    err = signal_once_written(process, out, 20, signal.SIGTERM, group)
    assert process.returncode == 143, err
    assert "stopped by SIGTERM: kept" in err
    assert_stopped_cleanly(process, out, err)


def test_the_workers_end_when_the_run_is_killed(tmp_path: Path) -> None:
    """The command killed outright (SIGKILL, as after a container's grace period): its worker
    processes, which leave Ctrl-C and SIGTERM to it, notice and end too."""
    out = tmp_path / "out"
    args = [str(many_customers(tmp_path)), "--base", str(BASE), "-o", str(out), "--jobs", "2"]
    process = start_bulk(args)
    err = signal_once_written(process, out, 20, signal.SIGKILL)
    assert process.returncode == -signal.SIGKILL, err
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("worker processes outlived the run")


# (SIGTERM lands as the archive is about to be written, or while one row takes for ever)
DURING = {
    "--zip": (
        "import slaforge.bulk.runner as r\n"
        "archive = r._write_archive\n"
        "def late(*a):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    return archive(*a)\n"
        "r._write_archive = late"
    ),
    "a stuck row": (
        "import slaforge.bulk.worker as w, time\n"
        "process = w.RowWorker.process\n"
        "def stuck(self, row):\n"
        "    if row.number == 40:\n"
        "        time.sleep(600)\n"
        "    return process(self, row)\n"
        "w.RowWorker.process = stuck"
    ),
}


@pytest.mark.parametrize("during", DURING)
def test_sigterm_is_heard_at_every_step_of_a_run(tmp_path: Path, during: str) -> None:
    """SIGTERM while the archive is written (it used to kill the run there, with no last
    line and a partial file left), or while the next row in order is stuck (the run used to
    wait for that row): the run stops with its manifest, exit 143."""
    out = tmp_path / "out"
    rows = many_customers(tmp_path, 60 if during == "--zip" else 4000)
    args = [str(rows), "--base", str(BASE), "-o", str(out), "--jobs", "2"]
    process = start_bulk(
        [*args, "--zip"] if during == "--zip" else args, "import os\n" + DURING[during]
    )
    if during == "--zip":
        err = finish(process)
    else:
        err = signal_once_written(process, out, 30, signal.SIGTERM)
    assert process.returncode == 143, err
    assert "stopped by SIGTERM: kept" in err and "Traceback" not in err
    assert not list(out.glob(".*.part")) and not (out / "agreements.zip").exists()
    records = manifest(out)
    assert sorted(r["output"] for r in records) == sorted(p.name for p in out.glob("*.docx"))


@pytest.fixture
def hang_fails() -> Iterator[None]:
    """A test that hangs ends the test run with every thread's stack after two minutes,
    instead of holding it until CI's limit."""
    faulthandler.dump_traceback_later(120, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def slow_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each row takes a tenth of a second more to build, so that a worker killed mid-run is
    building one, not done with all it holds."""
    build = RowWorker.process

    def slowly(worker: RowWorker, row: Row) -> tuple[Entry, bytes | None]:
        time.sleep(0.1)
        return build(worker, row)

    monkeypatch.setattr(RowWorker, "process", slowly)


@pytest.mark.usefixtures("hang_fails")
def test_a_worker_killed_mid_run_fails_its_row_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker process killed mid-run, as the kernel's out-of-memory killer does (the run
    used to wait for it for ever): the row it was building fails with the reason, a new worker
    takes its place, and every other row is built, in order."""
    rows = [dict(sample_rows()[i % 20], **{"customer.id": f"K{i:03d}"}) for i in range(40)]
    customers = write_csv(tmp_path / "c.csv", rows)
    out = tmp_path / "out"
    killed: list[int] = []
    slow_rows(monkeypatch)

    def kill_a_worker(done: int, total: int) -> None:
        if done == 5:
            victim = multiprocessing.active_children()[0]
            os.kill(victim.pid or 0, signal.SIGKILL)
            killed.append(victim.pid or 0)

    result = run_bulk(BulkOptions(customers, BASE, out, jobs=2), kill_a_worker)

    assert len(killed) == 1 and not result.interrupted
    assert [e.row for e in result.entries] == sorted(e.row for e in result.entries)
    assert len(result.entries) == 40 and result.count("ok") == 39
    [failed] = [e for e in result.entries if e.status == "failed"]
    assert "killed by SIGKILL" in failed.error
    records = manifest(out)
    assert len(records) == 40
    assert sorted(p.name for p in out.glob("*.docx")) == sorted(
        r["output"] for r in records if r["status"] == "ok"
    )
    assert multiprocessing.active_children() == []


def test_a_run_started_with_ctrl_c_ignored_is_not_stopped_by_it(tmp_path: Path) -> None:
    """A job a script starts in the background ignores Ctrl-C at the terminal, as Python
    itself does: the run goes on to the end."""
    rows = [dict(sample_rows()[i % 20], **{"customer.id": f"K{i:03d}"}) for i in range(60)]
    customers = write_csv(tmp_path / "c.csv", rows)
    out = tmp_path / "out"
    args = [str(customers), "--base", str(BASE), "-o", str(out), "--jobs", "1"]
    process = start_bulk(args, "signal.signal(signal.SIGINT, signal.SIG_IGN)")
    err = signal_once_written(process, out, 5)
    assert process.returncode == 0, err
    assert [r["status"] for r in manifest(out)] == ["ok"] * 60


def test_a_run_started_with_sigterm_ignored_ends_when_a_worker_is_slow_to_start(
    tmp_path: Path,
) -> None:
    """The pool is shut down while its second worker has not yet reached its initializer (a
    loaded machine): the run still ends, with its one agreement built."""
    customers = write_csv(tmp_path / "c.csv", sample_rows()[:1])
    out = tmp_path / "out"
    slow_second_worker = (
        "import multiprocessing, multiprocessing.util, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "def slow(_):\n"
        "    if multiprocessing.current_process().name.endswith('-2'):\n"
        "        time.sleep(3)\n"
        "multiprocessing.util.register_after_fork(slow, slow)"
    )
    args = [str(customers), "--base", str(BASE), "-o", str(out), "--jobs", "2"]
    process = start_bulk(args, slow_second_worker)
    err = finish(process)
    assert process.returncode == 0, err
    assert [r["status"] for r in manifest(out)] == ["ok"]


@pytest.mark.parametrize("option", [["--template", "nosuch"], ["--clauses", "bad"]])
def test_a_bad_template_or_clause_library_stops_before_any_worker_starts(
    tmp_path: Path, option: list[str]
) -> None:
    """One line and exit 2 with --jobs 2, as with --jobs 1, and no output folder: the workers
    used to fail to start, and the pool to restart them, without end."""
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "broken.md").write_text("---\nid: [unclosed\n---\nThe Provider shall act.\n")
    out = tmp_path / "out"
    value = str(bad) if option[1] == "bad" else option[1]
    args = [str(CUSTOMERS), "--base", str(BASE), "-o", str(out), "--jobs", "2", option[0], value]

    process = start_bulk(args)
    err = finish(process)

    assert process.returncode == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert option[0] in err or "broken.md" in err
    assert not out.exists()


@pytest.mark.usefixtures("hang_fails")
@pytest.mark.parametrize("killed", ["the first", "the first, with no new one", "every"])
def test_workers_killed_before_their_first_row_fail_no_row_of_their_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, killed: str
) -> None:
    """A worker killed before it could build rows is replaced, and no row is blamed for it;
    when no new one can start (no processes left), the others carry on; when every worker
    dies so, a few are tried and then the rows fail with the reason, and the run ends."""
    customers = write_csv(tmp_path / "c.csv", sample_rows()[:12])
    out = tmp_path / "out"
    start = multiprocessing.process.BaseProcess.start
    started: list[multiprocessing.process.BaseProcess] = []

    def killed_at_once(process: multiprocessing.process.BaseProcess) -> None:
        if killed == "the first, with no new one" and len(started) == 2:
            raise OSError(errno.EAGAIN, "Resource temporarily unavailable")
        start(process)
        started.append(process)
        if killed == "every" or len(started) == 1:
            os.kill(process.pid or 0, signal.SIGKILL)

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", killed_at_once)

    result = run_bulk(BulkOptions(customers, BASE, out, jobs=2))

    assert len(result.entries) == 12 and not result.interrupted
    if killed != "every":
        assert result.count("ok") == 12 and len(started) == (3 if killed == "the first" else 2)
    else:
        assert result.count("failed") == 12 and len(started) == 4
        assert all("no worker process could be started" in e.error for e in result.entries)
    assert multiprocessing.active_children() == []


@pytest.mark.usefixtures("hang_fails")
def test_a_worker_that_dies_at_work_is_replaced_after_others_died_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the first worker builds rows, three new ones die in a row before they are ready,
    so no more are started for such deaths; the first worker, dying at work after that, is
    still replaced, and only its row fails."""
    rows = [dict(sample_rows()[i % 20], **{"customer.id": f"K{i:03d}"}) for i in range(40)]
    customers = write_csv(tmp_path / "c.csv", rows)
    out = tmp_path / "out"
    slow_rows(monkeypatch)
    set_up = RowWorker.__init__
    start = multiprocessing.process.BaseProcess.start
    started: list[multiprocessing.process.BaseProcess] = []

    def second_to_fourth_die(worker: RowWorker, config: WorkerConfig) -> None:
        if multiprocessing.current_process().name[-2:] in ("-2", "-3", "-4"):
            time.sleep(0.5)  # (the first is ready and at work by then)
            os.kill(os.getpid(), signal.SIGKILL)
        set_up(worker, config)

    def recorded(process: multiprocessing.process.BaseProcess) -> None:
        start(process)
        started.append(process)

    def kill_the_first(done: int, total: int) -> None:
        if done == 25:  # (about 2.5 s in: the other three died by 1.5 s)
            os.kill(started[0].pid or 0, signal.SIGKILL)

    monkeypatch.setattr(RowWorker, "__init__", second_to_fourth_die)
    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", recorded)

    result = run_bulk(BulkOptions(customers, BASE, out, jobs=2), kill_the_first)

    assert len(started) == 5 and result.count("ok") == 39
    [failed] = [e for e in result.entries if e.status == "failed"]
    assert "killed by SIGKILL" in failed.error
    assert multiprocessing.active_children() == []


def test_list_items_are_addressed_by_position(tmp_path: Path) -> None:
    rows = [dict(sample_rows()[0], **{"credits.tiers.1.percent": "12"})]
    result = run_bulk(
        BulkOptions(write_csv(tmp_path / "c.csv", rows), BASE, tmp_path / "o", jobs=1)
    )
    assert result.entries[0].status == "ok", result.entries[0].error
    changes = {d.path: d for d in result.entries[0].deviations}
    tier = changes["credits.tiers.1"]
    assert (tier.base, tier.value, tier.note) == (
        "Platform Availability below 99.5% and at least 99% → 10%",
        "Platform Availability below 99.5% and at least 99% → 12%",
        "changed",
    )
    assert not any(path.startswith("credits.tiers") for path in set(changes) - {tier.path}), (
        "only the tier that changed is listed"
    )


def test_progress_is_drawn_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from slaforge.cli.bulk import ProgressLine

    written: list[str] = []
    monkeypatch.setattr("click.echo", lambda message="", **_: written.append(str(message)))
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    quiet = ProgressLine()
    quiet(5, 10)
    assert written == []
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    loud = ProgressLine()
    loud(10, 10)
    assert written and "10/10" in written[0] and "docs/s" in written[0] and "ETA" in written[0]
