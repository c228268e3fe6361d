"""The compiled validator reports exactly what jsonschema, the reference implementation, reports: on every bundled
document and on thousands of broken copies of them."""

from __future__ import annotations

import copy
import random

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from validator_support import ROOT

from fosterdocs.compiled_schema import Compiler, UnsupportedSchema
from fosterdocs.document_types import kind_of
from fosterdocs.loading import load
from fosterdocs.schema import SHARED, load_schemas

SCHEMAS = load_schemas(ROOT / "schema")
BUNDLED = sorted(p for p in (ROOT / "data").glob("*/*.yaml") if p.parent.name != "reference" and kind_of(p))
REFERENCE = sorted((ROOT / "data" / "reference").glob("*.yaml"))
REPLACEMENTS = (None, 7, 2.5, True, "", "text", [], ["x", "x"], {}, {"unknown_key": 1}, -1)


def oracle(kind: str) -> Draft202012Validator:
    schema = SCHEMAS[kind]
    registry = Registry().with_resource(SHARED, Resource.from_contents(schema.shared))
    return Draft202012Validator(schema.root, registry=registry)


def described(errors) -> list[tuple]:
    """What identifies an error, with the errors of the alternatives it failed (in order)."""
    return sorted((e.validator, tuple(e.absolute_path), tuple(e.absolute_schema_path), repr(e.instance),
                   described(e.context)) for e in errors)


def same_errors(kind: str, instance) -> None:
    expected = described(oracle(kind).iter_errors(instance))
    assert described(SCHEMAS[kind].check(instance)) == expected


def paths(node, path=()):
    yield path
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in children:
        yield from paths(value, path + (key,))


def broken_copies(data, count: int, seed: str):
    """Copies of data with one value replaced, one key removed or added, or one list item repeated."""
    chooser = random.Random(seed)
    every = [p for p in paths(data) if p]
    for path in chooser.sample(every, min(count, len(every))):
        broken = copy.deepcopy(data)
        parent = broken
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        action = chooser.choice(("replace", "replace", "remove", "add", "repeat"))
        if action == "remove":
            del parent[last]
        elif action == "add" and isinstance(parent[last], dict):
            parent[last]["not_a_field"] = "x"
        elif action == "repeat" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
        else:
            parent[last] = copy.deepcopy(chooser.choice(REPLACEMENTS))
        yield broken


@pytest.mark.parametrize("path", BUNDLED + REFERENCE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_same_errors_as_jsonschema_on_bundled_documents_and_broken_copies(path):
    kind = kind_of(path) or "reference"
    data = load(path)[0].data
    same_errors(kind, data)
    for broken in broken_copies(data, 150, path.name + path.parent.name):
        same_errors(kind, broken)


def test_the_real_services_break_the_schemas_in_many_ways():
    """The comparison above is only worth something if the documents fail many different keywords."""
    failed = {e.validator for path in BUNDLED for e in SCHEMAS[kind_of(path)].check(load(path)[0].data)}
    failed |= {e.validator for path in BUNDLED[:6]
               for broken in broken_copies(load(path)[0].data, 150, path.name)
               for e in SCHEMAS[kind_of(path)].check(broken)}
    assert {"required", "type", "additionalProperties", "oneOf", "enum", "pattern"} <= failed


@pytest.mark.parametrize("schema, message", [
    ({"anyOf": [{"type": "string"}]}, "'anyOf' is not supported"),
    ({"type": "object", "patternProperties": {"^a": {}}, "additionalProperties": False}, "patternProperties"),
    ({"items": [{"type": "string"}]}, "items must be a schema"),
    ({"$ref": "#/$defs/nowhere"}, "points to nothing"),
    ({"$ref": "other.schema.json#/$defs/text"}, "points to nothing"),
])
def test_a_keyword_it_does_not_implement_is_refused_when_compiling(schema, message):
    with pytest.raises(UnsupportedSchema, match=message):
        Compiler({}).node(schema, schema)


def test_a_schema_with_an_unsupported_keyword_stops_validate(project, run):
    path = project / "schema" / "service.schema.json"
    text = path.read_text()
    assert '"minItems"' in text
    path.write_text(text.replace('"minItems"', '"maxContains"', 1))
    code, _, err = run("validate", "data", cwd=project)
    assert code == 2
    assert "service.schema.json" in err and "'maxContains' is not supported" in err and "Traceback" not in err
