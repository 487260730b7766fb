"""A minimal deterministic zip writer that compresses unchanging parts only once.

A .docx is a zip. In a batch of agreements most parts (styles, theme, fonts) are the same
for every document; :class:`Part` keeps their deflated bytes so each further document
only compresses what changed. Timestamps are fixed, so the same parts give the same bytes.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_DOS_TIME = 0
_VERSION = 20
_DEFLATE = 8


@dataclass(frozen=True)
class Part:
    """A zip member with its deflated bytes and checksum, ready to write."""

    name: str
    crc: int
    size: int
    compressed: bytes

    @classmethod
    def of(cls, name: str, data: bytes, level: int = 6) -> Part:
        compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
        packed = compressor.compress(data) + compressor.flush()
        return cls(name, zlib.crc32(data), len(data), packed)


def write_zip(parts: list[Part]) -> bytes:
    """Serialise ``parts`` in order as a zip archive."""
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for part in parts:
        name = part.name.encode("utf-8")
        header = struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            _VERSION,
            0x0800,
            _DEFLATE,
            _DOS_TIME,
            _DOS_DATE,
            part.crc,
            len(part.compressed),
            part.size,
            len(name),
            0,
        )
        chunks += [header, name, part.compressed]
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                _VERSION,
                _VERSION,
                0x0800,
                _DEFLATE,
                _DOS_TIME,
                _DOS_DATE,
                part.crc,
                len(part.compressed),
                part.size,
                len(name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + name
        )
        offset += len(header) + len(name) + len(part.compressed)
    directory = b"".join(central)
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(directory), offset, 0
    )
    return b"".join(chunks) + directory + end
