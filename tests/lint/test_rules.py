"""Every rule's own examples, the rule-file format and its errors, and rule options."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from slaforge.errors import InputError
from slaforge.lint.engine import lint_text
from slaforge.lint.examples import example_failures
from slaforge.lint.model import CATEGORIES, LintOptions, Severity
from slaforge.lint.rules import RuleError, check_rule_dir, load_rules, rule_doc
from slaforge.resources import builtin_dir

RULES = load_rules()
GOOD_RULE = """\
code: ACME101
name: acme-no-fax
category: vague-term
severity: info
message: Support by fax is not support.
why: Nobody reads faxes.
suggestion: "The Provider shall answer by e-mail."
kind: existence
phrases: [by fax]
examples:
  fail:
    - text: Support is provided by fax.
      flag: by fax
  pass:
    - Support is provided by e-mail.
"""


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_examples(rule: object) -> None:
    """Fail examples are flagged on exactly the given words; pass examples are not flagged."""
    assert example_failures(rule) == []  # type: ignore[arg-type]


def test_every_rule_has_examples_docs_and_a_unique_code() -> None:
    files = sorted(builtin_dir("rules").glob("*.yaml"))
    assert len(files) == len(RULES)
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
    for rule in RULES:
        assert rule.fail_examples and rule.pass_examples, rule.code
        assert rule.message and rule.why and rule.suggestion, rule.code
        assert rule.category in CATEGORIES
        assert rule.source.stem == rule.code, "file name is the rule code"


def test_every_category_has_rules_on_the_customer_side() -> None:
    covered = {r.category for r in RULES if "customer" in r.sides}
    assert covered == set(CATEGORIES)


def test_provider_side_rules_exist() -> None:
    assert len([r for r in RULES if r.sides == ("provider",)]) >= 5


def test_rule_doc_has_ruff_headings() -> None:
    doc = rule_doc(next(r for r in RULES if r.code == "SLA601"))
    headings = re.findall(r"^## (.+)$", doc, flags=re.M)
    assert headings == [
        "What it does",
        "Why is this bad?",
        "Example",
        "Use instead",
        "Not flagged by this rule",
    ]
    assert "commercially reasonable efforts" in doc
    assert doc.startswith("# efforts-instead-of-commitment (SLA601)")


def test_rule_doc_recommends_the_suggestion_only_and_shows_five_examples_of_each_kind() -> None:
    rule = next(r for r in RULES if r.code == "SLA101")
    doc = rule_doc(rule)
    use_instead = doc.split("## Use instead\n", 1)[1].split("\n## ", 1)[0]

    assert use_instead.strip() == rule.suggestion
    assert doc.count("\nFlagged: ") == 5
    assert f"({len(rule.fail_examples) - 5} more flagged examples in the rule file.)" in doc
    assert "another rule may still flag one of them" in doc


def test_user_pack_adds_and_overrides(tmp_path: Path) -> None:
    (tmp_path / "ACME101.yaml").write_text(GOOD_RULE, encoding="utf-8")
    builtin = (builtin_dir("rules") / "SLA601.yaml").read_text(encoding="utf-8")
    (tmp_path / "SLA601.yaml").write_text(
        builtin.replace("severity: warning", "severity: error"), encoding="utf-8"
    )
    rules = {r.code: r for r in load_rules([tmp_path])}
    assert rules["ACME101"].source == tmp_path / "ACME101.yaml"
    assert rules["SLA601"].severity is Severity.ERROR
    result = lint_text(
        "Support is provided by fax.", options=LintOptions(rule_dirs=(str(tmp_path),))
    )
    assert [f.code for f in result.findings] == ["ACME101"]
    assert check_rule_dir(tmp_path) == []


def test_user_pack_edited_between_runs_is_read_again(tmp_path: Path) -> None:
    rule = tmp_path / "ACME101.yaml"
    rule.write_text(GOOD_RULE, encoding="utf-8")
    options = LintOptions(rule_dirs=(str(tmp_path),))
    assert [f.code for f in lint_text("Support is provided by fax.", options=options).findings]
    rule.write_text(GOOD_RULE.replace("severity: info", "severity: error"), encoding="utf-8")
    again = lint_text("Support is provided by fax.", options=options).findings
    assert [f.severity for f in again] == [Severity.ERROR]
    pigeon = GOOD_RULE.replace("ACME101", "ACME102").replace("by fax", "by pigeon")
    (tmp_path / "ACME102.yaml").write_text(pigeon, encoding="utf-8")
    rule.unlink()
    assert lint_text("Support is provided by fax.", options=options).findings == []
    (tmp_path / "ACME102.yaml").unlink()  # a pack folder left with no rules is a mistake
    with pytest.raises(InputError, match="no rule files"):
        lint_text("Support is provided by fax.", options=options)


@pytest.mark.parametrize(
    ("change", "marker", "message"),
    [
        (("kind: existence", "kind: existence\ncolour: red"), "colour:", "unknown field 'colour'"),
        (("category: vague-term", "category: vagueness"), "category:", "unknown category"),
        (("why: Nobody reads faxes.\n", ""), None, "missing field 'why'"),
        (
            ("phrases: [by fax]", "patterns: [[{LOWER: {IN: [fax]}, OP: sometimes}]]"),
            "patterns:",
            "bad token pattern",
        ),
        (("phrases: [by fax]", "patterns: [[{LOWER: {IN: [fax, no]}}]]"), "patterns:", "quote"),
        (("phrases: [by fax]", "patterns: [[{_: {fax: true}}]]"), "patterns:", "custom attributes"),
        (
            ("phrases: [by fax]", 'patterns: [[{LOWER: {REGEX: "^(?i)fax$"}}]]'),
            "patterns:",
            "global flags not at the start",
        ),
        (("kind: existence", "kind: regex"), "kind:", "unknown kind 'regex'"),
        (("      flag: by fax", "      flag: by post"), "flag:", "does not occur in the text"),
        (("    - Support is provided by e-mail.\n", ""), "examples:", "'pass' example"),
    ],
)
def test_rule_file_errors_name_file_and_line(
    tmp_path: Path, change: tuple[str, str], marker: str | None, message: str
) -> None:
    text = GOOD_RULE.replace(*change)
    assert text != GOOD_RULE
    lines = text.splitlines()
    line = next(i for i, t in enumerate(lines, 1) if marker in t) if marker else 1
    path = tmp_path / "ACME101.yaml"
    path.write_text(text, encoding="utf-8")
    problems = check_rule_dir(tmp_path)
    assert problems, text
    assert problems[0].startswith(f"{path}:{line}: "), problems
    assert message in problems[0]
    with pytest.raises(RuleError) as info:
        load_rules([tmp_path])
    assert info.value.location.file == str(path)
    assert info.value.exit_code == 2


def test_check_rule_dir_reports_failing_examples(tmp_path: Path) -> None:
    bad = GOOD_RULE.replace("    - Support is provided by e-mail.", "    - Replies come by fax.")
    (tmp_path / "ACME101.yaml").write_text(bad, encoding="utf-8")
    problems = check_rule_dir(tmp_path)
    assert len(problems) == 1
    assert "pass example flagged" in problems[0] and "Replies come by fax." in problems[0]


def test_duplicate_codes_in_one_pack_are_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD_RULE, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD_RULE.replace("acme-no-fax", "acme-fax"), encoding="utf-8")
    problems = check_rule_dir(tmp_path)
    assert any("duplicate code ACME101" in p for p in problems)


def test_builtin_rule_dir_checks_clean(tmp_path: Path) -> None:
    copy = tmp_path / "rules"
    shutil.copytree(builtin_dir("rules"), copy)
    assert check_rule_dir(copy) == []


TEXT = (
    "The Provider will use commercially reasonable efforts to respond promptly. "
    "Credits are available at the Provider's sole discretion."
)


def test_select_and_ignore_by_code_and_category() -> None:
    everything = {f.code for f in lint_text(TEXT).findings}
    assert {"SLA601", "SLA401"} <= everything
    only = lint_text(TEXT, options=LintOptions(select=("weak-obligation",)))
    assert {f.category for f in only.findings} == {"weak-obligation"}
    one = lint_text(TEXT, options=LintOptions(select=("SLA401",)))
    assert [f.code for f in one.findings] == ["SLA401"]
    prefix = lint_text(TEXT, options=LintOptions(select=("SLA4",)))
    assert {f.code[:4] for f in prefix.findings} == {"SLA4"}
    ignored = lint_text(TEXT, options=LintOptions(ignore=("SLA601", "provider-discretion")))
    assert not {"SLA601", "SLA401"} & {f.code for f in ignored.findings}


def test_severity_overrides_by_code_then_category() -> None:
    options = LintOptions(
        severity={"weak-obligation": Severity.INFO, "SLA401": Severity.ERROR},
    )
    by_code = {f.code: f.severity for f in lint_text(TEXT, options=options).findings}
    assert by_code["SLA601"] is Severity.INFO
    assert by_code["SLA401"] is Severity.ERROR


def test_provider_side_runs_provider_rules_only() -> None:
    text = "The Provider shall give a service credit of 10% of the fee for each hour of downtime."
    customer = {f.code for f in lint_text(text).findings}
    provider = {f.code for f in lint_text(text, options=LintOptions(side="provider")).findings}
    assert "SLP101" in provider and "SLP101" not in customer
    assert all(code.startswith("SLP") or code.startswith("SLA0") for code in provider)
    weak = "The Provider will use commercially reasonable efforts to meet the targets."
    assert lint_text(weak, options=LintOptions(side="provider")).findings == []


CONDITIONAL_RULE = """\
code: ACME201
name: acme-fax-without-email
category: vague-term
severity: info
message: A fax line without an e-mail address.
why: Nobody reads faxes.
suggestion: "The Provider shall answer by e-mail."
kind: conditional
within: sentence
patterns:
  - [{LOWER: {IN: [fax, telefax]}}, {LIKE_NUM: true}]
unless:
  phrases: [by e-mail, by email]
examples:
  fail:
    - text: Reports go to fax 0201.
      flag: fax 0201
  pass:
    - Reports go to fax 0201 or by e-mail.
"""


def test_phrase_conditions_hold_next_to_pattern_triggers(tmp_path: Path) -> None:
    """An ``unless`` phrase cancels a token-pattern trigger however many patterns matched."""
    (tmp_path / "ACME201.yaml").write_text(CONDITIONAL_RULE, encoding="utf-8")
    options = LintOptions(rule_dirs=(str(tmp_path),), select=("ACME201",))

    def flagged(text: str) -> list[str]:
        return [f.match for f in lint_text(text, options=options).findings]

    assert flagged("Reports go to fax 0201.") == ["fax 0201"]
    assert flagged("Reports go to fax 0201 or by e-mail.") == []
    assert flagged("Use fax 0201, fax 0202 or telefax 0203, or by email.") == []
    assert flagged("Use fax 0201 and telefax 0203.") == ["fax 0201", "telefax 0203"]
