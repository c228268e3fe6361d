"""How long an unbroken word may be: the rule text/long-word reports longer ones, and the website and the PDFs show
them shortened, so that the time to render a document grows with its length, never with its longest word."""

from __future__ import annotations

import re

MAX_WORD = 200  # characters: longer than any word or web address a document needs (the bundled ones reach 90)
LONG_WORD = re.compile(r"\S{%d,}" % (MAX_WORD + 1))
SHORTENED = "…"


def shorten_words(text: str) -> str:
    """text with every word longer than MAX_WORD cut to its first MAX_WORD characters and an ellipsis."""
    return LONG_WORD.sub(lambda word: word[0][:MAX_WORD] + SHORTENED, text) if len(text) > MAX_WORD else text
