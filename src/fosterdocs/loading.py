"""Read YAML into plain data, keeping the line and column of every key and value.

Read-only loading builds values straight from libyaml's parse events (yamltree: compiled where it was built), so that
dates stay text (the schema checks their form), leading-zero numbers such as phone numbers stay text, and every
problem a person can make in a file (tabs, duplicate keys, bad bytes, aliases, absurd nesting) becomes a finding,
never a traceback.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .findings import ERROR, Finding
from .yamltree import MAX_DEPTH, Marks, Position, Refused

try:
    from ._yamltree import build
except ImportError:  # not compiled here: the same, in Python
    from .yamltree import build

MAX_BYTES = 5_000_000
YAML_HELP = "YAML 1.2 specification, https://yaml.org/spec/1.2.2/"
DATA_MODEL = "The fosterdocs data model: one UTF-8 YAML file per document, in data/<service>/"

Path_ = tuple  # a path into the data: keys and list indexes


@dataclass
class Loaded:
    """A YAML file as data, with where each value and each key stands in the file."""

    file: str
    data: Any
    start: Position = (1, 1)
    marks: Marks | None = None

    def where(self, path: Path_, *, key: bool = False) -> Position:
        """Line and column of the value at path (or of its key), or of its nearest ancestor that exists."""
        found, marks = self.start, self.marks
        for step in path:
            try:
                key_at, value_at, marks = marks[step]
            except (KeyError, IndexError, TypeError):
                break
            found = key_at if key else value_at
        return found


class _Problem(Exception):
    def __init__(self, rule: str, message: str, fix: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.rule, self.message, self.fix, self.line, self.column = rule, message, fix, line, column


_REFUSALS = {  # rule -> message (given the refusal's detail) and fix
    "yaml/tag": (lambda tag: f"Unknown tag {tag} (tags are not used in fosterdocs files).",
                 "Remove the tag (the word starting with !)."),
    "yaml/duplicate-key": (lambda seen: f"The key '{seen[0]}' appears twice here (first on line {seen[1]}).",
                           "Keep one of them: merge their contents, or rename the one that is wrong."),
    "yaml/key": (lambda _: "A key must be a plain word, not a list or mapping.",
                 "Write the key as a single word followed by a colon."),
    "yaml/not-mapping": (lambda _: "The file must be a set of 'key: value' lines, not a single value or a list.",
                         "Start from the matching file in data/example/."),
    "yaml/too-deep": (lambda _: f"The file nests lists or sections more than {MAX_DEPTH} levels deep.",
                      "Check the indentation and brackets: no document needs this many levels."),
    "yaml/alias": (lambda _: "This file repeats a value with an anchor and alias (& and *).",
                   "Write the value out in full where it is needed; anchors and aliases are not used here."),
    "yaml/multiple-documents": (lambda _: "The file holds more than one YAML document (a line '---').",
                                "Keep one document per file: remove the extra '---' line."),
    "yaml/empty": (lambda _: "The file is empty.",
                   "Fill it in, or delete it: copy the matching file from data/example/ to start."),
}


def _refused(refusal: Refused) -> _Problem:
    message, fix = _REFUSALS[refusal.rule]
    return _Problem(refusal.rule, message(refusal.detail), fix, refusal.line, refusal.column)


def _read(path: Path) -> tuple[bytes, str]:
    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_BYTES:
                raise _Problem("file/too-large", f"The file is {size // 1_000_000} MB; fosterdocs reads files up "
                               f"to {MAX_BYTES // 1_000_000} MB.", "Check this is the right file: a document is "
                               "far smaller.")
            raw = file.read()
    except OSError as err:
        raise _Problem("file/unreadable", f"The file cannot be read: {err.strerror or err}.",
                       "Check the file exists and you have permission to read it.") from err
    try:
        return raw, raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        column = err.start - raw.rfind(b"\n", 0, err.start)
        raise _Problem("yaml/encoding", f"The file is not UTF-8 text (byte 0x{raw[err.start]:02x} on this line).",
                       "Save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8).", line, column) from err


def _character_problem(err: yaml.reader.ReaderError, raw: bytes) -> _Problem:
    """A character YAML does not allow, such as a control character pasted in from another program."""
    start = raw.rfind(b"\n", 0, err.position) + 1
    column = len(raw[start:err.position].decode("utf-8", "replace")) + 1
    return _Problem("yaml/character", f"The file holds a character YAML does not allow here (#x{err.character:04x}: "
                    f"{err.reason}).", "Delete the character: it is usually invisible, pasted in with text from "
                    "another program.", raw.count(b"\n", 0, err.position) + 1, column)


def _syntax_problem(err: yaml.MarkedYAMLError, text: str) -> _Problem:
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in here[: max(column, len(here) - len(here.lstrip()))] or "'\\t'" in str(err.problem):
        return _Problem("yaml/tab", "A tab character is used for indentation; YAML needs spaces.",
                        "Replace the tab at the start of this line with spaces (your editor can show tabs).",
                        line, column)
    problem = (err.problem or err.context or "the YAML cannot be read").rstrip(".")
    return _Problem("yaml/syntax", f"This is not valid YAML here: {problem}.",
                    "Check the indentation and punctuation on this line and the one before; text containing a "
                    "colon followed by a space, or starting with a quote, needs to be put in quotes.", line, column)


def load(path: Path, shown: str | None = None) -> tuple[Loaded | None, list[Finding]]:
    """Load one YAML file as a mapping; on any problem return no data and one finding saying what and where."""
    shown = shown or str(path)
    try:
        raw, text = _read(path)
        try:
            data, marks, position = build(raw)
        except Refused as refusal:
            raise _refused(refusal) from None
        except yaml.MarkedYAMLError as err:
            raise _syntax_problem(err, text) from err
        except yaml.reader.ReaderError as err:
            raise _character_problem(err, raw) from err
        except yaml.YAMLError as err:
            raise _Problem("yaml/syntax", f"This is not valid YAML: {err}.", "Check the file's punctuation.") from err
        return Loaded(shown, data, position, marks), []
    except _Problem as problem:
        return None, [Finding(shown, problem.line, problem.column, ERROR, problem.rule, problem.message,
                              problem.fix, YAML_HELP if problem.rule.startswith("yaml/") else DATA_MODEL)]
