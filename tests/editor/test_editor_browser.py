"""The editor used as a registered manager would use it, in Chromium: fields found by their labels and roles, and
the YAML files checked afterwards."""

from __future__ import annotations

import difflib
import re
import subprocess

from playwright.sync_api import expect


def changed_lines(before: str, after: str) -> list[str]:
    """The lines that differ between two versions of a file, as - and + lines."""
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def open_file(page, editor, service: str, name: str):
    page.goto(f"{editor.base}/edit/{service}/{name}")


def manager(page):
    return page.get_by_role("group", name="Registered manager")


def test_changing_the_managers_phone_changes_one_line_and_keeps_comments(page, editor):
    path = editor.data / "example" / "service.yaml"
    before = path.read_text(encoding="utf-8")
    open_file(page, editor, "example", "service")
    manager(page).get_by_label("Phone number", exact=True).fill("01632 960999")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    after = path.read_text(encoding="utf-8")
    assert changed_lines(before, after) == ["-  phone: 01632 960110", "+  phone: 01632 960999"]
    assert after.startswith("# yaml-language-server: $schema=../../schema/service.schema.json\n# A fictional service")


def test_an_invalid_phone_number_is_shown_at_its_field_and_in_the_summary(page, editor):
    open_file(page, editor, "example", "service")
    phone = manager(page).get_by_label("Phone number", exact=True)
    phone.fill("not a number")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("'not a number' is not a UK telephone number")
    at_field = page.locator("#field-f\\.registered_manager\\.phone .govuk-error-message")
    expect(at_field).to_contain_text("is not a UK telephone number")
    expect(manager(page).get_by_label("Phone number", exact=True)).to_be_focused()  # checking did not move the focus
    page.get_by_role("link", name=re.compile("registered_manager.phone.*not a UK telephone number")).click()
    expect(manager(page).get_by_label("Phone number", exact=True)).to_be_focused()
    phone.fill("01632 960 100")  # put right: the finding leaves the field and the summary as you type
    expect(at_field).to_have_count(0)
    expect(page.locator("#findings")).to_have_text("No problems found.")


def stages(page):
    return page.get_by_role("group", name="Complaints", exact=True).get_by_role("group", name="Stages", exact=True)


def test_complaints_stages_can_be_added_and_reordered_by_keyboard(page, editor):
    path = editor.data / "example" / "statement-of-purpose.yaml"
    open_file(page, editor, "example", "statement-of-purpose")
    add = stages(page).get_by_role("button", name="Add another (to Stages)")
    add.focus()
    page.keyboard.press("Enter")
    new_stage = page.get_by_role("group", name="Stage 4", exact=True)
    new_stage.get_by_label("Name", exact=True).fill("Stage 0 - a word with the manager")
    new_stage.get_by_label("Working days", exact=True).fill("5")
    for _ in range(3):  # to the top, by keyboard: the focus stays on the button that moved
        page.get_by_role("button", name=re.compile(r"^Move up \(Stage \d(: Stage 0.*)?\)$")).focus()
        page.keyboard.press("Enter")
    expect(page.get_by_role("button", name=re.compile(r"^Move down \(Stage 1: Stage 0"))).to_be_focused()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved", exact=False).first).to_be_visible()
    text = path.read_text(encoding="utf-8")
    names = re.findall(r"^    - name: (Stage \d.*)$", text, re.M)
    assert names == ["Stage 0 - a word with the manager", "Stage 1 - local resolution", "Stage 2 - investigation",
                     "Stage 3 - review panel"]
    assert "      working_days: 5\n" in text.split("Stage 0 - a word with the manager")[1].split("- name:")[0]


def test_a_hard_sentence_in_a_childrens_guide_gets_the_reading_age_warning(page, editor):
    open_file(page, editor, "example", "childrens-guide-under-8")
    summary = page.locator("#findings")
    expect(summary).not_to_contain_text("reading age")
    welcome = page.get_by_role("group", name="Welcome", exact=True)
    hard = ("Notwithstanding the considerable administrative complexities inherent in contemporary safeguarding "
            "arrangements, the multidisciplinary professional network collaboratively determines appropriate "
            "accommodation, educational, therapeutic and developmental interventions. ")
    welcome.get_by_label("Paragraph or list 1", exact=True).fill(hard * 10)
    expect(summary).to_contain_text("has a reading age of about")
    expect(page.locator("#field-f\\.welcome\\.content\\.0 .govuk-error-message")).to_contain_text("above 8")


def test_a_file_changed_on_disk_is_not_overwritten_and_the_edits_are_kept(page, editor):
    path = editor.data / "example" / "service.yaml"
    open_file(page, editor, "example", "service")
    manager(page).get_by_label("Phone number", exact=True).fill("01632 960999")
    changed = path.read_text(encoding="utf-8").replace("name: Sam Okafor", "name: Sam Okafor-Reid")
    path.write_text(changed, encoding="utf-8")  # another tab, an editor or a git pull
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name="Not saved: the file changed since you opened it")).to_be_visible()
    assert path.read_text(encoding="utf-8") == changed
    expect(manager(page).get_by_label("Phone number", exact=True)).to_have_value("01632 960999")
    page.get_by_role("button", name="Reload the file, keeping my changes").click()
    expect(page.get_by_text("Your 1 unsaved changes are kept")).to_be_visible()
    expect(manager(page).get_by_label("Name", exact=True)).to_have_value("Sam Okafor-Reid")
    expect(manager(page).get_by_label("Phone number", exact=True)).to_have_value("01632 960999")
    page.get_by_role("button", name="Save", exact=True).click()
    text = path.read_text(encoding="utf-8")
    assert "name: Sam Okafor-Reid" in text and "phone: 01632 960999" in text


def test_a_file_that_is_not_yaml_is_shown_with_its_finding_and_as_text(page, editor):
    path = editor.data / "example" / "service.yaml"
    broken = path.read_text(encoding="utf-8").replace("name: Sam Okafor", "name: 'Sam Okafor", 1)
    path.write_text(broken, encoding="utf-8")
    open_file(page, editor, "example", "service")
    expect(page.locator(".govuk-error-summary")).to_contain_text("This is not valid YAML")
    raw = page.get_by_label("The file as text")
    expect(raw).to_have_value(broken)
    raw.fill(broken.replace("name: 'Sam Okafor", "name: Sam Okafor", 1))
    page.get_by_role("button", name="Save", exact=True).click()
    expect(manager(page).get_by_label("Name", exact=True)).to_have_value("Sam Okafor")
    assert "name: Sam Okafor\n" in path.read_text(encoding="utf-8")


def test_the_preview_follows_the_form_and_the_pdf_is_made_from_it(page, editor, tmp_path):
    import pikepdf

    open_file(page, editor, "example", "statement-of-purpose")
    preview = page.frame_locator("iframe[name=preview]")
    expect(preview.get_by_text("Stage 2 - investigation").first).to_be_visible()
    stages(page).get_by_role("group", name=re.compile("^Stage 2")).get_by_label("Name", exact=True).fill(
        "Stage 2 - a fair investigation")
    expect(preview.get_by_text("Stage 2 - a fair investigation").first).to_be_visible(timeout=15_000)
    with page.expect_download() as download:
        page.get_by_role("button", name="Make the PDF").click()
    target = tmp_path / "made.pdf"
    download.value.save_as(target)
    with pikepdf.open(target) as made:
        assert len(made.pages) > 3
    printed = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "Stage 2 - a fair investigation" in " ".join(printed.split())  # the unsaved answer, as printed
    assert b"Stage 2 - a fair investigation" not in (editor.data / "example/statement-of-purpose.yaml").read_bytes()


def git(folder, *args) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=folder, check=True,
                   capture_output=True)


def test_a_new_edition_bumps_the_version_dates_it_and_lists_the_changes_since_the_edition_sent(page, editor):
    project, path = editor.data.parent, editor.data / "example" / "childrens-guide-under-8.yaml"
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "2026 edition, sent to Ofsted")  # (the guide's lodged_with_ofsted_on is set)
    service = editor.data / "example" / "service.yaml"
    service.write_text(service.read_text(encoding="utf-8").replace("  name: Sam Okafor\n", "  name: Alex Brown\n"),
                       encoding="utf-8")
    git(project, "commit", "-q", "-am", "New registered manager (not sent yet)")
    open_file(page, editor, "example", "childrens-guide-under-8")
    page.get_by_role("group", name="Welcome", exact=True).get_by_label("Paragraph or list 1", exact=True).fill(
        "This book is for you and your family.")
    page.get_by_role("button", name="Start a new edition").click()
    expect(page.get_by_role("heading", name="New edition 2026.2 started")).to_be_visible()
    changes = page.locator("#changes")
    sent = subprocess.run(["git", "rev-parse", "--short=7", "HEAD~1"], cwd=project, capture_output=True,
                          text=True).stdout.strip()
    expect(changes).to_contain_text(f"data/example at commit {sent} (sent to Ofsted on 2026-09-22) to this form.")
    expect(changes).to_contain_text("This book is for you and your family.")  # unsaved, in this form
    expect(changes).to_contain_text("Shared facts (service.yaml)")  # every file of the service, since the edition sent,
    expect(changes).to_contain_text("changed from “Sam Okafor” to “Alex Brown”")  # not since the last commit
    revision = page.get_by_role("group", name=re.compile("^Revision 1"))
    expect(revision.get_by_label("Version", exact=True)).to_have_value("2026.2")
    revision.get_by_label("Summary", exact=True).fill("Welcome page reworded.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    meta = path.read_text(encoding="utf-8").split("welcome:")[0]
    assert '  version: "2026.2"\n' in meta
    assert "  approved_on: 2026-11-23\n" in meta and "  next_review_due: 2027-11-23\n" in meta
    assert "      summary: Welcome page reworded.\n" in meta, meta


def test_a_new_edition_outside_git_says_why_it_cannot_list_the_changes(page, editor):
    open_file(page, editor, "example", "childrens-guide-under-8")
    page.get_by_role("button", name="Start a new edition").click()
    expect(page.get_by_role("heading", name="New edition 2026.2 started")).to_be_visible()
    expect(page.locator("#changes")).to_contain_text("is not in a git repository, so fosterdocs cannot find the "
                                                     "edition last sent to Ofsted")


def test_an_expected_practice_item_can_be_marked_not_met_with_a_reason(page, editor):
    service = editor.data / "example" / "service.yaml"
    before = service.read_text(encoding="utf-8")
    open_file(page, editor, "example", "statement-of-purpose")
    management = page.get_by_role("group", name="Management", exact=True)
    management.get_by_text("Not met yet?").first.click()
    management.get_by_label("Why this is not met yet (SOP-MANAGEMENT)").fill(
        "The service is being restructured; the new chart follows in March.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    after = service.read_text(encoding="utf-8")
    assert after.startswith(before)  # nothing else in service.yaml changed
    assert after[len(before):] == ("downgrades:\n  - requirement: SOP-MANAGEMENT\n    reason: The service is being "
                                   "restructured; the new chart follows in March.\n")
