"""The draft's own words for the fields of a rebuilt metric card.

A cue finds a field (the word "reported" a start event, "monitoring" a source); the card shows
the clause around that cue, or the words a cue leads into ("within 2 hours *of* …", "the clock
*starts* …"), cut to :data:`MAX_TOKENS` tokens so that the ``--metrics`` table stays readable.
What counts as met is the explanation of the metric's definition, and the stop event is what a
clock sentence says stops it ("… and stops when an engineer replies").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from slaforge.lint.docinfo import DocInfo, Hit
from slaforge.metrics import CLOCKED_KINDS

MAX_TOKENS = 24
"""Most tokens quoted for one field; a longer clause is cut around its cue and marked "…"."""
_CLAUSE_ENDS = frozenset({",", ";", ":", ".", "|", "?", "!"})
_DEFINITION_ENDS = frozenset({";", "|"})
_LEADS_INTO = frozenset(
    {"of", "from", "after", "following", "time", "moment", "starts", "begins", "start", "begin"}
    | {"during", "in"}
)
"""Last words of a cue that names what follows it."""
_CONNECTIVES = frozenset({"when", "at", "on", "upon", "with", "once", "whenever"})
"""Words between such a cue and its event ("the clock starts *when* the Customer calls")."""
_STOP_VERBS = ("stops", "stop", "ends", "end", "finishes", "is stopped")
_JOINS = frozenset({"and", "or", "but", "while", "whilst", "whereas"})
_STOP = re.compile(
    rf"\b(?:{'|'.join(_STOP_VERBS)})\s+(?:when|at|on|upon|once|with|as soon as)\s+|\buntil\s+",
    re.IGNORECASE,
)
"""What stops a clock: "… and stops when a support engineer replies", "… until the fix"."""
_STOP_END = re.compile(r"[;.|]\s|[;|]|\.$|,\s+(?:and|but)\s")
_WORD = re.compile(r"\S+")
_CLOCKED = tuple(f"@kind:{kind.value}" for kind in CLOCKED_KINDS)


def quote(info: DocInfo, hit: Hit) -> str:
    """The clause of ``info`` around ``hit`` (inside its sentence), or the words after it
    when the cue leads into them (found once per hit: cards share their fields)."""
    found: dict[Hit, str] = info.memo.setdefault("quotes", {})
    text = found.get(hit)
    if text is None:
        text = found[hit] = _quote(info, hit)
    return text


def _quote(info: DocInfo, hit: Hit) -> str:
    first, last = info.sent_bounds[hit[2]]
    words = info.lower_words(first, last)
    hit = (hit[0], min(hit[1], last), hit[2])  # (a cue may run past its sentence's end)
    lead = hit[1] > first and words[hit[1] - 1 - first] in _LEADS_INTO
    if lead:
        start = hit[1]
        while start < last and words[start - first] in _CONNECTIVES:
            start += 1
    else:
        start = hit[0]
        while start > first and words[start - 1 - first] not in _CLAUSE_ENDS:
            start -= 1
    if start == first:
        start = _after_label(info, start, hit[0])
    while start < hit[0] and words[start - first] in _JOINS:
        start += 1
    end = max(start, hit[1])
    while end < last and words[end - first] not in _CLAUSE_ENDS and not _stops(words, end - first):
        end += 1
    if end <= start:
        return info.text_of(hit)
    return _cut(info, start, end, start if lead else hit[0])


def _stops(words: list[str], at: int) -> bool:
    """True when the clause turns to the clock's stop at ``words[at]`` ("… until", "… and
    stops when")."""
    if words[at] == "until":
        return True
    return words[at] == "and" and at + 1 < len(words) and words[at + 1] in _STOP_VERBS


def explanation(info: DocInfo, hit: Hit) -> str | None:
    """What a definition says its term is: the words after the definition cue ``hit`` ("…
    means *a reply from an engineer*; …", "counts as meeting the target: *a minute in which …*")
    up to the end of the sentence or a semicolon."""
    first, last = info.sent_bounds[hit[2]]
    words = info.lower_words(first, last)
    start = hit[1]
    colon = next((i for i in range(start, min(start + 6, last)) if words[i - first] == ":"), None)
    if colon is not None:
        start = colon + 1
    end = start
    while end < last and words[end - first] not in _DEFINITION_ENDS:
        end += 1
    while end > start and words[end - 1 - first] in _CLAUSE_ENDS:
        end -= 1
    if end <= start:
        return None
    return _cut(info, start, end, start)


def stop_event(infos: Iterable[DocInfo], key: str) -> str | None:
    """What a clock sentence of ``infos`` says stops the clock: a sentence with a start cue or
    the metric's ``key`` (``@kind:…``), naming no other clocked metric, and "stops when …" or
    "until …"."""
    for info in infos:
        if not _may_stop(info):
            continue
        text = info.block.text
        for sent, keys in enumerate(info.sent_keys):
            if "@start" not in keys and key not in keys:
                continue
            begin, end = info.sentence_chars(sent)
            found = _STOP.search(text, begin, end)
            if found is None:
                continue
            if other_clock(info, sent, bisect_left(info.view.idx, found.start()), key):
                continue
            stop = _STOP_END.search(text, found.end(), end)
            words = list(_WORD.finditer(text, found.end(), stop.start() if stop else end))
            if words:
                last = words[min(len(words), MAX_TOKENS) - 1].end()
                return text[found.end() : last] + ("…" if len(words) > MAX_TOKENS else "")
    return None


def other_clock(info: DocInfo, sent: int, at: int, key: str) -> bool:
    """True when sentence ``sent`` is about another clocked metric's clock before token
    ``at`` ("The resolution clock starts when …", for a response time), and not about the
    one of ``key``."""
    keys = info.sent_keys[sent]
    others = [k for k in _CLOCKED if k in keys and k not in _SAME_CLOCK.get(key, (key,))]
    if not others:
        return False

    def clock_of(k: str) -> bool:
        return any(
            h[2] == sent and h[1] <= at and info.lower_words(h[1], h[1] + 1)[:1] in _CLOCK_WORDS
            for h in info.hits.get(k, ())
        )

    return not clock_of(key) and any(clock_of(k) for k in others)


_SAME_CLOCK = {
    "@kind:mttr": ("@kind:mttr", "@kind:resolution_time"),
    "@kind:resolution_time": ("@kind:resolution_time", "@kind:mttr"),
}
"""Kinds timed by one clock: a mean time to restore averages the restoration times."""
_CLOCK_WORDS = (["clock"], ["timer"], ["time"], ["times"], ["target"], ["targets"])


_LABEL = re.compile(
    r"\s*(?:\(?(?:[a-zA-Z]{1,2}|[ivxIVX]{1,5}|\d{1,3})\)|[A-Za-z]\.|\d+(?:\.\d+)+\.?|\d+\."
    r"|[-*\u2022])\s+"
)
"""A paragraph's own number, list label or bullet: "(a) ", "ii) ", "A. ", "7.4 ", "- "."""


def _after_label(info: DocInfo, start: int, limit: int) -> int:
    """The first token after the list label or clause number that opens the block at token
    ``start`` (no further than ``limit``)."""
    at = info.chars(start, start + 1)[0]
    label = _LABEL.match(info.block.text, at)
    if label is None:
        return start
    while start < limit and info.chars(start, start + 1)[0] < label.end():
        start += 1
    return start


def _may_stop(info: DocInfo) -> bool:
    """True when the block has words that stop a clock (looked for once per block)."""
    found: bool | None = info.memo.get("may-stop")
    if found is None:
        found = info.memo["may-stop"] = _STOP.search(info.block.text) is not None
    return found


def _cut(info: DocInfo, start: int, end: int, anchor: int) -> str:
    """Tokens ``start:end`` as written, at most :data:`MAX_TOKENS` of them: from ``start``
    when ``anchor`` (the cue) is among the first of them, else from a little before it; "…"
    marks words left out."""
    left = right = ""
    if end - start > MAX_TOKENS:
        if anchor - start > MAX_TOKENS - 6:
            start = max(start, min(anchor - 4, end - MAX_TOKENS))
            left = "…"
        if end - start > MAX_TOKENS:
            end = start + MAX_TOKENS
            right = "…"
    a, b = info.chars(start, end)
    return f"{left}{info.block.text[a:b]}{right}"
