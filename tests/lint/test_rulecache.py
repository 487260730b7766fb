"""Parsed rule packs are cached on disk between runs and parsed again when anything changes."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from slaforge.lint import rulecache, rules
from slaforge.lint.rules import check_rule_dir, load_rules
from slaforge.resources import builtin_dir
from tests.lint.test_rules import GOOD_RULE


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SLAFORGE_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "ACME101.yaml").write_text(GOOD_RULE, encoding="utf-8")
    return folder


def _unparsable(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str, source: Path) -> None:
        raise AssertionError(f"{source} was parsed again")

    monkeypatch.setattr(rules, "parse_rule", refuse)


def test_a_pack_parsed_once_is_read_back_from_the_cache(
    cache: Path, pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, problems = rules._read_dir(pack)
    assert problems == [] and [r.code for r in first] == ["ACME101"]
    assert len(list(cache.glob("rules-*.pickle"))) == 1
    _unparsable(monkeypatch)
    again, problems = rules._read_dir(pack)
    assert problems == [] and again == first
    assert again[0].source == pack / "ACME101.yaml"


def test_an_edited_rule_file_is_parsed_again_and_replaces_the_old_entry(
    cache: Path, pack: Path
) -> None:
    rules._read_dir(pack)
    (pack / "ACME101.yaml").write_text(
        GOOD_RULE.replace("Support by fax is not support.", "Faxes go unread."), encoding="utf-8"
    )
    again, _ = rules._read_dir(pack)
    assert again[0].message == "Faxes go unread."
    assert len(list(cache.glob("rules-*.pickle"))) == 1


def test_a_pack_with_problems_is_not_cached(cache: Path, pack: Path) -> None:
    (pack / "ACME101.yaml").write_text(GOOD_RULE.replace("kind: existence", "kind: regex"))
    for _ in range(2):
        found, problems = rules._read_dir(pack)
        assert found == [] and "unknown kind 'regex'" in problems[0]
    assert list(cache.glob("rules-*")) == []


def test_a_damaged_cache_entry_is_parsed_again(cache: Path, pack: Path) -> None:
    first, _ = rules._read_dir(pack)
    (entry,) = cache.glob("rules-*.pickle")
    entry.write_bytes(b"not a pickle")
    again, problems = rules._read_dir(pack)
    assert problems == [] and again == first


def test_the_cache_can_be_turned_off_or_be_unwritable(
    tmp_path: Path, pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLAFORGE_CACHE_DIR", "")
    assert [r.code for r in rules._read_dir(pack)[0]] == ["ACME101"]
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("SLAFORGE_CACHE_DIR", str(blocked / "cache"))
    assert [r.code for r in rules._read_dir(pack)[0]] == ["ACME101"]
    assert {p.name for p in tmp_path.iterdir()} == {"a-file", "pack"}


def test_the_builtin_rules_from_the_cache_equal_a_fresh_parse(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh, _ = rules._read_dir(builtin_dir("rules"))
    _unparsable(monkeypatch)
    cached, _ = rules._read_dir(builtin_dir("rules"))
    assert cached == fresh
    assert sorted(cached, key=lambda r: r.code) == load_rules()


def test_rules_from_the_cache_name_their_files_as_this_run_names_the_folder(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "work" / "pack").mkdir(parents=True)
    (tmp_path / "work" / "pack" / "ACME101.yaml").write_text(GOOD_RULE, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "work")
    assert check_rule_dir(Path("pack")) == []
    monkeypatch.chdir(tmp_path)
    _unparsable(monkeypatch)
    rules_read, _ = rules._read_dir(Path("work/pack"))
    assert rules_read[0].source == Path("work/pack/ACME101.yaml")
    assert check_rule_dir(Path("work/pack")) == []


def test_no_home_folder_turns_the_cache_off(pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def homeless() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("SLAFORGE_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", homeless)
    assert rulecache.cache_dir() is None
    assert [r.code for r in rules._read_dir(pack)[0]] == ["ACME101"]


def test_a_write_that_died_long_ago_is_cleared_away(cache: Path, pack: Path) -> None:
    cache.mkdir()
    (cache / "old.tmp").write_bytes(b"half a pickle")
    (cache / "fresh.tmp").write_bytes(b"another run writing now")
    long_ago = time.time() - 7200
    os.utime(cache / "old.tmp", (long_ago, long_ago))
    rules._read_dir(pack)
    assert sorted(p.suffix for p in cache.iterdir()) == [".pickle", ".tmp"]
    assert (cache / "fresh.tmp").exists()
