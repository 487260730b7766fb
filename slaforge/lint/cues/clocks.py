"""Cues of a card's clock: the event it starts from (``@start``), a sentence about every time
target (``@clock-scope``) and the hours it runs in (``@clock``)."""

from __future__ import annotations

from slaforge.lint.cues.words import TIME_UNITS, Pattern, _phrase, _words

_START_NOUNS = (
    "call", "calls", "report", "page", "request", "order", "ticket", "alert", "alarm",
    "notification", "email", "e-mail", "message", "dispatch", "booking", "instruction",
    "submission", "escalation", "routing", "timestamp", "creation", "receipt", "acceptance",
    "confirmation", "referral", "handover", "case", "log", "logging", "detection", "occurrence",
    "attendance", "arrival",
)  # fmt: skip
"""Events a time target is counted from ("from the Customer's call")."""

CUES: dict[str, list[Pattern]] = {
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
}
