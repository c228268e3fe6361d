"""The validate and new commands as a registered manager and CI use them."""

from __future__ import annotations

import json

from validator_support import ROOT, TODAY


def test_json_output_follows_the_contract(run):
    code, out, _ = run("validate", "data", "--format", "json", "--today", TODAY)
    report = json.loads(out)
    assert code == 1  # the real services have errors
    keys = {"severity", "rule", "file", "line", "column", "message", "regulation", "fix"}
    assert report["findings"] and all(keys <= set(f) for f in report["findings"])
    assert all(f["severity"] in ("error", "warning") for f in report["findings"])
    services = report["summary"]["services"]
    assert {"example", "norfolk", "leicestershire", "hertfordshire"} <= set(services)
    assert services["example"] == {"errors": 0, "warnings": 0}
    assert services["norfolk"]["errors"] == sum(
        f["severity"] == "error" and f["service"] == "norfolk" for f in report["findings"])


def test_text_output_puts_file_line_and_column_first(run):
    code, out, _ = run("validate", "data/norfolk", "--today", TODAY)
    assert code == 1
    first = out.splitlines()[0]
    location, severity, rule = first.split("  ")
    assert location.startswith("data/norfolk/") and location.count(":") == 2
    assert severity in ("error", "warning") and "/" in rule
    assert "\n  Fix: " in out and "\n  Required by: " in out
    assert out.rstrip().splitlines()[-1].startswith("1 service, ")


def test_warnings_alone_exit_zero(project, run, edit):
    edit(project / "data/example/statement-of-purpose.yaml", "next_review_due: 2027-09-15",
         "next_review_due: 2027-01-10")
    code, out, _ = run("validate", "data/example", "--today", TODAY, cwd=project)
    assert code == 0 and "warning  dates/review-due-soon" in out


def test_a_single_file_can_be_validated(run):
    code, out, _ = run("validate", "data/leicestershire/statement-of-purpose.yaml", "--format", "json",
                       "--today", TODAY)
    files = {f["file"] for f in json.loads(out)["findings"]}
    assert code == 1 and files == {"data/leicestershire/statement-of-purpose.yaml"}


def test_parallel_and_serial_runs_agree(run):
    _, serial, _ = run("validate", "data", "--format", "json", "--today", TODAY, "--jobs", "1")
    _, parallel, _ = run("validate", "data", "--format", "json", "--today", TODAY, "--jobs", "2")
    assert json.loads(serial) == json.loads(parallel)


def test_new_service_is_a_copy_of_the_example_with_its_comments(project, run):
    code, out, _ = run("new", "north-shire", cwd=project)
    assert code == 0
    service = (project / "data/north-shire/service.yaml").read_text()
    assert service.startswith("# yaml-language-server: $schema=../../schema/service.schema.json\n")
    assert "fictional:" not in service and "# north-shire: started from the fictional example" in service
    assert "# the template new services copy" not in service
    example = (ROOT / "data/example/statement-of-purpose.yaml").read_text().splitlines()
    copied = (project / "data/north-shire/statement-of-purpose.yaml").read_text().splitlines()
    assert copied[3:] == example[2:] and copied[0] == example[0]
    # until its example details are replaced, the new service cannot pass
    code, out, _ = run("validate", "data/north-shire", "--today", TODAY, cwd=project)
    assert code == 1 and "text/example-identity" in out


def test_new_refuses_to_overwrite_without_force(project, run):
    run("new", "north-shire", cwd=project)
    mine = project / "data/north-shire/service.yaml"
    mine.write_text(mine.read_text() + "# my notes\n")
    code, _, err = run("new", "north-shire", cwd=project)
    assert code == 2 and "--force" in err
    assert mine.read_text().endswith("# my notes\n")


def test_new_with_force_keeps_a_backup(project, run):
    run("new", "north-shire", cwd=project)
    mine = project / "data/north-shire/service.yaml"
    mine.write_text(mine.read_text() + "# my notes\n")
    code, out, _ = run("new", "north-shire", "--force", cwd=project)
    backups = list((project / "data/.backups").glob("north-shire-*/north-shire"))
    assert code == 0 and len(backups) == 1
    assert (backups[0] / "service.yaml").read_text().endswith("# my notes\n")
    assert not mine.read_text().endswith("# my notes\n")


def test_new_refuses_a_bad_service_id(project, run):
    code, _, err = run("new", "North Shire", cwd=project)
    assert code == 2 and "cannot be a service id" in err


def test_a_broken_service_file_counts_against_its_service(project, run):
    (project / "data/example/service.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    code, out, _ = run("validate", "data/example", "--format", "json", "--today", TODAY, cwd=project)
    report = json.loads(out)
    (broken,) = [f for f in report["findings"] if f["file"] == "data/example/service.yaml"]
    assert code == 1 and broken["rule"] == "yaml/syntax" and broken["service"] == "example"
    assert report["summary"]["services"]["example"]["errors"] == report["summary"]["errors"]
