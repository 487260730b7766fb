"""A numbered paragraph with its list items (``8.3`` and its ``(a)``, ``(b)`` …), and the
paragraphs that name each kind of metric."""

from __future__ import annotations

import re

from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo
from slaforge.metrics import MetricKind

_LIST_LABEL = re.compile(r"^\(?(?:[a-z]{1,2}|[ivx]{1,5})[.)]$|^[-*\u2022]$")
_LIST_MARKER = re.compile(r"^\s*(?:[-*\u2022]|\(?(?:[a-z]{1,2}|[ivx]{1,5})\))\s")


def _is_item(info: DocInfo, parent: DocInfo) -> bool:
    """True when ``info`` is a list item under the numbered paragraph ``parent``."""
    loc = info.block.location
    if info.block.is_heading or loc.part != parent.block.location.part:
        return False
    if loc.clause and (loc.clause == parent.block.location.clause or _list_label(loc.clause)):
        return True
    text = info.block.text
    return _may_open_item(text[:1]) and _LIST_MARKER.match(text) is not None


def _may_open_item(first: str) -> bool:
    """False when a text opening with ``first`` cannot match ``_LIST_MARKER`` (as most
    paragraphs, which open with a capital or a number, cannot)."""
    return first.isspace() or first in "-*\u2022(" or "a" <= first <= "z"


def _list_label(clause: str) -> bool:
    return _may_open_item(clause[:1]) and _LIST_LABEL.match(clause) is not None


def _paragraph_groups(ctx: Context) -> dict[int, list[DocInfo]]:
    """Each block's paragraph with its list items (``8.3`` and its ``(a)``, ``(b)`` …),
    keyed by block index: where a metric's clock or start event is often stated."""
    found: dict[int, list[DocInfo]] | None = ctx.memo.get("paragraph-groups")
    if found is None:
        found = ctx.memo["paragraph-groups"] = _find_groups(ctx)
    return found


def _kind_group(ctx: Context, kind: MetricKind) -> list[DocInfo]:
    """The paragraphs that name ``kind`` with their list items, in document order: where a
    table row's metric is set out in prose ("7.5 Incident Response Time. …" and its "(a) The
    clock starts when …")."""
    found: dict[str, list[DocInfo]] | None = ctx.memo.get("kind-groups")
    if found is None:  # every kind's paragraphs, in one pass
        found = ctx.memo["kind-groups"] = {}
        for index, group in _paragraph_groups(ctx).items():
            if len(group) > 1 and group[0].index == index:
                for key in group[0].keys:
                    if key.startswith("@kind:"):
                        found.setdefault(key, []).extend(group)
    return found.get(f"@kind:{kind.value}", [])


def _find_groups(ctx: Context) -> dict[int, list[DocInfo]]:
    groups: dict[int, list[DocInfo]] = {}
    current: list[DocInfo] = []
    parent: DocInfo | None = None
    for info in ctx.infos:
        if parent is not None and _is_item(info, parent):
            current.append(info)
        else:
            current = [info]
            parent = None if info.block.is_heading else info
        groups[info.index] = current
    return groups
