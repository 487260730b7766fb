"""Compile the rules' phrases and token patterns once, and match a document cheaply.

Phrases of every rule go into one PhraseMatcher, except the requires/unless phrases that
count only where their rule triggered: each such rule has a small PhraseMatcher of its own,
run only on the blocks where its trigger matched. Token patterns go into one matcher per
key (``CODE|t`` trigger, ``CODE|r`` requires, ``CODE|u`` unless, and the built-in ``@``
cues), a token regex where the pattern allows it (see :mod:`slaforge.lint.tokenregex`).
Every required token of a pattern names the words it can be; a key's matcher only runs on
blocks that contain one such word for every required token of one of its patterns, so most
blocks run a handful of small matchers instead of every pattern. Compiled once per process
for each rule set and pipeline.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from slaforge.lint.cues import CUES
from slaforge.lint.rules import MatchSpec, Rule
from slaforge.lint.tokenregex import TokenRegexMatcher, pattern_regex, start_gate
from slaforge.lint.tokenview import token_view

_TEXT_KEYS = ("LOWER", "ORTH", "TEXT", "NORM")
_REQUIRED_OPS = (None, "1", "+")
_MAX_PHRASES = 3000
_MAX_SEEN = 100_000
_MAX_EXPANDED = 300
"""Patterns with more word sequences than this run as token regexes: a PhraseMatcher entry per
sequence made compiling the rules the largest part of a cold ``slaforge lint``."""
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

    Such patterns run much faster in the PhraseMatcher (case-insensitive, like ``LOWER``).
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
    """The PhraseMatcher match id of the rule's ``requires`` phrases."""

    trigger: bool = field(init=False)
    """True for a rule's trigger patterns."""
    scan: Callable[[str], list[tuple[int, int, int]]] | None = field(init=False)
    """The matcher's scan of a block's encoded text, when that finds all it finds."""

    def __post_init__(self) -> None:
        matcher = self.matcher
        plain = isinstance(matcher, TokenRegexMatcher) and matcher.plain
        self.scan = matcher.scan if isinstance(matcher, TokenRegexMatcher) and plain else None
        self.code = self.key.partition("|")[0] if "|" in self.key else ""
        self.condition = self.key.endswith(("|r", "|u"))
        self.trigger = self.key.endswith("|t")


@dataclass
class Compiled:
    """The matchers for one rule set on one pipeline, with their anchor index."""

    phrases: PhraseMatcher
    """Triggers, cues, and the requires/unless phrases of rules that read them everywhere."""
    vocab: Any
    strings: Any
    late: dict[str, PhraseMatcher] = field(default_factory=dict)
    """Rule code -> its requires/unless phrases, when they count only where its trigger
    matched: run only on the blocks where it did (one small matcher per rule returns far fewer
    matches than one for every rule)."""
    groups: list[_Group] = field(default_factory=list)
    index: dict[int, list[tuple[int, tuple[frozenset[int], ...]]]] = field(default_factory=dict)
    """Anchor word (or shape) hash -> (group, the word sets its pattern's other required
    tokens must each be) for every pattern anchored on that word. A pattern's anchor is its
    rarest required token."""
    always: set[int] = field(default_factory=set)
    phrase_keys: dict[int, tuple[str, str]] = field(default_factory=dict)
    """PhraseMatcher match id -> (key, rule code when the key is a requires/unless one)."""
    _plain_keys: dict[int, str] = field(default_factory=dict)
    """Match id -> key of the phrases kept everywhere (not a rule's requires/unless)."""
    _trigger_of: dict[int, str] = field(default_factory=dict)
    """Match id -> rule code of the trigger phrases."""
    _late_codes: frozenset[str] = frozenset()
    """The keys of ``late``."""
    tagger_groups: set[int] = field(default_factory=set)
    local_requires: set[str] = field(default_factory=set)
    """Codes whose trigger only counts in a block that has its phrase-only ``requires``."""
    _anchors: frozenset[int] = frozenset()
    """The keys of ``index``, as a set to intersect with a block's words."""
    _parts: dict[
        str,
        tuple[dict[int, frozenset[int]], dict[int, list[tuple[int, int]]], frozenset[int]],
    ] = field(default_factory=dict)
    """Part ("all", "others") -> (anchor -> the groups it alone qualifies;
    anchor -> (group, mask of the word sets its pattern's other required tokens must each have
    a word of) for the patterns that need more than the anchor; the groups with no required
    token)."""
    _need_words: frozenset[int] = frozenset()
    _need_bits: dict[int, int] = field(default_factory=dict)
    """Word -> the bits of the word sets it belongs to."""
    _anchor_words: dict[int, frozenset[int]] = field(default_factory=dict)
    """Group -> the anchors of its patterns."""
    _masks: dict[str, dict[int, int]] = field(default_factory=dict)
    """Part -> anchor -> the bits its gated patterns read."""
    _seen: dict[str, dict[tuple[int, int], frozenset[int]]] = field(default_factory=dict)
    """Part -> (anchor, the bits of a block it reads) -> the groups it qualifies then."""
    _group_needs: dict[int, list[tuple[int, frozenset[int]]]] = field(default_factory=dict)
    """Group -> (mask of the word sets a pattern also needs, the anchors of those patterns)."""

    def candidates(self, doc: Doc, allowed: set[int] | None = None, part: str = "all") -> set[int]:
        """The groups (of ``allowed``, when given) that could match in ``doc``: one word of
        every required token of one of their patterns occurs in it. With ``part="others"``,
        only the groups that are not requires/unless ones."""
        if len(self._anchors) != len(self.index):
            self._split_index()
        direct, gated, always = self._parts[part]
        masks, seen = self._masks[part], self._seen[part]
        if len(seen) > _MAX_SEEN:
            seen.clear()
        words = token_view(doc).words
        found = set(always)
        anchors = words & self._anchors
        if anchors:
            have = self.need_bits(words)
            for word in anchors:
                # an anchor's groups depend only on the bits its patterns read
                key = (word, have & masks[word])
                groups = seen.get(key)
                if groups is None:
                    groups = seen[key] = direct[word].union(
                        gid for gid, need in gated[word] if have & need == need
                    )
                found |= groups
        return found if allowed is None or len(allowed) == len(self.groups) else found & allowed

    def anchor_words(self, gid: int) -> frozenset[int] | None:
        """The words of which a block needs one for group ``gid`` to be a candidate, or None
        when some pattern of it has no required word."""
        if len(self._anchors) != len(self.index):
            self._split_index()
        return None if gid in self.always else self._anchor_words.get(gid, frozenset())

    def need_bits(self, words: frozenset[int]) -> int:
        """The bits of the word sets that ``words`` (a block's) have a word of."""
        bits = self._need_bits
        have = 0
        for word in words & self._need_words:
            have |= bits[word]
        return have

    def is_candidate(self, gid: int, words: frozenset[int], have: int) -> bool:
        """True when group ``gid`` is one of the candidates of a block with ``words`` and
        :meth:`need_bits` ``have`` (the test of :meth:`candidates` for one group)."""
        if gid in self.always:
            return True
        return any(
            have & need == need and not anchors.isdisjoint(words)
            for need, anchors in self._group_needs[gid]
        )

    def _split_index(self) -> None:
        bit_of: dict[frozenset[int], int] = {}
        for entries in self.index.values():
            for _gid, others in entries:
                for need in others:
                    bit_of.setdefault(need, 1 << len(bit_of))
        bits: dict[int, int] = {}
        for need, bit in bit_of.items():
            for word in need:
                bits[word] = bits.get(word, 0) | bit
        self._need_bits = bits
        self._need_words = frozenset(bits)
        masked = {
            w: [(g, sum({bit_of[n] for n in others})) for g, others in entries]
            for w, entries in self.index.items()
        }
        conditions = {gid for gid, group in enumerate(self.groups) if group.condition}
        for part, skip in (("all", set[int]()), ("others", conditions)):
            direct = {
                w: frozenset(g for g, mask in entries if not mask and g not in skip)
                for w, entries in masked.items()
            }
            gated = {
                w: [(g, mask) for g, mask in entries if mask and g not in skip]
                for w, entries in masked.items()
            }
            self._parts[part] = (direct, gated, frozenset(self.always - skip))
            self._masks[part] = {
                w: functools.reduce(operator.or_, (mask for _g, mask in entries), 0)
                for w, entries in gated.items()
            }
            self._seen[part] = {}
        needs: dict[int, dict[int, set[int]]] = {}
        for anchor, pairs in masked.items():
            for gid, mask in pairs:
                needs.setdefault(gid, {}).setdefault(mask, set()).add(anchor)
        self._group_needs = {
            gid: [(mask, frozenset(words)) for mask, words in by_mask.items()]
            for gid, by_mask in needs.items()
        }
        self._anchor_words = {
            gid: frozenset().union(*(words for _mask, words in pairs))
            for gid, pairs in self._group_needs.items()
        }
        self._anchors = frozenset(self.index)

    def needs_tagging(self, doc: Doc) -> bool:
        """True when a rule that reads POS or lemmas could match in ``doc``."""
        return bool(self.tagger_groups and self.candidates(doc) & self.tagger_groups)

    def __call__(
        self,
        doc: Doc,
        tagged: bool = True,
        candidates: set[int] | None = None,
        everywhere: frozenset[str] = frozenset(),
    ) -> list[tuple[str, int, int]]:
        """Phrase, cue and trigger matches in ``doc`` as (key, start, end). A rule's
        ``requires``/``unless`` phrases are kept only where its trigger matched, or everywhere
        for the codes in ``everywhere``; its requires/unless patterns are matched separately
        with :meth:`condition_groups`."""
        return self.match(doc, tagged, candidates, everywhere)[0]

    def match(
        self,
        doc: Doc,
        tagged: bool = True,
        candidates: set[int] | None = None,
        everywhere: frozenset[str] = frozenset(),
    ) -> tuple[list[tuple[str, int, int]], set[str]]:
        """What :meth:`__call__` finds, and the codes of the rules whose trigger matched."""
        keys = self.phrase_keys
        found = self.phrases(doc)
        plain, trigger_of = self._plain_keys, self._trigger_of
        out = [(plain[m], s, e) for m, s, e in found if m in plain]
        conditions = len(out) < len(found)  # requires/unless phrases of rules kept everywhere
        triggered = {trigger_of[m] for m, _s, _e in found if m in trigger_of}
        present: set[int] | None = None
        late: dict[str, list[tuple[int, int, int]]] = {}
        text = token_view(doc).text
        for gid in self.candidates(doc) if candidates is None else candidates:
            group = self.groups[gid]
            if group.condition or (group.needs_tagger and not tagged):
                continue
            code = group.code
            if code in self.local_requires:
                if present is None:
                    present = {m for m, _s, _e in found}
                if group.requires_id not in present:
                    if code in late or code not in self.late:
                        continue
                    late[code] = self.late[code](doc)
                    present.update(m for m, _s, _e in late[code])
                    if group.requires_id not in present:
                        continue
            hits = group.scan(text) if group.scan else group.matcher(doc)
            if hits:
                key = group.key
                out.extend((key, s, e) for _m, s, e in hits)
                if group.trigger:
                    triggered.add(code)
        wanted = triggered | everywhere
        if conditions:
            out.extend(
                (keys[m][0], s, e) for m, s, e in found if m not in plain and keys[m][1] in wanted
            )
        for code in sorted(self._late_codes.intersection(wanted)):
            matches = late[code] if code in late else self.late[code](doc)
            out.extend((keys[m][0], s, e) for m, s, e in matches)
        return out, triggered

    def condition_groups(self) -> list[tuple[int, _Group]]:
        """The gated ``requires``/``unless`` Matchers, with their group ids."""
        return [(gid, g) for gid, g in enumerate(self.groups) if g.condition]


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
    late: bool = False,
) -> None:
    """Word-only patterns with up to ``_MAX_EXPANDED`` word sequences go to the PhraseMatcher;
    the rest into a gated matcher."""
    rest: list[list[dict[str, Any]]] = []
    docs: list[Doc] = []
    for pattern in patterns:
        sequences = None if tagger else as_phrases(pattern, _MAX_EXPANDED)
        if sequences is None or len(sequences) > _MAX_EXPANDED:
            rest.append(list(pattern))
        else:
            docs.extend(Doc(nlp.vocab, words=seq) for seq in sequences)
    if docs:
        _add_phrases(compiled, key, docs, late)
    if rest:
        _add_group(nlp, compiled, key, rest, tagger)


def _add(nlp: Language, compiled: Compiled, key: str, spec: MatchSpec, late: bool = False) -> None:
    if spec.patterns:
        _add_patterns(nlp, compiled, key, spec.patterns, spec.needs_tagger, late)
    if spec.phrases:
        _add_phrases(compiled, key, [nlp.make_doc(p) for p in spec.phrases], late)


def _add_phrases(compiled: Compiled, key: str, docs: list[Doc], late: bool = False) -> None:
    """Add the phrases of ``key``; with ``late``, to the matcher run only where the rule
    triggered."""
    condition = key.endswith(("|r", "|u"))
    if late:
        code = key[:-2]
        if code not in compiled.late:
            compiled.late[code] = PhraseMatcher(compiled.vocab, attr="LOWER")
            compiled._late_codes |= {code}
        compiled.late[code].add(key, docs)
    else:
        compiled.phrases.add(key, docs)
    match_id = compiled.strings.add(key)
    compiled.phrase_keys[match_id] = (key, key[:-2] if condition else "")
    if not condition and not late:
        compiled._plain_keys[match_id] = key
        if key.endswith("|t"):
            compiled._trigger_of[match_id] = key[:-2]


def compile_rules(nlp: Language, rules: Sequence[Rule]) -> Compiled:
    """The matchers for ``rules`` plus the built-in cues, cached per rule set."""
    key = (id(nlp), tuple((r.code, str(r.source)) for r in rules))
    cached = _CACHE.get(key)
    if cached is not None and all(a is b for a, b in zip(cached[0], rules, strict=True)):
        return cached[2]
    fingerprint = repr([(r.match, r.requires, r.unless) for r in rules])
    if cached is not None and cached[1] == fingerprint:
        return cached[2]
    compiled = Compiled(PhraseMatcher(nlp.vocab, attr="LOWER"), nlp.vocab, nlp.vocab.strings)
    for cue, patterns in CUES.items():
        _add_patterns(nlp, compiled, cue, patterns, tagger=False)
    for rule in rules:
        if rule.requires.phrases and not rule.requires.patterns and rule.within != "document":
            compiled.local_requires.add(rule.code)
        _add(nlp, compiled, f"{rule.code}|t", rule.match)
        late = rule.within != "document" and rule.kind in WORD_KINDS
        _add(nlp, compiled, f"{rule.code}|r", rule.requires, late)
        _add(nlp, compiled, f"{rule.code}|u", rule.unless, late)
    _CACHE[key] = (tuple(rules), fingerprint, compiled)
    return compiled
