"""Fixtures for the importer's tests: the seed statements as .txt, and as .docx and .pdf made from them here,
imported once per session into a private copy of the project; and the text normalisation the 'nothing lost'
test compares with."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
from import_support import ROOT, SEEDS, STATEMENTS, TODAY, make_docx, make_pdf
from ruamel.yaml import YAML

from fosterdocs.cli import main


@pytest.fixture(scope="session")
def session_project(tmp_path_factory) -> Path:
    """A private copy of data/ and schema/ for the whole session (tests that change it use `project`)."""
    root = tmp_path_factory.mktemp("project")
    for name in ("data", "schema"):
        shutil.copytree(ROOT / name, root / name)
    return root


@pytest.fixture(scope="session")
def sources(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """Each seed statement as .txt (the seed itself), .docx and .pdf."""
    folder = tmp_path_factory.mktemp("sources")
    made = {}
    for service, name in STATEMENTS.items():
        seed = SEEDS / name
        made[service, "txt"] = seed
        made[service, "docx"] = make_docx(seed, folder / f"{service}.docx")
        made[service, "pdf"] = make_pdf(seed, folder / f"{service}.pdf")
    return made


class Run:
    """`fosterdocs ARGS` run in-process in a folder."""

    def __init__(self, capsys, monkeypatch):
        self.capsys, self.monkeypatch = capsys, monkeypatch

    def __call__(self, *args: str, cwd: Path) -> tuple[int, str, str]:
        self.monkeypatch.chdir(cwd)
        code = main([str(a) for a in args])
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def run(capsys, monkeypatch) -> Run:
    return Run(capsys, monkeypatch)


@pytest.fixture(scope="session")
def imported(session_project, sources):
    """Import a seed in one format (once per session): (exit code, printed report, the draft as data)."""
    cache: dict[tuple[str, str], tuple[int, str, dict]] = {}

    def importing(service: str, fmt: str) -> tuple[int, str, dict]:
        if (service, fmt) not in cache:
            target = f"{service}-{fmt}"
            out = io.StringIO()
            with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stdout(out):
                mp.chdir(session_project)
                code = main(["import", str(sources[service, fmt]), "--service", target, "--today", TODAY])
            draft = YAML(typ="safe").load(session_project / "data" / target / "statement-of-purpose.yaml")
            cache[service, fmt] = (code, out.getvalue(), draft)
        return cache[service, fmt]

    return importing
