"""A statement that prints its approval and review dates in a sentence, and names its manager with their
qualifications and experience: the draft carries the dates (so an overdue review is found) and the manager goes
into service.yaml, without overwriting anything a person wrote there."""

from __future__ import annotations

import json
from pathlib import Path

from import_support import TODAY
from ruamel.yaml import YAML

SOURCE = Path(__file__).parent / "fixtures" / "harbour-statement.md"
SERVICE = "data/harbour-lights/service.yaml"


def _load(path: Path):
    return YAML(typ="safe").load(path)


def test_dates_printed_in_a_sentence_fill_the_document_block(project, run):
    code, out, _ = run("import", SOURCE, "--service", "harbour-lights", "--today", TODAY, cwd=project)
    assert code == 0
    document = _load(project / "data/harbour-lights/statement-of-purpose.yaml")["document"]
    assert (document["approved_on"], document["next_review_due"]) == ("2024-10-14", "2025-10")
    _, report, _ = run("validate", "data/harbour-lights/statement-of-purpose.yaml", "--format", "json", "--today",
                       TODAY, cwd=project)
    rules = [f["rule"] for f in json.loads(report)["findings"]]
    assert "dates/review-overdue" in rules and "dates/no-review-date" not in rules


def test_the_named_manager_is_written_to_a_new_service_yaml(project, run):
    code, out, _ = run("import", SOURCE, "--service", "harbour-lights", "--today", TODAY, cwd=project)
    assert code == 0
    manager = _load(project / SERVICE)["registered_manager"]
    assert manager["name"] == "Chris Penhallow"
    assert manager["qualifications"].startswith("BA (Hons) Social Work (2005)")
    assert manager["experience"].startswith("Chris has worked in fostering since 2005")
    assert manager["phone"] == "01632 960451" and manager["address"]["postcode"] == "SE9 4QT"
    assert f"Written to {SERVICE} (a new file) under registered_manager." in out
    assert (project / SERVICE).read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../schema/service.schema.json")
    _, report, _ = run("validate", "data/harbour-lights/statement-of-purpose.yaml", "--format", "json", "--today",
                       TODAY, cwd=project)
    rules = {f["rule"] for f in json.loads(report)["findings"]}
    assert not rules & {"manager/missing", "refs/missing", "manager/no-qualifications", "manager/no-experience"}


def test_a_manager_is_added_to_an_existing_service_yaml_keeping_its_comments(project, run):
    service = project / SERVICE
    service.parent.mkdir(parents=True)
    service.write_text("# Our shared facts (kept by hand)\nname: Harbour Lights Fostering  # as the public knows us\n"
                       "type: independent-agency\n", encoding="utf-8")
    code, out, _ = run("import", SOURCE, "--service", "harbour-lights", "--today", TODAY, cwd=project)
    assert code == 0
    text = service.read_text(encoding="utf-8")
    assert text.startswith("# Our shared facts (kept by hand)\n"
                           "name: Harbour Lights Fostering  # as the public knows us")
    assert _load(service)["registered_manager"]["name"] == "Chris Penhallow"
    assert f"Written to {SERVICE} under registered_manager." in out


def test_a_manager_already_in_service_yaml_is_left_alone(project, run):
    service = project / SERVICE
    service.parent.mkdir(parents=True)
    before = "registered_manager:\n  name: Someone Else\n"
    service.write_text(before, encoding="utf-8")
    code, out, _ = run("import", SOURCE, "--service", "harbour-lights", "--today", TODAY, cwd=project)
    assert code == 0 and service.read_text(encoding="utf-8") == before
    assert f"{SERVICE} already names a manager: it was left as it is." in out
