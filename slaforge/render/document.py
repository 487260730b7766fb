"""The document model between rendered clause text and Word XML, and the clause markup.

A rendered clause body is plain text in a small markup:

* a blank line separates paragraphs; each paragraph becomes a numbered sub-clause (``3.2``);
* a line starting with ``- `` is a list item (``(a)``, ``(b)``) under the paragraph above;
* a line starting with ``> `` is a paragraph without a number;
* lines starting with ``|`` form a table (blank lines inside it are ignored); the first row is
  the header, ``|---|`` rows are skipped;
* ``::signatures`` places the signature block;
* inline, ``**Term**`` is bold (a defined term) and ``[[id]]`` is a cross-reference to the
  number of the clause with that id or category.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from slaforge.errors import ClauseError, Location


@dataclass(frozen=True)
class Text:
    """A run of text, optionally bold."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class Ref:
    """A cross-reference to the clause ``target`` (an id or a category)."""

    target: str


Inline = Text | Ref


@dataclass
class Paragraph:
    """A paragraph: ``level`` 1 is a numbered sub-clause, 2 a list item, 0 unnumbered."""

    inlines: list[Inline]
    level: int = 1


@dataclass
class Table:
    header: list[list[Inline]]
    rows: list[list[list[Inline]]]


@dataclass
class Signatures:
    """The signature block for both parties."""


Block = Paragraph | Table | Signatures


@dataclass
class Section:
    """A top-level clause: its number, heading and content."""

    clause_id: str
    category: str
    variant: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    number: int = 0

    @property
    def bookmark(self) -> str:
        """The heading's bookmark: ``_RefSla_`` and the clause id; an id too long for Word's
        40 characters keeps its first 21 and a digest of the whole, so that two long ids with
        the same beginning never share one."""
        name = re.sub(r"[^A-Za-z0-9]", "_", self.clause_id)
        if len(name) > 30:
            name = name[:21] + "_" + hashlib.sha256(self.clause_id.encode()).hexdigest()[:8]
        return "_RefSla_" + name


@dataclass
class Party:
    name: str
    role: str
    signatory: str
    title: str


@dataclass
class DocumentModel:
    """Everything the Word writer needs."""

    agreement_id: str
    title: str
    subtitle: str
    version: str
    effective_date: str
    author: str
    subject: str
    parties: list[Party]
    sections: list[Section]
    created: str
    """ISO date used as the document's created and modified time (keeps output deterministic)."""

    def target_section(self, target: str) -> Section:
        """The section a ``[[target]]`` reference points to: by clause id, else by category."""
        index: dict[str, Section] | None = self.__dict__.get("_targets")
        if index is None:
            index = {}
            categories: dict[str, list[Section]] = {}
            for section in self.sections:
                categories.setdefault(section.category, []).append(section)
            for category, members in categories.items():
                if len(members) == 1:
                    index[category] = members[0]
            index.update({s.clause_id: s for s in self.sections})
            self.__dict__["_targets"] = index
        return index[target]

    def target_number(self, target: str) -> int:
        """The clause number a ``[[target]]`` reference points to."""
        return self.target_section(target).number


_INLINE = re.compile(r"\*\*(?P<bold>.+?)\*\*|\[\[(?P<ref>[a-z][a-z0-9-]*)\]\]")


def parse_inlines(text: str) -> list[Inline]:
    """Split ``text`` into plain, bold and cross-reference pieces."""
    out: list[Inline] = []
    pos = 0
    for match in _INLINE.finditer(text):
        if match.start() > pos:
            out.append(Text(text[pos : match.start()]))
        if match.group("bold") is not None:
            out.append(Text(match.group("bold"), bold=True))
        else:
            out.append(Ref(match.group("ref")))
        pos = match.end()
    if pos < len(text):
        out.append(Text(text[pos:]))
    return out


def _table(lines: list[str], where: Location) -> Table:
    rows: list[list[list[Inline]]] = []
    for line in lines:
        stripped = line.strip()
        if re.fullmatch(r"\|[\s:|-]+\|?", stripped):
            continue
        cells = [c.strip() for c in stripped.strip("|").split("|")]
        rows.append([parse_inlines(c) for c in cells])
    if not rows:
        raise ClauseError("a table needs at least a header row", where)
    width = len(rows[0])
    for index, row in enumerate(rows[1:], start=1):
        if len(row) != width:
            raise ClauseError(
                f"table row {index} has {len(row)} cells; the header has {width}", where
            )
    return Table(header=rows[0], rows=rows[1:])


def parse_body(text: str, where: Location) -> list[Block]:
    """Parse a rendered clause body into blocks."""
    blocks: list[Block] = []
    pending: list[str] = []
    table: list[str] = []

    def flush() -> None:
        if pending:
            blocks.append(Paragraph(parse_inlines(" ".join(pending)), 1))
            pending.clear()
        if table:
            blocks.append(_table(table, where))
            table.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("|"):
            if pending:
                flush()
            table.append(stripped)
            continue
        if not stripped:
            if not table:
                flush()
            continue
        if table:
            flush()
        if stripped == "::signatures":
            flush()
            blocks.append(Signatures())
        elif stripped.startswith("- "):
            flush()
            blocks.append(Paragraph(parse_inlines(stripped[2:].strip()), 2))
        elif stripped.startswith("> "):
            flush()
            blocks.append(Paragraph(parse_inlines(stripped[2:].strip()), 0))
        else:
            pending.append(stripped)
    flush()
    return blocks


_TARGETS: dict[int, tuple[list[Block], tuple[str, ...]]] = {}


def ref_targets(blocks: list[Block]) -> tuple[str, ...]:
    """Every ``[[target]]`` in ``blocks``, remembered per blocks list (they never change)."""
    cached = _TARGETS.get(id(blocks))
    if cached is not None and cached[0] is blocks:
        return cached[1]
    found: list[str] = []
    for block in blocks:
        cells: list[list[Inline]] = []
        if isinstance(block, Paragraph):
            cells = [block.inlines]
        elif isinstance(block, Table):
            cells = [*block.header, *(cell for row in block.rows for cell in row)]
        found.extend(i.target for inlines in cells for i in inlines if isinstance(i, Ref))
    if len(_TARGETS) > 8192:
        _TARGETS.clear()
    _TARGETS[id(blocks)] = (blocks, tuple(found))
    return tuple(found)


def plain_text(inlines: list[Inline], model: DocumentModel) -> str:
    """The text of ``inlines`` as a reader sees it, references resolved."""
    parts: list[str] = []
    for item in inlines:
        if isinstance(item, Ref):
            parts.append(str(model.target_number(item.target)))
        else:
            parts.append(item.text)
    return "".join(parts)
