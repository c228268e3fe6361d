"""Each rule fails on a bad fixture and passes on a good one.

The good fixture is the fictional example service, which must have no findings at all; each bad fixture is that
example with one realistic mistake made in it.
"""

from __future__ import annotations

import pytest
from validator_support import ROOT

from fosterdocs.project import Project
from fosterdocs.reference import Texts

SOP = "data/example/statement-of-purpose.yaml"
SERVICE = "data/example/service.yaml"

# rule id, file, text in the example, the mistake, severity
BAD = [
    ("dates/review-overdue", SOP, "next_review_due: 2027-09-15", "next_review_due: 2026-10-01", "error"),
    ("dates/review-overdue", SOP, "next_review_due: 2027-09-15", "next_review_due: 2026-10", "error"),
    ("dates/review-due-soon", SOP, "next_review_due: 2027-09-15", "next_review_due: 2027-01-10", "warning"),
    ("dates/no-review-date", SOP, "  approved_on: 2026-09-15\n  published_on: 2026-09-20\n"
     "  lodged_with_ofsted_on: 2026-09-22\n  next_review_due: 2027-09-15\n", "  published_on: 2026-09-20\n", "error"),
    ("contacts/stale-ofsted", SOP, "  ofsted:\n    use: reference/ofsted",
     "  ofsted:\n    name: Ofsted\n    phone: 08456 40 40 40", "error"),
    ("contacts/stale-ofsted", SOP, "Anyone can tell Ofsted about a concern with the service.",
     "Write to Ofsted, Royal Exchange Buildings, St Ann's Square, Manchester M2 7LA.", "error"),
    ("contacts/ofsted-differs", SOP, "  ofsted:\n    use: reference/ofsted",
     "  ofsted:\n    name: Ofsted\n    phone: 0300 123 9999\n    email: enquiries@ofsted.gov.uk", "error"),
    ("contacts/commissioner-differs", SOP, "  childrens_commissioner:\n    use: reference/childrens_commissioner",
     "  childrens_commissioner:\n    name: Children's Commissioner\n    phone: 0800 111 2222", "error"),
    ("contacts/stale-commissioner", SOP, "Children can also contact the Children's Commissioner for England.",
     "Children can also contact Anne Longfield, the Children's Commissioner.", "error"),
    ("contacts/stale-commissioner", SOP, "Children can also contact the Children's Commissioner for England.",
     "Children can also contact the Children's Rights Director.", "error"),
    ("contacts/stale-email", SERVICE, "email: complaints@example.org", "email: complaints@exampleshire.gsi.gov.uk",
     "error"),
    ("contacts/missing-ofsted", SOP, "  ofsted:\n    use: reference/ofsted\n", "", "error"),
    ("contacts/missing-commissioner", SOP,
     "  childrens_commissioner:\n    use: reference/childrens_commissioner\n", "", "error"),
    ("refs/missing", SOP, "use: service/advocacy", "use: service/childrens_rights_team", "error"),
    ("figures/undated", SOP, "  as_at: 2026-08-31\n", "", "warning"),
    ("figures/undated", SOP, "  as_at: 2026-09-01\n", "", "warning"),
    ("figures/out-of-date", SOP, "as_at: 2026-08-31", "as_at: 2025-03-31", "warning"),
    ("figures/total-mismatch", SOP, "total_households: 160", "total_households: 217", "warning"),
    ("manager/missing", SOP, "  registered_manager:\n    use: service/registered_manager\n", "", "error"),
    ("manager/no-qualifications", SERVICE, "  qualifications: BA (Hons)", "  training: BA (Hons)", "error"),
    ("manager/no-experience", SERVICE, "  experience: Sam has", "  history: Sam has", "error"),
    ("complaints/no-stages", SOP, "  stages:\n    - name: Stage 1", "  steps:\n    - name: Stage 1", "error"),
    ("complaints/no-timescale", SOP, "      working_days: 30\n", "", "error"),
    ("complaints/unreachable", SOP, "  contact:\n    use: service/complaints",
     "  contact:\n    name: Complaints team\n    website: https://www.example.org/complaints", "error"),
    ("format/phone", SERVICE, "phone: 01632 960150", "phone: 0163 296", "error"),
    ("format/email", SERVICE, "email: complaints@example.org", "email: complaints at example.org", "error"),
    ("format/postcode", SERVICE, "postcode: EX2 4QR\n  phone", "postcode: EX24 QRR\n  phone", "error"),
    ("format/url", SERVICE, "website: https://www.example.org/complaints", "website: www.example.org/complaints",
     "error"),
    ("format/date", SOP, "  approved_on: 2026-09-15\n  published_on",
     "  approved_on: 15/09/2026\n  published_on", "error"),
    ("format/date", SOP, "  approved_on: 2026-09-15\n  published_on",
     "  approved_on: 2026-09-31\n  published_on", "error"),
    ("text/placeholder", SOP, "Our fostering panel has an independent chair", "Our fostering panel has TBC", "error"),
    ("text/placeholder", SOP, "Our fostering panel has an independent chair",
     "Lorem ipsum dolor sit amet", "error"),
    ("text/placeholder", SOP, "count: 118", "count: 118\n      note: 12 of them respite (remove)", "error"),
    ("text/table-shape", SOP, '["Team managers (4)", "Fostering Service Manager"]',
     "[Team managers (4), Fostering Service Manager, Exampleshire]", "error"),
    ("related/expired", SOP, "contacts:\n  title: How to contact us",
     "related_documents:\n  - title: Children in Care Strategy\n    period: 2016-19\n"
     "contacts:\n  title: How to contact us",
     "warning"),
    ("schema/unknown-key", SOP, "  period: 2026-27", "  peroid: 2026-27", "error"),
    ("schema/missing", SOP, "monitoring:\n  title: How we check the quality of our care",
     "monitor:\n  title: How we check the quality of our care", "error"),
    ("schema/type", SERVICE, "review_interval_months: 12", "review_interval_months: twelve", "error"),
]


def test_example_service_has_no_findings(findings):
    code, found = findings("data/example")
    assert found == []
    assert code == 0


@pytest.mark.parametrize("rule, file, old, new, severity", BAD, ids=[f"{b[0]}-{i}" for i, b in enumerate(BAD)])
def test_rule_fires_on_its_bad_fixture(project, findings, rule, file, old, new, severity, edit):
    edit(project / file, old, new)
    code, found = findings("data/example", cwd=project)
    hits = [f for f in found if f["rule"] == rule and f["file"] == file]
    assert hits, f"{rule} did not fire in {file}; got {[(f['rule'], f['file']) for f in found]}"
    for hit in hits:
        assert hit["line"] >= 1 and hit["column"] >= 1
        assert hit["message"] and hit["fix"] and hit["regulation"]
        assert hit["severity"] == severity
    assert code == (1 if any(f["severity"] == "error" for f in found) else 0)


def test_staffing_without_any_count_is_an_error(project, findings):
    sop = project / SOP
    text = sop.read_text()
    lines = [line for line in text.splitlines(keepends=True) if not line.strip().startswith("count:")]
    sop.write_text("".join(lines))
    _, found = findings("data/example", cwd=project)
    assert [f["severity"] for f in found if f["rule"] == "staffing/no-figures"] == ["error"]


def test_an_undated_document_whose_period_has_ended_is_flagged(project, findings, edit):
    edit(project / SOP, "  period: 2026-27", "  period: 2024-2025")
    edit(project / SOP, "  approved_on: 2026-09-15\n  published_on: 2026-09-20\n  lodged_with_ofsted_on: 2026-09-22\n"
                        "  next_review_due: 2027-09-15\n", "  published_on: 2026-09-20\n")
    _, found = findings("data/example", cwd=project)
    (hit,) = [f for f in found if f["rule"] == "dates/period-ended"]
    assert hit["severity"] == "warning" and "2024-2025" in hit["message"]


def test_without_a_review_date_the_review_is_due_a_year_after_approval(project, findings, edit):
    edit(project / SOP, "  next_review_due: 2027-09-15\n", "")
    _, found = findings("data/example", cwd=project)
    assert found == []  # approved 15 September 2026: due 15 September 2027
    _, found = findings("data/example", cwd=project, today="2027-09-16")
    (hit,) = [f for f in found if f["rule"] == "dates/review-overdue" and f["file"] == SOP]
    assert "15 September 2027 (12 months after approval" in hit["message"]
    assert hit["line"] == 8  # approved_on, where the date comes from


def test_review_due_just_outside_the_window_passes(project, findings, edit):
    edit(project / SOP, "next_review_due: 2027-09-15", "next_review_due: 2027-01-23")
    _, found = findings("data/example", cwd=project)
    assert not [f for f in found if f["rule"].startswith("dates/")]


def test_service_can_widen_its_warning_window(project, findings, edit):
    edit(project / SOP, "next_review_due: 2027-09-15", "next_review_due: 2027-01-23")
    edit(project / SERVICE, "review_warning_days: 60", "review_warning_days: 90")
    _, found = findings("data/example", cwd=project)
    assert [f["rule"] for f in found] == ["dates/review-due-soon"]


def test_unknown_key_suggests_the_right_one(project, findings, edit):
    edit(project / SOP, "  period: 2026-27", "  peroid: 2026-27")
    _, found = findings("data/example", cwd=project)
    (hit,) = [f for f in found if f["rule"] == "schema/unknown-key"]
    assert "peroid" in hit["message"] and "`period`" in hit["fix"]
    assert (hit["line"], hit["column"]) == (5, 3)


def test_stale_ofsted_number_names_the_current_one(project, findings, edit):
    edit(project / SOP, "  ofsted:\n    use: reference/ofsted",
         "  ofsted:\n    name: Ofsted\n    phone: 08456 40 40 40")
    _, found = findings("data/example", cwd=project)
    (hit,) = [f for f in found if f["rule"] == "contacts/stale-ofsted"]
    assert "0300 123 1231" in hit["fix"] and "checked 2026-12-01" in hit["fix"]
    assert "regulation 3(3)(c)" in hit["regulation"]


def test_the_examples_details_are_allowed_only_in_the_example(project, findings):
    (project / "data/example").rename(project / "data/mine")
    _, found = findings("data/mine", cwd=project)
    identity = [f for f in found if f["rule"] == "text/example-identity"]
    assert identity and all("a fictional service, not yours" in f["message"] for f in identity)
    assert "'01632 960120' is a fictional telephone number of the example" in " ".join(f["message"] for f in identity)


def _downgrade(project, edit, requirement: str, reason: str) -> None:
    """Record in the example's service.yaml a downgrade of requirement, with its reason."""
    edit(project / SERVICE, "review_interval_months: 12", "review_interval_months: 12\ndowngrades:\n"
         f"  - requirement: {requirement}\n    reason: {reason}")


def test_downgrade_of_expected_practice_becomes_a_warning_with_its_reason(project, findings, edit):
    edit(project / SOP, "      working_days: 30\n", "")
    _downgrade(project, edit, "SOP-COMPLAINTS", "The new complaints procedure is being agreed with the council in "
               "January.")
    code, found = findings("data/example", cwd=project)
    (hit,) = [f for f in found if f["rule"] == "complaints/no-timescale"]
    assert hit["severity"] == "warning"
    assert "being agreed with the council" in hit["note"]
    assert code == 0


def test_a_warning_is_not_downgraded_even_when_its_requirement_may_be(project, findings, edit):
    edit(project / SOP, "next_review_due: 2027-09-15", "next_review_due: 2027-01-10")
    _downgrade(project, edit, "REVIEW-INTERVAL", "The review is booked for the panel in January.")
    _, found = findings("data/example", cwd=project)
    (soon,) = [f for f in found if f["rule"] == "dates/review-due-soon"]
    assert (soon["requirement"], soon["severity"], soon["note"]) == ("REVIEW-INTERVAL", "warning", "")


@pytest.mark.parametrize("today, rule, severity, words", [
    ("2026-11-23", "dates/review-due-soon", "warning", "due by 23 November 2026, in 0 days"),
    ("2026-11-24", "dates/review-overdue", "error", "due by 23 November 2026, 1 day ago"),
])
def test_a_review_due_today_is_due_and_overdue_only_the_day_after(project, findings, edit, today, rule, severity,
                                                                   words):
    edit(project / SOP, "next_review_due: 2027-09-15", "next_review_due: 2026-11-23")
    _, found = findings("data/example", cwd=project, today=today)
    dates = [f for f in found if f["rule"].startswith("dates/") and f["file"] == SOP]
    assert [(f["rule"], f["severity"]) for f in dates] == [(rule, severity)]
    assert words in dates[0]["message"]


@pytest.mark.parametrize("phone, differs", [("+44 300 123 1231", False), ("+44 (0)300 123 1231", False),
                                            ("+44 300 123 9999", True)])
def test_an_international_form_of_the_current_number_is_the_same_number(project, findings, edit, phone, differs):
    edit(project / SOP, "  ofsted:\n    use: reference/ofsted",
         f"  ofsted:\n    name: Ofsted\n    phone: {phone}\n    email: enquiries@ofsted.gov.uk")
    _, found = findings("data/example", cwd=project)
    hits = [f["message"] for f in found if f["rule"] == "contacts/ofsted-differs"]
    assert hits == ([f"The Ofsted contact differs from the current one: phone '{phone}'."] if differs else [])


def test_a_legal_requirement_cannot_be_downgraded(project, findings, edit):
    edit(project / SOP, "  parent_and_child: We offer", "  parent_and_child_note: We offer")
    _downgrade(project, edit, "REG3-1b", "Not yet written.")
    code, found = findings("data/example", cwd=project)
    legal = [f for f in found if f["requirement"] == "REG3-1b"]
    assert "schema/missing" in {f["rule"] for f in legal} and {f["severity"] for f in legal} == {"error"}
    (refused,) = [f for f in found if f["rule"] == "downgrades/not-allowed"]
    assert refused["file"] == SERVICE and "REG3-1b" in refused["message"]
    assert code == 1


KNOWN_STALE = [  # as ../shared/reference/requirements.md lists them ("Known stale values"), except "Commissioner's
    # Advice Line", which the Commissioner's own Help at Hand page still uses; 11 MILLION only as the office's name
    "08456 40 40 40", "08456 404040", "0845 640 4040", "Royal Exchange Buildings, St Ann's Square, Manchester M2 7LA",
    "Alexandra House, Kingsway, London", "Aviation House, Kingsway, London", "Commission for Social Care Inspection",
    "CSCI", "National Care Standards Commission", "Anne Longfield", "Maggie Atkinson", "Al Aynsley-Green",
    "11 Million, the Children's Commissioner", "Children's Rights Director", "rights4me",
    "jo.bloggs@leics.gsi.gov.uk", "0845 450 3956", "managed by BAAF",
]
PLACEHOLDERS = ["TBC", "TBA", "XXXX", "???", "Lorem ipsum", "[insert name of manager]", "(remove)", "(Check)"]


def _reference():
    return Project.find(ROOT / "data").reference


@pytest.mark.parametrize("text", KNOWN_STALE)
def test_every_known_stale_value_is_found_past_its_quick_test(text):
    """Each pattern is tried only on text holding one of its `contains` texts: these must cover every value."""
    stale = _reference().stale_set
    texts = ["Nothing to see here.", f"Write to us: {text.upper()}, or call.", f"see {text}"]
    found = {index for index, _, _ in stale.search(Texts(texts))}
    assert found == {1, 2}, text


@pytest.mark.parametrize("text", PLACEHOLDERS)
def test_every_placeholder_is_found_past_its_quick_test(text):
    placeholders = _reference().placeholder_set
    assert [index for index, _, _ in placeholders.search(Texts(["All done.", f"Manager: {text} today"]))] == [1]
