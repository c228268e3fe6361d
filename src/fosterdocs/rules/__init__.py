"""The rules JSON Schema cannot express, listed by hand (one module per topic)."""

from . import (
                    complaints,
                    contacts,
                    dates,
                    guides,
                    imported,
                    lifecycle,
                    pictures,
                    publication,
                    readability,
                    sections,
                    staffing,
                    text,
                    wording,
)
from .base import Rule

RULES: list[Rule] = [*dates.RULES, *lifecycle.RULES, *contacts.RULES, *staffing.RULES, *complaints.RULES, *text.RULES,
                    *guides.RULES, *readability.RULES, *pictures.RULES, *imported.RULES,
                    *publication.RULES, *sections.RULES, *wording.RULES]
