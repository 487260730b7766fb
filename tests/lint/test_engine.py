"""The engine: block splitting, spans and order, metric cards rebuilt from prose, the
pipeline fallback, and document-level checks."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from slaforge.extract import extract
from slaforge.extract.text import extract_text
from slaforge.lint import nlp
from slaforge.lint.engine import lint_blocks, lint_text
from slaforge.lint.model import Block, BlockLocation, LintOptions, Severity
from slaforge.lint.rules import load_rules
from slaforge.metrics import MetricCard, MetricKind


def test_findings_point_at_the_flagged_words_in_document_order() -> None:
    text = (
        "Downtime excludes emergency maintenance.\n\n"
        "The Provider will use commercially reasonable efforts to notify the Customer."
    )
    result = lint_text(text, file="draft.txt")
    spans = [(f.location.paragraph, f.match) for f in result.findings]
    assert spans == sorted(spans, key=lambda s: s[0])
    for f in result.findings:
        assert f.text[f.start : f.end] == f.match
        assert f.file == "draft.txt"
    assert "emergency maintenance" in {f.match for f in result.findings}
    assert "commercially reasonable efforts" in {f.match for f in result.findings}


def test_each_finding_field_carries_its_rules_words() -> None:
    # findings are built positionally for speed: a reordered field would swap e.g. why/suggestion
    rule = next(r for r in load_rules([]) if r.code == "SLA601")
    result = lint_text(
        "Heading\n\nThe Provider will use commercially reasonable efforts to restore service.",
        file="draft.txt",
        options=LintOptions(select=("SLA601",)),
    )
    (f,) = result.findings
    assert (f.code, f.name, f.category, f.severity) == (
        rule.code,
        rule.name,
        rule.category,
        rule.severity,
    )
    assert (f.message, f.why, f.suggestion) == (rule.message, rule.why, rule.suggestion)
    assert f.file == "draft.txt"
    assert f.location.paragraph == 1
    assert f.text.startswith("The Provider will use")
    assert f.text[f.start : f.end] == f.match == "commercially reasonable efforts"
    assert f.extra == {}


def test_a_severity_override_by_code_prefix_applies_the_longest_one() -> None:
    text = "The Provider will use commercially reasonable efforts to restore service."
    by_prefix = LintOptions(
        select=("SLA601",), severity={"SLA6": Severity.INFO, "SLA60": Severity.ERROR}
    )
    by_category = LintOptions(select=("SLA601",), severity={"weak-obligation": Severity.INFO})

    assert [f.severity for f in lint_text(text, options=by_prefix).findings] == [Severity.ERROR]
    assert [f.severity for f in lint_text(text, options=by_category).findings] == [Severity.INFO]


def test_same_code_and_span_reported_once() -> None:
    block = Block("Support is provided on a best effort basis.", BlockLocation(0))
    result = lint_blocks([block, block], "x", LintOptions(select=("SLA601",)))
    assert len(result.findings) == 1


def test_metric_cards_from_prose() -> None:
    text = (
        "Response means a reply from an engineer that addresses the incident.\n\n"
        "The Provider shall respond to Priority 1 incidents within 30 minutes of the "
        "Customer's report, 24x7.\n\n"
        "The Service shall be available 99.9% of each calendar month, as measured by external "
        "probes, with a monthly report to the Customer.\n\n"
        "Credits of 10% of the monthly fee apply to each missed month."
    )
    cards = {c.kind: c for c in lint_text(text).cards}
    response = cards[MetricKind.RESPONSE_TIME]
    assert (response.target, response.unit, response.target_text) == ("30", "minutes", "30 minutes")
    assert response.start_event == "the Customer's report"
    assert response.clock == "24x7"
    assert response.stop_event == "a reply from an engineer that addresses the incident"
    assert response.counts_as_met == response.stop_event
    assert response.remedy == "Credits of 10% of the monthly fee apply to each missed month"
    availability = cards[MetricKind.AVAILABILITY]
    assert (availability.target, availability.unit, availability.target_text) == (
        "99.9",
        "%",
        "99.9%",
    )
    assert availability.window == "each calendar month"
    assert availability.source == "as measured by external probes"
    assert availability.customer_access == "with a monthly report to the Customer"
    # the draft never says what "available" means
    assert availability.missing() == ["counts_as_met", "exclusions"]
    assert "window" in response.missing()


def test_card_fields_quote_the_clock_sentence() -> None:
    text = (
        "The Supplier shall restore a failed circuit within 6 hours. The clock starts when the "
        "Supplier's network monitoring raises an alarm or the Customer calls the service desk, "
        "and stops when the circuit carries traffic again.\n\n"
        "Restoration times are recorded by the Supplier's ticketing tool, and the Customer "
        "can view every ticket with its timestamps on the service portal."
    )
    (card,) = lint_text(text).cards
    assert card.kind is MetricKind.RESOLUTION_TIME
    assert card.start_event and card.start_event.startswith("the Supplier's network monitoring")
    assert card.stop_event == "the circuit carries traffic again"
    assert card.source == "Restoration times are recorded by the Supplier's ticketing tool"
    assert card.customer_access == (
        "the Customer can view every ticket with its timestamps on the service portal"
    )


def test_card_definition_is_the_one_of_its_term() -> None:
    text = (
        '"Reported Level" means the figure that the monthly report gives for a metric, such as '
        "the availability percentage.\n\n"
        '"Available" means that a user can sign in and open a saved case file within 5 seconds.'
        "\n\nThe Provider shall keep the platform available 99.5% of each calendar month."
    )
    (card,) = [c for c in lint_text(text).cards if c.kind is MetricKind.AVAILABILITY]
    explained = "that a user can sign in and open a saved case file within 5 seconds"
    assert card.counts_as_met == explained


def test_a_figure_with_its_number_in_brackets_is_one_target() -> None:
    (card,) = lint_text("The Supplier shall resolve Priority 3 faults within five (5) days.").cards
    assert (card.target, card.unit) == ("five (5)", "days")


def test_a_rate_the_provider_sustains_is_a_throughput_card() -> None:
    text = (
        "The order service shall sustain at least 800 orders per minute during the trading "
        "window, as counted by the Provider's order ledger.\n\n"
        "The Provider charges GBP 95 per hour for work outside scope, and the Customer may raise "
        "up to 10 change requests per day."
    )
    (card,) = lint_text(text).cards
    assert (card.kind, card.target, card.unit) == (
        MetricKind.THROUGHPUT,
        "800",
        "orders per minute",
    )
    assert card.source == "as counted by the Provider's order ledger"


def test_a_score_on_a_scale_is_a_card_named_by_its_measure() -> None:
    text = (
        "The Supplier shall hold an average user satisfaction score of at least 8.5 out of 10 "
        "in each quarter."
    )
    (card,) = lint_text(text).cards
    assert (card.kind, card.name, card.target, card.unit, card.window) == (
        MetricKind.CUSTOM,
        "user satisfaction",
        "8.5",
        "out of 10",
        "each quarter",
    )


def test_a_deadline_carried_on_in_its_sentence_is_a_second_card() -> None:
    text = (
        "Severity 1 faults shall be resolved within 3 hours, Severity 2 within 10 hours, and "
        "Severity 3 within 3 days.\n\n"
        "The Supplier shall reply to each query within 1 hour and fix the fault within 6 hours."
        "\n\nThe Supplier shall fix each fault within 6 hours and keep its record for 90 days."
    )
    cards = [(c.kind, c.target_text) for c in lint_text(text).cards]
    assert cards == [
        (MetricKind.RESOLUTION_TIME, "3 hours"),
        (MetricKind.RESOLUTION_TIME, "10 hours"),
        (MetricKind.RESOLUTION_TIME, "3 days"),
        (MetricKind.RESPONSE_TIME, "1 hour"),
        (MetricKind.RESOLUTION_TIME, "6 hours"),  # (stated again alike in the third: one card)
    ]


def test_contacting_a_lead_is_a_lead_follow_up_but_a_lead_engineer_is_no_lead() -> None:
    text = (
        "The sales team shall make first contact with every new web lead within 2 business "
        "hours of its assignment in the CRM.\n\n"
        "The lead engineer shall call the Customer within 45 minutes of a Severity 1 alarm."
    )
    kinds = [(c.kind, c.target_text) for c in lint_text(text).cards]
    assert (MetricKind.LEAD_FOLLOW_UP_TIME, "2 business hours") in kinds
    assert all(
        kind is not MetricKind.LEAD_FOLLOW_UP_TIME for kind, t in kinds if t != "2 business hours"
    )


def test_picked_up_and_call_back_are_response_clocks() -> None:
    text = (
        "Standard requests shall be picked up by an analyst within 4 hours.\n\n"
        "The duty engineer shall call the Customer back within 15 minutes of a page."
    )
    cards = [(c.kind, c.target_text) for c in lint_text(text).cards]
    assert cards == [
        (MetricKind.RESPONSE_TIME, "4 hours"),
        (MetricKind.RESPONSE_TIME, "15 minutes"),
    ]


def test_a_claim_window_for_missed_times_is_no_response_clock() -> None:
    text = (
        "Credits for missed response times shall be claimed through the service portal within "
        "14 days of the end of the month."
    )
    assert lint_text(text).cards == []


def test_more_wordings_of_response_latency_and_lead_follow_up() -> None:
    text = (
        "The Supplier shall triage each new alert within 20 minutes of its creation.\n\n"
        "Initial contact with the reporting user shall be made within 1 hour.\n\n"
        "The median page load time of the booking site shall stay under 3 seconds each week."
        "\n\nThe inside sales team calls each MQL within 4 business hours of its routing."
    )
    cards = [(c.kind, c.target_text) for c in lint_text(text).cards]
    assert cards == [
        (MetricKind.RESPONSE_TIME, "20 minutes"),
        (MetricKind.RESPONSE_TIME, "1 hour"),
        (MetricKind.LATENCY, "3 seconds"),
        (MetricKind.LEAD_FOLLOW_UP_TIME, "4 business hours"),
    ]


def test_a_volume_per_month_is_a_throughput_named_by_what_it_counts() -> None:
    text = (
        "The Agency shall deliver no fewer than 120 booked appointments per month to the Client."
        "\n\nThe Bureau shall process at least 900 payslips in each calendar month."
    )
    cards = [(c.kind, c.name, c.target_text, c.window) for c in lint_text(text).cards]
    assert cards == [
        (MetricKind.THROUGHPUT, "booked appointments", "120 booked appointments", "per month"),
        (MetricKind.THROUGHPUT, "payslips", "900 payslips", "each calendar month"),
    ]


def test_an_escalation_table_under_a_dispute_heading_sets_no_service_level() -> None:
    text = (
        "## 12. Dispute resolution\n\n"
        "| Level | Time to resolve at this level |\n|---|---|\n| 1 | 5 days |\n| 2 | 10 days |\n"
    )
    assert lint_blocks(extract_text(text, markdown=True), "x.md", LintOptions()).cards == []


def test_recovery_objectives_are_two_cards_that_need_no_window() -> None:
    text = (
        "For the ledger platform the recovery time objective is 6 hours and the recovery point "
        "objective is 15 minutes."
    )
    result = lint_text(text)
    assert [(c.name, c.target_text) for c in result.cards] == [
        ("recovery time objective", "6 hours"),
        ("recovery point objective", "15 minutes"),
    ]
    assert not [f for f in result.findings if f.code == "SLA701"]


def test_a_new_duty_after_and_does_not_carry_the_deadline_on() -> None:
    text = (
        "The Contractor shall attend each emergency call-out within 2 hours and make the site "
        "safe within 5 hours of arrival."
    )
    assert [c.target_text for c in lint_text(text).cards] == ["2 hours"]


def test_sales_wordings_of_lead_follow_up() -> None:
    text = (
        "Account executives shall work every inbound lead within 20 minutes of routing.\n\n"
        "Time to first touch shall not exceed 1 hour.\n\n"
        "Problems that lead to downtime shall be worked on within 2 hours of detection."
    )
    cards = [(c.kind, c.target_text) for c in lint_text(text).cards]
    assert cards[:2] == [
        (MetricKind.LEAD_FOLLOW_UP_TIME, "20 minutes"),
        (MetricKind.LEAD_FOLLOW_UP_TIME, "1 hour"),
    ]
    assert all(kind is not MetricKind.LEAD_FOLLOW_UP_TIME for kind, _t in cards[2:])


def test_an_average_time_to_restore_is_mttr() -> None:
    text = "The average time to restore service after a Priority 1 outage shall not exceed 5 hours."
    (card,) = lint_text(text).cards
    assert card.kind is MetricKind.MTTR


def test_a_rung_without_within_carries_the_deadline_on() -> None:
    text = (
        "The help desk shall acknowledge each fault within 10 minutes for a Category A fault, "
        "45 minutes for a Category B fault and 3 hours for a Category C fault.\n\n"
        "The Supplier shall respond within 2 hours, 6 days a week."
    )
    cards = [(c.kind, c.target_text) for c in lint_text(text).cards]
    assert cards == [
        (MetricKind.RESPONSE_TIME, "10 minutes"),
        (MetricKind.RESPONSE_TIME, "45 minutes"),
        (MetricKind.RESPONSE_TIME, "3 hours"),
        (MetricKind.RESPONSE_TIME, "2 hours"),
    ]


def test_a_share_of_calls_answered_in_time_is_what_counts_not_the_target() -> None:
    text = (
        "The Bureau shall answer 85% of calls to the payroll helpline within 30 seconds in each "
        "calendar month.\n\n"
        "The Bureau shall respond to 95% of written queries within 1 working day."
    )
    cards = [(c.kind, c.target_text, c.counts_as_met) for c in lint_text(text).cards]
    assert cards == [
        (MetricKind.CUSTOM, "30 seconds", "85% of calls"),
        (MetricKind.RESPONSE_TIME, "1 working day", "95% of written queries"),
    ]


def test_a_bound_on_a_share_of_items_is_a_card_of_its_own() -> None:
    text = (
        "The Printer shall despatch at least 97% of statements on the day they are released."
        "\n\nNo more than 0.3% of invoices issued in any month may contain an error.\n\n"
        "Each kiosk shall be usable for at least 99% of station opening hours in each month."
        "\n\nAn incident affecting fewer than 5% of users is a Priority 3 incident.\n\n"
        "The Provider may raise its fees by no more than 4% of the annual charges."
    )
    cards = [(c.kind, c.name, c.target_text) for c in lint_text(text).cards]
    assert cards == [
        (MetricKind.CUSTOM, "share of statements", "97%"),
        (MetricKind.ERROR_RATE, "error rate", "0.3%"),
        (MetricKind.AVAILABILITY, "availability", "99%"),
    ]


def test_more_wordings_of_mtbf_mttr_latency_resolution_and_availability() -> None:
    text = (
        "The Operator shall keep the baggage belt running for an average of at least 600 "
        "operating hours between breakdowns.\n\n"
        "The Contractor aims to bring the lifts back within an average of three hours.\n\n"
        "Network transit delay shall stay below 40 ms in each month.\n\n"
        "Access requests shall be fulfilled within 2 working days of approval.\n\n"
        "The booking platform shall be running 99.7% of the time in each month."
    )
    cards = [(c.kind, c.target_text) for c in lint_text(text).cards]
    assert cards == [
        (MetricKind.MTBF, "600 operating hours"),
        (MetricKind.MTTR, "three hours"),
        (MetricKind.LATENCY, "40 ms"),
        (MetricKind.RESOLUTION_TIME, "2 working days"),
        (MetricKind.AVAILABILITY, "99.7%"),
    ]


def test_a_label_names_a_far_target_and_an_aside_does_not_push_it_away() -> None:
    text = (
        "Checkout latency: the time for the payment page of the web shop to finish loading, as "
        "seen by the monitoring robots in three regions, shall be under 2 seconds each week."
        "\n\nThe batch error rate, being the share of files that the gateway rejects for any "
        "reason at all, shall stay below 0.4% in each month.\n\n"
        "The Service is considered up when the probe gets an answer within 3 seconds."
    )
    cards = [(c.kind, c.target_text) for c in lint_text(text).cards]
    assert cards == [(MetricKind.LATENCY, "2 seconds"), (MetricKind.ERROR_RATE, "0.4%")]


def test_a_call_answered_or_a_job_turned_round_is_bounded_each_time() -> None:
    text = (
        "The Agency shall turn round each translation of up to 1,000 words within 2 working "
        "days.\n\nEvery call to the help line shall be answered within 45 seconds."
    )
    result = lint_text(text)
    assert [(c.kind, c.target_text) for c in result.cards] == [
        (MetricKind.CUSTOM, "2 working days"),
        (MetricKind.CUSTOM, "45 seconds"),
    ]
    assert not [f for f in result.findings if f.code == "SLA701"]


def test_each_card_names_the_priority_its_target_is_set_for() -> None:
    text = (
        "The help desk shall acknowledge each fault within 10 minutes for a Category A fault, "
        "45 minutes for a Category B fault and 3 hours for a Category C fault.\n\n"
        "Sev 1 defects shall be fixed within 6 hours, Sev 2 within 2 days.\n\n"
        "The Supplier shall respond within 2 hours.\n\n"
        "| Priority | Response | Resolution |\n|---|---|---|\n| P1 | 20 minutes | 5 hours |\n"
    )
    cards = lint_blocks(extract_text(text, markdown=True), "x.md", LintOptions()).cards
    assert [(c.target_text, c.priorities) for c in cards] == [
        ("10 minutes", ["Category A"]),
        ("45 minutes", ["Category B"]),
        ("3 hours", ["Category C"]),
        ("6 hours", ["Sev 1"]),
        ("2 days", ["Sev 2"]),
        ("2 hours", []),
        ("20 minutes", ["P1"]),
        ("5 hours", ["P1"]),
    ]


def test_priorities_in_brackets_after_their_targets_are_rungs_of_one_ladder() -> None:
    text = (
        "The Provider shall respond to each Incident in no more than 20 minutes (Priority 1), "
        "1 hour (Priority 2) or 4 hours (Priority 3)."
    )
    assert [(c.kind, c.target_text, c.priorities) for c in lint_text(text).cards] == [
        (MetricKind.RESPONSE_TIME, "20 minutes", ["Priority 1"]),
        (MetricKind.RESPONSE_TIME, "1 hour", ["Priority 2"]),
        (MetricKind.RESPONSE_TIME, "4 hours", ["Priority 3"]),
    ]


def test_a_performance_deduction_is_a_remedy() -> None:
    target = "The Contractor shall resolve each fault within 8 hours of the report.\n\n"
    deduction = "Each missed service level gives rise to a Performance Deduction from the charge."
    discussion = "Each missed service level is discussed at the monthly meeting."
    assert "SLA907" not in [f.code for f in lint_text(target + deduction).findings]
    assert "SLA907" in [f.code for f in lint_text(target + discussion).findings]


@pytest.mark.parametrize("model", [None, "blank"])
def test_a_target_written_with_a_no_break_space_or_in_words_is_read_whole(
    model: str | None,
) -> None:
    text = (
        "The Supplier shall resolve each incident within 4\u00a0business hours.\n\n"
        "The Service shall be available ninety-nine point nine per cent of each calendar month."
    )
    cards = lint_text(text, options=LintOptions(model=model)).cards
    assert [(c.target, c.unit) for c in cards] == [
        ("4", "business hours"),
        ("ninety-nine point nine", "%"),
    ]
    assert cards[1].target_text == "ninety-nine point nine per cent"


def test_working_hours_after_a_target_are_no_start_event() -> None:
    result = lint_text("The Supplier shall resolve each fault within 8 hours of Business Hours.")
    (card,) = result.cards
    assert card.start_event is None
    assert "start event" in next(f.message for f in result.findings if f.code == "SLA702")


def _cards(text: str) -> list[MetricCard]:
    return lint_blocks(extract_text(text, markdown=True), "x.md", LintOptions()).cards


def test_attending_a_repair_times_the_attendance_for_every_priority_named() -> None:
    cards = _cards(
        "The Contractor shall attend Emergency boiler repairs within two (2) hours, and Urgent "
        "boiler repairs within six (6) hours, of the call being logged with the Helpdesk."
    )
    assert [(c.kind, c.target_text) for c in cards] == [
        (MetricKind.RESPONSE_TIME, "two (2) hours"),
        (MetricKind.RESPONSE_TIME, "six (6) hours"),
    ]
    assert all("call being logged" in (c.start_event or "") for c in cards)


def test_rectified_made_good_and_restarted_are_resolutions() -> None:
    cards = _cards(
        "Class 1 defects shall be rectified within 12 hours.\n\n"
        "A missed delivery shall be made good within two Working Days of the missed delivery "
        "being reported.\n\n"
        "Failed containers will be restarted within ten (10) minutes of the failure being "
        "detected, for at least 98% of failures in each calendar quarter."
    )
    assert [(c.kind, c.target_text) for c in cards] == [
        (MetricKind.RESOLUTION_TIME, "12 hours"),
        (MetricKind.RESOLUTION_TIME, "two Working Days"),
        (MetricKind.RESOLUTION_TIME, "ten (10) minutes"),
    ]
    assert "missed delivery being reported" in (cards[1].start_event or "")
    # the share after the time is what counts as met, not a card of its own
    assert "98% of failures" in (cards[2].counts_as_met or "")
    assert "failure being detected" in (cards[2].start_event or "")


def test_a_median_rung_carries_the_deadline_on() -> None:
    cards = _cards(
        "The Vendor shall resolve Severity 3 tickets within four (4) Business Days, and "
        "Severity 4 tickets within a median of eight (8) Business Days."
    )
    assert [c.target_text for c in cards] == ["four (4) Business Days", "eight (8) Business Days"]


def test_a_figure_in_brackets_is_a_number_not_an_emoticon() -> None:
    # spaCy reads "8)" as a smiley; "eight (8) hours" must keep its figure and unit
    (card,) = _cards("Critical faults shall be resolved within eight (8) hours of the report.")
    assert (card.target_text, card.unit) == ("eight (8) hours", "hours")


def test_a_duty_done_a_set_time_before_an_event_is_a_lead_time_card() -> None:
    cards = _cards(
        "Timesheets shall be approved no later than three (3) Working Days before each "
        "payroll run.\n\n"
        "The Supplier shall send joining packs at least ten Working Days before the first day "
        "for 95% of new hires, provided the Client has confirmed the hire at least twenty "
        "Working Days before the first day.\n\n"
        "Every collection must be booked at least 48 hours before the collection date."
    )
    assert [(c.kind, c.name, c.target_text) for c in cards] == [
        (MetricKind.CUSTOM, "time before each payroll run", "three (3) Working Days"),
        (MetricKind.CUSTOM, "time before the first day", "ten Working Days"),
    ]
    assert cards[1].counts_as_met == "95% of new hires"


def test_times_under_recovery_objective_headings_are_cards_named_by_the_heading() -> None:
    cards = _cards("| Service tier | RPO | RTO |\n|---|---|---|\n| Gold | 15 minutes | 1 hour |\n")
    assert [(c.kind, c.name, c.target_text) for c in cards] == [
        (MetricKind.CUSTOM, "rpo", "15 minutes"),
        (MetricKind.CUSTOM, "rto", "1 hour"),
    ]


def test_a_score_floor_is_a_card_but_a_score_band_label_is_not() -> None:
    cards = _cards(
        "The Contractor shall achieve an average inspection score of at least 90% in each "
        "month, and no single site shall score below 75%.\n\n"
        "Priority leads (score 70 and above) are to be called within 2 hours."
    )
    assert [(c.kind, c.name, c.target_text) for c in cards] == [
        (MetricKind.CUSTOM, "inspection score", "90%"),
        (MetricKind.CUSTOM, "score", "75%"),
        (MetricKind.LEAD_FOLLOW_UP_TIME, "lead follow-up time", "2 hours"),
    ]


def test_targets_without_a_remedy_are_one_point_where_the_text_rules_remedies_out() -> None:
    body = (
        "Cleaning Services Agreement\n\n## 1. Services\n\nThe Contractor shall clean the "
        "offices, washrooms and kitchens of the Client's three buildings every working day, "
        "and shall keep a log of each visit that the Client's facilities team can read on the "
        "shared portal at any time. The Contractor shall supply all consumables, equipment and "
        "trained staff needed for the work.\n\n## 2. Service levels\n\nThe Contractor shall "
        "attend each urgent cleaning request within 45 minutes of the request being logged on "
        "the portal. The average inspection score of each building shall be at least 85% in "
        "each calendar month, as measured by the Client's facilities manager using the agreed "
        "checklist.\n\n## 3. Reporting\n\nThe Contractor shall send the Client a monthly "
        "report of visits, requests and inspection scores within 5 working days of each month "
        "end, and the parties shall meet each quarter to review it.\n\n"
    )
    plain = lint_blocks(extract_text(body, markdown=True), "x.md", LintOptions()).findings
    assert len([f for f in plain if f.code == "SLA903"]) == 2  # one per target
    ruled_out = body + (
        "## 4. Remedies\n\nThe levels are a management tool; missing one does not give rise to "
        "any deduction from the contract price or any other liability.\n"
    )
    found = lint_blocks(extract_text(ruled_out, markdown=True), "x.md", LintOptions()).findings
    codes = [f.code for f in found if f.category == "missing-remedy"]
    assert "SLA903" not in codes and "SLA901" in codes


def test_credit_band_rows_are_no_metric_cards() -> None:
    text = (
        "The Provider shall make the platform available 99.9% of each calendar month.\n\n"
        "| Monthly availability | Service credit |\n"
        "|---|---|\n"
        "| Below 99.9% and at least 99.5% | 5% of the monthly fee |\n"
        "| Below 99.5% | 15% of the monthly fee |\n"
    )
    cards = lint_blocks(extract_text(text, markdown=True), "draft.md", LintOptions()).cards
    assert [c.target_text for c in cards] == ["99.9%"]


def test_incomplete_card_is_reported_with_missing_fields() -> None:
    result = lint_text("The Supplier shall resolve Priority 2 incidents within 8 hours.")
    (card,) = result.cards
    assert card.kind is MetricKind.RESOLUTION_TIME
    assert card.start_event is None and card.clock is None
    (finding,) = [f for f in result.findings if f.code == "SLA702"]
    assert finding.extra["missing"] == "start_event"
    assert "start event" in finding.message


def test_a_time_target_with_a_start_event_needs_no_stated_clock() -> None:
    result = lint_text("The Supplier shall resolve P2 incidents within 8 hours of the report.")
    assert not [f for f in result.findings if f.code == "SLA702"]


def test_a_frequency_is_not_a_time_target() -> None:
    result = lint_text("The Supplier shall send status updates every 30 minutes until restored.")
    assert not result.cards


def test_latency_in_milliseconds_is_not_a_response_time() -> None:
    (card,) = lint_text("API responses shall arrive within 300 ms.").cards
    assert card.kind is MetricKind.LATENCY


def test_blank_pipeline_fallback_names_skipped_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "FALLBACK_MODELS", ())
    monkeypatch.setattr(nlp, "_CACHE", {})
    text = "The Provider guarantees that the platform will always be available."
    result = lint_text(text, options=LintOptions(side="provider"))
    assert len(result.notices) == 1
    assert "blank pipeline" in result.notices[0] and "SLP106" in result.notices[0]
    assert "SLP106" not in {f.code for f in result.findings}
    weak = lint_text("Support is provided on a best effort basis.")
    assert [f.code for f in weak.findings] == ["SLA601"], "rules on plain words still run"


def test_unknown_model_falls_back_with_a_notice() -> None:
    result = lint_text("Text.", options=LintOptions(model="no_such_model_xyz"))
    assert "'no_such_model_xyz' could not be loaded" in result.notices[0]


def test_pipeline_is_cached_and_drops_unused_components() -> None:
    first = nlp.load_pipeline()
    assert nlp.load_pipeline() is first
    if first.trained:
        assert "ner" not in first.nlp.pipe_names and "parser" not in first.nlp.pipe_names


def test_document_checks_cross_references_and_numbering() -> None:
    text = (
        "1. Scope\n\nThis schedule covers hosting.\n\n2. Credits\n\nSee clause 7 for limits.\n\n"
        "4. Term\n\nOne year."
    )
    found = {(f.code, f.match) for f in lint_text(text).findings}
    assert ("SLA044", "clause 7") in found
    assert ("SLA045", "4") in found


def test_plain_text_blocks_labelled_parts_and_table_rows() -> None:
    text = (
        "MANAGED SERVICE SCHEDULE\nSection 1 - Services\nThe MSP runs the desk.\n"
        "Part 2: Reporting. The MSP sends a report.\nService Hours\n"
        "Hours are 08:00 to 18:00.\nService | Availability\nPortal | 99.9%\n"
        "The portal is hosted in\nSection 4 of the data centre."
    )
    blocks = extract_text(text, markdown=False)
    assert [b.text for b in blocks] == [
        "MANAGED SERVICE SCHEDULE",
        "Section 1 - Services",
        "The MSP runs the desk.",
        "Part 2: Reporting. The MSP sends a report.",
        "Service Hours",
        "Hours are 08:00 to 18:00.",
        "Service | Availability",
        "Portal | 99.9%",
        "The portal is hosted in Section 4 of the data centre.",
    ]
    assert [b.text for b in blocks if b.is_heading] == [
        "MANAGED SERVICE SCHEDULE",
        "Section 1 - Services",
        "Service Hours",
    ]


def test_a_value_restated_in_a_table_under_its_column_heading_conflicts() -> None:
    text = (
        "The Supplier shall make the Service available 99.9% of each calendar month.\n"
        "Measure | Level | Period\nAvailability | 99.5% | calendar month"
    )
    conflicts = [f for f in lint_text(text).findings if f.code == "SLA011"]
    assert [f.match for f in conflicts] == ["99.5%"]


def test_credit_tiers_in_table_rows_are_not_conflicts() -> None:
    text = (
        "Availability | Credit\nBelow 99.9% | 10% of the monthly fee\n"
        "Below 99.5% | 25% of the monthly fee"
    )
    assert not [f for f in lint_text(text).findings if f.code == "SLA011"]


def test_opt_in_rules_run_only_when_selected_by_code() -> None:
    sentence = "The Supplier shall keep the platform available 99.9% of each month. "
    doc = "# Schedule\n\n" + sentence * 20
    default = {f.code for f in lint_text(doc).findings}
    chosen = {f.code for f in lint_text(doc, options=LintOptions(select=("SLA031",))).findings}
    by_category = lint_text(doc, options=LintOptions(select=("missing-section",))).findings
    assert "SLA031" not in default
    assert chosen == {"SLA031"}
    assert "SLA031" not in {f.code for f in by_category}


def test_conflicting_targets_are_reported_once_per_conflict() -> None:
    text = (
        "The Service shall be available 99.9% of each calendar month.\n\n"
        "The Provider commits to 99.5% availability per calendar month."
    )
    conflicts = [f for f in lint_text(text).findings if f.code == "SLA011"]
    assert len(conflicts) == 1
    assert "99.9%" in conflicts[0].message


def test_a_schedule_referred_to_but_not_attached_is_a_broken_reference() -> None:
    text = (
        "Service Schedule\n1. Credits\nCredits are calculated as set out in Schedule 4.\n"
        "2. Claims\nClaims follow clause 9 of the Agreement and the table in Annex B - Rates.\n"
        "Annex B - Rates\nP1 | 5% of the monthly fee"
    )
    broken = [f.match for f in lint_text(text).findings if f.code == "SLA044"]
    assert broken == ["Schedule 4"]


def test_a_schedule_of_a_contract_refers_to_its_siblings_and_to_the_contract() -> None:
    schedule = (
        "Schedule 6 - Service Levels\n"
        "1.1 This Schedule sets out the service levels. The services are described in Schedule 2.\n"
        "1.2 Credits under paragraph 1.1 are subject to the liability cap in Clause 27.\n"
        "1.3 The sample plan is attached as Annex C to this Schedule."
    )
    broken = [f.match for f in lint_text(schedule).findings if f.code == "SLA044"]
    # its own parts are paragraphs: Schedule 2 and Clause 27 are the contract's; its annex is
    # missing
    assert broken == ["Annex C"]
    agreement = (
        "Service Agreement\n1. Services\nThe services are set out in Schedule 1.\n"
        "2. Credits\nCredits are calculated under this Schedule as shown in Schedule 3.\n"
        "Schedule 1 - Services\nHosting of the booking platform.\n"
        "Schedule 2 - Charges\nA monthly fee of 4,000 EUR."
    )
    broken = [f.match for f in lint_text(agreement).findings if f.code == "SLA044"]
    assert broken == ["Schedule 3"]  # a contract with its schedules attached lacks this one


def test_a_part_placed_in_another_document_once_is_not_broken_where_named_bare() -> None:
    text = (
        "Exhibit C - Service Levels\n"
        "1. Scope\n1.1 This Exhibit applies to every depot listed in Schedule 1 to the Agreement.\n"
        "1.2 Depot hours are those shown in Schedule 1; the kit is described in Exhibit A to the "
        "Agreement, and failed units are replaced within the warranty period in Exhibit A.\n"
        "1.3 Removals under section 165A of the Road Traffic Act 1988 are Category 3 jobs.\n"
        "1.4 The wiring follows the diagram at Annex 1 to Schedule 2. The rates are in Schedule 4."
    )
    broken = [f.match for f in lint_text(text).findings if f.code == "SLA044"]
    # Schedule 1 and Exhibit A were once placed in the Agreement, section 165A in an Act, Annex
    # 1 in Schedule 2; Schedule 4 is named nowhere else
    assert broken == ["Schedule 2", "Schedule 4"]


def test_two_terms_defined_together_are_used_when_each_is_used() -> None:
    text = (
        "## 1. Definitions\n\n| Term | Meaning |\n|---|---|\n"
        "| North Zone and South Zone | The zones shown on the map in clause 3. |\n"
        "| Depot Zone and Yard Zone | The areas marked on the site plan in clause 3. |\n"
        "| Call | A request for attendance made to the control room. |\n\n"
        "## 2. Levels\n\nJobs in the North Zone shall be attended within 30 minutes of the Call, "
        "and jobs in the South Zone and the Depot Zone within 45 minutes of the Call.\n\n"
        "## 3. Map\n\nThe map and the site plan are kept by the Contractor."
    )
    findings = lint_blocks(extract_text(text, markdown=True), "x.md", LintOptions()).findings
    unused = [f.match for f in findings if f.code == "SLA043"]
    assert unused == ["Depot Zone and Yard Zone"]  # the Yard Zone is never used


def test_opening_hours_stated_twice_with_different_times_conflict() -> None:
    text = (
        "Support hours are 08:00 to 18:00 UK time, Monday to Friday.\n\n"
        "Telephone support is staffed from 09:00 to 17:30 UK time on weekdays.\n\n"
        "At weekends the service desk is open 10:00 to 14:00 UK time."
    )
    conflicts = [f.match for f in lint_text(text).findings if f.code == "SLA011"]
    assert conflicts == ["09:00 to 17:30 UK time"]


def test_a_short_agreement_with_headed_parts_is_checked_for_missing_sections() -> None:
    parts = [
        "Hosted Payroll - Service Level Agreement",
        "Scope: the payroll application used by the HR team.",
        "Service Levels: the application is available 99.8% of each calendar month.",
        "Reporting: the Provider sends a monthly report with the probe data.",
        "Exclusions: only maintenance announced 7 days ahead, up to 4 hours a month.",
        "Credits: 10% of the monthly fee for each month below the target.",
        "Disputes: disputes go to the account managers, then to mediation in Dublin.",
    ]
    codes = {f.code for f in lint_text("\n".join(parts)).findings}
    excerpt = {f.code for f in lint_text(parts[2]).findings}
    assert "SLA036" in codes  # no termination right
    assert "SLA037" not in codes and "SLA032" not in codes
    assert not {"SLA036", "SLA037"} & excerpt


def _structure(text: str) -> set[tuple[str, str]]:
    options = LintOptions(select=("structure",))
    return {(f.code, f.match) for f in lint_text(text, options=options).findings}


def test_numbering_gaps_need_a_run_and_figures_are_not_clause_numbers() -> None:
    assert ("SLA045", "3") in _structure("1. Scope\nHosting.\n3. Credits\n5% of the fee.")
    assert not _structure("6.1 Work is announced a week ahead.\n6.4 It is capped at 4 hours.")
    whole = (
        "1. Scope\nHosting.\n2. Credits\nCredits are automatic.\n"
        "10 % of the monthly fee for each hour of downtime.\n3. Term\nOne year."
    )
    assert not _structure(whole)
    lettered = "Excluded: (a) planned work; (b) customer faults; (d) strikes."
    assert ("SLA045", "d") in _structure(lettered)
    assert not _structure("The supplier shall (a) report; (b) review: (i) logs.")
    twice = "3.1 Measured monthly.\n3.2 Target 99.9%.\n3.2 Maintenance excluded.\n3.3 Credits."
    assert ("SLA045", "3.2") in _structure(twice)
    # a list inside § 7 starts again at 1; § 8 then continues the sections, § 10 skips one
    nested = (
        "## § 7 Exclusions\n\nNot covered:\n\n1. misuse;\n2. floods;\n3. strikes.\n\n"
        "## § 8 Credits\n\nFive per cent.\n\n## § 10 Term\n\nOne year."
    )
    assert {f for f in _structure(nested) if f[0] == "SLA045"} == {("SLA045", "10")}


def test_clause_labels_are_not_references_but_references_at_a_start_are() -> None:
    labels = "Clause 3: Calls are answered in 20 seconds.\nClause 9 (Reporting): a monthly report."
    assert not _structure(labels)
    assert ("SLA044", "Clause 8.4") in _structure("Clause 8.4 applies in place of clause 2.")
    assert ("SLA044", "§ 12") in _structure("§ 5 (3) The provisions of § 12 apply accordingly.")
    assert not _structure("Personal data is handled as Article 28 GDPR requires.")
    assert ("SLA044", "Appendix C") in _structure("The exclusions are listed in Appendix C.")
    caption = "Backups are kept 30 days. Table 2\nType | Retention\nDatabase | 14 days"
    assert not _structure(caption)
    # the document naming itself, and a section of a code of regulations
    assert not _structure("Master Agreement No. 7, of which this document is Schedule B.")
    assert not _structure("PHI has the meaning given at 45 C.F.R. § 160.103.")


def test_placeholders_in_title_case_and_as_letters() -> None:
    found = _structure("Made between [Customer Name] and Acme Ltd; credits are X% of the fee.")
    assert {("SLA041", "[Customer Name]"), ("SLA041", "X")} <= found
    assert not _structure("Uptime [%] is reported; see [the portal](https://example.com).")


def test_terms_marked_as_defined_are_reported_without_a_definitions_section() -> None:
    assert ("SLA042", "Qualifying Outage") in _structure("A credit is due per Qualifying Outage.")
    assert not _structure("Calls reach the Service Desk, which is open 24x7.")
    defined_elsewhere = (
        "Capitalised terms not defined here have the meanings given in the Agreement. "
        "A credit is due for each Qualifying Outage."
    )
    assert not _structure(defined_elsewhere)


def test_unused_definitions_in_one_paragraph_and_acronyms() -> None:
    text = "'Peak Period' means 08:00 to 10:00 CET. 'Business Day' means Monday to Friday. "
    found = _structure(text + "Tickets are answered on Business Days.")
    assert ("SLA043", "Peak Period") in found
    lead = "2. Definitions\nMQL: a lead scoring 60 or more. SAL: an MQL accepted by sales.\n"
    assert ("SLA043", "SAL") in _structure(lead + "3. Commitments\nSales calls every MQL.")


def test_money_back_in_plain_english_is_a_credit() -> None:
    text = (
        "# Website Care Plan\n\n"
        "1. We keep your website online 99.9% of the time in each calendar month. Our external "
        "checks test the home page and the checkout every minute from two cities, and a minute "
        "counts as down when either page fails to load.\n\n"
        "2. Support is open from 09:00 to 17:30 UK time, Monday to Friday, except bank holidays "
        "in England. When you report a fault by phone or through the portal, one of our "
        "developers calls you back within 2 working hours to talk through the fault.\n\n"
        "3. We send you the monthly uptime figures and the list of faults by email in the first "
        "week of each month.\n\n"
        "4. If your website is online less than 99.9% of the time in a month, you get money back "
        "off your next monthly fee: 10% of the fee below 99.9% and 25% below 99%.\n\n"
        "5. Money back isn't automatic: send us a message within 5 days of the month ending, "
        "listing when your website was down."
    )
    findings = lint_text(text).findings
    assert not [f.code for f in findings if f.category == "missing-remedy"]
    claims = [f.text for f in findings if f.category == "claim-burden"]
    assert claims and all(c.startswith("5. Money back") for c in claims)


def test_a_term_defined_after_an_article_is_the_term_without_it() -> None:
    text = (
        "4.1 A Response means a call from a named engineer who has read the ticket. "
        "4.2 A Fix is the moment the reported function works again.\n"
        "5. The Provider gives the first Response within 1 hour; the Fix follows within 8 hours."
    )
    found = _structure(text)
    assert not {code for code, _match in found} & {"SLA042", "SLA043"}


def test_reporting_section_and_title_naming_the_service() -> None:
    parts = [
        "Application Maintenance - Service Level Schedule",
        "Scope: the claims application used by the underwriting team.",
        "Service Levels: P1 faults are fixed within 4 hours of the call, 24x7.",
        "Exclusions: only changes the Client deploys without review.",
        "Credits: 5% of the monthly fee for each late P1 fix, deducted automatically.",
        "Termination: four late P1 fixes in a quarter allow the Client to terminate.",
        "Disputes: disputes go to the steering committee, then to arbitration in Zurich.",
    ]
    codes = {f.code for f in lint_text("\n".join(parts)).findings}
    assert "SLA038" in codes  # nothing is reported to the Client
    assert "SLA033" not in codes  # an exclusions part exists; the title is not one


def test_one_point_made_in_several_places_is_reported_once_with_the_others() -> None:
    text = (
        "The Provider shall respond to incidents in a timely manner.\n\n"
        "The Provider shall restore the service in a timely manner.\n\n"
        "Service credits are paid on request. Credits are paid on request only."
    )
    findings = lint_text(text, options=LintOptions(select=("SLA021",))).findings
    assert [(f.code, f.match) for f in findings] == [("SLA021", "in a timely manner")]
    assert findings[0].extra == {"repeats": "1", "also_at": "line 3"}


def test_undefined_hours_used_as_several_clocks_are_one_finding() -> None:
    text = (
        "Priority 3 faults are fixed within 4 office hours of the call.\n\n"
        "Priority 4 faults are fixed within 8 office hours of the call.\n\n"
        "Visits outside office hours are charged at the call-out rate."
    )
    findings = lint_text(text, options=LintOptions(select=("SLA703",))).findings
    assert [(f.code, f.match) for f in findings] == [("SLA703", "4 office hours")]
    assert findings[0].extra == {"repeats": "2", "also_at": "line 3; line 5"}


def test_a_repeat_in_the_first_places_own_paragraph_is_not_listed_as_elsewhere() -> None:
    text = (
        "Priority 3 faults are fixed within 4 office hours of the call, and parts are ordered"
        " within 2 office hours.\n\nPriority 4 faults are fixed within 8 office hours."
    )
    [finding] = lint_text(text, options=LintOptions(select=("SLA703",))).findings
    assert finding.extra == {"repeats": "1", "also_at": "line 3"}


def test_two_rules_of_a_category_on_the_same_words_are_one_finding() -> None:
    text = "Downtime is measured solely by the Provider's internal monitoring systems."
    everything = lint_text(text).findings
    spans = [(f.category, f.start, f.end) for f in everything]
    assert len(spans) == len(set(spans))


_DEFINED = (
    "# 1. Definitions\n\n- **Service Credit**: a reduction of the Charges.\n\n"
    "- **Charges**: the fees.\n\n"
)


def _flagged(text: str, code: str) -> list[str]:
    blocks = extract_text(_DEFINED + text, markdown=True)
    return [f.match for f in lint_blocks(blocks, "t", LintOptions()).findings if f.code == code]


def test_terms_defined_in_passing_formulas_aliases_and_lists_are_defined() -> None:
    assert not _flagged(
        "- **Monthly Recurring Charge** or **MRC**: the charge for a rack.\n\n# 2. Charges\n\n"
        "The MRC and every Monthly Recurring Charge are invoiced. A Service Credit reduces the "
        "Charges.",
        "SLA042",
    )
    assert not _flagged(
        "# 2. Levels\n\nThe Supplier shall achieve First Time Fix of 80%, First Time Fix meaning "
        "a visit after which the user needs no second visit. A Service Credit reduces the Charges.",
        "SLA042",
    )
    assert not _flagged(
        "Other capitalised expressions (Relief Event, Remedial Plan and Performance Points) have "
        "the meanings given where they are set out.\n\n# 2. Relief\n\nA Relief Event excuses a "
        "miss. The Remedial Plan is due in 10 days and Performance Points accrue. A Service Credit "
        "reduces the Charges.",
        "SLA042",
    )
    assert not _flagged(
        "# 2. Availability\n\nAvailability = Up Minutes / Total Minutes x 100, where Total Minutes "
        "is the number of minutes in the month and Up Minutes are the minutes the Service works. "
        "A Service Credit reduces the Charges.",
        "SLA042",
    )


def test_a_term_merely_mentioned_is_still_undefined() -> None:
    # "where …" outside a formula, and ", meaning …" that says what follows, define nothing
    assert _flagged(
        "# 2. Credits\n\nNo Service Credit is due where Planned Maintenance is the cause. The "
        "Charges apply.",
        "SLA042",
    ) == ["Planned Maintenance"]
    assert _flagged(
        "# 2. Support\n\nTickets are raised during Support Hours, meaning the Customer needs an "
        "account. A Service Credit reduces the Charges.",
        "SLA042",
    ) == ["Support Hours"]


def test_names_of_things_are_not_undefined_terms() -> None:
    # a term that names a measure ("Outage Minutes") needs a definition; a portal, a team, a
    # product or a holiday is named, not defined
    text = (
        '# 1. Definitions\n\n"Availability" means the share of minutes the service is up.\n\n'
        "# 2. Service\n\nFaults are logged in the Fleet Portal and handled by the Fleet Desk on "
        "the Managed Kubernetes Platform. Availability is total minutes less Outage Minutes. "
        "Holidays are New Year's Day, Labor Day and Thanksgiving Day."
    )
    assert _flagged(text, "SLA042") == ["Outage Minutes"]


def test_a_table_caption_names_things_but_a_part_introducing_a_clause_uses_terms() -> None:
    text = (
        '# 1. Definitions\n\n"Availability" means the share of minutes the service is up.\n\n'
        "# 2. Service\n\nTable 4: Downtime Minutes by Region\n\n"
        "Schedule 3 (Maintenance): the Supplier may leave Outage Minutes out of Availability."
    )
    assert _flagged(text, "SLA042") == ["Outage Minutes"]


def test_definitions_in_more_shapes() -> None:
    # a qualifier before "means", ", meaning only", "X Y is y that", "as those terms are
    # defined in"
    text = (
        "# 1. Definitions\n\n3.4 Monthly Uptime for a tenant means the share of good minutes.\n\n"
        "6.1 Permitted Maintenance is maintenance notified 7 days ahead.\n\n"
        "# 2. Terms\n\nMonthly Uptime excludes Permitted Maintenance and a Force Majeure Event, "
        "meaning only war or flood. Each Security Incident or Data Breach, as those terms are "
        "defined in the Data Processing Agreement, is notified within 2 days."
    )
    assert _flagged(text, "SLA042") == []


def test_bold_markdown_reads_as_words_and_blank_lines_stay_placeholders() -> None:
    assert _flagged(
        "**Resolution Window** is the period in which a fix is made.\n\n# 2. Credits\n\n"
        "A Service Credit reduces the Charges.",
        "SLA043",
    ) == ["Resolution Window"]
    blocks = extract_text("The Supplier shall respond within ____ hours.", markdown=True)
    assert blocks[0].text == "The Supplier shall respond within ____ hours."
    assert extract_text("A **bold** and __strong__ word", markdown=True)[0].text == (
        "A bold and strong word"
    )


def test_openers_and_quoted_choices_define_nothing() -> None:
    defs = (
        '1. Definitions\n\n"Incident" means a fault. Each Incident is logged.\n\n'
        '"Service Credit" means a credit. A Service Credit is paid.\n\n2. Support\n\n'
    )
    for text in (
        "Each Service Credit is a deduction from the next invoice.",
        'The Customer may choose the "Standard" or "Premium" package for each Incident.',
    ):
        blocks = extract_text(defs + text, markdown=True)
        assert not [
            f for f in lint_blocks(blocks, "t", LintOptions()).findings if f.code == "SLA043"
        ]


def test_a_target_in_a_credit_table_and_after_a_notice_is_still_compared() -> None:
    table = (
        "1. Availability\n\nThe Hosting Service availability shall be at least 99.5% per "
        "calendar month.\n\n2. Service Credits\n\n"
        "| Service | Availability target | Service Credit |\n| --- | --- | --- |\n"
        "| Hosting Service | at least 99.9% per calendar month | 5% of the fee |"
    )
    notice = (
        "1. Support\n\nThe Supplier shall resolve Priority 1 Incidents within 4 hours.\n\n"
        "2. Escalation\n\nThe Supplier shall notify the Customer, and shall resolve Priority 1 "
        "Incidents within 8 hours."
    )
    for text, value in ((table, "99.9%"), (notice, "8 hours")):
        found = [f.match for f in lint_text(text).findings if f.code == "SLA011"]
        assert found == [value]


def test_signature_labels_and_job_titles_are_not_undefined_terms() -> None:
    text = (
        '"Site" means a school listed in Annex 1. "Service Desk" means our support team.\n\n'
        "# 2. Support\n\nThe Service Desk answers calls from each Site in the Call Window, and "
        "the Designated Safeguarding Lead may ask for a block at any Site.\n\n"
        "**Signed** for and on behalf of **Harbour Data Ltd**\n\n"
        "Signature: ________\nName: Ana Ruiz\nTitle: Managing Director\nDate: 1 May 2026"
    )
    flagged = _flagged(text, "SLA042")
    assert "Call Window" in flagged  # the check runs on this text
    assert not {"Managing Director Date", "Designated Safeguarding Lead"} & set(flagged)


def test_numbered_and_formula_definitions_define_their_terms() -> None:
    text = (
        "# 2. Terms\n\n2.8 **Platform Uptime** means the share of minutes in a month in which "
        "the platform ingests logs.\n\n2.9 Monthly Uptime for a Region = (minutes in the month "
        "- minutes of downtime) / minutes in the month x 100.\n\n# 3. Levels\n\nThe Platform "
        "Uptime target is 99.9%, and every Monthly Uptime figure and each Call Window is in the "
        "report to the Director, Corporate Shared Services."
    )
    flagged = _flagged(text, "SLA042")
    assert "Call Window" in flagged  # the check runs on this text
    assert not {"Platform Uptime", "Monthly Uptime", "Corporate Shared Services"} & set(flagged)


def test_interpretation_clauses_do_not_silence_undefined_terms() -> None:
    text = "Words used in the singular have the same meaning when used in the plural.\n\n"
    assert "Call Window" in _flagged(
        text + "# 2. Calls\n\nCalls are taken in the Call Window.", "SLA042"
    )


def test_a_row_of_spaces_is_read_in_linear_time() -> None:
    from slaforge.lint.structure.definitions import _glossary_header

    assert not _glossary_header("|" + " " * 5_000 + "x")
    assert _glossary_header("| Term | What it means |")


def test_a_cue_running_past_a_question_does_not_break_the_lint() -> None:
    result = lint_text(
        "Availability is 99.9% per month. The Customer has no reports? Access is by request."
    )
    assert [c.target_text for c in result.cards] == ["99.9%"]


def test_each_clock_keeps_its_own_start_and_stop() -> None:
    text = (
        "6.1 The response time is 1 hour. The resolution time is 8 hours. The response clock "
        "starts when the Customer calls and stops when an engineer replies. The resolution "
        "clock starts when the engineer accepts the ticket and stops when the Customer confirms "
        "the fix."
    )
    cards = {c.kind: c for c in lint_text(text).cards}
    response, resolution = cards[MetricKind.RESPONSE_TIME], cards[MetricKind.RESOLUTION_TIME]
    assert (response.start_event, response.stop_event) == (
        "the Customer calls",
        "an engineer replies",
    )
    assert (resolution.start_event, resolution.stop_event) == (
        "the engineer accepts the ticket",
        "the Customer confirms the fix",
    )


def test_a_pause_is_not_the_stop() -> None:
    text = (
        "The response time is 1 hour. The clock starts when the Customer calls the service desk, "
        "pauses when the Supplier is waiting for the Customer, and stops when an engineer replies."
    )
    (card,) = lint_text(text).cards
    assert card.stop_event == "an engineer replies"


def test_a_lead_engineer_is_no_sales_lead() -> None:
    result = lint_text(
        "After an outage, the lead engineer follows up with the Customer within 2 days."
    )
    assert not result.cards and not [f for f in result.findings if f.code == "SLA702"]


def test_a_word_in_brackets_after_the_figure_is_not_the_unit() -> None:
    (card,) = lint_text(
        "The Supplier shall resolve faults within 5 (five) days of the report."
    ).cards
    assert (card.target, card.unit, card.target_text) == ("5 (five)", "days", "5 (five) days")


def test_a_missing_section_is_reported_on_the_title_not_on_a_page_header() -> None:
    body = extract_text(
        "# Hosting Service Level Agreement\n\n"
        "## 1. Purpose\n\nThis agreement sets the service levels for the Hosting Service.\n\n"
        "## 2. Services\n\nThe Provider shall host the Customer's web shop.\n\n"
        "## 3. Availability\n\nThe Provider shall make the Service available 99.9% of each "
        "calendar month, measured by the Customer's monitoring.\n\n"
        "## 4. Service credits\n\nFor each month below 99.9% the Provider shall credit 5% "
        "of the monthly fee, without a claim.\n\n"
        "## 5. Exclusions\n\nPlanned maintenance announced 5 days ahead, at most 4 hours a "
        "month, is not downtime.\n",
        markdown=True,
    )
    header = Block("DRAFT for discussion", BlockLocation(paragraph=0, part="header"))

    findings = lint_blocks([header, *body], "draft.docx", LintOptions()).findings
    missing = [f for f in findings if f.category == "missing-section"]

    assert missing
    assert {(f.location.part, f.match) for f in missing} == {
        ("body", "Hosting Service Level Agreement")
    }


def test_a_table_of_undefined_clocks_is_one_finding_naming_its_other_rows() -> None:
    text = (
        "| Priority | Response | Resolution |\n| P1 | 1 hour | 4 hours |\n"
        "| P2 | 4 hours | 1 business day |\n\n"
        "Planned maintenance outside these hours: response 2 hours, resolution 2 days."
    )
    found = [f for f in lint_text(text, file="draft.md").findings if f.code == "SLA112"]

    assert len(found) == 1
    assert found[0].extra.get("also_at")


def test_a_metric_stated_in_a_table_and_again_in_its_clause_is_one_card() -> None:
    text = (
        "| Metric | Target | Window |\n| Incident Resolution Time | 8 hours | Calendar month |\n\n"
        "The Provider shall resolve each Incident within eight (8) hours of the Customer "
        "reporting it by e-mail, in each calendar month. Resolution means the affected "
        "service works again and the Customer confirms it."
    )
    cards = lint_text(text, file="draft.md").cards

    assert [(c.kind, c.target) for c in cards] == [(MetricKind.RESOLUTION_TIME, "8")]
    assert cards[0].start_event  # taken from the clause: the table row states none


_MERGED_ROWS = [
    ["Stage", "Priority", "Time", "Met for", "Notes"],
    ["Acknowledge", "P1", "30 minutes", "95%", "An engineer calls the user back."],
    ["", "P2", "4 hours", "90%", ""],
    ["Fix", "P1", "8 hours", "95%", "Normal service is restored."],
    ["", "P2", "24 hours", "90%", ""],
    ["", "P3", "3 days", "90%", ""],
]
"""A support table whose first column is merged down over the priorities of each stage."""


def _merged_table(tmp_path: Path, suffix: str) -> Path:
    """``_MERGED_ROWS`` as a user's file: a Word table with the merged cells, a Markdown table
    with them empty, or text copied from Word, where the rows under a merged cell lack it."""
    path = tmp_path / f"support{suffix}"
    if suffix == ".docx":
        document = docx.Document()
        document.add_heading("Support levels", 1)
        table = document.add_table(rows=len(_MERGED_ROWS), cols=5)
        for r, row in enumerate(_MERGED_ROWS):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        for top, bottom in ((1, 2), (3, 5)):
            table.cell(top, 0).merge(table.cell(bottom, 0))
        document.save(str(path))
    elif suffix == ".md":
        lines = [f"| {' | '.join(row)} |" for row in _MERGED_ROWS]
        lines.insert(1, "|---|---|---|---|---|")
        path.write_text("# Support levels\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    else:
        lines = [" | ".join(row[1:] if not row[0] else row) + " |" for row in _MERGED_ROWS]
        path.write_text("Support levels\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".docx", ".md", ".txt"])
def test_rows_under_a_merged_first_cell_take_the_metric_it_names(
    tmp_path: Path, suffix: str
) -> None:
    path = _merged_table(tmp_path, suffix)

    cards = lint_blocks(extract(path), str(path), LintOptions(model="blank")).cards

    assert [(c.kind, c.target_text, c.priorities) for c in cards] == [
        (MetricKind.RESPONSE_TIME, "30 minutes", ["P1"]),
        (MetricKind.RESPONSE_TIME, "4 hours", ["P2"]),
        (MetricKind.RESOLUTION_TIME, "8 hours", ["P1"]),
        (MetricKind.RESOLUTION_TIME, "24 hours", ["P2"]),
        (MetricKind.RESOLUTION_TIME, "3 days", ["P3"]),
    ]


def test_a_priority_named_by_a_word_alone_in_its_cell_is_the_cards_priority(
    tmp_path: Path,
) -> None:
    """ "Urgent", "High", "Critical", "Low" alone in a cell name the row's priority, in a
    priority matrix and under a merged first cell, as "P2" does."""
    rows = [
        ["Stage", "Priority", "Time"],
        ["Fix", "Critical", "4 hours"],
        ["", "P2", "8 hours"],
        ["", "Low", "3 days"],
    ]
    path = tmp_path / "support.docx"
    document = docx.Document()
    document.add_heading("Support levels", 1)
    matrix = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["Priority", "Response", "Resolution"],
                             ["Urgent", "15 minutes", "4 hours"],
                             ["High", "1 hour", "8 hours"]]):  # fmt: skip
        for c, value in enumerate(row):
            matrix.cell(r, c).text = value
    document.add_paragraph("Resolution by priority:")
    table = document.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(3, 0))
    document.save(str(path))

    cards = lint_blocks(extract(path), str(path), LintOptions(model="blank")).cards

    assert [(c.kind.value, c.target_text, c.priorities) for c in cards] == [
        ("response_time", "15 minutes", ["Urgent"]),
        ("resolution_time", "4 hours", ["Urgent"]),
        ("response_time", "1 hour", ["High"]),
        ("resolution_time", "8 hours", ["High"]),
        ("resolution_time", "4 hours", ["Critical"]),
        ("resolution_time", "8 hours", ["P2"]),
        ("resolution_time", "3 days", ["Low"]),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a plan's name is not a priority
            "| Plan | Monthly uptime |\n|---|---|\n| Standard | 99.5% |\n| Premium | 99.9% |\n",
            [("99.5", []), ("99.9", [])],
        ),
        (  # nor a service level's
            "| Service level | Monthly uptime |\n|---|---|\n| Standard | 99.5% |\n",
            [("99.5", [])],
        ),
        (  # nor a plan's tier, though it starts with a number
            "| Plan | Monthly uptime |\n|---|---|\n| Tier 1 | 99.95% |\n",
            [("99.95", [])],
        ),
        (  # nor a circuit's name that starts like one
            "| Link | Monthly availability |\n|---|---|\n| P2P circuit | 99.9% |\n",
            [("99.9", [])],
        ),
        (  # a heading that names the incidents: the word is their priority
            "| Incident | Response | Resolution |\n|---|---|---|\n"
            "| Critical | 15 minutes | 4 hours |\n| Routine | 1 day | 5 days |\n",
            [("15", ["Critical"]), ("4", ["Critical"]), ("1", ["Routine"]), ("5", ["Routine"])],
        ),
        (  # nor a reference code
            "Ref | Service | Level | Credit if missed\nS1 | Invoice accuracy | 99.5% of invoices "
            "free of errors in each billing run | 2% of the monthly fee\n",
            [("99.5", [])],
        ),
    ],
)
def test_a_cell_that_looks_like_a_priority_is_one_only_under_a_heading_of_priorities(
    text: str, expected: list[tuple[str, list[str]]]
) -> None:
    cards = lint_text(text, file="draft.md", options=LintOptions(model="blank")).cards

    assert [(c.target, c.priorities) for c in cards] == expected


def test_a_finding_on_a_table_row_marks_the_figures_cell_not_the_cells_before_it() -> None:
    """A Word comment on "4 hours" covers that cell, not the row from its metric's cell on."""
    text = "| Stage | Priority | Time |\n|---|---|---|\n| Resolve | Critical | 4 hours |\n"

    findings = lint_text(text, file="draft.md", options=LintOptions(model="blank")).findings

    assert [(f.code, f.match) for f in findings if f.code == "SLA702"] == [("SLA702", "4 hours")]


def test_a_priority_at_the_start_of_a_line_with_bars_is_not_given_to_its_later_sentences() -> None:
    text = (
        "P1 - site down | Response 30 minutes | Resolution 4 hours. P2 - one user | Response"
        " 2 hours | Resolution 8 hours.\n"
    )
    cards = lint_text(text, file="draft.txt", options=LintOptions(model="blank")).cards

    assert [(c.target, c.priorities) for c in cards][:3] == [
        ("30", ["P1"]),
        ("4", ["P1"]),
        ("2", ["P2"]),
    ]
    assert cards[3].target == "8" and cards[3].priorities != ["P1"]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (  # a row naming its own first cell, even with no figure, ends the merge
            "draft.md",
            "| Stage | Priority | Time |\n|---|---|---|\n| Fix | P1 | 8 hours |\n"
            "| Escalate to | Duty manager | by phone |\n| | P3 | 3 days |\n",
            [("resolution_time", "8 hours", ["P1"])],
        ),
        (  # a priority matrix after a blank line is another table: response, then resolution
            "draft.txt",
            "Support\nFix | P1 | 6 hours |\nP2 | 12 hours |\n\nP1 | 20 minutes | 5 hours |\n",
            [
                ("resolution_time", "6 hours", ["P1"]),
                ("resolution_time", "12 hours", ["P2"]),
                ("response_time", "20 minutes", ["P1"]),
                ("resolution_time", "5 hours", ["P1"]),
            ],
        ),
        (  # only the merged cell's own column carries its metric, not a column of updates
            "draft.md",
            "| Stage | Priority | Time | Updates |\n|---|---|---|---|\n"
            "| Fix | P1 | 4 hours | every 30 minutes |\n| | P2 | 8 hours | every 2 hours |\n",
            [("resolution_time", "4 hours", ["P1"]), ("resolution_time", "8 hours", ["P2"])],
        ),
    ],
)
def test_a_merge_ends_where_its_table_or_column_does(
    tmp_path: Path, name: str, text: str, expected: list[tuple[str, str, list[str]]]
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")

    cards = lint_blocks(extract(path), str(path), LintOptions(model="blank")).cards

    assert [(c.kind.value, c.target_text, c.priorities) for c in cards] == expected


def test_two_services_at_one_level_measured_over_other_windows_stay_two_cards() -> None:
    text = (
        "The Supplier shall make the Hosting Service available 99.9% of the time in each "
        "calendar month, measured by the Customer's monitoring tool.\n\n"
        "The Supplier shall make the Email Service available 99.9% of the time in each calendar "
        "quarter, measured by the Supplier's own monitoring."
    )
    cards = lint_text(text, file="draft.md").cards

    assert [(c.kind, c.target, c.window) for c in cards] == [
        (MetricKind.AVAILABILITY, "99.9", "each calendar month"),
        (MetricKind.AVAILABILITY, "99.9", "each calendar quarter"),
    ]


def test_lead_times_of_governance_paperwork_and_a_desk_named_claims_are_read_right() -> None:
    text = (
        "The Provider shall send the agenda to the Customer at least five (5) days before each "
        "meeting.\n\nA proposal to amend this Agreement shall reach the other party at least 30 "
        "days before that date.\n\nThe Provider shall keep Service Desk Response Time for the "
        "Claims Service Desk to no more than 20 minutes for 95% of calls in each calendar month, "
        "and shall give a Response to every other call within 60 minutes."
    )
    cards = lint_text(text, file="draft.md").cards

    assert [(c.kind, c.target, c.unit) for c in cards] == [
        (MetricKind.RESPONSE_TIME, "20", "minutes")
    ]
