"""Precision and recall per category on our labelled sentences (dev and held-out parts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from slaforge.lint.evaluate import Score, load_labelled, score
from slaforge.lint.model import CATEGORIES

ITEMS = load_labelled(Path(__file__).resolve().parent / "data" / "labelled.yaml")


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    return score(ITEMS)


def test_labelled_set_is_large_and_covers_every_category() -> None:
    assert len(ITEMS) >= 300
    for cat in CATEGORIES:
        positives = [i for i in ITEMS if cat in i.expect]
        negatives = [i for i in ITEMS if cat not in i.expect]
        assert len(positives) >= 5, cat
        assert negatives, cat
    assert any(i.part == "held-out" for i in ITEMS)


@pytest.mark.parametrize("category", CATEGORIES)
def test_precision_and_recall_at_least_090(scores: dict[str, Score], category: str) -> None:
    s = scores[category]
    detail = f"misses={s.misses[:3]} false alarms={s.false_alarms[:3]}"
    assert s.precision >= 0.9, detail
    assert s.recall >= 0.9, detail
