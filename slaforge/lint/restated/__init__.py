"""Values stated twice: every "measure + number" in the document, compared across sentences.

The metric cards know a few kinds of metric; drafts restate many more (speed of answer,
attendance, provisioning, maintenance caps, credit rates, retention…). Here a statement is a
number with its unit and the nearest measure word before it ("attendance within 2 hours",
"ASA commitment of 45 seconds", "credits are calculated at 10%"), the priority it belongs to
("Priority 1", "Sev 2", "Emergency", "all severities") and the things it is about ("portal",
"API", the row of a table). Two statements of the same measure, priority and subject with
different values conflict, unless either is conditional ("outside business hours", "at
weekends") or a tier boundary ("below 99.5%"). "1 hour" and "60 minutes" are the same value;
"next business day" is one business day; opening hours ("08:00-18:00 CET, Monday to Friday",
"24x7"), report deadlines ("by the 10th working day of the following month", "within 5 working
days of the end of the month"), temperature limits, a downtime allowance against the
availability of the same period, and measurement windows ("per calendar month" against "per
calendar quarter", reported by the ``window`` check) are compared too. Separate passes find
one named meeting, review or report held at two cadences ("the monthly Service Review" and
"the Service Review is held quarterly"), one deadline counted back from an event by two
numbers of days ("the fifth Working Day before the Pay Date" and "the third"), a committed
availability whose credit table starts below it ("99.99%" and credits from "less than
99.95%"), and a heading whose value its section contradicts ("Four-Hour Response" over
"within 6 hours"), a credit that starts later than its target ("resolved within 8 hours" and a
credit for each fault "not resolved within 12 hours"), and one named period given two date
ranges ("the year-end freeze runs from 1 December" and "| Year-end | 15 December to 2 January
|"). Every pass runs, and each reports every measure it finds in conflict once (one point per
measure and pair of values, not one per repeat).

The modules, from the words up: ``regex`` and ``blocks`` (scan helpers; cells and sentences),
``values`` (figures and units), ``measures``, ``vocabulary`` and ``subjects`` (the words around
them), ``sentence`` and ``statement`` (one sentence, one statement), ``guards``, ``cases`` and
``targets`` (whether a value is a target, and of what), ``hours`` (opening hours and cover),
``extract`` (the statements of a block), ``document`` (those of the whole document), ``sameness``
and ``compare`` (which of them conflict), the further passes ``credits``, ``cadence``, ``dates``,
``headings`` and ``verbs``, and ``checks`` (the two checks)."""

from slaforge.lint.restated.checks import check_restated, check_windows, names_a_kind

__all__ = ["check_restated", "check_windows", "names_a_kind"]
