"""The catalogue of document types (schema/document-types.yaml): what each type is, and which a service must have."""

from __future__ import annotations

import json

from validator_support import ROOT

from fosterdocs.document_types import DOCUMENTS, FILES, TYPES, kind_of


def test_every_type_has_its_schema_and_an_example_file_in_each_bundled_example():
    for kind in TYPES.values():
        assert json.loads((ROOT / "schema" / f"{kind.schema}.schema.json").read_text(encoding="utf-8"))
        for example in ("example", "example-agency"):
            assert [n for n in kind.files if not (ROOT / "data" / example / f"{n}.yaml").is_file()] == []


def test_file_names_and_kinds_come_from_the_catalogue():
    assert list(TYPES["childrens-guide"].files) == [f"childrens-guide-{band}" for band in ("under-8", "8-to-12",
                                                                                           "13-plus")]
    assert kind_of(ROOT / "data/example/childrens-guide-8-to-12.yaml") == "childrens-guide"
    assert kind_of(ROOT / "data/example/service.yaml") == "service" and kind_of(ROOT / "notes.yaml") is None
    assert "service" in FILES and "service" not in DOCUMENTS  # shared facts, not a document of its own


def test_the_law_decides_which_documents_are_required():
    """Regulation 3(1) requires a statement of purpose and 3(3) a children's guide; nothing requires a handbook."""
    required = {kind: t.requirement for kind, t in TYPES.items() if t.required and t.is_document}
    assert required == {"statement-of-purpose": "REG3-1", "childrens-guide": "REG3-3"}


def test_a_service_without_its_statement_and_guide_is_an_error(project, findings):
    for path in (project / "data/example").glob("*.yaml"):
        if path.name != "service.yaml":
            path.unlink()
    code, found = findings("data/example", cwd=project)
    missing = [f for f in found if f["rule"] == "file/missing-document"]
    assert code == 1 and {f["file"]: f["requirement"] for f in missing} == {
        "data/example/statement-of-purpose.yaml": "REG3-1", "data/example/childrens-guide-under-8.yaml": "REG3-3"}
    assert all(f["severity"] == "error" and f["basis"] == "law" and "regulation 3(" in f["regulation"]
               for f in missing)
    assert ["childrens-guide-13-plus.yaml" in f["message"] for f in missing] == [True, False]


def test_one_age_band_of_the_guide_will_do_and_the_handbook_is_not_required(project, findings):
    for name in ("childrens-guide-under-8", "childrens-guide-8-to-12", "carer-handbook"):
        (project / "data/example" / f"{name}.yaml").unlink()
    code, found = findings("data/example", cwd=project)
    assert (code, found) == (0, [])


def test_checking_one_file_does_not_ask_for_the_others(project, findings):
    (project / "data/example/childrens-guide-under-8.yaml").unlink()
    code, found = findings("data/example/statement-of-purpose.yaml", cwd=project)
    assert (code, found) == (0, [])
