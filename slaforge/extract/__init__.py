"""Read a supplier's draft (.docx, .txt, .md) into blocks of text with their locations."""

from __future__ import annotations

from pathlib import Path

from slaforge.errors import InputError, Location
from slaforge.fileio import decode_utf8
from slaforge.lint.model import Block

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of an OLE2 compound file: old .doc, or an encrypted .docx."""

SUFFIXES: dict[str, str] = {
    ".docx": "docx",
    ".docm": "docx",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
}
"""File extensions ``extract`` reads, and how."""


def _sniff_cfb(data: bytes, where: Location) -> None:
    """Raise for an OLE2 file: encrypted Office documents and Word 97-2003 files are both OLE2."""
    if not data.startswith(CFB_MAGIC):
        return
    if "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in data:
        raise InputError(
            "password-protected or encrypted .docx: remove the password in Word "
            "(File > Info > Protect Document) and save it again",
            where,
        )
    raise InputError("old Word 97-2003 .doc: save it as .docx", where)


def extract(path: Path) -> list[Block]:
    """The blocks of text in ``path``, in reading order, chosen by the file's extension."""
    where = Location(file=path)
    if path.is_dir():
        raise InputError("is a folder, not a draft: give a .docx, .md or .txt file", where)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None and path.suffix.lower() != ".doc":
        known = ", ".join(sorted({s for s in SUFFIXES if s in (".docx", ".txt", ".md")}))
        raise InputError(f"unsupported file type {path.suffix or '(none)'!r}: use {known}", where)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError("no such file", where) from exc
    except IsADirectoryError as exc:
        raise InputError("is a folder, not a file", where) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", where) from exc
    if not data:
        raise InputError("empty file", where)
    _sniff_cfb(data, where)
    if kind is None:
        raise InputError("not a Word document (.doc without the Word 97-2003 format)", where)
    if kind == "docx":
        from slaforge.extract.docx import extract_docx

        return extract_docx(path)
    from slaforge.extract.text import extract_text

    return extract_text(decode_utf8(data, path), markdown=kind == "markdown")
