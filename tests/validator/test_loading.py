"""Loading: YAML 1.2 values as a registered manager means them, and where each one stands in the file."""

from __future__ import annotations

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
