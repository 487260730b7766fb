"""Cues of a card's window (``@window``): the period a target is measured over ("per calendar
month", "in each rolling 30-day period", "per payroll cycle")."""

from __future__ import annotations

from slaforge.lint.cues.words import Pattern, _words

CUES: dict[str, list[Pattern]] = {
    "@window": [
        [
            {"LOWER": {"IN": ["per", "each", "every", "a", "any", "one", "the", "in"]}, "OP": "?"},
            {"LOWER": {"IN": ["calendar", "billing", "rolling", "given", "single"]}, "OP": "?"},
            {"LIKE_NUM": True, "OP": "?"},
            {"ORTH": "-", "OP": "?"},
            {
                "LOWER": {
                    "IN": [
                        "month",
                        "months",
                        "quarters",
                        "years",
                        "weeks",
                        "monthly",
                        "quarter",
                        "quarterly",
                        "annual",
                        "annually",
                        "year",
                        "yearly",
                        "weekly",
                    ]
                }
            },
        ],
        [
            {"LOWER": {"IN": ["billing", "measurement", "sla", "reporting", "service"]}},
            {"LOWER": {"IN": ["cycle", "period", "month"]}},
        ],
        # a latency or jitter figure per sample: "in any five-minute sample"
        [
            {"LOWER": {"IN": ["second", "seconds", "minute", "minutes", "hour", "hours"]}},
            {"LOWER": {"IN": ["sample", "samples", "interval", "intervals"]}},
        ],
        # a day, a week or a shift as the period: "on each calendar day", "per week", "daily"
        [
            {"LOWER": {"IN": ["per", "each", "every", "any"]}},
            {"LOWER": {"IN": ["calendar", "business", "working", "operating"]}, "OP": "?"},
            {"LOWER": {"IN": ["day", "week", "shift"]}},
        ],
        _words("daily"),
        # "each rolling period of 7 consecutive calendar days", "a window of 4 weeks"
        [
            {"LOWER": {"IN": ["period", "window", "cycle"]}},
            {"LOWER": "of"},
            {"LIKE_NUM": True},
            {"LOWER": {"IN": ["consecutive", "calendar", "business", "working"]}, "OP": "?"},
            {"LOWER": {"IN": ["calendar", "business", "working"]}, "OP": "?"},
            {"LOWER": {"IN": ["days", "weeks", "months"]}},
        ],
        # "in each rolling 30-day period"
        [
            {"LIKE_NUM": True},
            {"ORTH": "-", "OP": "?"},
            {"LOWER": {"IN": ["day", "days", "week", "weeks"]}},
            {"LOWER": {"IN": ["period", "window", "cycle"]}},
        ],
    ],
}

# a recurring run as the period: "in each pay run", "per payroll cycle", "every school term"
CUES["@window"].append(
    [
        {"LOWER": {"IN": ["per", "each", "every", "any"]}},
        {"LOWER": {"IN": ["pay", "payroll", "billing", "production", "processing", "school",
                          "academic", "batch"]}, "OP": "?"},
        {"LOWER": {"IN": ["run", "cycle", "term", "semester", "batch"]}},
    ]
)  # fmt: skip

# a rolling window counted in days: "in each rolling 30-day period", "Rolling 30 days"
CUES["@window"].append(
    [
        {"LOWER": "rolling"},
        {"LIKE_NUM": True},
        {"ORTH": "-", "OP": "?"},
        {"LOWER": {"IN": ["day", "days"]}},
        {"LOWER": {"IN": ["period", "window"]}, "OP": "?"},
    ]
)
