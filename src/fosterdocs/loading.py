"""Read YAML into plain data, keeping the line and column of every key and value.

Read-only loading uses libyaml (C) to build the node tree; the conversion to Python values is ours, so that dates
stay text (the schema checks their form), leading-zero numbers such as phone numbers stay text, and every problem a
person can make in a file (tabs, duplicate keys, bad bytes, aliases, absurd nesting) becomes a finding, never a
traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .findings import ERROR, Finding

MAX_BYTES = 5_000_000
MAX_DEPTH = 64
YAML_HELP = "YAML 1.2 specification, https://yaml.org/spec/1.2.2/"
DATA_MODEL = "The fosterdocs data model: one UTF-8 YAML file per document, in data/<service>/"

Path_ = tuple  # a path into the data: keys and list indexes

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+)([eE][-+]?[0-9]+)?$")
_BOOL = {"true": True, "false": False}
_NULL = {"", "~", "null"}
_STANDARD_TAG = "tag:yaml.org,2002:"


@dataclass
class Loaded:
    """A YAML file as data, with where each value and each key stands in the file."""

    file: str
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at path (or of its key), or of its nearest ancestor that exists."""
        path = tuple(path)
        while True:
            found = (self.keys.get(path) if key else None) or self.values.get(path)
            if found or not path:
                return found or (1, 1)
            path = path[:-1]


class _Problem(Exception):
    def __init__(self, rule: str, message: str, fix: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.rule, self.message, self.fix, self.line, self.column = rule, message, fix, line, column


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _scalar(node: yaml.ScalarNode) -> Any:
    """Convert a scalar with YAML 1.2 core rules (no sexagesimal, octal, yes/no or timestamps)."""
    value = node.value
    if node.style:  # quoted or block scalar: always text (libyaml gives plain scalars the style "")
        return value
    if not node.tag.startswith(_STANDARD_TAG):
        line, column = _mark(node)
        raise _Problem("yaml/tag", f"Unknown tag {node.tag} (tags are not used in fosterdocs files).",
                       "Remove the tag (the word starting with !).", line, column)
    if node.tag.endswith(":str"):
        return value
    lowered = value.lower()
    if lowered in _NULL:
        return None
    if lowered in _BOOL:
        return _BOOL[lowered]
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


class _Builder:
    """Turn a libyaml node tree into Python values and position tables."""

    def __init__(self, loaded: Loaded):
        self.loaded = loaded
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: Path_, depth: int = 0) -> Any:
        if id(node) in self.seen:
            line, column = _mark(node)
            raise _Problem("yaml/alias", "This file repeats a value with an anchor and alias (& and *).",
                           "Write the value out in full where it is needed; anchors and aliases are not used here.",
                           line, column)
        self.seen.add(id(node))
        self.loaded.values[path] = _mark(node)
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, child in enumerate(node.value):
                self.loaded.keys[path + (index,)] = _mark(child)
                items.append(self.build(child, path + (index,), depth + 1))
            return items
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line, column = _mark(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Problem("yaml/key", "A key must be a plain word, not a list or mapping.",
                               "Write the key as a single word followed by a colon.", line, column)
            key = key_node.value
            if key in mapping:
                first = self.loaded.keys[path + (key,)][0]
                raise _Problem("yaml/duplicate-key", f"The key '{key}' appears twice here (first on line {first}).",
                               "Keep one of them: merge their contents, or rename the one that is wrong.", line, column)
            self.loaded.keys[path + (key,)] = (line, column)
            mapping[key] = self.build(value_node, path + (key,), depth + 1)
        return mapping


def _nesting_depth(text: str, limit: int) -> int:
    """The nesting depth of the document, stopping early once it passes limit (libyaml recurses natively)."""
    indent = max((len(line) - len(line.lstrip(" -?:")) for line in text.splitlines()), default=0)
    if indent + text.count("[") + text.count("{") <= limit:
        return 0
    depth = deepest = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            deepest = max(deepest, depth)
            if deepest > limit:
                return deepest
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return deepest


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _Problem("file/too-large", f"The file is {size // 1_000_000} MB; fosterdocs reads files up to "
                           f"{MAX_BYTES // 1_000_000} MB.", "Check this is the right file: a document is far smaller.")
        raw = path.read_bytes()
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
        if not text.strip() or all(line.lstrip().startswith("#") for line in text.splitlines() if line.strip()):
            raise _Problem("yaml/empty", "The file is empty.", "Fill it in, or delete it: "
                           "copy the matching file from data/example/ to start.")
        if _nesting_depth(text, MAX_DEPTH) > MAX_DEPTH:
            raise _Problem("yaml/too-deep", f"The file nests lists or sections more than {MAX_DEPTH} levels deep.",
                           "Check the indentation and brackets: no document needs this many levels.")
        try:
            documents = list(yaml.compose_all(text, Loader=yaml.CSafeLoader))
        except yaml.MarkedYAMLError as err:
            raise _syntax_problem(err, text) from err
        except yaml.YAMLError as err:
            raise _Problem("yaml/syntax", f"This is not valid YAML: {err}.", "Check the file's punctuation.") from err
        if len(documents) != 1:
            raise _Problem("yaml/multiple-documents", "The file holds more than one YAML document (a line '---').",
                           "Keep one document per file: remove the extra '---' line.")
        root = documents[0]
        if not isinstance(root, yaml.MappingNode):
            line, column = _mark(root)
            raise _Problem("yaml/not-mapping", "The file must be a set of 'key: value' lines, not a single value "
                           "or a list.", "Start from the matching file in data/example/.", line, column)
        loaded = Loaded(shown, None)
        loaded.data = _Builder(loaded).build(root, ())
        return loaded, []
    except _Problem as problem:
        return None, [Finding(shown, problem.line, problem.column, ERROR, problem.rule, problem.message,
                              problem.fix, YAML_HELP if problem.rule.startswith("yaml/") else DATA_MODEL)]
    except RecursionError:
        return None, [Finding(shown, 1, 1, ERROR, "yaml/too-deep", "The file nests too deeply to read.",
                              "Check the indentation and brackets.", YAML_HELP)]
