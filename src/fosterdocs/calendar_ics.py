"""The review calendar as an iCalendar file (RFC 5545): each review due date and each 28-day deadline for Ofsted.

A manager subscribes to it (or imports it) in Outlook. Events are all-day; each has a UID made from the service,
document, kind of deadline and date, so the same data always gives the same events and a calendar that re-reads
the file updates rather than duplicates them. Each open date has a reminder (VALARM) some days before; a deadline
met (the edition was sent to Ofsted) stays in the calendar, marked done, without a reminder. The fictional example
service is left out unless asked for.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from .atomic import replace_file
from .dates import long_date, parse_date
from .edition import LODGE_WITHIN_DAYS
from .project import CannotRun
from .status import StatusRow

PRODID = "-//fosterdocs//Review calendar//EN"
NAME = "Fostering documents: reviews and Ofsted deadlines"
REG4 = "Fostering Services (England) Regulations 2011, regulation 4"
MAX_OCTETS = 75
REMIND_DAYS = 14  # the reminder's default: two weeks before the date
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def escape(text: str) -> str:
    """Text as an iCalendar TEXT value: backslash, semicolon, comma and line breaks escaped, controls dropped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return _CONTROL.sub("", text)


def fold(line: str) -> str:
    """A content line folded into lines of at most 75 octets, never splitting a UTF-8 character."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > MAX_OCTETS:
            parts.append(current)
            current, size = " ", 1
        current += char
        size += width
    parts.append(current)
    return "\r\n".join(parts)


def _in_words(written: str) -> str:
    """A date as written in the data, in words: 15 September 2026, or September 2026 when only the month is known."""
    span = parse_date(written)
    if not span:
        return written
    return long_date(span[0]) if span[0] == span[1] else f"{span[0]:%B %Y}"


def _alarm(summary: str, days: int) -> list[str]:
    """A reminder shown days before an all-day event (RFC 5545 section 3.6.6: DISPLAY needs a DESCRIPTION)."""
    return ["BEGIN:VALARM", "ACTION:DISPLAY", f"TRIGGER;RELATED=START:-P{days}D",
            f"DESCRIPTION:{escape(f'In {days} days: {summary}')}", "END:VALARM"]


def _event(uid: str, stamp: str, day: date, summary: str, description: str, remind: int | None) -> list[str]:
    """An all-day event; remind: days before it for the reminder (None: the date needs nothing more)."""
    return ["BEGIN:VEVENT", f"UID:{escape(uid)}", f"DTSTAMP:{stamp}", f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}", f"SUMMARY:{escape(summary)}",
            f"DESCRIPTION:{escape(description)}", "TRANSP:TRANSPARENT",
            *(_alarm(summary, remind) if remind is not None else []), "END:VEVENT"]


def _review(row: StatusRow, stamp: str, remind: int) -> list[str]:
    due = date.fromisoformat(row.review_due_by)
    approved = (f"This edition was approved on {_in_words(row.approved_on)}." if row.approved_on
                else "No approval date is recorded.")
    return _event(f"review-{row.service_id}-{row.name}-{row.review_due_by}@fosterdocs", stamp, due,
                  f"Review due: {row.title} ({row.service})",
                  f"The {row.title} of {row.service} must be reviewed by {long_date(due)}. {approved}\n"
                  f"Required by: {REG4} (keep it under review) and the service's own review commitment.", remind)


def _lodging(row: StatusRow, stamp: str, remind: int) -> list[str]:
    deadline = date.fromisoformat(row.lodge_by)
    sent = row.lodging_status == "lodged"
    done = (f"Sent to Ofsted on {_in_words(row.lodged_with_ofsted_on)}: done." if sent
            else f"Not yet recorded as sent to Ofsted. When it is sent, run: fosterdocs lodge {row.service_id} "
                 "--sent YYYY-MM-DD")
    return _event(f"lodge-{row.service_id}-{row.name}-{row.lodge_by}@fosterdocs", stamp, deadline,
                  f"{'Sent' if sent else 'Send'} to Ofsted: {row.title} ({row.service})",
                  f"The edition approved on {_in_words(row.approved_on)} must reach Ofsted by {long_date(deadline)}, "
                  f"{LODGE_WITHIN_DAYS} days after approval. {done}\nRequired by: {REG4} (notify Ofsted of any "
                  f"revision within {LODGE_WITHIN_DAYS} days).", None if sent else remind)


def render(table: list[StatusRow], today: date, remind: int = REMIND_DAYS) -> bytes:
    """The calendar for these rows, dated (DTSTAMP) today, as CRLF-terminated UTF-8; each open date has a reminder
    remind days before it."""
    stamp = f"{today:%Y%m%d}T000000Z"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{escape(NAME)}"]
    for row in table:
        if row.review_due_by:
            lines += _review(row, stamp, remind)
        if row.lodge_by:
            lines += _lodging(row, stamp, remind)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")


def save(ics: bytes, out: Path) -> None:
    """Write the calendar to out, all at once: a subscriber never reads half a file."""
    if not out.parent.is_dir():
        raise CannotRun(f"Cannot write {out}: the folder {out.parent} does not exist.")
    if out.is_dir():
        raise CannotRun(f"Cannot write {out}: it is a folder. Give a file name, such as {out / 'reviews.ics'}.")
    try:
        replace_file(out, ics)
    except OSError as err:
        raise CannotRun(f"Cannot write {out}: {err.strerror or err}.") from err
