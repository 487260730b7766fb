"""Compiled token regexes are kept on disk and match exactly as freshly compiled ones."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from slaforge.lint import regexcache
from slaforge.lint.regexcache import compile_pattern

PATTERNS = [
    r"\x1e(?:(?=(?P<p0>[^\x1e]*\x1f(?:cust(?:omer|omers)|client)\x1f))|)(?(p0)|(?!))",
    r"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>hours?|days?)\b",
    r"(?i)within\s+(?!business)\w+",
]
TEXTS = ["Within 4 hours of a call", "\x1e\u0101\x1fcustomer\x1fxxxx\x1fCustomer\x1e", "2.5 days"]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SLAFORGE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(regexcache, "_STORE", regexcache._Store())
    return tmp_path / "cache"


def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget what this process compiled, as a new run would."""
    regexcache._STORE.save()
    monkeypatch.setattr(regexcache, "_STORE", regexcache._Store())


def _same(pattern: re.Pattern[str], source: str) -> None:
    fresh = re.compile(source)
    assert (pattern.pattern, pattern.flags, pattern.groupindex) == (
        fresh.pattern,
        fresh.flags,
        fresh.groupindex,
    )
    for text in TEXTS:
        assert [m.regs for m in pattern.finditer(text)] == [m.regs for m in fresh.finditer(text)]


def test_patterns_read_back_match_as_freshly_compiled_ones(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for source in PATTERNS:
        _same(compile_pattern(source), source)
    _fresh_process(monkeypatch)
    assert len(list(store.glob("regex-*.pickle"))) == 1

    compiled: list[str] = []
    to_parts = regexcache._to_parts
    monkeypatch.setattr(regexcache, "_to_parts", lambda s: compiled.append(s) or to_parts(s))
    for source in PATTERNS:
        _same(compile_pattern(source), source)
    assert compiled == []


def test_a_damaged_file_or_entry_compiles_as_usual(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compile_pattern(PATTERNS[0])
    _fresh_process(monkeypatch)
    (file,) = store.glob("regex-*.pickle")
    file.write_bytes(b"not a pickle")
    _same(compile_pattern(PATTERNS[0]), PATTERNS[0])
    entries = regexcache._STORE.entries
    digest = next(iter(entries))
    flags, _code, groups, names, index = entries[digest]
    entries[digest] = (flags, [1, 2, 3], groups, names, index)  # code the engine rejects
    _same(compile_pattern(PATTERNS[0]), PATTERNS[0])
    assert entries[digest][1] != [1, 2, 3]


def test_without_a_cache_folder_or_the_internals_patterns_still_compile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLAFORGE_CACHE_DIR", "")
    monkeypatch.setattr(regexcache, "_STORE", regexcache._Store())
    _same(compile_pattern(PATTERNS[1]), PATTERNS[1])
    regexcache._STORE.save()
    monkeypatch.setenv("SLAFORGE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexcache, "_sre", None)
    _same(compile_pattern(PATTERNS[2]), PATTERNS[2])
    regexcache._STORE.save()
    assert list(tmp_path.iterdir()) == []


def test_a_second_lint_run_reads_the_regexes_the_first_one_compiled(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(
        "# Support\n\nThe Supplier will respond to Priority 1 incidents within 4 hours. "
        "Uptime is measured by the Supplier's own monitoring.\n",
        encoding="utf-8",
    )
    env = {**os.environ, "SLAFORGE_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "slaforge", "lint", str(draft), "--format", "json"]
    first = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert len(list((tmp_path / "cache").glob("regex-*.pickle"))) == 1
    second = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert first.returncode == second.returncode == 1
    assert json.loads(first.stdout) == json.loads(second.stdout)
    assert json.loads(first.stdout)["findings"]
