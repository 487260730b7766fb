"""``slaforge lint`` and ``slaforge rules`` driven through click, as a user would run them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import docx
import pytest
from click.testing import CliRunner, Result

from slaforge.cli import lint as lint_cli
from slaforge.cli.main import cli
from slaforge.extract import CFB_MAGIC
from slaforge.lint.model import Block, Finding, LintOptions, LintResult, Severity
from slaforge.metrics import MetricCard, MetricKind

ROOT = Path(__file__).resolve().parents[2]
WEAK = "reasonable efforts"
DISCRETION = "sole discretion"


class FakeEngine:
    """Flags two phrases wherever they occur and remembers the options it was given."""

    def __init__(self) -> None:
        self.options: list[LintOptions] = []

    def __call__(
        self, blocks: list[Block], file: str, options: LintOptions, reuse: object = None
    ) -> LintResult:
        self.options.append(options)
        findings = []
        for block in blocks:
            for words, code, severity in (
                (WEAK, "FAK101", Severity.WARNING),
                (DISCRETION, "FAK201", Severity.ERROR),
            ):
                start = block.text.find(words)
                if start < 0 or code in options.ignore:
                    continue
                findings.append(
                    Finding(
                        code=code,
                        name=words.replace(" ", "-"),
                        category="weak-obligation",
                        severity=options.severity.get(code, severity),
                        message=f"'{words}' is not a commitment.",
                        why="Nobody can show it was missed.",
                        suggestion="State a measurable result.",
                        file=file,
                        location=block.location,
                        start=start,
                        end=start + len(words),
                        text=block.text,
                        match=words,
                    )
                )
        card = MetricCard("Response time", MetricKind.RESPONSE_TIME, target="4", unit="hours")
        return LintResult(findings, [card], ["using a fake engine"])


FAKE_RULES = [
    SimpleNamespace(code=code, category="weak-obligation", sides=sides, default=default)
    for code, sides, default in (
        ("FAK101", ("customer",), True),
        ("FAK201", ("customer", "provider"), True),
        ("FAK301", ("provider",), True),
        ("FAK401", ("customer",), False),
    )
]
"""The rules the fake engine stands for: what the CLI checks selections against."""


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> FakeEngine:
    fake = FakeEngine()
    monkeypatch.setattr(lint_cli, "run_engine", fake)
    monkeypatch.setattr(lint_cli, "known_rules", lambda options: FAKE_RULES)
    return fake


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def write_docx(path: Path, *paragraphs: str) -> Path:
    document = docx.Document()
    document.add_heading("Service levels", 1)
    for text in paragraphs:
        paragraph = document.add_paragraph()
        head, sep, tail = text.partition(WEAK)
        paragraph.add_run(head)
        if sep:
            paragraph.add_run(sep).bold = True
            paragraph.add_run(tail)
    document.save(str(path))
    return path


WEAK_TEXT = f"The supplier uses {WEAK} to restore service."
BAD_TEXT = f"Credits are granted at the supplier's {DISCRETION}."


# -- exit codes -------------------------------------------------------------------------------


def test_clean_draft_exits_0(tmp_path: Path, engine: FakeEngine) -> None:
    path = tmp_path / "ok.txt"
    path.write_text("Uptime is 99.9% per calendar month.\n", encoding="utf-8")

    result = run("lint", path)

    assert result.exit_code == 0
    assert result.stdout.strip() == "No findings in 1 file."


@pytest.mark.parametrize(
    ("text", "fail_on", "code"),
    [
        (WEAK_TEXT, None, 1),
        (WEAK_TEXT, "error", 0),
        (BAD_TEXT, "error", 1),
        (WEAK_TEXT, "info", 1),
        (BAD_TEXT, "none", 0),
    ],
)
def test_fail_on_threshold(
    tmp_path: Path, engine: FakeEngine, text: str, fail_on: str | None, code: int
) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(text + "\n", encoding="utf-8")

    result = run("lint", path, *(["--fail-on", fail_on] if fail_on else []))

    assert result.exit_code == code


def test_notices_go_to_stderr(tmp_path: Path, engine: FakeEngine) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(WEAK_TEXT + "\n", encoding="utf-8")

    result = run("lint", path, "--format", "json")

    assert "notice: using a fake engine" in result.stderr
    assert json.loads(result.stdout)["summary"]["warning"] == 1


# -- bad input: one line, exit 2 ----------------------------------------------------------------


def _cfb(*names: str) -> bytes:
    return CFB_MAGIC + bytes(504) + b"".join(n.encode("utf-16-le").ljust(128, b"\0") for n in names)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.docx", b"plain words", "not a .docx file (it is not a zip archive)"),
        ("b.docx", b"PK\x03\x04" + bytes(40), "corrupt .docx: the zip archive is truncated"),
        ("c.docx", _cfb("EncryptionInfo", "EncryptedPackage"), "password-protected or encrypted"),
        ("d.doc", _cfb("WordDocument"), "old Word 97-2003 .doc: save it as .docx"),
        ("e.txt", b"", "empty file"),
        ("f.txt", b"ok\n\xff\xfe", "not UTF-8 text: byte 0xff at offset 3 (line 2)"),
        ("g.rtf", b"{\\rtf1}", "unsupported file type '.rtf'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, engine: FakeEngine, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)

    result = run("lint", path)

    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {path}") and message in line
    assert "Traceback" not in result.output


def test_missing_file(tmp_path: Path, engine: FakeEngine) -> None:
    result = run("lint", tmp_path / "nowhere.docx")

    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'nowhere.docx'}: no such file\n"


def test_a_folder_is_no_draft(tmp_path: Path, engine: FakeEngine) -> None:
    result = run("lint", tmp_path)

    assert result.exit_code == 2
    assert (
        result.stderr
        == f"error: {tmp_path}: is a folder, not a draft: give a .docx, .md or .txt file\n"
    )


def test_rules_check_of_a_folder_without_rules_is_bad_input(tmp_path: Path) -> None:
    result = run("rules", "check", tmp_path)

    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path}: no rule files (*.yaml, *.yml) in this folder\n"


def test_lint_with_a_rules_folder_that_holds_no_rules_is_bad_input(tmp_path: Path) -> None:
    (tmp_path / "draft.txt").write_text("The Supplier shall respond.", encoding="utf-8")
    (tmp_path / "rules").mkdir()

    result = run("lint", tmp_path / "draft.txt", "--rules", tmp_path / "rules")

    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {tmp_path / 'rules'}: no rule files (*.yaml, *.yml) in this folder\n"
    )


def test_annotate_needs_one_docx(tmp_path: Path, engine: FakeEngine) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(WEAK_TEXT, encoding="utf-8")

    result = run("lint", path, "--annotate", tmp_path / "out.docx")

    assert result.exit_code == 2
    assert "--annotate needs exactly one .docx file" in result.output


def test_unknown_selector_suggests_category(tmp_path: Path, engine: FakeEngine) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(WEAK_TEXT, encoding="utf-8")

    result = run("lint", path, "--select", "vague-terms")

    assert result.exit_code == 2
    assert "did you mean 'vague-term'?" in result.stderr


# -- output formats ---------------------------------------------------------------------------


def test_text_report_groups_by_clause(tmp_path: Path, engine: FakeEngine) -> None:
    path = write_docx(tmp_path / "draft.docx", WEAK_TEXT, BAD_TEXT)

    result = run("lint", path)

    assert result.stdout.count("Service levels") == 1
    assert f"«{WEAK}»" in result.stdout and f"«{DISCRETION}»" in result.stdout
    assert result.stdout.rstrip().endswith("2 findings in 1 file: 1 error, 1 warning, 0 info.")


def test_json_report(tmp_path: Path, engine: FakeEngine) -> None:
    path = write_docx(tmp_path / "draft.docx", WEAK_TEXT)

    data = json.loads(run("lint", path, "--format", "json").stdout)

    assert data["files"] == [str(path)]
    [finding] = data["findings"]
    assert finding["match"] == WEAK
    assert finding["location"]["heading_path"] == ["Service levels"]
    assert finding["location"]["paragraph"] == 1
    assert data["metrics"][0]["name"] == "Response time"


def test_sarif_report(tmp_path: Path, engine: FakeEngine) -> None:
    path = write_docx(tmp_path / "draft.docx", WEAK_TEXT, BAD_TEXT)

    log = json.loads(run("lint", path, "--format", "sarif").stdout)

    assert log["version"] == "2.1.0"
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("FAK101", "warning"),
        ("FAK201", "error"),
    ]
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 2 and region["snippet"]["text"] == WEAK


def test_metrics_table(tmp_path: Path, engine: FakeEngine) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(WEAK_TEXT, encoding="utf-8")

    result = run("lint", path, "--metrics")

    assert "Metrics in" in result.stdout
    assert "Response time" in result.stdout and "4 hours" in result.stdout


def test_output_file(tmp_path: Path, engine: FakeEngine) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(WEAK_TEXT, encoding="utf-8")

    result = run("lint", path, "--format", "json", "-o", tmp_path / "report.json")

    assert result.stdout == ""
    assert json.loads((tmp_path / "report.json").read_text())["summary"]["findings"] == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_no_output_file_when_a_later_file_is_bad(tmp_path: Path, engine: FakeEngine) -> None:
    good = tmp_path / "good.txt"
    good.write_text(WEAK_TEXT, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")

    result = run("lint", good, bad, "-o", tmp_path / "report.txt")

    assert result.exit_code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "good.txt"]


# -- annotate ---------------------------------------------------------------------------------


def test_annotate_writes_commented_copy(tmp_path: Path, engine: FakeEngine) -> None:
    path = write_docx(tmp_path / "draft.docx", WEAK_TEXT, BAD_TEXT)
    out = tmp_path / "reviewed.docx"

    result = run("lint", path, "--annotate", out)

    assert result.exit_code == 1
    assert f"wrote {out}: 2 comments" in result.stderr
    comments = list(docx.Document(str(out)).comments)
    assert [c.text.splitlines()[0] for c in comments] == [
        f"FAK101 reasonable-efforts: '{WEAK}' is not a commitment.",
        f"FAK201 sole-discretion: '{DISCRETION}' is not a commitment.",
    ]
    assert [p.text for p in docx.Document(str(out)).paragraphs] == [
        "Service levels",
        WEAK_TEXT,
        BAD_TEXT,
    ]


def test_annotate_twice_gives_same_bytes(tmp_path: Path, engine: FakeEngine) -> None:
    path = write_docx(tmp_path / "draft.docx", WEAK_TEXT, BAD_TEXT)

    run("lint", path, "--annotate", tmp_path / "one.docx")
    run("lint", path, "--annotate", tmp_path / "two.docx")

    assert (tmp_path / "one.docx").read_bytes() == (tmp_path / "two.docx").read_bytes()


def test_annotate_refuses_to_overwrite_the_draft(tmp_path: Path, engine: FakeEngine) -> None:
    path = write_docx(tmp_path / "draft.docx", WEAK_TEXT)
    before = path.read_bytes()

    result = run("lint", path, "--annotate", path)

    assert result.exit_code == 2
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("reviewed.pdf", "--annotate writes a Word document: give it a name ending in .docx"),
        ("reviewed", "--annotate writes a Word document: give it a name ending in .docx"),
        ("-", "--annotate -: this Word document cannot go to standard output"),
    ],
)
def test_annotate_output_must_be_a_docx_name(
    tmp_path: Path, engine: FakeEngine, name: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_docx(tmp_path / "draft.docx", WEAK_TEXT)
    monkeypatch.chdir(tmp_path)

    result = run("lint", path, "--annotate", name)

    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.splitlines()) == 1
    assert engine.options == []  # refused before any linting
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.docx"]


# -- baseline ---------------------------------------------------------------------------------


def second_round(tmp_path: Path, first_draft: str, second_draft: str) -> Result:
    """Lint ``first_draft`` to a JSON report, then ``second_draft`` with it as the baseline."""
    first, second = tmp_path / "v1.md", tmp_path / "v2.md"
    first.write_text(first_draft, encoding="utf-8")
    second.write_text(second_draft, encoding="utf-8")
    report = tmp_path / "accepted.json"
    run("lint", first, "--format", "json", "-o", report)
    return run("lint", second, "--baseline", report)


def test_baseline_reports_only_what_the_earlier_review_did_not_accept(
    tmp_path: Path, engine: FakeEngine
) -> None:
    first = tmp_path / "v1.txt"
    first.write_text(f"1. {WEAK_TEXT}\n\n2. {BAD_TEXT}\n", encoding="utf-8")
    accepted = tmp_path / "accepted.json"
    assert run("lint", first, "--format", "json", "-o", accepted).exit_code == 1
    # the next draft: clauses renumbered, the accepted sentence kept word for word, the
    # discretion clause reworded, and the accepted sentence said a second time
    second = tmp_path / "v2.txt"
    second.write_text(
        f"3. {WEAK_TEXT}\n\n4. Credits follow the supplier's {DISCRETION} alone.\n\n"
        f"5. {WEAK_TEXT}\n",
        encoding="utf-8",
    )

    result = run("lint", second, "--baseline", accepted)

    assert result.exit_code == 1
    assert f"supplier's «{DISCRETION}» alone" in result.stdout
    assert result.stdout.count(f"uses «{WEAK}» to restore service") == 1
    assert "(line 5)" in result.stdout and "(line 1)" not in result.stdout
    assert result.stdout.rstrip().endswith(
        "2 findings in 1 file: 1 error, 1 warning, 0 info (1 more in the baseline)."
    )
    data = json.loads(run("lint", second, "--baseline", accepted, "--format", "json").stdout)
    assert [f["match"] for f in data["findings"]] == [DISCRETION, WEAK]
    assert data["summary"]["baselined"] == 1


def test_sarif_against_a_baseline_marks_new_findings_and_lists_accepted_ones_as_suppressed(
    tmp_path: Path, engine: FakeEngine
) -> None:
    (tmp_path / "v1.txt").write_text(f"1. {WEAK_TEXT}\n", encoding="utf-8")
    (tmp_path / "v2.txt").write_text(f"1. {WEAK_TEXT}\n\n2. {BAD_TEXT}\n", encoding="utf-8")
    accepted = tmp_path / "accepted.json"
    run("lint", tmp_path / "v1.txt", "--format", "json", "-o", accepted)

    result = run("lint", tmp_path / "v2.txt", "--baseline", accepted, "--format", "sarif")

    log = json.loads(result.stdout)["runs"][0]
    rules = [r["id"] for r in log["tool"]["driver"]["rules"]]
    states = {
        r["ruleId"]: (r["baselineState"], r.get("suppressions"), rules[r["ruleIndex"]])
        for r in log["results"]
    }
    assert states["FAK201"] == ("new", [], "FAK201")
    state, suppressions, rule = states["FAK101"]
    assert (state, rule) == ("unchanged", "FAK101")
    assert suppressions == [
        {
            "kind": "external",
            "status": "accepted",
            "justification": f"accepted in the baseline {accepted.as_posix()}",
        }
    ]
    assert result.exit_code == 1  # (the new finding; the accepted one does not count)
    plain = json.loads(run("lint", tmp_path / "v2.txt", "--format", "sarif").stdout)
    assert not any("baselineState" in r for r in plain["runs"][0]["results"])


@pytest.mark.parametrize(
    ("before", "after"),
    [("4.1", "5.1"), ("Clause 4.2", "Clause 5.2"), ("IV.", "V."), ("E.1", "F.1"), ("5A.3", "5B.3")],
)
def test_a_baseline_survives_renumbered_clauses_in_word(
    tmp_path: Path, engine: FakeEngine, before: str, after: str
) -> None:
    accepted = tmp_path / "accepted.json"
    first = write_docx(tmp_path / "v1.docx", f"{before} {WEAK_TEXT}")
    run("lint", first, "--format", "json", "-o", accepted)
    second = write_docx(tmp_path / "v2.docx", f"(a) {BAD_TEXT}", f"{after} {WEAK_TEXT}")

    result = run("lint", second, "--baseline", accepted)

    assert "FAK101" not in result.stdout and "FAK201" in result.stdout
    assert result.stdout.rstrip().endswith("(1 more in the baseline).")


def test_a_report_written_with_a_baseline_carries_the_accepted_findings_on(
    tmp_path: Path, engine: FakeEngine
) -> None:
    rounds = [
        f"1. {WEAK_TEXT}\n",
        f"1. {WEAK_TEXT}\n\n2. {BAD_TEXT}\n",
        f"1. {WEAK_TEXT}\n\n2. {BAD_TEXT}\n\n3. The supplier uses {WEAK} for backups.\n",
    ]
    for n, text in enumerate(rounds, 1):
        (tmp_path / f"v{n}.txt").write_text(text, encoding="utf-8")
    report = tmp_path / "accepted.json"
    run("lint", tmp_path / "v1.txt", "--format", "json", "-o", report)
    # round 2 writes the next baseline over the one it reads
    run("lint", tmp_path / "v2.txt", "--baseline", report, "--format", "json", "-o", report)
    written = json.loads(report.read_text(encoding="utf-8"))
    assert [f["code"] for f in written["findings"]] == ["FAK201"]
    assert [f["code"] for f in written["baselined"]] == ["FAK101"]

    result = run("lint", tmp_path / "v3.txt", "--baseline", report)

    assert f"uses «{WEAK}» for backups" in result.stdout
    assert result.stdout.rstrip().endswith("(2 more in the baseline).")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("1.2 99.9 per cent of calls get", "1.2 90 per cent of calls get"),
        ("2 hours is the Response Time, so it uses", "8 hours is the Response Time, so it uses"),
        ("10 Business Days after Month end it uses", "90 Business Days after Month end it uses"),
        (
            "4.1 Terms. 1.1.2027 is the Start Date; it uses",
            "4.1 Terms. 1.1.2028 is the Start Date; it uses",
        ),
        ("4.1 Terms. 4h Fix Time applies; it uses", "4.1 Terms. 48h Fix Time applies; it uses"),
        (
            "4.1 Terms. v2.0 The Portal applies; it uses",
            "4.1 Terms. v1.0 The Portal applies; it uses",
        ),
        (
            "4.1 Terms. Schedule 3 sets the Levels; it uses",
            "4.1 Terms. Schedule 7 sets the Levels; it uses",
        ),
    ],
)
def test_a_changed_figure_at_the_start_of_a_sentence_is_new_text(
    tmp_path: Path, engine: FakeEngine, before: str, after: str
) -> None:
    """A number opening a sentence is a figure unless it is the clause's own number: changing
    it is changing the sentence."""
    result = second_round(
        tmp_path, f"## 4. Support\n\n{before} {WEAK}.\n", f"## 4. Support\n\n{after} {WEAK}.\n"
    )

    assert result.exit_code == 1
    assert f"«{WEAK}»" in result.stdout
    assert "in the baseline" not in result.stdout


def test_a_text_report_over_the_baseline_is_refused(tmp_path: Path, engine: FakeEngine) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(WEAK_TEXT, encoding="utf-8")
    report = tmp_path / "accepted.json"
    run("lint", path, "--format", "json", "-o", report)
    kept = report.read_bytes()

    result = run("lint", path, "--baseline", report, "-o", report)

    assert result.exit_code == 2
    assert "-o would write a text report over the --baseline file" in result.stderr
    assert report.read_bytes() == kept


def test_a_renumbered_list_item_in_lower_case_keeps_its_acceptance(
    tmp_path: Path, engine: FakeEngine
) -> None:
    result = second_round(
        tmp_path,
        f"Exclusions:\n\n4. faults where we use {WEAK}.\n",
        f"Exclusions:\n\n5. faults where we use {WEAK}.\n",
    )

    assert result.exit_code == 0, result.stdout
    assert result.stdout.strip() == "No findings in 1 file (1 more in the baseline)."


def test_a_baseline_of_everything_passes_and_annotates_nothing(
    tmp_path: Path, engine: FakeEngine
) -> None:
    path = write_docx(tmp_path / "draft.docx", WEAK_TEXT, BAD_TEXT)
    accepted = tmp_path / "accepted.json"
    run("lint", path, "--format", "json", "-o", accepted)
    out = tmp_path / "reviewed.docx"

    result = run("lint", path, "--baseline", accepted, "--annotate", out)

    assert result.exit_code == 0
    assert result.stdout.strip() == "No findings in 1 file (2 more in the baseline)."
    assert f"wrote {out}: 0 comments" in result.stderr
    assert list(docx.Document(str(out)).comments) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"findings": [', "accepted.json:1: baseline is not JSON: Expecting value"),
        (b"\xe9t\xe9", "accepted.json: baseline is not UTF-8 text"),
        ("{}".encode("utf-16"), "accepted.json: baseline is UTF-16 text (as PowerShell's '>'"),
        (b"[" * 100_000, "accepted.json: baseline is not a lint report: nested too deeply"),
        (b'{"version": 1}', "accepted.json: not a lint report (no 'findings' list)"),
        (b'{"version": "2.1.0", "runs": []}', "accepted.json: a SARIF report; a baseline is"),
        (
            b'{"findings": [{"code": "FAK101", "match": "x", "text": "x"}, {"code": "FAK101"}]}',
            "accepted.json: findings[1]: 'match' is missing or not text",
        ),
        (b'{"findings": [], "baselined": [7]}', "baselined[0]: a finding is a JSON object"),
    ],
)
def test_a_bad_baseline_is_one_line_and_exit_2(
    tmp_path: Path, engine: FakeEngine, content: bytes, message: str
) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(WEAK_TEXT, encoding="utf-8")
    (tmp_path / "accepted.json").write_bytes(content)

    result = run("lint", path, "--baseline", tmp_path / "accepted.json")

    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and message in line, line
    assert engine.options == []  # nothing was linted


def test_dash_output_is_standard_output(tmp_path: Path, engine: FakeEngine) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(WEAK_TEXT, encoding="utf-8")

    result = run("lint", path, "--format", "json", "-o", "-")

    assert json.loads(result.stdout)["summary"]["findings"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]


# -- config -----------------------------------------------------------------------------------


def test_config_is_found_above_the_file_and_flags_win(tmp_path: Path, engine: FakeEngine) -> None:
    (tmp_path / "pack").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.slaforge.lint]\nside = "provider"\n'
        'ignore = ["FAK201"]\nseverity = { FAK101 = "error" }\nrules = ["pack"]\n'
        'fail-on = "error"\nmodel = "blank"\n',
        encoding="utf-8",
    )
    (tmp_path / "drafts").mkdir()
    path = tmp_path / "drafts" / "draft.txt"
    path.write_text(WEAK_TEXT + " " + BAD_TEXT, encoding="utf-8")

    result = run("lint", path, "--format", "json")
    flagged = run("lint", path, "--side", "customer", "--ignore", "FAK101")

    options = engine.options[0]
    assert options.side == "provider"
    assert options.rule_dirs == (str((tmp_path / "pack").resolve()),)
    assert options.model == "blank"
    assert [f["severity"] for f in json.loads(result.stdout)["findings"]] == ["error"]
    assert result.exit_code == 1
    assert engine.options[1].side == "customer"
    assert engine.options[1].ignore == ("FAK201", "FAK101")
    assert flagged.exit_code == 0


def test_slaforge_toml_lint_table(tmp_path: Path, engine: FakeEngine) -> None:
    (tmp_path / ".slaforge.toml").write_text(
        '[lint]\nselect = ["weak-obligation", "FAK101"]\n', encoding="utf-8"
    )
    path = tmp_path / "draft.txt"
    path.write_text(WEAK_TEXT, encoding="utf-8")

    run("lint", path)

    assert engine.options[0].select == ("weak-obligation", "FAK101")


def test_a_code_no_rule_has_is_named_where_it_was_given(tmp_path: Path, engine: FakeEngine) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(WEAK_TEXT, encoding="utf-8")
    (tmp_path / ".slaforge.toml").write_text('[lint]\nselect = ["FAK1"]\n', encoding="utf-8")

    typo = run("lint", path, "--select", "FAK101,FAK210")
    prefix = run("lint", path, "--ignore", "FAK2")

    assert typo.exit_code == 2
    assert (
        typo.stderr
        == "error: command line: no rule has the code 'FAK210'; did you mean 'FAK201'?\n"
    )
    assert prefix.exit_code == 1
    assert (engine.options[0].select, engine.options[0].ignore) == (("FAK1",), ("FAK2",))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--select", "FAK301"), "selects only rules for the provider side, and the side is"),
        (("--select", "FAK4"), "names only opt-in rules, which run only when selected by"),
        (("--select", "FAK3", "--side", "provider"), None),
        (("--select", "FAK401"), None),
        (("--ignore", "FAK301"), None),
    ],
)
def test_a_selection_that_turns_on_no_rule_stops_the_run(
    tmp_path: Path, engine: FakeEngine, args: tuple[str, ...], message: str | None
) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("Nothing to see.", encoding="utf-8")

    result = run("lint", path, *args)

    if message is None:
        assert result.exit_code == 0, result.stderr
    else:
        assert result.exit_code == 2
        assert result.stderr.startswith("error: command line: ")
        assert message in result.stderr


def test_a_bad_code_is_found_on_its_line_of_the_lint_table(
    tmp_path: Path, engine: FakeEngine
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.ruff.lint]\nselect = ["E", "F"]\n\n[tool.slaforge.lint]\nside = "customer"\n'
        'select = ["FAK9"]\n',
        encoding="utf-8",
    )
    path = tmp_path / "draft.txt"
    path.write_text("Nothing to see.", encoding="utf-8")

    result = run("lint", path)

    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path / 'pyproject.toml'}:6: ")


def test_a_broken_pyproject_with_slaforge_settings_is_reported(
    tmp_path: Path, engine: FakeEngine
) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(WEAK_TEXT, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.slaforge.lint]\nside = "provider\n')
    broken = run("lint", path)
    (tmp_path / "pyproject.toml").write_text("[tool.black]\nline-length = \n")
    other = run("lint", path)

    assert broken.exit_code == 2
    assert broken.stderr.startswith(f"error: {tmp_path / 'pyproject.toml'}: invalid TOML")
    assert other.exit_code == 1
    assert engine.options[0].side == "customer"


def test_explicit_config_file(tmp_path: Path, engine: FakeEngine) -> None:
    config = tmp_path / "review.toml"
    config.write_text('[lint]\nfail-on = "none"\n', encoding="utf-8")
    path = tmp_path / "draft.txt"
    path.write_text(BAD_TEXT, encoding="utf-8")

    assert run("lint", path, "--config", config).exit_code == 0


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[lint]\nselekt = ["SLA101"]\n', ":2: lint.selekt: unknown key; did you mean 'select'?"),
        (
            '[lint]\nside = "both"\n',
            ":2: lint.side: expected one of customer, provider, got 'both'",
        ),
        ('[lint]\nseverity = { SLA101 = "fatal" }\n', "lint.severity: expected one of"),
        ('[lint]\nrules = ["missing-pack"]\n', "lint.rules: rule folder 'missing-pack' not found"),
        ("[lint\nside = 1\n", "invalid TOML"),
        ('[lint]\nfail-on = "never"\n', "lint.fail-on: expected one of error, warning, info, none"),
        (
            '[lint]\nside = "provider"\nignore = ["FAK102"]\n',
            ":3: lint.ignore: no rule has the code",
        ),
        ('[lint]\nseverity = { FAK21 = "info" }\n', "did you mean 'FAK201'?"),
    ],
)
def test_bad_config_names_file_and_key(
    tmp_path: Path, engine: FakeEngine, body: str, message: str
) -> None:
    config = tmp_path / ".slaforge.toml"
    config.write_text(body, encoding="utf-8")
    path = tmp_path / "draft.txt"
    path.write_text(WEAK_TEXT, encoding="utf-8")

    result = run("lint", path)

    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {config}")
    assert message in result.stderr
    assert engine.options == []


# -- rules commands and the real engine -------------------------------------------------------

PACK_RULE = """\
code: TST901
name: provider-alone-decides
category: provider-discretion
severity: error
message: The supplier alone decides whether the customer gets anything.
why: A remedy the supplier may refuse at will is no remedy.
suggestion: Say when the credit is due, without the supplier's approval.
kind: existence
phrases: [sole discretion]
examples:
  fail:
    - text: Credits are granted at the supplier's sole discretion.
      flag: sole discretion
  pass:
    - Credits are granted whenever the monthly target is missed.
"""


def _pack(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "TST901.yaml").write_text(PACK_RULE, encoding="utf-8")
    return pack


def test_rules_check_ok_and_broken(tmp_path: Path) -> None:
    pack = _pack(tmp_path)

    ok = run("rules", "check", pack)
    (pack / "TST902.yaml").write_text(
        PACK_RULE.replace("TST901", "TST902").replace(
            "category: provider-discretion", "category: bogus"
        ),
        encoding="utf-8",
    )
    broken = run("rules", "check", pack)

    assert (ok.exit_code, ok.stdout) == (0, "1 rule OK\n")
    assert broken.exit_code == 1
    assert f"{pack / 'TST902.yaml'}:3: unknown category 'bogus'" in broken.stdout


def test_rules_list_and_show(tmp_path: Path) -> None:
    pack = _pack(tmp_path)

    listed = run("rules", "list", "--category", "provider-discretion", "--rules", pack)
    shown = run("rules", "show", "tst901", "--rules", pack)

    assert listed.exit_code == 0
    assert "TST901" in listed.stdout and "provider-alone-decides" in listed.stdout
    assert all("provider-discretion" in line for line in listed.stdout.splitlines())
    assert shown.exit_code == 0
    for heading in ("What it does", "Why is this bad?", "Example", "Use instead"):
        assert heading in shown.stdout


def test_opt_in_rules_are_marked_in_list_and_show() -> None:
    listed = run("rules", "list", "--category", "missing-section")
    shown = run("rules", "show", "SLA031")

    lines = {line.split()[0]: line for line in listed.stdout.splitlines()}
    assert lines["SLA031"].endswith("(opt-in)")
    assert not lines["SLA032"].endswith("(opt-in)")
    assert "Opt-in: runs only when selected by its code (`--select SLA031`)" in shown.stdout


def test_rules_show_unknown_code_suggests_close_ones(tmp_path: Path) -> None:
    pack = _pack(tmp_path)

    result = run("rules", "show", "TST910", "--rules", pack)

    assert result.exit_code == 2
    assert result.stderr.startswith("error: unknown rule code 'TST910'; did you mean")
    assert "TST901" in result.stderr


def test_end_to_end_through_the_engine(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    path = write_docx(tmp_path / "draft.docx", WEAK_TEXT, BAD_TEXT)
    out = tmp_path / "reviewed.docx"

    result = run(
        "lint",
        path,
        "--rules",
        pack,
        "--select",
        "TST901",
        "--model",
        "blank",
        "--format",
        "json",
        "--annotate",
        out,
    )

    assert result.exit_code == 1, result.output
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["code"], finding["match"]) == ("TST901", DISCRETION)
    assert finding["location"]["paragraph"] == 2
    [comment] = docx.Document(str(out)).comments
    assert comment.text.startswith("TST901 provider-alone-decides:")


def test_a_real_report_read_back_as_a_baseline_accepts_every_finding(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(
        "# Service levels\n\n1. The Supplier will endeavour to respond in a timely manner.\n\n"
        "2. Availability is 99.5%, measured by the Supplier's own monitoring.\n",
        encoding="utf-8",
    )
    report = tmp_path / "accepted.json"
    first = run("lint", path, "--model", "blank", "--format", "json", "-o", report)
    found = json.loads(report.read_text(encoding="utf-8"))["summary"]["findings"]
    assert first.exit_code == 1 and found >= 3

    result = run("lint", path, "--model", "blank", "--baseline", report)

    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"No findings in 1 file ({found} more in the baseline)."


def test_a_baseline_holds_through_a_renumbered_retitled_and_autoformatted_draft(
    tmp_path: Path,
) -> None:
    """The next round of a real draft: the title gains "(Draft 2)", every clause moves up one
    number, and Word's AutoFormat curls the quotes. No accepted point comes back, only what
    the renumbering itself changed (the clause numbering the draft skips)."""
    draft = ROOT / "tests" / "lint" / "heldout" / "documents" / "doc03.md"
    first = tmp_path / "v1.md"
    first.write_text(draft.read_text(encoding="utf-8"), encoding="utf-8")
    lines = first.read_text(encoding="utf-8").splitlines()
    lines[0] += " (Draft 2)"
    text = "\n".join(lines)
    text = re.sub(r"(?m)^(#+ )?(\d+)(?=[.\s])", lambda m: f"{m[1] or ''}{int(m[2]) + 1}", text)
    text = re.sub(r'"([^"\n]*)"', "\u201c\\1\u201d", text)
    second = tmp_path / "v2.md"
    second.write_text(text + "\n", encoding="utf-8")
    report = tmp_path / "accepted.json"
    run("lint", first, "--model", "blank", "--format", "json", "-o", report)
    accepted = json.loads(report.read_text(encoding="utf-8"))["findings"]
    assert {"missing-section", "broad-exclusion"} <= {f["category"] for f in accepted}
    assert any(re.match(r"\d+\.\d+ ", f["match"]) for f in accepted)  # whole numbered sentences

    result = run("lint", second, "--model", "blank", "--format", "json", "--baseline", report)

    data = json.loads(result.stdout)
    assert {f["code"] for f in data["findings"]} <= {"SLA045"}, data["findings"]
    assert data["summary"]["baselined"] >= len(accepted) - 1


def test_timing_reports_stages_and_slowest_rules_on_stderr(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    path = write_docx(tmp_path / "draft.docx", WEAK_TEXT, BAD_TEXT)
    args = ("lint", path, "--rules", pack, "--select", "TST901", "--model", "blank")

    plain = run(*args, "--format", "json")
    timed = run(*args, "--format", "json", "--timing")

    assert timed.exit_code == plain.exit_code == 1
    assert json.loads(timed.stdout) == json.loads(plain.stdout)  # the report is untouched
    assert "timing:" not in plain.stderr
    lines = timed.stderr.splitlines()
    report = lines[next(i for i, line in enumerate(lines) if line.startswith("timing: ")) :]
    stages = [line.split()[:-2] for line in report[2:] if line.split()[-1].endswith("%")]
    named = [" ".join(words) for words in stages]
    assert named[:3] == ["read files", "load rules", "load pipeline"]
    assert {"compile rules", "match", "rule checks"} <= set(named)
    assert "TST901 (existence)" in named  # the one rule selected, under the slowest rules
    assert not any(n.startswith("SLA") for n in named)  # rules not selected are not timed


class _Terminal:
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr("sys.stdout", _Terminal())
    assert lint_cli._use_color(None)
    assert not lint_cli._use_color(Path("report.txt"))
    monkeypatch.setenv("NO_COLOR", "1")
    assert not lint_cli._use_color(None)


def test_lint_starts_without_loading_the_drafting_and_bulk_code(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("The Provider shall answer every ticket.\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from slaforge.cli.main import cli\n"
        f"cli(['lint', {str(draft)!r}, '--model', 'blank', '--fail-on', 'none'],"
        " standalone_mode=False)\n"
        "print(sorted({m.split('.')[1] for m in sys.modules if m.startswith('slaforge.')}))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = done.stdout.strip().splitlines()[-1]
    assert "lint" in loaded
    for drafting in ("'bulk'", "'clauses'", "'render'"):
        assert drafting not in loaded


def test_every_command_is_listed_and_runs_its_help() -> None:
    import importlib

    runner = CliRunner()
    listed = runner.invoke(cli, ["--help"]).output
    for module in ("build", "bulk", "lint", "rules_cmd"):
        for command in importlib.import_module(f"slaforge.cli.{module}").COMMANDS:
            assert f"  {command.name} " in listed
            assert runner.invoke(cli, [command.name, "--help"]).exit_code == 0


def test_rules_show_reads_a_letter_o_typed_for_a_zero() -> None:
    result = run("rules", "show", "SLA1O1")

    assert result.exit_code == 2
    assert result.stderr.startswith("error: unknown rule code 'SLA1O1'; did you mean SLA101,")
