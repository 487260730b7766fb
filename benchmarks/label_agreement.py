"""How far two careful people agree on the labels: the second labelling in
``benchmarks/data/second_labeller.yaml`` scored against the writers' own labels, per category.

This bounds what any linter can be measured at on these sets: a category on which two people
agree at 0.95 can be held to 0.9; one on which they agree at 0.7 cannot.

    python benchmarks/label_agreement.py
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from slaforge.lint.evaluate import load_labelled  # noqa: E402
from slaforge.lint.model import CATEGORIES  # noqa: E402

SECOND = REPO / "benchmarks" / "data" / "second_labeller.yaml"


def main() -> None:
    rows = yaml.safe_load(SECOND.read_text(encoding="utf-8"))
    sets: dict[str, list[tuple[str, frozenset[str]]]] = {}
    pairs: list[tuple[frozenset[str], frozenset[str]]] = []
    for row in rows:
        if row["set"] not in sets:
            loaded = load_labelled(REPO / "tests" / "lint" / row["set"])
            sets[row["set"]] = [(i.text, i.expect) for i in loaded]
        text, expect = sets[row["set"]][row["index"]]
        if hashlib.sha1(text.encode()).hexdigest()[:12] != row["sha1"]:
            sys.exit(f"{row['set']} item {row['index']} changed since it was labelled twice")
        pairs.append((expect, frozenset(row["expect"])))
    print(f"{len(pairs)} texts labelled twice; the second labeller scored against the writers")
    print(f"  {'category':24} {'prec':>6} {'recall':>6} {'writer':>7} {'second':>7} {'both':>5}")
    total = [0, 0, 0]
    for cat in CATEGORIES:
        both = sum(1 for w, s in pairs if cat in w and cat in s)
        writer = sum(1 for w, _s in pairs if cat in w)
        second = sum(1 for _w, s in pairs if cat in s)
        total = [total[0] + both, total[1] + second - both, total[2] + writer - both]
        prec = both / second if second else 1.0
        rec = both / writer if writer else 1.0
        print(f"  {cat:24} {prec:6.2f} {rec:6.2f} {writer:7} {second:7} {both:5}")
    tp, fp, fn = total
    print(f"  {'overall (micro)':24} {tp / (tp + fp):6.2f} {tp / (tp + fn):6.2f}")
    same = sum(1 for w, s in pairs if w == s)
    print(f"  the same categories on {same} of {len(pairs)} texts")


if __name__ == "__main__":
    main()
