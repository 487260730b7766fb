"""A fixed set of hand-built findings and metric cards that every reporter is tested on."""

from __future__ import annotations

import os
from pathlib import Path

from slaforge.lint.model import BlockLocation, Finding, LintResult, Severity
from slaforge.metrics import MetricCard, MetricKind

SNAPSHOTS = Path(__file__).parent / "snapshots"


def _finding(
    code: str,
    name: str,
    category: str,
    severity: Severity,
    file: str,
    location: BlockLocation,
    text: str,
    match: str,
    message: str,
) -> Finding:
    start = text.index(match)
    return Finding(
        code=code,
        name=name,
        category=category,
        severity=severity,
        message=message,
        why=f"Why {name} matters to the customer.",
        suggestion=f"Rewrite so that {name} no longer applies.",
        file=file,
        location=location,
        start=start,
        end=start + len(match),
        text=text,
        match=match,
    )


def sample_results() -> dict[str, LintResult]:
    """Two files: a .docx with findings in two clauses and a table, a .txt with one finding."""
    response = BlockLocation(5, "4.2", ("Service levels", "Response times"))
    sentence = "The supplier shall use reasonable efforts to reply at its sole discretion."
    table = BlockLocation(9, "4.3", ("Service levels", "Credits"), table=(2, 1))
    docx_findings = [
        _finding(
            "SLA101",
            "effort-not-result",
            "weak-obligation",
            Severity.WARNING,
            "draft.docx",
            response,
            sentence,
            "reasonable efforts",
            "An effort is promised, not a result.",
        ),
        _finding(
            "SLA201",
            "provider-decides",
            "provider-discretion",
            Severity.ERROR,
            "draft.docx",
            response,
            sentence,
            "sole discretion",
            "The supplier alone decides.",
        ),
        _finding(
            "SLA301",
            "credit-on-request",
            "claim-burden",
            Severity.INFO,
            "draft.docx",
            table,
            "Credits are paid on written request.",
            "on written request",
            "Credits depend on the customer asking.",
        ),
    ]
    txt_findings = [
        _finding(
            "SLA101",
            "effort-not-result",
            "weak-obligation",
            Severity.WARNING,
            "terms.txt",
            BlockLocation(2, None, ("Support",), line=7),
            "We make best efforts to answer.",
            "best efforts",
            "An effort is promised, not a result.",
        )
    ]
    cards = [
        MetricCard(
            name="Response time",
            kind=MetricKind.RESPONSE_TIME,
            target="1",
            unit="hour",
            window="business hours",
            start_event="ticket logged",
            counts_as_met=None,
            source="supplier ticketing system",
        ),
        MetricCard(name="Availability", kind=MetricKind.AVAILABILITY, target="99.9", unit="%"),
    ]
    return {
        "draft.docx": LintResult(docx_findings, cards, ["blank pipeline used"]),
        "terms.txt": LintResult(txt_findings, []),
    }


def check_snapshot(name: str, actual: str) -> None:
    """Compare ``actual`` with ``snapshots/name``; SLAFORGE_UPDATE_SNAPSHOTS=1 rewrites it."""
    path = SNAPSHOTS / name
    if os.environ.get("SLAFORGE_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")
