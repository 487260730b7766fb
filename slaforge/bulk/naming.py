"""Output file names from a pattern such as ``{customer.id}-{customer.name|slug}.docx``."""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from slaforge.bulk.columns import ALIASES, Column
from slaforge.errors import InputError
from slaforge.spec.annotations import unwrap
from slaforge.spec.model import Agreement, slug

_FIELD = re.compile(r"\{([^{}|]+)(?:\|([a-z]+))?\}")
_FILTERS: dict[str, Callable[[str], str]] = {"slug": slug, "lower": str.lower, "upper": str.upper}
_UNSAFE = re.compile(r"[\\/:*?\"<>|\x00-\x1f]")

DEFAULT_PATTERN = "{customer.id}-{customer.name|slug}.docx"
MAX_NAME_BYTES = 240
"""File systems take 255 bytes; the temporary name an output is written under is 15 longer."""


def check_pattern(pattern: str) -> None:
    """Reject unknown filters and patterns that could leave the output folder."""
    for match in _FIELD.finditer(pattern):
        name = match.group(2)
        if name and name not in _FILTERS:
            raise InputError(f"--name: unknown filter {name!r} (known: {', '.join(_FILTERS)})")
    if not pattern.endswith(".docx"):
        raise InputError("--name: the pattern must end with .docx")
    if "/" in _FIELD.sub("", pattern) or "\\" in pattern or ".." in pattern:
        raise InputError("--name: the pattern must name a file, not a path")


def check_fields(
    pattern: str, base: Mapping[str, Any], columns: list[Column], customers: Path
) -> None:
    """Reject a field no row can fill: not a spec field, or set by neither base nor column."""
    for match in _FIELD.finditer(pattern):
        field = match.group(1).strip()
        parts = field.split(".")
        path = (*ALIASES.get(parts[0], (parts[0],)), *parts[1:])
        shown = len(path) - len(parts)  # the alias's extra keys, not in the user's spelling
        model: Any = Agreement
        for depth, key in enumerate(path):
            if not (isinstance(model, type) and issubclass(model, BaseModel)):
                where = ".".join(parts[: max(depth - shown, 0)])
                what = (
                    "a list; --name takes single values such as {customer.id}"
                    if typing.get_origin(model) is list
                    else "a value, not a section"
                )
                raise InputError(f"--name: {{{field}}}: {where!r} is {what}")
            if key not in model.model_fields:
                known = list(model.model_fields) + (list(ALIASES) if depth == 0 else [])
                close = difflib.get_close_matches(key, known, n=1)
                at = max(depth - shown, 0)
                owner = ".".join(parts[:at])
                hint = (
                    f"; {owner} has {', '.join(known)}"
                    if owner
                    else "; fields are dotted spec paths such as {customer.id}"
                )
                if close:
                    guess = ".".join([*parts[:at], close[0], *parts[at + 1 :]])
                    hint = f"; did you mean {{{guess}}}?"
                raise InputError(f"--name: {{{field}}} names no spec field{hint}")
            model = unwrap(model.model_fields[key].annotation)
        if typing.get_origin(model) is list or (
            isinstance(model, type) and issubclass(model, BaseModel)
        ):
            raise InputError(f"--name: {{{field}}} is a section or a list, not one value")
        if field_value(base, path) is None and not any(c.path == path for c in columns):
            raise InputError(
                f"--name: {{{field}}} is set neither by the base spec nor by a column of "
                f"{customers.name}"
            )


def field_value(data: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    """The value at ``path`` in spec ``data``, or the model's default where a section that is
    there leaves the field out: ``agreement.version`` is "1.0" when the spec gives none."""
    value: Any = data
    for depth, key in enumerate(path):
        if isinstance(value, Mapping) and value.get(key) is not None:
            value = value[key]
        elif isinstance(value, Mapping):
            value = _default(path[: depth + 1])
        elif isinstance(value, BaseModel):  # a default section, such as renewal: Renewal()
            value = getattr(value, key, None)
        else:
            return None
    return value


def _default(path: tuple[str, ...]) -> Any:
    """The default of the spec field at ``path``; None for a required field or no field."""
    model: Any = Agreement
    for key in path[:-1]:
        model = unwrap(model.model_fields[key].annotation)
    field = model.model_fields.get(path[-1])
    if field is None or field.is_required():
        return None
    return field.get_default(call_default_factory=True)


def render_name(pattern: str, data: Mapping[str, Any]) -> str:
    """Fill ``pattern`` from spec ``data``; a missing value, a field that comes out empty or a
    name too long for a file system is an error for that row."""

    def fill(match: re.Match[str]) -> str:
        path = match.group(1).strip().split(".")
        value = field_value(data, (*ALIASES.get(path[0], (path[0],)), *path[1:]))
        if value is None:
            raise ValueError(f"--name needs {match.group(1)!r}, which this row does not set")
        text = str(value)
        name = match.group(2)
        if name:
            text = _FILTERS[name](text)
        if not text.strip():
            raise ValueError(f"--name: {match.group(0)} is empty for {str(value)!r}")
        return _UNSAFE.sub("_", text)

    name = _FIELD.sub(fill, pattern)
    size = len(name.encode("utf-8"))
    if size > MAX_NAME_BYTES:
        raise ValueError(
            f"--name gives a file name of {size} bytes, and {MAX_NAME_BYTES} fit (file systems "
            "take 255); name files by shorter fields, such as {customer.id}.docx"
        )
    return name
