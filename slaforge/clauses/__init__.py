"""The clause library: clause files, loading with user overrides, selection for a spec."""

from slaforge.clauses.library import Clause, ClauseLibrary, load_library
from slaforge.clauses.select import select_clauses

__all__ = ["Clause", "ClauseLibrary", "load_library", "select_clauses"]
