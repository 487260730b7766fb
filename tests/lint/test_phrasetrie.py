"""The phrase trie finds exactly what spaCy's PhraseMatcher(attr="LOWER") finds."""

from __future__ import annotations

import random

import numpy as np
import spacy
from spacy.attrs import LOWER
from spacy.matcher import PhraseMatcher

from slaforge.lint.phrasetrie import PhraseTrie

NLP = spacy.blank("en")
PHRASES = {
    "clock": ["response", "Response Time", "response time target", "time to respond"],
    "credit": ["service credit", "Service Credits", "credit", "at its sole discretion"],
    "again": ["response time", "24x7", "e-mail"],
}
WORDS = (  # noqa: SIM905
    "the response time target is 4 hours ; a Service Credit of 5 % applies at its sole "
    "discretion , time to respond , RESPONSE TIME , e-mail and 24x7 support credit"
).split()


def _matchers() -> tuple[PhraseMatcher, PhraseTrie]:
    spacy_matcher = PhraseMatcher(NLP.vocab, attr="LOWER")
    trie = PhraseTrie()
    for key, phrases in PHRASES.items():
        docs = [NLP.make_doc(p) for p in phrases]
        spacy_matcher.add(key, docs)
        trie.add(NLP.vocab.strings[key], [doc.to_array(LOWER).tolist() for doc in docs])
    return spacy_matcher, trie


def test_the_trie_finds_what_spacy_finds_in_any_order_of_words() -> None:
    spacy_matcher, trie = _matchers()
    shuffle = random.Random(7)
    for _ in range(300):
        words = shuffle.choices(WORDS, k=shuffle.randint(1, 25))
        doc = NLP.make_doc(" ".join(words))
        found = trie(doc.to_array(LOWER).tolist())
        assert sorted(found) == sorted(spacy_matcher(doc)), doc.text
        assert found == sorted(found, key=lambda m: (m[1], m[2]))


def test_overlapping_phrases_and_one_phrase_under_two_keys() -> None:
    _, trie = _matchers()
    doc = NLP.make_doc("Our RESPONSE TIME target")
    found = [(NLP.vocab.strings[k], s, e) for k, s, e in trie(doc.to_array(LOWER).tolist())]
    assert found == [
        ("clock", 1, 2),
        ("clock", 1, 3),
        ("again", 1, 3),
        ("clock", 1, 4),
    ]


def test_an_empty_trie_or_block_matches_nothing() -> None:
    assert not PhraseTrie()
    assert PhraseTrie()([1, 2, 3]) == []
    _, trie = _matchers()
    assert trie and trie([]) == []


def test_a_whole_document_finds_what_each_block_finds() -> None:
    _, trie = _matchers()
    shuffle = random.Random(11)
    blocks = [
        NLP.make_doc(" ".join(shuffle.choices(WORDS, k=shuffle.randint(0, 12)))).to_array(LOWER)
        for _ in range(60)
    ]
    hits = trie.find(np.concatenate(blocks), [len(block) for block in blocks])
    found: list[list[tuple[int, int, int]]] = [[] for _ in blocks]
    for key, block, start, end in zip(*(column.tolist() for column in hits), strict=True):
        found[block].append((trie.keys[key], start, end))
    assert found == [trie(block.tolist()) for block in blocks]
    assert PhraseTrie().find(np.concatenate(blocks), [len(b) for b in blocks]).key.size == 0
