"""Findings on the bundled real services mean what they say: text their statements have is not reported missing,
a strategy no document cites is not reported, and a stated review commitment is used to find the overdue review.
"""

from __future__ import annotations

from datetime import date

import pytest
from validator_support import ROOT

from fosterdocs.context import build
from fosterdocs.project import Project
from fosterdocs.validation import validate

REAL = ("data/norfolk", "data/leicestershire", "data/hertfordshire")


@pytest.fixture
def found(findings):
    return findings(*REAL)[1]


@pytest.mark.parametrize("service, path", [
    ("hertfordshire", "`services` is missing"), ("hertfordshire", "`status_and_constitution` is missing"),
    ("leicestershire", "`services` is missing"), ("leicestershire", "`structure` is missing"),
    ("norfolk", "`status_and_constitution` is missing")])
def test_sections_the_statements_have_are_not_reported_missing(found, service, path):
    assert [f for f in found if f["service"] == service and f["message"].startswith(path)] == []


def test_a_section_given_inside_another_is_printed_once():
    today = date(2026, 11, 23)
    report = validate([ROOT / "data" / "hertfordshire"], today, keep=True)
    (herts,) = [c for c in build(Project.find(ROOT / "data"), report, today) if c.id == "hertfordshire"]
    keys = [section.key for section in herts.documents["statement-of-purpose"].sections]
    assert "status_and_constitution" not in keys and "services" not in keys and "management" in keys


def test_given_in_must_point_at_a_section_with_text(project, findings, edit):
    edit(project / "data/hertfordshire/statement-of-purpose.yaml", "  given_in: management\n",
         "  given_in: monitoring\n")
    _, found = findings("data/hertfordshire/statement-of-purpose.yaml", cwd=project)
    (hit,) = [f for f in found if f["rule"] == "sections/given-in-missing"]
    assert "`monitoring`" in hit["message"]


def test_a_strategy_no_norfolk_document_cites_is_not_reported(found):
    assert [f for f in found if "Looked After Children and Care Leavers Strategy" in f["message"]] == []


def test_a_stated_review_month_finds_the_overdue_review(found):
    leics = [f for f in found if f["file"] == "data/leicestershire/statement-of-purpose.yaml"]
    assert not [f for f in leics if f["rule"] == "dates/no-review-date"]
    (hit,) = [f for f in leics if f["rule"] == "dates/review-overdue"]
    assert hit["message"].startswith("The review was due by September 2024")
    assert "31 March 2023" in hit["message"]


def test_a_review_month_without_a_yearly_commitment_is_not_inferred(project, findings, edit):
    sop = project / "data/leicestershire/statement-of-purpose.yaml"
    edit(sop, "will be reviewed annually. To be presented for approval by the Leicestershire County Council "
         "Executive in September each year.", "was presented to the Executive in September.")
    _, found = findings("data/leicestershire/statement-of-purpose.yaml", cwd=project)
    assert [f["rule"] for f in found if f["rule"].startswith("dates/")] == ["dates/no-review-date"]
