"""The reference data's age: `--version` shows when it was checked, each regulator record carries its source and
review date, and `validate` warns once per record past that date, telling a service to upgrade fosterdocs (or, in
a project keeping its own reference data, to check the record)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from fosterdocs import __version__
from fosterdocs.cli import main
from fosterdocs.loading import load

ROOT = Path(__file__).resolve().parents[2]
AFTER = "2027-02-02"  # the day after the Children's Commissioner record's review_by


def _needs_check(findings: list[dict]) -> list[dict]:
    return [f for f in findings if f["rule"] == "reference/needs-check"]


def test_every_regulator_record_says_where_it_comes_from_and_when_to_check_it_again():
    regulators, _ = load(ROOT / "data/reference/regulators.yaml")
    schema = json.loads((ROOT / "schema/reference.schema.json").read_text())
    assert set(schema["$defs"]["regulator"]["required"]) >= {"source", "checked_on", "review_by"}
    assert not list(Draft202012Validator(schema).iter_errors(regulators.data))
    for record in regulators.data.values():
        assert record["checked_on"] < record["review_by"]
    broken = {**regulators.data, "ofsted": {k: v for k, v in regulators.data["ofsted"].items() if k != "review_by"}}
    problems = [e.message for e in Draft202012Validator(schema).iter_errors(broken)]
    assert problems == ["'review_by' is a required property"]


def test_version_shows_the_release_and_when_its_reference_data_was_checked(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out == (f"fosterdocs {__version__}\nreference data (Ofsted, the Children's Commissioner and other "
                   "contacts) last checked on 1 December 2026; next due to be checked by 1 February 2027\n")


def test_a_service_repository_is_told_once_to_upgrade_when_a_record_is_past_its_review_date(tmp_path, run, findings):
    for service in ("acme", "acme-north"):
        code, _, err = run("init", str(tmp_path / "repo"), "--service", service, "--name", "Acme Fostering",
                           "--type", "local-authority", "--force", cwd=tmp_path)
        assert code == 0, err
    _, before = findings(cwd=tmp_path / "repo", today="2027-02-01")
    assert not _needs_check(before)
    _, found = findings(cwd=tmp_path / "repo" / "data", today=AFTER)
    (warning,) = _needs_check(found)  # once, however many services
    assert warning["severity"] == "warning"
    assert warning["message"] == ("fosterdocs' record of the Children's Commissioner for England was due to be "
                                  "checked by 1 February 2027: upgrade fosterdocs.")
    assert "Dependabot" in warning["fix"] and "childrenscommissioner.gov.uk" in warning["fix"]


def test_the_tool_s_home_keeps_its_own_reference_data_and_is_asked_to_check_it(project, findings):
    _, found = findings("data/example", cwd=project, today=AFTER)
    (warning,) = _needs_check(found)
    assert warning["file"] == "data/reference/regulators.yaml"
    assert warning["message"] == ("The Children's Commissioner for England record was due to be checked by "
                                  "1 February 2027.")
    assert "set checked_on to today" in warning["fix"]


def test_the_changelog_has_an_entry_for_this_release():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"\n## {__version__} " in text
    entry = text.split(f"\n## {__version__} ")[1].split("\n## ")[0]
    assert "### Reference data" in entry and "### Checks" in entry
