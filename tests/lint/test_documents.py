"""Scoring the linter on whole annotated documents (benchmarks/lint_quality.py uses it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from slaforge.extract import extract
from slaforge.extract.text import extract_text
from slaforge.lint.engine import lint_blocks
from slaforge.lint.evaluate import score_documents
from slaforge.lint.markdown_word import markdown_to_docx
from slaforge.lint.model import Finding, LintOptions

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


WORD_DOCUMENT = """# Support Schedule

## 1. Definitions

- **Support Hours**: 08:00 to 18:00 UK time on Working Days.
- **Working Day** or **WD**: Monday to Friday except English public holidays.

## 2. Service levels

2.1 The Supplier shall meet the following targets:

| Priority | Response | Resolution |
|---|---|---|
| P1 | 30 minutes | 4 hours |
| P2 | 2 hours | as agreed |

2.2 The Supplier will endeavour to keep the Portal available in a timely manner.

- Response times are measured by the Supplier's own ticketing tool.
- Credits must be claimed within 5 days with the Customer's logs as evidence.
"""


def _key(finding: Finding) -> tuple[str, str, str]:
    words = " ".join(finding.match.replace("|", " ").split())
    return finding.code, words, " ".join(finding.text.replace("|", " ").split())


def test_a_document_in_word_gives_the_findings_of_its_markdown(tmp_path: Path) -> None:
    docx = tmp_path / "schedule.docx"
    docx.write_bytes(markdown_to_docx(WORD_DOCUMENT))
    from_markdown = lint_blocks(extract_text(WORD_DOCUMENT, markdown=True), "md", LintOptions())
    from_word = lint_blocks(extract(docx), "docx", LintOptions())

    assert len(from_word.findings) >= 6  # the draft has a weakness in nearly every line
    assert sorted(map(_key, from_word.findings)) == sorted(map(_key, from_markdown.findings))
    cells = {f.location.table for f in from_word.findings if f.location.table}
    assert (2, 1) in cells  # P2's "2 hours" (of what start?) is flagged in its own cell
