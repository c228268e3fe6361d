"""A statement fosterdocs has never seen, with headings none of the seeds use ('Who we are', 'Telling us you are
unhappy', 'Reaching the regulator'...): placed by the keyword rules, from Markdown, from Word with heading styles,
and from a PDF where only the words say which lines are headings."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from import_support import TODAY, make_docx, make_pdf
from ruamel.yaml import YAML

from fosterdocs.cli import main

SOURCE = Path(__file__).parent / "fixtures" / "riverbend-statement.md"
PLACED = {
    "aims_and_objectives": "What we want for children",
    "status_and_constitution": "Who we are",
    "services": "Kinds of fostering we offer",
    "management": "Running the agency",
    "staffing": "Who works here",
    "numbers": "How many families foster with us",
    "recruitment_and_assessment": "Becoming a foster carer",
    "panel": "The approval panel",
    "training": "Learning for carers",
    "support_and_supervision": "Looking after our carers",
    "monitoring": "Checking our quality",
    "complaints": "Telling us you are unhappy",
    "allegations": "If a carer is accused of harm",
    "regulators": "Reaching the regulator",
}


@pytest.fixture(scope="module")
def drafts(session_project, tmp_path_factory):
    """The made-up statement imported from .md, .docx (heading styles) and .pdf (no styles at all)."""
    folder = tmp_path_factory.mktemp("unseen")
    sources = {"md": SOURCE, "docx": make_docx(SOURCE, folder / "riverbend.docx"),
               "pdf": make_pdf(SOURCE, folder / "riverbend.pdf")}
    found = {}
    for fmt, source in sources.items():
        out = io.StringIO()
        with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stdout(out):
            mp.chdir(session_project)
            code = main(["import", str(source), "--service", f"riverbend-{fmt}", "--today", TODAY])
        assert code == 0
        found[fmt] = (out.getvalue(), YAML(typ="safe").load(session_project / "data" / f"riverbend-{fmt}" /
                                                             "statement-of-purpose.yaml"))
    return found


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_sections_are_placed_by_their_words_not_by_known_headings(drafts, fmt):
    _, draft = drafts[fmt]
    assert {name: draft[name]["title"] for name in PLACED if name in draft} == PLACED


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_part_about_nothing_in_the_schema_is_left_unmapped_with_its_heading(drafts, fmt):
    report, draft = drafts[fmt]
    headings = [part.get("heading") for part in draft["unmapped"]]
    assert headings == [None, "A note on our garden"]  # the title page, then the garden
    assert draft["unmapped"][1]["content"] == ["Our office garden is looked after by volunteers, and visiting "
                                               "children are welcome to help plant bulbs."]
    assert "warning  import/unmapped  The part 'A note on our garden' was not placed" in report


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_structured_fields_come_out_of_unfamiliar_wording(drafts, fmt):
    report, draft = drafts[fmt]
    assert draft["document"]["next_review_due"] == "2027-09-30"
    assert [t["name"] for t in draft["services"]["types_of_fostering"]] == \
        ["Short-term", "Long-term", "Short breaks", "Parent and child"]
    assert draft["services"]["parent_and_child"].startswith("Parent and child arrangements, where a carer")
    assert draft["staffing"]["teams"][0]["staff"] == [{"role": "team manager", "count": 1},
                                                      {"role": "supervising social workers", "count": 6},
                                                      {"role": "support workers", "count": 2}]
    assert draft["numbers"] == {**draft["numbers"], "as_at": "2026-03-31", "children_placed": 61,
                                "households": [{"label": "fostering households", "count": 48}]}
    assert [(s["name"], s.get("working_days"), s.get("extendable_to")) for s in draft["complaints"]["stages"]] == \
        [("Stage 1", 10, None), ("Stage 2", 25, 65), ("Stage 3", 30, None)]
    assert draft["complaints"]["contact"] == {"name": "Complaints Officer", "phone": "01632 960322", "address": {
        "lines": ["Riverbend House", "12 Mill Lane", "Riverton"], "postcode": "RV4 2PL"}}
    assert draft["regulators"]["ofsted"] == {"name": "Ofsted", "phone": "0300 123 1231",
                                             "email": "enquiries@ofsted.gov.uk", "address": {
                                                 "lines": ["Piccadilly Gate", "Store Street", "Manchester"],
                                                 "postcode": "M1 2WD"}}
    assert draft["regulators"]["childrens_commissioner"] == {"name": "Children's Commissioner for England",
                                                             "phone": "0800 528 0731"}
    assert "Registered manager: Priya Natarajan, under \"Running the agency\"" in report


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_post_by_post_table_becomes_the_management_structure(drafts, fmt):
    _, draft = drafts[fmt]
    assert draft["management"]["structure"] == {"header": ["Post", "Reports to"], "rows": [
        ["Responsible individual", "Board of directors"], ["Registered manager", "Responsible individual"]]}
    assert not any(isinstance(block, dict) and "table" in block for block in draft["management"]["content"])
