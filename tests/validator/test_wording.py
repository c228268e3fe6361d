"""The data-driven wording checks: outdated names (each entry's own passing and failing examples), stated counts,
future tense about a past date, and contacts people cannot use. None fires on correct text; each fires on the
mistake a careful reader finds in the bundled statements.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
import yaml
from validator_support import ROOT

from fosterdocs.documents import Document
from fosterdocs.loading import load
from fosterdocs.project import Project
from fosterdocs.rules.contacts import unusable_contacts
from fosterdocs.rules.wording import outdated_terms, past_future, stated_counts

PROJECT = Project.find(ROOT / "data")
TODAY = date(2026, 11, 23)
ENTRIES = yaml.safe_load((ROOT / "data/reference/outdated-terms.yaml").read_text(encoding="utf-8"))["outdated"]


def _document(tmp_path, data: dict, service_type: str = "local-authority", kind: str = "statement-of-purpose"):
    path = tmp_path / f"{kind}.yaml"
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded, problems = load(path)
    assert not problems
    return Document(kind, "test", loaded, {"type": service_type}, PROJECT.reference, TODAY)


def _run(check, tmp_path, data, service_type="local-authority", kind="statement-of-purpose"):
    return list(check.run(_document(tmp_path, data, service_type, kind)))


def _examples(key):
    return [pytest.param(entry, text, id=f"{entry['right'][:30]}: {text[:40]}")
            for entry in ENTRIES for text in entry[key]]


def _regime(entry) -> str:
    return entry.get("regime", "local-authority")


@pytest.mark.parametrize("entry, text", _examples("passes"))
def test_an_outdated_term_does_not_fire_on_correct_text(tmp_path, entry, text):
    assert _run(outdated_terms, tmp_path, {"intro": {"content": [text]}}, _regime(entry)) == []


@pytest.mark.parametrize("entry, text", _examples("fails"))
def test_an_outdated_term_fires_and_names_what_is_right_now(tmp_path, entry, text):
    (hit,) = _run(outdated_terms, tmp_path, {"intro": {"content": [text]}}, _regime(entry))
    assert entry["right"] in hit.fix and entry["since"] in hit.fix and hit.regulation == entry["source"]
    assert hit.severity == entry["severity"]


def test_a_regulation_for_the_other_regime_is_only_wrong_for_that_regime(tmp_path):
    text = {"intro": {"content": ["the appointment of the Fostering Service Manager (Regulation 6)"]}}
    assert [f.rule for f in _run(outdated_terms, tmp_path, text, "local-authority")] == ["terms/outdated"]
    assert _run(outdated_terms, tmp_path, text, "independent-agency") == []


COUNTS = {
    "bees": ["Hertfordshire has developed the 'Six Outcome Bees' to measure outcomes.", "We will enable them to;",
             {"list": ["Be Happy", "Be Independent", "Be Ambitious", "Be Safe", "Be Healthy", "Be Resilient",
                       "Be Included"]}],
}


@pytest.mark.parametrize("said, hits", [("Six", 1), ("Seven", 0)])
def test_a_number_introducing_a_list_is_checked_against_it(tmp_path, said, hits):
    content = [COUNTS["bees"][0].replace("Six", said), *COUNTS["bees"][1:]]
    found = _run(stated_counts, tmp_path, {"introduction": {"content": content}})
    assert len(found) == hits
    if hits:
        assert "says 6, but 7 are listed" in found[0].message


def test_an_entry_marked_x3_counts_three(tmp_path):
    content = ["The service comprises five teams:", {"list": ["Recruitment Team", "Supervision Teams (x3)",
                                                               "Duty Team"]}]
    assert _run(stated_counts, tmp_path, {"staffing": {"content": content}}) == []


def test_the_teams_a_section_describes_are_counted(tmp_path):
    staffing = {"content": ["The Fostering Service delivers services through five key Teams:",
                            {"list": ["Recruitment", "Assessments", "Team around the child", "Kinship", "DPST"]}],
                "teams": [{"name": n} for n in ("Recruitment Team", "Assessment Team", "Team Around the Child",
                                                "Kinship Team – Assessment", "DPST", "Kinship TAC")]}
    (hit,) = _run(stated_counts, tmp_path, {"staffing": staffing})
    assert "'five key Teams' says 5, but 6 are described" in hit.message
    staffing["teams"].pop()
    assert _run(stated_counts, tmp_path, {"staffing": staffing}) == []


def test_a_number_with_nothing_to_count_is_left_alone(tmp_path):
    content = ["The complaints procedure has three stages.", "The Service has 3 following areas; Adoption, "
               "Family & Friends and Fostering."]
    assert _run(stated_counts, tmp_path, {"introduction": {"content": content}}) == []


@pytest.mark.parametrize("text, hits", [
    ("In line with new regulatory requirements this service will be become regulated by Ofsted in October 2023",
     1),
    ("This service will be regulated by Ofsted from October 2027.", 0),
    ("This service has been regulated by Ofsted since October 2023.", 0),
    ("The panel will meet on 3rd March 2025 to agree the new terms.", 1),
])
def test_future_tense_about_a_past_date_is_flagged(tmp_path, text, hits):
    found = _run(past_future, tmp_path, {"introduction": {"content": [text]}})
    assert len(found) == hits
    assert all("has passed" in f.message and f.severity == "warning" for f in found)


COMMISSIONER_BY_POST = {"name": "Office of the Children's Commissioner",
                        "address": {"lines": ["Sanctuary Buildings", "20 Great Smith Street", "London"],
                                    "postcode": "SW1P 3BT"}}


@pytest.mark.parametrize("commissioner, hits", [
    (COMMISSIONER_BY_POST, 1),
    ({**COMMISSIONER_BY_POST, "phone": "020 7783 8330"}, 1),  # a number, but not a free one
    ({**COMMISSIONER_BY_POST, "phone": "0800 528 0731"}, 0),
    ({"use": "reference/childrens_commissioner"}, 0),
])
def test_a_commissioner_children_cannot_ring_free_is_unusable(tmp_path, commissioner, hits):
    found = _run(unusable_contacts, tmp_path, {"regulators": {"childrens_commissioner": commissioner}})
    assert len(found) == hits
    if hits:
        assert "free number" in found[0].message and "use: reference/childrens_commissioner" in found[0].fix


def test_the_bundled_statements_get_exactly_the_wording_findings_a_reader_makes(findings):
    _, found = findings("data")
    wording = {(f["service"], f["rule"], f["message"][1:f["message"].index("' ")]) for f in found
               if f["rule"].startswith(("terms/", "wording/"))}
    assert ("hertfordshire", "terms/outdated", "Care Standards Act 2001") in wording
    assert ("hertfordshire", "terms/outdated", "Health and Care Professions Council") in wording
    assert ("hertfordshire", "wording/stated-count", "Six Outcome Bees") in wording
    assert ("leicestershire", "terms/outdated", "Manager (Regulation 6)") in wording
    assert ("leicestershire", "terms/outdated", "Children and Young People's Commissioner") in wording
    assert ("leicestershire", "wording/stated-count", "five key Teams") in wording
    assert ("leicestershire", "wording/past-future", "will be become regulated by Ofsted in October 2023") in wording
    assert ("norfolk", "terms/outdated", "Disability and Equality Act") in wording
    assert ("norfolk", "terms/outdated", "Fostering Services (England) Regulations 2013") in wording
    assert ("norfolk", "terms/outdated", "Office for Standards in Children's Services and Skills") in wording
    assert [w for w in wording if w[0] == "example"] == []
    assert ("norfolk", "contacts/unusable") in {(f["service"], f["rule"]) for f in found}
