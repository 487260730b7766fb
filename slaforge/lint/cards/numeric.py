""":func:`check_numeric`: percentages above 100, and worked examples whose arithmetic is wrong."""

from __future__ import annotations

import re

from slaforge.lint.cards.words import _value
from slaforge.lint.context import Context
from slaforge.lint.model import Finding
from slaforge.lint.rules import Rule

_ARITH = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*(?:/|÷|divided by)\s*(\d[\d,]*(?:\.\d+)?)\s*(?:=|is|equals)\s*"
    r"(\d+(?:\.\d+)?)\s*%"
)


def check_numeric(rule: Rule, ctx: Context) -> list[Finding]:
    """Percentages above 100, and worked examples whose arithmetic is wrong."""
    out: list[Finding] = []
    if rule.check == "percent-over-100":
        for info in ctx.blocks_with("@pct"):
            for hit in info.hits["@pct"]:
                keys = info.sent_keys[hit[2]]
                if "@kind:availability" not in keys and "@kind:error_rate" not in keys:
                    continue
                value = _value(info.doc[hit[0]].text)
                if value is None or value <= 100:
                    continue
                after = info.lower_words(hit[1], hit[1] + 4)
                if after[:1] == ["of"] and _QUANTITIES.intersection(after[1:]):
                    continue  # "more than 110% of the Forecast Volume": a share of a quantity
                out.append(ctx.hit_finding(rule, info, hit))
        return out
    for info in ctx.blocks_containing(("/", "\u00f7", "divided by")):
        for m in _ARITH.finditer(info.block.text):
            a = float(m.group(1).replace(",", ""))
            b = float(m.group(2).replace(",", ""))
            c = float(m.group(3))
            decimals = len(m.group(3).partition(".")[2])
            if b and abs(a / b * 100 - c) > 0.5 * 10**-decimals + 1e-9:
                out.append(ctx.finding(rule, info, m.start(), m.end()))
    return out


_QUANTITIES = frozenset(
    {"forecast", "volume", "volumes", "fee", "fees", "charge", "charges", "chargeback", "price",
     "prices", "amount", "value", "baseline", "capacity", "quota", "allowance", "limit", "estimate",
     "average", "budget", "rate", "demand", "load", "plan", "planned", "contracted", "committed"}
)  # fmt: skip
"""What a percentage above 100 may rightly be a share of ("110% of the Forecast Volume")."""
