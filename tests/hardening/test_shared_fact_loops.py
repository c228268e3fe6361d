"""A `use:` that leads back to itself, or a document that is only a `use:`, gives findings; no command crashes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hardening_support import TODAY, fosterdocs

from fosterdocs import documents

COMMANDS = [("validate", "data/example"), ("status",), ("calendar", "--include-example", "--out", "reviews.ics"),
            ("build", "example", "--site-dir", "out/site", "--no-pdf"),
            ("publish", "example", "--site-dir", "out/public", "--no-pdf"), ("pdf", "example", "--out", "out/pdf")]


def loop_through_the_statement(data):
    """service.yaml's complaints contact becomes the statement's complaints section, which names it back."""
    service = data / "example" / "service.yaml"
    text = service.read_text(encoding="utf-8")
    block = re.search(r"(?m)^complaints:\n(?:  .*\n)+", text)
    service.write_text(text[:block.start()] + "complaints: {use: statement-of-purpose/complaints}\n"
                       + text[block.end():], encoding="utf-8")


def only_a_use(data):
    (data / "example" / "carer-handbook.yaml").write_text("use: x\n", encoding="utf-8")


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("damage", [loop_through_the_statement, only_a_use])
def test_no_command_crashes_and_validate_names_the_file(data, damage, command):
    damage(data)
    code, out, err = fosterdocs(*command, "--today", TODAY, cwd=data.parent)  # an exception fails the test
    assert code in (0, 1), err
    if command[0] in ("validate", "publish"):
        assert code == 1
        broken = "service.yaml" if damage is loop_through_the_statement else "carer-handbook.yaml"
        assert f"data/example/{broken}:" in out



@pytest.mark.parametrize("command", [("build", "example", "--site-dir", "out/site", "--no-pdf"),
                                     ("pdf", "example", "--out", "out/pdf"), ("status", "data/example"),
                                     ("calendar", "data/example", "--include-example", "--out", "reviews.ics")],
                         ids=lambda c: c[0])
def test_commands_given_a_service_read_only_that_service(data, monkeypatch, command):
    shutil.copytree(data / "example", data / "other")
    (data / "other" / "service.yaml").write_text("use: x\n", encoding="utf-8")  # and broken
    read = []
    real_load = documents.load
    monkeypatch.setattr(documents, "load", lambda path, *args: read.append(Path(path)) or real_load(path, *args))
    code, out, err = fosterdocs(*command, "--today", TODAY, cwd=data.parent)
    assert code in (0, 1), err
    assert read and not [path for path in read if "other" in path.parts]
