"""What a rule kind sees: the matched blocks of one document and a way to emit findings."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from slaforge.lint.docinfo import DocInfo, Hit
from slaforge.lint.model import Finding
from slaforge.lint.rules import Rule
from slaforge.metrics import MetricCard


@dataclass
class CardSite:
    """A metric card and where its defining words are."""

    card: MetricCard
    info: DocInfo
    sent: int
    start: int
    end: int
    qualified: bool
    tier_bound: bool = False
    """The target is a credit-tier boundary ("credit of 10% if availability falls below 99%"),
    not a service level of its own."""


@dataclass
class Context:
    """A linted document: its blocks, word count and the cards rebuilt from it."""

    file: str
    infos: list[DocInfo]
    words: int
    cards: list[CardSite] = field(default_factory=list)
    block_of: dict[int, int] = field(default_factory=dict)
    """Block index of each finding made here, keyed by ``id(finding)``."""
    headings: list[str] = field(default_factory=list)
    """Each block's heading or run-in heading ("" if none), filled in on first use."""

    scores: dict[str, list[float]] = field(default_factory=dict)
    """The classifier's score of every block, per category (empty when no classifier rule
    runs)."""
    flagged: dict[str, set[int]] = field(default_factory=dict)
    """Category -> indexes of the blocks a rule of another kind flagged for it."""
    memo: dict[str, Any] = field(default_factory=dict)
    """What the rule kinds work out once per document (the statements of restated values,
    the definitions…); it lives and dies with the document."""

    _by_key: dict[str, list[tuple[DocInfo, Hit]]] = field(default_factory=dict)
    _blocks_by_key: dict[str, list[DocInfo]] | None = None
    _joined: dict[bool, tuple[str, list[int]]] = field(default_factory=dict)
    _word_blocks: dict[tuple[str, bool], list[int]] = field(default_factory=dict)

    def _text(self, lower: bool) -> tuple[str, list[int]]:
        """Every block's text (in lower case when ``lower``) joined by NUL, and where each
        block starts in it."""
        found = self._joined.get(lower)
        if found is None:
            texts = [i.low if lower else i.block.text for i in self.infos]
            starts: list[int] = []
            at = 0
            for text in texts:
                starts.append(at)
                at += len(text) + 1
            found = self._joined[lower] = ("\0".join(texts), starts)
        return found

    def lowered(self) -> str:
        """Every block's text in lower case, joined by NUL."""
        return self._text(True)[0]

    def blocks_containing(self, words: Iterable[str], lower: bool = False) -> list[DocInfo]:
        """The blocks whose text (lower-cased when ``lower``) contains one of ``words``, in
        order: one substring search of the whole document per word, so that a check can
        skip the blocks without them at no cost per block."""
        found: set[int] = set()
        for word in words:
            blocks = self._word_blocks.get((word, lower))
            if blocks is None:
                blocks = self._word_blocks[(word, lower)] = self._blocks_of(word, lower)
            found.update(blocks)
        return [self.infos[i] for i in sorted(found)]

    def _blocks_of(self, word: str, lower: bool) -> list[int]:
        """The indexes of the blocks whose text contains ``word``, found once per document."""
        text, starts = self._text(lower)
        found: list[int] = []
        at = text.find(word)
        while at >= 0:
            block = bisect_right(starts, at) - 1
            found.append(block)
            following = starts[block + 1] if block + 1 < len(starts) else len(text)
            at = text.find(word, following)
        return found

    def blocks_matching(self, pattern: re.Pattern[str]) -> list[DocInfo]:
        """The blocks in whose text ``pattern`` finds a match, in order: one search of the
        whole document, for a pattern that cannot match the NUL between two blocks and reads
        it as it reads the start or end of a block's text."""
        text, starts = self._text(False)
        found: list[DocInfo] = []
        m = pattern.search(text)
        while m is not None:
            block = bisect_right(starts, m.start()) - 1
            found.append(self.infos[block])
            if block + 1 == len(starts):
                break
            m = pattern.search(text, starts[block + 1])
        return found

    def hits(self, key: str) -> list[tuple[DocInfo, Hit]]:
        """Every hit of ``key`` in the document, in order, with its block."""
        found = self._by_key.get(key)
        if found is None:
            found = [(info, h) for info in self.blocks_with(key) for h in info.hits[key]]
            self._by_key[key] = found
        return found

    def blocks_with(self, key: str) -> list[DocInfo]:
        """The blocks where ``key`` matched, in order."""
        if self._blocks_by_key is None:
            by_key: defaultdict[str, list[DocInfo]] = defaultdict(list)
            for info in self.infos:
                for name in info.hits:
                    by_key[name].append(info)
            self._blocks_by_key = dict(by_key)
        return self._blocks_by_key.get(key, [])

    def has_key(self, key: str) -> bool:
        """True when any block matched ``key``."""
        return bool(self.blocks_with(key))

    def finding(
        self,
        rule: Rule,
        info: DocInfo,
        start: int,
        end: int,
        message: str | None = None,
        extra: dict[str, str] | None = None,
    ) -> Finding:
        """A finding of ``rule`` on characters ``start:end`` of ``info``'s block."""
        text = info.block.text
        # (in field order: keyword arguments would double the cost of every finding)
        finding = Finding(
            rule.code,
            rule.name,
            rule.category,
            rule.severity,
            message or rule.message,
            rule.why,
            rule.suggestion,
            self.file,
            info.block.location_at(start),
            start,
            end,
            text,
            text[start:end],
            extra or {},
        )
        self.block_of[id(finding)] = info.index
        return finding

    def hit_finding(
        self, rule: Rule, info: DocInfo, hit: Hit, message: str | None = None
    ) -> Finding:
        """A finding on the tokens of ``hit``."""
        start, end = info.chars(hit[0], hit[1])
        return self.finding(rule, info, start, end, message)
