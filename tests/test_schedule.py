"""Schedule: each cohort's weeks on the school weeks of its calendar (induction/timing/schedule.py).

The sample's placements as a provider would check them against its published term dates, then
properties over generated calendars: weeks never fall in a holiday, run in order, never share a
school week, and a week range covers as many school weeks as it numbers.
"""

from __future__ import annotations

import datetime

from calendar_support import calendar_cases
from conftest import SAMPLE, make_tree
from hypothesis import given, settings
from hypothesis import strategies as st
from test_checks import PROGRAMME, report

from induction.check.pipeline import load_and_check
from induction.core.model import Block, Calendar, Cohort, Holiday, Loc, Programme, Term, Week, Year
from induction.core.problems import Problems
from induction.timing.schedule import HALF_TERMS_A_YEAR, long_date, place_cohort, school_weeks

LOC = Loc("x.yaml", 1)


def test_the_fixture_on_a_calendar_has_no_problem(tmp_path):
    tree = make_tree(tmp_path)
    on = calendar_cases(PROGRAMME)[0][1][:2]  # the calendar and the cohort, nothing broken
    for step in on:
        step.apply(tree)
    assert report(tree) == []
    (schedule,) = load_and_check(str(tree)).schedules["prog"]
    assert [(p.week.label, [str(m) for m in p.mondays]) for p in schedule.weeks] == [
        ("Week 1", ["2025-09-01"]),
        ("Weeks 2 to 3", ["2025-09-08", "2025-09-15"]),
        ("Week 4", ["2025-09-22"]),
    ]


def test_the_sample_places_both_cohorts_on_the_oakshire_calendar():
    checked = load_and_check(str(SAMPLE))
    assert checked.ok
    september, january = checked.schedules["oakfield"]
    assert (september.cohort.id, january.cohort.id) == ("september-2025", "january-2026")

    def starts(schedule):
        return {(p.block.id, p.week.label): str(p.start) for p in schedule.weeks}

    # The autumn 1 block starts in each cohort's first half-term; October half-term is skipped.
    assert starts(september)[("routines", "Week 1")] == "2025-09-08"  # its first day, a Monday
    assert starts(september)[("how-pupils-learn", "Week 1")] == "2025-11-03"
    assert starts(january)[("routines", "Week 1")] == "2026-01-05"
    # Routines has 7 weeks, spring 1 2026 six: week 7 comes after February half-term, and pushes
    # the next block on by a week rather than sharing a week with it.
    assert starts(january)[("routines", "Week 7")] == "2026-02-23"
    assert starts(january)[("how-pupils-learn", "Week 1")] == "2026-03-02"
    # Year 2 starts a school year later, in fortnights.
    assert starts(september)[("adaptive-teaching", "Weeks 1 to 2")] == "2026-08-31"
    assert starts(january)[("adaptive-teaching", "Weeks 1 to 2")] == "2027-01-04"
    assert {e.id for e in january.events} == {
        "starting-well-jan-2026",
        "routines-clinic-jan-2026",
        "ect-conference-2026",
        "year-2-launch-jan-2026",
        "twilight-jan-2026",
        *(f"mentor-training-{n}-jan-2026" for n in range(1, 6)),
    }


def test_dates_are_written_as_english_schools_write_them():
    assert long_date(datetime.date(2025, 9, 1)) == "1 September 2025"


# Properties ----------------------------------------------------------------------------------


@st.composite
def calendars(draw):
    """Two to three school years of six half-terms, each 4-8 weeks, starting any weekday, with
    holidays of 1-2 weeks between them."""
    day = datetime.date(2025, 9, 1) + datetime.timedelta(days=draw(st.integers(0, 4)))
    terms, holidays = [], []
    for index in range(HALF_TERMS_A_YEAR * draw(st.integers(2, 3))):
        length = datetime.timedelta(days=7 * draw(st.integers(4, 8)) - 3)
        term, half = ("autumn", "spring", "summer")[index % 6 // 2], index % 2 + 1
        terms.append(Term(term, half, day, day + length, LOC))
        gap = datetime.timedelta(days=7 * draw(st.integers(1, 2)))
        holidays.append(Holiday("holiday", day + length + datetime.timedelta(days=1), day + length + gap, LOC))
        day = day + length + gap + datetime.timedelta(days=1)
        day += datetime.timedelta(days=-day.weekday() % 7 if draw(st.booleans()) else 0)
    return Calendar("c", "C", terms, holidays, LOC)


@st.composite
def programmes(draw):
    years = []
    for y in range(2):
        blocks = []
        for half in sorted(draw(st.sets(st.integers(0, 5), min_size=1, max_size=4))):
            weeks, number = [], 1
            for _ in range(draw(st.integers(1, 5))):
                span = draw(st.integers(1, 2))
                weeks.append(Week(number, number + span - 1, "W", {}, {}, LOC))
                number += span
            term = ("autumn", "spring", "summer")[half // 2]
            blocks.append(Block(f"b{y}{half}", "B", term, half % 2 + 1, {}, [], weeks, LOC))
        years.append(Year(f"year-{y + 1}", f"Year {y + 1}", "", [], [b.id for b in blocks], blocks, LOC))
    return Programme("p", "P", "", "f", "", years, {}, {}, {}, "", LOC)


@settings(max_examples=150, deadline=None)
@given(calendars(), programmes(), st.integers(0, 60))
def test_weeks_fall_on_school_weeks_in_order_and_never_in_a_holiday(calendar, programme, offset):
    start = calendar.terms[0].start + datetime.timedelta(days=offset)
    schedule = place_cohort(programme, Cohort("c", "C", start, "c", LOC), calendar, Problems())
    school = {w.monday for w in school_weeks(calendar)}
    mondays = [m for placed in schedule.weeks for m in placed.mondays]
    assert all(m.weekday() == 0 and m in school for m in mondays)
    assert mondays == sorted(set(mondays))  # in order, and no two weeks share a school week
    for placed in schedule.weeks:
        assert len(placed.mondays) == placed.week.last - placed.week.first + 1
        for monday in placed.mondays:  # at least one school day in each placed week
            days = [monday + datetime.timedelta(days=d) for d in range(5)]
            assert any(
                not any(h.start <= d <= h.end for h in calendar.holidays)
                and any(t.start <= d <= t.end for t in calendar.terms)
                for d in days
            )
    if schedule.weeks:
        assert schedule.weeks[0].start + datetime.timedelta(days=4) >= start


@settings(max_examples=100, deadline=None)
@given(calendars())
def test_a_generated_calendar_is_sound_and_its_school_weeks_skip_every_holiday(calendar):
    from induction.timing.schedule import calendar_is_sound

    problems = Problems()
    calendar_is_sound(calendar, problems)
    assert problems.sorted() == []
    for week in school_weeks(calendar):
        assert not any(
            h.start <= week.monday and week.monday + datetime.timedelta(days=4) <= h.end for h in calendar.holidays
        )
