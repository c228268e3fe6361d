"""`fosterdocs status`: each document's version, approval, review and lodging, as a table, Markdown or JSON."""

from __future__ import annotations

import json
from datetime import date

from cipaths import ROOT, SERVICE, SOP, TODAY

from fosterdocs.status import collect, render_text


def _documents(run, *args, cwd=None):
    kwargs = {"cwd": cwd} if cwd else {}
    code, out, err = run("status", *args, "--format", "json", "--today", TODAY, **kwargs)
    assert not err
    return code, {(d["service_id"], d["name"]): d for d in json.loads(out)["documents"]}


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


def test_a_review_the_statement_commits_to_is_the_due_date_validate_works_out(run):
    """Leicestershire writes no review or approval date, but commits to approval 'in September each year': status
    gives the due date validate's finding works out from that (one place: Document.review), not 'no date'."""
    _, documents = _documents(run, "data/leicestershire")
    statement = documents[("leicestershire", "statement-of-purpose")]
    assert (statement["next_review_due"], statement["approved_on"]) == ("", "")
    assert statement["review_status"] == "overdue" and statement["review_due_by"] == "2024-09-30"
    _, out, _ = run("validate", "data/leicestershire", "--format", "json", "--today", TODAY)
    (overdue,) = [f for f in json.loads(out)["findings"] if f["rule"] == "dates/review-overdue"
                  and f["file"] == "data/leicestershire/statement-of-purpose.yaml"]
    assert overdue["message"].startswith("The review was due by September 2024 (the statement says it is approved "
                                         "in September each year") and f", {-statement['days_left']} days ago" in \
        overdue["message"]
    assert documents[("leicestershire", "carer-handbook")]["review_status"] == "no-date"  # it commits to nothing


def _table(out: str) -> list[list[str]]:
    """The text table read back: each row's cells, the lines a long cell wraps onto joined up."""
    lines = out.split("\n\n")[0].splitlines()
    starts = [i for i, char in enumerate(lines[0]) if char != " " and (i == 0 or lines[0][i - 1] == " ")
              and (i < 2 or lines[0][i - 2:i] == "  ")]
    table = []
    for line in lines:
        cells = [line[a:b].strip() for a, b in zip(starts, [*starts[1:], None])]
        if table and not cells[0] and table[-1][0]:  # a wrapped line: it continues the row above
            table[-1] = [f"{old} {new}".strip() for old, new in zip(table[-1], cells)]
        else:
            table.append(cells)
    return table


def test_the_table_fits_100_columns_with_the_service_id_and_says_what_is_overdue(run):
    code, out, _ = run("status", "--today", TODAY)
    assert max(len(line) for line in out.splitlines()) <= 100
    header, *body = _table(out)
    assert header == ["Service", "Document", "Version", "Approved", "Review due", "Sent to Ofsted", "Errors",
                      "Warnings"]
    rows = {(cells[0], cells[1]): cells for cells in body}
    assert len(rows) == 25 and {service for service, _ in rows} == {"example", "example-agency", "hertfordshire",
                                                                     "leicestershire", "norfolk"}
    herts = rows[("hertfordshire", "Statement of Purpose")]
    assert herts[2:5] == ["Issue 17", "-", "2025-03, 602 days overdue"] and int(herts[6]) > 0
    example = rows[("example", "Statement of Purpose")]
    assert example[2:] == ["2026.1", "2026-09-15", "2027-09-15, in 296 days", "2026-09-22", "0", "0"]
    assert out.splitlines()[-1].endswith("once).") and "Judged on 2026-11-23:" in out
    assert code == 1


def test_the_totals_agree_with_the_rows(run):
    code, out, _ = run("status", "--format", "json", "--today", TODAY)
    report = json.loads(out)
    documents, totals = report["documents"], report["totals"]
    assert totals["documents"] == len(documents) == 25
    assert totals["needing_action"] == sum(d["needs_action"] for d in documents)
    assert totals["with_errors"] == sum(d["errors"] > 0 for d in documents) == 15
    assert all(d["needs_action"] for d in documents if d["errors"])  # a row with errors always needs action
    assert totals["review_overdue"] == sum(d["review_status"] == "overdue" for d in documents) == 2  # Herts, Leics
    _, text, _ = run("status", "--today", TODAY)
    summary = " ".join(text.split("\n\n")[-1].split())
    assert summary.startswith(f"Judged on 2026-11-23: 25 documents, {totals['needing_action']} needing action "
                              "(15 with errors, 2 review overdue, 13 no review date;")


def test_wrapped_cells_read_back_as_the_cells_of_a_wide_table():
    table, _ = collect([ROOT / "data"], date.fromisoformat(TODAY))
    wide, narrow = (render_text(table, date.fromisoformat(TODAY), width) for width in (400, 100))
    assert len(wide.splitlines()[0]) > 100 and max(len(line) for line in narrow.splitlines()) <= 100
    assert len(narrow.splitlines()) > len(wide.splitlines())  # something wrapped
    assert _table(narrow) == _table(wide) and len(_table(wide)) == 26
    assert render_text([], date.fromisoformat(TODAY)).endswith("0 documents, 0 needing action.\n")


def test_a_revised_guide_not_yet_given_out_shows_the_reg_4_warning(project, edit, run):
    guide = project / "data/example/childrens-guide-8-to-12.yaml"
    edit(guide, "  resupplied_on: 2026-09-30\n", "")
    code, documents = _documents(run, "data/example", cwd=project)
    row = documents[("example", "childrens-guide-8-to-12")]
    assert row["resupply_status"] == "due" and row["days_since_approval"] == 69 and row["needs_action"]
    assert documents[("example", "childrens-guide-under-8")]["resupply_status"] == "resupplied"
    _, out, _ = run("status", "data/example", "--today", TODAY, cwd=project)
    note = " ".join(out.split("\n\n")[1].split())
    assert note == ("example: Children's Guide (8 to 12) not yet given to every foster carer and child placed (69 "
                    "days since approval on 2026-09-15). When it has been, run: fosterdocs lodge example --resupplied "
                    "YYYY-MM-DD (regulation 4).")
    assert "1 guide to give to carers and children" in out


def test_an_edition_not_sent_to_ofsted_shows_its_deadline(project, edit, run):
    edit(project / SOP, "  lodged_with_ofsted_on: 2026-09-22\n", "")
    code, documents = _documents(run, "data/example", cwd=project)
    example = documents[("example", "statement-of-purpose")]
    assert example["lodging_status"] == "late" and example["lodge_by"] == "2026-10-13"
    assert example["errors"] == 1 and code == 1
    _, out, _ = run("status", "data/example", "--today", TODAY, cwd=project)
    (row,) = [cells for cells in _table(out) if cells[1] == "Statement of Purpose"]
    assert row[5] == "not sent (was due by 2026-10-13)"


def test_due_lists_only_documents_needing_action(project, edit, run):
    code, out, _ = run("status", "data/example", "--due", "--format", "json", "--today", TODAY, cwd=project)
    assert json.loads(out)["documents"] == [] and code == 0
    code, out, _ = run("status", "--due", "--format", "json", "--today", TODAY, cwd=project)
    assert all(d["errors"] or d["review_status"] != "ok" for d in json.loads(out)["documents"])
    assert len(json.loads(out)["documents"]) == json.loads(out)["totals"]["needing_action"] == 15
    edit(project / SOP, "next_review_due: 2027-09-15", "next_review_due: 2027-01-10")
    _, out, _ = run("status", "data/example", "--due", "--format", "json", "--today", TODAY, cwd=project)
    (due,) = json.loads(out)["documents"]
    assert due["name"] == "statement-of-purpose" and due["review_status"] == "due-soon" and due["days_left"] == 48


def test_markdown_escapes_text_from_the_yaml(project, edit, run):
    edit(project / SERVICE, "name: Exampleshire Fostering Service",
         "name: Exampleshire | <script>alert(1)</script> Fostering")
    code, out, _ = run("status", "data/example", "--format", "markdown", "--today", TODAY, cwd=project)
    lines = out.splitlines()
    assert lines[0].startswith("| Service ID | Service | Document |") and lines[1].startswith("|---|")
    row = next(line for line in lines if "Statement of Purpose" in line)
    assert "Exampleshire \\| &lt;script&gt;alert(1)&lt;/script&gt; Fostering" in row
    assert "<script>" not in out
    assert row.count(" | ") == 9  # ten cells: the pipe in the name did not add one


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
