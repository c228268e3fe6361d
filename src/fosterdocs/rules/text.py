"""Rules about text that must never be published: placeholders, editing notes, fictional contacts, runs of
characters no word is that long.

passes: 'Call us on 0300 123 1231.'
fails:  'Manager: TBC', '5 Foster for Adoption (remove)', 'lorem ipsum', or the example service's 01632 960xxx
        numbers and example.org addresses left in a real service; 300 characters without a space.
"""

from __future__ import annotations

import re

from ..bounds import LONG_WORD, MAX_WORD
from ..findings import ERROR
from ..reference import Pattern, PatternSet
from .base import Problem, rule

FICTIONAL = PatternSet([
    Pattern(re.compile(r"\b01632\s?960\s?\d{3}\b"), ("01632",), "a fictional telephone number"),
    Pattern(re.compile(r"[\w.-]*\bexample\.(org|com|net)\b", re.IGNORECASE), ("example.",), "a fictional address"),
])


@rule("text/placeholder", ERROR, "Fostering Services (England) Regulations 2011, regulation 3(1) (a complete "
      "written statement)", "law")
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


@rule("text/table-shape", ERROR, "NMS 2011, standard 16.1 (a clear statement that carers, staff and children can "
      "use)", "standard")
def table_shape(document):
    """A table row with more or fewer cells than the table has column headings (often a comma that split a cell)."""
    for path, table in document.parts.tables:
        width = len(table["header"])
        for index, row in enumerate(table["rows"]):
            if isinstance(row, list) and len(row) != width:
                yield Problem(path + ("rows", index), f"This row has {len(row)} cells but the table has {width} "
                              "columns.", "Give every row one cell per column (use \"\" for an empty cell); put a "
                              "cell that contains a comma in quotes.")


@rule("text/long-word", ERROR, "NMS 2011, standard 16.1 (a clear statement that carers, staff and children can "
      "use)", "standard")
def long_word(document):
    """A 'word' longer than any real word or web address: text pasted without spaces, or a slip of the keyboard."""
    for path, text in document.parts.strings:
        if len(text) > MAX_WORD and (word := LONG_WORD.search(text)):
            yield Problem(path, f"This text has an unbroken run of {len(word[0]):,} characters "
                          f"('{word[0][:30]}…'); no word or web address is that long.",
                          "Put the spaces back, or replace the run with the words it stands for.")


RULES = [placeholders, table_shape, long_word]
