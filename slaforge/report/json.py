"""Machine-readable report: one JSON document, schema described in the README (JSON output)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from slaforge import __version__
from slaforge.lint.model import BlockLocation, Finding
from slaforge.metrics import MetricCard
from slaforge.report import Results, all_findings, counts, sentence

SCHEMA_VERSION = 1
"""Bumped when a key is removed or changes meaning; adding keys keeps the version."""


def location_dict(location: BlockLocation, start: int, end: int) -> dict[str, Any]:
    """The ``location`` object of a finding; ``row``/``column`` only for table cells; ``start``
    and ``end`` count in the paragraph's own text (a .docx list label or the rest of a table row
    are not part of it)."""
    start, end = max(0, start - location.shift), max(0, end - location.shift)
    out: dict[str, Any] = {
        "part": location.part,
        "paragraph": location.paragraph,
        "line": location.line,
        "clause": location.clause,
        "heading_path": list(location.heading_path),
        "start": start,
        "end": end,
    }
    if location.table is not None:
        out["row"], out["column"] = location.table
    return out


def finding_dict(finding: Finding) -> dict[str, Any]:
    """One entry of ``findings``."""
    return {
        "code": finding.code,
        "name": finding.name,
        "category": finding.category,
        "severity": finding.severity.value,
        "message": finding.message,
        "why": finding.why,
        "suggestion": finding.suggestion,
        "file": finding.file,
        "location": location_dict(finding.location, finding.start, finding.end),
        "text": sentence(finding)[0],
        "match": finding.match,
        "extra": dict(finding.extra),
    }


def card_dict(file: str, card: MetricCard) -> dict[str, Any]:
    """One entry of ``metrics``: every card field (``null`` when not stated) and ``missing``."""
    fields = asdict(card)
    fields["kind"] = card.kind.value
    return {"file": file, **fields, "missing": card.missing()}


def document(results: Results) -> dict[str, Any]:
    """The report as plain data."""
    findings = all_findings(results)
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "slaforge", "version": __version__},
        "files": list(results),
        "summary": {
            "files": len(results),
            "findings": len(findings),
            **counts(findings),
            "baselined": sum(len(r.baselined) for r in results.values()),
        },
        "findings": [finding_dict(f) for f in findings],
        "metrics": [card_dict(file, c) for file, r in results.items() for c in r.cards],
        "notices": [notice for result in results.values() for notice in result.notices],
        "baselined": [finding_dict(f) for r in results.values() for f in r.baselined],
    }


def render(results: Results) -> str:
    """The report as indented JSON with a final newline."""
    return json.dumps(document(results), indent=2, ensure_ascii=False) + "\n"
