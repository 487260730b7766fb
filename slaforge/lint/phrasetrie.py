"""Case-insensitive phrase matching on token hashes, as spaCy's ``PhraseMatcher(attr="LOWER")``.

The phrases sit in a trie keyed by the hash of each word's lower-case form. Adding a phrase is
a few dict operations, where spaCy's matcher needs a ``Doc`` per phrase: building those for the
rules' tens of thousands of word sequences was most of compiling the rules in a cold
``slaforge lint``. :meth:`PhraseTrie.find` matches a whole document at once, one trie level at
a time over numpy arrays of every token (a Python step per token cost more than the rest of it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int64]


class PhraseHits(NamedTuple):
    """A document's phrase matches, by block, then start, then end, then the order the keys
    were first added at that phrase."""

    key: Ints
    """Each match's key, as its number in :attr:`PhraseTrie.keys`."""
    block: Ints
    start: Ints
    """The first token of the match in its block."""
    end: Ints


_MIX = np.uint64(0x9E3779B97F4A7C15)
"""Spreads ids over a hash table's buckets (Fibonacci hashing)."""


class IdTable:
    """Integer ids -> numbers (>= 1), looked up many at once: a hash table with a few slots
    per bucket, each slot of every bucket one array, so a look-up of all ids is a few array
    reads (a binary search over sorted ids cost twice as much); past the first slot, only for
    the ids not found yet whose bucket holds more."""

    def __init__(self, ids: npt.NDArray[np.uint64], numbers: Ints) -> None:
        bits = max(2 * len(ids) - 1, 1).bit_length()
        self._shift = np.uint64(64 - bits)
        buckets = self._buckets(ids)
        order = np.argsort(buckets, kind="stable")
        buckets = buckets[order]
        slots = np.arange(len(ids)) - np.searchsorted(buckets, buckets)
        width = int(slots.max()) + 1 if len(ids) else 1
        self._ids = np.zeros((width, 1 << bits), dtype=np.uint64)
        self._numbers = np.zeros((width, 1 << bits), dtype=np.int64)
        self._ids[slots, buckets] = ids[order]
        self._numbers[slots, buckets] = numbers[order]
        self._sizes = np.bincount(buckets.astype(np.intp), minlength=1 << bits)
        """How many ids each bucket holds."""

    def _buckets(self, ids: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
        return (ids * _MIX) >> self._shift  # (wraps around, as a hash should)

    def __call__(self, ids: npt.NDArray[np.uint64]) -> Ints:
        """The number of each of ``ids``; 0 for those not in the table."""
        buckets = self._buckets(ids).astype(np.intp)
        same = self._ids[0][buckets] == ids
        found = np.where(same, self._numbers[0][buckets], 0)
        sizes = self._sizes[buckets]
        left = np.flatnonzero(~same & (sizes > 1))  # (the ids still to look for)
        for slot in range(1, len(self._ids)):
            if not len(left):
                break
            at = buckets[left]
            same = self._ids[slot][at] == ids[left]
            found[left[same]] = self._numbers[slot][at[same]]
            left = left[~same & (sizes[left] > slot + 1)]
        return found


class _Table(NamedTuple):
    """The trie as arrays: states numbered from 0 (the root), words from 1 (0: no phrase's)."""

    words: IdTable
    """Word hash -> its number."""
    size: int
    """One more than the number of words."""
    first: Ints
    """Word -> the state after it from the root (0: none)."""
    steps: IdTable
    """``state * size + word`` -> the state after that word (for states but the root)."""
    ends: Ints
    """State -> how many keys end there."""
    offsets: Ints
    """State -> where its keys start in ``keys``."""
    keys: Ints
    """The keys ending at each state, state after state."""


class PhraseTrie:
    """Phrases as sequences of lower-case token hashes, each under an integer key. Its states
    are numbered from 0 (the root); while phrases are added, a flat dict holds each step."""

    def __init__(self) -> None:
        self._numbers: dict[int, int] = {}
        # what the arrays of :meth:`find` are made of, recorded as phrases are added
        self._parents: list[int] = []
        """The state before each state but the root (state ``n`` is ``_parents[n - 1]``'s)."""
        self._words: list[int] = []
        """The word that leads to each state but the root."""
        self._ending: list[int] = []
        """The state where each phrase ends, once per key, as added."""
        self._ended: list[int] = []
        """The number of the key of each of ``_ending``."""
        self._table: _Table | None = None
        self._steps: dict[tuple[int, int], int] | None = {}
        """(state, word) -> the state after it; only for adding (not pickled)."""
        self._ends: set[tuple[int, int]] | None = set()
        """(state, key number) of every phrase added; only for adding (not pickled)."""

    def __bool__(self) -> bool:
        return bool(self._words)

    def __getstate__(self) -> dict[str, Any]:
        """What a pickle keeps: the lists, not the dicts for adding nor the (larger) arrays of
        :meth:`find`, both of which are made again when needed."""
        return {**self.__dict__, "_steps": None, "_ends": None, "_table": None}

    @property
    def keys(self) -> list[int]:
        """Every key added, in the order first added (a key's number in :class:`PhraseHits`)."""
        return list(self._numbers)

    def add(self, key: int, phrases: Iterable[Sequence[int]]) -> None:
        """Add ``phrases`` (each the hashes of its tokens' lower-case forms) under ``key``."""
        self._table = None
        if self._steps is None or self._ends is None:  # (read from a pickle)
            pairs = zip(self._parents, self._words, strict=True)
            self._steps = {pair: state for state, pair in enumerate(pairs, 1)}
            self._ends = set(zip(self._ending, self._ended, strict=True))
        steps, ends = self._steps, self._ends
        number = self._numbers.setdefault(key, len(self._numbers))
        for phrase in phrases:
            if not phrase:
                continue
            state = 0
            for word in phrase:
                step = steps.get((state, word))
                if step is None:
                    self._parents.append(state)
                    self._words.append(word)
                    step = steps[state, word] = len(self._words)
                state = step
            if (state, number) not in ends:
                ends.add((state, number))
                self._ending.append(state)
                self._ended.append(number)

    def find(self, lowers: npt.NDArray[np.uint64], sizes: Sequence[int]) -> PhraseHits:
        """Every phrase in a document whose blocks have ``sizes`` tokens and whose tokens'
        lower-case hashes are ``lowers`` (block after block)."""
        table = self._table or self._tabulate()
        counts = np.asarray(sizes, dtype=np.int64)
        if table.size == 1 or not len(lowers):
            empty = np.zeros(0, dtype=np.int64)
            return PhraseHits(empty, empty, empty, empty)
        words = table.words(lowers)
        block = np.repeat(np.arange(len(counts)), counts)
        stop = np.cumsum(counts)[block]  # (the token after each token's block)
        found = _walk(table, words, stop)
        place, state = found[0] // _DEPTH, found[1]
        # one row per key ending at each state reached
        rows = np.repeat(np.arange(len(state)), table.ends[state])
        first_row = np.cumsum(table.ends[state]) - table.ends[state]
        keys = table.keys[table.offsets[state[rows]] + np.arange(len(rows)) - first_row[rows]]
        start, length = place[rows], found[0][rows] % _DEPTH
        block_of = block[start]
        begin = start - (stop[start] - counts[block_of])
        return PhraseHits(keys, block_of, begin, begin + length)

    def _tabulate(self) -> _Table:
        parents = np.asarray(self._parents, dtype=np.int64)
        every = np.fromiter(self._words, dtype=np.uint64, count=len(self._words))
        words = np.unique(every)
        number = np.searchsorted(words, every) + 1
        size = len(words) + 1
        first = np.zeros(size, dtype=np.int64)
        states = np.arange(1, len(parents) + 1)
        opening = parents == 0
        first[number[opening]] = states[opening]
        steps = parents[~opening] * size + number[~opening]
        ending = np.asarray(self._ending, dtype=np.int64)
        counts = np.bincount(ending, minlength=len(parents) + 1)
        self._table = _Table(
            IdTable(words, np.arange(1, size)),
            size,
            first,
            IdTable(steps.astype(np.uint64), states[~opening]),
            counts,
            np.cumsum(counts) - counts,
            np.asarray(self._ended, dtype=np.int64)[np.argsort(ending, kind="stable")],
        )
        return self._table


_DEPTH = 1 << 16
"""Matches are ordered by ``start * _DEPTH + length`` (no phrase is that long)."""


def _walk(table: _Table, words: Ints, stop: Ints) -> tuple[Ints, Ints]:
    """Every (``start * _DEPTH + length``, state) where a path from the root reaches a state
    with keys, ordered; ``words`` are the tokens' word numbers, ``stop`` where each token's
    block ends."""
    state = table.first[words]
    place = np.flatnonzero(state)
    state = state[place]
    places: list[Ints] = []
    states: list[Ints] = []
    length = 1
    while len(place):
        ending = table.ends[state] > 0
        places.append(place[ending] * _DEPTH + length)
        states.append(state[ending])
        going = place + length < stop[place]
        place, state = place[going], state[going]
        state = table.steps((state * table.size + words[place + length]).astype(np.uint64))
        taken = np.flatnonzero(state)
        place, state = place[taken], state[taken]
        length += 1
    if not places:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    order = np.concatenate(places)
    sort = np.argsort(order, kind="stable")
    return order[sort], np.concatenate(states)[sort]
