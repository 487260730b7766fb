"""The linter reads back the metric cards slaforge writes.

Every example spec is built to a .docx and linted; for each metric of the spec, a card of its
kind must come back whose start event, stop event, what counts as met, measurement source and
customer access quote the words the spec gave (and, for a count, whose figure and unit are the
spec's); each target of a priority table comes back as a card naming its priority.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from slaforge.extract import extract
from slaforge.lint.cues import TIME_UNITS
from slaforge.lint.engine import lint_blocks
from slaforge.lint.model import LintOptions
from slaforge.metrics import MetricCard
from slaforge.render.build import Builder
from slaforge.spec.load import load_spec
from slaforge.spec.model import Metric

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples").glob("*.yaml"))


def _plain(text: str) -> str:
    """``text`` in lower case, without punctuation and with single spaces."""
    return " ".join(re.sub(r"[,;:.()]", " ", text.lower()).split())


def _opening(text: str, words: int = 5) -> str:
    """The first words of ``text``'s first clause."""
    return " ".join(_plain(text.split(";")[0]).split()[:words])


def _expected(metric: Metric) -> dict[str, str]:
    wanted = {
        "counts_as_met": metric.counts_as_met,
        "source": metric.measurement.source,
        "customer_access": metric.measurement.customer_access,
    }
    if metric.start_event:
        wanted["start_event"] = metric.start_event
    if metric.stop_event:
        wanted["stop_event"] = metric.stop_event
    return {name: _opening(text) for name, text in wanted.items()}


def _best(cards: list[MetricCard], metric: Metric) -> MetricCard:
    """The card of ``metric``'s kind with its target figure, else the first of its kind."""
    mine = [c for c in cards if c.kind == metric.kind]
    assert mine, f"no {metric.kind.value} card read back for {metric.id}"
    figure = f"{metric.target:g}"
    return next((c for c in mine if (c.target or "").endswith(figure)), mine[0])


@pytest.mark.parametrize("spec", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_built_metrics_read_back_as_cards(spec: Path, tmp_path: Path) -> None:
    loaded = load_spec(spec)
    path = tmp_path / "agreement.docx"
    path.write_bytes(Builder().build(loaded).data)
    cards = lint_blocks(extract(path), path.name, LintOptions()).cards
    wrong: list[str] = []
    for metric in loaded.metrics:
        card = _best(cards, metric)
        if metric.unit != "%" and metric.unit not in TIME_UNITS:
            # a count ("at least 400 Qualified Leads in each calendar month") comes back with
            # its figure and what it counts
            assert (card.target, card.unit) == (f"{metric.target:g}", metric.unit), card
        for name, opening in _expected(metric).items():
            got = getattr(card, name) or ""
            if opening not in _plain(got):
                wrong.append(f"{metric.id}.{name}: expected {opening!r} in {got!r}")
        for level in metric.priorities:
            # each priority's target comes back as a card that names the priority
            named = [c for c in cards if c.kind == metric.kind and level.priority in c.priorities]
            if not any((c.target or "").endswith(f"{level.target:g}") for c in named):
                wrong.append(f"{metric.id}: no card for {level.priority} ({level.target:g})")
    assert not wrong, "\n".join(wrong)
