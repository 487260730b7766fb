"""SARIF 2.1.0 report, for code-scanning tools and editors that read static-analysis results.

A .docx paragraph is a SARIF "line": ``startLine`` is the 1-based paragraph number and the
columns count characters inside it. For .txt/.md files ``startLine`` is the line the paragraph
starts on and the flagged words are given as the region's ``snippet``.

Linted against a baseline, every result has a ``baselineState``: ``new``, with no suppressions,
or ``unchanged`` for a finding the baseline accepted, which is listed too, with an accepted
external suppression.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

from slaforge import __version__
from slaforge.lint.model import Finding, Severity
from slaforge.report import Results

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.code,
        "name": finding.name,
        "shortDescription": {"text": finding.message},
        "fullDescription": {"text": finding.why or finding.message},
        "help": {"text": finding.suggestion or finding.why or finding.message},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"category": finding.category},
    }


def _region(finding: Finding) -> dict[str, Any]:
    location = finding.location
    region: dict[str, Any] = {"snippet": {"text": finding.match}}
    if location.line is not None:
        region["startLine"] = location.line
    else:
        region["startLine"] = location.paragraph + 1
        start = max(0, finding.start - location.shift)
        region["startColumn"] = start + 1
        region["endColumn"] = max(finding.end - location.shift, start) + 1
    return region


def _logical(finding: Finding) -> list[dict[str, Any]]:
    location = finding.location
    names = [*location.heading_path, *([location.clause] if location.clause else [])]
    if not names:
        return []
    return [{"name": names[-1], "fullyQualifiedName": " > ".join(names)}]


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    location = finding.location
    properties: dict[str, Any] = {"category": finding.category, "part": location.part}
    if location.table is not None:
        properties["table"] = {"row": location.table[0], "column": location.table[1]}
    physical = {
        "artifactLocation": {"uri": PurePath(finding.file).as_posix()},
        "region": _region(finding),
    }
    place: dict[str, Any] = {"physicalLocation": physical}
    if logical := _logical(finding):
        place["logicalLocations"] = logical
    return {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": LEVELS[finding.severity],
        "message": {"text": f"{finding.message} ({finding.name})"},
        "locations": [place],
        "properties": properties,
    }


def _compared(results: Results) -> list[tuple[Finding, dict[str, Any]]]:
    """Every finding, files in order (a baseline's accepted ones after the new ones of their
    file), with what SARIF says of it against the baseline."""
    out: list[tuple[Finding, dict[str, Any]]] = []
    for result in results.values():
        if result.baseline is None:
            out += [(f, {}) for f in result.findings]
            continue
        accepted = {
            "kind": "external",
            "status": "accepted",
            "justification": f"accepted in the baseline {PurePath(result.baseline).as_posix()}",
        }
        # (SARIF: a run's results all have suppressions or none do; an empty list is "none")
        out += [(f, {"baselineState": "new", "suppressions": []}) for f in result.findings]
        out += [
            (f, {"baselineState": "unchanged", "suppressions": [accepted]})
            for f in result.baselined
        ]
    return out


def document(results: Results) -> dict[str, Any]:
    """The SARIF log as plain data: one run, its rules taken from the findings."""
    compared = _compared(results)
    first: dict[str, Finding] = {}
    for finding, _ in compared:
        first.setdefault(finding.code, finding)
    codes = sorted(first)
    index = {code: i for i, code in enumerate(codes)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "slaforge",
                        "version": __version__,
                        "rules": [_rule(first[code]) for code in codes],
                    }
                },
                "artifacts": [{"location": {"uri": PurePath(f).as_posix()}} for f in results],
                "results": [_result(f, index) | state for f, state in compared],
            }
        ],
    }


def render(results: Results) -> str:
    """The SARIF log as indented JSON with a final newline."""
    return json.dumps(document(results), indent=2, ensure_ascii=False) + "\n"
