"""Read clause files: YAML front matter (metadata) and a Jinja body.

A user's clause folder is searched before the built-in one, as in Jinja's
``ChoiceLoader``: a user clause replaces a built-in clause with the same id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from slaforge.errors import ClauseError, Location
from slaforge.fileio import decode_utf8
from slaforge.resources import builtin_dir
from slaforge.spec.messages import explain, pattern
from slaforge.spec.model import AgreementType
from slaforge.spec.yamlpos import format_path, load_yaml

CATEGORIES: tuple[str, ...] = (
    "purpose",
    "parties-and-term",
    "definitions",
    "services",
    "hours-of-coverage",
    "responsibilities",
    "service-levels",
    "reporting-and-review",
    "service-credits",
    "earn-back",
    "exclusions",
    "indemnification",
    "dispute-resolution",
    "amendments",
    "termination",
    "reference-documents",
    "signatures",
    "other",
)
"""Clause categories, in the order an agreement usually presents them."""


class ClauseMeta(BaseModel):
    """The front matter of a clause file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(
        pattern=pattern(
            r"^[a-z][a-z0-9-]*$",
            "id",
            "a clause id (a lower-case letter, then lower-case letters, digits or '-')",
        )
    )
    title: str = Field(min_length=1)
    category: str
    variant: str = "standard"
    applies_to: list[AgreementType] = list(AgreementType)
    when: str | None = None
    requires: list[str] = []
    conflicts: list[str] = []
    order: int = Field(ge=0)
    description: str = ""


@dataclass(frozen=True)
class Clause:
    """A clause: its metadata, its Jinja body and where it came from."""

    meta: ClauseMeta
    body: str
    path: Path
    body_line: int

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def digest(self) -> str:
        """sha256 of the clause file's content; part of a bulk row's input hash."""
        text = self.meta.model_dump_json() + "\n" + self.body
        return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class ClauseLibrary:
    """All clauses available to a build, by id, user clauses taking precedence."""

    clauses: dict[str, Clause]

    def __iter__(self) -> Iterator[Clause]:
        return iter(self.ordered)

    @cached_property
    def ordered(self) -> list[Clause]:
        """Clauses in document order (``order``, then id)."""
        return sorted(self.clauses.values(), key=lambda c: (c.meta.order, c.id))

    def get(self, clause_id: str) -> Clause:
        try:
            return self.clauses[clause_id]
        except KeyError:
            raise ClauseError(f"no clause with id {clause_id!r}") from None

    def by_category(self, category: str) -> list[Clause]:
        return [c for c in self if c.meta.category == category]

    @property
    def digest(self) -> str:
        """One hash over every clause, for reproducibility records."""
        h = hashlib.sha256()
        for clause in self:
            h.update(clause.digest.encode())
        return h.hexdigest()


def parse_clause(text: str, path: Path) -> Clause:
    """Split a clause file into front matter and body and validate the front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise ClauseError(
            "a clause file starts with '---' and YAML front matter", Location(path, 1)
        )
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise ClauseError("front matter is not closed by '---'", Location(path, 1)) from None
    front = "".join(lines[1:end])
    doc = load_yaml("\n" + front, str(path))
    if not isinstance(doc.data, dict):
        raise ClauseError("front matter must be a YAML mapping", Location(path, 2))
    try:
        meta = ClauseMeta.model_validate(doc.data)
    except ValidationError as exc:
        where, message = explain(exc.errors(), ClauseMeta, doc.texts)[0]
        raise ClauseError(
            message, Location(path, doc.line_of(where), field=format_path(where))
        ) from exc
    if meta.category not in CATEGORIES:
        raise ClauseError(
            f"unknown category {meta.category!r} (known: {', '.join(CATEGORIES)})",
            Location(path, doc.line_of(("category",)), field="category"),
        )
    return Clause(meta=meta, body="".join(lines[end + 1 :]), path=path, body_line=end + 2)


def _read_dir(folder: Path) -> dict[str, Clause]:
    if not folder.is_dir():
        raise ClauseError("clause folder not found", Location(folder))
    found: dict[str, Clause] = {}
    for path in sorted(folder.glob("*.md")):
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ClauseError(f"cannot read clause file: {exc.strerror}", Location(path)) from exc
        text = decode_utf8(raw, path).replace("\r\n", "\n").replace("\r", "\n")
        clause = parse_clause(text, path)
        if clause.id in found:
            raise ClauseError(
                f"clause id {clause.id!r} is also defined in {found[clause.id].path.name}",
                Location(path, field="id"),
            )
        found[clause.id] = clause
    return found


def load_library(user_dirs: Sequence[Path] = ()) -> ClauseLibrary:
    """The built-in library overlaid by each folder in ``user_dirs`` (later wins)."""
    clauses = _read_dir(builtin_dir("clauses"))
    for folder in user_dirs:
        clauses.update(_read_dir(Path(folder)))
    return ClauseLibrary(clauses)
