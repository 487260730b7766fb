"""Measure the linter: precision and recall per category on a labelled set, and recall
against quoted weaknesses in a corpus index."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from slaforge.lint.engine import lint_text
from slaforge.lint.model import CATEGORIES, LintOptions


@dataclass(frozen=True)
class Labelled:
    """One labelled text and the categories it must produce."""

    text: str
    expect: frozenset[str]
    side: str = "customer"
    part: str = "dev"


@dataclass
class Score:
    """True/false positives and false negatives for one category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Share of predictions that were right (1.0 when nothing was predicted)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of expected labels that were found (1.0 when none was expected)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load_labelled(path: Path) -> list[Labelled]:
    """Read a labelled set (a YAML list of ``{text, expect, side?, part?}``)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    items: list[Labelled] = []
    for entry in raw:
        unknown = set(entry["expect"]) - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown categories {sorted(unknown)} in {entry['text'][:40]!r}")
        items.append(
            Labelled(
                entry["text"],
                frozenset(entry["expect"]),
                entry.get("side", "customer"),
                entry.get("part", "dev"),
            )
        )
    return items


def score(items: Iterable[Labelled], model: str | None = None) -> dict[str, Score]:
    """Lint every item and score the categories found against the expected ones."""
    scores = {c: Score() for c in CATEGORIES}
    for item in items:
        result = lint_text(item.text, options=LintOptions(side=item.side, model=model))
        found = {f.category for f in result.findings}
        for cat in CATEGORIES:
            if cat in found and cat in item.expect:
                scores[cat].tp += 1
            elif cat in found:
                scores[cat].fp += 1
                scores[cat].false_alarms.append(item.text)
            elif cat in item.expect:
                scores[cat].fn += 1
                scores[cat].misses.append(item.text)
    return scores


def overall(scores: dict[str, Score]) -> Score:
    """Micro-averaged score over all categories."""
    total = Score()
    for s in scores.values():
        total.tp += s.tp
        total.fp += s.fp
        total.fn += s.fn
    return total


@dataclass(frozen=True)
class Quote:
    """A weakness quoted in the corpus index: the file and the exact words."""

    file: str
    text: str


_ROW = re.compile(r"^\|\s*\d+\s*\|\s*([^|]+?\.txt)\s*\|")
_QUOTE = re.compile(r"«(.+?)»")


def corpus_quotes(index: Path) -> list[Quote]:
    """Every «quoted» span in the INDEX.md table, with the file it comes from."""
    quotes: list[Quote] = []
    for line in index.read_text(encoding="utf-8").splitlines():
        row = _ROW.match(line)
        if not row:
            continue
        for q in _QUOTE.findall(line):
            quotes.append(Quote(row.group(1).strip(), q.strip().strip("…").strip()))
    return quotes


def strip_source_line(text: str) -> str:
    """Drop a corpus file's first line (its source) and the blank line after it."""
    lines = text.split("\n")
    rest = lines[1:]
    if rest and not rest[0].strip():
        rest = rest[1:]
    return "\n".join(rest)


def _norm(text: str) -> str:
    return " ".join(
        text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split()
    )


def corpus_recall(corpus: Path, model: str | None = None) -> tuple[int, int, list[Quote]]:
    """(found, total, missed quotes) over the quotes in ``corpus/INDEX.md``.

    A quote counts as found when a finding's span overlaps it in the linted text.
    """
    quotes = corpus_quotes(corpus / "INDEX.md")
    by_file: dict[str, list[Quote]] = {}
    for q in quotes:
        by_file.setdefault(q.file, []).append(q)
    found = 0
    missed: list[Quote] = []
    for name, file_quotes in by_file.items():
        text = strip_source_line((corpus / name).read_text(encoding="utf-8"))
        result = lint_text(text, file=name, options=LintOptions(model=model))
        spans = [(_norm(f.text), f.start, f.end) for f in result.findings]
        blocks = {f.text for f in result.findings}
        for q in file_quotes:
            target = _norm(q.text)
            hit = False
            for block in blocks:
                normed = _norm(block)
                at = normed.find(target[:60]) if target else -1
                if at < 0:
                    continue
                q_start, q_end = at, at + len(target)
                for f in result.findings:
                    if f.text != block:
                        continue
                    f_start = len(_norm(block[: f.start]))
                    f_end = len(_norm(block[: f.end]))
                    if f_start < q_end and f_end > q_start:
                        hit = True
                        break
                if hit:
                    break
            if hit:
                found += 1
            else:
                missed.append(q)
    del spans
    return found, len(quotes), missed
