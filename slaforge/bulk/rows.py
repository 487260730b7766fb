"""Read customer rows from CSV, XLSX, JSON or YAML, one at a time where the format allows."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slaforge.errors import InputError, Location
from slaforge.spec.load import read_text
from slaforge.spec.yamlpos import load_yaml

FORMATS = (".csv", ".xlsx", ".json", ".yaml", ".yml")


@dataclass(frozen=True)
class Row:
    """One customer: its row number as the user sees it, and its cells by column name."""

    number: int
    cells: dict[str, Any]


class RowSource:
    """The columns and rows of a customer file; rows stream for CSV and XLSX."""

    def __init__(self, path: Path) -> None:
        self.path = path
        suffix = path.suffix.lower()
        if suffix not in FORMATS:
            raise InputError(
                f"unsupported customer file type {suffix or '(none)'!r}; use {', '.join(FORMATS)}",
                Location(path),
            )
        if not path.is_file():
            raise InputError("file not found", Location(path))
        if path.stat().st_size == 0:
            raise InputError("file is empty", Location(path))
        self.suffix = suffix
        self._records: list[Row] | None = None
        self.columns = self._columns()

    def _columns(self) -> list[str]:
        if self.suffix == ".csv":
            with self._open_csv() as handle:
                header = next(csv.reader(handle), None)
            if not header or not any(h.strip() for h in header):
                raise InputError("the first line must name the columns", Location(self.path, 1))
            return [h.strip() for h in header]
        if self.suffix == ".xlsx":
            sheet_rows = self._xlsx_rows()
            first = next(sheet_rows, None)
            if first is None:
                raise InputError("the first row must name the columns", Location(self.path, 1))
            return [str(h).strip() for h in first if h is not None]
        self._records = self._load_records()
        columns: dict[str, None] = {}
        for row in self._records:
            columns.update(dict.fromkeys(row.cells))
        return list(columns)

    def _open_csv(self) -> Any:
        try:
            return self.path.open(encoding="utf-8-sig", newline="")
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", Location(self.path)) from exc

    def _xlsx_rows(self) -> Iterator[tuple[Any, ...]]:
        from openpyxl import load_workbook

        try:
            book = load_workbook(self.path, read_only=True, data_only=True)
        except Exception as exc:
            raise InputError(f"not a readable .xlsx workbook: {exc}", Location(self.path)) from exc
        sheet = book.worksheets[0]
        try:
            yield from sheet.iter_rows(values_only=True)
        finally:
            book.close()

    def _load_records(self) -> list[Row]:
        text = read_text(self.path)
        if self.suffix == ".json":
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"JSON syntax error: {exc.msg}", Location(self.path, exc.lineno, exc.colno)
                ) from exc
            lines: dict[int, int] = {}
        else:
            doc = load_yaml(text, str(self.path))
            data = doc.data
            lines = {i: doc.lines.get((i,), 0) for i in range(len(data or []))}
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise InputError("expected a list of customer records (objects)", Location(self.path))
        return [
            Row(lines.get(i) or i + 1, {str(k): v for k, v in item.items()})
            for i, item in enumerate(data)
        ]

    def __iter__(self) -> Iterator[Row]:
        if self._records is not None:
            yield from self._records
        elif self.suffix == ".csv":
            with self._open_csv() as handle:
                reader = csv.reader(handle)
                next(reader, None)
                for values in reader:
                    if not any(v.strip() for v in values):
                        continue
                    yield Row(reader.line_num, self._cells(values, reader.line_num))
        else:
            sheet_rows = self._xlsx_rows()
            next(sheet_rows, None)
            for number, cells in enumerate(sheet_rows, start=2):
                if all(v is None or str(v).strip() == "" for v in cells):
                    continue
                yield Row(number, self._cells(list(cells), number))

    def _cells(self, values: list[Any], number: int) -> dict[str, Any]:
        if len(values) > len(self.columns) and any(
            v not in (None, "") for v in values[len(self.columns) :]
        ):
            raise InputError(
                f"row {number} has {len(values)} cells; the header names {len(self.columns)}",
                Location(self.path, number),
            )
        return dict(zip(self.columns, values, strict=False))

    def count(self) -> int:
        """How many rows there are (a quick pass for CSV; used for progress)."""
        if self._records is not None:
            return len(self._records)
        return sum(1 for _ in self)
