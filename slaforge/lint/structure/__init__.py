"""Document-structure rule kinds: placeholders, defined terms, cross-references, numbering,
and required sections (found by heading or by content).

- ``placeholders``: blanks left in a template, and drafting notes
- ``definitions``: where the draft defines its terms
- ``undefined``: capitalised terms used as defined ones but never defined
- ``unused``: defined terms never used
- ``references``: references to clauses, parts, tables or sections the document lacks
- ``parts``: the parts the document has, and references into another document
- ``numbering``: clause numbers and lettered items that skip one or repeat
- ``numbers``: the clause number each block carries or opens with
- ``headings``: each block's heading, run-in headings included
- ``tables``: which blocks are tables or rows of one
- ``tablecells``: table cells whose value a rule flags
- ``termwords``: word lists that tell a defined term from a name
- ``sections``: required sections (``check_section``)
"""

from __future__ import annotations

from slaforge.lint.context import Context
from slaforge.lint.model import Finding
from slaforge.lint.rules import Rule
from slaforge.lint.structure.numbering import _numbering
from slaforge.lint.structure.placeholders import _placeholders
from slaforge.lint.structure.references import _cross_references
from slaforge.lint.structure.sections import check_section
from slaforge.lint.structure.tablecells import _table_cells
from slaforge.lint.structure.undefined import _undefined_terms
from slaforge.lint.structure.unused import _unused_definitions

_STRUCTURE = {
    "table-cell": _table_cells,
    "placeholder": _placeholders,
    "undefined-term": _undefined_terms,
    "unused-definition": _unused_definitions,
    "cross-reference": _cross_references,
    "numbering": _numbering,
}


def check_structure(rule: Rule, ctx: Context) -> list[Finding]:
    """Run the structure check the rule names."""
    return list(_STRUCTURE[rule.check](rule, ctx))


__all__ = ["check_section", "check_structure"]
