"""`fosterdocs status`: each document's version, approval, review and lodging, as a table, Markdown or JSON."""

from __future__ import annotations

import json

from cipaths import SERVICE, SOP, TODAY


def _documents(run, *args, cwd=None):
    kwargs = {"cwd": cwd} if cwd else {}
    code, out, err = run("status", *args, "--format", "json", "--today", TODAY, **kwargs)
    assert not err
    return code, {(d["service_id"], d["kind"]): d for d in json.loads(out)["documents"]}


def test_json_gives_each_documents_dates_and_counts(run):
    code, documents = _documents(run)
    example = documents[("example", "statement-of-purpose")]
    assert {k: example[k] for k in (
        "version", "approved_on", "next_review_due", "days_left", "lodged_with_ofsted_on", "review_status",
        "errors", "warnings", "lodge_by", "lodging_status")} == {
        "version": "2026.1", "approved_on": "2026-09-15", "next_review_due": "2027-09-15", "days_left": 296,
        "lodged_with_ofsted_on": "2026-09-22", "review_status": "ok", "errors": 0, "warnings": 0,
        "lodge_by": "2026-10-13", "lodging_status": "lodged"}
    herts = documents[("hertfordshire", "statement-of-purpose")]
    assert herts["review_status"] == "overdue" and herts["review_due_by"] == "2025-03-31"
    assert herts["days_left"] == -602 and herts["errors"] > 0
    assert documents[("norfolk", "statement-of-purpose")]["review_status"] == "no-date"
    assert code == 1  # the real services have errors


def test_the_counts_match_what_validate_reports(run):
    """A document's counts are its own file's findings and those of the service.yaml it shares."""
    _, documents = _documents(run, "data/hertfordshire")
    _, out, _ = run("validate", "data/hertfordshire", "--format", "json", "--today", TODAY)
    files = {"data/hertfordshire/statement-of-purpose.yaml", "data/hertfordshire/service.yaml"}
    found = [f["severity"] for f in json.loads(out)["findings"] if f["file"] in files]
    herts = documents[("hertfordshire", "statement-of-purpose")]
    assert (herts["errors"], herts["warnings"]) == (found.count("error"), found.count("warning")) != (0, 0)
    assert {service for service, _ in documents} == {"hertfordshire"}


def test_the_table_shows_every_column_and_says_what_is_overdue(run):
    code, out, _ = run("status", "--today", TODAY)
    lines = out.splitlines()
    for column in ("Service", "Document", "Version", "Approved on", "Next review due", "Days left",
                   "Lodged with Ofsted on", "Errors", "Warnings"):
        assert column in lines[0]
    (herts,) = [line for line in lines if line.startswith("Hertfordshire") and "Statement of Purpose" in line]
    assert "Issue 17" in herts and "2025-03" in herts and "-602 (overdue)" in herts
    (example,) = [line for line in lines if line.startswith("Exampleshire") and "Statement of Purpose" in line]
    assert "2026-09-15" in example and "2026-09-22" in example and "296" in example
    assert lines[-1].startswith("Judged on 2026-11-23:")
    assert code == 1


def test_an_edition_not_sent_to_ofsted_shows_its_deadline(project, edit, run):
    edit(project / SOP, "  lodged_with_ofsted_on: 2026-09-22\n", "")
    code, documents = _documents(run, "data/example", cwd=project)
    example = documents[("example", "statement-of-purpose")]
    assert example["lodging_status"] == "late" and example["lodge_by"] == "2026-10-13"
    assert example["errors"] == 1 and code == 1
    _, out, _ = run("status", "data/example", "--today", TODAY, cwd=project)
    assert "not sent (was due by 2026-10-13)" in out


def test_due_lists_only_documents_needing_action(project, edit, run):
    code, out, _ = run("status", "data/example", "--due", "--format", "json", "--today", TODAY, cwd=project)
    assert json.loads(out)["documents"] == [] and code == 0
    edit(project / SOP, "next_review_due: 2027-09-15", "next_review_due: 2027-01-10")
    _, out, _ = run("status", "data/example", "--due", "--format", "json", "--today", TODAY, cwd=project)
    (due,) = json.loads(out)["documents"]
    assert due["kind"] == "statement-of-purpose" and due["review_status"] == "due-soon" and due["days_left"] == 48


def test_markdown_escapes_text_from_the_yaml(project, edit, run):
    edit(project / SERVICE, "name: Exampleshire Fostering Service",
         "name: Exampleshire | <script>alert(1)</script> Fostering")
    code, out, _ = run("status", "data/example", "--format", "markdown", "--today", TODAY, cwd=project)
    lines = out.splitlines()
    assert lines[0].startswith("| Service | Document |") and lines[1].startswith("|---|")
    row = next(line for line in lines if "Statement of Purpose" in line)
    assert "Exampleshire \\| &lt;script&gt;alert(1)&lt;/script&gt; Fostering" in row
    assert "<script>" not in out
    assert row.count(" | ") == 8  # nine cells: the pipe in the name did not add one


def test_status_of_a_missing_folder_is_a_clear_error(run):
    code, out, err = run("status", "data/nowhere")
    assert code == 2 and not out
    assert err.startswith("fosterdocs: ") and "does not exist" in err and "Traceback" not in err


def test_malformed_lifecycle_fields_are_findings_not_crashes(project, edit, run):
    edit(project / SOP, "  approved_on: 2026-09-15\n  published_on",
         "  approved_on: [2026, 9, 15]\n  revisions_count: 7\n  published_on")
    text = (project / "data/hertfordshire/statement-of-purpose.yaml").read_text(encoding="utf-8")
    start, end = text.index("\ndocument:\n"), text.index("\nintroduction:\n")
    (project / "data/hertfordshire/statement-of-purpose.yaml").write_text(
        text[:start] + "\ndocument: just a line of text" + text[end:], encoding="utf-8")
    code, documents = _documents(run, cwd=project)
    assert documents[("example", "statement-of-purpose")]["lodging_status"] == ""
    assert documents[("hertfordshire", "statement-of-purpose")]["review_status"] == "no-date"
    assert code == 1
    code, out, err = run("calendar", "--today", TODAY, cwd=project)
    assert code == 0 and "BEGIN:VCALENDAR" in out and not err
