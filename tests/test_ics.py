"""Calendars (induction/timing/ics.py): every .ics parses with two independent libraries (icalendar and
vobject) as calendar programs read it, with the Europe/London zone, a daily refresh, stable UIDs,
every event on one day (study on the study day, each meeting on the meeting day), everything each
person attends in their own file, a URL per event when the site's address is known, and text from
YAML escaped."""

from __future__ import annotations

import datetime
import shutil

import icalendar
import pytest
import vobject
from conftest import SAMPLE, make_tree
from edits import Edit
from test_checks import PROGRAMME
from test_dates import on_calendar

from induction.check.pipeline import load_and_check
from induction.publish.published import published_files
from induction.timing.ics import calendar_files, fold, text, titled

SITE_URL = "https://www.example.org/ect/"


def files(root, site_url: str = SITE_URL) -> dict[str, str]:
    checked = load_and_check(str(root))
    assert checked.ok, checked.report()
    return calendar_files(checked.site.programmes, checked.places, checked.schedules, site_url)


def events(ics: str) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical(ics).walk("VEVENT")


def test_one_calendar_per_cohort_and_role_and_every_one_parses():
    found = files(SAMPLE)
    assert sorted(found) == [
        f"oakfield/calendars/{c}-{r}.ics"
        for c in ("january-2026", "september-2025")
        for r in ("ect", "mentor", "tutor")
    ]
    for name, ics in found.items():
        calendar = icalendar.Calendar.from_ical(ics)
        assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
        assert [z["TZID"] for z in calendar.walk("VTIMEZONE")] == ["Europe/London"]
        assert all(e["UID"] and e["DTSTAMP"] and e["URL"] for e in calendar.walk("VEVENT")), name
        assert all(len(line.encode()) <= 75 for line in ics.split("\r\n")), name
        assert ics.endswith("\r\n") and "\n" not in ics.replace("\r\n", "")


def test_the_ect_calendar_has_one_study_event_a_week_on_the_study_day_and_training_timed_in_london():
    found = events(files(SAMPLE)["oakfield/calendars/september-2025-ect.ics"])
    weeks = [e for e in found if str(e["SUMMARY"]).startswith("ECT study")]
    first = weeks[0]
    # Monday is the study day: the cohort starts on Monday 8 September (the term's first days are training days).
    assert first.decoded("DTSTART") == datetime.date(2025, 9, 8)
    assert first.decoded("DTEND") == datetime.date(2025, 9, 9)  # exclusive: one day, not a week's banner
    assert str(first["SUMMARY"]) == "ECT study: Week 1: Why routines matter"
    assert str(first["URL"]) == SITE_URL + "oakfield/year-1/routines/week-1/"
    assert str(first["TRANSP"]) == "TRANSPARENT"
    # "Weeks 4 to 6" is three study events, each on its week's Monday, not one of nineteen days.
    cycle = [e for e in weeks if "Weeks 4 to 6" in str(e["SUMMARY"])]
    assert [e.decoded("DTSTART") for e in cycle] == [
        datetime.date(2025, 9, 29),
        datetime.date(2025, 10, 6),
        datetime.date(2025, 10, 13),
    ]
    assert [str(e["SUMMARY"])[-8:] for e in cycle] == ["(1 of 3)", "(2 of 3)", "(3 of 3)"]
    clinic = next(e for e in found if str(e["SUMMARY"]) == "ECT clinic: routines that stick")
    start = clinic.decoded("DTSTART")
    assert start.tzinfo is not None and start.utcoffset() == datetime.timedelta(hours=1)  # BST in October
    assert (start.hour, clinic.decoded("DTEND").hour, clinic.decoded("DTEND").minute) == (15, 16, 45)
    assert str(clinic["LOCATION"]) == "Online"
    conference = next(e for e in found if str(e["SUMMARY"]) == "Oakfield ECT and mentor conference")
    assert conference.decoded("DTSTART") == datetime.date(2026, 1, 28)  # no time: all day
    assert str(conference["LOCATION"]) == "Oakfield Teaching School Hub, Main Hall"


def test_the_ect_calendar_holds_the_mentor_meetings_the_ect_attends():
    found = events(files(SAMPLE)["oakfield/calendars/september-2025-ect.ics"])
    meetings = [e for e in found if str(e["SUMMARY"]).startswith("Mentor meeting")]
    mentor = events(files(SAMPLE)["oakfield/calendars/september-2025-mentor.ics"])
    theirs = [e for e in mentor if str(e["SUMMARY"]).startswith("Mentor meeting")]
    assert [e.decoded("DTSTART") for e in meetings] == [e.decoded("DTSTART") for e in theirs]
    assert len(meetings) == 24  # year 1: 7 + 4 + 4 + 3 weekly (weeks 4 to 6 are three); year 2: 3 + 3 fortnightly
    first = meetings[0]
    assert (first.decoded("DTSTART"), str(first["SUMMARY"])) == (
        datetime.date(2025, 9, 11),
        "Mentor meeting: Why routines matter",
    )
    assert str(first["URL"]) == SITE_URL + "oakfield/year-1/routines/week-1/"  # the ECT's week, not the plan
    assert str(first["UID"]) == "ect-meeting-oakfield-september-2025-routines-week-1@induction"
    assert all(e.decoded("DTSTART").weekday() == 3 for e in meetings)  # the sample's meeting_day: thursday
    # The launch training, which both attend, is in both files, at its time.
    for feed in (found, mentor):
        launch = [e for e in feed if str(e["UID"]) == "event-oakfield-september-2025-starting-well-sep-2025@induction"]
        assert [e.decoded("DTSTART").strftime("%Y-%m-%d %H:%M") for e in launch] == ["2025-09-17 16:00"]


def test_a_multi_week_plan_gives_one_meeting_a_week_in_year_1_and_one_a_fortnight_in_year_2():
    found = events(files(SAMPLE)["oakfield/calendars/september-2025-mentor.ics"])
    cycle = [e for e in found if "routines-w4-6-mentor" in str(e["URL"])]
    assert [e.decoded("DTSTART") for e in cycle] == [
        datetime.date(2025, 10, 2),
        datetime.date(2025, 10, 9),
        datetime.date(2025, 10, 16),
    ]
    assert [str(e["UID"]) for e in cycle] == [
        f"mentor-oakfield-september-2025-routines-week-4-6-{n}@induction" for n in (1, 2, 3)
    ]
    assert str(cycle[1]["SUMMARY"]) == "Mentor meeting: Practice cycle: keeping a routine going (2 of 3)"
    year2 = [e.decoded("DTSTART") for e in found if "year-2/adaptive-teaching" in str(e["URL"])]
    # Year 2 is fortnightly (mentor_meetings: fortnightly): a "weeks 1-2" plan is one meeting.
    assert year2 == [datetime.date(2026, 9, 3), datetime.date(2026, 9, 17), datetime.date(2026, 10, 1)]


def test_every_event_is_one_day_or_less_in_both_parsers():
    for name, ics in files(SAMPLE).items():
        for event in events(ics):
            start, end = event.decoded("DTSTART"), event.decoded("DTEND")
            assert type(start) is type(end), name
            if isinstance(start, datetime.datetime):
                assert start.date() == end.date() and end > start, (name, event["SUMMARY"])
            else:
                assert end - start == datetime.timedelta(days=1), (name, event["SUMMARY"])
        for event in vobject.readOne(ics).vevent_list:
            start, end = event.dtstart.value, event.dtend.value
            length = end - start
            assert datetime.timedelta(0) < length <= datetime.timedelta(days=1), (name, event.summary.value)


def test_the_files_parse_with_vobject_as_with_icalendar():
    """vobject reads the text with its own parser: the same events, UIDs, summaries and times."""
    for name, ics in files(SAMPLE).items():
        theirs = vobject.readOne(ics)
        ours = icalendar.Calendar.from_ical(ics)
        assert theirs.name == "VCALENDAR" and theirs.version.value == "2.0"
        assert theirs.contents["refresh-interval"][0].value == "P1D"
        assert theirs.contents["x-published-ttl"][0].value == "P1D"
        assert [(e.uid.value, e.summary.value, e.dtstart.value) for e in theirs.vevent_list] == [
            (str(e["UID"]), str(e["SUMMARY"]), e.decoded("DTSTART")) for e in ours.walk("VEVENT")
        ], name
        timed = [e.dtstart.value for e in theirs.vevent_list if isinstance(e.dtstart.value, datetime.datetime)]
        assert all(t.tzinfo is not None for t in timed), name  # Europe/London, from the file's VTIMEZONE


def test_a_subscribed_calendar_is_refreshed_daily():
    calendar = icalendar.Calendar.from_ical(files(SAMPLE)["oakfield/calendars/january-2026-tutor.ics"])
    assert calendar.decoded("REFRESH-INTERVAL") == datetime.timedelta(days=1)
    assert str(calendar["X-PUBLISHED-TTL"]) == "P1D"


def test_tutor_events_name_the_role_once():
    found = events(files(SAMPLE)["oakfield/calendars/september-2025-tutor.ics"])
    summaries = [str(e["SUMMARY"]) for e in found]
    assert "Induction tutor: weeks 1-2 checks" in summaries
    assert "Induction tutor: Week 1 check: getting every pair started" in summaries
    assert not [s for s in summaries if s.count("Induction tutor") > 1]
    assert titled("Induction tutor", "induction tutor: notes") == "induction tutor: notes"
    assert titled("Mentor meeting", "Planning") == "Mentor meeting: Planning"


RHYTHM = (
    "    start: 2025-09-01\n",
    "    start: 2025-09-01\n    study_day: wednesday\n    study_time: '16:30'\n"
    "    meeting_day: tuesday\n    meeting_time: '15:45'\n",
)


def test_a_cohort_sets_its_study_and_meeting_days_and_times(tmp_path):
    tree = on_calendar(tmp_path)
    Edit(PROGRAMME, "calendar: school\n", "calendar: school\nmeeting_day: friday\n").apply(tree)
    friday = events(files(tree)["prog/calendars/sep-mentor.ics"])
    assert [e.decoded("DTSTART") for e in friday] == [
        datetime.date(2025, 9, 5),
        datetime.date(2025, 9, 12),
        datetime.date(2025, 9, 19),
        datetime.date(2025, 9, 26),
    ]
    Edit(PROGRAMME, *RHYTHM).apply(tree)  # the cohort's own days win over the programme's
    found = events(files(tree)["prog/calendars/sep-ect.ics"])
    study = [e for e in found if str(e["SUMMARY"]).startswith("ECT study")]
    start, end = study[0].decoded("DTSTART"), study[0].decoded("DTEND")
    assert (start.date(), start.strftime("%H:%M"), end.strftime("%H:%M")) == (
        datetime.date(2025, 9, 3),
        "16:30",
        "17:05",
    )  # its steps' 35 minutes
    assert start.utcoffset() == datetime.timedelta(hours=1)
    meetings = [e for e in found if str(e["SUMMARY"]).startswith("Mentor meeting")]
    assert [(e.decoded("DTSTART").strftime("%a %d %H:%M"), str(e["TRANSP"])) for e in meetings][:2] == [
        ("Wed 03 15:45", "OPAQUE"),
        ("Tue 09 15:45", "OPAQUE"),
    ]  # the term starts on a Wednesday
    # A plan for weeks 2 to 3: a meeting in each of its weeks.
    assert [e.decoded("DTSTART").date() for e in meetings[1:3]] == [
        datetime.date(2025, 9, 9),
        datetime.date(2025, 9, 16),
    ]


@pytest.mark.parametrize(
    "change",
    [
        ("start: 2025-09-01", "start: 2025-09-08"),
        ("    title: Practice fortnight\n", "    title: Practice fortnight, renamed\n"),
    ],
)
def test_uids_do_not_change_when_dates_or_other_weeks_do(tmp_path, change):
    tree = on_calendar(tmp_path)
    before = {name: [str(e["UID"]) for e in events(ics)] for name, ics in files(tree).items()}
    Edit(PROGRAMME if change[0].startswith("start") else "prog/year-1/b1/block.yaml", *change).apply(tree)
    after = {name: [str(e["UID"]) for e in events(ics)] for name, ics in files(tree).items()}
    assert after == before


def test_a_week_added_to_a_block_leaves_every_other_uid_as_it_was(tmp_path):
    """An eighth routines week moves the January cohort's later weeks on a week; every event
    already in a calendar keeps its UID, so a subscribed calendar moves it instead of doubling it."""
    tree = tmp_path / "content"
    shutil.copytree(SAMPLE, tree)
    before = files(tree)
    Edit(
        "oakfield/year-1/routines/block.yaml",
        "    tutor: [routines-w7-tutor]\n",
        "    tutor: [routines-w7-tutor]\n"
        "  - week: 8\n    title: Added\n    ect: [{see: routines-w7-read}]\n    mentor: [{see: routines-w7-mentor}]\n",
    ).apply(tree)
    after = files(tree)
    for name, ics in before.items():
        old = {str(e["UID"]): e.decoded("DTSTART") for e in events(ics)}
        new = {str(e["UID"]): e.decoded("DTSTART") for e in events(after[name])}
        assert set(old) <= set(new), name
        if name.startswith("oakfield/calendars/january-2026-"):
            assert [u for u in old if old[u] != new[u]], name  # later weeks did move
    mentor = [str(e["UID"]) for e in events(after["oakfield/calendars/january-2026-mentor.ics"])]
    assert "mentor-oakfield-january-2026-routines-week-8@induction" in mentor and len(mentor) == len(set(mentor))


def test_uids_are_stable_across_rebuilds_and_unique_in_a_file(tmp_path):
    first, second = files(SAMPLE), files(SAMPLE)
    assert first == second  # byte for byte: DTSTAMP is fixed, UIDs are made of ids
    for ics in first.values():
        uids = [str(e["UID"]) for e in events(ics)]
        assert len(uids) == len(set(uids))
    assert (
        "UID:ect-oakfield-september-2025-routines-week-1@induction"
        in first["oakfield/calendars/september-2025-ect.ics"]
    )


def test_without_a_site_address_events_carry_no_link():
    """A relative address is one no calendar program opens: none is written (the build says so)."""
    for ics in files(SAMPLE, "").values():
        assert "\r\nURL:" not in ics
        assert all("URL" not in e for e in events(ics))


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
    # The progress record's order, and cohorts.js naming none (every page's "My programme" line asks for it).
    assert sorted(published_files(checked)) == ["cohorts.js", "programme-order.js"]
    script = published_files(checked)["cohorts.js"]
    assert script.endswith('window.ectCohorts = {"programmes":[]};\n')


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
    ics = calendar_files(checked.site.programmes, checked.places, checked.schedules, SITE_URL, False)[
        "oakfield/calendars/september-2025-mentor.ics"
    ]
    assert str(events(ics)[0]["URL"]) == SITE_URL + "oakfield/year-1/routines/routines-w1-mentor.html"


def test_a_cohort_starting_mid_week_meets_and_studies_on_its_first_school_days(tmp_path):
    """Week 1 is the school week the cohort starts in, whatever the weekday: started on a Wednesday,
    its Monday study and its Monday-to-Wednesday meeting days move to the Wednesday."""
    import json

    root = tmp_path / "content"
    shutil.copytree(SAMPLE, root)
    Edit("oakfield/programme.yaml", "start: 2025-09-08", "start: 2025-09-03").apply(root)
    checked = load_and_check(str(root))
    data = json.loads(
        published_files(checked, SITE_URL)["schedule.js"].split("window.ectSchedule = ", 1)[1].rstrip(";\n")
    )
    cohort = data["programmes"][0]["cohorts"][0]
    assert (cohort["start"], cohort["weeks"][0]["start"]) == ("2025-09-03", "2025-09-01")
    assert cohort["meetings"][0]["days"] == ["2025-09-03", "2025-09-03", "2025-09-03", "2025-09-04", "2025-09-05"]
    study = [
        e
        for e in events(files(root)["oakfield/calendars/september-2025-ect.ics"])
        if str(e["SUMMARY"]).startswith("ECT study")
    ]
    assert study[0].decoded("DTSTART") == datetime.date(2025, 9, 3)


def test_the_schedule_script_gives_each_meeting_the_days_the_published_calendars_use():
    """What docs/javascripts/mycalendar.js writes a pair's own calendar from: each published
    meeting, with its date for each weekday by the same rule (the sample's Thursday is the file's)."""
    import json

    checked = load_and_check(str(SAMPLE))
    script = published_files(checked, SITE_URL)["schedule.js"]
    data = json.loads(script.split("window.ectSchedule = ", 1)[1].rstrip(";\n"))
    cohort = data["programmes"][0]["cohorts"][0]
    assert (cohort["id"], cohort["meetingDay"], cohort["meetingTime"]) == ("september-2025", 3, "")
    published = events(files(SAMPLE)["oakfield/calendars/september-2025-mentor.ics"])
    meetings = [e for e in published if str(e["UID"]).startswith("mentor-")]
    assert [m["days"][3] for m in cohort["meetings"]] == [str(e.decoded("DTSTART")) for e in meetings]
    assert [f"mentor-oakfield-september-2025-{m['id']}@induction" for m in cohort["meetings"]] == [
        str(e["UID"]) for e in meetings
    ]
    assert cohort["meetings"][0]["days"] == ["2025-09-08", "2025-09-09", "2025-09-10", "2025-09-11", "2025-09-12"]
    assert cohort["start"] == "2025-09-08"  # "this week" says when the programme starts, before it does
    launch = next(e for e in cohort["events"] if e["id"] == "starting-well-sep-2025")
    assert (launch["date"], launch["time"], launch["minutes"], launch["attendees"]) == (
        "2025-09-17",
        "16:00",
        90,
        ["ect", "mentor", "tutor"],
    )
