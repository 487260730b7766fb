"""The Docs of the last document linted, kept for the next one: agreements built from one set of
terms (``slaforge bulk --lint``) or drafts on one template (``slaforge lint a.docx b.docx``)
share most of their paragraphs, and a paragraph tagged once need not be tagged again.

Reuse changes no finding: a block's tokens, tags and lemmas depend on its own text alone (the
tagging components read no other block of a batch), and what the linter memoises on a Doc
depends on its tokens alone.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class DocCache:
    """Docs by text, from the last document only: memory stays one document's worth."""

    def __init__(self) -> None:
        self._nlp: Language | None = None
        self._last: dict[str, list[Doc]] = {}

    def take(self, nlp: Language, texts: list[str]) -> list[Doc | None]:
        """For each of ``texts``, the Doc ``nlp`` made of it for the last document, or None.
        Each Doc is handed out once: a text twice in one document gets a second Doc."""
        if nlp is not self._nlp:
            self._nlp, self._last = nlp, {}
        last = self._last
        return [last[text].pop() if last.get(text) else None for text in texts]

    def keep(self, texts: list[str], docs: list[Doc]) -> None:
        """Remember ``docs`` (made of ``texts``) for the next document, and forget the rest."""
        kept: dict[str, list[Doc]] = {}
        for text, doc in zip(texts, docs, strict=True):
            kept.setdefault(text, []).append(doc)
        self._last = kept
