# ruff: noqa: E501
"""The ``restated`` check (SLA011) and the window check (SLA012): the same measure stated twice
with different figures, and only then."""

from __future__ import annotations

import pytest

from slaforge.lint.engine import lint_text
from slaforge.lint.model import LintOptions


def _flagged(text: str, code: str = "SLA011") -> list[str]:
    result = lint_text(text, options=LintOptions(select=(code,)))
    return [f.match for f in result.findings if f.code == code]


CONFLICTS = [
    # a word number, a unit change and a different figure
    ("Emergency call-outs are attended within four hours.\n\nEmergency attendance: 6 hours.", "6 hours"),
    ("Engineers arrive on site within 4 hours of the fault call.\n\nHardware cover: on-site attendance next business day.", "next business day"),
    ("Round-trip latency shall stay below 30 ms.\n\nNetwork annex: round trip under 0.045 s.", "0.045 s"),
    ("The supplier replies within two (2) Business Days.\n\nReply time: 3 Business Days.", "3 Business Days"),
    # a report deadline counted from the month end and as a day of the next month
    ("The monthly service report is issued within 5 working days of the end of each month.\n\nThe monthly service report is due by the 8th working day of the following month.", "by the 8th working day"),
    # opening hours on other days, round-the-clock cover for all priorities
    ("Support hours: 08:00-18:00, Monday to Friday.\n\nSupport is available 08:00-18:00, Monday to Saturday.", "08:00-18:00"),
    ("Support for all severities is provided 24x5.\n\nSeverity 1 support is provided 24 hours a day, 7 days a week.", "24 hours a day, 7 days a week"),
    # a cap stated after a notice period in the same sentence
    ("Planned maintenance is announced 5 days ahead and is limited to 6 hours per calendar month.\n\nPlanned maintenance may not exceed 10 hours in any calendar month.", "10 hours"),
    # a body value and a one-row table, a row label that names the thing
    ("The Provider keeps nightly backups of the ledger database for 35 days.\n\nBackup set | Retention\nDatabase | 21 days", "21 days"),
    # a table whose columns are priorities
    ("Measure | P1 | P2\nResponse | 15 minutes | 1 hour\nResolution | 4 hours | 8 hours\n\nP2 incidents are resolved within 12 hours.", "12 hours"),
    # the agreed value named in a remedy clause
    ("Availability per site: 99.95% per calendar month.\n\nWhere a site's availability falls below the committed 99.9% in a month, 10% of that site's charge is credited.", "99.9%"),
    ("Lead follow-up: every new lead is called within 24 hours of assignment.\n\nSales dashboard KPI: lead follow-up time ≤ 48 hours.", "48 hours"),
    ("Rack inlet temperature: maximum 27 °C.\n\nRack inlet temperature shall not exceed 25 °C.", "25 °C"),
    # a downtime allowance that does not fit the availability of the same period
    ("The Service shall be available 99.9% of each calendar month.\n\nUnplanned downtime shall not exceed 4 hours per calendar month.", "4 hours"),
    # a priority named two ways in one document
    ("Priority 1 (Critical): resolution within 4 hours.\n\nCritical incidents are resolved within 8 hours.", "8 hours"),
    # the same time limit met by another share of calls
    ("The contact centre answers 90% of calls within 30 seconds.\n\nService level: 80% of calls answered within 30 seconds.", "80% of calls answered within 30 seconds"),
    ("The provider notifies the customer of any security breach within 24 hours.\n\nSecurity breach notification: within 72 hours.", "72 hours"),
    # a claim window stated by the customer's duty and again in the passive
    ("8.2 The Customer must submit a credit claim within 30 days after the end of the month.\n\n11.4 All credit claims must be submitted within 10 days after the end of the month.", "within 10 days after the end of the month"),
    # one report named two ways
    ("The Provider shall submit a monthly service report by the 5th Business Day of each month.\n\nThe Provider shall deliver its monthly report no later than the 12th Business Day of each month.", "no later than the 12th Business Day"),
    ("P1 status updates are given every 30 minutes.\n\nP1 incidents: status update every hour.", "every hour"),
    # round-the-clock cover written as 24/7/365 or "round the clock" against opening hours
    ("Helpdesk support is provided 24/7/365.\n\nHelpdesk opening hours: Monday to Friday, 08:00 to 19:00.", "08:00 to 19:00"),
    ("The network operations centre is staffed round the clock.\n\nThe network operations centre is staffed from 07:00 to 23:00 every day.", "07:00 to 23:00"),
    # "cover" and "core hours" name the service hours; a lone "standard" tier is the same one
    ("Normal cover runs from 07:30 to 18:00, Monday to Friday.\n\nFaults are handled within the Contractor's core hours of 08:30 to 17:00.", "08:30 to 17:00"),
    ("Planned maintenance is carried out on Saturdays from 23:00 to 03:00.\n\nThe standard maintenance window is Sunday 01:00 to 05:00.", "01:00 to 05:00"),
    # a cap on credits phrased two ways
    ("Total service credits in any quarter shall not exceed 20% of the quarterly fee.\n\nThe maximum credit payable for a quarter is 30% of the quarterly fee.", "30%"),
    # allowances over two windows that cannot both hold
    ("Scheduled maintenance is limited to 10 hours in any month.\n\nThe Supplier may take up to 6 hours of scheduled maintenance per calendar year.", "6 hours"),
    # how far back a restore reaches against how long backups are kept
    ("Daily backups are held for 35 days.\n\nRestoration: the Provider will restore data from backups up to 60 days old on request.", "60 days"),
    ("Snapshots are retained for 30 days. A restore can be requested from any snapshot taken in the previous 7 days.", "7 days"),
    # the interval between backups
    ("The production database is backed up every hour.\n\nBackup schedule: backups of the production database run every 6 hours.", "6 hours"),
    # one named report issued at two cadences
    ("The performance report is delivered to the Customer every month.\n\nSchedule 3: the Provider shall provide the performance report quarterly.", "quarterly"),
    # a credit rate per hour against a credit table
    ("The Provider credits 2% of the monthly fee for every full day of delay.\n\nDelay | Credit\n1 day | 2%\n5 days | 15%", "15%"),
    # a clause that replaces another without deleting it leaves both standing
    ("3. Priority 1 incidents are resolved within 4 hours.\n\n9. Priority 1 incidents are resolved within 6 hours instead of the 4 hours stated in clause 3.", "6 hours"),
    # a target of 100% against another figure; hours of the day are not a threshold
    ("Power availability: 100% per calendar month.\n\nThe monthly report shows power availability against the 99.99% commitment.", "99.99%"),
    # a verb that is no known measure, done to the same thing within two times
    ("Each claim file shall be indexed within ten (10) minutes after upload.\n\nThe monthly report shows the share of claim files indexed within 20 minutes of upload.", "20 minutes"),
    # a tier named once ("standard") is the same jobs as the unnamed figure
    ("Standard turnaround for a survey report is 5 working days from the site visit.\n\nPrice list: survey reports are delivered with a turnaround of 8 working days from the visit.", "8 working days"),
    ("The portal shall be available for at least 99.8% of the hours between 06:00 and 22:00 in each month.\n\nService level | Level\nPortal availability | 99.5% per month", "99.5%"),
]  # fmt: skip

CONSISTENT = [
    "Response to Priority 1 incidents: 1 hour.\n\nThe Provider responds to P1 incidents within 60 minutes.",
    "The Service shall be available 99,9 % of each calendar month.\n\nAvailability target: 99.9% per calendar month.",
    "Priority 1 incidents are resolved within 4 hours.\n\nPriority 2 incidents are resolved within 8 hours.",
    "Priority 1 incidents receive a response within 15 minutes and are resolved within 4 hours.",
    "Calls are answered within 30 seconds.\n\nE-mails are answered within 8 business hours.",
    "Hardware faults are fixed within 8 hours.\n\nSoftware faults are fixed within 3 business days.",
    "The average speed of answer is 25 seconds.\n\n90% of calls are answered within 60 seconds.",
    "Monthly availability shall be at least 99.9%.\n\nAnnual availability shall be at least 99.95%.",
    "The service desk is open 08:00 to 18:00 on weekdays.\n\nOn Saturdays the service desk is open 09:00 to 13:00.",
    "The operations centre monitors the network 24x7.\n\nThe service desk is open 08:00 to 18:00, Monday to Friday.",
    "'Operating Hours' means 07:00 to 20:00, Monday to Saturday.\n\n'Service Desk Hours' means 08:00 to 18:00, Monday to Friday.",
    "Response within 30 minutes during business hours.\n\nOutside business hours, response within 2 hours.",
    "Latency between London and Paris shall be below 12 ms.\n\nLatency between London and Singapore shall be below 190 ms.",
    "The Service shall be available 99.9% of each calendar month.\n\nIf availability falls below 99.5%, 10% of the monthly fee is credited; below 99.0%, 25%.",
    "Availability | Credit\n99.5% to below 99.9% | 10% of the monthly fee\n99.0% to below 99.5% | 25% of the monthly fee",
    "Portal | 99.9% | calendar month\nAPI | 99.5% | calendar month\n\nThe Service is available 99.5% of each calendar month.",
    "Each new lead is called within 24 hours of assignment. Leads that could not be reached are called again within 48 hours.",
    "Collections take place within a 2-hour slot booked by the customer. Deliveries take place within a 4-hour slot.",
    "The cold aisle temperature is kept between 18 and 27 °C. The hot aisle temperature may reach 40 °C.",
    "Call recordings are retained for 90 days.\n\nCustomer data is deleted within 30 days of termination.",
    "The monthly report is sent by the 5th working day of the following month.\n\nA root cause report is provided within 5 working days of each P1 incident.",
    "The Service shall be available 99.9% of each calendar month.\n\nUnplanned downtime shall not exceed 43 minutes per calendar month.",
    "Availability is measured in 5-minute intervals. The Service is available 99.9% of each month.",
    "The provider notifies the customer of any security breach within 24 hours. It notifies the customer of any planned change within 5 days.",
    "The monthly report is issued within 10 working days of month end. The quarterly report is issued within 20 working days of quarter end.",
    "Backups are retained for 30 days on disk. Backups are then copied to tape and retained for 1 year on tape.",
    "Uptime target: 99.9%, excluding planned maintenance. Including planned maintenance, uptime will be at least 99.5%.",
    # a defined span used by name, and another defined span
    "\"Core Hours\" means 08:00 to 18:00 on working days and \"Late Hours\" means 18:00 to 22:00 on working days. Calls are answered within 20 seconds between 08:00 and 18:00 on working days.",
    "Cover runs from 07:30 to 18:00, Monday to Friday.\n\nSaturday cover runs from 09:00 to 13:00.",
    "Priority 1 incidents are handled round the clock. The service desk is open 08:00 to 18:00 on weekdays for all other requests.",
    # a cap and a rate, allowances that fit their windows
    "Service credits in any month shall not exceed 15% of the monthly charges.\n\nEach missed target earns a credit of 5% of the monthly charges.",
    "Scheduled maintenance is limited to 4 hours in any month.\n\nThe Supplier may take up to 24 hours of scheduled maintenance per calendar year.",
    # a named point-in-time feature, other data, a restore time, the same reach
    "Daily backups are retained for 35 days. Point-in-time restore is available for the last 7 days.",
    "Audit logs are retained for 1 year. Restores can be made from any backup taken in the last 30 days.",
    "Backups are retained for 30 days. Restores are completed within 2 days of the request.",
    "Backups are retained for 30 days. The Customer may ask for a restore from any backup taken in the last 30 days.",
    # kinds of backup, other things done to backups
    "Full backups are taken every 7 days.\n\nIncremental backups are taken every 4 hours.",
    "Backups are taken every 24 hours.\n\nBackups are tested every 3 months by a trial restore.",
    # two reports, or one report issued and reviewed
    "The monthly service report is issued within 5 working days of month end.\n\nThe quarterly service report is presented at each review meeting.",
    "The service report is issued each month and reviewed each quarter.",
    "The availability report is issued each month.\n\nThe security report is issued each quarter.",
    # a credit table that follows the rate, up to its cap
    "The Provider credits 2% of the monthly fee for every full day of delay, capped at 10%.\n\nDelay | Credit\n1 day | 2%\n15 days | 10%",
    # a clause said to be deleted, a typical figure, a recurrence window, a scoped exception
    "3. Priority 1 incidents are resolved within 4 hours.\n\n9. Clause 3 is deleted and replaced by the following: Priority 1 incidents are resolved within 6 hours.",
    "Priority 1 incidents are resolved within 4 hours.\n\nPriority 1 incidents are typically resolved within 2 hours.",
    "Incidents shall be resolved within 4 hours, and a resolved incident shall not be reopened within 5 days.",
    "Faults are fixed within 16 hours.\n\nFor the three island depots the fix time is 48 hours instead of 16 hours.",
    "Standard turnaround is 24 hours from receipt.\n\nExpress turnaround: 6 hours.",
    # other things, other verbs, other kinds, a condition
    "Orders are packed within 2 days of payment.\n\nReturns are packed within 5 days of approval.",
    "Invoices are approved within 5 days.\n\nInvoices are settled within 30 days.",
    "Domestic orders are packed within 2 days.\n\nInternational orders are packed within 5 days.",
    "Orders are packed within 2 days of payment.\n\nOrders placed at weekends are packed within 3 days.",
    # a client deadline and a provider deadline before the same date
    "The Client sends payroll input by 12:00 UK time six banking days before each pay date.\n\nThe BACS file is submitted by 16:00 UK time two banking days before the pay date.",
]  # fmt: skip


@pytest.mark.parametrize(("text", "flag"), CONFLICTS)
def test_a_measure_stated_twice_with_different_figures_is_flagged(text: str, flag: str) -> None:
    assert flag in _flagged(text)


@pytest.mark.parametrize("text", CONSISTENT)
def test_two_measures_or_the_same_figure_are_not_flagged(text: str) -> None:
    assert _flagged(text) == []


def test_a_measure_measured_over_two_windows_is_flagged_by_the_window_rule() -> None:
    text = (
        "Availability is measured over each calendar month.\n\n"
        "For service credits, availability is calculated over each calendar quarter."
    )
    assert _flagged(text, "SLA012") == ["over each calendar quarter"]


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a defined measurement period against a plain window
        ('"Review Period" means each calendar quarter. "Availability" means the share of minutes in the Review Period in which the portal could be used.\n\nThe Provider shall achieve an availability of 99.8% in each calendar month.', "in each calendar month"),
        # a question and its answer in an FAQ
        ("Uptime of 99.95% is guaranteed, measured every calendar month.\n\nHow is uptime calculated? We look at a rolling 12-month window.", "at a rolling 12-month window"),
    ],
)  # fmt: skip
def test_a_window_given_by_a_defined_period_or_an_faq_is_compared(text: str, flag: str) -> None:
    assert _flagged(text, "SLA012") == [flag]


@pytest.mark.parametrize(
    "text",
    [
        '"Service Period" means a calendar month. The portal shall be available for at least 99.5% of the hours in each Service Period.\n\nAvailability is measured in each calendar month.',
        "Uptime of 99.95% is guaranteed, measured every calendar month.\n\nHow is uptime calculated? We divide the minutes the service was up by the minutes in the month.",
        "Availability is measured per calendar month.\n\nAvailability reports are sent each quarter.",
        "Availability is measured per calendar month.\n\nCredits are capped at 20% of the fees in "
        "each calendar quarter.",
        "Availability of at least 99.9% per calendar month.\n\nIf availability is below 99.0% in "
        "any three months of a rolling 12-month period, the Customer may terminate.",
    ],
)
def test_other_periods_are_not_measurement_windows(text: str) -> None:
    assert _flagged(text, "SLA012") == []


# long documents: values that legitimately differ, and conflicts that must not hide each other
DIFFER = [
    # the customer's time limit and the provider's: two duties, not one figure stated twice
    "5.1 The Supplier shall give the Customer at least 10 Business Days' notice of planned maintenance.\n\n5.4 The Customer shall give notice of each maintenance freeze at least 3 Business Days in advance.",
    "7.2 You must claim a credit within 10 days of the month end; claims made after 10 days are lost.\n\n7.5 We will reply to each claim within 20 days.",
    # two different reports, each with its own deadline
    "6.1 The Provider shall send the Customer a deviation report with corrective actions within 15 Business Days of the deviation being raised.\n\n8.1 The Provider shall send the capacity report to the Customer within 20 Business Days of each test.",
    # cover round the clock and an addition to a time limit are not time limits themselves
    "Severity 1 responses run continuously, 24 hours a day. The Supplier responds to Severity 1 incidents within 30 minutes.",
    "Standard documents are translated within 5 Working Days.\n\nLarge-print versions of a document are delivered within its standard turnaround plus 2 Working Days.",
    # "a 30-day month" gives the length of a period, not a value of the measure
    "The Service shall be available 99.9% of each calendar month.\n\n| Plan | Uptime | Maximum downtime in a 30-day month |\n|---|---|---|\n| Standard | 99.9% | 43 minutes |",
    # a sampling interval is not a time limit of the thing sampled
    "4.1 Orders are delivered within 2 Business Days.\n\n4.6 Each delivery van carries a logger recording the temperature at intervals of no more than 10 minutes.",
    # values given side by side (per site, per column) and one of them restated alone
    "| Service | London | Manchester |\n| Cooling availability | 99.99% | 99.95% |\n\nCooling availability shall be at least 99.99% in each month at London and at least 99.95% in each month at Manchester.",
    # a scope the sentence narrows ("for such racks"), a storage tier, kinds of recovery point
    "Power availability for dual-fed racks shall be 100% in each month.\n\nA single-fed rack is not covered by clause 3.1; for such racks power availability is 99.9% in each month.",
    "Logs are kept in hot storage for 90 days.\n\nArchived logs are retained for 12 months from ingestion.",
    "Retention:\n\n- daily recovery points: 35 days;\n\n- weekly recovery points: 12 weeks;\n\n- monthly recovery points: 12 months.",
    "8.2 CCTV recordings of the data halls are retained for 90 days. Visitor access logs are retained for 12 months.",
    # a band of a credit table, a percentile, a further credit for a worse miss
    "The Service shall be available 100% of each month.\n\n| Unavailability in the month | Credit |\n|---|---|\n| Up to 10 minutes | 10% |\n| More than 10 minutes | 25% |",
    "95% of requests complete within 300 milliseconds. 99% of requests complete within 800 milliseconds.",
    "Critical alerts are triaged within 15 minutes.\n\nEach Critical alert not triaged within 60 minutes earns an additional credit of 2% of the monthly fee.",
    # a heading about something else, defined cover terms, round-the-clock logging
    "## Restore Testing\n\nA single-file restore is completed within 4 hours.\n\nA failed test is repeated within 20 working days.",
    "Standard Cover runs from 08:00 to 18:00, Monday to Saturday.\n\nExtended Stores have Extended Cover, from 07:00 to 22:00 every day.",
    "Support is provided from 08:00 to 18:00 every day.\n\nCalls may be logged with the service desk 24 hours a day, 7 days a week.",
    # two named services, two rows of one table
    "Planned maintenance of the Journey Planner takes place between 00:00 and 05:00 on Sunday. Maintenance of the Licensing Portal takes place between 19:00 and 07:00 on Sunday.",
    "| Site | Attendance |\n|---|---|\n| Database server | 4 hours |\n| Database backup appliance | 8 hours |",
    # an incident update cadence said with its incident
    "During any incident we update the status page every 30 minutes.\n\nP2 incidents: the status page is updated every 30 minutes.",
    # classes of backup, a close period's hours, a plan after a missed target, another party's deadline
    "We keep hourly backups of the database for 7 days. We also take a nightly backup of the whole site and keep it for 30 days.",
    "Support runs from 07:00 to 19:00 on working days.\n\nIn the month-end close, support runs from 06:00 to 22:00.",
    "P1 incidents are restored within 2 hours.\n\nA missed P1 target is reviewed by the Board, and the provider presents an improvement plan within 10 working days.",
    "The provider releases the payment file by 14:00 on the second working day before each payment date.\n\nBusiness units submit approved invoices by 12:00 on the fifth working day before the payment date.",
    # backups of two systems
    "The CRM backups are kept for 30 days.\n\nThe ledger database backups are kept for 90 days.",
    # a phase of the contract, two regions
    "Year 1: availability 99.5% per calendar month.\n\nYear 2 onwards: availability 99.9% per calendar month.",
    "Until the end of Month 3 after go-live, the availability target is 99.5% per calendar month.\n\nThe availability target is 99.9% per calendar month.",
    "In the UK region the platform shall be available 99.95% of each calendar month.\n\nIn the APAC region the platform shall be available 99.9% of each calendar month.",
    # values listed for two cases in one sentence and one of them restated
    "The API is available 99.99% of each calendar month in the US region and 99.95% of each calendar month in the EU region.\n\nEU region: the API is available 99.95% of each calendar month.",
]  # fmt: skip


@pytest.mark.parametrize("text", DIFFER)
def test_values_that_differ_by_site_kind_or_band_are_not_flagged(text: str) -> None:
    assert _flagged(text) == []


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a summary bullet against a clause whose report deadline follows an aside
        ("- Monthly report: by the 5th Working Day of each month\n\nThe Supplier shall provide the monthly report, covering triage, notification performance and credits, within 10 Working Days after the end of each month.", "10 Working Days"),
        # a target in a table with a termination trigger in another column
        ("First Contact Resolution shall be at least 75% of contacts in each calendar month.\n\n| Standard | Target | Credit if missed | Termination trigger |\n|---|---|---|---|\n| First Contact Resolution | 70% | 3% of monthly fee | Below 60% for 3 consecutive months |", "70%"),
        # a named service in a table and in a summary
        ("| KPI | Description | Measure |\n|---|---|---|\n| KPI 1 | Availability of the Journey Planner service | 99.95% |\n\n| Service | Availability |\n|---|---|\n| Journey Planner | 99.9% |", "99.9%"),
        # "recovered and available within": the recovery time
        ("| Tier | RPO | RTO |\n|---|---|---|\n| Tier 1 | 15 minutes | 2 hours |\n\nTier 1 systems shall be recovered and available to users within 4 hours of invocation.", "4 hours"),
        # a list after a colon that is not a time
        ("From 08:00 response targets: P1 - 30 minutes; P2 - 4 hours.\n\nP2 incidents receive a response within 8 hours.", "8 hours"),
    ],
)  # fmt: skip
def test_conflicts_across_distant_parts_are_flagged(text: str, flag: str) -> None:
    assert flag in _flagged(text)


def test_every_kind_of_conflict_is_reported_not_only_the_first() -> None:
    text = (
        "Availability is 99.9% per month.\n\n"
        "The Service Review is held monthly.\n\n"
        "Timesheets are due by 17:00 on the fifth working day before the pay date.\n\n"
        "The Service Review is held quarterly.\n\n"
        "Timesheets are due by 17:00 on the third working day before the pay date.\n\n"
        "Availability is 99.5% per month.\n\n"
        "Availability shall be 99.5% in each month."
    )
    flagged = _flagged(text)
    assert "99.5%" in flagged and "quarterly" in flagged
    assert "third working day before the pay date" in flagged
    assert len(flagged) == 3  # one point per conflicting measure, not one per repeat


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # "17:00" is 5 pm, not 5 am
        ("Timesheets are due by 17:00 on the fifth working day before the pay date.\n\nBy 5:00 on the third working day before the pay date.", False),
        ("Timesheets are due by 17:00 on the fifth working day before the pay date.\n\nBy 5 pm on the third working day before the pay date.", True),
    ],
)  # fmt: skip
def test_a_deadline_time_of_day_is_read_on_a_24_hour_clock(text: str, flagged: bool) -> None:
    assert bool(_flagged(text)) is flagged


def test_two_sections_with_the_same_heading_are_each_checked() -> None:
    text = (
        "## Hardware\n\n### 4-Hour Response\n\nHardware faults get a response within 4 hours.\n\n"
        "## Software\n\n### 4-Hour Response\n\nSoftware faults get a response within 6 hours."
    )
    assert _flagged(text) == ["6 hours"]


def test_thousands_of_table_rows_and_repeated_sentences_give_no_conflict() -> None:
    # (how long this takes is measured by benchmarks/lint_speed.py, not asserted here)
    rows = "\n".join(
        f"| Depot {i} | P{1 + i % 3} | {(15, 30, 60)[i % 3]} minutes | {(4, 8, 24)[i % 3]} hours |"
        for i in range(3000)
    )
    table = f"| Site | Priority | Response | Resolution |\n|---|---|---|---|\n{rows}"
    repeats = "\n\n".join(
        "The payroll file is sent by 17:00 on the fifth working day before the pay date, "
        "and the Service Review is held monthly."
        for _ in range(1500)
    )
    assert _flagged(table) == []
    assert _flagged(repeats) == []
