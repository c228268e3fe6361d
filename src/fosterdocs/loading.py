"""Read YAML into plain data, keeping the line and column of every key and value.

Read-only loading reads libyaml's parse events (C) and builds the values itself, in one pass, so that dates
stay text (the schema checks their form), leading-zero numbers such as phone numbers stay text, and every problem a
person can make in a file (tabs, duplicate keys, bad bytes, aliases, absurd nesting) becomes a finding, never a
traceback.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.cyaml import CParser

from .findings import ERROR, Finding

MAX_BYTES = 5_000_000
MAX_DEPTH = 64
YAML_HELP = "YAML 1.2 specification, https://yaml.org/spec/1.2.2/"
DATA_MODEL = "The fosterdocs data model: one UTF-8 YAML file per document, in data/<service>/"

Path_ = tuple  # a path into the data: keys and list indexes

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|(0|[1-9][0-9]*)(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")  # 0123 stays text
_BOOL = {"true": True, "false": False}
_NULL = {"", "~", "null"}
_STANDARD_TAG = "tag:yaml.org,2002:"


Marks = dict | list  # for each key or item of a mapping or list: (key's mark, value's mark, marks inside it)


@dataclass
class Loaded:
    """A YAML file as data, with where each value and each key stands in the file."""

    file: str
    data: Any
    start: yaml.Mark | None = None
    marks: Marks | None = None

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at path (or of its key), or of its nearest ancestor that exists."""
        found, marks = self.start, self.marks
        for step in path:
            try:
                key_at, value_at, marks = marks[step]
            except (KeyError, IndexError, TypeError):
                break
            found = key_at if key else value_at
        return _position(found) if found else (1, 1)


def _position(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


class _Problem(Exception):
    def __init__(self, rule: str, message: str, fix: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.rule, self.message, self.fix, self.line, self.column = rule, message, fix, line, column


_NUMBER_START = frozenset("0123456789+-.")


def _scalar(event: yaml.ScalarEvent) -> Any:
    """Convert a scalar with YAML 1.2 core rules (no sexagesimal, octal, yes/no or timestamps)."""
    value, tag = event.value, event.tag
    if event.style or tag is not None and (tag == "!" or tag.endswith(":str")):
        return value  # quoted, block or tagged as text (libyaml gives plain scalars the style "")
    if not value:
        return None
    if value[0] in _NUMBER_START:
        if _INT.match(value):
            return int(value)
        if _FLOAT.match(value):
            return float(value)
    elif len(value) <= 5:
        lowered = value.lower()
        if lowered in _NULL:
            return None
        if lowered in _BOOL:
            return _BOOL[lowered]
    return value


_NO_KEY = object()


def _not_mapping(mark: yaml.Mark) -> _Problem:
    return _Problem("yaml/not-mapping", "The file must be a set of 'key: value' lines, not a single value or a list.",
                    "Start from the matching file in data/example/.", *_position(mark))


def _build(text: str) -> tuple[dict, Marks, yaml.Mark]:
    """Read YAML events (libyaml, in C) into values and marks in one pass: no node tree and no recursion, so
    depth and aliases are refused as soon as they appear."""
    get_event = CParser(text).get_event
    scalar, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    stack: list[tuple] = []  # the mappings and lists around the open one
    container: dict | list | None = None  # the open mapping or list, its marks, and the key waiting for a value
    marks: Marks | None = None
    mapping, key, key_mark = False, _NO_KEY, None
    root: tuple = ()
    documents = 0
    while (event := get_event()) is not None:
        kind = type(event)
        if kind is scalar or kind is mapping_start or kind is sequence_start:
            mark, tag = event.start_mark, event.tag
            if tag is not None and tag != "!" and not tag.startswith(_STANDARD_TAG):
                raise _Problem("yaml/tag", f"Unknown tag {tag} (tags are not used in fosterdocs files).",
                               "Remove the tag (the word starting with !).", *_position(mark))
            if kind is scalar:
                if mapping:
                    if key is _NO_KEY:  # this scalar is a key
                        key = event.value
                        if key in container:
                            raise _Problem("yaml/duplicate-key", f"The key '{key}' appears twice here (first on "
                                           f"line {marks[key][0].line + 1}).", "Keep one of them: merge their "
                                           "contents, or rename the one that is wrong.", *_position(mark))
                        key_mark = mark
                    else:
                        container[key] = _scalar(event)
                        marks[key] = (key_mark, mark, None)
                        key = _NO_KEY
                elif container is not None:
                    container.append(_scalar(event))
                    marks.append((mark, mark, None))
                else:
                    raise _not_mapping(mark)
                continue
            value, inner = ({}, {}) if kind is mapping_start else ([], [])
            if mapping:
                if key is _NO_KEY:
                    raise _Problem("yaml/key", "A key must be a plain word, not a list or mapping.",
                                   "Write the key as a single word followed by a colon.", *_position(mark))
                container[key] = value
                marks[key] = (key_mark, mark, inner)
                key = _NO_KEY
            elif container is not None:
                container.append(value)
                marks.append((mark, mark, inner))
            elif kind is mapping_start:
                root = (value, inner, mark)
            else:
                raise _not_mapping(mark)
            if len(stack) >= MAX_DEPTH:
                raise _Problem("yaml/too-deep", f"The file nests lists or sections more than {MAX_DEPTH} levels "
                               "deep.", "Check the indentation and brackets: no document needs this many levels.",
                               *_position(mark))
            stack.append((container, marks, mapping))
            container, marks, mapping = value, inner, kind is mapping_start
        elif kind in ends:
            container, marks, mapping = stack.pop()
        elif kind is yaml.AliasEvent:
            raise _Problem("yaml/alias", "This file repeats a value with an anchor and alias (& and *).",
                           "Write the value out in full where it is needed; anchors and aliases are not used here.",
                           *_position(event.start_mark))
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Problem("yaml/multiple-documents", "The file holds more than one YAML document (a line "
                               "'---').", "Keep one document per file: remove the extra '---' line.",
                               *_position(event.start_mark))
    if not root:
        raise _Problem("yaml/empty", "The file is empty.", "Fill it in, or delete it: "
                       "copy the matching file from data/example/ to start.")
    return root


def _read_text(path: Path) -> str:
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
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        column = err.start - raw.rfind(b"\n", 0, err.start)
        raise _Problem("yaml/encoding", f"The file is not UTF-8 text (byte 0x{raw[err.start]:02x} on this line).",
                       "Save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8).", line, column) from err


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
        text = _read_text(path)
        try:
            data, marks, position = _build(text)
        except yaml.MarkedYAMLError as err:
            raise _syntax_problem(err, text) from err
        except yaml.YAMLError as err:
            raise _Problem("yaml/syntax", f"This is not valid YAML: {err}.", "Check the file's punctuation.") from err
        return Loaded(shown, data, position, marks), []
    except _Problem as problem:
        return None, [Finding(shown, problem.line, problem.column, ERROR, problem.rule, problem.message,
                              problem.fix, YAML_HELP if problem.rule.startswith("yaml/") else DATA_MODEL)]
