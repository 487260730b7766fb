"""The drafting commands as a user runs them: output, messages and exit codes."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from slaforge.cli.main import cli


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


def test_clauses_show_unknown(runner: CliRunner) -> None:
    code, _, err = run(runner, "clauses", "show", "warranty")
    assert code == 2
    assert err == "error: no clause with id 'warranty'\n"


def test_usage_error_is_exit_2(runner: CliRunner) -> None:
    code, _, err = run(runner, "build")
    assert code == 2
    assert "Missing argument 'SPEC'" in err
