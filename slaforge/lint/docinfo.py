"""Matched documents: every block's spaCy Doc, its sentences, and which keys matched where."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from slaforge.lint.model import Block

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

    @classmethod
    def build(
        cls, index: int, block: Block, doc: Any, matches: list[tuple[str, int, int]]
    ) -> DocInfo:
        """Group ``matches`` (key, start, end) by key and by sentence."""
        bounds = [(s.start, s.end) for s in doc.sents] or [(0, len(doc))]
        starts = [b[0] for b in bounds]
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

    def first(self, key: str, sent: int | None = None) -> Hit | None:
        """The first hit of ``key``, in sentence ``sent`` when given."""
        for hit in self.hits.get(key, ()):
            if sent is None or hit[2] == sent:
                return hit
        return None

    def text_of(self, hit: Hit) -> str:
        """The matched words of ``hit``."""
        return str(self.doc[hit[0] : hit[1]].text)
