"""Reading the members of a .docx and naming the first one that is damaged or is not XML."""

from __future__ import annotations

import re
import zipfile
import zlib

from lxml import etree


def read_members(archive: zipfile.ZipFile) -> tuple[dict[str, bytes], str | None]:
    """Each member's bytes, read up to the first damaged member, and that member's name
    (None when every member reads back intact)."""
    parts: dict[str, bytes] = {}
    for info in archive.infolist():
        try:
            parts[info.filename] = archive.read(info)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError):
            # (a bad CRC, data that does not inflate, a member cut short, an unknown method)
            return parts, info.filename
    return parts, None


_LXML_PLACE = re.compile(r", line \d+, column \d+$")
"""The place lxml appends to its message, given apart here."""


def malformed_part(parts: dict[str, bytes]) -> str | None:
    """What is wrong with the first XML part of ``parts`` that does not parse
    ("word/styles.xml is not well-formed XML (line 2, column 80: …)"), or None."""
    for name, data in parts.items():
        if name.endswith((".xml", ".rels")):
            try:
                etree.fromstring(data)
            except etree.XMLSyntaxError as bad:
                line, column = bad.position
                what = _LXML_PLACE.sub("", bad.msg)
                return f"{name} is not well-formed XML (line {line}, column {column}: {what})"
    return None
