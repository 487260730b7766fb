"""The further passes on service credits: a credit table row or worked example that the credit
formula does not give ("5% per full 0.1% below 99.9%" against "99.8% to below 99.9% | 10%"), a row
that a credit rate per hour or day does not give, a committed availability whose credit table starts
below it ("99.99%" and credits from "less than 99.95%"), and a credit that starts later than its
target ("resolved within 8 hours" and a credit for each fault "not resolved within 12 hours")."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo
from slaforge.lint.model import Finding
from slaforge.lint.restated.blocks import table_cells, table_header
from slaforge.lint.restated.document import all_statements
from slaforge.lint.restated.measures import CLOCKED
from slaforge.lint.restated.regex import ascii_regex, is_plain
from slaforge.lint.restated.statement import Statement
from slaforge.lint.restated.subjects import overlap
from slaforge.lint.restated.values import NUM, PCT, UNIT_RATE
from slaforge.lint.restated.vocabulary import FURTHER, is_example
from slaforge.lint.rules import Rule

_FORMULA = re.compile(
    rf"\b(?:for|per)\s+(?:each|every)\s+(?P<full>(?:full|complete|whole)\s+)?(?P<step>\d*\.?\d+)"
    rf"\s*(?:%|percent(?:age)?[- ]points?\b|per ?cent\b|pp\b)[^.;%]{{0,80}}?\b(?:below|under"
    rf"|short of|less than)\s+(?:the\s+)?(?:[a-z]+\s+){{0,3}}?(?P<target>{NUM}){PCT}"
)
"""A credit that grows with the shortfall ("5% … for each full 0.1% by which availability
falls below 99.9%")."""
_FORMULA_RATE = re.compile(
    rf"(?P<rate>{NUM}){PCT}\s+of\s+(?:the\s+|that\s+|its\s+)?(?:[\w'\u2019-]+\s+){{0,3}}?"
    r"(?:fees?|charges?|price|invoice|rental|recharge)\b"
)
_FORMULA_CAP = re.compile(
    rf"\b(?:up to|capped at|cap of|maximum of|max\.?|not (?:to )?exceed|limited to)\s+(?:a\s+)?"
    rf"(?:(?:maximum|total)\s+(?:of\s+)?)?(?P<cap>{NUM}){PCT}"
)
_TIER_RANGE = re.compile(
    rf"(?P<lo>{NUM})\s*%?\s*(?:to|-|\u2013|\u2014|and)\s*(?:(?:below|under|less than)\s+|<\s*)?"
    rf"(?P<hi>{NUM}){PCT}"
)
_CREDIT_VALUE = re.compile(rf"(?<![\d.])(?P<c>{NUM}){PCT}")
_WORKED = re.compile(
    rf"\b(?:at|of|is|reaches|was|were|achieves?|achieved)\s+(?P<a>{NUM}){PCT}[^.;%]{{0,60}}?"
    rf"\b(?:credit|refund|rebate)\w*\b[^.;%\d]{{0,30}}?(?P<c>{NUM}){PCT}"
)
"""A worked example: an availability and the credit it earns ("at 99.7% availability the
credit is 30% of the monthly fee")."""


def formula_conflicts(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """A credit table row or worked example that the credit formula does not give ("5% per
    full 0.1% below 99.9%" against "99.8% to below 99.9% | 10%")."""
    formula = None
    for info in ctx.infos:
        low = info.low
        if (
            "%" not in low
            or not ("each" in low or "every" in low)
            or len(low) != len(info.block.text)
        ):
            continue
        for m in _FORMULA.finditer(low):
            rates = [r for r in _FORMULA_RATE.finditer(low) if abs(r.start() - m.start()) < 200]
            if not rates:
                continue
            near = min(rates, key=lambda r: abs(r.start() - m.start()))
            capped = _FORMULA_CAP.search(low)
            step, target = float(m.group("step")), float(m.group("target"))
            if 0 < step < 10 and 50 < target < 100:
                formula = (
                    info,
                    float(near.group("rate")),
                    step,
                    target,
                    float(capped.group("cap")) if capped else None,
                    m.group(),
                    (max(0, min(m.start(), near.start())), max(m.end(), near.end())),
                )
                break
        if formula:
            break
    if formula is None:
        return
    home, rate, step, target, cap, said, (f_start, f_end) = formula

    def allowed(lo: float, hi: float) -> tuple[float, float]:
        least = rate * math.floor(round((target - hi) / step, 6))
        most = rate * math.ceil(round((target - lo) / step, 6))
        return (min(least, cap), min(most, cap)) if cap is not None else (least, most)

    # the tables whose bands reach up to the formula's target: another credit table (of a
    # share of tickets met, "90% to below 95%") is not the one the formula gives
    run_of: dict[int, int] = {}
    reach: dict[int, float] = {}
    run, last = 0, -2
    for info in ctx.infos:
        cells = table_cells(info.block.text) if "|" in info.block.text else []
        if not cells:
            continue
        if info.index != last + 1:
            run += 1
        last = info.index
        run_of[info.index] = run
        for b in _BAND.finditer(cells[0].lower()):
            top = float(b.group("strict") or b.group("high"))
            reach[run] = max(reach.get(run, 0.0), top)
    for info in ctx.infos:
        text = info.block.text
        if "%" not in text or info.block.is_heading:
            continue
        low = info.low
        if len(low) != len(text):
            continue
        cells = table_cells(text)
        pairs: list[tuple[float, float, re.Match[str]]] = []
        if cells:
            if reach.get(run_of.get(info.index, 0), 0.0) < target - step:
                continue
            tier = _TIER_RANGE.search(cells[0].lower())
            rest = " | ".join(cells[1:])
            value = _CREDIT_VALUE.search(rest.lower())
            if tier and value:
                at = text.find(rest) + value.start()
                found = _CREDIT_VALUE.match(low, at)
                if found:
                    pairs.append((float(tier.group("lo")), float(tier.group("hi")), found))
        elif "credit" in low or "refund" in low or "rebate" in low:
            for w in _WORKED.finditer(low):
                if info is home and w.start() < f_end and w.end() > f_start:
                    continue
                a = float(w.group("a"))
                found = _CREDIT_VALUE.match(low, w.start("c"))
                if found:
                    pairs.append((a, a, found))
        for lo, hi, found in pairs:
            if not (target - 20 < lo <= hi <= target):
                continue
            least, most = allowed(lo, hi)
            credit = float(found.group("c"))
            if least - 0.01 <= credit <= most + 0.01:
                continue
            message = rule.message.format(measure="credit", other=f"the formula '{said}'")
            yield ctx.finding(rule, info, found.start(), found.end(), message)
            return


_UNIT_ROW = re.compile(
    r"^\s*(?:up to\s+|over\s+|more than\s+)?(?P<n>\d+)\s*(?P<u>hour|day|minute)s?\b(?P<more>"
    r"\s*(?:or more|or longer|and over|\+))?"
)


def unit_rate_conflicts(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """A credit table row ("2 hours | 20%") that a credit rate per hour or day stated in
    words ("5% of the monthly charge for each full hour") does not give."""
    rate: tuple[float, str, str] | None = None
    cap = math.inf
    for info in ctx.infos:
        text = info.block.text
        if "%" not in text or info.block.is_heading:
            continue
        low = info.low
        cells = table_cells(text)
        if not cells:
            if rate is None and ("credit" in low or "refund" in low or "rebate" in low):
                m = UNIT_RATE.search(low)
                if m:
                    unit = m.group("u") or m.group("u2")
                    rate = (float(m.group("rate") or m.group("rate2")), unit, m.group())
                    capped = _FORMULA_CAP.search(low)
                    cap = float(capped.group("cap")) if capped else math.inf
            continue
        if rate is None or len(low) != len(text):
            continue
        row = _UNIT_ROW.match(cells[0].lower())
        if not row or row.group("u") != rate[1]:
            continue
        rest = " | ".join(cells[1:])
        value = _CREDIT_VALUE.search(rest.lower())
        if not value:
            continue
        at = low.find(rest.lower()) + value.start()
        found = _CREDIT_VALUE.match(low, at)
        if found is None:
            continue
        expected = min(rate[0] * float(row.group("n")), cap)
        credit = float(found.group("c"))
        if abs(credit - expected) < 0.01 or (row.group("more") and credit < expected):
            continue
        other = f"the rate '{rate[2].strip()}'"
        yield ctx.finding(rule, info, found.start(), found.end(),
                          rule.message.format(measure="credit", other=other))  # fmt: skip
        return


_BAND = re.compile(
    r"(?:less than|lower than|below|under|falls? short of|<)\s*(?P<strict>\d{2}(?:\.\d+)?)\s*%"
    r"|(?<![\d.])(?P<low>\d{2}(?:\.\d+)?)\s*%?\s*(?:-|\u2013|to)\s*"
    r"(?P<high>\d{2}(?:\.(?P<dec>\d+))?)\s*%"
)
"""A band of a credit table: "below 99.9%" ends at 99.9; "99.5% - 99.89%" ends at 99.9."""
_BAND_ASCII = ascii_regex(_BAND)


_AVAILABILITY_WORD = re.compile(r"availab|up-?time")
_OTHER_BAND = re.compile(
    r"\b(?!(?:less|lower|than|below|under|above|falls?|short|from|between|and|the|monthly"
    r"|month|service|level|percentage|measured|achieved|actual|where|credit|band|tier|per"
    r"|cent|percent|but|not|equal|greater|less|higher|over|any|calendar|least|more|fewer"
    r"|for|each|total|overall|combined|minimum|guaranteed|committed|target)\b)[a-z]{3,}"
)
"""A word before a credit band other than the words of a band ("Toner level below 98%")."""


def _bands(ctx: Context) -> list[tuple[float, float, DocInfo, int, int, str]]:
    """The top band of each availability credit table (a run of table rows or bullets with
    bands, or one paragraph) as (its end, its rounding, block, start, end, its title: the
    heading and the paragraph before it)."""
    runs: list[list[tuple[float, float, DocInfo, int, int, str]]] = []
    last, last_row = -2, False
    before = ""
    for info in ctx.infos:
        low = info.low
        if "%" not in low or len(low) != len(info.block.text) or is_example(low):
            if not info.block.is_heading:
                before = low
            continue
        found: list[tuple[float, float, DocInfo, int, int, str]] = []
        path = " ".join(info.block.location.heading_path[-1:]).lower()
        for m in (_BAND_ASCII if is_plain(low) else _BAND).finditer(low):
            if m.group("strict"):
                value, tol, a, b = float(m.group("strict")), 0.0, m.start(), m.end()
            else:
                value, a, b = float(m.group("high")), m.start(), m.end()
                if value <= float(m.group("low")):
                    continue
                tol = 10.0 ** -len(m.group("dec") or "")
            if 90 <= value < 100:
                found.append((value, tol, info, a, b, f"{path} {before}"))
        if not found or "terminat" in low:
            before = low
            continue
        context = f"{before} {low} {' '.join(info.block.location.heading_path).lower()}"
        row = info.block.location.table is not None or low.lstrip()[:1] in ("|", "-", "\u2022")
        if (
            row
            and _OTHER_BAND.search(low, 0, found[0][3])
            and not _AVAILABILITY_WORD.search(low, 0, found[0][3])
        ):
            # "| Toner level below 98% | 2% |": a row of the credit table that names another
            # measure before its band is not a band of availability
            before = low
            continue
        if not row and len(found) > 1 and "credit" in context:
            # "if a single-access circuit's availability is below 99.9%, or a dual-access
            # circuit's availability is below 99.99%": each thing its own credit threshold
            cuts = [0] + [x[4] for x in found[:-1]]
            parts = [low[a : x[3]] for a, x in zip(cuts, found, strict=True)]
            if all(_AVAILABILITY_WORD.search(part) for part in parts):
                pairs = zip(found, parts, strict=True)
                runs.extend([(*x[:5], f"{path} {part}")] for x, part in pairs)
                before, last, last_row = low, -2, False
                continue
        if info.index != last + 1 or not row or not last_row:
            runs.append([])
            context_ok = "credit" in context and (
                "availab" in context or "uptime" in context or "up-time" in context
            )
            if not context_ok:
                runs[-1].append((-1.0, 0.0, info, 0, 0, ""))
        runs[-1].extend(found)
        last, last_row = info.index, row
    return [max(run, key=lambda x: x[0]) for run in runs if all(x[0] >= 0 for x in run)]


_COMMITTED = re.compile(r"\b(?:shall|will|must|commits?|guarantees?|warrants?|undertakes?)\b")
_AIMED = re.compile(
    r"\b(?:designed|design goal|aims?|objective|expected|typical(?:ly)?|not a commitment"
    r"|estimate[ds]?)\b"
)
_SLIP = 0.1
"""At most this many points between a level and the credit table below it read as a figure left
unrevised ("99.95%" and credits from "below 99.9%")."""


def credit_gap(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """A committed availability with no credit band that starts at it, and a credit table
    that starts a little below it ("99.99% each month" and credits from "less than 99.95%"):
    a month between the two misses the commitment and earns nothing. Where no table of the
    document starts at its level, only a slip of at most ``_SLIP`` points is flagged: a
    single table that starts well below the single level is a design (credits for material
    misses only), not a second target."""
    found, _doc = all_statements(ctx)
    levels = [
        st for st in found
        if st.measure == "availability" and st.clock == "%" and 90 <= st.value[0] < 100
    ]  # fmt: skip
    if not levels:
        return
    tops = _bands(ctx)
    if not tops:
        return

    def covers(top: float, tol: float, level: float) -> bool:
        return abs(level - top) <= tol + 1e-9

    covered = {st.value[0] for st in levels if any(covers(t[0], t[1], st.value[0]) for t in tops)}
    reach = 1.0 if covered else _SLIP
    if not covered:
        # one table: only one level, held to as a commitment ("shall be available 99.95%",
        # not "designed for 99.95%" nor a second service's figure)
        if len({st.value for st in levels}) > 1:
            return
        levels = [
            st for st in levels
            if _COMMITTED.search(st.context) and not _AIMED.search(st.context)
            and st.window in ((), (1.0, 0.0))  # (a quarterly level against monthly bands)
        ]  # fmt: skip
    for st in levels:
        level = st.value[0]
        if level in covered:
            continue
        heads = {h for _q, h in st.subjects if len(h) > 3}
        own = [t for t in tops if any(re.search(rf"\b{re.escape(h)}", t[5]) for h in heads)]
        if not own and st.row and st.table:  # "| Single-Access | 99.95% |": the row's thing
            row = r"[\s-]+".join(re.escape(w) for w in st.row.split())
            named = [t for t in tops if re.search(rf"\b{row}\b", t[5])]
        else:
            named = []
        below = [
            t for t in own or named or tops
            if 0 < level - t[0] - t[1] <= reach + 1e-9
            and (own or not any(covers(t[0], t[1], c) for c in covered))
        ]  # fmt: skip
        if below:
            _top, _tol, info, a, b, _title = max(below, key=lambda t: t[0])
            other = st.info.block.text[st.start : st.end]
            message = rule.message.format(measure="availability credit threshold", other=other)
            yield ctx.finding(rule, info, a, b, message)
            return


_MISSED_BEFORE = re.compile(
    r"\b(?:not|never|fail\w*\s+to|fails?\s+to\s+be)\s+(?:be\s+|been\s+)?(?:[a-z-]+\s+){0,6}?"
    r"(?:within|in)\s+(?:the\s+)?$"
    r"|\b(?:later than|longer than|outside|beyond|exceed\w*|more than)\s+(?:the\s+)?$"
    r"|\b(?:fewer|less)\s+than\s+(?:[a-z-]+\s+){0,6}?(?:within|in)\s+(?:the\s+)?$"
)
"""Before a time, words that make it the point a remedy starts from ("each P2 incident not
resolved within 12 hours", "fails to answer 80% of calls within 30 seconds", "attendance
later than 6 hours", "fewer than 80% of calls answered within 20 seconds")."""
_MISS_REMEDY = re.compile(
    r"\b(?:credit|refund|rebate|penalt|deduct|compensat|liquidated)"
    r"|\b(?:receives?|gets?|earns?|is paid|are paid)\s+(?:a\s+)?\d+(?:\.\d+)?\s*%\s+of\b"
)
"""A remedy: a credit by any name, or a share of the fee paid back ("receives 2% of the monthly
fee")."""


def miss_conflicts(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """A remedy for missing a time target that is counted from another time than the target
    ("Priority 2: resolved within 8 hours" and a credit for "each Priority 2 incident not
    resolved within 12 hours"): between the two the target is missed with no remedy. A
    further, worse threshold on top of one at the target ("an additional credit if not
    resolved within 24 hours", a credit table whose first row is the target) is a design."""
    found, _doc = all_statements(ctx)
    misses: dict[tuple[str, str, float], list[Statement]] = {}
    targets: list[Statement] = []
    for st in found:
        if st.measure not in CLOCKED or st.clock not in ("", "business"):
            continue
        if not st.conditional:
            if not st.table or "credit" not in table_header(ctx, st.info):
                targets.append(st)
            continue
        low = st.info.low
        said = low[st.start : st.end]
        share = st.share if "%" in said else -1.0  # not a credit rate in the next cell
        last = re.search(r"(?:\d[\d.,]*|\b[a-z]+-?[a-z]*)\s*[a-z ]*$", said)
        before = low[max(0, st.start - 80) : st.start] + (said[: last.start()] if last else "")
        if share >= 0:  # "fails to answer 80% of calls within 30 seconds"
            before = re.sub(r"\d+(?:\.\d+)?\s*%\s*of\s+", "", before)
        if not _MISSED_BEFORE.search(before) or FURTHER.search(st.context):
            continue
        if re.search(r"\bby\s+(?:more than\s+|over\s+)?$", before):
            continue  # an overrun ("missed by more than 2 hours")
        if not (
            _MISS_REMEDY.search(st.context)
            or (st.table and _MISS_REMEDY.search(table_header(ctx, st.info)))
        ):
            continue
        misses.setdefault((st.measure, st.priority, share), []).append(st)
    for (measure, priority, share), group in misses.items():
        same = [
            t for t in targets
            if t.measure == measure
            and t.share == share
            and (not priority or t.priority == priority)
            and not (
                t.subjects and group[0].subjects and not overlap(t.subjects, group[0].subjects)
            )
        ]  # fmt: skip
        values = {(t.clock, t.value) for t in same}
        if len(values) != 1 or any((m.clock, m.value) in values for m in group):
            continue
        first = min(group, key=lambda m: m.value)
        target = same[0]
        other = target.info.block.text[target.start : target.end]
        what = f"{measure.replace('-', ' ')} credit trigger"
        message = rule.message.format(measure=what, other=other)
        yield ctx.finding(rule, first.info, first.start, first.end, message)
