"""The schemas are valid, cite their sources honestly, and cover everything the reference requires."""

from __future__ import annotations

import json
import re

import pytest
from jsonschema import Draft202012Validator
from validator_support import ROOT

from fosterdocs.schema import schema_nodes

SCHEMAS = sorted((ROOT / "schema").glob("*.schema.json"))
REQUIREMENTS = ROOT / "tests" / "fixtures" / "reference" / "requirements.md"
BASES = {"law", "standard", "expected-practice", "data"}


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_schema_is_valid_json_schema_2020_12(path):
    schema = json.loads(path.read_text())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_cited_requirement_says_whether_it_is_law_a_standard_or_practice(path):
    for where, node in schema_nodes(json.loads(path.read_text())):
        if "x-source" in node or "x-requirement" in node:
            assert node.get("x-basis") in BASES, where
            assert node.get("x-source"), where


def requirement_ids(kind: str) -> set[str]:
    schema = json.loads((ROOT / "schema" / f"{kind}.schema.json").read_text())
    return {node["x-requirement"] for _, node in schema_nodes(schema) if "x-requirement" in node}


def test_statement_schema_requires_every_statement_item_of_the_reference():
    ids = requirement_ids("statement-of-purpose") | requirement_ids("service")
    listed = set(re.findall(r"\[(REG3-1|REG3-2|REG4|SOP-[A-Z]+)\]", REQUIREMENTS.read_text()))
    expected = {"REG3-1a", "REG3-1b"} | (listed - {"REG3-1"})
    assert expected <= ids, expected - ids


def test_statement_schema_makes_each_cited_section_required():
    schema = json.loads((ROOT / "schema/statement-of-purpose.schema.json").read_text())
    cited = {key for key, prop in schema["properties"].items() if "x-requirement" in prop}
    assert cited <= set(schema["required"])


def test_no_schema_cites_schedule_1_of_the_2011_regulations():
    for path in SCHEMAS:
        text = path.read_text()
        assert not re.search(r"Regulations 2011, Schedule 1", text), path.name


def test_every_bundled_yaml_file_names_its_schema_for_editors():
    for path in sorted((ROOT / "data").glob("*/*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, path
        assert (path.parent / match[1]).resolve().is_file(), path
