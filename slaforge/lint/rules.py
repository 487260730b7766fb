"""Rules as data: one YAML file per rule, validated on load with file:line errors.

A rule picks one of a small, fixed set of kinds (see :data:`KINDS`); the engine
implements each kind once. User rule packs are folders of the same files; a user rule
with the code of a built-in rule replaces it.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.errors import MatchPatternError
from spacy.matcher import Matcher
from spacy.vocab import Vocab

from slaforge.errors import InputError, Location, SlaforgeError
from slaforge.lint import rulecache
from slaforge.lint.codes import CODE
from slaforge.lint.model import CATEGORIES, Severity
from slaforge.metrics import CARD_FIELDS, MetricKind
from slaforge.resources import builtin_dir
from slaforge.spec.yamlpos import Positioned, load_yaml

SCOPES: tuple[str, ...] = (
    "sentence",
    "metric-definition",
    "obligation",
    "exclusion",
    "credit-clause",
    "document",
)
"""Where a rule looks: any sentence, sentences of one sort, or the whole document."""

SIDES: tuple[str, ...] = ("customer", "provider")
WITHIN: tuple[str, ...] = ("sentence", "related", "block", "document")
"""Where ``requires``/``unless`` are looked for: the trigger's sentence; that sentence and the
sentences of its block that repeat a trigger (or the whole block when the trigger's sentence
is only a lead-in such as "Force majeure."); the whole block; the whole document."""
NUMERIC_CHECKS: tuple[str, ...] = ("percent-over-100", "arithmetic")
STRUCTURE_CHECKS: tuple[str, ...] = (
    "placeholder",
    "undefined-term",
    "unused-definition",
    "cross-reference",
    "numbering",
    "table-cell",
)
CONSISTENCY_CHECKS: tuple[str, ...] = ("restated", "window", "plain-days")

_COMMON = {
    "code",
    "name",
    "category",
    "severity",
    "message",
    "why",
    "suggestion",
    "scope",
    "sides",
    "kind",
    "examples",
    "default",
    "yields-to",
}
FLAG_OPTIONS = (
    "skip-names",
    "skip-negated",
    "skip-customer-duty",
    "skip-customer-named",
    "skip-provider-deadline",
    "settles-block",
    "follow-terms",
    "skip-headings",
    "heading-defines",
    "skip-examples",
    "skip-not-vague",
    "timed-below",
    "once-per-document",
)
"""The true/false options of the matching kinds (see the README's rule file format)."""
_MATCH = {
    "phrases",
    "patterns",
    "requires",
    "unless",
    "within",
    *FLAG_OPTIONS,
}
KINDS: dict[str, set[str]] = {
    "existence": _MATCH,
    "pattern": _MATCH,
    "conditional": _MATCH,
    "numeric": {"check"},
    "section": {"headings", "content", "min-words", "unless", "requires"},
    "metric-card": {"metrics", "require", "min-words", "unless"},
    "consistency": {"check"},
    "structure": {"check", "phrases", "requires", "unless"},
    "classifier": {"threshold"},
}
"""Rule kinds and the kind-specific fields each accepts."""

_TAGGER_ATTRS = frozenset({"POS", "TAG", "LEMMA", "MORPH", "DEP", "ENT_TYPE"})
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class RuleError(SlaforgeError):
    """A rule file that does not validate; ``problems`` holds every ``file:line: message``."""

    def __init__(self, problems: list[str], location: Location) -> None:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        first = problems[0].split(": ", 1)[-1] if problems else "invalid rule"
        super().__init__(first + more, location)
        self.problems = problems


@dataclass(frozen=True)
class MatchSpec:
    """Words to find: literal phrases (case-insensitive) and spaCy token patterns."""

    phrases: tuple[str, ...] = ()
    patterns: tuple[tuple[dict[str, Any], ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.phrases or self.patterns)

    @functools.cached_property
    def needs_tagger(self) -> bool:
        """True when a pattern reads POS, lemma or another trained attribute."""
        return any(_TAGGER_ATTRS & {k.upper() for k in tok} for pat in self.patterns for tok in pat)


@dataclass(frozen=True)
class FailExample:
    """A text the rule must flag, and the words the finding must cover."""

    text: str
    flag: str


@dataclass(frozen=True)
class Rule:
    """One lint rule, loaded from ``source``."""

    code: str
    name: str
    category: str
    severity: Severity
    message: str
    why: str
    suggestion: str
    scope: str
    sides: tuple[str, ...]
    kind: str
    source: Path
    line: int = 1
    match: MatchSpec = field(default_factory=MatchSpec)
    requires: MatchSpec = field(default_factory=MatchSpec)
    unless: MatchSpec = field(default_factory=MatchSpec)
    within: str = "sentence"
    skip_names: bool = False
    """Ignore a trigger whose words are only part of a longer capitalised name
    (``Effective`` in ``Effective Date``, ``the Claims`` in ``the Claims Division``)."""
    skip_negated: bool = False
    """Ignore a trigger right after a negation (``does not reply within 5 days``, ``fails to
    respond within 2 hours``): a condition on someone's silence, not a commitment."""
    skip_customer_duty: bool = False
    """Ignore a trigger inside a deadline the customer must meet (``the Customer must notify
    the Supplier within 5 business days``): a claim or cooperation duty, not a service level."""
    skip_customer_named: bool = False
    """Ignore a trigger that opens with a name the parties clause gives the customer
    (``Brackenridge decides what goes on the register`` when ``Brackenridge Construction Limited
    ("Brackenridge", "you")`` is the customer): patterns that read a capitalised actor as the
    provider; and one the customer owns (``the Firm's application vendors``, ``the Trust or its
    other suppliers``)."""
    skip_provider_deadline: bool = False
    """Ignore a trigger whose time limit belongs to a clause in which the provider is the one
    who must act (``the Supplier shall deliver the report within 5 Working Days``, ``..., and
    the Provider shall correct the invoice within 30 days``): not a deadline on the customer."""
    settles_block: bool = False
    """When a trigger's ``unless`` is met, the block is settled for the rule's category: the
    category's ``classifier`` rule does not judge it (``within 5 Working Days`` in a document
    that defines Working Days is not read again as a clock without a basis)."""
    follow_terms: bool = False
    """When the trigger is a capitalised term (``Emergency Maintenance``), its ``unless`` is
    also met by a use of the same term elsewhere whose sentence or block (per ``within``) has
    it: the conditions stated where a defined term is regulated go with the term."""
    skip_headings: bool = False
    """Ignore a trigger in a heading or a run-in heading (``Exclusive Remedy``, ``Sole
    remedy.``): a title announces the clause below or after it, which is judged on its own
    words."""
    skip_not_vague: bool = False
    """Ignore a trigger inside a span where a vague-looking word sets no standard: what the
    customer is to be able to do (``so that the Client can work effectively``), a choice
    between named alternatives (``the Partner or the Reseller, as applicable``), a
    cross-reference (``as required above``)."""
    timed_below: bool = False
    """Ignore a timing word (``promptly``, ``in a timely fashion``) in the last sentence of a
    block when the next blocks under the same heading (a table or list) give durations: the
    sentence introduces the figures."""
    heading_defines: bool = False
    """When the trigger is a capitalised term, a heading or run-in heading that names the term
    (``Excluded Minutes``, ``3. Excluded Minutes. Minutes of ...``) meets its ``unless``: the
    section under it is where the term is set out."""
    skip_examples: bool = False
    """Ignore a trigger inside a worked example of a calculation (``For example: in a 30-day
    month ... the uptime is 99%``): its figures illustrate a formula defined elsewhere."""
    once_per_document: bool = False
    """Report one finding per document, at the first place, with the others in ``also_at``:
    hours used as a clock but never defined are one point to fix however often they are used."""
    yields_to: tuple[str, ...] = ()
    """Codes whose finding anywhere in the document makes this rule report nothing there: the
    targets without a remedy need no warning each where the text rules remedies out."""
    default: bool = True
    """False for an opt-in rule: it runs only when ``select`` names its code."""
    check: str = ""
    headings: tuple[str, ...] = ()
    metrics: tuple[MetricKind, ...] = ()
    require: tuple[str, ...] = ()
    min_words: int = 0
    threshold: float = 0.0
    """For a ``classifier`` rule: the lowest model score that flags a block."""
    fail_examples: tuple[FailExample, ...] = ()
    pass_examples: tuple[str, ...] = ()

    @functools.cached_property
    def needs_tagger(self) -> bool:
        """True when the rule cannot run on a blank (untrained) pipeline."""
        return any(m.needs_tagger for m in (self.match, self.requires, self.unless))

    @property
    def examples(self) -> dict[str, list[Any]]:
        """The rule's examples as ``{"fail": [(text, flag)], "pass": [text]}``."""
        return {
            "fail": [(e.text, e.flag) for e in self.fail_examples],
            "pass": list(self.pass_examples),
        }


@functools.cache
def _vocab() -> Vocab:
    """A bare vocabulary for checking token patterns: the Matcher reads no language data when
    it validates one, and building an English pipeline for it cost a fifth of a second."""
    return Vocab()


def _values(token: Any) -> list[Any]:
    """Every scalar inside one token pattern (to spot YAML booleans)."""
    if isinstance(token, dict):
        return [v for value in token.values() for v in _values(value)]
    if isinstance(token, list):
        return [v for value in token for v in _values(value)]
    return [token]


class _Reader:
    """Validates one rule document and collects ``file:line: message`` problems."""

    def __init__(self, doc: Positioned, source: Path) -> None:
        self.doc = doc
        self.source = source
        self.problems: list[str] = []

    def problem(self, path: tuple[str | int, ...], message: str) -> None:
        line = self.doc.line_of(path) or 1
        self.problems.append(f"{self.source}:{line}: {message}")

    def text(self, data: dict[str, Any], key: str, required: bool = True) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.problem((), f"missing field {key!r}")
            return ""
        if not isinstance(value, str) or not value.strip():
            self.problem((key,), f"{key!r} must be a non-empty string")
            return ""
        return " ".join(value.split())

    def strings(self, value: Any, path: tuple[str | int, ...]) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.problem(path, f"{path[-1]!r} must be a list of non-empty strings")
            return ()
        return tuple(value)

    def match_spec(self, data: Any, path: tuple[str | int, ...]) -> MatchSpec:
        if data is None:
            return MatchSpec()
        if not isinstance(data, dict):
            self.problem(path, "expected a mapping with 'phrases' and/or 'patterns'")
            return MatchSpec()
        for key in data:
            if key not in ("phrases", "patterns"):
                self.problem((*path, key), f"unknown field {key!r}")
        phrases = self.strings(data.get("phrases"), (*path, "phrases"))
        patterns = self.patterns(data.get("patterns"), (*path, "patterns"))
        return MatchSpec(phrases, patterns)

    def patterns(
        self, value: Any, path: tuple[str | int, ...]
    ) -> tuple[tuple[dict[str, Any], ...], ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem(path, "'patterns' must be a list of token patterns")
            return ()
        out: list[tuple[dict[str, Any], ...]] = []
        for i, pattern in enumerate(value):
            if not isinstance(pattern, list) or not pattern:
                self.problem((*path, i), "a token pattern must be a non-empty list of tokens")
                continue
            if any(isinstance(tok, dict) and "_" in tok for tok in pattern):
                self.problem((*path, i), "custom attributes ('_') are not available in rules")
                continue
            matcher = Matcher(_vocab(), validate=True)
            try:
                matcher.add("check", [pattern])
            except (MatchPatternError, ValueError, TypeError, KeyError, re.error) as exc:
                detail = " ".join(str(exc).split())
                if any(isinstance(v, bool) for tok in pattern for v in _values(tok)):
                    detail += " (quote words YAML reads as true/false: 'no', 'on', 'off', 'yes')"
                self.problem((*path, i), f"bad token pattern: {detail}")
                continue
            out.append(tuple(pattern))
        return tuple(out)

    def examples(self, data: Any) -> tuple[tuple[FailExample, ...], tuple[str, ...]]:
        if not isinstance(data, dict):
            self.problem(("examples",) if data is not None else (), "missing field 'examples'")
            return (), ()
        for key in data:
            if key not in ("fail", "pass"):
                self.problem(("examples", key), f"unknown field {key!r}")
        fails: list[FailExample] = []
        raw_fail = data.get("fail")
        if not isinstance(raw_fail, list) or not raw_fail:
            self.problem(("examples",), "examples need at least one 'fail' example")
        else:
            for i, item in enumerate(raw_fail):
                path: tuple[str | int, ...] = ("examples", "fail", i)
                if not isinstance(item, dict) or set(item) != {"text", "flag"}:
                    self.problem(path, "a fail example needs exactly 'text' and 'flag'")
                    continue
                text, flag = item["text"], item["flag"]
                if not isinstance(text, str) or not isinstance(flag, str) or not flag:
                    self.problem(path, "'text' and 'flag' must be strings")
                    continue
                if flag not in text:
                    self.problem((*path, "flag"), f"flag {flag!r} does not occur in the text")
                    continue
                fails.append(FailExample(text, flag))
        passes = self.strings(data.get("pass"), ("examples", "pass"))
        if not passes:
            self.problem(("examples",), "examples need at least one 'pass' example")
        return tuple(fails), passes


def parse_rule(text: str, source: Path) -> tuple[Rule | None, list[str]]:
    """Validate one rule file's text; return the rule (or None) and the problems found."""
    try:
        doc = load_yaml(text, str(source))
    except InputError as exc:
        return None, [str(exc)]
    reader = _Reader(doc, source)
    data = doc.data
    if not isinstance(data, dict):
        reader.problem((), "a rule file must be a mapping")
        return None, reader.problems
    kind = reader.text(data, "kind")
    if kind and kind not in KINDS:
        reader.problem(("kind",), f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    allowed = _COMMON | KINDS.get(kind, set())
    for key in data:
        if key not in allowed:
            reader.problem(
                (key,), f"unknown field {key!r}" + (f" for kind {kind!r}" if kind else "")
            )
    code = reader.text(data, "code")
    if code and not CODE.fullmatch(code):
        reader.problem(("code",), f"code {code!r} must look like SLA101 (letters then 3 digits)")
    name = reader.text(data, "name")
    if name and not _NAME.match(name):
        reader.problem(("name",), f"name {name!r} must be kebab-case")
    category = reader.text(data, "category")
    if category and category not in CATEGORIES:
        reader.problem(("category",), f"unknown category {category!r}")
    severity_text = reader.text(data, "severity")
    if severity_text and severity_text not in {s.value for s in Severity}:
        reader.problem(
            ("severity",), f"severity must be error, warning or info, not {severity_text!r}"
        )
    message = reader.text(data, "message")
    why = reader.text(data, "why")
    suggestion = reader.text(data, "suggestion")
    scope = reader.text(data, "scope", required=False) or "sentence"
    if scope not in SCOPES:
        reader.problem(("scope",), f"unknown scope {scope!r}; expected one of {', '.join(SCOPES)}")
    sides = reader.strings(data.get("sides"), ("sides",)) or ("customer",)
    for side in sides:
        if side not in SIDES:
            reader.problem(("sides",), f"unknown side {side!r}; expected customer or provider")
    match = MatchSpec(
        reader.strings(data.get("phrases"), ("phrases",)),
        reader.patterns(data.get("patterns"), ("patterns",)),
    )
    unless = reader.match_spec(data.get("unless"), ("unless",))
    requires = reader.match_spec(data.get("requires"), ("requires",))
    within = data.get("within", "sentence")
    if within == "clause":
        within = "block"
    if within not in WITHIN:
        reader.problem(("within",), f"'within' must be one of {', '.join(WITHIN)}, not {within!r}")
    extra: dict[str, Any] = {}
    for key in FLAG_OPTIONS:
        flag = data.get(key, False)
        if not isinstance(flag, bool):
            reader.problem((key,), f"{key!r} must be true or false")
        elif flag:
            extra[key.replace("-", "_")] = True
    if kind == "existence" and not match.phrases:
        reader.problem((), "an existence rule needs 'phrases'")
    if kind == "pattern" and not match.patterns:
        reader.problem((), "a pattern rule needs 'patterns'")
    if kind == "conditional":
        if not match:
            reader.problem((), "a conditional rule needs 'phrases' or 'patterns'")
        if not unless:
            reader.problem((), "a conditional rule needs 'unless'")
    if kind in ("numeric", "structure", "consistency"):
        choices = {
            "numeric": NUMERIC_CHECKS,
            "structure": STRUCTURE_CHECKS,
            "consistency": CONSISTENCY_CHECKS,
        }[kind]
        check = reader.text(data, "check")
        if check and check not in choices:
            reader.problem(("check",), f"unknown check {check!r}; expected {', '.join(choices)}")
        extra["check"] = check
        if check == "table-cell" and not (match.phrases and requires.phrases):
            reader.problem(
                (), "a table-cell rule needs 'phrases' (cell values) and 'requires' (headings)"
            )
    if kind == "section":
        extra["headings"] = reader.strings(data.get("headings"), ("headings",))
        if not extra["headings"]:
            reader.problem((), "a section rule needs 'headings'")
        content = reader.match_spec(data.get("content"), ("content",))
        if not content:
            reader.problem((), "a section rule needs 'content'")
        match = content
    if kind in ("section", "metric-card"):
        min_words = data.get("min-words", 0)
        if not isinstance(min_words, int) or min_words < 0:
            reader.problem(("min-words",), "'min-words' must be a whole number")
            min_words = 0
        extra["min_words"] = min_words
    if kind == "metric-card":
        kinds = reader.strings(data.get("metrics"), ("metrics",))
        values = {k.value for k in MetricKind}
        for k in kinds:
            if k not in values:
                reader.problem(("metrics",), f"unknown metric {k!r}")
        extra["metrics"] = tuple(MetricKind(k) for k in kinds if k in values)
        require = reader.strings(data.get("require"), ("require",))
        for f in require:
            if f not in CARD_FIELDS:
                reader.problem(("require",), f"unknown card field {f!r}")
        if not require:
            reader.problem((), "a metric-card rule needs 'require'")
        extra["require"] = tuple(f for f in require if f in CARD_FIELDS)
        if unless.patterns:
            reader.problem(("unless",), "a metric-card rule's 'unless' takes 'phrases' only")
    if kind == "classifier":
        threshold = data.get("threshold")
        if not isinstance(threshold, (int, float)) or isinstance(threshold, bool):
            reader.problem(("threshold",), "a classifier rule needs a 'threshold' between 0 and 1")
        elif not 0 < threshold < 1:
            reader.problem(("threshold",), f"'threshold' must be between 0 and 1, not {threshold}")
        else:
            extra["threshold"] = float(threshold)
    default = data.get("default", True)
    if not isinstance(default, bool):
        reader.problem(("default",), "'default' must be true or false")
    yields_to = reader.strings(data.get("yields-to"), ("yields-to",))
    for other in yields_to:
        if not CODE.fullmatch(other):
            reader.problem(("yields-to",), f"{other!r} is not a rule code")
    if yields_to:
        extra["yields_to"] = yields_to
    fails, passes = reader.examples(data.get("examples"))
    if reader.problems:
        return None, reader.problems
    rule = Rule(
        code=code,
        name=name,
        category=category,
        severity=Severity(severity_text),
        message=message,
        why=why,
        suggestion=suggestion,
        scope=scope,
        sides=sides,
        kind=kind,
        source=source,
        line=doc.line_of(("code",)) or 1,
        match=match,
        requires=requires,
        unless=unless,
        within=str(within),
        default=default,
        fail_examples=fails,
        pass_examples=passes,
        **extra,
    )
    return rule, []


_Snapshot = tuple[tuple[str, bytes], ...]
_PACKS: dict[tuple[Path, Path], tuple[_Snapshot, tuple[Rule, ...], tuple[str, ...]]] = {}


NO_RULE_FILES = "no rule files (*.yaml, *.yml) in this folder"


def _rule_files(path: Path) -> list[Path]:
    return sorted([*path.glob("*.yaml"), *path.glob("*.yml")])


def _read_pack(path: Path) -> tuple[tuple[Rule, ...], tuple[str, ...]]:
    """:func:`_read_dir`, parsed again only when a file in ``path`` changed."""
    if not path.is_dir():
        return (), (f"{path}:1: not a folder of rule files",)
    try:
        snapshot = tuple((f.name, f.read_bytes()) for f in _rule_files(path))
    except OSError:
        snapshot = ()
    key = (path, path.resolve())
    cached = _PACKS.get(key)
    if snapshot and cached is not None and cached[0] == snapshot:
        return cached[1], cached[2]
    rules, problems = _read_dir(path)
    _PACKS[key] = (snapshot, tuple(rules), tuple(problems))
    return tuple(rules), tuple(problems)


def _read_dir(path: Path) -> tuple[list[Rule], list[str]]:
    """Parse every rule file in ``path``; a clean parse of the same files is cached on disk
    (see :mod:`slaforge.lint.rulecache`)."""
    if not path.is_dir():
        return [], [f"{path}:1: not a folder of rule files"]
    files: list[tuple[Path, bytes]] = []
    problems: list[str] = []
    for file in _rule_files(path):
        try:
            files.append((file, file.read_bytes()))
        except OSError as exc:
            problems.append(f"{file}:1: cannot read rule file: {exc}")
    key = rulecache.pack_key(path, [(f.name, data) for f, data in files])
    cached = rulecache.load(key)
    if not problems and isinstance(cached, list) and all(isinstance(r, Rule) for r in cached):
        # (the files as this call names them: the cache may have been filled from elsewhere)
        return [dataclasses.replace(r, source=path / r.source.name) for r in cached], []
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    for file, data in files:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(f"{file}:1: cannot read rule file: {exc}")
            continue
        rule, errors = parse_rule(text, file)
        problems.extend(errors)
        if rule is None:
            continue
        if rule.code in seen:
            problems.append(
                f"{file}:{rule.line}: duplicate code {rule.code} (also in {seen[rule.code]})"
            )
            continue
        seen[rule.code] = file
        rules.append(rule)
    if not problems:
        rulecache.store(key, rules)
    return rules, problems


@functools.cache
def _builtin_rules() -> tuple[Rule, ...]:
    rules, problems = _read_dir(builtin_dir("rules"))
    if problems:
        raise RuleError(problems, Location(problems[0].split(":", 1)[0]))
    return tuple(rules)


def load_rules(extra_dirs: Sequence[Path] = ()) -> list[Rule]:
    """Built-in rules, then each user pack in order; a later rule with the same code wins."""
    by_code: dict[str, Rule] = {r.code: r for r in _builtin_rules()}
    for folder in extra_dirs:
        if Path(folder).is_dir() and not _rule_files(Path(folder)):
            raise InputError(NO_RULE_FILES, Location(Path(folder)))
        rules, problems = _read_pack(Path(folder))
        if problems:
            head = problems[0].split(":")
            line = int(head[1]) if len(head) > 1 and head[1].isdigit() else None
            raise RuleError(list(problems), Location(head[0], line))
        for rule in rules:
            by_code[rule.code] = rule
    return sorted(by_code.values(), key=lambda r: r.code)


def check_rule_dir(path: Path) -> list[str]:
    """Validate every rule file in ``path`` and run its examples; one line per problem."""
    from slaforge.lint.examples import example_failures

    rules, found = _read_pack(Path(path))
    problems = list(found)
    if problems:
        return problems
    for rule in rules:
        problems.extend(f"{rule.source}:{rule.line}: {msg}" for msg in example_failures(rule))
    return problems


def rule_doc(rule: Rule) -> str:
    """Ruff-style documentation for ``rule``, generated from its file."""
    lines = [
        f"# {rule.name} ({rule.code})",
        "",
        f"Category: {rule.category} · Severity: {rule.severity.value} · "
        f"Scope: {rule.scope} · Sides: {', '.join(rule.sides)} · Kind: {rule.kind}"
        + (f" (threshold {rule.threshold:g})" if rule.kind == "classifier" else ""),
        "",
    ]
    if not rule.default:
        lines += [f"Opt-in: runs only when selected by its code (`--select {rule.code}`).", ""]
    lines += [
        "## What it does",
        "",
        rule.message,
        "",
        "## Why is this bad?",
        "",
        rule.why,
        "",
        "## Example",
        "",
    ]
    for ex in rule.fail_examples[:_SHOWN]:
        lines += [f"> {ex.text}", "", f"Flagged: “{ex.flag}”", ""]
    lines += _more(len(rule.fail_examples), "flagged")
    lines += ["## Use instead", "", rule.suggestion, ""]
    if rule.pass_examples:
        lines += [
            "## Not flagged by this rule",
            "",
            "Near misses this rule leaves alone (another rule may still flag one of them):",
            "",
        ]
        for text in rule.pass_examples[:_SHOWN]:
            lines += [f"> {text}", ""]
        lines += _more(len(rule.pass_examples), "not flagged")
    lines.append(f"Source: {rule.source}")
    return "\n".join(lines) + "\n"


_SHOWN = 5
"""Examples of each kind that ``rules show`` prints; the rule file holds the rest."""


def _more(count: int, kind: str) -> list[str]:
    left = count - _SHOWN
    return (
        [f"({left} more {kind} example{'s' if left > 1 else ''} in the rule file.)", ""]
        if left > 0
        else []
    )
