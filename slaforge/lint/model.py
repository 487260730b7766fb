"""What travels through the linter: text blocks with their place, and findings."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from slaforge.lint.timing import Timing
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
    shift: int = 0
    """Where this paragraph's text starts in its block's text (after a list label, or inside
    a table row): a finding's offsets in the paragraph are its block offsets less ``shift``."""

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

    A Word table row reads like a Markdown one, ``| cell | cell |``, and a list paragraph
    after its number; ``segments`` then holds each paragraph's (start offset in ``text``,
    paragraph index, grid column) so that a finding names the paragraph and cell it is in.
    """

    text: str
    location: BlockLocation
    is_heading: bool = False
    level: int = 0
    segments: tuple[tuple[int, int, int], ...] = ()
    row: int | None = None
    """For a Markdown or plain-text table row, its place in its table (0: the first row); a
    Word row has it in ``location.table``."""

    @property
    def opens_table(self) -> bool:
        """True for the first row of a table: a Word table's first row, or a text row after
        other text or over a separator row (``|---|``)."""
        table = self.location.table
        return self.row == 0 if table is None else table[0] == 0

    def location_at(self, offset: int) -> BlockLocation:
        """The location of the character at ``offset``: its paragraph (its cell in a row)."""
        if not self.segments:
            return self.location
        start, paragraph, column = next(
            (s for s in reversed(self.segments) if s[0] <= offset), self.segments[0]
        )
        table = self.location.table
        return replace(
            self.location,
            paragraph=paragraph,
            table=None if table is None else (table[0], column),
            shift=start,
        )


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
    timing: Timing = field(default_factory=Timing, compare=False, repr=False)
    """Seconds per stage and per rule (printed by ``slaforge lint --timing``)."""
    baselined: list[Finding] = field(default_factory=list)
    """Findings left out because a baseline report accepted them (``--baseline``)."""
    baseline: str | None = None
    """The baseline report the findings were compared with, if any."""
