"""Milestones: the induction tutor's statutory year per cohort (induction/timing/milestones.py), placed on
each cohort's dates and checked with exact file:line messages; the sample's as a tutor reads them."""

from __future__ import annotations

import datetime
import json
import shutil

import icalendar
import pytest
import vobject
from conftest import SAMPLE
from edits import replace_once

from induction.check.pipeline import load_and_check
from induction.publish.published import published_files
from induction.render import render_site

PROGRAMME = "content/oakfield/programme.yaml"


@pytest.fixture
def content(tmp_path):
    copy = tmp_path / "content"
    shutil.copytree(SAMPLE, copy)
    return copy


def _line(path, text):
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


def _add(content, yaml):
    """A milestone added at the end of the sample's list; its first line's number."""
    path = content / "oakfield/programme.yaml"
    before = path.read_text(encoding="utf-8")
    path.write_text(before + yaml, encoding="utf-8")
    return len(before.splitlines()) + 1


def _report(content):
    return [p.format() for p in load_and_check(str(content)).problems]


def test_the_sample_places_each_cohorts_milestones_on_its_dates():
    checked = load_and_check(str(SAMPLE))
    assert checked.ok
    september, january = checked.schedules["oakfield"]
    dates = {m.id: str(day) for m, day in september.milestones}
    # Week 13 of year 1: the October half-term is not counted, so the week of 1 December 2025.
    assert dates["review-1-sep-2025"] == "2025-12-01"
    assert dates["assessment-1-sep-2025"] == "2026-06-22"
    assert dates["ab-report-1-sep-2025"] == "2026-07-08"
    # Year 2 counts from a year after the start: its week 13 is in the autumn of 2026.
    assert dates["review-3-sep-2025"] == "2026-11-30"
    assert dates["assessment-2-sep-2025"] == "2027-06-14"
    january_dates = {m.id: str(day) for m, day in january.milestones}
    assert january_dates["review-1-jan-2026"] == "2026-03-09"
    assert january_dates["assessment-1-jan-2026"] == "2026-11-30"
    assert not set(dates) & set(january_dates)  # each cohort has its own
    assert [day for _, day in september.milestones] == sorted(day for _, day in september.milestones)


MILESTONE = "  - id: extra\n    kind: progress-review\n    title: Extra review\n"


def test_an_unknown_kind_is_named_with_the_three_kinds(content):
    line = _add(content, "  - id: extra\n    kind: progress-reveiw\n    title: Extra review\n    week: 3\n")
    assert _report(content) == [
        f"{PROGRAMME}:{line + 1}: error [wrong-type] Expected one of progress-review, formal-assessment, "
        f"appropriate-body for 'kind' in a milestone but found 'progress-reveiw'. "
        f"Did you mean 'progress-review'?"
    ]


def test_a_date_outside_the_cohorts_two_years(content):
    line = _add(content, MILESTONE + "    cohorts: [january-2026]\n    date: 2028-02-01\n")
    assert _report(content) == [
        f"{PROGRAMME}:{line + 4}: error [milestone-outside-induction] The milestone 'extra' on 1 February 2028 "
        f"falls outside the two years of the cohort 'january-2026' (5 January 2026 to 4 January 2028). "
        f"Correct the date, or name the cohorts it is for with cohorts:."
    ]


def test_a_date_for_every_cohort_is_checked_against_each(content):
    line = _add(content, MILESTONE + "    date: 2025-10-01\n")
    assert _report(content) == [
        f"{PROGRAMME}:{line + 3}: error [milestone-outside-induction] The milestone 'extra' on 1 October 2025 "
        f"falls outside the two years of the cohort 'january-2026' (5 January 2026 to 4 January 2028). "
        f"Correct the date, or name the cohorts it is for with cohorts:."
    ]


def test_a_week_past_the_school_weeks_of_the_year(content):
    line = _add(content, MILESTONE + "    cohorts: [september-2025]\n    week: 42\n")
    assert _report(content) == [
        f"{PROGRAMME}:{line + 4}: error [milestone-outside-induction] The milestone 'extra' is in week 42 of "
        f"year 1, but the cohort 'september-2025' has 41 school weeks in year 1 on the calendar 'oakshire-2025-27' "
        f"(8 September 2025 to 7 September 2026). "
        f"Give a week of that year, or add the school year's terms to the calendar."
    ]


def test_a_bad_date(content):
    line = _add(content, MILESTONE + "    date: 2026-02-30\n")
    assert _report(content) == [
        f"{PROGRAMME}:{line + 3}: error [wrong-type] Expected a date written as YYYY-MM-DD (like 2025-09-01) for "
        f"'date' in a milestone but found '2026-02-30'. There is no such day in the calendar."
    ]


def test_a_duplicate_id(content):
    first = _line(content / "oakfield/programme.yaml", "  - id: review-1-sep-2025")
    line = _add(content, "  - id: review-1-sep-2025\n    kind: progress-review\n    title: Again\n    week: 3\n")
    assert _report(content) == [
        f"{PROGRAMME}:{line}: error [duplicate-id] The milestone id 'review-1-sep-2025' is used twice (first at "
        f"line {first}). Give each milestone its own id."
    ]


@pytest.mark.parametrize(
    "when, said",
    [
        ("    date: 2026-03-02\n    week: 3\n", "both date: and week:"),
        ("", "neither date: nor week:"),
        ("    date: 2026-03-02\n    year: 2\n", "year: without week:"),
    ],
)
def test_a_milestone_is_dated_or_in_a_week_never_both(content, when, said):
    line = _add(content, MILESTONE + when)
    assert _report(content) == [
        f"{PROGRAMME}:{line}: error [milestone-when] The milestone 'extra' gives {said}. Give date: "
        f"(YYYY-MM-DD), or week: (the cohort's school week, with year: 1 or 2), not both."
    ]


def test_an_unknown_cohort(content):
    line = _add(content, MILESTONE + "    cohorts: [september-2026]\n    week: 3\n")
    assert _report(content) == [
        f"{PROGRAMME}:{line + 3}: error [unknown-reference] No cohort has the id 'september-2026'. "
        f"Did you mean 'september-2025'?"
    ]


def test_a_misspelt_key_is_named(content):
    replace_once(
        content / "oakfield/programme.yaml",
        "    notes: Within ten working days of the assessment meeting.",
        "    note: Within ten working days of the assessment meeting.",
    )
    line = _line(content / "oakfield/programme.yaml", "    note: Within ten working days of the assessment meeting.")
    (problem,) = _report(content)
    assert problem.startswith(f"{PROGRAMME}:{line}: error [unknown-key] Unknown key 'note'")


# The tutor's calendar, "this week" data and pages ------------------------------------------------

SITE_URL = "https://www.example.org/ect/"


def _feeds():
    checked = load_and_check(str(SAMPLE))
    files = published_files(checked, SITE_URL)
    return files, json.loads(files["schedule.js"].split("window.ectSchedule = ", 1)[1].rstrip(";\n"))


def test_the_tutors_feed_holds_the_milestones_and_two_parsers_read_them_alike():
    files, _ = _feeds()
    ics = files["oakfield/calendars/september-2025-tutor.ics"]
    found = {
        str(e["UID"]): e
        for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")
        if str(e["UID"]).startswith("milestone-")
    }
    assert len(found) == 9
    review = found["milestone-oakfield-september-2025-review-1-sep-2025@induction"]
    assert str(review["SUMMARY"]) == "Autumn term progress review"
    assert str(review["CATEGORIES"].to_ical(), "utf-8") == "Progress review"
    start, end = review.decoded("DTSTART"), review.decoded("DTEND")
    assert (start.date(), start.hour, start.minute, start.utcoffset()) == (
        datetime.date(2025, 12, 1),
        15,
        45,
        datetime.timedelta(0),
    )  # GMT
    assert end - start == datetime.timedelta(minutes=45)
    assert str(review["LOCATION"]) == "Induction tutor's office"
    assert str(review["URL"]) == SITE_URL + "oakfield/at-a-glance/september-2025/"
    report = found["milestone-oakfield-september-2025-ab-report-1-sep-2025@induction"]
    assert (report.decoded("DTSTART"), report.decoded("DTEND")) == (
        datetime.date(2026, 7, 8),
        datetime.date(2026, 7, 9),
    )  # one day
    other = {str(e.uid.value): e for e in vobject.readOne(ics).vevent_list if e.uid.value.startswith("milestone-")}
    assert set(other) == set(found)
    assert other["milestone-oakfield-september-2025-review-1-sep-2025@induction"].dtstart.value == start
    assert (
        other["milestone-oakfield-september-2025-ab-report-1-sep-2025@induction"].description.value
        == "Within ten working days of the assessment meeting."
    )
    # Only the tutor's: the ECT's and mentor's calendars carry none.
    assert "UID:milestone-" not in files["oakfield/calendars/september-2025-ect.ics"]
    assert "UID:milestone-" not in files["oakfield/calendars/september-2025-mentor.ics"]


def test_this_weeks_data_has_the_milestones_as_the_tutors_events():
    _, data = _feeds()
    september = data["programmes"][0]["cohorts"][0]
    milestones = [e for e in september["events"] if e["id"].startswith("milestone-")]
    assert milestones[1] == {
        "id": "milestone-review-1-sep-2025",
        "title": "Autumn term progress review",
        "kind": "Progress review",
        "date": "2025-12-01",
        "time": "15:45",
        "minutes": 45,
        "place": "Induction tutor's office",
        "notes": "The mentor's notes and the ECT's own reflection against the Teachers' Standards; record it and "
        "share it with the ECT.",
        "attendees": ["tutor"],
        "url": "oakfield/at-a-glance/september-2025/",
    }
    assert all(e["attendees"] == ["tutor"] for e in milestones) and len(milestones) == 9


def test_the_tutors_page_gives_each_cohorts_milestones_and_each_weeks_dates():
    pages = {p.src: p for p in render_site(load_and_check(str(SAMPLE)))}
    tutor = pages["oakfield/for-tutors.md"].markdown
    assert (
        "- **Monday 1 December 2025, 15:45**: Autumn term progress review (progress review). Induction "
        "tutor's office." in tutor
    )
    assert "[Year at a glance: January 2026 start, one page to print](at-a-glance/january-2026.md)" in tutor
    assert (
        "- Weeks 1 to 2 ([Induction tutor: weeks 1-2 checks](year-2/professional-behaviours/"
        'professional-behaviours-w1-tutor.md)) · <span class="ect-dates__cohort" data-ect-cohort="september-2025" '
        'data-ect-start="2027-01-04" '
        'data-ect-end="2027-01-15">4 January to 15 January 2027 (September 2025 start)</span>; '
    ) in tutor
    glance = pages["oakfield/at-a-glance/january-2026.md"]
    assert glance.title == "Year at a glance: January 2026 start"
    assert (
        '<td headers="ect-glance-2-tbeyond ect-glance-2-milestones" data-ect-label="Milestones"><strong>'
        "Mon 6 Dec 2027: Final formal assessment (end of induction)</strong></td>"
    ) in glance.markdown
    assert (
        '<th scope="row" id="ect-glance-1-t2" headers="ect-glance-1-term">Spring 1 2026<br>'
        '<span class="ect-glance__dates">5 Jan to 13 Feb</span></th><td headers="ect-glance-1-t2 '
        'ect-glance-1-weeks" data-ect-label="School weeks">1 to 6 (w/c 5 Jan to 9 Feb)</td>'
    ) in glance.markdown
