"""The Jinja environment clauses render in: sandboxed, strict about undefined values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from slaforge.spec.model import number_text

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "eleven", "twelve",
)  # fmt: skip


def long_date(value: dt.date) -> str:
    """``2027-01-01`` -> ``1 January 2027``."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def and_list(items: Iterable[Any], conjunction: str = "and") -> str:
    """``[a, b, c]`` -> ``a, b and c``."""
    words = [str(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def count(value: float, noun: str, plural: str | None = None) -> str:
    """``count(5, "day")`` -> ``five (5) days``; whole numbers up to twelve are spelt out."""
    word = plural or noun + "s"
    unit = noun if value == 1 else word
    if float(value).is_integer():
        whole = int(value)
        if 0 <= whole < len(_WORDS):
            return f"{_WORDS[whole]} ({whole}) {unit}"
        return f"{whole} {unit}"
    return f"{number_text(value)} {unit}"


def money(amount: float, currency: str) -> str:
    """``1250.5`` + ``EUR`` -> ``EUR 1,250.50``; a whole amount has no cents (``EUR 900``)."""
    shown = f"{amount:,.0f}" if amount == int(amount) else f"{amount:,.2f}"
    return f"{currency} {shown}"


def sorted_lines(text: str) -> list[str]:
    """The non-empty lines of ``text``, stripped and sorted (case-insensitively)."""
    lines = (line.strip() for line in str(text).splitlines())
    return sorted((line for line in lines if line), key=str.casefold)


def cell(value: Any) -> str:
    """Make ``value`` safe inside a pipe-table cell."""
    return str(value).replace("|", "/").replace("\n", " ")


def capfirst(value: Any) -> str:
    """Capitalise the first letter only (``Capitalize`` lower-cases the rest)."""
    text = str(value)
    return text[:1].upper() + text[1:]


class ClauseEnvironment(ImmutableSandboxedEnvironment):
    """The immutable sandbox, remembering its verdict per (type, attribute).

    Jinja's checks depend only on the object's type and the attribute name, and a clause
    reads the same few attributes thousands of times in a batch.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._verdicts: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = super().is_safe_attribute(obj, attr, value)
            self._verdicts[key] = verdict
        return verdict


def make_environment() -> ImmutableSandboxedEnvironment:
    """A sandboxed environment with StrictUndefined and slaforge's filters."""
    env = ClauseEnvironment(
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=False,
        lstrip_blocks=True,
    )
    env.filters.update(
        num=number_text,
        long_date=long_date,
        and_list=and_list,
        count=count,
        money=money,
        cell=cell,
        capfirst=capfirst,
        sorted_lines=sorted_lines,
    )
    return env
