"""Output file names from a pattern such as ``{customer.id}-{customer.name|slug}.docx``."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from slaforge.bulk.columns import ALIASES
from slaforge.errors import InputError
from slaforge.spec.model import slug

_FIELD = re.compile(r"\{([^{}|]+)(?:\|([a-z]+))?\}")
_FILTERS: dict[str, Callable[[str], str]] = {"slug": slug, "lower": str.lower, "upper": str.upper}
_UNSAFE = re.compile(r"[\\/:*?\"<>|\x00-\x1f]")

DEFAULT_PATTERN = "{customer.id}-{customer.name|slug}.docx"


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


def render_name(pattern: str, data: Mapping[str, Any]) -> str:
    """Fill ``pattern`` from spec ``data``; a missing value is an error for that row."""

    def fill(match: re.Match[str]) -> str:
        path = match.group(1).strip().split(".")
        head = ALIASES.get(path[0], (path[0],))
        value: Any = data
        for key in (*head, *path[1:]):
            if isinstance(value, Mapping) and value.get(key) is not None:
                value = value[key]
            else:
                raise ValueError(f"--name needs {match.group(1)!r}, which this row does not set")
        text = str(value)
        name = match.group(2)
        if name:
            text = _FILTERS[name](text)
        return _UNSAFE.sub("_", text)

    return _FIELD.sub(fill, pattern)
