"""What the other modules share: word sets, the nearness limits, the names of priorities,
and the words of a sentence and the value of a figure."""

from __future__ import annotations

import re

from slaforge.lint.docinfo import DocInfo
from slaforge.metrics import MetricKind

_PCT_KINDS = frozenset(
    {MetricKind.AVAILABILITY, MetricKind.ERROR_RATE, MetricKind.JITTER, MetricKind.THROUGHPUT}
)
_FREQUENCY = frozenset({"every", "each", "any", "previous", "last", "past", "rolling"})
"""Words before a duration that make it a frequency or a look-back period, not a deadline."""
_BOUND_WORDS = frozenset({"below", "under", "than", "<", "<=", "\u2264", "\u2265", ">=", ">"})
"""Words before a percentage in a credit or termination clause that make it a threshold."""
_DOWN = frozenset({"downtime", "unavailable", "unavailability", "outage", "down"})
"""Words of a downtime definition, where a latency figure is a threshold, not a target."""
_STATE = _DOWN | {"considered", "deemed"}
"""Words of a sentence that sets when a state begins ("the Service is considered Up when the
health check answers within 5 seconds"), not a latency target."""
_NEAR = 14
"""Most tokens between a metric word and the target it names."""
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


_STOPS = frozenset({";", ":", ".", "|"})
_PRIORITY_NAME = re.compile(
    r"\b(?:(?:p|prio(?:rity)?|sev(?:erity)?|level|category|cat\.?|class|tier)\s*-?\s*"
    r"(?:[0-9](?!\w)|[a-e]\b)"
    r"|(?:critical|urgent|high|medium|moderate|major|minor|low|emergency|standard|hot|warm|"
    r"cold)\s+(?:priority|severity|faults?|incidents?|tickets?|calls?|issues?|requests?|"
    r"defects?|leads?|cases?)\b)",
    re.IGNORECASE,
)
"""A priority a target is set for ("Priority 1", "P2", "Sev 3", "Category B", "a Critical
fault", "Hot leads")."""
_JOINS = frozenset({"and", "or", "but"})
_SHARE_DUTY = frozenset({"shall", "will", "must", "may"})
_LEAD_BOUND = (
    ["no", "later", "than"],
    ["not", "later", "than"],
    ["at", "least"],
    ["not", "less", "than"],
    ["no", "less", "than"],
)


def _sentence_words(info: DocInfo, sent: int) -> set[str]:
    start, end = info.sent_bounds[sent]
    return set(info.lower_words(start, end))


def _value(text: str | None) -> float | None:
    if not text:
        return None
    found = _NUMBER.search(text)
    return float(found.group().replace(",", ".")) if found else None
