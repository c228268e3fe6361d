"""The schema-to-form mapping: every JSON Schema keyword the schemas use is either mapped to the form or is a check
left to `fosterdocs validate` (whose findings the form shows at the field)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fosterdocs.editor.forms import Mapper, field_id, humanise, path_of
from fosterdocs.schema import schema_nodes

ROOT = Path(__file__).resolve().parents[2]
SHARED = {"$defs": {
    "text": {"type": "string", "minLength": 1, "maxLength": 2000, "pattern": "\\S"},
    "date": {"type": "string", "x-rule": "format/date", "x-source": "NMS 16.1", "x-basis": "standard"},
    "phone": {"type": "string", "pattern": "^0", "x-rule": "format/phone"},
    "email": {"type": "string", "format": "email"},
    "block": {"if": {"type": "string"}, "then": {"$ref": "#/$defs/text"},
              "else": {"type": "object", "minProperties": 1, "additionalProperties": False,
                       "properties": {"list": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/text"}},
                                      "ordered": {"type": "boolean"}}}},
}}
ROOT_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Test document", "$comment": "for tests",
    "type": "object", "additionalProperties": False, "required": ["manager", "type"],
    "$defs": {"stage": {"type": "object", "title": "Stage", "required": ["name"],
                        "properties": {"name": {"$ref": "common.schema.json#/$defs/text", "title": "Name"},
                                       "working_days": {"type": "integer", "minimum": 1, "maximum": 99}}}},
    "properties": {
        "manager": {"type": "object", "title": "Registered manager", "description": "Who runs it.",
                    "x-source": "Regulation 3", "x-basis": "law", "x-requirement": "REG3",
                    "properties": {"phone": {"$ref": "common.schema.json#/$defs/phone", "title": "Phone"},
                                   "since": {"$ref": "common.schema.json#/$defs/date", "title": "In post since"}}},
        "type": {"enum": ["local-authority", "independent-agency"], "title": "Kind of service"},
        "stages": {"type": "array", "uniqueItems": True, "items": {"$ref": "#/$defs/stage"}},
        "content": {"type": "array", "items": {"$ref": "common.schema.json#/$defs/block"}},
        "contact": {"oneOf": [{"type": "object", "required": ["use"], "properties": {"use": {"type": "string"}}},
                              {"type": "string"}]},
        "fictional": {"type": "boolean"},
        "staff": {"type": "number"},
    },
}
HANDLED = {  # keyword -> what the form does with it
    "$schema": "ignored: names the draft", "$comment": "ignored: for schema authors", "$defs": "followed by $ref",
    "$ref": "followed", "title": "the label or legend", "description": "the hint", "type": "the kind of field",
    "properties": "the fields of a group", "required": "'required' and the law in the hint",
    "items": "the items of a list", "enum": "radios", "if": "chooses then or else by the value",
    "then": "the branch", "else": "the branch", "oneOf": "the matching alternative",
    "x-source": "'Required by' in the hint", "x-basis": "kept for downgrades", "x-requirement": "kept for downgrades",
    "x-rule": "format/date makes a date input", "format": "date makes a date input; email and uri left to validate",
}
NOT_FORMS = ("config.schema.json", "section-keywords.schema.json")  # fosterdocs.yml and the importer's keywords
CHECKED_BY_VALIDATE = {"additionalProperties", "pattern", "minLength", "maxLength", "minItems", "minimum", "maximum",
                       "minProperties", "uniqueItems", "x-message", "x-fix"}


def keywords(schema) -> set[str]:
    """Every keyword a schema uses (the names under properties and $defs are names, not keywords)."""
    return {key for path, node in schema_nodes(schema) if not path or path[-1] not in ("properties", "$defs")
            for key in node}


def test_every_keyword_the_schemas_use_is_mapped_or_left_to_validate():
    used = set()
    for path in (ROOT / "schema").glob("*.schema.json"):
        if path.name not in NOT_FORMS:
            used |= keywords(json.loads(path.read_text(encoding="utf-8")))
    assert used - set(HANDLED) - CHECKED_BY_VALIDATE == set()
    assert keywords(ROOT_SCHEMA) | keywords(SHARED) >= set(HANDLED) | CHECKED_BY_VALIDATE - {"x-message", "x-fix"}


@pytest.fixture
def form():
    data = {"manager": {"phone": "01632 960110"}, "stages": [{"name": "Stage 1", "working_days": 10}],
            "content": ["A paragraph.", {"list": ["one", "two"], "ordered": True}], "contact": {"use": "service/x"},
            "mystery": "kept"}
    return {f.path: f for f in Mapper(ROOT_SCHEMA, SHARED).form(data).walk()}


def test_objects_are_groups_labelled_by_title_with_hint_and_law(form):
    manager = form[("manager",)]
    assert (manager.kind, manager.label, manager.hint) == ("group", "Registered manager", "Who runs it.")
    assert (manager.required, manager.source, manager.requirement, manager.basis) == (True, "Regulation 3", "REG3",
                                                                                      "law")


def test_refs_into_the_shared_definitions_are_followed_keeping_the_title_beside_them(form):
    assert (form[("manager", "phone")].kind, form[("manager", "phone")].label) == ("text", "Phone")
    assert form[("manager", "phone")].value == "01632 960110"


def test_a_missing_optional_field_is_still_offered_empty(form):
    since = form[("manager", "since")]
    assert (since.kind, since.value, since.label) == ("date", None, "In post since")


def test_format_date_is_a_date_input_and_an_email_is_text():
    schema = {"type": "object", "properties": {"checked_on": {"type": "string", "format": "date"},
                                               "email": {"$ref": "common.schema.json#/$defs/email"}}}
    fields = {f.path: f for f in Mapper(schema, SHARED).form({"email": "team@example.org"}).walk()}
    assert (fields[("checked_on",)].kind, fields[("email",)].kind) == ("date", "text")


def test_enum_is_a_choice_of_its_values(form):
    assert form[("type",)].kind == "choice"
    assert form[("type",)].options == ["local-authority", "independent-agency"]
    assert form[("type",)].required


def test_arrays_are_lists_of_items_named_after_the_item_title_and_name(form):
    assert form[("stages",)].kind == "list"
    assert form[("stages", 0)].label == "Stage 1: Stage 1"
    assert form[("stages", 0, "working_days")].kind == "number"
    assert form[("stages", 0, "name")].required


def test_if_then_else_follows_the_value_a_paragraph_or_a_list(form):
    assert form[("content", 0)].kind == "text"
    assert form[("content", 1)].kind == "group"
    assert form[("content", 1, "list")].kind == "list"
    assert form[("content", 1, "ordered")].kind == "boolean"


def test_a_use_is_a_shared_fact_and_one_of_picks_the_matching_alternative(form):
    assert form[("contact",)].kind == "shared"
    mapper = Mapper(ROOT_SCHEMA, SHARED)
    assert mapper.form({"contact": "written out"}).children[4].kind == "text"


def test_keys_the_schema_does_not_know_are_shown_with_their_value(form):
    assert (form[("mystery",)].kind, form[("mystery",)].value) == ("text", "kept")


def test_a_long_text_gets_a_text_area_and_a_number_field_for_numbers():
    mapper = Mapper(ROOT_SCHEMA, SHARED)
    fields = {f.path: f for f in mapper.form({"content": ["word " * 30], "staff": 9.5}).walk()}
    assert fields[("content", 0)].kind == "textarea"
    assert fields[("staff",)].kind == "number"


def test_a_value_of_the_wrong_shape_is_shown_as_written():
    fields = {f.path: f for f in Mapper(ROOT_SCHEMA, SHARED).form({"manager": "Sam", "stages": "none"}).walk()}
    assert fields[("manager",)].kind == "text" and fields[("stages",)].kind == "text"


def test_new_items_follow_the_item_schema():
    mapper = Mapper(ROOT_SCHEMA, SHARED)
    assert mapper.new_item(("stages",), {}) == {}
    assert mapper.new_item(("content",), {}) == ""
    assert mapper.property_order(("manager",), {}) == ["phone", "since"]


def test_field_names_and_paths_are_inverse():
    for path in [("registered_manager", "phone"), ("contacts", 0, "name"), ("odd.key~", 3)]:
        assert path_of(field_id(path)) == path
    assert field_id(("contacts", 0, "name")) == "f.contacts.0.name"
    assert humanise("registered_manager") == "Registered manager"


@pytest.mark.parametrize("schema", sorted(p.name for p in (ROOT / "schema").glob("*.schema.json")
                                          if p.name not in ("common.schema.json", "section-keywords.schema.json",
                                                            "reference.schema.json")))
def test_every_schema_gives_a_form_for_the_example_and_an_empty_file(schema):
    root = json.loads((ROOT / "schema" / schema).read_text(encoding="utf-8"))
    shared = json.loads((ROOT / "schema" / "common.schema.json").read_text(encoding="utf-8"))
    empty = Mapper(root, shared).form({})
    assert {f.path[0] for f in empty.children} == set(root["properties"])


@pytest.mark.parametrize("schema", ["service", "statement-of-purpose", "childrens-guide", "carer-handbook", "common"])
def test_every_property_has_a_title_for_its_label(schema):
    missing = []

    def visit(node, where):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties":
                    for name, prop in value.items():
                        if "title" not in prop:
                            missing.append(f"{where}/{name}")
                        visit(prop, f"{where}/{name}")
                else:
                    visit(value, where)
        elif isinstance(node, list):
            for item in node:
                visit(item, where)

    visit(json.loads((ROOT / "schema" / f"{schema}.schema.json").read_text(encoding="utf-8")), schema)
    assert missing == [], "run tools/add_schema_titles.py"
