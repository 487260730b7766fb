"""The word-matching rule kinds: existence, pattern and conditional."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from slaforge.lint.context import Context
from slaforge.lint.cues import SCOPE_KEYS
from slaforge.lint.docinfo import DocInfo, Hit
from slaforge.lint.model import Finding
from slaforge.lint.parties import CUSTOMER_ROLES, customer_names
from slaforge.lint.rules import Rule

_FUNCTION_WORDS = frozenset(
    """a an the this that these those each any all every no not such its our your their
    if in on of to for by at and or with where when while unless under""".split()  # noqa: SIM905
)
"""Words that start sentences in title case without being part of a name."""


def _customer_owned(info: DocInfo, hit: Hit, names: frozenset[str]) -> bool:
    """True when the customer owns what the trigger names: "the Firm's application vendors",
    "the Trust or its other suppliers" (the customer by its role or by the name the parties
    clause gives it)."""
    words = info.words(max(0, hit[0] - 6), hit[0])
    i = len(words)
    while i > 0 and words[i - 1].isalpha() and words[i - 1].islower() and len(words) - i < 3:
        if words[i - 1] in ("its", "their"):
            break
        i -= 1
    if i >= 2 and words[i - 1] in ("'s", "\u2019s"):
        owner = words[i - 2]
    elif i >= 3 and words[i - 1] in ("its", "their") and words[i - 2] in ("or", "and"):
        owner = words[i - 3]
    else:
        return False
    return owner in CUSTOMER_ROLES or owner in names


def _merged(hits: list[Hit]) -> list[Hit]:
    """Merge overlapping hits of one rule into one span each."""
    if len(hits) < 2:
        return hits
    out: list[Hit] = []
    for start, end, sent in sorted(hits):
        if out and start < out[-1][1]:
            last = out[-1]
            out[-1] = (last[0], max(last[1], end), last[2])
        else:
            out.append((start, end, sent))
    return out


def _lead_in(info: DocInfo, hit: Hit) -> bool:
    """True when the hit's sentence is only a short lead-in ("Force majeure.",
    "Emergency Maintenance:"): its words are the matched ones or capitalised, four at most."""
    start, end = info.sent_bounds[hit[2]]
    words = [i for i in range(start, end) if info.doc[i].is_alpha]
    return len(words) <= 4 and all(hit[0] <= i < hit[1] or _capitalised(info.doc[i]) for i in words)


def _present(key: str, rule: Rule, ctx: Context, info: DocInfo, hit: Hit) -> bool:
    if rule.within == "sentence":
        return key in info.sent_keys[hit[2]]
    if rule.within == "related":
        keys = info.sent_keys
        if key in keys[hit[2]]:
            return True
        if key not in info.keys:
            return False
        if _lead_in(info, hit):
            return True
        trigger = f"{rule.code}|t"
        if any(key in k and trigger in k for k in keys):
            return True
        # the next sentence speaks of the same thing ("Emergency patches may be applied at any
        # hour. Any resulting downtime counts as Unavailable.")
        after = hit[2] + 1
        return after < len(keys) and key in keys[after] and _refers_back(info, after)
    if rule.within == "block":
        return key in info.keys
    return ctx.has_key(key)


_BACK_OPENERS = frozenset(("it", "they", "this", "these", "such", "those", "its", "their"))
_BACK_WORDS = frozenset(("resulting", "thereby", "consequent", "ensuing"))


def _refers_back(info: DocInfo, sent: int) -> bool:
    """True when sentence ``sent`` points back to the one before it: a pronoun or a
    demonstrative among its first four words ("They count as Downtime", "Any downtime they
    cause ..."), or "resulting" downtime."""
    start, end = info.sent_bounds[sent]
    words = [info.doc[i].lower_ for i in range(start, end) if info.doc[i].is_alpha]
    return any(w in _BACK_OPENERS for w in words[:4]) or any(w in _BACK_WORDS for w in words)


def _capitalised(token: Any) -> bool:
    """A word written with a capital that is not a sentence-opening function word."""
    return bool(
        token.is_alpha
        and (token.is_title or (token.is_upper and len(token) > 1))
        and token.lower_ not in _FUNCTION_WORDS
    )


def _part_of_name(doc: Any, start: int, end: int) -> bool:
    """True when the capitalised words of tokens ``start:end`` continue into a longer
    capitalised name (``Effective`` + ``Date``, ``the Claims`` + ``Division``) and the
    other matched words are only function words."""
    caps = [i for i in range(start, end) if _capitalised(doc[i])]
    if not caps:
        return False
    for i in range(start, end):
        if i not in caps and doc[i].lower_ not in _FUNCTION_WORDS:
            return False
    before = caps[0] == start and start > 0 and _capitalised(doc[start - 1])
    after = caps[-1] == end - 1 and end < len(doc) and _capitalised(doc[end])
    return before or after


_NEGATIONS = frozenset(("not", "n't", "never", "fails", "fail", "failed", "failing", "failure"))
"""Words that turn a following commitment word into a condition on its absence."""


def _negated(info: DocInfo, hit: Hit) -> bool:
    """True when one of the three words before the hit (in its sentence) is a negation:
    ``does not reply within 5 days``, ``fails to respond within 2 hours``."""
    first = max(info.sent_bounds[hit[2]][0], hit[0] - 3)
    return any(info.doc[i].lower_ in _NEGATIONS for i in range(first, hit[0]))


def _term(info: DocInfo, hit: Hit) -> str | None:
    """The matched words when they are a capitalised term of two or more words."""
    words = [t for t in info.doc[hit[0] : hit[1]] if not t.is_punct]
    if len(words) < 2 or not all(_capitalised(t) for t in words):
        return None
    return " ".join(t.text for t in words)


def _term_excused(rule: Rule, ctx: Context, term: str, unless: str) -> bool:
    """True when another use of ``term`` has the rule's ``unless`` around it. A term in
    lower case (``emergency maintenance``) is the capitalised term of the same words, when
    the document has one (``Emergency Maintenance``)."""
    lowered = term.islower()
    uses = _term_uses(ctx, rule.code)[1 if lowered else 0].get(term, ())
    return any(_present(unless, rule, ctx, other, hit) for other, hit in uses)


_Uses = dict[str, list[tuple[DocInfo, Hit]]]


def _term_uses(ctx: Context, code: str) -> tuple[_Uses, _Uses]:
    """The hits of rule ``code`` that are capitalised terms, by term and by the term in lower
    case (found once per rule and document)."""
    memo: dict[str, tuple[_Uses, _Uses]] = ctx.memo.setdefault("term-uses", {})
    if code not in memo:
        exact: _Uses = {}
        lower: _Uses = {}
        for other, hit in ctx.hits(f"{code}|t"):
            named = _term(other, hit)
            if named is not None:
                exact.setdefault(named, []).append((other, hit))
                lower.setdefault(named.lower(), []).append((other, hit))
        memo[code] = exact, lower
    return memo[code]


def _lower_term(info: DocInfo, hit: Hit) -> str | None:
    """The matched words in lower case when they are two or more lower-case words."""
    words = [t.text for t in info.doc[hit[0] : hit[1]] if not t.is_punct]
    return " ".join(words) if len(words) > 1 and all(w.islower() for w in words) else None


def _heading_excused(rule: Rule, ctx: Context, info: DocInfo, hit: Hit, unless: str) -> bool:
    """True when the hit is in a heading (``4. Planned and Emergency Maintenance``) and a use
    of the same words in the text below it, in any case, has the rule's ``unless`` around it:
    the heading names what its clauses regulate."""
    if not info.block.is_heading:
        return False
    words = " ".join(info.text_of(hit).lower().split())
    last: dict[tuple[str, str, str], int] = ctx.memo.setdefault("heading-excused", {})
    key = (rule.code, unless, words)
    if key not in last:  # the last block below any heading where the words are excused
        last[key] = max(
            (
                other.index
                for other, found in ctx.hits(f"{rule.code}|t")
                if not other.block.is_heading
                and " ".join(other.text_of(found).lower().split()) == words
                and _present(unless, rule, ctx, other, found)
            ),
            default=-1,
        )
    return last[key] > info.index


def _heading_names(ctx: Context, term: str) -> bool:
    """True when a heading, or a run-in heading opening a block, is ``term`` (after any
    clause number): ``Excluded Minutes``, ``4.2 Excluded Minutes``, ``Excluded Minutes. ...``."""
    found = ctx.memo.setdefault("heading-terms", {})
    if term not in found:
        wanted = term.lower()
        # the heading may name the term in the plural ("6. Relief Events" for "Relief Event")
        forms = {wanted, wanted + "s", wanted.removesuffix("s")}
        hit = False
        for other in ctx.infos:
            text = other.block.text.strip().lower().lstrip("0123456789.() \t")
            text = text.strip("\"'\u201c\u201d\u2018\u2019 ")
            if other.block.is_heading:
                hit = text.rstrip(".: ") in forms
            else:
                hit = text.startswith(wanted) and text[len(wanted) : len(wanted) + 1] in (".", ":")
            if hit:
                break
        found[term] = hit
    return bool(found[term])


_EXAMPLE_OPENER = re.compile(
    r"[\W\d]*(?:\(?[a-z]{1,3}[.)]\s+)?(?:for (?:example|instance)|e\.\s?g\."
    r"|(?:an? |worked )?(?:example|illustration)\s*\d*\s*[:.,\-\u2013\u2014]|to illustrate"
    r"|by way of (?:example|illustration)|suppose"
    r"|assume|assuming)(?![a-z])",
    re.IGNORECASE,
)
"""How a worked example opens: ``For example:``, ``E.g.``, ``Worked example.``, ``Suppose``,
also after an item mark (``(d) Worked example.``)."""
_EXAMPLE_WORDS = ("example", "instance", "illustrat", "suppose", "assum")
_EG = re.compile(r"e\.\s?g\.")


def _may_open_example(low: str) -> bool:
    """False when the lower-case ASCII text ``low`` has none of the words that open a worked
    example (case-insensitive matching differs from ``lower()`` only outside ASCII)."""
    if not low.isascii() or any(w in low for w in _EXAMPLE_WORDS):
        return True
    return "g." in low and _EG.search(low) is not None


_EXAMPLE_HEADING = re.compile(r"\b(?:examples?|illustrations?|worked)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _example_heading(heading: str) -> bool:
    """True for a heading that names examples (looked up once per heading: a document's
    blocks share few)."""
    return _EXAMPLE_HEADING.search(heading) is not None


def example_from(info: DocInfo) -> int | None:
    """The first sentence of ``info`` that belongs to a worked example (the sentence opening
    with ``For example``, ``Suppose``…, or 0 under a heading naming examples), when the
    example has at least two figures; None otherwise."""
    if "example-from" not in info.memo:
        first: int | None = None
        path = info.block.location.heading_path
        if path and _example_heading(path[-1]) and not info.block.is_heading:
            first = 0
        elif _may_open_example(info.low):
            for sent in range(len(info.sent_bounds)):
                if _EXAMPLE_OPENER.match(info.sentence_text(sent)):
                    first = sent
                    break
        if first is not None:
            start = info.sent_bounds[first][0]
            figures = sum(1 for t in info.doc[start:] if any(c.isdigit() for c in t.text))
            if figures < 2:
                first = None
        info.memo["example-from"] = first
    found: int | None = info.memo["example-from"]
    return found


_TIMING_WORDS = frozenset(
    """timely promptly prompt quickly quick fast rapidly rapid swiftly swift speedily
    expeditiously immediately immediate soon asap delay shortly""".split()  # noqa: SIM905
)
"""Words that say how fast without a figure."""


def _timed_below(ctx: Context, info: DocInfo, hit: Hit) -> bool:
    """True when the hit is a timing word in the last sentence of its block and the next
    blocks under the same heading (a table or a list, up to three) give durations: the
    sentence introduces the figures ("We respond promptly:" then "P1 | 1 hour ...")."""
    if hit[2] != len(info.sent_bounds) - 1 or _row_or_item(info):
        return False
    if not any(t.lower_ in _TIMING_WORDS for t in info.doc[hit[0] : hit[1]]):
        return False
    path = info.block.location.heading_path
    for other in ctx.infos[info.index + 1 : info.index + 4]:
        if not _row_or_item(other) or other.block.location.heading_path != path:
            return False
        if "@dur" in other.keys:
            return True
    return False


_ITEM = re.compile(
    r"\s*(?:[-*+\u2022\u2013]|\(?(?:[a-z]{1,2}|[ivx]{1,4})[.)]|\(\d{1,2}\)|\d{1,2}[.)](?=\s+[a-z]))\s"
)
"""A list item: a bullet, a lettered or roman point, a bracketed number ("(1)"), or a number
before a word in lower case ("4. other circumstances ..."); not a numbered clause ("3. The
Provider …"), which stands on its own."""


def _lead_in_has(ctx: Context, info: DocInfo, key: str) -> bool:
    """True when ``info`` is a list item and the paragraph that introduces its list (the
    block before the run of items, ending in a colon) has ``key`` in its last sentence: an
    item (its first sentence) under "Downtime excludes:" is an exclusion, under "The Provider
    shall:" an obligation."""
    if not _ITEM.match(info.block.text):
        return False
    leads: dict[int, int | None] = ctx.memo.setdefault("lead-in", {})
    if info.index not in leads:
        lead: int | None = None
        for other in reversed(ctx.infos[: info.index]):
            if other.block.is_heading:
                break
            # the lead-in may itself be numbered like an item ("(1) ... caused by:")
            if other.block.text.rstrip().endswith(":"):
                lead = other.index
                break
            if not _ITEM.match(other.block.text):
                break
        leads[info.index] = lead
    found = leads[info.index]
    return found is not None and key in ctx.infos[found].sent_keys[-1]


def _first_worded(info: DocInfo) -> int:
    """The first sentence of ``info`` with a word in it: 1 when the list number ("4.") was read
    as a sentence of its own, else 0."""
    if len(info.sent_bounds) > 1:
        start, end = info.sent_bounds[0]
        if not any(info.doc[i].is_alpha for i in range(start, end)):
            return 1
    return 0


def _row_or_item(info: DocInfo) -> bool:
    """True for a table row or cell (``A | B``) or a bulleted list item."""
    text = info.block.text.lstrip()
    bullet = bool(text) and text[0] in "-*\u2022\u2013"
    return info.block.location.table is not None or "|" in text or bullet


_LIMIT_WORDS = frozenset(("within", "than", "before", "by"))
_SHORT_UNITS = frozenset(("day", "days", "week", "weeks", "hour", "hours", "hrs"))


def _deadline_in(info: DocInfo, hit: Hit, spans: list[Hit]) -> bool:
    """True when every short time limit in the hit (``within`` / ``than`` / ``before`` /
    ``by``, a figure, then hours, days or weeks) ends one of ``spans``: a hit that also holds
    a limit of the customer's own (``must write within 15 days, and the Manager will confirm
    within 10 days``) stays."""
    doc = info.doc
    ends = {e - 1 for _s, e, _ in spans}
    limits = [
        j
        for i in range(hit[0], hit[1])
        if doc[i].lower_ in _LIMIT_WORDS
        for j in (i + 1, i + 2)
        if j < hit[1]
        and doc[j].like_num
        and any(t.lower_ in _SHORT_UNITS for t in doc[j + 1 : min(j + 5, hit[1])])
    ]
    return bool(limits) and all(j in ends for j in limits)


def check_match(rule: Rule, ctx: Context) -> list[Finding]:
    """Flag each trigger in a sentence of the rule's scope that has its ``requires``
    and lacks its ``unless`` (in the same sentence, block or document)."""
    scope_key = SCOPE_KEYS.get(rule.scope)
    out: list[Finding] = []
    key = f"{rule.code}|t"
    requires = f"{rule.code}|r"
    unless = f"{rule.code}|u"
    excused: dict[str, bool] = {}
    for info in ctx.blocks_with(key):
        hits = info.hits[key]
        if scope_key is not None:
            inherited = _lead_in_has(ctx, info, scope_key)
            # the item's first sentence (after a bare number read as a sentence of its own)
            first = _first_worded(info) if inherited else 0
            hits = [
                h
                for h in hits
                if (inherited and h[2] <= first) or scope_key in info.sent_keys[h[2]]
            ]
        if rule.scope == "metric-definition" and "@not-service" in info.keys:
            # "resolve the dispute within 10 days" defines no service level
            stages = info.hits["@not-service"]
            hits = [h for h in hits if not any(s < h[1] and h[0] < e for s, e, _ in stages)]
        if rule.skip_not_vague and "@not-vague" in info.keys:
            spans = info.hits["@not-vague"]
            hits = [h for h in hits if not any(s <= h[0] and h[1] <= e for s, e, _ in spans)]
        if rule.skip_headings:
            if info.block.is_heading:
                continue
            hits = [h for h in hits if not _lead_in(info, h)]
        if rule.skip_names:
            hits = [h for h in hits if not _part_of_name(info.doc, h[0], h[1])]
        if rule.skip_negated:
            hits = [h for h in hits if not _negated(info, h)]
        if rule.skip_customer_duty and "@customer-duty" in info.keys:
            duties = info.hits["@customer-duty"]
            hits = [h for h in hits if not any(s < h[1] and h[0] < e for s, e, _ in duties)]
        if rule.skip_customer_named and hits:
            customer = customer_names(ctx)
            hits = [
                h
                for h in hits
                if info.doc[h[0]].text not in customer and not _customer_owned(info, h, customer)
            ]
        if rule.skip_provider_deadline and "@provider-deadline" in info.keys:
            owned = info.hits["@provider-deadline"]
            hits = [h for h in hits if not _deadline_in(info, h, owned)]
        if rule.skip_examples:
            example = example_from(info)
            if example is not None:
                hits = [h for h in hits if h[2] < example]
        for hit in _merged(hits):
            if rule.requires and not _present(requires, rule, ctx, info, hit):
                continue
            if rule.unless and _present(unless, rule, ctx, info, hit):
                if rule.settles_block:
                    # what the trigger needs is stated (elsewhere in the document): the
                    # category's classifier rule does not judge the block again
                    excused_in = ctx.memo.setdefault("excused", {})
                    excused_in.setdefault(rule.category, set()).add(info.index)
                continue
            if rule.timed_below and _timed_below(ctx, info, hit):
                continue
            if rule.heading_defines:
                named = _term(info, hit)
                if named is not None and _heading_names(ctx, named):
                    continue
            term = (
                _term(info, hit) or _lower_term(info, hit)
                if rule.follow_terms and rule.unless
                else None
            )
            if rule.follow_terms and _heading_excused(rule, ctx, info, hit, unless):
                continue
            if term is not None:
                if term not in excused:
                    excused[term] = _term_excused(rule, ctx, term, unless)
                if excused[term]:
                    continue
            out.append(ctx.hit_finding(rule, info, hit))
    return out
