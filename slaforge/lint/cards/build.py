"""Every metric card of a document (:func:`build_cards`): each target of a block, the metric word
it belongs to, and the figures that set no target."""

from __future__ import annotations

from slaforge.lint.cardfields import quote
from slaforge.lint.cards.card import _card, _outermost
from slaforge.lint.cards.cells import _cell_bars, _remedy_row, _table_header
from slaforge.lint.cards.counts import _count_sites
from slaforge.lint.cards.definitions import _defines_kind, _definition
from slaforge.lint.cards.duties import _customer_acts, _lead_name, _lead_time
from slaforge.lint.cards.groups import _paragraph_groups
from slaforge.lint.cards.kindhits import _kind_hits
from slaforge.lint.cards.picking import _labelled, _pick_kind
from slaforge.lint.cards.rows import (
    Merge,
    _cell_of,
    _continues,
    _new_table,
    _row_priority,
    _row_sites,
)
from slaforge.lint.cards.rungs import _continued, _priorities
from slaforge.lint.cards.shares import (
    _custom_name,
    _of_the_time,
    _quick_share,
    _share,
    _share_of_items,
    _share_of_time,
)
from slaforge.lint.cards.words import _BOUND_WORDS, _FREQUENCY, _STATE, _sentence_words, _value
from slaforge.lint.context import CardSite, Context
from slaforge.lint.cues import LATENCY_UNITS
from slaforge.lint.docinfo import DocInfo, Hit
from slaforge.lint.kinds import example_from
from slaforge.lint.restated.blocks import table_cells
from slaforge.metrics import CLOCKED_KINDS, MetricKind

_SPAN = frozenset({"for", "during", "after"})
"""Words before a duration that make it a length of time, not a deadline."""
_NOTICE = frozenset({"notice", "notification"})
_AVERAGE = frozenset({"average", "mean", "averaged"})
_THRESHOLD_KINDS = frozenset({MetricKind.LATENCY, MetricKind.JITTER})
_CLAIMED = frozenset({"claim", "claims", "claimed", "submitted", "requested"})


def build_cards(ctx: Context) -> list[CardSite]:
    """Every metric card defined in the document, in document order."""
    sites: list[CardSite] = []
    definitions: dict[MetricKind, str | None] = {}
    exclusions = next(
        (quote(i, h) for i in ctx.infos for h in i.hits.get("@exclusion", ())[:1]), None
    )
    remedy = next((quote(i, h) for i in ctx.infos for h in i.hits.get("@remedy", ())[:1]), None)
    groups = _paragraph_groups(ctx)
    header: DocInfo | None = None
    merged: Merge | None = None
    """What the first cell of a row above names, for the rows it is merged over."""
    last_row: DocInfo | None = None
    for info in ctx.infos:
        header = _table_header(info, header) if "|" in info.block.text else None
        row = "|" in info.block.text and bool(_cell_bars(info))
        if not row or not _continues(info) or _new_table(info, last_row):
            merged = None  # (any row but one under the merged cell ends the merge)
        last_row = info if row else None
        if info.block.is_heading or _in_dispute_part(info):
            continue
        counted: list[CardSite] = []
        if "@rate" in info.keys or "@score" in info.keys:
            group = groups.get(info.index, [])
            counted = _count_sites(ctx, info, group, definitions, exclusions, remedy)
        if "@metric" not in info.keys:
            sites.extend(counted)
            continue
        before_block = len(sites)
        targets = _outermost(info)
        example = example_from(info)
        if example is not None:
            # a worked example's figures illustrate the formula; they define no metric
            targets = [t for t in targets if t[0][2] < example]
        seen: set[tuple[int, MetricKind, str]] = set()
        previous: tuple[Hit, MetricKind] | None = None
        for target, pct in sorted(targets, key=lambda t: (t[0][0], t[0][0] - t[0][1])):
            kinds = _kind_hits(info, target[2])
            picked = _pick_kind(info, kinds, target, pct)
            carried = None
            if not pct and previous is not None:
                carried = _continued(info, kinds, previous, target)
            picked = carried or picked
            if picked is None or picked[0] is MetricKind.CUSTOM:
                picked = _labelled(info, kinds, target, pct) or picked
            if picked is None and pct:
                picked = _of_the_time(info, target) or _share_of_items(info, target)
            elif picked is None and _lead_time(info, target):
                picked = MetricKind.CUSTOM, target  # "published no later than two Working
                # Days before each Pay Date"
            elif picked is None and _quick_share(info, target):
                picked = MetricKind.LATENCY, target  # "90% of screen transitions shall
                # complete within 1.5 seconds"
            if picked is None:
                continue
            kind, kind_hit = picked
            text = " ".join(info.text_of(target).split())  # "4\u00a0hours" as "4 hours"
            if not pct and kind is MetricKind.RESPONSE_TIME:
                unit = text.split()[-1].lower()
                if unit in LATENCY_UNITS:
                    kind = MetricKind.LATENCY
            if kind is MetricKind.RESOLUTION_TIME and _AVERAGE.intersection(
                info.lower_words(max(target[0] - 3, 0), target[0])
                + info.lower_words(max(kind_hit[0] - 3, 0), kind_hit[0])
                + info.lower_words(kind_hit[1], max(target[0], kind_hit[1]))
            ):
                kind = MetricKind.MTTR  # "repair faults within an average of 5 hours", "the
                # average time to restore service", "return it to service in a mean time of"
            if pct and kind is MetricKind.CUSTOM and _share_of_time(info, kind_hit, target):
                continue  # "answer 80% of calls within 20 seconds": the share, not the target
            if kind in _THRESHOLD_KINDS and _STATE.intersection(_sentence_words(info, target[2])):
                continue  # "latency above 2 seconds counts as downtime": a downtime rule
            if not pct and kind in CLOCKED_KINDS and _customer_acts(info, target[2], kind_hit):
                continue  # "the Customer shall reply within 5 days": the customer's own duty
            if not pct and _CLAIMED.intersection(info.words(kind_hit[1], target[0])):
                continue  # "credits for missed response times must be claimed within 7 days"
                # (in lower case: "the Claims Service Desk" is a name)
            if not pct and kind in CLOCKED_KINDS and _above(info, target[0]):
                continue  # "| Severity 1 response later than 60 minutes | 5% |": a miss
            if kind in _ABOVE_KINDS and _above(info, target[0]):
                continue  # "Degraded service: packet loss above 1%": when a state begins
            if pct and kind is MetricKind.AVAILABILITY and (_value(text) or 100) < 50:
                continue  # "periods in which fewer than 5% of users are affected": a threshold
            # measures without a kind of their own are told apart by name ("the Recovery Time
            # Objective is 4 hours and the Recovery Point Objective 30 minutes")
            name = _custom_name(info, kind_hit, target) if kind is MetricKind.CUSTOM else ""
            if kind is MetricKind.CUSTOM and kind_hit == target and not pct:
                name = _lead_name(info, target)
            if (target[2], kind, name) in seen and carried is None:
                continue
            if pct and kind is MetricKind.AVAILABILITY and (_value(text) or 0) >= 100:
                continue
            before = info.lower_words(target[0] - 1, target[0])[0] if target[0] > 0 else ""
            if before in ("=", "\u2248"):
                continue
            if not pct and before in _FREQUENCY:
                continue  # "every 30 minutes", "in any 2 months": not a deadline
            if not pct and kind in CLOCKED_KINDS and target[0] > 0 and before in _SPAN:
                continue  # "kept on site for 30 days": how long, not how soon
            if not pct and "consecutive" in text.lower().split():
                continue  # "missed in two consecutive months": a count of periods
            if _defines_kind(info, kind_hit, target):
                continue  # '"Resolution" means ... not objected within 8 hours'
            if not pct and _NOTICE.intersection(info.lower_words(target[1], target[1] + 3)):
                continue  # "terminate on 30 days' written notice": a notice period
            seen.add((target[2], kind, name))
            if kind not in definitions:
                definitions[kind] = _definition(ctx, kind)
            group = groups.get(info.index, [])
            card = _card(ctx, info, target, kind, text, pct, definitions[kind], group)
            if not pct and card.counts_as_met is None:
                card.counts_as_met = _share(info, target)
            card.priorities = _priorities(info, target, previous)
            if not card.priorities and target[2] == 0 and table_cells(info.block.text):
                card.priorities = _row_priority(info, header)  # (a row's first sentence)
            if kind is MetricKind.CUSTOM:
                card.name = name
            card.exclusions = exclusions
            card.remedy = remedy
            start = min(kind_hit[0], target[0])
            end = max(kind_hit[1], target[1])
            if row and _cell_of(info, kind_hit[0]) != _cell_of(info, target[0]):
                start, end = target[0], target[1]  # (a finding marks the figure's cell alone)
            qualified = "@qualifier" in info.sent_keys[target[2]] or "@qualifier" in info.keys
            bound = before in _BOUND_WORDS and _remedy_row(info, header)
            sites.append(CardSite(card, info, target[2], start, end, qualified, bound))
            previous = (target, kind)
        if row and len(sites) == before_block:
            sites.extend(_row_sites(ctx, info, header, exclusions, remedy, definitions, merged))
        elif row and merged is None:
            merged = Merge.of(info)
        if row and any(site.tier_bound for site in sites[before_block:]):
            # "| Below 99.9% and at least 99.5% | 5% |": both figures bound one credit band
            for site in sites[before_block:]:
                site.tier_bound = True
        if counted:
            sites[before_block:] = sorted([*sites[before_block:], *counted], key=_position)
    return sites


def _position(site: CardSite) -> tuple[int, int]:
    return site.sent, site.start


def _in_dispute_part(info: DocInfo) -> bool:
    """True for a block under a dispute heading: "time to resolve at this level" in an
    escalation table sets no service level."""
    return any("dispute" in heading.lower() for heading in info.block.location.heading_path)


_ABOVE_KINDS = frozenset({MetricKind.ERROR_RATE, MetricKind.LATENCY, MetricKind.JITTER})
_ABOVE = frozenset(
    {"above", "over", "exceeds", "exceeding", "exceed", "exceeded", "beyond", ">", ">="}
)


def _above(info: DocInfo, start: int) -> bool:
    """True when a loss, error or delay figure is a lower bound ("packet loss above 1%",
    "latency of more than 200 ms"): the level at which some state (a fault, a priority,
    degraded service) begins, not a target, which is an upper bound ("below", "no more
    than")."""
    words = info.lower_words(max(start - 3, 0), start)
    if not words:
        return False
    if words[-1] in _ABOVE:
        return len(words) < 2 or words[-2] not in ("not", "never", "no")
    return (
        len(words) >= 2
        and words[-1] == "than"
        and words[-2] in ("more", "greater", "higher", "longer", "later")
        and (len(words) < 3 or words[-3] not in ("no", "not"))
    )
