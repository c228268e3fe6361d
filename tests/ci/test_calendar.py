"""`fosterdocs calendar`: an RFC 5545 file of review dates and 28-day Ofsted deadlines that a calendar reads."""

from __future__ import annotations

import json
from datetime import date, timedelta

import icalendar
import pytest
from cipaths import SERVICE, SOP, TODAY

from fosterdocs.calendar_ics import fold, render
from fosterdocs.cli import main
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
    ics = _calendar(run, "--include-example")
    calendar = icalendar.Calendar.from_ical(ics)
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    events = _events(ics)
    review = events["review-example-statement-of-purpose-2027-09-15@fosterdocs"]
    assert review.decoded("DTSTART") == date(2027, 9, 15) and review.decoded("DTEND") == date(2027, 9, 16)
    assert "Review due" in str(review["SUMMARY"]) and "Exampleshire" in str(review["SUMMARY"])
    assert "regulation 4" in str(review["DESCRIPTION"])
    lodge = events["lodge-example-statement-of-purpose-2026-10-13@fosterdocs"]
    assert lodge.decoded("DTSTART") == date(2026, 10, 13)
    assert "Sent to Ofsted on 22 September 2026: done." in str(lodge["DESCRIPTION"])
    assert str(lodge["SUMMARY"]).startswith("Sent to Ofsted: ")
    herts = events["review-hertfordshire-statement-of-purpose-2025-03-31@fosterdocs"]
    assert herts.decoded("DTSTART") == date(2025, 3, 31)  # 'due 2025-03' means by the end of March
    assert not [uid for uid in events if "norfolk-statement-of-purpose" in uid]  # no dates given: none invented
    committed = events["review-leicestershire-statement-of-purpose-2024-09-30@fosterdocs"]  # 'in September each
    assert committed.decoded("DTSTART") == date(2024, 9, 30)  # year': the date validate's finding works out
    assert all(event.decoded("DTSTAMP").isoformat().startswith("2026-11-23") for event in events.values())


def test_each_open_date_has_a_reminder_and_a_met_deadline_has_none(project, edit, run):
    edit(project / SOP, "  lodged_with_ofsted_on: 2026-09-22\n", "")
    events = _events(_calendar(run, "data/example", "--include-example", cwd=project))
    for uid, event in events.items():
        alarms = event.walk("VALARM")
        if uid.startswith("lodge-") and "statement-of-purpose" not in uid:  # the guides were sent: done
            assert alarms == [] and str(event["SUMMARY"]).startswith("Sent to Ofsted")
            continue
        (alarm,) = alarms
        assert str(alarm["ACTION"]) == "DISPLAY" and alarm.decoded("TRIGGER") == timedelta(days=-14)
        assert str(alarm["DESCRIPTION"]) == f"In 14 days: {event['SUMMARY']}"
    late = events["lodge-example-statement-of-purpose-2026-10-13@fosterdocs"]
    assert str(late["SUMMARY"]).startswith("Send to Ofsted: ")
    assert "fosterdocs lodge example --sent YYYY-MM-DD" in str(late["DESCRIPTION"])
    events = _events(_calendar(run, "data/example", "--include-example", "--remind", "3", cwd=project))
    assert {e.walk("VALARM")[0].decoded("TRIGGER") for e in events.values() if e.walk("VALARM")} == {
        timedelta(days=-3)}


def test_the_fictional_example_is_left_out_unless_asked_for(run):
    assert not [uid for uid in _events(_calendar(run)) if "-example-" in uid]  # neither fictional example
    assert [uid for uid in _events(_calendar(run)) if "-hertfordshire-" in uid]
    included = _events(_calendar(run, "--include-example"))
    assert len([uid for uid in included if "-example-" in uid and "-example-agency-" not in uid]) == 9
    assert len([uid for uid in included if "-example-agency-" in uid]) == 9
    code, out, err = run("calendar", "data/example", "--today", TODAY)
    assert code == 0 and b"BEGIN:VEVENT" not in out.encode()


@pytest.mark.parametrize("days", ["-1", "two", "400"])
def test_a_bad_reminder_is_a_clear_message(capsysbinary, days):
    with pytest.raises(SystemExit) as stopped:
        main(["calendar", "--remind", days])
    err = capsysbinary.readouterr().err.decode()
    assert stopped.value.code == 2 and "is not a number of days from 0 to 366" in err and "Traceback" not in err


def test_the_file_is_crlf_folded_and_the_same_every_time(run):
    ics = _calendar(run, "--include-example")
    assert ics == _calendar(run, "--include-example")
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
    ics = _calendar(run, "data/example", "--include-example", cwd=project)
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
