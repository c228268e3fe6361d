"""One pass: a command reads each file of the project once (its settings, the schemas, the reference data and each
service's files), however many of its parts (validation, site, PDFs, status, calendar, lodging pack) use it."""

from __future__ import annotations

import builtins
import io
import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hardening_support import TODAY, fosterdocs

from fosterdocs.context import build
from fosterdocs.project import Project
from fosterdocs.validation import PARALLEL_FROM, validate

COMMANDS = [("validate", "data"), ("status",), ("calendar", "--include-example", "--out", "reviews.ics"),
            ("build", "--site-dir", "out/site", "--no-pdf"), ("publish", "example", "--site-dir", "out/public",
                                                              "--no-pdf"),
            ("pdf", "example", "--out", "out/pdf"), ("lodge", "example", "--out", "out/lodging")]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_each_file_is_read_once(data, monkeypatch, command):
    project = data.parent.resolve()
    watched = (project / "data", project / "schema", project / "fosterdocs.yml")
    read: Counter = Counter()
    real_open = builtins.open

    def counting_open(file, mode="r", *args, **kwargs):
        path = Path(file).resolve() if isinstance(file, (str, Path)) else None
        if path and "r" in mode and any(path == top or top in path.parents for top in watched):
            read[path.relative_to(project).as_posix()] += 1
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting_open)
    monkeypatch.setattr(io, "open", counting_open)  # (pathlib's read_text and read_bytes)
    code, _, err = fosterdocs(*command, "--today", TODAY, cwd=data.parent)
    assert code in (0, 1), err
    assert {"data/example/service.yaml", "data/example/statement-of-purpose.yaml"} <= set(read)
    assert {path: times for path, times in read.items() if times > 1} == {}


def test_workers_hand_back_what_they_read(data):
    """With enough services for the process pool, each worker's shelf comes back and gives the same contexts."""
    for index in range(PARALLEL_FROM):
        shutil.copytree(data / "example", data / f"copy-{index}")
    project = Project.find(data)
    today = date.fromisoformat(TODAY)
    pooled = validate([data], today, jobs=2, keep=True, project=project)
    assert sorted(pooled.shelves) == sorted(pooled.services) and len(pooled.services) > PARALLEL_FROM
    assert build(project, pooled, today) == build(project, validate([data], today, jobs=1, keep=True), today)
    assert validate([data], today, jobs=2).shelves == {}  # validate alone carries nothing back
