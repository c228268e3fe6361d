"""Take the schema's structured fields out of the placed text: the document's title, dates and review commitment;
household figures; complaint stages; staff teams and qualifications; kinds of fostering; the registered manager.

Every value is copied from the text as printed (dates are only rewritten as YYYY-MM-DD); nothing is made up.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from .blocks import HEADING, ITEM, PARAGRAPH, TABLE, Block
from .contacts import PERSON, Contact, contact, groups
from .keywords import Keywords
from .mapper import Mapped, Part

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_LONG_DATE = re.compile(r"\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?(" + "|".join(sorted(_MONTHS, key=len, reverse=True))
                        + r")\.?,?\s+(\d{4})\b", re.IGNORECASE)
_SHORT_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")
_PERIOD = re.compile(r"\b(20\d\d)\s*[-–/]\s*(20\d\d|\d\d)\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_COUNT = r"(?P<count>\d+(?:\.\d+)?)"
_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_STAFF_LINE = re.compile(rf"^{_COUNT}\s*(?:x\s*)?"
                         r"(?:\((?:whole time|full time|FT) equivalent\)\s*|F/T\s+|P/T\s+|FTE\s+)*"
                         r"(?P<role>[A-Za-z].*?)[.,;]?$", re.IGNORECASE)
_CONSISTS = re.compile(r"\bteams?\s+(?:consists? of|comprises?|is made up of)\s*:?\s*(?P<rest>.*?)(?:\.(?=\s|$)|$)",
                       re.IGNORECASE)
_FIGURE = re.compile(r"^(?P<count>\d[\d,]*)\s+(?P<label>\S.*)$")
_WORDS = r"(?:\s+[A-Za-z/&'’-]+){0,6}?"
_HOUSEHOLDS = re.compile(rf"(?P<figures>\d[\d,]*{_WORDS}(?:\s+and\s+\d[\d,]*{_WORDS})*)\s+households\b", re.IGNORECASE)
_CHILDREN = re.compile(r"(?P<count>\d[\d,]*)\s+(?:children|young people)(?:\s+and\s+young\s+people)?\s+"
                       r"(?:placed|in placement|living with|looked after by)", re.IGNORECASE)
_AS_AT = re.compile(r"\b(?:as\s+(?:at|of)|on|at)\s+(?P<date>.{6,24}?\d{2,4})\b", re.IGNORECASE)
_STAGE = re.compile(r"^(?P<name>stage\s+(?:\d|one|two|three|four))\s*[-–—:.]?\s*(?P<rest>.*)$", re.IGNORECASE)
_WORKING_DAYS = re.compile(r"within\s+(?:a\s+further\s+|another\s+)?(\d+)\s+working\s+days", re.IGNORECASE)
_EXTENDED = re.compile(r"(?:up to|extended to|maximum of)\s+(\d+)\s+working\s+days", re.IGNORECASE)
_LABELLED = re.compile(r"^(?P<label>[A-Za-z][^:]{0,40}?)\s*:\s*(?P<value>.*)$")
_PERSON_LABELS = {"qualifications": re.compile(r"^qualifications?\s*:\s*(.+)$", re.IGNORECASE),
                  "experience": re.compile(r"^experience\s*:\s*(.+)$", re.IGNORECASE)}


def written_date(text: str) -> str:
    """A date as printed ('31st March 2024', 'March 2025', '31.03.22') as YYYY-MM-DD or YYYY-MM; '' if none."""
    match = _ISO_DATE.search(text)
    if match:
        return match.group(0)
    match = _LONG_DATE.search(text)
    if match:
        day, month, year = match[1], _MONTHS[match[2].lower()], match[3]
        return f"{year}-{month:02d}-{int(day):02d}" if day else f"{year}-{month:02d}"
    match = _SHORT_DATE.search(text)
    if match:
        year = match[3] if len(match[3]) == 4 else f"20{match[3]}"
        return f"{year}-{int(match[2]):02d}-{int(match[1]):02d}"
    return ""


def sentences(blocks: list[Block]) -> list[str]:
    """The sentences of the paragraphs and list items among the blocks."""
    return [s for b in blocks if b.kind in (PARAGRAPH, ITEM) for s in _SENTENCE.split(b.text) if s]


def _number(text: str) -> float | int | None:
    text = text.lower().replace(",", "")
    if text in _WORD_NUMBERS:
        return _WORD_NUMBERS[text]
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if value.is_integer() else value


# --- the document: title page and review commitment -----------------------------------------------------------

def document_fields(mapped: Mapped, keywords: Keywords) -> dict:
    """Title, period, dates and people printed on the title page, and how often the statement is reviewed."""
    found: dict = {}
    front = [b for b in mapped.front if b.kind != TABLE]
    first_titled = next((b for b in [*front, *(Block(HEADING, [p.title]) for _, p in mapped.order[:1])]
                         if any(p.search(b.text) for p in keywords.title)), None)
    title = first_titled or next((b for b in front if b.text), None)
    if title is not None:
        found["title"] = title.text
        after = front[front.index(title) + 1: front.index(title) + 2] if title in front else []
        period = next((m for b in [title, *after] if (m := _PERIOD.search(b.text))), None)
        if period:
            found["period"] = period.group(0)
    found.update(_labelled(front, keywords))
    about = _about_the_statement([*mapped.front, *(b for _, part in mapped.order for b in part.all_blocks())])
    for name, date_text in _dates_in_text(about, keywords).items():
        found.setdefault(name, date_text)
    commitment = [s for s in about if any(p.search(s) for p in keywords.review_commitment)]
    if commitment:
        found["review_commitment"] = " ".join(dict.fromkeys(commitment))
    return found


def _about_the_statement(blocks: list[Block]) -> list[str]:
    """Sentences that name the statement, and those that follow one in the same paragraph ('This Statement of
    Purpose fulfils... To be presented for approval... in September each year.')."""
    found = []
    for block in blocks:
        if block.kind not in (PARAGRAPH, ITEM):
            continue
        named = False
        for sentence in (s for s in _SENTENCE.split(block.text) if s):
            names = bool(re.search(r"\bstatement\b", sentence, re.IGNORECASE))
            if names or named:
                found.append(sentence)
            named = names
    return found


def _dates_in_text(about: list[str], keywords: Keywords) -> dict:
    """The approval and review dates sentences about the statement print ('approved by the Board on 14 October
    2024 and will be reviewed by October 2025'): the first date within a few words after each keyword."""
    found: dict = {}
    for name, patterns in keywords.in_text.items():
        for sentence in about:
            dated = [written_date(sentence[m.end():m.end() + 40]) for p in patterns for m in p.finditer(sentence)]
            dated = [d for d in dated if d]
            if dated:
                found[name] = dated[0]
                break
    return found


def _labelled(front: list[Block], keywords: Keywords) -> dict:
    """Fields printed as 'Label: value', or as a label line followed by its value."""
    found: dict = {}
    index = 0
    while index < len(front):
        match = _LABELLED.match(front[index].text)
        index += 1
        if not match:
            continue
        value = match["value"].strip()
        if not value:
            values = []
            while index < len(front) and not _LABELLED.match(front[index].text):
                values.append(front[index].text)
                index += 1
            value = ", ".join(values)
        name = next((name for name, patterns in keywords.fields.items()
                     if any(p.fullmatch(match["label"].strip()) for p in patterns)), None)
        if not name or not value or name in found:
            continue
        if name in ("next_review_due", "published_on", "approved_on"):
            found[name] = written_date(value) or value
        elif name == "author":
            found[name] = {"name": value}
        else:
            found[name] = value
    return found


# --- numbers of households and children ---------------------------------------------------------------------

def numbers_fields(part: Part) -> dict:
    """Households by kind, the total, children placed and the date they describe."""
    blocks = part.all_blocks()
    found: dict = {}
    listed = [m for b in blocks if b.kind == ITEM and (m := _FIGURE.match(b.text))]
    texts = sentences([b for b in blocks if b.kind == PARAGRAPH])
    households = [{"label": m["label"].strip(), "count": int(m["count"].replace(",", ""))} for m in listed]
    for sentence in texts:
        for match in _HOUSEHOLDS.finditer(sentence):
            pieces = re.split(r"\s+and\s+(?=\d)", match["figures"])
            figures = [re.match(r"(\d[\d,]*)\s*(.*)", piece) for piece in pieces]
            if len(figures) == 1 and listed:
                found.setdefault("total_households", int(figures[0][1].replace(",", "")))
            else:
                households += [{"label": f"{figure[2].strip()} households".strip(),
                                "count": int(figure[1].replace(",", ""))} for figure in figures]
        children = _CHILDREN.search(sentence)
        if children and "children_placed" not in found:
            found["children_placed"] = int(children["count"].replace(",", ""))
        when = _AS_AT.search(sentence)
        if when and "as_at" not in found and (_HOUSEHOLDS.search(sentence) or children):
            date = written_date(when["date"])
            if date:
                found["as_at"] = date
    if households:
        found["households"] = households
    return {key: found[key] for key in ("as_at", "households", "total_households", "children_placed") if key in found}


# --- the complaints procedure -------------------------------------------------------------------------------

def complaint_stages(part: Part, keywords: Keywords) -> list[dict]:
    """The stages of the complaints procedure, with their timescales as printed."""
    blocks = [b for b in part.all_blocks() if b.kind in (PARAGRAPH, ITEM)]
    named = [(m["name"], m["rest"], b.text) for b in blocks if (m := _STAGE.match(b.text))]
    if not named:
        count = next((_number(m["count"]) for s in sentences(blocks) for p in keywords.complaint_stages
                      if (m := p.search(s))), None)
        items = _first_list(part, count) if count else []
        named = [(f"Stage {i}", item.text, item.text) for i, item in enumerate(items, start=1)]
    stages = []
    for name, description, text in named:
        stage: dict = {"name": name}
        if description.strip():
            stage["description"] = description.strip()
        days = _WORKING_DAYS.search(text)
        if days:
            stage["working_days"] = int(days[1])
        longer = _EXTENDED.search(text)
        if longer and days and int(longer[1]) > int(days[1]):
            stage["extendable_to"] = int(longer[1])
        stages.append(stage)
    return stages


def _first_list(part: Part, count: int) -> list[Block]:
    """The first `count` items of the first list in the part that has at least that many."""
    run: list[Block] = []
    for block in [*part.all_blocks(), Block(HEADING, [""])]:
        if block.kind == ITEM and block.level == 0:
            run.append(block)
        elif block.kind != ITEM:
            if len(run) >= count:
                return run[:count]
            run = []
    return []


# --- staff ---------------------------------------------------------------------------------------------------

def staffing_fields(part: Part, keywords: Keywords) -> dict:
    """Teams (with their staff numbers where printed) and the staff's qualifications. A team's own part moves into
    the team, its text as `blocks`."""
    wording = [s for s in sentences(part.all_blocks()) if any(p.search(s) for p in keywords.qualifications)]
    teams = []
    own = _staff(part.blocks)
    if own:
        teams.append({"name": part.title, "staff": own})
    for sub in list(part.parts):
        if re.search(r"\bteams?\b", sub.title, re.IGNORECASE) and not sub.parts:
            team: dict = {"name": sub.title, "blocks": sub.blocks}
            staff = _staff(sub.blocks)
            if staff:
                team["staff"] = staff
            teams.append(team)
            part.parts.remove(sub)
    for item in (b for b in part.blocks if b.kind == ITEM):
        label = re.match(r"^([A-Z][\w &()'-]*?\bTeams?\b[^:]{0,20}):", item.text)
        if label and not any(t["name"] == label[1] for t in teams):
            teams.append({"name": label[1].strip()})
    found: dict = {"teams": teams} if teams else {}
    if wording:
        found["qualifications"] = " ".join(dict.fromkeys(wording))
    return found


def _staff(blocks: list[Block]) -> list[dict]:
    """Posts and their numbers, from lists like '6.5 Supervising Social Workers' or 'consists of one Team
    Manager, two Reviewing Officers and eight Supervising Social Workers'."""
    staff = []
    for block in blocks:
        lines = block.lines if block.kind == PARAGRAPH and len(block.lines) > 1 and \
            all(len(line) < 60 for line in block.lines) else []
        if block.kind == ITEM:
            lines = [block.text]
        counted = [m for line in lines if (m := _STAFF_LINE.match(line))]
        if counted and len(counted) * 2 >= len(lines):
            staff += [{"role": m["role"].strip(), "count": _number(m["count"])} for m in counted]
        consists = _CONSISTS.search(block.text) if block.kind == PARAGRAPH else None
        if consists and consists["rest"]:
            for piece in re.split(r",\s*|\s+and\s+", consists["rest"].rstrip(".")):
                words = piece.split(maxsplit=1)
                count = _number(words[0]) if len(words) == 2 else None
                if count is not None:
                    staff.append({"role": words[1].strip(), "count": count})
    return staff


# --- services ------------------------------------------------------------------------------------------------

def services_fields(part: Part, mapped: Mapped, keywords: Keywords) -> dict:
    """The kinds of fostering the services section names, and what the statement says about parent and child."""
    found: dict = {}
    text = part.text()
    kinds = []
    for pattern in keywords.fostering_types:
        match = pattern.search(text)
        if match and match.group(0).lower() not in {k.lower() for k in kinds}:
            kinds.append(match.group(0))
    if kinds:
        found["types_of_fostering"] = [{"name": kind} for kind in kinds]
    everywhere = [s for _, p in mapped.order for s in sentences(p.all_blocks())]
    parent = next((s for s in sentences(part.all_blocks()) + everywhere
                   if re.search(r"\bparent (and|&) child\b|\bplaced with their parent", s, re.IGNORECASE)), None)
    if parent:
        found["parent_and_child"] = parent
    return found


# --- management ---------------------------------------------------------------------------------------------

STRUCTURE_COLUMNS = (2, 4)  # a post-by-post structure table; wider tables (a column per team) stay as content


def management_structure(part: Part) -> dict | None:
    """The first table of the management section shaped like a structure (a few columns, a row per post),
    taken out of the content."""
    for owner in [part, *(sub for _, sub in part.walk())]:
        for block in owner.blocks:
            if block.kind == TABLE and len(block.rows) >= 2 and \
                    STRUCTURE_COLUMNS[0] <= len(block.rows[0]) <= STRUCTURE_COLUMNS[1] and all(block.rows[0]):
                owner.blocks.remove(block)
                return {"header": block.rows[0], "rows": block.rows[1:]}
    return None


# --- strategies and plans ----------------------------------------------------------------------------------

_CONNECTORS = {"and", "of", "for", "the", "to", "in", "on", "&", "–", "-"}


def related_documents(mapped: Mapped, keywords: Keywords) -> list[dict]:
    """Strategies, plans and policies named with the years they cover ('Voice Strategy 2020-2023')."""
    found: dict[str, str] = {}
    for block in (b for _, part in mapped.order for b in part.all_blocks() if b.kind in (PARAGRAPH, ITEM)):
        for period in _PERIOD.finditer(block.text):
            words = block.text[:period.start()].split()
            run: list[str] = []
            for word in reversed(words):
                if not (word[:1].isupper() or word.lower() in _CONNECTORS) or word.endswith((".", ",", ":", ";")):
                    break
                run.insert(0, word)
            while run and run[0].lower() in _CONNECTORS:
                run.pop(0)
            while run and run[-1].lower() in _CONNECTORS:
                run.pop()
            title = " ".join(run)
            if len(run) >= 2 and any(p.fullmatch(word.strip("()")) for word in run for p in keywords.related_documents):
                found.setdefault(title, period.group(0))
    return [{"title": title, "period": period} for title, period in found.items()]


# --- the registered manager ----------------------------------------------------------------------------------

@dataclass
class Manager:
    """The registered manager as the statement names them: a person, or only a post."""

    name: str = ""
    role: str = ""
    where: str = ""
    contact: Contact | None = None
    details: dict = field(default_factory=dict)


def registered_manager(mapped: Mapped, keywords: Keywords) -> Manager | None:
    """Who the statement says the registered manager is, with the details printed with them."""
    for _, part in mapped.order:
        blocks = part.all_blocks()
        for index, block in enumerate(blocks):
            if block.kind not in (PARAGRAPH, ITEM):
                continue
            for pattern in keywords.registered_manager:
                match = pattern.search(block.text)
                if not match:
                    continue
                after = block.text[match.end():]
                before = block.text[:match.start()]
                post = re.match(r"^\s*(?:of [^.:]*?)?\s*is\s*:?\s*(?P<who>[^.]*)", after)
                if post is not None and post["who"][:1].islower():
                    continue  # 'the registered manager is responsible for...'
                if post is not None:
                    who = post["who"].strip() or (blocks[index + 1].lines[0] if index + 1 < len(blocks)
                                                  and blocks[index + 1].kind == PARAGRAPH else "")
                    if who:
                        return _manager(who, blocks[index + 1:], part.title)
                    continue
                role = re.search(r"(?:^|\.\s+)(?:The\s+)?(?P<role>[A-Z][\w ]*?)\s+(?:is|acts as)\s+(?:the\s+)?$",
                                 before)
                if role:
                    return Manager(role=role["role"].strip(), where=part.title)
    return None


def _manager(who: str, following: list[Block], where: str) -> Manager:
    person, _, role = who.partition(",")
    if not PERSON.match(person.strip()):
        return Manager(role=re.sub(r"^the\s+", "", who.strip(" ."), flags=re.IGNORECASE), where=where)
    role = role.strip(" .")
    post = role if re.fullmatch(r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|and|for|&))*", role) else ""
    manager = Manager(name=person.strip(), role=post, where=where)
    run = []
    for block in following:
        if block.kind == HEADING or (block.kind == PARAGRAPH and len(block.text) > 400):
            break
        run.append(block)
        for key, pattern in _PERSON_LABELS.items():
            labelled = pattern.match(block.text)
            if labelled and key not in manager.details:
                manager.details[key] = labelled[1].strip()
        if "experience" in manager.details:
            break
    found = groups(run)
    manager.contact = contact(found[0], []) if found else None
    return manager
