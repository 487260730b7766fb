"""Metric cards rebuilt from prose, and the rule kinds that read them.

A sentence that names a metric (availability, response, resolution, latency…) and gives
a target (a percentage or a duration) defines a card. Each field is looked up in the
same sentence, then the same block, then the list items of the same numbered paragraph
(where a clause often states the clock and the start event), then any sentence about the
same kind of metric. A resolution word in "remedy the breach" or "resolve the dispute" names
a cure period or a dispute stage, not a metric.

Modules, each importing only modules above it in this list:

- ``words``: what the others share: word sets, the nearness limits, priority names,
  ``_value`` and ``_sentence_words``
- ``kindhits``: the metric words of a sentence (``_kind_hits``), less those that name no
  service level
- ``picking``: the metric word a target belongs to (``_pick_kind``, ``_labelled``) and
  ``_timed_measure``
- ``rungs``: ladders of deadlines (``_continued``) and the priority of a target
- ``shares``: shares of items (``_share``, ``_share_of_items``) and ``_custom_name``
- ``duties``: the customer's own duties (``_customer_acts``) and lead times
- ``groups``: a paragraph with its list items, and the paragraphs on each kind of metric
- ``cells``: table rows as text: cell separators, the header row, each column's metric
- ``rank``: how well a cue states its field (``_rank``, ``_fit``)
- ``lookup``: a card field looked up nearest first (``_lookup``: near and far hits)
- ``scoped``: a window or start event stated once for every target or a section's targets
- ``definitions``: what a definition says a metric is and what counts as meeting it
- ``card``: one card from a target (``_card``) and the block's targets (``_outermost``)
- ``rows``: cards for a table row that names no metric (``_row_sites``)
- ``counts``: cards for rates and scores (``_count_sites``)
- ``build``: every card of a document (:func:`build_cards`)
- ``plaindays``: :func:`check_plain_days`
- ``checks``: :func:`check_card` and :func:`check_consistency`
- ``numeric``: :func:`check_numeric`
"""

from __future__ import annotations

from slaforge.lint.cards.build import build_cards
from slaforge.lint.cards.checks import check_card, check_consistency
from slaforge.lint.cards.numeric import check_numeric
from slaforge.lint.cards.plaindays import check_plain_days

__all__ = ["build_cards", "check_card", "check_consistency", "check_numeric", "check_plain_days"]
