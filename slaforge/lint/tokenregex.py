"""Run simple token patterns as regular expressions over a document's encoded tokens.

spaCy's Matcher tests ``IN`` and ``NOT_IN`` with a Python call per token, which made it the
largest cost of a blank-pipeline lint. A pattern that reads only a token's lower-case form,
text, shape, lexical flags (``LIKE_NUM``, ``IS_ALPHA`` ...) and whole-value ``REGEX`` compiles
here into one regular expression, run over a string that holds every token as
``lower US text US shape US flags RS`` after a leading RS. From every token where a match
starts it reports the longest one, as spaCy does; shorter matches from the same start are left
out (the engine merges overlapping hits of a key, so they add nothing). Other patterns stay
with spaCy's Matcher.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc, Token

_US = "\x1f"
_RS = "\x1e"
_ANY_FIELD = f"[^{_US}{_RS}]*"
_ANY_TOKEN = f"[^{_RS}]*{_RS}"
_FIELDS = {"LOWER": 0, "ORTH": 1, "TEXT": 1, "SHAPE": 2}
_FLAGS = ("LIKE_NUM", "IS_ALPHA", "IS_TITLE", "IS_CURRENCY", "IS_PUNCT", "IS_LOWER")
_FLAG_CHARS = [chr(0x100 + bits) for bits in range(1 << len(_FLAGS))]
"""One character per token holds its lexical flags (``LIKE_NUM`` ... ``IS_LOWER``) as bits."""
_PIECES: dict[int, dict[str, str]] = {}
"""Vocab id -> token text -> its encoded piece; a piece depends on the text and the language's
lexical attribute getters alone."""
_MAX_PIECES = 200_000
_ENCODED = "slaforge_tokens"
_QUANTIFIER = re.compile(r"\{(\d*),?(\d*)\}")


def encoded(doc: Doc) -> str:
    """``doc``'s tokens as ``RS`` + ``lower US text US shape US flags RS`` each (memoised on
    the doc)."""
    text = doc.user_data.get(_ENCODED)
    if text is None:
        pieces = _PIECES.setdefault(id(doc.vocab), {})
        if len(pieces) > _MAX_PIECES:
            pieces.clear()
        out = [_RS]
        for token in doc:
            piece = pieces.get(token.text)
            if piece is None:
                piece = pieces[token.text] = _piece(token)
            out.append(piece)
        text = doc.user_data[_ENCODED] = "".join(out)
    return text


def _piece(token: Token) -> str:
    bits = sum(1 << i for i, name in enumerate(_FLAGS) if getattr(token, name.lower()))
    lower, text, shape = (_clean(v) for v in (token.lower_, token.text, token.shape_))
    return f"{lower}{_US}{text}{_US}{shape}{_US}{_FLAG_CHARS[bits]}{_RS}"


def _clean(value: str) -> str:
    return value.replace(_US, " ").replace(_RS, " ") if (_US in value or _RS in value) else value


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
            parts.append(f"(?=(?:{words}){_US})" if words else "(?!)")
        elif words:
            parts.append(f"(?!(?:{words}){_US})")
    return "".join(parts) + _ANY_FIELD


_UNSAFE = re.compile(r"(?<!\\)\.|\[\^|\\[WSDsBbAZ0-9]|\(\?P|(?<!\\)[\^$]")


def _whole_value_regex(value: Any) -> str | None:
    """``^...$`` regexes that test the whole value and cannot reach past the field."""
    if not isinstance(value, str) or not value.startswith("^") or not value.endswith("$"):
        return None
    inner = value[1:-1]
    if inner.endswith("\\") or _UNSAFE.search(inner):
        return None
    try:
        re.compile(inner)
    except re.error:
        return None
    return f"(?:{inner})"


def _strings(values: Any) -> bool:
    return isinstance(values, list) and all(isinstance(v, str) for v in values)


def _alternatives(values: list[str]) -> str:
    return "|".join(re.escape(v) for v in sorted(set(values), key=lambda v: (-len(v), v)))


def _token(token: dict[str, Any]) -> str | None:
    fields = [_ANY_FIELD, _ANY_FIELD, _ANY_FIELD, "."]
    required: dict[int, bool] = {}
    for key, value in token.items():
        if key == "OP":
            continue
        if key in _FLAGS and isinstance(value, bool):
            required[1 << _FLAGS.index(key)] = value
            continue
        slot = _FIELDS.get(key)
        if slot is None:
            return None
        regex = _field(value)
        if regex is None or fields[slot] != _ANY_FIELD:
            return None
        fields[slot] = regex
    if required:
        chars = [
            _FLAG_CHARS[b]
            for b in range(len(_FLAG_CHARS))
            if all(bool(b & bit) == want for bit, want in required.items())
        ]
        fields[3] = f"[{''.join(chars)}]" if chars else "(?!)"
    body = _US.join(fields) + _RS
    op = token.get("OP")
    if op in (None, "1"):
        return f"(?:{body})"
    if op in ("?", "*", "+"):
        return f"(?:{body}){op}"
    if op == "!":
        return f"(?!{body}){_ANY_TOKEN}"
    if isinstance(op, str) and (m := _QUANTIFIER.fullmatch(op)):
        low, high = m.group(1) or "0", m.group(2)
        return f"(?:{body}){{{low},{high}}}" if "," in op else f"(?:{body}){{{low}}}"
    return None


def pattern_regex(pattern: Sequence[dict[str, Any]]) -> str | None:
    """The regex for a token ``pattern``, or None when it needs spaCy's Matcher."""
    tokens: list[str] = []
    for token in pattern:
        if not isinstance(token, dict):
            return None
        regex = _token(token) if token else _ANY_TOKEN
        if regex is None:
            return None
        tokens.append(regex)
    return "".join(tokens)


class TokenRegexMatcher:
    """Same call as spaCy's Matcher: ``matcher(doc)`` -> ``[(match_id, start, end)]``."""

    def __init__(self, match_id: int, regexes: Sequence[str]) -> None:
        self.match_id = match_id
        # One scan: the leading literal RS lets the regex engine skip to token starts; the first
        # lookahead keeps only starts where some pattern matches; then each pattern's own
        # optional lookahead captures its longest match from there.
        parts = [f"{_RS}(?=(?:{'|'.join(regexes)}))"]
        parts += [f"(?:(?=(?P<p{i}>{regex}))|)" for i, regex in enumerate(regexes)]
        self._regex = re.compile("".join(parts))
        self._captures = [self._regex.groupindex[f"p{i}"] for i in range(len(regexes))]

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        text = encoded(doc)
        out: list[tuple[int, int, int]] = []
        for m in self._regex.finditer(text):
            start = -1
            for group in self._captures:
                begin, end = m.span(group)
                if end > begin:
                    if start < 0:
                        start = text.count(_RS, 0, begin) - 1
                    out.append((self.match_id, start, start + text.count(_RS, begin, end)))
        return out
