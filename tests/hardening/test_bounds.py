"""Values out of any sane range are findings, never a crash: dates, review settings, lengths, unbroken words."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest
from hardening_support import TODAY, fosterdocs

STATEMENT = "statement-of-purpose.yaml"
COMMANDS = (("validate", "data/example"), ("status", "data/example"), ("calendar", "data/example", "--out", "x.ics"),
            ("pdf", "example", "--out", "pdf"))


def only(data: Path, file: str) -> None:
    """Leave the example only service.yaml and file (fewer PDFs to make)."""
    for path in (data / "example").glob("*.yaml"):
        if path.name not in ("service.yaml", file):
            path.unlink()


def change(data: Path, file: str, old: str, new: str) -> None:
    path = data / "example" / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def rules_found(data: Path) -> set[str]:
    code, out, err = fosterdocs("validate", "data/example", "--format", "json", "--today", TODAY, cwd=data.parent)
    assert code == 1, out
    return {f["rule"] for f in json.loads(out)["findings"]}


def every_command_runs(data: Path) -> None:
    """validate, status, calendar and pdf all finish with exit 0 or 1 (never a traceback: that fails the test)."""
    for command in COMMANDS:
        code, out, err = fosterdocs(*command, "--today", TODAY, cwd=data.parent)
        assert code in (0, 1), (command, err)


@pytest.mark.parametrize("file,old,new,rule", [
    (STATEMENT, "  approved_on: 2026-09-15\n", "  approved_on: 9999-12-31\n", "dates/out-of-range"),
    (STATEMENT, "  approved_on: 2026-09-15\n", "  approved_on: 1066-10-14\n", "dates/out-of-range"),
    (STATEMENT, "  next_review_due: 2027-09-15\n", "  next_review_due: 9999-12\n", "dates/out-of-range"),
    ("service.yaml", "review_interval_months: 12\n", "review_interval_months: 99999999\n", "schema/out-of-range"),
    ("service.yaml", "review_interval_months: 12\n", "review_interval_months: 0\n", "schema/out-of-range"),
    ("service.yaml", "review_warning_days: 60\n", f"review_warning_days: {10**30}\n", "schema/out-of-range"),
    (STATEMENT, '  version: "2026.1"\n', f'  version: "{"v" * 300}"\n', "schema/too-long"),
    (STATEMENT, '  version: "2026.1"\n', f'  version: "{"v" * 1_000_000}"\n', "schema/too-long"),
    (STATEMENT, "  title: Introduction\n", f"  title: {'Introduction ' * 30}\n", "schema/too-long"),
    ("childrens-guide-under-8.yaml", "    - This book is for you.\n",
     f"    - picture: {{file: {'p' * 300}.png, alt: A house}}\n", "pictures/file-name"),
    ("childrens-guide-under-8.yaml", "    - This book is for you.\n", f"    - This book is {'o' * 20_000} for you.\n",
     "text/long-word"),
])
def test_a_value_out_of_range_is_a_finding_and_no_command_crashes(data, file, old, new, rule):
    change(data, file, old, new)
    only(data, STATEMENT if file == "service.yaml" else file)
    assert rule in rules_found(data)
    every_command_runs(data)


def test_a_version_with_a_null_byte_or_slashes_still_makes_a_pdf_with_a_plain_name(data):
    change(data, STATEMENT, '  version: "2026.1"\n', '  version: "a\\0b/../../c"\n')
    change(data, STATEMENT, "  period: 2026-27\n", "")
    code, out, err = fosterdocs("pdf", "example", "--out", "pdf", "--today", TODAY, cwd=data.parent)
    assert code in (0, 1), err
    names = sorted(p.name for p in (data.parent / "pdf/example").iterdir())
    assert [n for n in names if n.startswith("statement-of-purpose")] == ["statement-of-purpose-a-b-..-..-c.pdf"]
    assert sorted(p.name for p in (data.parent / "pdf").iterdir()) == ["example"]


def test_a_very_long_version_names_the_pdf_by_its_first_40_characters(data):
    change(data, STATEMENT, '  version: "2026.1"\n', f'  version: "{"v" * 300}"\n')
    change(data, STATEMENT, "  period: 2026-27\n", "")
    code, out, err = fosterdocs("pdf", "example", "--out", "pdf", "--today", TODAY, cwd=data.parent)
    assert code == 1, err
    assert (data.parent / "pdf/example" / f"statement-of-purpose-{'v' * 40}.pdf").is_file()


def test_an_unbroken_word_is_shown_shortened_in_the_pdf_and_on_the_site(data):
    change(data, "childrens-guide-under-8.yaml", "    - This book is for you.\n",
           f"    - This book is {'o' * 20_000} for you.\n")
    project = data.parent
    assert fosterdocs("build", "example", "--site-dir", "site", "--today", TODAY, cwd=project)[0] == 0
    page = (project / "site/example/childrens-guide-under-8/index.html").read_text(encoding="utf-8")
    assert f"This book is {'o' * 200}… for you." in page and "o" * 201 not in page
    pdf = next((project / "site/example").glob("childrens-guide-under-8-*.pdf"))
    with pikepdf.open(pdf) as opened:
        assert len(opened.pages) < 20


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "2026-02-30", "2026-11"])
def test_today_out_of_range_is_refused_by_the_command_line(data, day, capsys):
    with pytest.raises(SystemExit) as stopped:
        fosterdocs("validate", "data", "--today", day, cwd=data.parent)
    assert stopped.value.code == 2
