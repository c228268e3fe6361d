"""Rules about text that must never be published: placeholders, editing notes and fictional contacts.

passes: 'Call us on 0300 123 1231.'
fails:  'Manager: TBC', '5 Foster for Adoption (remove)', 'lorem ipsum', or the example service's 01632 960xxx
        numbers and example.org addresses left in a real service.
"""

from __future__ import annotations

import re

from ..findings import ERROR
from .base import Problem, rule

FICTIONAL = re.compile(r"\b01632\s?960\s?\d{3}\b|[\w.-]*\bexample\.(org|com|net)\b", re.IGNORECASE)


@rule("text/placeholder", ERROR, "Fostering Services (England) Regulations 2011, regulation 3(1) (a complete "
      "written statement)", "law")
def placeholders(document):
    """Placeholder text (data/reference/placeholders.yaml) or, outside a fictional service, fictional contacts."""
    for path, text in document.strings():
        for placeholder in document.reference.placeholders:
            match = placeholder.regex.search(text)
            if match:
                yield Problem(path, f"'{match.group(0)}' is {placeholder.what}, not text to publish.",
                              "Replace it with the real text, or remove it.")
        match = None if document.service.get("fictional") else FICTIONAL.search(text)
        if match:
            yield Problem(path, f"'{match.group(0)}' is a fictional contact from the example service.",
                          "Replace it with your service's real contact details.")


RULES = [placeholders]
