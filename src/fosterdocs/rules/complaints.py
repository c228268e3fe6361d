"""Rules about the complaints procedure that JSON Schema cannot check.

passes: stages with `working_days`, and a complaints contact with a phone number, email or address.
fails:  'Stage 3 - review panel' with no timescale; a complaints contact that is only a web page.
"""

from __future__ import annotations

from .base import Problem, rule


@rule("complaints/no-timescale", ("statement-of-purpose",))
def stage_timescales(document):
    """A complaints stage that does not say how long it takes."""
    for index, stage in enumerate(document.get("complaints", "stages", default=[]) or []):
        if isinstance(stage, dict) and not stage.get("working_days"):
            yield Problem(("complaints", "stages", index), f"The stage '{stage.get('name')}' gives no timescale.",
                          "Add `working_days:` (for a council's children's complaints: stage 1 10 days, up to 20; "
                          "stage 2 25 days, up to 65; stage 3 panel within 30 days).")


@rule("complaints/unreachable")
def contact_reachable(document):
    """A complaints contact with no phone number, email or postal address."""
    path = ("complaints",) if document.kind == "service" else ("complaints", "contact")
    contact = document.get(*path)
    reachable = isinstance(contact, dict) and any(contact.get(k) for k in ("phone", "email", "address"))
    if isinstance(contact, dict) and "use" not in contact and not reachable:
        yield Problem(path, "The complaints contact gives no phone number, email or postal address.",
                      "Add the complaints team's `phone`, `email` and `address`, so a child or carer can complain "
                      "without a computer.", key=True)


RULES = [stage_timescales, contact_reachable]
