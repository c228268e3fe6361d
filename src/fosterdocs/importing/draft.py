"""Build the draft statement of purpose from the placed text: each section's title, content blocks and
subsections, its structured fields, and the unmapped parts last."""

from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import HEADING, ITEM, PARAGRAPH, TABLE, Block
from .contacts import Contact, find_contact
from .fields import (
    Manager,
    complaint_stages,
    document_fields,
    management_structure,
    numbers_fields,
    registered_manager,
    related_documents,
    services_fields,
    staffing_fields,
)
from .keywords import Keywords
from .mapper import CONTENT_MIN, Mapped, Part


@dataclass
class Draft:
    """The draft's data; the registered manager it names (whose details belong in service.yaml); and, for each
    section it lacks, the heading under which the document talks about that section's topic, if it does."""

    data: dict
    manager: Manager | None
    covered: dict[str, str] = field(default_factory=dict)


def content(blocks: list[Block]) -> list:
    """Schema content blocks: paragraphs as text, links, lists (nested by depth) and tables."""
    out: list = []
    items: list[Block] = []
    for block in [*blocks, Block(HEADING, [""])]:
        if block.kind == ITEM:
            items.append(block)
            continue
        if items:
            out.append(_list(items))
            items = []
        if block.kind == PARAGRAPH and block.text:
            out.append({"link": {"text": block.text, "url": block.url}} if block.url else block.text)
        elif block.kind == TABLE and len(block.rows) >= 2:
            out.append({"table": {"header": block.rows[0], "rows": block.rows[1:]}})
        elif block.kind == TABLE:
            out += [cell for row in block.rows for cell in row if cell]
        elif block.kind == HEADING and block.text:
            out.append(block.text)
    return out


def _list(items: list[Block]) -> dict:
    top: list[list] = []
    stack: list[tuple[int, list]] = []
    for item in items:
        node: list = [item.text, []]
        while stack and stack[-1][0] >= item.level:
            stack.pop()
        (stack[-1][1][1] if stack else top).append(node)
        stack.append((item.level, node))

    def written(node: list):
        return {"text": node[0], "list": [written(n) for n in node[1]]} if node[1] else node[0]

    listed: dict = {"list": [written(node) for node in top]}
    if items[0].ordered:
        listed["ordered"] = True
    return listed


def part_data(part: Part, heading: str = "title") -> dict:
    """A part as a section or subsection: its heading, content and subsections."""
    data: dict = {heading: part.title}
    blocks = content(part.blocks)
    if blocks:
        data["content"] = blocks
    if part.parts:
        data["subsections"] = [part_data(sub) for sub in part.parts]
    return data


def _team(team: dict) -> dict:
    blocks = content(team.get("blocks", []))
    return {"name": team["name"], **({"content": blocks} if blocks else {}),
            **{key: value for key, value in team.items() if key not in ("name", "blocks")}}


def _contact(found: Contact | None) -> dict | None:
    return found.fields() if found is not None and (found.reachable or found.website) else None


def assemble(mapped: Mapped, keywords: Keywords) -> Draft:
    """The draft statement: every section found, in the document's order, then what could not be placed."""
    anchors = keywords.contacts
    data: dict = {"document": document_fields(mapped, keywords)}
    manager = registered_manager(mapped, keywords)
    everything = [b for _, part in mapped.order for b in [Block(HEADING, [part.title]), *part.all_blocks()]]
    for name, part in mapped.order:
        if not name:
            continue
        extra: dict = {}
        if name == "staffing":
            extra = staffing_fields(part, keywords)
            extra["teams"] = [_team(team) for team in extra.get("teams", [])] or None
            extra = {key: value for key, value in extra.items() if value}
        elif name == "numbers":
            extra = numbers_fields(part)
        elif name == "services":
            extra = services_fields(part, mapped, keywords)
        elif name == "management":
            structure = management_structure(part)
            extra = {"structure": structure} if structure else {}
            if manager is not None:
                extra["registered_manager"] = {"use": "service/registered_manager"}
        elif name == "complaints":
            stages = complaint_stages(part, keywords)
            extra = {"stages": stages} if stages else {}
            found = _contact(find_contact(part.all_blocks(), anchors["complaints"]))
            extra.update({"contact": found} if found else {})
        elif name == "advocacy":
            found = _contact(find_contact(part.all_blocks(), anchors["advocacy"]))
            extra = {"contact": found} if found else {}
        elif name == "regulators":
            ofsted = _contact(find_contact(part.all_blocks(), anchors["ofsted"]))
            commissioner = _contact(find_contact(part.all_blocks(), anchors["childrens_commissioner"])
                                    or find_contact(everything, anchors["childrens_commissioner"]))
            extra = {key: value for key, value in (("ofsted", ofsted), ("childrens_commissioner", commissioner))
                     if value}
        data[name] = {**part_data(part), **extra}
    related = related_documents(mapped, keywords)
    if related:
        data["related_documents"] = related
    unmapped = ([{"content": content(mapped.front)}] if content(mapped.front) else []) + \
        [part_data(part, "heading") for part in mapped.unmapped]
    if unmapped:
        data["unmapped"] = unmapped
    return Draft(data, manager, _covered(mapped, keywords))


def _covered(mapped: Mapped, keywords: Keywords) -> dict[str, str]:
    """For each section not found: the part that uses most of its topic words, when it uses enough of them."""
    parts = [p for _, top in mapped.order for p in [top, *(sub for _, sub in top.walk())]]
    covered = {}
    for name, words in keywords.sections.items():
        if name in mapped.sections or not words.content:
            continue
        scored = [(words.content_score(" ".join(b.words() for b in part.blocks)), part.title) for part in parts]
        score, title = max(scored, default=(0, ""), key=lambda pair: pair[0])
        if score >= CONTENT_MIN:
            covered[name] = title
    return covered
