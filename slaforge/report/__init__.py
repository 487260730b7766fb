"""Reporters: one module per output format, each turning lint results into text or a file.

Every text reporter has the same shape, ``render(results, ...) -> str``, where ``results`` maps
each linted file to its :class:`~slaforge.lint.model.LintResult`, in the order linted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from slaforge.lint.model import BlockLocation, Finding, LintResult, Severity

Results = Mapping[str, LintResult]
"""Lint results by file, in the order the files were linted."""

FORMATS: tuple[str, ...] = ("text", "json", "sarif")
"""The ``--format`` choices."""


def all_findings(results: Results) -> list[Finding]:
    """Every finding of every file, files in order, findings in document order."""
    return [finding for result in results.values() for finding in result.findings]


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Number of findings per severity, most severe first: ``{"error": 1, "warning": 0, ...}``."""
    totals = {severity.value: 0 for severity in sorted(Severity, key=lambda s: -s.rank)}
    for finding in findings:
        totals[finding.severity.value] += 1
    return totals


_SENTENCE_END = re.compile(r"[.!?;][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])|\n+")


def span(finding: Finding) -> tuple[int, int]:
    """Where ``finding.match`` sits inside ``finding.text``."""
    if finding.text[finding.start : finding.end] == finding.match:
        return finding.start, finding.end
    at = finding.text.find(finding.match) if finding.match else -1
    if at < 0:
        return 0, 0
    return at, at + len(finding.match)


def sentence(finding: Finding) -> tuple[str, int, int]:
    """The sentence of ``finding.text`` holding the flagged words, and their offsets in it.

    Engines may give the whole paragraph as ``text``; reports show only the sentence.
    """
    start, end = span(finding)
    text = finding.text
    if start == end:
        return " ".join(text.split()), 0, 0
    first, last = 0, len(text)
    for boundary in _SENTENCE_END.finditer(text):
        if boundary.end() <= start:
            first = boundary.end()
        elif boundary.start() >= end:
            last = boundary.start() + len(boundary.group().rstrip())
            break
    return text[first:last], start - first, end - first


def place(location: BlockLocation) -> str:
    """A reader's description of where a block is: ``paragraph 12``, ``table row 2, column 1``."""
    return location.where()
