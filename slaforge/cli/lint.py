"""The ``lint`` command: review SLA drafts and report what is vague, one-sided or missing."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING

import click

from slaforge.fileio import require_docx_name, write_atomic
from slaforge.lint.config import (
    FAIL_ON,
    SIDES,
    KnownRule,
    LintConfig,
    check_known,
    failing,
    load_config,
    with_cli,
)
from slaforge.lint.model import Block, LintOptions, LintResult
from slaforge.report import FORMATS, Results, all_findings

if TYPE_CHECKING:
    from slaforge.lint.doccache import DocCache


def run_engine(
    blocks: list[Block], file: str, options: LintOptions, reuse: DocCache | None = None
) -> LintResult:
    """Lint the blocks of one file with the rule engine."""
    from slaforge.lint.engine import lint_blocks

    return lint_blocks(blocks, file, options, reuse)


def known_rules(options: LintOptions) -> Sequence[KnownRule]:
    """The rules the engine loads for ``options``."""
    from slaforge.lint.rules import load_rules

    return load_rules([Path(d) for d in options.rule_dirs])


def lint_files(paths: Sequence[Path], options: LintOptions) -> dict[str, LintResult]:
    """Extract and lint each file; an unreadable file stops the run with an InputError."""
    from slaforge.extract import extract
    from slaforge.lint.doccache import DocCache

    read: dict[str, tuple[list[Block], float]] = {}
    for path in paths:  # every file is read before any is linted: a bad one stops the run
        start = perf_counter()
        read[str(path)] = (extract(path), perf_counter() - start)
    results: dict[str, LintResult] = {}
    reuse = DocCache()  # (drafts on one template share most of their paragraphs)
    for file, (found, seconds) in read.items():
        results[file] = run_engine(found, file, options, reuse)
        results[file].timing.stages["read files"] = seconds
    return results


def _split(values: Sequence[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def render(results: Results, fmt: str, metrics: bool, color: bool) -> str:
    """The report in format ``fmt``; with ``metrics`` the text report ends with the cards."""
    if fmt == "json":
        from slaforge.report import json

        return json.render(results)
    if fmt == "sarif":
        from slaforge.report import sarif

        return sarif.render(results)
    from slaforge.report import text

    out = text.render(results, color=color)
    if metrics:
        from slaforge.report import metrics as table

        out += "\n" + table.render(results)
    return out


def failed(results: Results, fail_on: str) -> bool:
    """True when some finding is at or above the ``--fail-on`` severity."""
    return bool(failing(all_findings(results), fail_on))


def _use_color(output: Path | None) -> bool:
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option("--metrics", is_flag=True, help="Also print the metric cards rebuilt from the text.")
@click.option(
    "--timing",
    is_flag=True,
    help="Print to standard error where the time went: per stage and the slowest rules.",
)
@click.option(
    "--side", type=click.Choice(SIDES), help="Whose interests to review for.  [default: customer]"
)
@click.option(
    "--select",
    multiple=True,
    metavar="X,Y",
    help="Run only these rule codes or categories (replaces the config's list).",
)
@click.option("--ignore", multiple=True, metavar="X,Y", help="Skip these rule codes or categories.")
@click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="A folder of extra rule files. Repeatable.",
)
@click.option("--model", help="spaCy pipeline to use ('blank' for tokenizing only).")
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    help="Exit 1 when a finding is at least this severe.  [default: warning]",
)
@click.option(
    "--annotate",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="OUT.docx",
    help="Write a copy of the .docx with a Word comment on each finding.",
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    metavar="REPORT.json",
    help="Leave out the findings of this earlier JSON report (accepted in an earlier review).",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Read settings from this file instead of the nearest config.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report to this file instead of standard output ('-' is standard output).",
)
def lint(
    files: tuple[Path, ...],
    fmt: str,
    metrics: bool,
    timing: bool,
    side: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    rule_dirs: tuple[Path, ...],
    model: str | None,
    fail_on: str | None,
    annotate: Path | None,
    baseline: Path | None,
    config_file: Path | None,
    output: Path | None,
) -> None:
    """Review SLA drafts (.docx, .txt, .md) for vague, gameable or one-sided terms.

    Settings come from [tool.slaforge.lint] in pyproject.toml or [lint] in .slaforge.toml,
    the nearest one above the first file; options given here win. Exits 0 when nothing is at
    or above --fail-on, 1 when something is, and 2 on bad input.
    """
    if annotate is not None and (len(files) != 1 or files[0].suffix.lower() != ".docx"):
        raise click.UsageError("--annotate needs exactly one .docx file to copy")
    if annotate is not None:
        require_docx_name(annotate, "--annotate")
    if annotate is not None and annotate.resolve() == files[0].resolve():
        raise click.UsageError("--annotate must name a new file, not the draft itself")
    if output is not None and str(output) == "-":
        output = None  # '-' is standard output, as without -o
    if baseline and output and fmt != "json" and output.resolve() == baseline.resolve():
        raise click.UsageError(
            f"-o would write a {fmt} report over the --baseline file; add --format json"
            " to write the next baseline"
        )
    config: LintConfig = with_cli(
        load_config(files[0].parent, config_file),
        side=side,
        select=_split(select),
        ignore=_split(ignore),
        rule_dirs=rule_dirs,
        model=model,
        fail_on=fail_on,
    )
    given = LintOptions(select=tuple(_split(select)), ignore=tuple(_split(ignore)))
    check_known(config, known_rules(config.options), given)
    accepted = None
    if baseline is not None:
        from slaforge.lint.baseline import Baseline

        accepted = Baseline.load(baseline)  # (read before the lint: a bad one stops at once)
    results = lint_files(files, config.options)
    if accepted is not None:
        accepted.apply(results)
    for notice in dict.fromkeys(n for r in results.values() for n in r.notices):
        click.echo(f"notice: {notice}", err=True)
    report = render(results, fmt, metrics, _use_color(output))
    annotated = None
    if annotate is not None:
        from slaforge.report.docx_comments import annotated_docx

        annotated = annotated_docx(files[0], all_findings(results))
    if output is not None:
        write_atomic(output, report.encode("utf-8"))
    else:
        click.echo(report, nl=False)
    if annotate is not None and annotated is not None:
        data, done = annotated
        write_atomic(annotate, data)
        skipped = (
            f"; {done.skipped} not anchored (words not found, or no body paragraph to hold them)"
            if done.skipped
            else ""
        )
        plural = "" if done.added == 1 else "s"
        click.echo(f"wrote {annotate}: {done.added} comment{plural}{skipped}", err=True)
    if timing:
        from slaforge.lint.timing import Timing

        click.echo(Timing().merge(r.timing for r in results.values()).report(), err=True)
    if failed(results, config.fail_on):
        click.get_current_context().exit(1)


COMMANDS: list[click.Command] = [lint]
