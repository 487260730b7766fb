"""The draft's own words for the fields of a rebuilt metric card.

A cue finds a field (the word "reported" a start event, "monitoring" a source); the card shows
the clause around that cue, or the words a cue leads into ("within 2 hours *of* …", "the clock
*starts* …"), cut to :data:`MAX_TOKENS` tokens so that the ``--metrics`` table stays readable.
What counts as met is the explanation of the metric's definition, and the stop event is what a
clock sentence says stops it ("… and stops when an engineer replies").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from slaforge.lint.docinfo import DocInfo, Hit

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
_STOP_VERBS = frozenset({"stops", "stop", "ends", "end", "finishes", "halts", "pauses"})
_JOINS = frozenset({"and", "or", "but", "while", "whilst", "whereas"})
_STOP = re.compile(
    r"\b(?:stops|stop|ends|finishes|halts|is stopped|pauses)\s+"
    r"(?:when|at|on|upon|once|with|as soon as)\s+|\buntil\s+"
)
"""What stops a clock: "… and stops when a support engineer replies", "… until the fix"."""
_STOP_END = re.compile(r"[;.|]\s|[;|]|\.$")


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


def explanation(info: DocInfo, hit: Hit) -> str:
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
        return info.sentence_text(hit[2])
    return _cut(info, start, end, start)


def stop_event(infos: Iterable[DocInfo], key: str) -> str | None:
    """What a clock sentence of ``infos`` says stops the clock: a sentence with a start cue or
    the metric's ``key`` (``@kind:…``) and "stops when …" or "until …"."""
    for info in infos:
        if not _may_stop(info):
            continue
        for sent, keys in enumerate(info.sent_keys):
            if "@start" not in keys and key not in keys:
                continue
            begin, end = info.sentence_chars(sent)
            found = _STOP.search(info.low, begin, end)
            if found is None:
                continue
            stop = _STOP_END.search(info.low, found.end(), end)
            words = info.block.text[found.end() : stop.start() if stop else end].split()
            if words:
                more = len(words) > MAX_TOKENS
                return " ".join(words[:MAX_TOKENS]) + ("…" if more else "")
    return None


_LABEL = re.compile(r"\s*(?:\(?(?:[a-z]{1,2}|[ivx]{1,5}|\d{1,3})\)|\d+(?:\.\d+)*\.?)\s+")
"""A paragraph's own number or list label: "(a) ", "ii) ", "7.4 "."""


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
        found = info.memo["may-stop"] = _STOP.search(info.low) is not None
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
