"""Fixtures for the guide and handbook tests: a private copy of the example service, and the command run in-process."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from fosterdocs.cli import main
from guides_support import ROOT, TODAY


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of schema/ and of data/ with only the example service and the reference data, free to change."""
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    for name in ("example", "reference"):
        shutil.copytree(ROOT / "data" / name, tmp_path / "data" / name)
    return tmp_path


@pytest.fixture
def run(capsys, monkeypatch):
    """Run `fosterdocs ARGS` in a folder; return (exit code, stdout, stderr)."""
    def runner(*args: str, cwd: Path = ROOT) -> tuple[int, str, str]:
        monkeypatch.chdir(cwd)
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err
    return runner


@pytest.fixture
def findings(run):
    """Validate paths as JSON with the pinned date; return (exit code, list of finding dicts)."""
    def validate(*paths: str, cwd: Path = ROOT) -> tuple[int, list[dict]]:
        code, out, _ = run("validate", *paths, "--format", "json", "--today", TODAY, cwd=cwd)
        return code, json.loads(out)["findings"]
    return validate
