"""Rules about text that must never be published: placeholders, editing notes, fictional contacts, runs of
characters no word is that long.

passes: 'Call us on 0300 123 1231.'
fails:  'Manager: TBC', '5 Foster for Adoption (remove)', 'lorem ipsum'; 300 characters without a space; in any
        service but the bundled example, the example's details (Exampleshire, SC999999, Priya Shah, EX1 1AA, its
        01632 960xxx numbers and example.org addresses) or `fictional: true`.
"""

from __future__ import annotations

from ..bounds import LONG_WORD, MAX_WORD
from ..project import FICTIONAL_EXAMPLES
from .base import Problem, rule


@rule("text/placeholder")
def placeholders(document):
    """Placeholder text (data/reference/placeholders.yaml)."""
    strings = document.parts.strings
    for index, placeholder, matched in document.reference.placeholder_set.search(document.texts):
        yield Problem(strings[index][0], f"'{matched}' is {placeholder.what}, not text to publish.",
                      "Replace it with the real text, or remove it.")


@rule("text/example-identity")
def example_identity(document):
    """In any service but the bundled fictional ones, a detail of the fictional example service (its names, URN,
    postcodes, addresses, telephone numbers or web addresses: `example_identity` in data/reference/placeholders.yaml),
    left over from `fosterdocs new`."""
    if document.service_id in FICTIONAL_EXAMPLES:
        return
    strings = document.parts.strings
    for index, detail, matched in document.reference.example_identity_set.search(document.texts):
        yield Problem(strings[index][0], f"'{matched}' is {detail.what}, a fictional service, not yours.",
                      "Replace it with your service's own details.")


@rule("service/fictional", ("service",))
def fictional(document):
    """`fictional: true` in any service but the bundled fictional ones: a real service's documents are never
    make-believe, and the example's own details are checked for in every other service."""
    if document.service_id not in FICTIONAL_EXAMPLES and document.get("fictional") is not None:
        yield Problem(("fictional",), "Only the bundled example service is fictional; this one is a real service.",
                      "Remove the line `fictional: true` from service.yaml.", key=True)


@rule("text/table-shape")
def table_shape(document):
    """A table row with more or fewer cells than the table has column headings (often a comma that split a cell)."""
    for path, table in document.parts.tables:
        width = len(table["header"])
        for index, row in enumerate(table["rows"]):
            if isinstance(row, list) and len(row) != width:
                yield Problem(path + ("rows", index), f"This row has {len(row)} cells but the table has {width} "
                              "columns.", "Give every row one cell per column (use \"\" for an empty cell); put a "
                              "cell that contains a comma in quotes.")


@rule("text/long-word")
def long_word(document):
    """A 'word' longer than any real word or web address: text pasted without spaces, or a slip of the keyboard."""
    for path, text in document.parts.strings:
        if len(text) > MAX_WORD and (word := LONG_WORD.search(text)):
            yield Problem(path, f"This text has an unbroken run of {len(word[0]):,} characters "
                          f"('{word[0][:30]}…'); no word or web address is that long.",
                          "Put the spaces back, or replace the run with the words it stands for.")


RULES = [placeholders, example_identity, fictional, table_shape, long_word]
