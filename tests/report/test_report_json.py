"""The JSON report follows the documented schema."""

from __future__ import annotations

import json

from slaforge.lint.model import Block, BlockLocation
from slaforge.report import json as json_report
from slaforge.report.json import location_dict
from tests.report.sample import check_snapshot, sample_results


def test_snapshot() -> None:
    check_snapshot("report.json", json_report.render(sample_results()))


def test_top_level_and_finding_keys() -> None:
    data = json.loads(json_report.render(sample_results()))

    assert set(data) == {
        "version",
        "tool",
        "files",
        "summary",
        "findings",
        "metrics",
        "notices",
        "baselined",
    }
    assert data["files"] == ["draft.docx", "terms.txt"]
    assert data["summary"] == {
        "files": 2,
        "findings": 4,
        "error": 1,
        "warning": 2,
        "info": 1,
        "baselined": 0,
    }
    first = data["findings"][0]
    assert set(first) == {
        "code",
        "name",
        "category",
        "severity",
        "message",
        "why",
        "suggestion",
        "file",
        "location",
        "text",
        "match",
        "extra",
    }
    assert set(first["location"]) == {
        "part",
        "paragraph",
        "line",
        "clause",
        "heading_path",
        "start",
        "end",
    }
    assert first["match"] == "reasonable efforts" and first["match"] in first["text"]


def test_table_cells_carry_row_and_column() -> None:
    data = json.loads(json_report.render(sample_results()))

    in_table = [f for f in data["findings"] if "row" in f["location"]]
    assert [(f["code"], f["location"]["row"], f["location"]["column"]) for f in in_table] == [
        ("SLA301", 2, 1)
    ]


def test_metric_cards_list_what_is_missing() -> None:
    data = json.loads(json_report.render(sample_results()))

    response = data["metrics"][0]
    assert response["file"] == "draft.docx"
    assert response["kind"] == "response_time"
    assert response["stop_event"] is None
    assert "stop_event" in response["missing"] and "counts_as_met" in response["missing"]


def test_offsets_count_in_the_paragraph_not_in_the_table_row() -> None:
    row = Block("| P1 | Use reasonable efforts. |", BlockLocation(4, table=(1, 0)))
    row = Block(row.text, row.location, segments=((2, 5, 0), (7, 6, 1)))
    start = row.text.index("reasonable")
    location = location_dict(row.location_at(start), start, start + len("reasonable efforts"))
    assert (location["paragraph"], location["row"], location["column"]) == (6, 1, 1)
    assert (location["start"], location["end"]) == (4, 22)  # in "Use reasonable efforts."
