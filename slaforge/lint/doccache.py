"""The Docs of the documents linted last, kept for the next ones: agreements built from one set
of terms (``slaforge bulk --lint``) or drafts on one template (``slaforge lint a.docx b.docx``)
share most of their paragraphs, and a paragraph tagged once need not be tagged again.

Reuse changes no finding: a block's tokens, tags and lemmas depend on its own text alone (the
tagging components read no other block of a batch), and what the linter memoises on a Doc
depends on its tokens alone. A kept Doc that was not tagged is tagged when a later document's
rules need its tags (:func:`slaforge.lint.nlp.process`); one tagged for an earlier rule set
carries tags the later rules do not need, which is harmless: patterns that read tags are tried
only on blocks their rules pick for tagging.
"""

from __future__ import annotations

from collections import OrderedDict

from spacy.language import Language
from spacy.tokens import Doc

TOKENS = 100_000
"""Tokens kept (a tagged token takes about 700 bytes, so some 70 MB): about fifteen agreements
of a bulk batch, or five drafts of 15,000 words."""


class DocCache:
    """Docs by text, the most recently used last; past ``tokens`` tokens the oldest texts go."""

    def __init__(self, tokens: int = TOKENS) -> None:
        self.tokens = tokens
        self._nlp: Language | None = None
        self._docs: OrderedDict[str, list[Doc]] = OrderedDict()
        self._count = 0

    def __len__(self) -> int:
        """Tokens kept."""
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
            doc = found.pop()
            out.append(doc)
            self._count -= len(doc)
            if not found:
                del self._docs[text]
        return out

    def keep(self, texts: list[str], docs: list[Doc]) -> None:
        """Remember ``docs`` (made of ``texts``) as the most recent."""
        for text, doc in zip(texts, docs, strict=True):
            self._docs.setdefault(text, []).append(doc)
            self._docs.move_to_end(text)
        self._count += sum(len(doc) for doc in docs)
        while self._count > self.tokens:
            _text, old = self._docs.popitem(last=False)
            self._count -= sum(len(doc) for doc in old)
