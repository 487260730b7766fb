"""Scoring the linter on whole annotated documents (benchmarks/lint_quality.py uses it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from slaforge.lint.evaluate import score_documents

DOCUMENT = """# Hosting Service Level Agreement

## 1. Service levels

1.1 The Provider shall use **commercially reasonable efforts** to keep the Service available.

1.2 Support will respond within 2 hours.

## 2. Credits

2.1 Credits are applied to the next invoice without any request from the Customer.
"""

SPOTS = """weak_spots:
  - quote: "use commercially reasonable efforts"
    category: weak-obligation
  - quote: "Support will respond within 2 hours"
    category: gameable-response
  - quote: "Credits are applied to the next invoice"
    category: narrow-downtime
  - quote: null
    category: missing-section
"""


def _folder(tmp_path: Path, spots: str = SPOTS) -> Path:
    (tmp_path / "doc01.md").write_text(DOCUMENT, encoding="utf-8")
    (tmp_path / "doc01.yaml").write_text(spots, encoding="utf-8")
    return tmp_path


def test_findings_on_annotated_spots_count_as_right(tmp_path: Path) -> None:
    documents, scores = score_documents(_folder(tmp_path))
    assert documents == 1
    # quoted without the Markdown emphasis the document has
    assert (scores["weak-obligation"].tp, scores["weak-obligation"].fp) == (1, 0)
    assert (scores["gameable-response"].tp, scores["gameable-response"].fn) == (1, 0)


def test_unannotated_findings_are_false_alarms_and_unfound_spots_misses(tmp_path: Path) -> None:
    _documents, scores = score_documents(_folder(tmp_path))
    # "within 2 hours" has no start event, but the annotation does not say so
    assert scores["incomplete-metric"].fp == 1
    assert scores["incomplete-metric"].false_alarms[0].startswith("doc01.md: SLA7")
    assert scores["narrow-downtime"].fn == 1
    assert scores["missing-section"].fn == 1


def test_a_quote_that_is_not_in_the_document_is_an_error(tmp_path: Path) -> None:
    spots = 'weak_spots:\n  - quote: "words the document does not have"\n    category: vague-term\n'
    with pytest.raises(ValueError, match="quote not found"):
        score_documents(_folder(tmp_path, spots))


def test_an_inconsistency_annotated_at_both_places_is_one_point(tmp_path: Path) -> None:
    (tmp_path / "doc01.md").write_text(
        "# Hosting SLA\n\n## 1. Availability\n\n"
        "1.1 The Provider shall keep the Service available 99.9% of each calendar month.\n\n"
        "## 2. Reports\n\n"
        "2.1 The monthly report shall show availability against the 99.5% monthly target.\n",
        encoding="utf-8",
    )
    (tmp_path / "doc01.yaml").write_text(
        'weak_spots:\n  - quote: "available 99.9% of each calendar month"\n'
        "    category: inconsistency\n"
        '  - quote: "against the 99.5% monthly target"\n    category: inconsistency\n',
        encoding="utf-8",
    )
    _documents, scores = score_documents(tmp_path)
    inconsistency = scores["inconsistency"]
    assert (inconsistency.tp, inconsistency.fn, inconsistency.fp) == (1, 0, 0)
    assert inconsistency.precision == 1.0
