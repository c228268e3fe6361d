"""The lifecycle rules: each fires on a bad fixture and stays quiet on a good one.

The good fixture is the fictional example service (approved 15 September 2026, lodged 22 September, next review
15 September 2027, judged on 23 November 2026); each bad fixture makes one realistic mistake in it.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from cipaths import ROOT, SERVICE, SOP

from fosterdocs.documents import Document
from fosterdocs.loading import load
from fosterdocs.project import Project
from fosterdocs.rules import RULES
from fosterdocs.rules.lifecycle import guide_not_resupplied

LIFECYCLE = "lifecycle/"


def _hits(found: list[dict], rule: str, file: str = SOP) -> list[dict]:
    return [f for f in found if f["rule"] == rule and f["file"] == file]


def test_every_lifecycle_rule_is_registered():
    ids = {rule.id for rule in RULES}
    assert {"lifecycle/review-beyond-interval", "lifecycle/not-lodged", "lifecycle/future-date",
            "lifecycle/guide-not-resupplied"} <= ids


def test_the_example_breaks_no_lifecycle_rule(findings):
    code, found = findings("data/example")
    assert [f for f in found if f["rule"].startswith(LIFECYCLE)] == []
    assert code == 0


# rule, old text in the example, the mistake, severity, the key the finding points at
BAD = [
    ("lifecycle/review-beyond-interval", "next_review_due: 2027-09-15", "next_review_due: 2027-10-15", "error",
     "next_review_due"),
    ("lifecycle/review-beyond-interval", "next_review_due: 2027-09-15", "next_review_due: 2027-10", "error",
     "next_review_due"),
    ("lifecycle/not-lodged", "  lodged_with_ofsted_on: 2026-09-22\n", "", "error", "approved_on"),
    ("lifecycle/not-lodged", "lodged_with_ofsted_on: 2026-09-22", "lodged_with_ofsted_on: 2025-09-20", "error",
     "lodged_with_ofsted_on"),
    ("lifecycle/future-date", "  approved_on: 2026-09-15\n  published_on", "  approved_on: 2027-01-10\n  published_on",
     "error", "approved_on"),
    ("lifecycle/future-date", "lodged_with_ofsted_on: 2026-09-22", "lodged_with_ofsted_on: 2026-12-01", "error",
     "lodged_with_ofsted_on"),
    ("lifecycle/future-date", "      approved_on: 2025-09-16", "      approved_on: 2027-09-16", "error",
     "approved_on"),
]


@pytest.mark.parametrize("rule, old, new, severity, key", BAD, ids=[f"{b[0]}-{i}" for i, b in enumerate(BAD)])
def test_lifecycle_rule_fires_on_its_bad_fixture(project, edit, findings, rule, old, new, severity, key):
    edit(project / SOP, old, new)
    code, found = findings("data/example", cwd=project)
    (hit,) = _hits(found, rule)
    assert hit["severity"] == severity and hit["file"] == SOP
    line = (project / SOP).read_text(encoding="utf-8").splitlines()[hit["line"] - 1]
    assert line.strip().startswith(f"{key}:"), f"points at {line!r}"
    assert "NMS" not in hit["regulation"]
    # a date that has not happened is the data model; the other rules rest on regulation 4
    assert ("data model" if rule == "lifecycle/future-date" else "regulation 4") in hit["regulation"]
    assert hit["message"] and hit["fix"]
    assert code == 1


def test_review_beyond_the_interval_cites_the_services_commitment_and_the_latest_date(project, edit, findings):
    edit(project / SOP, "next_review_due: 2027-09-15", "next_review_due: 2027-10-15")
    _, found = findings("data/example", cwd=project)
    (hit,) = _hits(found, "lifecycle/review-beyond-interval")
    assert "service's own review commitment" in hit["regulation"]
    assert "12 months" in hit["message"] and "2027-09-15" in hit["fix"]


def test_a_service_with_a_shorter_interval_is_held_to_it(project, edit, findings):
    edit(project / SERVICE, "review_interval_months: 12", "review_interval_months: 6")
    _, found = findings("data/example", cwd=project)
    (hit,) = _hits(found, "lifecycle/review-beyond-interval")
    assert "6 months" in hit["message"] and "2027-03-15" in hit["fix"]
    edit(project / SOP, "next_review_due: 2027-09-15", "next_review_due: 2027-03-15")
    _, found = findings("data/example", cwd=project)
    assert _hits(found, "lifecycle/review-beyond-interval") == []


def test_a_review_month_within_the_interval_passes(project, edit, findings):
    edit(project / SOP, "next_review_due: 2027-09-15", "next_review_due: 2027-09")
    _, found = findings("data/example", cwd=project)
    assert _hits(found, "lifecycle/review-beyond-interval") == []


def test_an_unlodged_edition_is_fine_within_28_days_and_an_error_after(project, edit, findings):
    edit(project / SOP, "  lodged_with_ofsted_on: 2026-09-22\n", "")
    _, found = findings("data/example", cwd=project, today="2026-10-13")
    assert _hits(found, "lifecycle/not-lodged") == []
    _, found = findings("data/example", cwd=project, today="2026-10-14")
    (hit,) = _hits(found, "lifecycle/not-lodged")
    assert "13 October 2026" in hit["message"] and "lodged_with_ofsted_on" in hit["fix"]


def test_dates_of_today_are_not_in_the_future(project, edit, findings):
    edit(project / SOP, "lodged_with_ofsted_on: 2026-09-22", "lodged_with_ofsted_on: 2026-11-23")
    edit(project / SOP, "  approved_on: 2026-09-15\n  published_on", "  approved_on: 2026-11\n  published_on")
    _, found = findings("data/example", cwd=project)
    assert _hits(found, "lifecycle/future-date") == []


def test_the_real_services_have_no_approval_dates_so_no_lifecycle_findings(findings):
    """Norfolk, Leicestershire and Hertfordshire print no approval date: nothing is invented for them."""
    _, found = findings("data/norfolk", "data/leicestershire", "data/hertfordshire")
    assert [f for f in found if f["rule"].startswith(LIFECYCLE)] == []


GUIDE = """\
document:
  title: Your guide to living with a foster family
  approved_on: 2026-09-15
{extra}"""
EARLIER = """\
  revisions:
    - version: "2"
      approved_on: 2026-09-15
      summary: New advocacy service.
    - version: "1"
      approved_on: 2025-09-10
      summary: First edition.
"""


def _guide(tmp_path, kind: str, extra: str) -> list:
    path = tmp_path / "childrens-guide-8-to-12.yaml"
    path.write_text(GUIDE.format(extra=extra), encoding="utf-8")
    loaded, problems = load(path)
    assert not problems
    project = Project.find(ROOT / "data")
    document = Document(kind, "example", loaded, {}, project.reference, date(2026, 11, 23))
    return list(guide_not_resupplied.run(document)) if kind in guide_not_resupplied.kinds else []


def test_a_revised_childrens_guide_not_resupplied_is_a_warning(tmp_path):
    (hit,) = _guide(tmp_path, "childrens-guide", EARLIER)
    assert hit.severity == "warning" and hit.rule == "lifecycle/guide-not-resupplied"
    assert "every foster carer and every child placed" in hit.message and "resupplied_on" in hit.fix
    assert "regulation 4" in hit.regulation and hit.line == 3


@pytest.mark.parametrize("extra", [EARLIER + "  resupplied_on: 2026-10-01\n", ""],
                         ids=["resupplied", "first-edition"])
def test_a_resupplied_or_first_edition_guide_passes(tmp_path, extra):
    assert _guide(tmp_path, "childrens-guide", extra) == []


def test_a_guide_resupplied_before_this_edition_was_approved_is_a_warning(tmp_path):
    (hit,) = _guide(tmp_path, "childrens-guide", EARLIER + "  resupplied_on: 2025-09-20\n")
    assert hit.line == 11


def test_the_resupply_rule_applies_only_to_childrens_guides(tmp_path):
    assert "statement-of-purpose" not in guide_not_resupplied.kinds
    assert _guide(tmp_path, "statement-of-purpose", EARLIER) == []


def test_the_resupply_rule_runs_on_the_example_childrens_guide(project, findings):
    guides = sorted((project / "data/example").glob("childrens-guide-*.yaml"))
    if not guides:
        pytest.skip("the example service has no children's guide yet")
    guide = guides[0]
    text = re.sub(r"(?m)^  resupplied_on: .*\n", "", guide.read_text(encoding="utf-8"))
    if "\n  revisions:\n" not in text:
        text = text.replace("\ndocument:\n", "\ndocument:\n  revisions:\n    - approved_on: 2025-09-10\n"
                            "      summary: First edition.\n")
    guide.write_text(text, encoding="utf-8")
    code, found = findings("data/example", cwd=project)
    file = f"data/example/{guide.name}"
    (hit,) = _hits(found, "lifecycle/guide-not-resupplied", file)
    assert hit["severity"] == "warning"
    assert [f["rule"] for f in found] == ["lifecycle/guide-not-resupplied"] and code == 0
