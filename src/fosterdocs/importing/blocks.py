"""What every reader turns a document into: headings, paragraphs, list items and tables, in order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HEADING, PARAGRAPH, ITEM, TABLE = "heading", "paragraph", "item", "table"

_EMPHASIS = re.compile(r"\*\*|__")
_SINGLE_EMPHASIS = re.compile(r"(?<![\w*\\])\*([^\s*\\](?:[^*]*[^\s*\\])?)\*(?![\w*])")
_LINK = re.compile(r"\[((?:[^\]\\]|\\.)*)\]\(([^)\s]*)\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_SPACE = re.compile(r"\s+")
_BROKEN = re.compile(r"[A-Za-z]-$|\S/$")
WEB_ADDRESS = re.compile(r"^https?://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?([/?#]\S*)?$")


@dataclass
class Block:
    """One piece of a document: a heading (level 0 when unknown), a paragraph of one or more printed lines, a list
    item (level = depth) or a table."""

    kind: str
    lines: list[str] = field(default_factory=list)
    level: int = 0
    ordered: bool = False
    rows: list[list[str]] = field(default_factory=list)
    url: str = ""  # a paragraph that is only a link to a web address

    @property
    def text(self) -> str:
        """The lines as one text; a word broken after a hyphen or slash at the end of a line is joined up again."""
        joined = ""
        for line in self.lines:
            glue = "" if not joined or (_BROKEN.search(joined) and line[:1].isalnum()) else " "
            joined += glue + line
        return joined

    def words(self) -> str:
        """All the text of the block, tables included, for searching."""
        return " ".join(cell for row in self.rows for cell in row) if self.kind == TABLE else self.text


def tidy(text: str) -> str:
    """Text with runs of white space made single and the ends trimmed."""
    return _SPACE.sub(" ", text).strip()


def plain(text: str) -> tuple[str, str]:
    """Light markdown (emphasis, links, escapes) removed, keeping each link's web address; and, when the text is
    only a link, its target as printed (even a broken one such as '#', so that the validator reports it)."""
    text = _AUTOLINK.sub(r"\1", text)
    link = _LINK.fullmatch(text.strip())
    only_url = link[2] if link and link[2] and not link[2].startswith(("mailto:", "tel:")) else ""
    text = _LINK.sub(lambda m: m[1] if only_url or not WEB_ADDRESS.match(m[2]) or m[1] == m[2]
                     else f"{m[1]} ({m[2]})", text)
    text = _ESCAPE.sub(r"\1", _SINGLE_EMPHASIS.sub(r"\1", _EMPHASIS.sub("", text)))
    return tidy(text), only_url
