"""Run simple token patterns as regular expressions over a document's encoded tokens.

spaCy's Matcher tests ``IN`` and ``NOT_IN`` with a Python call per token, which made it the
largest cost of a blank-pipeline lint. A pattern that reads only a token's lower-case form,
text, shape, lexical flags (``LIKE_NUM``, ``IS_ALPHA`` ...) and anchored ``REGEX`` (``^...$`` or
``^...``) compiles here into one regular expression, run over a string that holds every token
as ``bucket flags US lower US shape US text RS`` after a leading RS (see
:func:`slaforge.lint.tokenview.bucket`). From every token where a match starts it reports the
longest one, as spaCy does; shorter matches from the same start are left out (the engine merges
overlapping hits of a key, so they add nothing). Other patterns stay with spaCy's Matcher.

Speed: word lists are factored by leading characters, and a group's regex first tests a start
gate (the words or flags a match can open with, and after an opening word or flag what the next
token can be; when its first token is told by words, first their buckets or the flags) so that
most tokens fail after one test; a group scans all the blocks it could match in one pass over
their joined texts (:meth:`TokenRegexMatcher.scan_each`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from itertools import accumulate
from time import perf_counter
from typing import Any, TypeVar

from spacy.tokens import Doc

from slaforge.lint.regexcache import compile_pattern
from slaforge.lint.tokenview import FLAG_CHARS, FLAGS, RS, US, bucket, token_view

_ANY_FIELD = f"[^{US}{RS}]*+"
_ANY_TOKEN = f"[^{RS}]*+{RS}"
# (runs to a field's or token's end are possessive, here and below: what follows them is the
# separator they stop at, so giving characters back only costs the engine time)
_FIELDS = {"LOWER": 1, "SHAPE": 2, "ORTH": 3, "TEXT": 3}
_QUANTIFIER = re.compile(r"\{(\d*),?(\d*)\}")
_FIRST = f"(?<![\\s\\S]{RS})"
"""Where the block's first token starts: right after the leading RS."""
_NOT_FIRST = f"(?<=[\\s\\S]{RS})"


_COMPILING = [0.0]
L = TypeVar("L")
"""What a scan labels its matches with."""


def compile_seconds() -> float:
    """Seconds this process has spent compiling token regexes (each on its first use)."""
    return _COMPILING[0]


def encoded(doc: Doc) -> str:
    """``doc``'s tokens as ``RS`` + ``bucket flags US lower US shape US text RS`` each."""
    return token_view(doc).text


def _field(constraint: Any) -> str | None:
    """The regex for one field's constraint, or None when it is not a plain word test."""
    if isinstance(constraint, str):
        return re.escape(constraint)
    if not isinstance(constraint, dict) or not constraint:
        return None
    if list(constraint) == ["REGEX"]:
        return _whole_value_regex(constraint["REGEX"])
    words = constraint.get("IN")
    if len(constraint) == 1 and _strings(words) and words:
        return f"(?:{_alternatives(words)})"
    parts: list[str] = []
    for op, values in constraint.items():
        if op not in ("IN", "NOT_IN") or not _strings(values):
            return None
        words = _alternatives(values)
        if op == "IN":
            parts.append(f"(?=(?:{words})[{US}{RS}])" if words else "(?!)")
        elif words:
            parts.append(f"(?!(?:{words})[{US}{RS}])")
    return "".join(parts) + _ANY_FIELD


_UNSAFE = re.compile(r"(?<!\\)\.|\[\^|\\[WSDsBbAZ0-9]|\(\?P|(?<!\\)[\^$]")


def _whole_value_regex(value: Any) -> str | None:
    """``^...$`` regexes that test the whole value, or ``^...`` ones that test how it starts,
    when they cannot reach past the field."""
    if not isinstance(value, str) or not value.startswith("^"):
        return None
    whole = value.endswith("$") and not value.endswith("\\$")
    inner = value[1:-1] if whole else value[1:]
    if not inner or inner.endswith("\\") or _UNSAFE.search(inner):
        return None
    try:
        re.compile(inner)
    except re.error:
        return None
    return f"(?:{inner})" if whole else f"(?:{inner}){_ANY_FIELD}"


def _strings(values: Any) -> bool:
    return isinstance(values, list) and all(isinstance(v, str) for v in values)


def _alternatives(values: list[str]) -> str:
    """``values`` as one alternation, factored by leading characters ("c(?:lient|ustomer)"):
    the regex engine then tests a few first characters instead of every word. A field is
    always followed by a separator, so at most one word can match and the order of the
    alternatives does not change what matches."""
    return _word_trie(tuple(sorted(set(values))))


@functools.lru_cache(maxsize=4096)
def _word_trie(words: tuple[str, ...]) -> str:
    """:func:`_trie` of sorted, distinct ``words`` (the rules repeat their word lists: most
    of compiling them is factoring lists already factored)."""
    return _trie(list(words))


def _shared(words: list[str]) -> str:
    """The longest prefix of all ``words`` (that of the first and the last in sort order)."""
    first, last = min(words), max(words)
    n = 0
    while n < len(first) and first[n] == last[n]:
        n += 1
    return first[:n]


def _trie(words: list[str]) -> str:
    """The alternation of sorted, distinct ``words``, each branch holding the longest prefix
    its words share ("month(?:ly|s|)"); an empty word matches nothing more."""
    groups: dict[str, list[str]] = {}
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word[1:])
    parts = []
    for first, rests in groups.items():
        common = _shared(rests)
        prefix = re.escape(first + common)
        rests = [rest[len(common) :] for rest in rests]
        parts.append(prefix if rests == [""] else f"{prefix}(?:{_trie(rests)})")
    if "" in words:
        parts.append("")
    return "|".join(parts)


def _token(token: dict[str, Any], sent_start: bool = False) -> str | None:
    fields: list[str | None] = [None, None, None, None]
    required: dict[int, bool] = {}
    first: bool | None = None
    for key, value in token.items():
        if key == "OP":
            continue
        if sent_start and key == "IS_SENT_START" and isinstance(value, bool):
            first = value
            continue
        if key in FLAGS and isinstance(value, bool):
            required[1 << FLAGS.index(key)] = value
            continue
        slot = _FIELDS.get(key)
        if slot is None:
            return None
        regex = _field(value)
        if regex is None or fields[slot] is not None:
            return None
        fields[slot] = regex
    if required:
        chars = [
            FLAG_CHARS[b]
            for b in range(len(FLAG_CHARS))
            if all(bool(b & bit) == want for bit, want in required.items())
        ]
        fields[0] = f"[{''.join(chars)}]" if chars else "(?!)"
    # Fields after the last tested one are skipped in one step to the end of the token.
    tested = [i for i, f in enumerate(fields) if f is not None]
    if not tested:
        body = _ANY_TOKEN
    else:
        used = [f if f is not None else "." if i == 0 else _ANY_FIELD for i, f in enumerate(fields)]
        last = tested[-1]
        body = "." + US.join(used[: last + 1]) + (RS if last == 3 else f"{US}[^{RS}]*+{RS}")
    if first is not None:  # the first token of the block: the one right after the leading RS
        body = (_FIRST if first else _NOT_FIRST) + body
    op = token.get("OP")
    if op in (None, "1"):
        return f"(?:{body})"
    if op == "?":  # (an alternation: the engine tries it with less bookkeeping than a repeat)
        return f"(?:{body}|)"
    if op in ("*", "+"):
        return f"(?:{body}){op}"
    if op == "!":
        return f"(?!{body}){_ANY_TOKEN}"
    if isinstance(op, str) and (m := _QUANTIFIER.fullmatch(op)):
        low, high = m.group(1) or "0", m.group(2)
        return f"(?:{body}){{{low},{high}}}" if "," in op else f"(?:{body}){{{low}}}"
    return None


def pattern_regex(pattern: Sequence[dict[str, Any]], sent_start: bool = False) -> str | None:
    """The regex for a token ``pattern``, or None when it needs spaCy's Matcher. With
    ``sent_start``, ``IS_SENT_START`` is read as "the block's first token", which it is in a
    Doc no component split into sentences (see :class:`TokenRegexMatcher`)."""
    tokens: list[str] = []
    for token in pattern:
        if not isinstance(token, dict):
            return None
        regex = _token(token, sent_start) if token else _ANY_TOKEN
        if regex is None:
            return None
        tokens.append(regex)
    return "".join(tokens)


_TEXT_FIELDS = ("LOWER", "ORTH", "TEXT")


def _words_of(token: dict[str, Any]) -> set[str] | None:
    """The lower-case forms one of which ``token`` must have, when it names them (a token's
    lower-case form is its text in lower case)."""
    if token.get("OP") == "!":
        return None
    for key in _TEXT_FIELDS:
        value = token.get(key)
        if isinstance(value, str):
            return {value.lower()}
        if isinstance(value, dict) and list(value) == ["IN"] and _strings(value["IN"]):
            return {str(v).lower() for v in value["IN"]}
    return None


def _optional(op: Any) -> bool:
    if op in ("?", "*"):
        return True
    m = _QUANTIFIER.fullmatch(op) if isinstance(op, str) else None
    return m is not None and int(m.group(1) or "0") == 0


def _flag_chars(token: dict[str, Any]) -> str:
    """The flag characters a token with these lexical flags (``LIKE_NUM`` ...) can have, or
    "" when it tests none."""
    required = {
        1 << FLAGS.index(key): value
        for key, value in token.items()
        if key in FLAGS and isinstance(value, bool)
    }
    if not required:
        return ""
    return "".join(
        FLAG_CHARS[b]
        for b in range(len(FLAG_CHARS))
        if all(bool(b & bit) == want for bit, want in required.items())
    )


def _at(pattern: Sequence[dict[str, Any]], offset: int) -> tuple[set[str], str] | None:
    """The lower-case words and the flag characters one of which the token ``offset`` places
    after a match's start has (its optional tokens from there may be skipped), or None."""
    words: set[str] = set()
    flags = ""
    for token in pattern[offset:]:
        limited = _words_of(token)
        chars = "" if limited is not None or token.get("OP") == "!" else _flag_chars(token)
        if limited is None and not chars:
            return None
        words |= limited or set()
        flags += chars
        if not _optional(token.get("OP")):
            return words, flags
    return (words, flags) if words or flags else None


_WORD = FLAG_CHARS[1 << FLAGS.index("IS_ALPHA") | 1 << FLAGS.index("IS_LOWER")]
"""The flags of a lower-case word: a lead that allows them lets most tokens through."""


def _lead(pattern: Sequence[dict[str, Any]]) -> tuple[int, tuple[set[str], str] | None]:
    """Where a match of ``pattern`` can be told by its words or flags (0: its first token, 1:
    its second, after one token of any kind) and what they are; the second token when the
    first is not told or lets lower-case words through and the second does not."""
    found = _at(pattern, 0) if pattern else None
    if len(pattern) < 2 or pattern[0].get("OP") not in (None, "1", "!"):
        return 0, found
    if found is None:
        return 1, _at(pattern, 1)
    if _WORD in found[1] and not all(_optional(token.get("OP")) for token in pattern[1:]):
        second = _at(pattern, 1)  # (a match has a second token)
        if second is not None and _WORD not in second[1]:
            return 1, second
    return 0, found


def _opening(
    pattern: Sequence[dict[str, Any]],
) -> tuple[tuple[set[str], str], tuple[set[str], str]] | None:
    """The words or flags a pattern's first token has and what the token after it has, when
    that first token is required or optional (``?``) and a later one is required."""
    first = pattern[0] if pattern else {}
    words = _words_of(first)
    own = (words, "") if words is not None else (set(), _flag_chars(first))
    if own == (set(), "") or first.get("OP") not in (None, "1", "?"):
        return None
    if all(_optional(token.get("OP")) for token in pattern[1:]):
        return None
    after = _at(pattern, 1)
    return None if after is None else (own, after)


def _token_test(words: set[str], flags: set[str]) -> str:
    """The regex of a token (at its start) that has one of ``words`` or ``flags``."""
    tests = [f"..{US}(?:{_alternatives(sorted(words))}){US}"] if words else []
    if flags:
        tests.append(f".[{''.join(sorted(flags))}]")
    return "|".join(tests)


_Tests = dict[str, tuple[set[str], set[str]]]
"""Key -> the words and the flag characters one of which a token has."""


def _merge(into: _Tests, key: str, found: tuple[set[str], str]) -> None:
    words, flags = into.setdefault(key, (set(), set()))
    words |= found[0]
    flags.update(found[1])


def start_gate(patterns: Sequence[Sequence[dict[str, Any]]]) -> str | None:
    """A lookahead every start of a match of one of ``patterns`` passes: the words or flags
    its first token (or, after one token of any kind, its second) can have, and after a named
    first word or flag, what the next token has; None when some pattern can start anywhere."""
    leads: _Tests = {}  # "0" or "1" (the offset) -> the token there
    after_word: _Tests = {}  # opening word -> the token after it
    after_flags: _Tests = {}  # the flag characters of an opening token -> the token after it
    for pattern in patterns:
        offset, found = _lead(pattern)
        if found is None:
            return None
        opening = _opening(pattern) if offset == 0 else None
        if opening is not None:
            (words, flags), after = opening
            for word in words:
                _merge(after_word, word, after)
            if flags:
                _merge(after_flags, flags, after)
            if pattern[0].get("OP") != "?":
                continue
            found = after  # (a match that skips the optional first token)
        _merge(leads, str(offset), found)
    first_words, first_flags = leads.pop("0", (set(), set()))
    # The opening words that share what follows them share one test of it (each word's own
    # copy made the gates half of all the regex text to compile).
    followed: dict[str, list[str]] = {}
    for word, then in after_word.items():
        if word not in first_words:  # (any token may follow these)
            followed.setdefault(_token_test(*then), []).append(word)
    tests = [f"(?:{_alternatives(sorted(first_words))}){US}"] if first_words else []
    tests += [
        f"(?:{_alternatives(opening)}){US}[^{RS}]*+{RS}(?:{then})"
        for then, opening in sorted(followed.items())
    ]
    alternatives = [f"..{US}(?:{'|'.join(tests)})"] if tests else []
    if first_flags:
        alternatives.append(f".[{''.join(sorted(first_flags))}]")
    for chars, then in sorted(after_flags.items()):
        alternatives.append(f".[{chars}][^{RS}]*+{RS}(?:{_token_test(*then)})")
    if "1" in leads:
        alternatives.append(f"[^{RS}]*+{RS}(?:{_token_test(*leads['1'])})")
    gate = f"(?={'|'.join(alternatives)})"
    words = first_words | set(after_word)
    if not words and "1" not in leads:  # (the gate tests the flags first)
        return gate
    # (first the bucket or the flags of the token a match opens with, or of the next one)
    opens = _opens(words, first_flags.union(*after_flags))
    if "1" in leads:
        opens.append(f"[^{RS}]*+{RS}(?:{'|'.join(_opens(*leads['1']))})")
    return f"(?={'|'.join(opens)}){gate}"


def _opens(words: set[str], flags: set[str]) -> list[str]:
    """Tests of a token's first characters that pass when it has one of ``words`` or
    ``flags``: its bucket, its flag character."""
    tests = [f"[{''.join(sorted({bucket(word) for word in words}))}]"] if words else []
    if flags:
        tests.append(f".[{''.join(sorted(flags))}]")
    return tests


class TokenRegexMatcher:
    """Same call as spaCy's Matcher: ``matcher(doc)`` -> ``[(match_id, start, end)]``.

    With ``gate`` (see :func:`start_gate`) a token is tried only when it passes the gate: one
    factored test instead of every pattern's first token.
    """

    def __init__(
        self,
        match_id: int,
        regexes: Sequence[str],
        gate: str | None = None,
        split: Callable[[Doc], list[tuple[int, int, int]]] | None = None,
    ) -> None:
        self.match_id = match_id
        self._split = split
        """What matches instead in a Doc with sentence starts (when a regex reads
        ``IS_SENT_START`` as the first token)."""
        # One scan: the leading literal RS lets the regex engine skip to token starts; each
        # pattern's optional lookahead captures its longest match from there; the closing
        # conditionals keep only the starts where one of them captured (each pattern appears
        # once, which halves compiling against a lookahead of all patterns first).
        parts = [f"{RS}{gate or ''}"]
        parts += [f"(?:(?=(?P<p{i}>{regex}))|)" for i, regex in enumerate(regexes)]
        some = "(?!)"
        for i in reversed(range(len(regexes))):
            some = f"(?(p{i})|{some})"
        self._source = "".join(parts) + some
        self._patterns = len(regexes)
        self._regex: re.Pattern[str] | None = None
        """Compiled on first use: a document needs about half of the rules' groups, and
        compiling them is the larger part of a cold ``slaforge lint``."""
        self._captures: list[int] = []

    def _compile(self) -> re.Pattern[str]:
        start = perf_counter()
        regex = self._regex = compile_pattern(self._source)
        self._captures = [regex.groupindex[f"p{i}"] for i in range(self._patterns)]
        _COMPILING[0] += perf_counter() - start
        return regex

    @property
    def plain(self) -> bool:
        """True when :meth:`scan` of the encoded text finds what a call finds in every Doc."""
        return self._split is None

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if self._split is not None and doc.has_annotation("SENT_START"):
            return self._split(doc)
        return self.scan(encoded(doc))

    def scan(self, text: str) -> list[tuple[int, int, int]]:
        """The matches in a Doc whose :func:`encoded` text is ``text``."""
        return self._scan(text, self.match_id)

    def _scan(self, text: str, label: L) -> list[tuple[L, int, int]]:
        out: list[tuple[L, int, int]] = []
        regex = self._regex or self._compile()
        for m in regex.finditer(text):
            start = -1
            spans = m.regs  # (every group's span at once: cheaper than a call per group)
            for group in self._captures:
                begin, end = spans[group]
                if end > begin:
                    if start < 0:
                        start = text.count(RS, 0, begin) - 1
                    out.append((label, start, start + text.count(RS, begin, end)))
        return out

    def scan_each(self, texts: Sequence[str], label: L) -> dict[int, list[tuple[L, int, int]]]:
        """What :meth:`scan` finds in each of ``texts`` (by position, those with a match), in
        one pass over them joined; each match as (``label``, start, end).

        Each match consumes only its start's RS, so the starts are those of the texts one by
        one; a text where some match reaches into the next one is scanned again alone (there
        it ends at the text's end).
        """
        if len(texts) < 2:
            hits = self._scan(texts[0], label) if texts else []
            return {0: hits} if hits else {}
        found: dict[int, list[tuple[L, int, int]]] = {}
        again: set[int] = set()
        joined = "".join(texts)
        ends = iter(accumulate(map(len, texts)))
        block, base, limit = 0, 0, next(ends)
        regex = self._regex or self._compile()
        captures = self._captures
        for m in regex.finditer(joined):
            spans = m.regs
            while spans[0][0] >= limit:
                block, base, limit = block + 1, limit, next(ends)
            start = -1
            for group in captures:
                begin, end = spans[group]
                if end > limit:
                    again.add(block)
                elif end > begin:
                    if start < 0:
                        start = joined.count(RS, base, begin) - 1
                    hit = (label, start, start + joined.count(RS, begin, end))
                    found.setdefault(block, []).append(hit)
        for block in again:
            hits = found[block] = self._scan(texts[block], label)
            if not hits:
                del found[block]
        return found
