"""Dates as people write them in documents: whole dates, months and periods such as 2024-25."""

from __future__ import annotations

import calendar
import re
from datetime import date

YEARS = range(1990, 2101)  # the years a date in a fostering service's document can sensibly fall in
_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")  # the whole text (fullmatch)
_PERIOD = re.compile(r"(\d{4})\s*[-–/]\s*(\d{2,4})\b")
MONTHS = "|".join(calendar.month_name[1:])  # January|February|...: for patterns that find dates in prose
# a date or period as prose writes it: '31st March 2024', 'March 2024', '2023-24'
IN_PROSE = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{MONTHS})\s+\d{{4}}\b|\b{_PERIOD.pattern}",
                      re.IGNORECASE)


def parse_date(text) -> tuple[date, date] | None:
    """The first and last day a written date can mean ('2025-03' is all of March), or None (also for a year outside
    YEARS: the rule dates/out-of-range says so, and nothing computed from such a date can overflow)."""
    match = _DATE.fullmatch(str(text))
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2]), match[3]
    if year not in YEARS:
        return None
    try:
        if day:
            exact = date(year, month, int(day))
            return exact, exact
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    except ValueError:
        return None


def out_of_range(text) -> bool:
    """A date written in the right form whose year is outside YEARS (a slip such as 9999-12-31 or 0202-03-01)."""
    match = _DATE.fullmatch(text) if isinstance(text, str) else None
    return bool(match) and int(match[1]) not in YEARS


def period_end_year(text) -> int | None:
    """The last year of a period written like '2016-19', '2016 – 2019' or '2016/20'."""
    match = _PERIOD.search(str(text))
    if not match:
        return None
    start, end = match[1], match[2]
    year = int(end) if len(end) == 4 else int(start[: 4 - len(end)] + end)
    return year if year >= int(start) else None


def months_later(start: date, months: int) -> date:
    """The same day some months later (the month's last day when it is shorter)."""
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def review_due(meta, months: int) -> tuple[date | None, bool]:
    """When a document's review is due, and whether that is the default: its next_review_due (the last day the
    written date can mean) or, when none is written, approved_on plus the service's review interval."""
    meta = meta if isinstance(meta, dict) else {}
    if meta.get("next_review_due"):
        written = parse_date(meta["next_review_due"])  # None for a date that does not exist: its finding says so
        return (written[1] if written else None), False
    approved = parse_date(meta.get("approved_on") or "")
    return (months_later(approved[0], months), True) if approved else (None, False)


_EACH_YEAR = re.compile(rf"\b(?:in|every|each)\s+({MONTHS})(?:\s+(?:each|every)\s+year)?\b", re.IGNORECASE)


def committed_month(text) -> int | None:
    """The month a written commitment names for the yearly review or approval ('in September each year'), if any:
    only when the text also says it happens yearly."""
    text = str(text or "")
    match = _EACH_YEAR.search(text)
    if match and (re.search(r"\b(each|every)\s+year\b|\bannual(ly)?\b|\byearly\b", text, re.IGNORECASE)):
        return list(calendar.month_name).index(match[1].capitalize())
    return None


def first_month_after(day: date, month: int) -> date:
    """The last day of the first given month on or after day."""
    year = day.year if month >= day.month else day.year + 1
    return date(year, month, calendar.monthrange(year, month)[1])
