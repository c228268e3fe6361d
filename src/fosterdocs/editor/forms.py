"""A document's JSON Schema and its data, walked together into a tree of form fields (label, hint, law, value)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from jsonschema import Draft202012Validator

SHARED = "common.schema.json"
DATE_RULE = "format/date"  # a date, unless a property names its own rule (then known by `format: date` or the
# shared date pattern)
LONG_TEXT = 70  # characters: longer values, and any with a line break, get a text area


@dataclass
class Field:
    """One question of the form: a value (text, date, number, yes/no, choice), a group of them, a list, or a shared
    fact shown read-only."""

    path: tuple
    kind: str  # text | textarea | date | number | boolean | choice | group | list | shared | other
    label: str
    hint: str = ""
    source: str = ""  # the regulation or standard, for required items
    required: bool = False
    value: Any = None
    options: list = field(default_factory=list)  # choice: the allowed values
    children: list[Field] = field(default_factory=list)  # group: its fields; list: its items
    requirement: str = ""  # x-requirement id of the item (for downgrades)
    basis: str = ""  # law | standard | expected-practice

    @property
    def id(self) -> str:
        return field_id(self.path)

    @property
    def name(self) -> str:
        return self.id

    def walk(self):
        """This field and every field inside it, in form order."""
        yield self
        for child in self.children:
            yield from child.walk()


def field_id(path: tuple) -> str:
    """The HTML id and form name of the field at a data path: f.registered_manager.phone, f.contacts.0.name."""
    return ".".join(["f", *(str(step).replace("~", "~0").replace(".", "~1") for step in path)])


def path_of(name: str) -> tuple:
    """The data path a form name stands for (the inverse of field_id): list indexes become numbers."""
    steps = name.split(".")[1:]
    return tuple(int(s) if s.isdigit() else s.replace("~1", ".").replace("~0", "~") for s in steps)


def humanise(key: str) -> str:
    """A label from a key when the schema has no title: registered_manager -> Registered manager."""
    words = re.sub(r"[_-]+", " ", str(key)).strip()
    return words[:1].upper() + words[1:] if words else str(key)


class Mapper:
    """Builds the form of one document from its schema (and the shared definitions its $refs point into)."""

    def __init__(self, root: dict, shared: dict):
        self.documents = {"": root, SHARED: shared}

    def resolve(self, node: dict, base: str = "") -> tuple[dict, str]:
        """Follow $refs, keeping the annotations written beside them (they win over the target's)."""
        seen = 0
        while isinstance(node, dict) and "$ref" in node and seen < 50:
            seen += 1
            where, _, pointer = node["$ref"].partition("#")
            base = where or base
            target: Any = self.documents[base]
            for step in filter(None, pointer.split("/")):
                target = target[step.replace("~1", "/").replace("~0", "~")]
            node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        return node, base

    def branch(self, node: dict, base: str, value: Any) -> tuple[dict, str]:
        """The schema that applies to this value: the `then` or `else` of an `if`, or the matching `oneOf`."""
        node, base = self.resolve(node, base)
        if "if" in node:
            matches = value is not None and Draft202012Validator(node["if"]).is_valid(value)
            if value is None:  # nothing written yet: the simplest form (a paragraph, a contact written out)
                matches = node["if"].get("type") == "string"
            chosen, base = self.branch(node.get("then" if matches else "else", {}), base, value)
            rest = {k: v for k, v in node.items() if k not in ("if", "then", "else")}
            return {**chosen, **rest}, base
        if "oneOf" in node:
            for option in node["oneOf"]:
                resolved, option_base = self.resolve(option, base)
                if value is not None and Draft202012Validator(
                        {k: v for k, v in resolved.items() if k in ("type", "required", "enum")}).is_valid(value):
                    rest = {k: v for k, v in node.items() if k != "oneOf"}
                    return {**resolved, **rest}, option_base
        return node, base

    def form(self, data: Any) -> Field:
        """The whole document's form."""
        root, _ = self.resolve(self.documents[""])
        return self.field(root, "", data, (), root.get("title", "Document"), True)

    def field(self, written: dict, base: str, value: Any, path: tuple, label: str, required: bool) -> Field:
        """The field for value at path; a list item (path ends in an index) keeps the label it is given."""
        node, base = self.branch(written, base, value)
        title = label if path and isinstance(path[-1], int) else written.get("title") or node.get("title") or label
        hint = written.get("description") or node.get("description") or ""
        own_source = written.get("x-source") if "x-requirement" in written or required else ""
        made = Field(path, "other", title, hint, own_source or "", required, value,
                     requirement=node.get("x-requirement", ""), basis=node.get("x-basis", ""))
        kind = self._kind(node, value)
        made.kind = kind
        if kind == "group":
            self._group(made, node, base, value if isinstance(value, dict) else {})
        elif kind == "list":
            items = node.get("items", {})
            singular = self.resolve(items, base)[0].get("title") or title
            for index, item in enumerate(value if isinstance(value, list) else []):
                made.children.append(self.field(items, base, item, path + (index,), _item_label(singular, index,
                                                                                                 item), False))
        elif kind == "choice":
            made.options = list(node["enum"])
        return made

    def _kind(self, node: dict, value: Any) -> str:
        if isinstance(value, dict) and set(value) == {"use"}:
            return "shared"
        declared = node.get("type")
        if value is not None:  # what is written decides when it differs from the schema (its finding says so)
            actual = ("group" if isinstance(value, dict) else "list" if isinstance(value, list)
                      else "boolean" if isinstance(value, bool) else "number" if isinstance(value, (int, float))
                      else "text")
            expected = {"object": "group", "array": "list", "boolean": "boolean", "integer": "number",
                        "number": "number"}.get(declared, "text")
            if actual != expected and not (actual == "text" and "enum" in node):
                return actual if actual != "text" else self._text_kind(node, value)
        if "enum" in node:
            return "choice"
        if declared == "object" or "properties" in node:
            return "group"
        if declared == "array":
            return "list"
        if declared == "boolean":
            return "boolean"
        if declared in ("integer", "number"):
            return "number"
        return self._text_kind(node, value)

    def _text_kind(self, node: dict, value: Any) -> str:
        date_pattern = self.documents[SHARED].get("$defs", {}).get("date", {}).get("pattern")
        if (node.get("x-rule") == DATE_RULE or node.get("format") == "date"
                or (date_pattern and node.get("pattern") == date_pattern)):
            return "date"
        text = "" if value is None else str(value)
        return "textarea" if len(text) > LONG_TEXT or "\n" in text else "text"

    def _group(self, made: Field, node: dict, base: str, value: dict) -> None:
        required = set(node.get("required", []))
        properties = node.get("properties", {})
        for key, written in properties.items():
            made.children.append(self.field(written, base, value.get(key), made.path + (key,), humanise(key),
                                            key in required))
        for key in value:  # keys the schema does not know: shown as they are, with their finding
            if key not in properties:
                made.children.append(self.field({}, base, value[key], made.path + (key,), humanise(key), False))

    def new_item(self, list_field_path: tuple, data: Any) -> Any:
        """An empty item for the list at path: a paragraph, an empty set of fields, or empty text."""
        node = self.schema_at(list_field_path, data)
        items, base = self.branch(node.get("items", {}), "", None)
        if items.get("type") == "object" or "properties" in items:
            return {}
        if items.get("type") == "array":
            return []
        return ""

    def schema_at(self, path: tuple, data: Any) -> dict:
        """The schema (resolved for the data there) of the value at path."""
        node, base = self.branch(self.documents[""], "", data)
        value = data
        for step in path:
            if isinstance(step, int):
                written = node.get("items", {})
                value = value[step] if isinstance(value, list) and step < len(value) else None
            else:
                written = node.get("properties", {}).get(step, {})
                value = value.get(step) if isinstance(value, dict) else None
            node, base = self.branch(written, base, value)
        return node

    def property_order(self, path: tuple, data: Any) -> list[str]:
        """The keys of the object at path, in the schema's order."""
        return list(self.schema_at(path, data).get("properties", {}))


def _item_label(singular: str, index: int, item: Any) -> str:
    name = item.get("name") or item.get("title") if isinstance(item, dict) else None
    label = f"{singular} {index + 1}"
    return f"{label}: {name}" if isinstance(name, str) and name.strip() else label
