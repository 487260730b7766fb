"""Run a rule's own examples: fail texts must be flagged on the given words, pass texts not."""

from __future__ import annotations

from slaforge.lint.model import LintOptions
from slaforge.lint.rules import Rule


def example_failures(rule: Rule, model: str | None = None) -> list[str]:
    """One message per example of ``rule`` that does not behave as its file says."""
    from slaforge.extract.text import extract_text
    from slaforge.lint.engine import lint_blocks

    problems: list[str] = []
    options = LintOptions(side=rule.sides[0], select=(rule.code,), model=model)
    source_dir = str(rule.source.parent)
    options.rule_dirs = (source_dir,) if not _is_builtin(rule) else ()
    for ex in rule.fail_examples:
        result = lint_blocks(extract_text(ex.text, markdown=False), "<example>", options)
        mine = [f for f in result.findings if f.code == rule.code]
        if not mine:
            problems.append(f"{rule.code}: fail example not flagged: {ex.text!r}")
        elif not any(f.match.strip(" .,;") == ex.flag.strip(" .,;") for f in mine):
            got = "; ".join(repr(f.match) for f in mine)
            problems.append(f"{rule.code}: flagged {got}, expected {ex.flag!r} in {ex.text!r}")
    for text in rule.pass_examples:
        result = lint_blocks(extract_text(text, markdown=False), "<example>", options)
        mine = [f for f in result.findings if f.code == rule.code]
        if mine:
            got = "; ".join(repr(f.match) for f in mine)
            problems.append(f"{rule.code}: pass example flagged ({got}): {text!r}")
    return problems


def _is_builtin(rule: Rule) -> bool:
    from slaforge.resources import builtin_dir

    return rule.source.parent.resolve() == builtin_dir("rules").resolve()
