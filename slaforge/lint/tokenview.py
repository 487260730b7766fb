"""What the matchers need from a block's tokens, worked out once per distinct token and once
per block: the encoded text the token regexes scan, the word and shape ids the phrase trie and
the anchor index look up, and the sentence starts.

A token's facts depend on its text and the language's lexical attribute getters alone, so they
are cached per vocabulary by orth id; a block then costs one array read and a dictionary lookup
per token, with no spaCy ``Token`` objects made.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from operator import itemgetter
from typing import NamedTuple, cast

import numpy as np
import numpy.typing as npt
from spacy.attrs import IDX, LENGTH, LOWER, ORTH, SHAPE
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Token

US = "\x1f"
"""Separates the fields of one encoded token."""
RS = "\x1e"
"""Ends every encoded token (and starts the encoded text)."""
FLAGS = ("LIKE_NUM", "IS_ALPHA", "IS_TITLE", "IS_CURRENCY", "IS_PUNCT", "IS_LOWER", "IS_DIGIT")
FLAG_CHARS = [chr(0x100 + bits) for bits in range(1 << len(FLAGS))]
"""One character per token holds its lexical flags (``LIKE_NUM`` ... ``IS_LOWER``) as bits."""
_BUCKETS = 1024


def bucket(lower: str) -> str:
    """The character that opens an encoded token whose lower-case form is ``lower``: one of
    :data:`_BUCKETS` by a hash of it, so that a token regex opening with given words first
    tests the token's character against theirs (one set look-up turns most tokens away)."""
    return chr(0x1000 + zlib.crc32(lower.encode("utf-8", "surrogatepass")) % _BUCKETS)


_PLAIN, _FINAL, _PUNCT = "0", "1", "2"
_STARTS = re.compile(f"{_FINAL}[{_FINAL}{_PUNCT}]*{_PLAIN}")
"""A sentence starts at the first token that is not punctuation after a sentence-final one,
by the rule of spaCy's ``sentencizer``."""
_FINALS = frozenset(Sentencizer.default_punct_chars)
_MAX_FACTS = 200_000
_KEY = "slaforge_tokens"

_Facts = tuple[str, str]
"""Encoded piece, sentence role."""
_CACHE: dict[int, dict[int, _Facts]] = {}


class TokenView(NamedTuple):
    """One block's tokens as the matchers read them."""

    text: str
    """``RS`` + ``bucket flags US lower US shape US text RS`` for every token (see
    :func:`bucket`)."""
    starts: list[int]
    """Token index of each sentence start."""
    table: npt.NDArray[np.uint64]
    """Each token's orth, first character, length, lower-case and shape ids (a row each)."""
    idx: list[int]
    """Each token's first character in the block."""
    lengths: list[int]
    """Each token's length in characters."""

    @property
    def orth_array(self) -> npt.NDArray[np.uint64]:
        """Each token's orth id (the hash of its text)."""
        return self.table[:, 0]


_ATTRS = [ORTH, IDX, LENGTH, LOWER, SHAPE]
"""The columns of :attr:`TokenView.table`."""


def _empty() -> TokenView:
    return TokenView(RS, [0], np.zeros((0, len(_ATTRS)), dtype=np.uint64), [], [])


def token_view(doc: Doc) -> TokenView:
    """``doc``'s :class:`TokenView` (memoised on the doc)."""
    view: TokenView | None = doc.user_data.get(_KEY)
    return token_views([doc])[0] if view is None else view


def token_views(docs: Sequence[Doc]) -> list[TokenView]:
    """The :class:`TokenView` of each of ``docs``, those not memoised yet worked out together
    (one pass over all their tokens costs less than one per doc)."""
    missing = [doc for doc in docs if _KEY not in doc.user_data]
    for doc, view in zip(missing, _views(missing), strict=True):
        doc.user_data[_KEY] = view
    return [doc.user_data[_KEY] for doc in docs]


def _views(docs: list[Doc]) -> list[TokenView]:
    if not docs:
        return []
    # one array read per doc for the ids and the character offsets (each read costs as much
    # as converting the whole array), one conversion for all of them
    tables = cast(
        "list[npt.NDArray[np.uint64]]", [doc.to_array(_ATTRS) for doc in docs if len(doc)]
    )
    if not tables:
        return [_empty() for _doc in docs]
    orths, idx, lengths = cast("list[list[int]]", np.concatenate(tables)[:, :3].T.tolist())
    facts = _all_facts(docs, orths)
    pieces = list(map(itemgetter(0), facts))
    role_text = "".join(map(itemgetter(1), facts))
    views: list[TokenView] = []
    arrays = iter(tables)
    end = 0
    for doc in docs:
        if not len(doc):
            views.append(_empty())
            continue
        start, end = end, end + len(doc)
        starts = [0]
        if _FINAL in role_text[start : end - 1]:  # (a final last token starts no sentence)
            starts += [m.end() - 1 - start for m in _STARTS.finditer(role_text, start, end)]
        view = TokenView(
            RS + "".join(pieces[start:end]),
            starts,
            next(arrays),
            idx[start:end],
            lengths[start:end],
        )
        views.append(view)
    return views


def _all_facts(docs: list[Doc], orths: list[int]) -> list[_Facts]:
    """The facts of every token of ``docs``, whose orth ids are ``orths``."""
    cache = _CACHE.setdefault(id(docs[0].vocab), {})
    if len(cache) > _MAX_FACTS:
        cache.clear()
    try:
        return [cache[orth] for orth in orths]
    except KeyError:  # a token not seen before: a spaCy Token only for such tokens
        facts = []
        at = 0
        for doc in docs:
            for i, orth in enumerate(orths[at : at + len(doc)]):
                fact = cache.get(orth)
                if fact is None:
                    fact = cache[orth] = _facts(doc[i])
                facts.append(fact)
            at += len(doc)
        return facts


def _facts(token: Token) -> _Facts:
    bits = sum(1 << i for i, name in enumerate(FLAGS) if getattr(token, name.lower()))
    lower, text, shape = (_clean(v) for v in (token.lower_, token.text, token.shape_))
    piece = f"{bucket(lower)}{FLAG_CHARS[bits]}{US}{lower}{US}{shape}{US}{text}{RS}"
    role = _FINAL if token.text in _FINALS else _PUNCT if token.is_punct else _PLAIN
    return piece, role


def _clean(value: str) -> str:
    return value.replace(US, " ").replace(RS, " ") if (US in value or RS in value) else value
