"""Read customer rows from CSV, XLSX, JSON or YAML, one at a time where the format allows."""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slaforge.bulk.sheet import sheet_rows
from slaforge.errors import InputError, Location
from slaforge.fileio import undecodable
from slaforge.spec.yamlpos import load_yaml

FORMATS = (".csv", ".xlsx", ".json", ".yaml", ".yml")

_NEEDS_BOM = {
    "utf-16": (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE),
    "utf-32": (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE),
}
"""The encodings that tell byte order by a byte order mark, and the marks they take."""


def resolve_encoding(name: str | None) -> str:
    """The codec for ``--encoding NAME``: UTF-8 (a BOM accepted) when not given."""
    if name is None:
        return "utf-8-sig"
    try:
        info = codecs.lookup(name)
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise InputError(f"--encoding: unknown text encoding {name!r} (e.g. utf-8, cp1252)")
    return "utf-8-sig" if info.name == "utf-8" else info.name


@dataclass(frozen=True)
class Row:
    """One customer: its row number as the user sees it, and its cells by column name."""

    number: int
    cells: dict[str, Any]
    error: str = ""
    """Why the row cannot be used as it is (a CSV row with too few or too many cells)."""


class RowSource:
    """The columns and rows of a customer file; rows stream for CSV and XLSX."""

    def __init__(self, path: Path, encoding: str | None = None) -> None:
        self.path = path
        suffix = path.suffix.lower()
        if path.is_dir():
            raise InputError(
                f"is a directory; give the customer file ({', '.join(FORMATS)})", Location(path)
            )
        if suffix not in FORMATS:
            raise InputError(
                f"unsupported customer file type {suffix or '(none)'!r}; use {', '.join(FORMATS)}",
                Location(path),
            )
        if not path.is_file():
            raise InputError("file not found", Location(path))
        if path.stat().st_size == 0:
            raise InputError("file is empty", Location(path))
        if encoding is not None and suffix == ".xlsx":
            raise InputError("--encoding is for text files (.csv, .json, .yaml), not .xlsx")
        self.suffix = suffix
        self.encoding = resolve_encoding(encoding)
        self._encoding_name = "utf-8" if self.encoding == "utf-8-sig" else str(encoding)
        self._explicit_encoding = encoding is not None
        self._records: list[Row] | None = None
        self.columns = self._columns()

    def _columns(self) -> list[str]:
        if self.suffix == ".csv":
            records = self._csv_records()
            header = next(records, (1, None))[1]
            records.close()
            if not header or not any(h.strip() for h in header):
                raise InputError("the first line must name the columns", Location(self.path, 1))
            self._check_nul(",".join(header))
            return self._named([h.strip() for h in header], "line")
        if self.suffix == ".xlsx":
            first = next(sheet_rows(self.path), None)
            if first is None:
                raise InputError("the first row must name the columns", Location(self.path, 1))
            return self._named(["" if h is None else str(h).strip() for h in first], "row")
        self._records = self._load_records()
        columns: dict[str, None] = {}
        for row in self._records:
            columns.update(dict.fromkeys(row.cells))
        return list(columns)

    def _named(self, header: list[str], line: str) -> list[str]:
        """The header's column names, less empty cells at its end; an empty cell before a named
        one would shift every later column, so it is bad input."""
        while header and not header[-1]:
            header.pop()
        if "" in header:
            number = header.index("") + 1
            raise InputError(
                f"column {number} has no name: name every column in the first {line}",
                Location(self.path, 1),
            )
        return header

    def _open_csv(self) -> Any:
        try:
            return self.path.open(encoding=self.encoding, newline="")
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", Location(self.path)) from exc

    def _csv_records(self) -> Generator[tuple[int, list[str]], None, None]:
        """Each CSV record with the line it ends on. A file the reader cannot split into cells
        is bad input, named by the line its broken record starts on."""
        with self._open_csv() as handle, self._decoding():
            reader = csv.reader(handle)
            while True:
                start = reader.line_num + 1
                try:
                    values = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    raise InputError(_csv_problem(exc), Location(self.path, start)) from exc
                yield reader.line_num, values

    @contextmanager
    def _decoding(self) -> Iterator[None]:
        """Turn a decoding error while reading into one line naming the line and the byte."""
        try:
            yield
        except UnicodeError as exc:  # UnicodeDecodeError, or a UTF-16/32 file with no BOM
            raise self._undecodable() from exc

    def _undecodable(self) -> InputError:
        """Find the first byte ``self.encoding`` cannot decode, reading in chunks."""
        if self.encoding in _NEEDS_BOM:
            with self.path.open("rb") as handle:
                if not handle.read(4).startswith(_NEEDS_BOM[self.encoding]):
                    return self._unreadable()
        decoder = codecs.getincrementaldecoder(self.encoding)()
        fed = 0
        found: tuple[int, bytes] | None = None
        with self.path.open("rb") as handle:
            while found is None:
                chunk = handle.read(1 << 16)
                fed += len(chunk)
                try:
                    decoder.decode(chunk, final=not chunk)
                except UnicodeDecodeError as exc:
                    # exc.object is the tail of what was fed: undecoded bytes, then the chunk
                    start = exc.object[exc.start : exc.start + 1]
                    found = (fed - len(exc.object) + exc.start, start)
                except UnicodeError as exc:  # no position given
                    return InputError(
                        f"cannot be decoded as {self._encoding_name}: {exc}", Location(self.path)
                    )
                if not chunk:
                    break
            if found is None:  # the file changed since it was read
                return InputError(
                    f"cannot be decoded as {self._encoding_name}", Location(self.path)
                )
            offset, bad = found
            handle.seek(0)
            # counted in text, not bytes: in UTF-16 a byte 0x0a is not always a line break
            before = handle.read(offset).decode(self.encoding, errors="replace")
        line = before.count("\n") + 1
        return InputError(
            undecodable(self._encoding_name, bad, offset, line, self._advice()),
            Location(self.path, line),
        )

    def _unreadable(self) -> InputError:
        return InputError(
            f"starts with no byte order mark (BOM), which --encoding {self._encoding_name} "
            f"needs; pass --encoding {self.encoding}-le (or {self.encoding}-be) instead",
            Location(self.path, 1),
        )

    def _check_nul(self, text: str) -> None:
        """UTF-16 without a BOM, read as UTF-8 or another 8-bit encoding, has a NUL character
        beside each Latin letter."""
        at = text.find("\x00")
        if at >= 0:
            raise InputError(
                "holds NUL characters, as UTF-16 text does; pass --encoding utf-16-le",
                Location(self.path, text.count("\n", 0, at) + 1),
            )

    def _advice(self) -> str:
        with self.path.open("rb") as handle:
            if handle.read(2) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
                return "it starts with a UTF-16 byte order mark: pass --encoding utf-16"
        if self._explicit_encoding:
            return "pass the --encoding the file was saved in"
        if self.suffix == ".csv":
            return (
                "save it as CSV UTF-8, or pass --encoding cp1252 for Excel's "
                "'CSV (Comma delimited)'"
            )
        return "save the file as UTF-8, or pass the --encoding it was saved in"

    def _load_records(self) -> list[Row]:
        try:
            with self.path.open(encoding=self.encoding) as handle, self._decoding():
                text = handle.read()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", Location(self.path)) from exc
        if not text.strip():
            raise InputError("file is empty", Location(self.path))
        self._check_nul(text)
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
            records = self._csv_records()
            next(records, None)
            for line, values in records:
                if not any(v.strip() for v in values):
                    continue  # a blank line, or one of empty cells only (",,,")
                yield self._row(line, values, short_ok=False)
        else:
            rows = sheet_rows(self.path)
            next(rows, None)
            for number, cells in enumerate(rows, start=2):
                if all(v is None or str(v).strip() == "" for v in cells):
                    continue
                # a sheet row may end early: its missing cells are empty, not absent
                yield self._row(number, cells, short_ok=True)

    def _row(self, number: int, values: list[Any], short_ok: bool) -> Row:
        width = len(self.columns)
        cells = dict(zip(self.columns, values, strict=False))
        if len(values) > width and any(v not in (None, "") for v in values[width:]):
            hint = (
                "quote a cell that holds a comma"
                if self.suffix == ".csv"
                else "name every column in the first row"
            )
        elif len(values) < width and not short_ok:
            hint = "an empty cell still needs its comma"
        else:
            return Row(number, cells)
        error = f"{len(values)} cells, but the header names {width} columns ({hint})"
        return Row(number, cells, error)

    def count(self) -> int:
        """How many rows there are (a quick pass for CSV, used for progress; it meets any
        decoding error before a row is built)."""
        if self._records is not None:
            return len(self._records)
        return sum(1 for _ in self)


def _csv_problem(exc: csv.Error) -> str:
    """Why the CSV reader stopped; an overlong cell is almost always a quote left open, which
    runs the cell on through every line after it."""
    if "field limit" in str(exc):
        return (
            f"the row starting on this line has a cell longer than {csv.field_size_limit()} "
            'characters; look for a quote (") that is never closed'
        )
    return f"not readable as CSV: {exc}"
