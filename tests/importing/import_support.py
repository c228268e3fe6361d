"""Seeds, formats and document makers shared by the importer's tests."""

from __future__ import annotations

import html
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
TODAY = "2026-11-23"
STATEMENTS = {
    "norfolk": "norfolk-statement-of-purpose-2024-25.txt",
    "leicestershire": "leicestershire-statement-of-purpose-2023.txt",
    "hertfordshire": "hertfordshire-statement-of-purpose-2024-25.txt",
}
FORMATS = ("txt", "docx", "pdf")

_BULLET = re.compile(r"^(\s*)- (.*)$")
_NUMBERED = re.compile(r"^(\d{1,2})\. (.*)$")
_INLINE = re.compile(r"\*\*(.+?)\*\*|\[((?:[^\]\\]|\\.)*)\]\(([^)\s]*)\)|<(https?://[^>\s]+)>")


def blocks_of(text: str) -> list[list[str]]:
    """The seed's runs of lines between blank lines."""
    return [[line for line in block.split("\n") if line.strip()] for block in re.split(r"\n\s*\n", text)
            if block.strip()]


def pieces(line: str):
    """A line as (text, bold, link) pieces, from the seed's light markdown."""
    at = 0
    for match in _INLINE.finditer(line):
        if match.start() > at:
            yield line[at:match.start()], False, ""
        if match[1] is not None:
            yield match[1], True, ""
        elif match[2] is not None:
            yield re.sub(r"\\(.)", r"\1", match[2]), False, match[3]
        else:
            yield match[4], False, match[4]
        at = match.end()
    if at < len(line):
        yield line[at:], False, ""


def add_runs(paragraph, line: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for text, bold, link in pieces(line):
        if link:
            part = paragraph.part
            rid = part.relate_to(link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
            element = OxmlElement("w:hyperlink")
            element.set(qn("r:id"), rid)
            run = OxmlElement("w:r")
            text_element = OxmlElement("w:t")
            text_element.text = text
            text_element.set(qn("xml:space"), "preserve")
            run.append(text_element)
            element.append(run)
            paragraph._p.append(element)
        else:
            paragraph.add_run(text).bold = bold


def _rows(block: list[str]) -> list[list[str]] | None:
    """A block's table rows: tab-separated lines (the seeds), or Markdown pipe rows."""
    if len(block) >= 2 and all("\t" in line for line in block):
        return [line.split("\t") for line in block]
    if len(block) >= 2 and all(line.startswith("|") for line in block):
        return [[cell.strip() for cell in line.strip("|").split("|")] for line in block if not set(line) <= set("|- :")]
    return None


def make_docx(source: Path, target: Path) -> Path:
    """A Word document with the text's paragraphs (a block's lines kept apart by line breaks), '#' headings in
    Heading styles, bullet lists in List Bullet styles, numbered lists in List Number, tables as real tables."""
    import docx

    document = docx.Document()
    for block in blocks_of(source.read_text(encoding="utf-8")):
        heading = re.match(r"^(#{1,6}) (.*)$", block[0])
        if len(block) == 1 and heading:
            document.add_heading(heading[2], level=len(heading[1]))
            continue
        rows = _rows(block)
        if rows:
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for cells, row in zip(table.rows, rows):
                for cell, text in zip(cells.cells, row):
                    cell.text = text
            continue
        numbered = sum(1 for line in block if _NUMBERED.match(line)) >= 2
        paragraph = None
        for line in block:
            bullet, number = _BULLET.match(line), _NUMBERED.match(line) if numbered else None
            if bullet or number:
                style = "List Number" if number else "List Bullet" if not bullet[1] else "List Bullet 2"
                add_runs(document.add_paragraph(style=style), number[2] if number else bullet[2])
                paragraph = None
            elif paragraph is None:
                paragraph = document.add_paragraph()
                add_runs(paragraph, line)
            else:
                paragraph.add_run().add_break()
                add_runs(paragraph, line)
    document.save(target)
    return target


def _html_line(line: str) -> str:
    out = []
    for text, bold, link in pieces(line):
        text = html.escape(text)
        out.append(f'<a href="{html.escape(link)}">{text}</a>' if link else f"<b>{text}</b>" if bold else text)
    return "".join(out)


def make_pdf(source: Path, target: Path) -> Path:
    """A PDF (WeasyPrint, A4) of the seed laid out as a statement is: paragraphs, bullet and numbered lists,
    tables, all in one font size so that nothing but the text says which lines are headings."""
    from weasyprint import HTML

    parts = []
    for block in blocks_of(source.read_text(encoding="utf-8")):
        heading = re.match(r"^#{1,6} (.*)$", block[0])
        if len(block) == 1 and heading:
            parts.append(f"<p>{_html_line(heading[1])}</p>")
            continue
        rows = _rows(block)
        if rows:
            cells = "".join("<tr>" + "".join(f"<td>{_html_line(cell)}</td>" for cell in row) + "</tr>" for row in rows)
            parts.append(f"<table>{cells}</table>")
            continue
        numbered = sum(1 for line in block if _NUMBERED.match(line)) >= 2
        run: list[str] = []
        for line in block + [""]:
            bullet, number = _BULLET.match(line), _NUMBERED.match(line) if numbered else None
            if (bullet or number or not line) and run:
                parts.append("<p>" + "<br>".join(run) + "</p>")
                run = []
            if bullet:
                style = ' style="margin-left:3em"' if bullet[1] else ""
                parts.append(f"<ul{style}><li>{_html_line(bullet[2])}</li></ul>")
            elif number:
                parts.append(f'<ol start="{number[1]}"><li>{_html_line(number[2])}</li></ol>')
            elif line:
                run.append(_html_line(line))
    style = ("@page { size: A4; margin: 2cm } body { font: 11pt 'DejaVu Sans', sans-serif } ul, ol { margin: 0 } "
             "td { vertical-align: top; padding: 2pt 6pt; font-size: 9pt }")
    HTML(string=f"<html><head><style>{style}</style></head><body>{''.join(parts)}</body></html>").write_pdf(target)
    return target


def normalised(text: str) -> str:
    """Text compared for 'nothing lost': markdown markers, list markers and numbers, and spacing ignored."""
    text = re.sub(r"\[((?:[^\]\\]|\\.)*)\]\([^)\s]*\)", r"\1", text)
    text = re.sub(r"<(https?://[^>\s]+)>", r"\1", text)
    text = re.sub(r"\\(.)", r"\1", text.replace("**", ""))
    text = re.sub(r"^\s*(?:[-•]|\d{1,2}\.)\s+", "", text)
    return " ".join(text.split())


def strings(node) -> list[str]:
    """Every text value in loaded YAML, in order."""
    if isinstance(node, dict):
        return [s for value in node.values() for s in strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in strings(value)]
    return [str(node)] if node is not None else []
