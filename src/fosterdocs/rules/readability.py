"""Easy-read rules: each version of the children's guide reads at its age band, and every picture has alt text.

The reading age of a version is the Flesch-Kincaid grade of its own words (every paragraph, list item and quotation
in its `content`) plus five, the usual conversion to a UK reading age. Headings, contacts and what the guide shows
from elsewhere with `use:` are not counted. A version that reads above its band gets a warning naming its hardest
sentences: under 8 above a reading age of 8, 8 to 12 above 12, 13 and over above 16.

passes: 'Your social worker will come to see you. You can tell them how you feel.' in the under-8 version;
        `picture: {file: pictures/home.png, alt: A foster family eating tea together}`.
fails:  'Placement decisions will consider the child's assessed racial, ethnic, cultural and linguistic needs.' in
        the under-8 version (warning); a picture with no `alt` (error), or whose file is not in the service's folder.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator, NamedTuple

import pyphen

from ..bounds import MAX_WORD
from ..document_types import TYPES
from ..pictures import problem
from .base import GUIDE_KINDS, Problem, rule

READING_AGES = {"under-8": 8, "8-to-12": 12, "13-plus": 16}  # the highest reading age each version may have
BAND_NAMES = {"under-8": "under 8", "8-to-12": "8 to 12", "13-plus": "13 and over"}
HARDEST_SHOWN = 3
MIN_WORDS_TO_RANK = 4  # shorter fragments (a list item like 'First aid') say little about how hard a text is
COUNCIL_ALT_SOURCE = ("Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations "
                      "2018 (a council is a public sector body): WCAG 2.2 success criterion 1.1.1 (non-text content)")

WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@lru_cache(maxsize=1)
def _hyphenation() -> pyphen.Pyphen:
    """The British English hyphenation patterns, read when first needed (reading them takes 50-70 ms)."""
    return pyphen.Pyphen(lang="en_GB")


@lru_cache(maxsize=20000)
def syllables(word: str) -> int:
    """Syllables in a word: the larger of two estimates that each miss some (textstat's English counter needs a
    dictionary downloaded at run time; its fallback is the hyphenation count used here). A word longer than any real
    one (text/long-word) is counted by its first MAX_WORD letters: hyphenating it all would take minutes."""
    word = word[:MAX_WORD].lower()
    vowel_groups = len(re.findall(r"[aeiouy]+", word))
    if vowel_groups > 1 and (re.search(r"[^l]e$|[^td]ed$|[^sxzhcg]es$", word) and not word.endswith(("ee", "ye"))):
        vowel_groups -= 1  # a silent final e, as in 'time', 'liked', 'makes'
    return max(1, vowel_groups, len(_hyphenation().positions(word)) + 1)


class Sentence(NamedTuple):
    """One sentence of a document, where it is, and how many words and syllables it has."""

    path: tuple
    text: str
    words: int
    syllables: int

    @property
    def reading_age(self) -> float:
        return reading_age([self])


def reading_age(sentences: list[Sentence]) -> float:
    """The Flesch-Kincaid grade of some sentences plus five: the reading age they suit."""
    words = sum(s.words for s in sentences)
    if not words:
        return 0.0
    grade = 0.39 * words / len(sentences) + 11.8 * sum(s.syllables for s in sentences) / words - 15.59
    return grade + 5


def _prose(block, path: tuple) -> Iterator[tuple[tuple, str]]:
    """The text of a content block that a child reads as sentences: a paragraph, list items, a quotation."""
    if isinstance(block, str):
        yield path, block
    elif isinstance(block, dict):
        if isinstance(block.get("quote"), str):
            yield path + ("quote",), block["quote"]
        if isinstance(block.get("text"), str):  # a list item with its own sub-list
            yield path + ("text",), block["text"]
        items = block.get("list")
        for index, item in enumerate(items if isinstance(items, list) else []):
            yield from _prose(item, path + ("list", index))


def sentences(blocks: list[tuple[tuple, object]]) -> list[Sentence]:
    """Every sentence of a document's own content (its content blocks), in file order."""
    found = []
    for block_path, block in blocks:
        for path, text in _prose(block, block_path):
            for part in SENTENCE_END.split(text.strip()):
                words = WORD.findall(part)
                if words:
                    found.append(Sentence(path, part, len(words), sum(map(syllables, words))))
    return found


def band_of(document) -> str | None:
    """The age band a version of the guide is for, from its file name (childrens-guide-under-8.yaml)."""
    band = TYPES[document.kind].band(Path(document.loaded.file).stem)
    return band if band in READING_AGES else None


def _quoted(sentence: Sentence, document) -> str:
    text = sentence.text if len(sentence.text) <= 90 else sentence.text[:87].rstrip() + "..."
    line, _ = document.loaded.where(sentence.path)
    return f"line {line}: '{text}' (reading age {sentence.reading_age:.0f})"


@rule("readability/reading-age", GUIDE_KINDS)
def reads_above_band(document):
    """A version of the children's guide whose reading age is above its age band."""
    band = band_of(document)
    found = sentences(document.parts.blocks)
    if band is None or not found:
        return
    age, limit = reading_age(found), READING_AGES[band]
    if age <= limit:
        return
    ranked = sorted((s for s in found if s.words >= MIN_WORDS_TO_RANK), key=lambda s: -s.reading_age) or found
    hardest = [s for s in ranked if s.reading_age > limit][:HARDEST_SHOWN] or ranked[:1]
    yield Problem(hardest[0].path,
                  f"This version, for children {BAND_NAMES[band]}, has a reading age of about {age:.1f}: above "
                  f"{limit}. The hardest sentences are " + "; ".join(_quoted(s, document) for s in hardest) + ".",
                  f"Use short sentences and everyday words, and say what a hard word means the first time you use "
                  f"it. Aim for a reading age of {limit} or less.")


def _pictures(document) -> Iterator[tuple[tuple, dict]]:
    for path, block in document.parts.blocks:
        if isinstance(block, dict) and isinstance(block.get("picture"), dict):
            yield path + ("picture",), block["picture"]


@rule("pictures/no-alt")
def picture_without_alt(document):
    """A picture with no alt text, so people who cannot see it miss what it says (law for a council's website)."""
    public_body = not document.regime.registered
    for path, picture in _pictures(document):
        if not str(picture.get("alt") or "").strip():
            yield Problem(path, f"The picture {picture.get('file', '')} has no alt text.",
                          "Add `alt:` saying in a few plain words what the picture shows, for example "
                          "'A social worker talking with a boy at the kitchen table'.", key=True,
                          source=COUNCIL_ALT_SOURCE if public_body else "", basis="law" if public_body else "")


@rule("pictures/missing-file")
def picture_file_missing(document):
    """A picture whose file is not in the service's folder."""
    folder = Path(document.loaded.file).parent
    for path, picture in _pictures(document):
        name = picture.get("file")
        if problem(folder, name) == "missing":
            yield Problem(path + ("file",), f"There is no picture {name} in {folder}.",
                          f"Put the picture in {folder / name}, or correct the file name.")


RULES = [reads_above_band, picture_without_alt, picture_file_missing]
