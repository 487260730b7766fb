"""Lint settings from ``[tool.slaforge.lint]`` in pyproject.toml or ``[lint]`` in .slaforge.toml.

The nearest config wins: from the linted file's folder upwards, each folder is checked for
``.slaforge.toml`` and then for a ``pyproject.toml`` that has a ``[tool.slaforge.lint]`` table
(or is not valid TOML but has a ``[tool.slaforge…]`` table, which is then reported).
Command-line options override what the file says.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from slaforge.errors import InputError, Location
from slaforge.lint.codes import CODE_PREFIX
from slaforge.lint.model import CATEGORIES, Finding, LintOptions, Severity

CONFIG_NAMES = (".slaforge.toml", "pyproject.toml")
SIDES = ("customer", "provider")
FAIL_ON = ("error", "warning", "info", "none")
KEYS = ("select", "ignore", "severity", "rules", "side", "model", "fail-on")
"""The keys a lint config may have."""


@dataclass
class LintConfig:
    """Options for the engine, the ``--fail-on`` threshold, and the file they came from."""

    options: LintOptions = field(default_factory=LintOptions)
    fail_on: str = "warning"
    path: Path | None = None


def _table_name(path: Path) -> str:
    return "tool.slaforge.lint" if path.name == "pyproject.toml" else "lint"


def _table(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    """The lint table of a parsed config file, or ``None`` if it has none."""
    table: Any = data
    for key in _table_name(path).split("."):
        table = table.get(key) if isinstance(table, dict) else None
    return table if isinstance(table, dict) else None


def _read(path: Path) -> tuple[str, dict[str, Any]]:
    where = Location(file=path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError("config file not found", where) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read config: {exc}", where) from exc
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid TOML: {exc}", where) from exc


_SLAFORGE_TABLE = re.compile(r"^\s*\[\s*tool\.slaforge\s*[.\]]", re.M)


def _has_lint_table(path: Path) -> bool:
    """True when pyproject.toml ``path`` has a lint table, or does not parse but has a
    ``[tool.slaforge…]`` table (its settings must not be passed over in silence)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        return _table(path, tomllib.loads(text)) is not None
    except tomllib.TOMLDecodeError:
        return _SLAFORGE_TABLE.search(text) is not None


def find_config(start: Path) -> Path | None:
    """The nearest config file in ``start`` or a folder above it."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if not path.is_file():
                continue
            if name == "pyproject.toml" and not _has_lint_table(path):
                continue
            return path
    return None


def failing(findings: Iterable[Finding], fail_on: str) -> list[Finding]:
    """The ``findings`` at or above the ``fail_on`` severity (none for ``"none"``)."""
    if fail_on == "none":
        return []
    threshold = Severity(fail_on).rank
    return [f for f in findings if f.severity.rank >= threshold]


def check_selectors(values: Iterable[str], where: Location) -> tuple[str, ...]:
    """``values`` if each is a rule code (``SLA101``), a code prefix (``SLA4``) or a category
    name; else an InputError."""
    out: list[str] = []
    for value in values:
        value = value.strip()
        if not value:
            continue
        if value not in CATEGORIES and not CODE_PREFIX.fullmatch(value):
            close = difflib.get_close_matches(value, CATEGORIES, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise InputError(
                f"{value!r} is neither a rule code (like SLA101) nor a category{hint}", where
            )
        out.append(value)
    return tuple(out)


class _Parser:
    """Checks one lint table key by key; errors name the file, line and key."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self.prefix = _table_name(path)

    def where(self, key: str) -> Location:
        """The line of ``key`` in the lint table (in the whole file when the table has no
        header of its own, e.g. dotted keys)."""
        start, end = 0, len(self.text)
        header = re.search(rf"^\s*\[\s*{re.escape(self.prefix)}\s*\]", self.text, re.M)
        if header is not None:
            start = header.end()
            after = re.compile(r"^\s*\[", re.M).search(self.text, start)
            end = after.start() if after else end
        pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", re.M)
        match = pattern.search(self.text, start, end)
        line = self.text.count("\n", 0, match.start()) + 1 if match else None
        return Location(file=self.path, line=line, field=f"{self.prefix}.{key}")

    def strings(self, key: str, value: Any) -> list[str]:
        if isinstance(value, str):
            return value.split(",")
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return list(value)
        raise InputError("expected a list of strings", self.where(key))

    def choice(self, key: str, value: Any, choices: Sequence[str]) -> str:
        if value not in choices:
            raise InputError(
                f"expected one of {', '.join(choices)}, got {value!r}", self.where(key)
            )
        return str(value)

    def parse(self, table: dict[str, Any]) -> LintConfig:
        config = LintConfig(path=self.path)
        options = config.options
        for key, value in table.items():
            if key not in KEYS:
                close = difflib.get_close_matches(key, KEYS, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise InputError(f"unknown key{hint}", self.where(key))
            if key in ("select", "ignore"):
                selected = check_selectors(self.strings(key, value), self.where(key))
                setattr(options, key, selected)
            elif key == "severity":
                options.severity = self.severity(value)
            elif key == "rules":
                options.rule_dirs = tuple(self.rule_dir(d) for d in self.strings(key, value))
            elif key == "side":
                options.side = self.choice(key, value, SIDES)
            elif key == "model":
                if not isinstance(value, str) or not value:
                    raise InputError("expected a spaCy model name", self.where(key))
                options.model = value
            else:
                config.fail_on = self.choice(key, value, FAIL_ON)
        return config

    def severity(self, value: Any) -> dict[str, Severity]:
        if not isinstance(value, dict):
            raise InputError('expected a table like { SLA101 = "error" }', self.where("severity"))
        levels = [s.value for s in Severity]
        out: dict[str, Severity] = {}
        for target, level in value.items():
            (name,) = check_selectors([target], self.where("severity"))
            out[name] = Severity(self.choice("severity", level, levels))
        return out

    def rule_dir(self, value: str) -> str:
        folder = (self.path.parent / value.strip()).resolve()
        if not folder.is_dir():
            raise InputError(f"rule folder {value!r} not found at {folder}", self.where("rules"))
        return str(folder)


class KnownRule(Protocol):
    """What the choice of rules reads of a rule."""

    @property
    def code(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def sides(self) -> tuple[str, ...]: ...
    @property
    def default(self) -> bool: ...


def selected(rule: KnownRule, options: LintOptions) -> bool:
    """True when ``rule`` runs with ``options``: on its side, chosen by ``select`` (a code
    prefix or category; an opt-in rule only by its full code), not by ``ignore``."""

    def hits(selectors: tuple[str, ...]) -> bool:
        return any(s == rule.category or rule.code.startswith(s) for s in selectors)

    if options.side not in rule.sides:
        return False
    if not options.select and not options.ignore:  # (the usual run: the default rules)
        return rule.default
    if options.select and not hits(options.select):
        return False
    if not rule.default and rule.code not in options.select:
        return False
    return not hits(options.ignore)


def check_known(config: LintConfig, rules: Sequence[KnownRule], command_line: LintOptions) -> None:
    """An InputError for a code in ``select``, ``ignore`` or ``severity`` that no rule's code
    starts with, or a ``select`` entry that turns on no rule of the chosen side: either would
    otherwise select nothing in silence. Entries given on the command line (``command_line``)
    are reported there, the others at their line of the config file."""
    options = config.options
    codes = sorted(r.code for r in rules)
    for key, values in (
        ("select", options.select),
        ("ignore", options.ignore),
        ("severity", tuple(options.severity)),
    ):
        for value in values:
            if value in CATEGORIES:
                continue
            problem = _unknown(value, codes)
            if problem is None and key == "select":
                problem = _selects_nothing(value, rules, options)
            if problem is None:
                continue
            given = command_line.select if key == "select" else command_line.ignore
            if value in given or config.path is None:
                where = Location(field="command line")
            else:
                where = _Parser(config.path, config.path.read_text(encoding="utf-8")).where(key)
            raise InputError(problem, where)


def _unknown(value: str, codes: Sequence[str]) -> str | None:
    if any(code.startswith(value) for code in codes):
        return None
    close = difflib.get_close_matches(value, codes, n=1)
    return f"no rule has the code {value!r}" + (f"; did you mean {close[0]!r}?" if close else "")


def _selects_nothing(value: str, rules: Sequence[KnownRule], options: LintOptions) -> str | None:
    alone = replace(options, select=(value,), ignore=())
    if any(selected(r, alone) for r in rules):
        return None
    named = [r for r in rules if r.code.startswith(value)]
    mine = [r for r in named if options.side in r.sides]
    if not mine:
        other = sorted({s for r in named for s in r.sides})
        return (
            f"{value!r} selects only rules for the {' and '.join(other)} side, and the side is "
            f"{options.side} (set it with --side or the config's side)"
        )
    return (
        f"{value!r} names only opt-in rules, which run only when selected by their full "
        f"code ({', '.join(r.code for r in mine[:3])})"
    )


def parse_config(path: Path) -> LintConfig:
    """The lint settings in config file ``path``."""
    text, data = _read(path)
    table = _table(path, data)
    if table is None:
        raise InputError(f"no [{_table_name(path)}] table", Location(file=path))
    return _Parser(path, text).parse(table)


def load_config(start: Path, explicit: Path | None = None) -> LintConfig:
    """Settings from ``explicit`` if given, else from the config nearest to folder ``start``."""
    path = explicit if explicit is not None else find_config(start)
    return LintConfig() if path is None else parse_config(path)


def with_cli(
    config: LintConfig,
    *,
    side: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    rule_dirs: Sequence[Path] = (),
    model: str | None = None,
    fail_on: str | None = None,
) -> LintConfig:
    """``config`` with the command-line options that were given taking precedence.

    ``--select`` replaces the configured selection; ``--ignore`` and ``--rules`` add to it.
    """
    where = Location(field="command line")
    options = replace(
        config.options,
        side=side or config.options.side,
        select=check_selectors(select, where) or config.options.select,
        ignore=config.options.ignore + check_selectors(ignore, where),
        rule_dirs=config.options.rule_dirs + tuple(str(d.resolve()) for d in rule_dirs),
        model=model or config.options.model,
        severity=dict(config.options.severity),
    )
    return LintConfig(options, fail_on or config.fail_on, config.path)
