"""Drafting commands: init, validate, build, clauses."""

from __future__ import annotations

import difflib
import shlex
import sys
import traceback
from pathlib import Path
from typing import BinaryIO

import click

from slaforge.clauses import Clause, load_library
from slaforge.clauses.library import CATEGORIES
from slaforge.errors import ClauseError, InputError, Location, SlaforgeError
from slaforge.fileio import require_docx_name, write_atomic
from slaforge.resources import builtin_dir
from slaforge.spec import load_spec
from slaforge.spec.load import SpecErrors
from slaforge.spec.model import AgreementType

_TYPES = [t.value for t in AgreementType]

template_option = click.option(
    "--template",
    default="default",
    show_default=True,
    help="A built-in template name or the path of a .docx template.",
)

clauses_option = click.option(
    "--clauses",
    "clause_dirs",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="A folder of clause files that override built-in clauses by id or add new ones. "
    "Repeatable; later folders win.",
)


@click.command()
@click.option(
    "--type",
    "agreement_type",
    type=click.Choice(_TYPES),
    default="customer-based",
    show_default=True,
    help="The kind of agreement to start from.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("spec.yaml"),
    show_default=True,
    help="Where to write the spec; '-' prints it.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(agreement_type: str, output: Path, force: bool) -> None:
    """Write a commented example spec that builds as it is."""
    text = (builtin_dir("examples") / f"{agreement_type}.yaml").read_text(encoding="utf-8")
    if str(output) == "-":
        click.echo(_name_in_header(text, agreement_type, "SPEC.yaml"), nl=False)
        return
    if output.suffix.lower() not in (".yaml", ".yml"):
        raise InputError(
            "-o: a spec is YAML: give it a name ending in .yaml or .yml", Location(output)
        )
    if output.exists() and not force:
        raise InputError("file exists; use --force to overwrite it", Location(output))
    name = shlex.quote(str(output))
    write_atomic(output, _name_in_header(text, agreement_type, name).encode("utf-8"))
    click.echo(f"wrote {output} ({agreement_type}); build it with: slaforge build {name}")


def _name_in_header(text: str, agreement_type: str, name: str) -> str:
    """The example's header comment names the example file; name the spec written instead."""
    old = f"slaforge build {agreement_type}.yaml"
    head, sep, body = text.partition("\n\n")
    return head.replace(old, f"slaforge build {name}") + sep + body


@click.command()
@click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path))
@clauses_option
@click.pass_context
def validate(ctx: click.Context, specs: tuple[Path, ...], clause_dirs: tuple[Path, ...]) -> None:
    """Check agreement specs: schema, cross-field rules, and that every clause renders.

    Prints every problem, one per line (file:line: field: message), and goes on to the next
    spec. Exits 0 if every spec is ok; 2 if a spec, or a clause file, is bad input; 1 if
    only the build failed: a clause rendered template residue ({{, [TBD], ___, ...).
    """
    from slaforge.render.compose import Composer

    debug = bool(ctx.find_root().params.get("debug"))
    composer = Composer.from_dirs(clause_dirs)
    exit_code = 0
    for spec in specs:
        try:
            agreement = load_spec(spec)
            _, clauses = composer.compose(agreement)
        except SlaforgeError as exc:
            if debug:
                traceback.print_exception(exc)
            problems = exc.problems if isinstance(exc, SpecErrors) else [exc]
            for problem in problems:
                click.echo(f"error: {problem}", err=True)
            exit_code = max(exit_code, exc.exit_code)
            continue
        click.echo(
            f"ok: {spec} ({agreement.agreement.type.value}, {len(agreement.metrics)} metrics, "
            f"{len(clauses)} clauses)"
        )
    if exit_code:
        raise click.exceptions.Exit(exit_code)


@click.command()
@click.argument("spec", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    help="The .docx to write, or '-' for standard output "
    "[default: the spec's name with .docx, in the current folder].",
)
@template_option
@clauses_option
def build(spec: Path, output: Path | None, template: str, clause_dirs: tuple[Path, ...]) -> None:
    """Build a Word agreement from an agreement spec."""
    from slaforge.render.build import Builder

    to_stdout = output is not None and str(output) == "-"
    stdout = _binary_stdout()
    if to_stdout and stdout.isatty():
        raise InputError(
            "-o -: will not write a Word document to a terminal; "
            "redirect it (> agreement.docx) or give a file name"
        )
    if output is not None and not to_stdout:
        require_docx_name(output, "-o")
    target = output or Path(spec.with_suffix(".docx").name)
    if not to_stdout and target.resolve() == spec.resolve():
        raise InputError(
            "-o: the agreement would overwrite its own spec; give another name", Location(target)
        )
    agreement = load_spec(spec)
    builder = Builder(template, clause_dirs)
    built = builder.build(agreement)
    summary = f"({len(built.clauses)} clauses, {len(built.data):,} bytes)"
    if to_stdout:
        try:
            stdout.write(built.data)
            stdout.flush()
        except OSError as exc:
            raise InputError(f"-o -: cannot write to standard output: {exc.strerror}") from exc
        click.echo(f"wrote standard output {summary}", err=True)
        return
    write_atomic(target, built.data)
    click.echo(f"wrote {target} {summary}")


def _binary_stdout() -> BinaryIO:
    return sys.stdout.buffer


@click.group()
def clauses() -> None:
    """List and show the clauses of the library."""


@clauses.command("list")
@click.option("--category", type=click.Choice(CATEGORIES), help="Only this category.")
@clauses_option
def list_clauses(category: str | None, clause_dirs: tuple[Path, ...]) -> None:
    """List clauses: id, category, variant, title and where each comes from."""
    library = load_library(clause_dirs)
    builtin = builtin_dir("clauses").resolve()
    rows = [
        (
            c.id,
            c.meta.category,
            c.meta.variant,
            c.meta.title,
            "built-in" if c.path.resolve().parent == builtin else str(c.path),
        )
        for c in library
        if category is None or c.meta.category == category
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(3)] if rows else [0, 0, 0]
    for row in rows:
        click.echo(
            f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:<{widths[2]}}  {row[3]}"
            + (f"  [{row[4]}]" if row[4] != "built-in" else "")
        )


@clauses.command("show")
@click.argument("clause_id")
@click.option(
    "--source",
    is_flag=True,
    help="Print the clause file itself (front matter and template), ready to copy into a "
    "folder for --clauses.",
)
@clauses_option
def show_clause(clause_id: str, source: bool, clause_dirs: tuple[Path, ...]) -> None:
    """Show one clause: its metadata and its template text.

    To change a clause's wording, copy its file, edit the copy and build with it:

    \b
      slaforge clauses show ID --source > my-clauses/ID.md
      slaforge build SPEC --clauses my-clauses
    """
    library = load_library(clause_dirs)
    if clause_id not in library.clauses:
        raise ClauseError(_unknown_clause(clause_id, library.clauses))
    clause = library.clauses[clause_id]
    if source:
        try:
            data = clause.path.read_bytes()
        except OSError as exc:
            raise ClauseError(f"cannot read clause file: {exc}", Location(clause.path)) from exc
        stdout = _binary_stdout()
        stdout.write(data)
        stdout.flush()
        return
    meta = clause.meta
    click.echo(f"{meta.id}: {meta.title}")
    click.echo(f"  category:   {meta.category}")
    click.echo(f"  variant:    {meta.variant}")
    click.echo(f"  applies to: {', '.join(t.value for t in meta.applies_to)}")
    if meta.when:
        click.echo(f"  when:       {meta.when}")
    if meta.requires:
        click.echo(f"  requires:   {', '.join(meta.requires)}")
    if meta.conflicts:
        click.echo(f"  conflicts:  {', '.join(meta.conflicts)}")
    click.echo(f"  file:       {clause.path}")
    if meta.description:
        click.echo(f"\n{meta.description}")
    click.echo("\n" + clause.body.strip())


def _unknown_clause(clause_id: str, known: dict[str, Clause]) -> str:
    """``no clause with id 'exclusion'; did you mean 'exclusions'?``, or the ids of a category."""
    message = f"no clause with id {clause_id!r}"
    in_category = sorted(c.id for c in known.values() if c.meta.category == clause_id)
    if in_category:
        listed = ", ".join(repr(i) for i in in_category)
        return f"{message}; {clause_id!r} is a category, its clauses are {listed}"
    close = difflib.get_close_matches(clause_id, list(known), n=3, cutoff=0.6)
    if close:
        return f"{message}; did you mean {' or '.join(repr(c) for c in close)}?"
    return f"{message}; see: slaforge clauses list"


COMMANDS: list[click.Command] = [init, validate, build, clauses]
