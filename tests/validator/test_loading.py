"""Loading: YAML 1.2 values as a registered manager means them, and where each one stands in the file."""

from __future__ import annotations

import pytest
import yaml
from validator_support import CASES

from fosterdocs import loading
from fosterdocs.loading import load

TEXT = """\
phone: 01632960000
date: 2026-01-05
answer: yes
hex: 0x1F
count: 12
share: 1.5
ratio: 0.25
nothing: ~
quoted: "12"
flag: TRUE
empty:
list:
  - first
  - second: 2
"""


def test_values_follow_yaml_1_2_and_numbers_with_a_leading_zero_stay_text(tmp_path):
    path = tmp_path / "doc.yaml"
    path.write_text(TEXT)
    loaded, problems = load(path)
    assert not problems
    assert loaded.data == {"phone": "01632960000", "date": "2026-01-05", "answer": "yes", "hex": "0x1F", "count": 12,
                           "share": 1.5, "ratio": 0.25, "nothing": None, "quoted": "12", "flag": True,
                           "empty": None, "list": ["first", {"second": 2}]}


def test_every_value_and_key_has_its_line_and_column(tmp_path):
    path = tmp_path / "doc.yaml"
    path.write_text(TEXT)
    loaded, _ = load(path)
    assert loaded.where(("date",)) == (2, 7)
    assert loaded.where(("date",), key=True) == (2, 1)
    assert loaded.where(("list", 1, "second")) == (14, 13)
    assert loaded.where(("list", 1, "second"), key=True) == (14, 5)
    assert loaded.where(("list", 0)) == (13, 5)
    assert loaded.where(("list", 7, "missing")) == (13, 3)  # the nearest that exists: the list itself
    assert loaded.where(("list", 7, "missing"), key=True) == (12, 1)  # ... or its key
    assert loaded.where(()) == (1, 1)


class PurePythonLoader(yaml.SafeLoader):
    """The loader on PyYAML's own Python parser, without libyaml."""

    resolve = loading._Loader.resolve


def finding_of(path):
    loaded, problems = load(path)
    assert loaded is None and len(problems) == 1
    return problems[0].rule, problems[0].line


@pytest.mark.parametrize("name", CASES)
def test_bad_yaml_gives_the_same_finding_with_or_without_libyaml(tmp_path, monkeypatch, name):
    text, rule, line = CASES[name]
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    with_libyaml = finding_of(path)
    assert with_libyaml[0] == rule and (line is None or with_libyaml[1] == line)
    monkeypatch.setattr(loading, "_Loader", PurePythonLoader)
    assert finding_of(path) == with_libyaml


@pytest.mark.parametrize("nesting", ["[", "{a: "])
def test_the_nesting_limit_is_checked_before_pyyaml_reads_the_file(tmp_path, monkeypatch, nesting):
    path = tmp_path / "doc.yaml"
    path.write_text("a: " + nesting * 5000 + "\n", encoding="utf-8")
    monkeypatch.setattr(yaml, "compose", lambda *_, **__: pytest.fail("composed a file nested too deep"))
    assert finding_of(path) == ("yaml/too-deep", 1)


@pytest.mark.parametrize("levels, refused", [(loading.MAX_DEPTH, False), (loading.MAX_DEPTH + 1, True)])
def test_nesting_up_to_the_limit_is_accepted(tmp_path, levels, refused):
    path = tmp_path / "doc.yaml"
    path.write_text("a: " + "[" * (levels - 1) + "x" + "]" * (levels - 1) + "\n", encoding="utf-8")
    loaded, problems = load(path)
    assert [p.rule for p in problems] == (["yaml/too-deep"] if refused else [])


def test_brackets_inside_text_do_not_count_as_nesting(tmp_path):
    path = tmp_path / "doc.yaml"
    path.write_text("a: '" + "[" * 200 + "'\nb: [x, y]\n", encoding="utf-8")
    loaded, problems = load(path)
    assert not problems and loaded.data == {"a": "[" * 200, "b": ["x", "y"]}


def test_anchors_without_aliases_and_the_core_text_tag_are_accepted(tmp_path):
    path = tmp_path / "doc.yaml"
    path.write_text("a: &first one\nb: !!str 0123\n", encoding="utf-8")
    loaded, problems = load(path)
    assert not problems and loaded.data == {"a": "one", "b": "0123"}


def test_a_python_tag_is_named_as_such(tmp_path):
    path = tmp_path / "doc.yaml"
    path.write_text("a: !!python/object/apply:os.system ['touch pwned']\n", encoding="utf-8")
    _, problems = load(path)
    assert problems[0].rule == "yaml/tag" and "!!python/object/apply:os.system" in problems[0].message
    assert "Python object" in problems[0].message
