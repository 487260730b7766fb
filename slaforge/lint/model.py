"""What travels through the linter: text blocks with their place, and findings."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from slaforge.metrics import MetricCard


class Severity(StrEnum):
    """How serious a finding is; ``--fail-on`` compares against this order."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return ("info", "warning", "error").index(self.value)


CATEGORIES: tuple[str, ...] = (
    "gameable-response",
    "one-sided-measurement",
    "claim-burden",
    "provider-discretion",
    "broad-exclusion",
    "weak-obligation",
    "incomplete-metric",
    "narrow-downtime",
    "missing-remedy",
    "inconsistency",
    "vague-term",
    "missing-section",
    "structure",
)
"""The finding categories, exactly as they appear in JSON output."""


@dataclass(frozen=True)
class BlockLocation:
    """Where a block of text sits in its source document.

    ``paragraph`` is the 0-based index of the body paragraph (or of the table's first
    paragraph), ``clause`` the rendered list number (``"4.2"``), ``heading_path`` the
    headings above it, and ``table`` (row, column) for text in a table cell.
    ``part`` is ``"body"``, ``"header"`` or ``"footer"``.
    """

    paragraph: int
    clause: str | None = None
    heading_path: tuple[str, ...] = ()
    table: tuple[int, int] | None = None
    part: str = "body"
    line: int | None = None

    def where(self) -> str:
        """A reader's description: ``paragraph 12``, ``line 7, table row 2, column 1``."""
        where = f"line {self.line}" if self.line is not None else f"paragraph {self.paragraph + 1}"
        if self.table is not None:
            row, col = self.table
            where += f", table row {row + 1}, column {col + 1}"
        if self.part != "body":
            where = f"{self.part}, {where}"
        return where


@dataclass(frozen=True)
class Block:
    """One paragraph (or table row) of text and its location.

    A Word table row reads like a Markdown one, ``| cell | cell |``; ``cells`` then holds
    each cell's (start offset, grid column), so a finding can name its column.
    """

    text: str
    location: BlockLocation
    is_heading: bool = False
    level: int = 0
    cells: tuple[tuple[int, int], ...] = ()

    def location_at(self, offset: int) -> BlockLocation:
        """The location of the character at ``offset``: its table cell's column in a row."""
        if not self.cells or self.location.table is None:
            return self.location
        column = next((col for start, col in reversed(self.cells) if start <= offset), 0)
        return replace(self.location, table=(self.location.table[0], column))


@dataclass
class Finding:
    """One problem found by a rule, anchored on ``match`` inside ``text``.

    ``start``/``end`` are character offsets of the flagged words inside the block's text,
    so the docx annotator can map them back to Word runs.
    """

    code: str
    name: str
    category: str
    severity: Severity
    message: str
    why: str
    suggestion: str
    file: str
    location: BlockLocation
    start: int
    end: int
    text: str
    match: str
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class LintOptions:
    """What to run and how: filled from the command line and ``[tool.slaforge.lint]``.

    ``select``/``ignore`` hold rule codes (``SLA101``) or category names; an empty
    ``select`` means every rule. ``severity`` overrides map a code or category to a severity.
    """

    side: str = "customer"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    rule_dirs: tuple[str, ...] = ()
    model: str | None = None


@dataclass
class LintResult:
    """Findings in document order, the metric cards rebuilt from the text, and notices."""

    findings: list[Finding]
    cards: list[MetricCard]
    notices: list[str] = field(default_factory=list)
