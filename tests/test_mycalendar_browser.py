"""A pair's own calendar made in the browser (docs/javascripts/mycalendar.js) on a phone-sized
viewport: the form on the programme page writes an .ics from the published schedule.js, with the
meetings on the chosen day at the chosen time; the download parses with icalendar and vobject,
every event is on one day, no other host is asked for anything, and the form passes axe."""

from __future__ import annotations

import datetime
import os
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from browser_support import CHROMIUM, axe_violations, chromium, serve

pytestmark = [
    pytest.mark.build,
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)"),
]
LONDON = ZoneInfo("Europe/London")


@pytest.fixture(scope="module")
def browser(sample_site):
    with serve(sample_site) as base, chromium() as launched:
        yield base, launched


def own_calendar(browser, cohort: str, role: str, day: str, time: str) -> tuple[str, list[str], list[str]]:
    """The .ics the form downloads, the requests to other hosts, and axe's findings on the page."""
    base, launched = browser
    context = launched.new_context(viewport={"width": 390, "height": 900}, accept_downloads=True)
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.goto(base + "oakfield/")
    tab.wait_for_selector("#ect-mycal-cohort")
    tab.select_option("#ect-mycal-cohort", cohort)
    tab.select_option("#ect-mycal-role", role)
    tab.select_option("#ect-mycal-day", label=day)
    tab.fill("#ect-mycal-time", time)
    with tab.expect_download() as download:
        tab.click("text=Make my calendar (.ics)")
    path = download.value.path()
    text = open(path, encoding="utf-8", newline="").read()
    findings = axe_violations(tab)
    assert download.value.suggested_filename == f"oakfield-{cohort}-my-meetings.ics"
    context.close()
    return text, [url for url in requests if not url.startswith(base)], findings


def test_the_own_calendar_holds_the_meetings_at_the_pairs_day_and_time(browser):
    ics, elsewhere, findings = own_calendar(browser, "september-2025", "ect", "Tuesday", "15:30")
    assert elsewhere == [] and findings == []
    found = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    meetings = [e for e in found if str(e["SUMMARY"]).startswith("Mentor meeting")]
    assert len(meetings) == 24  # as the published calendars: weekly in year 1, fortnightly in year 2
    starts = [e.decoded("DTSTART") for e in meetings]
    # The cohort starts on Monday 8 September: its first Tuesday is the 9th.
    assert starts[:6] == [datetime.datetime(2025, 9, d, 15, 30, tzinfo=LONDON) for d in (9, 16, 23, 30)] + [
        datetime.datetime(2025, 10, d, 15, 30, tzinfo=LONDON) for d in (7, 14)
    ]
    assert all(s.strftime("%H:%M") == "15:30" for s in starts)
    # Every Tuesday but where that week's Tuesday has no school: year 2's term starts on Thursday 3 September,
    # the next school day, as the published calendars do.
    assert [s.date() for s in starts if s.weekday() != 1] == [datetime.date(2026, 9, 3)]
    assert meetings[0].decoded("DTEND") - starts[0] == datetime.timedelta(minutes=45)  # the plan's length
    assert str(meetings[3]["SUMMARY"]) == "Mentor meeting: Embedding routines through a practice cycle (1 of 3)"
    assert str(meetings[0]["URL"]).endswith("/oakfield/year-1/routines/week-1/")
    assert starts[0].utcoffset() == datetime.timedelta(hours=1)  # BST: the school's clock
    training = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in found if not str(e["SUMMARY"]).startswith("Mentor")}
    assert training["ECT clinic: routines that stick"] == datetime.datetime(2025, 10, 8, 15, 45, tzinfo=LONDON)
    assert "Induction tutor session: reviewing mentor meetings" not in training  # the tutor's, not the ECT's
    for event in vobject.readOne(ics).vevent_list:  # the second, independent parser
        length = event.dtend.value - event.dtstart.value
        assert datetime.timedelta(0) < length <= datetime.timedelta(days=1), event.summary.value
    assert len(vobject.readOne(ics).vevent_list) == len(found)


def test_without_a_time_the_meetings_are_all_day_on_the_chosen_day(browser):
    ics, _, _ = own_calendar(browser, "january-2026", "mentor", "Friday", "")
    found = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    meetings = [e for e in found if str(e["SUMMARY"]).startswith("Mentor meeting")]
    assert [e.decoded("DTSTART") for e in meetings[:2]] == [datetime.date(2026, 1, 9), datetime.date(2026, 1, 16)]
    assert all(e.decoded("DTEND") - e.decoded("DTSTART") == datetime.timedelta(days=1) for e in meetings)
    assert "Oakfield ECT and mentor conference" in [str(e["SUMMARY"]) for e in found]
