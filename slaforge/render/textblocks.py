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
                if block.level == 1:
                    sub, item = sub + 1, 0
                    clause = f"{number}.{sub}"
                    text = f"{clause} {text}"
                elif block.level == 2:
                    clause = f"({_letters(item)})"
                    item += 1
                    text = f"{clause} {text}"
                blocks.append(Block(text, BlockLocation(index, clause, path)))
                index += 1
            elif isinstance(block, Table):
                for r, row in enumerate([block.header, *block.rows]):
                    text = "|"
                    cells: list[tuple[int, int]] = []
                    for c, cell in enumerate(row):
                        text += " "
                        cells.append((len(text), c))
                        text += plain_text(cell, model) + " |"
                    location = BlockLocation(index, number, path, table=(r, 0))
                    blocks.append(Block(text, location, cells=tuple(cells)))
                    index += len(row)
    return blocks


def _letters(n: int) -> str:
    """Word's lowerLetter label for the ``n``-th item (0-based): a … z, aa … zz, aaa …"""
    return ascii_lowercase[n % 26] * (n // 26 + 1)
