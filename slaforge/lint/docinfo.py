"""Matched documents: every block's spaCy Doc, its sentences, and which keys matched where."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from slaforge.lint.model import Block
from slaforge.lint.tokenview import TokenView, token_view

Hit = tuple[int, int, int]
"""A match as (start token, end token, sentence index)."""
Match = tuple[str, int, int]
"""A match as the matchers give it: (key, start token, end token)."""


def _group(
    hits: dict[str, list[Hit]], matches: list[Match], starts: list[int]
) -> tuple[list[set[str]], set[str]]:
    """Add ``matches`` to ``hits`` with the sentence of each (its first token by ``starts``);
    the keys of each sentence and of the block (``@metric`` with a target)."""
    sent_keys: list[set[str]] = [set() for _ in starts]
    for key, start, end in matches:
        sent = max(bisect_right(starts, start) - 1, 0)
        hits.setdefault(key, []).append((start, end, sent))
        sent_keys[sent].add(key)
    keys = set(hits)
    for sent_set in sent_keys:
        if "@pct" in sent_set or "@dur" in sent_set:
            sent_set.add("@metric")
            keys.add("@metric")
    return sent_keys, keys


@dataclass(slots=True)
class DocInfo:
    """One block after the pipeline and the matchers ran over it."""

    index: int
    block: Block
    doc: Any
    view: TokenView
    """The doc's tokens as the matchers read them (offsets, lengths, sentence starts)."""
    sent_bounds: list[tuple[int, int]]
    hits: dict[str, list[Hit]]
    sent_keys: list[set[str]]
    keys: set[str]
    low: str = field(repr=False)
    """The block's text in lower case (for every check that reads it)."""
    memo: dict[str, Any] = field(default_factory=dict)
    """Values the rule kinds work out once per block (the clause number it carries…)."""

    @classmethod
    def build_all(
        cls, blocks: Sequence[Block], docs: Sequence[Any], matches: Sequence[list[Match]]
    ) -> list[DocInfo]:
        """Each block's DocInfo: its ``matches`` (key, start, end) grouped by key and by
        sentence (in one loop over the document: a call per block costs as much as the
        grouping)."""
        infos: list[DocInfo] = []
        for index, (block, doc, found) in enumerate(zip(blocks, docs, matches, strict=True)):
            view = token_view(doc)
            starts = view.starts
            hits: dict[str, list[Hit]] = {}
            if len(starts) == 1:
                for key, start, end in found:
                    same = hits.get(key)
                    if same is None:
                        hits[key] = [(start, end, 0)]
                    else:
                        same.append((start, end, 0))
                keys = set(hits)
                if "@pct" in keys or "@dur" in keys:
                    keys.add("@metric")
                sent_keys = [keys]  # (one sentence: the block's keys are its keys)
                bounds = [(0, len(doc))]
            else:
                bounds = list(zip(starts, [*starts[1:], len(doc)], strict=True))
                sent_keys, keys = _group(hits, found, starts)
            low = block.text.lower()
            infos.append(cls(index, block, doc, view, bounds, hits, sent_keys, keys, low))
        return infos

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """Character offsets in the block text of tokens ``start:end``."""
        if end > start:
            view = self.view
            return view.idx[start], view.idx[end - 1] + view.lengths[end - 1]
        span = self.doc[start:end]
        return span.start_char, span.end_char

    def words(self, start: int, end: int) -> list[str]:
        """The texts of tokens ``start:end`` (sliced as a list is), made without spaCy
        tokens."""
        view = self.view
        text = self.block.text
        return [
            text[at : at + size]
            for at, size in zip(view.idx[start:end], view.lengths[start:end], strict=True)
        ]

    def lower_words(self, start: int, end: int) -> list[str]:
        """The lower-case forms (``Token.lower_``) of tokens ``start:end``."""
        return [word.lower() for word in self.words(start, end)]

    def sentence_text(self, sent: int) -> str:
        """Text of sentence number ``sent``."""
        start, end = self.chars(*self.sent_bounds[sent])
        return self.block.text[start:end]

    def sentence_chars(self, sent: int) -> tuple[int, int]:
        """Character offsets of sentence number ``sent``."""
        start, end = self.sent_bounds[sent]
        return self.chars(start, end)

    def sentence_starts(self) -> list[int]:
        """Character offset of the start of each sentence."""
        idx = self.view.idx
        return [idx[start] for start, _end in self.sent_bounds if start < len(idx)]

    def first(self, key: str, sent: int | None = None) -> Hit | None:
        """The first hit of ``key``, in sentence ``sent`` when given."""
        for hit in self.hits.get(key, ()):
            if sent is None or hit[2] == sent:
                return hit
        return None

    def text_of(self, hit: Hit) -> str:
        """The matched words of ``hit``."""
        start, end = self.chars(hit[0], hit[1])
        return self.block.text[start:end]
