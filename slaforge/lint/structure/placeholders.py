"""The placeholder check: blanks left in a template and drafting notes (not signing lines or
elisions)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo
from slaforge.lint.model import Finding
from slaforge.lint.rules import Rule

_UNITS = r"(?:hours?|days?|minutes?|seconds?|weeks?|months?|years?|business|working|calendar)\b"
_PLACEHOLDER = re.compile(
    r"(?=[\[_{<$€£?(….TtXxN12Dd])(?:"  # (every opening below: most places are tested no further)
    r"\[\s*(?:TBD|TBC|TBA|•|·|●|■|▪|\*|\.{2,}|…|_+|X+|x+|\?+|(?i:insert|enter|specify)[^\]]*"
    r"|[A-Z][A-Z _/]{2,}[A-Z]|\s*)\s*\]"
    r"|\[(?:the |a |an )?"
    r"(?!(?:Reserved|Deleted|Intentionally|Not Used|Redacted|Omitted|Optional|Draft"
    r"|Confidential)\b)"
    r"[A-Z][a-z]+(?:[ _/-][A-Za-z]+){0,4}\](?!\()"
    r"|(?<=[Dd]ate: )(?:DD|dd)[./-](?:MM|mm)[./-](?:YYYY|yyyy|YY|yy)\b"
    r"|\[(?:[a-z]+[ _]){0,3}(?:name|date|amount|number|address|fee|price|percentage|value|period"
    r"|time|hours|days|e-?mail|phone|telephone|title|company|party|figure|rate|term|contact)s?\]"
    r"|_{3,}|\{\{.*?\}\}|\{%.*?%\}|<<[^<>]*>>|\{[A-Za-z]+(?:_[A-Za-z]+)+\}|\{[A-Z_]{3,}\}"
    r"|\b(?i:TBD|TBC|TBA)\b|\bXX+\b|\b(?:19|20)XX\b|[$€£]\s?X+\b|\?\?\?"
    r"|\b(?:X|x{1,3})(?=\s?%|\s" + _UNITS + r")|\bN(?=\s" + _UNITS + r")"
    r"|(?:\.\.\.|…)(?=\s?%|\s" + _UNITS + r")"
    r"|<(?i:insert|customer|provider|supplier|vendor|client|company|party|name|date|amount|number"
    r"|value|fee|price|contact|address)[^<>]{0,40}>"
    r"|\[[a-z ]{0,30}\bto be (?:confirmed|agreed|determined|advised|inserted|completed)\]"
    r"|[(\[](?:CONFIRM|CHECK|TO CONFIRM|TO BE CONFIRMED|TODO|NOTE TO DRAFT|DRAFTING NOTE)\b"
    r"[^)\]]*[)\]]"
    r"|\bTODO\b)"
)
"""Blanks left in a template: "[TBD]", "[Customer Name]", "[insert date]", "<<date>>", "{name}",
"XX%", "X hours", "within N days", "… hours", "20XX", "$XX", "(CONFIRM WITH LEGAL)"; not
"[Reserved]", "[%]" (a unit) or a Markdown link."""


_PLACEHOLDER_HINTS = (
    "[",
    "___",
    "{",
    "<",
    "TB",
    "tb",
    "X",
    "x ",
    "x%",
    "N ",
    "...",
    "…",
    "???",
    "(CONFIRM",
    "(CHECK",
    "(TO ",
    "TODO",
    "(NOTE",
    "(DRAFTING",
    "DD",
    "dd/",
    "dd.",
)
"""Every placeholder pattern contains one of these; blocks without any skip the regex."""
_PLACEHOLDER_HINT = re.compile("|".join(re.escape(h) for h in _PLACEHOLDER_HINTS))


_DRAFT_NOTE = re.compile(
    r"(?<=[:|] )(?i:to be (?:confirmed|determined|advised|decided|inserted|completed|supplied))"
    r"(?=\s*(?:[.;|]|$))"
    r"|\bDRAFT\b(?=[^.\n]{0,60}(?i:circulate|comments|pending|for review|for discussion))"
    r"|\b(?i:do not circulate|not for circulation)\b"
)
"""Drafting leftovers written out: a value "to be confirmed" after a label ("Credits: to be
confirmed"), a draft marking with its review note ("DRAFT - comments from legal pending");
not "exact times to be confirmed per application" (an open term, not a blank)."""
_DRAFT_HINTS = ("o be ", "DRAFT", "irculat")


_HINTS = _PLACEHOLDER_HINTS + _DRAFT_HINTS
_CAPITAL_HINT = re.compile("|".join(re.escape(h) for h in _HINTS if not h[0].islower()))
"""The hints that open with a capital or a sign: one search of the document finds them
faster than one search per hint (few places open with one)."""
_LOWER_HINTS = tuple(h for h in _HINTS if h[0].islower())


def _hinted(ctx: Context) -> list[DocInfo]:
    """The blocks that contain one of ``_HINTS``, in order."""
    found = {info.index: info for info in ctx.blocks_matching(_CAPITAL_HINT)}
    found.update((info.index, info) for info in ctx.blocks_containing(_LOWER_HINTS))
    return [found[index] for index in sorted(found)]


def _placeholders(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for info in _hinted(ctx):
        text = info.block.text
        if any(hint in text for hint in _DRAFT_HINTS):
            for m in _DRAFT_NOTE.finditer(text):
                yield ctx.finding(rule, info, m.start(), m.end())
        if _PLACEHOLDER_HINT.search(text) is None:
            continue
        for m in _PLACEHOLDER.finditer(text):
            if _elision(text, m.start(), m.end()) or _signing_blank(info, m):
                continue
            yield ctx.finding(rule, info, m.start(), m.end())


_ELISION = re.compile(r"\[\s*(?:\.{3}|…)\s*\]")
_SIGNING_LABEL = re.compile(
    r"(?i:\b(?:name|print name|position|title|role|date|signature|signed|by|witness|initials))"
    r"\s*:?\s*\|?\s*$"
    r"|(?i:\bsigned\s+(?:for|by|on\s+behalf\s+of))\b[^_:\n]{0,60}:\s*$"
)
_SIGNING_PART = re.compile(r"(?i:sign|execution|executed|acceptance)")


def _signing_blank(info: DocInfo, m: re.Match[str]) -> bool:
    """True for a line to sign or date on: underscores after a "Name:", "Signature" or "Date"
    label, or in the signature part of the document. It is filled in at signing, not a blank
    the drafter forgot."""
    if m.group().strip("_"):
        return False
    text = info.block.text
    line_start = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 60)
    if _SIGNING_LABEL.search(text, line_start, m.start()):
        return True
    return any(_SIGNING_PART.search(h) for h in info.block.location.heading_path)


def _elision(text: str, start: int, end: int) -> bool:
    """True for "[...]" standing between two sentences of a quoted excerpt ("30 days. [...]
    Restores can be made"): text left out, not a blank to fill in ("within [...] days")."""
    if not _ELISION.fullmatch(text, start, end):
        return False
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    return (not before or before[-1] in ".!?") and (not after or after[0].isupper())
