"""The building blocks a service's repository uses: the composite action (action.yml) and the pre-commit hook
(.pre-commit-hooks.yaml), each checked against its schema and run, offline, as GitHub and pre-commit would run them,
with the wheel installed in a fresh virtual environment."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pre_commit.clientlib import load_manifest

from fosterdocs.loading import load

ROOT = Path(__file__).resolve().parents[2]
INPUT = re.compile(r"\$\{\{\s*inputs\.([a-z-]+)\s*\}\}")


def _action() -> dict:
    loaded, problems = load(ROOT / "action.yml")
    assert not problems, problems
    return loaded.data


@pytest.fixture
def repo(tmp_path, venv_env) -> Path:
    """A service's repository made by the installed fosterdocs, with the fictional example beside its new service."""
    subprocess.run(["fosterdocs", "init", "repo", "--service", "acme", "--name", "Acme Fostering", "--type",
                    "local-authority"], cwd=tmp_path, env=venv_env, check=True, capture_output=True)
    example = subprocess.run(["python", "-c", "from fosterdocs import resources; print(resources.bundled("
                              "resources.EXAMPLE))"], env=venv_env, capture_output=True, text=True, check=True)
    shutil.copytree(example.stdout.strip(), tmp_path / "repo" / "data" / "example")
    return tmp_path / "repo"


def _run_steps(repo: Path, env: dict, given: dict[str, str]) -> list[subprocess.CompletedProcess]:
    """Each `run:` step of the action, as a runner would run it (bash -eo pipefail, the step's env with the inputs
    filled in); the `uses:` step (setup-python) is what the fresh virtual environment stands for. Stops at a failure."""
    action = _action()
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()} | given
    done = []
    for step in action["runs"]["steps"]:
        if "run" not in step:
            assert step["uses"].startswith("actions/setup-python@")
            continue
        assert step["shell"] == "bash"
        step_env = {key: INPUT.sub(lambda m: inputs[m[1]], str(value)) for key, value in step.get("env", {}).items()}
        done.append(subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=repo,
                                   env={**env, **step_env}, capture_output=True, text=True, timeout=600))
        if done[-1].returncode:
            break
    return done


def test_the_action_is_valid_against_the_github_action_schema():
    done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-actions",
                           str(ROOT / "action.yml")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    action = _action()
    assert action["runs"]["using"] == "composite" and set(action["inputs"]) >= {"command", "services", "requirements"}
    used = {m for step in action["runs"]["steps"] for value in step.get("env", {}).values()
            for m in INPUT.findall(str(value))}
    assert used <= set(action["inputs"])
    assert not any("${{" in step.get("run", "") for step in action["runs"]["steps"])  # inputs reach scripts as env


def test_the_action_installs_the_pinned_release_validates_with_annotations_and_builds(repo, venv_env):
    install, check, build = _run_steps(repo, venv_env, {"services": "example"})
    assert install.returncode == 0 and install.stdout.startswith("fosterdocs ")
    assert check.returncode == 0, check.stdout
    assert build.returncode == 0, build.stdout + build.stderr
    assert (repo / "site" / "example" / "statement-of-purpose" / "index.html").is_file()
    assert len(list((repo / "site" / "example").glob("*.pdf"))) == 5


def test_the_action_fails_with_findings_on_their_lines(repo, venv_env):
    install, check = _run_steps(repo, venv_env, {"services": "acme", "command": "validate"})
    assert check.returncode == 1
    assert re.search(r"^::error file=data/acme/service\.yaml,line=\d+,col=\d+", check.stdout, re.MULTILINE)
    assert not (repo / "site").exists()


def test_the_action_refuses_a_fosterdocs_that_is_not_pinned(repo, venv_env):
    (repo / "requirements.txt").write_text("fosterdocs>=0.1\n", encoding="utf-8")
    (install,) = _run_steps(repo, venv_env, {})
    assert install.returncode == 2 and "::error file=requirements.txt::" in install.stdout


def test_only_validate_checks_without_building(repo, venv_env):
    *_, build = _run_steps(repo, venv_env, {"services": "example", "command": "validate"})
    assert build.returncode == 0 and "nothing to build" in build.stdout and not (repo / "site").exists()
    *_, wrong = _run_steps(repo, venv_env, {"services": "example", "command": "deploy"})
    assert wrong.returncode == 2 and "must be build, publish or validate" in wrong.stdout


def test_the_pre_commit_hook_checks_the_documents_as_pre_commit_runs_it(repo, venv_env):
    (hook,) = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))  # pre-commit's own check of the manifest
    assert hook["id"] == "fosterdocs-validate" and hook["language"] == "python" and not hook["pass_filenames"]
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    tracked = subprocess.run(["git", "ls-files"], cwd=repo, capture_output=True, text=True, check=True).stdout.split()
    files = re.compile(hook["files"])
    matched = {name for name in tracked if files.search(name)}
    assert "fosterdocs.yml" in matched and "data/acme/service.yaml" in matched
    assert not matched & {"README.md", "requirements.txt", ".github/dependabot.yml"}
    command = [*shlex.split(hook["entry"]), *hook["args"]]
    assert subprocess.run(command, cwd=repo / "data", env=venv_env, capture_output=True).returncode == 1  # acme
    shutil.rmtree(repo / "data" / "acme")
    assert subprocess.run(command, cwd=repo, env=venv_env, capture_output=True).returncode == 0  # example only
