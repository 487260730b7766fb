"""Clause numbers: the number each block carries or opens with, and numbers run into a
paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator

from slaforge.lint.context import Context

_LEAD_NUM = re.compile(
    r"^\s*(?:#+\s*)?(?:(?i:clause|section|article|paragraph)\s+|§\s*)?(\d{1,3}(?:\.\d{1,3})*)"
    r"(?:[.)]?\s+(?:\([A-Z][^)]{0,40}\)\s*)?[:.\-\u2013\u2014]?\s*[A-Z(§\u201c\"']|[.):]\s|[.)]?\s*$)"
)
"""A number opening a block as its label: "4.2 Credits", "Clause 3: The…", "§ 5 Subject",
"Section 9 (Reporting): …"; not "Clause 8.4 applies…" (a reference) nor "10 % of the fee"."""


def _numbers(ctx: Context) -> list[str | None]:
    """The clause number each block carries (its own or its heading's), found once per
    document."""
    found: list[str | None] | None = ctx.memo.get("numbers")
    if found is None:
        found = []
        for info, lead in zip(ctx.infos, _leads(ctx), strict=True):
            clause = info.block.location.clause
            if not clause:
                found.append(lead)
                continue
            clause = clause.rstrip(".")
            text = info.block.text
            if lead is None and text.lstrip().startswith(clause) and not _SUB_CLAUSE.match(text):
                clause = None  # "10 % of the monthly fee…": a figure, not a clause number
            found.append(clause)
        ctx.memo["numbers"] = found
    return found


def _leads(ctx: Context) -> list[str | None]:
    """The number each block's text opens with as its label (``_LEAD_NUM``), found once per
    document."""
    found: list[str | None] | None = ctx.memo.get("leads")
    if found is None:
        match = _LEAD_NUM.match
        found = [m.group(1) if (m := match(i.block.text)) else None for i in ctx.infos]
        ctx.memo["leads"] = found
    return found


_SUB_CLAUSE = re.compile(r"\s*(\d{1,3}(?:\.\d{1,3})+)\.?\s+[a-z]")
"""A numbered clause in lower case ("3.2 the Customer shall…"): a number with a dot is a clause
number whatever follows it."""


_INLINE_REST = (
    r"(?:(\d+(?:\.\d+)*)\.?\s+[A-Z]"
    r"|(?:(?i:clause|section|article|paragraph)\s+|§\s*)(\d+(?:\.\d+)*)\s*"
    r"(?:\([A-Z][^)]{0,40}\)\s*)?[:.\-\u2013\u2014]\s)"
    r"|\)\s+(?:(?i:clause|section|article|paragraph)\s+|§\s*)(\d+(?:\.\d+)*)\s*"
    r"(?:[\-\u2013\u2014]\s*)?[A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|and|of))*\s+[A-Z]"
)
_INLINE_NUM = re.compile(r"(?:^|[.;:]\s+)" + _INLINE_REST)
"""Run-in clause numbers inside a paragraph: "1. Definitions. … 2. Restoration. …",
"… minutes. Clause 9 (Reporting): the monthly report …", and a heading run into the parties
line above it ("… ('Client') § 1 Purpose and Scope This SLA …")."""
_INLINE_NUM_AFTER = re.compile(r"[.;:]\s+" + _INLINE_REST)
"""``_INLINE_NUM`` past the start of a text, where its ``^`` cannot match: without it, the
search skips to the few characters that can open a match."""


def _inline_numbers(text: str) -> Iterator[re.Match[str]]:
    """``_INLINE_NUM.finditer(text)``, faster: the opening alone is tried at the start."""
    first = _INLINE_NUM.match(text)
    if first is not None:
        yield first
    yield from _INLINE_NUM_AFTER.finditer(text, first.end() if first is not None else 0)


def _clause_numbers(ctx: Context) -> set[str]:
    """Every clause number the document has: leading a block or run into one."""
    numbers = {n for n in _numbers(ctx) if n}
    for info in ctx.infos:
        text = info.block.text
        if ". " in text or ": " in text or ") " in text:
            found = _inline_numbers(text)
            numbers.update(m.group(1) or m.group(2) or m.group(3) for m in found)
    return numbers
