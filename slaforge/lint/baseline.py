"""Findings accepted in an earlier review: a JSON report of ``slaforge lint`` read back, so a
later lint reports only what is new.

A finding is the same as an accepted one when its code, its flagged words and the sentence
holding them are the same, spacing and a leading clause number aside. Neither the file nor the
place is compared: the supplier's next draft renumbers its clauses and has a new file name, while
a changed sentence is new text to review. Each accepted entry answers for one finding, so a
sentence repeated in a new place is reported again.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from slaforge.errors import InputError, Location
from slaforge.lint.model import Finding, LintResult
from slaforge.report import sentence

Key = tuple[str, str, str]


_LABEL = re.compile(r"(?:\(?(?:\d+(?:\.\d+)*|[a-z]{1,4})\)|\d+(?:\.\d+)*\.?|[a-z]\.)\s+", re.I)
"""A clause or list label before a sentence: ``4.2``, ``4.2.``, ``3)``, ``(a)``, ``iv)``, ``b.``."""


def _key(code: str, match: str, text: str) -> Key:
    text = " ".join(text.split())
    while label := _LABEL.match(text):  # (renumbered clauses say the same)
        text = text[label.end() :]
    return code, " ".join(match.split()), text


def finding_key(finding: Finding) -> Key:
    """What a finding is compared by: code, flagged words, sentence (as the JSON report gives)."""
    return _key(finding.code, finding.match, sentence(finding)[0])


class Baseline:
    """The accepted findings of one JSON report, counted by key."""

    def __init__(self, keys: Counter[Key]) -> None:
        self.keys = keys

    @classmethod
    def load(cls, path: Path) -> Baseline:
        """Read ``path``, a report written by ``slaforge lint --format json``."""
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read baseline: {exc.strerror}", Location(path)) from exc
        try:
            data: Any = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise InputError("baseline is not UTF-8 text", Location(path)) from exc
        except json.JSONDecodeError as exc:
            raise InputError(
                f"baseline is not JSON: {exc.msg}", Location(path, exc.lineno)
            ) from exc
        if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
            raise InputError(
                "not a lint report (no 'findings' list); write one with"
                " 'slaforge lint --format json -o FILE'",
                Location(path),
            )
        keys: Counter[Key] = Counter()
        for n, entry in enumerate(data["findings"]):
            for name in ("code", "match", "text"):
                if not isinstance(entry, dict) or not isinstance(entry.get(name), str):
                    raise InputError(
                        f"a finding without its '{name}' text",
                        Location(path, field=f"findings[{n}]"),
                    )
            keys[_key(entry["code"], entry["match"], entry["text"])] += 1
        return cls(keys)

    def apply(self, results: Mapping[str, LintResult]) -> None:
        """Take the accepted findings out of ``results``, files in order, counting them in each
        result's ``baselined``."""
        left = Counter(self.keys)
        for result in results.values():
            kept: list[Finding] = []
            for finding in result.findings:
                key = finding_key(finding)
                if left[key] > 0:
                    left[key] -= 1
                    result.baselined += 1
                else:
                    kept.append(finding)
            result.findings = kept
