"""`fosterdocs diff --service ID [OLD] [NEW]`: every document's changes between two editions of a service, with
the shared facts each document shows, in a temporary git repository; a service not yet committed, folders, and
bad input."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from cipaths import SERVICE, SOP

GUIDES = ("childrens-guide-under-8", "childrens-guide-8-to-12", "childrens-guide-13-plus")
NAME = "Name: changed from “Sam Okafor” to “Alex Brown”."


def git(folder, *args) -> str:
    done = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=folder,
                          check=True, capture_output=True, text=True)
    return done.stdout.strip()


def documents(out: str) -> dict[str, dict]:
    """The report read back: for each document's file, its 'From ...' line, note, and sections with changes."""
    found, current, section = {}, None, None
    for line in out.splitlines():
        if line and not line.startswith(" "):
            current = found[line.rsplit("(", 1)[1].rstrip(")")] = {"from": "", "notes": [], "sections": {}}
        elif line.startswith("  From "):
            current["from"] = line.strip()
        elif line.startswith("    - "):
            current["sections"][section].append(line[6:])
        elif line.startswith("  ") and line.strip() not in ("No changes.",) and not line.startswith("  Unchanged"):
            if line.strip().startswith(("The git history", "data/")):
                current["notes"].append(line.strip())
            else:
                section = line.strip()
                current["sections"][section] = []
    return found


@pytest.fixture
def repo(project, edit):
    """The project in a git repository: every guide names the registered manager as a contact, and the edition
    sent to Ofsted on 22 September 2026 is committed, then a later commit that was not sent."""
    for guide in GUIDES:
        edit(project / f"data/example/{guide}.yaml", "  contact:\n    use: service/childrens_rights\n",
             "  contact:\n    use: service/registered_manager\n")
    edit(project / "data/example/carer-handbook.yaml", "  out_of_hours:\n    use: service/out_of_hours\n",
         "  out_of_hours:\n    use: service/out_of_hours\n  manager:\n    use: service/registered_manager\n")
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "2026 edition, sent to Ofsted")
    git(project, "tag", "sent-2026")
    edit(project / SOP, "A copy is sent to Ofsted and published on our website.",
         "A copy is sent to Ofsted within 28 days and published on our website.")
    git(project, "commit", "-q", "-am", "Introduction reworded (not yet sent)")
    return project


def test_a_new_registered_manager_is_a_change_to_every_document_that_names_them(repo, edit, run):
    edit(repo / SERVICE, "  name: Sam Okafor\n", "  name: Alex Brown\n")  # not committed: the working tree counts
    code, out, err = run("diff", "--service", "example", cwd=repo)
    assert code == 1 and not err
    found = documents(out)
    assert list(found) == ["statement-of-purpose.yaml", *(f"{g}.yaml" for g in GUIDES), "carer-handbook.yaml",
                           "service.yaml"]
    commit = git(repo, "rev-parse", "--short=7", "sent-2026")
    for name in found:  # each compared with the edition sent to Ofsted, whatever was committed since
        assert found[name]["from"] == (f"From data/example at commit {commit} (sent to Ofsted on 2026-09-22) to the "
                                       "files in data/example as they are now.")
    sop = found["statement-of-purpose.yaml"]["sections"]
    assert sop["How the service is managed"] == [f"Registered manager › {NAME}"]
    assert sop["Introduction"] == ["Paragraph 2: added “within 28 days”."]  # committed, but never sent
    for guide in GUIDES:  # (the rights section's title differs by age band)
        assert list(found[f"{guide}.yaml"]["sections"].values()) == [[f"Contact › {NAME}"]]
    assert found["carer-handbook.yaml"]["sections"] == {"Support, and who to call": [f"Manager › {NAME}"]}
    assert found["service.yaml"]["sections"] == {"Registered manager": [NAME]}


def test_two_revisions_and_a_tag_can_be_named(repo, run):
    code, out, _ = run("diff", "--service", "example", "sent-2026", "HEAD", cwd=repo)
    found = documents(out)
    assert code == 1 and found["statement-of-purpose.yaml"]["from"] == ("From data/example at sent-2026 to data/"
                                                                          "example at HEAD.")
    assert found["statement-of-purpose.yaml"]["sections"] == {"Introduction": ["Paragraph 2: added “within 28 "
                                                                                 "days”."]}
    assert all(not found[name]["sections"] for name in found if name != "statement-of-purpose.yaml")
    code, out, _ = run("diff", "--service", "example", "HEAD", cwd=repo)  # against the working tree: nothing new
    assert code == 0 and all(not d["sections"] for d in documents(out).values())


def test_reference_data_changes_show_in_each_document_that_uses_them(repo, edit, run):
    edit(repo / "data/reference/regulators.yaml", "  phone: 0300 123 1231\n", "  phone: 0300 123 4666\n")
    code, out, _ = run("diff", "--service", "example", "HEAD", cwd=repo)
    found = documents(out)
    changed = [name for name, d in found.items() if any("0300 123 4666" in c for s in d["sections"].values()
                                                          for c in s)]
    assert changed == ["statement-of-purpose.yaml", *(f"{g}.yaml" for g in GUIDES)] and code == 1


def test_two_folders_are_compared_and_outside_git_the_message_says_how(project, edit, run, tmp_path):
    old = tmp_path / "as-sent"
    shutil.copytree(project / "data/example", old)
    edit(project / SERVICE, "ofsted_urn: SC999999", "ofsted_urn: SC999998")
    code, out, err = run("diff", "--service", "example", str(old), "data/example", cwd=project)
    found = documents(out)
    assert code == 1 and not err
    for name in ("statement-of-purpose.yaml", *(f"{g}.yaml" for g in GUIDES), "carer-handbook.yaml"):
        assert found[name]["sections"] == {"Service details on the cover": [
            "Ofsted URN: changed from “SC999999” to “SC999998”."]}
    code, out, err = run("diff", "--service", "example", cwd=project)
    assert code == 2 and not out and "Traceback" not in err
    assert err == ("fosterdocs: data is not in a git repository, so fosterdocs cannot find the edition last sent to "
                   "Ofsted. Give the two editions as folders instead: fosterdocs diff --service example OLD-FOLDER "
                   "data/example (OLD-FOLDER: a copy of the service's folder as it was sent to Ofsted).\n")


def test_a_service_not_yet_committed_shows_every_document_as_new(repo, run):
    shutil.copytree(repo / "data/example", repo / "data/newshire")
    code, out, err = run("diff", "--service", "newshire", cwd=repo)
    assert code == 1 and not err and "not in" not in out
    found = documents(out)
    sop = found["statement-of-purpose.yaml"]
    assert sop["notes"] == ["The git history has no edition of data/newshire/statement-of-purpose.yaml recorded as "
                            "sent to Ofsted (lodged_with_ofsted_on), so all of it is shown as new."]
    assert sop["sections"]["About this document"] == ["New document: there was no earlier edition."]
    assert sop["sections"]["Introduction"] == ["New section."]
    code, out, _ = run("diff", "--service", "newshire", "HEAD~1", cwd=repo)
    assert code == 1 and documents(out)["service.yaml"]["notes"] == [
        "data/newshire did not exist at HEAD~1, so every document is shown as new."]
    # the README's file-to-file command, for a file git does not have yet
    code, out, err = run("diff", "HEAD~1", "data/newshire/statement-of-purpose.yaml", cwd=repo)
    assert code == 1 and not err
    assert out.splitlines()[0] == ("Changes from data/newshire/statement-of-purpose.yaml at HEAD~1 (where it did not "
                                   "exist yet) to data/newshire/statement-of-purpose.yaml:")


def test_one_document_file_stands_in_for_that_document(repo, edit, run, tmp_path):
    draft = tmp_path / "statement-of-purpose.yaml"
    shutil.copy(repo / SOP, draft)
    edit(draft, "  title: Introduction\n", "  title: About this statement\n")
    code, out, _ = run("diff", "--service", "example", "data/example", str(draft), cwd=repo)
    found = documents(out)
    assert found["statement-of-purpose.yaml"]["sections"] == {
        "About this statement": ["Title: changed from “Introduction” to “About this statement”."]}
    assert code == 1 and all(not found[n]["sections"] for n in found if n != "statement-of-purpose.yaml")


@pytest.mark.parametrize("args, says", [
    (["--service", "nowhere"], "There is no service called 'nowhere' in data."),
    (["--service", "example", "no-such-tag"], "'no-such-tag' is not a folder, a file, or a git revision or tag"),
    (["--service", "example", "--", "-x"], "'-x' is not a folder, a file, or a git revision or tag"),
    (["--service", "example", "schema"], "schema holds no fosterdocs documents"),
    (["--service", "example", "schema/service.schema.json"], "is not named as a document"),
    (["--service", "example", "data/example/bad/statement-of-purpose.yaml"], "cannot be read (line 2)"),
    (["HEAD"], "Name two versions of a document"),
])
def test_bad_input_is_a_clear_message_and_exit_2(repo, run, args, says):
    (repo / "data/example/bad").mkdir()
    (repo / "data/example/bad/statement-of-purpose.yaml").write_text("document:\n\ttitle: tab\n", encoding="utf-8")
    code, out, err = run("diff", *args, cwd=repo)
    assert code == 2 and not out and "Traceback" not in err
    assert err.startswith("fosterdocs: ") and says in err
