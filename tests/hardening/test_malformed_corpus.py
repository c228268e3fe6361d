"""The malformed corpus: each file in malformed/ is one of the example's files with one thing wrong. Its header
says which file it stands in for (`# as:`) and the rule that must report it (`# expect:`); validate reports it,
and the preview site is still built, listing the document (test_any_data.py runs every command on such changes)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hardening_support import TODAY, fosterdocs

CORPUS = Path(__file__).parent / "malformed"
HEADER = re.compile(r"# malformed: .+\n# as: (?P<file>[\w-]+\.yaml)\n# expect: (?P<rule>[a-z]+/[a-z-]+)\n")


@pytest.mark.parametrize("case", sorted(p.name for p in CORPUS.glob("*.yaml")))
def test_each_malformed_input_is_reported_by_its_rule_and_never_crashes(data, case):
    text = (CORPUS / case).read_text(encoding="utf-8")
    header = HEADER.match(text)
    assert header, f"{case} does not start with its '# malformed:', '# as:' and '# expect:' lines"
    service = data / "example"
    (service / header["file"]).write_text(text, encoding="utf-8")
    project = data.parent
    code, out, err = fosterdocs("validate", "data/example", "--format", "json", "--today", TODAY, cwd=project)
    assert code == 1, err
    rules = {f["rule"] for f in json.loads(out)["findings"] if f["file"] == f"data/example/{header['file']}"}
    assert header["rule"] in rules, rules
    code, out, err = fosterdocs("build", "example", "--site-dir", "site", "--no-pdf", "--today", TODAY, cwd=project)
    assert code == 0, err
    for document in service.glob("*.yaml"):
        page = project / "site/example" / (document.stem if document.stem != "service" else "") / "index.html"
        assert page.is_file(), page
