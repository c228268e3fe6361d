"""Read a statement of purpose from .txt, .md, .docx or .pdf into blocks.

Plain text and Markdown: blank lines separate blocks; '-', '*', '•' and '1.' start list items (indent gives the
depth); lines with tabs, or Markdown pipes, are tables; '#' starts a heading. Word: heading and list styles, real
tables and hyperlinks, and the text of text boxes. PDF: the text layer laid out as on the page (pypdf), then read
as plain text, with columns of text lined up across lines read as a table.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..project import CannotRun
from .blocks import HEADING, ITEM, PARAGRAPH, TABLE, WEB_ADDRESS, Block, plain, tidy

SUPPORTED = (".txt", ".md", ".markdown", ".docx", ".pdf")
MAX_BYTES = 50_000_000

_BULLET = re.compile(r"^(\s*)(?:[-*+•▪◦●○■]|(?P<number>\d{1,2})[.)])\s+(?P<text>\S.*)$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_PIPE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_GUTTER = 3  # spaces that separate two columns of a table laid out as text
_DENSE = 0.4  # share of a table's lines with text in a column


def read(path: Path) -> list[Block]:
    """The blocks of a document; CannotRun when it is missing, unreadable or of a kind fosterdocs cannot read."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        hint = " Save it from Word as .docx (Word Document) first." if suffix in (".doc", ".rtf", ".odt") else ""
        raise CannotRun(f"{path} is a {suffix or 'file without an extension'}: fosterdocs import reads .docx, "
                        f".pdf, .txt and .md files.{hint}")
    if not path.is_file():
        raise CannotRun(f"{path} does not exist.")
    if path.stat().st_size > MAX_BYTES:
        raise CannotRun(f"{path} is larger than {MAX_BYTES // 1_000_000} MB: check it is the right file.")
    if suffix == ".docx":
        blocks = _docx(path)
    elif suffix == ".pdf":
        blocks = parse_text(_pdf_text(path), layout=True)
    else:
        blocks = parse_text(_decode(path))
    if not any(b.words().strip() for b in blocks):
        raise CannotRun(f"{path} has no text to import.")
    return blocks


def _decode(path: Path) -> str:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CannotRun(f"{path} is not a text file fosterdocs can read: save it as UTF-8 text.")


def parse_text(text: str, layout: bool = False) -> list[Block]:
    """Blocks from plain text or light Markdown; with layout, text that keeps a page's layout (from a PDF)."""
    blocks: list[Block] = []
    group: list[str] = []
    for line in [*text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), ""]:
        if line.strip():
            group.append(line.rstrip())
        elif group:
            blocks += _group(group, layout)
            group = []
    return blocks


def _group(lines: list[str], layout: bool) -> list[Block]:
    """The blocks of one run of lines between blank lines."""
    heading = _MD_HEADING.match(lines[0])
    if len(lines) == 1 and heading and not layout:
        return [Block(HEADING, [plain(heading[2])[0]], level=len(heading[1]))]
    if len(lines) >= 2 and all(line.lstrip().startswith("|") for line in lines):
        return [_table([[cell for cell in line.strip().strip("|").split("|")] for line in lines
                        if not _PIPE_RULE.match(line.strip())])]
    if len(lines) >= 2 and all("\t" in line for line in lines):
        return [_table([line.split("\t") for line in lines])]
    if layout and len(lines) >= 2:
        columns = _columns(lines)
        if columns:
            return [_table([[line[start:end] for start, end in columns] for line in lines])]
    return _lines(lines, layout)


def _table(rows: list[list[str]]) -> Block:
    cleaned = [[plain(cell)[0] for cell in row] for row in rows]
    width = max(len(row) for row in cleaned)
    return Block(TABLE, rows=[row + [""] * (width - len(row)) for row in cleaned if any(row)])


def _columns(lines: list[str]) -> list[tuple[int, int]]:
    """Column spans of lines laid out as a table: gaps of spaces at the same place in every line."""
    width = max(len(line) for line in lines)
    blank = [all(i >= len(line) or line[i] == " " for line in lines) for i in range(width)]
    gaps, start = [], None
    for i, empty in enumerate([*blank, False]):
        if empty and start is None:
            start = i
        elif not empty and start is not None:
            if start > 0 and i < width and i - start >= _GUTTER:
                gaps.append((start, i))
            start = None
    if not gaps:
        return []
    edges = [0, *[edge for gap in gaps for edge in gap], width]
    spans = list(zip(edges[::2], edges[1::2]))
    dense = []  # a column with text in few lines is text that happens to start further right: join it up
    for start, end in spans:
        if dense and sum(bool(line[start:end].strip()) for line in lines) < _DENSE * len(lines):
            dense[-1] = (dense[-1][0], end)
        else:
            dense.append((start, end))
    filled = sum(1 for line in lines if sum(bool(line[a:b].strip()) for a, b in dense) >= 2)
    return dense if len(dense) >= 2 and filled >= 2 else []


def _lines(lines: list[str], layout: bool) -> list[Block]:
    """Paragraphs and list items from lines that are not a table."""
    numbered = sum(1 for line in lines if (m := _BULLET.match(line)) and m["number"])
    indents = sorted({len(m[1]) for line in lines if (m := _BULLET.match(line)) and (not m["number"] or numbered > 1)})
    blocks: list[Block] = []
    for line in lines:
        match = _BULLET.match(line)
        if match and (not match["number"] or numbered > 1):
            text, _ = plain(match["text"])
            blocks.append(Block(ITEM, [text], level=indents.index(len(match[1])), ordered=bool(match["number"])))
            continue
        text, url = plain(line)
        if not text:
            continue
        continues = blocks and blocks[-1].kind == ITEM and line[:1].isspace() and not url
        if continues:
            blocks[-1].lines.append(text)
        elif url:
            blocks.append(Block(PARAGRAPH, [text], url=url))
        elif blocks and blocks[-1].kind == PARAGRAPH and not blocks[-1].url:
            blocks[-1].lines.append(text)
        else:
            blocks.append(Block(PARAGRAPH, [text]))
    return blocks


def _pdf_text(path: Path) -> str:
    """The text layer of a PDF, laid out page by page."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise CannotRun(f"{path} is protected by a password: save an unprotected copy and import that.")
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except CannotRun:
        raise
    except Exception as err:  # pypdf raises many kinds of error on a damaged file
        raise CannotRun(f"{path} cannot be read as a PDF: {err}.") from err
    text = "\n\n".join(pages)
    if len(re.sub(r"\s", "", text)) < 20:
        raise CannotRun(f"{path} has no text layer (it is probably a scan): export the PDF again from Word, "
                        "or import the Word document instead.")
    return text


def _docx(path: Path) -> list[Block]:
    """Blocks from a Word document, in reading order."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
        return [block for item in document.iter_inner_content() for block in _docx_item(item)]
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise CannotRun(f"{path} cannot be read as a Word document: {err}.") from err


def _docx_item(item) -> list[Block]:
    from docx.table import Table

    if isinstance(item, Table):  # a merged cell is repeated in each column it spans, so columns stay in line
        rows = [[tidy(cell.text) for cell in row.cells] for row in item.rows]
        return [_table(rows)] if any(any(row) for row in rows) else []
    blocks = _docx_paragraph(item)
    for box in item._p.xpath("./w:r//w:txbxContent[not(ancestor::*[local-name()='Fallback'])]//w:p"):
        from docx.text.paragraph import Paragraph

        blocks += _docx_paragraph(Paragraph(box, item._parent))
    return blocks


def _docx_paragraph(paragraph) -> list[Block]:
    from docx.text.hyperlink import Hyperlink

    parts, printed, links = [], [], []
    for piece in paragraph.iter_inner_content():
        printed.append(piece.text)
        if isinstance(piece, Hyperlink):
            address = piece.url
            links.append((piece.text, address))
            parts.append(piece.text if not WEB_ADDRESS.match(address) or piece.text == address
                         else f"{piece.text} ({address})")
        else:
            parts.append(piece.text)
    lines = [tidy(line) for line in "".join(parts).split("\n") if tidy(line)]
    if not lines:
        return []
    style = paragraph.style.name if paragraph.style is not None else ""
    heading = re.fullmatch(r"Heading (\d)", style)
    if heading:
        return [Block(HEADING, [" ".join(lines)], level=int(heading[1]))]
    numbering = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
    if style.startswith("List") or numbering is not None:
        depth = re.search(r"(\d)$", style)
        level = (numbering.ilvl.val if numbering is not None and numbering.ilvl is not None
                 else int(depth[1]) - 1 if depth else 0)
        return [Block(ITEM, [" ".join(lines)], level=level, ordered="Number" in style)]
    if len(links) == 1 and len(lines) == 1 and links[0][0].strip() == "".join(printed).strip() and links[0][1] \
            and not links[0][1].startswith(("mailto:", "tel:")):
        return [Block(PARAGRAPH, [tidy(links[0][0])], url=links[0][1])]
    return [Block(PARAGRAPH, lines)]
