"""Every statement of the document, worked out once for both checks (``all_statements``), and
``Doc``, what the comparison needs to know about the whole document: named tiers, priority aliases,
tables whose rows differ, values given side by side, defined spans of hours, the items of each list.
A measure stated over a defined period ("the Measurement Period") takes the window the definition
gives; a value restated without a party takes its first statement's."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from slaforge.lint.context import Context
from slaforge.lint.restated.blocks import parts, table_cells
from slaforge.lint.restated.extract import statements
from slaforge.lint.restated.measures import MEASURE, WINDOW_MEASURES, find_measures
from slaforge.lint.restated.statement import Statement, dimension, glosses_term
from slaforge.lint.restated.subjects import row_things
from slaforge.lint.restated.values import DIGIT, QTY
from slaforge.lint.restated.vocabulary import (
    ALIAS_NAMES,
    MONTHS,
    PRIORITY,
    TERMINATION,
    TIERS,
    TRIGGER,
    is_example,
    priority_of,
)

_BULLET = re.compile(r"\s*(?:[-*\u2022]|\(?[a-z0-9]{1,2}[.)])\s+\S")
"""A list item ("- ", "• ", "(a) ", "1) ")."""
_SYMBOL_ITEM = re.compile(r"\s*[-*\u2022]\s+\S")
"""An item of a bulleted list ("- ", "• "), not a numbered clause ("3. ")."""


@dataclass
class Doc:
    """What the comparison needs to know about the whole document."""

    tiers: dict[str, set[str]]
    """The named tiers ("standard", "premium") stated for each measure."""
    aliases: dict[str, str]
    """Priority names the document equates ("Priority 1 (Critical)": critical -> 1)."""
    uniform: dict[tuple[int, str, str, str], bool]
    """For each table, measure and priority: True when all its rows state the same value (a
    table whose rows differ gives each thing its own value, not the document's)."""
    terms: dict[str, set[tuple[float, ...]]] = field(default_factory=dict)
    """For each measure, the spans of hours given a defined name ("Core Hours" means
    08:00-18:00): plain hours equal to one of them use that name, not another."""
    variants: dict[tuple[str, str], set[frozenset[tuple[str, tuple[float, ...]]]]] = field(
        default_factory=dict
    )
    """For each measure and priority, every pair (and single value) of the values one sentence
    or table row gives side by side ("99.99% at LON1 and 99.95% at MAN2", "| Cooling | 99.99% |
    99.95% |"): the document says the measure differs by something (a site, a plan, a column),
    so each of these values stated alone elsewhere is one of the variants, not a second
    target."""
    rows: dict[int, set[str]] = field(default_factory=dict)
    """For each table, the labels of its rows that state a value."""
    row_priorities: dict[int, set[str]] = field(default_factory=dict)
    """For each table, the priorities and tiers its rows name."""
    varied: set[tuple[int, str, str, str]] = field(default_factory=set)
    """The tables, measures and priorities (keys of ``uniform``) whose rows give the measure
    different values: each row has its own figure."""
    lists: dict[int, int] = field(default_factory=dict)
    """For each list item (block index), the number of its list: the items of one list are
    the cases of one enumeration ("- Standard Edition: 4 hours", "- Business Edition: 1
    hour"), never two statements of one figure."""
    varied_rows: set[tuple[int, str, str]] = field(default_factory=set)
    """The tables and measures (with dimension) whose rows give different values, whatever
    priority each row names: a row that names no priority is one case of such a table."""
    row_texts: dict[int, dict[str, str]] = field(default_factory=dict)
    """For each table, the text (lower case) of its rows at each priority they name."""
    lows: list[str] = field(default_factory=list)
    """Each block's text in lower case."""
    common: dict[str, bool] = field(default_factory=dict)
    """Words (lower case) found to be named in many blocks, or not (see ``sameness``)."""
    counterparts: dict[tuple[int, str], set[tuple[int, str]]] = field(default_factory=dict)
    """For a table row (table, label), the rows of other tables that give the same measure for
    the same thing under another label (see ``_counterparts``)."""


_PERIOD_TERM = re.compile(
    r"[\"\u201c](?P<term>(?:[A-Z][\w-]*\s+){0,2}(?:Period|Window))[\"\u201d]\s+means\s+(?:each|a|an"
    r"|one|every|the)?\s*(?:calendar\s+)?(?P<unit>month|quarter|year|week)\b(?![- ]?end)"
)
"""A defined measurement period ("'Measurement Period' means each calendar quarter")."""


def _period_windows(ctx: Context) -> Iterator[Statement]:
    """A measure stated over a defined period ("the percentage of minutes in the Measurement
    Period") is measured over the window the definition gives; compared with plain windows
    ("99.9% in each calendar month") by the window check."""
    terms: dict[str, float] = {}
    for info in ctx.blocks_containing(("means",)):
        text = info.block.text
        if "Period" in text or "Window" in text:
            for d in _PERIOD_TERM.finditer(text):
                terms[d.group("term").lower()] = MONTHS[d.group("unit")]
    if not terms:
        return
    for info in ctx.blocks_containing(terms, lower=True):
        low = info.low
        if len(low) != len(info.block.text):
            continue
        for n, (start, part) in enumerate(parts(info, low)):
            if TERMINATION.search(part) or TRIGGER.match(part) or is_example(part):
                continue
            for term, months in terms.items():
                at = part.find(term)
                if at < 0 or _PERIOD_TERM.search(info.block.text, start, start + len(part)):
                    continue
                found = [x for x in find_measures(part[:at], part[:at]) if x[2] in WINDOW_MEASURES]
                if not found:
                    continue
                yield Statement(
                    measure=found[-1][2],
                    priority=priority_of(part[:at]),
                    subjects=frozenset(),
                    clock="window",
                    value=(months, 0.0),
                    info=info,
                    sent=-1 - n,
                    start=start + at,
                    end=start + at + len(term),
                    conditional=False,
                )
                break


def all_statements(ctx: Context) -> tuple[list[Statement], Doc]:
    """Every statement of the document in order (computed once for both checks)."""
    cached: tuple[list[Statement], Doc] | None = ctx.memo.get("statements")
    if cached is not None:
        return cached
    out: list[Statement] = []
    aliases: dict[str, str] = {}
    named = {info.index for info in ctx.blocks_containing(ALIAS_NAMES, lower=True)}
    header: list[str] | None = None
    table = 0
    for info in ctx.infos:
        if info.block.is_heading:
            continue
        text = info.block.text
        cells = table_cells(text)  # a table row, from Markdown or Word alike: "| A | B |"
        if not cells:
            header = None
        elif header is None or info.block.opens_table:  # the first row names its columns
            header = cells
            table += 1
        elif len(set(header) - {""}) == 1 and not (QTY.search(info.low) or DIGIT.search(text)):
            # under a title row (cells merged across the table: "| Service levels | Service
            # levels |"), the first row without figures names the columns
            header = cells
        out.extend(statements(info, header, table, aliases if info.index in named else None))
    extra = list(_period_windows(ctx))
    if extra:  # in document order, so the later of two windows is the one flagged
        out = sorted(out + extra, key=lambda st: (st.info.index, st.start))
    _inherit_party(out)
    tiers: dict[str, set[str]] = {}
    values: dict[tuple[int, str, str, str], set[tuple[float, ...]]] = {}

    for st in out:
        if st.priority in TIERS:
            tiers.setdefault(st.measure, set()).add(st.priority)
        if st.table:
            # (a surcharge of 50% in a row of delivery times is not a second delivery time)
            key4 = (st.table, st.measure, st.priority, dimension(st))
            values.setdefault(key4, set()).add(st.value)
    terms: dict[str, set[tuple[float, ...]]] = {}
    for st in out:
        if st.clock == "range" and glosses_term(st):
            terms.setdefault(st.measure, set()).add(st.value)
    together: dict[tuple[int, int, str, str, str], set[tuple[str, tuple[float, ...]]]] = {}
    run, last = 0, -2
    runs: dict[int, int] = {}
    bullets = [info for info in ctx.infos if _BULLET.match(info.block.text)]
    for info in bullets:
        run += info.index != last + 1
        runs[info.index], last = run, info.index
    for st in out:
        if not st.conditional and st.sent >= 0:
            key = (st.info.index, st.sent, st.measure, dimension(st), st.priority)
            together.setdefault(key, set()).add((st.clock, st.value))
            if st.siblings:
                together[key] |= {(st.clock, v) for v in st.siblings}
            if st.info.index in runs and st.named and st.subjects:
                # the bullets of one list, each naming its own case ("- Data centre sites:
                # 99.99%", "- Branch sites: 99.9%"), give the measure's values side by side
                key = (-runs[st.info.index], 0, st.measure, dimension(st), st.priority)
                together.setdefault(key, set()).add((st.clock, st.value))
    variants: dict[tuple[str, str], set[frozenset[tuple[str, tuple[float, ...]]]]] = {}
    for (_i, _s, measure, _d, priority), group in together.items():
        if len(group) > 1:
            known = variants.setdefault((measure, priority), set())
            known.update(frozenset({v}) for v in group)
            known.update(frozenset(p) for p in itertools.combinations(group, 2))
    doc = Doc(tiers, aliases, {key: len(v) == 1 for key, v in values.items()}, terms, variants)
    item, last = 0, -2
    for info in bullets:  # (a symbol item is a bullet)
        if _SYMBOL_ITEM.match(info.block.text):
            item += info.index != last + 1
            doc.lists[info.index], last = item, info.index
    by_row: dict[tuple[int, str, str, str], dict[str, set[tuple[float, ...]]]] = {}
    for st in out:
        if st.table and st.row:
            key4 = (st.table, st.measure, st.priority, dimension(st))
            by_row.setdefault(key4, {}).setdefault(st.row, set()).add(st.value)
    for key4, per_row in by_row.items():
        if len(per_row) > 1 and len({frozenset(v) for v in per_row.values()}) > 1:
            doc.varied.add(key4)
    all_rows: dict[tuple[int, str, str], dict[str, set[tuple[float, ...]]]] = {}
    for (t, measure, _p, dim), per_row in by_row.items():
        for label, got in per_row.items():
            all_rows.setdefault((t, measure, dim), {}).setdefault(label, set()).update(got)
    doc.varied_rows = {
        key3
        for key3, rows in all_rows.items()
        if len(rows) > 1 and len({frozenset(v) for v in rows.values()}) > 1
    }
    doc.counterparts = _counterparts(by_row)
    doc.lows = [info.low for info in ctx.infos]
    seen: set[tuple[int, str]] = set()
    for st in out:
        if st.table and st.row:
            doc.rows.setdefault(st.table, set()).add(st.row)
            doc.row_priorities.setdefault(st.table, set()).add(st.priority)
            if st.priority and (st.info.index, st.priority) not in seen:
                seen.add((st.info.index, st.priority))
                texts = doc.row_texts.setdefault(st.table, {})
                texts[st.priority] = f"{texts.get(st.priority, '')} {st.info.low}"
    ctx.memo["statements"] = (out, doc)
    return out, doc


def _counterparts(
    rows: dict[tuple[int, str, str, str], dict[str, set[tuple[float, ...]]]],
) -> dict[tuple[int, str], set[tuple[int, str]]]:
    """Rows of two tables that give one measure at one priority for one thing under two labels
    ("| Alarm response | 30 minutes |" in the service levels, "| Intruder or fire alarm
    activation | 45 minutes |" in an annex): once rows with the same label are paired, a row
    that may name the same thing (``_one_thing``) as exactly one row left in the other table,
    and that row as it alone."""
    found: dict[tuple[int, str], set[tuple[int, str]]] = {}
    by_kind: dict[tuple[str, str, str], list[tuple[int, set[str]]]] = {}
    for (t, measure, priority, dim), labels in rows.items():
        by_kind.setdefault((measure, priority, dim), []).append((t, set(labels)))
    for tables in by_kind.values():
        for (t1, one), (t2, two) in itertools.combinations(tables, 2):
            la, lb = sorted(one - two), sorted(two - one)
            match = {a: [b for b in lb if _one_thing(a, b)] for a in la}
            back = {b: [a for a in la if _one_thing(a, b)] for b in lb}
            for a, hits in match.items():
                if len(hits) == 1 and back[hits[0]] == [a]:
                    found.setdefault((t1, a), set()).add((t2, hits[0]))
                    found.setdefault((t2, hits[0]), set()).add((t1, a))
    return found


_LINK_WORDS = frozenset("of or and the for to in on by with per".split())  # noqa: SIM905


def _one_thing(a: str, b: str) -> bool:
    """True when two row labels (lower case) may name one thing: they share a word that names
    it, and one says all the other says ("alarm response" and "intruder or fire alarm
    activation"), never two things ("finance service requests" and "hr service requests",
    "site a" and "site b")."""
    if not row_things(a) & row_things(b):
        return False
    said = [frozenset(MEASURE.sub(" ", PRIORITY.sub(" ", x)).split()) - _LINK_WORDS for x in (a, b)]
    return said[0] <= said[1] or said[1] <= said[0]


def _inherit_party(out: list[Statement]) -> None:
    """A value restated in its paragraph without a party ("you must claim within 7 days …
    Claims made after 7 days are lost") has the party of its first statement."""
    known: dict[tuple[int, str, tuple[float, ...]], str] = {}
    for st in out:
        key = (st.info.index, st.measure, st.value)
        if st.party:
            known.setdefault(key, st.party)
        elif key in known:
            st.party = known[key]
