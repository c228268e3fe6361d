"""The rule catalogue (src/fosterdocs/rules/catalogue.yaml) holds every id a finding can carry, each raised from the
one place it names; SARIF, the README's table and the website's rules page are made from it."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from validator_support import BYTE_CASES, CASES, ROOT, TODAY

from fosterdocs.document_types import TYPES
from fosterdocs.rendering import unshowable
from fosterdocs.reporters import FORMATS
from fosterdocs.rule_catalogue import RULES, TABLE_END, TABLE_START, markdown_table
from fosterdocs.rules import RULES as CHECKS
from fosterdocs.validation import validate

TESTS = ROOT / "tests"
MALFORMED = TESTS / "hardening" / "malformed"
NEGATIVE = TESTS / "guides" / "fixtures" / "negative"
PICTURES = TESTS / "guides" / "fixtures" / "pictures"
AS_FILE = re.compile(r"^# as: (?P<file>[\w-]+\.yaml)$", re.M)
SOP, GUIDE, HANDBOOK = "statement-of-purpose.yaml", "childrens-guide-13-plus.yaml", "carer-handbook.yaml"


def _text(data: dict, text: str) -> None:
    data["complaints"]["content"].append(text)


EDITS = {  # what the example must not have, one change to a copy of it each
    "complaints/no-contact": (SOP, lambda d: d["complaints"].pop("contact")),
    "contacts/missing-regulators": (SOP, lambda d: d.pop("regulators")),
    "format/urn": ("service.yaml", lambda d: d.update(ofsted_urn="123")),
    "guide/no-advocacy-contact": (GUIDE, lambda d: d["advocacy"].pop("contact")),
    "handbook/no-complaints-procedure": (HANDBOOK, lambda d: d["complaints"].pop("procedure")),
    "handbook/no-contacts": (HANDBOOK, lambda d: d["support"].pop("contacts")),
    "handbook/no-independent-support": (HANDBOOK, lambda d: d["allegations"].pop("independent_support")),
    "refs/form": (HANDBOOK, lambda d: d["training"]["from_statement"].update(use="Statement/Training")),
    "schema/block": (SOP, lambda d: d["complaints"]["content"].append({"paragrph": "A block of no known kind."})),
    "schema/repeated": (GUIDE, lambda d: d["other_formats"]["formats"].append(d["other_formats"]["formats"][0])),
    "contacts/stale-irm": (SOP, lambda d: _text(d, "Ring the Independent Review Mechanism on 0845 450 3956.")),
    "contacts/stale-regulator": (SOP, lambda d: _text(d, "The Commission for Social Care Inspection inspects us.")),
}


def _service(data: Path, name: str, file: str | None = None, content: str | bytes | None = None) -> None:
    """A copy of the example service called name, with one file replaced (or removed, content None)."""
    folder = data / name
    shutil.copytree(ROOT / "data" / "example", folder)
    if file is not None:
        target = folder / file
        if content is None:
            target.unlink()
        elif isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


@pytest.fixture(scope="module")
def sweep(tmp_path_factory):
    """Every finding of one validation over the bundled services, the malformed corpus, the guide fixtures, every
    kind of bad YAML the tests know, and services missing their files."""
    root = tmp_path_factory.mktemp("sweep")
    shutil.copy(ROOT / "fosterdocs.yml", root)
    shutil.copytree(ROOT / "schema", root / "schema")
    data = root / "data"
    shutil.copytree(ROOT / "data", data)
    for number, case in enumerate(sorted(MALFORMED.glob("*.yaml"))):
        text = case.read_text(encoding="utf-8")
        _service(data, f"malformed-{number}", AS_FILE.search(text)["file"], text)
    for number, fixture in enumerate(sorted(NEGATIVE.glob("*.yaml"))):
        _service(data, f"guide-{number}", f"{fixture.stem.partition('--')[0]}.yaml", fixture.read_text("utf-8"))
        shutil.copytree(PICTURES, data / f"guide-{number}" / "pictures")
    for number, (text, _, _) in enumerate([*CASES.values(), *BYTE_CASES.values()]):
        _service(data, f"yaml-{number}", "statement-of-purpose.yaml", text)
    for number, (file, change) in enumerate(EDITS.values()):
        written = yaml.safe_load((ROOT / "data/example" / file).read_text(encoding="utf-8"))
        change(written)
        _service(data, f"edit-{number}", file, yaml.safe_dump(written, allow_unicode=True, sort_keys=False))
    _service(data, "picture-outside", "childrens-guide-8-to-12.yaml",
             (TESTS / "guides/fixtures/positive/childrens-guide-8-to-12--with-picture.yaml").read_text("utf-8"))
    (data / "picture-outside" / "pictures").mkdir(exist_ok=True)
    (data / "picture-outside" / "pictures" / "home.png").symlink_to(PICTURES / "home.png")
    _service(data, "no-service-file", "service.yaml")
    _service(data, "Not An Address")
    _service(data, "unknown-document", "notes.yaml", "a: 1\n")
    folder = data / "only-service-file"
    folder.mkdir()
    shutil.copy(ROOT / "data" / "example" / "service.yaml", folder)
    report = validate([data], date.fromisoformat(TODAY))
    return report


def test_every_finding_carries_an_id_the_catalogue_has(sweep):
    assert len(sweep.findings) > 300
    assert sorted({f.rule for f in sweep.findings} - RULES.keys()) == []


@pytest.mark.parametrize("rule_id", EDITS)
def test_each_edit_of_the_sweep_raises_its_rule(sweep, rule_id):
    service = f"edit-{list(EDITS).index(rule_id)}"
    assert rule_id in {f.rule for f in sweep.findings if f.service == service}


def test_a_picture_linked_from_outside_its_service_is_refused(sweep):
    assert "pictures/outside-service" in {f.rule for f in sweep.findings if f.service == "picture-outside"}


def test_a_guide_whose_ofsted_record_lacks_its_email_breaks_regulation_3_3_c(project, findings, edit):
    edit(project / "data/reference/regulators.yaml", "  email: enquiries@ofsted.gov.uk\n", "")
    _, found = findings("data/example/childrens-guide-13-plus.yaml", cwd=project)
    (hit,) = [f for f in found if f["rule"] == "contacts/ofsted-incomplete"]
    assert hit["basis"] == "law" and hit["requirement"] == "REG3-3c" and "email" in hit["message"]


def test_a_stale_value_naming_a_rule_the_catalogue_lacks_is_reported_and_left_out(project, findings, edit):
    edit(project / "data/reference/stale-values.yaml", "  - rule: contacts/stale-email\n",
         "  - rule: contacts/stale-fax\n")
    _, found = findings("data/example", cwd=project)
    (hit,) = [f for f in found if f["rule"] == "reference/unknown-rule"]
    assert "contacts/stale-fax" in hit["message"] and hit["file"].endswith("stale-values.yaml")


def test_a_page_that_cannot_be_shown_is_a_catalogued_finding():
    service = SimpleNamespace(id="north-shire", folder=None)
    finding = unshowable(service, "statement-of-purpose", TypeError("no"))
    assert (finding.rule, finding.severity, finding.basis) == ("render/unshowable", "error", "data")


def test_every_catalogued_id_is_raised_where_the_catalogue_says(sweep):
    """No dead entries: each id is raised by the sweep or exercised by a test by name, and its id is written in
    the one place its `raised_by` names (a schema keyword's id: in schema.py's mapper)."""
    raised = {f.rule for f in sweep.findings}
    tests = "\n".join(p.read_text(encoding="utf-8") for p in TESTS.rglob("test_*.py"))
    assert [i for i in RULES if i not in raised and i not in tests] == []
    for entry in RULES.values():
        places = sorted(ROOT.glob(entry.raised_by.split(",")[0].split(" ")[0]))
        assert places, entry.raised_by
        assert any(entry.id in place.read_text(encoding="utf-8") for place in places), entry.id


def test_each_check_is_one_rule_of_the_catalogue():
    ids = [check.id for check in CHECKS if check.id is not None]
    assert len(ids) == len(set(ids)), "two checks raise one id"
    assert set(ids) <= RULES.keys()
    assert all(set(check.kinds) <= TYPES.keys() for check in CHECKS)
    assert all(set(entry.kinds) <= TYPES.keys() for entry in RULES.values())


def test_every_stale_value_names_a_rule_the_catalogue_gives_to_that_data():
    stale = yaml.safe_load((ROOT / "data/reference/stale-values.yaml").read_text(encoding="utf-8"))["stale"]
    assert {entry["rule"] for entry in stale} == {i for i, e in RULES.items() if "stale-values" in e.raised_by}
    assert all(set(entry) <= {"rule", "pattern", "what", "current", "source"} for entry in stale)


def _schema_rules(node, inherited=None):
    """(x-rule, its basis and requirement as the schema gives them) for every x-rule in a schema."""
    inherited = {**(inherited or {}), **{k: v for k, v in node.items() if k in ("x-basis", "x-requirement")}} \
        if isinstance(node, dict) else inherited
    if isinstance(node, dict):
        if "x-rule" in node:
            yield node["x-rule"], inherited.get("x-basis", ""), inherited.get("x-requirement", "")
        for value in node.values():
            yield from _schema_rules(value, inherited)
    elif isinstance(node, list):
        for value in node:
            yield from _schema_rules(value, inherited)


@pytest.mark.parametrize("kind", [kind for kind in TYPES] + ["common"])
def test_the_schemas_rules_are_catalogued_with_the_same_basis(kind):
    schema = TYPES[kind].schema if kind in TYPES else kind
    tree = json.loads((ROOT / "schema" / f"{schema}.schema.json").read_text(encoding="utf-8"))
    for rule_id, basis, requirement in _schema_rules(tree):
        entry = RULES[rule_id].for_kind(kind)
        if entry.basis != "per-item" and basis:
            assert (rule_id, entry.basis, entry.requirement) == (rule_id, basis, requirement)


def test_the_readme_table_is_the_catalogues():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    written = readme[readme.index(TABLE_START) + len(TABLE_START):readme.index(TABLE_END)].strip()
    assert written == markdown_table(), "run: python -m fosterdocs.rule_catalogue --markdown, and paste it in README"
    assert markdown_table().count("\n| `") == len(RULES)


def test_sarif_describes_each_rule_from_the_catalogue(sweep):
    log = json.loads(FORMATS["sarif"](sweep))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [i for i in RULES if i in {f.rule for f in sweep.findings}]
    for described in rules:
        entry = RULES[described["id"]]
        assert described["shortDescription"]["text"] == entry.what
        assert described["defaultConfiguration"]["level"] == entry.severity
        assert described["properties"]["basis"] == entry.basis and entry.source in described["help"]["text"]


def test_the_schema_mappers_ids_are_catalogued_and_no_check_shares_an_id_with_a_schema():
    mapper = set(re.findall(r'"([a-z]+/[a-z-]+)"', (ROOT / "src/fosterdocs/schema.py").read_text(encoding="utf-8")))
    assert mapper and mapper <= RULES.keys()
    in_schemas = {rule_id for path in (ROOT / "schema").glob("*.schema.json")
                  for rule_id, _, _ in _schema_rules(json.loads(path.read_text(encoding="utf-8")))}
    assert in_schemas & {check.id for check in CHECKS} == set()
