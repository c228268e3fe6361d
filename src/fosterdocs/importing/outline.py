"""Find a document's headings and how deep each one is, when its styles do not say.

A heading is a line standing on its own: short, starting with a capital or a number, not ending like a sentence,
and not part of an address or a contact line. Which headings are top-level comes from the first signal found:
heading styles; a table of contents; numbered headings ('6. Management and Staffing'); or headings in capitals.
With none of these, depth is left unknown (0) and the section mapper decides from the words.
"""

from __future__ import annotations

import re
from typing import Callable

from .blocks import HEADING, PARAGRAPH, TABLE, Block
from .contacts import has_details
from .keywords import Keywords

MAX_HEADING_CHARS = 100
MAX_HEADING_WORDS = 14
ADDRESS_LINE_WORDS = 8
MIN_SIGNALS = 3  # numbered or capitalised headings needed before they are taken as the top level

_NUMBERED = re.compile(r"^(\d{1,2})(\.\d{1,2})*[.)]?\s+\S")
_LABEL = re.compile(r"^[^:]{1,40}:\s*\S")
_PAGE_NUMBER = re.compile(r"[\s.…_]*\d{1,3}\s*$")


def key(text: str) -> str:
    """A heading reduced to its letters and digits, for comparing it with a contents entry."""
    return re.sub(r"[^a-z0-9]", "", re.sub(r"^\d{1,2}(\.\d{1,2})*[.)]?\s+", "", text.lower()))


def is_address_line(block: Block) -> bool:
    text = block.text
    return (block.kind == PARAGRAPH and len(block.lines) == 1 and len(text.split()) <= ADDRESS_LINE_WORDS
            and not text.endswith((".", ":", ";")))


def _address_runs(blocks: list[Block]) -> set[int]:
    """Indexes of the lines of printed addresses: the short lines above a line that holds a postcode."""
    found: set[int] = set()
    for index, block in enumerate(blocks):
        if block.kind == PARAGRAPH and has_details(block.text, postcode_only=True):
            found.add(index)
            before = index - 1
            while before >= 0 and index - before <= 5 and is_address_line(blocks[before]):
                found.add(before)
                before -= 1
    return found


def _candidate(block: Block) -> bool:
    text = block.text
    if block.kind != PARAGRAPH or len(block.lines) != 1 or block.url:
        return False
    if not (2 <= len(text) <= MAX_HEADING_CHARS) or len(text.split()) > MAX_HEADING_WORDS:
        return False
    if not (text[0].isupper() or text[0].isdigit()) or sum(c.isalpha() for c in text) < 2:
        return False
    if text.endswith((".", ",", ";")) or (text.endswith(":") and not _NUMBERED.match(text)):
        return False
    return not _LABEL.match(text) and not has_details(text)


def _contents(blocks: list[Block], keywords: Keywords) -> set[str]:
    """The entries of a table of contents, as keys; empty when the document has none."""
    for index, block in enumerate(blocks[:-1]):
        if block.kind in (HEADING, PARAGRAPH) and len(block.text) < 30 and \
                any(p.fullmatch(block.text.strip().rstrip(":")) for p in keywords.contents):
            following = blocks[index + 1]
            lines = [" ".join(row) for row in following.rows] if following.kind == TABLE else following.lines
            entries = {key(_PAGE_NUMBER.sub("", line)) for line in lines if _PAGE_NUMBER.search(line)}
            entries.discard("")
            if len(entries) >= MIN_SIGNALS:
                return entries
    return set()


def _is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def outline(blocks: list[Block], keywords: Keywords) -> list[Block]:
    """The blocks with their headings found; headings get level 1 (top), 2 or more (below), or 0 (unknown)."""
    addresses = _address_runs(blocks)
    styled = [b for b in blocks if b.kind == HEADING]
    found = [Block(HEADING, b.lines) if i not in addresses and _candidate(b) else b for i, b in enumerate(blocks)]
    if styled:
        ranks = sorted({b.level for b in styled})
        ids = {id(b) for b in styled}
        for block in found:
            if block.kind == HEADING:
                block.level = ranks.index(block.level) + 1 if id(block) in ids else len(ranks) + 1
        return found
    headings = [b for b in found if b.kind == HEADING]
    top = _top_level(headings, _contents(blocks, keywords))
    if top is None:
        return found
    for block in headings:
        numbered = _NUMBERED.match(block.text)
        block.level = 1 if top(block) else 2
        if block.level == 1 and numbered and numbered[2]:
            block.level = 2  # '2.1 Our panel' sits under '2. ...'
    return found


def _top_level(headings: list[Block], contents: set[str]) -> Callable[[Block], bool] | None:
    """How this document marks its top-level headings: the first signal it gives, or None."""
    if contents:
        return lambda block: key(block.text) in contents
    if sum(1 for b in headings if _NUMBERED.match(b.text)) >= MIN_SIGNALS:
        return lambda block: bool(_NUMBERED.match(block.text))
    if sum(1 for b in headings if _is_capitals(b.text)) >= MIN_SIGNALS:
        return lambda block: _is_capitals(block.text)
    return None
