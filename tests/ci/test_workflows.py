"""The GitHub workflows: valid against the GitHub workflow schema, publishing only after the check passed and only
from the default branch, fosterdocs commands that exist, and a weekly tracking issue opened once and then updated."""

from __future__ import annotations

import json
import os
import re
import shlex
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from cipaths import ROOT, SOP, TODAY

from fosterdocs.cli import _parser
from fosterdocs.loading import load

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
CHECK = ROOT / ".github" / "workflows" / "check-and-publish.yml"
WEEKLY = ROOT / ".github" / "workflows" / "review-reminders.yml"
DRIFT = ROOT / ".github" / "workflows" / "dependency-drift.yml"
USING_FOSTERDOCS = [path for path in WORKFLOWS if path != DRIFT]
VENV_BIN = Path(sys.executable).parent


def _workflow(path: Path) -> dict:
    loaded, problems = load(path)  # YAML 1.2, so the key `on` stays a word
    assert not problems, problems
    return loaded.data


def _check_jsonschema(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           *map(str, files)], capture_output=True, text=True)


def _steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def _step(workflow: dict, job: str, words: str) -> dict:
    (step,) = [s for s in _steps(workflow, job) if words in s.get("name", "") or words == s.get("id")]
    return step


def test_there_are_the_three_workflows():
    assert [p.name for p in WORKFLOWS] == ["check-and-publish.yml", "dependency-drift.yml", "review-reminders.yml"]


def test_the_drift_workflow_runs_every_test_on_the_newest_releases_each_week():
    workflow = _workflow(DRIFT)
    assert workflow["on"]["schedule"][0]["cron"] and "workflow_dispatch" in workflow["on"]
    assert _steps(workflow, "newest")[-1]["run"] == "make try-latest"
    target = re.search(r"(?ms)^try-latest:.*?(?=^\S|\Z)", (ROOT / "Makefile").read_text(encoding="utf-8")).group()
    assert "--upgrade" in target and "requirements.lock" not in target and "pytest -q" in target


def test_every_workflow_is_valid_against_the_github_workflow_schema():
    done = _check_jsonschema(*WORKFLOWS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_schema_check_rejects_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(CHECK.read_text(encoding="utf-8").replace("runs-on: ubuntu-latest", "runs_on: ubuntu-latest"),
                      encoding="utf-8")
    assert _check_jsonschema(broken).returncode == 1


def _needs(job: dict) -> list[str]:
    needs = job.get("needs", [])
    return [needs] if isinstance(needs, str) else needs


def _depends_on(jobs: dict, name: str, target: str) -> bool:
    return any(need == target or _depends_on(jobs, need, target) for need in _needs(jobs[name]))


def test_publishing_depends_on_the_check_and_runs_only_from_the_default_branch():
    workflow = _workflow(CHECK)
    jobs = workflow["jobs"]
    assert set(workflow["on"]) >= {"push", "pull_request"}
    assert _needs(jobs["publish"]) == ["check"]
    assert "default_branch" in jobs["publish"]["if"] and "pull_request" in jobs["publish"]["if"]
    deploying = [name for name, job in jobs.items()
                 if any("deploy-pages" in step.get("uses", "") or "upload-pages-artifact" in step.get("uses", "")
                        for step in job["steps"])]
    assert deploying == ["publish", "deploy"]
    assert all(_depends_on(jobs, name, "check") for name in deploying)
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["permissions"] == {"contents": "read"}


def test_the_check_validates_with_annotations_builds_and_runs_the_site_tests():
    workflow = _workflow(CHECK)
    runs = [step.get("run", "") for step in _steps(workflow, "check")]
    assert any(re.search(r"fosterdocs validate .*--format github", run) for run in runs)
    assert any("fosterdocs build" in run for run in runs)
    (tests,) = [run for run in runs if "pytest" in run]
    folders = [word for word in shlex.split(tests) if word.startswith("tests/")]
    assert folders and all((ROOT / folder).exists() for folder in folders)
    assert not any(step.get("continue-on-error") for step in _steps(workflow, "check"))


def test_the_weekly_run_checks_as_of_today_on_a_schedule_and_on_demand():
    workflow = _workflow(WEEKLY)
    assert workflow["on"]["schedule"][0]["cron"] and "workflow_dispatch" in workflow["on"]
    assert workflow["permissions"]["issues"] == "write"
    validate = _step(workflow, "reviews", "validate")["run"]
    assert "--format github" in validate and "--today" not in validate
    final = _steps(workflow, "reviews")[-1]
    assert final["if"] == "steps.validate.outcome == 'failure'" and "exit 1" in final["run"]


def _commands(text: str) -> list[list[str]]:
    """Each fosterdocs command line in a script, with the workflow's variables filled in."""
    text = text.replace("$PATHS", "data").replace("$SERVICES", "example")
    return [shlex.split(line.split("||")[0].split(">")[0])[1:] for line in text.splitlines()
            if re.match(r"\s*(\.venv/bin/)?fosterdocs ", line)]


@pytest.mark.parametrize("path", USING_FOSTERDOCS, ids=[p.name for p in USING_FOSTERDOCS])
def test_the_workflows_use_fosterdocs_commands_that_exist(path):
    workflow = _workflow(path)
    commands = [command for job in workflow["jobs"].values() for step in job.get("steps", [])
                for command in _commands(step.get("run", ""))]
    assert commands
    for command in commands:
        _parser().parse_args(command)  # exits (failing the test) on an unknown command or option


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_every_script_is_valid_bash(path):
    for job in _workflow(path)["jobs"].values():
        for step in job.get("steps", []):
            if "run" in step:
                done = subprocess.run(["bash", "-n"], input=step["run"], capture_output=True, text=True)
                assert done.returncode == 0, f"{step.get('name')}: {done.stderr}"


FAKE_GH = """#!/bin/sh
echo "$*" >> "$GH_LOG"
case "$1 $2" in "issue list") printf '%s' "$OPEN_ISSUE" ;; esac
"""


@pytest.fixture
def weekly(project, tmp_path):
    """Run the weekly workflow's steps 'List what is due' and 'Open, update or close the tracking issue' as a runner
    would, with the real fosterdocs and a stand-in for the GitHub CLI that records what it was asked to do."""
    workflow = _workflow(WEEKLY)
    scripts = [_step(workflow, "reviews", "List what is due")["run"], _step(workflow, "reviews", "issue")["run"]]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH, encoding="utf-8")
    (bin_dir / "gh").chmod(stat.S_IRWXU)

    def run(open_issue: str = "") -> list[str]:
        log = tmp_path / "gh.log"
        log.unlink(missing_ok=True)
        env = {**os.environ, **{k: str(v) for k, v in workflow["env"].items()}, "PATHS": "data/example",
               "PATH": f"{bin_dir}:{VENV_BIN}:{os.environ['PATH']}", "GH_LOG": str(log), "OPEN_ISSUE": open_issue,
               "RUN_URL": "https://github.example/runs/1"}
        for script in scripts:
            done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=project,
                                  env=env, capture_output=True, text=True)
            assert done.returncode == 0, done.stderr
        return log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return run


def _set_reviews(project: Path, due: str) -> None:
    for path in (project / "data" / "example").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^  next_review_due: .*$", f"  next_review_due: {due}", text), encoding="utf-8")


def _as_if_today(project: Path) -> None:
    """Move every date of the example by the days from TODAY to the real today (the workflow judges by the clock),
    so that it stands as it does on TODAY: nothing due, no errors."""
    shift = date.today() - date.fromisoformat(TODAY)
    for path in (project / "data" / "example").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\b\d{4}-\d{2}-\d{2}\b", lambda m: (date.fromisoformat(m[0]) + shift).isoformat(),
                               text), encoding="utf-8")


def test_with_something_due_the_weekly_run_opens_one_tracking_issue(project, weekly):
    _as_if_today(project)
    (project / SOP).write_text(re.sub(r"(?m)^  next_review_due: .*$", "  next_review_due: 2020-01-31",
                                      (project / SOP).read_text(encoding="utf-8")), encoding="utf-8")
    calls = weekly()
    assert calls[0] == "issue list --label review-due --state open --limit 1 --json number --jq .[0].number // empty"
    assert calls[1].startswith("label create review-due")
    assert calls[2] == "issue create --title Documents due for review or for sending to Ofsted --label review-due " \
                       "--body-file issue.md"
    body = (project / "issue.md").read_text(encoding="utf-8")
    assert "| Exampleshire Fostering Service | Fostering Service Statement of Purpose |" in body
    assert "(overdue)" in body and "https://github.example/runs/1" in body
    assert "Children's Guide" not in body and "guide for children" not in body  # only what is due is listed
    due = json.loads((project / "due.json").read_text(encoding="utf-8"))
    assert [d["kind"] for d in due["documents"]] == ["statement-of-purpose"]


def test_with_an_issue_already_open_the_weekly_run_updates_it(project, weekly):
    _set_reviews(project, "2020-01-31")
    calls = weekly(open_issue="17")
    assert calls[1:] == ["issue edit 17 --title Documents due for review or for sending to Ofsted "
                         "--body-file issue.md"]


def test_when_nothing_is_due_the_weekly_run_closes_the_open_issue_or_does_nothing(project, weekly):
    _as_if_today(project)
    assert weekly(open_issue="17")[1:] == [
        "issue close 17 --comment Nothing is due any more (checked by https://github.example/runs/1)."]
    assert weekly()[1:] == []
