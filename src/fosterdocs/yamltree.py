"""Build plain values from YAML, with the line and column of every key and value, refusing what fosterdocs files
never hold (aliases, unknown tags, several documents, absurd nesting) as soon as it appears.

`build` reads libyaml's parse events in one pass: no node tree and no recursion. _yamltree.pyx is the same
function compiled, used when it was built; the tests hold the two to the same results.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.cyaml import CParser

MAX_DEPTH = 64
STANDARD_TAG = "tag:yaml.org,2002:"

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|(0|[1-9][0-9]*)(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")  # 0123 stays text
_BOOL = {"true": True, "false": False}
_NULL = {"", "~", "null"}
_NUMBER_START = frozenset("0123456789+-.")

Position = tuple[int, int]  # line and column, from 1
Marks = dict | list  # for each key or item of a mapping or list: (key's position, value's position, marks inside it)


class Refused(Exception):
    """Something fosterdocs does not accept in a YAML file: a rule id, where (line, column) and what to name."""

    def __init__(self, rule: str, line: int, column: int, detail: Any = None):
        super().__init__(rule)
        self.rule, self.line, self.column, self.detail = rule, line, column, detail


def plain_value(text: str) -> Any:
    """An unquoted, untagged scalar with YAML 1.2 core rules (no sexagesimal, octal, yes/no or timestamps)."""
    if not text:
        return None
    if text[0] in _NUMBER_START:
        if _INT.match(text):
            return int(text)
        if _FLOAT.match(text):
            return float(text)
    elif len(text) <= 5:
        lowered = text.lower()
        if lowered in _NULL:
            return None
        if lowered in _BOOL:
            return _BOOL[lowered]
    return text


def _where(mark: yaml.Mark) -> Position:
    return mark.line + 1, mark.column + 1


def _checked_tag(tag: str | None, mark: yaml.Mark) -> str | None:
    if tag is not None and tag != "!" and not tag.startswith(STANDARD_TAG):
        raise Refused("yaml/tag", *_where(mark), tag)
    return tag


def _scalar(event: yaml.ScalarEvent) -> Any:
    tag = event.tag
    if event.style or tag is not None and (tag == "!" or tag.endswith(":str")):
        return event.value  # quoted, block or tagged as text (libyaml gives plain scalars the style "")
    return plain_value(event.value)


def build(data: bytes) -> tuple[dict, Marks, Position]:
    """The mapping a YAML file holds, the positions inside it, and where it starts. Raises Refused, or PyYAML's
    errors for text that is not YAML."""
    get_event = CParser(data).get_event
    scalar, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    stack: list[tuple] = []  # the mappings and lists around the open one
    container: dict | list | None = None  # the open mapping or list, its marks, and the key waiting for a value
    marks: Marks | None = None
    mapping, has_key, key, key_at = False, False, None, None
    root: tuple = ()
    documents = 0
    while (event := get_event()) is not None:
        kind = type(event)
        if kind is scalar:
            _checked_tag(event.tag, event.start_mark)
            at = _where(event.start_mark)
            if mapping:
                if not has_key:
                    key = event.value
                    if key in container:
                        raise Refused("yaml/duplicate-key", *at, (key, marks[key][0][0]))
                    key_at, has_key = at, True
                else:
                    container[key] = _scalar(event)
                    marks[key] = (key_at, at, None)
                    has_key = False
            elif container is not None:
                container.append(_scalar(event))
                marks.append((at, at, None))
            else:
                raise Refused("yaml/not-mapping", *at)
        elif kind is mapping_start or kind is sequence_start:
            _checked_tag(event.tag, event.start_mark)
            at = _where(event.start_mark)
            value, inner = ({}, {}) if kind is mapping_start else ([], [])
            if mapping:
                if not has_key:
                    raise Refused("yaml/key", *at)
                container[key] = value
                marks[key] = (key_at, at, inner)
                has_key = False
            elif container is not None:
                container.append(value)
                marks.append((at, at, inner))
            elif kind is mapping_start:
                root = (value, inner, at)
            else:
                raise Refused("yaml/not-mapping", *at)
            if len(stack) >= MAX_DEPTH:
                raise Refused("yaml/too-deep", *at)
            stack.append((container, marks, mapping))
            container, marks, mapping = value, inner, kind is mapping_start
        elif kind in ends:
            container, marks, mapping = stack.pop()
        elif kind is yaml.AliasEvent:
            raise Refused("yaml/alias", *_where(event.start_mark))
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise Refused("yaml/multiple-documents", *_where(event.start_mark))
    if not root:
        raise Refused("yaml/empty", 1, 1)
    return root
