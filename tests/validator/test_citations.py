"""Citations say honestly what requires each check: only items of regulations 3 and 4 of the Fostering Services
(England) Regulations 2011 are law; the rest is a national standard, expected practice or the data model.

Checked against legislation.gov.uk/uksi/2011/581/part/2/made (regulation 3) and /contents/made (regulation 4's
heading, regulation 10 "Manager" under "Local authority fostering service").
"""

from __future__ import annotations

import json

import pytest
from validator_support import ROOT

from fosterdocs.rule_catalogue import LAW_ITEMS, RULES
from fosterdocs.schema import schema_nodes

SOP = "data/example/statement-of-purpose.yaml"
GUIDE = "data/example/childrens-guide-13-plus.yaml"


def test_no_rule_outside_regulations_3_and_4_is_marked_law():
    """Read from the rule catalogue, for every kind of document a rule differs in."""
    entries = [variant for entry in RULES.values() for variant in (entry, *map(entry.for_kind, entry.kinds))]
    law = [(e.id, e.requirement) for e in entries if e.basis == "law"]
    assert law, "the regulation 3 and 4 rules are law"
    assert [(i, req) for i, req in law if not req.startswith(LAW_ITEMS)] == []


@pytest.mark.parametrize("schema", sorted(p.name for p in (ROOT / "schema").glob("*.schema.json")))
def test_no_schema_item_outside_regulations_3_and_4_is_marked_law(schema):
    tree = json.loads((ROOT / "schema" / schema).read_text(encoding="utf-8"))
    wrong = [path for path, node in schema_nodes(tree)
             if node.get("x-basis") == "law" and not str(node.get("x-requirement", "")).startswith(LAW_ITEMS)]
    assert wrong == []


def test_no_citation_leans_on_the_unverified_2002_schedule():
    sources = [e.source for e in RULES.values()] + [v.get("source", "") for e in RULES.values()
                                                    for v in e.kinds.values()]
    texts = sources + [(ROOT / "schema" / p.name).read_text(encoding="utf-8") for p in (ROOT / "schema").glob("*.json")]
    assert not [t for t in texts if "Regulations 2002, Schedule 1" in t]


def test_review_interval_findings_are_expected_practice_and_can_be_downgraded(project, findings, edit):
    edit(project / SOP, "next_review_due: 2027-09-15", "next_review_due: 2026-10-01")
    _, found = findings("data/example", cwd=project)
    (hit,) = [f for f in found if f["rule"] == "dates/review-overdue"]
    assert hit["basis"] == "expected-practice" and "sets no interval" in hit["regulation"]
    edit(project / "data/example/service.yaml", "review_interval_months: 12",
         "review_interval_months: 12\ndowngrades:\n  - requirement: REVIEW-INTERVAL\n    reason: Cabinet meets in "
         "the spring this year")
    _, found = findings("data/example", cwd=project)
    (hit,) = [f for f in found if f["rule"] == "dates/review-overdue"]
    assert hit["severity"] == "warning" and "Cabinet meets" in hit["note"]
    assert not [f for f in found if f["rule"] == "downgrades/not-allowed"]


def test_a_stale_ofsted_number_is_law_only_in_a_childrens_guide(project, findings, edit):
    edit(project / SOP, "Anyone can tell Ofsted about a concern with the service.",
         "Anyone can tell Ofsted about a concern on 08456 40 40 40.")
    _, found = findings("data/example", cwd=project)
    (hit,) = [f for f in found if f["rule"] == "contacts/stale-ofsted"]
    assert hit["basis"] == "expected-practice" and "3(3)(c)" in hit["regulation"]
    guide = (project / GUIDE).read_text(encoding="utf-8")
    assert "    use: reference/ofsted\n" in guide
    (project / GUIDE).write_text(guide.replace("    use: reference/ofsted\n",
                                               "    use: reference/ofsted\n  note: Or ring 0845 640 4040.\n", 1))
    _, found = findings("data/example", cwd=project)
    guide_hits = [f for f in found if f["rule"] == "contacts/stale-ofsted" and f["file"] == GUIDE]
    assert [f["basis"] for f in guide_hits] == ["law"]


@pytest.mark.parametrize("text", ["The service spent £11 million on allowances.", "11 million children live in "
                                  "England, and the Children's Commissioner speaks for them.",
                                  "Call the Commissioner's Advice Line free on 0800 528 0731."])
def test_current_text_is_not_a_stale_commissioner(project, findings, edit, text):
    edit(project / SOP, "Children can also contact the Children's Commissioner for England.", text)
    _, found = findings("data/example", cwd=project)
    assert [f for f in found if f["rule"] == "contacts/stale-commissioner"] == []


@pytest.mark.parametrize("text", ["Contact 11 MILLION, the Children's Commissioner's office.",
                                  "See www.11million.org.uk for help."])
def test_the_commissioners_old_office_name_is_stale(project, findings, edit, text):
    edit(project / SOP, "Children can also contact the Children's Commissioner for England.", text)
    _, found = findings("data/example", cwd=project)
    assert [f["rule"] for f in found] == ["contacts/stale-commissioner"]


def test_an_unchanged_reapproval_is_not_a_revision_to_notify(project, findings, edit):
    sop = project / SOP
    edit(sop, "  lodged_with_ofsted_on: 2026-09-22\n", "  lodged_with_ofsted_on: 2025-09-20\n")
    _, found = findings("data/example", cwd=project)
    assert [f["rule"] for f in found] == ["lifecycle/not-lodged"]
    edit(sop, "      approved_on: 2026-09-15\n      summary: Annual review.",
         "      approved_on: 2026-09-15\n      changed: false\n      summary: Annual review.")
    _, found = findings("data/example", cwd=project)
    assert found == []  # Ofsted was sent the 2025 text, which this edition re-approved unchanged
    edit(sop, "  lodged_with_ofsted_on: 2025-09-20\n", "  lodged_with_ofsted_on: 2025-09-01\n")
    _, found = findings("data/example", cwd=project)
    (hit,) = found
    assert hit["rule"] == "lifecycle/not-lodged" and "16 September 2025" in hit["message"]


def test_a_statement_need_not_have_a_website_when_the_provider_has_none(project, findings, edit):
    edit(project / SOP, "    website: https://fostering.example.org/statement-of-purpose\n", "")
    _, found = findings("data/example", cwd=project)
    (hit,) = found
    assert hit["rule"] == "publication/no-website" and hit["basis"] == "law" and "if they have one" in hit["regulation"]
    edit(project / SOP, "  publication:\n", "  publication:\n    no_website: true\n")
    _, found = findings("data/example", cwd=project)
    assert found == []


def test_format_rules_are_the_data_model(project, findings, edit):
    edit(project / "data/example/service.yaml", "phone: 01632 960150", "phone: 0163 296")
    _, found = findings("data/example", cwd=project)
    (hit,) = [f for f in found if f["rule"] == "format/phone"]
    assert hit["basis"] == "data" and "NMS" not in hit["regulation"]
