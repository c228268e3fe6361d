"""A council's fostering service and an independent agency are told apart by `type` in service.yaml: the words,
the regulations cited and the rules that differ follow it. The fictional council (data/example) and the fictional
agency (data/example-agency) are both complete and valid.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from validator_support import ROOT

from fosterdocs.context import build
from fosterdocs.documents import Document
from fosterdocs.loading import load
from fosterdocs.project import Project
from fosterdocs.rendering import environment
from fosterdocs.rules.readability import picture_without_alt
from fosterdocs.validation import validate

TODAY = date(2026, 11, 23)
EXAMPLES = {"local-authority": "example", "independent-agency": "example-agency"}


@pytest.mark.parametrize("service", EXAMPLES.values())
def test_both_fictional_examples_are_complete_and_valid(findings, service):
    code, found = findings(f"data/{service}")
    assert found == [] and code == 0


@pytest.mark.parametrize("service, limb, procedure", [
    ("example", "3(3)(b)(ii)", "section 26(3)"), ("example-agency", "3(3)(b)(i)", "regulation 18(1)")])
def test_the_guides_complaints_summary_cites_the_limb_for_the_service_type(project, findings, edit, service, limb,
                                                                           procedure):
    edit(project / f"data/{service}/statement-of-purpose.yaml", "  stages:\n    - name: Stage 1",
         "  steps:\n    - name: Stage 1")
    _, found = findings(f"data/{service}/childrens-guide-13-plus.yaml", cwd=project)
    (hit,) = [f for f in found if f["rule"] == "complaints/shown-without-stages"]
    assert limb in hit["regulation"] and procedure in hit["regulation"] and hit["basis"] == "law"
    other = "3(3)(b)(i)" if limb == "3(3)(b)(ii)" else "3(3)(b)(ii)"
    assert other not in hit["regulation"]


@pytest.mark.parametrize("service_type, basis, cited", [
    ("local-authority", "law", "Accessibility Regulations 2018 (a council is a public sector body)"),
    ("independent-agency", "expected-practice", "good practice for an independent agency")])
def test_missing_alt_text_is_law_only_for_a_council(tmp_path, service_type, basis, cited):
    path = tmp_path / "statement-of-purpose.yaml"
    path.write_text(json.dumps({"intro": {"content": [{"picture": {"file": "carer.png"}}]}}), encoding="utf-8")
    loaded, _ = load(path)
    document = Document("statement-of-purpose", "test", loaded, {"type": service_type},
                        Project.find(ROOT / "data").reference, TODAY)
    (hit,) = picture_without_alt.run(document)
    assert hit.basis == basis and cited in hit.regulation


@pytest.fixture(scope="module")
def contexts():
    report = validate([ROOT / "data" / name for name in EXAMPLES.values()], TODAY, keep=True)
    return {c.id: c for c in build(Project.find(ROOT / "data"), report, TODAY)}


@pytest.mark.parametrize("service, manager, lead", [
    ("example", "Manager of the fostering service", "Senior officer responsible for the service"),
    ("example-agency", "Registered manager", "Responsible individual")])
def test_the_management_section_uses_the_regimes_words(contexts, service, manager, lead):
    (management,) = [s for s in contexts[service].documents["statement-of-purpose"].sections if s.key == "management"]
    html = str(environment().get_template("sections.html").module.body(management, 3))
    assert f"<h3>{manager}</h3>" in html and f"<h3>{lead}</h3>" in html
    wrong = {"example": "Registered manager", "example-agency": "Manager of the fostering service"}[service]
    assert wrong not in html


def test_the_council_example_does_not_call_itself_registered(contexts):
    text = (ROOT / "data/example/statement-of-purpose.yaml").read_text(encoding="utf-8").lower()
    assert "registered manager" not in text and "registered provider" not in text
    assert "responsible individual" not in text
    assert contexts["example"].terms.registered is False and contexts["example-agency"].terms.registered is True
