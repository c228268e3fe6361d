"""Fixtures every test folder shares: a private copy of the project, the fosterdocs command run in-process,
validation as JSON, and one real Chromium (Debian's, through Playwright)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from fosterdocs.cli import main

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-23"  # the date the pinned findings are judged by
CHROMIUM = "/usr/bin/chromium"  # Debian's: no browser is downloaded


@pytest.fixture(scope="session")
def browser():
    """Chromium, headless, for the whole run: Playwright's sync API allows one instance at a time, so the website's
    and the editor's tests share it."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of data/ and schema/ that a test may change freely."""
    for name in ("data", "schema"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def edit():
    """Replace text that must be in a file exactly once."""
    def replace(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
        path.write_text(text.replace(old, new), encoding="utf-8")
    return replace


@pytest.fixture
def run(capsysbinary, monkeypatch):
    """Run `fosterdocs ARGS` in a folder; return (exit code, stdout, stderr) as text."""
    def runner(*args: str, cwd: Path = ROOT) -> tuple[int, str, str]:
        monkeypatch.chdir(cwd)
        code = main(list(args))
        out, err = capsysbinary.readouterr()
        return code, out.decode("utf-8"), err.decode("utf-8")
    return runner


@pytest.fixture
def findings(run):
    """Validate paths as JSON with the pinned date; return (exit code, list of finding dicts)."""
    def validate(*paths: str, cwd: Path = ROOT, today: str = TODAY) -> tuple[int, list[dict]]:
        code, out, _ = run("validate", *paths, "--format", "json", "--today", today, cwd=cwd)
        return code, json.loads(out)["findings"]
    return validate
