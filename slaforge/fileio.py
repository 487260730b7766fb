"""Atomic file writing (a reader never sees a half-written output file), how text that cannot
be decoded is reported, and the check that a Word document is written under a .docx name."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from slaforge.errors import InputError, Location


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    The file ends up with the permissions ``open(path, "wb")`` would give it: those of the
    file it replaces, else read-write for everyone the umask allows. A symbolic link is
    written through, to the file it points at."""
    if path.is_symlink():
        path = path.resolve()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        raise InputError("a file stands where its folder should be", Location(path)) from exc
    except OSError as exc:  # (no permission, a read-only disk)
        raise InputError(f"cannot create its folder: {exc.strerror}", Location(path)) from exc
    if path.is_dir():
        raise InputError("is a folder; give a file name", Location(path))
    try:
        mode: int | None = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = None  # a new file: the umask applies, as for open()
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    tmp: Path | None = None
    try:
        while tmp is None:
            # (named before it exists: a Ctrl-C just after the open still finds it to remove)
            tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}.part"
            try:
                fd = os.open(tmp, flags, 0o666)
            except FileExistsError:
                tmp = None
            except OSError as exc:
                tmp = None
                raise InputError(f"cannot write: {exc.strerror}", Location(path)) from exc
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:  # (a full disk, a quota)
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise InputError(f"cannot write: {exc.strerror}", Location(path)) from exc
    except BaseException:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise


def undecodable(
    encoding: str, bad: bytes, offset: int, line: int, advice: str = "save the file as UTF-8"
) -> str:
    """The one wording for undecodable input: ``not UTF-8 text: byte 0xe9 at offset 428 (line 3);``
    then ``advice``. ``encoding`` is a codec name; UTF-8 and its BOM variant read as ``UTF-8``."""
    label = "UTF-8" if encoding.replace("_", "-").lower() in ("utf-8", "utf-8-sig") else encoding
    return f"not {label} text: byte 0x{bad[:1].hex()} at offset {offset} (line {line}); {advice}"


def require_docx_name(path: Path, option: str) -> None:
    """A Word document is written under a ``.docx`` name only: ``x.pdf``, ``x`` or ``-`` given
    to ``option`` is a usage mistake, reported before any work is done."""
    if str(path) == "-":
        raise InputError(
            f"{option} -: this Word document cannot go to standard output; "
            "give a file name ending in .docx"
        )
    if path.suffix.lower() != ".docx":
        got = f"'{path.suffix}'" if path.suffix else "no extension"
        if path.name.lower() == ".docx":
            got = "nothing before .docx"
        raise InputError(
            f"{option} writes a Word document: give it a name ending in .docx (got {got})",
            Location(path),
        )


def decode_utf8(data: bytes, path: Path) -> str:
    """``data``, read from ``path``, as UTF-8 text (a BOM is dropped); an InputError names the
    first byte that is not UTF-8, with its offset in the file and its line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # with a BOM, the codec reports the offset within the text after it
        offset = len(data) - len(exc.object) + exc.start
        line = data.count(b"\n", 0, offset) + 1
        raise InputError(
            undecodable("utf-8", data[offset : offset + 1], offset, line), Location(path, line)
        ) from exc
