"""Rules about an edition's life after approval: its next review, telling Ofsted, and re-supplying the guide.

Review dates that have passed or fall due soon are checked in dates.py; these rules check the rest of reg 4.

passes: approved_on 2026-09-15, lodged_with_ofsted_on 2026-09-22, next_review_due 2027-09-15 (judged 2026-11-23).
fails:  next_review_due 2027-10-15 (more than 12 months after approval: error); no lodged_with_ofsted_on two
        months after approval (error); approved_on 2027-01-10 (has not happened yet: error); a children's guide
        whose revision history shows an earlier edition, with no resupplied_on on or after approval (warning).
"""

from __future__ import annotations

from ..dates import long_date, parse_date
from ..document_types import REVIEWED_KINDS
from ..edition import LODGE_WITHIN_DAYS, Edition
from .base import GUIDE_KINDS, Problem, rule

EVENT_DATES = {"approved_on": "approval date", "lodged_with_ofsted_on": "date Ofsted was sent it",
               "resupplied_on": "date it was given to carers and children"}


def _edition(document) -> Edition:
    return Edition.of(document.get("document"))


@rule("lifecycle/review-beyond-interval", REVIEWED_KINDS)
def review_beyond_interval(document):
    """The next review date is later than the service's review interval after approval."""
    edition, months = _edition(document), document.review_months
    latest = edition.latest_review(months)
    if latest and edition.review_due and edition.review_due[0] > latest:
        yield Problem(("document", "next_review_due"),
                      f"The next review is due {long_date(edition.review_due[0])}, more than {months} months after "
                      f"this edition was approved ({long_date(edition.approved[1])}). The service commits to "
                      f"reviewing it at least every {months} months.",
                      f"Set document.next_review_due to {latest.isoformat()} or earlier.")


@rule("lifecycle/not-lodged", REVIEWED_KINDS)
def not_lodged(document):
    """A revision made more than 28 days ago with no record that Ofsted was told of it (an edition re-approved
    unchanged, `changed: false` in its revision entry, is not a revision: the 28 days run from the last change)."""
    edition = _edition(document)
    if edition.lodging_status(document.today) != "late":
        return
    what = "this edition was approved" if edition.revised == edition.approved else "the text last changed"
    revised = long_date(edition.revised[1])
    days = (document.today - edition.revised[1]).days
    if edition.lodged:
        where = ("document", "lodged_with_ofsted_on")
        message = (f"Ofsted was last sent this document on {long_date(edition.lodged[1])}, before {what} "
                   f"({revised}, {days} days ago).")
    else:
        where = ("document", "approved_on")
        message = f"{what.capitalize()} {days} days ago ({revised}) and there is no record that Ofsted has it."
    yield Problem(where, f"{message} Ofsted must be told of a revision within {LODGE_WITHIN_DAYS} days, by "
                  f"{long_date(edition.lodge_by)}.",
                  "Send this edition to Ofsted now, then record the date in document.lodged_with_ofsted_on "
                  "(YYYY-MM-DD). If this edition was re-approved without any change, say `changed: false` in its "
                  "entry under document.revisions.")


@rule("lifecycle/future-date", REVIEWED_KINDS)
def future_date(document):
    """An approval, lodging or re-supply date that has not happened yet."""
    meta = document.get("document")
    if not isinstance(meta, dict):
        return
    dated = [(("document", key), what, meta.get(key)) for key, what in EVENT_DATES.items()]
    revisions = meta.get("revisions") if isinstance(meta.get("revisions"), list) else []
    dated += [(("document", "revisions", index, "approved_on"), "approval date", revision.get("approved_on"))
              for index, revision in enumerate(revisions) if isinstance(revision, dict)]
    for path, what, written in dated:
        parsed = parse_date(written) if isinstance(written, str) else None
        if parsed and parsed[0] > document.today:
            yield Problem(path, f"The {what} is {long_date(parsed[0])}, which has not happened yet.",
                          f"Record the {what} once it has happened; until then keep the current edition's dates.")


@rule("lifecycle/guide-not-resupplied", GUIDE_KINDS)
def guide_not_resupplied(document):
    """A revised children's guide with no record that it was given to every carer and child placed."""
    edition = _edition(document)
    if edition.is_revision and not edition.is_resupplied:
        yield Problem(("document", "resupplied_on") if edition.resupplied else ("document", "approved_on"),
                      f"This children's guide replaces an earlier edition, and there is no record that the new one "
                      f"(approved {long_date(edition.approved[1])}) has been given to every foster carer and every "
                      "child placed.",
                      "Give a copy to each foster carer and each child placed, in a form that suits the child, then "
                      "record the date in document.resupplied_on (YYYY-MM-DD).")


RULES = [review_beyond_interval, not_lodged, future_date, guide_not_resupplied]
