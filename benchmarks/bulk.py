"""Bulk generation speed: ``slaforge bulk`` against a naive docxtpl loop, in one run.

    python benchmarks/bulk.py [--rows 1000] [--naive-rows 200] [--lint-rows 48]

Generates a customer list from ``examples/bulk``, then prints docs/s for
``slaforge bulk --jobs 1`` (in this process, the command's own code path), for
``--jobs 2`` (worker processes), for the whole ``slaforge bulk`` command as a
subprocess, and for a naive loop that loads, renders and saves a new
``DocxTemplate`` per row over the same agreement text and data. Peak memory of
the ``--jobs 1`` run is printed too. ``--lint`` runs (``--lint-rows`` rows, in this
process) are timed twice side by side: as the command runs them, each agreement reusing the
tokenized and tagged paragraphs of the agreements before it, and with every agreement tagged
afresh. The last line is ``speedup_vs_naive_docxtpl: N.Nx``.
"""

from __future__ import annotations

import argparse
import csv
import io
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docxtpl import DocxTemplate  # noqa: E402

from slaforge.bulk.runner import BulkOptions, run_bulk  # noqa: E402
from slaforge.lint import doccache  # noqa: E402
from slaforge.render.build import Builder  # noqa: E402
from slaforge.spec import load_spec  # noqa: E402

BASE = ROOT / "examples" / "bulk" / "base.yaml"
SAMPLE = ROOT / "examples" / "bulk" / "customers.csv"
FIELDS = {
    "customer.name": "customer_name",
    "customer.address": "customer_address",
    "customer.signatory.name": "signatory_name",
    "customer.signatory.title": "signatory_title",
    "agreement.id": "agreement_id",
}


def make_customers(path: Path, rows: int) -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8") as handle:
        sample = list(csv.DictReader(handle))
    out = []
    for i in range(rows):
        row = dict(sample[i % len(sample)])
        row["customer.id"] = f"B{i:06d}"
        row["customer.name"] = f"{row['customer.name']} {i}"
        row["agreement.id"] = f"SLA-B-{i:06d}"
        out.append(row)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(out[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)
    return out


def make_naive_template(path: Path) -> None:
    """The base agreement as a docxtpl template: per-customer values become Jinja tags."""
    agreement = load_spec(BASE)
    data = Builder().build(agreement).data
    customer = agreement.parties.customer
    values = {
        "customer_name": customer.name,
        "customer_address": customer.address,
        "signatory_name": customer.signatory.name,
        "signatory_title": customer.signatory.title,
        "agreement_id": agreement.agreement.id,
    }
    source = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename.startswith("word/") and info.filename.endswith(".xml"):
                text = body.decode("utf-8")
                for tag, value in values.items():
                    text = text.replace(value, "{{ " + tag + " }}")
                body = text.encode("utf-8")
            target.writestr(info, body)


def naive_loop(template: Path, rows: list[dict[str, str]], outdir: Path) -> float:
    started = time.perf_counter()
    for i, row in enumerate(rows):
        document = DocxTemplate(str(template))
        document.render({tag: row[column] for column, tag in FIELDS.items()})
        document.save(str(outdir / f"naive-{i}.docx"))
    return len(rows) / (time.perf_counter() - started)


class _NoReuse(doccache.DocCache):
    """The baseline: every agreement's paragraphs tokenized and tagged afresh."""

    def take(self, nlp: object, texts: list[str]) -> list[None]:  # type: ignore[override]
        return [None] * len(texts)


def slaforge_rate(
    customers: Path, outdir: Path, jobs: int, rows: int, *, lint: bool = False
) -> float:
    started = time.perf_counter()
    options = BulkOptions(customers=customers, base=BASE, outdir=outdir, jobs=jobs, lint=lint)
    result = run_bulk(options)
    elapsed = time.perf_counter() - started
    assert result.count("ok") == rows, [e.error for e in result.entries if e.error][:3]
    return rows / elapsed


def cli_bulk(customers: Path, outdir: Path) -> None:
    """Run the installed command the way a user does, one worker."""
    command = [sys.executable, "-m", "slaforge", "bulk", str(customers), "--base", str(BASE)]
    subprocess.run(
        [*command, "-o", str(outdir), "--jobs", "1"], check=True, capture_output=True, cwd=ROOT
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--naive-rows", type=int, default=200)
    parser.add_argument("--lint-rows", type=int, default=48)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        customers = work / "customers.csv"
        rows = make_customers(customers, args.rows)
        template = work / "naive-template.docx"
        make_naive_template(template)
        (work / "naive").mkdir()

        naive = naive_loop(template, rows[: args.naive_rows], work / "naive")
        one = slaforge_rate(customers, work / "jobs1", 1, args.rows)
        two = slaforge_rate(customers, work / "jobs2", 2, args.rows)
        small = work / "small.csv"
        make_customers(small, max(args.rows // 10, 10))
        cli_bulk(small, work / "small-out")
        rss_small = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        started = time.perf_counter()
        cli_bulk(customers, work / "cli")
        whole = args.rows / (time.perf_counter() - started)
        rss_large = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

        linted = work / "linted.csv"
        make_customers(linted, args.lint_rows)
        slaforge_rate(linted, work / "warm", 1, args.lint_rows, lint=True)  # loads the model
        reuse = slaforge_rate(linted, work / "lint1", 1, args.lint_rows, lint=True)
        kept = doccache.DocCache
        doccache.DocCache = _NoReuse  # type: ignore[misc]
        try:
            afresh = slaforge_rate(linted, work / "lint2", 1, args.lint_rows, lint=True)
        finally:
            doccache.DocCache = kept  # type: ignore[misc]

    print(f"rows: {args.rows} (naive loop: {args.naive_rows})")
    print(f"naive_docxtpl_docs_per_s: {naive:.1f}")
    print(f"slaforge_bulk_jobs1_docs_per_s: {one:.1f}")
    print(f"slaforge_bulk_jobs2_docs_per_s: {two:.1f}")
    print(f"slaforge_bulk_cli_jobs1_docs_per_s (whole process, incl. start-up): {whole:.1f}")
    print(
        f"peak_rss_mib_cli_jobs1: {rss_small:.0f} for {max(args.rows // 10, 10)} rows, "
        f"{rss_large:.0f} for {args.rows} rows (flat: rows stream in bounded windows)"
    )
    print(
        f"slaforge_bulk_lint_jobs1_docs_per_s: {reuse:.1f} "
        f"(each agreement tagged afresh: {afresh:.1f}; {args.lint_rows} rows)"
    )
    print(f"speedup_vs_naive_docxtpl: {one / naive:.1f}x")


if __name__ == "__main__":
    main()
