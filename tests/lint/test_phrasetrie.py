"""The phrase trie finds exactly what spaCy's PhraseMatcher(attr="LOWER") finds."""

from __future__ import annotations

import pickle
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


def _find(trie: PhraseTrie, lowers: list[int]) -> list[tuple[int, int, int]]:
    """(key, start, end) of every phrase in one block."""
    hits = trie.find(np.asarray(lowers, dtype=np.uint64), [len(lowers)])
    keys = trie.keys
    return [(keys[k], s, e) for k, s, e in zip(*(hits.key, hits.start, hits.end), strict=True)]


def test_the_trie_finds_what_spacy_finds_in_any_order_of_words() -> None:
    spacy_matcher, trie = _matchers()
    shuffle = random.Random(7)
    for _ in range(300):
        words = shuffle.choices(WORDS, k=shuffle.randint(1, 25))
        doc = NLP.make_doc(" ".join(words))
        found = _find(trie, doc.to_array(LOWER).tolist())
        assert sorted(found) == sorted(spacy_matcher(doc)), doc.text
        assert found == sorted(found, key=lambda m: (m[1], m[2]))


def test_overlapping_phrases_and_one_phrase_under_two_keys() -> None:
    _, trie = _matchers()
    doc = NLP.make_doc("Our RESPONSE TIME target")
    lowers = doc.to_array(LOWER).tolist()
    found = [(NLP.vocab.strings[k], s, e) for k, s, e in _find(trie, lowers)]
    assert found == [
        ("clock", 1, 2),
        ("clock", 1, 3),
        ("again", 1, 3),
        ("clock", 1, 4),
    ]


def test_an_empty_trie_or_block_matches_nothing() -> None:
    assert not PhraseTrie()
    assert _find(PhraseTrie(), [1, 2, 3]) == []
    _, trie = _matchers()
    assert trie and _find(trie, []) == []


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
    assert found == [_find(trie, block.tolist()) for block in blocks]
    assert PhraseTrie().find(np.concatenate(blocks), [len(b) for b in blocks]).key.size == 0


def test_a_trie_read_back_from_a_pickle_matches_and_takes_more_phrases() -> None:
    _, trie = _matchers()
    lowers = NLP.make_doc("the response time target , at its sole discretion").to_array(LOWER)
    again = pickle.loads(pickle.dumps(trie))
    assert _find(again, lowers.tolist()) == _find(trie, lowers.tolist()) != []
    before = len(_find(trie, lowers.tolist()))
    for each in (trie, again):
        each.add(
            NLP.vocab.strings["extra"], [NLP.make_doc("sole discretion").to_array(LOWER).tolist()]
        )
    assert _find(again, lowers.tolist()) == _find(trie, lowers.tolist())
    assert len(_find(again, lowers.tolist())) == before + 1
