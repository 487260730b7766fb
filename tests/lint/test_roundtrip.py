"""Everything slaforge generates lints clean with its own linter.

Every example spec is built in memory and linted twice: from the document model (the text
blocks ``slaforge bulk --lint`` checks) and from the written .docx read back by the extractor
(what ``slaforge lint agreement.docx`` sees). Every row of the bulk example is built and
linted the same way. No finding is allowed, at any severity.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from slaforge.bulk.runner import BulkOptions, run_bulk
from slaforge.extract import extract
from slaforge.lint.engine import lint_blocks
from slaforge.lint.model import Block, Finding, LintOptions
from slaforge.render.build import Builder, Built
from slaforge.render.textblocks import model_blocks
from slaforge.spec.load import load_spec

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples").glob("*.yaml"))
BULK = REPO / "examples" / "bulk"


@pytest.fixture(scope="module")
def builder() -> Builder:
    return Builder()


def _findings(blocks: list[Block], name: str) -> list[Finding]:
    return lint_blocks(blocks, name, LintOptions()).findings


def _explain(findings: list[Finding]) -> str:
    lines = [f"{len(findings)} finding(s):"]
    for f in findings:
        where = f.location.clause or f"paragraph {f.location.paragraph}"
        lines.append(f"  {f.code} {f.severity.value} [{where}] match={f.match!r}")
        lines.append(f"      text: {f.text}")
    return "\n".join(lines)


def _lint_both_ways(built: Built, name: str, tmp_path: Path) -> None:
    from_model = _findings(model_blocks(built.model), name)
    assert not from_model, f"{name} (document model): " + _explain(from_model)
    path = tmp_path / f"{name}.docx"
    path.write_bytes(built.data)
    from_docx = _findings(extract(path), name)
    assert not from_docx, f"{name} (.docx): " + _explain(from_docx)


def test_every_agreement_type_has_an_example() -> None:
    assert {p.stem for p in EXAMPLES} >= {
        "customer-based",
        "service-based",
        "multi-level",
        "internal",
        "sales-marketing",
    }


@pytest.mark.parametrize("spec", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_lints_clean(builder: Builder, spec: Path, tmp_path: Path) -> None:
    _lint_both_ways(builder.build(load_spec(spec)), spec.stem, tmp_path)


def test_every_bulk_row_lints_clean(tmp_path: Path) -> None:
    outdir = tmp_path / "out"
    options = BulkOptions(
        customers=BULK / "customers.csv",
        base=BULK / "base.yaml",
        outdir=outdir,
        jobs=1,
        lint=True,
    )
    result = run_bulk(options)
    failed = [f"row {e.row}: {e.error}" for e in result.entries if e.status != "ok"]
    assert result.entries and not failed, "\n".join(failed)
    for entry in result.entries:
        blocks = extract(outdir / entry.output)
        findings = _findings(blocks, entry.output)
        assert not findings, f"row {entry.row} ({entry.output}): " + _explain(findings)
