"""PDFs whose input has not changed are reused from the project's cache, never a stale one: a change in the data, a
picture or SOURCE_DATE_EPOCH makes the PDF again."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pikepdf
from pdfcheck import TODAY, copy_project, pdf_text
from PIL import Image

from fosterdocs.pdf import CACHE, make_pdfs
from fosterdocs.publishing import build

GUIDE = "childrens-guide-under-8"


def made(project: Path, out: str = "pdf") -> dict[str, bytes]:
    """`fosterdocs pdf example` into project/out: each document's PDF, by document."""
    report, files = make_pdfs(project / "data", ["example"], project / out, TODAY)
    assert files and not report.errors
    return {file.name: file.path.read_bytes() for file in files}


def created(pdf: bytes) -> str:
    import io

    with pikepdf.open(io.BytesIO(pdf)) as opened:
        return str(opened.docinfo.CreationDate)


def test_a_second_run_reuses_each_pdf_and_a_change_in_the_data_makes_that_one_again(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)  # dated when made: a PDF made again would differ
    project = copy_project(tmp_path)
    first = made(project)
    assert len(list((project / CACHE).glob("*.pdf"))) == len(first)
    time.sleep(1.1)
    again = made(project, "pdf-again")
    assert again == first  # the same bytes, creation time included: reused, not made again
    guide = project / "data/example" / f"{GUIDE}.yaml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("This book is for you.", "This book is yours.", 1),
                     encoding="utf-8")
    changed = made(project, "pdf-changed")
    assert changed[GUIDE] != first[GUIDE] and created(changed[GUIDE]) != created(first[GUIDE])
    assert "This book is yours." in " ".join(pdf_text(project / "pdf-changed/example" /
                                                      next((project / "pdf-changed/example").glob(f"{GUIDE}-*"))))
    assert {kind: pdf for kind, pdf in changed.items() if kind != GUIDE} == {
        kind: pdf for kind, pdf in first.items() if kind != GUIDE}


def test_a_changed_picture_or_source_date_epoch_makes_the_pdf_again(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    project = copy_project(tmp_path)
    (project / "data/example/pictures").mkdir()
    picture = project / "data/example/pictures/home.png"
    Image.new("RGB", (40, 30), "orange").save(picture)
    guide = project / "data/example" / f"{GUIDE}.yaml"
    guide.write_text(guide.read_text(encoding="utf-8").replace(
        "    - This book is for you.\n", "    - picture: {file: pictures/home.png, alt: Our house}\n"
        "    - This book is for you.\n", 1), encoding="utf-8")
    first = made(project)
    Image.new("RGB", (40, 30), "purple").save(picture)  # the same HTML, another picture
    recoloured = made(project, "pdf-recoloured")
    assert recoloured[GUIDE] != first[GUIDE]
    assert recoloured["statement-of-purpose"] == first["statement-of-purpose"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000100")
    redated = made(project, "pdf-redated")
    assert created(redated["statement-of-purpose"]) != created(first["statement-of-purpose"])


def test_the_site_build_reuses_the_pdfs_and_keeps_its_cache_out_of_the_site(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    project = copy_project(tmp_path)
    first = build(project / "data", project / "site", date(2026, 11, 23), ["example"])
    pdfs = {pdf.path.name: pdf.path.read_bytes() for pdf in first.pdfs}
    time.sleep(1.1)
    second = build(project / "data", project / "site", date(2026, 11, 23), ["example"])
    assert {pdf.path.name: pdf.path.read_bytes() for pdf in second.pdfs} == pdfs
    assert not [p for p in (project / "site").rglob("*") if ".fosterdocs-cache" in p.parts]
