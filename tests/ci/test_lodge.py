"""`fosterdocs lodge ID`: the lodging pack for Ofsted (PDFs, a tagged covering letter, an .eml draft), refused while
errors stand; then `--sent` and `--resupplied` record the dates through a round trip that keeps comments."""

from __future__ import annotations

import difflib
import email
import json
import shutil
import subprocess
from email import policy

import icalendar
import pikepdf
import pytest
from cipaths import SERVICE, SOP, TODAY

GUIDE = "data/example/childrens-guide-8-to-12.yaml"
PACK = "lodging/example/2026-11-23"
LODGING = "lodging:\n  email: notifications@ofsted.example.org\n"


def git(folder, *args) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=folder,
                   check=True, capture_output=True)


def _revise(path, edit, version: str = "2026.2") -> None:
    """A new edition of a document, approved on 20 November 2026 by Cabinet, not yet sent to Ofsted."""
    text = path.read_text(encoding="utf-8")
    old = text.split("  version: ")[1].split("\n")[0]
    edit(path, f"  version: {old}\n  approved_by", f'  version: "{version}"\n  approved_by')
    edit(path, "  approved_on: 2026-09-15\n  published_on",
         "  approved_on: 2026-11-20  # Cabinet, item 7\n  published_on")
    edit(path, "  revisions:\n", f'  revisions:\n    - version: "{version}"\n      approved_on: 2026-11-20\n'
         "      summary: New registered manager.\n")


@pytest.fixture
def service(project, edit):
    """The example in git as sent to Ofsted in September, then a new registered manager and new editions of the
    statement and the 8 to 12 guide approved on 20 November 2026; the lodging address set."""
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "2026 edition, sent to Ofsted")
    edit(project / SERVICE, "  name: Sam Okafor\n", "  name: Alex Brown\n")
    edit(project / SERVICE, "review_interval_months: 12\n", "review_interval_months: 12\n" + LODGING)
    _revise(project / SOP, edit)
    _revise(project / GUIDE, edit)
    edit(project / GUIDE, "  resupplied_on: 2026-09-30\n", "")
    return project


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_the_pack_holds_the_pdfs_a_tagged_letter_and_an_email_draft(service, run):
    code, out, err = run("lodge", "example", "--today", TODAY, cwd=service)
    assert code == 0 and not err
    pack = service / PACK
    assert sorted(p.name for p in pack.iterdir()) == [
        "childrens-guide-8-to-12-2026.2.pdf", "covering-letter.pdf", "covering-letter.txt", "email-to-ofsted.eml",
        "how-to-send.txt", "statement-of-purpose-2026-27.pdf"]
    assert f"Prepared the lodging pack for Exampleshire Fostering Service in {PACK}:" in out
    assert "fosterdocs lodge example --sent YYYY-MM-DD" in out and "--resupplied YYYY-MM-DD" in out
    with pikepdf.open(pack / "covering-letter.pdf") as pdf:
        assert pdf.Root.MarkInfo.Marked is True and "/StructTreeRoot" in pdf.Root
        assert str(pdf.Root.Lang) == "en-GB"
        title = ("Revised Fostering Service Statement of Purpose and Your guide to foster care - for children aged 8 "
                 "to 12 – Exampleshire Fostering Service (URN SC999999)")
        assert str(pdf.docinfo["/Title"]) == title
        assert pdf.open_metadata()["dc:title"] == title
    text = " ".join(_pdf_text(pack / "covering-letter.pdf").split())
    for said in ("Exampleshire Fostering Service", "URN SC999999", "Dear Ofsted",
                 "regulation 4 of the Fostering Services (England) Regulations 2011",
                 "statement-of-purpose-2026-27.pdf", "2026-27, 2026.2",
                 "by Exampleshire County Council Cabinet on 20 November 2026",
                 "18 December 2026 (28 days after approval)", "New registered manager.",
                 "Registered manager › Name: changed from “Sam Okafor” to “Alex Brown”.",
                 "every foster carer and, as suits their age and understanding, every child placed",
                 "Yours sincerely, Alex Brown Fostering Service Manager"):
        assert said in text, said
    letter = (pack / "covering-letter.txt").read_text(encoding="utf-8")
    assert "  Approved by Exampleshire County Council Cabinet on 20 November 2026." in letter
    assert "    - Registered manager › Name: changed from “Sam Okafor” to “Alex Brown”." in letter
    assert "DRAFT" not in _pdf_text(pack / "statement-of-purpose-2026-27.pdf")

    raw = (pack / "email-to-ofsted.eml").read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")  # RFC 5322 lines end in CRLF
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["To"] == "notifications@ofsted.example.org"
    assert message["From"] == "Alex Brown <sam.okafor@example.org>"
    assert message["Subject"] == title and message["X-Unsent"] == "1" and message["Date"]
    assert message.get_body(("plain",)).get_content().replace("\r\n", "\n") == letter
    attached = {part.get_filename(): part.get_content() for part in message.iter_attachments()}
    assert sorted(attached) == ["childrens-guide-8-to-12-2026.2.pdf", "covering-letter.pdf",
                                "statement-of-purpose-2026-27.pdf"]
    for name, content in attached.items():
        assert content == (pack / name).read_bytes(), name  # byte for byte


def test_without_a_lodging_address_the_pack_says_where_to_send_it(service, edit, run):
    edit(service / SERVICE, LODGING, "")
    code, out, _ = run("lodge", "example", "--today", TODAY, cwd=service)
    assert code == 0
    assert "data/example/service.yaml:1:1  warning  lodging/no-address" in out
    assert "as lodging: {email: ADDRESS}" in out
    message = email.message_from_bytes((service / PACK / "email-to-ofsted.eml").read_bytes(), policy=policy.default)
    assert message["To"] is None
    note = (service / PACK / "how-to-send.txt").read_text(encoding="utf-8")
    assert "service.yaml sets no lodging address (lodging: {email: ...})" in note
    assert "Email: enquiries@ofsted.gov.uk" in note and "Piccadilly Gate" in note


def test_a_document_with_errors_is_refused_and_nothing_is_written(service, edit, run):
    edit(service / SOP, "A copy is sent to Ofsted and published on our website.",
         "A copy is sent to Ofsted (call 08456 40 40 40) and published on our website.")
    code, out, err = run("lodge", "example", "--today", TODAY, cwd=service)
    assert code == 1 and not err
    assert "contacts/stale-ofsted" in out and "Not prepared: put the 1 error above right first" in out
    assert not (service / "lodging").exists()


def test_a_late_edition_is_still_lodged_and_the_letter_says_so(service, run):
    code, out, _ = run("lodge", "example", "--today", "2026-12-31", cwd=service)
    assert code == 0  # lifecycle/not-lodged is what lodging puts right, not a reason to refuse
    letter = (service / "lodging/example/2026-12-31/covering-letter.txt").read_text(encoding="utf-8")
    assert "Deadline for Ofsted: 18 December 2026 (28 days after approval): this is late" in letter


def test_a_pack_is_not_replaced_without_force_and_stays_out_of_the_data(service, run):
    assert run("lodge", "example", "--today", TODAY, cwd=service)[0] == 0
    first = (service / PACK / "covering-letter.txt").read_bytes()
    code, out, err = run("lodge", "example", "--today", TODAY, cwd=service)
    assert code == 2 and not out and f"{PACK} already holds a lodging pack" in err and "--force" in err
    (service / PACK / "my-notes.txt").write_text("mine", encoding="utf-8")
    code, _, _ = run("lodge", "example", "--today", TODAY, "--force", cwd=service)
    assert code == 0 and (service / PACK / "covering-letter.txt").read_bytes() == first
    code, out, err = run("lodge", "example", "--today", TODAY, "--out", "data/packs", cwd=service)
    assert code == 2 and "inside the data folder" in err and not (service / "data/packs").exists()


def test_sent_records_the_date_keeping_comments_and_closes_the_deadline(service, run):
    before = {path: (service / path).read_text(encoding="utf-8") for path in (SOP, GUIDE)}
    code, out, err = run("lodge", "example", "--sent", "2026-11-22", "--today", TODAY, cwd=service)
    assert code == 0 and not err and f"  {SOP}\n  {GUIDE}\n" in out
    for path, text in before.items():
        after = (service / path).read_text(encoding="utf-8")
        changed = [line for line in difflib.ndiff(text.splitlines(), after.splitlines()) if line[:1] in "+-"]
        assert changed == ["-   lodged_with_ofsted_on: 2026-09-22", "+   lodged_with_ofsted_on: 2026-11-22"], path
        assert "  approved_on: 2026-11-20  # Cabinet, item 7\n" in after
    _, status, _ = run("status", "data/example", "--format", "json", "--today", TODAY, cwd=service)
    rows = {row["name"]: row for row in json.loads(status)["documents"]}
    assert rows["statement-of-purpose"]["lodging_status"] == "lodged"
    assert rows["childrens-guide-8-to-12"]["lodging_status"] == "lodged"
    _, ics, _ = run("calendar", "data/example", "--include-example", "--today", TODAY, cwd=service)
    events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")}
    deadline = events["lodge-example-statement-of-purpose-2026-12-18@fosterdocs"]
    assert str(deadline["SUMMARY"]).startswith("Sent to Ofsted:") and deadline.walk("VALARM") == []
    code, out, _ = run("lodge", "example", "--today", TODAY, cwd=service)
    assert code == 0 and out.startswith("Nothing to lodge:") and not (service / "lodging").exists()


def test_sent_adds_the_date_where_none_was_written(service, edit, run):
    edit(service / SOP, "  lodged_with_ofsted_on: 2026-09-22\n", "")
    run("lodge", "example", "--sent", "2026-11-22", "--today", TODAY, cwd=service)
    assert "  published_on: 2026-09-20\n  lodged_with_ofsted_on: 2026-11-22\n  next_review_due:" in (
        service / SOP).read_text(encoding="utf-8")


def test_resupplied_records_the_guides_and_ends_the_reg_4_reminder(service, run):
    _, out, _ = run("status", "data/example", "--today", TODAY, cwd=service)
    assert "Children's Guide (8 to 12) not yet given to every foster carer and child placed (3 days since " \
           "approval" in " ".join(out.split())
    code, out, _ = run("lodge", "example", "--resupplied", "2026-11-23", "--today", TODAY, cwd=service)
    assert code == 0 and f"Recorded resupplied_on: 2026-11-23 (given to every foster carer and child placed) " \
                         f"in:\n  {GUIDE}\n" in out
    assert "  lodged_with_ofsted_on: 2026-09-22\n  resupplied_on: 2026-11-23\n" in (service / GUIDE).read_text(
        encoding="utf-8")
    _, out, _ = run("status", "data/example", "--today", TODAY, cwd=service)
    assert "not yet given" not in out


@pytest.mark.parametrize("args, says", [
    (["--sent", "2026-11-24"], "2026-11-24 has not happened yet"),
    (["--sent", "2026-11-19"], "was approved on 20 November 2026, after 19 November 2026"),
    (["--resupplied", "2026-11-01"], "was approved on 20 November 2026, after 1 November 2026"),
    (["--since", "no-such-tag"], "'no-such-tag' is not a folder, a file, or a git revision or tag"),
])
def test_bad_dates_change_nothing(service, run, args, says):
    before = {path: (service / path).read_bytes() for path in (SOP, GUIDE)}
    code, out, err = run("lodge", "example", *args, "--today", TODAY, cwd=service)
    assert code == 2 and not out and err.startswith("fosterdocs: ") and says in err and "Traceback" not in err
    assert {path: (service / path).read_bytes() for path in (SOP, GUIDE)} == before


def test_an_unknown_service_is_a_clear_message(service, run):
    code, out, err = run("lodge", "nowhere", "--today", TODAY, cwd=service)
    assert code == 2 and "There is no service called 'nowhere'" in err and "Traceback" not in err


def test_a_file_changed_while_recording_is_left_alone(service, monkeypatch, run):
    from fosterdocs import lodging

    made = lodging._yaml

    class Meanwhile:
        """The round trip, but someone saves the file while fosterdocs is writing."""

        def __init__(self):
            self.yaml = made()

        def load(self, text):
            return self.yaml.load(text)

        def dump(self, data, stream):
            (service / SOP).write_text("# edited elsewhere\n", encoding="utf-8")
            self.yaml.dump(data, stream)

    monkeypatch.setattr(lodging, "_yaml", Meanwhile)
    code, _, err = run("lodge", "example", "--sent", "2026-11-22", "--today", TODAY, cwd=service)
    assert code == 2 and "changed while fosterdocs was recording the date" in err
    assert (service / SOP).read_text(encoding="utf-8") == "# edited elsewhere\n"
    assert not list((service / "data/example").glob(".*part"))


def test_outside_git_the_letter_asks_for_the_changes_and_since_gives_them(project, edit, run, tmp_path):
    sent = tmp_path / "as-sent"
    shutil.copytree(project / "data/example", sent)
    _revise(project / SOP, edit)
    code, out, _ = run("lodge", "example", "--today", TODAY, cwd=project)
    assert code == 0 and "warning  lodging/no-changes-listed" in out and "--since FOLDER-OR-REVISION" in out
    letter = (project / PACK / "covering-letter.txt").read_text(encoding="utf-8")
    assert "[fosterdocs could not list the changes: write them here before sending.]" in letter
    code, out, _ = run("lodge", "example", "--today", TODAY, "--since", str(sent), "--force", cwd=project)
    letter = (project / PACK / "covering-letter.txt").read_text(encoding="utf-8")
    assert code == 0 and "no-changes-listed" not in out
    assert "Fostering Service Statement of Purpose (compared with as-sent):" in letter  # (inside the project)
    assert "    - Version: changed from “2026.1” to “2026.2”." in letter


def test_a_date_is_not_recorded_when_the_round_trip_would_change_other_lines(tmp_path):
    from datetime import date

    from fosterdocs import lodging
    from fosterdocs.project import CannotRun

    path = tmp_path / "statement-of-purpose.yaml"
    text = ("document:\n  approved_on: 2026-11-20  # Cabinet\ntable:\n  rows:\n    - - Director\n      - Jo Fisher\n")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CannotRun, match="would also change the layout of other lines"):
        lodging.record(path, lodging.SENT, date(2026, 11, 22))
    assert path.read_text(encoding="utf-8") == text and list(tmp_path.iterdir()) == [path]
    path.write_text(text.replace("    - - Director\n      - Jo Fisher\n", "    - Director\n"), encoding="utf-8")
    lodging.record(path, lodging.SENT, date(2026, 11, 22))
    assert path.read_text(encoding="utf-8") == ("document:\n  approved_on: 2026-11-20  # Cabinet\n"
                                                "  lodged_with_ofsted_on: 2026-11-22\ntable:\n  rows:\n"
                                                "    - Director\n")


def test_with_nothing_waiting_it_says_why_and_writes_nothing(project, run):
    code, out, _ = run("lodge", "norfolk", "--today", TODAY, cwd=project)
    assert code == 0 and out.startswith("Nothing to lodge: no edition of Norfolk Fostering Service's statement of "
                                        "purpose or children's guides records its approval")
    code, out, _ = run("lodge", "example", "--today", TODAY, cwd=project)
    assert code == 0 and out.startswith("Nothing to lodge: every approved edition of Exampleshire")
    assert not (project / "lodging").exists()
