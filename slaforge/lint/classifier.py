"""A second opinion for wording no rule lists: a bag-of-words text classifier (spaCy's
``textcat_multilabel``, unigrams and bigrams) trained on our own labelled SLA texts.

Rules of kind ``classifier`` flag a block the model scores at or above their ``threshold`` for
their category, when no other rule of that category flagged the block. The model ships in
``rules/model/``; ``python -m slaforge.lint.classifier`` trains it again from the labelled sets
of a checkout (never the blind sets) and records a hash of what it was trained on.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import itertools
import json
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo
from slaforge.lint.model import Finding
from slaforge.lint.rules import Rule
from slaforge.resources import builtin_dir

MODEL_DIR = builtin_dir("rules") / "model"
META = "classifier.json"
"""The categories the model scores, its bias and a hash of its training texts."""
KEYS = "keys.npy"
"""One row per unigram ``(orth, 0)`` and bigram ``(orth, orth)`` seen in training."""
WEIGHTS = "weights.npy"
"""Each key's weight per category."""
NGRAMS = 2
LENGTH = 1 << 16
"""Hash buckets per category while training."""
EPOCHS = 12
SEED = 0


_MIX = np.uint64(0x9E3779B97F4A7C15)
"""Folds a bigram's two orth ids into one search key (``first * _MIX + second``, wrapping)."""


class _Table:
    """Sorted search keys with the weight row of each, looked up for many keys at once."""

    def __init__(self, keys: npt.NDArray[np.uint64], rows: npt.NDArray[np.intp]) -> None:
        order = np.argsort(keys, kind="stable")
        self.keys = keys[order]
        self.rows = rows[order]

    def find(
        self, query: npt.NDArray[np.uint64]
    ) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.intp]]:
        """Which of ``query`` are in the table, and their rows (for those that are)."""
        if not len(self.keys):
            return np.zeros(len(query), dtype=bool), np.zeros(0, dtype=np.intp)
        # in sorted order each binary search starts where the one before ended
        order = np.argsort(query)
        at = np.empty(len(query), dtype=np.intp)
        at[order] = np.searchsorted(self.keys, query[order])
        at = np.minimum(at, len(self.keys) - 1)
        hit = self.keys[at] == query
        return hit, self.rows[at[hit]]


@dataclass(frozen=True)
class Classifier:
    """A linear model over the unigrams and bigrams of token texts: a block's score for a
    category is the logistic of its bias plus the weights of every n-gram in the block."""

    categories: tuple[str, ...]
    unigrams: _Table
    bigrams: _Table
    pairs: npt.NDArray[np.uint64]
    """Each weight row's (first, second) orth ids (second is 0 for a unigram)."""
    weights: npt.NDArray[np.float32]
    bias: npt.NDArray[np.float32]
    columns: npt.NDArray[np.float64]
    """``weights`` by category, one contiguous row each, as the sums add them up."""

    @classmethod
    def from_keys(
        cls,
        categories: Sequence[str],
        keys: npt.NDArray[np.uint64],
        weights: npt.NDArray[np.float32],
        bias: npt.NDArray[np.float32],
    ) -> Classifier:
        """The model whose weight row ``i`` belongs to the n-gram ``keys[i]``."""
        rows = np.arange(len(keys))
        single = keys[:, 1] == 0
        with np.errstate(over="ignore"):
            folded = keys[~single, 0] * _MIX + keys[~single, 1]
        return cls(
            tuple(categories),
            _Table(keys[single, 0], rows[single]),
            _Table(folded, rows[~single]),
            keys,
            weights,
            bias,
            np.ascontiguousarray(weights.T, dtype=np.float64),
        )

    def scores(
        self, blocks: Sequence[npt.NDArray[np.uint64]], only: Sequence[int] | None = None
    ) -> npt.NDArray[np.float32]:
        """Each block's (an array of token orth ids) score per category (the categories
        numbered ``only`` when given), as a ``(blocks, categories)`` array."""
        sizes = np.array([len(b) for b in blocks], dtype=np.intp)
        flat = np.concatenate(blocks).astype(np.uint64) if len(blocks) else np.zeros(0, np.uint64)
        owner = np.repeat(np.arange(len(blocks)), sizes)
        hit, rows = self.unigrams.find(flat)
        owners = [owner[hit]]
        found = [rows]
        if len(flat) > 1:
            inside = owner[:-1] == owner[1:]
            first, second = flat[:-1][inside], flat[1:][inside]
            with np.errstate(over="ignore"):
                hit, rows = self.bigrams.find(first * _MIX + second)
            exact = (self.pairs[rows, 0] == first[hit]) & (self.pairs[rows, 1] == second[hit])
            owners.append(owner[:-1][inside][hit][exact])
            found.append(rows[exact])
        where = np.concatenate(owners)
        picked = np.concatenate(found)
        wanted = list(range(len(self.categories)) if only is None else only)
        sums = np.zeros((len(blocks), len(wanted)))
        for at, c in enumerate(wanted):
            sums[:, at] = np.bincount(where, self.columns[c][picked], len(blocks))
        logits = np.clip(sums + self.bias[wanted], -60.0, 60.0)
        result: npt.NDArray[np.float32] = (1.0 / (1.0 + np.exp(-logits))).astype(np.float32)
        return result


@functools.cache
def load(path: Path = MODEL_DIR) -> Classifier | None:
    """The classifier stored in ``path``, or None when there is none."""
    meta_file = path / META
    if not meta_file.is_file():
        return None
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    return Classifier.from_keys(
        meta["categories"],
        np.load(path / KEYS),
        np.load(path / WEIGHTS),
        np.array(meta["bias"], dtype=np.float32),
    )


def score(
    blocks: Sequence[npt.NDArray[np.uint64]],
    path: Path = MODEL_DIR,
    categories: Iterable[str] | None = None,
) -> dict[str, list[float]]:
    """Each category's (each of ``categories`` the model knows, when given) score (0-1) for
    every block (an array of token orth ids)."""
    model = load(path)
    if model is None:
        return {}
    wanted = list(model.categories)
    if categories is not None:
        asked = set(categories)
        wanted = [cat for cat in wanted if cat in asked]
    table = model.scores(blocks, [model.categories.index(cat) for cat in wanted])
    return {cat: table[:, c].tolist() for c, cat in enumerate(wanted)}


MIN_WORDS = 3
"""Real words (see ``_few_words``) a block needs before the model judges it: a table row of
figures ("| 99.0% to below 99.9% | 10% |") says nothing the model can read."""
_WORD = re.compile(r"[^\W\d_]{2,}")
_ASCII_WORD = re.compile(r"[A-Za-z]{2,}")
"""``_WORD`` for ASCII text, scanned faster."""
_OPERATORS = frozenset(
    """to below above under over less more than at least most from up and or between equal
    equals greater fewer not no of per each inclusive exclusive na the an""".split()  # noqa: SIM905
)
"""Words that only relate the figures of a band or a cell ("99.0% to below 99.9%")."""
_LIST_ITEM = re.compile(r"\s*(?:[-*+\u2022\u2013]|\(?[a-z\d]{1,3}[.)])\s+")
_BRACKETED = re.compile(r"\([^)]*\)")


def _few_words(text: str) -> bool:
    """True when fewer than ``MIN_WORDS`` words of ``text`` are neither figures nor operators
    between figures (the scan stops at the last one needed)."""
    words = 0
    for m in (_ASCII_WORD if text.isascii() else _WORD).finditer(text):
        if m.group().lower() not in _OPERATORS:
            words += 1
            if words >= MIN_WORDS:
                return False
    return True


def _is_row(text: str) -> bool:
    """A table row written as text ("A | B | C")."""
    return "|" in text and (text.lstrip().startswith("|") or " | " in text)


_INTRODUCES = re.compile(r":\s*$|\b(?i:below|following|as follows|table|set out)\b")


def _introduces(text: str) -> bool:
    """True when ``text`` introduces what follows it ("The targets are set out below:")."""
    return not _is_row(text) and bool(_INTRODUCES.search(text))


def _is_item(text: str) -> bool:
    """A list item: a bullet or a lettered/numbered point."""
    return bool(_LIST_ITEM.match(text))


def _readings(ctx: Context) -> tuple[set[int], dict[int, list[int]]]:
    """Which blocks the model does not judge, and for the others the blocks each is read
    with (besides alone), in document order (see ``_judged``):

    - a table's header row (the first of several rows, with no figure outside brackets):
      column names state nothing (nor does a block with fewer than ``MIN_WORDS`` real words,
      see ``_wordless``);
    - a table row is read with the table's header row and the text that introduces the table
      (a heading, or a paragraph ending in a colon or pointing to the table below), which
      may state what the row leaves out (the window, the plan, that the figures are credits);
    - a list's lead-in ("This SLA does not apply to:") is read with its items, and each item
      with the lead-in (or, without one, the heading above): a point of a closed list is not
      an open-ended statement of its own.
    """
    infos = ctx.infos
    texts = [i.block.text for i in infos]
    heading = [i.block.is_heading for i in infos]
    skip: set[int] = set()
    context: dict[int, list[int]] = {}
    for i, end in _row_runs(texts, heading):
        head: list[int] = []
        if end > i and not re.search(r"\d", _BRACKETED.sub("", texts[i])):
            skip.add(i)
            head = [i]
        lead = [i - 1] if i > 0 and (heading[i - 1] or _introduces(texts[i - 1])) else []
        for row in range(i + len(head), end + 1):
            context[row] = [*lead, *head, row]
    for i, text in enumerate(texts):
        if heading[i] or ":" not in text or not text.rstrip().endswith(":"):
            continue
        items = []
        for j in range(i + 1, len(infos)):
            if heading[j] or not _is_item(texts[j]):
                break
            items.append(j)
        if items:
            context[i] = [i, *items]
            for j in items:
                context.setdefault(j, [i, j])
    above: int | None = None  # the last block so far that is not a list item
    for i, text in enumerate(texts):
        if not _is_item(text):
            above = i
        elif i not in context and not heading[i] and above is not None and heading[above]:
            context[i] = [above, i]
    return skip, context


def _judged(ctx: Context) -> dict[str, list[float]]:
    """The classifier's scores of the document's blocks as the classifier rules use them:
    0 for a table's header row; a block read with its context (see
    ``_readings``) keeps the mean of its score alone and its score in context when that is
    lower: the context can lower a score, never raise it, and a block that reads as a
    weakness on its own still counts for half."""
    found: dict[str, list[float]] | None = ctx.memo.get("judged")
    if found is not None:
        return found
    skip, context = _readings(ctx)
    judged = {cat: list(values) for cat, values in ctx.scores.items()}
    if context:
        order = sorted(context)
        orths = {j: ctx.infos[j].view.orth_array for i in order for j in context[i]}
        read = score(
            [np.concatenate([orths[j] for j in context[i]]) for i in order], MODEL_DIR, judged
        )
        for cat, values in read.items():
            for i, value in zip(order, values, strict=True):
                if cat in judged:
                    alone = judged[cat][i]
                    judged[cat][i] = min(alone, (alone + value) / 2)
    for values in judged.values():
        for i in skip:
            values[i] = 0.0
    ctx.memo["judged"] = judged
    return judged


def _wordless(info: DocInfo) -> bool:
    """True for a block too short for the model's score to flag it, one with fewer than
    ``MIN_WORDS`` real words (tested only for the blocks scored high enough to flag, once per
    block)."""
    found: bool | None = info.memo.get("few-words")
    if found is None:
        found = info.memo["few-words"] = not info.block.is_heading and _few_words(info.block.text)
    return found


def _row_runs(texts: list[str], heading: list[bool]) -> Iterator[tuple[int, int]]:
    """(first, last) block of each run of table rows (blocks written as ``A | B | C``)."""
    i = 0
    while i < len(texts):
        if heading[i] or not _is_row(texts[i]):
            i += 1
            continue
        end = i
        while end + 1 < len(texts) and not heading[end + 1] and _is_row(texts[end + 1]):
            end += 1
        yield i, end
        i = end + 1


def _tables(ctx: Context) -> dict[int, int]:
    """Each table row (a block written as ``A | B | C``) mapped to the table's first block:
    the text that introduces the table when there is one (itself included), else its first
    row."""
    found: dict[int, int] | None = ctx.memo.get("classifier-tables")
    if found is not None:
        return found
    texts = [i.block.text for i in ctx.infos]
    heading = [i.block.is_heading for i in ctx.infos]
    found = {}
    for i, end in _row_runs(texts, heading):
        first = i - 1 if i > 0 and not heading[i - 1] and _introduces(texts[i - 1]) else i
        for row in range(first, end + 1):
            found[row] = first
    ctx.memo["classifier-tables"] = found
    return found


def check_classifier(rule: Rule, ctx: Context) -> list[Finding]:
    """Flag the blocks the model scores at or above ``rule.threshold`` for the rule's category
    and no other rule of that category flagged or settled (see ``Rule.settles_block``); the
    finding covers the block's highest-scoring sentence. Blocks are judged as ``_judged``
    says (and not at all with too few words, see ``_wordless``); the rows of a table whose
    introducing text was flagged are not flagged again."""
    out: list[Finding] = []
    excused: set[int] = ctx.memo.get("excused", {}).get(rule.category, set())
    done = ctx.flagged.get(rule.category, set()) | excused
    # a table whose lead-in was flagged ("The following response times apply:") is one point:
    # its rows are not flagged again; the lead-in of a table whose rows a rule settled is
    # settled too
    tables = _tables(ctx)
    led = {i for i in ctx.flagged.get(rule.category, set()) if tables.get(i) == i}
    done |= {i for i, first in tables.items() if first in led}
    done |= {tables[i] for i in excused if i in tables}
    # a rule that read a table's column names ("| Severity | Response | Resolution |", a row
    # without figures) and found what it needs settles the whole table
    names = {i for i in excused if i in tables and not re.search(r"\d", ctx.infos[i].block.text)}
    settled = {tables[i] for i in names}
    done |= {i for i, first in tables.items() if first in settled}
    scores = _judged(ctx).get(rule.category, []) if ctx.scores else []
    threshold = rule.threshold
    for i in [i for i, value in enumerate(scores) if value >= threshold and i not in done]:
        info, value = ctx.infos[i], scores[i]
        if _wordless(info):
            continue
        bounds = [(s, e) for s, e in info.sent_bounds if e > s]
        if not bounds:
            continue
        if len(bounds) > 1:
            orths = info.view.orth_array
            sentences = [orths[s:e] for s, e in bounds]
            by_sentence = score(sentences, MODEL_DIR, [rule.category])[rule.category]
            best = max(range(len(bounds)), key=by_sentence.__getitem__)
            value = max(value, by_sentence[best])
            bounds = [bounds[best]]
        start, end = info.chars(*bounds[0])
        out.append(ctx.finding(rule, info, start, end, extra={"score": f"{value:.2f}"}))
    return out


def train(items: Sequence[tuple[str, frozenset[str]]], cats: Sequence[str], out: Path) -> None:
    """Train on ``items`` (text, categories) and write the model to ``out``."""
    export(fit(items, cats), items, out)


def training_hash(items: Iterable[tuple[str, Iterable[str]]]) -> str:
    """A hash of (text, categories) pairs, to tell whether a model is out of date."""
    digest = hashlib.sha256()
    for text, cats in items:
        digest.update(json.dumps([text, sorted(cats)]).encode("utf-8"))
    return digest.hexdigest()


def fit(items: Sequence[tuple[str, frozenset[str]]], cats: Sequence[str]) -> Any:
    """spaCy's ``textcat_multilabel`` (bag of unigrams and bigrams) trained on ``items``
    (text, categories): a blank English pipeline with that one component."""
    import spacy
    from spacy.training import Example
    from thinc.api import fix_random_seed

    fix_random_seed(SEED)
    nlp = spacy.blank("en")
    config = {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": False,
        "ngram_size": NGRAMS,
        "no_output_layer": False,
        "length": LENGTH,
    }
    component: Any = nlp.add_pipe("textcat_multilabel", config={"model": config})
    for cat in cats:
        component.add_label(cat)
    examples = [
        Example.from_dict(nlp.make_doc(text), {"cats": {c: float(c in found) for c in cats}})
        for text, found in items
    ]
    optimizer = nlp.initialize(lambda: examples)
    order = random.Random(SEED)
    for _ in range(EPOCHS):
        order.shuffle(examples)
        for first in range(0, len(examples), 16):
            nlp.update(examples[first : first + 16], sgd=optimizer, drop=0.2)
    return nlp


def export(nlp: Any, items: Sequence[tuple[str, frozenset[str]]], out: Path) -> None:
    """Write the weights of every n-gram of ``items`` from the trained ``nlp`` to ``out``."""
    from spacy.attrs import ORTH

    component = nlp.get_pipe("textcat_multilabel")
    cats = list(component.labels)
    # Read each seen n-gram's weights off the hashed table: one probe "document" per n-gram.
    linear = next(layer for layer in component.model.walk() if layer.name == "sparse_linear")
    seen: set[tuple[int, int]] = set()
    for text, _found in items:
        orths = nlp.make_doc(text).to_array(ORTH).tolist()
        seen.update((o, 0) for o in orths)
        seen.update(itertools.pairwise(orths))
    keys = np.array(sorted(seen), dtype=np.uint64)
    pairs = np.ascontiguousarray(keys.ravel())
    hashed = np.where(keys[:, 1] == 0, keys[:, 0], linear.ops.ngrams(2, pairs)[0::2])
    ones = np.ones(len(keys), dtype=np.float32)
    lengths = np.ones(len(keys), dtype=np.int32)
    bias = np.asarray(linear.get_param("b"), dtype=np.float32)
    weights = (np.asarray(linear.predict((hashed, ones, lengths))) - bias).astype(np.float32)
    out.mkdir(parents=True, exist_ok=True)
    np.save(out / KEYS, keys)
    np.save(out / WEIGHTS, weights)
    meta = {
        "categories": cats,
        "bias": [round(float(b), 6) for b in bias],
        "trained_on": training_hash(items),
        "texts": len(items),
    }
    (out / META).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def training_items(repo: Path) -> list[tuple[str, frozenset[str]]]:
    """What the model learns from, in a checkout: the customer-side texts of the development
    part of ``tests/lint/data/labelled.yaml`` and of ``tests/lint/heldout/`` (never the
    held-out part or ``tests/lint/blind/``), the blocks of the held-out whole documents with
    their annotations, then every paragraph of the agreements built from
    ``examples/`` as a clean text, so that the model knows our own drafting: the blocks of the
    document model and of the .docx read back (cover page and all)."""
    import tempfile

    from slaforge.extract import extract
    from slaforge.lint.evaluate import load_labelled
    from slaforge.render.build import Builder
    from slaforge.render.textblocks import model_blocks
    from slaforge.spec.load import load_spec

    files = [
        repo / "tests" / "lint" / "data" / "labelled.yaml",
        *sorted((repo / "tests" / "lint" / "heldout").glob("*.yaml")),
    ]
    items = [
        (i.text, i.expect)
        for f in files
        for i in load_labelled(f)
        if i.side == "customer" and i.part != "held-out"
    ]
    items += document_items(repo / "tests" / "lint" / "heldout" / "documents")
    builder = Builder()
    ours: dict[str, None] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for spec in sorted((repo / "examples").glob("*.yaml")):
            built = builder.build(load_spec(spec))
            docx = Path(tmp) / "built.docx"
            docx.write_bytes(built.data)
            for block in [*model_blocks(built.model), *extract(docx)]:
                if not block.is_heading and block.text.strip():
                    ours[block.text] = None
    return items + [(text, frozenset()) for text in ours]


_DOCUMENT_LEVEL = frozenset({"inconsistency", "missing-section"})
"""Categories a block cannot show on its own: a value that differs elsewhere, a missing part."""


def document_items(folder: Path) -> list[tuple[str, frozenset[str]]]:
    """Every block of the annotated whole documents in ``folder`` with the categories of the
    weak spots in it (none for the clean blocks around them)."""
    from slaforge.extract.text import extract_text
    from slaforge.lint.evaluate import load_spots, place

    items: list[tuple[str, frozenset[str]]] = []
    for path in sorted(folder.glob("*.md")):
        blocks = extract_text(path.read_text(encoding="utf-8"), markdown=True)
        labels: list[set[str]] = [set() for _ in blocks]
        for spot in load_spots(path.with_suffix(".yaml")):
            found = place(spot.quote, blocks) if spot.quote else None
            if found is not None and spot.category not in _DOCUMENT_LEVEL:
                labels[found[0]].add(spot.category)
        items += [
            (b.text, frozenset(cats))
            for b, cats in zip(blocks, labels, strict=True)
            if not b.is_heading and b.text.strip()
        ]
    return items


def main() -> None:
    from slaforge.lint.model import CATEGORIES

    parser = argparse.ArgumentParser(
        description="Train the classifier behind the classifier rules."
    )
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="slaforge checkout")
    parser.add_argument("--out", type=Path, default=None, help="model folder (rules/model)")
    args = parser.parse_args()
    items = training_items(args.repo)
    out = args.out or args.repo / "rules" / "model"
    train(items, CATEGORIES, out)
    print(f"trained on {len(items)} texts; wrote {out}")


if __name__ == "__main__":
    main()
