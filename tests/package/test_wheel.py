"""The wheel a service installs: pure Python, carrying everything but a service's own data; installed in a fresh
virtual environment outside the checkout, it starts a service's repository and checks, builds and prints it."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pikepdf
import pytest
from bs4 import BeautifulSoup

from fosterdocs import __version__

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = {"schema": "schema", "data/reference": "data/reference", "data/example": "data/example",
           "data/example-agency": "data/example-agency",
           "content": "content", "overrides": "overrides", "macros": "macros"}


def _tracked(folder: str) -> set[str]:
    files = subprocess.run(["git", "-C", str(ROOT), "ls-files", folder], check=True, capture_output=True,
                           text=True).stdout.split()
    return {name for name in files if (ROOT / name).is_file()}


def test_the_wheel_is_pure_python_with_a_licence(wheel):
    assert wheel.name == f"fosterdocs-{__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(f"fosterdocs-{__version__}.dist-info/WHEEL").decode()
        licence = archive.read(f"fosterdocs-{__version__}.dist-info/licenses/LICENSE").decode()
    assert "Tag: py3-none-any" in metadata and "Root-Is-Purelib: true" in metadata
    assert not [n for n in names if n.endswith((".so", ".pyd", ".pyx", ".c", ".pyc"))]
    assert licence.startswith("MIT License")


def test_the_wheel_carries_every_resource_but_no_service_of_its_own(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for folder in BUNDLED:
        expected = {f"fosterdocs/bundled/{name}" for name in _tracked(folder)}
        assert expected and expected <= names, f"{folder}: missing {sorted(expected - names)[:5]}"
    assert "fosterdocs/bundled/mkdocs.yml" in names
    assert {f"fosterdocs/{name.removeprefix('src/fosterdocs/')}" for name in _tracked("src/fosterdocs/templates")} \
        <= names  # the print and repository templates
    for real in ("norfolk", "leicestershire", "hertfordshire"):
        assert not [n for n in names if f"/{real}/" in n]
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/")) or "/tests/" in n]


def _run(venv_env: dict, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["fosterdocs", *args], cwd=cwd, env=venv_env, capture_output=True, text=True, timeout=600)


def test_the_installed_fosterdocs_reads_nothing_from_the_checkout(venv, venv_env, tmp_path):
    done = subprocess.run(["python", "-c", "import fosterdocs, fosterdocs.resources as r; "
                           "print(fosterdocs.__file__); print(r.HOME); print(r.HOME == r.BUNDLE)"],
                          cwd=tmp_path, env=venv_env, capture_output=True, text=True, check=True)
    module, home, installed = done.stdout.split()
    assert Path(module).is_relative_to(venv) and Path(home).is_relative_to(venv) and installed == "True"
    version = _run(venv_env, "--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith(f"fosterdocs {__version__}\n")
    assert "reference data (Ofsted, the Children's Commissioner and other contacts) last checked on" in version.stdout


def test_init_new_validate_build_and_pdf_in_a_new_repository_outside_the_checkout(venv, venv_env, tmp_path):
    assert not tmp_path.is_relative_to(ROOT)
    started = _run(venv_env, "init", "acme-docs", "--service", "acme", "--name", "Acme Fostering",
                   "--type", "independent-agency", cwd=tmp_path)
    assert started.returncode == 0, started.stderr
    repo = tmp_path / "acme-docs"
    assert (repo / "fosterdocs.yml").is_file() and (repo / "data" / "acme" / "statement-of-purpose.yaml").is_file()

    new = _run(venv_env, "new", "acme-north", cwd=repo / "data")  # from a subfolder
    assert new.returncode == 0, new.stderr
    assert (repo / "data" / "acme-north" / "service.yaml").is_file()

    checked = _run(venv_env, "validate", "--format", "json", cwd=repo / "data" / "acme")
    report = json.loads(checked.stdout)
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert checked.returncode == 1 and {f["service"] for f in errors} == {"acme", "acme-north"}
    assert any("example" in f["message"] for f in errors)  # the example identity still to replace

    # The fictional example, copied from the installed fosterdocs, is a service with nothing to fix.
    bundled = Path(subprocess.run(["python", "-c", "from fosterdocs import resources; print(resources.bundled("
                                   "resources.EXAMPLE))"], env=venv_env, capture_output=True, text=True,
                                  check=True).stdout.strip())
    assert bundled.is_relative_to(venv)
    shutil.copytree(bundled, repo / "data" / "example")
    clean = _run(venv_env, "validate", "data/example", cwd=repo)
    assert clean.returncode == 0, clean.stdout

    built = _run(venv_env, "build", "acme", "example", "--no-pdf", cwd=repo / "data")  # (the PDFs: below)
    assert built.returncode == 0, built.stdout + built.stderr
    for service, name in (("acme", "Acme Fostering"), ("example", "Exampleshire Fostering Service")):
        page = BeautifulSoup((repo / "site" / service / "statement-of-purpose" / "index.html").read_text(),
                             "html.parser")
        assert name in page.get_text() and page.find("h1")

    printed = _run(venv_env, "pdf", "example", cwd=repo / "data" / "example")
    assert printed.returncode == 0, printed.stdout + printed.stderr
    pdfs = sorted((repo / "pdf" / "example").glob("*.pdf"))
    assert len(pdfs) == 5
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            assert pdf.Root.MarkInfo.Marked and "/StructTreeRoot" in pdf.Root  # tagged for screen readers


@pytest.mark.parametrize("command", ["status", "calendar"])
def test_status_and_calendar_run_from_a_subfolder(venv_env, tmp_path, command):
    assert _run(venv_env, "init", "repo", "--service", "acme", "--name", "Acme Fostering", "--type",
                "local-authority", cwd=tmp_path).returncode == 0
    done = _run(venv_env, command, cwd=tmp_path / "repo" / "data" / "acme")
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr
    assert ("acme" in done.stdout.lower()) if command == "status" else done.stdout.startswith("BEGIN:VCALENDAR")
