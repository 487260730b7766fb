"""The numbering check: clause numbers and lettered items that skip one or repeat."""

from __future__ import annotations

import re
from collections.abc import Iterator

from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo
from slaforge.lint.model import Finding
from slaforge.lint.rules import Rule
from slaforge.lint.structure.numbers import (
    _LEAD_NUM,
    _SUB_CLAUSE,
    _inline_numbers,
    _leads,
    _numbers,
)


def _inherited(info: DocInfo, lead: str | None) -> bool:
    """True for a plain-text paragraph that carries its heading's clause number without
    writing it (a docx paragraph's number is rendered by Word, so it is never inherited);
    ``lead`` is the number its text opens with."""
    location = info.block.location
    if location.line is None or info.block.is_heading or lead is not None:
        return False
    return _SUB_CLAUSE.match(info.block.text) is None


def _numbering(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """A number that skips one after a run of at least two at its level ("1, 2, 4"), or after
    a top-level 1 ("1, 3"), or that a plain text writes twice in a row ("3.2 … 3.2"); an
    excerpt's two clauses ("6.1 … 6.4", "3 … 9") are not a run and say nothing about the
    clauses between them."""
    last: dict[str, int] = {}
    run: dict[str, int] = {}
    first: dict[str, int] = {}
    outer: dict[str, int] = {}
    """Where a sequence stood when a list inside it started again at 1 ("§ 7 … 1. 2. 3. 4.
    … § 8"): the next number after it continues the outer sequence."""
    written = ""
    """The number the previous numbered paragraph of a plain text wrote: two paragraphs that
    write the same clause number ("3.2 … 3.2 …") are numbered twice (a plain "1." after "1."
    is a nested list starting again)."""
    for info, num, lead in zip(ctx.infos, _numbers(ctx), _leads(ctx), strict=True):
        if not num or _inherited(info, lead):
            continue
        parts = num.split(".")
        if not all(map(str.isdigit, parts)):
            continue
        parent = ".".join(parts[:-1])
        value = int(parts[-1])
        prev = last.get(parent)
        opened = not parent and first.get(parent) == 1
        skipped = value > prev + 1 and (run.get(parent, 0) >= 2 or opened) if prev else False
        if prev and value == 1 and prev > 1:
            outer[parent] = prev
        elif skipped and outer.get(parent, -1) + 1 == value:
            skipped = False
            del outer[parent]
        twice = value == prev and "." in num and num == written
        if skipped or twice:
            text = info.block.text
            m = (_LEAD_NUM.match(text) if lead else None) or _SUB_CLAUSE.match(text)
            start, end = (m.start(1), m.end(1)) if m else (0, min(len(info.block.text), 1))
            yield ctx.finding(rule, info, start, end)
        written = num if info.block.location.line is not None else ""
        for key in [k for k in last if k and k.count(".") + 1 >= len(parts)]:
            del last[key]
            run.pop(key, None)
        if prev is None or value != prev:
            run[parent] = run.get(parent, 0) + 1
        first.setdefault(parent, value)
        last[parent] = value
    yield from _letter_gaps(rule, ctx)


_LETTER_ITEM = re.compile(r"\s*\(?([a-z])\)\s")
_INLINE_LETTER = re.compile(r"(?:^|(?<=[\s:;,]))\(([a-z])\)\s")


def _gap_after_run(codes: list[int], first: int) -> int | None:
    """Index of the first value that skips one after a run of at least two from ``first``."""
    if len(codes) < 3 or codes[0] != first or codes != sorted(set(codes)):
        return None
    for k in range(2, len(codes)):
        if codes[k] > codes[k - 1] + 1:
            return k if all(codes[j] == codes[j - 1] + 1 for j in range(1, k)) else None
    return None


def _skips(letters: list[str]) -> int | None:
    """Index of the first letter that skips one after "a", "b", … in order, else None. An
    "(i)", "(v)" or "(x)" that does not follow the letter before it is a roman numeral under
    the item before ("(b) review: (i) logs") and is passed over; a list that goes back
    ("(a) … (b) … (a)") is not one list and is left alone."""
    kept: list[tuple[int, int]] = []
    for index, letter in enumerate(letters):
        code = ord(letter)
        if letter in "ivx" and (not kept or code != kept[-1][1] + 1):
            continue
        kept.append((index, code))
    k = _gap_after_run([code for _i, code in kept], ord("a"))
    return None if k is None else kept[k][0]


def _letter_gaps(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """Lettered items that skip a letter: paragraphs "(a)", "(b)", "(d)", or the same run into
    one paragraph; and numbered clauses run into one paragraph ("1. Scope. … 2. … 4. …")."""
    items: list[tuple[DocInfo, str, int]] = []
    for info in [*ctx.infos, None]:
        m = _LETTER_ITEM.match(info.block.text) if info is not None else None
        if m is not None and info is not None:
            items.append((info, m.group(1), m.start(1)))
            continue
        if items:
            k = _skips([letter for _i, letter, _s in items])
            if k is not None:
                hit, _letter, start = items[k]
                yield ctx.finding(rule, hit, start, start + 1)
            items = []
        if info is None:
            continue
        if "1. " in info.block.text and "2. " in info.block.text:
            runs = [m for m in _inline_numbers(info.block.text) if m.group(1)]
            runs = [m for m in runs if m.group(1).isdigit()]
            k = _gap_after_run([int(m.group(1)) for m in runs], 1)
            if k is not None:
                yield ctx.finding(rule, info, runs[k].start(1), runs[k].end(1))
        if "(b) " not in info.block.text:
            continue
        found = list(_INLINE_LETTER.finditer(info.block.text))
        k = _skips([m.group(1) for m in found])
        if k is not None:
            yield ctx.finding(rule, info, found[k].start(1), found[k].end(1))
