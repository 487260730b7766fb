"""Case-insensitive phrase matching on token hashes, as spaCy's ``PhraseMatcher(attr="LOWER")``.

The phrases sit in a trie of plain dicts keyed by the hash of each word's lower-case form.
Adding a phrase is a few dict operations, where spaCy's matcher needs a ``Doc`` per phrase:
building those for the rules' tens of thousands of word sequences was most of compiling the
rules in a cold ``slaforge lint``. Matching walks a block's ``LOWER`` hashes once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

_END = -1
"""A node's entry for the keys of the phrases that end there (token hashes are >= 0)."""


class PhraseTrie:
    """Phrases as sequences of lower-case token hashes, each under an integer key."""

    def __init__(self) -> None:
        self._root: dict[int, Any] = {}

    def __bool__(self) -> bool:
        return bool(self._root)

    def add(self, key: int, phrases: Iterable[Sequence[int]]) -> None:
        """Add ``phrases`` (each the hashes of its tokens' lower-case forms) under ``key``."""
        for phrase in phrases:
            if not phrase:
                continue
            node = self._root
            for word in phrase:
                node = node.setdefault(word, {})
            ends: list[int] = node.setdefault(_END, [])
            if key not in ends:
                ends.append(key)

    def __call__(self, lowers: Sequence[int]) -> list[tuple[int, int, int]]:
        """``(key, start, end)`` for every phrase in ``lowers`` (a block's token hashes): by
        start, then end, then the order the keys were first added at that phrase."""
        out: list[tuple[int, int, int]] = []
        root = self._root
        size = len(lowers)
        for start, word in enumerate(lowers):
            node = root.get(word)
            end = start + 1
            while node is not None:
                ends = node.get(_END)
                if ends is not None:
                    out.extend((key, start, end) for key in ends)
                if end == size:
                    break
                node = node.get(lowers[end])
                end += 1
        return out
