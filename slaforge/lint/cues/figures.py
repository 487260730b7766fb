"""Cues of a figure: a percentage (``@pct``), a duration (``@dur``), a rate (``@rate``) and a
score on a scale (``@score``)."""

from __future__ import annotations

from typing import Any

from slaforge.lint.cues.words import RATE_PERIODS, TIME_UNITS, Pattern

_NUM: dict[str, Any] = {"LIKE_NUM": True}
_PAREN_NUM: Pattern = [
    {"ORTH": "(", "OP": "?"},
    {"LIKE_NUM": True, "OP": "?"},
    {"ORTH": ")", "OP": "?"},
]
_WORD_FIGURE: Pattern = [
    _NUM,
    {"ORTH": "-", "OP": "?"},
    {"LIKE_NUM": True, "OP": "?"},
    {"LOWER": "point"},
    {"LIKE_NUM": True},
    {"LIKE_NUM": True, "OP": "?"},
]
_COUNTED = {
    "IS_ALPHA": True,
    "LOWER": {
        "NOT_IN": [
            "per", "a", "an", "the", "in", "of", "on", "at", "for", "to", "by", "and", "or",
            "each", "every", "within", "than", "more", "less", "out", *TIME_UNITS,
        ]
    },
}  # fmt: skip
"""A word of what a rate counts ("transactions" in "1,200 transactions per second")."""
_CLOCK_ADJ = {
    "LOWER": {
        "IN": ["business", "working", "calendar", "clock", "consecutive", "running", "operating"]
    },
    "OP": "?",
}

CUES: dict[str, list[Pattern]] = {
    "@pct": [
        [_NUM, {"LOWER": {"IN": ["%", "percent", "pct"]}}],
        [_NUM, {"LOWER": "per"}, {"LOWER": "cent"}],
        # a figure in words: "ninety-nine point nine per cent", not just its "nine per cent"
        [*_WORD_FIGURE, {"LOWER": {"IN": ["percent", "pct"]}}],
        [*_WORD_FIGURE, {"LOWER": "per"}, {"LOWER": "cent"}],
    ],
    "@dur": [[_NUM, *_PAREN_NUM, _CLOCK_ADJ, {"LOWER": {"IN": list(TIME_UNITS)}}]],
    # a rate: "1,200 transactions per second", "5,000 pages per Working Day"
    "@rate": [
        [
            _NUM,
            _COUNTED,
            {"ORTH": "-", "OP": "?"},
            {**_COUNTED, "OP": "{0,2}"},
            {"LOWER": "in", "OP": "?"},
            {"LOWER": {"IN": ["per", "a", "an", "each", "every", "/"]}},
            {"LOWER": {"IN": ["working", "business", "operating", "calendar"]}, "OP": "?"},
            {"LOWER": {"IN": [*RATE_PERIODS]}},
        ]
    ],
    # a score on a scale: "at least 4.2 out of 5"
    "@score": [[_NUM, {"LOWER": "out"}, {"LOWER": "of"}, _NUM]],
}
