"""What the hardening tests share: a private project like a service repository, and the command run in-process."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

from fosterdocs.cli import main

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-11-23"
SITE_FILES = ("mkdocs.yml", "content", "overrides", "macros", "schema")


def make_project(root: Path, services: tuple[str, ...] = ("example",)) -> Path:
    """A project: site configuration and schemas copied, the reference data and the named bundled services.
    Returns its data folder."""
    root.mkdir(parents=True)
    for name in SITE_FILES:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, root / name)
    for name in ("reference", *services):
        shutil.copytree(ROOT / "data" / name, root / "data" / name)
    return root / "data"


def fosterdocs(*args: str, cwd: Path) -> tuple[int, str, str]:
    """Run the command in-process in cwd: (exit code, stdout, stderr). Any exception fails the calling test."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()
