"""`fosterdocs init`: a service's own repository, holding its data, settings and checks but none of fosterdocs'
code; every command then works in it from any subfolder."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from pre_commit.clientlib import load_config, load_manifest

from fosterdocs import __version__
from fosterdocs.cli import _parser
from fosterdocs.loading import load

ROOT = Path(__file__).resolve().parents[2]
FILES = {".github/dependabot.yml", ".github/workflows/check-and-publish.yml", ".github/workflows/review-reminders.yml",
         ".gitignore", ".pre-commit-config.yaml", "README.md", "fosterdocs.yml", "requirements.txt",
         *(f"data/acme/{name}" for name in ("service.yaml", "statement-of-purpose.yaml", "carer-handbook.yaml",
                                             "childrens-guide-under-8.yaml", "childrens-guide-8-to-12.yaml",
                                             "childrens-guide-13-plus.yaml"))}
START = ("init", "--service", "acme", "--name", "Acme Fostering", "--type", "independent-agency")


@pytest.fixture
def repo(tmp_path, run) -> Path:
    code, out, err = run(START[0], str(tmp_path / "acme-docs"), *START[1:], cwd=tmp_path)
    assert code == 0, err
    assert "wrote fosterdocs.yml" in out
    return tmp_path / "acme-docs"


def _yaml(path: Path):
    loaded, problems = load(path)  # YAML 1.2: the workflows' `on` stays a word
    assert not problems, problems
    return loaded.data


def _schema_check(schema: str, *files: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
                          capture_output=True, text=True)


def test_init_writes_the_service_its_settings_and_its_checks_and_no_code(repo):
    written = {p.relative_to(repo).as_posix() for p in repo.rglob("*") if p.is_file()}
    assert written == FILES
    service = _yaml(repo / "data/acme/service.yaml")
    assert service["name"] == "Acme Fostering" and service["type"] == "independent-agency"
    assert "fictional" not in service
    statement = (repo / "data/acme/statement-of-purpose.yaml").read_text()
    assert "Brightwater" in statement and "Exampleshire" not in statement  # from the agency example, to replace
    first = statement.splitlines()[0]
    assert first == ("# yaml-language-server: $schema=https://raw.githubusercontent.com/fosterdocs/fosterdocs/"
                     f"v{__version__}/schema/statement-of-purpose.schema.json")
    assert f"\nfosterdocs=={__version__}\n" in (repo / "requirements.txt").read_text()
    assert _yaml(repo / "fosterdocs.yml") == {"site": {"name": "Acme Fostering"}, "publish": ["acme"]}
    readme = (repo / "README.md").read_text()
    assert readme.startswith("# Acme Fostering: statutory documents")
    assert f"pipx install fosterdocs=={__version__}" in readme


def test_init_pins_the_release_everywhere_it_is_installed(repo):
    uses = [step["uses"] for path in (repo / ".github/workflows").glob("*.yml")
            for job in _yaml(path)["jobs"].values() for step in job.get("steps", []) if "uses" in step]
    ours = [u for u in uses if u.startswith("fosterdocs/fosterdocs@")]
    assert len(ours) == 3 and set(ours) == {f"fosterdocs/fosterdocs@v{__version__}"}
    hooks = load_config(str(repo / ".pre-commit-config.yaml"))["repos"]
    assert [(h["repo"], h["rev"], [x["id"] for x in h["hooks"]]) for h in hooks] == [
        ("https://github.com/fosterdocs/fosterdocs", f"v{__version__}", ["fosterdocs-validate"])]
    assert "fosterdocs-validate" in {hook["id"] for hook in load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}


def test_dependabot_proposes_fosterdocs_upgrades_for_every_pin(repo):
    config = repo / ".github/dependabot.yml"
    assert _schema_check("vendor.dependabot", config).returncode == 0
    ecosystems = {u["package-ecosystem"]: u for u in _yaml(config)["updates"]}
    assert set(ecosystems) == {"pip", "github-actions", "pre-commit"}
    assert ecosystems["pip"]["patterns"] == ["fosterdocs"]
    assert {u["multi-ecosystem-group"] for u in ecosystems.values()} == {"fosterdocs"}  # one pull request


def test_the_workflows_are_valid_and_publish_only_after_the_check_from_the_default_branch(repo):
    workflows = sorted((repo / ".github/workflows").glob("*.yml"))
    done = _schema_check("vendor.github-workflows", *workflows)
    assert done.returncode == 0, done.stdout
    check = _yaml(repo / ".github/workflows/check-and-publish.yml")
    assert set(check["on"]) >= {"push", "pull_request"}
    jobs = check["jobs"]
    assert jobs["publish"]["needs"] == "check" and jobs["deploy"]["needs"] == "publish"
    assert "github.event.repository.default_branch" in jobs["publish"]["if"]
    assert "pull_request" in jobs["publish"]["if"]
    steps = " ".join(step.get("run", "") for step in jobs["check"]["steps"])
    assert "@axe-core/cli@" in steps and "--exit" in steps and "linkchecker" in steps
    weekly = _yaml(repo / ".github/workflows/review-reminders.yml")
    assert weekly["on"]["schedule"][0]["cron"] and weekly["permissions"]["issues"] == "write"
    script = " ".join(step.get("run", "") for step in weekly["jobs"]["reviews"]["steps"])
    assert "gh issue edit" in script and "gh issue create" in script and "gh issue close" in script


def test_the_workflows_run_fosterdocs_commands_that_exist_and_valid_bash(repo):
    for path in (repo / ".github/workflows").glob("*.yml"):
        for job in _yaml(path)["jobs"].values():
            for step in job.get("steps", []):
                script = step.get("run", "")
                assert subprocess.run(["bash", "-n"], input=script, text=True).returncode == 0
                for line in script.splitlines():
                    if re.match(r"\s*fosterdocs ", line):
                        _parser().parse_args(shlex.split(line.split("||")[0].split(">")[0])[1:])


def test_init_refuses_a_folder_that_is_not_empty_and_changes_nothing(tmp_path, run):
    target = tmp_path / "notes"
    target.mkdir()
    (target / "minutes.txt").write_text("Panel minutes\n")
    code, _, err = run(START[0], str(target), *START[1:], cwd=tmp_path)
    assert code == 2 and "is not empty" in err and "--force" in err
    assert [p.name for p in target.iterdir()] == ["minutes.txt"]


def test_with_force_init_adds_what_is_missing_and_keeps_every_file_already_there(tmp_path, run):
    target = tmp_path / "existing"
    (target / "data" / "acme").mkdir(parents=True)
    (target / "data" / "acme" / "service.yaml").write_text("name: Our own\n")
    (target / "README.md").write_text("Our notes\n")
    code, out, err = run(START[0], str(target), *START[1:], "--force", cwd=tmp_path)
    assert code == 0, err
    assert (target / "README.md").read_text() == "Our notes\n"
    assert (target / "data/acme/service.yaml").read_text() == "name: Our own\n"
    assert "kept your README.md" in out and "kept your data/acme" in out
    assert (target / "fosterdocs.yml").is_file() and (target / ".github/dependabot.yml").is_file()


@pytest.mark.parametrize("args, problem", [
    (("--service", "Acme Council", "--name", "Acme", "--type", "local-authority"), "cannot be a service id"),
    (("--service", "example", "--name", "Acme", "--type", "local-authority"), "cannot be a service id"),
    (("--service", "acme", "--name", "Acme\nFostering", "--type", "local-authority"), "cannot be the service's name"),
])
def test_init_refuses_bad_input_with_a_message(tmp_path, run, args, problem):
    code, _, err = run("init", str(tmp_path / "new"), *args, cwd=tmp_path)
    assert code == 2 and problem in err and "Traceback" not in err
    assert not (tmp_path / "new" / "fosterdocs.yml").exists()


def test_every_command_works_from_a_subfolder_of_the_repository(repo, run):
    inside = repo / "data" / "acme"
    code, out, _ = run("validate", "--format", "json", cwd=inside)
    assert code == 1 and {f["service"] for f in json.loads(out)["findings"] if f["severity"] == "error"} == {"acme"}
    assert run("new", "acme-east", "--type", "independent-agency", cwd=inside)[0] == 0
    assert (repo / "data/acme-east/service.yaml").is_file()
    code, out, _ = run("status", "--format", "json", cwd=inside)
    assert code in (0, 1) and {d["service_id"] for d in json.loads(out)["documents"]} >= {"acme", "acme-east"}
    code, out, _ = run("calendar", cwd=inside)
    assert code == 0 and out.startswith("BEGIN:VCALENDAR")
    code, out, err = run("build", "acme", "--no-pdf", cwd=inside)
    assert code == 0, err
    assert (repo / "site" / "acme" / "statement-of-purpose" / "index.html").is_file()
    assert not (inside / "site").exists()  # written at the top of the project, not in the working folder
    code, out, err = run("publish", cwd=inside)  # the services fosterdocs.yml publishes: acme, which has errors
    assert code == 1 and "Not published" in out and not (repo / "public").exists()
    assert "service.yaml:" in out and "acme-east" not in out  # acme-east is not listed under publish:
    statement = ROOT / "tests" / "importing" / "fixtures" / "riverbend-statement.md"
    code, out, err = run("import", str(statement), "--service", "riverbend", cwd=inside)
    assert code == 0, err
    assert (repo / "data/riverbend/statement-of-purpose.yaml").is_file()
    sop = repo / "data/acme/statement-of-purpose.yaml"
    code, out, _ = run("diff", str(sop), str(repo / "data/acme-east/statement-of-purpose.yaml"), cwd=inside)
    assert code == 0 and "No changes" in out


FAKE_GH = """#!/bin/sh
echo "$*" >> "$GH_LOG"
case "$1 $2" in "issue list") printf '%s' "$OPEN_ISSUE" ;; esac
"""


def test_the_weekly_reminder_keeps_one_issue_for_what_is_due(repo, tmp_path):
    workflow = _yaml(repo / ".github/workflows/review-reminders.yml")
    steps = {step.get("name", ""): step for step in workflow["jobs"]["reviews"]["steps"]}
    scripts = [steps["List what is due"]["run"], steps["Open, update or close the tracking issue"]["run"]]
    fake = tmp_path / "bin" / "gh"
    fake.parent.mkdir()
    fake.write_text(FAKE_GH, encoding="utf-8")
    fake.chmod(0o755)
    sop = repo / "data/acme/statement-of-purpose.yaml"
    sop.write_text(re.sub(r"(?m)^  next_review_due: .*$", "  next_review_due: 2020-01-31", sop.read_text()))

    def week(open_issue: str) -> list[str]:
        log = tmp_path / "gh.log"
        log.unlink(missing_ok=True)
        env = {"PATH": f"{fake.parent}:{Path(sys.executable).parent}:/usr/bin:/bin", "GH_LOG": str(log),
               "OPEN_ISSUE": open_issue, "RUN_URL": "https://github.example/runs/1",
               **{key: str(value) for key, value in workflow["env"].items()}}
        for script in scripts:
            done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=repo,
                                  env=env, capture_output=True, text=True)
            assert done.returncode == 0, done.stderr
        return log.read_text().splitlines()

    assert week("")[-1] == ("issue create --title Documents due for review or for sending to Ofsted --label "
                            "review-due --body-file issue.md")
    assert "| Acme Fostering |" in (repo / "issue.md").read_text() and "(overdue)" in (repo / "issue.md").read_text()
    assert week("17")[1:] == ["issue edit 17 --title Documents due for review or for sending to Ofsted "
                              "--body-file issue.md"]


def test_the_weekly_issue_is_kept_as_in_fosterdocs_own_reminder(repo):
    """The issue-keeping script is the one fosterdocs' own workflow runs (and tests/ci tests): the two never drift."""
    def script(path: Path) -> str:
        (step,) = [s for s in _yaml(path)["jobs"]["reviews"]["steps"] if s.get("name") == "Open, update or close "
                   "the tracking issue"]
        return step["run"]

    ours = ROOT / ".github/workflows/review-reminders.yml"
    assert script(repo / ".github/workflows/review-reminders.yml") == script(ours)
    assert _yaml(repo / ".github/workflows/review-reminders.yml")["env"] == {
        key: value for key, value in _yaml(ours)["env"].items() if key in ("LABEL", "TITLE")}
