"""The three real services give exactly the findings a careful reader finds in their published documents.

real-services.expected was reviewed line by line against the published statements in ../shared/seeds/: the old
Ofsted address and number in Norfolk's, Anne Longfield and a .gsi.gov.uk address in Leicestershire's, households
that do not add up, an editing note left in, an overdue review, expired strategies, undated figures, missing
sections. Judged as on 2026-11-23.
"""

from __future__ import annotations

from validator_support import ROOT

EXPECTED = ROOT / "tests" / "validator" / "real-services.expected"


def test_real_services_give_exactly_the_expected_findings(findings):
    code, found = findings("data/norfolk", "data/leicestershire", "data/hertfordshire")
    lines = [f"{f['file']}:{f['line']}:{f['column']}  {f['severity']}  {f['rule']}  {f['message']}" for f in found]
    assert lines == EXPECTED.read_text(encoding="utf-8").splitlines()
    assert code == 1


def test_each_real_mistake_the_brief_names_is_found(findings):
    _, found = findings("data/norfolk", "data/leicestershire", "data/hertfordshire")
    seen = {(f["file"].split("/")[1], f["rule"]) for f in found}
    assert ("norfolk", "contacts/stale-ofsted") in seen  # Royal Exchange Buildings, 08456 40 40 40
    assert ("leicestershire", "contacts/stale-commissioner") in seen  # Anne Longfield
    assert ("leicestershire", "contacts/stale-email") in seen  # .gsi.gov.uk
    assert ("leicestershire", "figures/out-of-date") in seen  # as at 31 March 2023
    assert ("hertfordshire", "dates/review-overdue") in seen  # review date March 2025
    assert ("hertfordshire", "figures/undated") in seen  # staff numbers with no date
    assert ("norfolk", "related/expired") in seen  # Foster Carer Learning and Development Programme 2024/2025
