"""`fosterdocs calendar`: an RFC 5545 file of review dates and 28-day Ofsted deadlines that a calendar reads."""

from __future__ import annotations

import json
from datetime import date

import icalendar
import pytest

from cipaths import SERVICE, TODAY
from fosterdocs.calendar_ics import fold, render
from fosterdocs.status import StatusRow


def _calendar(run, *args, cwd=None) -> bytes:
    kwargs = {"cwd": cwd} if cwd else {}
    code, out, err = run("calendar", *args, "--today", TODAY, **kwargs)
    assert code == 0 and not err
    return out.encode("utf-8")


def _events(ics: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(ics)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_the_calendar_has_each_review_date_and_each_lodging_deadline(run):
    ics = _calendar(run)
    calendar = icalendar.Calendar.from_ical(ics)
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    events = _events(ics)
    review = events["review-example-statement-of-purpose-2027-09-15@fosterdocs"]
    assert review.decoded("DTSTART") == date(2027, 9, 15) and review.decoded("DTEND") == date(2027, 9, 16)
    assert "Review due" in str(review["SUMMARY"]) and "Exampleshire" in str(review["SUMMARY"])
    assert "regulation 4" in str(review["DESCRIPTION"])
    lodge = events["lodge-example-statement-of-purpose-2026-10-13@fosterdocs"]
    assert lodge.decoded("DTSTART") == date(2026, 10, 13)
    assert "Sent to Ofsted on 22 September 2026" in str(lodge["DESCRIPTION"])
    herts = events["review-hertfordshire-statement-of-purpose-2025-03-31@fosterdocs"]
    assert herts.decoded("DTSTART") == date(2025, 3, 31)  # 'due 2025-03' means by the end of March
    assert not [uid for uid in events if "norfolk-statement-of-purpose" in uid]  # no dates given: none invented
    assert all(event.decoded("DTSTAMP").isoformat().startswith("2026-11-23") for event in events.values())


def test_the_file_is_crlf_folded_and_the_same_every_time(run):
    ics = _calendar(run)
    assert ics == _calendar(run)
    assert ics.endswith(b"END:VCALENDAR\r\n")
    lines = ics.split(b"\r\n")
    assert b"\n" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # long descriptions were folded
    uids = [line for line in ics.replace(b"\r\n ", b"").split(b"\r\n") if line.startswith(b"UID:")]
    assert len(uids) == len(set(uids)) > 0


def test_text_from_the_yaml_is_escaped_and_reads_back_intact(project, edit, run):
    name = "Exampleshire; North, South \\ East\nand Wést Fostering Service — ünïcödé" + " long" * 20
    edit(project / SERVICE, "name: Exampleshire Fostering Service", f"name: {json.dumps(name, ensure_ascii=False)}")
    ics = _calendar(run, "data/example", cwd=project)
    for line in ics.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # no line splits a character
    event = _events(ics)["review-example-statement-of-purpose-2027-09-15@fosterdocs"]
    assert str(event["SUMMARY"]) == f"Review due: Fostering Service Statement of Purpose ({name})"


def test_folding_never_splits_a_character():
    line = "DESCRIPTION:" + "é" * 100
    folded = fold(line).encode("utf-8")
    assert all(len(part) <= 75 for part in folded.split(b"\r\n"))
    assert [part.decode("utf-8") for part in folded.split(b"\r\n")]
    assert folded.decode("utf-8").replace("\r\n ", "") == line


def test_a_document_without_dates_gives_no_events():
    row = StatusRow("x", "X", "statement-of-purpose", "Statement", "", "", "", None, "", "no-date", 0, 0)
    ics = render([row], date(2026, 11, 23))
    assert b"BEGIN:VEVENT" not in ics and icalendar.Calendar.from_ical(ics).walk("VEVENT") == []


def test_out_writes_the_file(run, tmp_path):
    target = tmp_path / "reviews.ics"
    code, out, err = run("calendar", "--out", str(target), "--today", TODAY)
    assert code == 0 and not err and str(target) in out
    assert target.read_bytes() == _calendar(run)


@pytest.mark.parametrize("where", ["missing/reviews.ics", "."])
def test_an_unwritable_out_is_a_clear_error(run, tmp_path, where):
    code, out, err = run("calendar", "--out", str(tmp_path / where), "--today", TODAY)
    assert code == 2 and err.startswith("fosterdocs: Cannot write") and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []
