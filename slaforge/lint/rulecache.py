"""Parsed rule packs kept on disk between runs, so a cold ``slaforge lint`` skips the YAML.

Parsing and validating the built-in rules is about half a second of every run. A pack whose
files are byte for byte those of an earlier clean parse, read by the same slaforge, spaCy and
PyYAML (the same modules of :data:`_SOURCES`), is loaded from the cache instead. The cache
lives in ``$SLAFORGE_CACHE_DIR`` when that is set (set it empty to turn the cache off), else
in ``$XDG_CACHE_HOME/slaforge`` or ``~/.cache/slaforge``. A cache that cannot be read or
written is passed over silently.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import spacy.about
import yaml

from slaforge import __version__

_SOURCES = ("lint/rules.py", "lint/codes.py", "lint/model.py", "metrics.py", "spec/yamlpos.py")
"""The modules that read a rule file and define what a cached pack holds: a change to one of
them is a new cache."""


def cache_dir() -> Path | None:
    """Where parsed packs are kept, or None when caching is off (or there is no home folder)."""
    chosen = os.environ.get("SLAFORGE_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):
            return None
    return Path(base) / "slaforge"


def pack_key(folder: Path, files: list[tuple[str, bytes]]) -> str | None:
    """A name for the parse of ``files`` (name and bytes) read from ``folder``: one prefix
    per folder, then a digest of everything the parse depends on; None when that cannot be
    worked out."""
    place = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    versions = f"{__version__}\0{sys.version}\0{spacy.about.__version__}\0{yaml.__version__}"
    digest = hashlib.sha256(versions.encode())
    package = Path(__file__).resolve().parent.parent
    try:
        for source in _SOURCES:
            digest.update(hashlib.sha256((package / source).read_bytes()).digest())
    except OSError:
        return None
    for name, data in files:
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return f"{place}-{digest.hexdigest()[:32]}"


def load(key: str | None) -> Any | None:
    """The object stored under ``key``, or None."""
    where = cache_dir()
    if where is None or key is None:
        return None
    try:
        with (where / f"rules-{key}.pickle").open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # a missing, partial or foreign file is only a cache miss
        return None


def store(key: str | None, value: Any) -> None:
    """Keep ``value`` under ``key``, written whole or not at all, in place of the folder's
    earlier parses."""
    where = cache_dir()
    if where is None or key is None:
        return
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except pickle.PicklingError:
        return
    if not write_whole(where / f"rules-{key}.pickle", data):
        return
    place = key.partition("-")[0]
    stale = [p for p in where.glob(f"rules-{place}-*.pickle") if p.name != f"rules-{key}.pickle"]
    with contextlib.suppress(OSError):  # (and what a run that died while writing left)
        stale += [p for p in where.glob("*.tmp") if p.stat().st_mtime < time.time() - 3600]
    for old in stale:
        with contextlib.suppress(OSError):
            old.unlink()


def write_whole(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` whole or not at all (a reader never sees half a file); False
    when it could not be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        return False
    return True
