"""Cues of each metric kind (``@kind:<kind>``): the words of :data:`KIND_WORDS`, then each
kind's other words, from "mean time to repair" to "speed of answer" and lead follow-up."""

from __future__ import annotations

from slaforge.lint.cues.words import Pattern, _phrase, _words
from slaforge.metrics import MetricKind

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

CUES: dict[str, list[Pattern]] = {}
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
# the first update on a fault is its response: "| Severity | Initial update | Fix time |"
CUES["@kind:response_time"].append(
    [{"LOWER": {"IN": ["initial", "first"]}}, {"LOWER": {"IN": ["update", "updates"]}}]
)

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

CUES["@kind:mttr"].append(_phrase("mean time to repair"))
CUES["@kind:mttr"].append(_phrase("mean time to restore"))
CUES["@kind:mttr"].append(_phrase("mean time to recovery"))

CUES["@kind:mtbf"].append(_phrase("mean time between failures"))
# a time between stoppages is a time between failures: "400 running hours between stoppages"
CUES["@kind:mtbf"].append(
    [
        {"LOWER": "between"},
        {"LOWER": {"IN": ["failures", "stoppages", "breakdowns", "faults", "outages",
                          "interruptions"]}},
    ]
)  # fmt: skip

# how long a page or a transaction takes is a latency: "page load time", "render times"
CUES["@kind:latency"] += [
    [{"LOWER": {"IN": ["page", "load", "loading", "render", "rendering", "transaction"]}},
     {"LOWER": {"IN": ["time", "times"]}}],
    _phrase("page load"),
]  # fmt: skip
# "Round-trip delay" is written with a hyphen the tokenizer splits off
CUES["@kind:latency"].append([{"LOWER": "round"}, {"ORTH": "-"}, {"LOWER": "trip"}])
# a delay in the network is a latency: "one-way delay", "transit delay"
CUES["@kind:latency"] += [
    [{"LOWER": {"IN": ["one", "round"]}}, {"ORTH": "-", "OP": "?"},
     {"LOWER": {"IN": ["way", "trip"]}}, {"LOWER": "delay"}],
    [{"LOWER": {"IN": ["network", "transit", "transmission", "propagation", "packet"]}},
     {"LOWER": "delay"}],
]  # fmt: skip

CUES["@kind:throughput"].append(
    [
        {"LOWER": {"IN": ["requests", "transactions", "messages"]}},
        {"LOWER": "per"},
        {"LOWER": {"IN": ["second", "minute"]}},
    ]
)

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
    # (not a label in brackets, "hot leads (score 80 and above)": see cards.kindhits._score_label)
    _words("durability", "score", "scores"),
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
