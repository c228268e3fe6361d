"""Stated totals against their parts: the households of `numbers`, a table's Total row, and a sentence giving a
total and its breakdown. None fires on a correct total, on a total of something else, or on dates and percentages.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from validator_support import ROOT

from fosterdocs.documents import Document
from fosterdocs.loading import load
from fosterdocs.project import Project
from fosterdocs.rules.staffing import total_mismatch

PROJECT = Project.find(ROOT / "data")


def _hits(tmp_path, data: dict) -> list:
    path = tmp_path / "statement-of-purpose.yaml"
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded, problems = load(path)
    assert not problems
    document = Document("statement-of-purpose", "test", loaded, {}, PROJECT.reference, date(2026, 12, 1))
    return list(total_mismatch.run(document))


WRONG = [
    ("We have 120 mainstream and 85 kinship households, a total of 215 households.", 215, 205),
    ("There are a total of 217 households (120 mainstream, 80 kinship and 5 specialist).", 217, 205),
    ("In 2023-24 we approved 12 households and 3 kinship households, a total of 16 households.", 16, 15),
    ("We employ 30 staff, of whom 25 are social workers and 10 support workers.", 30, 35),
    ("On 31 March 2025 there were a total of 1,200 children (700 boys and 450 girls).", 1200, 1150),
    ("We have 15 carers (13 in Norfolk and 4 in Suffolk).", 15, 17),
]
RIGHT = [
    "We have 120 mainstream and 85 kinship households, a total of 205 households.",
    "There are a total of 205 households (120 mainstream, 80 kinship and 5 specialist).",
    "In 2023-24 we approved 12 households and 3 kinship households, a total of 15 households.",
    # a total of something else than its parts (Hertfordshire's statement)
    "As of 31st March 2024, there were 322 mainstream and 81 Family and friends fostering households, with a total "
    "of 453 children placed with them.",
    # 'of whom' may name only some of the parts
    "We employ 40 staff, of whom 25 are social workers and 10 support workers.",
    "We have 15 carers (3 in Norfolk and 2 in Suffolk).",
    "A total of 60 carers (about 20% of them, 12 households) took part.",
    "The budget is £11 million, a total of 3 years of work.",
]


@pytest.mark.parametrize("text, total, added", WRONG, ids=[t[:40] for t, *_ in WRONG])
def test_a_sentence_whose_parts_do_not_add_up_to_its_total_is_found(tmp_path, text, total, added):
    (hit,) = _hits(tmp_path, {"intro": {"content": ["We are a fostering service.", text]}})
    assert hit.rule == "figures/total-mismatch" and hit.severity == "warning"
    assert f"a total of {total}, but its parts add up to {added}" in hit.message
    assert hit.line == 1 and hit.fix


@pytest.mark.parametrize("text", RIGHT, ids=[t[:40] for t in RIGHT])
def test_a_correct_total_or_a_total_of_something_else_is_not_found(tmp_path, text):
    assert _hits(tmp_path, {"intro": {"content": [text]}}) == []


def _table(total: str) -> dict:
    return {"staffing": {"content": [{"header": ["Team", "Social workers", "Support workers"],
                                      "rows": [["Recruitment", "3", "1"], ["Assessment", "4", "2"],
                                               ["Total", total, "3"]]}]}}


def test_a_table_whose_total_row_is_not_the_sum_of_the_rows_above_is_found(tmp_path):
    (hit,) = _hits(tmp_path, _table("8"))
    assert "Total for 'Social workers' is 8, but the rows above it add up to 7" in hit.message


def test_a_table_whose_total_row_adds_up_is_not_found(tmp_path):
    assert _hits(tmp_path, _table("7")) == []
    assert _hits(tmp_path, _table("seven")) == []  # not a figure: nothing to compare


def test_no_bundled_document_has_a_wrong_total_but_leicestershires_households(tmp_path):
    found = []
    for path in sorted((ROOT / "data").glob("*/*.yaml")):
        if path.parent.name == "reference" or path.stem == "service":
            continue
        loaded, _ = load(path)
        document = Document("statement-of-purpose", path.parent.name, loaded, {}, PROJECT.reference,
                            date(2026, 12, 1))
        found += [(path.parent.name, hit.message) for hit in total_mismatch.run(document)]
    assert found == [
        ("leicestershire", "The total is 217 households, but the kinds listed add up to 202.")]
