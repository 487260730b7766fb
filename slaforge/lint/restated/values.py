"""Values and their units: number words and ordinals, minutes per unit, ``QTY`` (a percentage or a
duration: "99.9%", "4 hours", "two working days", "next business day") and its common and rare
halves, ``Value`` (one match) and ``values_in`` (every value of a block), ``parse_number``,
``canonical_unit`` and ``plain_value``, the cheap cues that a block holds a value (``UNIT_HINTS``,
``DIGIT_UNIT``, ordinals), and the patterns of a credit rate per unit of time (``NUM``, ``PCT``,
``UNIT_RATE``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from slaforge.lint.restated.regex import ascii_regex, factor, has_any

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
    "eighteen": 18, "twenty": 20, "twenty-four": 24, "thirty": 30, "thirty-six": 36,
    "forty": 40, "forty-five": 45, "forty-eight": 48, "sixty": 60, "seventy-two": 72,
    "ninety": 90, "a": 1, "an": 1,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15,
    "twentieth": 20,
}  # fmt: skip
MINUTES = {
    "ms": 1 / 60000, "millisecond": 1 / 60000, "s": 1 / 60, "sec": 1 / 60, "second": 1 / 60,
    "min": 1, "minute": 1, "h": 60, "hr": 60, "hour": 60, "day": 1440, "week": 10080,
    "month": 43200, "year": 525600,
}  # fmt: skip


_WORDS = factor(sorted((w for w in NUMBER_WORDS if len(w) > 2), key=len, reverse=True))
QTY = re.compile(
    r"(?<![\w.,])(?:(?P<num>\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:\.\d+|,\d{1,2}(?!\d))?|"
    + _WORDS
    + r"|(?<=\bwithin )an?(?=\s))(?:\s*\(\s*\d+(?:\.\d+)?\s*\))?(?:\s*-\s*|\s*)"
    r"(?:(?P<pct>%|percent\b|per cent\b)|(?P<clock>business |working |"
    r"banking |calendar |clock )?(?P<unit>milliseconds?|ms|seconds?|secs?|s|minutes?|mins?"
    r"|hours?|hrs?|h|days?|weeks?|months?|years?)\b)"
    r"|(?P<nbd>next[- ](?:business|working)[- ]day\b|nbd\b|(?<![\w+])d ?\+ ?[1-9]\b(?![.,]\d))"
    r"|(?P<every>(?<=\bevery )(?:hour|day|week)\b|hourly\b))",
)
"""A percentage or a duration ("99.9%", "4 hours", "two working days", "within an hour",
"next business day")."""
_TAIL = QTY.pattern[QTY.pattern.index(r"(?:\s*\(") : QTY.pattern.index(r"|(?P<nbd>")]
_QTY_MAIN = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:\.\d+|,\d{1,2}(?!\d))?|"
    + _WORDS
    + ")"
    + _TAIL
)
"""``QTY`` without its rare forms: a fifth faster over a whole document."""
_QTY_MAIN_ASCII = ascii_regex(_QTY_MAIN)
_QTY_RARE = re.compile(
    r"(?<![\w.,])(?:(?P<num>(?<=\bwithin )an?(?=\s))" + _TAIL + r"|(?P<nbd>next[- ](?:business"
    r"|working)[- ]day\b|nbd\b|(?<![\w+])d ?\+ ?[1-9]\b(?![.,]\d))"
    r"|(?P<every>(?<=\bevery )(?:hour|day|week)\b|hourly\b))"
)
_QTY_RARE_ASCII = ascii_regex(_QTY_RARE)
_RARE_HINTS = ("within a", "next ", "nbd", "every ", "hourly", "d+", "d +")
PERCENT = ("%", "percent", "per cent")
"""Substrings one of which every percentage (a ``pct`` group of ``QTY``) has."""


@dataclass(slots=True)
class Value:
    """A match of ``QTY``: where it is and its parts."""

    start: int
    end: int
    num: str | None
    pct: str | None
    unit: str | None
    clock: str | None
    nbd: str | None = None
    every: str | None = None


def values_in(low: str, plain: bool) -> list[Value]:
    """Every value of a lower-case block (``plain`` when ``is_plain``), in order."""
    found = [
        Value(m.start(), m.end(), *m.group("num", "pct", "unit", "clock"))
        for m in (_QTY_MAIN_ASCII if plain else _QTY_MAIN).finditer(low)
    ]
    if has_any(low, _RARE_HINTS):
        for m in (_QTY_RARE_ASCII if plain else _QTY_RARE).finditer(low):
            start = m.start() - (
                6 if m.group("every") and low[: m.start()].endswith("every ") else 0
            )
            found.append(
                Value(start, m.end(), *m.group("num", "pct", "unit", "clock", "nbd", "every"))
            )
        found.sort(key=lambda v: v.start)
    return found


def parse_number(text: str) -> float:
    word = NUMBER_WORDS.get(text.lower())
    if word is not None:
        return float(word)
    if len(text) > 4 and text[-4] == ",":  # "1,000": thousands (a decimal comma has 1-2 digits)
        return float(text.replace(",", ""))
    return float(text.replace(",", "."))


def canonical_unit(unit: str) -> str:
    unit = unit.lower()
    if unit == "ms":
        return unit
    unit = unit.rstrip("s") or "s"
    return {"sec": "s", "hr": "h", "mins": "min"}.get(unit, unit)


def plain_value(v: Value) -> tuple[float, ...] | None:
    """A value as a statement would hold it (a share, or minutes), if plain."""
    if v.pct is not None:
        return (parse_number(v.num or "0"),)
    if v.unit and not v.every:
        minutes = parse_number(v.num or "1") * MINUTES.get(canonical_unit(v.unit), 0)
        return (minutes,) if minutes else None
    return None


DIGIT = re.compile(r"\d")
DIGIT_ASCII = ascii_regex(DIGIT)
UNIT_HINTS = ("%", "hour", "day", "min", "sec", "week", "month", "percent", "per cent", "ms",
               "hr", "nbd", "year", "d+", "d +")  # fmt: skip
"""Substrings one of which every value has (its unit; "next business day" has "day"); "30s"
and "4h" are found by ``DIGIT_UNIT``."""
DIGIT_UNIT = re.compile(r"\d\s*[hs]\b")
DIGIT_UNIT_ASCII = ascii_regex(DIGIT_UNIT)

ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b|\b(?:" + "|".join(ORDINALS) + r")\b")
ORDINAL_NUMBER = re.compile(r"\d(?:st|nd|rd|th)\b")
"""``ORDINAL``'s figures ("5th"): a search that skips to digits; its words are looked for
only in text that has one of them (``ORDINAL_NAMES``)."""
ORDINAL_NUMBER_ASCII = ascii_regex(ORDINAL_NUMBER)
ORDINAL_NAMES = tuple(ORDINALS)


NUM = r"\d+(?:\.\d+)?"
PCT = r"\s*(?:%|percent\b|per cent\b)"


UNIT_RATE = re.compile(
    r"\b(?:for\s+)?(?:each|every|per)\s+(?:full\s+|complete\s+|whole\s+|additional\s+)?"
    r"(?:(?:\w+\s+){0,2}(?:of\s+)?)?(?P<u>hour|day|minute)s?\b[^.;%]{0,120}?"
    rf"(?P<rate>{NUM}){PCT}\s+of\b"
    rf"|(?P<rate2>{NUM}){PCT}\s+of\s+[^.;%]{{0,60}}?\b(?:for|per)\s+(?:each|every)?"
    r"\s*(?:full\s+|complete\s+|whole\s+|additional\s+)?(?P<u2>hour|day|minute)s?\b"
)
"""A credit at a rate per unit of time ("each full hour of outage attracts a credit of 5% of
the rental", "5% of the monthly fee for each full day")."""
