"""What the matchers need from a block's tokens, worked out once per distinct token and once
per block: the encoded text the token regexes scan, the word and shape ids the phrase trie and
the anchor index look up, and the sentence starts.

A token's facts depend on its text and the language's lexical attribute getters alone, so they
are cached per vocabulary by orth id (with the token's length, so that where it starts follows
from the tokens before it); a block then costs one array read of two attributes, and its
tokens are looked up with the rest of the document's, once per distinct text, with no spaCy
``Token`` objects made.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from typing import NamedTuple, cast

import numpy as np
import numpy.typing as npt
from spacy.attrs import ORTH, SPACY
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


class _Known:
    """The facts of every token text seen in one vocabulary, a row each: its encoded piece,
    and as numbers its lower-case id, shape id, length, sentence role and the piece's length."""

    def __init__(self) -> None:
        self.rows: dict[int, int] = {}
        """Orth id -> row."""
        self.pieces: list[str] = []
        self.table = np.zeros((0, 5), dtype=np.uint64)
        """Lower-case id, shape id, length, sentence role (the code of its character), length
        of the piece."""

    def add(self, tokens: list[Token]) -> None:
        """Add the facts of ``tokens`` (of distinct texts not seen before)."""
        rows = []
        for token in tokens:
            self.rows[token.orth] = len(self.pieces)
            piece, role, length = _facts(token)
            self.pieces.append(piece)
            rows.append((token.lower, token.shape, length, ord(role), len(piece)))
        self.table = np.concatenate([self.table, np.array(rows, dtype=np.uint64)])


_CACHE: dict[int, _Known] = {}


class TokenView(NamedTuple):
    """One block's tokens as the matchers read them."""

    text: str
    """``RS`` + ``bucket flags US lower US shape US text RS`` for every token (see
    :func:`bucket`)."""
    starts: list[int]
    """Token index of each sentence start."""
    table: npt.NDArray[np.uint64]
    """Each token's orth, lower-case and shape ids (a row each)."""
    idx: list[int]
    """Each token's first character in the block."""
    lengths: list[int]
    """Each token's length in characters."""

    @property
    def orth_array(self) -> npt.NDArray[np.uint64]:
        """Each token's orth id (the hash of its text)."""
        return self.table[:, 0]


_ATTRS = [ORTH, SPACY]
"""What is read of each token: the rest follows from its text (the orth id), and where it
starts from the lengths and trailing spaces of the tokens before it."""


def _empty() -> TokenView:
    return TokenView(RS, [0], np.zeros((0, 3), dtype=np.uint64), [], [])


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
    sized = [doc for doc in docs if len(doc)]
    if not sized:
        return [_empty() for _doc in docs]
    # one array read per doc (each costs about as much per token attribute as converting
    # the whole array), the rest looked up once per distinct token text
    read = np.concatenate([doc.to_array(_ATTRS) for doc in sized])
    sizes = np.fromiter(map(len, sized), dtype=np.int64, count=len(sized))
    known, rows = _rows(sized, read[:, 0], sizes)
    facts = known.table[rows]
    table = np.column_stack((read[:, 0], facts[:, :2]))
    text = "".join(map(known.pieces.__getitem__, rows.tolist()))
    role_text = facts[:, 3].astype(np.uint8).tobytes().decode("ascii")
    step = facts[:, 2] + read[:, 1]
    before = np.cumsum(step) - step  # (where each token starts after the batch's first)
    firsts = np.cumsum(sizes) - sizes
    idx = cast("list[int]", (before - np.repeat(before[firsts], sizes)).tolist())
    lengths = cast("list[int]", facts[:, 2].tolist())
    chars = np.cumsum(facts[:, 4]) - facts[:, 4]
    cuts = [*cast("list[int]", chars[firsts].tolist()), len(text)]
    views: list[TokenView] = []
    end = n = 0
    for doc in docs:
        if not len(doc):
            views.append(_empty())
            continue
        start, end = end, end + len(doc)
        starts = [0]
        if _FINAL in role_text[start : end - 1]:  # (a final last token starts no sentence)
            starts += [m.end() - 1 - start for m in _STARTS.finditer(role_text, start, end)]
        view = TokenView(
            RS + text[cuts[n] : cuts[n + 1]],
            starts,
            table[start:end],
            idx[start:end],
            lengths[start:end],
        )
        views.append(view)
        n += 1
    return views


def _rows(
    docs: list[Doc], orths: npt.NDArray[np.uint64], sizes: npt.NDArray[np.int64]
) -> tuple[_Known, npt.NDArray[np.intp]]:
    """The facts of ``docs``' vocabulary and the row there of each of their tokens, whose orth
    ids are ``orths`` (``sizes`` tokens a doc); a spaCy Token only for the texts not seen
    before."""
    known = _CACHE.get(id(docs[0].vocab))
    if known is None or len(known.pieces) > _MAX_FACTS:
        known = _CACHE[id(docs[0].vocab)] = _Known()
    distinct, inverse = np.unique(orths, return_inverse=True)
    get = known.rows.get
    found = np.array([get(orth, -1) for orth in distinct.tolist()], dtype=np.intp)
    if (found < 0).any():
        at = np.flatnonzero(found[inverse.ravel()] < 0)  # (the tokens of new texts)
        at = at[np.unique(orths[at], return_index=True)[1]]  # (the first of each)
        ends = np.cumsum(sizes)
        which = np.searchsorted(ends, at, side="right")
        local = at - (ends[which] - sizes[which])
        known.add([docs[d][i] for d, i in zip(which.tolist(), local.tolist(), strict=True)])
        found = np.array([get(orth, -1) for orth in distinct.tolist()], dtype=np.intp)
    return known, found[inverse.ravel()]


def _facts(token: Token) -> tuple[str, str, int]:
    """The encoded piece, the sentence role and the length of ``token``."""
    bits = sum(1 << i for i, name in enumerate(FLAGS) if getattr(token, name.lower()))
    raw = token.text
    lower, text, shape = (_clean(v) for v in (token.lower_, raw, token.shape_))
    piece = f"{bucket(lower)}{FLAG_CHARS[bits]}{US}{lower}{US}{shape}{US}{text}{RS}"
    role = _FINAL if raw in _FINALS else _PUNCT if token.is_punct else _PLAIN
    return piece, role, len(raw)


def _clean(value: str) -> str:
    return value.replace(US, " ").replace(RS, " ") if (US in value or RS in value) else value
