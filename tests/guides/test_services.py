"""The guides and handbooks of the bundled services: the example is complete, and the real services' gaps are found.

The real services' guides and handbooks hold only what their published statements say, so the validator reports
exactly what those statements leave out (pinned here with the date fixed).
"""

from __future__ import annotations

import pytest
from guides_support import GUIDES, edit

GUIDE_GAPS = {
    "norfolk": {("dates/no-review-date", "REVIEW-INTERVAL"), ("schema/missing", "CG-VISITS"),
                ("schema/missing", "NMS16.4-ADVOCACY"), ("schema/missing", "NMS16.4-IRO"),
                ("schema/missing", "NMS16.5")},
    "leicestershire": {("dates/no-review-date", "REVIEW-INTERVAL"), ("schema/missing", "CG-FAMILY"),
                       ("schema/missing", "CG-REVIEWS"), ("schema/missing", "NMS16.4-ADVOCACY"),
                       ("schema/missing", "NMS16.4-IRO"), ("schema/missing", "NMS16.5")},
    "hertfordshire": {("complaints/shown-without-stages", "REG3-3b"), ("dates/no-review-date", "REVIEW-INTERVAL"),
                      ("schema/missing", "CG-REVIEWS"), ("schema/missing", "CG-VISITS"),
                      ("schema/missing", "NMS16.4-ADVOCACY"), ("schema/missing", "NMS16.4-IRO"),
                      ("schema/missing", "NMS16.4-RIGHTS"), ("schema/missing", "NMS16.5")},
}
HANDBOOK_GAPS = {
    "norfolk": {("dates/no-review-date", "HB-REVIEW")},
    "leicestershire": {("dates/no-review-date", "HB-REVIEW"), ("schema/missing", "HB-ANNUAL-REVIEW"),
                       ("schema/missing", "HB-DELEGATED"), ("schema/missing", "HB-RECORDS"),
                       ("schema/missing", "HB-SAFER-CARING")},
    "hertfordshire": {("complaints/shown-without-stages", "HB-COMPLAINTS"), ("dates/no-review-date", "HB-REVIEW")},
}


def gaps(found, path):
    return {(f["rule"], f["requirement"]) for f in found if f["file"] == path}


def test_the_example_guides_and_handbook_have_no_findings(findings):
    code, found = findings(*(f"data/example/{name}.yaml" for name in (*GUIDES, "carer-handbook")))
    assert found == [] and code == 0


@pytest.mark.parametrize("service", GUIDE_GAPS)
def test_a_real_services_guides_report_what_its_statement_leaves_out(findings, service):
    _, found = findings(f"data/{service}")
    for name in GUIDES:
        assert gaps(found, f"data/{service}/{name}.yaml") == GUIDE_GAPS[service], name
    assert gaps(found, f"data/{service}/carer-handbook.yaml") == HANDBOOK_GAPS[service]


def test_a_guide_file_can_be_checked_on_its_own(findings):
    code, found = findings("data/norfolk/childrens-guide-under-8.yaml")
    assert {f["file"] for f in found} == {"data/norfolk/childrens-guide-under-8.yaml"} and code == 1


def test_a_file_for_an_unknown_age_band_is_named_and_the_right_names_given(project, findings):
    (project / "data/example/childrens-guide-under-8.yaml").rename(project / "data/example/childrens-guide-5-to-7.yaml")
    _, found = findings("data/example", cwd=project)
    (hit,) = [f for f in found if f["rule"] == "file/unknown-document"]
    assert "childrens-guide-5-to-7.yaml" in hit["message"]
    assert all(f"childrens-guide-{band}.yaml" in hit["fix"] for band in ("under-8", "8-to-12", "13-plus"))


def test_a_guide_without_a_statement_to_show_the_procedure_from_is_told_so(project, findings):
    (project / "data/example/statement-of-purpose.yaml").unlink()
    _, found = findings("data/example/childrens-guide-8-to-12.yaml", cwd=project)
    (hit,) = [f for f in found if f["rule"] == "refs/missing"]
    assert "statement-of-purpose/complaints" in hit["message"] and "statement-of-purpose.yaml" in hit["message"]


def test_an_expected_practice_gap_can_be_downgraded_with_a_reason(project, findings):
    guide = project / "data/example/childrens-guide-13-plus.yaml"
    text = guide.read_text()
    guide.write_text(text[:text.index("who_visits:\n")] + text[text.index("family_time:\n"):])
    edit(project / "data/example/service.yaml", "review_interval_months: 12",
         "review_interval_months: 12\ndowngrades:\n  - requirement: CG-VISITS\n"
         "    reason: The new visiting pattern is agreed with the Children in Care Council in January.")
    code, found = findings("data/example", cwd=project)
    (hit,) = [f for f in found if f["requirement"] == "CG-VISITS"]
    assert hit["severity"] == "warning" and "Children in Care Council" in hit["note"] and code == 0


def test_a_standard_the_guide_must_meet_cannot_be_downgraded(project, findings):
    guide = project / "data/example/childrens-guide-13-plus.yaml"
    text = guide.read_text()
    guide.write_text(text[:text.index("advocacy:\n")] + text[text.index("reviews:\n"):])
    edit(project / "data/example/service.yaml", "review_interval_months: 12",
         "review_interval_months: 12\ndowngrades:\n  - requirement: NMS16.4-ADVOCACY\n    reason: Not written yet.")
    code, found = findings("data/example", cwd=project)
    assert {f["severity"] for f in found if f["requirement"] == "NMS16.4-ADVOCACY"} == {"error"}
    assert [f["rule"] for f in found if f["rule"] == "downgrades/not-allowed"] == ["downgrades/not-allowed"]
    assert code == 1


def test_an_overdue_handbook_is_an_error_citing_the_services_own_commitment(project, findings):
    edit(project / "data/example/carer-handbook.yaml", "next_review_due: 2027-10-01", "next_review_due: 2026-10-01")
    _, found = findings("data/example/carer-handbook.yaml", cwd=project)
    (hit,) = [f for f in found if f["rule"] == "dates/review-overdue"]
    assert hit["severity"] == "error" and "own review commitment" in hit["regulation"]
    assert hit["requirement"] == "HB-REVIEW"
