"""The annotated copy: one Word comment per finding, on exactly its words, nothing else changed."""

from __future__ import annotations

import time
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from lxml import etree

from slaforge.extract import extract
from slaforge.extract.docx import run_text
from slaforge.extract.numbering import w
from slaforge.lint.model import Block, Finding, Severity
from slaforge.report.docx_comments import Annotated, annotate


def _draft(path: Path) -> Path:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Draft on reasonable efforts"
    document.add_heading("Response times", 1)
    paragraph = document.add_paragraph()
    paragraph.add_run("The supplier shall use ")
    paragraph.add_run("reasonable efforts to").bold = True
    paragraph.add_run(" reply within a ")
    paragraph.add_run("commercially").italic = True
    paragraph.add_run(" reasonable time at its sole discretion.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Urgent"
    table.cell(0, 1).text = "Best efforts, around the clock."
    document.add_paragraph("Credits are the only remedy.")
    document.save(str(path))
    return path


def _finding(block: Block, words: str, code: str = "SLA101") -> Finding:
    start = block.text.index(words)
    return Finding(
        code=code,
        name="effort-not-result",
        category="weak-obligation",
        severity=Severity.WARNING,
        message="An effort is promised, not a result.",
        why="A promise to try cannot be missed.",
        suggestion="Promise a measurable outcome.",
        file="draft.docx",
        location=block.location_at(start),
        start=start,
        end=start + len(words),
        text=block.text,
        match=words,
    )


def _findings(path: Path) -> list[Finding]:
    blocks = {b.text: b for b in extract(path)}
    sentence = blocks[
        "The supplier shall use reasonable efforts to reply within a commercially "
        "reasonable time at its sole discretion."
    ]
    return [
        _finding(sentence, "reasonable efforts"),
        _finding(sentence, "commercially reasonable time", "SLA102"),
        _finding(sentence, "reasonable time at its sole", "SLA103"),
        _finding(blocks["| Urgent | Best efforts, around the clock. |"], "Best efforts"),
    ]


def _anchored(path: Path) -> dict[str, str]:
    """Comment id → the text between its commentRangeStart and commentRangeEnd."""
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    open_ids: list[str] = []
    text: dict[str, str] = {}
    for element in body.iter(w("commentRangeStart"), w("commentRangeEnd"), w("r")):
        comment_id = str(element.get(w("id")))
        if element.tag == w("commentRangeStart"):
            open_ids.append(comment_id)
            text[comment_id] = ""
        elif element.tag == w("commentRangeEnd"):
            open_ids.remove(comment_id)
        else:
            for open_id in open_ids:
                text[open_id] += run_text(element)
    return text


def _styled_characters(path: Path) -> list[list[tuple[str, bytes]]]:
    """Each body paragraph as (character, run properties) pairs, comment reference runs aside."""
    out = []
    for p in docx.Document(str(path)).element.body.iter(w("p")):
        chars: list[tuple[str, bytes]] = []
        for r in p.iter(w("r")):
            if r.find(w("commentReference")) is not None:
                continue
            rpr = r.find(w("rPr"))
            props = b"" if rpr is None else etree.tostring(rpr, method="c14n")
            chars.extend((char, props) for char in run_text(r))
        out.append(chars)
    return out


def test_one_comment_per_finding_on_exactly_the_flagged_words(tmp_path: Path) -> None:
    src = _draft(tmp_path / "draft.docx")
    findings = _findings(src)

    result = annotate(src, findings, tmp_path / "out.docx")

    assert result == Annotated(added=4, skipped=0)
    comments = list(docx.Document(str(tmp_path / "out.docx")).comments)
    assert len(comments) == 4
    anchored = _anchored(tmp_path / "out.docx")
    assert [anchored[str(c.comment_id)] for c in comments] == [f.match for f in findings]
    assert {(c.author, c.initials) for c in comments} == {("slaforge", "SF")}
    assert comments[1].text.splitlines() == [
        "SLA102 effort-not-result: An effort is promised, not a result.",
        "Why: A promise to try cannot be missed.",
        "Suggested: Promise a measurable outcome.",
    ]


def test_text_and_formatting_are_unchanged(tmp_path: Path) -> None:
    src = _draft(tmp_path / "draft.docx")

    annotate(src, _findings(src), tmp_path / "out.docx")

    assert _styled_characters(tmp_path / "out.docx") == _styled_characters(src)
    bold = [r.text for r in docx.Document(str(tmp_path / "out.docx")).paragraphs[1].runs if r.bold]
    assert bold == ["reasonable efforts", " to"]


def test_unknown_words_are_skipped(tmp_path: Path) -> None:
    src = _draft(tmp_path / "draft.docx")
    body = next(b for b in extract(src) if b.text.startswith("Credits"))
    lost = replace(_finding(body, "only remedy"), match="exclusive remedy", start=40, end=56)

    result = annotate(src, [lost], tmp_path / "out.docx")

    assert result == Annotated(added=0, skipped=1)
    assert len(docx.Document(str(tmp_path / "out.docx")).comments) == 0


def test_header_finding_is_a_comment_on_the_first_paragraph_quoting_the_header(
    tmp_path: Path,
) -> None:
    src = _draft(tmp_path / "draft.docx")
    header = next(b for b in extract(src) if b.location.part == "header")

    result = annotate(src, [_finding(header, "reasonable efforts")], tmp_path / "out.docx")

    assert result == Annotated(added=1, skipped=0)
    assert list(_anchored(tmp_path / "out.docx").values()) == ["Response times"]
    (comment,) = docx.Document(str(tmp_path / "out.docx")).comments
    assert comment.text.splitlines()[:2] == [
        "In the page header: \u201creasonable efforts\u201d",
        "SLA101 effort-not-result: An effort is promised, not a result.",
    ]


def test_words_are_found_when_offsets_are_off(tmp_path: Path) -> None:
    src = _draft(tmp_path / "draft.docx")
    body = next(b for b in extract(src) if b.text.startswith("Credits"))
    shifted = replace(_finding(body, "only remedy"), start=0, end=11)

    assert annotate(src, [shifted], tmp_path / "out.docx") == Annotated(added=1, skipped=0)
    assert list(_anchored(tmp_path / "out.docx").values()) == ["only remedy"]


def test_same_input_gives_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _draft(tmp_path / "draft.docx")

    annotate(src, _findings(src), tmp_path / "one.docx")
    later = time.time() + 86_400
    monkeypatch.setattr(time, "time", lambda: later)
    annotate(src, _findings(src), tmp_path / "two.docx")

    assert (tmp_path / "one.docx").read_bytes() == (tmp_path / "two.docx").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.docx") as archive:
        assert b"w:date=" not in archive.read("word/comments.xml")


def test_the_draft_itself_is_not_touched(tmp_path: Path) -> None:
    src = _draft(tmp_path / "draft.docx")
    before = src.read_bytes()

    annotate(src, _findings(src), tmp_path / "out.docx")

    assert src.read_bytes() == before
