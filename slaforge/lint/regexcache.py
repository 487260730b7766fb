"""Compiled token regexes kept on disk between runs, so a cold ``slaforge lint`` skips Python's
regex compiler for the patterns an earlier run compiled.

The token regexes of the built-in rules hold about 400 KB of pattern text. Compiling the half
of them that a document needs is about half a second of every cold run, nearly all of it in the
pure-Python parser and code generator of :mod:`re`. What they produce (the regex engine's code)
depends only on the pattern and the Python build, so it is kept per pattern in one file per
Python build, in the folder of :func:`slaforge.lint.rulecache.cache_dir`, and handed to
``_sre.compile``, the call that :func:`re.compile` itself ends with (which checks the code
before using it). These are CPython internals: where they are missing or fail, a pattern
compiles as usual. New patterns are written back once, when the process ends.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import pickle
import re
import sys
import tempfile
from pathlib import Path

from slaforge.lint.rulecache import cache_dir

try:
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # (another interpreter)
    _sre = None

_Parts = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
"""What ``_sre.compile`` takes besides the pattern: flags, the code, the number of groups, and
the group names both ways."""
_MAX_ENTRIES = 8192
"""A store grown past this (rule packs edited again and again) starts over."""


class _Store:
    """The compiled patterns of this Python build: those read from the cache, and those this
    process added."""

    def __init__(self) -> None:
        self.loaded = False
        self.entries: dict[str, _Parts] = {}
        self.added: dict[str, _Parts] = {}

    def file(self) -> Path | None:
        where = cache_dir()
        if where is None or _sre is None:
            return None
        build = f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}".encode()
        return where / f"regex-{hashlib.sha256(build).hexdigest()[:16]}.pickle"

    def load(self) -> None:
        self.loaded = True
        self.entries = _read(self.file())

    def add(self, digest: str, parts: _Parts) -> None:
        if not self.added and self.file() is not None:
            atexit.register(self.save)
        self.entries[digest] = self.added[digest] = parts

    def save(self) -> None:
        """Write the patterns this process added into the file, whole or not at all."""
        path = self.file()
        if path is None or not self.added:
            return
        entries = _read(path)
        if len(entries) + len(self.added) > _MAX_ENTRIES:
            entries = {}
        entries.update(self.added)
        self.added = {}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(entries, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, path)
        except (OSError, pickle.PicklingError):
            with contextlib.suppress(OSError):
                os.unlink(temp)


_STORE = _Store()


def _read(path: Path | None) -> dict[str, _Parts]:
    if path is None:
        return {}
    try:
        with path.open("rb") as handle:
            entries = pickle.load(handle)
    except Exception:  # a missing, partial or foreign file is only a cache miss
        return {}
    return entries if isinstance(entries, dict) else {}


def compile_pattern(source: str) -> re.Pattern[str]:
    """``re.compile(source)``, from the engine code an earlier run kept when there is one."""
    if _sre is None:
        return re.compile(source)
    if not _STORE.loaded:
        _STORE.load()
    digest = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    parts = _STORE.entries.get(digest)
    if parts is not None:
        with contextlib.suppress(Exception):  # (a damaged entry: compile it again)
            return _from_parts(source, parts)
    try:
        parts = _to_parts(source)
        pattern = _from_parts(source, parts)
    except Exception:  # (internals not as expected: the public way)
        return re.compile(source)
    _STORE.add(digest, parts)
    return pattern


def _to_parts(source: str) -> _Parts:
    """What ``re._compiler.compile`` hands ``_sre.compile`` for ``source``."""
    parsed = _parser.parse(source, 0)
    code = _compiler._code(parsed, 0)
    names: dict[str, int] = dict(parsed.state.groupdict)
    index: list[str | None] = [None] * parsed.state.groups
    for name, number in names.items():
        index[number] = name
    # (opcodes are int subclasses that do not pickle)
    return (
        int(parsed.state.flags),
        [int(c) for c in code],
        parsed.state.groups - 1,
        names,
        tuple(index),
    )


def _from_parts(source: str, parts: _Parts) -> re.Pattern[str]:
    flags, code, groups, names, index = parts
    pattern: re.Pattern[str] = _sre.compile(source, flags, code, groups, names, index)
    return pattern
