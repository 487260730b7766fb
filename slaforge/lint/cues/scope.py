"""Cues of the sentences a rule scope looks at: an obligation (``@obligation``) or an exclusion
(``@exclusion``); :data:`SCOPE_KEYS` names the cue each scope needs."""

from __future__ import annotations

from slaforge.lint.cues.words import Pattern, _words

CUES: dict[str, list[Pattern]] = {
    "@obligation": [
        _words(
            "shall",
            "must",
            "will",
            "'ll",
            "agrees",
            "agree",
            "undertakes",
            "undertake",
            "commits",
            "guarantees",
            "guarantee",
            "warrants",
            "ensure",
            "ensures",
            "required",
            "obliged",
            "obligated",
            "responsible",
        ),
    ],
    "@exclusion": [
        _words(
            "exclude",
            "excludes",
            "excluded",
            "excluding",
            "exclusion",
            "exclusions",
            "except",
            "exception",
            "exceptions",
            "exempt",
        ),
        _words("suspend", "suspends", "suspended", "disregard", "disregarded", "excused"),
        # "commitments are void where ...", "fall outside the repair commitment"
        _words("void", "inapplicable", "waived"),
        [
            {"LOWER": {"IN": ["fall", "falls", "fell", "falling", "lie", "lies"]}},
            {"LOWER": "outside"},
        ],
        # "releases the Provider from the service levels", "is relieved of its obligations"
        [
            {
                "LOWER": {
                    "IN": ["release", "releases", "released", "relieve", "relieves", "relieved"]
                }
            },
            {"LOWER": {"NOT_IN": [".", ";", ":"]}, "OP": "{0,3}"},
            {"LOWER": {"IN": ["from", "of"]}},
        ],
        [
            {"LOWER": {"IN": ["not", "n't"]}},
            {"LOWER": {"IN": ["count", "include", "apply", "constitute"]}},
        ],
        [{"LOWER": {"IN": ["never", "not"]}}, {"LOWER": {"IN": ["downtime", "unavailability"]}}],
        [{"LOWER": "outside"}, {"LOWER": "the"}, {"LOWER": {"IN": ["measure", "measurement"]}}],
        [{"LOWER": "not"}, {"LOWER": "be", "OP": "?"}, {"LOWER": "in"}, {"LOWER": "default"}],
        [
            {"LOWER": {"IN": ["not", "n't"]}},
            {"LOWER": "be", "OP": "?"},
            {
                "LOWER": {
                    "IN": [
                        "counted",
                        "considered",
                        "included",
                        "treated",
                        "deemed",
                        "regarded",
                        "responsible",
                        "liable",
                        "accountable",
                    ]
                }
            },
        ],
    ],
}

_SCOPED_MEASURES = [
    "availability", "uptime", "sla", "slas", "level", "levels", "target", "targets",
    "commitment", "commitments", "measurement", "calculation", "credit", "credits", "kpi",
    "kpis", "metric", "metrics", "guarantee", "guarantees", "time", "times",
]  # fmt: skip

# exclusions in other words: "availability does not take account of ...", "is not taken into
# account", "are out of scope for the uptime commitment", "is ignored", "are not covered by"
CUES["@exclusion"].extend(
    [
        [
            {"LOWER": {"IN": ["not", "n't"]}},
            {"LOWER": {"IN": ["take", "takes", "taken", "be", "been"]}, "OP": "{0,2}"},
            {"LOWER": {"IN": ["into", "account"]}},
            {"LOWER": {"IN": ["account", "of"]}},
        ],
        [
            {"LOWER": {"IN": ["out", "outside"]}},
            {"LOWER": "of", "OP": "?"},
            {"LOWER": {"IN": ["the", "its"]}, "OP": "?"},
            {"LOWER": "scope"},
            {"LOWER": {"IN": ["for", "of"]}},
            {"LOWER": {"IN": ["the", "this", "these", "any", "all"]}, "OP": "?"},
            {"LOWER": {"NOT_IN": [".", ";", ",", "agreement", "contract"]}, "OP": "{0,2}"},
            {"LOWER": {"IN": _SCOPED_MEASURES}},
        ],
        _words("ignore", "ignores", "ignored", "disregards"),
        # an exception in other words: "save for interruptions of whatever nature", "99.95%,
        # other than during planned maintenance"
        [{"LOWER": "save"}, {"LOWER": {"IN": ["for", "where", "that", "in", "as", "when"]}}],
        [
            {"LOWER": "other"},
            {"LOWER": "than"},
            {"LOWER": {"IN": ["during", "for", "in", "where", "when", "while", "as"]}},
        ],
        # a clock stopped for a period: "restoration periods are stopped for any time during
        # which ...", "the clock pauses while ..."
        [
            {"LOWER": {"IN": ["stopped", "paused", "suspended"]}},
            {"LOWER": {"IN": ["for", "during", "while", "whilst", "when", "until", "in"]}},
        ],
        [
            {
                "LOWER": {
                    "IN": [
                        "clock",
                        "clocks",
                        "timer",
                        "timers",
                        "period",
                        "periods",
                        "time",
                        "times",
                        "sla",
                        "measurement",
                    ]
                }
            },
            {
                "LOWER": {"IN": ["is", "are", "was", "were", "be", "been", "will", "shall", "may"]},
                "OP": "{0,2}",
            },
            {"LOWER": {"IN": ["stopped", "paused"]}},
        ],
        [
            {"LOWER": {"IN": ["stop", "stops", "pause", "pauses"]}},
            {"LOWER": {"IN": ["while", "whilst", "during", "for"]}},
        ],
        [
            {"LOWER": {"IN": ["not", "n't"]}},
            {"LOWER": {"IN": ["be", "been", "are", "is"]}, "OP": "?"},
            {"LOWER": {"IN": ["covered", "cover", "covers"]}},
        ],
    ]
)

SCOPE_KEYS: dict[str, str | None] = {
    "sentence": None,
    "document": None,
    "metric-definition": "@metric",
    "obligation": "@obligation",
    "exclusion": "@exclusion",
    "credit-clause": "@credit",
}
"""The cue a sentence must contain for a rule of each scope to look at it."""
