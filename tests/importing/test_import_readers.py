"""The readers keep what Word, PDF and text files hold: heading styles, lists, tables with merged cells, links,
text in text boxes, Windows-encoded text; and refuse a password-protected PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_support import add_runs

from fosterdocs.importing.blocks import HEADING, ITEM, PARAGRAPH, TABLE
from fosterdocs.importing.readers import read
from fosterdocs.project import CannotRun


def _word_document(path: Path) -> Path:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_heading("Our statement", level=1)
    cover = document.add_paragraph("Cover")
    cover._p.append(parse_xml(
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
        '<w:p><w:r><w:t>Printed in a text box</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    document.add_heading("How to complain", level=2)
    document.add_paragraph("First step", style="List Number")
    document.add_paragraph("A detail of it", style="List Number 2")
    add_runs(document.add_paragraph(), "[Complaints procedure](https://www.example.org/complaints)")
    add_runs(document.add_paragraph(), "See [our page](https://www.example.org/page) for more.")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Team"
    table.cell(0, 2).text = "Posts"
    for cell, text in zip(table.rows[1].cells, ["Recruitment", "Assessment", "4"]):
        cell.text = text
    document.save(path)
    return path


def test_word_styles_lists_tables_links_and_text_boxes_are_read(tmp_path):
    blocks = read(_word_document(tmp_path / "statement.docx"))
    assert [(b.kind, b.text, b.level) for b in blocks if b.kind in (HEADING, ITEM)] == [
        (HEADING, "Our statement", 1), (HEADING, "How to complain", 2), (ITEM, "First step", 0),
        (ITEM, "A detail of it", 1)]
    assert all(b.ordered for b in blocks if b.kind == ITEM)
    paragraphs = [(b.text, b.url) for b in blocks if b.kind == PARAGRAPH]
    assert ("Printed in a text box", "") in paragraphs
    assert ("Complaints procedure", "https://www.example.org/complaints") in paragraphs
    assert ("See our page (https://www.example.org/page) for more.", "") in paragraphs
    table = next(b for b in blocks if b.kind == TABLE)
    assert table.rows == [["Team", "Team", "Posts"], ["Recruitment", "Assessment", "4"]]  # columns stay in line


def test_text_saved_by_windows_programs_is_read(tmp_path):
    path = tmp_path / "statement.txt"
    path.write_bytes("Fostering Statement of Purpose\n\nOur carers’ views – what they say\n".encode("cp1252"))
    assert [b.text for b in read(path)] == ["Fostering Statement of Purpose", "Our carers’ views – what they say"]


def test_a_password_protected_pdf_is_refused(tmp_path, sources):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(sources["norfolk", "pdf"]).pages[:1]:
        writer.add_page(page)
    writer.encrypt("secret")
    with open(tmp_path / "locked.pdf", "wb") as out:
        writer.write(out)
    with pytest.raises(CannotRun, match="protected by a password"):
        read(tmp_path / "locked.pdf")
