"""The drafting road: spec file -> validated agreement -> clauses -> .docx bytes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from slaforge.clauses import Clause
from slaforge.render.compose import Composer
from slaforge.render.document import DocumentModel
from slaforge.render.docx import WordTemplate
from slaforge.spec.model import Agreement


@dataclass
class Built:
    """A built agreement: its bytes, its document model and the clauses used."""

    data: bytes
    model: DocumentModel
    clauses: list[Clause]


class Builder:
    """A clause library and a Word template, loaded once, building any number of agreements."""

    def __init__(self, template: str | Path = "default", clause_dirs: Sequence[Path] = ()) -> None:
        self.composer = Composer.from_dirs(clause_dirs)
        self.template = WordTemplate.named(template)

    def build(self, agreement: Agreement, unchanged: frozenset[str] | None = None) -> Built:
        """Build ``agreement``; ``unchanged`` lets a batch reuse clauses (see Composer.compose)."""
        model, clauses = self.composer.compose(agreement, unchanged)
        return Built(self.template.render(model), model, clauses)
