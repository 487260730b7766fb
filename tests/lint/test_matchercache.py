"""The compiled matchers are kept on disk and, read back, match as freshly built ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
import yaml
from spacy.matcher import Matcher

from slaforge.lint import matchercache, matching
from slaforge.lint.matching import Compiled, compile_rules
from slaforge.lint.nlp import load_pipeline, process
from slaforge.lint.rules import Rule, load_rules

LABELLED = Path(__file__).parent / "data" / "labelled.yaml"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SLAFORGE_CACHE_DIR", str(tmp_path))
    return tmp_path


def _compile(monkeypatch: pytest.MonkeyPatch, rules: list[Rule]) -> tuple[Compiled, bool]:
    """The matchers as a new process gets them, and whether they had to be built."""
    monkeypatch.setattr(matching, "_CACHE", {})
    built: list[bool] = []
    build = matching._build

    def record(*args: Any) -> Compiled:
        built.append(True)
        return build(*args)

    monkeypatch.setattr(matching, "_build", record)
    return compile_rules(load_pipeline("blank").nlp, rules), bool(built)


def _matches(compiled: Compiled, rules: list[Rule]) -> list[list[tuple[str, int, int]]]:
    with LABELLED.open(encoding="utf-8") as handle:
        texts = [entry["text"] for entry in yaml.safe_load(handle)[:400]]
    docs = process(load_pipeline("blank").nlp, texts, None)
    return compiled.match(docs, [False] * len(docs), rules)


def _spacy_matchers(compiled: Compiled) -> dict[str, Any]:
    return {
        g.key: g.matcher.get(g.key)[1] for g in compiled.groups if isinstance(g.matcher, Matcher)
    }


def test_matchers_read_back_match_as_freshly_built_ones(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = load_rules([])
    fresh, built = _compile(monkeypatch, rules)
    assert built and len(list(cache.glob("matchers-*.pickle"))) == 1
    again, built = _compile(monkeypatch, rules)
    assert not built and again is not fresh
    assert _matches(again, rules) == _matches(fresh, rules)
    assert _spacy_matchers(again) == _spacy_matchers(fresh) != {}  # (patterns for POS tags)


def test_changed_rules_or_a_damaged_file_build_the_matchers_again(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = load_rules([])
    _compile(monkeypatch, rules)
    assert _compile(monkeypatch, rules[1:])[1]
    assert len(list(cache.glob("matchers-*.pickle"))) == 2
    for file in cache.glob("matchers-*.pickle"):
        file.write_bytes(file.read_bytes()[:1000])
    compiled, built = _compile(monkeypatch, rules)
    assert built and _matches(compiled, rules)


def test_with_the_cache_off_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLAFORGE_CACHE_DIR", "")
    assert _compile(monkeypatch, load_rules([]))[1]
    assert _compile(monkeypatch, load_rules([]))[1]
    assert matchercache.load(load_pipeline("blank").nlp, "any") is None


def test_a_pipeline_saved_again_in_its_folder_gets_new_matchers(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    spacy.blank("en").to_disk(folder)
    first = matchercache.key(spacy.load(folder), "specs")
    assert first == matchercache.key(spacy.load(folder), "specs")
    nlp = spacy.load(folder)
    nlp.tokenizer.add_special_case("user-friendly", [{"ORTH": "user-friendly"}])
    nlp.to_disk(folder)
    assert matchercache.key(spacy.load(folder), "specs") != first
