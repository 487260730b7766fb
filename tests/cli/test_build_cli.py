"""The drafting commands as a user runs them: output, messages and exit codes."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from slaforge.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    "command",
    [[], ["init"], ["validate"], ["build"], ["clauses"], ["clauses", "list"], ["clauses", "show"]],
)
def test_every_command_has_help(runner: CliRunner, command: list[str]) -> None:
    code, out, _ = run(runner, *command, "--help")
    assert code == 0
    assert out.startswith("Usage: ")


def test_init_then_build(runner: CliRunner, tmp_path: Path) -> None:
    spec, out = tmp_path / "spec.yaml", tmp_path / "out.docx"
    code, stdout, _ = run(runner, "init", "--type", "service-based", "-o", str(spec))
    assert code == 0 and "wrote" in stdout
    assert spec.read_text().startswith("#")
    code, stdout, _ = run(runner, "build", str(spec), "-o", str(out))
    assert code == 0, stdout
    assert f"wrote {out}" in stdout
    assert docx.Document(io.BytesIO(out.read_bytes())).paragraphs


@pytest.mark.parametrize("agreement_type", ["customer-based", "service-based", "internal"])
def test_init_header_names_the_file_written(
    runner: CliRunner, tmp_path: Path, agreement_type: str
) -> None:
    spec = tmp_path / "spec.yaml"
    code, stdout, _ = run(runner, "init", "--type", agreement_type, "-o", str(spec))
    assert code == 0
    header = spec.read_text().split("\n\n")[0]
    assert f"slaforge build {spec} -o " in header
    assert f"{agreement_type}.yaml" not in header
    assert stdout.endswith(f"build it with: slaforge build {spec}\n")


def test_init_to_standard_output_names_a_placeholder(runner: CliRunner) -> None:
    code, stdout, _ = run(runner, "init", "--type", "service-based", "-o", "-")
    assert code == 0
    assert "# Build it with:  slaforge build SPEC.yaml -o backup-sla.docx\n" in stdout
    assert "service-based.yaml" not in stdout


def test_init_refuses_to_overwrite(runner: CliRunner, tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("mine\n")
    code, _, err = run(runner, "init", "-o", str(spec))
    assert code == 2
    assert err == f"error: {spec}: file exists; use --force to overwrite it\n"
    assert spec.read_text() == "mine\n"


def test_validate_ok(runner: CliRunner, canonical_spec: Path) -> None:
    code, out, _ = run(runner, "validate", str(canonical_spec))
    assert code == 0
    assert out.startswith(f"ok: {canonical_spec} (customer-based, 3 metrics, ")


def test_validate_lists_every_problem(
    runner: CliRunner, canonical_spec: Path, tmp_path: Path
) -> None:
    text = canonical_spec.read_text().replace("cap_percent: 30", "cap_percent: 20")
    text = text.replace("timezone: Europe/London", "timezone: Mars/Olympus", 1)
    spec = tmp_path / "bad.yaml"
    spec.write_text(text)
    code, _, err = run(runner, "validate", str(spec))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert "hours[0].timezone" in lines[0]


def test_build_bad_yaml_is_one_line_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    spec = tmp_path / "broken.yaml"
    spec.write_text("agreement:\n  id: [x\n")
    out = tmp_path / "out.docx"
    code, _, err = run(runner, "build", str(spec), "-o", str(out))
    assert code == 2
    assert err.startswith(f"error: {spec}:3:")
    assert "YAML syntax error" in err and len(err.splitlines()) == 1
    assert "Traceback" not in err
    assert not out.exists()


def test_build_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "build", str(tmp_path / "nope.yaml"))
    assert code == 2
    assert err == f"error: {tmp_path / 'nope.yaml'}: file not found\n"


def test_debug_shows_traceback(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "--debug", "build", str(tmp_path / "nope.yaml"))
    assert code == 2
    assert "Traceback" in err


def test_failed_build_leaves_no_output(
    runner: CliRunner, canonical_spec: Path, tmp_path: Path
) -> None:
    clauses = tmp_path / "clauses"
    clauses.mkdir()
    (clauses / "p.md").write_text(
        "---\nid: purpose\ntitle: P\ncategory: purpose\norder: 10\n---\nThe {{ P }} shall [TBD].\n"
    )
    out = tmp_path / "out.docx"
    code, _, err = run(
        runner, "build", str(canonical_spec), "-o", str(out), "--clauses", str(clauses)
    )
    assert code == 1
    assert "template residue '[TBD]'" in err
    assert not out.exists()
    assert list(tmp_path.glob("*.part")) == []


def test_build_to_standard_output(runner: CliRunner, canonical_spec: Path, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["build", str(canonical_spec), "-o", "-"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.startswith(b"PK")
    assert docx.Document(io.BytesIO(result.stdout_bytes)).paragraphs
    assert result.stderr.startswith("wrote standard output (")
    code, _, _ = run(runner, "build", str(canonical_spec), "-o", str(tmp_path / "a.docx"))
    assert code == 0
    assert (tmp_path / "a.docx").read_bytes() == result.stdout_bytes
    assert not Path("-").exists()


def test_build_to_a_terminal_is_refused(
    runner: CliRunner, canonical_spec: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from slaforge.cli import build as build_cli

    class Terminal(io.BytesIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(build_cli, "_binary_stdout", lambda: terminal)
    code, _, err = run(runner, "build", str(canonical_spec), "-o", "-")
    assert code == 2
    assert err.startswith("error: -o -: will not write a Word document to a terminal")
    assert len(err.splitlines()) == 1
    assert terminal.getvalue() == b""


@pytest.mark.parametrize(
    ("name", "got"), [("agreement.pdf", "'.pdf'"), ("agreement", "no extension")]
)
def test_build_output_must_be_a_docx_name(
    runner: CliRunner, canonical_spec: Path, tmp_path: Path, name: str, got: str
) -> None:
    out = tmp_path / name
    code, _, err = run(runner, "build", str(canonical_spec), "-o", str(out))
    assert code == 2
    assert err == (
        f"error: {out}: -o writes a Word document: give it a name ending in .docx (got {got})\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_build_output_name_is_checked_before_the_spec(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "build", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "a.pdf"))
    assert code == 2
    assert "-o writes a Word document" in err


def test_validate_goes_on_after_a_bad_spec_and_exits_2(
    runner: CliRunner, canonical_spec: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("agreement:\n  id: [x\n")
    dated = tmp_path / "dated.yaml"
    dated.write_text(
        canonical_spec.read_text().replace(
            "effective_date: 2027-01-01", "effective_date: 2027-02-30"
        )
    )
    code, out, err = run(runner, "validate", str(broken), str(dated), str(canonical_spec))
    assert code == 2
    lines = err.splitlines()
    assert lines[0].startswith(f"error: {broken}:3:") and "YAML syntax error" in lines[0]
    assert lines[1] == (
        f"error: {dated}:11: agreement.effective_date: 2027-02-30 is not a date: "
        "February 2027 has 28 days"
    )
    assert len(lines) == 2
    assert out.startswith(f"ok: {canonical_spec} ")


def test_validate_exits_1_on_template_residue_as_build_does(
    runner: CliRunner, canonical_spec: Path, tmp_path: Path
) -> None:
    """Residue left by a clause is a failed build (1), not bad input (2); --help says so."""
    clauses = tmp_path / "clauses"
    clauses.mkdir()
    (clauses / "p.md").write_text(
        "---\nid: purpose\ntitle: P\ncategory: purpose\norder: 10\n---\nThe {{ P }} shall [TBD].\n"
    )
    for command in ("validate", "build"):
        code, _, err = run(runner, command, str(canonical_spec), "--clauses", str(clauses))
        assert code == 1
        residue = "clause 'purpose' leaves template residue '[TBD]' in the output"
        assert err == f"error: {clauses / 'p.md'}:7: {residue}\n"
    code, out, _ = run(runner, "validate", "--help")
    assert "2 if a spec, or a clause file, is bad input" in " ".join(out.split())
    assert "1 if only the build failed" in " ".join(out.split())


def test_a_placeholder_in_the_spec_is_bad_input_not_a_failed_build(
    runner: CliRunner, canonical_spec: Path, tmp_path: Path
) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(canonical_spec.read_text().replace("name: Fabrikam Retail plc", "name: TBD"))
    for command in ("validate", "build"):
        code, _, err = run(
            runner,
            command,
            str(spec),
            *(["-o", str(tmp_path / "a.docx")] if command == "build" else []),
        )
        assert code == 2
        assert "parties.customer.name: holds the placeholder 'TBD'" in err
    assert not (tmp_path / "a.docx").exists()


def test_debug_validate_shows_the_traceback_of_each_problem(
    runner: CliRunner, canonical_spec: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(canonical_spec.read_text().replace("cap_percent: 30", "cap_percent: 20"))
    code, _, err = run(runner, "--debug", "validate", str(bad))
    assert code == 2
    assert "Traceback" in err and "SpecErrors" in err
    assert err.splitlines()[-1].startswith(f"error: {bad}:")


def test_unknown_template(runner: CliRunner, canonical_spec: Path, tmp_path: Path) -> None:
    code, _, err = run(
        runner, "build", str(canonical_spec), "-o", str(tmp_path / "o.docx"), "--template", "fancy"
    )
    assert code == 2
    assert err == "error: --template: no template named 'fancy' (built-in: default)\n"


def test_clauses_list_and_show(runner: CliRunner) -> None:
    code, out, _ = run(runner, "clauses", "list", "--category", "dispute-resolution")
    assert code == 0
    rows = out.strip().splitlines()
    assert len(rows) >= 3
    assert all("dispute-resolution" in row for row in rows)
    first_id = rows[0].split()[0]
    code, out, _ = run(runner, "clauses", "show", first_id)
    assert code == 0
    assert out.startswith(f"{first_id}: ")
    assert "category:   dispute-resolution" in out


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("warranty", "no clause with id 'warranty'; see: slaforge clauses list"),
        ("exclusion", "no clause with id 'exclusion'; did you mean 'exclusions'?"),
        (
            "dispute-resolution",
            "no clause with id 'dispute-resolution'; 'dispute-resolution' is a category, its "
            "clauses are 'disputes-arbitration', 'disputes-courts', 'disputes-mediation'",
        ),
    ],
)
def test_clauses_show_unknown(runner: CliRunner, name: str, message: str) -> None:
    code, _, err = run(runner, "clauses", "show", name)
    assert code == 2
    assert err == f"error: {message}\n"


def test_clauses_show_source_prints_the_file_exactly(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["clauses", "show", "exclusions", "--source"])
    assert result.exit_code == 0
    assert result.stdout_bytes == (ROOT / "clauses" / "exclusions.md").read_bytes()


def test_override_a_clause_as_the_readme_says(
    runner: CliRunner, canonical_spec: Path, tmp_path: Path
) -> None:
    """README: clauses show ID --source > my/ID.md, then build --clauses my."""
    mine = tmp_path / "my-clauses"
    mine.mkdir()
    shown = runner.invoke(cli, ["clauses", "show", "exclusions", "--source"])
    (mine / "exclusions.md").write_bytes(shown.stdout_bytes)

    def build(name: str, *extra: str) -> bytes:
        code, _, err = run(runner, "build", str(canonical_spec), "-o", str(tmp_path / name), *extra)
        assert code == 0, err
        return (tmp_path / name).read_bytes()

    assert build("mine.docx", "--clauses", str(mine)) == build("plain.docx")
    # and the copy is the one used: an edit to it shows in the agreement
    text = (mine / "exclusions.md").read_text().rstrip("\n")
    text += "\n\nThe parties agreed this sentence themselves.\n"
    (mine / "exclusions.md").write_text(text)
    data = build("mine.docx", "--clauses", str(mine))
    body = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "The parties agreed this sentence themselves." in body


def test_usage_error_is_exit_2(runner: CliRunner) -> None:
    code, _, err = run(runner, "build")
    assert code == 2
    assert "Missing argument 'SPEC'" in err


def test_init_writes_yaml_names_only(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "init", "-o", str(tmp_path / "spec.docx"))

    assert code == 2
    assert err == (
        f"error: {tmp_path / 'spec.docx'}: -o: a spec is YAML: give it a name ending in "
        ".yaml or .yml\n"
    )
    assert not (tmp_path / "spec.docx").exists()


def test_build_never_overwrites_its_own_spec(
    runner: CliRunner, canonical_spec: Path, tmp_path: Path
) -> None:
    spec = tmp_path / "agreement.docx"  # a spec saved under a Word name
    spec.write_bytes(canonical_spec.read_bytes())

    code, _, err = run(runner, "build", str(spec), "-o", str(spec))

    assert code == 2
    assert "the agreement would overwrite its own spec" in err
    assert spec.read_bytes() == canonical_spec.read_bytes()


def test_an_output_path_through_a_file_is_one_line(
    runner: CliRunner, canonical_spec: Path, tmp_path: Path
) -> None:
    (tmp_path / "notes").write_text("a file, not a folder", encoding="utf-8")
    out = tmp_path / "notes" / "agreement.docx"

    code, _, err = run(runner, "build", str(canonical_spec), "-o", str(out))

    assert code == 2
    assert err == f"error: {out}: a file stands where its folder should be\n"


def test_bulk_output_folder_through_a_file_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2] / "examples" / "bulk"
    (tmp_path / "notes").write_text("a file, not a folder", encoding="utf-8")
    out = tmp_path / "notes" / "agreements"

    code, _, err = run(
        runner,
        "bulk",
        str(root / "customers.csv"),
        "--base",
        str(root / "base.yaml"),
        "-o",
        str(out),
    )

    assert code == 2
    assert err == f"error: {out}: Not a directory\n"
