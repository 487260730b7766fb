"""The linter reads well-drafted text in context: capitalised names, defined terms whose
conditions are stated where they are regulated, lead-ins, list items under a metric,
table-of-contents lines, cure periods and dispute stages; and rule codes have one shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from slaforge.errors import InputError, Location
from slaforge.lint.codes import CODE, CODE_PREFIX
from slaforge.lint.config import check_selectors
from slaforge.lint.engine import lint_blocks, lint_text
from slaforge.lint.model import Block, BlockLocation, LintOptions
from slaforge.lint.rules import check_rule_dir, load_rules
from slaforge.metrics import MetricKind
from tests.lint.test_rules import GOOD_RULE


def _codes(text: str, *select: str) -> list[str]:
    return [f.code for f in lint_text(text, options=LintOptions(select=select)).findings]


# --- rule codes ---------------------------------------------------------------------------


def test_every_builtin_code_has_the_shared_shape() -> None:
    for rule in load_rules():
        assert CODE.fullmatch(rule.code), rule.code
        assert check_selectors([rule.code], Location()) == (rule.code,)


@pytest.mark.parametrize("value", ["SLA101", "ACME101", "SLA4", "SLP10", "vague-term"])
def test_selectors_take_codes_prefixes_and_categories(value: str) -> None:
    assert check_selectors([value], Location()) == (value,)


@pytest.mark.parametrize("value", ["SLA1011", "SLA", "sla101", "101", "SLA10A"])
def test_selectors_reject_what_no_rule_code_can_be(value: str) -> None:
    assert not CODE_PREFIX.fullmatch(value)
    with pytest.raises(InputError):
        check_selectors([value], Location())


@pytest.mark.parametrize("code", ["ACME1011", "ACME10", "A1B101"])
def test_rule_files_take_letters_then_three_digits(tmp_path: Path, code: str) -> None:
    (tmp_path / "x.yaml").write_text(GOOD_RULE.replace("ACME101", code), encoding="utf-8")
    problems = check_rule_dir(tmp_path)
    assert problems and "letters then 3 digits" in problems[0]


@pytest.mark.parametrize("key", ["skip-names", "follow-terms"])
def test_rule_flags_must_be_booleans(tmp_path: Path, key: str) -> None:
    text = GOOD_RULE.replace("kind: existence", f"kind: existence\n{key}: sometimes")
    (tmp_path / "ACME101.yaml").write_text(text, encoding="utf-8")
    problems = check_rule_dir(tmp_path)
    assert problems and f"'{key}' must be true or false" in problems[0]


# --- names and defined terms --------------------------------------------------------------


def test_a_vague_word_inside_a_capitalised_name_is_a_name() -> None:
    assert _codes("The Host shall run the archive from the Effective Date.", "SLA021") == []
    assert _codes("The Host shall keep the archive effective.", "SLA021") == ["SLA021"]


def test_a_party_named_claims_is_not_a_credit_claim() -> None:
    text = "The Host shall credit the Claims Unit with 5% of the charge for each missed target."
    assert _codes(text, "SLA301") == []


def test_conditions_stated_where_a_term_is_regulated_go_with_the_term() -> None:
    bounded = (
        "The uptime figure leaves out Urgent Works.\n\n"
        "Urgent Works. The Host shall announce Urgent Works two hours ahead, and Urgent Works "
        "shall not exceed three hours in a quarter."
    )
    assert _codes(bounded, "SLA501") == []
    unbounded = (
        "The uptime figure leaves out Urgent Works.\n\n"
        "Urgent Works. The Host may carry out Urgent Works at any hour."
    )
    findings = lint_text(unbounded, options=LintOptions(select=("SLA501",))).findings
    # one point, three mentions: reported once, on the first, with the other places
    assert [f.code for f in findings] == ["SLA501"]
    assert findings[0].extra["repeats"] == "2"


def test_a_lead_in_takes_the_conditions_of_its_paragraph() -> None:
    text = "Force majeure. Only these events excuse a missed target: a flood or a war."
    assert _codes(text, "SLA503") == []
    # a sentence about something else in the same paragraph does not bound the trigger
    text = "Urgent patching may happen at any hour. The Host shall notify planned works."
    assert _codes(text, "SLA501") == ["SLA501"]


# --- metric cards -------------------------------------------------------------------------


def _model_blocks(*texts: str) -> list[Block]:
    """Blocks as the document model gives them: list items share their paragraph's number."""
    return [Block(t, BlockLocation(i, "7.3", ("7 Service Levels",))) for i, t in enumerate(texts)]


def _docx_blocks(*texts: str) -> list[Block]:
    """Blocks as the .docx extractor gives them: list items carry their own label."""
    labels = ["7.3", "(a)", "(b)", "(c)"]
    return [
        Block(t, BlockLocation(i, labels[i], ("7 Service Levels",))) for i, t in enumerate(texts)
    ]


METRIC = (
    "Mean Time to Restore. The Host shall keep Mean Time to Restore for the WAN to no more "
    "than four (4) hours in each calendar quarter.",
    "The clock starts when the monitoring system detects the failure.",
    "Time is counted during Network Hours, that is 24 hours a day, 7 days a week.",
)


@pytest.mark.parametrize("make", [_model_blocks, _docx_blocks])
def test_list_items_under_a_metric_complete_its_card(make: object) -> None:
    blocks = make(*METRIC)  # type: ignore[operator]
    result = lint_blocks(blocks, "x", LintOptions(select=("SLA702",)))
    assert result.findings == []
    (card,) = result.cards
    assert card.kind is MetricKind.MTTR
    assert card.start_event and card.clock


def test_a_named_schedule_is_a_clock() -> None:
    text = (
        "The Host shall respond to each call within 30 minutes of its receipt during "
        "Contact Centre Hours."
    )
    (card,) = lint_text(text).cards
    assert card.clock == "Centre Hours"


@pytest.mark.parametrize(
    "text",
    [
        "Either party may end this agreement if the other fails to remedy a breach within "
        "30 days of notice.",
        "The project leads shall meet to resolve the dispute within 10 days of the referral.",
        "The archive keeps each copy for 60 days, and restore of a copy is available on request.",
    ],
)
def test_cure_periods_dispute_stages_and_retention_are_not_metrics(text: str) -> None:
    result = lint_text(text)
    assert result.cards == []
    assert result.findings == []


# --- structure ----------------------------------------------------------------------------


def test_table_of_contents_lines_are_headings_not_undefined_terms() -> None:
    texts = [
        '"Outage" means a minute in which the portal is down.',
        "13\tDispute Resolution",
        "4.2 Incident Report Format\t9",
        "Outages are reported monthly.",
    ]
    blocks = [Block(t, BlockLocation(i)) for i, t in enumerate(texts)]
    assert lint_blocks(blocks, "x", LintOptions(select=("SLA042",))).findings == []


def test_job_titles_are_not_undefined_terms() -> None:
    text = (
        '"Outage" means a minute in which the portal is down.\n\n'
        "Notices go to Jo Evans, Head of Incident Desk, at 11 Portal Street, York.\n\n"
        "Outages are listed in the Incident Report."
    )
    assert [f.match for f in lint_text(text, options=LintOptions(select=("SLA042",))).findings] == [
        "Incident Report"
    ]


def test_a_list_item_takes_the_scope_of_its_lead_in_only() -> None:
    listed = "2. Downtime excludes:\n\n(a) third-party supplier failures;\n\n(b) planned works."
    assert _codes(listed, "SLA502") == ["SLA502"]
    # a numbered clause after the list stands on its own, and so does an item's second sentence
    after = (
        "Downtime excludes unavailability caused by:\n\n(a) the Customer;\n\n(b) a flood.\n\n"
        "3. The Provider will use third-party suppliers for hosting."
    )
    assert _codes(after, "SLA502") == []
    second = "Downtime excludes:\n\n- customer faults. The Provider manages third-party suppliers."
    assert _codes(second, "SLA502") == []
