"""The revision history renders as a real table, through the shared templates the site and the PDFs both use."""

from __future__ import annotations

from html.parser import HTMLParser

from fosterdocs.rendering import environment

META = {"title": "Statement", "revisions": [
    {"version": "2026.1", "approved_on": "2026-09-15", "summary": "New <b>complaints</b> stages & timescales."},
    {"approved_on": "2025-09", "summary": "First edition."},
]}


class _Cells(HTMLParser):
    """The table's cells as text, with the tag each was in."""

    def __init__(self):
        super().__init__()
        self.cells, self.tag, self.tags = [], None, []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("th", "td"):
            self.tag = tag
            self.cells.append([tag, ""])

    def handle_endtag(self, tag):
        if tag in ("th", "td"):
            self.tag = None

    def handle_data(self, data):
        if self.tag:
            self.cells[-1][1] += data


def test_revisions_render_as_a_table_with_header_cells_and_escaped_text():
    html = environment().from_string('{% import "blocks.html" as b %}<dl>{{ b.facts(meta) }}</dl>').render(meta=META)
    parsed = _Cells()
    parsed.feed(html)
    assert "table" in parsed.tags and "caption" in parsed.tags
    cells = [(tag, " ".join(text.split())) for tag, text in parsed.cells]
    assert cells == [("th", "Version"), ("th", "Approved on"), ("th", "What changed"),
                     ("th", "2026.1"), ("td", "15 September 2026"),
                     ("td", "New <b>complaints</b> stages & timescales."),
                     ("th", "Not numbered"), ("td", "September 2025"), ("td", "First edition.")]
    assert "<b>complaints</b>" not in html and "&lt;b&gt;complaints&lt;/b&gt;" in html
    assert "<dt>Revision history</dt>" in html
