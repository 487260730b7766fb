"""Cues of what a target means: a definition or what counts as met (``@definition``) and the
priority, tier or plan it holds for (``@qualifier``)."""

from __future__ import annotations

from slaforge.lint.cues.words import Pattern, _words

CUES: dict[str, list[Pattern]] = {
    "@definition": [
        [
            {
                "LOWER": {
                    "IN": [
                        "means",
                        "mean",
                        "refers",
                        "deemed",
                        "defined",
                        "constitutes",
                        "comprises",
                    ]
                }
            }
        ],
        [{"LOWER": {"IN": ["counts", "count"]}}, {"LOWER": "as"}],
        [
            {"LOWER": "is"},
            {"LOWER": {"IN": ["met", "achieved", "complete", "given", "made"]}},
            {"LOWER": {"IN": ["when", "once", "only", "if"]}},
        ],
    ],
    "@qualifier": [
        _words(
            "priority",
            "priorities",
            "severity",
            "tier",
            "tiers",
            "plan",
            "plans",
            "edition",
            "premium",
            "standard",
            "enterprise",
            "basic",
            "gold",
            "silver",
            "bronze",
            "platinum",
            "region",
            "regions",
            "level",
            "p1",
            "p2",
            "p3",
            "p4",
            "sev1",
            "sev2",
            "critical",
            "high",
            "medium",
            "low",
            "urgent",
            "normal",
            "major",
            "minor",
        ),
    ],
}
