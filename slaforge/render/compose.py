"""Render the selected clauses of a library for one agreement into a document model."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import Template, TemplateSyntaxError, UndefinedError, meta, nodes
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.exceptions import SecurityError

from slaforge.clauses import Clause, ClauseLibrary, load_library, select_clauses
from slaforge.errors import BuildFailure, ClauseError, Location
from slaforge.render.context import DERIVED, make_context
from slaforge.render.document import (
    Block,
    DocumentModel,
    Party,
    Section,
    parse_body,
    ref_targets,
)
from slaforge.render.env import long_date, make_environment
from slaforge.residue import find_residue
from slaforge.spec.model import Agreement


@dataclass
class ComposedClause:
    clause: Clause
    template: Template


class Composer:
    """Compiles a clause library once and composes any number of agreements from it."""

    def __init__(self, library: ClauseLibrary) -> None:
        self.library = library
        self._env = make_environment()
        self._compiled: dict[str, Template] = {}
        self._depends: dict[str, tuple[tuple[str, str | None], ...]] = {}
        """Per clause: the context variables it reads, as (name, attribute or None for all)."""
        self._rendered: dict[tuple[str, tuple[str, ...]], list[Block]] = {}
        self._selections: dict[tuple[str, ...], list[Clause]] = {}
        self._when_names = self._names_in_conditions()

    @classmethod
    def from_dirs(cls, user_dirs: Sequence[Path] = ()) -> Composer:
        return cls(load_library(user_dirs))

    def _names_in_conditions(self) -> tuple[str, ...]:
        names: set[str] = set()
        for clause in self.library:
            if clause.meta.when:
                try:
                    parsed = self._env.parse("{{ " + clause.meta.when + " }}")
                except TemplateSyntaxError as exc:
                    raise ClauseError(
                        f"clause {clause.id!r}: 'when' is not a valid expression: {exc.message}",
                        Location(clause.path, field="when"),
                    ) from exc
                names |= meta.find_undeclared_variables(parsed)
        known = set(Agreement.model_fields) | set(DERIVED)
        return tuple(sorted(n for n in names if n in known))

    def _select(
        self, agreement: Agreement, context: dict[str, object], unchanged: frozenset[str] | None
    ) -> list[Clause]:
        if unchanged is None:
            return select_clauses(self.library, agreement, context)
        key = (
            agreement.agreement.type.value,
            *(_variable_key(name, agreement, unchanged) for name in self._when_names),
        )
        chosen = self._selections.get(key)
        if chosen is None:
            chosen = select_clauses(self.library, agreement, context)
            if len(self._selections) > 1024:
                self._selections.clear()
            self._selections[key] = chosen
        return chosen

    def _template(self, clause: Clause) -> Template:
        compiled = self._compiled.get(clause.id)
        if compiled is None:
            source = "\n" * (clause.body_line - 1) + clause.body
            try:
                compiled = self._env.from_string(source)
                names = meta.find_undeclared_variables(self._env.parse(source))
            except TemplateSyntaxError as exc:
                raise ClauseError(
                    f"clause {clause.id!r}: template syntax error: {exc.message}",
                    Location(clause.path, exc.lineno),
                ) from exc
            self._compiled[clause.id] = compiled
            self._depends[clause.id] = _dependencies(self._env.parse(source), names)
        return compiled

    def render_clause(self, clause: Clause, context: dict[str, object]) -> str:
        """Render one clause body; errors name the clause, its file and line."""
        template = self._template(clause)
        try:
            text = template.render(context)
        except SecurityError as exc:
            raise ClauseError(
                f"clause {clause.id!r} tries to reach Python internals: {exc}",
                Location(clause.path, _template_line(exc.__traceback__)),
            ) from exc
        except UndefinedError as exc:
            raise ClauseError(
                f"clause {clause.id!r}: missing value: {exc.message}",
                Location(clause.path, _template_line(exc.__traceback__)),
            ) from exc
        except (JinjaTemplateError, TypeError, ValueError, KeyError, AttributeError) as exc:
            raise ClauseError(
                f"clause {clause.id!r}: cannot render: {exc}",
                Location(clause.path, _template_line(exc.__traceback__)),
            ) from exc
        residue = find_residue(text)
        if residue:
            line = _residue_line(template, context, residue.start())
            if line is None:  # the body is compiled on the file's own lines
                line = 1 + text.count("\n", 0, residue.start())
            raise BuildFailure(
                f"clause {clause.id!r} leaves template residue {residue.group(0)!r} in the output",
                Location(clause.path, line),
            )
        return text

    def _blocks(
        self,
        clause: Clause,
        context: dict[str, object],
        agreement: Agreement,
        unchanged: frozenset[str] | None,
    ) -> list[Block]:
        """Rendered blocks of ``clause``, reused when the spec sections it reads are unchanged.

        ``unchanged`` names the sections known to equal those of a previous agreement
        (in a batch: the base spec); other sections are compared by value.
        """
        if unchanged is None:
            text = self.render_clause(clause, context)
            return parse_body(text, Location(clause.path))
        self._template(clause)
        key = (
            clause.id,
            tuple(
                _variable_key(name, agreement, unchanged, attr)
                for name, attr in self._depends[clause.id]
            ),
        )
        blocks = self._rendered.get(key)
        if blocks is None:
            text = self.render_clause(clause, context)
            blocks = parse_body(text, Location(clause.path))
            if len(self._rendered) > 4096:
                self._rendered.clear()
            self._rendered[key] = blocks
        return blocks

    def compose(
        self, agreement: Agreement, unchanged: frozenset[str] | None = None
    ) -> tuple[DocumentModel, list[Clause]]:
        """The document model of ``agreement`` and the clauses it uses."""
        context = make_context(agreement)
        clauses = self._select(agreement, context, unchanged)
        sections: list[Section] = []
        for number, clause in enumerate(clauses, start=1):
            section = Section(
                clause_id=clause.id,
                category=clause.meta.category,
                variant=clause.meta.variant,
                title=clause.meta.title,
                blocks=self._blocks(clause, context, agreement, unchanged),
                number=number,
            )
            sections.append(section)
        info = agreement.agreement
        provider, customer = agreement.parties.provider, agreement.parties.customer
        model = DocumentModel(
            agreement_id=info.id,
            title=info.title,
            subtitle=", ".join(s.name for s in agreement.services),
            version=info.version,
            effective_date=long_date(info.effective_date),
            author=provider.name,
            subject=f"{info.title} between {provider.name} and {customer.name}",
            parties=[
                Party(p.name, p.role, p.signatory.name, p.signatory.title)
                for p in (provider, customer)
            ],
            sections=sections,
            created=info.effective_date.isoformat(),
        )
        _check_references(model, clauses)
        return model, clauses


def _residue_line(template: Template, context: dict[str, object], offset: int) -> int | None:
    """The template line whose output holds character ``offset`` of the rendered text.

    Renders again, chunk by chunk, and asks Jinja which template line produced each chunk
    (only done when a build already failed). ``None`` if the line cannot be told."""
    chunks: Any = None
    try:
        chunks = template.root_render_func(template.new_context(context))
        done = 0
        for chunk in chunks:
            if done + len(chunk) > offset:
                frame = chunks
                while getattr(frame, "gi_yieldfrom", None) is not None:
                    frame = frame.gi_yieldfrom
                line = template.get_corresponding_lineno(frame.gi_frame.f_lineno)
                before: int = chunk.count("\n", 0, offset - done)
                return int(line) + before
            done += len(chunk)
    except Exception:  # a best effort, on a path that is already an error
        return None
    finally:
        if chunks is not None:
            chunks.close()
    return None


def _check_references(model: DocumentModel, clauses: list[Clause]) -> None:
    for section, clause in zip(model.sections, clauses, strict=True):
        for target in ref_targets(section.blocks):
            try:
                model.target_number(target)
            except KeyError:
                raise ClauseError(
                    f"clause {clause.id!r} refers to [[{target}]], "
                    "which is not a clause id or a unique category in this agreement",
                    Location(clause.path),
                ) from None


def _dependencies(tree: nodes.Template, names: set[str]) -> tuple[tuple[str, str | None], ...]:
    """The context values a template reads: ``(name, attribute)`` where every use of a name
    is ``name.attribute``, else ``(name, None)`` for the whole value."""
    known = set(Agreement.model_fields) | set(DERIVED)
    attributes: dict[str, set[str]] = {}
    covered: set[int] = set()
    for node in tree.find_all(nodes.Getattr):
        target = node.node
        if isinstance(target, nodes.Name) and target.name in known:
            attributes.setdefault(target.name, set()).add(node.attr)
            covered.add(id(target))
    whole = {n.name for n in tree.find_all(nodes.Name) if n.name in known and id(n) not in covered}
    found: set[tuple[str, str | None]] = {(n, None) for n in whole & names}
    for name, attrs in attributes.items():
        if name in names and name not in whole:
            found.update((name, attr) for attr in attrs)
    return tuple(sorted(found, key=lambda item: (item[0], item[1] or "")))


def _variable_key(
    name: str, agreement: Agreement, unchanged: frozenset[str], attr: str | None = None
) -> str:
    """What a cached clause must match for ``name`` (or ``name.attr``): "=" when its section
    is known to be unchanged, else the value's fingerprint."""
    derived = DERIVED.get(name)
    section = derived[0] if derived else name
    if section in unchanged:
        return "="
    value = derived[1](agreement) if derived else getattr(agreement, name)
    if attr is not None:
        value = getattr(value, attr, None)
    return _fingerprint(value)


def _fingerprint(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, list | tuple):
        return "[" + ",".join(_fingerprint(v) for v in value) + "]"
    dump = getattr(value, "model_dump_json", None)
    return dump() if dump is not None else repr(value)


def _template_line(tb: TracebackType | None) -> int | None:
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
