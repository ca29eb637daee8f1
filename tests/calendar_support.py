"""Calendar cases for tests/test_checks.py: the minimal fixture placed on a small school calendar.

`on(...)` gives the fixture a calendar (calendars/school.yaml) and one cohort, `with_event(...)`
also one training event; each case then breaks one rule of the programme in time
(induction/timing/schedule.py).
"""

from __future__ import annotations

from edits import Edit, FixtureEdit, Write

SCHOOL = """id: school
title: School calendar
terms:
  - term: autumn
    half_term: 1
    start: 2025-09-03
    end: 2025-10-24
  - term: autumn
    half_term: 2
    start: 2025-11-03
    end: 2025-12-19
holidays:
  - name: October half-term
    start: 2025-10-27
    end: 2025-10-31
"""
CAL = "calendars/school.yaml"
COHORTS = "calendar: school\ncohorts:\n  - id: sep\n    title: September 2025\n    start: 2025-09-01\n"
EVENT = (
    "events:\n  - id: clinic\n    block: b1\n    cohorts: [sep]\n    date: 2025-09-17\n    time: '16:00'\n"
    "    minutes: 60\n    place: online\n    attendees: [ect]\n"
)  # lines 10 to 19 of programme.yaml


def calendar_cases(programme: str) -> list[tuple[str, tuple[FixtureEdit, ...], str]]:
    """(code, change, the one line reported), `programme` the path of the fixture's programme.yaml."""

    def on(*changes: FixtureEdit) -> tuple[FixtureEdit, ...]:
        return (Write(CAL, SCHOOL), Edit(programme, "settings:", COHORTS + "settings:"), *changes)

    def with_event(*changes: FixtureEdit) -> tuple[FixtureEdit, ...]:
        return (Write(CAL, SCHOOL), Edit(programme, "settings:", COHORTS + EVENT + "settings:"), *changes)

    return [
        (
            "dates-out-of-order",
            on(Edit(CAL, "end: 2025-10-24", "end: 2025-08-24")),
            "minimal/calendars/school.yaml:4: error [dates-out-of-order] 'Autumn 1' ends on 24 August 2025, before it "
            "starts (3 September 2025). Swap or correct start: and end:.",
        ),
        (
            "calendar-overlap",
            on(Edit(CAL, "start: 2025-10-27", "start: 2025-10-20")),
            "minimal/calendars/school.yaml:13: error [calendar-overlap] The holiday 'October half-term' (20 October 2025 "
            "to 31 October 2025) overlaps Autumn 1 (3 September 2025 to 24 October 2025). A day is either in a term or "
            "in a holiday: correct the dates.",
        ),
        (
            "calendar-overlap",
            on(
                Edit(CAL, "start: 2025-11-03", "start: 2025-10-20"),
                Edit(
                    CAL, "    start: 2025-10-27\n    end: 2025-10-31\n", "    start: 2025-12-22\n    end: 2026-01-02\n"
                ),
            ),
            "minimal/calendars/school.yaml:8: error [calendar-overlap] Autumn 2 starts on 20 October 2025, before "
            "Autumn 1 ends (24 October 2025). Correct the dates: half-terms follow one another.",
        ),
        (
            "term-order",
            on(Edit(CAL, "half_term: 2", "half_term: 1")),
            "minimal/calendars/school.yaml:8: error [term-order] Autumn 1 follows Autumn 1; the next half-term is "
            "Autumn 2. List every half-term of each school year, in turn.",
        ),
        (
            "outside-calendar",
            on(Edit(programme, "start: 2025-09-01", "start: 2026-01-05")),
            "minimal/prog/programme.yaml:7: error [outside-calendar] The cohort 'sep' starts on 5 January 2026, after "
            "the last term of the calendar 'school'. Add the school year's terms to the calendar, or correct start:.",
        ),
        (
            "outside-calendar",
            on(Edit(programme, "start: 2025-09-01", "start: 2025-12-08")),
            "minimal/prog/programme.yaml:7: error [outside-calendar] For the cohort 'sep', the block 'b1' (Year 1) runs "
            "past the last term of the calendar 'school' (which ends on 19 December 2025) at weeks 2 to 3. Add the next "
            "school year's terms to the calendar, or start the cohort earlier.",
        ),
        (
            "event-outside-block",
            with_event(Edit(programme, "date: 2025-09-17", "date: 2025-10-08")),
            "minimal/prog/programme.yaml:14: error [event-outside-block] The event 'clinic' on 8 October 2025 falls "
            "outside the block 'b1', which the cohort 'sep' does from 1 September 2025 to 26 September 2025. Correct the "
            "date, or tie the event to the block it belongs to.",
        ),
        (
            "unknown-reference",
            with_event(Edit(programme, "cohorts: [sep]", "cohorts: [spe]")),
            "minimal/prog/programme.yaml:13: error [unknown-reference] No cohort has the id 'spe'. Did you mean 'sep'?",
        ),
        (
            "unknown-reference",
            on(Edit(programme, "calendar: school", "calendar: scool")),
            "minimal/prog/programme.yaml:5: error [unknown-reference] No calendar has the id 'scool'. "
            "Did you mean 'school'?",
        ),
        (
            "unknown-reference",
            with_event(Edit(programme, "block: b1\n", "block: b11\n")),
            "minimal/prog/programme.yaml:12: error [unknown-reference] No block has the id 'b11'. Did you mean 'b1'?",
        ),
        (
            "wrong-type",
            on(Edit(programme, "start: 2025-09-01", "start: 2025-02-30")),
            "minimal/prog/programme.yaml:9: error [wrong-type] Expected a date written as YYYY-MM-DD (like 2025-09-01) "
            "for 'start' in a cohort but found '2025-02-30'. There is no such day in the calendar.",
        ),
        (
            "wrong-type",
            with_event(Edit(programme, "time: '16:00'", "time: '25:00'")),
            "minimal/prog/programme.yaml:15: error [wrong-type] Expected a time of day as HH:MM, 24-hour (like '16:00') "
            "for 'time' in an event but found '25:00'.",
        ),
        (
            "missing-key",
            with_event(Edit(programme, "    minutes: 60\n", "")),
            "minimal/prog/programme.yaml:15: error [missing-key] The event 'clinic' has a time but no minutes. Add "
            "'minutes:' (how long it lasts).",
        ),
        (
            "missing-key",
            on(Edit(programme, "calendar: school\n", "")),
            "minimal/prog/programme.yaml:6: error [missing-key] The cohort 'sep' names no calendar. Add 'calendar: <id>' "
            "to the cohort, or to the programme for every cohort.",
        ),
        # The days and times the calendars put study and mentor meetings on (induction/timing/ics.py).
        (
            "wrong-type",
            on(Edit(programme, "start: 2025-09-01\n", "start: 2025-09-01\n    study_day: saturday\n")),
            "minimal/prog/programme.yaml:10: error [wrong-type] Expected one of monday, tuesday, wednesday, thursday, "
            "friday for 'study_day' in a cohort but found 'saturday'. Did you mean 'thursday'?",
        ),
        (
            "wrong-type",
            on(Edit(programme, "calendar: school\n", "calendar: school\nmeeting_time: '4pm'\n")),
            "minimal/prog/programme.yaml:6: error [wrong-type] Expected a time of day as HH:MM, 24-hour (like '16:00') "
            "for 'meeting_time' in the programme but found '4pm'.",
        ),
        (
            "wrong-type",
            on(Edit(programme, "blocks: [b1]", "blocks: [b1]\n    mentor_meetings: monthly")),
            "minimal/prog/programme.yaml:17: error [wrong-type] Expected one of weekly, fortnightly for "
            "'mentor_meetings' in a year but found 'monthly'.",
        ),
    ]


MILESTONE = "milestones:\n  - id: review\n    kind: progress-review\n    title: Review\n    week: 3\n"  # lines 10-14


def milestone_cases(programme: str) -> list[tuple[str, tuple[FixtureEdit, ...], str]]:
    """(code, change, the one line reported) for the milestones of the cohort 'sep' (induction/timing/milestones.py)."""

    def with_milestone(*changes: FixtureEdit) -> tuple[FixtureEdit, ...]:
        return (Write(CAL, SCHOOL), Edit(programme, "settings:", COHORTS + MILESTONE + "settings:"), *changes)

    return [
        (
            "milestone-when",
            with_milestone(Edit(programme, "    week: 3\n", "    week: 3\n    date: 2025-10-01\n")),
            "minimal/prog/programme.yaml:11: error [milestone-when] The milestone 'review' gives both date: and week:. "
            "Give date: (YYYY-MM-DD), or week: (the cohort's school week, with year: 1 or 2), not both.",
        ),
        (
            "milestone-outside-induction",
            with_milestone(Edit(programme, "    week: 3\n", "    date: 2027-10-01\n")),
            "minimal/prog/programme.yaml:14: error [milestone-outside-induction] The milestone 'review' on 1 October 2027 "
            "falls outside the two years of the cohort 'sep' (1 September 2025 to 31 August 2027). Correct the date, or "
            "name the cohorts it is for with cohorts:.",
        ),
        (
            "milestone-outside-induction",
            with_milestone(Edit(programme, "    week: 3\n", "    week: 16\n")),
            "minimal/prog/programme.yaml:14: error [milestone-outside-induction] The milestone 'review' is in week 16 of "
            "year 1, but the cohort 'sep' has 15 school weeks in year 1 on the calendar 'school' (1 September 2025 to "
            "31 August 2026). Give a week of that year, or add the school year's terms to the calendar.",
        ),
        (
            "wrong-type",
            with_milestone(Edit(programme, "kind: progress-review", "kind: progress-reveiw")),
            "minimal/prog/programme.yaml:12: error [wrong-type] Expected one of progress-review, formal-assessment, "
            "appropriate-body for 'kind' in a milestone but found 'progress-reveiw'. Did you mean 'progress-review'?",
        ),
        (
            "duplicate-id",
            with_milestone(Edit(programme, "    week: 3\n", "    week: 3\n" + MILESTONE[12:])),
            "minimal/prog/programme.yaml:15: error [duplicate-id] The milestone id 'review' is used twice (first at "
            "line 11). Give each milestone its own id.",
        ),
    ]
