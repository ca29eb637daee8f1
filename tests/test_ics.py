"""Calendars to download (induction/ics.py): every .ics parses with the icalendar library as a
calendar program reads it, with the Europe/London zone, stable UIDs, all-day weeks, timed
training events, a URL per event, and text from YAML escaped."""
from __future__ import annotations

import datetime

import icalendar
from conftest import SAMPLE, make_tree
from edits import Edit
from test_checks import PROGRAMME
from test_dates import on_calendar

from induction.ics import calendar_files, fold, text
from induction.pipeline import load_and_check
from induction.published import published_files

SITE_URL = "https://www.example.org/ect/"


def files(root, site_url: str = SITE_URL) -> dict[str, str]:
    checked = load_and_check(str(root))
    assert checked.ok, checked.report()
    return calendar_files(checked.site.programmes, checked.places, checked.schedules, site_url)


def events(ics: str) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical(ics).walk("VEVENT")


def test_one_calendar_per_cohort_and_role_and_every_one_parses():
    found = files(SAMPLE)
    assert sorted(found) == [f"oakfield/calendars/{c}-{r}.ics" for c in ("january-2026", "september-2025")
                             for r in ("ect", "mentor", "tutor")]
    for name, ics in found.items():
        calendar = icalendar.Calendar.from_ical(ics)
        assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
        assert [z["TZID"] for z in calendar.walk("VTIMEZONE")] == ["Europe/London"]
        assert all(e["UID"] and e["DTSTAMP"] and e["URL"] for e in calendar.walk("VEVENT")), name
        assert all(len(line.encode()) <= 75 for line in ics.split("\r\n")), name
        assert ics.endswith("\r\n") and "\n" not in ics.replace("\r\n", "")


def test_the_ect_calendar_has_each_study_week_all_day_and_training_timed_in_london():
    found = events(files(SAMPLE)["oakfield/calendars/september-2025-ect.ics"])
    weeks = [e for e in found if str(e["SUMMARY"]).startswith("ECT study")]
    first = weeks[0]
    assert first.decoded("DTSTART") == datetime.date(2025, 9, 1)
    assert first.decoded("DTEND") == datetime.date(2025, 9, 6)  # exclusive: Monday to Friday
    assert str(first["SUMMARY"]) == "ECT study: Week 1: Why routines matter"
    assert str(first["URL"]) == SITE_URL + "oakfield/year-1/routines/week-1/"
    assert str(first["TRANSP"]) == "TRANSPARENT"
    clinic = next(e for e in found if str(e["SUMMARY"]) == "ECT clinic: routines that stick")
    start = clinic.decoded("DTSTART")
    assert start.tzinfo is not None and start.utcoffset() == datetime.timedelta(hours=1)  # BST in October
    assert (start.hour, clinic.decoded("DTEND").hour, clinic.decoded("DTEND").minute) == (15, 16, 45)
    assert str(clinic["LOCATION"]) == "Online"
    conference = next(e for e in found if str(e["SUMMARY"]) == "Oakfield ECT and mentor conference")
    assert conference.decoded("DTSTART") == datetime.date(2026, 1, 28)  # no time: all day
    assert str(conference["LOCATION"]) == "Oakfield Teaching School Hub, Main Hall"


def test_year_two_mentor_meetings_are_fortnightly():
    found = events(files(SAMPLE)["oakfield/calendars/september-2025-mentor.ics"])
    year2 = [e.decoded("DTSTART") for e in found if "year-2/adaptive-teaching" in str(e["URL"])]
    assert year2 == [datetime.date(2026, 8, 31), datetime.date(2026, 9, 14), datetime.date(2026, 9, 28)]


def test_uids_are_stable_across_rebuilds_and_unique_in_a_file(tmp_path):
    first, second = files(SAMPLE), files(SAMPLE)
    assert first == second  # byte for byte: DTSTAMP is fixed, UIDs are made of ids
    for ics in first.values():
        uids = [str(e["UID"]) for e in events(ics)]
        assert len(uids) == len(set(uids))
    assert "UID:ect-oakfield-september-2025-routines-week-1@induction" in first[
        "oakfield/calendars/september-2025-ect.ics"]


def test_without_a_site_address_urls_are_relative_to_the_file():
    ics = files(SAMPLE, "")["oakfield/calendars/september-2025-ect.ics"]
    assert str(events(ics)[0]["URL"]) == "../year-1/routines/week-1/"


def test_text_from_yaml_is_escaped_and_folded(tmp_path):
    tree = on_calendar(tmp_path)
    Edit(PROGRAMME, "    place: online\n", "    place: 'Room 2; Hall, east\\\\wing'\n").apply(tree)
    Edit(PROGRAMME, "    minutes: 60\n", "    minutes: 60\n    prepare: " + "Bring notes é " * 12 + "\n").apply(tree)
    ics = files(tree)["prog/calendars/sep-ect.ics"]
    clinic = next(e for e in events(ics) if str(e["UID"]).startswith("event-"))
    assert str(clinic["LOCATION"]) == "Room 2; Hall, east\\\\wing"  # the two backslashes YAML kept
    assert str(clinic["DESCRIPTION"]) == "Prepare: " + ("Bring notes é " * 12).strip()
    assert text("a;b,c\\d\ne\x07") == "a\\;b\\,c\\\\d\\ne"
    assert fold("x" * 80) == "x" * 75 + "\r\n " + "x" * 5
    assert all(len(part.encode()) <= 75 for part in fold("é" * 60).split("\r\n"))


def test_a_site_without_cohorts_publishes_no_calendar(tmp_path):
    checked = load_and_check(str(make_tree(tmp_path)))
    assert published_files(checked) == {}


def test_the_schedule_script_never_carries_markup_from_yaml(tmp_path):
    tree = on_calendar(tmp_path)
    Edit(PROGRAMME, "title: September 2025", "title: </script><script>alert(1)</script>").apply(tree)
    checked = load_and_check(str(tree))
    script = published_files(checked)["schedule.js"]
    assert script.startswith("/* Generated") and "window.ectSchedule = {" in script
    assert "<" not in script.split("*/", 1)[1]  # "\u003c" instead: no text can close a script element
    assert "\\u003c/script>\\u003cscript>alert(1)\\u003c/script>" in script


def test_in_the_offline_layout_addresses_name_the_html_files():
    checked = load_and_check(str(SAMPLE))
    offline = published_files(checked, "", directory_urls=False)
    assert '"url":"oakfield/year-1/routines/week-1/index.html"' in offline["schedule.js"]
    assert '"url":"oakfield/year-1/routines/routines-w1-watch.html"' in offline["schedule.js"]
    ics = offline["oakfield/calendars/september-2025-mentor.ics"]
    assert str(events(ics)[0]["URL"]) == "../year-1/routines/routines-w1-mentor.html"
