"""Helpers for the PDF tests: where things are, the pinned dates, and ways to read a PDF back."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pikepdf

from fosterdocs import context
from fosterdocs.document_types import DOCUMENTS
from fosterdocs.project import Project
from fosterdocs.validation import validate

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 23)
EPOCH = "1790000000"  # 2026-09-21T14:13:20Z
SERVICES = ("example", "example-agency", "hertfordshire", "leicestershire", "norfolk")
KIND = "statement-of-purpose"
BUNDLED = [(sid, path.stem) for sid in SERVICES for path in sorted((ROOT / "data" / sid).glob("*.yaml"))
           if path.stem in DOCUMENTS]  # every bundled (service, document)


@contextlib.contextmanager
def source_date_epoch(value: str):
    """SOURCE_DATE_EPOCH set for the duration (a session fixture cannot use monkeypatch)."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = value
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def copy_project(target: Path) -> Path:
    """A copy of data/ and schema/ that a test may change (data/ itself is never touched)."""
    for name in ("data", "schema"):
        shutil.copytree(ROOT / name, target / name)
    return target


def contexts_of(data: Path) -> dict:
    """The rendering context of every service in a data folder, by service id."""
    report = validate([data], TODAY, keep=True)
    return {c.id: c for c in context.build(Project.find(data), report, TODAY)}


def pdf_text(path: Path) -> list[str]:
    """A PDF's text as pdftotext reads it, page by page."""
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                         text=True).stdout
    return raw.split("\f")[:-1]


def outline(pdf: pikepdf.Pdf) -> list[tuple[int, str, int]]:
    """Every bookmark as (depth, title, page number), in order."""
    pages = {page.objgen: number for number, page in enumerate(pdf.pages, 1)}
    entries = []
    with pdf.open_outline() as tree:
        def walk(items, depth):
            for item in items:
                entries.append((depth, item.title, pages[item.destination[0].objgen]))
                walk(item.children, depth + 1)
        walk(tree.root, 1)
    return entries


def only(service: context.ServiceContext, name: str) -> context.ServiceContext:
    """The service with just one of its documents, to render that alone."""
    return replace(service, documents={name: service.documents[name]})
