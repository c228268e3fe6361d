"""Find contact details in text and turn a printed contact into the schema's contact fields, as printed.

Only what the text holds is taken: UK telephone numbers, email addresses, postcodes with the address lines above
them, and web addresses that start with http(s)://. Nothing is corrected or completed, so that the validator can
report stale or wrong details.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .blocks import HEADING, PARAGRAPH, Block

PHONE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d[\d\s()-]{7,15}\d")
EMAIL = re.compile(r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
POSTCODE = re.compile(r"\b(GIR 0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNPR-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})\b")
URL = re.compile(r"https?://[^\s<>()\[\]]*[^\s<>()\[\].,;:'\"]")
PERSON = re.compile(r"^[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,3}$")
_ORGANISATION = re.compile(r"\b(office|unit|team|manager|service|officer|council|commissioner|ofsted|department|"
                           r"directorate|inspectorate)\b", re.IGNORECASE)
_NAMED_IN = re.compile(r"\bcontact(?:ed)?\s+(?:the\s+)?(?P<name>[A-Z][\w'’ -]+?)\s+(?:by|on|at|via)\b")
_IS_NAME = re.compile(r"\bis\s+(?P<name>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2})\b")
_CONNECTIVES = {"or", "and", "tel", "telephone", "phone", "email", "e-mail", "write to"}


def phones(text: str) -> list[str]:
    """UK telephone numbers in the text, as printed."""
    found = []
    for match in PHONE.finditer(text):
        number = match.group().strip()
        digits = re.sub(r"\D", "", number)
        national = digits.startswith("0") and len(digits) in (10, 11)
        if national or (digits.startswith("44") and 11 <= len(digits) <= 13):
            found.append(number)
    return found


def postcodes(text: str) -> list[str]:
    return POSTCODE.findall(text)


def has_details(text: str, postcode_only: bool = False) -> bool:
    """Whether the text holds a postcode (and, unless postcode_only, a phone number, email or web address)."""
    if postcodes(text):
        return True
    return not postcode_only and bool(phones(text) or EMAIL.search(text) or URL.search(text))


@dataclass
class Group:
    """Consecutive blocks that print one contact, and the sentence that introduces them."""

    blocks: list[Block]
    lead_in: str = ""

    @property
    def text(self) -> str:
        return " ".join(b.words() for b in self.blocks)


@dataclass
class Contact:
    """A contact as the document prints it, in the schema's fields."""

    name: str = ""
    lines: list[str] = field(default_factory=list)
    postcode: str = ""
    phones: list[str] = field(default_factory=list)
    email: str = ""
    website: str = ""

    @property
    def reachable(self) -> bool:
        return bool(self.phones or self.email or self.postcode)

    def fields(self) -> dict:
        found: dict = {}
        if self.name:
            found["name"] = self.name
        if self.postcode and self.lines:
            found["address"] = {"lines": self.lines, "postcode": self.postcode}
        if self.phones:
            found["phone"] = self.phones[0]
        if self.phones[1:]:
            found["other_phones"] = self.phones[1:]
        if self.email:
            found["email"] = self.email
        if self.website:
            found["website"] = self.website
        return found


def _short(block: Block) -> bool:
    text = block.text
    return (block.kind == PARAGRAPH and len(block.lines) == 1 and len(text.split()) <= 8
            and not text.endswith((".", ";", ":")))


def groups(blocks: list[Block]) -> list[Group]:
    """Every run of blocks that prints contact details: blocks with details, and the short lines (names, address
    lines) among and before them. A heading or a sentence without details ends a run; a sentence with details
    after other details starts a new one (it is about someone else)."""
    found: list[Group] = []
    run: list[Block] = []
    lead_in = ""

    def close():
        while run and not has_details(run[-1].words()):
            run.pop()
        if run:
            found.append(Group(list(run), lead_in))
        run.clear()

    for block in [*blocks, Block(HEADING, [""])]:
        detailed = block.kind != HEADING and has_details(block.words())
        if detailed and block.text.endswith(".") and not _short(block) and any(has_details(b.words()) for b in run):
            close()
            lead_in = ""
        if detailed or (block.kind != HEADING and _short(block)):
            run.append(block)
            continue
        close()
        lead_in = "" if block.kind == HEADING else block.text
    return found


def _names(text: str, anchors: list[re.Pattern]) -> bool:
    """Whether a line above an address names whose address it is (not a street or a town)."""
    return not has_details(text) and (any(p.search(text) for p in anchors) or bool(_ORGANISATION.search(text)))


def contact(group: Group, anchors: list[re.Pattern]) -> Contact:
    """The contact a group prints: its name, address, numbers, email and web address."""
    found = Contact()
    text = group.text
    found.phones = phones(text)
    email = EMAIL.search(text)
    found.email = email.group() if email else ""
    website = URL.search(text)
    found.website = website.group() if website else ""
    at = next((i for i, b in enumerate(group.blocks) if postcodes(b.text)), None)
    above: list[str] = []
    if at is not None:
        block = group.blocks[at]
        line = next(line for line in block.lines if postcodes(line))
        found.postcode = postcodes(line)[0]
        above = [b.text for b in group.blocks[:at] if _short(b) and b.text.lower() not in _CONNECTIVES
                 and not has_details(b.text)]
        above += block.lines[:block.lines.index(line)]
        last = line.split(found.postcode)[0]
    if above and _names(above[0], anchors):
        found.name = above.pop(0)
    elif above and PERSON.match(above[0].split(",")[0].strip()):
        above.pop(0)  # a person's name and post, printed above their address
    if not found.name:
        introduced = f"{group.lead_in} {group.blocks[0].text}"
        named = _NAMED_IN.search(introduced) or _IS_NAME.search(introduced)
        found.name = named["name"].strip() if named else ""
    if at is not None:
        found.lines = [part.strip() for printed in [*above, last] for part in printed.split(",")
                       if part.strip(" :") and not has_details(part)]
    return found


def find_contact(blocks: list[Block], anchors: list[re.Pattern]) -> Contact | None:
    """The first contact in the blocks whose text (or introduction) names whose contact it is."""
    candidates = []
    for group in groups(blocks):
        named = any(p.search(group.text) or p.search(group.lead_in) for p in anchors)
        if named:
            candidates.append(contact(group, anchors))
    reachable = [c for c in candidates if c.reachable]
    return (reachable or [c for c in candidates if c.website] or [None])[0]
