"""Matched documents: every block's spaCy Doc, its sentences, and which keys matched where."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import IS_PUNCT, ORTH
from spacy.pipeline import Sentencizer

from slaforge.lint.model import Block

_PUNCT: dict[int, frozenset[int]] = {}


def sentence_starts(doc: Any) -> list[int]:
    """Token index of each sentence start, by the rule of spaCy's ``sentencizer``: a sentence
    starts at the first non-punctuation token after a sentence-final character."""
    if not len(doc):
        return [0]
    finals = _PUNCT.get(id(doc.vocab))
    if finals is None:
        strings = doc.vocab.strings
        finals = frozenset(strings.add(c) for c in Sentencizer.default_punct_chars)
        _PUNCT[id(doc.vocab)] = finals
    starts = [0]
    seen_final = False
    for i, (orth, punct) in enumerate(doc.to_array([ORTH, IS_PUNCT]).tolist()):
        is_final = orth in finals
        if seen_final and not punct and not is_final:
            starts.append(i)
            seen_final = False
        elif is_final:
            seen_final = True
    return starts


Hit = tuple[int, int, int]
"""A match as (start token, end token, sentence index)."""


@dataclass
class DocInfo:
    """One block after the pipeline and the matchers ran over it."""

    index: int
    block: Block
    doc: Any
    sent_bounds: list[tuple[int, int]]
    hits: dict[str, list[Hit]] = field(default_factory=dict)
    sent_keys: list[set[str]] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    memo: dict[str, Any] = field(default_factory=dict)
    """Values the rule kinds work out once per block (the clause number it carries…)."""

    @classmethod
    def build(
        cls, index: int, block: Block, doc: Any, matches: list[tuple[str, int, int]]
    ) -> DocInfo:
        """Group ``matches`` (key, start, end) by key and by sentence."""
        starts = sentence_starts(doc)
        bounds = list(zip(starts, [*starts[1:], len(doc)], strict=True))
        info = cls(index, block, doc, bounds, sent_keys=[set() for _ in bounds])
        for key, start, end in matches:
            sent = max(bisect_right(starts, start) - 1, 0)
            info.hits.setdefault(key, []).append((start, end, sent))
            info.sent_keys[sent].add(key)
            info.keys.add(key)
        for sent_set in info.sent_keys:
            if "@pct" in sent_set or "@dur" in sent_set:
                sent_set.add("@metric")
        if any("@metric" in s for s in info.sent_keys):
            info.keys.add("@metric")
        return info

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """Character offsets in the block text of tokens ``start:end``."""
        span = self.doc[start:end]
        return span.start_char, span.end_char

    def sentence_text(self, sent: int) -> str:
        """Text of sentence number ``sent``."""
        start, end = self.sent_bounds[sent]
        return str(self.doc[start:end].text)

    def sentence_chars(self, sent: int) -> tuple[int, int]:
        """Character offsets of sentence number ``sent``."""
        start, end = self.sent_bounds[sent]
        return self.chars(start, end)

    def sentence_starts(self) -> list[int]:
        """Character offset of the start of each sentence."""
        doc = self.doc
        return [doc[start].idx for start, _end in self.sent_bounds if start < len(doc)]

    def first(self, key: str, sent: int | None = None) -> Hit | None:
        """The first hit of ``key``, in sentence ``sent`` when given."""
        for hit in self.hits.get(key, ()):
            if sent is None or hit[2] == sent:
                return hit
        return None

    def text_of(self, hit: Hit) -> str:
        """The matched words of ``hit``."""
        return str(self.doc[hit[0] : hit[1]].text)
