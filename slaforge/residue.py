"""Template leftovers: text that must never reach a generated agreement.

A clause that renders one fails the build (:mod:`slaforge.render.compose`); a spec value that
holds one is a problem of the spec (:mod:`slaforge.spec.load`).
"""

from __future__ import annotations

import re

RESIDUE = re.compile(
    r"\{\{|\}\}|\{%|%\}|\{#|#\}|\[TBD\]|\bTBD\b|\[•\]|\[\s*\]|_{3,}|\[insert", re.I
)
"""Template leftovers that must never reach a generated agreement."""

_RESIDUE_HINTS = (
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "#}",
    "tbd",
    "[\u2022]",
    "[]",
    "[ ",
    "___",
    "[insert",
)


def find_residue(text: str) -> re.Match[str] | None:
    """The first template leftover in ``text``; a substring scan decides if a regex must run."""
    lowered = text.lower()
    if not any(hint in lowered for hint in _RESIDUE_HINTS):
        return None
    return RESIDUE.search(text)
