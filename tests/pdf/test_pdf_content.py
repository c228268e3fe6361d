"""What the PDFs say, read back with pdftotext: every mandatory section, the key facts, the cover, contents page
numbers, the running header and footer on every page, and the draft mark on every page of a document with errors."""

from __future__ import annotations

import re

import pytest
from pdfcheck import BUNDLED, KIND, SERVICES

from fosterdocs.rendering import written_date

DRAFT = "DRAFT — not for lodging"


def plain(text) -> str:
    return " ".join(str(text).split())


def strings(node, key=""):
    """(key, text) for every text value under node."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield from strings(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v, key)
    elif node is not None:
        yield key, str(node)


def in_order(words: list[str], text: str) -> bool:
    """Whether the words occur in text in this order (a table cell's lines come interleaved with its row's)."""
    rest = iter(text.split())
    return all(word in rest for word in words)


def body(pages: list[str], service, name) -> str:
    """The text of all pages, without the running header and footer."""
    header = f"{plain(service.name)} {plain(service.documents[name].title)} "
    return " ".join(re.sub(rf"( {DRAFT})? Page \d+ of \d+$", "", page).removeprefix(header) for page in pages)


def test_command_writes_every_document_and_marks_drafts(pdf_run, pdf_paths, contexts):
    code, output, out = pdf_run
    assert code == 1  # the real services have errors: their PDFs are drafts
    for (sid, name), path in pdf_paths.items():
        line = next(line for line in output.splitlines() if line.startswith(f"Wrote {path} "))
        assert line.endswith("as a DRAFT, not for lodging") == contexts[sid].documents[name].is_preview
    assert sorted(out.rglob("*.pdf")) == sorted(pdf_paths.values())
    assert not list(out.rglob("*.part")), "a temporary file was left behind"


@pytest.mark.parametrize("key", BUNDLED)
def test_every_mandatory_section_heading_is_in_the_text(pages, contexts, mandatory_sections, key):
    sid, name = key
    text = plain(" ".join(pages[key]))
    sections = {s.key: s for s in contexts[sid].documents[name].sections}
    present = [section for section in mandatory_sections[name] if section in sections]
    if sid == "example":
        assert present == mandatory_sections[name]
    for section in present:
        assert plain(sections[section].title) in text


def test_key_facts_of_the_example_are_in_the_text(pages):
    text = plain(" ".join(pages[("example", KIND)]))
    assert "Sam Okafor" in text  # registered manager
    assert "0300 123 1231" in text  # Ofsted, from the shared reference record
    assert "Children's Services Complaints Team" in text and "01632 960150" in text
    assert "complaints@example.org" in text
    assert "Next review due 15 September 2027" in text


@pytest.mark.parametrize("sid", SERVICES)
def test_key_facts_from_the_data_are_in_the_text(pages, contexts, sid):
    """Registered manager, Ofsted's phone, the complaints contact and the review date, wherever the data has them."""
    text = plain(" ".join(pages[(sid, KIND)]))
    document = contexts[sid].documents[KIND]
    sections = {s.key: s.data for s in document.sections}
    facts = [(sections.get("management") or {}).get("registered_manager", {}).get("name"),
             ((sections.get("regulators") or {}).get("ofsted") or {}).get("phone"),
             *(((sections.get("complaints") or {}).get("contact") or {}).get(k) for k in ("name", "phone", "email")),
             written_date(document.meta["next_review_due"]) if document.meta.get("next_review_due") else None]
    facts = [plain(fact) for fact in facts if fact]
    assert facts
    assert [fact for fact in facts if fact not in text] == []


@pytest.mark.parametrize("key", BUNDLED)
def test_every_fact_about_the_document_is_printed(pages, contexts, key):
    service, name = contexts[key[0]], key[1]
    text = body(pages[key], service, name)
    document = service.documents[name]
    about = text[text.index("About this document Service"):]
    if document.easy_read:  # a children's guide prints its facts for adults after the child's own content
        ends = [about.index(h) for h in ("Related documents", "Where the service departs") if h in about]
        about = about[:min(ends)] if ends else about
    else:
        following = "What to put right fosterdocs found" if document.is_preview else plain(document.sections[0].title)
        about = about[:about.index(following)]
    for field, value in strings(service.documents[name].meta):
        shown = written_date(value) if field.endswith(("_on", "_due")) else value
        assert in_order(shown.split(), about), f"{field}: {value!r} is not under 'About this document'"


def test_cover_shows_edition_approval_review_and_urn(pages):
    cover = pages[("example", KIND)][0]
    assert cover.startswith("Exampleshire Fostering Service Fostering Service Statement of Purpose")
    for fact in ("Edition 2026-27, 2026.1", "Approved by Exampleshire County Council Cabinet",
                 "Approved on 15 September 2026", "Next review due 15 September 2027", "Ofsted URN SC999999"):
        assert fact in cover


def test_cover_says_what_is_missing_and_overdue(pages):
    cover = pages[("hertfordshire", KIND)][0]
    assert "Approved on Not stated" in cover
    assert "Next review due March 2025 (overdue on 23 November 2026)" in cover
    assert "Ofsted URN" not in cover  # Hertfordshire's statement gives none


def test_cover_gives_the_review_date_worked_out_when_none_is_written(pages):
    cover = pages[("leicestershire", KIND)][0]  # it commits to approval each September
    assert "Next review due 30 September 2024 (worked out: a year after approval in September 2023" in cover
    assert "(overdue on 23 November 2026)" in cover


@pytest.mark.parametrize("key", BUNDLED)
def test_every_page_has_the_running_header_and_page_x_of_y(pages, contexts, key):
    service = contexts[key[0]]
    total = len(pages[key])
    assert total >= 5
    for number, page in enumerate(pages[key], 1):
        assert page.endswith(f"Page {number} of {total}")
        if number > 1:
            assert page.startswith(f"{plain(service.name)} {plain(service.documents[key[1]].title)}")


@pytest.mark.parametrize("key", BUNDLED)
def test_contents_page_numbers_are_where_the_sections_start(pages, bookmarks, key):
    contents = pages[key][1]
    entries = [(title, page) for depth, title, page in bookmarks[key] if depth == 2 and title != "Contents"]
    assert len(entries) >= 5
    for title, page in entries:
        assert f"{title} {page} " in contents, f"the contents should give page {page} for {title!r}"


@pytest.mark.parametrize("key", BUNDLED)
def test_a_document_with_errors_is_marked_draft_on_every_page(pages, contexts, key):
    document = contexts[key[0]].documents[key[1]]
    marked = [DRAFT in page for page in pages[key]]
    assert marked == [document.is_preview] * len(marked)
    text = plain(" ".join(pages[key]))
    assert ("What to put right" in text) == document.is_preview
    for finding in document.errors:
        assert plain(finding.message) in text


def test_the_bundled_data_has_drafts_and_a_clean_document(contexts):
    """The draft tests above need both kinds: the fictional examples are clean, the real services are not."""
    assert not contexts["example"].documents[KIND].is_preview
    assert not contexts["example-agency"].documents[KIND].is_preview
    assert all(contexts[sid].documents[KIND].is_preview for sid in SERVICES if not sid.startswith("example"))


def test_related_documents_are_listed(pages, contexts):
    text = plain(" ".join(pages[("norfolk", KIND)]))
    related = contexts["norfolk"].documents[KIND].related
    assert related and all(plain(item["title"]) in text for item in related)


@pytest.mark.parametrize("sid, manager, provider", [
    ("example", "Manager of the fostering service", "Provider (the council)"),
    ("example-agency", "Registered manager", "Registered provider")])
def test_a_council_and_an_agency_are_labelled_in_their_own_terms(pages, sid, manager, provider):
    text = plain(" ".join(pages[(sid, KIND)]))
    assert f"{manager} " in text and f"{provider} " in text
    other = {"example": "Registered manager", "example-agency": "Manager of the fostering service"}[sid]
    assert other not in text
