"""Property: whatever a service's files hold, every command ends with findings (exit 1) or a one-line refusal
(exit 2), never a traceback; and the preview site still lists every document.

Hypothesis changes one value of one of the example's files, knowing their structure: any value may become
another kind of value (none, a number, a huge number, text, a list, a mapping, a `use:`, a content block, a date
out of range...), or be removed. Then every command runs on the result in-process, so any exception fails the test
with the smallest change that causes it. Bounded to stay well under two minutes in CI (FOSTERDOCS_EXAMPLES runs
more: FOSTERDOCS_EXAMPLES=500 pytest tests/hardening/test_any_data.py).
"""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path

import pytest
import yaml
from hardening_support import TODAY, fosterdocs, make_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("FOSTERDOCS_EXAMPLES", "10"))
FILES = ("service.yaml", "statement-of-purpose.yaml", "childrens-guide-under-8.yaml", "childrens-guide-13-plus.yaml",
         "carer-handbook.yaml")
KEYS = ["use", "list", "ordered", "table", "header", "rows", "caption", "quote", "by", "link", "url", "text",
        "signed", "picture", "file", "alt", "lines", "postcode", "name", "phone", "email", "content", "title",
        "stages", "contact", "items", "subsections", "version", "period", "approved_on", "revisions", "staff"]
TEXTS = ["", " ", "x", "2026-09-15", "9999-12-31", "0202-02-30", "2026-13", "javascript:alert(1)",
         "https://tracker.example.net/x.png", "data:image/png;base64,AAAA", "../../../etc/passwd", "pictures/x.svg",
         "{{ 7 * 7 }}", "<script>alert(1)</script>", "a\0b", "service/contacts", "statement-of-purpose/complaints",
         "reference/ofsted", "w" * 5000, "Exampleshire"]
SCALARS = (st.none() | st.booleans() | st.integers(-(10 ** 30), 10 ** 30) | st.floats(allow_nan=False)
           | st.sampled_from(TEXTS) | st.text(max_size=12) | st.dates(datetime.date(1, 1, 1)))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.sampled_from(KEYS), inner, max_size=3)
                      | st.builds(lambda target: {"use": target}, st.sampled_from(TEXTS[15:18] + ["x", "service"])),
                      max_leaves=6)
REMOVE = object()


def places(node, here=()):
    """Every path into node, the root's children first."""
    if isinstance(node, dict):
        items = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return
    for key, value in items:
        yield here + (key,)
        yield from places(value, here + (key,))


def changed(data, path, value):
    """data with the value at path replaced (or removed)."""
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    if value is REMOVE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return data


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """A project holding the example, and a statement to import; its folder."""
    root = tmp_path_factory.mktemp("any-data") / "project"
    make_project(root)
    (root / "statement.txt").write_text("Statement of Purpose\n\nAims and objectives\n\nWe find homes.\n",
                                        encoding="utf-8")
    return root


def one_line_refusal(code: int, err: str) -> bool:
    return code != 2 or (err.startswith("fosterdocs: ") and err.strip().count("\n") == 0)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_no_command_crashes_on_any_change_to_a_service(base, data):
    file = data.draw(st.sampled_from(FILES), label="file")
    original = yaml.safe_load((base / "data/example" / file).read_text(encoding="utf-8"))
    path = data.draw(st.sampled_from(list(places(original))), label="path")
    value = data.draw(VALUES | st.just(REMOVE), label="value")
    project = base.parent / "run"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(base, project, symlinks=True)
    service = project / "data/example"
    for other in service.glob("*.yaml"):  # fewer PDFs to make: the changed file, service.yaml and the statement
        if other.name not in (file, "service.yaml", "statement-of-purpose.yaml"):
            other.unlink()
    (service / file).write_text(yaml.safe_dump(changed(original, path, value), allow_unicode=True), encoding="utf-8")
    shutil.copytree(service, project / "data/mine")  # the same data in a service that is not the example
    today = ("--today", TODAY)
    runs = [("validate", "data", "--format", "json", *today), ("status", "data", *today),
            ("calendar", "data", "--out", "dates.ics", *today),
            ("diff", str(base / "data/example" / file), f"data/example/{file}"),
            ("build", "--site-dir", "site", "--no-pdf", *today), ("pdf", "mine", "--out", "pdf", *today),
            ("publish", "example", "--site-dir", "public", "--no-pdf", *today), ("new", "fresh"),
            ("import", str(base / "statement.txt"), "--service", "mine", "--force", *today)]
    for args in runs:
        code, out, err = fosterdocs(*args, cwd=project)
        assert code in (0, 1, 2) and one_line_refusal(code, err), (args, code, err)
    if (project / "site").is_dir():  # built: every service page and every document listed, each with its page
        for name in ("example", "mine"):
            assert (project / f"site/{name}/index.html").is_file()
            for document in (project / "data" / name).glob("*.yaml"):
                if document.stem != "service" and isinstance(yaml.safe_load(document.read_text("utf-8")), dict):
                    assert (project / f"site/{name}/{document.stem}/index.html").is_file(), document
    else:
        assert fosterdocs(*runs[4], cwd=project)[0] == 2
