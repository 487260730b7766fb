"""Which blocks are tables, or rows of one written as text."""

from __future__ import annotations

from slaforge.lint.context import Context
from slaforge.lint.docinfo import DocInfo


def _table_row(text: str) -> bool:
    """A Markdown table row ("| A | B |"); the substring test first, as most blocks have none."""
    return "|" in text and text.lstrip().startswith("|")


def _is_table(info: DocInfo) -> bool:
    text = info.block.text
    return info.block.location.table is not None or " | " in text or text.startswith("|")


def _table_blocks(ctx: Context) -> list[int]:
    """The indexes of the blocks that are tables or in one (see ``_is_table``): the rows
    written as text are among the few blocks with a ``|``."""
    rows = {i.index for i in ctx.blocks_containing(["|"]) if _is_table(i)}
    cells = {i.index for i in ctx.infos if i.block.location.table is not None}
    return sorted(rows | cells)
