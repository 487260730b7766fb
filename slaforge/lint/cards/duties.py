"""Whose duty a time is: the customer's own ("the Customer shall respond within 5 days"), or a
lead time the provider keeps before an event ("no later than two Working Days before each Pay
Date")."""

from __future__ import annotations

import re

from slaforge.lint.cards.words import _LEAD_BOUND, _SHARE_DUTY, _STOPS
from slaforge.lint.docinfo import DocInfo, Hit

_CUSTOMER_ACTS = re.compile(
    r"\b(?:customers?|clients?|licensees?|buyers?|subscribers?|you)\s+(?:shall|must|will|should"
    r"|agrees? to|(?:is|are) required to|(?:does|do|did) not|fails? to|failed to)\s+(?:\w+\s+)?$"
    r"|\b(?:customers?|clients?|licensees?|buyers?|subscribers?)\b[^.;]{0,60}\b(?:(?:does|do|did)"
    r" not|fails? to|failed to)\s+$",
    re.I,
)
"""The customer as the one who acts before a response verb ("the Customer shall respond",
"or fails to respond"): its own duty or a condition on it, not a service level."""
_LEAD_AFTER = frozenset({"before", "prior", "ahead"})
_CONDITION = frozenset({"provided", "if", "where", "unless", "when", "once", ",", ";", ":"})
_ASKING = frozenset(
    {"book", "booked", "notify", "notified", "notice", "request", "requested", "order", "ordered",
     "submit", "submitted", "raise", "raised", "cancel", "cancelled", "tell", "told", "ask",
     "asked", "inform", "informed"}
)  # fmt: skip
"""What a customer does ahead of an event (books, notifies, orders): its lead time is no
service level."""


_PAPERWORK = frozenset(
    {"agenda", "agendas", "proposal", "proposals", "papers", "meeting", "meetings"}
)
"""Governance paperwork and the meetings it is sent ahead of ("the agenda … at least five days
before each meeting", "the proposal shall reach the other party at least 30 days before that
date"): a lead time of the parties' dealings, not of the service."""


def _lead_time(info: DocInfo, target: Hit) -> bool:
    """True for a duty done a set time before an event: "Payslips shall be published no later
    than two Working Days before each Pay Date", "contract letters shall be issued at least five
    Working Days before the start date" (not a condition on the customer: "provided the Company
    has submitted the offer at least 15 Working Days before the start date")."""
    before = info.lower_words(max(target[0] - 3, 0), target[0])
    if not any(before[-len(b) :] == b for b in _LEAD_BOUND):
        return False
    after = info.lower_words(target[1], target[1] + 1)
    if not _LEAD_AFTER.intersection(after):
        return False
    first = info.sent_bounds[target[2]][0]
    clause = info.lower_words(first, target[0])
    cut = max((i for i, w in enumerate(clause) if w in _CONDITION), default=-1)
    duty = clause[cut + 1 :]
    if _ASKING.intersection(duty):
        return False  # "every delivery must be booked at least 24 hours before arrival"
    event = info.lower_words(target[1], min(target[1] + 4, info.sent_bounds[target[2]][1]))
    if _PAPERWORK.intersection(duty) or _PAPERWORK.intersection(event):
        return False
    return bool(_SHARE_DUTY.intersection(duty)) and not _customer_acts(info, target[2], target)


def _lead_name(info: DocInfo, target: Hit) -> str:
    """ "time before each pay date": the event a lead time is counted back from."""
    last = info.sent_bounds[target[2]][1]
    words = info.lower_words(target[1], min(target[1] + 6, last))
    if words[:2] == ["prior", "to"]:
        words = ["before", *words[2:]]
    end = next(
        (i for i, w in enumerate(words) if w in _STOPS or w in _CONDITION or w == "for"),
        len(words),
    )
    return "time " + " ".join(words[:end])


def _customer_acts(info: DocInfo, sent: int, kind_hit: Hit) -> bool:
    first, _last = info.sent_bounds[sent]
    begin, _end = info.chars(first, first)
    start, _stop = info.chars(kind_hit[0], kind_hit[1])
    return begin <= start and _CUSTOMER_ACTS.search(info.block.text, begin, start) is not None
