"""Every way a draft can be unreadable gives one line that names the file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from slaforge.errors import InputError
from slaforge.extract import CFB_MAGIC, extract


def _cfb(*stream_names: str) -> bytes:
    """A stand-in OLE2 compound file: the magic, a header, and directory entry names."""
    entries = b"".join(name.encode("utf-16-le").ljust(128, b"\0") for name in stream_names)
    return CFB_MAGIC + bytes(504) + entries


def _message(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        extract(path)
    return str(caught.value)


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    path.write_text("This is plain text with a .docx name.", encoding="utf-8")

    assert _message(path) == f"{path}: not a .docx file (it is not a zip archive)"


def test_truncated_zip(tmp_path: Path) -> None:
    document = io.BytesIO()
    docx.Document().save(document)
    path = tmp_path / "draft.docx"
    path.write_bytes(document.getvalue()[:2000])

    assert _message(path) == f"{path}: corrupt .docx: the zip archive is truncated or damaged"


def test_damaged_member(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>terms</w:document>")
    data = buffer.getvalue().replace(b"terms", b"TERMS", 1)
    path = tmp_path / "draft.docx"
    path.write_bytes(data)

    assert _message(path) == f"{path}: corrupt .docx: damaged member word/document.xml"


def _deflated_docx(document_xml: bytes, *, damage: bool) -> bytes:
    """A .docx of python-docx's own parts with ``document_xml`` as its body, compressed; with
    ``damage``, the first bytes of that member's compressed data are overwritten, so that it
    no longer inflates (zlib's "invalid block type", not a bad checksum)."""
    source = io.BytesIO()
    docx.Document().save(source)
    out = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = document_xml if info.filename == "word/document.xml" else src.read(info)
            dst.writestr(info.filename, data)
    if not damage:
        return out.getvalue()
    data = bytearray(out.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start : start + 8] = b"\xff" * 8
    return bytes(data)


_BODY = (
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body>" + b"<w:p><w:r><w:t>The Supplier shall respond.</w:t></w:r></w:p>" * 400
)


def test_member_whose_compressed_data_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(_deflated_docx(_BODY + b"</w:body></w:document>", damage=True))

    assert _message(path) == f"{path}: corrupt .docx: damaged member word/document.xml"


def test_part_that_is_not_well_formed_xml(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(_deflated_docx(_BODY + b"<w:p></w:body></w:document>", damage=False))

    message = _message(path)

    assert message.startswith(f"{path}: corrupt .docx: word/document.xml is not well-formed XML")
    assert "(line 1, column " in message


def test_zip_that_is_not_an_office_document(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")

    assert "corrupt .docx: no [Content_Types].xml" in _message(path)


def test_password_protected(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(_cfb("Root Entry", "EncryptionInfo", "EncryptedPackage"))

    message = _message(path)

    assert message.startswith(f"{path}: password-protected or encrypted .docx")


def test_old_binary_doc(tmp_path: Path) -> None:
    for name in ("old.doc", "renamed.docx"):
        path = tmp_path / name
        path.write_bytes(_cfb("Root Entry", "WordDocument", "1Table"))

        assert _message(path) == f"{path}: old Word 97-2003 .doc: save it as .docx"


def test_empty_file(tmp_path: Path) -> None:
    for name in ("empty.docx", "empty.txt"):
        path = tmp_path / name
        path.write_bytes(b"")

        assert _message(path) == f"{path}: empty file"


def test_text_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(b"Line one.\nCaf\xe9 terms.\n")

    message = _message(path)

    assert message == (
        f"{path}:2: not UTF-8 text: byte 0xe9 at offset 13 (line 2); save the file as UTF-8"
    )


def test_text_with_a_bom_names_the_bad_byte_at_its_offset_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(b"\xef\xbb\xbfLine one.\nCaf\xe9 terms.\n")

    assert _message(path) == (
        f"{path}:2: not UTF-8 text: byte 0xe9 at offset 16 (line 2); save the file as UTF-8"
    )


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "draft.pdf"
    path.write_bytes(b"%PDF-1.7")

    assert _message(path) == f"{path}: unsupported file type '.pdf': use .docx, .md, .txt"


def test_missing_file(tmp_path: Path) -> None:
    assert _message(tmp_path / "gone.txt") == f"{tmp_path / 'gone.txt'}: no such file"
