"""Paragraphs one document shares with the documents linted before it are not tokenized or
tagged again, and the findings stay those of a lint of each document alone."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from click.testing import CliRunner

from slaforge.cli.main import cli
from slaforge.extract.text import extract_text
from slaforge.lint.doccache import DocCache
from slaforge.lint.engine import lint_blocks
from slaforge.lint.model import LintOptions, LintResult
from slaforge.lint.nlp import TAGGED, blank_pipeline, load_pipeline, process

DOCUMENTS = Path(__file__).parent / "heldout" / "documents"


def _drafts() -> list[tuple[str, str]]:
    """A held-out draft; the same with one clause reworded and one moved to the end (all but
    one paragraph shared); the first again (all shared); then other held-out drafts."""
    paths = sorted(DOCUMENTS.glob("*.md"))[:5]
    drafts = [(p.name, p.read_text(encoding="utf-8")) for p in paths]
    paragraphs = drafts[0][1].split("\n\n")
    paragraphs[3] = "The Supplier will endeavour to answer each call within a reasonable time."
    paragraphs.append(paragraphs.pop(5))
    return [drafts[0], ("reworded.md", "\n\n".join(paragraphs)), *drafts]


def _snapshot(result: LintResult) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    return (
        [dataclasses.asdict(f) for f in result.findings],
        [dataclasses.asdict(c) for c in result.cards],
    )


def test_reused_paragraphs_give_the_findings_of_a_lint_alone() -> None:
    options = LintOptions()
    reuse = DocCache()
    drafts = _drafts()
    for name, text in drafts:
        alone = lint_blocks(extract_text(text, markdown=True), name, options)
        after = lint_blocks(extract_text(text, markdown=True), name, options, reuse)
        assert _snapshot(after) == _snapshot(alone), name
        assert alone.findings, name
    reworded = lint_blocks(extract_text(drafts[1][1], markdown=True), "reworded.md", options)
    assert "will endeavour to" in {f.match for f in reworded.findings}


_TAGGER_RULE = """\
code: ORG901
name: verb-of-effort
category: weak-obligation
severity: warning
message: A verb of effort stands where a duty should.
why: Effort is not a result the Customer can hold the Supplier to.
suggestion: The Supplier shall restore the Service within 4 hours.
scope: sentence
kind: pattern
patterns:
  - [{LEMMA: {IN: [endeavour, strive]}, POS: VERB}]
examples:
  fail:
    - text: The Supplier will strive to restore the Service.
      flag: strive
  pass:
    - The Supplier shall restore the Service within 4 hours.
"""


def test_a_rule_pack_that_needs_more_tags_gets_them_on_reused_paragraphs(tmp_path: Path) -> None:
    # the built-in rules tag only the paragraphs where their own tagger patterns could match;
    # a pack linted next with the same cache needs tags on paragraphs left untagged before
    (tmp_path / "ORG901.yaml").write_text(_TAGGER_RULE, encoding="utf-8")
    pack = LintOptions(rule_dirs=(str(tmp_path),))
    text = "\n\n".join(
        [
            "# Support",
            "The Supplier will strive to restore the Service.",
            "The Supplier shall answer each call within 10 minutes.",
        ]
    )
    reuse = DocCache()
    lint_blocks(extract_text(text, markdown=True), "draft.md", LintOptions(), reuse)
    after = lint_blocks(extract_text(text, markdown=True), "draft.md", pack, reuse)
    alone = lint_blocks(extract_text(text, markdown=True), "draft.md", pack)
    assert "ORG901" in {f.code for f in alone.findings}
    assert _snapshot(after) == _snapshot(alone)


def test_a_shared_paragraph_keeps_its_doc_and_its_tags() -> None:
    nlp = load_pipeline().nlp
    reuse = DocCache()
    paid = "Credits are paid."
    first = process(nlp, ["The Provider shall restore service.", paid], None, reuse)
    again = process(nlp, [paid, "New terms apply.", paid], None, reuse)
    assert again[0] is first[1]
    assert again[2] is not first[1] and again[2].text == paid
    assert all(doc.user_data.get(TAGGED) for doc in again) == (nlp.pipe_names != ["sentencizer"])
    # another pipeline's Docs are never handed out
    other = process(blank_pipeline(), ["New terms apply."], None, reuse)
    assert other[0] is not again[1] and other[0].vocab is not again[1].vocab


def test_linting_several_files_in_one_run_equals_linting_each(tmp_path: Path) -> None:
    paths = []
    for n, (name, text) in enumerate(_drafts()[:4]):
        path = tmp_path / f"{n}-{name}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    runner = CliRunner()

    def findings(*files: Path) -> list[dict[str, object]]:
        result = runner.invoke(cli, ["lint", *map(str, files), "--format", "json"])
        assert result.exit_code == 1, result.stderr
        found: list[dict[str, object]] = json.loads(result.stdout)["findings"]
        return found

    together = findings(*paths)
    assert together == [f for path in paths for f in findings(path)]
    assert len({f["file"] for f in together}) == len(paths)


def test_memory_stays_bounded_and_the_most_recent_paragraphs_stay() -> None:
    nlp = blank_pipeline()
    reuse = DocCache(tokens=12)  # (each paragraph here is 3 or 5 tokens)
    first = process(nlp, ["Old terms.", "Common terms."], None, reuse)
    for n in range(3):  # three later documents, each with the common paragraph
        last = process(nlp, [f"Terms of document {n}.", "Common terms."], None, reuse)
        assert len(reuse) <= 12
    again = process(nlp, ["Old terms.", "Common terms.", "Terms of document 2."], None, reuse)
    assert again[0] is not first[0]  # pushed out by newer paragraphs
    assert again[1] is first[1]  # used by every document since
    assert again[2] is last[0]
