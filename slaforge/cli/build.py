"""Drafting commands: init, validate, build, clauses."""

from __future__ import annotations

from pathlib import Path

import click

from slaforge.clauses import load_library
from slaforge.clauses.library import CATEGORIES
from slaforge.errors import InputError, Location
from slaforge.fileio import write_atomic
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
        click.echo(text, nl=False)
        return
    if output.exists() and not force:
        raise InputError("file exists; use --force to overwrite it", Location(output))
    write_atomic(output, text.encode("utf-8"))
    click.echo(f"wrote {output} ({agreement_type}); build it with: slaforge build {output}")


@click.command()
@click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path))
@clauses_option
def validate(specs: tuple[Path, ...], clause_dirs: tuple[Path, ...]) -> None:
    """Check agreement specs: schema, cross-field rules, and that every clause renders.

    Prints every problem, one per line (file:line: field: message), and exits 2 if any.
    """
    from slaforge.render.compose import Composer

    composer = Composer.from_dirs(clause_dirs)
    failed = 0
    for spec in specs:
        try:
            agreement = load_spec(spec)
            _, clauses = composer.compose(agreement)
        except SpecErrors as exc:
            failed += 1
            for problem in exc.problems:
                click.echo(f"error: {problem}", err=True)
            continue
        click.echo(
            f"ok: {spec} ({agreement.agreement.type.value}, {len(agreement.metrics)} metrics, "
            f"{len(clauses)} clauses)"
        )
    if failed:
        raise click.exceptions.Exit(2)


@click.command()
@click.argument("spec", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The .docx to write [default: the spec's name with .docx, in the current folder].",
)
@template_option
@clauses_option
def build(spec: Path, output: Path | None, template: str, clause_dirs: tuple[Path, ...]) -> None:
    """Build a Word agreement from an agreement spec."""
    from slaforge.render.build import Builder

    agreement = load_spec(spec)
    builder = Builder(template, clause_dirs)
    built = builder.build(agreement)
    target = output or Path(spec.with_suffix(".docx").name)
    write_atomic(target, built.data)
    click.echo(f"wrote {target} ({len(built.clauses)} clauses, {len(built.data):,} bytes)")


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
@clauses_option
def show_clause(clause_id: str, clause_dirs: tuple[Path, ...]) -> None:
    """Show one clause: its metadata and its template text."""
    clause = load_library(clause_dirs).get(clause_id)
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


COMMANDS: list[click.Command] = [init, validate, build, clauses]
