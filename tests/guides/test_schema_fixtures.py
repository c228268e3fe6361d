"""The guide and handbook schemas accept every good fixture and reject every bad one with the expected finding.

Each fixture is a whole document; its name before `--` says which file it becomes in a copy of the example
service. A bad fixture's `# expect:` line names the rule id (and requirement) its finding must carry.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from guides_support import FIXTURES, ROOT
from jsonschema import Draft202012Validator

from fosterdocs.schema import schema_nodes

POSITIVE = sorted((FIXTURES / "positive").glob("*.yaml"))
NEGATIVE = sorted((FIXTURES / "negative").glob("*.yaml"))
BASES = {"law", "standard", "expected-practice", "data"}


def install(project, fixture):
    """Put a fixture in the example service under the file name it stands for; return that file's shown path."""
    name = fixture.stem.partition("--")[0]
    shutil.copy(fixture, project / "data" / "example" / f"{name}.yaml")
    shutil.copytree(FIXTURES / "pictures", project / "data" / "example" / "pictures", dirs_exist_ok=True)
    return f"data/example/{name}.yaml"


@pytest.mark.parametrize("fixture", POSITIVE, ids=lambda p: p.stem)
def test_good_fixture_has_no_findings(project, findings, fixture):
    shown = install(project, fixture)
    code, found = findings(shown, cwd=project)
    assert found == [] and code == 0


@pytest.mark.parametrize("fixture", NEGATIVE, ids=lambda p: p.stem)
def test_bad_fixture_gets_its_finding(project, findings, fixture):
    rule, requirement = re.search(r"^# expect: (\S+) ?(\S*)$", fixture.read_text(), re.M).groups()
    shown = install(project, fixture)
    code, found = findings(shown, cwd=project)
    hits = [f for f in found if f["rule"] == rule]
    assert hits, f"{rule} did not fire; got {[(f['rule'], f['message']) for f in found]}"
    for hit in hits:
        assert hit["file"] == shown and hit["line"] > 1 and hit["message"] and hit["fix"]
        assert hit["severity"] == "error"
        if requirement:
            assert hit["requirement"] == requirement and hit["regulation"]
    assert code == 1


@pytest.mark.parametrize("name", ["childrens-guide", "carer-handbook"])
def test_schema_is_json_schema_2020_12_and_cites_every_requirement(name):
    schema = json.loads((ROOT / "schema" / f"{name}.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    for key in schema["required"]:
        prop = schema["properties"][key]
        assert prop.get("x-basis") in BASES and prop.get("x-source") and prop.get("x-requirement"), key


def requirement_ids(schema) -> set[str]:
    """Every x-requirement in a schema."""
    return {node["x-requirement"] for _, node in schema_nodes(schema) if "x-requirement" in node}


def test_guide_schema_requires_everything_regulation_3_and_nms_16_ask_of_a_guide():
    schema = json.loads((ROOT / "schema" / "childrens-guide.schema.json").read_text())
    assert {"REG3-3a", "REG3-3b", "REG3-3c", "REG3-4", "NMS16.4-AIMS", "NMS16.4-RIGHTS", "NMS16.4-IRO",
            "NMS16.4-COMMISSIONER", "NMS16.4-ADVOCACY", "NMS16.5"} <= requirement_ids(schema)
    regulators = schema["properties"]["regulators"]
    assert {"ofsted", "childrens_commissioner"} <= set(regulators["required"])
    assert regulators["properties"]["ofsted"]["x-basis"] == "law"
    complaints = schema["properties"]["complaints"]
    assert {"procedure", "contact"} <= set(complaints["required"])
    assert complaints["properties"]["procedure"]["properties"]["use"]["enum"] == ["statement-of-purpose/complaints"]


def test_handbook_schema_has_every_section_a_carer_needs():
    schema = json.loads((ROOT / "schema" / "carer-handbook.schema.json").read_text())
    assert {"supervision_and_visits", "support", "allowances_and_fees", "delegated_authority", "safer_caring",
            "allegations", "complaints", "training", "annual_review", "panel_and_approval", "records",
            "staying_put"} <= set(schema["required"])
    support = schema["properties"]["support"]
    assert {"contacts", "out_of_hours"} <= set(support["required"])
    assert "independent_support" in schema["properties"]["allegations"]["required"]
