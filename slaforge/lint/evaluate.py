"""Measure the linter: precision and recall per category on a labelled set, and recall
against quoted weaknesses in a corpus index."""

from __future__ import annotations

import itertools
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from slaforge.lint.engine import lint_text
from slaforge.lint.model import CATEGORIES, Block, LintOptions


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
    right: int | None = None
    """Predictions that were right, when they are not counted as ``tp`` (on whole documents
    ``tp`` counts the annotated points found, ``right`` the findings on one)."""

    @property
    def precision(self) -> float:
        """Share of predictions that were right (1.0 when nothing was predicted)."""
        right = self.tp if self.right is None else self.right
        return right / (right + self.fp) if right + self.fp else 1.0

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
    total = Score(right=0)
    for s in scores.values():
        total.tp += s.tp
        total.fp += s.fp
        total.fn += s.fn
        total.right = (total.right or 0) + (s.tp if s.right is None else s.right)
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


@dataclass(frozen=True)
class Spot:
    """A weak spot annotated in a whole document: its category and the exact words, or no
    words for a missing section."""

    category: str
    quote: str | None
    note: str = ""


_MARKUP = re.compile(r"[*`_]+")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=\S)")


def load_spots(path: Path) -> list[Spot]:
    """Read a document's annotation (``weak_spots: [{quote, category, note?}]``)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    spots: list[Spot] = []
    for entry in raw.get("weak_spots") or []:
        if entry["category"] not in CATEGORIES:
            raise ValueError(f"{path.name}: unknown category {entry['category']!r}")
        spots.append(Spot(entry["category"], entry.get("quote"), entry.get("note", "")))
    return spots


def _plain(text: str) -> tuple[str, list[int]]:
    """``text`` without Markdown emphasis and with runs of white space as one space, and the
    offset in ``text`` of every character kept."""
    out: list[str] = []
    where: list[int] = []
    kept = _MARKUP.sub(lambda m: "\0" * len(m.group()), text)
    space = False
    for i, ch in enumerate(kept):
        if ch == "\0":
            continue
        if ch.isspace():
            space = True
            continue
        if space and out:
            out.append(" ")
            where.append(i - 1)
        space = False
        out.append(ch.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"'))
        where.append(i)
    return "".join(out), where


def _sentences(text: str) -> list[tuple[int, int]]:
    """Character ranges of the sentences of a block."""
    bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text) + 1]
    return list(itertools.pairwise(bounds))


def _same_sentence(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when the spans ``a`` and ``b`` of ``text`` touch one sentence."""
    return any(
        a[0] < end and a[1] > start and b[0] < end and b[1] > start
        for start, end in _sentences(text)
    )


def _points(placed: list[tuple[Spot, int, tuple[int, int]]]) -> list[list[int]]:
    """The annotated points, as indexes into ``placed``: an inconsistency is annotated at both
    of its places, as two entries in a row, and is one point found by a finding at either."""
    points: list[list[int]] = []
    open_pair: list[int] | None = None
    for n, (spot, _at, _span) in enumerate(placed):
        if spot.category != "inconsistency":
            points.append([n])
        elif open_pair is None:
            open_pair = [n]
            points.append(open_pair)
        else:
            open_pair.append(n)
            open_pair = None
    return points


def place(quote: str, blocks: list[Block]) -> tuple[int, tuple[int, int]] | None:
    """The block and character span of ``quote`` (compared without Markdown emphasis and
    with runs of white space as one space)."""
    return _place(quote, [_plain(b.text) for b in blocks])


def _place(
    quote: str, plain_blocks: list[tuple[str, list[int]]]
) -> tuple[int, tuple[int, int]] | None:
    target = _plain(quote)[0]
    for index, (plain, where) in enumerate(plain_blocks):
        at = plain.find(target)
        if at >= 0:
            return index, (where[at], where[at + len(target) - 1] + 1)
    return None


def score_document(
    text: str, spots: list[Spot], file: str, options: LintOptions, scores: dict[str, Score]
) -> None:
    """Lint a whole Markdown document and add to ``scores`` (see :func:`score_blocks`)."""
    from slaforge.extract.text import extract_text

    score_blocks(extract_text(text, markdown=True), spots, file, options, scores)


def score_blocks(
    blocks: list[Block],
    spots: list[Spot],
    file: str,
    options: LintOptions,
    scores: dict[str, Score],
) -> None:
    """Lint a whole document's blocks and add to ``scores``: a finding is right when a weak
    spot of its category is in the same sentence, and a spot is found when a finding of its
    category is there (or the finding reports the same words again elsewhere). Missing
    sections, which have no place, are counted per document; see :func:`_points` for
    inconsistencies."""
    from slaforge.lint.engine import lint_blocks

    findings = lint_blocks(blocks, file, options).findings
    placed: list[tuple[Spot, int, tuple[int, int]]] = []
    plain_blocks = [_plain(b.text) for b in blocks]
    for spot in spots:
        if spot.quote is None:
            continue
        place = _place(spot.quote, plain_blocks)
        if place is None:
            raise ValueError(f"{file}: quote not found: {spot.quote!r}")
        placed.append((spot, *place))
    by_paragraph = {
        paragraph: i
        for i, b in enumerate(blocks)
        for paragraph in (b.location.paragraph, *(segment[1] for segment in b.segments))
    }
    found: set[int] = set()
    missing = {"reported": 0, "annotated": 0}
    for f in findings:
        if f.category == "missing-section":
            missing["reported"] += 1
            continue
        index = by_paragraph.get(f.location.paragraph, -1)
        hits = [
            n
            for n, (spot, at, span) in enumerate(placed)
            if spot.category == f.category
            and (
                (at == index and _same_sentence(blocks[at].text, span, (f.start, f.end)))
                or (
                    "repeats" in f.extra
                    and " ".join(f.match.lower().split())
                    in " ".join(blocks[at].text.lower().split())
                )
            )
        ]
        if hits:
            score = scores[f.category]
            score.right = (score.right or 0) + 1
            found.update(hits)
        else:
            scores[f.category].fp += 1
            scores[f.category].false_alarms.append(f"{file}: {f.code} {f.match[:90]!r}")
    for group in _points(placed):
        spot = placed[group[0]][0]
        if found.intersection(group):
            scores[spot.category].tp += 1
        else:
            scores[spot.category].fn += 1
            scores[spot.category].misses.append(f"{file}: {spot.quote!r}")
    missing["annotated"] = sum(1 for s in spots if s.category == "missing-section")
    both = min(missing["reported"], missing["annotated"])
    section = scores["missing-section"]
    section.tp += both
    section.right = (section.right or 0) + both
    section.fp += missing["reported"] - both
    section.fn += missing["annotated"] - both
    if missing["reported"] > both:
        section.false_alarms.append(f"{file}: {missing['reported'] - both} missing sections")
    if missing["annotated"] > both:
        section.misses.append(f"{file}: {missing['annotated'] - both} missing sections")


def score_documents(
    folder: Path, model: str | None = None, word: bool = False
) -> tuple[int, dict[str, Score]]:
    """(documents, scores) over every ``*.md`` in ``folder`` with its ``*.yaml`` annotation;
    with ``word``, each document is linted as the .docx :func:`markdown_to_docx` makes of it."""
    from slaforge.extract import extract
    from slaforge.lint.markdown_word import markdown_to_docx

    scores = {c: Score() for c in CATEGORIES}
    documents = 0
    for path in sorted(folder.glob("*.md")):
        spots = load_spots(path.with_suffix(".yaml"))
        text = path.read_text(encoding="utf-8")
        options = LintOptions(model=model)
        if word:
            with tempfile.TemporaryDirectory() as tmp:
                docx = Path(tmp, path.stem + ".docx")
                docx.write_bytes(markdown_to_docx(text))
                score_blocks(extract(docx), spots, docx.name, options, scores)
        else:
            score_document(text, spots, path.name, options, scores)
        documents += 1
    return documents, scores
