"""Facts shared between documents are written once: change one, and every document, page and PDF shows the change.

The guides and the handbook show contacts from service.yaml and data/reference/ with `use:`, and the complaints
procedure from the statement of purpose. This builds the real website and PDFs of a copy of the example service
after changing each shared fact once, and reads every document's page and PDF text.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from html import unescape
from pathlib import Path

import pytest
from guides_support import DOCUMENTS, GUIDES, ROOT, TODAY, edit

from fosterdocs.context import build
from fosterdocs.project import Project
from fosterdocs.validation import validate

OLD_COMPLAINTS, NEW_COMPLAINTS = "01632 960150", "01632 960777"
OLD_OFSTED, NEW_OFSTED = "0300 123 1231", "0300 123 7777"
OLD_STAGE = "The manager of the team involved tries to sort out the problem."
NEW_STAGE = "A manager from another team tries to put the problem right."
SITE_FILES = ("mkdocs.yml", "content", "macros", "overrides")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A copy of the example service with each shared fact changed in its one home, built into a site and PDFs."""
    project = tmp_path_factory.mktemp("shared")
    for name in ("schema", *SITE_FILES):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, project / name)
    for name in ("example", "reference"):
        shutil.copytree(ROOT / "data" / name, project / "data" / name)
    edit(project / "data/example/service.yaml", f"phone: {OLD_COMPLAINTS}", f"phone: {NEW_COMPLAINTS}")
    edit(project / "data/reference/regulators.yaml", f"phone: {OLD_OFSTED}", f"phone: {NEW_OFSTED}")
    edit(project / "data/example/statement-of-purpose.yaml", OLD_STAGE, NEW_STAGE)
    result = subprocess.run([str(ROOT / ".venv/bin/fosterdocs"), "build", "--data", "data", "--site-dir", "site",
                             "--today", TODAY], cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def page_text(built: Path, name: str) -> str:
    return " ".join(unescape((built / "site" / "example" / name / "index.html").read_text()).split())


def pdf_text(built: Path, name: str) -> str:
    (pdf,) = (built / "site" / "example").glob(f"{name}-*.pdf")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return " ".join(text.split())


@pytest.mark.parametrize("read", [page_text, pdf_text], ids=["html", "pdf"])
@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_changed_complaints_contact_reaches_every_document(built, read, name):
    text = read(built, name)
    assert NEW_COMPLAINTS in text and OLD_COMPLAINTS not in text


@pytest.mark.parametrize("read", [page_text, pdf_text], ids=["html", "pdf"])
@pytest.mark.parametrize("name", ("statement-of-purpose", *GUIDES))
def test_a_changed_ofsted_number_reaches_the_statement_and_every_guide(built, read, name):
    text = read(built, name)
    assert NEW_OFSTED in text and OLD_OFSTED not in text


@pytest.mark.parametrize("read", [page_text, pdf_text], ids=["html", "pdf"])
@pytest.mark.parametrize("name", (*GUIDES, "carer-handbook"))
def test_a_changed_complaints_stage_reaches_every_guide_and_the_handbook(built, read, name):
    text = read(built, name)
    assert " ".join(NEW_STAGE.split()[:4]) in text and "The manager of the team involved" not in text


def test_the_guides_and_handbook_are_pages_and_pdfs_beside_the_statement(built):
    service = (built / "site" / "example" / "index.html").read_text()
    for name in DOCUMENTS:
        assert f"{name}/" in service
        assert list((built / "site" / "example").glob(f"{name}-*.pdf"))


def test_guides_use_the_easy_read_layout_and_the_statement_does_not(built):
    for name in GUIDES:
        assert "fd-easy-read" in (built / "site" / "example" / name / "index.html").read_text()
    assert "fd-easy-read" not in (built / "site" / "example" / "statement-of-purpose" / "index.html").read_text()


def test_the_context_resolves_every_use_in_the_guides_and_handbook():
    today = date.fromisoformat(TODAY)
    report = validate([ROOT / "data" / "example"], today, keep=True)
    (example,) = [c for c in build(Project.find(ROOT / "data"), report, today) if c.id == "example"]
    assert set(example.documents) == set(DOCUMENTS)
    for name in (*GUIDES, "carer-handbook"):
        sections = {s.key: s.data for s in example.documents[name].sections}
        assert sections["complaints"]["procedure"]["_from"] == "statement-of-purpose/complaints"
        assert len(sections["complaints"]["procedure"]["stages"]) == 3
        assert sections["complaints"]["contact"]["phone"] == OLD_COMPLAINTS
