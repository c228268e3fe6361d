"""Schema findings from jsonschema's checks: real dates, web addresses, and schemas that cannot be used."""

from __future__ import annotations

import json

import pytest
from validator_support import ROOT

from fosterdocs.loading import load
from fosterdocs.schema import load_schemas, validate

SOP = "data/example/statement-of-purpose.yaml"
SERVICE = "data/example/service.yaml"
SCHEMAS = load_schemas(ROOT / "schema")


@pytest.mark.parametrize("written, problem", [
    ("2027-02-31", "February 2027 has 28 days"),
    ("2028-02-30", "February 2028 has 29 days"),
    ("2027-09-00", "there is no day 00"),
])
def test_a_date_that_does_not_exist_is_an_error_naming_the_field(project, findings, edit, written, problem):
    edit(project / SOP, "next_review_due: 2027-09-15", f"next_review_due: {written}")
    code, found = findings("data/example", cwd=project)
    assert code == 1
    assert [(f["rule"], f["file"], f["message"]) for f in found] == [  # a date badly written, not a missing one
        ("format/date", SOP, f"`document.next_review_due`: '{written}' is not a date that exists: {problem}.")]
    assert found[0]["fix"] == "Check the day and the month, and write the date that was meant."
    assert "review_interval_months" in found[0]["regulation"]  # the citation of next_review_due is kept


def test_a_month_alone_is_still_a_date(project, findings, edit):
    edit(project / SOP, "next_review_due: 2027-09-15", "next_review_due: 2027-09")
    assert findings("data/example", cwd=project) == (0, [])


def test_a_date_in_another_form_keeps_its_message(project, findings, edit):
    edit(project / SOP, "next_review_due: 2027-09-15", "next_review_due: 2027-13")
    _, found = findings("data/example", cwd=project)
    assert [(f["rule"], f["message"]) for f in found] == [
        ("format/date", "`document.next_review_due`: '2027-13' is not a date in the form YYYY-MM-DD "
                        "(or YYYY-MM when only the month is known).")]


def test_a_web_address_with_characters_no_address_may_hold_is_an_error(project, findings, edit):
    edit(project / SERVICE, "website: https://www.example.org/complaints",
         "website: https://www.example.org/complaints<form>")
    _, found = findings("data/example", cwd=project)
    assert [(f["rule"], f["file"], f["message"]) for f in found] == [
        ("format/url", SERVICE, "`complaints.website`: 'https://www.example.org/complaints<form>' is not a web "
                                "address.")]


def test_a_value_failing_its_pattern_and_its_format_is_one_finding(project, findings, edit):
    edit(project / SERVICE, "email: complaints@example.org", "email: complaints at example.org")
    _, found = findings("data/example", cwd=project)
    assert [f["rule"] for f in found] == ["format/email"]


@pytest.mark.parametrize("written, message", [
    ("2026-02-29", "'2026-02-29' is not a date that exists: February 2026 has 28 days."),
    ("31/03/2026", "'31/03/2026' is not a date in the form YYYY-MM-DD."),
])
def test_reference_dates_are_real_dates(tmp_path, written, message):
    path = tmp_path / "regulators.yaml"
    text = (ROOT / "data" / "reference" / "regulators.yaml").read_text(encoding="utf-8")
    assert "checked_on: " in text
    head, _, rest = text.partition("checked_on: ")
    path.write_text(head + f"checked_on: '{written}'" + rest[rest.index("\n"):], encoding="utf-8")
    found = validate(SCHEMAS["reference"], load(path)[0], "reference")
    assert [(f.rule, f.message.split(": ", 1)[1]) for f in found] == [("format/date", message)]


@pytest.mark.parametrize("name, old, new, message", [
    ("service", '"minItems": 1', '"minItems": "one"', '"one" is not of type "integer"'),
    ("service", '"$ref": "common.schema.json#/$defs/text"', '"$ref": "common.schema.json#/$defs/nowhere"',
     "'/$defs/nowhere' does not exist"),
    ("common", '"pattern": "\\\\S"', '"pattern": "(\\\\S"', 'is not a "regex"'),
])
def test_a_schema_that_cannot_be_used_stops_validate(project, run, name, old, new, message):
    path = project / "schema" / f"{name}.schema.json"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    json.loads(path.read_text())
    code, _, err = run("validate", "data", cwd=project)
    assert code == 2
    assert f"{name}.schema.json" in err and message in err and "Traceback" not in err
