"""Nothing is lost: every non-empty line of a source statement appears somewhere in the draft.

Lines are compared with spacing, Markdown markers and list markers ignored (conftest.normalised). A PDF lays text
out again, so its lines are compared without any spaces (a line may be broken anywhere), and a table row, whose
cells the page wraps side by side, must have all its words in the draft.
"""

from __future__ import annotations

import re

import pytest
from import_support import FORMATS, SEEDS, STATEMENTS, normalised, strings


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("service", STATEMENTS)
def test_every_line_of_the_source_is_in_the_draft(imported, service, fmt):
    _, _, draft = imported(service, fmt)
    text = normalised(" ".join(strings(draft)))
    compact = re.sub(r"\s", "", text)
    lost = []
    for line in (SEEDS / STATEMENTS[service]).read_text(encoding="utf-8").splitlines():
        wanted = normalised(line)
        if not wanted:
            continue
        if fmt != "pdf":
            found = wanted in text
        elif "\t" in line:
            found = all(re.sub(r"\s", "", normalised(word)) in compact for word in line.split())
        else:
            found = re.sub(r"\s", "", wanted) in compact
        if not found:
            lost.append(line)
    assert not lost, lost


def test_the_check_itself_notices_a_lost_line(imported):
    _, _, draft = imported("norfolk", "txt")
    text = normalised(" ".join(strings(draft)))
    assert normalised("Tel: 08456 40 40 40 e-mail: enquiries@ofsted.gov.uk") in text
    assert normalised("Tel: 08456 40 40 41 e-mail: enquiries@ofsted.gov.uk") not in text
