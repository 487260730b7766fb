"""The names a draft gives its customer in the parties clause."""

from __future__ import annotations

import re

from slaforge.lint.context import Context

_PARTY = re.compile(
    r"(?P<name>[A-Z][\w&'\u2019.-]*(?:\s+(?:[A-Z&][\w&'\u2019.-]*|plc|ltd|inc|llc|llp|gmbh)){0,6}),?\s*"
    r"\((?P<inner>[^()]{1,160})\)"
)
"""A party and the brackets that name it: 'Brackenridge Construction Limited ("Brackenridge",
"you")', 'Acme Ltd (the "Customer")'."""
_QUOTED = re.compile(r"[\"\u201c\u2018']([^\"\u201d\u2019']{2,40})[\"\u201d\u2019']")
_ROLES = (
    "Customer", "Client", "Buyer", "Purchaser", "Licensee", "Subscriber", "Authority", "Council",
    "Trust", "Member", "Merchant", "Hirer", "Shipper", "Tenant",
)  # fmt: skip
_CUSTOMER_ROLE = re.compile(r"\b(?:you|your|" + "|".join(_ROLES) + r")\b")
CUSTOMER_ROLES = frozenset(_ROLES) | {"Firm", "School", "Academy"}
"""The words a draft calls its customer by ("the Customer", "the Trust", "the Firm")."""
_NOT_NAMES = frozenset({"The", "This", "Between", "And", "Each", "Both", "Our", "Your"})
_OPENING_BLOCKS = 12
"""The parties clause is near the top: a name in brackets further down is no party."""


def customer_names(ctx: Context) -> frozenset[str]:
    """The words a draft names its customer by ('Brackenridge' for 'Brackenridge Construction
    Limited ("Brackenridge", "you")'), besides the role words every rule knows."""
    names = ctx.memo.get("customer-names")
    if names is None:
        found: set[str] = set()
        for info in ctx.infos[:_OPENING_BLOCKS]:
            text = info.block.text
            if "(" not in text:
                continue
            for m in _PARTY.finditer(text):
                inner = m.group("inner")
                if not _CUSTOMER_ROLE.search(inner):
                    continue
                found.update(q.strip() for q in _QUOTED.findall(inner))
                first = m.group("name").split()[0]
                if first not in _NOT_NAMES:
                    found.add(first)
        names = ctx.memo["customer-names"] = frozenset(found)
    result: frozenset[str] = names
    return result
