"""`fosterdocs diff OLD NEW`: what changed, section by section in plain English, between two files or a file and a
git revision; bad input is a clear message and exit 2."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from cipaths import ROOT, SOP


@pytest.fixture
def versions(tmp_path):
    """Two copies of the example statement: old.yaml and new.yaml (to be edited)."""
    for name in ("old.yaml", "new.yaml"):
        shutil.copy(ROOT / SOP, tmp_path / name)
    return tmp_path


def _sections(out: str) -> dict[str, list[str]]:
    """The report read back: each section title with its change sentences."""
    sections, current = {}, None
    for line in out.splitlines()[1:]:
        if line.startswith("  - "):
            sections[current].append(line[4:])
        elif line and not line.startswith("Unchanged:"):
            current = line
            sections[current] = []
    return sections


def test_changes_are_listed_under_their_sections_in_plain_english(versions, edit, run):
    new = versions / "new.yaml"
    edit(new, "      working_days: 25\n", "      working_days: 20\n")
    edit(new, "A copy is sent to Ofsted and published on our website.",
         "A copy is sent to Ofsted within 28 days and published on our website.")
    edit(new, "version: \"2026.1\"\n  approved_by", "version: \"2027.1\"\n  approved_by")
    edit(new, "  title: Introduction\n", "  title: About this statement\n")
    code, out, err = run("diff", "old.yaml", "new.yaml", cwd=versions)
    assert code == 1 and not err
    assert out.splitlines()[0] == "Changes from old.yaml to new.yaml:"
    sections = _sections(out)
    assert sections["About this document"] == ["Version: changed from “2026.1” to “2027.1”."]
    assert sections["About this statement"] == ["Title: changed from “Introduction” to “About this statement”.",
                                                 "Paragraph 2: added “within 28 days”."]
    assert sections["Comments and complaints"] == [
        "Stages › “Stage 2 - investigation” › Working days: changed from 25 to 20."]
    (unchanged,) = [line for line in out.splitlines() if line.startswith("Unchanged: ")]
    assert "Our staff" in unchanged and "Comments and complaints" not in unchanged


def test_added_removed_and_rewritten_content_is_described(versions, edit, run):
    new = versions / "new.yaml"
    edit(new, "      extendable_to: 65\n", "")
    edit(new, "  stages:\n    - name: Stage 1", "  stages:\n    - name: Stage 0 - talk to us first\n"
         "      working_days: 5\n    - name: Stage 1")
    text = new.read_text(encoding="utf-8")
    end = text.index("  contact:\n    use: service/complaints")
    stage3 = text[text.index("    - name: Stage 3 - review panel"):end]
    new.write_text(text.replace(stage3, ""), encoding="utf-8")
    edit(new, "records:\n  title: Records\n", "records:\n  title: Records\n  note: Kept for 75 years.\n")
    old_text = (versions / "old.yaml").read_text(encoding="utf-8")
    paragraph = old_text.split("aims_and_objectives:\n  title: Our aims and objectives\n  content:\n    - ")[1]
    paragraph = paragraph.split("\n")[0]
    edit(new, paragraph, "We want every child to feel safe, loved and heard, and to do well at school.")
    edit(new, "allegations:\n", "new_topic:\n  title: Our new promise\n  content:\n    - We answer every call.\n"
         "allegations:\n")
    code, out, _ = run("diff", "old.yaml", "new.yaml", cwd=versions)
    sections = _sections(out)
    complaints = sections["Comments and complaints"]
    assert complaints == ["Stages: added “Stage 0 - talk to us first”.",
                          "Stages › “Stage 2 - investigation” › Extendable to: removed (it was 65).",
                          "Stages: removed “Stage 3 - review panel”."]
    assert sections["Records"] == ["Note: added “Kept for 75 years.”"]
    assert sections["Our new promise"] == ["New section."]
    (aims,) = sections["Our aims and objectives"]
    assert aims.startswith("Paragraph 1: rewritten. It now reads “We want every child")
    assert code == 1


def test_identical_content_is_no_change_even_with_different_comments_and_quoting(versions, edit, run):
    edit(versions / "new.yaml", "  version: \"2026.1\"\n  approved_by",
         "  version: '2026.1'  # this year's\n  approved_by")
    code, out, _ = run("diff", "old.yaml", "new.yaml", cwd=versions)
    assert code == 0 and out.startswith("No changes:")


def _git(folder, *args):
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=folder,
                   check=True, capture_output=True)


def test_a_git_revision_is_compared_with_the_file(tmp_path, edit, run):
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / SOP, tmp_path / "data" / "statement-of-purpose.yaml")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "2026 edition")
    edit(tmp_path / "data" / "statement-of-purpose.yaml", "next_review_due: 2027-09-15", "next_review_due: 2027-08-31")
    code, out, err = run("diff", "HEAD", "data/statement-of-purpose.yaml", cwd=tmp_path)
    assert code == 1 and not err
    assert out.splitlines()[0] == ("Changes from data/statement-of-purpose.yaml at HEAD to "
                                   "data/statement-of-purpose.yaml:")
    assert _sections(out)["About this document"] == [
        "Next review due: changed from 15 September 2027 to 31 August 2027."]
    code, out, _ = run("diff", "data/statement-of-purpose.yaml", "HEAD", cwd=tmp_path)
    assert "changed from 31 August 2027 to 15 September 2027" in out


@pytest.mark.parametrize("old, new, says", [
    ("old.yaml", "missing.yaml", "'missing.yaml' is not a file, and git cannot show"),
    ("HEAD~1", "HEAD", "Neither 'HEAD~1' nor 'HEAD' is a file"),
    (".", "new.yaml", "is a folder"),
    ("bad.yaml", "new.yaml", "bad.yaml cannot be read (line 2)"),
    ("no-such-revision", "new.yaml", "git cannot show new.yaml"),
])
def test_bad_input_is_a_clear_message_and_exit_2(versions, run, old, new, says):
    (versions / "bad.yaml").write_text("document:\n\ttitle: tab\n", encoding="utf-8")
    code, out, err = run("diff", old, new, cwd=versions)
    assert code == 2 and not out
    assert err.startswith("fosterdocs: ") and says in err and "Traceback" not in err
