# ruff: noqa: E501
"""Whole-document shapes of the ``restated`` check (SLA011) and the plain-days check (SLA712):
tables beside prose, credit tables, FAQs, freeze calendars."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from slaforge.extract import extract
from slaforge.lint.engine import lint_blocks, lint_text
from slaforge.lint.model import LintOptions


def _flagged(text: str, code: str) -> list[str]:
    result = lint_text(text, options=LintOptions(select=(code,)))
    return [f.match for f in result.findings if f.code == code]


CONFLICTS = [
    # a notification counted from awareness, restated in a table
    (
        "The Processor shall inform the Controller within 24 hours of becoming aware of a personal data breach.\n\n| Obligation | Deadline |\n|---|---|\n| Breach notification | Within 48 hours of becoming aware |",
        "48 hours",
    ),
    (
        "For a P1 incident the Provider shall notify the contact within 30 minutes of confirming the incident.\n\n| Service Level | Measure | Target |\n|---|---|---|\n| P1 Notification | Notification of the contact | Within 60 minutes of confirmation |",
        "60 minutes",
    ),
    # one sentence, one credit threshold per thing, against the table
    (
        "| Option | Availability | Fix time |\n|---|---|---|\n| Single line | 99.9% per calendar month | 8 hours from the fault report |\n| Dual line | 99.99% per calendar month | 4 hours from the fault report |\n\nIf the availability of a single line in a month is below 99.5%, or the availability of a dual line is below 99.99%, the Customer receives a credit of 5% of the line rental.",
        "below 99.5%",
    ),
    # a credit that starts later than the target
    (
        "Priority 2 faults shall be resolved within 8 hours of the report.\n\n| Failure | Credit |\n|---|---|\n| Each Priority 2 fault not resolved within 12 hours of the report | 2% |",
        "12 hours",
    ),
    (
        "Grade of service: 80% of calls answered within 20 seconds, measured each day.\n\n| KPI failure | Credit |\n|---|---|\n| The Supplier fails to answer 80% of calls within 40 seconds on any day | 3% |",
        "80% of calls within 40 seconds",
    ),
    (
        "Severity 1 incidents are restored within 4 hours of the report.\n\nThe Customer is entitled to a service credit of 10% for every Severity 1 incident that is not restored within 6 hours of the report.",
        "6 hours",
    ),
    # prose naming one row of a plan table
    (
        "| Plan | Urgent response |\n|---|---|\n| Basic | 8 business hours |\n| Premier | 1 hour |\n\nOn Premier, urgent tickets get a response within 2 hours, at any time.",
        "2 hours",
    ),
    # a row whose label carries a reference code, a row after a row with a clock time
    (
        "Validated readings are delivered within 24 hours of the end of each day.\n\n| Data | Delivered by |\n|---|---|\n| Daily reads (D1) | 07:00 next day |\n| Validated readings (D2) | 36 hours after the end of the day |",
        "36 hours",
    ),
    # a one-letter row under "Site Category"
    (
        "We restore a Site Outage at a Category A Site within 5 hours, 24x7.\n\n| Site Category | Restoration |\n|---|---|\n| A | 6 hours |\n| B | 8 hours |",
        "6 hours",
    ),
    # "including weekends" is every day, not a case
    (
        "Priority 2 incidents are resolved within 8 hours on a 24x7 clock, including weekends.\n\nPriority 2 incidents are resolved within 12 hours of the report.",
        "12 hours",
    ),
    # one named period, two date ranges
    (
        "The year-end change freeze runs from 1 December to 4 January.\n\n| Freeze | Dates |\n|---|---|\n| Year-end | 14 December to 2 January |",
        "14 December to 2 January",
    ),
    # an FAQ answer takes its measure and priority from the question
    (
        "Severity 1 tickets get a response within 1 hour.\n\n**How quickly do you respond to a Severity 1 ticket?** Within 30 minutes, day or night.",
        "30 minutes",
    ),
    (
        "In a regional disaster, no more than 15 minutes of committed data will be lost.\n\n**How much data could we lose in a disaster?** Up to one hour of committed data.",
        "one hour",
    ),
    # retention in years; a notice period in a table row named "... notice"
    (
        "| What | Our commitment |\n|---|---|\n| Payslip records kept | 7 years |\n\nWe keep payslip records for 6 years after the end of the tax year, and then delete them.",
        "6 years",
    ),
    (
        "| What | Our commitment |\n|---|---|\n| Planned maintenance notice | 5 Working Days |\n\nWe tell you about planned maintenance at least 48 hours beforehand.",
        "48 hours",
    ),
    # a recovery time under its own premise ("if the data centre fails")
    (
        "| What | Our commitment |\n|---|---|\n| Disaster recovery: portal back online | 8 hours |\n\nIf our primary data centre fails, the portal will be back online within 4 hours.",
        "4 hours",
    ),
    # a row's label names its priority, not a word of its description
    (
        "| Category | Description | Attendance |\n|---|---|---|\n| Emergency | Immediate risk to safety | 1 hour |\n| Urgent | Defect likely to become an emergency | 4 hours |\n\nUrgent defects shall be attended within 6 hours of being logged.",
        "6 hours",
    ),
    # a ticket is answered by a reply: a response time, not a speed of answer
    (
        "| Plan | Urgent response |\n|---|---|\n| Basic | 8 business hours |\n| Premier | 1 hour |\n\nOn Premier, urgent tickets are answered by an engineer within 2 hours, at any time.",
        "2 hours",
    ),
    # a cap named by its table row; a call-back in prose and in a table
    (
        "Credits are capped at 20% of the monthly fee.\n\n| Item | Value |\n|---|---|\n| Maximum monthly credit | 15% of the monthly fee |",
        "15%",
    ),
    (
        "Critical incidents: a named engineer calls you back within 30 minutes of your report.\n\n| Severity | Call-back |\n|---|---|\n| Critical | 1 hour |\n| High | 4 hours |",
        "1 hour",
    ),
    # data loss said after its figure
    (
        "In a regional disaster no more than 15 minutes of committed data will be lost.\n\nAt most 1 hour of data may be lost in a failover.",
        "1 hour",
    ),
]


@pytest.mark.parametrize(("text", "flag"), CONFLICTS)
def test_whole_document_conflicts_are_flagged(text: str, flag: str) -> None:
    assert flag in _flagged(text, "SLA011")


NO_CONFLICT = [
    "The Restoration target is 6 hours from the fault report.\n\n| Level | Contact | Trigger |\n|---|---|---|\n| 2 | Service Manager | Restoration target missed by more than 4 hours |\n| 3 | Director | Restoration target missed by more than 8 hours |",
    "The API is Unavailable when every endpoint returns an error or no response for a continuous period of at least 20 minutes.\n\nThe Provider shall respond to Priority 1 tickets within 1 Working Day of logging.",
    "New lines are active within 2 Working Days of order acceptance. Orders of more than 40 lines are active within 10 Working Days of order acceptance.",
    "At weekends, Priority 2 incidents are resolved within 12 hours of the report.\n\nPriority 2 incidents are resolved within 8 hours of the report.",
    "Priority 2 faults shall be resolved within 8 hours of the report.\n\n| Failure | Credit |\n|---|---|\n| Each Priority 2 fault not resolved within 8 hours of the report | 2% |\n| Each Priority 2 fault not resolved within 24 hours of the report | a further 3% |",
    "| Plan | Urgent response |\n|---|---|\n| Basic | 8 business hours |\n| Premier | 1 hour |\n\nBoth Basic and Premier customers get a reply from an engineer within 8 business hours for routine tickets.",
    "The Provider shall notify the Customer within 24 hours of becoming aware of a personal data breach.\n\nThe Provider shall notify the Customer within 10 days of becoming aware of any change of subcontractor.",
    "| Option | Availability | Fix time |\n|---|---|---|\n| Single line | 99.9% per calendar month | 8 hours from the fault report |\n| Dual line | 99.99% per calendar month | 4 hours from the fault report |\n\nIf the availability of a single line in a month is below 99.9%, or the availability of a dual line is below 99.99%, the Customer receives a credit of 5% of the line rental.",
    "| Tier | Monthly availability | Availability in peak periods |\n|---|---|---|\n| Enterprise | 99.9% | 99.95% |\n| Enterprise Plus | 99.95% | 99.99% |\n\n| Monthly availability (Enterprise Plus) | Credit |\n|---|---|\n| Below 99.95% but at least 99.5% | 5% |\n| Below 99.5% | 10% |",
    "| Category | Description | Attendance |\n|---|---|---|\n| Emergency | Immediate risk to safety | 1 hour |\n\nB.2 For Emergency defects in operating theatres and the pharmacy clean room, the Contractor shall attend within 30 minutes.",
    "We tell you about planned maintenance at least 48 hours beforehand. Planned maintenance never takes place in the five Working Days before a Pay Date.",
    "We publish draft payslips for your approval by the third Working Day before the Pay Date, and publish final payslips to the employee portal at least 2 Working Days before the Pay Date.",
    "If the core nodes fail any measure for more than 4 hours in a month, the Provider will report the cause and fix within 10 Working Days.\n\nP1 faults are fixed within 7 hours of the report.",
    "For each full hour of downtime beyond 43 minutes in a calendar month, the Customer receives a credit of 10% of the monthly fee.\n\nCredit table: each full hour of downtime beyond the monthly allowance | 10% of monthly fee",
    "Credits are capped at 20% of the monthly fee.\n\n| Item | Value |\n|---|---|\n| Maximum credit per incident | 5% of the monthly fee |",
    "The summer freeze runs from 1 July to 31 August. The year-end freeze runs from 15 December to 2 January.",
    "Urgent jobs are delivered within 24 hours of order confirmation.\n\nCharges\n\nStandard (1 working day) | base rate\n\nUrgent (24-hour delivery) | base rate + 50%",
]


@pytest.mark.parametrize("text", NO_CONFLICT)
def test_cases_thresholds_and_side_by_side_values_are_not_conflicts(text: str) -> None:
    assert _flagged(text, "SLA011") == []


PLAIN_DAYS = [
    (
        '"Business Day" means Monday to Friday, excluding public holidays in England.\n\nAccess requests are completed within 2 Business Days of approval. Replacement laptops are delivered within 4 days of the fault report.',
        "4 days",
    ),
    (
        "Working Day means Monday to Friday excluding bank holidays in Scotland.\n\n| Request | Completion |\n|---|---|\n| New user | 1 Working Day from approval |\n| Mailbox restore | Within 3 days of the request |",
        "3 days",
    ),
    (
        "Working Day means Monday to Friday excluding bank holidays in Scotland. Faults are acknowledged within 1 Working Day of the report.\n\nData exports are made available within five days of the Customer's request.",
        "five days",
    ),
]


@pytest.mark.parametrize(("text", "flag"), PLAIN_DAYS)
def test_plain_days_among_business_days_are_flagged(text: str, flag: str) -> None:
    assert _flagged(text, "SLA712") == [flag]


NOT_PLAIN_DAYS = [
    "Business Day means Monday to Friday. Tickets are acknowledged within 1 Business Day of logging.\n\nEither party may terminate on 30 days' written notice.",
    "Business Day means Monday to Friday. Tickets are acknowledged within 1 Business Day of logging.\n\nResolved tickets close automatically after 5 days.",
    "Business Day means Monday to Friday. Tickets are acknowledged within 1 Business Day of logging.\n\nThe Customer must report a missing credit within 10 days of the monthly report.",
    "Business Day means Monday to Friday. Tickets are acknowledged within 1 Business Day of logging. References to days are to calendar days.\n\nReplacement laptops are delivered within 4 days of the fault report.",
    "Replacement laptops are delivered within 4 days of the fault report. Mailboxes are restored within 2 days of the request.",
    "Business Day means Monday to Friday. Tickets are acknowledged within 1 Business Day of logging.\n\nLines are ceased within 30 days of a site closure.",
]


@pytest.mark.parametrize("text", NOT_PLAIN_DAYS)
def test_other_days_are_not_flagged_as_plain_days(text: str) -> None:
    assert _flagged(text, "SLA712") == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "| KPI | Measure | Target |\n|---|---|---|\n| KPI 3 | Urgent repairs completed within the Repair time | 92% |",
            "SLA705",
        ),
        (
            "| Priority | Response | Resolution | Target attainment |\n|---|---|---|---|\n| P2 | 30 minutes | 8 hours | 90% |",
            "SLA705",
        ),
        (
            "| Tier | Freshness target |\n|---|---|\n| Tier 3 | Target set per feed at onboarding |",
            "SLA704",
        ),
    ],
)
def test_open_targets_in_tables_are_flagged(text: str, code: str) -> None:
    assert _flagged(text, code)


@pytest.mark.parametrize(
    "text",
    [
        "| Priority | Definition |\n|---|---|\n| P2 | Degraded service: packet loss above 2% or latency above 80 ms on any link |",
        "A Priority 2 fault is any circuit on which packet loss exceeds 1%.",
    ],
)
def test_a_loss_rate_at_which_a_state_begins_needs_no_window(text: str) -> None:
    assert _flagged(text, "SLA701") == []


def test_a_window_is_not_borrowed_from_another_table_row() -> None:
    text = "5.1 The following service levels apply:\n\n| Service Level | Measure | Target |\n|---|---|---|\n| Platform Availability | Availability of the platform | 99.5% of the time |\n| Monthly report | Delivery of the monthly report | 10th working day of the following month |"
    assert _flagged(text, "SLA701")


# values that legitimately differ in whole documents: what each of these tells apart
DIFFERENT_THINGS = [
    # the items of one bulleted list are the cases of one enumeration
    "Plan summary:\n\n- Starter plan: critical tickets answered within 8 business hours.\n- Growth plan: critical tickets answered within 2 hours, 24x7.\n- Scale plan: critical tickets answered within 30 minutes, 24x7.",
    # a table whose rows differ gives each row its own figure (site classes, a site register)
    "3.1 Each Gold site shall be available 99.95% of each calendar month.\n\n| Site class | Availability | Repair |\n|---|---|---|\n| Gold | 99.95% | 4 hours |\n| Silver | 99.9% | 8 hours |\n| Bronze | 99.5% | 2 Working Days |",
    "| Site | Class | Availability |\n|---|---|---|\n| LDN-01 | Gold | 99.95% |\n| MAN-07 | Silver | 99.9% |\n\n4.2 The Supplier shall keep every site available for 99.5% of each calendar month.",
    # two kinds of work item, and rows of two tables about different things
    "5.3 The Service Centre will resolve payroll queries from staff within 3 Working Days of receipt.\n\n7.4 Procurement service requests shall be resolved within 5 Working Days of logging.",
    "Schedule A\n\n| Work type | Completion |\n|---|---|\n| New starter accounts | 3 Working Days |\n| Leaver account removal | 1 Working Day |\n\nSchedule B\n\n| Request | Completion |\n|---|---|\n| Laptop replacement | 5 Working Days |",
    # a periodic report and a report on an event
    "9.1 The Contractor shall deliver the monthly service report within 5 Working Days of the end of each month.\n\n7.3 After each disaster recovery test the Contractor shall provide a written report of the results within 15 Working Days.",
    # a time named by what the customer does not do in it
    "6.4 A ticket is closed once the Customer confirms the fix, or if the Customer does not reply to a request for confirmation within 3 Business Days.\n\n| Priority | First response |\n|---|---|\n| P2 | 1 hour |",
    # kinds of data, each kept for its own time
    "Data held by the service:\n\n- Order records are kept for 24 months.\n- Photos of delivered parcels are kept for 60 days.\n\nIdempotency tokens are kept for 12 hours.",
    # a credit row about another measure is not a band of availability
    "| Missed service level | Credit |\n|---|---|\n| Monthly uptime below target | 10% of the monthly fee |\n| Toner stock below 95% | 2% of the consumables charge |\n\nDevices shall achieve 97% uptime in each calendar month.",
    # "measured against" is no condition: the two values below still conflict (see below)
]


@pytest.mark.parametrize("text", DIFFERENT_THINGS)
def test_values_of_different_things_are_not_conflicts(text: str) -> None:
    assert _flagged(text, "SLA011") == []


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "4.2 Every Class A Site is held to 99.95% Availability.\n\n12.1 Class A flagship stores are measured against an Availability target of 99.9% in each month.",
            "99.9%",
        ),
        (
            "| Service | Availability |\n|---|---|\n| Customer portal | 99.9% |\n| Reporting API | 99.5% |\n\n6.2 The Customer Portal shall be available 99.95% of each calendar month.",
            "99.95%",
        ),
        (
            "Schedule A\n\n| Work type | Completion |\n|---|---|\n| New starter accounts | 3 Working Days |\n| Leaver account removal | 1 Working Day |\n\nSchedule B\n\n| Request | Completion |\n|---|---|\n| New starter accounts | 5 Working Days |",
            "5 Working Days",
        ),
        (
            "9.1 The Contractor shall deliver the monthly service report within 5 Working Days of the end of each month.\n\nAnnex C: the monthly service report is due within 8 Working Days of month end.",
            "within 8 Working Days of month end",
        ),
        (
            "Hardware faults are fixed within 8 hours of the call.\n\nSchedule 2: hardware faults - fix within 12 hours of the call.",
            "12 hours",
        ),
    ],
)
def test_the_same_thing_restated_still_conflicts(text: str, flag: str) -> None:
    assert flag in _flagged(text, "SLA011")


def test_a_count_of_missed_months_is_not_a_measurement_window() -> None:
    text = "12.1 The Customer may terminate on 30 days' notice if:\n\n- Service Availability is below 99.5% in any two months of a rolling twelve-month period.\n\n| Measure | Target | Window |\n|---|---|---|\n| Service Availability | 99.9% | Calendar month |"
    assert _flagged(text, "SLA012") == []


def test_a_grading_table_sets_no_targets() -> None:
    text = "| Grade | Round-trip latency | Packet loss |\n|---|---|---|\n| Good | 120 ms or less | 0.5% or less |\n| Fair | 121-250 ms | over 0.5% to 2% |\n| Poor | over 250 ms | over 2% |"
    assert _flagged(text, "SLA701") == []


def test_a_window_stated_for_every_measure_of_the_section_is_the_window() -> None:
    text = "## 8. Network performance\n\n| Measure | Value |\n|---|---|\n| Latency | Under 20 ms |\n| Packet loss | Less than 0.2% |\n\n8.3 If any of these measures is failed for more than 2 hours in aggregate in a calendar month, the Provider will report the cause."
    assert _flagged(text, "SLA701") == []
    bare = "## 8. Network performance\n\n| Measure | Value |\n|---|---|\n| Latency | Under 20 ms |\n\n8.3 Credits are capped at 10% of the fees in each calendar month."
    assert _flagged(bare, "SLA701")


@pytest.mark.parametrize(
    "text",
    [
        "The Customer shall respond to the Supplier's requests for information within 2 days.",
        "The case remains open until the Client confirms it is resolved or fails to respond to our closure e-mail within 5 days.",
    ],
)
def test_the_customers_own_reply_time_is_no_service_level(text: str) -> None:
    assert _flagged(text, "SLA702") == []


def test_the_providers_reply_time_still_needs_its_start() -> None:
    assert _flagged(
        "If the Supplier fails to respond within 4 hours, the Customer may escalate.", "SLA702"
    )


@pytest.mark.parametrize(
    "text",
    [
        "90% of P1, P2 and P3 requests are closed within 2 days each month.",
        "95% of Severity 2 incidents shall be resolved within 8 hours of logging in each month.",
    ],
)
def test_an_attainment_share_of_named_priorities_needs_its_rest(text: str) -> None:
    assert _flagged(text, "SLA705")


def test_a_table_right_after_another_is_read_under_its_own_header() -> None:
    # the credit table's rows are triggers ("| Credit |" heading), not fix times of the first
    text = "| Priority | Target Clear Time |\n|---|---|\n| P1 | 5 hours |\n| P2 | 12 hours |\n\n| Credit | Amount |\n|---|---|\n| P1 fault not cleared within 8 hours | 5% of the monthly fee |"
    assert _flagged(text, "SLA011") == ["8 hours"]


def test_under_a_title_row_the_next_row_names_the_columns(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("The Provider shall respond to each P1 incident within 30 minutes.")
    table = document.add_table(rows=4, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Service levels"
    for r, (a, b) in enumerate(
        [("Priority", "Response"), ("P1", "45 minutes"), ("P2", "4 hours")], 1
    ):
        table.cell(r, 0).text, table.cell(r, 1).text = a, b
    document.save(str(tmp_path / "t.docx"))

    result = lint_blocks(extract(tmp_path / "t.docx"), "t.docx", LintOptions(select=("SLA011",)))

    assert [f.match for f in result.findings] == ["45 minutes"]
