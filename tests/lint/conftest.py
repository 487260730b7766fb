"""Helpers for the linter tests: lint a text and look at codes and categories."""

from __future__ import annotations

from pathlib import Path

import pytest

from slaforge.lint.engine import lint_text
from slaforge.lint.model import LintOptions, LintResult

DATA = Path(__file__).resolve().parent / "data"


def codes(result: LintResult) -> list[str]:
    """The rule codes of a result's findings, in document order."""
    return [f.code for f in result.findings]


@pytest.fixture
def lint() -> object:
    """``lint(text, **options)`` -> LintResult."""

    def run(text: str, **options: object) -> LintResult:
        return lint_text(text, options=LintOptions(**options))  # type: ignore[arg-type]

    return run
