"""The ``slaforge`` command group and its error handling."""

from __future__ import annotations

import sys
import traceback
from typing import Any

import click

from slaforge import __version__
from slaforge.errors import SlaforgeError


class SlaforgeGroup(click.Group):
    """A group that turns :class:`SlaforgeError` into one line and its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SlaforgeError as exc:
            if ctx.find_root().params.get("debug"):
                traceback.print_exc()
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)


@click.group(cls=SlaforgeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="slaforge")
@click.option("--debug", is_flag=True, help="Show the full traceback of an error.")
def cli(debug: bool) -> None:
    """Draft, review and bulk-generate Service Level Agreements."""


def _register() -> None:
    from slaforge.cli import build, bulk, lint, rules_cmd

    for command in build.COMMANDS + bulk.COMMANDS + lint.COMMANDS + rules_cmd.COMMANDS:
        cli.add_command(command)


_register()


def main() -> None:
    """Entry point of the ``slaforge`` console script."""
    cli(prog_name="slaforge")
