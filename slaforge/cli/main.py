"""The ``slaforge`` command group and its error handling."""

from __future__ import annotations

import importlib
import sys
import traceback
from typing import Any

import click

from slaforge import __version__
from slaforge.errors import SlaforgeError

_MODULES = {
    "init": "build",
    "validate": "build",
    "build": "build",
    "clauses": "build",
    "bulk": "bulk",
    "lint": "lint",
    "rules": "rules_cmd",
}
"""Command -> the module of ``slaforge.cli`` that defines it, imported when the command runs
(``slaforge lint`` does not load the drafting and bulk code)."""


class SlaforgeGroup(click.Group):
    """A group that turns :class:`SlaforgeError`, and an ``OSError`` no command turned into
    one, into one line and its exit code, and loads each command's module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = _MODULES.get(cmd_name)
        if module is None:
            return None
        commands: list[click.Command] = importlib.import_module(f"slaforge.cli.{module}").COMMANDS
        return next(c for c in commands if c.name == cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SlaforgeError as exc:
            if ctx.find_root().params.get("debug"):
                traceback.print_exc()
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except OSError as exc:  # the file system refused (a path through a file, no room)
            if ctx.find_root().params.get("debug"):
                traceback.print_exc()
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"error: {where}{exc.strerror or exc}", err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)


@click.group(cls=SlaforgeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="slaforge")
@click.option("--debug", is_flag=True, help="Show the full traceback of an error.")
def cli(debug: bool) -> None:
    """Draft, review and bulk-generate Service Level Agreements."""


def main() -> None:
    """Entry point of the ``slaforge`` console script."""
    cli(prog_name="slaforge")
