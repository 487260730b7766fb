"""Choose the clauses of the library that apply to one agreement."""

from __future__ import annotations

from typing import Any

from jinja2 import TemplateError
from jinja2.exceptions import SecurityError

from slaforge.clauses.library import Clause, ClauseLibrary
from slaforge.errors import ClauseError, Location
from slaforge.render.env import make_environment
from slaforge.spec.model import Agreement

_ENV = make_environment()
_EXPRESSIONS: dict[str, Any] = {}


def _compiled(expression: str) -> Any:
    compiled = _EXPRESSIONS.get(expression)
    if compiled is None:
        compiled = _ENV.compile_expression(expression, undefined_to_none=False)
        _EXPRESSIONS[expression] = compiled
    return compiled


def _applies(clause: Clause, agreement: Agreement, context: dict[str, Any]) -> bool:
    if agreement.agreement.type not in clause.meta.applies_to:
        return False
    if clause.meta.when is None:
        return True
    try:
        return bool(_compiled(clause.meta.when)(**context))
    except SecurityError as exc:
        raise ClauseError(
            f"clause {clause.id!r}: 'when' tries to reach Python internals ({exc})",
            Location(clause.path, field="when"),
        ) from exc
    except TemplateError as exc:
        raise ClauseError(
            f"clause {clause.id!r}: 'when' condition fails: {exc}",
            Location(clause.path, field="when"),
        ) from exc


def select_clauses(
    library: ClauseLibrary, agreement: Agreement, context: dict[str, Any]
) -> list[Clause]:
    """The clauses whose agreement types and ``when`` condition match, checked for consistency.

    ``requires`` names clause ids or categories that must also be selected, ``conflicts``
    ones that must not be.
    """
    chosen = [c for c in library if _applies(c, agreement, context)]
    ids = {c.id for c in chosen}
    categories = {c.meta.category for c in chosen}
    for clause in chosen:
        for need in clause.meta.requires:
            if need not in ids and need not in categories:
                raise ClauseError(
                    f"clause {clause.id!r} requires {need!r}, "
                    "which this agreement does not include",
                    Location(clause.path, field="requires"),
                )
        for clash in clause.meta.conflicts:
            if clash in ids or (clash in categories and clash != clause.meta.category):
                raise ClauseError(
                    f"clause {clause.id!r} conflicts with {clash!r}, which is also selected",
                    Location(clause.path, field="conflicts"),
                )
    return chosen
