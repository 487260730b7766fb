"""The text report: grouped by clause, flagged words marked, a summary, colour only on request."""

from __future__ import annotations

import json
from dataclasses import replace

import click

from slaforge.lint.model import LintResult
from slaforge.report import json as json_report
from slaforge.report import metrics, text
from tests.report.sample import check_snapshot, sample_results


def test_snapshot() -> None:
    check_snapshot("report.txt", text.render(sample_results()))


def test_findings_in_one_clause_share_one_heading() -> None:
    out = text.render(sample_results())

    assert out.count("§ 4.2  Service levels > Response times") == 1
    assert out.index("SLA101") < out.index("SLA201") < out.index("§ 4.3")


def test_a_heading_that_carries_its_number_is_not_numbered_twice() -> None:
    results = sample_results()
    first = results["draft.docx"].findings[0]
    places = [
        replace(first.location, clause="1", heading_path=("1. Service Availability",)),
        replace(first.location, clause="2", heading_path=("Support",)),
        replace(first.location, clause="6)", heading_path=("6) Exclusions",)),
        replace(first.location, clause="Clause 7", heading_path=("Credits",)),
    ]
    results["draft.docx"] = LintResult([replace(first, location=p) for p in places], [])

    out = text.render(results)

    assert "\n  1. Service Availability\n" in out
    assert "\n  § 2  Support\n" in out
    assert "\n  6) Exclusions\n" in out
    assert "\n  Clause 7  Credits\n" in out
    assert "§ 1" not in out and "§ 6" not in out and "§ Clause" not in out


def test_flagged_words_are_marked_in_their_sentence() -> None:
    out = text.render(sample_results())

    assert "The supplier shall use «reasonable efforts» to reply at its sole discretion." in out
    assert "The supplier shall use reasonable efforts to reply at its «sole discretion»." in out


def test_summary_counts_by_severity() -> None:
    out = text.render(sample_results())

    assert out.splitlines()[-1] == "4 findings in 2 files: 1 error, 2 warnings, 1 info."
    assert text.render({"a.txt": LintResult([], [])}) == "No findings in 1 file.\n"


def test_colour_only_when_asked() -> None:
    plain = text.render(sample_results())
    coloured = text.render(sample_results(), color=True)

    assert "\x1b[" not in plain
    assert "\x1b[" in coloured
    unstyled = click.unstyle(coloured)
    assert "use reasonable efforts to reply" in unstyled
    assert unstyled.splitlines()[-1] == plain.splitlines()[-1]


def test_metrics_table_snapshot() -> None:
    check_snapshot("metrics.txt", metrics.render(sample_results()))


def test_metrics_table_lists_missing_fields() -> None:
    out = metrics.render(sample_results())

    assert "(no service levels found)" in out.split("Metrics in terms.txt:")[1]
    availability = next(line for line in out.splitlines() if "Availability" in line)
    assert "99.9%" in availability and "window" in availability


def test_only_the_sentence_with_the_flagged_words_is_shown() -> None:
    [first, *_] = sample_results()["draft.docx"].findings
    paragraph = "Support runs on business days. " + first.text + " Credits apply monthly."
    offset = len("Support runs on business days. ")
    moved = replace(first, text=paragraph, start=first.start + offset, end=first.end + offset)

    out = text.render({"draft.docx": LintResult([moved], [])})
    data = json.loads(json_report.render({"draft.docx": LintResult([moved], [])}))

    assert "«reasonable efforts» to reply at its sole discretion.\n" in out
    assert "business days" not in out and "monthly" not in out
    assert data["findings"][0]["text"] == first.text
    assert data["findings"][0]["location"]["start"] == moved.start


def test_the_other_places_of_a_repeated_point_are_listed() -> None:
    results = sample_results()
    first = next(iter(results.values())).findings[0]
    first.extra.update({"repeats": "2", "also_at": "clause 5.1; clause 7.3"})

    assert "also at: clause 5.1; clause 7.3" in text.render(results)
