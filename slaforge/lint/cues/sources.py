"""Cues of a card's measurement source (``@source``) and of the customer's access to it
(``@access``)."""

from __future__ import annotations

from slaforge.lint.cues.words import Pattern, _phrase, _words

_ACCESS_VERBS = ("access", "inspect", "view", "download", "audit", "verify", "read", "export")
"""What a customer may do with the measurements ("the Customer may download the raw data")."""

CUES: dict[str, list[Pattern]] = {
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
}
