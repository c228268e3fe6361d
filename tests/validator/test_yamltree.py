"""The compiled YAML builder gives exactly what the Python one gives: the same values and positions, the same
refusals and the same syntax errors, on every bundled file, on every bad-input case and on thousands of damaged
copies of the bundled files."""

from __future__ import annotations

import json
import random

import pytest
import yaml

from fosterdocs import loading, yamltree

from validator_support import CASES, ROOT, TODAY

BUNDLED = sorted((ROOT / "data").glob("*/*.yaml"))
DAMAGE = (b"", b"\t", b":", b"- ", b"&a ", b"*a", b"!tag ", b"'", b'"', b"[", b"]", b"{", b"\n", b"\n  ", b"---\n",
          b"? ", b"\x07", b"\xc3\xa9", b"#", b"|\n", b"0123", b"1.5e3", b"~", b"true ", b"!!str ", b"!!int ")


def outcome(build, data: bytes):
    """What a builder makes of data: its result, or what identifies the error it raises."""
    try:
        return build(data)
    except yamltree.Refused as refusal:
        return ("refused", refusal.rule, refusal.line, refusal.column, refusal.detail)
    except yaml.MarkedYAMLError as err:
        marks = [(m.line, m.column) if m else None for m in (err.problem_mark, err.context_mark)]
        return (type(err).__name__, err.problem, err.context, marks)
    except yaml.reader.ReaderError as err:
        return ("reader", err.position, err.character, err.reason)


def test_the_compiled_builder_is_built_and_used():
    from fosterdocs import _yamltree
    assert loading.build is _yamltree.build


def test_validate_reports_the_same_with_the_python_builder(run, monkeypatch):
    args = ("validate", "data", "--format", "json", "--today", TODAY)
    with_compiled = run(*args)
    monkeypatch.setattr(loading, "build", yamltree.build)
    assert run(*args) == with_compiled
    assert len(json.loads(with_compiled[1])["findings"]) > 50  # the real services' findings, with their lines


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_same_values_and_positions_on_bundled_files(path):
    data = path.read_bytes()
    assert outcome(loading.build, data) == outcome(yamltree.build, data)


@pytest.mark.parametrize("name", CASES)
def test_same_refusals_on_bad_input(name):
    data = CASES[name][0].encode("utf-8")
    assert outcome(loading.build, data) == outcome(yamltree.build, data)


@pytest.mark.parametrize("path", BUNDLED[:: max(1, len(BUNDLED) // 6)], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_same_results_on_damaged_copies(path):
    data = path.read_bytes()
    chooser = random.Random(path.name)
    kinds = set()
    for _ in range(300):
        at = chooser.randrange(len(data))
        damaged = data[:at] + chooser.choice(DAMAGE) + data[at + chooser.choice((0, 0, 1, 3)):]
        expected = outcome(yamltree.build, damaged)
        assert outcome(loading.build, damaged) == expected, damaged[max(0, at - 40):at + 40]
        kinds.add(expected[0] if isinstance(expected[0], str) else "built")
    assert {"built", "refused", "ScannerError", "ParserError"} <= kinds  # the damage reached every kind of outcome
