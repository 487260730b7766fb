"""The further passes on how often things happen: one named report issued at two cadences ("the
service report is issued on the 5th working day of each month" and "once each quarter"), and one
named meeting, review, survey or report held at two cadences ("the monthly Service Review" and "the
Service Review is held quarterly")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from slaforge.lint.context import Context
from slaforge.lint.model import Finding
from slaforge.lint.restated.blocks import parts
from slaforge.lint.restated.measures import REPORT_NAME, REPORT_VERB
from slaforge.lint.restated.regex import ascii_regex, has_any, is_plain
from slaforge.lint.restated.subjects import head_noun
from slaforge.lint.restated.values import NUMBER_WORDS
from slaforge.lint.restated.vocabulary import CONDITION, PRIORITY
from slaforge.lint.rules import Rule

_CADENCE = re.compile(
    r"\b(?:(?:once|twice)\s+)?(?:each|every|per|a|in each)\s+(?:calendar\s+)?"
    r"(?P<unit>week|month|quarter|year)\b(?!\s*(?:-?end|ly))"
    r"|\b(?P<adv>weekly|monthly|quarterly|annually|yearly)\b(?=\s*(?:[.;,]|$|and\b|by\b|to\b"
    r"|within\b|on\b|in\b|at\b))"
)
"""How often a report is issued, said outside its name ("once each quarter", "each month",
"issued monthly")."""
_CADENCE_UNIT = {"weekly": "week", "monthly": "month", "quarterly": "quarter",
                 "annually": "year", "yearly": "year"}  # fmt: skip
_CADENCE_WORDS = frozenset(
    """weekly monthly quarterly annual annually yearly daily interim final first
    last""".split()  # noqa: SIM905
)
_ISSUED = re.compile(
    r"\b(?:send|sent|deliver|issu|provid|publish|submit)\w*\b(?![^.;]*\b(?:cover|summar|review"
    r"|discuss|present|consider|describ|analys|compar|includ|list|show)\w*\b)"
)
"""The issuing verb a cadence belongs to, with no other verb between them ("issued once each
quarter", not "issued in January summarises each quarter")."""


def cadence_conflicts(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """One named report issued at two cadences ("the service report is issued on the 5th
    working day of each month" and "the service report is issued once each quarter")."""
    seen: dict[str, tuple[str, str]] = {}
    done: set[str] = set()
    for info in ctx.infos:
        low = info.low
        if "report" not in low or len(low) != len(info.block.text):
            continue
        for start, part in parts(info, low):
            if "report" not in part or not any(v in part for v in REPORT_VERB):
                continue
            names = {
                " ".join(m.group(1).split())
                for m in REPORT_NAME.finditer(part)
                if not set(m.group(1).split()) & _CADENCE_WORDS
                and not part[: m.start()].endswith("of ")  # "a draft of the service report"
            }
            cadences = {
                c.group("unit") or _CADENCE_UNIT[c.group("adv")]
                for c in _CADENCE.finditer(part)
                if _ISSUED.search(part[max(0, c.start() - 70) : c.start()])
            }
            if len(names) != 1 or len(cadences) != 1 or "" in names:
                continue
            name, cadence = names.pop(), cadences.pop()
            if CONDITION.search(part) or PRIORITY.search(part):
                continue
            first = seen.setdefault(name, (cadence, part))
            if first[0] != cadence and name not in done:
                done.add(name)
                c = next(_CADENCE.finditer(part))
                message = rule.message.format(
                    measure=f"{name} report frequency", other=f"each {first[0]}"
                )
                yield ctx.finding(rule, info, start + c.start(), start + c.end(), message)


_MEETING_HEADS = (
    r"(?:reviews?|meetings?|boards?|committees?|forums?|surveys?|audits?|stand-ups?|calls?"
    r"|reports?)"
)
_MEETING_BEFORE = re.compile(
    r"\b(?P<adv>weekly|fortnightly|bi-?weekly|monthly|bi-?monthly|quarterly|annual|yearly"
    r"|half-yearly|six-monthly|semi-annual)\s+(?P<name>(?:[a-z][\w-]*\s+){0,2}?"
    + _MEETING_HEADS
    + r")\b"
)
"""A meeting named with its cadence before it ("the monthly Service Review")."""
_MEETING_VERBS = (
    r"(?:held|meets?|meet|convenes?|convene|run|conducted|carried out|takes? place|take place"
    r"|scheduled|sits?|sit|issued|produced|published|sent|delivered|prepared|circulated)\s+"
)
_MEETING_AFTER = re.compile(
    r"\b(?P<name>(?:[a-z][\w-]*\s+){0,2}?"
    + _MEETING_HEADS
    + r")\b(?:\s*[:|]\s*(?:"
    + _MEETING_VERBS
    + r")?|(?:,?\s+which)?\s+(?:(?:is|are|shall|will|must|to|be|being)\s+){0,2}"
    + _MEETING_VERBS
    + r")(?P<when>(?:once|twice|three times|four times)\s+(?:a|an|each|every|per|in each)\s+"
    r"(?:calendar\s+)?(?:week|month|quarter|year)|(?:every|each|per|a|in each)\s+(?:calendar\s+)?"
    r"(?:(?:two|four|six|three|twelve|\d+)\s+)?(?:weeks?|months?|quarters?|years?)|weekly"
    r"|fortnightly|monthly|quarterly|annually|yearly|half-yearly|bi-?weekly|bi-?monthly)\b"
)
"""A meeting followed by how often it is held ("the Operations Board meets every quarter")."""
_MEETING_CUES = (
    "review", "meet", "board", "committee", "forum", "survey", "audit", "stand-up", "call",
    "report",
)  # fmt: skip
_CADENCE_HINTS = ("ly ", "ly.", "ly,", "every", "each", "once", "twice", "annual")
_CADENCE_MARKS = ("ly", "every", "each", "once", "twice", "annual")
_PERIOD_WORDS = ("month", "week", "year", "quarter", "annual", "fortnight")
"""One of which each cadence ``_MEETING_BEFORE`` and ``_MEETING_AFTER`` find holds."""
_PERIOD_MONTHS = {"week": 12 / 52, "month": 1.0, "quarter": 3.0, "year": 12.0}
_ADV_MONTHS = {
    "weekly": 12 / 52, "fortnightly": 24 / 52, "biweekly": 24 / 52, "bi-weekly": 24 / 52,
    "monthly": 1.0,
    "bimonthly": 2.0, "bi-monthly": 2.0, "quarterly": 3.0, "annual": 12.0, "annually": 12.0,
    "yearly": 12.0, "half-yearly": 6.0, "six-monthly": 6.0, "semi-annual": 6.0,
}  # fmt: skip
_TIMES = {"once": 1, "twice": 2, "three times": 3, "four times": 4}
_MEETING_SKIP = re.compile(
    r"\b(?:if|unless|until|thereafter|afterwards|first|initial|after|additional|extraordinary"
    r"|during|ad hoc|ad-hoc|at least|no less|not less|or more|more often|more frequently|otherwise"
    r"|instead|may|can|optional|example|e\.g\.|per (?:site|region|account|customer))\b"
)
"""A cadence that holds only for a while, as a minimum, or as an option."""
_MEETING_GENERIC = frozenset(
    """the a an each every its their our this that any next such all regular scheduled
    formal joint""".split()  # noqa: SIM905
)
_MEETING_NOT = frozenset(
    """to and or of for with at in on by is are be as from per""".split()  # noqa: SIM905
)


def _cadence_months(when: str) -> float:
    """The months between two sittings ("every two weeks": 24/52, "twice a year": 6); a week
    is 12/52 of a month, so "every four weeks" is not "monthly"."""
    when = " ".join(when.split())
    if when in _ADV_MONTHS:
        return _ADV_MONTHS[when]
    words = when.split()
    period = _PERIOD_MONTHS.get(words[-1].rstrip("s"), 0.0)
    if words[0] in ("once", "twice", "three", "four"):
        times = _TIMES.get(" ".join(words[:2]) if words[0] in ("three", "four") else words[0], 1)
        return period / times
    count = words[-2] if len(words) > 2 else ""
    n = NUMBER_WORDS.get(count) or (int(count) if count.isdigit() else 1)
    return period * n


def _meeting_key(name: str) -> str:
    """The meeting a name stands for ("Service Review meeting" and "service reviews" are one)."""
    words = [w for w in name.split() if w not in _MEETING_GENERIC and w not in _ADV_MONTHS]
    if any(w in _MEETING_NOT for w in words):
        return ""
    heads = [head_noun(w) for w in words]
    if len(heads) > 1 and heads[-1] == "meeting" and heads[-2] in ("review", "board", "committee"):
        heads.pop()
    return " ".join(heads[-2:]) if len(heads) > 1 else ""


_MEETING_REGEXES = (_MEETING_SKIP, PRIORITY, _MEETING_BEFORE, _MEETING_AFTER)
_MEETING_REGEXES_ASCII = tuple(ascii_regex(rx) for rx in _MEETING_REGEXES)


def meeting_conflicts(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """One named meeting, review, survey or report held at two cadences ("the quarterly
    Service Review" and "discussed at the monthly Service Review"; "the Board meets weekly"
    and "the Board, which meets every two weeks"). A cadence before a name in lower case
    may be part of the name ("the monthly service report" and "the quarterly service
    report" are two reports), so two such are not compared with each other; a cadence said
    after the name ("the service report is issued quarterly") or before a Capitalised name
    ("the monthly Service Review") is the one cadence of that meeting."""
    seen: dict[str, list[tuple[float, str, tuple[int, int], bool]]] = {}
    both: set[str] = set()
    flagged: set[str] = set()
    for info in ctx.blocks_containing(_PERIOD_WORDS, lower=True):  # (the rarest cue first)
        text = info.block.text
        low = info.low
        if (
            len(low) != len(text)
            or not has_any(low, _MEETING_CUES)  # (no sentence of the block has one)
            or not has_any(low, _CADENCE_HINTS)
        ):
            continue
        skip, priority, before, after = (
            _MEETING_REGEXES_ASCII if is_plain(low) else _MEETING_REGEXES
        )
        for n, (start, part) in enumerate(parts(info, low)):
            if not (
                has_any(part, _PERIOD_WORDS)
                and has_any(part, _MEETING_CUES)
                and has_any(part, _CADENCE_MARKS)
            ):
                continue
            if skip.search(part) or priority.search(part) or "outside" in part:
                continue
            found: dict[str, tuple[float, int, int, bool]] = {}
            for rx, group in ((before, "adv"), (after, "when")):
                for m in rx.finditer(part):
                    key = _meeting_key(m.group("name"))
                    months = _cadence_months(m.group(group))
                    if not key or not months:
                        continue
                    head = start + m.end("name") - len(m.group("name").split()[-1])
                    firm = group == "when" or text[head].isupper()
                    if key in found and found[key][0] != months:
                        both.add(key)  # two sittings of one body in one sentence: a list
                    found.setdefault(key, (months, m.start(group), m.end(group), firm))
            here = (info.index, n)
            for key, (months, a, b, firm) in found.items():
                if key in both:
                    continue
                earlier = seen.setdefault(key, [])
                other = next(
                    (e for e in earlier if e[0] != months and e[2] != here and (firm or e[3])),
                    None,
                )
                if other is not None and key not in flagged:
                    flagged.add(key)
                    message = rule.message.format(measure=f"{key} frequency", other=other[1])
                    yield ctx.finding(rule, info, start + a, start + b, message)
                # two sittings of each cadence from two sentences are all a later one needs
                # (one of them is from another sentence): linear in repeats of one cadence
                alike = [e for e in earlier if e[0] == months and e[3] == firm]
                if len(alike) < 2 and all(e[2] != here for e in alike):
                    earlier.append((months, part[a:b], here, firm))
