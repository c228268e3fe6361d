"""What `fosterdocs serve` makes again after a change: only the changed service's pages that show the changed file
(and the pages listing every service); a change to the list of pages, or anything but one service's files, makes
everything again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fosterdocs.serving import Preview

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def preview(tmp_path) -> Preview:
    """A project with two services, previewed."""
    shutil.copytree(ROOT / "schema", tmp_path / "project/schema")
    for name in ("reference", "example", "norfolk"):
        shutil.copytree(ROOT / "data" / name, tmp_path / "project/data" / name)
    shown = Preview(tmp_path / "project/data", tmp_path / "serve")
    shown.everything()
    return shown


def pages(preview: Preview) -> dict[str, int]:
    """Each page written -> when it was written."""
    return {str(p.relative_to(preview.site_dir)): p.stat().st_mtime_ns for p in preview.site_dir.rglob("*.html")}


def test_a_saved_document_makes_only_its_own_pages_again(preview):
    before = pages(preview)
    guide = preview.data / "example/childrens-guide-under-8.yaml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("This book is for you.", "This book is yours.", 1),
                     encoding="utf-8")
    preview.update()
    after = pages(preview)
    remade = {page for page in after if after[page] != before.get(page)}
    assert remade == {"example/childrens-guide-under-8/index.html", "example/index.html", "index.html",
                      "review-calendar/index.html"}
    assert "This book is yours." in (preview.site_dir / "example/childrens-guide-under-8/index.html").read_text(
        encoding="utf-8")


def test_a_change_to_the_shared_facts_makes_every_page_of_that_service_again(preview):
    before = pages(preview)
    service = preview.data / "example/service.yaml"
    service.write_text(service.read_text(encoding="utf-8").replace("  name: Sam Okafor\n", "  name: Alex Brown\n"),
                       encoding="utf-8")
    preview.update()
    after = pages(preview)
    remade = {page for page in after if after[page] != before.get(page)}
    assert {page for page in remade if page.startswith("norfolk/")} == set()
    assert {page for page in after if page.startswith("example/")} <= remade
    assert "Alex Brown" in (preview.site_dir / "example/statement-of-purpose/index.html").read_text(encoding="utf-8")


def test_a_document_that_no_longer_reads_makes_everything_again_with_its_findings_page(preview):
    before = pages(preview)
    guide = preview.data / "norfolk/childrens-guide-under-8.yaml"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n  - a stray line\n", encoding="utf-8")
    preview.update()
    after = pages(preview)
    assert all(after[page] != before[page] for page in before)  # (its title in the menu changed)
    shown = (preview.site_dir / "norfolk/childrens-guide-under-8/index.html").read_text(encoding="utf-8")
    assert "This page cannot be shown until its data is put right" in shown
    assert "norfolk/childrens-guide-under-8.yaml, line " in shown
