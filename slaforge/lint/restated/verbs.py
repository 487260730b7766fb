"""The further pass on times of verbs that name no known measure: the same verb done to the same
thing within two different times ("each Message is routed within 15 minutes" and "the Messages
routed within 30 minutes")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from slaforge.lint.context import Context
from slaforge.lint.model import Finding
from slaforge.lint.restated.blocks import parts
from slaforge.lint.restated.measures import MEASURE
from slaforge.lint.restated.subjects import NOT_THING, QUALIFIER_STOP, head_noun
from slaforge.lint.restated.values import MINUTES, QTY, canonical_unit, parse_number
from slaforge.lint.restated.vocabulary import CONDITION, EXCEPT, PRIORITY, TRIGGER, is_example
from slaforge.lint.rules import Rule

_DONE_WITHIN = re.compile(
    r"(?:\b(?P<qual>[a-z][\w-]*)\s+)?\b(?P<noun>[a-z][\w-]*?)s?\s+(?:(?:is|are|shall|will|must"
    r"|should|to|be|being|been|get|gets)"
    r"\s+){0,2}(?P<verb>[a-z]{3,}ed)\s+within\s+"
)
"""A thing done within a time, named by its noun and verb ("Messages are routed within 15
minutes", "the percentage of messages routed within 30 minutes")."""
_DETERMINERS = frozenset(
    """the a an each every all any of which that this these""".split()  # noqa: SIM905
)


def verb_conflicts(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """The same verb done to the same thing within two different times, for a verb that
    is none of the known measures ("each Message is routed within 15 minutes" and "the
    Messages routed within 30 minutes")."""
    seen: dict[tuple[str, str, str], tuple[float, str, int, int]] = {}
    flagged: set[tuple[str, str, str]] = set()
    for info in ctx.infos:
        low = info.low
        if "ed within" not in low or len(low) != len(info.block.text):
            continue
        for n, (start, part) in enumerate(parts(info, low)):
            if (
                "ed within" not in part
                or CONDITION.search(part)
                or EXCEPT.search(part)
                or TRIGGER.match(part)
                or is_example(part)
                or PRIORITY.search(part)
            ):
                continue
            for d in _DONE_WITHIN.finditer(part):
                noun, verb = d.group("noun"), d.group("verb")
                if noun in _DETERMINERS or noun in NOT_THING or MEASURE.search(verb):
                    continue
                q = QTY.match(part, d.end())
                if q is None or not q.group("unit") or q.group("every"):
                    continue
                unit = canonical_unit(q.group("unit"))
                value = parse_number(q.group("num") or "1") * MINUTES.get(unit, 0)
                if not value:
                    continue
                qual = d.group("qual") or ""
                qual = "" if qual in _DETERMINERS or qual in QUALIFIER_STOP else qual
                key = (f"{qual} {head_noun(noun)}", verb, (q.group("clock") or "").strip())
                first = seen.setdefault(key, (value, q.group(), info.index, n))
                if first[0] != value and first[2:] != (info.index, n) and key not in flagged:
                    flagged.add(key)
                    message = rule.message.format(measure=f"{verb} time", other=first[1])
                    yield ctx.finding(rule, info, start + q.start(), start + q.end(), message)
