"""Sections a statement gives inside another of its sections (`given_in:`), as many statements do.

passes: `status_and_constitution: {title: Management and Staffing, given_in: staffing}` with a `staffing` section.
fails:  `given_in: management` in a statement that has no `management` section with any text.
"""

from __future__ import annotations

from .base import Problem, rule


@rule("sections/given-in-missing", ("statement-of-purpose",))
def given_in_missing(document):
    """A `given_in:` naming a section the statement does not have, or one with no text."""
    for key, section in (document.data or {}).items():
        target = section.get("given_in") if isinstance(section, dict) else None
        if target and not (isinstance(document.get(target), dict) and (document.get(target, "content")
                                                                      or document.get(target, "subsections"))):
            yield Problem((key, "given_in"), f"The section `{key}` is said to be given in `{target}`, but this "
                          f"statement has no `{target}` section with any text.",
                          f"Point `given_in` at the section that holds it, or write `{key}` out with its own "
                          "`content`.")


RULES = [given_in_missing]
