"""Reading generated .docx files back the way Word would see them."""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def part(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def paragraph_text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{{{W}}}t"))


def headings(data: bytes) -> list[etree._Element]:
    body = part(data, "word/document.xml")
    return [
        p
        for p in body.iter(f"{{{W}}}p")
        if p.find("w:pPr/w:pStyle[@w:val='Heading1']", NS) is not None
    ]


def numbered(data: bytes) -> list[tuple[str, etree._Element]]:
    """(rendered clause number, paragraph) for every paragraph with slaforge's numbering."""
    body = part(data, "word/document.xml")
    counters = [0, 0, 0]
    out = []
    for p in body.iter(f"{{{W}}}p"):
        ilvl = p.find("w:pPr/w:numPr/w:ilvl", NS)
        if ilvl is None:
            continue
        level = int(ilvl.get(f"{{{W}}}val"))
        counters[level] += 1
        for lower in range(level + 1, 3):
            counters[lower] = 0
        if level == 0:
            number = str(counters[0])
        elif level == 1:
            number = f"{counters[0]}.{counters[1]}"
        else:
            letter = "abcdefghijklmnopqrstuvwxyz"[(counters[2] - 1) % 26]
            number = f"({letter * ((counters[2] - 1) // 26 + 1)})"
        out.append((number, p))
    return out


def canonical_document(data: bytes) -> str:
    """``word/document.xml`` pretty-printed, one element per line: stable for golden tests."""
    root = part(data, "word/document.xml")
    text = etree.tostring(root, pretty_print=True, encoding="unicode")
    return re.sub(r"[ \t]+\n", "\n", text)
