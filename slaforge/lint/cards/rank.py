"""How well a cue states its card field (:func:`_rank`), worked out once per hit (:func:`_fit`)."""

from __future__ import annotations

from slaforge.lint.cards.words import _FREQUENCY
from slaforge.lint.docinfo import DocInfo, Hit

_BARE_SOURCE = frozenset({"measured", "measures", "monitored"})
_SOURCE_LINKS = frozenset({"by", "using", "with", "through", "via", "on", "at"})
_SEEING = frozenset(
    {"access", "see", "sees", "view", "views", "inspect", "download", "available", "visible"}
    | {"publish", "publishes", "published", "read", "copy", "share", "shares", "verify"}
    | {"export", "exports", "downloads", "login", "retrieve"}
)
"""Words of a sentence that lets the customer see the measurements."""
_WEAK_ACCESS = frozenset({"portal", "independent", "audit", "third-party"})
"""Access cues that count only in such a sentence ("reports the Incident through the portal"
names how to report, "an independent monitoring company" who measures)."""
_HOURS_WORDS = frozenset({"hours", "hour", "days", "day", "time", "period", "window"})
_WORKING_TIME = frozenset(
    {"business", "working", "operating", "service", "support", "core", "normal", "cover"}
)


def _fit(key: str, info: DocInfo, hit: Hit) -> int:
    """:func:`_rank` of ``hit``, worked out once per hit."""
    found: dict[tuple[str, Hit], int] = info.memo.setdefault("fit", {})
    rank = found.get((key, hit))
    if rank is None:
        rank = found[(key, hit)] = _rank(key, info, hit)
    return rank


def _rank(key: str, info: DocInfo, hit: Hit) -> int:
    """How well a cue states its field: 3 outright ("the clock starts", "within 2 hours of",
    "measured by", "the Customer can see … on the status page"); 2 when it may; 1 when it is
    part of what a definition explains ('"Response" means a reply to a report'), taken only
    when nothing better is found; 0 when it names something else: "measured" without who
    measures ("the percentage measured for the Window", "Measured Events"), a portal or an
    independent company in a sentence that lets no one see anything, "30 minutes of Business
    Hours" (the clock's hours), "every minute from two countries" (a frequency)."""
    if key == "@source":
        words = info.words(hit[0], hit[1] + 1)
        if len(words) > 2:
            return 3
        if words[0].lower() not in _BARE_SOURCE:
            return 3 if words[-1].lower() == "by" else 2
        opens = hit[0] == info.sent_bounds[hit[2]][0]  # ("Measured by …" opens a sentence)
        if (words[0].islower() or opens) and words[-1].lower() in _SOURCE_LINKS:
            return 3 if words[-1].lower() == "by" else 2
        return 0
    if key == "@access":
        first, last = info.sent_bounds[hit[2]]
        seeing = not _SEEING.isdisjoint(info.lower_words(first, last))
        if hit[1] - hit[0] > 1 or info.lower_words(hit[0], hit[1])[0] not in _WEAK_ACCESS:
            return 3 if seeing else 2
        return 3 if seeing else 0
    if key == "@start":
        if hit[0] > 0 and info.lower_words(hit[0] - 1, hit[0])[0] in _FREQUENCY:
            return 0
        if _working_time(info.lower_words(hit[1], hit[1] + 3)):
            return 0
        if _in_explanation(info, hit):
            return 1
        if hit[1] - hit[0] == 1 and hit[0] > 0:
            before = info.lower_words(hit[0] - 1, hit[0])[0]
            if before in _PASSIVE:
                return 3  # "of the missed collection being reported"
            if before in _ARTICLES:
                return 1  # "a reported missed collection": what is counted, not when
        return 3 if hit[1] - hit[0] > 1 else 2
    return 2


_PASSIVE = frozenset({"being", "been", "is", "was", "are", "were"})
_ARTICLES = frozenset({"a", "an", "the", "each", "every", "any"})


def _working_time(after: list[str]) -> bool:
    """True for the hours a clock counts in ("of Business Hours", "of working days", "of
    Service Desk Hours")."""
    return bool(after) and after[0] in _WORKING_TIME and not _HOURS_WORDS.isdisjoint(after[1:])


def _in_explanation(info: DocInfo, hit: Hit) -> bool:
    """True when ``hit`` is inside what a definition of its sentence explains, up to the
    semicolon that ends it ('"Response" means a reply to a report; …')."""
    for d in info.hits.get("@definition", ()):
        if d[2] == hit[2] and d[1] <= hit[0]:
            between = info.lower_words(d[1], hit[0])
            if ";" not in between and "|" not in between:
                return True
    return False
