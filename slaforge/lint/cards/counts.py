"""Cards for targets that are counts: a rate the provider sustains (a throughput) and a score on
a scale."""

from __future__ import annotations

from collections.abc import Sequence

from slaforge.lint.cards.card import _card
from slaforge.lint.cards.definitions import _definition
from slaforge.lint.cards.duties import _customer_acts
from slaforge.lint.cards.kindhits import _kind_hits
from slaforge.lint.context import CardSite, Context
from slaforge.lint.docinfo import DocInfo
from slaforge.metrics import MetricKind

_AT_LEAST = frozenset(
    {"least", "fewer", "less", "minimum", "sustain", "sustains", "handle", "handles", "process"}
)
"""Words that make a rate a floor the provider commits to ("no fewer than 5,000 pages per
day"), not a charge or an allowance ("£40 per hour", "up to 10 requests per day")."""


_LONG_PERIODS = frozenset({"week", "month", "quarter"})
_RATE_LINKS = frozenset({"per", "a", "an", "in", "each", "every", "/"})


def _counted(text: str) -> str:
    """What a volume counts: "150 Sales-Qualified Leads per month" -> "Sales-Qualified Leads"."""
    words = text.split()
    end = next((i for i, w in enumerate(words) if w.lower() in _RATE_LINKS), len(words))
    return " ".join(words[1:end])


def _count_sites(
    ctx: Context,
    info: DocInfo,
    group: Sequence[DocInfo],
    definitions: dict[MetricKind, str | None],
    exclusions: str | None,
    remedy: str | None,
) -> list[CardSite]:
    """Cards for targets that are counts: a rate the provider sustains is a throughput ("at
    least 1,200 transactions per second", "400 qualified leads in each calendar month", named
    by what it counts), a score on a scale a measure of its own ("4.2 out of 5")."""
    out: list[CardSite] = []
    for key, kind in (("@rate", MetricKind.THROUGHPUT), ("@score", MetricKind.CUSTOM)):
        for hit in info.hits.get(key, ()):
            sent = hit[2]
            named = [h for k, h in _kind_hits(info, sent) if k is kind and h[0] < hit[0]]
            floor = _AT_LEAST.intersection(info.lower_words(max(hit[0] - 3, 0), hit[0]))
            if key == "@rate" and not (named or floor):
                continue
            kind_hit = named[-1] if named else hit
            if _customer_acts(info, sent, kind_hit):
                continue  # "the Customer shall send no fewer than 50 records per day"
            if kind not in definitions:
                definitions[kind] = _definition(ctx, kind)
            text = " ".join(info.text_of(hit).split())
            card = _card(ctx, info, hit, kind, text, False, definitions[kind], group)
            if kind is MetricKind.CUSTOM:
                card.name = info.text_of(kind_hit).lower() if named else "score"
            elif info.lower_words(hit[1] - 1, hit[1])[0] in _LONG_PERIODS:
                # "150 qualified leads per month": a volume counted over its window
                card.unit = _counted(text)
                card.name = card.unit.lower()
            card.exclusions = exclusions
            card.remedy = remedy
            qualified = "@qualifier" in info.sent_keys[sent] or "@qualifier" in info.keys
            start, end = min(kind_hit[0], hit[0]), max(kind_hit[1], hit[1])
            out.append(CardSite(card, info, sent, start, end, qualified))
    return out
