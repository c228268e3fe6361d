"""Answers written back into the YAML: only edited lines change, and any text is stored as text."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from fosterdocs.editor import saving
from fosterdocs.editor.app import Editor, form_answers
from fosterdocs.loading import load

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(p.relative_to(ROOT / "data") for p in (ROOT / "data").glob("*/*.yaml") if p.parent.name != "reference")


@pytest.fixture
def editor(project):
    return Editor(project / "data")


def answer(editor, service, name, changes: dict, action="save"):
    page = editor.open(service, name)
    answers = {**form_answers(page.form), "working": page.text, "base": page.base, "action": action, **changes}
    return editor.post(service, name, answers)


@pytest.mark.parametrize("file", FILES, ids=str)
def test_saving_a_form_without_changes_leaves_every_bundled_file_byte_identical(editor, project, file):
    path = project / "data" / file
    before = path.read_bytes()
    page = answer(editor, file.parts[0], file.stem, {})
    assert not page.conflict
    assert path.read_bytes() == before


TRAPS = ["Please note: a copy is sent to Ofsted.", "'Quoted' at the start", '"Double" too', "# not a comment",
         "- not a list item", "Text with a # hash and a: colon", "**Markdown** _stays_ [as](text)",
         "Smart “quotes” and ‘apostrophes’ and a non\u00a0breaking space", "yes", "2026-01-01", "null", "~",
         "Two lines\nof text", "  leading spaces kept?", "{not: a mapping}", "[not, a, list]", "@at", "`tick`",
         "100%", "A tab\there"]


@pytest.mark.parametrize("text", TRAPS)
def test_any_text_is_stored_as_that_text(editor, project, text):
    answer(editor, "example", "service", {"f.registered_manager.experience": text})
    loaded, findings = load(project / "data/example/service.yaml")
    assert findings == []
    assert loaded.data["registered_manager"]["experience"] == text


def test_html_pasted_from_word_is_reduced_to_plain_text():
    word = '<p class=MsoNormal><b>Stage 1</b> – <span style="mso-bidi">local</span> resolution</p><p>Next</p>'
    assert saving.plain(word) == "Stage 1 – local resolution\nNext"
    assert saving.plain("3 < 4 and 5 > 2") == "3 < 4 and 5 > 2"


def test_an_emptied_field_is_removed_and_a_new_one_goes_in_schema_order(editor, project):
    path = project / "data/example/service.yaml"
    before = path.read_text(encoding="utf-8")
    answer(editor, "example", "service", {"f.registered_manager.email": "", "f.out_of_hours.email": "ooh@example.org"})
    diff = [line for line in difflib.unified_diff(before.splitlines(), path.read_text().splitlines(), n=0,
                                                  lineterm="") if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert diff == ["-  email: sam.okafor@example.org", "+  email: ooh@example.org"]
    text = path.read_text()
    assert "  phone: 01632 960140\n  email: ooh@example.org\n  hours: Evenings" in text


def test_dates_are_written_as_dates_and_a_month_alone_as_year_and_month(editor, project):
    answer(editor, "example", "statement-of-purpose", {"f.document.approved_on-day": "1",
                                                       "f.document.approved_on-month": "10",
                                                       "f.document.approved_on-year": "2026",
                                                       "f.document.next_review_due-day": ""})
    text = (project / "data/example/statement-of-purpose.yaml").read_text()
    assert "\n  approved_on: 2026-10-01\n" in text and "\n  next_review_due: 2027-09\n" in text


def test_a_layout_ruamel_would_change_is_kept_where_it_was_not_edited():
    original = "rows:\n  - - '1'\n    - a\n  - - '2'\n    - b\nname: x  # note\n"
    data = saving.parse(original)
    before = saving.dump(data)
    assert before != original  # ruamel lays nested lists out its own way
    data["name"] = "y"
    assert saving.merge_lines(original, before, saving.dump(data)) == original.replace("x  # note", "y  # note")


def test_the_write_is_refused_when_the_file_changed_since_it_was_read(tmp_path):
    path = tmp_path / "service.yaml"
    path.write_text("name: a\n")
    base = saving.digest(path.read_bytes())
    path.write_text("name: b\n")
    with pytest.raises(saving.Changed):
        saving.save(path, "name: c\n", base)
    assert path.read_text() == "name: b\n"
    assert saving.save(path, "name: c\n", saving.digest(b"name: b\n")) == saving.digest(b"name: c\n")
    assert path.read_text() == "name: c\n" and list(tmp_path.iterdir()) == [path]
