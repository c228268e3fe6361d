"""Whatever a person puts in a file, the validator answers with a finding and a non-zero exit, never a traceback.

Each case runs the real command in its own process with a memory ceiling, so a crash, a hang or a memory blow-up
fails the test.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from validator_support import BYTE_CASES, CASES

MEMORY_CEILING = 1 << 30  # 1 GiB of address space: far more than a good run needs, far less than a blow-up


def run_limited(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CEILING, MEMORY_CEILING))
    return subprocess.run([sys.executable, "-m", "fosterdocs.cli", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=60, preexec_fn=limit)


def assert_one_finding(result, rule: str, line: int | None, file: str) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    found = [f for f in json.loads(result.stdout)["findings"] if f["file"] == file]
    assert [f["rule"] for f in found] == [rule]
    assert found[0]["message"] and found[0]["fix"] and found[0]["regulation"]
    if line is not None:
        assert found[0]["line"] == line


@pytest.mark.parametrize("name", CASES)
def test_bad_yaml_gives_a_finding_not_a_traceback(project, name):
    text, rule, line = CASES[name]
    target = project / "data/example/statement-of-purpose.yaml"
    target.write_text(text, encoding="utf-8")
    result = run_limited(["validate", "data/example", "--format", "json"], project)
    assert_one_finding(result, rule, line, "data/example/statement-of-purpose.yaml")


@pytest.mark.parametrize("name", BYTE_CASES)
def test_bytes_that_are_not_utf8_text_give_a_finding(project, name):
    raw, rule, line = BYTE_CASES[name]
    (project / "data/example/statement-of-purpose.yaml").write_bytes(raw)
    result = run_limited(["validate", "data/example", "--format", "json"], project)
    assert_one_finding(result, rule, line, "data/example/statement-of-purpose.yaml")


def test_a_flood_of_problems_is_cut_short_with_a_finding_saying_so(project):
    target = project / "data/example/statement-of-purpose.yaml"
    target.write_text("".join(f"key{i}: value\n" for i in range(200_000)), encoding="utf-8")  # 3 MB
    result = run_limited(["validate", "data/example", "--format", "json"], project)
    assert "Traceback" not in result.stderr and result.returncode == 1, result.stderr
    found = [f for f in json.loads(result.stdout)["findings"] if f["file"] == "data/example/statement-of-purpose.yaml"]
    assert len(found) == 201
    assert sum(f["rule"] == "schema/unknown-key" or " is missing" in f["message"] for f in found) == 200
    assert [f for f in found if f["rule"] == "file/too-many-findings"][0]["message"].startswith(
        "This file has more than 200 problems")


def test_unreadable_file_is_reported(project):
    target = project / "data/example/statement-of-purpose.yaml"
    target.unlink()
    target.mkdir()  # a folder where the file should be: cannot be read, even by root
    result = run_limited(["validate", "data/example", "--format", "json"], project)
    assert_one_finding(result, "file/unreadable", 1, "data/example/statement-of-purpose.yaml")


def test_huge_file_is_refused_without_reading_it(project):
    target = project / "data/example/statement-of-purpose.yaml"
    target.write_text("a: " + "x" * 6_000_000 + "\n", encoding="utf-8")
    result = run_limited(["validate", "data/example", "--format", "json"], project)
    assert_one_finding(result, "file/too-large", 1, "data/example/statement-of-purpose.yaml")


def test_missing_path_cannot_run(project):
    result = run_limited(["validate", "data/nowhere"], project)
    assert result.returncode == 2
    assert "data/nowhere does not exist" in result.stderr and "Traceback" not in result.stderr


def test_path_outside_a_data_folder_cannot_run(tmp_path):
    (tmp_path / "notes.yaml").write_text("a: 1\n")
    result = run_limited(["validate", str(tmp_path / "notes.yaml")], tmp_path)
    assert result.returncode == 2 and "not inside a fosterdocs project" in result.stderr


def test_bad_arguments_cannot_run(project):
    result = run_limited(["validate", "--today", "23/11/2026"], project)
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr


def test_unknown_document_name_is_an_error(project):
    (project / "data/example/statment-of-purpose.yaml").write_text("a: 1\n")
    result = run_limited(["validate", "data/example", "--format", "json"], project)
    assert_one_finding(result, "file/unknown-document", 1, "data/example/statment-of-purpose.yaml")
