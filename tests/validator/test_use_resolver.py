"""The one resolver of `use:` (documents.lookup, Document.expand): what rules, the site, the PDFs, diff and the editor
show for a shared fact."""

from __future__ import annotations

from datetime import date

from validator_support import ROOT

from fosterdocs.documents import Document, Shelf, lookup
from fosterdocs.loading import Loaded
from fosterdocs.project import Project

PROJECT = Project.find(ROOT / "data")
SERVICE = {"complaints": {"name": "Complaints team", "phone": "0116 000 0000"},
           "team": [{"use": "service/complaints"}], "loop": {"use": "service/loop"}}


def _document(tmp_path, data) -> Document:
    folder = tmp_path / "test"
    folder.mkdir()
    (folder / "statement-of-purpose.yaml").write_text("complaints:\n  title: Complaints\n  procedure: {use: service/"
                                                      "complaints}\n", encoding="utf-8")
    return Document("carer-handbook", "test", Loaded("carer-handbook.yaml", data), SERVICE, PROJECT.reference,
                    date(2026, 11, 23), Shelf(folder))


def test_lookup_finds_each_kind_of_shared_fact_as_written(tmp_path):
    document = _document(tmp_path, {})
    assert document.lookup("service/complaints") == SERVICE["complaints"]
    assert document.lookup("reference/ofsted") == PROJECT.reference.regulators["ofsted"]
    assert document.lookup("statement-of-purpose/complaints")["procedure"] == {"use": "service/complaints"}
    assert document.lookup("service/nothing") is None
    assert lookup("service/complaints", SERVICE, {}, None) == SERVICE["complaints"]
    assert lookup("statement-of-purpose/complaints", SERVICE, {}, None) is None  # no shelf: no statement to read


def test_expand_replaces_every_use_marking_where_it_came_from(tmp_path):
    document = _document(tmp_path, {})
    shown = document.expand({"section": {"use": "statement-of-purpose/complaints"}, "team": {"use": "service/team"}})
    assert shown["section"]["_from"] == "statement-of-purpose/complaints"
    assert shown["section"]["procedure"] == {**SERVICE["complaints"], "_from": "service/complaints"}
    assert shown["team"] == {"items": [{**SERVICE["complaints"], "_from": "service/complaints"}],
                             "_from": "service/team"}


def test_expand_gives_none_for_a_missing_fact_and_for_a_loop(tmp_path):
    document = _document(tmp_path, {})
    assert document.expand({"a": {"use": "service/nothing"}, "b": {"use": "service/loop"}}) == {"a": None, "b": None}
