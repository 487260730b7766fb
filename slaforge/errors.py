"""Errors a user can cause, carrying where they happened.

The CLI turns any :class:`SlaforgeError` into one line on stderr and an exit code;
everything else is a bug and shows a traceback only with ``--debug``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class Location:
    """A place in an input file: path, 1-based line and column, and a field path."""

    file: str | Path | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        parts: list[str] = []
        if self.file is not None:
            where = str(self.file)
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            parts.append(where)
        if self.field:
            parts.append(self.field)
        return ": ".join(parts)


class SlaforgeError(Exception):
    """Base class for errors caused by input; ``exit_code`` is what the CLI returns."""

    exit_code = 2

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location or Location()

    def __str__(self) -> str:
        where = str(self.location)
        return f"{where}: {self.message}" if where else self.message


class InputError(SlaforgeError):
    """A file that cannot be read or parsed (YAML, CSV, .docx, ...)."""


class SpecError(SlaforgeError):
    """An agreement spec that does not validate."""


class ClauseError(SlaforgeError):
    """A clause file or clause library that is malformed or fails to render."""


class TemplateError(SlaforgeError):
    """A Word template that cannot be used."""


class BuildFailure(SlaforgeError):
    """A build that ran but produced an unacceptable result."""

    exit_code = 1
