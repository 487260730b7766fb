"""A document model as the linter's text blocks, without writing and re-reading a .docx."""

from __future__ import annotations

from string import ascii_lowercase

from slaforge.lint.model import Block, BlockLocation
from slaforge.render.document import DocumentModel, Paragraph, Table, plain_text


def model_blocks(model: DocumentModel) -> list[Block]:
    """The blocks the extractor reads from the written .docx: headings and paragraphs after
    the numbers Word shows (``4``, ``4.2``, ``(a)``), each table row as ``| cell | cell |``."""
    blocks: list[Block] = []
    index = 0
    for section in model.sections:
        number = str(section.number)
        title = f"{number} {section.title}"
        path = (title,)
        blocks.append(Block(title, BlockLocation(index, number, path), True, 1))
        index += 1
        sub = 0
        item = 0
        for block in section.blocks:
            if isinstance(block, Paragraph):
                text = plain_text(block.inlines, model)
                clause = number
                label = ""
                if block.level == 1:
                    sub, item = sub + 1, 0
                    label = clause = f"{number}.{sub}"
                elif block.level == 2:
                    label = clause = f"({_letters(item)})"
                    item += 1
                segments = ((len(label) + 1, index, 0),) if label else ()
                text = f"{label} {text}" if label else text
                blocks.append(Block(text, BlockLocation(index, clause, path), segments=segments))
                index += 1
            elif isinstance(block, Table):
                for r, row in enumerate([block.header, *block.rows]):
                    text = "|"
                    cells: list[tuple[int, int, int]] = []
                    for c, cell in enumerate(row):
                        text += " "
                        cells.append((len(text), index + c, c))
                        text += plain_text(cell, model).replace("|", "\u00a6") + " |"
                    location = BlockLocation(index, number, path, table=(r, 0))
                    blocks.append(Block(text, location, segments=tuple(cells)))
                    index += len(row)
    return blocks


def _letters(n: int) -> str:
    """Word's lowerLetter label for the ``n``-th item (0-based): a … z, aa … zz, aaa …"""
    return ascii_lowercase[n % 26] * (n // 26 + 1)
