"""The SARIF report has what SARIF 2.1.0 consumers require."""

from __future__ import annotations

import json

from slaforge.report import sarif
from tests.report.sample import check_snapshot, sample_results


def test_snapshot() -> None:
    check_snapshot("report.sarif", sarif.render(sample_results()))


def test_sarif_essentials() -> None:
    log = json.loads(sarif.render(sample_results()))

    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "slaforge"
    rules = driver["rules"]
    assert [r["id"] for r in rules] == ["SLA101", "SLA201", "SLA301"]
    for rule in rules:
        assert {"id", "name", "shortDescription", "fullDescription", "help"} <= set(rule)
    assert len(run["results"]) == 4
    uris = {artifact["location"]["uri"] for artifact in run["artifacts"]}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        assert result["message"]["text"]
        [location] = result["locations"]
        assert location["physicalLocation"]["artifactLocation"]["uri"] in uris
        assert location["physicalLocation"]["region"]["startLine"] >= 1


def test_regions_point_at_the_flagged_words() -> None:
    log = json.loads(sarif.render(sample_results()))
    results = log["runs"][0]["results"]

    docx_region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert docx_region == {
        "startLine": 6,
        "startColumn": 24,
        "endColumn": 42,
        "snippet": {"text": "reasonable efforts"},
    }
    txt_region = results[3]["locations"][0]["physicalLocation"]["region"]
    assert txt_region == {"startLine": 7, "snippet": {"text": "best efforts"}}
    assert [r["level"] for r in results] == ["warning", "error", "note", "warning"]
    assert results[0]["locations"][0]["logicalLocations"] == [
        {"name": "4.2", "fullyQualifiedName": "Service levels > Response times > 4.2"}
    ]
