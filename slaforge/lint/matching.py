"""Compile every rule's phrases and patterns into one Matcher and one PhraseMatcher.

Compiled once per process for each rule set and pipeline; a document is matched in a
single pass and the hits are labelled ``CODE|t`` (trigger) or ``CODE|u`` (unless).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher

from slaforge.lint.cues import CUES
from slaforge.lint.rules import MatchSpec, Rule


@dataclass
class Compiled:
    """The matchers for one rule set on one pipeline."""

    matcher: Matcher
    phrases: PhraseMatcher
    strings: Any

    def __call__(self, doc: Any) -> list[tuple[str, int, int]]:
        """All (key, start, end) matches in ``doc``."""
        strings = self.strings
        out = [(strings[m], s, e) for m, s, e in self.matcher(doc)]
        out.extend((strings[m], s, e) for m, s, e in self.phrases(doc))
        return out


_CACHE: dict[tuple[int, tuple[tuple[str, str], ...]], tuple[str, Compiled]] = {}


def _add(nlp: Language, compiled: Compiled, key: str, spec: MatchSpec) -> None:
    if spec.patterns:
        compiled.matcher.add(key, [list(p) for p in spec.patterns])
    if spec.phrases:
        compiled.phrases.add(key, [nlp.make_doc(p) for p in spec.phrases])


def compile_rules(nlp: Language, rules: Sequence[Rule]) -> Compiled:
    """The matchers for ``rules`` plus the built-in cues, cached per rule set."""
    key = (id(nlp), tuple((r.code, str(r.source)) for r in rules))
    fingerprint = repr([(r.match, r.requires, r.unless) for r in rules])
    cached = _CACHE.get(key)
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    compiled = Compiled(
        Matcher(nlp.vocab, validate=True), PhraseMatcher(nlp.vocab, attr="LOWER"), nlp.vocab.strings
    )
    for cue, patterns in CUES.items():
        compiled.matcher.add(cue, patterns)
    for rule in rules:
        _add(nlp, compiled, f"{rule.code}|t", rule.match)
        _add(nlp, compiled, f"{rule.code}|r", rule.requires)
        _add(nlp, compiled, f"{rule.code}|u", rule.unless)
    _CACHE[key] = (fingerprint, compiled)
    return compiled
