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
from slaforge.lint.matching import compile_rules
from slaforge.lint.nlp import load_pipeline
from slaforge.lint.regexcache import compile_pattern
from slaforge.lint.rules import load_rules

PATTERNS = [
    r"\x1e(?:(?=(?P<p0>[^\x1e]*\x1f(?:cust(?:omer|omers)|client)\x1f))|)(?(p0)|(?!))",
    r"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>hours?|days?)\b",
    r"(?i)within\s+(?!business)\w+",
]
TEXTS = ["Within 4 hours of a call", "\x1e\u0101\x1fcustomer\x1fxxxx\x1fCustomer\x1e", "2.5 days"]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SLAFORGE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(regexcache, "_usable", [True])
    return tmp_path / "cache"


def _same(pattern: re.Pattern[str], source: str) -> None:
    fresh = re.compile(source)
    assert pattern == fresh  # (same pattern, flags and engine code)
    assert pattern.groupindex == fresh.groupindex
    for text in TEXTS:
        found = [(m.regs, m.lastgroup) for m in pattern.finditer(text)]
        assert found == [(m.regs, m.lastgroup) for m in fresh.finditer(text)]


def _files(cache: Path) -> dict[str, int]:
    return {str(p.relative_to(cache)): p.stat().st_mtime_ns for p in cache.rglob("*")}


def _compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The patterns compiled from here on (not read from the cache)."""
    compiled: list[str] = []
    to_bytes = regexcache._to_bytes

    def record(source: str) -> bytes:
        compiled.append(source)
        return to_bytes(source)

    monkeypatch.setattr(regexcache, "_to_bytes", record)
    return compiled


def test_patterns_read_back_match_as_freshly_compiled_ones(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for source in PATTERNS:
        _same(compile_pattern(source), source)
    kept = _files(cache)
    assert len(kept) == 1 + len(PATTERNS)  # (one folder for this Python build)
    compiled = _compiled(monkeypatch)
    for source in PATTERNS:
        _same(compile_pattern(source), source)
    assert compiled == []
    assert _files(cache) == kept


def test_every_builtin_token_regex_reads_back_as_compiled() -> None:
    groups = compile_rules(load_pipeline("blank").nlp, load_rules([])).groups
    sources = [g.matcher._source for g in groups if hasattr(g.matcher, "_source")]
    assert len(sources) > 100
    for source in sources:
        assert regexcache._from_bytes(source, regexcache._to_bytes(source)) == re.compile(source)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # a write cut short
        lambda data: data[:-2],  # code of a size no engine has
        lambda data: b"not json\n" + data.partition(b"\n")[2],
        lambda data: data[:-4] + bytes([data[-4] ^ 1]) + data[-3:],  # code changed since
        lambda data: data.partition(b"\n")[0] + b"\n\x01\x00\x00\x00",  # code of another
        lambda data: b"",
    ],
)
def test_a_damaged_file_is_compiled_and_written_again(
    cache: Path, monkeypatch: pytest.MonkeyPatch, damage: object
) -> None:
    compile_pattern(PATTERNS[0])
    (file,) = [p for p in cache.rglob("*") if p.is_file()]
    good = file.read_bytes()
    file.write_bytes(damage(good))  # type: ignore[operator]
    compiled = _compiled(monkeypatch)
    _same(compile_pattern(PATTERNS[0]), PATTERNS[0])
    assert compiled == [PATTERNS[0]]
    assert file.read_bytes() == good


def test_without_a_usable_cache_folder_or_the_internals_patterns_still_compile(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLAFORGE_CACHE_DIR", "")
    _same(compile_pattern(PATTERNS[1]), PATTERNS[1])
    blocked = tmp_path / "a file"
    blocked.write_text("in the way", encoding="utf-8")
    monkeypatch.setenv("SLAFORGE_CACHE_DIR", str(blocked))
    _same(compile_pattern(PATTERNS[1]), PATTERNS[1])
    monkeypatch.setenv("SLAFORGE_CACHE_DIR", str(cache))

    def broken(source: str) -> bytes:
        raise AttributeError("module 're._compiler' has no attribute '_code'")

    monkeypatch.setattr(regexcache, "_to_bytes", broken)
    _same(compile_pattern(PATTERNS[2]), PATTERNS[2])
    assert regexcache._usable == [False]
    assert not cache.exists()


def test_a_second_lint_run_reads_the_regexes_the_first_one_compiled(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(
        "# Support\n\nThe Supplier will respond to Priority 1 incidents within 4 hours. "
        "Uptime is measured by the Supplier's own monitoring.\n",
        encoding="utf-8",
    )
    cache = tmp_path / "cache"
    env = {**os.environ, "SLAFORGE_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "slaforge", "lint", str(draft), "--format", "json"]
    first = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    kept = {k: v for k, v in _files(cache).items() if k.startswith("regex-")}
    assert len(kept) > 5
    second = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert {k: v for k, v in _files(cache).items() if k.startswith("regex-")} == kept
    assert first.returncode == second.returncode == 1
    assert json.loads(first.stdout) == json.loads(second.stdout)
    assert json.loads(first.stdout)["findings"]


def test_a_pattern_that_does_not_compile_fails_as_in_re_and_leaves_the_cache_on(
    cache: Path,
) -> None:
    with pytest.raises(re.error):
        compile_pattern("(unclosed")
    assert regexcache._usable == [True]
