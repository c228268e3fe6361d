"""Place each headed part of a document in a section of the statement of purpose, by the words of its heading
and, when the heading names no section, by the words of its text.

A top-level heading starts (or continues) the section it names; a top-level heading that names none becomes an
`unmapped` part. A lower heading stays inside the section above it unless it clearly names another section that
has not started yet. Text before the first section (a title page, a table of contents) is front matter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import HEADING, Block
from .keywords import STRONG, Keywords
from .outline import outline

CONTENT_MIN = 3  # topic words a passage needs before its text alone places it


@dataclass
class Part:
    """A heading, the blocks under it, and the parts under it."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    level: int = 1

    def all_blocks(self) -> list[Block]:
        """Every block of the part and of the parts under it, in order, each part's heading included."""
        found = list(self.blocks)
        for part in self.parts:
            found += [Block(HEADING, [part.title]), *part.all_blocks()]
        return found

    def text(self) -> str:
        return " ".join([self.title, *(b.words() for b in self.all_blocks())])

    def walk(self):
        """Every part under this one, depth first."""
        for part in self.parts:
            yield self, part
            yield from part.walk()


@dataclass
class Mapped:
    """A document placed in sections: front matter, sections by name, and what could not be placed, in the
    order the document prints them."""

    front: list[Block] = field(default_factory=list)
    sections: dict[str, Part] = field(default_factory=dict)
    unmapped: list[Part] = field(default_factory=list)
    order: list[tuple[str, Part]] = field(default_factory=list)  # ('', part) for an unmapped part


def _spans(blocks: list[Block]) -> list[tuple[Block | None, list[Block]]]:
    """Each heading with the blocks up to the next heading; blocks before the first heading get None."""
    spans: list[tuple[Block | None, list[Block]]] = [(None, [])]
    for block in blocks:
        if block.kind == HEADING:
            spans.append((block, []))
        else:
            spans[-1][1].append(block)
    return spans


def _text_until_next_top(spans, index: int) -> str:
    words = []
    for heading, body in spans[index:]:
        if words and heading is not None and heading.level == 1:
            break
        words += [heading.text if heading is not None else "", *(b.words() for b in body)]
    return " ".join(words)


def _by_content(keywords: Keywords, text: str, among: set[str], repeats: int = 1, least: int = CONTENT_MIN,
                settle_ties: bool = False) -> str:
    """The section among those given whose topic words the text uses most, when it clearly leads (or, settling
    ties, when its words come first)."""
    scores = {name: keywords.sections[name].content_score(text, repeats) for name in among}
    first = {name: keywords.sections[name].first_hit(text) for name in scores}
    ranked = sorted(scores.items(), key=lambda item: (-item[1], first[item[0]]))
    if ranked and ranked[0][1] >= least and (len(ranked) == 1 or ranked[0][1] > ranked[1][1] or
                                             (settle_ties and first[ranked[0][0]] < first[ranked[1][0]])):
        return ranked[0][0]
    return ""


def _choose(keywords: Keywords, scores: dict[str, int], own: str, span: str, started: dict) -> str:
    """The section a top-level heading names: its strongest match (a tie settled by the words of its own text),
    else, when its heading names nothing definite, a section not yet started that its whole text is about."""
    order = list(keywords.sections).index
    strong = {name for name, score in scores.items() if score >= STRONG}
    if strong:
        best = max(scores[name] for name in strong)
        tied = {name for name in strong if scores[name] == best}
        return _by_content(keywords, own, tied, repeats=5, least=1, settle_ties=True) or sorted(tied, key=order)[0]
    by_text = _by_content(keywords, span, set(keywords.sections) - set(started))
    if scores and (not by_text or by_text in scores):
        return sorted(scores, key=order)[0]
    return by_text


def _guess_level(keywords: Keywords, scores: dict[str, int], body: list[Block], started: dict) -> int:
    """With no styles, contents or numbering to go by: a heading is top-level when it names a section, or when
    its text is clearly about a section that has not started yet."""
    if max(scores.values(), default=0) >= STRONG:
        return 1
    own = " ".join(b.words() for b in body)
    return 1 if _by_content(keywords, own, set(keywords.sections) - set(started)) else 2


def map_sections(blocks: list[Block], keywords: Keywords) -> Mapped:
    """Sections, unmapped parts and front matter of a document."""
    found = outline(blocks, keywords)
    known_levels = any(b.kind == HEADING and b.level for b in found)
    spans = _spans(found)
    mapped = Mapped(front=list(spans[0][1]))
    stack: list[Part] = []  # the open parts, outermost first: stack[0] is a section or an unmapped part
    current, also = "", set()
    for index, (heading, body) in enumerate(spans[1:], start=1):
        text = heading.text
        scores = keywords.heading_scores(text)
        level = heading.level if known_levels else _guess_level(keywords, scores, body, mapped.sections)
        part = Part(text, list(body), level=max(level, 1))
        if not stack and level > 1:
            mapped.front += [heading, *body]
            continue
        if not stack and not scores and any(p.search(text) for p in keywords.title):
            name = ""  # the document's title, printed as a heading
        elif level <= 1:
            own = " ".join(b.words() for b in body)
            span = _text_until_next_top(spans, index) if known_levels else own
            name = _choose(keywords, scores, own, span, mapped.sections)
            also = {n for n, s in scores.items() if n != name and s >= STRONG}
        elif current and scores.get(current):
            name = ""
        else:
            best = max(scores, key=scores.get, default="")
            promote = best and best not in mapped.sections and (scores[best] >= STRONG or best in also)
            name = best if promote else ""
        if name in mapped.sections:  # a top-level heading for a section already started: it continues there
            mapped.sections[name].parts.append(part)
            stack, current = [mapped.sections[name], part], name
        elif name:
            part.level = 1
            mapped.sections[name] = part
            mapped.order.append((name, part))
            stack, current = [part], name
        elif level <= 1:
            mapped.unmapped.append(part)
            mapped.order.append(("", part))
            stack, current, also = [part], "", set()
        else:
            while len(stack) > 1 and stack[-1].level >= part.level:
                stack.pop()
            part.level = stack[-1].level + 1
            stack[-1].parts.append(part)
            stack.append(part)
    _anchor(mapped, keywords)
    return mapped


def _anchor(mapped: Mapped, keywords: Keywords) -> None:
    """Give a missing section the first lower part, anywhere, whose own text is specific to it."""
    for name, words in keywords.sections.items():
        if name in mapped.sections or not words.anchors:
            continue
        placed = next(((position, parent, part) for position, (_, top) in enumerate(mapped.order)
                       for parent, part in top.walk() if words.anchored(" ".join(b.words() for b in part.blocks))),
                      None)
        if placed:
            position, parent, part = placed
            parent.parts.remove(part)
            mapped.sections[name] = part
            mapped.order.insert(position + 1, (name, part))
