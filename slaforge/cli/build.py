"""Drafting commands: init, validate, build, clauses."""

import click

COMMANDS: list[click.Command] = []
