"""One value of a sentence read as a target (``value_statements``): its measure (from the sentence,
a column heading, the section heading or the dated event it is counted back from), the guards that
drop it (a threshold, a tolerance, an overrun, a tier of a credit table, a formula), whether it is
conditional, and the share of cases a time limit holds for."""

from __future__ import annotations

import re
from collections.abc import Iterator

from slaforge.lint.docinfo import DocInfo
from slaforge.lint.restated.cases import (
    CREDIT_HEAD,
    band_cell,
    case_label,
    is_conditional,
    special_case,
    threshold_column,
)
from slaforge.lint.restated.guards import (
    A_DAY,
    AHEAD,
    ALL_DAY_SERVICE,
    ALLOWANCE,
    AT_OR,
    AWARE_AFTER,
    BACKUP,
    BACKUP_KIND,
    BEFORE_DATE,
    BREACH,
    CAP,
    CAP_LABEL,
    CAP_NOUN,
    CASES_GIVEN,
    CELL_SHARE,
    COMMITTED,
    COMMITTED_WORD,
    CREDIT_CELL,
    CREDIT_RATE_AFTER,
    DATE_MINUS,
    DELETED_ITEMS,
    DELETION,
    DELIVERABLE,
    DURATION_BEFORE,
    EVENT_NOT_THING,
    FLOOR,
    FREQUENCY,
    GRANULE,
    GUARD_NEEDS,
    KEPT_POINTS,
    LENGTH_OF,
    MONTH_END,
    NOT_BINDING,
    NOT_LIMIT,
    NOT_RETENTION,
    NOT_TAKING,
    OF_DOWNTIME,
    PERCENTILE,
    PLANNED,
    POINT_CLASS,
    RANGE_FROM,
    RANGE_TO,
    REACH_AFTER,
    REACH_BEFORE,
    RECUR,
    REFERENCE_AFTER,
    REFERENCE_BEFORE,
    REMEDY,
    SHARE_NUM,
    SIZE_CASE,
    SIZE_WORDS,
    SLASH_NEXT,
    SLASH_PAIR,
    SPOKEN,
    TIER,
    TIMES_100,
    TOLD,
    UPPER,
    WINDOW_BEFORE,
    WRITTEN,
    bounded,
    guarded,
    may_match,
    maybe,
)
from slaforge.lint.restated.measures import CLOCKED, LOWER_BETTER_SHARE, PERCENTILED, SHARE_ONLY
from slaforge.lint.restated.regex import has_any
from slaforge.lint.restated.sentence import (
    LIMITED,
    Sentence,
    column_measure,
    lasts,
    other_measure,
    value_measure,
)
from slaforge.lint.restated.statement import EVENT, Statement, stmt
from slaforge.lint.restated.subjects import BACKUP_CLASS, WORD, head_noun
from slaforge.lint.restated.values import MINUTES, UNIT_RATE, Value, canonical_unit, parse_number
from slaforge.lint.restated.vocabulary import priority_of

_PROPORTION = re.compile(r"\b(?:proportion|percentage|share)\s+of\b")
_FALLS_BELOW = re.compile(
    r"[^.;|%]{0,40}?\b(?:falls?|is|drops?|was)\s+(?:below|under|less than)\s+(\d+(?:\.\d+)?)\s*%"
)
_CEILING = re.compile(
    r"(?:,|\band\b)\s*(?:and\s+)?(?:no|none|all|every|each)\b[^,;%]{0,60}?"
    r"(?:\b(?:later|longer|more|after)\s+than|\bwithin|\bin|\bunder|\bbeyond)\s+(?:the\s+)?$"
)
"""After a share, a limit for every case ("98%, and no attendance later than 2 hours", "95%
within 4 hours and all within 8 hours"): the time after it is the ceiling for the rest, compared
only with other ceilings."""


def value_statements(
    info: DocInfo,
    sent: int,
    s_start: int,
    words: Sentence,
    m: Value,
    spans: list[tuple[int, int, bool]],
    header: list[str] | None,
    cells: list[str],
    row: tuple[str, str, str],
    label: str,
    heading_measure: str | None,
    table: int,
    dispute: bool = False,
) -> Iterator[Statement]:
    sentence = words.text
    start, end = m.start - s_start, m.end - s_start
    num, pct, unit, clock_word, nbd, every = m.num, m.pct, m.unit, m.clock, m.nbd, m.every
    is_pct = pct is not None
    clause = words.clause_start(start)
    left_start = max(clause, start - 160)
    before = sentence[:start]
    right = sentence[end : end + 60]
    if cells and "|" in sentence:
        # a table row: only the values of the value's own cell go with it ("| 99.95% per
        # month | 7 hours |" is an availability and a fix time, not a share within a time)
        low_bar, high_bar = sentence.rfind("|", 0, start), sentence.find("|", end)
        high_bar = len(sentence) if high_bar < 0 else high_bar
        own_cell = [x for x in spans if low_bar < x[0] and x[1] <= high_bar]
    else:
        own_cell = spans
    low = words.low
    near = low[max(0, start - 50) : start]  # (the widest window of ``guarded``)
    if (has_any(near, GUARD_NEEDS) or not before[-50:].isascii()) and guarded(
        before, low, start, is_pct
    ):
        return
    if unit and sentence[start:end].endswith(f"-{unit}") and LENGTH_OF.match(right):
        return  # "downtime minutes in a 30-day month": the length of a period, not a target
    if SLASH_PAIR.search(before[-16:]) or (unit and SLASH_NEXT.match(right)):
        return  # "| Turnaround (A320 / A321) | 35 / 40 minutes |": one value per case, side by side
    if unit and A_DAY.match(right):
        return  # "response times run continuously, 24 hours a day": cover, not a time limit
    if unit and sentence[start:end] in ("24-hour", "24 hour") and ALL_DAY_SERVICE.match(right):
        return  # "a 24-hour on-call engineer": cover, not a time limit
    if unit and lasts(words, start, end):
        return  # "a 30 minute training session": how long it lasts, not a time limit
    measure = value_measure(words, left_start, start, end, is_pct, spans)
    if (
        measure == "answer"
        and not is_pct
        and WRITTEN.search(words.low, left_start, start)
        and not SPOKEN.search(words.low, left_start, start)
    ):
        measure = "response"  # "urgent tickets are answered within 2 hours": a ticket's reply
    spans = own_cell
    reach = (
        unit is not None
        and "restor" in words.low
        and unit.lower()[:3] in ("day", "wee", "mon", "yea")
        and bool(REACH_BEFORE.search(before[-30:]) or REACH_AFTER.match(right))
        and "point-in-time" not in words.low
        and not DELETED_ITEMS.search(before[-60:])
    )
    kept = ""
    if reach:
        measure = "retention"  # how far back a restore reaches is how long backups are kept
    elif measure == "recovery-point" and unit and KEPT_POINTS.search(before[-140:]) is not None:
        measure = "retention"  # "keeps daily recovery points for 30 days"
        kept = "points"
    elif (
        (every or (unit and before[-8:].rstrip().lower().endswith("every")))
        and "back" in words.low
        and BACKUP.search(words.low)
        and not NOT_TAKING.search(words.low)
    ):
        measure = "backup-frequency"  # "backed up every 24 hours", "backups every 4 hours"
    heading = ""
    if header:
        column = before.count("|") - (1 if info.block.text.lstrip().startswith("|") else 0)
        if not cells:
            column = 0
        if 0 <= column < len(header):
            heading = header[column]
    if measure is None and heading:
        measure = column_measure(heading)
    if measure is None and heading and row[1]:
        # "Measure | P1 | P2" over "Response | 15 minutes | 1 hour": the row names the measure
        measure = column_measure(row[1])
    if measure is None and cells and len(cells) == 2 and row[0] and not is_pct:
        # "| First bag on reclaim belt | Within 12 minutes |": a time kept for a thing that no
        # measure word names is compared under the row's own label (with the same label in
        # another table)
        label = " ".join(row[0].lower().split())
        if len(label.split()) >= 3 and label.isascii() and not priority_of(label):
            measure = f"'{label}'"
    if heading and priority_of(heading):
        row = (row[0], row[1], priority_of(heading))
    elif header and cells and len(cells[0].strip()) == 1 and not priority_of(cells[0]):
        # "Site Category | Response" over "| A | 30 minutes |": the row is Category A
        coded = priority_of(f"{header[0]} {cells[0].strip()}")
        if coded:
            row = (row[0], row[1], coded)
    if (
        measure is None
        and heading_measure
        and unit
        and not cells
        and not any(left_start <= x[0] < start for x in words.measures)
        and not DELIVERABLE.search(sentence, left_start, start)
    ):
        measure = heading_measure
    event = None
    if (
        unit
        and not cells
        and ("date" in right[:40] or "day" in right[:40] or "minus" in before[-15:])
    ):
        event = BEFORE_DATE.match(right) or DATE_MINUS.search(before[-40:])
        if event:
            measure = f"before {event.group(1)} date"
    ahead = bool(unit) and AHEAD.match(right) is not None
    if event:
        pass
    elif (
        measure not in (None, "notice", "claim", "credit")
        and unit
        and maybe(TOLD, before[-90:], low[max(0, start - 90) : start])
    ):
        # "notify the Customer of Emergency Maintenance within 30 minutes", "tell the Customer
        # within 2 days of anything likely to delay delivery": when the customer hears of it
        measure = f"{measure} notice"
    elif ahead and WINDOW_BEFORE.search(before[-25:]):
        return  # "never in the five Working Days before a Pay Date": a blackout, not a notice
    elif ahead and CASES_GIVEN.search(before[-80:]):
        return  # "98% of joiners notified 5 days ahead": which cases the share counts
    elif measure == "notice" or ahead:
        # a notice period is compared only with notices of the same thing; notices to
        # terminate differ by ground (for cause, for convenience) and are skipped
        about = (
            measure
            if measure not in (None, "notice")
            else other_measure(words, left_start, start, end) or heading_measure
        )
        if about == "notice":
            about = None
        if words.fact("termination"):
            measure = None
        elif about and (
            measure != "notice"
            or ahead
            or not unit
            or (cells and "notice" in row[0].lower())  # "| Maintenance notice | 5 days |"
        ):
            measure = f"{about} notice"
        elif (
            measure == "notice"
            and unit
            and not ahead
            and (
                EVENT.search(before)
                or AWARE_AFTER.match(right)
                or (cells and "notif" in row[0].lower())
            )
        ):
            # "notify the customer of a P1 incident within 30 minutes", "notify the contact
            # within 30 minutes of confirming the incident", "| P1 Notification | … | 1 hour |"
            measure = "notification"
        else:
            measure = None
    if measure is None:
        return
    if measure == "downtime" and (
        PLANNED.search(before[-40:]) or any(x[2] == "maintenance" for x in words.measures)
    ):
        measure = "maintenance"  # "planned maintenance downtime of up to 4 hours"
    if measure == "downtime" and (
        is_pct
        or not (
            LIMITED.search(before[-40:])
            or ALLOWANCE.search(before[-40:])
            or OF_DOWNTIME.match(right)
        )
    ):
        return  # only an allowance ("no more than 43 minutes of downtime") is a target
    if unit and measure != "slot" and GRANULE.match(right):
        return  # "measured in 5-minute intervals": how finely, not a target
    if (
        unit
        and measure not in ("retention", "maintenance", "downtime")
        and maybe(DURATION_BEFORE, before[-70:], low[max(0, start - 70) : start])
    ):
        return  # "no response for a continuous period of at least 30 minutes": how long
        # something lasts before it counts, not a time to act
    if measure == "retention" and NOT_RETENTION.search(sentence):
        last = [w for s, e, n, w in words.measures if n == "retention" and e <= start]
        if (last and DELETION.match(last[-1])) or words.fact("termination"):
            return  # deleting on request, keeping data after the contract ends
    near = before[-70:]
    if ("no " in near or "not " in near or "without" in near) and RECUR.search(near):
        return  # "no further visit is needed within 14 days": a recurrence window
    own = before.rsplit("|", 1)[-1] if cells else before  # "Up to 10 minutes | 10%": a band
    if measure == "credit" and (
        CAP.search(own[-40:])
        or maybe(CAP_NOUN, own[-90:], low[start - len(own[-90:]) : start])
        # "| Maximum monthly credit | 15% |" (not "| Maximum credit per incident | 5% |")
        or (
            cells
            and CAP_LABEL.search(row[0].lower()) is not None
            and not re.search(r"\b(?:per|each|every)\b", row[0].lower())
        )
    ):
        measure = "credit-cap"
    tail = before[-25:]
    reference = bool(
        "the" in tail.lower()
        and REFERENCE_BEFORE.search(tail)
        and (COMMITTED_WORD.search(tail) or REFERENCE_AFTER.match(right))
    )
    bound = bounded(tail) and not AT_OR.search(tail) and not (is_pct and FLOOR.search(tail))
    if (
        bound
        and not reference
        and measure not in ("claim", "retention")
        and not measure.endswith("notice")
        and not (COMMITTED.search(before[-40:]) or BREACH.search(right))
        and not (
            UPPER.search(tail)
            and (not is_pct or measure in LOWER_BETTER_SHARE)
            and not REMEDY.search(sentence)
        )
    ):
        return
    if unit and measure not in ("claim", "notification") and (dispute or words.fact("not-service")):
        return
    if unit and measure == "credit":
        return  # when a credit is paid or looked back on is not its rate
    done = words.fact("defines")
    if (
        (unit or nbd)
        and isinstance(done, int)
        and 0 <= done < start
        # (a cap inside a definition still binds: "'Planned Maintenance' means works ...,
        # up to 4 hours per month")
        and not (measure == "maintenance" and LIMITED.search(before[-40:]))
    ):
        return
    frequency = measure in ("update", "backup-frequency")
    if unit and not frequency and not reach and FREQUENCY.search(before[-12:]):
        return
    if every or frequency:
        if not frequency:
            return
        if every:  # "every hour", "hourly"
            unit = "hour" if every.startswith("hour") else every
    if is_pct:
        if RANGE_FROM.match(right) or (cells and RANGE_TO.search(before[-30:])):
            return
        # in a table row, only the value's own cell ("| 70% | Below 60% for 3 months |": the
        # target, then a termination trigger in another column)
        stop = sentence.find("|", end) if cells else -1
        stop = start + 60 if stop < 0 else min(stop, start + 60)
        tiers = max(clause, start - len(own))
        if (
            measure in SHARE_ONLY
            and may_match(TIER, sentence, low[tiers:stop])
            and any(t.end() - 1 != start for t in TIER.finditer(sentence, tiers, stop))
        ):
            return  # "Below 99.9% and at least 99.5%": one tier of a credit table
        clock, value = "%", parse_number(num or "0")
        if value == 0 and measure in ("credit", "credit-cap"):
            return  # "| Target met | 0% |": the band where no credit is paid, not a rate
        if measure == "availability" and (
            value > 100
            or (
                value == 100
                and (TIMES_100.search(before[-6:]) or TIMES_100.match(right) or "=" in sentence)
            )
        ):
            return  # "(uptime / total) x 100%": a formula, not a target
        if (
            measure in CLOCKED
            or (
                any(
                    not p
                    and (cells or not NOT_LIMIT.search(sentence, max(0, s - 40), s))
                    # (a time after a semicolon is another commitment's: "availability of
                    # 99.95%; Severity 1 response within 1 hour")
                    and ";" not in sentence[min(s, end) : max(s, start)]
                    for s, _e, p in spans
                )
                and measure not in ("credit", "credit-cap")
            )
        ):
            return  # "90% of calls within 20 seconds": a share tied to a time limit
        if measure == "credit":
            per = next(
                (
                    u
                    for u in UNIT_RATE.finditer(words.low)
                    if start in (u.start("rate"), u.start("rate2"))
                ),
                None,
            )
            if per:  # "1% for each day the report is late": a rate per day, not a flat credit
                measure = f"credit per {per.group('u') or per.group('u2')}"
    elif measure in SHARE_ONLY:
        return
    elif nbd:
        # "D+2": two working days after the day of receipt, as "next working day" is D+1
        clock, value = "business", 1440.0 * (int(nbd[-1]) if nbd[-1].isdigit() else 1)
    else:
        number = parse_number(num) if num else 1.0
        unit = canonical_unit(unit or "")
        clock = "business" if clock_word in ("business ", "working ", "banking ") else ""
        if unit == "day" and MONTH_END.match(right):
            yield stmt(info, sent, s_start, words, start, end, measure, "dom",
                        (number, 1.0 if clock else 0.0), left_start, label, row, table,
                        False)  # fmt: skip
        value = number * MINUTES.get(unit, 0)
        if not value:
            return
    conditional = (
        not reference
        and bool(
            (is_conditional(words, start) and not reach)  # "restored from the last 14 days"
            or maybe(NOT_BINDING, before, low[:start])
            or (measure == "credit" and maybe(TIER, sentence, low))
            or band_cell(header, cells, before, measure)
            or threshold_column(header, heading)
            or case_label(label, sentence, start)
            or special_case(words.low, start, measure in ("recovery-time", "recovery-point"))
            or (
                measure != "credit"
                and not reach
                and words.fact("trigger")
                and not COMMITTED.search(before[-40:])
            )
        )
    )
    st = stmt(info, sent, s_start, words, start, end, measure, clock, (value,), left_start,
               label, row, table, conditional)  # fmt: skip
    st.sized = has_any(low[left_start:start], SIZE_WORDS) and (
        SIZE_CASE.search(low, left_start, start) is not None
    )
    if event:
        # what is timed: the things named before the value ("the payment file", "payslips")
        things = {
            ("", head_noun(w))
            for w in WORD.findall(words.low, left_start, start)
            if len(w) > 3
            and w not in EVENT_NOT_THING
            and not (w == event.group(1) or w.startswith(f"{event.group(1)}-"))
        }
        if not things or " may " in words.low[left_start:start]:
            return  # "the Customer may object up to 5 days before": a right, not a deadline
        st.subjects, st.strict = frozenset(things), True
    if reach:
        st.subjects = frozenset({("", "backup")})
    elif measure == "retention" and kept == "points":
        # each class of recovery point ("daily", "month-end") is kept for its own time
        classes = POINT_CLASS.findall(words.low, left_start, start)
        if classes:
            word = next(w for w in classes[-1] if w)
            st.subjects = frozenset({(BACKUP_CLASS.get(word, word), "backup")})
    elif measure == "backup-frequency" and (kind := BACKUP_KIND.search(words.low)):
        st.priority = kind.group()  # full and incremental backups run at their own intervals
    if unit and (measure in CLOCKED or measure in PERCENTILED):
        earlier = [x for x in spans if left_start <= x[0] and x[1] <= start]
        pctl = PERCENTILE.search(words.low, left_start, start)
        if pctl:  # "p95 latency of 300 ms", "the 99th percentile is 800 ms"
            st.share = float(pctl.group(1) or pctl.group(2))
        elif (
            earlier
            and earlier[-1][2]
            and not CREDIT_RATE_AFTER.match(sentence, earlier[-1][1])
            and not CREDIT_HEAD.search(sentence, max(0, earlier[-1][0] - 30), earlier[-1][0])
        ):  # "80% of calls within 20 seconds" (not "a credit of 5% for each call-out not …")
            share = SHARE_NUM.match(sentence, earlier[-1][0])
            st.share = float(share.group()) if share else -1.0
            st.share = -1.0 if st.share >= 100 else st.share  # "100% of jobs": every job
            if st.share >= 0 and _CEILING.search(words.low, earlier[-1][1], start):
                st.share = 100.0  # the ceiling for the cases the share leaves out
            elif st.share >= 0:
                st.start = s_start + earlier[-1][0]  # the finding shows the share too
        elif (
            cells
            and (cell_share := CELL_SHARE.match(sentence, end))
            and not CREDIT_CELL.match(sentence, cell_share.end())
        ):
            # "Calls answered in 30 seconds | 80% | monthly": the share in the next cell
            st.share = float(cell_share.group(1))
            st.share = -1.0 if st.share >= 100 else st.share
        elif _PROPORTION.search(words.low, left_start, start) and (
            trail := _FALLS_BELOW.match(words.low, end)
        ):
            # "the proportion of alarms handled within 120 seconds falls below 98%": the
            # share the time is held to comes after it
            st.share = float(trail.group(1))
    yield st
