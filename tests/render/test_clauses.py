"""Clause libraries from users: overrides, new clauses, and every way a clause can fail."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from slaforge.clauses import load_library
from slaforge.errors import BuildFailure, ClauseError, InputError
from slaforge.render.build import Builder
from slaforge.render.compose import Composer
from slaforge.render.document import Paragraph, plain_text
from slaforge.spec import load_spec
from tests.render.docx_reading import W, part

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def clause(folder: Path, name: str, front: str, body: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.md"
    path.write_text(f"---\n{front.strip()}\n---\n{body}", encoding="utf-8")
    return path


def section_text(model: object, clause_id: str) -> str:
    for section in model.sections:  # type: ignore[attr-defined]
        if section.clause_id == clause_id:
            return " ".join(
                plain_text(b.inlines, model)  # type: ignore[arg-type]
                for b in section.blocks
                if isinstance(b, Paragraph)
            )
    raise AssertionError(f"no section {clause_id}")


def test_every_clause_is_used_by_some_example() -> None:
    composer = Composer.from_dirs()
    used: set[str] = set()
    for path in EXAMPLES:
        _, clauses = composer.compose(load_spec(path))
        used.update(c.id for c in clauses)
    assert used == set(composer.library.clauses), set(composer.library.clauses) - used


def test_user_clause_overrides_builtin_by_id(tmp_path: Path, canonical_spec: Path) -> None:
    clause(
        tmp_path,
        "my-purpose",
        "id: purpose\ntitle: Why We Agree\ncategory: purpose\norder: 10",
        "The {{ P }} shall serve {{ customer.name }} under this Agreement.\n",
    )
    model, _ = Composer.from_dirs([tmp_path]).compose(load_spec(canonical_spec))
    assert model.sections[0].title == "Why We Agree"
    assert section_text(model, "purpose") == (
        "The Provider shall serve Fabrikam Retail plc under this Agreement."
    )


def test_user_clause_can_be_added(tmp_path: Path, canonical_spec: Path) -> None:
    clause(
        tmp_path,
        "security",
        "id: security\ntitle: Information Security\ncategory: other\norder: 135",
        "The {{ P }} shall hold a certificate to ISO/IEC 27001 for the whole term.\n",
    )
    model, clauses = Composer.from_dirs([tmp_path]).compose(load_spec(canonical_spec))
    assert "security" in [c.id for c in clauses]
    assert "ISO/IEC 27001" in section_text(model, "security")


def test_cross_references_follow_renumbering(tmp_path: Path, canonical_spec: Path) -> None:
    agreement = load_spec(canonical_spec)
    before, _ = Composer.from_dirs().compose(agreement)
    clause(
        tmp_path,
        "no-purpose",
        "id: purpose\ntitle: Purpose\ncategory: purpose\norder: 10\napplies_to: []",
        "unused\n",
    )
    after, _ = Composer.from_dirs([tmp_path]).compose(agreement)
    target = "service-credits"
    assert after.target_number(target) == before.target_number(target) - 1


def test_missing_value_names_clause_and_variable(tmp_path: Path, canonical_spec: Path) -> None:
    path = clause(
        tmp_path,
        "purpose",
        "id: purpose\ntitle: Purpose\ncategory: purpose\norder: 10",
        "First line.\n\nThe {{ P }} shall meet {{ agreement.sla_owner }}.\n",
    )
    with pytest.raises(ClauseError) as info:
        Composer.from_dirs([tmp_path]).compose(load_spec(canonical_spec))
    message = str(info.value)
    assert message.startswith(f"{path}:9: ")
    assert "clause 'purpose'" in message and "sla_owner" in message


def test_reaching_python_internals_is_refused(tmp_path: Path, canonical_spec: Path) -> None:
    clause(
        tmp_path,
        "purpose",
        "id: purpose\ntitle: Purpose\ncategory: purpose\norder: 10",
        "{{ agreement.__class__.__mro__ }}\n",
    )
    with pytest.raises(ClauseError, match="tries to reach Python internals"):
        Composer.from_dirs([tmp_path]).compose(load_spec(canonical_spec))


def test_when_condition_is_sandboxed_too(tmp_path: Path, canonical_spec: Path) -> None:
    clause(
        tmp_path,
        "purpose",
        "id: purpose\ntitle: Purpose\ncategory: purpose\norder: 10\n"
        'when: "agreement.__class__ == 1"',
        "Text.\n",
    )
    with pytest.raises(ClauseError, match="'when' tries to reach Python internals"):
        Composer.from_dirs([tmp_path]).compose(load_spec(canonical_spec))


@pytest.mark.parametrize("residue", ["[TBD]", "[•]", "_____", "{{ '{{' }} x"])
def test_template_residue_fails_the_build(
    tmp_path: Path, canonical_spec: Path, residue: str
) -> None:
    clause(
        tmp_path,
        "purpose",
        "id: purpose\ntitle: Purpose\ncategory: purpose\norder: 10",
        f"The {{{{ P }}}} shall deliver {residue}.\n",
    )
    with pytest.raises(BuildFailure, match="clause 'purpose' leaves template residue"):
        Builder(clause_dirs=[tmp_path]).build(load_spec(canonical_spec))


@pytest.mark.parametrize(
    ("body", "line"),
    [
        # a literal residue: the file's own line, not that line plus the front matter
        ("First paragraph.\n\nSecond paragraph.\n\nThe {{ P }} shall pay within ___ days.\n", 12),
        # a loop renders more lines than it has; a tag line renders an empty one
        (
            "{% for m in metrics %}\n- {{ m.name }}\n{% endfor %}\n{% if true %}\n{% endif %}\n"
            "The {{ P }} shall deliver {{ '[' ~ 'TBD]' }}.\n",
            13,
        ),
        # residue on the third line of one paragraph of template text
        ("{{ P }} one\ntwo\nthree [insert name]\nfour.\n", 10),
    ],
)
def test_template_residue_names_the_line_of_the_clause_file(
    tmp_path: Path, canonical_spec: Path, body: str, line: int
) -> None:
    path = clause(
        tmp_path,
        "residue",
        "id: residue\ntitle: Residue\ncategory: other\norder: 125\ndescription: d",
        body,
    )
    with pytest.raises(BuildFailure) as info:
        Composer.from_dirs([tmp_path]).compose(load_spec(canonical_spec))
    assert str(info.value).startswith(f"{path}:{line}: clause 'residue' leaves template residue")


def test_syntax_error_names_file_and_line(tmp_path: Path, canonical_spec: Path) -> None:
    path = clause(
        tmp_path,
        "purpose",
        "id: purpose\ntitle: Purpose\ncategory: purpose\norder: 10",
        "Line one.\n{% if %}\n",
    )
    with pytest.raises(ClauseError) as info:
        Composer.from_dirs([tmp_path]).compose(load_spec(canonical_spec))
    assert str(info.value).startswith(f"{path}:8: clause 'purpose': template syntax error")


def test_unknown_reference_is_an_error(tmp_path: Path, canonical_spec: Path) -> None:
    clause(
        tmp_path,
        "purpose",
        "id: purpose\ntitle: Purpose\ncategory: purpose\norder: 10",
        "See clause [[warranty]].\n",
    )
    with pytest.raises(ClauseError, match=r"refers to \[\[warranty\]\]"):
        Composer.from_dirs([tmp_path]).compose(load_spec(canonical_spec))


def test_requires_is_enforced(tmp_path: Path, canonical_spec: Path) -> None:
    clause(
        tmp_path,
        "extra",
        "id: extra\ntitle: Extra\ncategory: other\norder: 500\nrequires: [warranty]",
        "Text.\n",
    )
    with pytest.raises(ClauseError, match="requires 'warranty'"):
        Composer.from_dirs([tmp_path]).compose(load_spec(canonical_spec))


def test_conflicts_is_enforced(tmp_path: Path, canonical_spec: Path) -> None:
    clause(
        tmp_path,
        "extra",
        "id: extra\ntitle: Extra\ncategory: other\norder: 500\nconflicts: [purpose]",
        "Text.\n",
    )
    with pytest.raises(ClauseError, match="conflicts with 'purpose'"):
        Composer.from_dirs([tmp_path]).compose(load_spec(canonical_spec))


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("id: x\ntitle: X\ncategory: purpose", "order: field required"),
        ("id: x\ntitle: X\ncategory: warranty\norder: 1", "unknown category 'warranty'"),
        ("id: x\ntitle: X\ncategory: purpose\norder: 1\ncolour: red", "colour: unknown field"),
    ],
)
def test_bad_front_matter(tmp_path: Path, front: str, expected: str) -> None:
    clause(tmp_path, "x", front, "Text.\n")
    with pytest.raises(ClauseError, match=expected):
        load_library([tmp_path])


def test_missing_front_matter(tmp_path: Path) -> None:
    tmp_path.joinpath("x.md").write_text("Just text.\n")
    with pytest.raises(ClauseError, match=r"x.md:1: a clause file starts with '---'"):
        load_library([tmp_path])


def test_clauses_whose_long_ids_begin_alike_get_their_own_bookmarks(
    tmp_path: Path, canonical_spec: Path
) -> None:
    for name, title, order in (("transfers", "DP transfers", 950), ("audits", "DP audits", 960)):
        clause(
            tmp_path,
            name,
            f"id: data-protection-and-international-{name}\ntitle: {title}\n"
            f"category: other\norder: {order}",
            "The Provider shall keep personal data in the United Kingdom.\n",
        )
    data = Builder(clause_dirs=[tmp_path]).build(load_spec(canonical_spec)).data
    body = part(data, "word/document.xml")

    # each contents entry links to the bookmark of the heading that has the entry's title
    def text(element: etree._Element) -> str:
        return "".join(t.text or "" for t in element.iter(f"{{{W}}}t"))

    headings = {
        mark.get(f"{{{W}}}name"): text(mark.getparent())
        for mark in body.iter(f"{{{W}}}bookmarkStart")
    }
    links = {
        link.get(f"{{{W}}}anchor"): text(link).lstrip("0123456789")
        for link in body.iter(f"{{{W}}}hyperlink")
    }
    assert len(headings) == len(list(body.iter(f"{{{W}}}bookmarkStart")))  # no name twice
    assert {"DP transfers", "DP audits"} <= set(headings.values())
    assert links == headings


def test_a_clause_file_that_is_not_utf8_names_its_line_and_byte(
    tmp_path: Path, canonical_spec: Path
) -> None:
    path = tmp_path / "purpose.md"
    path.write_bytes(
        b"---\nid: purpose\ntitle: Purpose\ncategory: purpose\norder: 10\n---\n"
        b"The Caf\xe9 shall deliver the Services.\n"
    )
    with pytest.raises(InputError) as caught:
        Builder(clause_dirs=[tmp_path]).build(load_spec(canonical_spec))

    assert str(caught.value) == (
        f"{path}:7: not UTF-8 text: byte 0xe9 at offset 70 (line 7); save the file as UTF-8"
    )


def test_a_clause_file_saved_with_windows_line_ends_and_a_bom_builds(
    tmp_path: Path, canonical_spec: Path
) -> None:
    text = "---\nid: purpose\ntitle: Purpose\ncategory: purpose\norder: 10\n---\nWe agree.\n"
    (tmp_path / "purpose.md").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())

    model = Builder(clause_dirs=[tmp_path]).build(load_spec(canonical_spec)).model

    assert section_text(model, "purpose") == "We agree."
