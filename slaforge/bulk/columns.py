"""Map customer columns onto spec fields by dotted path, and apply a row to the base spec.

``customer.name`` is short for ``parties.customer.name`` (likewise ``provider.``);
``metrics.availability.target`` picks the metric with id ``availability``;
``credits.tiers.0.percent`` picks list item 0. A mapping file renames columns:
``columns: {"Customer Name": customer.name}``.
"""

from __future__ import annotations

import copy
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from slaforge.errors import InputError, Location
from slaforge.spec.annotations import unwrap
from slaforge.spec.load import read_text
from slaforge.spec.model import Agreement
from slaforge.spec.yamlpos import load_yaml

ALIASES = {"customer": ("parties", "customer"), "provider": ("parties", "provider")}

Key = str | int


@dataclass(frozen=True)
class Column:
    """A column of the customer file and the spec path it sets."""

    name: str
    path: tuple[Key, ...]

    @property
    def dotted(self) -> str:
        return ".".join(str(p) for p in self.path)


def read_mapping(path: Path) -> dict[str, str]:
    """Read a mapping file: ``columns: {column name: dotted.spec.path}``."""
    doc = load_yaml(read_text(path), str(path))
    data = doc.data
    columns = data.get("columns") if isinstance(data, dict) else None
    if not isinstance(columns, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in columns.items()
    ):
        raise InputError(
            "a mapping file holds 'columns:' with 'column name: spec.path' pairs",
            Location(path, 1, field="columns"),
        )
    return dict(columns)


def resolve_columns(
    names: list[str], base: Mapping[str, Any], mapping: Mapping[str, str], source: Path
) -> list[Column]:
    """Check every column names a real spec field; unknown columns are bad input."""
    columns = []
    for name in names:
        dotted = mapping.get(name, name)
        path = _parse(dotted, name, source)
        _check(path, base, name, source)
        columns.append(Column(name, path))
    return columns


def _parse(dotted: str, column: str, source: Path) -> tuple[Key, ...]:
    parts = [p.strip() for p in dotted.split(".")]
    if not dotted.strip() or any(not p for p in parts):
        raise InputError(
            f"column {column!r}: {dotted!r} is not a dotted spec path", Location(source, 1)
        )
    head = ALIASES.get(parts[0], (parts[0],))
    return (*head, *(int(p) if p.isdigit() else p for p in parts[1:]))


def _check(path: tuple[Key, ...], base: Mapping[str, Any], column: str, source: Path) -> None:
    model: Any = Agreement
    value: Any = base
    for depth, key in enumerate(path):
        where = ".".join(str(p) for p in path[: depth + 1])
        origin = typing.get_origin(model)
        if origin is list:
            (model,) = typing.get_args(model)
            if isinstance(key, int):
                if not isinstance(value, list) or key >= len(value) + 1:
                    raise _unknown(column, f"{where}: no item {key} in the base spec", source)
                value = value[key] if key < len(value) else {}
                continue
            items = value if isinstance(value, list) else []
            match = [item for item in items if isinstance(item, dict) and item.get("id") == key]
            if not match:
                raise _unknown(column, f"{where}: no item with id {key!r} in the base spec", source)
            value = match[0]
            continue
        model = unwrap(model)
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            raise _unknown(column, f"{where}: {path[depth - 1]!r} has no fields", source)
        if not isinstance(key, str) or key not in model.model_fields:
            raise _unknown(column, f"unknown spec field {where!r}", source)
        model = model.model_fields[key].annotation
        value = value.get(key) if isinstance(value, dict) else None


def _unknown(column: str, reason: str, source: Path) -> InputError:
    return InputError(f"column {column!r}: {reason}", Location(source, 1))


def apply_row(
    base: Mapping[str, Any], columns: list[Column], cells: Mapping[str, Any]
) -> dict[str, Any]:
    """``base`` with each non-empty cell written at its column's path.

    Only the top-level sections a row writes to are copied; the rest are shared with
    ``base``, which is never modified.
    """
    data: dict[str, Any] = dict(base)
    copied: set[Key] = set()
    for column in columns:
        value = cells.get(column.name)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        head = column.path[0]
        if head not in copied and head in data:
            data[str(head)] = copy.deepcopy(data[str(head)])
            copied.add(head)
        _set(data, column.path, value)
    return data


def _set(data: Any, path: tuple[Key, ...], value: Any) -> None:
    target = data
    for depth, key in enumerate(path[:-1]):
        following = path[depth + 1]
        target = _child(target, key, following)
    last = path[-1]
    if isinstance(target, list) and isinstance(last, int):
        while len(target) <= last:
            target.append({})
        target[last] = _convert(target[last], value)
    else:
        target[last] = _convert(target.get(last), value)


def _child(target: Any, key: Key, following: Key) -> Any:
    if isinstance(target, list):
        if isinstance(key, int):
            while len(target) <= key:
                target.append({})
            return target[key]
        for item in target:
            if isinstance(item, dict) and item.get("id") == key:
                return item
        raise KeyError(key)
    if key not in target or target[key] is None:
        target[key] = [] if isinstance(following, int) else {}
    return target[key]


def _convert(old: Any, value: Any) -> Any:
    """Cells are text; a cell for a list field holds items separated by ';'."""
    if isinstance(value, str):
        text = value.strip()
        if isinstance(old, list):
            return [item.strip() for item in text.split(";") if item.strip()]
        return text
    return value
