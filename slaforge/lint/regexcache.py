"""Compiled token regexes kept on disk between runs, so a cold ``slaforge lint`` skips Python's
regex compiler for the patterns an earlier run compiled.

The token regexes of the built-in rules hold about 400 KB of pattern text. Compiling the half
of them that a document needs is about half a second of every cold run, nearly all of it in the
pure-Python parser and code generator of :mod:`re`. What they produce (the regex engine's code)
depends only on the pattern and the Python build, so each pattern's code is kept in a file of
its own (named by a digest of the pattern) in a folder per Python build, inside the folder of
:func:`slaforge.lint.rulecache.cache_dir`, and handed to ``_sre.compile``, the call that
:func:`re.compile` itself ends with and which checks the code before using it. These are
CPython internals: where they are missing or fail, patterns compile as usual.

A file holds one line of JSON (flags, number of groups, group names, a digest of the pattern
with its code) and then the code as unsigned integers of the engine's code size: data only,
nothing that runs when read, and a file whose digest does not match is compiled again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sys
from array import array
from pathlib import Path
from typing import Any

from slaforge.lint.rulecache import cache_dir, write_whole

try:
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # (another interpreter)
    _sre = None

_MAX_FILES = 2000
"""A folder grown past this (rule packs edited again and again) loses its older half."""
_usable = [_sre is not None]
"""False once the internals have failed in this process: then every pattern compiles as usual."""


def _folder() -> Path | None:
    where = cache_dir()
    if where is None or _sre is None:
        return None
    build = f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}".encode()
    return where / f"regex-{hashlib.sha256(build).hexdigest()[:16]}"


def _typecode() -> str:
    """The array type whose items have the engine's code size."""
    return next(t for t in "IL" if array(t).itemsize == _sre.CODESIZE)


def compile_pattern(source: str) -> re.Pattern[str]:
    """``re.compile(source)``, from the engine code an earlier run kept when there is one."""
    if not _usable[0]:
        return re.compile(source)
    folder = _folder()
    digest = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    file = folder / digest if folder is not None else None
    if file is not None:
        with contextlib.suppress(Exception):  # (missing, damaged or foreign: compile it)
            return _from_bytes(source, file.read_bytes())
    try:
        data = _to_bytes(source)
        pattern = _from_bytes(source, data)
    except re.error:  # (a pattern that does not compile fails as in re.compile)
        raise
    except Exception:  # the internals are not what this module expects
        _usable[0] = False
        return re.compile(source)
    if file is not None:
        _write(file, data)
    return pattern


def _to_bytes(source: str) -> bytes:
    """What ``re._compiler.compile`` hands ``_sre.compile`` for ``source``, as file data."""
    parsed = _parser.parse(source, 0)
    packed = array(_typecode(), _compiler._code(parsed, 0)).tobytes()
    groups = [int(parsed.state.flags), parsed.state.groups - 1, dict(parsed.state.groupdict)]
    return json.dumps([*groups, _check(source, packed)]).encode() + b"\n" + packed


def _from_bytes(source: str, data: bytes) -> re.Pattern[str]:
    head, _, packed = data.partition(b"\n")
    flags, groups, names, check = json.loads(head)
    if check != _check(source, packed):
        raise ValueError("not the code of this pattern")
    index: list[str | None] = [None] * (groups + 1)
    for name, number in names.items():
        index[number] = name
    code: Any = array(_typecode(), packed).tolist()
    pattern: re.Pattern[str] = _sre.compile(source, flags, code, groups, names, tuple(index))
    return pattern


def _check(source: str, packed: bytes) -> str:
    """A digest of ``source`` with its code: a file damaged or not made for this pattern does
    not pass (the engine's own check of the code lets some damaged code through)."""
    digest = hashlib.sha256(source.encode("utf-8", "surrogatepass"))
    digest.update(packed)
    return digest.hexdigest()[:32]


def _write(file: Path, data: bytes) -> None:
    """Keep ``data`` in ``file``; past :data:`_MAX_FILES`, drop the older half of the folder."""
    if not write_whole(file, data):
        return
    with contextlib.suppress(OSError):
        kept = list(os.scandir(file.parent))
        if len(kept) > _MAX_FILES:
            kept.sort(key=lambda entry: entry.stat().st_mtime)
            for entry in kept[: len(kept) // 2]:
                os.unlink(entry.path)
