"""Score the metric cards the linter rebuilds from SLA prose against hand-written cards.

Each set (``tests/lint/data/cards*.yaml``, the development sets, and
``tests/lint/blind/cards/cards*.yaml``, never to be tuned on) lists passages and the cards a
careful reader would rebuild from each; an expected field is a short key phrase from the
passage that the rebuilt field must contain, or ``null`` when the passage does not state it.
Expected cards are paired with rebuilt ones of the same kind and the same target figure, in
order; a rebuilt card with no partner is a phantom, an
expected card with none is missed. Fields are then scored over the paired cards.

    python benchmarks/card_quality.py [--set PATH ...] [--model blank] [--verbose]

The blind sets' figures are printed as aggregates only, unless it is named with ``--set`` and
``--verbose`` is given.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

from slaforge.extract.text import extract_text  # noqa: E402
from slaforge.lint.engine import lint_blocks  # noqa: E402
from slaforge.lint.model import LintOptions  # noqa: E402
from slaforge.metrics import CARD_FIELDS, MetricCard, MetricKind  # noqa: E402

DEV = REPO / "tests" / "lint" / "data" / "cards.yaml"
BLIND = REPO / "tests" / "lint" / "blind" / "cards" / "cards.yaml"
DEV2 = REPO / "tests" / "lint" / "data" / "cards2.yaml"
"""Blind set 2 until session 21, tuned on since then."""
DEV3 = REPO / "tests" / "lint" / "data" / "cards3.yaml"
"""Blind set 3 (written in session 21) until session 22, tuned on since then."""
BLIND4 = REPO / "tests" / "lint" / "blind" / "cards" / "cards4.yaml"
"""The blind set that replaced it: written in session 22, scored once before that session's
card changes."""
BLINDS = (BLIND, BLIND4)
"""Written in other voices and never used for tuning: details only on explicit request."""

FIELDS = tuple(f for f in CARD_FIELDS if f not in ("clock", "exclusions", "remedy"))
"""The scored fields, in card order (kind is part of the pairing, not scored on its own)."""

CONCISE_WORDS = 15
"""A non-null field of at most this many words counts as concise."""

TRUNCATE = 100

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_PAREN_NUMBER = re.compile(r"\((\d[\d,]*(?:\.\d+)?)\)")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")


def normalise(text: str) -> str:
    """Lower case, straight quotes, ASCII hyphens, single spaces."""
    text = _DASHES.sub("-", text.translate(_QUOTES))
    return " ".join(text.lower().split())


def _words_number(text: str) -> float | None:
    """The value of a number written in words ("forty-five", "five hundred"), or None."""
    total = 0
    current = 0
    seen = False
    for word in re.split(r"[\s-]+", text.lower()):
        if word in ("and", "a", ""):
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1_000:
                total += current
                current = 0
        elif seen:
            break
        else:
            continue
        seen = True
    return float(total + current) if seen else None


def figure(text: str | None) -> float | None:
    """The number a target is written as: "99.9", "1,200", "five (5)", "two", "2 million"."""
    if not text:
        return None
    paren = _PAREN_NUMBER.search(text)
    match = paren or _NUMBER.search(text)
    if match:
        value = float(match.group(1 if paren else 0).replace(",", ""))
        rest = text[match.end() :].lower().split()
        if rest and rest[0] in _SCALES:
            value *= _SCALES[rest[0]]
        return value
    return _words_number(text)


def same_target(expected: str | None, got: str | None) -> bool:
    """Whether two targets are the same figure, however each is written."""
    a, b = figure(expected), figure(got)
    if a is not None and b is not None:
        return abs(a - b) < 1e-9
    return expected is not None and got is not None and normalise(expected) == normalise(got)


def field_ok(name: str, expected: str, got: str) -> bool:
    """A non-null expectation is met when the field holds its key phrase (targets: same figure)."""
    if name == "target":
        return same_target(expected, got)
    return normalise(expected) in normalise(got)


def _figure_in(target: str | None, text: str) -> bool:
    """Whether the passage writes the target's figure, in digits or in words ("six")."""
    wanted = figure(target)
    words = text.split()
    return wanted is not None and any(
        figure(" ".join(words[i : i + 4])) == wanted for i in range(len(words))
    )


@dataclass
class Item:
    """One passage and the cards it should give."""

    id: str
    text: str
    cards: list[dict[str, str | None]]


def load(path: Path) -> list[Item]:
    """The items of a set; warns about key phrases that are not in their passage."""
    with path.open(encoding="utf-8") as handle:
        raw: list[dict[str, Any]] = yaml.safe_load(handle) or []
    kinds = {k.value for k in MetricKind}
    items: list[Item] = []
    for entry in raw:
        item = Item(str(entry["id"]), str(entry["text"]), [])
        text = normalise(item.text)
        for card in entry.get("cards") or []:
            if card.get("kind") not in kinds:
                raise SystemExit(f"{path}: {item.id}: unknown kind {card.get('kind')!r}")
            unknown = set(card) - {"kind", *FIELDS}
            if unknown:
                raise SystemExit(f"{path}: {item.id}: unknown fields {sorted(unknown)}")
            expected = {f: None if card.get(f) is None else str(card[f]) for f in FIELDS}
            expected["kind"] = str(card["kind"])
            for name, phrase in expected.items():
                if name == "target" and _figure_in(phrase, text):
                    continue
                if name != "kind" and phrase is not None and normalise(phrase) not in text:
                    warning = f"warning: {item.id}: {name} {phrase!r} is not in the text"
                    print(warning, file=sys.stderr)
            item.cards.append(expected)
        items.append(item)
    return items


def rebuild(item: Item, options: LintOptions) -> list[MetricCard]:
    """The cards the linter rebuilds from the passage, read as a Markdown file."""
    blocks = extract_text(item.text, markdown=True)
    return list(lint_blocks(blocks, f"{item.id}.md", options).cards)


def pair(
    expected: list[dict[str, str | None]], found: list[MetricCard]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Expected cards paired in order with the first unused found card of the same kind and
    target; returns the pairs and the indexes of missed expected and phantom found cards."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    missed: list[int] = []
    for i, card in enumerate(expected):
        for j, got in enumerate(found):
            if j in used or got.kind.value != card["kind"]:
                continue
            if same_target(card["target"], got.target):
                used.add(j)
                pairs.append((i, j))
                break
        else:
            missed.append(i)
    phantoms = [j for j in range(len(found)) if j not in used]
    return pairs, missed, phantoms


@dataclass
class FieldScore:
    """One field over the paired cards."""

    correct: int = 0
    wrong: int = 0
    """Expected a key phrase; the field is empty or does not hold it."""
    spurious: int = 0
    """Expected null; the field has a value."""
    words: list[int] = field(default_factory=list)
    """Word counts of the non-null values the linter gave."""


@dataclass
class SetScore:
    """The figures for one set."""

    items: int = 0
    empty_items: int = 0
    clean_empty_items: int = 0
    expected: int = 0
    found: int = 0
    matched: int = 0
    phantom: int = 0
    missed: int = 0
    wrong_kind: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})
    by_kind: dict[str, Counter[str]] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)


def _short(value: str | None) -> str:
    if value is None:
        return "None"
    value = " ".join(value.split())
    return repr(value if len(value) <= TRUNCATE else value[: TRUNCATE - 3] + "...")


def _describe(card: MetricCard) -> str:
    return f"{card.kind.value} {card.target!r} {card.unit!r} ({_short(card.name)})"


def score_set(items: list[Item], options: LintOptions) -> SetScore:
    """Lint every passage and compare its rebuilt cards with the expected ones."""
    s = SetScore(items=len(items))
    for item in items:
        found = rebuild(item, options)
        pairs, missed, phantoms = pair(item.cards, found)
        s.expected += len(item.cards)
        s.found += len(found)
        s.matched += len(pairs)
        s.missed += len(missed)
        s.phantom += len(phantoms)
        if not item.cards:
            s.empty_items += 1
            s.clean_empty_items += not found
        phantom_kinds = {(found[j].kind.value, figure(found[j].target)) for j in phantoms}
        for i in missed:
            card = item.cards[i]
            if any(t == figure(card["target"]) for _, t in phantom_kinds):
                s.wrong_kind += 1
            s.details.append(
                f"{item.id}: missed {card['kind']} {card['target']!r} {card['unit']!r}"
            )
        for j in phantoms:
            s.details.append(f"{item.id}: phantom {_describe(found[j])}")
        for card in item.cards:
            s.by_kind.setdefault(card["kind"] or "", Counter())["expected"] += 1
        for rebuilt in found:
            s.by_kind.setdefault(rebuilt.kind.value, Counter())["found"] += 1
        for i, j in pairs:
            want, got = item.cards[i], found[j]
            s.by_kind[got.kind.value]["matched"] += 1
            for name in FIELDS:
                fs = s.fields[name]
                value: str | None = getattr(got, name)
                value = value if value and value.strip() else None
                if value is not None:
                    fs.words.append(len(value.split()))
                expected = want[name]
                if expected is None and value is None:
                    fs.correct += 1
                    continue
                if expected is not None and value is not None and field_ok(name, expected, value):
                    fs.correct += 1
                    continue
                if expected is None:
                    fs.spurious += 1
                else:
                    fs.wrong += 1
                s.details.append(
                    f"{item.id}: {want['kind']} {want['target']}: {name} "
                    f"expected {expected!r}, got {_short(value)}"
                )
    return s


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def report(title: str, s: SetScore, details: bool) -> None:
    """Print one set's figures; the per-item mismatches only when ``details``."""
    print(f"\n{title}: {s.items} items, {s.empty_items} setting no service level")
    print(
        f"  cards: expected {s.expected}, found {s.found}, matched {s.matched}, "
        f"phantom {s.phantom}, missed {s.missed} (of which wrong kind {s.wrong_kind}); "
        f"precision {_ratio(s.matched, s.found)}, recall {_ratio(s.matched, s.expected)}"
    )
    print(f"  items with no service level and no card: {s.clean_empty_items}/{s.empty_items}")
    print(
        f"  {'field':16} {'correct':>7} {'wrong/miss':>10} {'spurious':>8} {'acc':>5} "
        f"{'words':>6} {'concise':>7}"
    )
    total = FieldScore()
    for name in FIELDS:
        fs = s.fields[name]
        total.correct += fs.correct
        total.wrong += fs.wrong
        total.spurious += fs.spurious
        total.words += fs.words
        _field_row(name, fs)
    _field_row("all fields", total)
    print(f"  {'kind':20} {'expected':>8} {'found':>6} {'matched':>7}")
    for kind in MetricKind:
        c = s.by_kind.get(kind.value, Counter())
        if c:
            print(f"  {kind.value:20} {c['expected']:8} {c['found']:6} {c['matched']:7}")
    if details:
        for line in s.details:
            print(f"    {line}")


def _field_row(name: str, fs: FieldScore) -> None:
    n = fs.correct + fs.wrong + fs.spurious
    words = f"{sum(fs.words) / len(fs.words):6.1f}" if fs.words else "     -"
    concise = _ratio(sum(w <= CONCISE_WORDS for w in fs.words), len(fs.words))
    print(
        f"  {name:16} {fs.correct:7} {fs.wrong:10} {fs.spurious:8} {_ratio(fs.correct, n):>5} "
        f"{words} {concise:>7}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--set",
        dest="sets",
        action="append",
        type=Path,
        metavar="PATH",
        help="a cards YAML file (repeatable; default: the development and blind sets)",
    )
    parser.add_argument("--model", default=None, help="spaCy pipeline (or 'blank')")
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="list every mismatch (for the blind set only when it is named with --set)",
    )
    args = parser.parse_args()
    named = [p.resolve() for p in args.sets or []]
    paths = named or [DEV, DEV2, DEV3, *BLINDS]
    options = LintOptions(model=args.model)
    for path in paths:
        blind = path.resolve() in {b.resolve() for b in BLINDS}
        label = "blind set, never tuned on" if blind else "set"
        shown = path.resolve().relative_to(REPO) if path.resolve().is_relative_to(REPO) else path
        details = args.verbose and (not blind or path.resolve() in named)
        report(f"{label} {shown}", score_set(load(path), options), details)


if __name__ == "__main__":
    main()
