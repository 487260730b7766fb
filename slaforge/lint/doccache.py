"""The Docs of the documents linted last, kept for the next ones: agreements built from one set
of terms (``slaforge bulk --lint``) or drafts on one template (``slaforge lint a.docx b.docx``)
share most of their paragraphs, and a paragraph tagged once need not be tagged again.

Reuse changes no finding: a block's tokens, tags and lemmas depend on its own text alone (the
tagging components read no other block of a batch), and what the linter memoises on a Doc
depends on its tokens alone.
"""

from __future__ import annotations

from collections import OrderedDict

from spacy.language import Language
from spacy.tokens import Doc

SIZE = 2048
"""Docs kept: about ten agreements of a bulk batch, or two long drafts (some 50 MB)."""


class DocCache:
    """Docs by text, the most recently used last; past ``size`` Docs the oldest texts go."""

    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self._nlp: Language | None = None
        self._docs: OrderedDict[str, list[Doc]] = OrderedDict()
        self._count = 0

    def __len__(self) -> int:
        """Docs kept."""
        return self._count

    def take(self, nlp: Language, texts: list[str]) -> list[Doc | None]:
        """For each of ``texts``, a Doc ``nlp`` made of it for an earlier document, or None.
        Each Doc is handed out once: a text twice in one document gets a second Doc."""
        if nlp is not self._nlp:
            self._nlp, self._docs, self._count = nlp, OrderedDict(), 0
        out: list[Doc | None] = []
        for text in texts:
            found = self._docs.get(text)
            if not found:
                out.append(None)
                continue
            out.append(found.pop())
            self._count -= 1
            if not found:
                del self._docs[text]
        return out

    def keep(self, texts: list[str], docs: list[Doc]) -> None:
        """Remember ``docs`` (made of ``texts``) as the most recent."""
        for text, doc in zip(texts, docs, strict=True):
            self._docs.setdefault(text, []).append(doc)
            self._docs.move_to_end(text)
        self._count += len(docs)
        while self._count > self.size:
            _text, old = self._docs.popitem(last=False)
            self._count -= len(old)
