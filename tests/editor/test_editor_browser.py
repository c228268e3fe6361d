"""The editor used as a registered manager would use it, in Chromium: fields found by their labels and roles, and
the YAML files checked afterwards."""

from __future__ import annotations

import difflib
import re

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
    manager(page).get_by_label("Phone", exact=True).fill("01632 960999")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    after = path.read_text(encoding="utf-8")
    assert changed_lines(before, after) == ["-  phone: 01632 960110", "+  phone: 01632 960999"]
    assert after.startswith("# yaml-language-server: $schema=../../schema/service.schema.json\n# A fictional service")


def test_an_invalid_phone_number_is_shown_at_its_field_and_in_the_summary(page, editor):
    open_file(page, editor, "example", "service")
    phone = manager(page).get_by_label("Phone", exact=True)
    phone.fill("not a number")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("'not a number' is not a UK telephone number")
    at_field = page.locator("#field-f\\.registered_manager\\.phone .govuk-error-message")
    expect(at_field).to_contain_text("is not a UK telephone number")
    expect(manager(page).get_by_label("Phone", exact=True)).to_be_focused()  # checking did not move the focus
    page.get_by_role("link", name=re.compile("registered_manager.phone.*not a UK telephone number")).click()
    expect(manager(page).get_by_label("Phone", exact=True)).to_be_focused()
