"""Headings: each block's own or run-in heading, and numbered headings written as plain
paragraphs."""

from __future__ import annotations

import re

from slaforge.extract.text import LABEL_WORDS
from slaforge.lint.context import Context

_HEADING_LINE = re.compile(
    r"^\s*(?:(?i:clause|section|schedule|annex|appendix|part)\s+)?"
    r"(?:\d+(?:\.\d+)*|[A-Z]|[IVXLC]+)[.)]?[\t ]+([^.;:!?]{1,100}?)(?:\t+\d+)?\s*$"
)
_MINOR_WORDS = frozenset("a an and or of the to for in on by with at".split())  # noqa: SIM905


def _heading_line(text: str) -> bool:
    """True for a numbered heading written as a plain paragraph, such as a table-of-contents
    entry (``13``, a tab, ``Dispute Resolution``): every word capitalised, no sentence."""
    if len(text) > 140:
        return False
    m = _HEADING_LINE.match(text)
    if not m:
        return False
    words = m.group(1).split()
    return 0 < len(words) <= 10 and all(w[0].isupper() or w in _MINOR_WORDS for w in words)


_RUN_IN = re.compile(
    r"^\s*(?:(?i:" + LABEL_WORDS + r")\s*)?"
    r"(?:\d+(?:\.\d+)*|[A-Z]|[IVXLC]+)?[.):]?\s*(?:[-\u2013\u2014]\s*)?"
    r"([A-Z][\w ,&/'\u2019-]{1,60}?)\s*[.:]\s"
)
"""A run-in heading at the start of a paragraph: "Part 3: Data and Reporting. The Vendor…",
"4. Exclusions. Times are…", "Support: Response means…"."""


def _headings(ctx: Context) -> list[str]:
    """Each block's heading: the block itself when it is one, else its run-in heading, else ""."""
    if len(ctx.headings) != len(ctx.infos):
        ctx.headings = [
            i.block.text if i.block.is_heading else _run_in_heading(i.block.text) for i in ctx.infos
        ]
    return ctx.headings


_RUN_IN_END = re.compile(r"[.:]\s")
"""What every run-in heading ends with: most blocks have none, and this search costs a fifth
of trying ``_RUN_IN``."""


def _run_in_heading(text: str) -> str:
    m = _RUN_IN.match(text) if _RUN_IN_END.search(text) else None
    if not m or len(m.group(1).split()) > 7:
        return ""
    return m.group(1)
