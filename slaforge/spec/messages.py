"""Turn pydantic validation errors into messages for the person who wrote the YAML.

pydantic speaks to programmers ("Input should be a valid string", "String should match
pattern '^([01]\\d|2[0-3]):…'"). A spec's author needs to hear what the field expects, what
they wrote, and how to fix it: ``write the time in quotes, "17:30"``, ``'25:00' is not a
time of day (HH:MM, 00:00 to 23:59, or 24:00)``. Every pattern a model uses is registered
here with :func:`pattern` so that no message ever shows a regular expression.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from slaforge.spec.annotations import unwrap

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class _Meaning:
    noun: str
    """What a value of the field is called: ``write the {noun} in quotes``."""
    description: str
    """What a value must be: ``'x' is not {description}``."""


_PATTERNS: dict[str, _Meaning] = {}


def pattern(regex: str, noun: str, description: str) -> str:
    """Register what ``regex`` means to a user and return it, for ``Field(pattern=...)``.

    ``noun`` names a value (``time``), ``description`` says what one looks like
    (``a time of day (HH:MM, ...)``)."""
    _PATTERNS[regex] = _Meaning(noun, description)
    return regex


@dataclass
class _Target:
    """Where an error points: the path in the YAML and what the model expects there."""

    path: Path_
    annotation: Any
    """The annotation at ``path`` (``None`` when the path leaves the model)."""
    parent: type[BaseModel] | None
    """The model whose field (or unknown key) is the last part of ``path``."""
    via_union: bool


def explain(
    errors: Sequence[Mapping[str, Any]], root: type[BaseModel], texts: Mapping[Path_, str]
) -> list[tuple[Path_, str]]:
    """One ``(path, message)`` per problem; the alternatives of a union become one problem.

    ``texts`` holds the source text of unquoted YAML scalars by path (see ``Positioned``)."""
    out: list[tuple[Path_, str]] = []
    unions: dict[Path_, list[tuple[Mapping[str, Any], _Target]]] = {}
    for err in errors:
        target = _resolve(root, tuple(err["loc"]))
        if target.via_union:
            if target.path not in unions:
                unions[target.path] = []
                out.append((target.path, ""))  # keeps the order; filled in below
            unions[target.path].append((err, target))
            continue
        out.append((target.path, _message(err, target, texts.get(target.path))))
    return [
        (path, message or _union_message(unions[path], texts.get(path))) for path, message in out
    ]


# --- the field an error is about ------------------------------------------------------------


def _resolve(root: type[BaseModel], loc: tuple[Any, ...]) -> _Target:
    annotation: Any = root
    path: list[str | int] = []
    parent: type[BaseModel] | None = None
    via_union = False
    for part in loc:
        base = unwrap(annotation)
        if isinstance(part, str) and part.startswith("function-"):
            continue  # a validator's own step, not a key
        if isinstance(part, int):
            path.append(part)
            annotation = typing.get_args(base)[0] if typing.get_origin(base) is list else None
            continue
        if isinstance(base, type) and issubclass(base, BaseModel):
            parent = base
            path.append(part)
            field = base.model_fields.get(part)
            annotation = (
                None
                if field is None
                else typing.Annotated[(field.annotation, *field.metadata)]
                if field.metadata
                else field.annotation
            )
            continue
        members = _union_members(base)
        if members:
            via_union = True
            annotation = _member(members, part)
            continue
        path.append(part)
        annotation = None
    return _Target(tuple(path), annotation, parent, via_union)


def _union_members(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [a for a in typing.get_args(annotation) if a is not type(None)]
    return []


def _member(members: list[Any], tag: str) -> Any:
    """The member of a union that pydantic's loc tag (``constrained-str``, ``literal['x']``)
    names."""
    for member in members:
        base = unwrap(member)
        if tag.startswith("literal[") and typing.get_origin(base) is typing.Literal:
            return member
        if tag in ("str", "constrained-str") and base is str:
            return member
        if isinstance(base, type) and base.__name__ == tag:
            return member
    return None


def _pattern_of(annotation: Any) -> str | None:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation, *extras = typing.get_args(annotation)
        for extra in extras:
            for item in [extra, *getattr(extra, "metadata", [])]:
                found = getattr(item, "pattern", None)
                if isinstance(found, str):
                    return found
    return None


def _meaning(annotation: Any) -> _Meaning | None:
    regex = _pattern_of(annotation)
    return _PATTERNS.get(regex) if regex else None


# --- messages -------------------------------------------------------------------------------


def _message(err: Mapping[str, Any], target: _Target, text: str | None) -> str:
    kind = str(err["type"])
    value = err.get("input")
    ctx: Mapping[str, Any] = err.get("ctx") or {}
    shown = _shown(value, text)
    if kind == "missing":
        return "field required"
    if kind == "extra_forbidden":
        known = list(target.parent.model_fields) if target.parent else []
        key = str(target.path[-1]) if target.path else ""
        close = difflib.get_close_matches(key, known, n=1)
        return "unknown field" + (f"; did you mean {close[0]!r}?" if close else "")
    if kind == "string_type":
        return _not_text(value, text, _meaning(target.annotation))
    if kind == "string_too_short":
        size = int(ctx.get("min_length", 1))
        return "must not be empty" if size <= 1 else f"needs at least {size} characters"
    if kind == "string_pattern_mismatch":
        meaning = _PATTERNS.get(str(ctx.get("pattern")))
        return f"{shown} is not {meaning.description if meaning else 'in the expected form'}"
    if kind in ("literal_error", "enum"):
        return _not_one_of(value, shown, str(ctx.get("expected", "")))
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _empty("a whole number") if value is None else f"{shown} is not a whole number"
    if kind in ("float_parsing", "float_type", "finite_number"):
        return _empty("a number") if value is None else f"{shown} is not a number"
    if kind in ("bool_parsing", "bool_type"):
        return _empty("true or false") if value is None else f"{shown} is not true or false"
    if kind in _BOUNDS:
        words, key = _BOUNDS[kind]
        return f"must be {words} {_number(ctx.get(key))}, not {shown}"
    if kind in ("too_short", "too_long"):
        size = int(ctx.get("min_length" if kind == "too_short" else "max_length", 1))
        more = "at least" if kind == "too_short" else "at most"
        return f"needs {more} {size} item" + ("" if size == 1 else "s")
    if kind == "list_type":
        return _not_list(value, shown)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return _not_mapping(value, shown)
    if kind.startswith(("date_", "datetime_")):
        return _not_date(kind, value, text)
    message = str(err["msg"])
    return message.removeprefix("Value error, ")


_BOUNDS = {
    "greater_than": ("greater than", "gt"),
    "greater_than_equal": ("at least", "ge"),
    "less_than": ("less than", "lt"),
    "less_than_equal": ("at most", "le"),
}


def _shown(value: Any, text: str | None) -> str:
    """A value as the user wrote it: the source text of an unquoted scalar if known."""
    if text is not None:
        return text if text else "nothing"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return str(value)


def _number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return str(value)


def _empty(expected: str) -> str:
    return f"no value given: expected {expected}"


def _what_yaml_read(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {_number(value)}"
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    return "something other than text"


_WITH_SECONDS = re.compile(r"\d{1,2}:\d{2}:\d{2}")


def _not_text(value: Any, text: str | None, meaning: _Meaning | None) -> str:
    """A string field given a number, true/false, a date, nothing, a list or a mapping."""
    if value is None:
        return _empty(meaning.description if meaning else "text")
    if isinstance(value, list | dict):
        kind = "a list" if isinstance(value, list) else "a mapping (name: value lines)"
        return f"expected {meaning.description if meaning else 'text'}, not {kind}"
    written = text if text is not None else _shown(value, None)
    noun = meaning.noun if meaning else "text"
    if noun == "time" and _WITH_SECONDS.fullmatch(written):
        written = written.rsplit(":", 1)[0]  # 18:00:00 -> "18:00": times have no seconds
    message = f'write the {noun} in quotes, "{written}"'
    if text is not None and text != _shown(value, None):
        # 9:00 -> 540, 2.10 -> 2.1, yes -> true: say why the quotes matter
        message += f" (without quotes, YAML reads {text} as {_what_yaml_read(value)})"
    return message


_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'")


def _not_one_of(value: Any, shown: str, expected: str) -> str:
    choices = _QUOTED.findall(expected)
    if value is None:
        return _empty(f"one of {expected}")
    message = f"{shown} is not one of {expected}" if expected else f"{shown} is not allowed"
    if isinstance(value, str) and choices:
        close = difflib.get_close_matches(value, choices, n=1)
        if close:
            message += f"; did you mean {close[0]!r}?"
    return message


def _not_list(value: Any, shown: str) -> str:
    if value is None:
        return _empty("a list (one '- ' item per line)")
    return f"expected a list (one '- ' item per line), not {shown}"


def _not_mapping(value: Any, shown: str) -> str:
    if value is None:
        return _empty("its fields (name: value), indented below it")
    return f"expected fields (name: value), indented below it, not {shown}"


_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def _not_date(kind: str, value: Any, text: str | None) -> str:
    """A date field: an impossible date, a date with a time, or no date at all."""
    if value is None:
        return _empty("a date (YYYY-MM-DD)")
    shown = _shown(value, text)
    if kind == "date_from_datetime_inexact" and isinstance(value, str | dt.datetime):
        return f"{shown} has a time of day; write the date only, as YYYY-MM-DD"
    if isinstance(value, str):
        found = _ISO_DATE.match(value)
        if found:
            year, month, day = (int(g) for g in found.groups())
            if not 1 <= month <= 12:
                return f"{shown} is not a date: there is no month {month}"
            days = calendar.monthrange(year, month)[1]
            if not 1 <= day <= days:
                name = calendar.month_name[month]
                return f"{shown} is not a date: {name} {year} has {days} days"
    return f"{shown} is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01"


def _union_message(items: list[tuple[Mapping[str, Any], _Target]], text: str | None) -> str:
    """One message for a value that fits none of a union's alternatives."""
    value = items[0][0].get("input")
    options: list[str] = []
    for err, target in items:
        member = unwrap(target.annotation)
        if typing.get_origin(member) is typing.Literal:
            options.extend(repr(a) for a in typing.get_args(member))
            continue
        meaning = _meaning(target.annotation)
        if meaning:
            options.append(meaning.description)
        elif member is str:
            options.append("text")
        else:
            options.append(str(err.get("msg", "")).removeprefix("Input should be "))
    if value is None:
        return _empty(" or ".join(options))
    listed = " nor ".join(options) if len(options) == 2 else " or ".join(options)
    return f"{_shown(value, text)} is {'neither ' if len(options) == 2 else 'not '}{listed}"
