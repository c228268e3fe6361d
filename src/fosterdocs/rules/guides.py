"""Rules for the children's guide and the foster carer handbook that JSON Schema cannot check.

Both show the complaints procedure from the statement of purpose (`procedure: {use: statement-of-purpose/complaints}`)
and contacts from service.yaml or data/reference/, so these rules look at what those references lead to.

passes: a guide whose procedure leads to the statement's three stages; Ofsted shown with `use: reference/ofsted`.
fails:  a guide or handbook whose procedure leads to a complaints section with no stages; an Ofsted record without
        an email address; a handbook whose next review date has passed.
"""

from __future__ import annotations

from .base import GUIDE_KINDS, HANDBOOK_KINDS, Problem, rule


@rule("complaints/shown-without-stages", GUIDE_KINDS + HANDBOOK_KINDS)
def procedure_without_stages(document):
    """The complaints procedure a guide or handbook shows from the statement of purpose lists no stages (in a guide,
    regulation 3(3)(b): the limb for the service's type)."""
    procedure = document.expand(document.get("complaints", "procedure"))
    if isinstance(procedure, dict) and not procedure.get("stages"):
        yield Problem(("complaints", "procedure"), "The complaints procedure shown here (the `complaints` section "
                      "of statement-of-purpose.yaml) lists no stages, so readers cannot see how a complaint is "
                      "handled or how long each stage takes.",
                      "Add the stages, each with its `working_days`, to `complaints.stages` in "
                      "statement-of-purpose.yaml: every document that shows the procedure then has them.",
                      source=document.regime.complaints_source if document.kind == "childrens-guide" else "")



@rule("contacts/ofsted-incomplete", GUIDE_KINDS)
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


RULES = [procedure_without_stages, ofsted_incomplete]
