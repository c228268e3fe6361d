"""The form's answers written back into the YAML: ruamel.yaml round trip, only edited values changed, atomic writes.

Every untouched line stays byte-identical: the edited document is dumped, and only the lines that differ from a
dump of the unedited one are put into the original text, so even a construct ruamel.yaml lays out differently is
kept as the person wrote it unless its own value was edited.
"""

from __future__ import annotations

import difflib
import hashlib
import io
import pickle
import re
from datetime import date
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString, ScalarString

from ..atomic import ChangedMeanwhile, replace_file
from .forms import Field, Mapper, path_of

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TAGS = re.compile(r"<\s*/?\s*(p|div|span|br|b|i|u|strong|em|font|o:p|li|ul|ol|table|tr|td)\b[^>]*>", re.I)


class Unreadable(Exception):
    """The text is not YAML that can be edited in the form."""


def digest(raw: bytes) -> str:
    """What identifies a version of a file: a change anywhere changes it."""
    return hashlib.sha256(raw).hexdigest()


def _yaml() -> YAML:
    yaml = YAML()  # round trip: comments, key order and quoting kept
    yaml.preserve_quotes = True
    yaml.width = 100_000  # never fold long lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    yaml.representer.ignore_aliases = lambda *_: True  # a value used twice is written twice: no anchors
    return yaml


def parse(text: str) -> Any:
    """The document as ruamel.yaml's round-trip data."""
    try:
        data = _yaml().load(text)
    except (YAMLError, ValueError) as err:
        raise Unreadable(str(err)) from err
    if not isinstance(data, CommentedMap):
        raise Unreadable("The file is not a set of 'key: value' lines.")
    return data


@lru_cache(maxsize=32)
def _parsed(text: str) -> tuple[bytes, str]:
    data = parse(text)
    return pickle.dumps(data), dump(data)


def parse_once(text: str) -> tuple[CommentedMap, str]:
    """A fresh copy of the document parsed from text, to change at will, and ruamel.yaml's layout of it (the
    `before` of merge_lines). Each text is parsed once: the copy is unpickled from the first parse, twenty times
    faster than parsing again (the form's working text is the same for every change checked as you type)."""
    kept, layout = _parsed(text)
    return pickle.loads(kept), layout  # (our own pickle, never data from outside)


def dump(data: Any) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def merge_lines(original: str, before: str, after: str) -> str:
    """original with the changes that turn before into after (before is ruamel's layout of original)."""
    if before == original:
        return after
    here = original.splitlines(keepends=True)
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    to_original: dict[int, int] = {}  # a line of before -> the same line in original
    for tag, i1, i2, j1, _ in difflib.SequenceMatcher(None, old, here, autojunk=False).get_opcodes():
        if tag == "equal":
            to_original.update({i1 + k: j1 + k for k in range(i2 - i1)})
    out, at = [], 0
    changes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in changes:
        if tag == "equal":
            continue
        start = to_original.get(i1) if i1 < len(old) else len(here)
        end = to_original.get(i2 - 1, None) if i2 > i1 else start
        if start is None or end is None or start < at:
            return after  # the change falls where ruamel lays the file out differently: its layout is the safe one
        out += here[at:start]
        out += new[j1:j2]
        at = end + 1 if i2 > i1 else start
    return "".join(out + here[at:])


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "p", "div", "li", "tr"):
            self.parts.append("\n")


def plain(text: str) -> str:
    """What was typed or pasted, as plain text: Windows line ends made Unix, HTML (pasted from Word) made text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _TAGS.search(text):
        reader = _Text()
        reader.feed(text)
        reader.close()
        text = re.sub(r"\n{3,}", "\n\n", "".join(reader.parts)).strip()
    return text


def _answer(field: Field, form: dict[str, str]) -> tuple[bool, Any]:
    """(answered, value) for one field from the posted form; an empty answer is None."""
    if field.kind == "date":
        parts = [form.get(f"{field.name}-{p}", "").strip() for p in ("year", "month", "day")]
        if f"{field.name}-year" not in form:
            return False, None
        year, month, day = parts
        if not (year or month or day):
            return True, None
        if day and year.isdigit() and month.isdigit() and day.isdigit():
            text = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
            try:
                return True, date.fromisoformat(text)
            except ValueError:
                return True, text  # kept as typed: its finding says what is wrong
        return True, f"{year}-{month.zfill(2)}" + (f"-{day.zfill(2)}" if day else "")
    if field.name not in form:
        return False, None
    raw = plain(form[field.name])
    if field.kind in ("text", "textarea", "choice"):
        return True, (raw if raw.strip() else None)
    if field.kind == "number":
        raw = raw.strip()
        number = int(raw) if re.fullmatch(r"-?\d+", raw) else float(raw) if re.fullmatch(r"-?\d+\.\d+", raw) else raw
        return True, number if raw else None
    if field.kind == "boolean":
        return True, {"true": True, "false": False}.get(raw)
    return False, None


def _same(old: Any, new: Any) -> bool:
    """Whether an answer is the value already written (so that it is left exactly as it is)."""
    if isinstance(old, date) or isinstance(new, date):  # a date, or a date written in quotes
        return str(old) == str(new)
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    if isinstance(old, (int, float)) and isinstance(new, (int, float)):
        return old == new
    return isinstance(old, str) and isinstance(new, str) and str(old) == new


def styled(old: Any, new: Any) -> Any:
    """A new text in the quoting style of the one it replaces; a text of several lines as a block."""
    if not isinstance(new, str):
        return new
    if isinstance(old, ScalarString) and not isinstance(old, LiteralScalarString) and old and "\n" not in new:
        return type(old)(new)
    if "\n" in new:
        return LiteralScalarString(new)
    return new


def _container(data: CommentedMap, path: tuple, mapper: Mapper) -> Any:
    """The mapping or list holding the value at path, made (in schema order) where it is missing."""
    node = data
    for depth, step in enumerate(path[:-1]):
        following = path[depth + 1]
        child = node[step] if (isinstance(node, dict) and step in node) or (
            isinstance(node, list) and isinstance(step, int) and step < len(node)) else None
        if not isinstance(child, (dict, list)):
            child = CommentedSeq() if isinstance(following, int) else CommentedMap()
            _put(node, path[:depth + 1], step, child, data, mapper)
        node = child
    return node


def _put(node: Any, path: tuple, key: Any, value: Any, data: CommentedMap, mapper: Mapper) -> None:
    if isinstance(node, list):
        while len(node) <= key:
            node.append("")
        node[key] = value
    elif key in node:
        node[key] = value
    else:
        order = mapper.property_order(path[:-1], data)
        after = [k for k in order[: order.index(key)]] if key in order else list(node)
        position = max((i + 1 for i, k in enumerate(node) if k in after), default=0 if key in order else len(node))
        node.insert(position, key, value)


def apply_answers(data: CommentedMap, form_tree: Field, form: dict[str, str], mapper: Mapper) -> list[tuple]:
    """Set every value the person changed; returns the paths changed. Emptied keys are removed."""
    changed = []
    for field in form_tree.walk():
        if field.kind in ("group", "list", "shared", "other") or not field.path:
            continue
        answered, value = _answer(field, form)
        if not answered:
            continue
        old = field.value
        if value is None:
            if old is None:
                continue
            parent = _container(data, field.path, mapper)
            if isinstance(parent, dict):
                parent.pop(field.path[-1], None)
            else:
                parent[field.path[-1]] = ""
            changed.append(field.path)
        elif old is None or not _same(old, value):
            parent = _container(data, field.path, mapper)
            _put(parent, field.path, field.path[-1], styled(old, value), data, mapper)
            changed.append(field.path)
    return changed


def at(data: Any, path: tuple) -> Any:
    for step in path:
        data = data[step]
    return data


def apply_action(data: CommentedMap, action: str, mapper: Mapper) -> tuple | None:
    """Add, remove or move a list item, or add a missing section; returns the path to put the focus on."""
    verb, _, name = action.partition(":")
    path = path_of(name) if name else ()
    if verb == "add-section" and path:
        node = mapper.schema_at(path, data)
        _put(data, path, path[0], CommentedMap({"title": node.get("title") or path[0].replace("_", " ")})
             if "title" in node.get("properties", {}) else CommentedMap(), data, mapper)
        return path
    if verb == "add":
        items = _container(data, path + (0,), mapper)
        if not isinstance(items, list):
            return None
        items.append(mapper.new_item(path, data))
        return path + (len(items) - 1,)
    if verb in ("remove", "up", "down") and path and isinstance(path[-1], int):
        items, index = at(data, path[:-1]), path[-1]
        if not isinstance(items, list) or index >= len(items):
            return None
        if verb == "remove":
            del items[index]
            return path[:-1]
        other = index - 1 if verb == "up" else index + 1
        if 0 <= other < len(items):
            items[index], items[other] = items[other], items[index]
            return path[:-1] + (other,)
        return path
    return None


class Changed(Exception):
    """The file changed on disk since the form was loaded."""


def save(path: Path, text: str, base: str) -> str:
    """Write text to path unless the file is no longer the version the form was made from; returns the new digest."""
    current = path.read_bytes() if path.exists() else b""
    if digest(current) != base:
        raise Changed(str(path))
    try:
        replace_file(path, text.encode("utf-8"), expected=current)  # (and not changed while this was written)
    except ChangedMeanwhile:
        raise Changed(str(path)) from None
    return digest(text.encode("utf-8"))
