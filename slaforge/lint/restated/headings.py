"""The further pass on headings: a heading that names a value its own section contradicts
("Four-Hour Response" over "within 6 hours", "99.9% Uptime Guarantee" over "available 99.5% of each
month")."""

from __future__ import annotations

from collections.abc import Iterator

from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo
from slaforge.lint.model import Finding
from slaforge.lint.restated.document import all_statements
from slaforge.lint.restated.regex import has_any, is_plain
from slaforge.lint.restated.sentence import measure_of_heading
from slaforge.lint.restated.statement import Statement
from slaforge.lint.restated.values import (
    MINUTES,
    UNIT_HINTS,
    canonical_unit,
    parse_number,
    values_in,
)
from slaforge.lint.restated.vocabulary import PRIORITY, is_example
from slaforge.lint.rules import Rule


def heading_conflicts(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """A heading that names a value its own section contradicts ("Four-Hour Hardware
    Replacement" over "replaced within six hours"; "99.9% Uptime Guarantee" over "available
    99.5% of each month")."""
    heads: dict[int, tuple[str, float, bool, DocInfo]] = {}
    for info in ctx.infos:
        if not info.block.is_heading:
            continue
        low = info.low
        if not (has_any(low, UNIT_HINTS) or "next" in low or "nbd" in low):
            continue
        found = [v for v in values_in(low, is_plain(low)) if not v.every]
        if len(found) != 1 or PRIORITY.search(low) or is_example(low):
            continue
        v = found[0]
        if v.pct:
            value, pct = parse_number(v.num or "0"), True
        elif v.nbd:
            value, pct = 1440.0 * (int(v.nbd[-1]) if v.nbd[-1].isdigit() else 1), False
        else:
            value, pct = (
                parse_number(v.num or "1") * MINUTES.get(canonical_unit(v.unit or ""), 0),
                False,
            )
        measure = measure_of_heading(info.block.text)
        if value and measure:
            heads[info.index] = (measure, value, pct, info)
    if not heads:
        return
    found_st, _doc = all_statements(ctx)
    # the section of a statement is the last heading before it (two sections may share a
    # heading's words: "4-Hour Response" under Hardware and under Software)
    sections: dict[int, list[Statement]] = {}
    under = -1
    by_block = {info.index: info for info in ctx.infos}
    order = sorted(found_st, key=lambda st: st.info.index)
    latest: dict[int, int] = {}
    for index in sorted(by_block):
        if by_block[index].block.is_heading:
            under = index
        latest[index] = under
    for st in order:
        head = latest.get(st.info.index, -1)
        path = st.info.block.location.heading_path
        if (
            head in heads
            and path
            and path[-1] == heads[head][3].block.text
            and st.clock in ("%", "", "business")
        ):
            sections.setdefault(head, []).append(st)
    for head, sts in sections.items():
        measure, value, pct, info = heads[head]
        heading = info.block.text
        if any(st.priority for st in sts):
            continue
        same = [
            st for st in sts
            if (st.clock == "%") == pct and not st.conditional
            and st.measure == measure
        ]  # fmt: skip
        if len(same) != sum(
            (st.clock == "%") == pct and not st.measure.endswith("notice") for st in sts
        ):
            continue  # the section times other things too: the heading may sum them up
        if not same or len({st.value for st in same}) != 1:
            continue  # several values (per step, per site): the heading may name any
        if pct and same[0].measure != "availability":
            continue
        if any(abs(st.value[0] - value) < 1e-6 for st in same):
            continue
        st = same[0]
        message = rule.message.format(measure=st.measure.replace("-", " "), other=heading.strip())
        yield ctx.finding(rule, st.info, st.start, st.end, message)
