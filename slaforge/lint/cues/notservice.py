"""Cues of times that set no service level: a dispute, cure or findings stage, or the resolution
of a measurement (``@not-service``), and a deadline the customer must meet
(``@customer-duty``)."""

from __future__ import annotations

from slaforge.lint.cues.words import _CUSTOMER_PARTIES, Pattern

CUES: dict[str, list[Pattern]] = {}

_NOT_SERVICE_OBJECTS = [
    "dispute", "disputes", "breach", "breaches", "disagreement", "disagreements", "complaint",
    "complaints", "claim", "claims",
]  # fmt: skip
CUES["@not-service"] = [
    # a cure period or a dispute stage, not a resolution clock: "remedy the breach",
    # "resolve the dispute", "dispute resolution", "the breach is cured"
    [
        {"LOWER": {"IN": [
            "resolve", "resolves", "resolved", "resolving", "resolution", "settle", "settles",
            "settled", "remedy", "remedies", "remedied", "remedying", "cure", "cures", "cured",
            "curing", "fix", "fixes", "fixed",
        ]}},
        {"LOWER": {"IN": ["the", "a", "an", "any", "that", "this", "such", "each", "its", "their"]},
         "OP": "?"},
        {"LOWER": {"IN": ["material", "alleged", "relevant"]}, "OP": "?"},
        {"LOWER": {"IN": _NOT_SERVICE_OBJECTS}},
    ],
    [
        {"LOWER": {"IN": _NOT_SERVICE_OBJECTS}},
        {"LOWER": {"IN": ["is", "are", "was", "were", "has", "have", "been", "be", "not"]},
         "OP": "{0,3}"},
        {"LOWER": {"IN": [
            "resolution", "resolved", "settled", "remedied", "cured", "fixed", "remedy", "cure",
        ]}},
    ],
]  # fmt: skip

# a dispute or complaint stage with a modal verb: "Disputes shall be resolved within 30 days"
CUES["@not-service"].append(
    [
        {"LOWER": {"IN": _NOT_SERVICE_OBJECTS}},
        {"LOWER": {"IN": ["shall", "will", "must", "should", "may", "can", "to", "would"]}},
        {
            "LOWER": {"IN": ["be", "normally", "usually", "generally", "promptly", "then"]},
            "OP": "{1,2}",
        },
        {"LOWER": {"IN": ["resolved", "settled", "remedied", "cured", "fixed"]}},
    ]
)

# the granularity of a measurement, not a fix time: "the monitoring resolution is 30 seconds",
# "timestamps have a resolution of one minute"
CUES["@not-service"].append(
    [
        {"LOWER": {"IN": [
            "monitoring", "measurement", "measuring", "sampling", "polling", "probe", "check",
            "timestamp", "timestamps", "timer", "clock", "data", "graph", "chart", "temporal",
            "image", "display", "screen",
        ]}},
        {"LOWER": {"IN": ["has", "have", "with", "at", "a", "an", "the"]}, "OP": "{0,2}"},
        {"LOWER": "resolution"},
    ]
)  # fmt: skip

# a report's contents, not a fix clock: "report the cause and fix to the Customer within 10
# days", "explain the root cause and resolution within 5 days"
CUES["@not-service"].append(
    [
        {"LOWER": {"IN": ["cause", "causes", "reason", "reasons", "diagnosis"]}},
        {"LOWER": {"IN": ["and", "&"]}},
        {"LOWER": {"IN": ["the", "its", "any", "proposed", "planned"]}, "OP": "?"},
        {"LOWER": {"IN": ["fix", "fixes", "resolution", "remedy", "remediation", "cure"]}},
    ]
)

_REMEDIATED = ["fixed", "remediated", "resolved", "corrected", "closed", "patched"]
# remediation of audit or test findings, checked by the next audit or retest, not a support
# clock: "critical findings are fixed within 14 days of the report", "failures found in an
# audit are fixed within 30 days"
CUES["@not-service"].extend(
    [
        [
            {"LOWER": {"IN": ["finding", "findings", "vulnerability", "vulnerabilities",
                              "observations", "nonconformities", "non-conformities"]}},
            {"LOWER": {"IN": ["are", "is", "shall", "will", "must", "be", "been"]}, "OP": "{1,2}"},
            {"LOWER": {"IN": _REMEDIATED}},
        ],
        [
            {"LOWER": {"IN": ["found", "identified", "raised", "reported", "detected"]}},
            {"LOWER": {"IN": ["in", "by", "during"]}},
            {"LOWER": {"IN": ["an", "the", "a", "any", "each"]}, "OP": "?"},
            {"LOWER": {"IN": ["external", "annual", "independent", "penetration"]}, "OP": "?"},
            {"LOWER": {"IN": ["audit", "audits", "test", "tests", "inspection", "inspections",
                              "assessment", "scan", "scans"]}},
            {"LOWER": {"IN": ["are", "is", "shall", "will", "must", "be"]}, "OP": "{1,2}"},
            {"LOWER": {"IN": _REMEDIATED}},
        ],
    ]
)  # fmt: skip

# a security vulnerability and its patch, however far apart in the sentence, not an incident
# clock: "Critical vulnerabilities reported by the Customer's testers are fixed within 14 days",
# "for vulnerabilities rated Critical under CVSS, the Provider deploys a fix or mitigation
# within 72 hours of a patch becoming available"
CUES["@not-service"].append(
    [
        {"LOWER": {"IN": ["vulnerability", "vulnerabilities", "cve", "cves", "exploit",
                          "exploits"]}},
        {"LOWER": {"NOT_IN": [".", ";", ":", "!", "?", "|", "and", "incident", "incidents",
                              "fault", "faults", "request", "requests", "ticket", "tickets",
                              "outage", "outages", "defect", "defects", "error", "errors"]},
         "OP": "{0,16}"},
        {"LOWER": {"IN": [*_REMEDIATED, "fix", "fixes", "remediation", "mitigation"]}},
    ]
)  # fmt: skip

_CUSTOMER_DUTIES = [
    "notify", "notifies", "notifying", "submit", "submits", "submitting", "submitted", "lodge",
    "lodges", "lodging", "lodged", "file", "files", "filing", "filed", "claim", "claims",
    "claiming", "respond", "responds", "reply", "replies", "approve", "approves", "approving",
    "confirm", "confirms", "object", "objects", "dispute", "disputes", "give", "gives", "giving",
    "serve", "serves",
]  # fmt: skip
# a deadline the customer must meet, not a service level: "the Authority must notify the
# Contractor of any missed service level within 10 working days", "conditional upon Customer (a)
# notifying Supplier ... within two (2) Business Days", "the written application of the
# Purchaser, lodged no later than the fifth business day"
CUES["@customer-duty"] = [
    [
        {"LOWER": {"IN": _CUSTOMER_PARTIES}},
        {"LOWER": {"IN": [
            "shall", "must", "will", "may", "should", "agrees", "is", "are", "has", "have",
            "needs", "need", "does", "do", "to", "(", ")", "a", "b", "c", "i", "ii", "not",
            "n't", "required", "obliged", "first", "promptly", ",", "'s", "\u2019s", "contact",
            "representative",
        ]}, "OP": "{0,4}"},
        {"LOWER": {"IN": _CUSTOMER_DUTIES}},
        {"LOWER": {"NOT_IN": [".", ";", ":", "|", "!", "?"]}, "OP": "{0,10}"},
        {"LOWER": {"IN": ["within", "than", "by", "before"]}},
        {"LOWER": {"IN": ["the", "a", "an"]}, "OP": "?"},
        {"LIKE_NUM": True},
        {"ORTH": "(", "OP": "?"},
        {"LIKE_NUM": True, "OP": "?"},
        {"ORTH": ")", "OP": "?"},
    ],
]  # fmt: skip
