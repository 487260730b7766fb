"""What a document's definitions say a metric is and what counts as meeting it, and the stop
event stated in the paragraphs on a metric."""

from __future__ import annotations

from collections.abc import Sequence

from slaforge.lint.cardfields import explanation, stop_event
from slaforge.lint.cards.groups import _kind_group
from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo, Hit
from slaforge.metrics import MetricKind


def _defines_kind(info: DocInfo, kind_hit: Hit, target: Hit) -> bool:
    """True when the metric word is the term a definition explains ("Resolution" means …)
    and the target sits inside the explanation: a deemed-acceptance period, not a target."""
    return any(
        h[2] == target[2] and kind_hit[1] <= h[0] < target[0] and h[0] - kind_hit[1] <= 3
        for h in info.hits.get("@definition", ())
    )


def _definition(ctx: Context, kind: MetricKind) -> str | None:
    """What the document's definition of a metric of ``kind`` says it is: from the first
    definition whose term names the kind ('"Resolution Time" means …'), else from the first
    sentence that defines something and names the kind."""
    found: dict[str, tuple[DocInfo, Hit]] | None = ctx.memo.get("kind-definitions")
    if found is None:  # every kind's definition, in one pass
        named: dict[str, tuple[DocInfo, Hit]] = {}
        anywhere: dict[str, tuple[DocInfo, Hit]] = {}
        for info in ctx.blocks_with("@definition"):
            for hit in info.hits["@definition"]:
                keys = [k for k in info.sent_keys[hit[2]] if k.startswith("@kind:")]
                if not keys or not _defines(info, hit):
                    continue
                for key in keys:
                    if key in named:
                        continue
                    if _names_term(info, key, hit):
                        named[key] = (info, hit)
                    elif key not in anywhere:
                        anywhere[key] = (info, hit)
        found = ctx.memo["kind-definitions"] = {**anywhere, **named}
    where = found.get(f"@kind:{kind.value}")
    return explanation(*where) if where else None


def _names_term(info: DocInfo, key: str, definition: Hit) -> bool:
    """True when a metric word of ``key`` is the term that ``definition`` explains (it ends
    at most three tokens before the cue: 'Response Time" means')."""
    return any(
        h[2] == definition[2] and h[1] <= definition[0] and definition[0] - h[1] <= 3
        for h in info.hits.get(key, ())
    )


def _on_kind(ctx: Context, kind: MetricKind, what: str) -> str | None:
    """The stop event (``what`` "stop") or the own definition ("own") stated in the
    paragraphs on ``kind`` (see :func:`_kind_group`), found once per document."""
    memo: dict[tuple[MetricKind, str], str | None] = ctx.memo.setdefault("on-kind", {})
    if (kind, what) not in memo:
        blocks, key = _kind_group(ctx, kind), f"@kind:{kind.value}"
        found = stop_event(blocks, key) if what == "stop" else _own_definition(blocks, key)
        memo[(kind, what)] = found
    return memo[(kind, what)]


def _defines(info: DocInfo, hit: Hit) -> bool:
    """False for a definition cue that is a word of a name (the "Mean" of "Mean Time to
    Restore") or that points at a definition made elsewhere ("what counts as met", "as
    defined in clause 3")."""
    word = info.words(hit[0], hit[0] + 1)[0]
    after = info.lower_words(hit[1], hit[1] + 1)
    if word == "Mean" or after == ["time"]:
        return False
    if word.lower() == "defined" and after not in (["as"], [":"]):
        return False  # "the defined Priority levels", "as defined in clause 3"
    # "stops when the site again meets what counts as met": a reference, not a definition
    return hit[0] == 0 or info.lower_words(hit[0] - 1, hit[0]) != ["what"]


def _own_definition(near: Sequence[DocInfo], key: str) -> str | None:
    """What counts as meeting the target, stated with it: a definition in the blocks ``near``
    it (its paragraph, list items and the paragraphs on its metric) whose term is the metric,
    or that says what "counts as" meeting it."""
    for other in near:
        for hit in other.hits.get("@definition", ()):
            if not _defines(other, hit):
                continue
            words = other.lower_words(hit[0], hit[0] + 1)
            if _names_term(other, key, hit) or words[0] in ("counts", "count", "is"):
                return explanation(other, hit)
    return None
