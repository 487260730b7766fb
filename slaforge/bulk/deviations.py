"""Where a customer's terms differ from the base spec, described for a lawyer."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from slaforge.metrics import HIGHER_IS_BETTER
from slaforge.render.env import cell, money
from slaforge.spec.model import number_text

IDENTITY = (
    "parties.customer",
    "agreement.id",
    "agreement.effective_date",
    "agreement.end_date",
    "agreement.version",
)
"""Fields expected to differ for every customer; they are not deviations."""


@dataclass(frozen=True)
class Deviation:
    path: str
    base: str
    value: str
    note: str


def deviations(base: dict[str, Any], row: dict[str, Any]) -> list[Deviation]:
    """Every term of ``row`` (a spec as plain data) that differs from ``base``; a credit tier
    reads with its metric's name when the spec data holds its ``metrics``."""
    found = []
    for path, old, new in _diff(base, row, ""):
        if path.startswith(IDENTITY):
            continue
        before, after = _shown(path, old, base), _shown(path, new, row)
        found.append(Deviation(path, before, after, _note(path, old, new, row)))
    return found


def _shown(path: str, value: Any, spec: dict[str, Any]) -> str:
    credits = spec.get("credits")
    currency = str(credits.get("currency") or "") if isinstance(credits, dict) else ""
    if path == "credits.cap_amount" and isinstance(value, int | float) and currency:
        return money(value, currency)
    names = {m.get("id"): m.get("name") for m in spec.get("metrics") or [] if isinstance(m, dict)}
    return _show(value, currency, names)


def _diff(old: Any, new: Any, path: str) -> Iterator[tuple[str, Any, Any]]:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new), key=lambda k: (k not in old, str(k))):
            yield from _diff(old.get(key), new.get(key), f"{path}.{key}" if path else str(key))
    elif _keyed(old) and _keyed(new):
        old_by_id = {item["id"]: item for item in old}
        new_by_id = {item["id"]: item for item in new}
        for key in [*old_by_id, *(k for k in new_by_id if k not in old_by_id)]:
            yield from _diff(old_by_id.get(key), new_by_id.get(key), f"{path}.{key}")
    elif _records(old) and _records(new):
        # items without ids (credit tiers) pair by position, as columns address them;
        # each changed item is shown whole, since its fields only make sense together
        for index in range(max(len(old), len(new))):
            before = old[index] if index < len(old) else None
            after = new[index] if index < len(new) else None
            if before != after:
                yield f"{path}.{index}", before, after
    elif old != new:
        yield path, old, new


def _keyed(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(i, dict) and "id" in i for i in value)


def _records(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(i, dict) for i in value)


def _show(value: Any, currency: str = "", names: dict[Any, Any] | None = None) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(_show(v, currency, names) for v in value) or "(none)"
    if isinstance(value, dict):
        if {"metric", "below"} <= value.keys():
            return _tier(value, currency, names or {})
        return ", ".join(f"{k}={_show(v, currency)}" for k, v in value.items() if v is not None)
    if isinstance(value, float):
        return number_text(value)
    return str(value)


def _tier(tier: dict[str, Any], currency: str, names: dict[Any, Any]) -> str:
    """A credit tier in the words and number formats of the agreement's table, through the
    same filters: ``Platform Availability below 99.95% and at least 99.5% → 5%``, or
    ``→ EUR 1,250.50``."""
    level = f"{cell(names.get(tier['metric']) or tier['metric'])} below {_show(tier['below'])}%"
    if tier.get("at_least"):
        level += f" and at least {_show(tier['at_least'])}%"
    if tier.get("percent") is not None:
        credit = f"{_show(tier['percent'])}%"
    elif tier.get("amount") is not None:
        credit = money(tier["amount"], currency) if currency else _show(tier["amount"])
    else:
        credit = "no credit"
    return f"{level} → {credit}"


def _note(path: str, old: Any, new: Any, row: dict[str, Any]) -> str:
    if old is None:
        return "added"
    if new is None:
        return "removed"
    if isinstance(old, list) and isinstance(new, list):
        if len(new) < len(old):
            return f"{len(old) - len(new)} item(s) removed"
        if len(new) > len(old):
            return f"{len(new) - len(old)} item(s) added"
        return "items changed"
    if isinstance(old, bool) and isinstance(new, bool):
        return "switched on" if new else "switched off"
    if isinstance(old, int | float) and isinstance(new, int | float):
        parts = path.split(".")
        if parts[0] == "metrics" and parts[-1] == "target":
            kinds = {m["id"]: m["kind"] for m in row.get("metrics", [])}
            floor = kinds.get(parts[1]) in {k.value for k in HIGHER_IS_BETTER}
            weaker = new < old if floor else new > old
            return "weaker target" if weaker else "stricter target"
        if parts[-1].startswith("cap_"):
            return "bigger credit cap" if new > old else "smaller credit cap"
        return "increased" if new > old else "decreased"
    return "changed"
