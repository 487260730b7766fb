"""Print the linter's precision and recall per category on the labelled set and on whole
annotated documents, and its recall against the weaknesses quoted in ../shared/corpus/INDEX.md
when that corpus exists.

    python benchmarks/lint_quality.py [--verbose] [--model NAME] [--no-blind]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from slaforge.lint.evaluate import (  # noqa: E402
    Score,
    corpus_recall,
    load_labelled,
    overall,
    score,
    score_documents,
)
from slaforge.lint.model import CATEGORIES  # noqa: E402

LABELLED = REPO / "tests" / "lint" / "data" / "labelled.yaml"
HELDOUT = REPO / "tests" / "lint" / "heldout"
"""Sets written by someone who never saw the rules (the rules may since have been tuned on them)."""
BLIND = REPO / "tests" / "lint" / "blind"
"""Sets written by someone who never saw the rules, and never used for tuning."""
CORPUS = REPO.parent / "shared" / "corpus"


def _table(title: str, scores: dict[str, Score], verbose: bool) -> None:
    print(f"\n{title}")
    print(f"  {'category':24} {'prec':>6} {'recall':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for cat in CATEGORIES:
        s = scores[cat]
        print(f"  {cat:24} {s.precision:6.2f} {s.recall:6.2f} {s.tp:4} {s.fp:4} {s.fn:4}")
        if verbose:
            for text in s.misses:
                print(f"      missed: {text[:110]!r}")
            for text in s.false_alarms:
                print(f"      false:  {text[:110]!r}")
    total = overall(scores)
    print(
        f"  {'overall (micro)':24} {total.precision:6.2f} {total.recall:6.2f} "
        f"{total.tp:4} {total.fp:4} {total.fn:4}"
    )


def _compare_word(markdown: dict[str, Score], word: dict[str, Score]) -> None:
    """One line for the same documents written as .docx, and the categories that differ."""
    total = overall(word)
    print(
        f"  as .docx (Word tables, lists, numbering): P {total.precision:.2f} R {total.recall:.2f}"
    )
    for category, s in word.items():
        m = markdown[category]
        if (s.precision, s.recall) != (m.precision, m.recall):
            print(
                f"    {category:24} {s.precision:5.2f}  {s.recall:5.2f}"
                f"  (Markdown {m.precision:.2f} {m.recall:.2f})"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", action="store_true", help="list misses and false alarms")
    parser.add_argument("--model", default=None, help="spaCy pipeline (or 'blank')")
    parser.add_argument(
        "--no-blind",
        action="store_true",
        help="skip the blind sets (while tuning, so that their figures are not watched)",
    )
    args = parser.parse_args()
    items = load_labelled(LABELLED)
    for part in ("dev", "held-out"):
        chosen = [i for i in items if i.part == part]
        if chosen:
            _table(f"{part}: {len(chosen)} labelled texts", score(chosen, args.model), args.verbose)
    sets = [(HELDOUT, "independent set"), (BLIND, "blind set, never tuned on")]
    for folder, label in sets[: 1 if args.no_blind else 2]:
        for path in sorted(folder.glob("*.yaml")):
            chosen = load_labelled(path)
            title = f"{label} {path.parent.name}/{path.name}: {len(chosen)} texts"
            _table(title, score(chosen, args.model), verbose=folder is HELDOUT and args.verbose)
        documents = folder / "documents"
        if documents.is_dir():
            count, scores = score_documents(documents, args.model)
            title = (
                f"{label} {folder.name}/documents: {count} whole documents "
                "(per finding and per annotated weak spot)"
            )
            _table(title, scores, verbose=folder is HELDOUT and args.verbose)
            _, word = score_documents(documents, args.model, word=True)
            _compare_word(scores, word)
    if (CORPUS / "INDEX.md").is_file():
        found, total, missed = corpus_recall(CORPUS, args.model)
        print(f"\ncorpus recall: {found}/{total} quoted weaknesses = {found / total:.2f}")
        if args.verbose:
            for q in missed:
                print(f"      missed [{q.file}]: {q.text[:100]!r}")
    else:
        print(f"\n(no corpus at {CORPUS}; corpus recall not measured)")


if __name__ == "__main__":
    main()
