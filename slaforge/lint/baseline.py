"""Findings accepted in an earlier review: a JSON report of ``slaforge lint`` read back, so a
later lint reports only what is new.

A finding is the same as an accepted one when its code, its flagged words and the sentence
holding them are the same, once spacing, curly quotes, dashes and a leading clause number or
bullet are set aside; a missing section is the same by its code alone. Neither the file nor the
place is compared: the supplier's next draft renumbers its clauses and has a new file name, while
a changed sentence is new text to review. Each accepted entry answers for one finding, so a
sentence repeated in a new place is reported again.
"""

from __future__ import annotations

import codecs
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

_SENTENCE_START = r"(?=\s+[A-Z(\"'])"
"""What follows a label: a sentence, which opens with a capital, a bracket or a quote."""

_LABEL = re.compile(
    r"(?:[-*\u2022\u25aa\u25cf\u00b7]\s+"  # a bullet
    r"|\(?(?:\d{1,3}|[a-zA-Z]{1,4})\)\s+"  # (a), a), (iv), (3)
    r"|(?i:clause|section|article|art\.|part|paragraph|para\.|schedule|annex|appendix)"
    r"\s+(?:\d[\dA-Z]*|[A-Z]|[IVXLC]+)(?:\.[\dA-Z]+)*(?:[.):]|\s+-)?" + _SENTENCE_START + r"\s+"
    r"|(?:[A-Z]{1,2}\d*(?:\.\d+)+[A-Z]?|\d+[A-Z](?:\.\d+)*|\d+(?:\.\d+)+[A-Z])\.?\s+"  # E.1, 5A.3
    r"|(?:[IVXLC]+|[ivxlc]+|[A-Za-z])\." + _SENTENCE_START + r"\s+)"  # IV., b.
)
"""A clause label or bullet before a sentence that cannot be a figure; a plain number is a label
only where ``_plain`` finds it is the clause number of the place."""

_NUMBER = re.compile(r"\d+(?:\.\d+)*(?:\.|(?=\s+[A-Z0-9(\"']))\s+")
"""A plain number before a sentence: a clause number ("4.2 The …", "12. Fees …", "4. other
circumstances …") or a figure ("10 Business Days …")."""

_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)
"""What Word's AutoFormat changes as one types: quotes, dashes, a non-breaking space."""

_DOCUMENT_LEVEL = "missing-section"
"""The category whose findings are about the whole draft (anchored on its title, if anywhere)."""


def _plain(text: str, clause: str | None) -> str:
    """``text`` as it is compared: spacing and AutoFormat undone, the leading labels set aside
    (renumbered clauses say the same). A plain number is set aside only where it is ``clause``
    and has a dot ("4.2", "12."): "10 Business Days" opening clause 10 is a figure."""
    text = " ".join(text.translate(_PLAIN).split())
    while True:
        if label := _LABEL.match(text):
            text = text[label.end() :]
            continue
        number = _NUMBER.match(text)
        if not (number and clause and "." in number.group()):
            return text
        if number.group().strip().rstrip(".") != clause.strip("().").rstrip("."):
            return text
        text = text[number.end() :]


def _key(code: str, category: str, match: str, text: str, clause: str | None) -> Key:
    if category == _DOCUMENT_LEVEL:
        return code, "", ""
    return code, _plain(match, clause), _plain(text, clause)


def finding_key(finding: Finding) -> Key:
    """What a finding is compared by: code, flagged words, sentence (as the JSON report gives)."""
    text = sentence(finding)[0]
    return _key(finding.code, finding.category, finding.match, text, finding.location.clause)


class Baseline:
    """The accepted findings of one JSON report, counted by key."""

    def __init__(self, keys: Counter[Key], source: str = "") -> None:
        self.keys = keys
        self.source = source
        """The report the keys were read from, as given."""

    @classmethod
    def load(cls, path: Path) -> Baseline:
        """Read ``path``, a report written by ``slaforge lint --format json``: its findings and
        the findings its own baseline left out."""
        data = _read_json(path)
        if isinstance(data, dict) and "runs" in data and "findings" not in data:
            raise InputError(
                "a SARIF report; a baseline is a JSON report"
                " ('slaforge lint --format json -o FILE')",
                Location(path),
            )
        if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
            raise InputError(
                "not a lint report (no 'findings' list); write one with"
                " 'slaforge lint --format json -o FILE'",
                Location(path),
            )
        keys: Counter[Key] = Counter()
        for part in ("findings", "baselined"):
            entries = data.get(part, [])
            if not isinstance(entries, list):
                raise InputError(f"'{part}' is not a list", Location(path, field=part))
            for n, entry in enumerate(entries):
                keys[_entry_key(entry, path, f"{part}[{n}]")] += 1
        return cls(keys, str(path))

    def apply(self, results: Mapping[str, LintResult]) -> None:
        """Move the accepted findings of ``results`` to each result's ``baselined``, files in
        order."""
        left = Counter(self.keys)
        for result in results.values():
            result.baseline = self.source
            kept: list[Finding] = []
            for finding in result.findings:
                key = finding_key(finding)
                if left[key] > 0:
                    left[key] -= 1
                    result.baselined.append(finding)
                else:
                    kept.append(finding)
            result.findings = kept


def _read_json(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read baseline: {exc.strerror}", Location(path)) from exc
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(
            "baseline is UTF-16 text (as PowerShell's '>' writes it); write the report with"
            " '-o FILE' instead",
            Location(path),
        )
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError("baseline is not UTF-8 text", Location(path)) from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"baseline is not JSON: {exc.msg}", Location(path, exc.lineno)) from exc
    except ValueError as exc:  # a number too long to convert
        raise InputError(f"baseline is not a lint report: {exc}", Location(path)) from exc
    except RecursionError as exc:
        raise InputError(
            "baseline is not a lint report: nested too deeply", Location(path)
        ) from exc


def _entry_key(entry: object, path: Path, where: str) -> Key:
    if not isinstance(entry, dict):
        raise InputError("a finding is a JSON object", Location(path, field=where))
    for name in ("code", "match", "text"):
        if not isinstance(entry.get(name), str):
            raise InputError(f"'{name}' is missing or not text", Location(path, field=where))
    category = entry.get("category")
    location = entry.get("location")
    clause = location.get("clause") if isinstance(location, dict) else None
    return _key(
        entry["code"],
        category if isinstance(category, str) else "",
        entry["match"],
        entry["text"],
        clause if isinstance(clause, str) else None,
    )
