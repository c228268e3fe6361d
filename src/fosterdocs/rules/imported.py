"""Rules about drafts written by `fosterdocs import` that a person has not finished reviewing.

passes: a statement with no `unmapped` list.
fails:  `unmapped: [{heading: 14. Matching, content: [...]}]` (warning, one per part), so that text the importer
        could not place is read and moved before the statement is published.
"""

from __future__ import annotations

from .base import Problem, rule


@rule("import/unmapped", ("statement-of-purpose",))
def unmapped(document):
    """A part of an imported document that was not placed in a section and has not been reviewed yet."""
    for index, part in enumerate(document.get("unmapped", default=[]) or []):
        heading = part.get("heading") if isinstance(part, dict) else None
        what = f"The part '{heading}'" if heading else "Text before the first heading"
        yield Problem(("unmapped", index), f"{what} was not placed in a section by fosterdocs import, and is not "
                      "published.", "Read it, move what belongs into the right section (or other_sections), delete "
                      "what does not, then delete it from `unmapped`.", key=True)


RULES = [unmapped]
