"""Rules about staffing and figures that JSON Schema cannot check.

passes: a team with `staff: [{role: Social workers, count: 6}]`; households that add up to the total; a table
        whose Total row is the sum of the rows above it; '120 mainstream and 85 kinship households, a total of 205
        households'; '322 households, with a total of 453 children' (a total of something else).
fails:  teams with no staff numbers at all; `total_households: 217` when the kinds listed add up to 202; a Total
        row of 8 under rows of 3 and 4; 'a total of 217 households (120 mainstream, 80 kinship and 5 specialist)'.
"""

from __future__ import annotations

import re

from ..dates import IN_PROSE
from ..document_types import STATUTORY_KINDS
from .base import Problem, rule

_FIGURE = r"\d{1,3}(?:,\d{3})+|\d+"
_NUMBER = re.compile(rf"^\s*({_FIGURE})\s*$")
_PART = re.compile(rf"(?<![\d.,£$])({_FIGURE})(?![\d%]|\.\d|\s*(?:%|per ?cent|st|nd|rd|th)\b)", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_WORD = r"[A-Za-z][\w'’-]*"
# 'a total of N nouns', after its parts ('N1 x and N2 y nouns, with a total of N nouns') or before them
_TOTAL = re.compile(rf"\btotal\s+(?:of\s+)?(?P<total>{_FIGURE})\s+(?P<noun>{_WORD})", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;:!?]")
_LEAD_IN = re.compile(rf"(?P<noun>{_WORD})\W*(?:\s(?:with|making|giving|which is|in))?\W*(?:\sa)?\W*$", re.IGNORECASE)
_JOINED = re.compile(r"^[^\d]{1,60}$")  # the words between two parts of a breakdown
_STATED_TOTAL = re.compile(r"\btotal\s+(?:of\s+)?$", re.IGNORECASE)
# 'a total of N nouns (N1 x, N2 y)' or 'N nouns, of whom/which N1 ... and N2 ...'
_TOTAL_THEN_PARTS = re.compile(
    rf"(?P<total>{_FIGURE})\s+(?P<noun>{_WORD})\s*(?:\((?P<inside>[^()]*)\)|,?\s+of\s+(?:whom|which|these)\s+"
    r"(?P<after>[^.;:]*))", re.IGNORECASE)



@rule("staffing/no-figures", STATUTORY_KINDS)
def no_staff_figures(document):
    """Teams are described but no team says how many staff it has."""
    teams = document.get("staffing", "teams")
    if isinstance(teams, list) and teams and not any(
            isinstance(s, dict) and "count" in s
            for team in teams if isinstance(team, dict) for s in team.get("staff", []) or []):
        yield Problem(("staffing", "teams"), "No team gives its number of staff.",
                      "Add `staff:` to each team with each role and its `count` (posts or full-time equivalents).",
                      key=True)


@rule("figures/total-mismatch")
def total_mismatch(document):
    """A stated total that its parts do not add up to: the households of `numbers`, a table's Total row, or a
    sentence giving a total and its breakdown."""
    total = document.get("numbers", "total_households")
    kinds = document.get("numbers", "households")
    if isinstance(total, int) and isinstance(kinds, list) and all(isinstance(k, dict) and
                                                                 isinstance(k.get("count"), int) for k in kinds):
        added = sum(k["count"] for k in kinds)
        if added != total:
            yield Problem(("numbers", "total_households"), f"The total is {total} households, but the kinds listed "
                          f"add up to {added}.", "Correct the total or the figures so that they agree, or list the "
                          "missing kind of household.")
    for path, table in document.parts.tables:
        yield from _table_totals(path, table)
    for path, text in document.parts.strings:
        if path and path[0] not in ("document", "numbers") and _DIGIT.search(text):
            yield from _sentence_totals(path, text)


def _figure(cell) -> int | None:
    if isinstance(cell, int) and not isinstance(cell, bool):
        return cell
    match = _NUMBER.match(cell) if isinstance(cell, str) else None
    return int(match[1].replace(",", "")) if match else None


def _table_totals(path: tuple, table: dict):
    """Each column of a row headed 'Total' against the sum of the rows above it (every one a figure)."""
    rows = [row for row in table["rows"] if isinstance(row, list)]
    for at, row in enumerate(rows):
        if not row or not isinstance(row[0], str) or not row[0].strip().lower().startswith("total"):
            continue
        for column in range(1, len(row)):
            stated = _figure(row[column])
            above = [_figure(r[column]) if column < len(r) else None for r in rows[:at]]
            if stated is None or not above or None in above or sum(above) == stated:
                continue
            name = table["header"][column] if column < len(table["header"]) else f"column {column + 1}"
            yield Problem(path + ("rows", at, column), f"The table's {row[0].strip()} for '{name}' is {stated}, but "
                          f"the rows above it add up to {sum(above)}.", "Correct the total or the figures so that "
                          "they agree.")


def _same_noun(one: str, other: str) -> bool:
    return one.lower().rstrip("s") == other.lower().rstrip("s")


def _figures(text: str) -> list[int]:
    """The figures of a breakdown (dates are masked already), leaving out percentages and ordinals."""
    return [int(n.replace(",", "")) for n in _PART.findall(text)]


def _parts_before(clause: str) -> list[int]:
    """The figures of the breakdown a clause ends with: the last run of figures, each within a few words of the next
    ('120 mainstream and 85 kinship')."""
    found = list(_PART.finditer(clause))
    run: list[re.Match] = []
    for figure in reversed(found):
        following = clause[figure.end():run[0].start()] if run else clause[figure.end():]
        if run and not _JOINED.match(following) or not run and len(following) > 60:
            break
        run.insert(0, figure)
    return [int(figure[1].replace(",", "")) for figure in run]


def _sentence_totals(path: tuple, text: str):
    """A sentence's stated total against the figures it breaks it into, when both count the same thing. A breakdown
    in words before 'a total of', or in brackets after it, must add up exactly; any other ('15 carers (3 in Norfolk
    and 2 in Suffolk)', '40 staff, of whom ...') may name only some parts, so it is wrong only when its parts come to
    more than the total."""
    # dates and periods are not parts of a total: blanked, keeping positions for quoting the text
    masked = IN_PROSE.sub(lambda date: " " * len(date.group(0)), text)
    for match in _TOTAL.finditer(masked):
        before = masked[max(0, match.start() - 240):match.start()]
        clause = _CLAUSE_END.split(before)[-1]
        lead_in = _LEAD_IN.search(clause)
        parts = _parts_before(clause[:lead_in.start()] + " " + lead_in["noun"]) if lead_in else []
        total = int(match["total"].replace(",", ""))
        if lead_in and _same_noun(lead_in["noun"], match["noun"]) and len(parts) > 1 and sum(parts) != total:
            yield _sentence_problem(path, text[match.start() - len(clause):match.end()], total, sum(parts))
            return
    for match in _TOTAL_THEN_PARTS.finditer(masked):
        parts = _figures(match["inside"] if match["inside"] is not None else match["after"])
        total = int(match["total"].replace(",", ""))
        before = masked[max(0, match.start() - 20):match.start()]
        complete = match["inside"] is not None and _STATED_TOTAL.search(before)
        if len(parts) > 1 and (sum(parts) != total if complete else sum(parts) > total):
            yield _sentence_problem(path, text[match.start():match.end()], total, sum(parts))
            return


def _sentence_problem(path: tuple, quoted: str, total: int, added: int) -> Problem:
    return Problem(path, f"'{quoted.strip()}' gives a total of {total}, but its parts add up to {added}.",
                   "Correct the total or the figures so that they agree, or name the part that is missing.")


RULES = [no_staff_figures, total_mismatch]
