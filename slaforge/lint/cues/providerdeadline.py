"""Cues of a time limit the provider itself must meet (``@provider-deadline``), by the
provider's name or in the passive; a rule with ``skip-provider-deadline`` passes over a
trigger whose time limit is one."""

from __future__ import annotations

from slaforge.lint.cues.words import _CUSTOMER_PARTIES, _PROVIDER_PARTIES, Pattern

CUES: dict[str, list[Pattern]] = {}

_DEADLINE_BREAKS = [
    ".", ";", ":", "|", "!", "?", "if", "unless", "where", "provided", "providing", "only",
    "when", "whenever", "once", "subject", "upon", "conditional", "not", "n't", "no", "never",
    "shall", "will", "must", "may", "can", "should", "'ll", "claim", "claims", "claimed",
    "claiming", "request", "requests", "requested", "requesting", "notify", "notifies",
    "notified", "notifying", "notice", "notification", "submit", "submits", "submitted",
    "submitting", "lodge", "lodges", "lodged", "file", "files", "filed", "raise", "raises",
    "raised", "tell", "tells", "told", "reported", "received", "receives", "application",
    "email", "emails", "e-mail", "write", "writes", "contact", "contacts", "inform", "informs",
    "ask", "asks", "apply", "applies",
]  # fmt: skip
# a time limit the provider itself must meet, in a clause whose subject is the provider: "the
# Supplier shall deliver a Performance Report within 5 Working Days", "..., and the Provider
# shall correct the invoice within 30 days of that notice"; the words between the obligation
# and the limit contain no condition, no second obligation and no claim or notice
_PROVIDER_DEADLINE_TAIL: Pattern = [
    {"LOWER": {"IN": ["shall", "will", "must", "'ll", "agrees", "undertakes", "is"]}},
    {"LOWER": {"IN": ["to", "also", "then", "promptly", "always"]}, "OP": "{0,2}"},
    {"IS_ALPHA": True, "LOWER": {"NOT_IN": _DEADLINE_BREAKS}},
    {"LOWER": {"NOT_IN": _DEADLINE_BREAKS}, "OP": "{0,14}"},
    {"LOWER": {"IN": ["within", "by", "before", "than"]}},
    {"LOWER": {"IN": ["the", "a", "an"]}, "OP": "?"},
    {"LIKE_NUM": True},
]
CUES["@provider-deadline"] = [
    [{"LOWER": {"IN": [p for p in _PROVIDER_PARTIES if p != "it"]}}, *_PROVIDER_DEADLINE_TAIL],
    # the provider by its name ("Kestrel shall publish the report within 5 Working Days"): a
    # capitalised word that is not the customer nor a claim ("Credits must be claimed ...");
    # the verb slot already rules out a customer's claim or notice
    [
        {"IS_TITLE": True, "LOWER": {"NOT_IN": [
            *_CUSTOMER_PARTIES, "credits", "credit", "claims", "claim", "requests", "request",
            "notices", "notice", "applications", "disputes", "queries", "it", "they", "he",
            "she", "this", "these", "such", "each", "any", "all", "the", "a", "an", "trust",
            "department", "university", "school", "hospital", "user", "users", "member",
            "members", "agency", "board", "ministry", "city", "county", "state", "college",
        ]}},
        *_PROVIDER_DEADLINE_TAIL,
    ],
]  # fmt: skip
# the same in the passive, with the provider's act named by its verb: "the credit will be
# applied within 30 days", "a credit request raised by the Customer will be acknowledged within
# 2 business days"
CUES["@provider-deadline"].append(
    [
        {"LOWER": {"IN": [
            "credit", "credits", "refund", "refunds", "request", "requests", "claim", "claims",
        ]}},
        {"LOWER": {"NOT_IN": [
            ".", ";", ":", "|", "!", "?", "if", "unless", "only", "not", "n't", "no", "never",
        ]}, "OP": "{0,6}"},
        {"LOWER": {"IN": ["will", "shall"]}},
        {"LOWER": "be"},
        {"LOWER": {"IN": ["promptly", "then", "automatically"]}, "OP": "?"},
        {"LOWER": {"IN": [
            "applied", "credited", "paid", "refunded", "issued", "processed", "deducted",
            "acknowledged", "answered", "assessed", "reviewed", "decided", "handled",
        ]}},
        {"LOWER": {"NOT_IN": _DEADLINE_BREAKS}, "OP": "{0,8}"},
        {"LOWER": {"IN": ["within", "by", "before"]}},
        {"LOWER": {"IN": ["the", "a", "an"]}, "OP": "?"},
        {"LIKE_NUM": True},
    ]
)  # fmt: skip
