"""The unused-definition check: terms the draft defines and never uses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo
from slaforge.lint.model import Finding
from slaforge.lint.rules import Rule
from slaforge.lint.structure.definitions import _ALIAS_PAIR, _definitions
from slaforge.lint.structure.termwords import _singular


def _unused_definitions(rule: Rule, ctx: Context) -> Iterator[Finding]:
    defined = _definitions(ctx)
    if not defined:
        return
    body = [i for i in ctx.infos if not i.block.is_heading]
    sentences = sum(len(i.sent_bounds) for i in body)
    defining = {(d[0].index, _sentence_of(d[0], d[1])) for d in defined.values()}
    if sentences <= len(defining):
        return  # nothing but definitions: an excerpt of a definitions list
    if (
        len(body) < 2
        and sum(1 for d in defined.values() if not d[3]) < 2
        # (unless a defined clock goes unused by the durations stated beside it: "'Business
        # Day' means …. Invoices are issued within 10 calendar days")
        and not any(_CLOCK_TERM.search(t) for t in defined)
    ):
        return  # one paragraph with one definition: the excerpt shows where it is used
    whole = ""
    for term, (info, start, end, passing) in defined.items():
        if passing or _listed_part(ctx, info):
            continue
        if not whole and (term.isupper() or " or " in info.block.text or "\n" in term):
            whole = "\n".join(i.block.text for i in ctx.infos)
        if _alias_used(info.block.text, term, whole):
            continue  # '"Monthly Recurring Charge" or "MRC" means …', and the MRC is used
        if " and " in term and all(
            _uses(ctx.lowered(), half.strip().lower()) > 1 for half in term.split(" and ")
        ):
            continue  # "Rural Zone and Urban Zone" defined together, each used on its own
        if term.isupper():  # an acronym: "SAL" is not used by "sales"
            found = re.finditer(r"\b" + re.escape(term) + r"s?\b", whole)
            uses = len(list(islice(found, 2)))
        else:  # "Resolution" is used by "resolved", "Attendance" by "attend": word stems
            stem = term[: max(5, len(term) - 5)].lower()
            if not stem.isalnum() or " " in term:
                stem = term.lower() if " " in term else stem  # "Service Credit", "Hand-over"
            # (a stem without a line break is used alike in the blocks joined by NUL)
            uses = _uses(whole.lower() if "\n" in stem else ctx.lowered(), stem)
        if uses <= 1:  # the definition itself is one
            yield ctx.finding(rule, info, start, end)


def _alias_used(text: str, term: str, whole: str) -> bool:
    """True when ``text`` defines ``term`` under a second name that ``whole`` uses again."""
    if " or " not in text:
        return False
    for m in _ALIAS_PAIR.finditer(text):
        names = (m.group(1).strip(), m.group(2).strip())
        if _singular(term) not in {_singular(n) for n in names}:
            continue
        other = names[1] if _singular(names[0]) == _singular(term) else names[0]
        found = re.finditer(r"\b" + re.escape(other) + r"s?\b", whole)
        if len(list(islice(found, 2))) > 1:
            return True
    return False


def _uses(text: str, stem: str, most: int = 2) -> int:
    """How many times (up to ``most``) ``stem`` opens a word of ``text`` that it ends within
    six more word characters: the uses of a term in the lower-cased document."""
    uses = 0
    at = text.find(stem)
    while at >= 0 and uses < most:
        end = at + len(stem)
        tail = end
        while tail < len(text) and tail - end <= 6 and (text[tail].isalnum() or text[tail] == "_"):
            tail += 1
        before = text[at - 1] if at else " "
        if not (before.isalnum() or before == "_") and tail - end <= 6:
            uses += 1
        at = text.find(stem, at + 1)
    return uses


_CLOCK_TERM = re.compile(r"\b(?:[Dd]ays?|[Hh]ours?)$")
"""A defined unit of time ("Business Day", "Working Hours"), whose use shows in durations."""


def _listed_part(ctx: Context, info: DocInfo) -> bool:
    """True for a definition in a list that another definition introduces ("Core Services
    means the following: - Login Service means …"): listing it is its use."""
    if not info.block.text.lstrip().startswith(("-", "•", "*", "\u2013")):
        return False
    for before in reversed(ctx.infos[: info.index]):
        text = before.block.text.rstrip()
        if not text.lstrip().startswith(("-", "•", "*", "\u2013")):
            # not a definitions list's own lead-in ("the following terms have the following
            # meanings:"), whose items are the definitions themselves
            return text.endswith(":") and not _DEFINITIONS_LEAD.search(text)
    return False


_DEFINITIONS_LEAD = re.compile(
    r"\b(?:meanings?|definitions?|defined terms?|terms? (?:used|have|shall have)|interpretation)\b",
    re.IGNORECASE,
)
"""The lead-in of a list of definitions ("In this Schedule the following terms have the
following meanings:")."""


def _sentence_of(info: DocInfo, char: int) -> int:
    """Index of the sentence of ``info`` that holds character ``char``."""
    starts = info.sentence_starts()
    return max(sum(1 for s in starts if s <= char) - 1, 0)
