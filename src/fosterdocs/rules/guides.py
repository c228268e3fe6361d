"""Rules for the children's guide and the foster carer handbook that JSON Schema cannot check.

Both show the complaints procedure from the statement of purpose (`procedure: {use: statement-of-purpose/complaints}`)
and contacts from service.yaml or data/reference/, so these rules look at what those references lead to.

passes: a guide whose procedure leads to the statement's three stages; Ofsted shown with `use: reference/ofsted`.
fails:  a guide or handbook whose procedure leads to a complaints section with no stages; an Ofsted record without
        an email address; a handbook whose next review date has passed.
"""

from __future__ import annotations

from dataclasses import replace

from ..findings import ERROR
from . import dates
from .base import GUIDE_KINDS, HANDBOOK_KINDS, Problem, rule

REG3_3 = "Fostering Services (England) Regulations 2011, regulation 3(3)"
HANDBOOK_REVIEW_SOURCE = ("The service's own review commitment for its foster carer handbook (expected practice: the "
                          "handbook is not named in the regulations)")


def _procedure_without_stages(document):
    procedure = document.expand(document.get("complaints", "procedure"))
    if isinstance(procedure, dict) and not procedure.get("stages"):
        yield Problem(("complaints", "procedure"), "The complaints procedure shown here (the `complaints` section "
                      "of statement-of-purpose.yaml) lists no stages, so readers cannot see how a complaint is "
                      "handled or how long each stage takes.",
                      "Add the stages, each with its `working_days`, to `complaints.stages` in "
                      "statement-of-purpose.yaml: every document that shows the procedure then has them.",
                      source=document.regime.complaints_source if document.kind == "childrens-guide" else "")


guide_procedure_without_stages = rule("complaints/no-stages", ERROR, f"{REG3_3}(b) (the limb for the service's "
                                      "type: (i) an agency's regulation 18 procedure, (ii) a council's Children Act "
                                      "1989 section 26(3) procedure)", "law", GUIDE_KINDS, "REG3-3b")(
                                          _procedure_without_stages)
handbook_procedure_without_stages = rule("complaints/no-stages", ERROR, "Expected content of a foster carer handbook "
                                         "(Ofsted practice): how a complaint is handled", "expected-practice",
                                         HANDBOOK_KINDS, "HB-COMPLAINTS")(_procedure_without_stages)


@rule("contacts/ofsted-incomplete", ERROR, f"{REG3_3}(c)", "law", GUIDE_KINDS, "REG3-3c")
def ofsted_incomplete(document):
    """The Ofsted contact a guide shows lacks its postal address, email address or telephone number."""
    written = document.get("regulators", "ofsted")
    ofsted = document.expand(written)
    if not (isinstance(written, dict) and set(written) == {"use"} and isinstance(ofsted, dict)):
        return  # a contact typed in instead of `use: reference/ofsted` is a schema error already
    missing = [what for key, what in (("address", "postal address"), ("email", "email address"),
                                      ("phone", "telephone number")) if not ofsted.get(key)]
    if missing:
        yield Problem(("regulators", "ofsted"), "The children's guide must give Ofsted's address, email and "
                      f"telephone, but the Ofsted record has no {' or '.join(missing)}.",
                      "Add them to `ofsted` in data/reference/regulators.yaml, from Ofsted's contact page on GOV.UK.",
                      key=True)


handbook_review_overdue, handbook_review_due_soon, handbook_no_review_date = (
    replace(check, source=HANDBOOK_REVIEW_SOURCE, basis="expected-practice", kinds=HANDBOOK_KINDS,
            requirement="HB-REVIEW")
    for check in (dates.review_overdue, dates.review_due_soon, dates.no_review_date))

RULES = [guide_procedure_without_stages, handbook_procedure_without_stages, ofsted_incomplete,
         handbook_review_overdue, handbook_review_due_soon, handbook_no_review_date]
