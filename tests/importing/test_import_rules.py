"""The importer's rules are data that is checked before use, and the validator warns about unreviewed imports."""

from __future__ import annotations

import json

import pytest
import yaml
from import_support import ROOT, SEEDS, STATEMENTS, TODAY
from jsonschema import Draft202012Validator

KEYWORDS = ROOT / "data/reference/section-keywords.yaml"




def test_keyword_rules_follow_their_schema_and_cover_every_required_section():
    rules = yaml.safe_load(KEYWORDS.read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "schema/section-keywords.schema.json").read_text())
    assert not list(Draft202012Validator(schema).iter_errors(rules))
    statement = json.loads((ROOT / "schema/statement-of-purpose.schema.json").read_text())
    cited = {name for name, prop in statement["properties"].items() if "x-requirement" in prop}
    assert cited - {"document"} <= set(rules["sections"])
    assert set(rules["sections"]) <= set(statement["properties"])


def test_keyword_rules_say_where_they_come_from():
    header = KEYWORDS.read_text(encoding="utf-8").split("\nsections:")[0]
    assert "requirements.md" in header and "statement-of-purpose.schema.json" in header


@pytest.mark.parametrize("change, message", [
    (lambda r: r["sections"].update(hobbies={"headings": {"strong": ["garden"]}}),
     "`sections.hobbies` is not a section of the statement of purpose"),
    (lambda r: r["sections"]["complaints"]["headings"].update(strong=["complain("]),
     "is not a valid regular expression"),
    (lambda r: r.pop("contacts"), "'contacts' is a required property"),
], ids=["unknown-section", "bad-pattern", "missing-part"])
def test_a_broken_keywords_file_stops_the_import_with_a_clear_message(project, run, change, message):
    path = project / "data/reference/section-keywords.yaml"
    rules = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(rules)
    path.write_text(yaml.safe_dump(rules, allow_unicode=True), encoding="utf-8")
    code, out, err = run("import", SEEDS / STATEMENTS["norfolk"], "--service", "north-shire", cwd=project)
    assert code == 2 and out == "" and message in err and "Traceback" not in err
    assert not (project / "data/north-shire").exists()


def test_unmapped_parts_are_a_warning_and_a_reviewed_statement_has_none(project, run):
    statement = project / "data/example/statement-of-purpose.yaml"
    _, clean, _ = run("validate", "data/example", "--today", TODAY, cwd=project)
    assert "import/unmapped" not in clean
    statement.write_text(statement.read_text(encoding="utf-8") + "unmapped:\n  - heading: 14. Matching\n"
                         "    content:\n      - We match children with carers.\n  - content:\n      - Cover page\n",
                         encoding="utf-8")
    code, out, _ = run("validate", "data/example", "--format", "json", "--today", TODAY, cwd=project)
    found = [f for f in json.loads(out)["findings"] if f["rule"] == "import/unmapped"]
    assert code == 0  # warnings only: the example has no errors
    assert [(f["severity"], f["message"].split(" was ")[0]) for f in found] == [
        ("warning", "The part '14. Matching'"), ("warning", "Text before the first heading")]
    lines = statement.read_text(encoding="utf-8").splitlines()
    assert lines[found[0]["line"] - 1].strip() == "- heading: 14. Matching"
