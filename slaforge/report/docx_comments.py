"""A copy of the reviewed .docx with one Word comment per finding, on exactly the flagged words.

Word anchors a comment on whole runs, so runs are first split at every finding boundary; both
halves keep the run's properties, so the text and its formatting are otherwise unchanged.
Word keeps comments in the body only, so a finding in a page header or footer is a comment on
the document's first body paragraph that quotes the flagged words and names where they are.
Findings whose words cannot be found in their paragraph are counted as skipped.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

from docx.document import Document as DocumentObject
from docx.text.run import Run

from slaforge.extract.docx import MappedBlock, RunPiece, map_document, open_docx, run_items
from slaforge.extract.numbering import w
from slaforge.fileio import write_atomic
from slaforge.lint.model import Block, Finding

AUTHOR = "slaforge"
INITIALS = "SF"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class Annotated(NamedTuple):
    """What :func:`annotate` did: comments added, and findings it could not anchor."""

    added: int
    skipped: int


def comment_text(finding: Finding) -> str:
    """``CODE name: message``, then ``Why:`` and ``Suggested:`` lines when the rule has them;
    for a finding in a page header or footer, first a line quoting the words there."""
    lines = [f"{finding.code} {finding.name}: {finding.message}"]
    if finding.location.part != "body":
        lines.insert(0, f"In the page {finding.location.part}: \u201c{finding.match}\u201d")
    if finding.why:
        lines.append(f"Why: {finding.why}")
    if finding.suggestion:
        lines.append(f"Suggested: {finding.suggestion}")
    if finding.extra.get("also_at"):
        lines.append(f"Also at: {finding.extra['also_at']}")
    return "\n".join(lines)


def _split(piece: RunPiece, at: int) -> RunPiece:
    """Split ``piece.run`` so its first ``at - piece.start`` characters stay in it; return the
    piece for the new run holding the rest, inserted right after it."""
    left = piece.run
    right = copy.deepcopy(left)
    local = at - piece.start
    text_of = dict(run_items(left))
    pos = 0
    for old, new in zip(list(left), list(right), strict=True):
        if old.tag == w("rPr"):
            continue
        n = len(text_of.get(old, ""))
        if pos + n <= local and (n or pos < local):
            right.remove(new)
        elif pos >= local:
            left.remove(old)
        else:
            value = text_of[old]
            old.text, new.text = value[: local - pos], value[local - pos :]
            old.set(_XML_SPACE, "preserve")
            new.set(_XML_SPACE, "preserve")
        pos += n
    left.addnext(right)
    rest = RunPiece(right, at, piece.end)
    piece.end = at
    return rest


def _split_at(mapped: MappedBlock, boundaries: set[int]) -> None:
    """Split runs so that every offset in ``boundaries`` falls between two runs."""
    pieces: list[RunPiece] = []
    for piece in mapped.pieces:
        for at in sorted(b for b in boundaries if piece.start < b < piece.end):
            pieces.append(piece)
            piece = _split(piece, at)
        pieces.append(piece)
    mapped.pieces[:] = pieces


def _anchor(mapped: MappedBlock, finding: Finding) -> tuple[int, int] | None:
    """The offsets of the finding's words in the block, checked against ``finding.match``."""
    text = mapped.block.text
    start, end = finding.start, finding.end
    if 0 <= start < end <= len(text) and (not finding.match or text[start:end] == finding.match):
        return start, end
    if finding.match and text.count(finding.match) >= 1:
        at = text.find(finding.match)
        return at, at + len(finding.match)
    return None


def _paragraphs_of(block: Block) -> list[int]:
    """Every paragraph a body block is made of (the paragraphs of a table row's cells)."""
    return [block.location.paragraph, *(segment[1] for segment in block.segments)]


def _add_comments(document: DocumentObject, findings: list[Finding]) -> Annotated:
    blocks: dict[int, MappedBlock] = {}
    for each in map_document(document):
        if each.block.location.part == "body":
            for paragraph in _paragraphs_of(each.block):
                blocks[paragraph] = each
    todo: dict[int, list[tuple[Finding, int, int]]] = defaultdict(list)
    skipped = 0
    opening = next(  # (header and footer findings go on the first paragraph outside a table)
        (blocks[k] for k in sorted(blocks) if blocks[k].block.location.table is None), None
    )
    for finding in findings:
        location = finding.location
        anchor: tuple[int, int] | None
        if location.part != "body":
            mapped = opening
            text = opening.block.text.rstrip() if opening else ""
            anchor = (0, len(text)) if text else None
        else:
            mapped = blocks.get(location.paragraph)
            anchor = _anchor(mapped, finding) if mapped else None
        if mapped is None or anchor is None:
            skipped += 1
            continue
        todo[mapped.block.location.paragraph].append((finding, *anchor))
    added = 0
    for key, items in todo.items():
        mapped = blocks[key]
        _split_at(mapped, {b for _, start, end in items for b in (start, end)})
        for finding, start, end in items:
            runs = [p.run for p in mapped.pieces if start <= p.start < p.end <= end]
            if not runs:
                skipped += 1
                continue
            first, last = Run(runs[0], document), Run(runs[-1], document)  # type: ignore[arg-type]
            comment = document.add_comment(
                [first, last], text=comment_text(finding), author=AUTHOR, initials=INITIALS
            )
            comment._comment_elm.date = None  # no timestamp: same input, same bytes
            added += 1
    return Annotated(added, skipped)


def _normalise_zip(data: bytes) -> bytes:
    """The same package with fixed member dates and modes, so equal content gives equal bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def annotated_docx(src: Path, findings: list[Finding]) -> tuple[bytes, Annotated]:
    """The bytes of a copy of ``src`` with a comment by "slaforge" on each finding's words."""
    document = open_docx(src)
    result = _add_comments(document, findings)
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalise_zip(buffer.getvalue()), result


def annotate(src: Path, findings: list[Finding], out: Path) -> Annotated:
    """Write to ``out`` a copy of ``src`` with a comment by "slaforge" on each finding's words."""
    data, result = annotated_docx(src, findings)
    write_atomic(out, data)
    return result
