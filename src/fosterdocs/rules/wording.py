"""Wording a careful reader corrects: names that are wrong or replaced, counts that do not match what they count,
and future tense about a date that has passed. What to look for is data (data/reference/outdated-terms.yaml and
wording.yaml), so a maintainer extends these checks without Python.

passes: 'the Care Standards Act 2000'; 'Social Work England registration'; 'Hertfordshire has seven outcome
        bees:' followed by seven; 'will be regulated by Ofsted from October 2027' (judged in 2026).
fails:  'the Care Standards Act 2001'; 'current Health and Care Professions Council registration' for a social
        worker; 'the Six Outcome Bees' followed by seven; 'will be become regulated by Ofsted in October 2023'.
"""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date

from ..document_types import DOCUMENT_KINDS
from ..findings import WARNING
from .base import Problem, rule

NEAR = 150  # characters either side of a name that its context may be in
MULTIPLIER = re.compile(r"\(\s*x\s*(\d+)\s*\)", re.IGNORECASE)  # 'Supervision Teams (x3)'


@rule("terms/outdated")
def outdated_terms(document):
    """A statute, instrument, body or guidance edition named wrongly or replaced (outdated-terms.yaml)."""
    texts, strings = document.texts, document.parts.strings
    for term in document.reference.outdated:
        if term.regime and term.regime != document.regime.type:
            continue
        for index in texts.candidates(term.regex):
            text = texts.texts[index]
            for match in term.regex.finditer(text):
                near = text[max(0, match.start() - NEAR):match.end() + NEAR]
                if term.context and not term.context.search(near):
                    continue
                yield Problem(strings[index][0], f"'{match.group(0)}' is {term.what}.",
                              f"Write {term.right} instead (right since {term.since}).", source=term.source,
                              severity=WARNING if term.severity == "warning" else "")
                break


def _count(items) -> int:
    """How many things a list or a structured list names: an entry marked '(x3)' is three."""
    total = 0
    for item in items:
        text = item if isinstance(item, str) else (item.get("name") or item.get("text") or "") if isinstance(
            item, dict) else ""
        multiplier = MULTIPLIER.search(str(text))
        total += int(multiplier[1]) if multiplier else 1
    return total


def _following_list(document, path):
    """The first list in the same part of a document within the next two parts of its text, or inside the part."""
    if len(path) < 2 or not isinstance(path[-1], int):
        return None
    content = document.get(*path[:-1])
    if not isinstance(content, list):
        return None
    for item in content[path[-1]:path[-1] + 3]:
        if isinstance(item, dict) and isinstance(item.get("list"), list):
            return item["list"]
    return None


@functools.lru_cache(maxsize=8)
def _number(words: tuple[str, ...]) -> str:
    return r"\b(?P<number>" + "|".join(sorted(words, key=len, reverse=True)) + r"|[2-9]|1[0-9]|20)"


@functools.lru_cache(maxsize=64)
def _stated(number: str, noun: str) -> re.Pattern:
    """A number, up to two words, then the noun it counts ('five key Teams'), compiled once."""
    return re.compile(number + r"\s+['’]?(?:[\w'’-]+\s+){0,2}?(?P<noun>" + noun + r")\b", re.IGNORECASE)


@rule("wording/stated-count", DOCUMENT_KINDS)
def stated_counts(document):
    """A number introducing a list ('the Six Outcome Bees', 'five key Teams') that does not match how many follow."""
    words = document.reference.wording.get("number_words", {})
    checks = document.reference.wording.get("stated_counts", [])
    if not words or not checks:
        return
    number = _number(tuple(words))
    any_number = _stated(number, "")  # (a number and a space: what every stated count starts with)
    for path, text in document.parts.strings:
        if not path or path[0] in ("document", "related_documents", "numbers") or not any_number.search(text):
            continue
        reported = False
        for check in checks:
            found = _stated(number, check["noun"]).search(text)
            if not found or reported:
                continue
            said = words.get(found["number"].lower()) or int(found["number"])
            if check["counts"] == "next-list":
                items, what = _following_list(document, path), "listed after it"
            elif path[0] == check.get("where") and len(path) > 1 and path[1] == "content":
                items = document.get(*check["counts"].split("."))
                what = "described in this section"
            else:
                continue
            if isinstance(items, list) and items and _count(items) != said:
                reported = True
                yield Problem(path, f"'{found.group(0)}' says {said}, but {_count(items)} are {what}.",
                              "Correct the number, or the list, so that they agree.")


@rule("wording/past-future")
def past_future(document):
    """Future tense about a date that has passed ('will be regulated by Ofsted in October 2023')."""
    setting = document.reference.wording.get("future_tense")
    if not setting:
        return
    pattern = re.compile(setting["pattern"], re.IGNORECASE)
    texts, strings = document.texts, document.parts.strings
    for index in texts.candidates(pattern):
        for match in pattern.finditer(texts.texts[index]):
            year, month = int(match["year"]), list(calendar.month_name).index(match["month"].capitalize())
            day = int(match["day"]) if match.groupdict().get("day") else calendar.monthrange(year, month)[1]
            try:
                when = date(year, month, day)
            except ValueError:
                continue
            if when < document.today:
                yield Problem(strings[index][0], f"'{match.group(0)}' speaks of {match['month']} {year} as still "
                              "to come, but that date has passed.",
                              "Say what happened (for example 'has been regulated by Ofsted since October 2023'), "
                              "or remove the sentence if it is no longer true.", source=setting["source"])
                break


RULES = [outdated_terms, stated_counts, past_future]
