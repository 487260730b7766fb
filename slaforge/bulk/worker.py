"""The per-row function: one customer row in, the agreement bytes and a manifest entry out.

A :class:`RowWorker` is built once per process (templates and clauses parsed once);
:meth:`RowWorker.process` touches no files except to check a previous output for
``--skip-existing``, so it could run on any distributed engine.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from slaforge import __version__
from slaforge.bulk.columns import Column, apply_row
from slaforge.bulk.deviations import Deviation, deviations
from slaforge.bulk.naming import render_name
from slaforge.bulk.rows import Row
from slaforge.errors import SlaforgeError
from slaforge.lint.config import LintConfig, failing
from slaforge.render.build import Builder
from slaforge.spec.load import SpecErrors, validate_data
from slaforge.spec.model import Agreement
from slaforge.spec.yamlpos import Positioned, format_path

if TYPE_CHECKING:
    from slaforge.lint.doccache import DocCache


@dataclass
class Entry:
    """One line of the manifest."""

    row: int
    customer_id: str
    output: str
    status: str
    error: str = ""
    sha256: str = ""
    input_hash: str = ""
    agreement_type: str = ""
    variants: dict[str, str] = field(default_factory=dict)
    deviations: list[Deviation] = field(default_factory=list)


@dataclass(frozen=True)
class WorkerConfig:
    """Everything a worker needs, small enough to send to another process."""

    base_data: dict[str, Any]
    base_digest: str
    columns: list[Column]
    pattern: str
    template: str
    clause_dirs: tuple[Path, ...]
    lint: LintConfig | None
    """The lint settings when every agreement is linted (``--lint``)."""
    outdir: Path
    previous: dict[str, tuple[str, str]]
    """input hash -> (output file, sha256) from an earlier manifest, for ``--skip-existing``."""


class RowWorker:
    """Builds agreements for rows; create one per process."""

    def __init__(self, config: WorkerConfig) -> None:
        self.config = config
        self.builder = Builder(config.template, config.clause_dirs)
        base = validate_data(Positioned(config.base_data), "base spec")
        self.base = base
        self.base_dump = base.model_dump(mode="json")
        self.fingerprint = hashlib.sha256(
            "\n".join(
                [
                    __version__,
                    config.base_digest,
                    self.builder.composer.library.digest,
                    self.builder.template.digest,
                    config.pattern,
                    _lint_key(config.lint),
                ]
            ).encode()
        ).hexdigest()
        self._docs: DocCache | None = None
        """The tokenized paragraphs of the last agreements linted, for the next one's lint."""

    def input_hash(self, row: Row) -> str:
        cells = json.dumps(row.cells, sort_keys=True, default=str)
        return hashlib.sha256(f"{self.fingerprint}\n{cells}".encode()).hexdigest()

    def process(self, row: Row) -> tuple[Entry, bytes | None]:
        """Build the agreement of ``row``; every failure becomes a failed manifest entry."""
        config = self.config
        if row.error:
            entry = Entry(row.number, "", "", "failed", row.error, input_hash=self.input_hash(row))
            return entry, None
        data = apply_row(config.base_data, config.columns, row.cells)
        customer = data.get("parties", {}).get("customer", {})
        entry = Entry(
            row=row.number,
            customer_id=str(customer.get("id") or ""),
            output="",
            status="failed",
            input_hash=self.input_hash(row),
        )
        try:
            entry.output = render_name(config.pattern, data)
        except ValueError as exc:
            entry.error = str(exc)
            return entry, None
        previous = config.previous.get(entry.input_hash)
        if previous is not None and previous[0] == entry.output:
            target = config.outdir / entry.output
            if target.is_file() and _sha256(target.read_bytes()) == previous[1]:
                entry.status, entry.sha256 = "skipped", previous[1]
                return entry, None
        try:
            unchanged = self._unchanged(row)
            for name in unchanged:
                if name in data:
                    data[name] = getattr(self.base, name)
            agreement = validate_data(Positioned(data), "row")
            built = self.builder.build(agreement, unchanged)
            if config.lint:
                self._lint(built.model)
        except SpecErrors as exc:
            entry.error = "; ".join(self._explain(p, row) for p in exc.problems)
            return entry, None
        except SlaforgeError as exc:
            entry.error = exc.message
            return entry, None
        entry.status = "ok"
        entry.sha256 = _sha256(built.data)
        entry.agreement_type = agreement.agreement.type.value
        entry.variants = {c.meta.category: c.meta.variant for c in built.clauses}
        touched = set(Agreement.model_fields) - unchanged
        if "credits" in touched:
            touched.add("metrics")  # a credit tier is shown with its metric's name
        entry.deviations = deviations(
            {k: self.base_dump[k] for k in touched},
            agreement.model_dump(mode="json", include=touched),
        )
        return entry, built.data

    def _unchanged(self, row: Row) -> frozenset[str]:
        """Spec sections this row leaves as the base spec has them."""
        touched = {
            str(c.path[0])
            for c in self.config.columns
            if row.cells.get(c.name) not in (None, "")
            and not (isinstance(row.cells.get(c.name), str) and not row.cells[c.name].strip())
        }
        return frozenset(set(Agreement.model_fields) - touched)

    def _explain(self, problem: SlaforgeError, row: Row) -> str:
        """Name the column behind a validation problem where one set that field."""
        where = problem.location.field or ""
        for column in self.config.columns:
            concrete = _concrete(column, self.config.base_data)
            if where == concrete or where.startswith((concrete + ".", concrete + "[")):
                return f"column {column.name!r} ({where}): {problem.message}"
        return f"{where}: {problem.message}" if where else problem.message

    def _lint(self, model: Any) -> None:
        from slaforge.errors import BuildFailure
        from slaforge.lint.doccache import DocCache
        from slaforge.lint.engine import lint_blocks
        from slaforge.render.textblocks import model_blocks

        if self._docs is None:
            self._docs = DocCache()
        settings = self.config.lint or LintConfig()
        result = lint_blocks(model_blocks(model), "agreement", settings.options, self._docs)
        failed = failing(result.findings, settings.fail_on)
        if failed:
            first = failed[0]
            counts = Counter(f.severity for f in failed)
            found = ", ".join(
                f"{counts[level]} {level.value}{'s' * (counts[level] > 1 and level.rank > 0)}"
                for level in sorted(counts, key=lambda level: -level.rank)
            )
            raise BuildFailure(
                f"lint: {found}, first {first.code} {first.name}: {first.message} ({first.match!r})"
            )


def _lint_key(settings: LintConfig | None) -> str:
    """What of the lint settings decides whether a row passes, for the input hash."""
    if settings is None:
        return "False"
    return f"lint failing on {settings.fail_on}: {settings.options!r}"


def _concrete(column: Column, base: dict[str, Any]) -> str:
    """The column's path with list ids turned into indexes, as validation errors show it."""
    value: Any = base
    parts: list[str | int] = []
    for key in column.path:
        if isinstance(value, list) and isinstance(key, str):
            index = next(
                (
                    i
                    for i, item in enumerate(value)
                    if isinstance(item, dict) and item.get("id") == key
                ),
                None,
            )
            parts.append(index if index is not None else key)
            value = value[index] if index is not None else None
        else:
            parts.append(key)
            if isinstance(value, dict):
                value = value.get(key)
            elif isinstance(value, list) and isinstance(key, int) and key < len(value):
                value = value[key]
            else:
                value = None
    return format_path(tuple(parts))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
