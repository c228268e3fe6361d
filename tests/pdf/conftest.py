"""Fixtures for the PDF tests: every bundled service's PDFs, rendered once per session, and ways to read them."""

from __future__ import annotations

import contextlib
import io
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from pdfcheck import BUNDLED, EPOCH, ROOT, TODAY, contexts_of, outline, pdf_text, source_date_epoch

from fosterdocs.cli import main
from fosterdocs.document_types import DOCUMENTS
from fosterdocs.project import Project


@pytest.fixture(scope="session")
def today() -> date:
    return TODAY


@pytest.fixture(scope="session")
def contexts() -> dict:
    """Every bundled service's rendering context, by id."""
    return contexts_of(ROOT / "data")


@pytest.fixture(scope="session")
def pdf_run(tmp_path_factory) -> tuple[int, str, Path]:
    """`fosterdocs pdf` over all the bundled services, once: (exit code, output, output folder)."""
    out = tmp_path_factory.mktemp("site")
    stdout = io.StringIO()
    with source_date_epoch(EPOCH), contextlib.redirect_stdout(stdout):
        code = main(["pdf", "--data", str(ROOT / "data"), "--out", str(out), "--today", TODAY.isoformat()])
    return code, stdout.getvalue(), out


@pytest.fixture(scope="session")
def pdf_paths(pdf_run, contexts) -> dict[tuple[str, str], Path]:
    """The PDF of every bundled document, by (service, document)."""
    out = pdf_run[2]
    return {(sid, name): out / sid / contexts[sid].documents[name].pdf_name for sid, name in BUNDLED}


@pytest.fixture(scope="session")
def raw_pages(pdf_paths) -> dict[tuple[str, str], list[str]]:
    """Each PDF's text as pdftotext reads it, page by page."""
    return {key: pdf_text(path) for key, path in pdf_paths.items()}


@pytest.fixture(scope="session")
def pages(raw_pages) -> dict[tuple[str, str], list[str]]:
    """Each PDF's text, page by page, with white space collapsed."""
    return {key: [" ".join(page.split()) for page in texts] for key, texts in raw_pages.items()}


@pytest.fixture(scope="session")
def mandatory_sections() -> dict[str, list[str]]:
    """The sections each document's schema requires, by document."""
    schemas = Project.find(ROOT / "data").schemas
    return {name: [key for key in schemas[kind].root["required"] if key != "document"]
            for name, kind in DOCUMENTS.items()}


@pytest.fixture(scope="session")
def opened(pdf_paths):
    """Each PDF opened with pikepdf."""
    files = {key: pikepdf.open(path) for key, path in pdf_paths.items()}
    yield files
    for pdf in files.values():
        pdf.close()


@pytest.fixture(scope="session")
def bookmarks(opened) -> dict[tuple[str, str], list[tuple[int, str, int]]]:
    """Each PDF's outline as (depth, title, page number)."""
    return {key: outline(pdf) for key, pdf in opened.items()}
