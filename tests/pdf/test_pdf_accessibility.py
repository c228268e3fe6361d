"""The PDFs are accessible: tagged PDF/UA-1, in British English, titled, authored, bookmarked, with real tables and
live links. Checked by opening every bundled document's PDF with pikepdf."""

from __future__ import annotations

import re

import pikepdf
import pytest
from pdfcheck import BUNDLED, KIND

from fosterdocs.pdf import print_html


def structure(element, path=()):
    """(tag, element, ancestor tags) for every element of the structure tree under element."""
    kids = element.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield str(kid.S), kid, path
            yield from structure(kid, path + (str(kid.S),))


def link_targets(pdf: pikepdf.Pdf) -> list[str]:
    """The URI of every external link annotation."""
    return [str(annot.A.URI) for page in pdf.pages for annot in page.get("/Annots", [])
            if annot.Subtype == "/Link" and "/A" in annot and "/URI" in annot.A]


def expected_top_headings(service, name) -> list[str]:
    """The second-level headings a document's PDF must have, in order (a children's guide starts with the child's
    own content: its facts for adults come after it)."""
    document = service.documents[name]
    about = ["About this document"]
    before, after = ([], about) if document.easy_read else (about, [])
    return [plain(title) for title in
            ["Contents", *before, *(["What to put right"] if document.is_preview else []),
             *(section.title for section in document.sections), *after,
             *(["Related documents"] if document.related else []),
             *(["Where the service departs from expected practice"] if service.downgrades else [])]]


def plain(text: str) -> str:
    return " ".join(str(text).split())


@pytest.mark.parametrize("key", BUNDLED)
def test_pdf_is_tagged_pdf_ua_in_british_english(opened, key):
    pdf = opened[key]
    assert pdf.Root.MarkInfo.Marked is True
    assert "/StructTreeRoot" in pdf.Root
    assert str(pdf.Root.Lang) == "en-GB"
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        assert xmp.get("pdfuaid:part") == "1"


@pytest.mark.parametrize("key", BUNDLED)
def test_title_is_shown_as_window_title_and_author_is_the_service(opened, contexts, key):
    pdf, service = opened[key], contexts[key[0]]
    assert str(pdf.docinfo.Title) == f"{service.documents[key[1]].title} – {service.name}"
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
    assert str(pdf.docinfo.Author) == service.name


@pytest.mark.parametrize("key", BUNDLED)
def test_bookmarks_follow_the_section_headings(bookmarks, contexts, key):
    service = contexts[key[0]]
    entries = bookmarks[key]
    assert entries[0][:2] == (1, plain(service.documents[key[1]].title))
    assert [title for depth, title, _ in entries if depth == 2] == expected_top_headings(service, key[1])


@pytest.mark.parametrize("key", BUNDLED)
def test_every_subsection_has_a_bookmark_under_its_section(bookmarks, contexts, key):
    entries = bookmarks[key]
    for section in contexts[key[0]].documents[key[1]].sections:
        start = next(i for i, (depth, title, _) in enumerate(entries) if depth == 2 and title == plain(section.title))
        end = next((i for i in range(start + 1, len(entries)) if entries[i][0] <= 2), len(entries))
        below = [title for depth, title, _ in entries[start + 1:end] if depth == 3]
        for sub in section.data.get("subsections") or []:
            assert plain(sub["title"]) in below, f"no bookmark for {sub['title']!r} under {section.title!r}"


def test_bookmarks_reach_the_fourth_level(bookmarks):
    """Sub-sections of sub-sections (Hertfordshire's) are bookmarked too."""
    assert max(depth for depth, _, _ in bookmarks[("hertfordshire", KIND)]) == 4


@pytest.mark.parametrize("key", BUNDLED)
def test_tables_are_tagged_with_header_cells(opened, contexts, today, key):
    elements = list(structure(opened[key].Root.StructTreeRoot))
    tables = [e for tag, e, _ in elements if tag == "/Table"]
    in_html = print_html(contexts[key[0]], key[1], today, "").count("<table")
    assert len(tables) >= in_html  # a table split across pages is tagged once per page
    assert in_html or key[1] != KIND  # every statement has tables
    header_ids = {bytes(e.ID) for tag, e, _ in elements if tag == "/TH"}
    cells = [e for tag, e, _ in elements if tag == "/TD"]
    assert all("/Table" in path for tag, _, path in elements if tag in ("/TH", "/TD", "/TR"))
    assert all(e.A.Headers and {bytes(h) for h in e.A.Headers} <= header_ids for e in cells)


@pytest.mark.parametrize("key", BUNDLED)
def test_headings_are_tagged_without_skipping_a_level(opened, contexts, key):
    tags = [tag for tag, _, _ in structure(opened[key].Root.StructTreeRoot) if re.fullmatch(r"/H\d", tag)]
    assert tags.count("/H1") == 1 and tags[0] == "/H1"
    assert tags.count("/H2") == len(expected_top_headings(contexts[key[0]], key[1]))
    assert all(int(b[2]) - int(a[2]) <= 1 for a, b in zip(tags, tags[1:])), "a heading level is skipped"


def test_phone_email_and_web_links_are_live(opened):
    targets = link_targets(opened[("example", KIND)])
    assert "tel:+441632960150" in targets  # complaints
    assert "mailto:complaints@example.org" in targets
    assert "https://www.example.org/complaints" in targets
    assert "tel:+443001231231" in targets  # Ofsted, from the shared reference record


@pytest.mark.parametrize("key", BUNDLED)
def test_contents_entries_link_to_their_sections(opened, contexts, key):
    pdf = opened[key]
    targets = list(dict.fromkeys(str(annot.Dest) for annot in pdf.pages[1].get("/Annots", []) if "/Dest" in annot))
    assert len(targets) == len(expected_top_headings(contexts[key[0]], key[1])) - 1  # all but "Contents" itself
    destinations = pikepdf.NameTree(pdf.Root.Names.Dests)
    assert all(target in destinations for target in targets)
