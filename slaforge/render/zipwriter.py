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


class SegmentCache:
    """Deflated pieces of a part, kept so a piece seen before is not compressed again.

    Each piece is compressed on its own and ended with a sync flush, which leaves it
    byte-aligned; concatenated and closed by an empty final block they form one valid
    deflate stream.
    """

    _FINAL_EMPTY_BLOCK = b"\x03\x00"

    def __init__(self, limit: int = 8192, level: int = 6) -> None:
        self._cache: dict[str, bytes] = {}
        self._limit = limit
        self._level = level

    def _segment(self, piece: str) -> bytes:
        packed = self._cache.get(piece)
        if packed is None:
            compressor = zlib.compressobj(self._level, zlib.DEFLATED, -15)
            packed = compressor.compress(piece.encode()) + compressor.flush(zlib.Z_SYNC_FLUSH)
            if len(self._cache) >= self._limit:
                self._cache.clear()
            self._cache[piece] = packed
        return packed

    def part(self, name: str, pieces: list[str]) -> Part:
        data = "".join(pieces).encode()
        packed = b"".join(self._segment(p) for p in pieces) + self._FINAL_EMPTY_BLOCK
        return Part(name, zlib.crc32(data), len(data), packed)


def write_zip(parts: list[Part]) -> bytes:
    """Serialise ``parts`` in order as a zip archive."""
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for part in parts:
        name = part.name.encode("utf-8")
        # flags (UTF-8 names), method, time, date, crc, sizes, name length: in both records
        shared = (
            0x0800, _DEFLATE, _DOS_TIME, _DOS_DATE,
            part.crc, len(part.compressed), part.size, len(name),
        )  # fmt: skip
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, _VERSION, *shared, 0)
        chunks += [header, name, part.compressed]
        entry = struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, _VERSION, _VERSION, *shared, 0, 0, 0, 0, 0, offset
        )
        central.append(entry + name)
        offset += len(header) + len(name) + len(part.compressed)
    directory = b"".join(central)
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(directory), offset, 0
    )
    return b"".join(chunks) + directory + end
