"""The bulk command: one customer-based agreement per row of a customer list."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import click

from slaforge.bulk.naming import DEFAULT_PATTERN
from slaforge.bulk.runner import BulkOptions, run_bulk
from slaforge.cli.build import clauses_option, template_option
from slaforge.errors import InputError


class ProgressLine:
    """``done/total, rate, ETA`` redrawn in place on a terminal; silent otherwise."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.start = time.monotonic()
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < 0.1 and done < total:
            return
        self.last = now
        rate = done / max(now - self.start, 1e-9)
        eta = (total - done) / rate if rate else 0.0
        width = 30
        filled = int(width * done / total) if total else width
        bar = "#" * filled + "-" * (width - filled)
        click.echo(
            f"\r[{bar}] {done}/{total}  {rate:,.0f} docs/s  ETA {eta:,.0f}s ", err=True, nl=False
        )
        if done >= total:
            click.echo("", err=True)


@click.command()
@click.argument("customers", type=click.Path(path_type=Path))
@click.option(
    "--base", required=True, type=click.Path(path_type=Path), help="The base agreement spec."
)
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="The folder to write agreements, manifest and report into.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    help="Worker processes [default: one per core]; 1 runs in this process.",
)
@click.option(
    "--name",
    "pattern",
    default=DEFAULT_PATTERN,
    show_default=True,
    help="File name pattern: {dotted.spec.path} with optional |slug, |lower, |upper.",
)
@click.option(
    "--map",
    "mapping",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A YAML file mapping column names to spec paths (columns: {Name: customer.name}).",
)
@click.option(
    "--encoding",
    metavar="NAME",
    help="Text encoding of a CSV, JSON or YAML customer file [default: utf-8, a BOM "
    "accepted]; cp1252 for Excel's 'CSV (Comma delimited)' on Windows.",
)
@template_option
@clauses_option
@click.option(
    "--lint", is_flag=True, help="Lint every agreement; a warning or error finding fails the row."
)
@click.option(
    "--skip-existing",
    is_flag=True,
    help="Skip rows whose input hash and output file match the previous manifest.",
)
@click.option("--zip", "make_zip", is_flag=True, help="Also write agreements.zip.")
@click.option(
    "--report", is_flag=True, help="Also write report.html: counts and non-standard terms."
)
def bulk(
    customers: Path,
    base: Path,
    outdir: Path,
    jobs: int,
    pattern: str,
    mapping: Path | None,
    encoding: str | None,
    template: str,
    clause_dirs: tuple[Path, ...],
    lint: bool,
    skip_existing: bool,
    make_zip: bool,
    report: bool,
) -> None:
    """Build one agreement per customer row (CSV, XLSX, JSON or YAML) from a base spec.

    Columns name spec fields by dotted path (customer.name, metrics.availability.target,
    credits.tiers.0.percent). A bad row is reported with its row number and column and
    does not stop the others. Exit code 0: every row ok; 1: some rows failed; 2: bad input.
    """
    if str(outdir) == "-":
        raise InputError("-o -: bulk writes a folder of agreements; give a folder name")
    options = BulkOptions(
        customers=customers,
        base=base,
        outdir=outdir,
        jobs=jobs,
        pattern=pattern,
        mapping=mapping,
        template=template,
        clause_dirs=clause_dirs,
        lint=lint,
        skip_existing=skip_existing,
        zip=make_zip,
        report=report,
        encoding=encoding,
    )
    started = time.monotonic()
    result = run_bulk(options, ProgressLine())
    elapsed = time.monotonic() - started
    for entry in result.entries:
        if entry.status == "failed":
            click.echo(f"error: {customers}: row {entry.row}: {entry.error}", err=True)
    done = len(result.entries)
    click.echo(
        f"{result.count('ok')} built, {result.count('skipped')} skipped, "
        f"{result.count('failed')} failed of {done} rows in {elapsed:.1f}s; "
        f"manifest: {outdir / 'manifest.csv'}"
        + (f"; report: {result.report}" if result.report else "")
        + (f"; archive: {result.archive}" if result.archive else "")
    )
    if result.interrupted:
        how = (
            "interrupted"
            if result.signum == signal.SIGINT
            else f"stopped by {signal.Signals(result.signum).name}"
        )
        click.echo(f"{how}: kept {done} finished rows and their manifest", err=True)
        sys.exit(128 + result.signum)
    if result.count("failed"):
        sys.exit(1)


COMMANDS: list[click.Command] = [bulk]
