"""Word list numbering: the label Word renders in front of a numbered paragraph.

Follows ``word/numbering.xml`` the way Word does: a paragraph's ``w:numPr`` (or its style's,
through ``basedOn``) names a numbering instance (``w:num``) and a level; instances that share an
abstract definition share counters, unless the instance overrides a level's start value, which
restarts it. Each level renders its ``w:lvlText`` (``"%1.%2"``) with the counters of the levels
it names, in their own number formats; a lower level restarts whenever a higher one advances.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_LEVELS = 9


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag: ``w("p")`` → ``{…/main}p``."""
    return f"{{{W_NS}}}{tag}"


def wval(element: etree._Element | None, default: str | None = None) -> str | None:
    """The ``w:val`` attribute of ``element``, or ``default``."""
    if element is None:
        return default
    value = element.get(w("val"))
    return default if value is None else value


def as_int(text: str | None, default: int) -> int:
    """``text`` as an integer, or ``default`` when it is missing or not a number."""
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


@dataclass(frozen=True)
class Level:
    """One level of a list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    legal: bool = False
    style: str | None = None


@dataclass
class _Styles:
    """What numbering needs from ``styles.xml``: numPr, basedOn, names and outline levels."""

    num: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    based_on: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    outline: dict[str, int] = field(default_factory=dict)
    default: str | None = None

    @classmethod
    def parse(cls, root: etree._Element | None) -> _Styles:
        styles = cls()
        if root is None:
            return styles
        for style in root.iter(w("style")):
            if style.get(w("type")) not in (None, "paragraph"):
                continue
            sid = style.get(w("styleId"))
            if sid is None:
                continue
            if style.get(w("default")) in ("1", "true", "on"):
                styles.default = sid
            styles.names[sid] = wval(style.find(w("name")), sid) or sid
            parent = wval(style.find(w("basedOn")))
            if parent:
                styles.based_on[sid] = parent
            ppr = style.find(w("pPr"))
            if ppr is None:
                continue
            numpr = ppr.find(w("numPr"))
            if numpr is not None:
                styles.num[sid] = (wval(numpr.find(w("numId"))), wval(numpr.find(w("ilvl"))))
            outline = ppr.find(w("outlineLvl"))
            if outline is not None:
                styles.outline[sid] = as_int(wval(outline), 9)
        return styles

    def chain(self, sid: str | None) -> list[str]:
        """``sid`` and the styles it is based on, nearest first."""
        seen: list[str] = []
        while sid is not None and sid not in seen:
            seen.append(sid)
            sid = self.based_on.get(sid)
        return seen


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, digits in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += digits
            n -= value
    return out


def _parse_level(lvl: etree._Element) -> tuple[int, Level]:
    ilvl = as_int(lvl.get(w("ilvl")), 0)
    restart = lvl.find(w("lvlRestart"))
    return ilvl, Level(
        start=as_int(wval(lvl.find(w("start"))), 0),
        fmt=wval(lvl.find(w("numFmt")), "decimal") or "decimal",
        text=wval(lvl.find(w("lvlText")), "") or "",
        restart=None if restart is None else as_int(wval(restart), 0),
        legal=lvl.find(w("isLgl")) is not None,
        style=wval(lvl.find(w("pStyle"))),
    )


_PLACEHOLDER = re.compile(r"%([1-9])")


class Numbering:
    """Renders list labels for paragraphs visited in document order."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self.styles = _Styles.parse(styles)
        self._abstract: dict[str, dict[int, Level]] = {}
        self._style_link: dict[str, str] = {}
        self._num_abstract: dict[str, str] = {}
        self._num_overrides: dict[str, dict[int, tuple[int | None, Level | None]]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()
        if numbering is None:
            return
        for abstract in numbering.iter(w("abstractNum")):
            aid = abstract.get(w("abstractNumId"))
            if aid is None:
                continue
            self._abstract[aid] = dict(_parse_level(lvl) for lvl in abstract.iter(w("lvl")))
            link = wval(abstract.find(w("numStyleLink")))
            if link:
                self._style_link[aid] = link
        for num in numbering.iter(w("num")):
            nid = num.get(w("numId"))
            aid = wval(num.find(w("abstractNumId")))
            if nid is None or aid is None:
                continue
            self._num_abstract[nid] = aid
            overrides: dict[int, tuple[int | None, Level | None]] = {}
            for override in num.iter(w("lvlOverride")):
                ilvl = as_int(override.get(w("ilvl")), 0)
                start = override.find(w("startOverride"))
                lvl = override.find(w("lvl"))
                overrides[ilvl] = (
                    None if start is None else as_int(wval(start), 0),
                    None if lvl is None else _parse_level(lvl)[1],
                )
            self._num_overrides[nid] = overrides

    def _resolve(self, nid: str) -> tuple[str, dict[int, Level]] | None:
        """The abstract definition of instance ``nid``, following ``w:numStyleLink``."""
        aid = self._num_abstract.get(nid)
        for _ in range(3):
            if aid is None:
                return None
            link = self._style_link.get(aid)
            if link is None:
                break
            linked = self.styles.num.get(link, (None, None))[0]
            if linked is None or linked not in self._num_abstract:
                break
            aid = self._num_abstract[linked]
        if aid is None or aid not in self._abstract:
            return None
        levels = dict(self._abstract[aid])
        for ilvl, (_, lvl) in self._num_overrides.get(nid, {}).items():
            if lvl is not None:
                levels[ilvl] = lvl
        return aid, levels

    def num_pr(self, p: etree._Element) -> tuple[str, int] | None:
        """The (numId, ilvl) of paragraph ``p``, from its own properties or its style's."""
        ppr = p.find(w("pPr"))
        nid: str | None = None
        ilvl: str | None = None
        sid = wval(ppr.find(w("pStyle"))) if ppr is not None else None
        sid = sid or self.styles.default
        if ppr is not None and (numpr := ppr.find(w("numPr"))) is not None:
            nid = wval(numpr.find(w("numId")))
            ilvl = wval(numpr.find(w("ilvl")))
        style_nid: str | None = None
        for style in self.styles.chain(sid):
            if style in self.styles.num:
                style_nid, style_ilvl = self.styles.num[style]
                ilvl = ilvl if ilvl is not None else style_ilvl
                break
        nid = nid if nid is not None else style_nid
        if nid is None or nid == "0":
            return None
        if ilvl is None:
            resolved = self._resolve(nid)
            levels = resolved[1] if resolved else {}
            ilvl = next(
                (str(i) for i, lvl in levels.items() if lvl.style and lvl.style == sid), "0"
            )
        return nid, min(max(as_int(ilvl, 0), 0), _LEVELS - 1)

    def label(self, p: etree._Element) -> tuple[str, bool] | None:
        """Advance the counters for ``p`` and return its rendered label and whether it is a
        number (``False`` for bullets); ``None`` when ``p`` is not in a list."""
        numbered = self.num_pr(p)
        if numbered is None:
            return None
        nid, ilvl = numbered
        resolved = self._resolve(nid)
        if resolved is None:
            return None
        aid, levels = resolved
        counters = self._counters.setdefault(aid, [None] * _LEVELS)
        if nid not in self._started:
            self._started.add(nid)
            for level_no, (start, _) in self._num_overrides.get(nid, {}).items():
                if start is not None and 0 <= level_no < _LEVELS:
                    counters[level_no] = start - 1
        level = levels.get(ilvl, Level())
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, _LEVELS):
            restart = levels.get(deeper, Level()).restart
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if level.fmt == "bullet":
            return level.text, False

        def render(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            lvl = levels.get(index, Level())
            value = counters[index]
            fmt = "decimal" if level.legal and lvl.fmt != "none" else lvl.fmt
            return _format(lvl.start if value is None else value, fmt)

        return _PLACEHOLDER.sub(render, level.text), True

    def heading_level(self, p: etree._Element) -> int | None:
        """The heading level (1-9) of ``p`` from a "Heading N" style or an outline level."""
        ppr = p.find(w("pPr"))
        if ppr is not None and (outline := ppr.find(w("outlineLvl"))) is not None:
            value = as_int(wval(outline), 9)
            return value + 1 if value < _LEVELS else None
        sid = wval(ppr.find(w("pStyle"))) if ppr is not None else None
        for style in self.styles.chain(sid):
            match = re.fullmatch(r"heading\s*([1-9])", self.styles.names.get(style, ""), re.I)
            if match:
                return int(match.group(1))
            if style in self.styles.outline:
                value = self.styles.outline[style]
                return value + 1 if value < _LEVELS else None
        return None
