"""Locate the data shipped with slaforge: clauses, templates, rules and examples.

In an installed wheel the data lives in ``slaforge/_builtin``; in a source checkout
it is the top-level folder of the same name.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def builtin_dir(name: str) -> Path:
    """Return the directory of built-in data ``name`` (``clauses``, ``templates``, ...)."""
    installed = _PACKAGE / "_builtin" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"slaforge is installed without its {name!r} data")
