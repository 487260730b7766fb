"""The required-section check: a section found neither under a heading nor by its content."""

from __future__ import annotations

import re

from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo
from slaforge.lint.model import Finding
from slaforge.lint.rules import Rule
from slaforge.lint.structure.headings import _headings

_WHOLE_AGREEMENT = 5
"""Headed parts (title included) that make a short text a whole agreement, not an excerpt."""
_HEADED_PARTS = 4
"""A title and three headed parts (headings of their own, not run-in labels) present a short
text as a whole agreement too."""


def _first_body(ctx: Context) -> DocInfo:
    """The document's first block of body text (the title, as a rule), not a page header."""
    return next((i for i in ctx.infos if i.block.location.part == "body"), ctx.infos[0])


def _section_heads(ctx: Context) -> str:
    """The document's headings, run-in headings and heading paths, in lower case, without
    its title (the title names the service, "Application Maintenance SLA", not a part),
    joined by NUL: a word is in one of them when it is in this text."""
    cached: str | None = ctx.memo.get("section_heads")
    if cached is None:
        first = _first_body(ctx).block
        title = first.text if first.is_heading and not first.location.clause else ""
        heads = {h for h in _headings(ctx) if h}
        for info in ctx.infos:
            heads.update(info.block.location.heading_path)
        heads.discard(title)
        cached = "\0".join(sorted(h.lower() for h in heads))
        ctx.memo["section_heads"] = cached
    return cached


def _outline(ctx: Context, headings: list[str]) -> bool:
    """True for a list of headings with next to no text under them ("1. Scope / 2. Service
    Levels / 3. Reporting …"): a contents list, whose parts cannot be judged complete."""
    body = 0
    for info, head in zip(ctx.infos, headings, strict=True):
        if info.block.is_heading:
            continue
        rest = info.block.text[len(head) :] if head else info.block.text
        if len(rest.split()) > 4:
            body += 1
    return body < 2


_AGREEMENT = re.compile(
    r"\b(?:agreements?|contracts?|SLAs?|OLAs?|schedules?|annex|appendix|exhibit|parties|party"
    r"|shall|hereby|undertakes?|signed|signature|service levels?|charter|statement of work"
    r"|terms and conditions|terms of service|binding|obligations?|commit(?:s|ted|ments?)?|policy"
    r"|guarantee[sd]?)\b",
    re.IGNORECASE,
)
"""Words with which a text presents itself as an agreement or a schedule to one."""


def _presents_as_agreement(ctx: Context) -> bool:
    """True when the text presents itself as an agreement (or a schedule to one): it uses the
    words of one (agreement, parties, shall, service levels, signature…) and it is not a set
    of questions and answers (an FAQ or help page: most of its headings are questions)."""
    found: bool | None = ctx.memo.get("agreement")
    if found is None:
        heads = [h.strip() for h in _headings(ctx) if h.strip()]
        questions = sum(1 for h in heads if h.endswith("?"))
        questions += sum(
            1
            for i in ctx.infos
            if "?" in i.block.text
            and not i.block.is_heading
            and i.block.text.rstrip().endswith("?")
        )
        faq = questions >= 2 and questions * 2 >= len(heads)
        found = not faq and any(_AGREEMENT.search(i.block.text) for i in ctx.infos)
        ctx.memo["agreement"] = found
    return found


def check_section(rule: Rule, ctx: Context) -> list[Finding]:
    """Report a required section found neither under a heading nor by its content, in a
    document long enough or with enough headed parts to be a whole agreement, that presents
    itself as one, and (with ``requires``) only where it has what needs the section."""
    if not ctx.infos or not _presents_as_agreement(ctx):
        return []
    if rule.requires and not ctx.has_key(f"{rule.code}|r"):
        return []  # nothing in the document needs the section (no downtime metric…)
    headings = _headings(ctx)
    if (
        ctx.words < rule.min_words
        and sum(1 for h in headings if h) < _WHOLE_AGREEMENT
        and sum(1 for i in ctx.infos if i.block.is_heading) < _HEADED_PARTS
    ):
        return []
    if ctx.words < rule.min_words and _outline(ctx, headings):
        return []
    words = tuple(w.lower() for w in rule.headings)
    first = _first_body(ctx)
    heads = _section_heads(ctx)
    if heads and any(w in heads for w in words):
        return []
    if ctx.has_key(f"{rule.code}|t"):
        return []
    if rule.unless and ctx.has_key(f"{rule.code}|u"):
        return []  # a document of a kind that does not need the section
    return [ctx.finding(rule, first, 0, len(first.block.text.rstrip()))]
