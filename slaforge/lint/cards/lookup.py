"""A card field looked up nearest first: the target's sentence, its block and the list items of
its paragraph, the paragraphs on its metric, then any sentence that names the metric."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from slaforge.lint.cardfields import other_clock, quote
from slaforge.lint.cards.cells import _cell_bars
from slaforge.lint.cards.groups import _kind_group
from slaforge.lint.cards.rank import _fit
from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo, Hit
from slaforge.metrics import MetricKind


def _lookup(
    ctx: Context,
    info: DocInfo,
    sent: int,
    kind: MetricKind,
    key: str,
    group: Sequence[DocInfo] = (),
) -> str | None:
    """A card field: a cue of ``key`` that fits it (see :func:`_rank`) in the target's
    sentence; else a cue that states the field outright, then one that fits it, each looked
    for nearest first: in the block and the list items of its paragraph, the paragraphs on its
    metric (with their items), and the first sentences anywhere that name the metric. A cue
    that names something else states nothing."""
    near: dict[int, tuple[DocInfo, Hit]] = {}
    kind_key = f"@kind:{kind.value}"
    for other, hits in _near_hits(info, sent, key, group):
        for hit in hits:
            if key == "@start" and other_clock(other, hit[2], hit[0], kind_key):
                continue  # ("the response clock starts when …" is not the resolution's start)
            rank = _fit(key, other, hit)
            if rank == 3 or (rank > 1 and other is info and hit[2] == sent):
                return _field_text(key, other, hit)  # (stated outright, or with the target)
            near.setdefault(rank, (other, hit))
    far = _far(ctx, kind, key)
    for rank in (3, 2, 1):
        where = near.get(rank) or far.get(rank)
        if where is not None:
            return _field_text(key, *where)
    return None


def _far(ctx: Context, kind: MetricKind, key: str) -> dict[int, tuple[DocInfo, Hit]]:
    """The first hit of ``key`` of each rank (see :func:`_rank`) in the paragraphs on ``kind``
    (see :func:`_kind_group`), else in the sentences anywhere that name ``kind``; found once
    per document."""
    memo: dict[tuple[MetricKind, str], dict[int, tuple[DocInfo, Hit]]] = ctx.memo.setdefault(
        "lookup", {}
    )
    found = memo.get((kind, key))
    if found is None:
        kind_key = f"@kind:{kind.value}"
        on_kind = _ranked(
            key,
            (
                (i, h)
                for i, h in _hits_in(_kind_group(ctx, kind), key)
                if key != "@start" or not other_clock(i, h[2], h[0], kind_key)
            ),
        )
        anywhere = _ranked(key, ((i, h) for i, h in ctx.hits(key) if kind_key in i.sent_keys[h[2]]))
        found = memo[(kind, key)] = {**anywhere, **on_kind}
    return found


def _ranked(key: str, pairs: Iterable[tuple[DocInfo, Hit]]) -> dict[int, tuple[DocInfo, Hit]]:
    """The first of ``pairs`` of each rank."""
    found: dict[int, tuple[DocInfo, Hit]] = {}
    best = 3 if key in _GRADED else 2
    for other, hit in pairs:
        found.setdefault(_fit(key, other, hit), (other, hit))
        if best in found:
            break
    return found


def _hits_in(blocks: Sequence[DocInfo], key: str) -> Iterator[tuple[DocInfo, Hit]]:
    for info in blocks:
        for hit in info.hits.get(key, ()):
            yield info, hit


def _near_hits(
    info: DocInfo, sent: int, key: str, group: Sequence[DocInfo]
) -> Iterator[tuple[DocInfo, Sequence[Hit]]]:
    """The hits of ``key`` in the target's sentence, its block, then its paragraph's items."""
    hits = info.hits.get(key, ())
    yield info, [h for h in hits if h[2] == sent]
    yield info, hits
    row = key == "@window" and bool(_cell_bars(info))
    for other in group:
        if other is not info and not (row and _cell_bars(other)):
            # (another row of a table has its own window: "| Monthly report | … |" is not
            # the window of the availability in the row above it)
            yield other, other.hits.get(key, ())


_GRADED = frozenset({"@source", "@access", "@start"})
"""The fields whose cues :func:`_rank` tells apart; any cue of another field ranks 2."""


def _field_text(key: str, info: DocInfo, hit: Hit) -> str:
    """A field as the card shows it: a window or a clock as its cue's words ("each calendar
    month", "business hours"), other fields as the draft's clause around the cue."""
    return info.text_of(hit) if key in ("@window", "@clock") else quote(info, hit)
