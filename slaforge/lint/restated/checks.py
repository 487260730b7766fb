"""The two checks and what the metric cards ask of them: ``check_restated`` (SLA011) runs the
comparison and every further pass, each place flagged once; ``check_windows`` (SLA012) compares the
windows measures are measured over; ``names_a_kind`` tells a cadence word that names a kind of thing
("daily backups") from a measurement window."""

from __future__ import annotations

import re

from slaforge.lint.context import Context
from slaforge.lint.model import Finding
from slaforge.lint.restated.cadence import cadence_conflicts, meeting_conflicts
from slaforge.lint.restated.compare import compare_statements
from slaforge.lint.restated.credits import (
    credit_gap,
    formula_conflicts,
    miss_conflicts,
    unit_rate_conflicts,
)
from slaforge.lint.restated.dates import before_conflicts, date_range_conflicts, day_term_conflicts
from slaforge.lint.restated.headings import heading_conflicts
from slaforge.lint.restated.measures import WINDOW_MEASURES, find_measures
from slaforge.lint.restated.verbs import verb_conflicts
from slaforge.lint.rules import Rule


def check_restated(rule: Rule, ctx: Context) -> list[Finding]:
    """Flag a value that contradicts the same measure stated earlier in the document: every
    pass runs (a plain conflict does not hide a cadence or a deadline conflict elsewhere), and
    a place flagged by one pass is not flagged again by another."""
    out = compare_statements(rule, ctx, windows=False)
    places = {(id(f.location), f.start, f.end) for f in out}
    for further in (
        formula_conflicts,
        cadence_conflicts,
        unit_rate_conflicts,
        verb_conflicts,
        meeting_conflicts,
        before_conflicts,
        credit_gap,
        heading_conflicts,
        day_term_conflicts,
        miss_conflicts,
        date_range_conflicts,
    ):
        for f in further(rule, ctx):
            if (id(f.location), f.start, f.end) not in places:
                places.add((id(f.location), f.start, f.end))
                out.append(f)
    return out


_ADJ_WINDOW = re.compile(
    r"(?:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annual)"
)


_SHARED_BEFORE = re.compile(
    r"\b(?:shar|sen[dt]|report|publish|provid|e-?mail|upload|circulat|distribut|updat)\w*"
    r"(?:\s+[\w'\u2019-]+){0,4}\s+$"
)


def names_a_kind(text: str, window: str) -> bool:
    """True when ``window`` is an adjective that names a kind of thing in ``text`` rather than
    a measurement window ("weekly restore points: 8 weeks", "daily backups"), or says how
    often figures are sent ("results shared with the Customer daily"): wherever it stands,
    the next word is not a measure that has a window."""
    if not _ADJ_WINDOW.fullmatch(window.lower().strip()):
        return False
    low = text.lower()
    places = [m.end() for m in re.finditer(rf"\b{re.escape(window.lower().strip())}\b", low)]
    if not places:
        return False
    for end in places:
        start = end - len(window.strip())
        if _SHARED_BEFORE.search(low, max(0, start - 60), start):
            continue  # "results shared with the Vendor daily": how often figures are sent
        if low[end : end + 1] != " ":
            return False
        after = find_measures(text[end + 1 : end + 40], low[end + 1 : end + 40])
        if after and after[0][0] == 0 and after[0][2] in WINDOW_MEASURES:
            return False  # "monthly availability": the window of the measure
    return True


def check_windows(rule: Rule, ctx: Context) -> list[Finding]:
    """Flag a measure measured over a different window than where it was stated before."""
    return compare_statements(rule, ctx, windows=True)
