"""The ``rules`` commands: list the lint rules, show one rule's documentation, check a rule pack."""

from __future__ import annotations

import difflib
from pathlib import Path

import click

from slaforge.errors import InputError, Location
from slaforge.lint.model import CATEGORIES

_DIGIT_LOOKALIKES = str.maketrans("OIL", "011")

rules_option = click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Also load the rule files in this folder. Repeatable.",
)


@click.group()
def rules() -> None:
    """List, explain and check lint rules."""


@rules.command("list")
@click.option("--category", type=click.Choice(CATEGORIES), help="Only rules of this category.")
@rules_option
def list_rules(category: str | None, rule_dirs: tuple[Path, ...]) -> None:
    """List the rules: code, severity, category and name."""
    from slaforge.lint.rules import load_rules

    shown = [r for r in load_rules(rule_dirs) if category in (None, r.category)]
    for rule in shown:
        opt_in = "" if rule.default else "  (opt-in)"
        click.echo(
            f"{rule.code:<8} {rule.severity.value:<8} {rule.category:<22} {rule.name}{opt_in}"
        )
    click.echo(f"{len(shown)} rules", err=True)


@rules.command()
@click.argument("code")
@rules_option
def show(code: str, rule_dirs: tuple[Path, ...]) -> None:
    """Show the documentation of rule CODE: what it does, why, an example and what to use."""
    from slaforge.lint.rules import load_rules, rule_doc

    by_code = {rule.code: rule for rule in load_rules(rule_dirs)}
    rule = by_code.get(code.strip().upper())
    if rule is None:
        wanted = code.strip().upper()
        head, digits = wanted[:3], wanted[3:].translate(_DIGIT_LOOKALIKES)  # SLA1O1 -> SLA101
        close = [head + digits] if head + digits in by_code else []
        close += difflib.get_close_matches(wanted, list(by_code), n=3, cutoff=0.6)
        close = list(dict.fromkeys(close))[:3]
        hint = f"; did you mean {', '.join(close)}?" if close else "; see: slaforge rules list"
        raise InputError(f"unknown rule code {code!r}{hint}")
    click.echo(rule_doc(rule), nl=False)


@rules.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False, exists=True))
def check(folder: Path) -> None:
    """Validate the rule files in FOLDER and run their examples; exit 1 on any problem."""
    from slaforge.lint.rules import NO_RULE_FILES, RuleError, check_rule_dir, load_rules

    try:
        problems = check_rule_dir(folder)
    except RuleError as exc:
        problems = exc.problems
    if problems:
        for line in problems:
            click.echo(line)
        click.echo(f"{len(problems)} problem" + ("" if len(problems) == 1 else "s"), err=True)
        click.get_current_context().exit(1)
    root = folder.resolve()
    count = sum(1 for rule in load_rules([folder]) if rule.source.resolve().is_relative_to(root))
    if not count:
        raise InputError(NO_RULE_FILES, Location(file=folder))
    click.echo(f"{count} rule{'' if count == 1 else 's'} OK")


COMMANDS: list[click.Command] = [rules]
