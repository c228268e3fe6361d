"""One edition's lifecycle, read from a document's `document:` block: approved, lodged, re-supplied, review due.

Dates may be written as a whole day or a month; a month is read leniently (the earliest day it can mean when
checking that something has happened, the latest when checking that it is not late).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from .dates import months_later, parse_date

LODGE_WITHIN_DAYS = 28  # reg 4: Ofsted is told of a revision within 28 days (an unchanged re-approval is none)

Span = tuple[date, date]  # the first and last day a written date can mean


def _span(value) -> Span | None:
    return parse_date(value) if isinstance(value, str) and value else None


def _revised(approved: Span | None, revisions: list) -> Span | None:
    """When the text last changed. An edition re-approved unchanged (its revision entry says `changed: false`) is
    not a revision, so the latest earlier entry that changed something counts; None when none is recorded."""
    if not approved:
        return None
    entries = sorted(((span, entry) for entry in revisions if isinstance(entry, dict)
                      for span in [_span(entry.get("approved_on"))] if span and span[0] <= approved[1]),
                     key=lambda pair: pair[0], reverse=True)
    current = next((entry for span, entry in entries if span == approved), None)
    if current is None or current.get("changed", True) is not False:
        return approved
    return next((span for span, entry in entries if entry.get("changed", True) is not False), None)


@dataclass(frozen=True)
class Edition:
    """The dates that say where one edition of a document stands."""

    approved: Span | None
    review_due: Span | None
    lodged: Span | None
    resupplied: Span | None
    earlier: list[Span] = field(default_factory=list)
    revised: Span | None = None  # when the text last changed: this edition's approval, unless it changed nothing

    @classmethod
    def of(cls, meta) -> Edition:
        """The edition described by a `document:` block (anything missing or malformed is None)."""
        meta = meta if isinstance(meta, dict) else {}
        approved = _span(meta.get("approved_on"))
        revisions = meta.get("revisions") if isinstance(meta.get("revisions"), list) else []
        spans = [_span(r.get("approved_on")) for r in revisions if isinstance(r, dict)]
        earlier = [s for s in spans if s and approved and s[1] < approved[0]]
        return cls(approved, _span(meta.get("next_review_due")), _span(meta.get("lodged_with_ofsted_on")),
                   _span(meta.get("resupplied_on")), earlier, _revised(approved, revisions))

    @property
    def lodge_by(self) -> date | None:
        """The last day for telling Ofsted of the latest revision: 28 days after it."""
        return self.revised[1] + timedelta(days=LODGE_WITHIN_DAYS) if self.revised else None

    @property
    def is_lodged(self) -> bool:
        """Ofsted was told of the latest revision (a lodging date on or after it)."""
        return bool(self.revised and self.lodged and self.lodged[1] >= self.revised[0])

    @property
    def is_revision(self) -> bool:
        """The revision history shows an earlier edition approved before this one."""
        return bool(self.earlier)

    @property
    def is_resupplied(self) -> bool:
        return bool(self.approved and self.resupplied and self.resupplied[1] >= self.approved[0])

    def resupply_status(self, today: date) -> str:
        """For a children's guide: resupplied, due (a revision not yet given to carers and children), or ''."""
        if self.is_resupplied:
            return "resupplied"
        return "due" if self.is_revision and self.approved[1] <= today else ""

    def latest_review(self, months: int) -> date | None:
        """The latest the next review may fall: the service's review interval after approval."""
        return months_later(self.approved[1], months) if self.approved else None

    def lodging_status(self, today: date) -> str:
        """lodged, due (within the 28 days), late, or '' when the date of the latest revision is not known."""
        if not self.revised:
            return ""
        if self.is_lodged:
            return "lodged"
        return "late" if today > self.lodge_by else "due"
