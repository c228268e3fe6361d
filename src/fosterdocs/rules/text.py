"""Rules about text that must never be published: placeholders, editing notes and fictional contacts.

passes: 'Call us on 0300 123 1231.'
fails:  'Manager: TBC', '5 Foster for Adoption (remove)', 'lorem ipsum', or the example service's 01632 960xxx
        numbers and example.org addresses left in a real service.
"""

from __future__ import annotations

import re

from ..findings import ERROR
from ..reference import Pattern, PatternSet
from .base import Problem, rule

FICTIONAL = PatternSet([
    Pattern(re.compile(r"\b01632\s?960\s?\d{3}\b"), ("01632",), "a fictional telephone number"),
    Pattern(re.compile(r"[\w.-]*\bexample\.(org|com|net)\b", re.IGNORECASE), ("example.",), "a fictional address"),
])


@rule("text/placeholder", ERROR, "fosterdocs data model: placeholders, editing notes and the example service's "
      "made-up contacts are never published", "data")
def placeholders(document):
    """Placeholder text (data/reference/placeholders.yaml) or, outside a fictional service, fictional contacts."""
    strings = document.parts.strings
    for index, placeholder, matched in document.reference.placeholder_set.search(document.texts):
        yield Problem(strings[index][0], f"'{matched}' is {placeholder.what}, not text to publish.",
                      "Replace it with the real text, or remove it.")
    if not document.service.get("fictional"):
        for index, _, matched in FICTIONAL.search(document.texts):
            yield Problem(strings[index][0], f"'{matched}' is a fictional contact from the example service.",
                          "Replace it with your service's real contact details.")


@rule("text/table-shape", ERROR, "fosterdocs data model: a table has one cell per column in every row", "data")
def table_shape(document):
    """A table row with more or fewer cells than the table has column headings (often a comma that split a cell)."""
    for path, table in document.parts.tables:
        width = len(table["header"])
        for index, row in enumerate(table["rows"]):
            if isinstance(row, list) and len(row) != width:
                yield Problem(path + ("rows", index), f"This row has {len(row)} cells but the table has {width} "
                              "columns.", "Give every row one cell per column (use \"\" for an empty cell); put a "
                              "cell that contains a comma in quotes.")


RULES = [placeholders, table_shape]
