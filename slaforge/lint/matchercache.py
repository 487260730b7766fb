"""The rules' compiled matchers kept on disk between runs, so a cold ``slaforge lint`` skips
building them.

Building the matchers (the phrase trie of about 36,000 word sequences, the token regexes'
source, the anchor index) is about half a second of every cold run. The result depends only on
the rules' match specs, the pipeline's tokenizer and slaforge's own lint code, so it is pickled
once and read back while those are unchanged (for a pipeline in a folder, the key also covers
the size and time of its tokenizer and config files). spaCy objects are not stored: the
pipeline's vocabulary is attached again on reading, and the few spaCy ``Matcher`` objects
(patterns that need POS tags or lemmas) are built again from their patterns. Files live beside
the parsed rules (:func:`slaforge.lint.rulecache.cache_dir`); a file that cannot be read is
only a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

import numpy
import spacy.about
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import StringStore
from spacy.vocab import Vocab

from slaforge import __version__
from slaforge.lint.rulecache import cache_dir, write_whole

_KEEP = 6
"""Matcher files kept (one per rule set and pipeline in use); the oldest go first."""


def key(nlp: Language, specs: str) -> str | None:
    """A name for the matchers built on ``nlp`` from ``specs`` (the rules' match specs as
    text); None when that cannot be worked out."""
    meta = nlp.meta
    pipeline = f"{nlp.lang}\0{meta.get('name')}\0{meta.get('version')}\0{nlp.path}"
    if nlp.path is not None:  # (a pipeline trained again in place keeps its name and version)
        for part in ("tokenizer", "config.cfg"):
            with contextlib.suppress(OSError):
                stat = (Path(nlp.path) / part).stat()
                pipeline += f"\0{part}\0{stat.st_size}\0{stat.st_mtime_ns}"
    versions = f"{__version__}\0{sys.version}\0{spacy.about.__version__}\0{numpy.__version__}"
    digest = hashlib.sha256(f"{pipeline}\0{versions}\0".encode())
    try:
        here = Path(__file__).resolve().parent  # (cues/ too: the matchers hold them)
        # (cards/ and structure/ too: lint code, like the modules here)
        sources = [*here.glob("*.py"), *here.glob("cues/*.py"), *here.glob("cards/*.py")]
        sources += here.glob("structure/*.py")
        for source in sorted(sources):
            digest.update(source.read_bytes())
    except OSError:
        return None
    digest.update(specs.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def load(nlp: Language, name: str | None) -> Any | None:
    """The matchers stored under ``name``, attached to ``nlp``'s vocabulary; or None."""
    where = cache_dir()
    if where is None or name is None:
        return None
    try:
        data = (where / f"matchers-{name}.pickle").read_bytes()
        return _Reader(io.BytesIO(data), nlp.vocab).load()
    except Exception:  # a missing, partial or foreign file is only a cache miss
        return None


def store(name: str | None, compiled: Any) -> None:
    """Keep ``compiled`` under ``name``; past :data:`_KEEP` files, drop the oldest."""
    where = cache_dir()
    if where is None or name is None:
        return
    out = io.BytesIO()
    try:
        _Writer(out, protocol=pickle.HIGHEST_PROTOCOL).dump(compiled)
    except (pickle.PicklingError, TypeError, AttributeError):
        return
    if not write_whole(where / f"matchers-{name}.pickle", out.getvalue()):
        return
    with contextlib.suppress(OSError):
        files = sorted(where.glob("matchers-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in files[:-_KEEP]:
            old.unlink()


class _Writer(pickle.Pickler):
    """Pickles spaCy's vocabulary as a reference and a Matcher as its patterns."""

    def persistent_id(self, obj: Any) -> Any:
        if isinstance(obj, Vocab | StringStore):
            return ("vocab",) if isinstance(obj, Vocab) else ("strings",)
        if isinstance(obj, Matcher):
            inner = cast(Any, obj)  # (spaCy lists neither its vocabulary nor its keys)
            strings = inner.vocab.strings
            return ("matcher", [(strings[k], obj.get(k)[1]) for k in inner._patterns])
        return None


class _Reader(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, vocab: Vocab) -> None:
        super().__init__(file)
        self.vocab = vocab

    def persistent_load(self, pid: Any) -> Any:
        if pid == ("vocab",):
            return self.vocab
        if pid == ("strings",):
            return self.vocab.strings
        if pid[0] == "matcher":
            return _matcher(self.vocab, pid[1])
        raise pickle.UnpicklingError(f"unknown reference {pid[0]!r}")


def _matcher(vocab: Vocab, patterns: Sequence[tuple[str, list[Any]]]) -> Matcher:
    matcher = Matcher(vocab, validate=True)
    for name, each in patterns:
        matcher.add(name, each)
    return matcher
