"""Rules about staffing and figures that JSON Schema cannot check.

passes: a team with `staff: [{role: Social workers, count: 6}]`; households that add up to the total.
fails:  teams with no staff numbers at all; `total_households: 217` when the kinds listed add up to 202.
"""

from __future__ import annotations

from ..document_types import STATUTORY_KINDS
from ..findings import ERROR, WARNING
from .base import EXPECTED_CONTENT, Problem, rule

STAFF_SOURCE = f"{EXPECTED_CONTENT}: the number, relevant qualifications and experience of the staff"


@rule("staffing/no-figures", ERROR, STAFF_SOURCE, "expected-practice", STATUTORY_KINDS, "SOP-STAFF")
def no_staff_figures(document):
    """Teams are described but no team says how many staff it has."""
    teams = document.get("staffing", "teams")
    if isinstance(teams, list) and teams and not any(
            isinstance(s, dict) and "count" in s
            for team in teams if isinstance(team, dict) for s in team.get("staff", []) or []):
        yield Problem(("staffing", "teams"), "No team gives its number of staff.",
                      "Add `staff:` to each team with each role and its `count` (posts or full-time equivalents).",
                      key=True)


@rule("figures/total-mismatch", WARNING, f"{EXPECTED_CONTENT}: numbers of approved fostering households",
      "expected-practice",
      STATUTORY_KINDS, "SOP-NUMBERS")
def total_mismatch(document):
    """The kinds of household listed do not add up to the total given."""
    total = document.get("numbers", "total_households")
    kinds = document.get("numbers", "households")
    if isinstance(total, int) and isinstance(kinds, list) and all(isinstance(k, dict) and
                                                                 isinstance(k.get("count"), int) for k in kinds):
        added = sum(k["count"] for k in kinds)
        if added != total:
            yield Problem(("numbers", "total_households"), f"The total is {total} households, but the kinds listed "
                          f"add up to {added}.", "Correct the total or the figures so that they agree, or list the "
                          "missing kind of household.")


RULES = [no_staff_figures, total_mismatch]
