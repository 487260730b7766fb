"""Human-readable report: findings grouped by file and clause, then a summary line."""

from __future__ import annotations

import re

import click

from slaforge.lint.model import BlockLocation, Finding, Severity
from slaforge.report import Results, all_findings, counts, place, sentence

_NUMBER = re.compile(r"(?:clause|section|article)?\s*(\d+(?:\.\d+)*)[.)]?\s", re.I)
"""A number typed at the start of a heading ("1. Service Availability", "4.2 Response", "6)
Exclusions")."""
_FIGURE = re.compile(r"\d+(?:\.\d+)*")
_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _group_title(location: BlockLocation) -> str:
    """``§ 4.2  Service levels > Response times``; no clause number when the nearest heading
    carries it itself (``1. Service Availability``, ``6) Exclusions``), and no ``§`` before a
    number Word writes with its word (``Clause 3``)."""
    parts = []
    numbered = location.heading_path and _NUMBER.match(location.heading_path[-1])
    clause = location.clause or ""
    figure = _FIGURE.search(clause)
    if clause and not (numbered and figure and numbered.group(1) == figure.group()):
        parts.append(f"§ {clause}" if clause[:1].isdigit() or clause[:1] == "(" else clause)
    if location.heading_path:
        parts.append(" > ".join(location.heading_path))
    if not parts:
        parts.append("(no clause)" if location.part == "body" else location.part)
    return "  ".join(parts)


def _sentence(finding: Finding, color: bool) -> str:
    text, start, end = sentence(finding)
    if start == end:
        return text
    before, match, after = text[:start], text[start:end], text[end:]
    if color:
        match = click.style(match, fg=_COLOURS[finding.severity], bold=True, underline=True)
    else:
        match = f"«{match}»"
    return " ".join(f"{before}{match}{after}".split())


def summary(results: Results) -> str:
    """``3 findings in 2 files: 1 error, 2 warnings, 0 info`` (or ``No findings in …``), and
    how many a baseline left out."""
    findings = all_findings(results)
    files = f"{len(results)} file" + ("" if len(results) == 1 else "s")
    accepted = sum(len(r.baselined) for r in results.values())
    more = f" ({accepted} more in the baseline)" if accepted else ""
    if not findings:
        return f"No findings in {files}{more}."
    by = counts(findings)
    detail = ", ".join(
        f"{n} {name}" + ("s" if n != 1 and name != "info" else "") for name, n in by.items()
    )
    noun = "finding" if len(findings) == 1 else "findings"
    return f"{len(findings)} {noun} in {files}: {detail}{more}."


def render(results: Results, *, color: bool = False) -> str:
    """Findings of each file under its clause headings, each with its sentence, then a summary."""

    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if color else text  # type: ignore[arg-type]

    lines: list[str] = []
    for file, result in results.items():
        if not result.findings:
            continue
        lines.append(style(file, bold=True))
        group: tuple[str | None, tuple[str, ...], str] | None = None
        for finding in result.findings:
            location = finding.location
            key = (location.clause, location.heading_path, location.part)
            if key != group:
                group = key
                lines.append(f"  {style(_group_title(location), bold=True)}")
            severity = style(finding.severity.value, fg=_COLOURS[finding.severity])
            lines.append(
                f"    {style(finding.code, bold=True)} {severity}  {finding.message}"
                f"  {style(f'[{finding.name}] ({place(location)})', dim=True)}"
            )
            lines.append(f"      {_sentence(finding, color)}")
            if finding.extra.get("also_at"):
                lines.append(style(f"      also at: {finding.extra['also_at']}", dim=True))
        lines.append("")
    lines.append(summary(results))
    return "\n".join(lines) + "\n"
