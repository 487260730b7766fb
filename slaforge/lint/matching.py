"""Compile the rules' phrases and token patterns once, and match a document cheaply.

Phrases of every rule go into one phrase trie (:class:`PhraseTrie`, matched on the tokens'
lower-case forms over the whole document at once); the requires/unless phrases that count
only where their rule triggered are kept only in those blocks. Token patterns go into one
matcher per key (``CODE|t`` trigger, ``CODE|r`` requires, ``CODE|u`` unless, and the built-in ``@``
cues), a token regex where the pattern allows it (see :mod:`slaforge.lint.tokenregex`).
Every required token of a pattern names the words it can be; a key's matcher only runs on
blocks that contain one such word for every required token of one of its patterns, so most
blocks run a handful of small matchers instead of every pattern. A document is matched whole
(:class:`DocumentMatch`): an index of the blocks holding each word (:class:`Where`) gives every
matcher its blocks at once, with no per-block bookkeeping. Compiled once per process for each
rule set and pipeline, and kept between runs by :mod:`slaforge.lint.matchercache`.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
import numpy.typing as npt
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from slaforge.lint import matchercache
from slaforge.lint.cues import CUES
from slaforge.lint.phrasetrie import IdTable, PhraseHits, PhraseTrie
from slaforge.lint.rules import MatchSpec, Rule
from slaforge.lint.tokenregex import TokenRegexMatcher, pattern_regex, start_gate
from slaforge.lint.tokenview import TokenView, token_views

_TEXT_KEYS = ("LOWER", "ORTH", "TEXT", "NORM")
_REQUIRED_OPS = (None, "1", "+")
_MAX_PHRASES = 3000
_MAX_SEEN = 100_000
_MAX_EXPANDED = 300
"""Patterns with more word sequences than this run as token regexes (one regex scan costs less
than matching thousands of phrases)."""
_FEW = 12
"""Up to this many blocks, :meth:`Where.members` finds them bit by bit (numpy costs more)."""
_COMMON = frozenset(
    """the a an of to in on for by and or is are be been will shall must may can any all each
    this that with as at it its our we you your provider supplier customer client service
    services has have within not no only when if than per from after before up time hours
    hour days day minutes month response credit credits . , ; : ( ) - / % 's""".split()  # noqa: SIM905
)
"""Words and marks in most SLA sentences: a poor anchor, so patterns prefer another required
token (any choice finds the same candidates; a rarer one checks fewer patterns per block)."""
WORD_KINDS = frozenset({"existence", "pattern", "conditional"})
"""Kinds whose requires/unless only count where the rule's trigger matched."""


def _token_words(token: dict[str, Any]) -> set[str] | None:
    """The words (lower case) or shapes this token must be, or None when not limited so."""
    if token.get("OP") not in _REQUIRED_OPS:
        return None
    for key in _TEXT_KEYS:
        value = token.get(key, token.get(key.lower()))
        if isinstance(value, str):
            return {value.lower()}
        if isinstance(value, dict) and isinstance(value.get("IN"), list):
            return {str(v).lower() for v in value["IN"]}
    shape = token.get("SHAPE")
    if isinstance(shape, str):
        return {shape}
    if isinstance(shape, dict) and isinstance(shape.get("IN"), list):
        return {str(v) for v in shape["IN"]}
    return None


def as_phrases(
    pattern: Sequence[dict[str, Any]], limit: int = _MAX_PHRASES
) -> list[list[str]] | None:
    """Every word sequence ``pattern`` matches, when it only names words (optional or not)
    and they are at most ``limit``.

    Such patterns run much faster in the phrase trie (case-insensitive, like ``LOWER``).
    """
    sequences: list[list[str]] = [[]]
    for token in pattern:
        op = token.get("OP")
        if set(token) - {"OP"} - set(_TEXT_KEYS) or len(token) - ("OP" in token) != 1:
            return None
        if op not in (None, "1", "?"):
            return None
        words = _token_words({k: v for k, v in token.items() if k != "OP"})
        if words is None:
            return None
        options: list[str | None] = list(sorted(words))
        if op == "?":
            options.append(None)
        sequences = [[*seq, w] if w else seq for seq in sequences for w in options]
        if len(sequences) > limit:
            return None
    unique = {tuple(seq) for seq in sequences if seq}
    return [list(seq) for seq in sorted(unique)]


@dataclass
class _Group:
    key: str
    matcher: Matcher | TokenRegexMatcher
    needs_tagger: bool
    code: str = field(init=False)
    """The rule code (empty for built-in cues)."""
    condition: bool = field(init=False)
    """True for ``requires``/``unless`` patterns, which only matter once a rule triggered."""
    requires_id: int = 0
    """The phrase match id of the rule's ``requires`` phrases."""

    trigger: bool = field(init=False)
    """True for a rule's trigger patterns."""
    regex: TokenRegexMatcher | None = field(init=False)
    """The matcher, when its scan of the blocks' encoded texts finds all it finds."""

    def __post_init__(self) -> None:
        matcher = self.matcher
        plain = isinstance(matcher, TokenRegexMatcher) and matcher.plain
        self.regex = matcher if isinstance(matcher, TokenRegexMatcher) and plain else None
        self.code = self.key.partition("|")[0] if "|" in self.key else ""
        self.condition = self.key.endswith(("|r", "|u"))
        self.trigger = self.key.endswith("|t")


@dataclass
class _PhraseKeys:
    """What a document's matching reads of each key of the phrase trie, by key number."""

    ids: list[int]
    """The match id of each key."""
    number: dict[int, int]
    """Match id -> key number."""
    names: list[str]
    codes: list[str]
    """The rule codes of the requires/unless keys, sorted."""
    code_row: npt.NDArray[np.int64]
    """Key -> its code's place in ``codes`` (``len(codes)`` for keys of no requires/unless)."""
    triggers: list[tuple[int, str]]
    """(key number, rule code) of the trigger keys."""

    @classmethod
    def of(cls, compiled: Compiled) -> _PhraseKeys:
        """The keys of ``compiled.phrases``."""
        ids = compiled.phrases.keys
        keys = [compiled.phrase_keys[m] for m in ids]
        codes = sorted({code for _key, code in keys} - {""})
        row = {code: n for n, code in enumerate(codes)}
        return cls(
            ids,
            {m: n for n, m in enumerate(ids)},
            [key for key, _code in keys],
            codes,
            np.array([row.get(code, len(codes)) for _key, code in keys], dtype=np.int64),
            [(n, compiled._trigger_of[m]) for n, m in enumerate(ids) if m in compiled._trigger_of],
        )


@dataclass
class Compiled:
    """The matchers for one rule set on one pipeline, with their anchor index."""

    phrases: PhraseTrie
    """Every phrase: triggers, cues, requires/unless."""
    vocab: Any
    strings: Any
    groups: list[_Group] = field(default_factory=list)
    index: dict[int, list[tuple[int, tuple[frozenset[int], ...]]]] = field(default_factory=dict)
    """Anchor word (or shape) hash -> (group, the word sets its pattern's other required
    tokens must each be) for every pattern anchored on that word. A pattern's anchor is its
    rarest required token."""
    always: set[int] = field(default_factory=set)
    phrase_keys: dict[int, tuple[str, str]] = field(default_factory=dict)
    """phrase match id -> (key, rule code when the key is a requires/unless one)."""
    _plain_keys: dict[int, str] = field(default_factory=dict)
    """Match id -> key of the phrases kept everywhere (not a rule's requires/unless)."""
    _trigger_of: dict[int, str] = field(default_factory=dict)
    """Match id -> rule code of the trigger phrases."""
    _keys: _PhraseKeys | None = None
    tagger_groups: set[int] = field(default_factory=set)
    local_requires: set[str] = field(default_factory=set)
    """Codes whose trigger only counts in a block that has its phrase-only ``requires``."""
    _patterns: dict[int, list[tuple[tuple[int, ...], frozenset[int]]]] = field(default_factory=dict)
    """Group -> (the word sets, as numbers in ``_need_sets``, of which a block must have one
    word each, the anchors of which it must have one) for its patterns with a required token."""
    _need_sets: list[frozenset[int]] = field(default_factory=list)
    """The word sets of the patterns' required tokens other than their anchors."""
    _indexed: list[int] = field(default_factory=list)
    """Every anchor and word of ``_need_sets``: the words :class:`Where` records."""
    _indexed_numbers: IdTable | None = None
    """Word of ``_indexed`` -> its place there, plus one."""
    _split: int = -1
    """The size of ``index`` when ``_patterns`` was worked out."""
    _word_ids: dict[str, int] = field(default_factory=dict)

    def word_ids(self, words: Sequence[str]) -> list[int]:
        """The string-store ids of lower-case ``words``."""
        ids = self._word_ids
        out = []
        for word in words:
            found = ids.get(word)
            if found is None:
                found = ids[word] = self.strings.add(word)
            out.append(found)
        return out

    def phrase_key_info(self) -> _PhraseKeys:
        """What :class:`DocumentMatch` reads of each key of ``phrases``, by key number."""
        keys = self._keys
        if keys is None or len(keys.ids) != len(self.phrases.keys):
            keys = self._keys = _PhraseKeys.of(self)
        return keys

    def where(self, docs: Sequence[Doc]) -> Where:
        """Which of ``docs`` (a document's blocks) hold each word the patterns need."""
        return self.where_in(Tokens.of(token_views(docs)))

    def where_in(self, tokens: Tokens) -> Where:
        """Which blocks of a document of ``tokens`` hold each word the patterns need."""
        if self._split != len(self.index):
            self._split_index()
        table, size = cast(IdTable, self._indexed_numbers), len(tokens.sizes)
        numbers = table(tokens.lex.ravel())  # (a token's word, then its shape)
        found = np.flatnonzero(numbers)
        present = np.bincount(numbers[found], minlength=len(self._indexed) + 1) > 0
        words = np.flatnonzero(present)
        held = np.zeros((len(words), size), dtype=bool)  # word present x block
        held[(np.cumsum(present) - 1)[numbers[found]], tokens.block.repeat(2)[found]] = True
        packed = np.packbits(held, axis=1, bitorder="little").tobytes()
        width = (size + 7) // 8
        indexed = self._indexed
        return Where(
            {
                indexed[word - 1]: int.from_bytes(packed[n * width : n * width + width], "little")
                for n, word in enumerate(words.tolist())
            },
            size,
        )

    def blocks_of(self, gid: int, where: Where) -> int:
        """The blocks where group ``gid`` could match: those with one word of every required
        token of one of its patterns (bit ``i`` for block ``i``)."""
        if gid in self.always:
            return where.every
        found = 0
        for needs, anchors in self._patterns[gid]:
            blocks = where.any_of(anchors)
            for need in needs:
                if not blocks:
                    break
                blocks &= where.any_of_set(need, self._need_sets)
            found |= blocks
        return found

    def _split_index(self) -> None:
        number: dict[frozenset[int], int] = {}
        by_needs: dict[int, dict[tuple[int, ...], set[int]]] = {}
        for anchor, entries in self.index.items():
            for gid, others in entries:
                needs = tuple(sorted({number.setdefault(n, len(number)) for n in others}))
                by_needs.setdefault(gid, {}).setdefault(needs, set()).add(anchor)
        self._patterns = {
            gid: [(needs, frozenset(anchors)) for needs, anchors in patterns.items()]
            for gid, patterns in by_needs.items()
        }
        self._need_sets = list(number)
        self._indexed = sorted(frozenset(self.index).union(*number))
        self._indexed_numbers = IdTable(
            np.array(self._indexed, dtype=np.uint64), np.arange(1, len(self._indexed) + 1)
        )
        self._split = len(self.index)

    def needs_tagging(self, docs: Sequence[Doc]) -> list[bool]:
        """Which of ``docs`` a rule that reads POS or lemmas could match in."""
        where = self.where(docs)
        blocks = functools.reduce(
            operator.or_, (self.blocks_of(gid, where) for gid in self.tagger_groups), 0
        )
        return [bool(blocks >> i & 1) for i in range(len(docs))]

    def match(
        self, docs: Sequence[Doc], tagged: Sequence[bool], rules: Sequence[Rule]
    ) -> list[list[tuple[str, int, int]]]:
        """Every match in each of ``docs`` (a document's blocks) as (key, start, end): phrases,
        cues, and the triggers of ``rules``; a rule's requires/unless where they can matter (see
        :class:`DocumentMatch`). Tagger patterns run only on the ``tagged`` docs."""
        return DocumentMatch(self, docs, tagged, rules).run()


@dataclass
class Tokens:
    """A document's tokens as whole-document arrays."""

    lex: npt.NDArray[np.uint64]
    """Each token's lower-case id and shape id (a row per token), block after block."""
    sizes: list[int]
    """The number of tokens of each block."""
    block: npt.NDArray[np.intp]
    """Each token's block."""

    @classmethod
    def of(cls, views: Sequence[TokenView]) -> Tokens:
        """The tokens of the blocks whose views are ``views``."""
        sizes = [len(view.idx) for view in views]
        table = np.concatenate([view.table for view in views]) if views else np.zeros((0, 5))
        blocks = np.repeat(np.arange(len(sizes)), sizes)
        return cls(table[:, 3:].astype(np.uint64, copy=False), sizes, blocks)


@dataclass
class Where:
    """Which blocks of a document hold each word the patterns need; bit ``i`` of a value stands
    for block ``i``."""

    blocks: dict[int, int]
    """Word (or shape) id -> the blocks that hold it."""
    size: int
    """The number of blocks."""
    every: int = field(init=False)
    """Every block."""
    held: frozenset[int] = field(init=False)
    """The words in some block."""
    _sets: dict[int, int] = field(default_factory=dict)
    """Word set number -> the blocks that hold a word of it."""

    def __post_init__(self) -> None:
        self.every = (1 << self.size) - 1
        self.held = frozenset(self.blocks)

    def any_of(self, words: frozenset[int]) -> int:
        """The blocks that hold one of ``words``."""
        blocks = self.blocks
        found = 0
        for word in words & self.held:  # (most words are in no block)
            found |= blocks[word]
        return found

    def any_of_set(self, number: int, sets: list[frozenset[int]]) -> int:
        """The blocks that hold a word of ``sets[number]`` (worked out once)."""
        found = self._sets.get(number)
        if found is None:
            found = self._sets[number] = self.any_of(sets[number])
        return found

    def members(self, blocks: int) -> list[int]:
        """The block numbers in ``blocks``, in order."""
        if blocks.bit_count() > _FEW:
            packed = np.frombuffer(blocks.to_bytes((self.size + 7) // 8, "little"), np.uint8)
            found: list[int] = np.flatnonzero(np.unpackbits(packed, bitorder="little")).tolist()
            return found
        found = []
        while blocks:
            low = blocks & -blocks
            found.append(low.bit_length() - 1)
            blocks ^= low
        return found


Match = tuple[str, int, int]
"""A match as (key, start token, end token)."""


class DocumentMatch:
    """One document's matching, each step over all its blocks at once:

    1. the phrase trie on the whole document: phrases, cues, triggers, and the requires/unless
       phrases of the rules that read them everywhere (``within: document`` and the kinds not
       in ``WORD_KINDS``) are kept at once;
    2. each cue or trigger group of the rules on the blocks where it could match
       (:meth:`Compiled.blocks_of`); for a rule in ``local_requires``, only those of them where
       its ``requires`` phrases match;
    3. the other requires/unless phrases, in the blocks where their rule triggered;
    4. each requires/unless group in the blocks its rule triggered, or for a
       ``within: document`` rule in every block up to the first where it matches.

    The matches of one key in a block come in this order, each step's in the order its
    matcher found them (the order of different keys says nothing).
    """

    def __init__(
        self, compiled: Compiled, docs: Sequence[Doc], tagged: Sequence[bool], rules: Sequence[Rule]
    ) -> None:
        self.compiled = compiled
        self.docs = docs
        self.views = token_views(docs)
        self.tokens = Tokens.of(self.views)
        self.where = compiled.where_in(self.tokens)
        self.texts = [view.text for view in self.views]
        self.tagged = sum(1 << i for i, t in enumerate(tagged) if t)
        self.codes = frozenset(r.code for r in rules)
        everywhere = frozenset(
            r.code for r in rules if r.within == "document" or r.kind not in WORD_KINDS
        )
        self.whole = frozenset(r.code for r in rules if r.within == "document")
        self.kept = {
            m: key
            for m, (key, code) in compiled.phrase_keys.items()
            if m in compiled._plain_keys or code in everywhere
        }
        """phrase match id -> key, for the phrases kept wherever they match."""
        self.keys = compiled.phrase_key_info()
        self.kept_keys = np.fromiter(
            (m in self.kept for m in self.keys.ids), dtype=bool, count=len(self.keys.ids)
        )
        """Key number -> True when its phrases are kept wherever they match."""
        self.hits: PhraseHits
        """The phrase trie's matches."""
        self.present: npt.NDArray[np.bool_]
        """Key number x block -> True where a phrase of the key matched."""
        self.out: list[list[Match]] = []
        self.triggered: dict[str, int] = {}
        """Rule code -> the blocks where its trigger matched."""

    def run(self) -> list[list[Match]]:
        """Every block's matches."""
        self._phrases()
        groups = list(enumerate(self.compiled.groups))
        for gid, group in groups:
            if not group.condition and (not group.code or group.code in self.codes):
                self._trigger_group(gid, group)
        self._kept_phrases()
        for gid, group in groups:
            if group.condition and group.code in self.triggered:
                self._condition_group(gid, group, self.triggered[group.code])
        return self.out

    def _phrases(self) -> None:
        """Run the phrase trie over the document; keep its phrases, cues and triggers."""
        keys, size = self.keys, len(self.docs)
        hits = self.hits = self.compiled.phrases.find(self.tokens.lex[:, 0], self.tokens.sizes)
        self.present = np.zeros((len(keys.ids), size), dtype=bool)
        self.present[hits.key, hits.block] = True
        self.out = [[] for _ in range(size)]
        for block, matches in self._listed(np.flatnonzero(self.kept_keys[hits.key])):
            self.out[block] = matches
        if not keys.triggers:
            return
        rows = self.present[[n for n, _code in keys.triggers]]
        found = cast("list[bool]", rows.any(axis=1).tolist())
        packed = np.packbits(rows, axis=1, bitorder="little")
        for (_n, code), some, bits in zip(keys.triggers, found, packed, strict=True):
            if some:
                blocks = int.from_bytes(bits.tobytes(), "little")
                self.triggered[code] = self.triggered.get(code, 0) | blocks

    def _listed(self, chosen: npt.NDArray[np.intp]) -> list[tuple[int, list[Match]]]:
        """The phrase matches ``chosen`` (numbers in ``hits``, block by block) as (block, its
        matches) for each block with some."""
        hits = self.hits
        blocks = hits.block[chosen]
        matches = list(
            zip(
                map(self.keys.names.__getitem__, hits.key[chosen].tolist()),
                hits.start[chosen].tolist(),
                hits.end[chosen].tolist(),
                strict=True,
            )
        )
        firsts = np.flatnonzero(np.diff(blocks, prepend=-1)).tolist()
        cuts = [*firsts, len(matches)]
        return [
            (block, matches[cuts[n] : cuts[n + 1]])
            for n, block in enumerate(blocks[firsts].tolist())
        ]

    def _trigger_group(self, gid: int, group: _Group) -> None:
        """Run a cue or trigger group on the blocks where it could match."""
        blocks = self.compiled.blocks_of(gid, self.where)
        if group.needs_tagger:
            blocks &= self.tagged
        if group.code in self.compiled.local_requires:  # (fewer blocks to scan)
            blocks &= self._requires(group)
        matched = self._hits(group, self.where.members(blocks))
        found = 0
        for i, hits in matched:
            self.out[i].extend(hits)
            found |= 1 << i
        if group.trigger and found:
            self.triggered[group.code] = self.triggered.get(group.code, 0) | found

    def _hits(self, group: _Group, members: list[int]) -> Iterable[tuple[int, list[Match]]]:
        """The blocks of ``members`` where ``group`` matches, with its matches there."""
        key = group.key
        if group.regex:
            found = group.regex.scan_each([self.texts[i] for i in members], key)
            return [(members[n], hits) for n, hits in sorted(found.items())]
        matcher = group.matcher
        return [
            (i, [(key, s, e) for _m, s, e in hits])
            for i in members
            if (hits := matcher(self.docs[i]))
        ]

    def _requires(self, group: _Group) -> int:
        """The blocks where the ``requires`` phrases of ``group``'s rule match."""
        number = self.keys.number.get(group.requires_id)
        if number is None:
            return 0
        packed = np.packbits(self.present[number], bitorder="little")
        return int.from_bytes(packed.tobytes(), "little")

    def _kept_phrases(self) -> None:
        """Add the requires/unless phrases kept only where their rule triggered."""
        hits, keys, size = self.hits, self.keys, len(self.docs)
        fired = np.zeros((len(keys.codes) + 1, size), dtype=bool)  # (the last row: no rule)
        for row, code in enumerate(keys.codes):
            blocks = self.triggered.get(code)
            if blocks:
                fired[row] = _unpack(blocks, size)
        rows = keys.code_row[hits.key]
        chosen = np.flatnonzero(fired[rows, hits.block] & ~self.kept_keys[hits.key])
        for block, matches in self._listed(chosen[np.argsort(hits.block[chosen], kind="stable")]):
            self.out[block].extend(matches)

    def _condition_group(self, gid: int, group: _Group, triggered: int) -> None:
        """Run a requires/unless group where its rule ``triggered`` (or, for a ``within:
        document`` rule, in every block until the first match)."""
        whole = group.code in self.whole
        blocks = self.compiled.blocks_of(gid, self.where) & (
            self.where.every if whole else triggered
        )
        if group.needs_tagger:
            blocks &= self.tagged
        key, regex = group.key, group.regex
        members = self.where.members(blocks)
        if not whole:
            for i, hits in self._hits(group, members):
                self.out[i].extend(hits)
            return
        for i in members:
            found = regex.scan(self.texts[i]) if regex else group.matcher(self.docs[i])
            self.out[i].extend((key, s, e) for _m, s, e in found)
            if found:
                break


def _unpack(blocks: int, size: int) -> npt.NDArray[np.bool_]:
    """The bits of ``blocks`` as ``size`` booleans."""
    packed = np.frombuffer(blocks.to_bytes((size + 7) // 8, "little"), dtype=np.uint8)
    return np.unpackbits(packed, count=size, bitorder="little").view(bool)


_CACHE: dict[tuple[int, tuple[tuple[str, str], ...]], tuple[tuple[Rule, ...], str, Compiled]] = {}


def _add_group(
    nlp: Language, compiled: Compiled, key: str, patterns: list[list[dict[str, Any]]], tagger: bool
) -> None:
    # A requires/unless key only counts where it matches (not how often or how far), so its
    # patterns may read IS_SENT_START as the block's first token, keeping spaCy's Matcher for
    # Docs with sentence starts.
    condition = key.endswith(("|r", "|u"))
    regexes = [] if tagger else [pattern_regex(p, condition) for p in patterns]
    usable = bool(regexes) and None not in regexes
    spacy_matcher: Matcher | None = None
    if not usable or any("IS_SENT_START" in t for p in patterns for t in p):
        spacy_matcher = Matcher(nlp.vocab, validate=True)
        spacy_matcher.add(key, patterns)
    matcher: Matcher | TokenRegexMatcher
    if usable:
        match_id = nlp.vocab.strings.add(key)
        gate = start_gate(patterns)
        matcher = TokenRegexMatcher(match_id, cast(list[str], regexes), gate, spacy_matcher)
    else:
        matcher = cast(Matcher, spacy_matcher)
    gid = len(compiled.groups)
    requires_id = nlp.vocab.strings.add(f"{key.partition('|')[0]}|r")
    compiled.groups.append(_Group(key, matcher, tagger, requires_id))
    if tagger:
        compiled.tagger_groups.add(gid)
    strings = nlp.vocab.strings
    for pattern in patterns:
        required = [w for w in (_token_words(t) for t in pattern) if w is not None]
        if not required:
            compiled.always.add(gid)
            continue
        anchor = min(required, key=lambda words: len(words) + 100 * len(words & _COMMON))
        others = tuple(frozenset(strings.add(x) for x in w) for w in required if w is not anchor)
        for word in anchor:
            compiled.index.setdefault(strings.add(word), []).append((gid, others))


def _add_patterns(
    nlp: Language,
    compiled: Compiled,
    key: str,
    patterns: Sequence[Sequence[dict[str, Any]]],
    tagger: bool,
) -> None:
    """Word-only patterns with up to ``_MAX_EXPANDED`` word sequences go to the phrase trie;
    the rest into a gated matcher."""
    rest: list[list[dict[str, Any]]] = []
    phrases: list[list[int]] = []
    for pattern in patterns:
        sequences = None if tagger else as_phrases(pattern, _MAX_EXPANDED)
        if sequences is None or len(sequences) > _MAX_EXPANDED:
            rest.append(list(pattern))
        else:
            phrases.extend(compiled.word_ids(seq) for seq in sequences)
    if phrases:
        _add_phrases(compiled, key, phrases)
    if rest:
        _add_group(nlp, compiled, key, rest, tagger)


def _add(nlp: Language, compiled: Compiled, key: str, spec: MatchSpec) -> None:
    if spec.patterns:
        _add_patterns(nlp, compiled, key, spec.patterns, spec.needs_tagger)
    if spec.phrases:
        lowers = [[token.lower for token in nlp.make_doc(p)] for p in spec.phrases]
        _add_phrases(compiled, key, lowers)


def _add_phrases(compiled: Compiled, key: str, phrases: list[list[int]]) -> None:
    """Add the phrases of ``key`` (each its tokens' lower-case ids)."""
    condition = key.endswith(("|r", "|u"))
    match_id = compiled.strings.add(key)
    compiled.phrases.add(match_id, phrases)
    compiled.phrase_keys[match_id] = (key, key[:-2] if condition else "")
    if not condition:
        compiled._plain_keys[match_id] = key
        if key.endswith("|t"):
            compiled._trigger_of[match_id] = key[:-2]


def compile_rules(nlp: Language, rules: Sequence[Rule]) -> Compiled:
    """The matchers for ``rules`` plus the built-in cues, cached per rule set."""
    key = (id(nlp), tuple((r.code, str(r.source)) for r in rules))
    cached = _CACHE.get(key)
    if cached is not None and all(a is b for a, b in zip(cached[0], rules, strict=True)):
        return cached[2]
    specs = repr([(r.code, r.within, r.kind, r.match, r.requires, r.unless) for r in rules])
    if cached is not None and cached[1] == specs:
        return cached[2]
    name = matchercache.key(nlp, specs)
    compiled = matchercache.load(nlp, name)
    if not isinstance(compiled, Compiled):
        compiled = _build(nlp, rules)
        matchercache.store(name, compiled)
    _CACHE[key] = (tuple(rules), specs, compiled)
    return compiled


def _build(nlp: Language, rules: Sequence[Rule]) -> Compiled:
    compiled = Compiled(PhraseTrie(), nlp.vocab, nlp.vocab.strings)
    for cue, patterns in CUES.items():
        _add_patterns(nlp, compiled, cue, patterns, tagger=False)
    for rule in rules:
        if rule.requires.phrases and not rule.requires.patterns and rule.within != "document":
            compiled.local_requires.add(rule.code)
        _add(nlp, compiled, f"{rule.code}|t", rule.match)
        _add(nlp, compiled, f"{rule.code}|r", rule.requires)
        _add(nlp, compiled, f"{rule.code}|u", rule.unless)
    return compiled
