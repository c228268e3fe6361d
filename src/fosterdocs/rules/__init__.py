"""The rules JSON Schema cannot express, listed by hand (one module per topic)."""

from . import complaints, contacts, dates, staffing, text
from .base import Rule

RULES: list[Rule] = [*dates.RULES, *contacts.RULES, *staffing.RULES, *complaints.RULES, *text.RULES]
