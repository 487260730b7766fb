"""Token patterns run as regular expressions find the same words as spaCy's Matcher."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from slaforge.lint.cues import CUES
from slaforge.lint.rules import load_rules
from slaforge.lint.tokenregex import TokenRegexMatcher, pattern_regex, start_gate

SENTENCES = [
    "The Provider shall respond to a Priority 1 incident within 30 minutes.",
    "RESPONSE TIME: 4 business hours from the Customer's report, 24x7.",
    "We will use commercially reasonable efforts to restore 99.9% availability.",
    "Credits of $500 or 10% of the Monthly Fee are the sole remedy.",
    "Tickets are closed when the engineer replies, or after 5 days.",
    "An automated e-mail acknowledgement is not a response.",
    "",
    "Hours: Monday to Friday, 08:00 to 18:00 UK time.",
    "A fix is not complete within two working days.",
    "1.2 Availability | 99.95% | per calendar month",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


def longest_per_start(matches: list[tuple[int, int, int]]) -> dict[int, int]:
    out: dict[int, int] = {}
    for _id, start, end in matches:
        out[start] = max(end, out.get(start, end))
    return out


def matchers(nlp: Language, patterns: list[list[dict[str, Any]]]) -> tuple[Any, Any]:
    """spaCy's Matcher and ours for the same ``patterns``."""
    regexes = [pattern_regex(p) for p in patterns]
    assert all(r is not None for r in regexes), patterns
    spacy_matcher = Matcher(nlp.vocab)
    spacy_matcher.add("k", patterns)
    gate = start_gate(patterns)  # the gate only skips tokens where no pattern can start
    return spacy_matcher, TokenRegexMatcher(1, [r for r in regexes if r is not None], gate)


def both(matcher_pair: tuple[Any, Any], doc: Doc) -> tuple[Any, Any]:
    theirs, ours = matcher_pair
    return longest_per_start(theirs(doc)), longest_per_start(ours(doc))


PATTERNS: list[list[dict[str, Any]]] = [
    [{"LOWER": "respond"}, {"LOWER": "to"}],
    [{"LOWER": {"IN": ["respond", "replies", "response"]}}, {"OP": "{0,3}"}, {"LIKE_NUM": True}],
    [{"LOWER": {"IN": ["commercially", "reasonable"]}, "OP": "+"}, {"LOWER": "efforts"}],
    [{"ORTH": {"IN": ["RESPONSE", "TIME"]}}, {"ORTH": ":", "OP": "?"}],
    [{"LIKE_NUM": True}, {"LOWER": {"NOT_IN": ["minutes", "days"]}}],
    [{"IS_TITLE": True, "IS_ALPHA": True}, {"IS_PUNCT": True}],
    [{"IS_CURRENCY": True}, {"LIKE_NUM": True}],
    [{"LOWER": "not"}, {"LOWER": "a", "OP": "!"}],
    [{"LOWER": "e"}, {"ORTH": "-"}, {"LOWER": "mail"}],
    [{"TEXT": "|"}, {}, {"OP": "*"}, {"LOWER": "month"}],
    [{"IS_LOWER": True, "OP": "{2}"}, {"LOWER": {"IN": ["hours", "days"]}}],
    [{"SHAPE": {"IN": ["dd.d", "dd.dd"]}}, {"ORTH": "%"}],
    [{"LOWER": {"REGEX": r"^\d+(h|hours?)?$"}, "SHAPE": "dd"}],
    [{"LIKE_NUM": True}, {"TEXT": {"REGEX": "^(minutes|days)$"}}],
    [{"IS_DIGIT": True, "OP": "?"}, {"LOWER": {"IN": ["minutes", "days"]}}],
    [{"LOWER": {"REGEX": "^resp"}}, {"LOWER": "to"}],
    [{"TEXT": {"REGEX": "^[A-Z][a-z]"}}, {"IS_PUNCT": True}],
    # the start gate's tests of the token after the first
    [{"LOWER": {"IN": ["the", "a"]}, "OP": "?"}, {"LOWER": {"IN": ["provider", "customer's"]}}],
    [{"LOWER": {"IN": ["within", "after"]}}, {"LIKE_NUM": True}],
    [{"LIKE_NUM": True}, {"LOWER": {"IN": ["minutes", "days"]}}],
    [{"IS_LOWER": True}, {"LOWER": {"IN": ["respond", "closed", "complete"]}}],
    [{"IS_TITLE": False, "IS_PUNCT": False}, {"LOWER": "hours", "OP": "?"}],
]


@pytest.mark.parametrize("pattern", PATTERNS, ids=[str(i) for i in range(len(PATTERNS))])
def test_each_token_feature_matches_like_spacy(nlp: Language, pattern: Any) -> None:
    found_any = False
    pair = matchers(nlp, [pattern])
    for doc in nlp.pipe(SENTENCES):
        theirs, ours = both(pair, doc)
        assert ours == theirs, doc.text
        found_any = found_any or bool(ours)
    assert found_any, "each pattern matches at least one sentence"


def test_builtin_rules_find_the_same_words_in_their_examples(nlp: Language) -> None:
    """Every built-in pattern the regex engine takes, over every rule example text."""
    texts = [e.text for r in load_rules() for e in r.fail_examples]
    texts += [t for r in load_rules() for t in r.pass_examples]
    docs = list(nlp.pipe(texts))
    groups: list[list[list[dict[str, Any]]]] = [list(map(list, p)) for p in CUES.values()]
    for rule in load_rules():
        groups += [[list(p) for p in s.patterns] for s in (rule.match, rule.requires, rule.unless)]
    taken = 0
    for patterns in groups:
        simple = [p for p in patterns if pattern_regex(p) is not None]
        if not simple:
            continue
        taken += len(simple)
        pair = matchers(nlp, simple)
        for doc in docs:
            theirs, ours = both(pair, doc)
            assert ours == theirs, (simple, doc.text)
    assert taken > 300


def test_a_sentence_start_is_the_first_token_unless_the_doc_has_sentences(nlp: Language) -> None:
    """A requires/unless pattern reads IS_SENT_START as the block's first token (the lint
    never splits Docs into sentences); a Doc that has sentence starts goes to spaCy."""
    pattern = [{"IS_SENT_START": True, "IS_ALPHA": True}, {"LOWER": {"NOT_IN": ["."]}}]
    regex = pattern_regex(pattern, sent_start=True)
    assert regex is not None
    theirs = Matcher(nlp.vocab)
    theirs.add("k", [pattern])
    ours = TokenRegexMatcher(1, [regex], split=theirs)
    later = 0
    for text in [*SENTENCES, "Credits apply monthly. Tickets close after 5 days."]:
        for doc in (nlp.make_doc(text), nlp(text)):  # without and with sentence starts
            found = longest_per_start(ours(doc))
            assert found == longest_per_start(theirs(doc)), doc.text
            later += any(start > 0 for start in found)
    assert later, "a sentence after the first one starts a match where the Doc has sentences"


def test_patterns_the_regexes_cannot_express_stay_with_spacy() -> None:
    assert pattern_regex([{"LEMMA": "respond"}]) is None
    assert pattern_regex([{"LOWER": {"REGEX": "resp"}}]) is None
    assert pattern_regex([{"LOWER": {"REGEX": "^re[^s]"}}]) is None
    assert pattern_regex([{"LOWER": {"REGEX": "^r.sp$"}}]) is None
    assert pattern_regex([{"IS_SENT_START": True}, {"LOWER": "the"}]) is None
