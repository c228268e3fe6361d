"""The import command as a registered manager uses it: what it writes, what it refuses, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from import_support import SEEDS, STATEMENTS, TODAY

NORFOLK = SEEDS / STATEMENTS["norfolk"]
LEICESTERSHIRE = SEEDS / STATEMENTS["leicestershire"]




def snapshot(folder: Path, leave_out: Path | None = None) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and (leave_out is None or leave_out not in p.parents)}


def test_first_line_names_the_schema_and_the_draft_has_only_content_gaps(project, run):
    code, out, err = run("import", NORFOLK, "--service", "north-shire", "--today", TODAY, cwd=project)
    target = project / "data/north-shire/statement-of-purpose.yaml"
    assert (code, err) == (0, "")
    assert target.read_text(encoding="utf-8").splitlines()[0] == \
        "# yaml-language-server: $schema=../../schema/statement-of-purpose.schema.json"
    _, report, _ = run("validate", "data/north-shire/statement-of-purpose.yaml", "--format", "json", "--today", TODAY,
                       cwd=project)
    rules = {f["rule"] for f in json.loads(report)["findings"]}
    assert not rules & {"schema/unknown-key", "schema/type", "schema/invalid", "schema/not-allowed", "schema/empty"}
    assert {"contacts/stale-ofsted", "import/unmapped", "manager/missing"} <= rules


def test_an_existing_statement_is_not_replaced_without_force(project, run):
    before = snapshot(project / "data")
    code, out, err = run("import", NORFOLK, "--service", "norfolk", cwd=project)
    assert code == 2 and out == ""
    assert "data/norfolk/statement-of-purpose.yaml already exists. Nothing was changed; use --force" in err
    assert snapshot(project / "data") == before


def test_force_keeps_a_backup_and_touches_no_other_file(project, run):
    service = project / "data/leicestershire"
    old = (service / "statement-of-purpose.yaml").read_bytes()
    others = snapshot(project / "data", leave_out=service)
    siblings = {name: data for name, data in snapshot(service).items() if name != "statement-of-purpose.yaml"}
    code, out, _ = run("import", LEICESTERSHIRE, "--service", "leicestershire", "--force", "--today", TODAY,
                       cwd=project)
    assert code == 0
    backups = sorted(service.glob("statement-of-purpose.yaml.*.bak"))
    assert len(backups) == 1 and backups[0].read_bytes() == old
    assert f"The old file is kept as data/leicestershire/{backups[0].name}." in out
    assert (service / "statement-of-purpose.yaml").read_bytes() != old
    assert snapshot(project / "data", leave_out=service) == others
    after = snapshot(service)
    assert {name: data for name, data in after.items()
            if name not in ("statement-of-purpose.yaml", backups[0].name)} == siblings
    # service.yaml already holds the registered manager, so the draft's `use:` resolves
    assert "refs/missing" not in out and "found    SOP-MANAGER" in out


def test_a_second_forced_import_keeps_both_backups(project, run):
    for _ in range(2):
        assert run("import", NORFOLK, "--service", "norfolk", "--force", "--today", TODAY, cwd=project)[0] == 0
    assert len(list((project / "data/norfolk").glob("statement-of-purpose.yaml.*.bak"))) == 2


def test_backups_are_not_read_as_documents(project, run):
    run("import", NORFOLK, "--service", "norfolk", "--force", "--today", TODAY, cwd=project)
    _, out, _ = run("validate", "data/norfolk", "--today", TODAY, cwd=project)
    assert "file/unknown-document" not in out


def _pdf_without_text(path: Path) -> Path:
    from weasyprint import HTML

    HTML(string='<div style="width:5cm;height:5cm;background:#246"></div>').write_pdf(path)
    return path


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.txt", "missing.txt does not exist."),
    (lambda d: _write(d / "statement.doc", b"\xd0\xcf\x11\xe0"), "Save it from Word as .docx"),
    (lambda d: _write(d / "statement", b"text"), "is a file without an extension"),
    (lambda d: _write(d / "broken.docx", b"not a zip file"), "cannot be read as a Word document"),
    (lambda d: _write(d / "broken.pdf", b"%PDF-1.4 nonsense"), "cannot be read as a PDF"),
    (lambda d: _pdf_without_text(d / "scan.pdf"), "has no text layer"),
    (lambda d: _write(d / "empty.txt", b"\n \n"), "has no text to import"),
], ids=["missing", "doc", "no-extension", "broken-docx", "broken-pdf", "scanned-pdf", "empty"])
def test_a_file_that_cannot_be_read_is_explained_and_exits_two(project, run, make, message):
    before = snapshot(project / "data")
    code, out, err = run("import", make(project), "--service", "north-shire", cwd=project)
    assert code == 2 and out == ""
    assert err.startswith("fosterdocs: ") and message in err and "Traceback" not in err
    assert snapshot(project / "data") == before


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("service", ["North Shire", "example", "reference", "../norfolk"])
def test_a_bad_service_id_is_refused(project, run, service):
    code, _, err = run("import", NORFOLK, "--service", service, cwd=project)
    assert code == 2 and f"'{service}' cannot be a service id" in err


def test_outside_a_data_folder_it_cannot_run(tmp_path, run):
    code, _, err = run("import", NORFOLK, "--service", "north-shire", "--data", tmp_path / "nowhere", cwd=tmp_path)
    assert code == 2 and "is not inside a fosterdocs project" in err
