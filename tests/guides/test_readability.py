"""Each version of the children's guide is checked against its age band's reading age, naming its hardest sentences."""

from __future__ import annotations

import pytest
from guides_support import GUIDES, edit

from fosterdocs.document_types import GUIDE_BANDS
from fosterdocs.documents import content_blocks
from fosterdocs.rules.readability import READING_AGES, reading_age, sentences, syllables

UNDER_8 = "data/example/childrens-guide-under-8.yaml"
PLAIN_WELCOME = """    - This book is for you.
    - You are going to live with a foster family for a while. A grown-up can read this book with you."""
HARD_WELCOME = (
    "    - This document constitutes the authority's comprehensive articulation of its statutory responsibilities.\n"
    "    - Placement decisions will consider the child's assessed racial, ethnic, cultural and linguistic needs and "
    "match these as closely as possible with the ethnic origin, religion, culture and language of the foster carer.\n"
    "    - Notwithstanding the foregoing, representations may be escalated to an independent investigation.")
MIDDLING = ("Your Independent Reviewing Officer chairs your review meetings and makes sure your care plan "
            "meets your needs.")
MIDDLING_TOO = "You can ask for an advocate, who will help you say what you think at meetings."


def reading_findings(found):
    return [f for f in found if f["rule"] == "readability/reading-age"]


def test_a_hard_under_8_text_gets_a_warning_naming_its_hardest_sentences(project, findings):
    edit(project / UNDER_8, PLAIN_WELCOME, HARD_WELCOME)
    code, found = findings(UNDER_8, cwd=project)
    (hit,) = reading_findings(found)
    assert hit["severity"] == "warning" and hit["file"] == UNDER_8
    assert "under 8" in hit["message"] and "above 8" in hit["message"]
    assert "'Placement decisions will consider" in hit["message"]
    assert "'This document constitutes" in hit["message"]
    hard_line = (project / UNDER_8).read_text().splitlines().index(HARD_WELCOME.splitlines()[1]) + 1
    assert f"line {hard_line}: " in hit["message"]
    assert hit["line"] in {hard_line, hard_line - 1, hard_line + 1}  # the finding points at one of the hardest
    assert "NMS 2011, standards 16.3 and 16.5" in hit["regulation"]
    assert code == 0  # a warning: the guide can still be published


def test_the_plain_under_8_text_gets_no_warning(project, findings):
    code, found = findings(UNDER_8, cwd=project)
    assert reading_findings(found) == [] and code == 0


def test_the_same_text_can_suit_an_older_band_but_not_under_8(project, findings):
    text = f"about_us:\n  title: About us\n  content:\n    - {MIDDLING}\n    - {MIDDLING_TOO}\n"
    for name in ("childrens-guide-under-8", "childrens-guide-8-to-12"):
        (project / "data" / "example" / f"{name}.yaml").write_text(text)
    _, found = findings("data/example", cwd=project)
    assert [f["file"] for f in reading_findings(found)] == [UNDER_8]


@pytest.mark.parametrize("name", GUIDES)
def test_every_example_version_reads_within_its_band(name):
    import yaml
    from guides_support import ROOT
    band = name.removeprefix("childrens-guide-")
    found = sentences(content_blocks(yaml.safe_load((ROOT / "data" / "example" / f"{name}.yaml").read_text())))
    assert len(found) > 20 and reading_age(found) <= READING_AGES[band]


def test_every_age_band_has_a_reading_age():
    assert set(READING_AGES) == set(GUIDE_BANDS)
    assert [f"childrens-guide-{band}" for band in GUIDE_BANDS] == list(GUIDES)


def test_only_the_guides_own_prose_is_read():
    data = {"document": {"title": "A very complicated administrative title"},
            "advocacy": {"title": "Independent advocacy arrangements", "content": ["You can have an advocate.",
                         {"list": ["Ask your carer.", {"text": "Or call us.", "list": ["We are kind."]}]}],
                         "contact": {"use": "service/advocacy"}}}
    assert [s.text for s in sentences(content_blocks(data))] == ["You can have an advocate.", "Ask your carer.",
                                                                 "Or call us.", "We are kind."]


def test_syllables_are_counted_sensibly():
    assert [syllables(w) for w in ("cat", "time", "family", "people", "independent", "responsibilities")] == \
        [1, 1, 3, 2, 4, 6]
