"""Output files are written whole, with the permissions a user expects."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from slaforge.fileio import write_atomic


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_a_new_file_is_readable_by_others_as_the_umask_allows(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "agreement.docx", b"data")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "agreement.docx").stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["agreement.docx"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "agreement.docx"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need rights on Windows")
def test_a_symbolic_link_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.docx"
    real.write_bytes(b"old")
    link = tmp_path / "link.docx"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_a_ctrl_c_right_after_the_temporary_file_is_made_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The interrupt lands the moment the temporary file exists: neither it nor the target is
    left in the folder (bulk promises no partial file after Ctrl-C)."""
    real_open = os.open

    def open_then_interrupted(*args: object, **kwargs: object) -> int:
        os.close(real_open(*args, **kwargs))  # type: ignore[arg-type]
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "open", open_then_interrupted)

    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "agreement.docx", b"data")

    assert list(tmp_path.iterdir()) == []
