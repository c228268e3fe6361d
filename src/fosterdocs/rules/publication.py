"""Where the statement of purpose is published (regulation 3(2)).

passes: `publication: {website: https://www.example.org/fostering/statement}`; `publication: {no_website: true}`.
fails:  `publication: {on_request: ...}` alone: regulation 3(2) asks for a copy on the provider's website if it has one.
"""

from __future__ import annotations

from .base import Problem, rule


@rule("publication/no-website", ("statement-of-purpose",))
def no_website(document):
    """A statement that says neither where on the provider's website it is, nor that the provider has no website."""
    publication = document.get("document", "publication")
    if isinstance(publication, dict) and not publication.get("website") and publication.get("no_website") is not True:
        yield Problem(("document", "publication"), "This statement does not say where it is published on the "
                      "provider's website.",
                      "Add `website:` with the address of the page or file where the statement is published, or "
                      "`no_website: true` if the service has no website.", key=True)


RULES = [no_website]
