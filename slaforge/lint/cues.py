"""Built-in token patterns the engine uses to classify sentences and rebuild metric cards.

Keys start with ``@`` so they never clash with rule codes. All patterns read only
``LOWER``/``ORTH``/``LIKE_NUM``/``IS_TITLE`` so they work on the blank pipeline too.
"""

from __future__ import annotations

from typing import Any

from slaforge.metrics import MetricKind

Pattern = list[dict[str, Any]]

TIME_UNITS: tuple[str, ...] = (
    "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "h", "h.",
    "day", "days", "week", "weeks", "second", "seconds", "sec", "secs", "s",
    "ms", "millisecond", "milliseconds", "month", "months",
)  # fmt: skip
RATE_PERIODS = ("second", "sec", "minute", "min", "hour", "hr", "day", "week", "month", "quarter")
"""What a rate is counted per ("1,200 transactions per second", "150 leads per month")."""
LATENCY_UNITS = frozenset(
    {"ms", "millisecond", "milliseconds", "second", "seconds", "sec", "secs", "s"}
)
PERCENT = ("%", "percent", "per cent", "pct")

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

KIND_WORDS: dict[MetricKind, tuple[str, ...]] = {
    MetricKind.AVAILABILITY: (
        "availability", "available", "uptime", "up-time", "availabilities", "accessible",
    ),
    MetricKind.RESPONSE_TIME: (
        "respond", "responds", "responded", "responding", "replying", "response", "responses",
        "acknowledge",
        "acknowledged", "acknowledgement", "acknowledgment", "reply", "replies",
    ),
    MetricKind.RESOLUTION_TIME: (
        "resolve", "resolves", "resolved", "resolution", "resolutions", "fix", "fixed",
        "fixes", "restore", "restored", "restoration", "repair", "repairs", "repaired", "remedy",
        "remediate", "remediated", "remediation", "rectify", "rectifies", "rectified",
        "rectification",
    ),
    MetricKind.MTTR: ("mttr",),
    MetricKind.MTBF: ("mtbf",),
    MetricKind.LATENCY: ("latency", "rtt"),  # ("round-trip" is split: see below)
    MetricKind.THROUGHPUT: ("throughput", "bandwidth"),
    MetricKind.JITTER: ("jitter",),
    MetricKind.ERROR_RATE: ("error", "errors", "loss"),
}  # fmt: skip


def _words(*words: str) -> Pattern:
    return [{"LOWER": {"IN": list(words)}}]


_CREDIT_WORDS = (
    "credit", "credits", "refund", "refunds", "rebate", "rebates",
    "penalty", "penalties", "compensation",
)  # fmt: skip
"""Words for money back; both the credit and the remedy cues start from them."""


_START_NOUNS = (
    "call", "calls", "report", "page", "request", "order", "ticket", "alert", "alarm",
    "notification", "email", "e-mail", "message", "dispatch", "booking", "instruction",
    "submission", "escalation", "routing", "timestamp", "creation", "receipt", "acceptance",
    "confirmation", "referral", "handover", "case", "log", "logging", "detection", "occurrence",
    "attendance", "arrival",
)  # fmt: skip
"""Events a time target is counted from ("from the Customer's call")."""


def _phrase(text: str) -> Pattern:
    return [{"LOWER": w} for w in text.lower().split()]


_ACCESS_VERBS = ("access", "inspect", "view", "download", "audit", "verify", "read", "export")
"""What a customer may do with the measurements ("the Customer may download the raw data")."""
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
    # "deductions for missed attendance" are credits under another name
    # "fee reductions for missed levels" too
    "@credit": [
        _words(*_CREDIT_WORDS, "discount", "deduction", "deductions", "reduction", "reductions"),
        _phrase("money back"),
    ],
    "@remedy": [
        _words(*_CREDIT_WORDS, "terminate", "termination", "damages"),
        _phrase("fee reduction"),
        _phrase("money back"),
    ],
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
    "@start": [
        _words(
            "receipt",
            "receiving",
            "received",
            "receives",
            "report",
            "reported",
            "reporting",
            "reports",
            "notification",
            "notified",
            "notifies",
            "submission",
            "submitted",
            "submits",
            "logged",
            "logging",
            "opened",
            "raised",
            "creation",
            "created",
            "detection",
            "detected",
            "detects",
            "lodged",
            "filed",
            "initiated",
            "occurrence",
            "onset",
            "routed",
        ),
        _phrase("from the time"),
        _phrase("from the moment"),
        # "from Customer's call", "from the routing timestamp", "from order confirmation",
        # "from the Trust's phone call"
        [
            {"LOWER": "from"},
            {"LOWER": {"NOT_IN": [".", ";", ":", "|", ","]}, "OP": "{0,4}"},
            {"LOWER": {"IN": list(_START_NOUNS)}},
        ],
        # "a first response to each ticket within ...": the clock runs from the ticket
        [
            {
                "LOWER": {
                    "IN": [
                        "response",
                        "responses",
                        "respond",
                        "responds",
                        "reply",
                        "replies",
                        "answer",
                        "answers",
                        "acknowledgement",
                        "acknowledgment",
                    ]
                }
            },
            {"LOWER": "to"},
            {
                "LOWER": {
                    "IN": [
                        "each",
                        "every",
                        "a",
                        "an",
                        "the",
                        "any",
                        "all",
                        "new",
                        "your",
                        "customer",
                        "customer's",
                        "user",
                        "client",
                        "written",
                    ]
                },
                "OP": "{0,3}",
            },
            {
                "LOWER": {
                    "IN": [
                        "ticket",
                        "tickets",
                        "request",
                        "requests",
                        "call",
                        "calls",
                        "case",
                        "cases",
                        "email",
                        "emails",
                        "e-mail",
                        "e-mails",
                        "message",
                        "messages",
                        "enquiry",
                        "enquiries",
                        "inquiry",
                        "inquiries",
                        "query",
                        "queries",
                        "submission",
                        "submissions",
                        "complaint",
                        "complaints",
                        "voicemail",
                        "voicemails",
                        "chat",
                        "chats",
                    ]
                }
            },
        ],
        # "the clock starts when ..." names the start event, whatever it is
        [
            {"LOWER": {"IN": ["clock", "timer"]}},
            {"LOWER": {"IN": ["starts", "begins", "start", "begin"]}},
        ],
        [
            {"LOWER": {"IN": list(TIME_UNITS)}},
            {"ORTH": ")", "OP": "?"},
            {"LOWER": {"IN": ["of", "from", "after", "following"]}},
        ],
        # the start after a bracket that sets the clock: "within 3 working days (Monday to
        # Friday, excluding bank holidays) of being asked"
        [
            {"ORTH": ")"},
            {"ORTH": ",", "OP": "?"},
            {"LOWER": {"IN": ["of", "from", "after", "following"]}},
            {"LOWER": {"NOT_IN": ["the", "a", "an"]}, "OP": "?"},
            {"LOWER": {"NOT_IN": [".", ";", ":", "|", ",", "which", "whom", "those", "them"]}},
        ],
    ],
    # a sentence about every time target: "All times run 24x7 from ...", "(measured from ...)"
    "@clock-scope": [
        _words(
            "times",
            "targets",
            "timings",
            "clock",
            "clocks",
            "measured",
            "counted",
            "timed",
            "levels",
            "slas",
            "deadlines",
            "timescales",
        ),
    ],
    "@clock": [
        [
            {
                "LOWER": {
                    "IN": [
                        "business",
                        "working",
                        "office",
                        "operating",
                        "support",
                        "calendar",
                        "normal",
                    ]
                }
            },
            {"LOWER": {"IN": ["hours", "hour", "days", "day"]}},
        ],
        _words("24x7", "24/7", "24x7x365", "24\u00d77"),
        [{"ORTH": "24"}, {"LOWER": {"IN": ["x", "/", "\u00d7"]}}, {"ORTH": "7"}],
        _phrase("around the clock"),
        _phrase("round the clock"),
        _phrase("24 hours a day"),
        _phrase("24 hours per day"),
        # a named schedule: "Service Desk Hours", "Support Hours"
        [{"IS_TITLE": True}, {"ORTH": "Hours"}],
        # "time is counted only during ...", "the clock runs during ..."
        [
            {"LOWER": {"IN": ["time", "clock", "hours", "minutes"]}},
            {"LOWER": {"IN": ["is", "are"]}, "OP": "?"},
            {"LOWER": {"IN": ["counted", "measured", "runs", "run", "running"]}},
            {"LOWER": "only", "OP": "?"},
            {"LOWER": {"IN": ["during", "in"]}},
        ],
    ],
    "@source": [
        _words(
            "monitoring",
            "monitored",
            "monitors",
            "measured",
            "measures",
            "probe",
            "probes",
            "logs",
            "records",
            "recorded",
            "telemetry",
        ),
        _phrase("ticketing system"),
        _phrase("status page"),
        # "The measurement source is the job log of the backup platform"
        [
            {"LOWER": {"IN": ["request", "job", "event", "audit", "system", "call", "ticket"]}},
            {"LOWER": {"IN": ["log", "logs"]}},
        ],
        # "as counted by the order ledger", "calculated by the billing system"
        [{"LOWER": {"IN": ["counted", "calculated", "computed"]}}, {"LOWER": "by"}],
        _phrase("measurement source"),
        _phrase("source of measurement"),
        _phrase("data source"),
    ],
    "@access": [
        _words("dashboard", "dashboards", "portal", "audit", "independent", "third-party"),
        _phrase("status page"),
        [
            {
                "LOWER": {
                    "IN": [
                        "monthly",
                        "quarterly",
                        "weekly",
                        "service",
                        "performance",
                        "availability",
                        "sla",
                    ]
                }
            },
            {"LOWER": {"IN": ["report", "reports", "reporting"]}},
        ],
        [
            {"LOWER": {"IN": ["report", "reports", "data", "logs", "records", "results"]}},
            {"LOWER": {"IN": ["to", "available"]}},
            {"LOWER": {"IN": ["the", "to"]}, "OP": "?"},
            {"LOWER": {"IN": ["customer", "client", "you", "licensee", "buyer"]}},
        ],
        [
            {"LOWER": {"IN": ["customer", "client", "you", "licensee", "buyer"]}},
            {"LOWER": {"IN": ["may", "can", "shall", "will"]}},
            {"LOWER": "have", "OP": "?"},
            {"LOWER": {"IN": [*_ACCESS_VERBS]}},
        ],
        # "read access", "read-only access", "full read access" to the records
        [
            {"LOWER": {"IN": ["read", "full", "view", "viewing", "online"]}},
            {"ORTH": "-", "OP": "?"},
            {"LOWER": "only", "OP": "?"},
            {"LOWER": "access"},
        ],
        # "the Client has a read-only login to the monitoring system"
        [
            {"LOWER": {"IN": ["customer", "client", "you", "licensee", "buyer"]}},
            {"LOWER": {"IN": ["has", "have", "gets", "get", "receives", "receive"]}},
            {"LOWER": {"NOT_IN": [".", ";", ":", "|", "?", "!"]}, "OP": "{0,4}"},
            {"LOWER": {"IN": ["access", "login", "log-in", "account", "credentials"]}},
        ],
    ],
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

_CUSTOMER_PARTIES = [
    "customer", "customers", "client", "clients", "you", "licensee", "buyer", "buyers",
    "authority", "purchaser", "subscriber", "subscribers", "employer", "council", "requester",
    "requesters", "tenant", "merchant",
]  # fmt: skip
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

# a fee waived for a miss is a remedy too: "the next month's fee is waived"
CUES["@remedy"].append(_words("waived", "waive", "waives"))

for _kind, _ws in KIND_WORDS.items():
    CUES[f"@kind:{_kind.value}"] = [_words(*_ws)]
# availability in other words: "operational 99.8% of the time", "up 99.95% of the time",
# "Service level: 99.9%"
CUES["@kind:availability"].append(_words("operational", "online", "reachable"))
CUES["@kind:availability"].append(
    [{"LOWER": {"IN": ["be", "is", "are", "stay", "stays", "remain", "remains", "kept"]}},
     {"LOWER": "up"}]
)  # fmt: skip
CUES["@kind:availability"].append(
    [
        {"LOWER": {"IN": ["service", "sla"]}},
        {"LOWER": "level"},
        {"ORTH": {"IN": [":", "-", "\u2013"]}},
    ]
)
# attendance is a response measured on site: "engineer on site within 4 hours"
CUES["@kind:response_time"].append(_words("attend", "attends", "attendance", "onsite"))
CUES["@kind:response_time"].append([{"LOWER": "on"}, {"ORTH": "-", "OP": "?"}, {"LOWER": "site"}])
CUES["@kind:mttr"].append(_phrase("mean time to repair"))
CUES["@kind:mttr"].append(_phrase("mean time to restore"))
CUES["@kind:mttr"].append(_phrase("mean time to recovery"))
CUES["@kind:mtbf"].append(_phrase("mean time between failures"))
CUES["@kind:error_rate"] = [
    _phrase("error rate"),
    _phrase("packet loss"),
    _phrase("failure rate"),
    _phrase("error ratio"),
]
# measures the cards have no kind for, but whose figure still needs a period: speed of
# answer, handle time, abandonment, accuracy, first-time fix, on-time delivery, satisfaction
CUES["@kind:custom"] = [
    [{"LOWER": "speed"}, {"LOWER": {"IN": ["of", "to"]}},
     {"LOWER": {"IN": ["answer", "answering"]}}],
    [{"LOWER": {"IN": ["handle", "handling"]}}, {"LOWER": "time"}],
    [{"LOWER": {"IN": ["abandonment", "abandon"]}},
     {"LOWER": {"IN": ["rate", "ratio"]}, "OP": "?"}],
    [{"LOWER": "call"}, {"LOWER": "abandonment"}],
    # "abandoned call rate", "abandoned calls", "calls abandoned"
    [{"LOWER": "abandoned"}, {"LOWER": {"IN": ["call", "calls", "chat", "chats", "contact",
                                                 "contacts", "rate"]}}],
    [{"LOWER": "accuracy"}],
    [{"LOWER": "first"}, {"ORTH": "-", "OP": "?"}, {"LOWER": "time", "OP": "?"}, {"LOWER": "fix"}],
    [
        {"LOWER": "first"},
        {"LOWER": {"IN": ["contact", "call"]}},
        {"LOWER": {"IN": ["resolution", "fix"]}},
    ],
    [{"LOWER": "on"}, {"ORTH": "-", "OP": "?"}, {"LOWER": "time"},
     {"LOWER": {"IN": ["delivery", "deliveries", "rate"]}}],
    [{"LOWER": "delivery"}, {"LOWER": "on"}, {"LOWER": "time"}],
    [{"LOWER": {"IN": ["customer", "user"]}}, {"LOWER": "satisfaction"}],
    [{"LOWER": {"IN": ["success", "fill", "completion"]}}, {"LOWER": "rate"}],
    [{"LOWER": {"IN": ["asa", "aht", "csat", "difot", "otif"]}}],
    [{"LOWER": "average"}, {"LOWER": {"IN": ["wait", "waiting", "queue", "queuing", "talk"]}},
     {"LOWER": "time"}],
]  # fmt: skip
# the time to follow up a sales lead: "Lead Follow-Up Time", "follow up each Qualified Lead"
_FOLLOW = {"LOWER": {"IN": ["follow", "follows", "followed", "following"]}}
_LEADS = (
    "lead", "leads", "prospect", "prospects", "enquiry", "enquiries", "mql", "mqls", "sql", "sqls",
    "sals", "demo",
)  # fmt: skip
CUES["@kind:lead_follow_up_time"] = [
    [_FOLLOW, {"ORTH": "-", "OP": "?"}, {"LOWER": "up"}, {"LOWER": {"IN": ["time", "times"]}}],
    [{"LOWER": "lead"}, _FOLLOW, {"ORTH": "-", "OP": "?"}, {"LOWER": "up"}],
    [
        _FOLLOW,
        {"ORTH": "-", "OP": "?"},
        {"LOWER": "up"},
        {"LOWER": {"IN": ["on", "with"]}, "OP": "?"},
        {"LOWER": {"NOT_IN": [".", ";", ":", "|", ",", "?", "!"]}, "OP": "{0,3}"},
        {"LOWER": {"IN": [*_LEADS]}},
    ],
    # "every partner-referred lead is to be followed up within one business day"
    [
        {"LOWER": {"IN": [*_LEADS]}},
        {
            "LOWER": {"IN": ["is", "are", "was", "to", "be", "been", "being", "must", "shall"]},
            "OP": "+",
        },
        {"LOWER": {"IN": ["will", "should", "get", "gets"]}, "OP": "?"},
        _FOLLOW,
        {"ORTH": "-", "OP": "?"},
        {"LOWER": "up"},
    ],
]
# a lead is followed up by contacting it: "make first contact with every qualified lead",
# "Inbound leads: SDRs must call within 15 minutes"
_CONTACT_WORDS = (
    "contact", "contacts", "contacted", "call", "calls", "called", "phone", "phones", "phoned",
    "touch", "touches", "touched", "work", "works", "worked", "action", "actions", "actioned",
    "engage", "engages", "engaged", "email", "emails", "emailed",
)  # fmt: skip
_CONTACT = {"LOWER": {"IN": list(_CONTACT_WORDS)}}
CUES["@kind:lead_follow_up_time"] += [
    [_CONTACT, {"LOWER": {"NOT_IN": [".", ";", ":", "|", "?", "!"]}, "OP": "{0,4}"},
     {"LOWER": {"IN": [*_LEADS]}}],
    [{"LOWER": {"IN": [*_LEADS]}},
     {"LOWER": {"NOT_IN": [".", ";", "|", "?", "!"]}, "OP": "{0,10}"}, _CONTACT],
    # "Every lead captured at a trade show is to be followed up by the territory owner"
    [{"LOWER": {"IN": [*_LEADS]}},
     {"LOWER": {"NOT_IN": [".", ";", ":", "|", "?", "!"]}, "OP": "{0,8}"},
     {"LOWER": {"IN": ["followed", "follow"]}}, {"ORTH": "-", "OP": "?"}, {"LOWER": "up"}],
    # "speed to lead", "time to first touch", "outreach to each new lead"
    [{"LOWER": "speed"}, {"ORTH": "-", "OP": "?"}, {"LOWER": "to"}, {"ORTH": "-", "OP": "?"},
     {"LOWER": "lead"}],
    [{"LOWER": "first"}, {"ORTH": "-", "OP": "?"}, {"LOWER": "touch"}],
    [{"LOWER": "outreach"}, {"LOWER": {"IN": ["to", "on"]}},
     {"LOWER": {"NOT_IN": [".", ";", ":", "|", "?", "!"]}, "OP": "{0,3}"},
     {"LOWER": {"IN": [*_LEADS]}}],
    [{"LOWER": {"IN": ["reach", "reaches", "reached"]}}, {"LOWER": "out", "OP": "?"},
     {"LOWER": "to", "OP": "?"},
     {"LOWER": {"NOT_IN": [".", ";", ":", "|", "?", "!"]}, "OP": "{0,3}"},
     {"LOWER": {"IN": [*_LEADS]}}],
]  # fmt: skip
# a request is picked up or a caller called back: "picked up by an analyst within 4 hours"
CUES["@kind:response_time"] += [
    [{"LOWER": {"IN": ["pick", "picks", "picked"]}}, {"LOWER": "up"}],
    [{"LOWER": {"IN": ["call", "calls", "called"]}},
     {"LOWER": {"NOT_IN": [".", ";", ":", "|", ","]}, "OP": "{0,3}"}, {"LOWER": "back"}],
    _words("callback", "call-back", "triage", "triaged"),
    # "initial contact shall be made within 30 minutes"
    [{"LOWER": "initial"}, {"LOWER": {"IN": ["contact", "call"]}}],
    _phrase("first contact"),
]  # fmt: skip
# how long a page or a transaction takes is a latency: "page load time", "render times"
CUES["@kind:latency"] += [
    [{"LOWER": {"IN": ["page", "load", "loading", "render", "rendering", "transaction"]}},
     {"LOWER": {"IN": ["time", "times"]}}],
    _phrase("page load"),
]  # fmt: skip
CUES["@kind:throughput"].append(
    [
        {"LOWER": {"IN": ["requests", "transactions", "messages"]}},
        {"LOWER": "per"},
        {"LOWER": {"IN": ["second", "minute"]}},
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


# "First-contact resolution rate", hyphenated
CUES["@kind:custom"].append(
    [
        {"LOWER": "first"},
        {"ORTH": "-"},
        {"LOWER": {"IN": ["contact", "call"]}},
        {"LOWER": {"IN": ["resolution", "fix"]}},
    ]
)
# recovery objectives and patching are times of their own: "the Recovery Point Objective is
# 30 minutes", "critical patches shall be applied within 7 days"
CUES["@kind:custom"] += [
    [{"LOWER": "recovery"}, {"LOWER": {"IN": ["time", "point"]}}, {"LOWER": "objective"}],
    _words("rto", "rpo", "patch", "patches", "patching"),
    # a score or a durability is a measure of its own: "an average audit score of at least 85%",
    # "no single area shall score below 70%", "a durability of 99.999999999%"
    # (not a label in brackets, "hot leads (score 80 and above)": see cards._find_kind_hits)
    _words("durability", "score", "scores"),
]  # fmt: skip
# "Round-trip delay" is written with a hyphen the tokenizer splits off
CUES["@kind:latency"].append([{"LOWER": "round"}, {"ORTH": "-"}, {"LOWER": "trip"}])


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

_PROVIDER_PARTIES = [
    "provider", "supplier", "vendor", "contractor", "carrier", "host", "outsourcer", "msp",
    "company", "licensor", "operator", "bureau", "we", "it", "integrator", "reseller",
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

# a time between stoppages is a time between failures: "400 running hours between stoppages"
CUES["@kind:mtbf"].append(
    [
        {"LOWER": "between"},
        {"LOWER": {"IN": ["failures", "stoppages", "breakdowns", "faults", "outages",
                          "interruptions"]}},
    ]
)  # fmt: skip
# a unit back in use, a service brought back or a request fulfilled is resolved: "return the
# truck to service", "bring the service back within an average of two hours", "fulfilled within
# 2 Working Days"
CUES["@kind:resolution_time"] += [
    [{"LOWER": {"IN": ["return", "returns", "returned", "returning"]}},
     {"ORTH": {"NOT_IN": [".", ";", ":", "|", ","]}, "OP": "{0,3}"},
     {"LOWER": "to"},
     {"LOWER": {"IN": ["service", "operation", "use"]}}],
    [{"LOWER": {"IN": ["bring", "brings", "brought", "put", "puts"]}},
     {"ORTH": {"NOT_IN": [".", ";", ":", "|", ","]}, "OP": "{0,3}"},
     {"LOWER": {"IN": ["back", "online"]}}],
    _words("fulfil", "fulfils", "fulfill", "fulfills", "fulfilled", "fulfilment", "fulfillment"),
    # "a missed collection shall be made good within one Working Day"
    [{"LOWER": {"IN": ["make", "makes", "made", "making"]}}, {"LOWER": "good"}],
    # "affected instances will be restarted on healthy hardware within 15 minutes"
    _words("restart", "restarts", "restarted", "recovered"),
]  # fmt: skip
# a delay in the network is a latency: "one-way delay", "transit delay"
CUES["@kind:latency"] += [
    [{"LOWER": {"IN": ["one", "round"]}}, {"ORTH": "-", "OP": "?"},
     {"LOWER": {"IN": ["way", "trip"]}}, {"LOWER": "delay"}],
    [{"LOWER": {"IN": ["network", "transit", "transmission", "propagation", "packet"]}},
     {"LOWER": "delay"}],
]  # fmt: skip
# answering calls and turning work round are measures of their own: "answer 80% of calls
# within 20 seconds", "turn round a brief within five working days"
CUES["@kind:custom"] += [
    [{"LOWER": {"IN": ["answer", "answers", "answered", "answering"]}},
     {"LOWER": {"NOT_IN": [".", ";", ":", "|", ","]}, "OP": "{0,5}"},
     {"LOWER": {"IN": ["call", "calls", "phone", "telephone"]}}],
    [{"LOWER": {"IN": ["call", "calls"]}},
     {"LOWER": {"NOT_IN": [".", ";", ":", "|", ",", "and", "or"]}, "OP": "{0,6}"},
     {"LOWER": "answered"}],
    [{"LOWER": {"IN": ["turn", "turns", "turned"]}}, {"LOWER": {"IN": ["round", "around"]}}],
    _words("turnaround", "turn-around", "turnround"),
]  # fmt: skip
# the first update on a fault is its response: "| Severity | Initial update | Fix time |"
CUES["@kind:response_time"].append(
    [{"LOWER": {"IN": ["initial", "first"]}}, {"LOWER": {"IN": ["update", "updates"]}}]
)
# a deduction from the price is a remedy: "Performance Deductions", "service level deductions"
CUES["@remedy"].append(
    [
        {"LOWER": {"IN": ["performance", "service", "price", "level", "kpi"]}},
        {"LOWER": {"IN": ["deduction", "deductions", "adjustment", "adjustments"]}},
    ]
)
