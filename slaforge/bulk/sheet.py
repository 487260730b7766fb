"""The cells of an .xlsx customer file, numbers read through their number format."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from slaforge.errors import InputError, Location

_PADDED = re.compile(r"0{2,}")
_PERCENT = re.compile(r"[#,]*0*(\.[0#]+)?%")


def sheet_rows(path: Path) -> Iterator[list[Any]]:
    """The rows of the first sheet, each cell as :func:`cell_value` reads it."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise InputError(f"not a readable .xlsx workbook: {exc}", Location(path)) from exc
    try:
        for cells in book.worksheets[0].iter_rows():
            yield [cell_value(c.value, c.number_format) for c in cells]
    finally:
        book.close()


def cell_value(value: Any, number_format: str | None) -> Any:
    """A number in a cell as the text a spec field takes, as a CSV cell gives it.

    ``00000`` keeps a whole number's zeros (``00007``); a percentage format gives the
    percentage (0.9995 as ``0.00%`` reads ``99.95``); any other number reads with Excel's 15
    significant digits (1042.0 reads ``1042``, 99.949999999999989 ``99.95``). Text, dates and
    booleans are left as they are.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    shown = (number_format or "General").split(";")[0]
    if _PADDED.fullmatch(shown) and float(value).is_integer():
        sign = "-" if value < 0 else ""
        return sign + str(abs(int(value))).zfill(len(shown))
    if _PERCENT.fullmatch(shown):
        value *= 100
    if isinstance(value, int):
        return str(value)
    return f"{value:.15g}"
