"""The agreement spec: typed models, YAML loading with positions, semantic checks.

The names below load their modules on first use: ``slaforge lint`` reads rule files with
:mod:`slaforge.spec.yamlpos` and does not need the spec models.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from slaforge.spec.load import load_spec, load_spec_text, validate_data
    from slaforge.spec.model import Agreement

__all__ = ["Agreement", "load_spec", "load_spec_text", "validate_data"]
_HOMES = {
    "Agreement": "model",
    "load_spec": "load",
    "load_spec_text": "load",
    "validate_data": "load",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"slaforge.spec.{home}"), name)
