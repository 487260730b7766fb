"""Read a spec file into a validated :class:`Agreement`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from slaforge.errors import InputError, Location, SpecError
from slaforge.fileio import decode_utf8
from slaforge.residue import find_residue
from slaforge.spec.checks import check
from slaforge.spec.messages import explain
from slaforge.spec.model import Agreement
from slaforge.spec.yamlpos import Path_, Positioned, format_path, load_yaml


class SpecErrors(SpecError):
    """All problems found in one spec; ``str()`` is the first, ``problems`` holds all."""

    def __init__(self, problems: list[SpecError]) -> None:
        first = problems[0]
        super().__init__(first.message, first.location)
        self.problems = problems

    def __str__(self) -> str:
        text = str(self.problems[0])
        extra = len(self.problems) - 1
        return f"{text} (and {extra} more)" if extra else text


def read_text(path: Path) -> str:
    """Read a UTF-8 text file; unreadable or empty files become :class:`InputError`."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError("file not found", Location(path)) from exc
    except IsADirectoryError as exc:
        raise InputError("is a directory, expected a file", Location(path)) from exc
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", Location(path)) from exc
    text = decode_utf8(raw, path)
    if not text.strip():
        raise InputError("file is empty", Location(path))
    return text


def load_spec(path: Path) -> Agreement:
    """Load, validate and check the spec at ``path``."""
    return load_spec_text(read_text(path), str(path))


def load_spec_text(text: str, source: str) -> Agreement:
    """Validate spec ``text``; ``source`` names it in errors."""
    return validate_data(load_yaml(text, source), source)


def validate_data(doc: Positioned, source: str) -> Agreement:
    """Validate already-parsed YAML ``doc`` (values with their line numbers)."""
    if not isinstance(doc.data, dict):
        raise SpecError(
            "a spec is a YAML mapping (key: value) at the top level", Location(source, 1)
        )
    try:
        agreement = Agreement.model_validate(doc.data)
    except ValidationError as exc:
        raise SpecErrors(
            [
                SpecError(message, Location(source, doc.line_of(path), field=format_path(path)))
                for path, message in explain(exc.errors(), Agreement, doc.texts)
            ]
        ) from exc
    problems = [*placeholders(doc.data), *check(agreement)]
    if problems:
        raise SpecErrors(
            [
                SpecError(message, Location(source, doc.line_of(path), field=format_path(path)))
                for path, message in problems
            ]
        )
    return agreement


def placeholders(data: Any, path: Path_ = ()) -> list[tuple[Path_, str]]:
    """Text in the spec that would be template residue in the agreement (``TBD``, ``___``,
    ``[insert``): bad input, reported on its field, rather than a failed build."""
    if isinstance(data, str):
        found = find_residue(data)
        if found is None:
            return []
        shown = found.group(0)
        if shown.startswith("[") and not shown.endswith("]"):  # '[insert' -> '[insert name]'
            end = data.find("]", found.end(), found.end() + 60)
            shown = data[found.start() : end + 1] if end >= 0 else shown
        return [(path, f"holds the placeholder {shown!r}; write the actual text")]
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in placeholders(value, (*path, key))]
    if isinstance(data, list):
        return [p for i, value in enumerate(data) for p in placeholders(value, (*path, i))]
    return []
