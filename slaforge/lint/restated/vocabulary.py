"""The words of a sentence that are neither measures nor things: conditions that limit a value to
some of the time or some cases (``CONDITION``, ``EXCEPT``, ``PER_THING``, weekend days), priorities
and tiers (``PRIORITY``, ``priority_of``, and ``ALIAS``: "Priority 1 (Critical)"), remedy triggers
(``TRIGGER``), worked examples (``is_example``), termination, disputes and definitions, measurement
windows (``WINDOW``, ``window_value``) and the time of day that opens a range of hours
(``CLOCK_TIME``)."""

from __future__ import annotations

import functools
import re

from slaforge.lint.restated.regex import alternatives, ascii_regex, factor, has_any, is_plain

CONDITION = re.compile(
    r"\b(?:"
    + factor(
        alternatives(
            r"during(?! (?:the )?(?:normal |standard |core |agreed |published )?(?:business"
            r"|opening|support|service|working|office|core|staffed|contracted) hours)(?! the"
            r" (?:term|agreement|contract))(?! (?:an?|any|each|every|the) (?:incident|outage"
            r"|disruption)s?\b)"
            r"|outside|weekends?|saturdays?|sundays?|peak|for each (?:site|component|region)"
            r"|for (?:such|those|these) [a-z]+|for (?:\w+ ){0,2}(?:incidents?|faults?|requests?"
            r"|tickets?|calls?|orders?|changes?) (?:that |which )?(?:affect|involv|concern|relat"
            r"|rais|logg|on\b|in\b)"
            r"|last \w+ (?:weekdays|days|business days|working days)|again\b"
            r"|month-end(?! (?:full )?(?:backups?|recovery points?|snapshots?|cop(?:y|ies)"
            r"|archives?|images?)\b)|year-end(?! (?:full )?(?:backups?|recovery points?"
            r"|snapshots?|cop(?:y|ies)|archives?|images?)\b)"
            r"|contract years? (?:\d|one\b|two\b|three\b)|service years? (?:\d|one\b|two\b"
            r"|three\b)|years? (?:\d|one\b|two\b|three\b)|months? \d+ (?:after|from|of)"
            r"|until (?:the end of |the close of )?(?:month|year|week|go-live|cut-?over|completion)"
            r"|first (?:\d+|three|six|twelve|ninety) (?:days|weeks|months)"
            r"|initial (?:\d+|three|six|twelve|ninety) (?:days|weeks|months)|transition\w*"
            r"|ramp-?up|hypercare|stabili[sz]ation period|bedding-in"
            r"|further attempts?|second attempt"
            r"|miss(?:es|ed)? (?:the |its |that |a |an )?[^.;]{0,40}?\b(?:target|deadline)s?\b"
            r"|instead of(?! [^.;]{0,40}\b(?:stated|set out|specified|given|agreed|in (?:clause"
            r"|section|paragraph|schedule)))"
            r"|in place of(?! [^.;]{0,40}\b(?:stated|set out|specified|given|agreed|in (?:clause"
            r"|section|paragraph|schedule)))"
            r"|including (?:planned |scheduled |emergency )?(?:maintenance|downtime)"
            r"|does(?: not|n't) [a-z]+ (?:[a-z]+ ){0,6}?within\b"
            r"|do(?: not|n't) [a-z]+ (?:[a-z]+ ){0,6}?within\b"
            r"|did(?: not|n't) [a-z]+ (?:[a-z]+ ){0,6}?within\b"
            r"|fail(?:s|ed|ing)? to [a-z]+ (?:[a-z]+ ){0,6}?within\b"
            r"|not [a-z]+ed (?:[a-z]+ ){0,3}?within\b"
        )
    )
    + ")"
)
"""Words that limit a value to some of the time ("outside business hours", "at weekends") or
to some cases ("called again within 48 hours", "if the Customer does not reply within 5 days":
a time named by what is not done in it is a condition, not a target). "Month-end backups" are a
kind of backup, not a time; "an enquiry that misses the target shall in any event receive a reply
within 1 day" sets a long-stop for missed cases."""
CONDITION_ASCII = ascii_regex(CONDITION)
EXCEPT = re.compile(r"\b(?:except|unless)\b")
"""An exception before the value ("Except for P1, …") qualifies it; after it ("… unless the
customer agrees otherwise") the value is the rule."""
EXCEPT_HINTS = ("except", "unless")
PER_THING = re.compile(
    r"\bper (site|user|component|region|location|device|feed|circuit|store|branch)\b"
)
ALL_DAYS = re.compile(
    r"\b(?:includ\w*|incl\.|as well as|even|also|every day|7 days|seven days|24\s*[x/]\s*7)\b"
    r"[^.;:]*$"
)
"""Before a weekend word, words that make it part of every day ("24x7, including weekends")."""
ALL_DAYS_AFTER = re.compile(r"\s*(?:included|alike)\b")
"""After a weekend word, words that make it part of every day ("day or night, weekends
included")."""
DAY_WORD = re.compile(r"\b(?:weekends?|saturdays?|sundays?)\b")
TIER_WORDS = (
    "critical", "urgent", "emergency", "high", "medium", "low", "routine", "major", "minor",
    "standard", "premium", "gold", "silver", "bronze", "platinum",
)  # fmt: skip
PRIORITY = re.compile(
    r"\b(?:(?:p|prio(?:rity)?|sev(?:erity)?|s|level|category|cat\.?|tier)\s*-?\s*([0-9](?!\d)"
    r"|[a-d]\b)"
    r"|(" + factor(list(TIER_WORDS)) + r")\b"
    r"|(?P<all>(?:all|any|every|each) (?:priorit(?:y|ies)|severit(?:y|ies))(?: levels?)?"
    r"(?!\s*-?\s*(?:[0-9]|[a-d]\b))"  # "each Severity 1 Incident" names one level
    r"|regardless of (?:the )?(?:priority|severity)|whatever the (?:priority|severity))\b)",
)
"""A priority ("P1", "Sev 2", "Critical") or all of them; one word boundary before the three
alternatives (a third faster than one before each)."""
PRIORITY_ASCII = ascii_regex(PRIORITY)
TIERS = frozenset({"standard", "premium", "gold", "silver", "bronze", "platinum"})

_TRIGGER_IF = re.compile(r"\b(?:if|where|when|should|once)\b")
_TRIGGER_REMEDY = re.compile(r"\b(?:terminat|credit|refund|rebate|entitle|breach)")
_REMEDY_HINTS = ("terminat", "credit", "refund", "rebate", "entitle", "breach")
_NOT_WITHIN = re.compile(r"\bnot (?:been |be )?[a-z]+ed (?:[a-z]+ ){0,3}?(?:within|in) ")
FURTHER = re.compile(r"\b(?:additional|further|extra|supplementary|in addition|also)\b")
"""A miss named by what was not done in time, with a further remedy ("each alert not
triaged within 60 minutes earns an additional credit"): a second, worse threshold on top of
the target's own remedy, not the target (a credit that only starts after a longer time than
the target, with no other, is still flagged)."""


class _Trigger:
    """``TRIGGER.match(low)``: a condition word and a remedy word in one lower-case
    sentence (two plain scans instead of two lookaheads over the whole sentence)."""

    @staticmethod
    def match(low: str) -> bool:
        if not has_any(low, _REMEDY_HINTS) or _TRIGGER_REMEDY.search(low) is None:
            return False
        return _TRIGGER_IF.search(low) is not None or (
            "not " in low
            and _NOT_WITHIN.search(low) is not None
            and FURTHER.search(low) is not None
        )


TRIGGER = _Trigger()
"""A sentence that sets a trigger for a remedy: its values are thresholds, not targets."""
NOT_SERVICE = re.compile(
    r"\bdisput\w*|\bbreach\w*|\bcure\b|\bcomplain\w*|\b(?:improvement|rectification|remediation"
    r"|corrective action|action) plan"
)
"""Resolving a dispute, curing a breach or presenting a plan after a missed target is not the
service's resolution clock."""
NOT_SERVICE_HINTS = ("disput", "breach", "cure", "complain", " plan")
_EXAMPLE = re.compile(
    r"(?<![.@/])\b(?:for example|e\.g\.|for instance|example|assum\w*|suppose|in this case"
    r"|illustrat\w*)\b"
    r"|\d[\d,.]*\s*[/x\u00d7*]\s*\d[\d,.]*\s*\)?\s*=|\d[\d,.]*\s*%?\s*minus\s*\d",
)
"""A worked example: its figures illustrate a formula and are not values of the agreement
(not the ``.example`` of an address: "noc@acme.example")."""
_EXAMPLE_ASCII = ascii_regex(_EXAMPLE)

TERMINATION = re.compile(r"\bterminat\w*|\bcancel\w*|\bexit\b")
TERMINATION_HINTS = ("terminat", "cancel", "exit")
CLAUSE_STOP = re.compile(r"[;]|\.\s|\|\s*(?=[A-Z])|,\s+(?=(?:although|though|whereas|but)\s)")
"""Where a clause ends: a new sentence, a cell, or a clause with its own subject after a comma
("…does not stop the restoration clock, although the Provider will supply heaters …")."""

DEFINES_DONE = re.compile(
    r"\bmeans\b|\bis (?:complete|completed|resolved|restored|met|achieved|fixed|closed)"
    r" (?:when|once|if)\b",
)
"""A sentence that says when a clock stops; its durations (a deemed-acceptance period) are
not the target."""
DEFINES_HINTS = ("means", " when", " once", " if")

MEASURING_HINTS = ("measur", "calculat", "assess", "comput", "determin", "averag", "achiev",
                    "evaluat", "appl")  # fmt: skip
WINDOW_HINTS = ("month", "quarter", "year", "week", "annual", "rolling")
OTHER_WINDOW_HINTS = ("quarter", "annual", "rolling")
"""The window hints that are no unit hints."""

_EXAMPLE_HINTS = ("example", "e.g.", "instance", "assum", "suppose", "in this case", "illustrat",
                  "=", "minus")  # fmt: skip


def is_example(low: str) -> bool:
    """True for a worked example (``low`` in lower case)."""
    if not has_any(low, _EXAMPLE_HINTS):
        return False
    return (_EXAMPLE_ASCII if is_plain(low) else _EXAMPLE).search(low) is not None


def window_value(w: re.Match[str]) -> tuple[float, float]:
    """A window as (months, rolling)."""
    unit = (w.group("unit") or w.group("adj") or "").lower()
    unit = {"annual": "year", "annually": "year", "yearly": "year", "monthly": "month",
            "quarterly": "quarter", "weekly": "week"}.get(unit, unit)  # fmt: skip
    count = w.group("n") or "1"
    months = MONTHS.get(unit, 1) * (_SMALL.get(count.lower()) or float(count))
    return (months, 1.0 if w.group("roll") else 0.0)


@functools.lru_cache(maxsize=2048)
def priority_of(text: str) -> str:
    found = list(PRIORITY.finditer(text.lower()))
    if not found:
        return ""
    m = found[-1]
    return "*" if m.group("all") else m.group(1) or m.group(2)


WINDOW = re.compile(
    r"\b(?:(?P<adj>monthly|quarterly|annual|annually|yearly|weekly)\b(?!\s+(?:fees?|charges?"
    r"|invoices?|reports?|meetings?|reviews?|rental|price|bill|plan|subscription|cap)\b)"
    r"|(?:per|each|every|over|across|in|for|on|at)\s+(?:(?:each|every|a|an|any|the|one)\s+)?"
    r"(?:(?:full|complete|single|whole)\s+)?(?P<roll>rolling\s+)?(?:(?P<n>\d+|two|three|six"
    r"|twelve)[- ])?(?:calendar\s+)?(?P<unit>month|quarter|year|week|(?(roll)day|(?!)))s?\b"
    r"(?![- ](?:end|fee"
    r"|charge|report|meeting))(?:[- ](?:period|window))?)",
)
"""A measurement window ("per calendar month", "over a rolling 12-month period", "monthly")."""
WINDOW_ASCII = ascii_regex(WINDOW)

MONTHS = {"month": 1, "quarter": 3, "year": 12, "week": 0.25, "day": 12 / 365}
_SMALL = {"two": 2, "three": 3, "six": 6, "twelve": 12}


_ALIAS_WORDS = "critical|urgent|emergency|high|medium|low|major|minor|routine"
ALIAS = re.compile(
    r"\b(?:p|prio(?:rity)?|sev(?:erity)?|level|category|cat\.?)\s*-?\s*([0-9])\s*(?:\(|[\u2013"
    rf"\u2014:=-]|is|means|(?=[a-z]))\s*\(?\s*(?:(?!(?:{_ALIAS_WORDS})\b)[a-z]+\s*/\s*)?"
    rf"({_ALIAS_WORDS})\b"
    rf"|\b({_ALIAS_WORDS})\s*(?:\(|[\u2013\u2014:=-])\s*(?:p|prio(?:rity)?|sev(?:erity)?|level"
    r"|category)\s*-?\s*([0-9])\b"
)
"""A priority given a number and a name ("Priority 1 (Critical)", "Priority 1 (Safety /
Critical)", "P1 Critical", "Critical (P1)")."""
ALIAS_ASCII = ascii_regex(ALIAS)
ALIAS_NAMES = tuple(_ALIAS_WORDS.split("|"))


CLOCK_TIME = re.compile(
    r"\d[:.]\d\d\s*(?:[ap]\.?m\.?\s*)?(?:\(?[a-z]{2,5}\)?\s*)?(?:to|until|till|and|-|\u2013"
    r"|\u2014)|\d\s*[ap]\.?m\.?\s*(?:[a-z]{2,5}\s*)?(?:to|until|till|and|-|\u2013|\u2014)"
)
"""A time of day that opens a range ("08:00-18:00", "8 a.m. to"); sentences without one
have no opening hours to compare."""
CLOCK_TIME_ASCII = ascii_regex(CLOCK_TIME)
