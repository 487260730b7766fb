"""Cues of money back and other remedies: a service credit by any name (``@credit``) and a
credit, termination, damages, a deduction or a waived fee (``@remedy``)."""

from __future__ import annotations

from slaforge.lint.cues.words import Pattern, _phrase, _words

_CREDIT_WORDS = (
    "credit", "credits", "refund", "refunds", "rebate", "rebates",
    "penalty", "penalties", "compensation",
)  # fmt: skip
"""Words for money back; both the credit and the remedy cues start from them."""

CUES: dict[str, list[Pattern]] = {
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
}

# a fee waived for a miss is a remedy too: "the next month's fee is waived"
CUES["@remedy"].append(_words("waived", "waive", "waives"))
# a deduction from the price is a remedy: "Performance Deductions", "service level deductions"
CUES["@remedy"].append(
    [
        {"LOWER": {"IN": ["performance", "service", "price", "level", "kpi"]}},
        {"LOWER": {"IN": ["deduction", "deductions", "adjustment", "adjustments"]}},
    ]
)
