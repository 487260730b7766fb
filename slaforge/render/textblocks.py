"""A document model as the linter's text blocks, without writing and re-reading a .docx."""

from __future__ import annotations

from slaforge.lint.model import Block, BlockLocation
from slaforge.render.document import DocumentModel, Paragraph, Table, plain_text


def model_blocks(model: DocumentModel) -> list[Block]:
    """Headings, numbered paragraphs and table cells with the numbers Word will show."""
    blocks: list[Block] = []
    index = 0
    for section in model.sections:
        number = str(section.number)
        path = (f"{number} {section.title}",)
        blocks.append(Block(section.title, BlockLocation(index, number, path), True, 1))
        index += 1
        sub = 0
        for block in section.blocks:
            if isinstance(block, Paragraph):
                clause = number
                if block.level == 1:
                    sub += 1
                    clause = f"{number}.{sub}"
                elif block.level == 2 and sub:
                    clause = f"{number}.{sub}"
                text = plain_text(block.inlines, model)
                blocks.append(Block(text, BlockLocation(index, clause, path)))
                index += 1
            elif isinstance(block, Table):
                for r, row in enumerate([block.header, *block.rows]):
                    for c, cell in enumerate(row):
                        text = plain_text(cell, model)
                        location = BlockLocation(index, number, path, table=(r, c))
                        blocks.append(Block(text, location))
                index += 1
    return blocks
