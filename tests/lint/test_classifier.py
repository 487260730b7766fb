"""The classifier rules: a statistical second opinion for wording no rule lists."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from spacy.attrs import ORTH

from slaforge.lint import classifier
from slaforge.lint.engine import lint_text
from slaforge.lint.model import LintOptions
from slaforge.lint.rules import RuleError, load_rules

REPO = Path(__file__).resolve().parents[2]
NOTHING_LOADS = "A minute counts as down just when no page loads for anyone."
"""A narrow downtime definition in words no narrow-downtime rule lists."""


def test_shipped_model_is_trained_on_the_current_labelled_sets() -> None:
    meta = json.loads((classifier.MODEL_DIR / classifier.META).read_text(encoding="utf-8"))
    items = classifier.training_items(REPO)
    assert meta["texts"] == len(items)
    assert meta["trained_on"] == classifier.training_hash(items), (
        "labelled sets changed: run `python -m slaforge.lint.classifier` to retrain"
    )


def test_flags_wording_no_rule_lists_with_its_score() -> None:
    result = lint_text(NOTHING_LOADS)
    [finding] = result.findings
    assert (finding.code, finding.category) == ("SLA890", "narrow-downtime")
    assert finding.match == NOTHING_LOADS
    assert 0.5 <= float(finding.extra["score"]) <= 1


def test_points_at_the_highest_scoring_sentence_of_a_block() -> None:
    final = "Uptime figures are taken from the Host's internal monitoring console and are final."
    text = f"Faults are logged on the portal. {final} Each party bears its own costs."
    [finding] = lint_text(text, options=LintOptions(select=("SLA290",))).findings
    assert text[finding.start : finding.end] == final


def test_silent_where_a_rule_of_the_category_already_flagged_the_block() -> None:
    text = "Service credits must be claimed in writing within 5 days of the end of the month."
    alone = lint_text(text, options=LintOptions(select=("SLA390",))).findings
    assert [f.code for f in alone] == ["SLA390"]
    findings = lint_text(text).findings
    assert {f.category for f in findings} >= {"claim-burden"}
    assert not [f for f in findings if f.code == "SLA390"]


def test_customer_side_only() -> None:
    assert lint_text(NOTHING_LOADS, options=LintOptions(side="provider")).findings == []


def test_can_be_switched_off_by_code() -> None:
    assert lint_text(NOTHING_LOADS, options=LintOptions(ignore=("SLA890",))).findings == []


def test_missing_model_is_a_notice_not_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(classifier, "load", lambda path=None: None)
    result = lint_text(NOTHING_LOADS)
    assert result.findings == []
    assert any("no classifier model" in n and "SLA890" in n for n in result.notices)


def test_exported_weights_reproduce_spacys_classifier(tmp_path: Path) -> None:
    texts = [
        ("Credits must be claimed by the customer with its own logs.", {"claim-burden"}),
        ("The provider decides the severity of every incident.", {"provider-discretion"}),
        ("The provider shall apply credits without a claim.", set()),
        ("Severity is set by the criteria in the table.", set()),
    ] * 5
    items = [(t, frozenset(c)) for t, c in texts]
    trained = classifier.fit(items, ("claim-burden", "provider-discretion"))
    classifier.export(trained, items, tmp_path)
    probe = ["Credits must be claimed with logs by the provider.", "Severity is set"]
    ours = classifier.score([trained.make_doc(t).to_array(ORTH) for t in probe], tmp_path)
    for i, text in enumerate(probe):
        spacys = trained(text).cats
        assert spacys.keys() == ours.keys()
        for cat, value in spacys.items():
            assert ours[cat][i] == pytest.approx(value, abs=1e-5)


def test_threshold_is_validated(tmp_path: Path) -> None:
    source = (REPO / "rules" / "SLA490.yaml").read_text(encoding="utf-8")
    source = source.replace("code: SLA490", "code: SLX490")
    (tmp_path / "SLX490.yaml").write_text(
        re.sub(r"threshold: [\d.]+", "threshold: 2", source),
        encoding="utf-8",
    )
    with pytest.raises(RuleError) as caught:
        load_rules([tmp_path])
    assert "SLX490.yaml" in caught.value.problems[0]
    assert "'threshold' must be between 0 and 1" in caught.value.problems[0]


def test_a_table_is_read_with_the_text_that_introduces_it_only() -> None:
    from types import SimpleNamespace

    from slaforge.extract.text import extract_text

    def readings(text: str) -> dict[int, list[int]]:
        blocks = extract_text(text, markdown=True)
        ctx = SimpleNamespace(infos=[SimpleNamespace(block=b) for b in blocks])
        return classifier._readings(ctx)[1]  # type: ignore[arg-type]

    table = "\n\n| Priority | Response |\n|---|---|\n| P1 | 30 minutes of the report |\n"
    unrelated = readings("The Customer shall keep its contact list current." + table)
    assert unrelated[2] == [1, 2], unrelated  # the header row, not the paragraph
    introduced = readings("Response times are set out in the table below:" + table)
    assert introduced[2] == [0, 1, 2], introduced
