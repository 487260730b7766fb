"""Cues of words that only look vague (``@not-vague``): a purpose, a choice or a cross-reference,
the customer's own request or duty, a configuration's name, a frequency with a floor, a remark,
a permission bounded by its purpose, an act that takes no time; a rule with ``skip-not-vague``
passes over a trigger inside one."""

from __future__ import annotations

from slaforge.lint.cues.words import _CUSTOMER_PARTIES, _PROVIDER_PARTIES, Pattern

CUES: dict[str, list[Pattern]] = {}

_BENEFICIARIES = [
    *_CUSTOMER_PARTIES, "parties", "party", "users", "user", "teams", "team", "staff",
    "employees", "business", "businesses", "organisation", "organization", "it", "they", "we",
    "both", "each", "everyone", "patients", "members", "students", "departments",
]  # fmt: skip
_CLAUSE_WORD = {"ORTH": {"NOT_IN": [".", ";", ":", "|", "!", "?", "(", ")"]}}
# words that only look vague (a trigger inside one of these spans is not a standard of
# performance): what the customer or both parties are to be able to do ("so that the Client can
# run its business effectively", "to help both parties work together efficiently"), a choice
# between named alternatives ("the Partner or the Reseller, as applicable"), a cross-reference
# ("the details as required above", "as required by clause 4")
CUES["@not-vague"] = [
    [
        {"LOWER": {"IN": ["so", "such"]}},
        {"LOWER": "that"},
        {"LOWER": {"IN": ["the", "both", "each", "all", "its", "their", "our", "your"]}, "OP": "?"},
        {"LOWER": {"IN": _BENEFICIARIES}},
        {"ORTH": {"IN": ["'s", "\u2019s", "'"]}, "OP": "?"},
        {"IS_ALPHA": True, "LOWER": {"NOT_IN": ["not", "never", "only"]}, "OP": "?"},
        {"LOWER": {"IN": ["can", "may", "could", "is", "are", "will", "has", "have"]}},
        {**_CLAUSE_WORD, "OP": "{0,10}"},
    ],
    [
        {"LOWER": {"IN": ["to", "and"]}},
        {"LOWER": {"IN": ["help", "enable", "allow", "assist", "support"]}},
        {"LOWER": {"IN": ["the", "both", "each", "all", "its", "their", "our", "your"]}, "OP": "?"},
        {"LOWER": {"IN": _BENEFICIARIES}},
        {"LOWER": "to", "OP": "?"},
        {**_CLAUSE_WORD, "OP": "{0,10}"},
    ],
    [
        {"LOWER": "or"},
        {"LOWER": {"IN": ["to", "for", "by", "with", "from", "of", "on"]}, "OP": "?"},
        {"LOWER": {"IN": ["the", "a", "an", "its", "their", "any"]}, "OP": "?"},
        {"IS_TITLE": True},
        {"IS_TITLE": True, "OP": "?"},
        {"ORTH": {"IN": [",", "("]}, "OP": "?"},
        {"LOWER": "as"},
        {"LOWER": {"IN": ["applicable", "appropriate", "relevant", "the", "case"]}},
        {"LOWER": {"IN": ["case", "may", "be"]}, "OP": "{0,3}"},
    ],
    [
        {"LOWER": {"IN": ["as", "where"]}},
        {"LOWER": {"IN": ["required", "specified", "set", "provided", "applicable", "stated"]}},
        {"LOWER": {"IN": ["out", "forth"]}, "OP": "?"},
        {"LOWER": {"IN": ["above", "below", "herein", "hereunder", "by", "under", "in"]}},
        {"LOWER": {"IN": ["this", "the", "clause", "section", "paragraph", "schedule", "annex",
                          "appendix", "law", "applicable", "article", "part", "item", "point"]},
         "OP": "?"},
    ],
]  # fmt: skip

# a standard the customer's own request is held to ("such further meetings as the University may
# reasonably require", "where the Client reasonably requests it"): it limits the customer's
# right, not the provider's performance
CUES["@not-vague"].append(
    [
        {"LOWER": {"IN": ["as", "where", "when", "whenever", "if", "that"]}},
        {"LOWER": {"IN": ["the", "its", "your"]}, "OP": "?"},
        {"IS_TITLE": True, "LOWER": {"NOT_IN": _PROVIDER_PARTIES}, "OP": "?"},
        {"LOWER": {"IN": [*_CUSTOMER_PARTIES, "users", "user"]}, "OP": "?"},
        {"LOWER": {"IN": ["may", "shall", "will", "does", "can", "should"]}, "OP": "?"},
        {"LOWER": "reasonably"},
        {"LOWER": {"IN": ["require", "requires", "request", "requests", "ask", "asks", "direct",
                          "directs", "specify", "specifies", "need", "needs", "expect",
                          "expects", "instruct", "instructs", "call", "calls"]}},
    ]
)  # fmt: skip
# what the customer's people are to be able to do ("a platform that permits clerks to process
# filings promptly"), when a law or contract takes effect ("is effective only when signed by both
# parties"), a standard of knowledge ("any actual or reasonably suspected breach"), a mark on an
# item ("reference material the Client has flagged as required")
CUES["@not-vague"] += [
    [
        {"LOWER": {"IN": ["allows", "allow", "allowing", "permits", "permit", "permitting",
                          "enables", "enable", "enabling", "lets"]}},
        {"LOWER": {"IN": ["the", "both", "each", "all", "its", "their", "our", "your"]}, "OP": "?"},
        {"IS_ALPHA": True, "LOWER": {"NOT_IN": _PROVIDER_PARTIES}},
        {"IS_ALPHA": True, "LOWER": {"NOT_IN": ["to"]}, "OP": "{0,3}"},
        {"LOWER": "to"},
        {**_CLAUSE_WORD, "OP": "{0,10}"},
    ],
    [
        {"LOWER": {"IN": ["is", "are", "be", "becomes", "become", "been", "being"]}},
        {"LOWER": "only", "OP": "?"},
        {"LOWER": "effective"},
        {"LOWER": {"IN": ["unless", "only", "when", "on", "from", "upon", "until", "immediately",
                          "if", "once", "after"]}},
    ],
    [{"LOWER": "reasonably"}, {"LOWER": {"IN": ["suspected", "believed", "foreseeable"]}}],
    [
        {"LOWER": {"IN": ["flagged", "marked", "identified", "designated", "labelled", "labeled",
                          "tagged"]}},
        {"LOWER": "as"},
        {"LOWER": {"IN": ["required", "mandatory", "essential"]}},
    ],
]  # fmt: skip
# a test of recoverable costs ("fees reasonably incurred", "costs reasonably and properly
# incurred"): it widens what the customer recovers, it sets no standard of service
CUES["@not-vague"].append(
    [
        {"LOWER": {"IN": ["reasonably", "properly"]}},
        {"LOWER": {"IN": ["and", "or"]}, "OP": "?"},
        {"LOWER": {"IN": ["properly", "necessarily", "reasonably"]}, "OP": "?"},
        {"LOWER": {"IN": ["incurred", "spent", "paid", "suffered", "sustained"]}},
    ]
)  # fmt: skip
CUES["@not-vague"].append(
    [
        {"LOWER": {"IN": ["the", "its", "your"]}, "OP": "?"},
        {"LOWER": {"IN": [*_CUSTOMER_PARTIES, "users", "user"]}},
        {"LOWER": {"IN": ["may", "shall", "will", "does", "can", "should"]}, "OP": "?"},
        {"LOWER": "reasonably"},
        {"LOWER": {"IN": ["require", "requires", "request", "requests", "ask", "asks", "direct",
                          "directs", "specify", "specifies", "need", "needs", "expect",
                          "expects", "instruct", "instructs"]}},
    ]
)  # fmt: skip
# a duty of the customer's own, not a standard the provider must meet: "the Customer shall
# report faults promptly", "you must give us adequate access", "let us know promptly", "please
# tell us as soon as possible" (a customer who is told something, "the Customer will be notified
# promptly", "you will receive timely updates", stays: the provider acts)
_CUSTOMER_ACTS_NOT = [
    "be", "been", "being", "receive", "receives", "get", "gets", "have", "has", "obtain",
    "obtains", "see", "hear", "benefit", "enjoy", "not", "never", "only", "always",
]  # fmt: skip
CUES["@not-vague"].extend(
    [
        [
            {"LOWER": {"IN": ["the", "your", "each", "every"]}, "OP": "?"},
            {"LOWER": {"IN": [*_CUSTOMER_PARTIES, "users", "user", "trust", "school", "university",
                              "college", "hospital", "institution", "institutions"]}},
            {"LOWER": {"IN": ["shall", "must", "should", "will", "'ll", "\u2019ll", "agrees",
                              "agree", "undertakes", "undertake", "needs", "need", "is", "are"]}},
            {"LOWER": {"IN": ["to", "also", "required", "responsible", "obliged", "expected",
                              "asked", "for"]}, "OP": "{0,3}"},
            {"IS_ALPHA": True, "LOWER": {"NOT_IN": _CUSTOMER_ACTS_NOT}},
            {**_CLAUSE_WORD, "OP": "{0,12}"},
        ],
        [
            {"LOWER": "please", "OP": "?"},
            {"LOWER": {"IN": ["let", "tell", "notify", "inform", "contact", "call", "email",
                              "e-mail", "phone", "ring", "alert", "advise", "warn", "give",
                              "keep", "send", "update", "ask", "message", "text"]}},
            {"LOWER": "us"},
            {**_CLAUSE_WORD, "OP": "{0,12}"},
        ],
        [
            {"LOWER": "please"},
            {"IS_ALPHA": True},
            {**_CLAUSE_WORD, "OP": "{0,12}"},
        ],
    ]
)  # fmt: skip
# a vague frequency with a stated floor is a minimum plus extra work, not an open promise:
# "annually or as required", "weekly and more often where needed", "as needed, and at least
# monthly", "every 6 months or when necessary"
_FREQUENCIES = [
    "hourly", "daily", "nightly", "weekly", "fortnightly", "monthly", "quarterly", "annually",
    "yearly", "biannually", "termly", "twice-yearly", "half-yearly", "six-monthly",
]  # fmt: skip
_AS_NEEDED: Pattern = [
    {"LOWER": {"IN": ["as", "when", "where", "if", "whenever"]}},
    {"LOWER": {"IN": ["and", "when"]}, "OP": "?"},
    {"LOWER": {"IN": ["required", "needed", "necessary", "appropriate", "requested"]}},
]
CUES["@not-vague"].extend(
    [
        [
            {"LOWER": {"IN": _FREQUENCIES}},
            {"ORTH": ",", "OP": "?"},
            {"LOWER": {"IN": ["or", "and"]}},
            {"LOWER": {"IN": ["more", "also", "additionally", "sooner"]}, "OP": "?"},
            {"LOWER": {"IN": ["often", "frequently"]}, "OP": "?"},
            *_AS_NEEDED,
        ],
        [
            {"LOWER": "every"},
            {"LIKE_NUM": True, "OP": "?"},
            {"IS_ALPHA": True},
            {"ORTH": ",", "OP": "?"},
            {"LOWER": {"IN": ["or", "and"]}},
            {"LOWER": {"IN": ["more", "also", "additionally", "sooner"]}, "OP": "?"},
            {"LOWER": {"IN": ["often", "frequently"]}, "OP": "?"},
            *_AS_NEEDED,
        ],
        [
            *_AS_NEEDED,
            {"ORTH": {"IN": [",", "("]}, "OP": "?"},
            {"LOWER": {"IN": ["and", "but"]}, "OP": "?"},
            {"LOWER": {"IN": ["at", "no", "not", "never"]}},
            {"LOWER": {"IN": ["least", "less", "fewer"]}},
            {"LOWER": {"IN": ["than", "often", "frequently"]}, "OP": "{0,2}"},
            {"LOWER": {"IN": [*_FREQUENCIES, "once", "twice", "every"]}},
        ],
    ]
)  # fmt: skip
# a name for a configuration, not a level of service: "a high availability pair of firewalls",
# "deployed in high-availability mode" ("the system shall have high availability" stays)
CUES["@not-vague"].append(
    [
        {"LOWER": {"IN": ["high", "highly"]}},
        {"ORTH": "-", "OP": "?"},
        {"LOWER": {"IN": ["availability", "available"]}},
        {"ORTH": "(", "OP": "?"},
        {"LOWER": "ha", "OP": "?"},
        {"ORTH": ")", "OP": "?"},
        {"LOWER": {"IN": ["pair", "pairs", "mode", "cluster", "clusters", "configuration",
                          "configurations", "setup", "set-up", "deployment", "architecture",
                          "design", "option", "node", "nodes", "firewall", "firewalls", "appliance",
                          "appliances", "failover", "group", "groups", "zone", "zones", "edition",
                          "tier", "variant", "licence", "license", "add-on", "package"]}},
    ]
)  # fmt: skip
# what an activity is, not how fast the service must be: "we run a quick health check", "a brief
# call to agree the plan" ("a quick response", "a fast fix" stay)
CUES["@not-vague"].append(
    [
        {"LOWER": {"IN": ["a", "an"]}},
        {"LOWER": {"IN": ["quick", "brief", "short", "fast"]}},
        {"IS_ALPHA": True, "LOWER": {"NOT_IN": [
            "response", "responses", "reply", "replies", "fix", "fixes", "resolution", "turnaround",
            "turn", "restoration", "restore", "recovery", "repair", "repairs", "service", "action",
            "answer", "attendance", "delivery", "callback", "call-back", "reaction", "escalation",
            "acknowledgement", "acknowledgment", "update", "updates", "investigation", "time",
            "period", "timescale", "timeframe", "notice", "replacement", "return", "resolve",
            "and", "or", "as",
        ]}},
    ]
)  # fmt: skip
# a remark about a figure, not a commitment: "That's the industry standard", "which is best
# practice for a site of this size"
CUES["@not-vague"].append(
    [
        {"LOWER": {"IN": ["that", "this", "which", "it"]}},
        {"LOWER": {"IN": ["is", "'s", "\u2019s", "was", "reflects", "matches", "meets"]}},
        {"LOWER": {"IN": ["the", "an", "a", "current", "common"]}, "OP": "?"},
        {"LOWER": {"IN": ["industry", "good", "best", "usual", "normal", "common"]}},
        {"ORTH": "-", "OP": "?"},
        {"LOWER": {"IN": ["standard", "practice", "norm"]}},
    ]
)  # fmt: skip
# a provider's permission bounded by the purpose it serves, not a standard of service: "emergency
# patches may be applied outside the window when needed to close an actively exploited hole",
# "the Supplier may update the checklist to reflect best practice" (who decides is a discretion
# question; "maintenance may be scheduled as needed" stays)
CUES["@not-vague"].extend(
    [
        [
            {"LOWER": "may"},
            {**_CLAUSE_WORD, "OP": "{1,10}"},
            {"LOWER": {"IN": ["when", "where", "if", "whenever"]}},
            {"LOWER": {"IN": ["needed", "necessary", "required"]}},
            {"LOWER": "to"},
            {"IS_ALPHA": True},
        ],
        [
            {"LOWER": "may"},
            {**_CLAUSE_WORD, "OP": "{1,16}"},
            {"LOWER": "to"},
            {"LOWER": {"IN": ["reflect", "follow", "match", "incorporate", "track"]}},
            {"LOWER": {"IN": ["current", "changes", "changing", "developments", "in", "evolving",
                              "new", "updated"]}, "OP": "{0,2}"},
            {"LOWER": {"IN": ["industry", "good", "best"]}, "OP": "?"},
            {"ORTH": "-", "OP": "?"},
            {"LOWER": {"IN": ["practice", "practices", "standard", "standards"]}},
        ],
    ]
)  # fmt: skip

# an act that takes no time, not a speed of service: "the Supplier shall apply the new priority
# immediately", "P1 incidents are escalated to the duty manager immediately" ("fix all defects
# immediately" stays)
_INSTANT_ACTS = [
    "apply", "applies", "applied", "record", "records", "recorded", "log", "logs", "logged",
    "escalate", "escalates", "escalated", "forward", "forwards", "forwarded", "switch",
    "switches", "switched", "reclassify", "reclassifies", "reclassified", "upgrade", "upgrades",
    "upgraded", "downgrade", "downgraded", "suspend", "suspends", "suspended", "revoke",
    "revokes", "revoked", "disable", "disables", "disabled", "stop", "stops", "stopped",
    "page", "pages", "paged", "assign", "assigns", "assigned", "transfer", "transfers",
    "transferred", "route", "routes", "routed",
]  # fmt: skip
CUES["@not-vague"].extend(
    [
        [
            {"LOWER": {"IN": _INSTANT_ACTS}},
            {**_CLAUSE_WORD, "OP": "{0,6}"},
            {"LOWER": {"IN": ["immediately", "forthwith", "instantly"]}},
        ],
        [
            {"LOWER": {"IN": ["immediately", "forthwith", "instantly"]}},
            {"LOWER": {"IN": _INSTANT_ACTS}},
        ],
    ]
)
