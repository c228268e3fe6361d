"""JSON Schema validation, turned into findings a registered manager can act on.

The checks are jsonschema-rs's (JSON Schema 2020-12, formats checked: a date must exist): jsonschema, the reference
implementation, took thirty times as long on the bundled documents: half the time of `validate`.

Each schema property may carry `x-source` (the regulation or standard), `x-basis` (law, standard or
expected-practice), `x-requirement` (a stable id such as SOP-STAFF), `x-rule` (the rule id findings on it get),
`x-message` and `x-fix`. A finding takes the most specific of each along the path that failed.
"""

from __future__ import annotations

import calendar
import difflib
import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator

import jsonschema_rs

from .document_types import TYPES
from .findings import ERROR, Finding
from .loading import Loaded

SCHEMA_NAMES = {**{kind: t.schema for kind, t in TYPES.items()}, "reference": "reference"}  # kind -> its schema's name
SHARED = "common.schema.json"
_INHERITED = ("x-source", "x-basis", "x-requirement")
_OWN = ("x-rule", "x-message", "x-fix", "description")
_CONTAINERS = {"properties", "$defs", "oneOf"}  # keywords whose next step is a name or an index, not a keyword
_BRANCHES = {"then", "else"}  # parts of the node they are in: its rule and wording hold in them too
_TYPE_NAMES = {"string": "text", "object": "a set of 'key: value' lines", "array": "a list",
               "integer": "a whole number", "number": "a number", "boolean": "true or false", "null": "empty"}
_FORMAT_RULES = {"date": "format/date", "email": "format/email", "uri": "format/url"}


@dataclass
class Schema:
    """One document schema, the shared definitions it refers to, and the annotations it carries."""

    kind: str
    root: dict
    shared: dict
    name: str  # schema/<name>.schema.json, as the catalogue of document types says
    _walked: dict[tuple, tuple[dict, dict, jsonschema_rs.Resolver]] = field(default_factory=dict, init=False,
                                                                            repr=False)

    @property
    def file(self) -> str:
        return f"{self.name}.schema.json"

    @cached_property
    def registry(self) -> jsonschema_rs.Registry:
        """This schema under its file name, and the shared definitions its $refs point into."""
        return jsonschema_rs.Registry([(self.file, self.root), (SHARED, self.shared)])

    @cached_property
    def validator(self) -> jsonschema_rs.Draft202012Validator:
        """The schema's validator, with real date, email and web address checks, built once.

        Building it holds the schema to the 2020-12 metaschema and reads its patterns and $refs: a ValueError says
        what is wrong."""
        return jsonschema_rs.Draft202012Validator(self.root, registry=self.registry, validate_formats=True)

    def check(self) -> None:
        """Raise ValueError if the schema cannot be used: not JSON Schema 2020-12, a pattern that is not a regular
        expression, or a $ref that points to nothing."""
        try:
            self.validator
        except (ValueError, jsonschema_rs.ReferencingError) as err:
            raise ValueError(str(err).split("\n", 1)[0]) from None

    def resolve(self, node: dict, base: jsonschema_rs.Resolver | None = None) -> tuple[dict, jsonschema_rs.Resolver]:
        """Follow $refs (local, or into the shared definitions), keeping annotations written beside them.

        Returns the node and the resolver its own $refs are relative to."""
        base = base or self.registry.resolver(self.file)
        while isinstance(node, dict) and "$ref" in node:
            resolved = base.lookup(node["$ref"])
            base = resolved.resolver
            node = {**resolved.contents, **{k: v for k, v in node.items() if k != "$ref"}}
        return node, base

    def walk(self, schema_path) -> tuple[dict, dict, jsonschema_rs.Resolver]:
        """Follow a schema path in the schema as written: (annotations in force, last schema node, its resolver).

        Sources are inherited along the path; the rule and wording are the last node's own. Each path is followed
        once (many documents fail in the same places)."""
        schema_path = tuple(schema_path)
        if schema_path not in self._walked:
            self._walked[schema_path] = self._walk(schema_path)
        return self._walked[schema_path]

    def _walk(self, schema_path: tuple) -> tuple[dict, dict, jsonschema_rs.Resolver]:
        inherited: dict = {}
        own: dict = {}
        node, base, is_schema, branch = self.root, None, True, False
        last = self.resolve(node)
        for step in schema_path:
            if is_schema:
                node, base = self.resolve(node, base)
                last = (node, base)
                own = {**(own if branch else {}), **{k: node[k] for k in _OWN if k in node}}
                inherited.update({k: node[k] for k in _INHERITED if k in node})
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                break
            is_schema, branch = step not in _CONTAINERS, step in _BRANCHES
        return {**inherited, **own}, *last

    def annotations(self, schema_path) -> dict:
        return self.walk(schema_path)[0]

    @cached_property
    def requirements(self) -> dict[str, str]:
        """Every requirement id in the schema and its basis."""
        return {node["x-requirement"]: node.get("x-basis", "") for _, node in schema_nodes(self.root)
                if "x-requirement" in node}


def schema_nodes(node: Any, path: tuple = ()) -> Iterator[tuple[tuple, dict]]:
    """Every mapping in a schema (or any JSON value), with its path, in file order."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from schema_nodes(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from schema_nodes(value, path + (index,))


def load_schemas(schema_dir: Path) -> dict[str, Schema]:
    """Read every document schema, and the definitions they share, once; a schema that cannot be used stops here,
    before any document."""
    def read(name: str) -> dict:
        return json.loads((schema_dir / name).read_text(encoding="utf-8"))

    shared = read(SHARED)
    schemas = {kind: Schema(kind, read(f"{name}.schema.json"), shared, name) for kind, name in SCHEMA_NAMES.items()}
    for schema in schemas.values():
        try:
            schema.check()
        except ValueError as err:
            raise ValueError(f"{schema.file} (or {SHARED}, which it uses): {err}") from err
    return schemas


def _real_date_problem(text: str) -> str:
    """Why a value written YYYY-MM-DD is not a date that exists, in words ('' when it is not written so)."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not match:
        return ""
    year, month, day = map(int, match.groups())
    if not 1 <= month <= 12:
        return f"there is no month {month:02d}"
    if year < 1:
        return "there is no year 0000"
    if day < 1:
        return "there is no day 00"
    return f"{calendar.month_name[month]} {year} has {calendar.monthrange(year, month)[1]} days"


def _label(path) -> str:
    return "the file" if not path else "`" + ".".join(str(p) for p in path) + "`"


def _written(error: jsonschema_rs.ValidationError) -> tuple:
    """Where an error is in the schema as written: jsonschema-rs's evaluation path without its $ref steps (Schema.walk
    follows each $ref where it stands)."""
    return tuple(step for step in error.evaluation_path if step != "$ref")


def _keyword(error: jsonschema_rs.ValidationError) -> str:
    """The keyword that failed: the last step of the error's path in the schema."""
    path = _written(error)
    return str(path[-1]) if path else ""


def _branch(error: jsonschema_rs.ValidationError) -> list[jsonschema_rs.ValidationError]:
    """For a failed oneOf, the errors of the alternative the author most likely meant."""
    depth = len(error.instance_path)

    def fit(errors: list[jsonschema_rs.ValidationError]) -> tuple:
        wrong_shape = any(_keyword(e) in ("type", "required") and len(e.instance_path) == depth for e in errors)
        return (wrong_shape, -max(len(e.instance_path) for e in errors), len(errors))

    candidates = sorted((errors for errors in getattr(error.kind, "context", []) if errors), key=fit)
    if not candidates:
        return []
    best = candidates[0]
    return [] if fit(best)[0] else best


class _Mapper:
    """Turn the raw errors of one document into findings."""

    def __init__(self, schema: Schema, loaded: Loaded, service: str):
        self.schema, self.loaded, self.service = schema, loaded, service
        self.seen: set[tuple] = set()

    def finding(self, path, notes: dict, message: str, fix: str, *, key: bool = False) -> Finding:
        line, column = self.loaded.where(path, key=key)
        source = notes.get("x-source") or f"The fosterdocs data model, schema/{self.schema.file}"
        return Finding(self.loaded.file, line, column, ERROR, notes.get("x-rule", "schema/invalid"), message,
                       fix or notes.get("x-fix", ""), source, notes.get("x-basis", ""),
                       notes.get("x-requirement", ""), self.service)

    def map(self, error: jsonschema_rs.ValidationError) -> Iterator[Finding]:
        path = tuple(error.instance_path)
        schema_path = _written(error)
        notes = self.schema.annotations(schema_path)
        where = _label(path)
        kind = _keyword(error)
        if kind == "oneOf":
            chosen = _branch(error)
            if chosen:
                for sub in chosen:
                    yield from self.map(sub)
                return
            yield self.finding(path, notes, f"{where} {notes.get('x-message', 'is not in a form fosterdocs knows')}.",
                               notes.get("x-fix") or notes.get("description", "") + " See data/example/.")
        elif kind == "required":
            name = error.kind.property
            if (path, name) in self.seen:
                return
            self.seen.add((path, name))
            _, parent, base = self.schema.walk(schema_path)
            written = parent.get("properties", {}).get(name, {})
            prop, _ = self.schema.resolve(written, base)
            merged = {**{k: v for k, v in notes.items() if k in _INHERITED},
                      **{k: v for k, v in prop.items() if k in _INHERITED + ("description",)},
                      # a definition's own rule is about its form
                      "x-rule": written.get("x-rule", "schema/missing")}
            what = prop.get("description", "")
            inside = "" if not path else f" under {where}"
            yield self.finding(path, merged, f"`{name}` is missing{inside}." + (f" {what}" if what else ""),
                               f"Add `{name}:`{inside}" + (", as in data/example/." if not path else "."), key=True)
        elif kind == "additionalProperties":
            allowed = sorted(self.schema.walk(schema_path)[1].get("properties", {}))
            for name in sorted(error.kind.unexpected, key=str):
                guess = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
                fix = (f"Did you mean `{guess[0]}`?" if guess else
                       "Remove it, or use one of: " + ", ".join(f"`{a}`" for a in allowed) + ".")
                yield self.finding(path + (name,), {**notes, "x-rule": "schema/unknown-key"},
                                   f"Unknown key `{name}` in {where}: it would be ignored.", fix, key=True)
        elif kind == "type":
            names = " or ".join(_TYPE_NAMES.get(t, t) for t in error.kind.types)
            yield self.finding(path, {**notes, "x-rule": notes.get("x-rule", "schema/type")},
                               f"{where} should be {names}.", notes.get("description", ""))
        elif kind == "pattern" and "x-message" in notes:
            yield self.finding(path, notes, f"{where}: '{error.instance}' {notes['x-message']}.", "")
        elif kind in ("pattern", "minLength"):  # only plain text has a pattern without its own message
            yield self.finding(path, {**notes, "x-rule": "schema/empty"}, f"{where} is empty.",
                               "Write the text, or remove the line.")
        elif kind == "maxLength":
            yield self.finding(path, {**notes, "x-rule": notes.get("x-rule", "schema/too-long")},
                               f"{where} is {len(error.instance):,} characters long; it should be at most "
                               f"{error.kind.limit:,}.", "Shorten it: put the detail in the section's text.")
        elif kind == "minItems":
            yield self.finding(path, {**notes, "x-rule": notes.get("x-rule", "schema/empty")},
                               f"{where} is an empty list.", "Add at least one item, or remove the line.")
        elif kind == "enum":
            options = [str(v) for v in error.kind.options]
            guess = difflib.get_close_matches(str(error.instance), options, n=1, cutoff=0.5)
            yield self.finding(path, {**notes, "x-rule": "schema/not-allowed"},
                               f"{where}: '{error.instance}' is not one of the allowed values.",
                               (f"Did you mean '{guess[0]}'? " if guess else "") + "Allowed: "
                               + ", ".join(options) + ".")
        elif kind in ("minimum", "maximum"):
            bound = "at least" if kind == "minimum" else "at most"
            yield self.finding(path, {**notes, "x-rule": notes.get("x-rule", "schema/out-of-range")},
                               f"{where} is {error.instance}; it should be {bound} {error.kind.limit}.",
                               notes.get("description", ""))
        elif kind == "minProperties":
            yield self.finding(path, {**notes, "x-rule": notes.get("x-rule", "schema/empty")}, f"{where} is empty.",
                               "Fill it in, or remove the line.")
        elif kind == "format":
            yield from self.format(path, notes, where, error, self.schema.walk(schema_path)[1])
        elif kind == "uniqueItems":
            yield self.finding(path, {**notes, "x-rule": notes.get("x-rule", "schema/repeated")},
                               f"{where} lists the same item more than once.", "Remove the repeated item.")
        else:  # a keyword the schemas did not use when this was written
            yield self.finding(path, notes, f"{where} {notes.get('x-message', 'is not in a form fosterdocs knows')}.",
                               notes.get("x-fix") or notes.get("description", "") + " See data/example/.")

    def format(self, path: tuple, notes: dict, where: str, error: jsonschema_rs.ValidationError,
               node: dict) -> Iterator[Finding]:
        """A date that does not exist, an email address or a web address that is not one."""
        if "pattern" in node and not re.search(node["pattern"], error.instance):
            return  # the pattern's finding says it
        name = error.kind.format
        notes = {**notes, "x-rule": notes.get("x-rule", _FORMAT_RULES.get(name, "schema/invalid"))}
        if name == "date":
            problem = _real_date_problem(error.instance)
            if problem:
                yield self.finding(path, notes, f"{where}: '{error.instance}' is not a date that exists: {problem}.",
                                   "Check the day and the month, and write the date that was meant.")
            else:
                yield self.finding(path, notes, f"{where}: '{error.instance}' is not a date in the form YYYY-MM-DD.",
                                   "Write the date as YYYY-MM-DD, for example 2025-03-31.")
            return
        what = {"email": "an email address", "uri": "a web address"}.get(name, f"in the form {name}")
        yield self.finding(path, notes, f"{where}: '{error.instance}' {notes.get('x-message', 'is not ' + what)}.",
                           notes.get("x-fix", ""))


def findings(schema: Schema, loaded: Loaded, service: str) -> Iterator[Finding]:
    """Check one loaded document against its schema, each finding worked out only when it is asked for."""
    mapper = _Mapper(schema, loaded, service)
    return (f for error in schema.validator.iter_errors(loaded.data) for f in mapper.map(error))


def validate(schema: Schema, loaded: Loaded, service: str) -> list[Finding]:
    """Check one loaded document against its schema."""
    return list(findings(schema, loaded, service))
