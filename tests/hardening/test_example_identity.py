"""A service started from the fictional example is not ready while any detail of the example is left in it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from hardening_support import ROOT, TODAY, fosterdocs

from fosterdocs.project import FICTIONAL_EXAMPLES


def findings_of(project: Path, *paths: str) -> list[dict]:
    code, out, err = fosterdocs("validate", *paths, "--format", "json", "--today", TODAY, cwd=project)
    return json.loads(out)["findings"]


def test_every_identity_pattern_matches_the_example_and_no_real_service():
    catalogue = yaml.safe_load((ROOT / "data/reference/placeholders.yaml").read_text(encoding="utf-8"))
    patterns = [re.compile(entry["pattern"], re.IGNORECASE) for entry in catalogue["example_identity"]]
    example = "\n".join(p.read_text(encoding="utf-8") for name in FICTIONAL_EXAMPLES
                        for p in (ROOT / "data" / name).glob("*.yaml"))
    assert [p.pattern for p in patterns if not p.search(example)] == []
    for service in ("norfolk", "leicestershire", "hertfordshire"):
        text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "data" / service).glob("*.yaml"))
        assert [p.pattern for p in patterns if p.search(text)] == [], service


def test_replacing_only_the_phone_numbers_and_addresses_still_leaves_errors_naming_the_example(data):
    project = data.parent
    assert fosterdocs("new", "myservice", cwd=project)[0] == 0
    for path in (data / "myservice").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"01632 ?960 ?(\d{3})", r"01603 223\1", text)
        text = re.sub(r"example\.org", "myservice.gov.uk", text)
        path.write_text(text, encoding="utf-8")
    found = [f for f in findings_of(project, "data/myservice") if f["rule"] == "text/example-identity"]
    said = " ".join(f["message"] for f in found)
    for detail in ("Exampleshire", "SC999999", "Priya Shah", "Sam Okafor", "EX1 1AA", "EX2 4QR", "Exampleton"):
        assert f"'{detail}'" in said, detail
    assert {f["severity"] for f in found} == {"error"}
    assert {Path(f["file"]).name for f in found} >= {"service.yaml", "statement-of-purpose.yaml"}
    code, out, err = fosterdocs("publish", "myservice", "--site-dir", "public", "--no-pdf", "--today", TODAY,
                                cwd=project)
    assert code == 1 and not (project / "public").exists()
    code, out, err = fosterdocs("pdf", "myservice", "--out", "pdf", "--today", TODAY, cwd=project)
    assert code == 1 and "as a DRAFT" in out


def test_an_agency_started_from_the_agency_example_is_not_ready_while_its_details_are_left(data):
    project = data.parent
    assert fosterdocs("new", "ouragency", "--type", "independent-agency", cwd=project)[0] == 0
    service = yaml.safe_load((data / "ouragency" / "service.yaml").read_text(encoding="utf-8"))
    assert service["type"] == "independent-agency" and "fictional" not in service
    found = [f for f in findings_of(project, "data/ouragency") if f["rule"] == "text/example-identity"]
    said = " ".join(f["message"] for f in found)
    for detail in ("Brightwater", "SC999998", "Dana Whitlow", "Lee Marsh", "EX3 2HW", "2 Harbour Walk",
                   "Harbour Advocacy"):
        assert f"'{detail}'" in said, detail
    assert {f["severity"] for f in found} == {"error"}


def test_the_example_itself_may_hold_its_details(data):
    assert [f for f in findings_of(data.parent, "data/example") if f["severity"] == "error"] == []


def test_fictional_is_an_error_in_any_service_but_the_example(data):
    project = data.parent
    (data / "example").rename(data / "mine")
    found = findings_of(project, "data/mine")
    assert [(Path(f["file"]).name, f["line"]) for f in found if f["rule"] == "service/fictional"] == [
        ("service.yaml", 5)]
    assert [f for f in found if f["rule"] == "text/example-identity"]


def test_no_finding_tells_a_user_to_copy_the_examples_service_file(data, tmp_path):
    project = data.parent
    statement = tmp_path / "statement.txt"
    statement.write_text("Statement of Purpose\n\nAims and objectives\n\nWe find homes for children.\n",
                         encoding="utf-8")
    code, out, err = fosterdocs("import", str(statement), "--service", "imported", cwd=project)
    assert code == 0, err
    found = findings_of(project, "data/imported")
    missing = [f for f in found if f["rule"] == "file/missing-service"]
    assert missing and "service.yaml" in missing[0]["fix"]
    for said in [f["fix"] for f in found] + [out]:
        assert not re.search(r"copy[^.]*example", said, re.IGNORECASE), said
