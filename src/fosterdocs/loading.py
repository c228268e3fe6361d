"""Read YAML into plain data, keeping the line and column of every key and value.

PyYAML composes the file (libyaml's `CSafeLoader` where PyYAML has it); this module turns the nodes into values
with YAML 1.2 core rules, so that dates stay text (the schema checks their form) and leading-zero numbers such as
phone numbers stay text. Every problem a person can make in a file (tabs, duplicate keys, bad bytes, tags,
aliases, absurd nesting, several documents) becomes a finding, never a traceback. The nesting limit is checked
before PyYAML reads the file, so the same finding comes whatever PyYAML or libyaml version is installed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .findings import Finding
from .rule_catalogue import rule

MAX_BYTES = 5_000_000
MAX_DEPTH = 64

Position = tuple[int, int]  # line and column, from 1
Marks = dict | list  # for each key or item of a mapping or list: (key's position, value's position, marks inside it)
Path_ = tuple  # a path into the data: keys and list indexes

CORE = "tag:yaml.org,2002:"
PLAIN = "plain"  # what the loader's resolver calls an untagged, unquoted scalar: its value follows YAML 1.2 core
TEXT, SEQUENCE, MAPPING = CORE + "str", CORE + "seq", CORE + "map"
HARMLESS_TAGS = frozenset({PLAIN, TEXT, SEQUENCE, MAPPING})  # no explicit tag, or one that changes nothing

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|(0|[1-9][0-9]*)(\.[0-9]*)?)([eE][-+]?[0-9]+)?")  # 0123 stays text
_BOOL = {"true": True, "false": False}
_NULL = {"", "~", "null"}
_BRACKETS = re.compile(r"[^\[\]{}]+")
_INDICATORS = re.compile(r"(?:^|\s)[-?:](?=\s|$)")
_TAG_DIRECTIVE = re.compile(r"^%TAG\b", re.MULTILINE)  # at the start of a line, % can only open a directive


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """PyYAML's safe loader, composing only: it marks untagged scalars instead of guessing their type (YAML 1.1's
    yes/no, sexagesimal numbers and timestamps), so that every other tag is one written in the file."""

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            return PLAIN if implicit[0] else TEXT  # plain, or quoted / block / written with the tag `!`
        return SEQUENCE if kind is yaml.SequenceNode else MAPPING


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


def _tag_message(tag: str) -> str:
    if tag == "%TAG":
        return ("The %TAG line defines a shorthand for tags, which change what values mean (not used in fosterdocs "
                "files).")
    if tag.startswith(CORE + "python/"):
        return (f"The tag !!{tag[len(CORE):]} asks for a Python object: fosterdocs never runs it, but other programs "
                "reading this file could.")
    shown = f"!!{tag[len(CORE):]}" if tag.startswith(CORE) else tag
    return f"The tag {shown} changes what this value means (tags are not used in fosterdocs files)."


_REFUSALS = {  # rule -> message (given the refusal's detail) and fix
    "yaml/tag": (_tag_message, "Remove the tag (the word starting with !), and any %TAG line at the top."),
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


def _refused(rule: str, at: Position, detail: Any = None) -> _Problem:
    message, fix = _REFUSALS[rule]
    return _Problem(rule, message(detail), fix, *at)


def _at(mark: yaml.Mark) -> Position:
    return mark.line + 1, mark.column + 1


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


def _depth_bound(text: str) -> int:
    """At least as many levels as the file nests (usually far more): brackets still open, plus two levels for
    each column of indentation and each indicator on the deepest line."""
    depth = deepest = 0
    for bracket in _BRACKETS.sub("", text):
        depth = depth + 1 if bracket in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    lines = max((len(line) - len(line.lstrip(" ")) + len(_INDICATORS.findall(line)) for line in text.split("\n")),
                default=0)
    return deepest + 2 * (lines + 1)


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH, where it first opens. Only a file that might nest that deep is read
    event by event, by PyYAML's Python parser, which has no nesting limit of its own and stops as soon as we do."""
    if _depth_bound(text) <= MAX_DEPTH:
        return
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _refused("yaml/too-deep", _at(event.start_mark))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # not YAML: composing the file says where and why


def _alias_position(text: str) -> Position:
    """Where the first alias (*name) is: composing shares the anchored node, so only the events tell."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            return _at(event.start_mark)
    return 1, 1


class _Values:
    """Turns composed nodes into plain values and their marks, refusing what fosterdocs files never hold."""

    def __init__(self, text: str):
        self.text, self.seen = text, set()

    def value(self, node: yaml.Node) -> tuple[Any, Marks | None]:
        if id(node) in self.seen:
            raise _refused("yaml/alias", _alias_position(self.text))
        self.seen.add(id(node))
        if node.tag not in HARMLESS_TAGS:
            raise _refused("yaml/tag", _at(node.start_mark), node.tag)
        if isinstance(node, yaml.ScalarNode):
            return (plain_value(node.value) if node.tag == PLAIN else node.value), None
        if isinstance(node, yaml.SequenceNode):
            items, marks = [], []
            for item in node.value:
                value, inner = self.value(item)
                items.append(value)
                marks.append((_at(item.start_mark), _at(item.start_mark), inner))
            return items, marks
        mapping, marks = {}, {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _refused("yaml/key", _at(key_node.start_mark))
            if key_node.tag not in HARMLESS_TAGS:
                raise _refused("yaml/tag", _at(key_node.start_mark), key_node.tag)
            key = key_node.value
            if key in mapping:
                raise _refused("yaml/duplicate-key", _at(key_node.start_mark), (key, marks[key][0][0]))
            mapping[key], inner = self.value(value_node)
            marks[key] = (_at(key_node.start_mark), _at(value_node.start_mark), inner)
        return mapping, marks


def plain_value(text: str) -> Any:
    """An unquoted, untagged scalar with YAML 1.2 core rules (no sexagesimal, octal, yes/no or timestamps)."""
    lowered = text.lower()
    if lowered in _NULL:
        return None
    if lowered in _BOOL:
        return _BOOL[lowered]
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def _compose(raw: bytes, text: str) -> tuple[dict, Marks, Position]:
    _check_depth(text)
    if directive := _TAG_DIRECTIVE.search(text):
        raise _refused("yaml/tag", (text.count("\n", 0, directive.start()) + 1, 1), "%TAG")
    try:
        root = yaml.compose(raw, Loader=_Loader)
    except yaml.composer.ComposerError as err:
        if err.context and "single document" in err.context:
            raise _refused("yaml/multiple-documents", _at(err.problem_mark)) from None
        raise
    if root is None:
        raise _refused("yaml/empty", (1, 1))
    if not isinstance(root, yaml.MappingNode):
        raise _refused("yaml/not-mapping", _at(root.start_mark))
    data, marks = _Values(text).value(root)
    return data, marks, _at(root.start_mark)


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
            data, marks, position = _compose(raw, text)
        except yaml.MarkedYAMLError as err:
            raise _syntax_problem(err, text) from err
        except yaml.reader.ReaderError as err:
            raise _character_problem(err, raw) from err
        except yaml.YAMLError as err:
            raise _Problem("yaml/syntax", f"This is not valid YAML: {err}.", "Check the file's punctuation.") from err
        return Loaded(shown, data, position, marks), []
    except _Problem as problem:
        return None, [rule(problem.rule).finding(shown, problem.line, problem.column, problem.message, problem.fix)]
