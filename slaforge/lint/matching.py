"""Compile the rules' phrases and token patterns once, and match a document cheaply.

Phrases of every rule go into one PhraseMatcher. Token patterns go into one Matcher per
key (``CODE|t`` trigger, ``CODE|r`` requires, ``CODE|u`` unless, and the built-in ``@``
cues), and each key gets *anchors*: the words one of its required tokens must be. A key's
Matcher only runs on blocks that contain one of its anchor words, so most blocks run a
handful of small matchers instead of every pattern. Compiled once per process for each
rule set and pipeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from slaforge.lint.cues import CUES
from slaforge.lint.rules import MatchSpec, Rule

_TEXT_KEYS = ("LOWER", "ORTH", "TEXT", "NORM")
_REQUIRED_OPS = (None, "1", "+")
_MAX_PHRASES = 3000
_COMMON = frozenset(
    """the a an of to in on for by and or is are be been will shall must may can not no any
    all each this that with as at it its our we you your provider supplier customer client
    service services has have""".split()
)
"""Words in most SLA sentences: a poor anchor, so patterns prefer another required token."""


def _token_words(token: dict[str, Any]) -> set[str] | None:
    """The lower-case words this token must be, or None when it is not limited to words."""
    if token.get("OP") not in _REQUIRED_OPS:
        return None
    for key in _TEXT_KEYS:
        value = token.get(key, token.get(key.lower()))
        if isinstance(value, str):
            return {value.lower()}
        if isinstance(value, dict) and isinstance(value.get("IN"), list):
            return {str(v).lower() for v in value["IN"]}
    return None


def anchors(pattern: Sequence[dict[str, Any]]) -> set[str] | None:
    """The rarest set of words one required token of ``pattern`` must be (None: none)."""
    best: set[str] | None = None
    best_cost = 0
    for token in pattern:
        words = _token_words(token)
        if words is None:
            continue
        cost = len(words) + 100 * len(words & _COMMON)
        if best is None or cost < best_cost:
            best, best_cost = words, cost
    return best


def as_phrases(pattern: Sequence[dict[str, Any]]) -> list[list[str]] | None:
    """Every word sequence ``pattern`` matches, when it only names words (optional or not).

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
        options: list[str | None] = sorted(words)
        if op == "?":
            options.append(None)
        sequences = [seq + [w] if w else seq for seq in sequences for w in options]
        if len(sequences) > _MAX_PHRASES:
            return None
    unique = {tuple(seq) for seq in sequences if seq}
    return [list(seq) for seq in sorted(unique)]


@dataclass
class _Group:
    key: str
    matcher: Matcher
    needs_tagger: bool


@dataclass
class Compiled:
    """The matchers for one rule set on one pipeline, with their anchor index."""

    phrases: PhraseMatcher
    strings: Any
    groups: list[_Group] = field(default_factory=list)
    index: dict[int, set[int]] = field(default_factory=dict)
    always: set[int] = field(default_factory=set)
    tagger_groups: set[int] = field(default_factory=set)

    def candidates(self, doc: Doc) -> set[int]:
        """The groups whose anchor words occur in ``doc``."""
        found = set(self.always)
        index = self.index
        for word in set(doc.to_array(LOWER).tolist()):
            groups = index.get(word)
            if groups:
                found |= groups
        return found

    def needs_tagging(self, doc: Doc) -> bool:
        """True when a rule that reads POS or lemmas could match in ``doc``."""
        return bool(self.tagger_groups and self.candidates(doc) & self.tagger_groups)

    def __call__(self, doc: Doc, tagged: bool = True) -> list[tuple[str, int, int]]:
        """All (key, start, end) matches in ``doc``."""
        strings = self.strings
        out = [(strings[m], s, e) for m, s, e in self.phrases(doc)]
        for gid in self.candidates(doc):
            group = self.groups[gid]
            if group.needs_tagger and not tagged:
                continue
            out.extend((group.key, s, e) for _m, s, e in group.matcher(doc))
        return out


_CACHE: dict[tuple[int, tuple[tuple[str, str], ...]], tuple[str, Compiled]] = {}


def _add_group(
    nlp: Language, compiled: Compiled, key: str, patterns: list[list[dict[str, Any]]], tagger: bool
) -> None:
    matcher = Matcher(nlp.vocab, validate=True)
    matcher.add(key, patterns)
    gid = len(compiled.groups)
    compiled.groups.append(_Group(key, matcher, tagger))
    if tagger:
        compiled.tagger_groups.add(gid)
    words: set[str] = set()
    for pattern in patterns:
        found = anchors(pattern)
        if found is None:
            compiled.always.add(gid)
            return
        words |= found
    for word in words:
        compiled.index.setdefault(nlp.vocab.strings.add(word), set()).add(gid)


def _add_patterns(
    nlp: Language,
    compiled: Compiled,
    key: str,
    patterns: Sequence[Sequence[dict[str, Any]]],
    tagger: bool,
) -> None:
    """Word-only patterns go to the PhraseMatcher; the rest into a gated Matcher."""
    rest: list[list[dict[str, Any]]] = []
    docs: list[Doc] = []
    for pattern in patterns:
        sequences = None if tagger else as_phrases(pattern)
        if sequences is None:
            rest.append(list(pattern))
        else:
            docs.extend(Doc(nlp.vocab, words=seq) for seq in sequences)
    if docs:
        compiled.phrases.add(key, docs)
    if rest:
        _add_group(nlp, compiled, key, rest, tagger)


def _add(nlp: Language, compiled: Compiled, key: str, spec: MatchSpec) -> None:
    if spec.patterns:
        _add_patterns(nlp, compiled, key, spec.patterns, spec.needs_tagger)
    if spec.phrases:
        compiled.phrases.add(key, [nlp.make_doc(p) for p in spec.phrases])


def compile_rules(nlp: Language, rules: Sequence[Rule]) -> Compiled:
    """The matchers for ``rules`` plus the built-in cues, cached per rule set."""
    key = (id(nlp), tuple((r.code, str(r.source)) for r in rules))
    fingerprint = repr([(r.match, r.requires, r.unless) for r in rules])
    cached = _CACHE.get(key)
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    compiled = Compiled(PhraseMatcher(nlp.vocab, attr="LOWER"), nlp.vocab.strings)
    for cue, patterns in CUES.items():
        _add_patterns(nlp, compiled, cue, patterns, tagger=False)
    for rule in rules:
        _add(nlp, compiled, f"{rule.code}|t", rule.match)
        _add(nlp, compiled, f"{rule.code}|r", rule.requires)
        _add(nlp, compiled, f"{rule.code}|u", rule.unless)
    _CACHE[key] = (fingerprint, compiled)
    return compiled
