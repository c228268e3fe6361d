"""Rules about time: review dates, the age of figures, and related documents whose period has ended.

passes: `next_review_due: 2027-09-15` judged on 2026-11-23.
fails:  `next_review_due: 2025-03` (all of March 2025 has passed: error), or a date within the warning window
        (warning); `as_at: 2023-03-31` (more than 15 months old: warning); `approved_on: 9999-12-31` (a year
        before 1990 or after 2100: error).
"""

from __future__ import annotations

from datetime import timedelta

from ..dates import (
    YEARS,
    long_date,
    months_later,
    out_of_range,
    parse_date,
    period_end_year,
)
from ..document_types import REVIEWED_KINDS, STATUTORY_KINDS
from .base import Problem, rule

FIGURES_MAX_MONTHS = 15
REVIEW_FIX = ("Review the document, have the new version approved, then set document.approved_on and a new "
              "document.next_review_due (at most {months} months after approval).")


@rule("dates/review-overdue", REVIEWED_KINDS + ("carer-handbook",))
def review_overdue(document):
    """The document's next review date has passed."""
    due, path, shown = document.review.due, document.review.path, document.review.shown
    if due and due < document.today:
        days = (document.today - due).days
        yield Problem(path, f"The review was due by {shown}, {days} day{'s' * (days != 1)} ago: this document is "
                      "out of date.",
                      REVIEW_FIX.format(months=document.review_months))


@rule("dates/review-due-soon", REVIEWED_KINDS + ("carer-handbook",))
def review_due_soon(document):
    """The document's next review date falls within the service's warning window (60 days unless set)."""
    due, path, shown = document.review.due, document.review.path, document.review.shown
    if due and document.today <= due <= document.today + timedelta(days=document.warning_days):
        yield Problem(path, f"The review is due by {shown}, in {(due - document.today).days} days.",
                      "Start the review now so the new version is approved in time. " +
                      REVIEW_FIX.format(months=document.review_months))


@rule("dates/no-review-date", REVIEWED_KINDS + ("carer-handbook",))
def no_review_date(document):
    """A document with neither a next review date nor an approval date to count the review interval from."""
    if isinstance(document.get("document"), dict) and not document.writes_review_dates and document.review.due is None:
        yield Problem(("document",), "This document gives no review date: it has neither `next_review_due` nor "
                      "`approved_on`, so nobody can tell when it must be reviewed.",
                      "Add `approved_on:` (the day it was approved) and `next_review_due:` (at most "
                      f"{document.review_months} months later; without it, fosterdocs counts "
                      f"{document.review_months} months from approval).", key=True)


@rule("dates/period-ended", REVIEWED_KINDS)
def period_ended(document):
    """A document with no review date whose own period (such as 2024-25) has ended."""
    period = document.get("document", "period")
    end = period_end_year(period) if period and document.review.due is None else None
    if end and end < document.today.year:
        yield Problem(("document", "period"), f"This document is for {period}, which ended in {end}.",
                      "Review it and publish the edition for the current year, with a next_review_due date.")


@rule("figures/undated", STATUTORY_KINDS)
def figures_undated(document):
    """Numbers of households, children or staff given without the date they describe."""
    fix = "Add `as_at:` with the date the figures describe (YYYY-MM-DD), next to the figures."
    if isinstance(document.get("numbers"), dict) and not document.get("numbers", "as_at"):
        yield Problem(("numbers",), "The numbers of fostering households and children have no 'as at' date.", fix,
                      key=True)
    counted = any(isinstance(s, dict) and "count" in s for team in document.get("staffing", "teams", default=[]) or []
                  if isinstance(team, dict) for s in team.get("staff", []) or [])
    if counted and not document.get("staffing", "as_at"):
        yield Problem(("staffing",), "The staff numbers have no 'as at' date.", fix, key=True)
    if not document.get("numbers", "as_at"):
        for index, figure in enumerate(document.get("numbers", "other_figures", default=[]) or []):
            if isinstance(figure, dict) and not figure.get("as_at"):
                yield Problem(("numbers", "other_figures", index), f"The figure '{figure.get('label')}' has no "
                              "'as at' date.", fix)


@rule("figures/out-of-date", STATUTORY_KINDS)
def figures_out_of_date(document):
    """Figures whose 'as at' date is more than 15 months old."""
    oldest_allowed = months_later(document.today, -FIGURES_MAX_MONTHS)
    for path, written in document.figure_dates:
        parsed = parse_date(written)
        if parsed and parsed[1] < oldest_allowed:
            yield Problem(path, f"These figures are as at {long_date(parsed[1])}, more than {FIGURES_MAX_MONTHS} "
                          "months ago.", "Replace them with current figures and their new 'as at' date.")


@rule("related/expired")
def related_expired(document):
    """A strategy, policy or plan the document relies on whose period has ended."""
    for index, related in enumerate(document.get("related_documents", default=[]) or []):
        end = period_end_year(related.get("period", "")) if isinstance(related, dict) else None
        if end and end < document.today.year:
            yield Problem(("related_documents", index, "period"),
                          f"'{related.get('title')}' covers {related['period']}, which ended in {end}.",
                          "Refer to the current version of this document and its period, or remove the reference "
                          "if it has not been replaced.")


@rule("dates/out-of-range")
def date_out_of_range(document):
    """A date whose year cannot be right for a fostering service's document (before 1990 or after 2100)."""
    for path, text in document.parts.strings:
        if out_of_range(text):
            yield Problem(path, f"'{text}' is a date in the year {text[:4]}, which cannot be right.",
                          f"Check the year: fosterdocs takes dates from {YEARS[0]} to {YEARS[-1]}.")


RULES = [date_out_of_range, review_overdue, review_due_soon, no_review_date, period_ended, figures_undated,
         figures_out_of_date, related_expired]
