"""Milestones: the induction tutor's statutory year on each cohort's calendar.

programme.yaml's `milestones:` (progress reviews, formal assessments, appropriate body deadlines)
are given a date per cohort here, after `schedule` has placed the cohorts' weeks, and checked:
a milestone is dated, or placed in the cohort's Nth school week of a year of induction, never
both; a date falls within the cohort's two years; a week is one the cohort has. The placed
milestones go to each cohort's schedule, where the tutor's page, year at a glance, calendar and
"this week" data read them.
"""

from __future__ import annotations

import datetime

from induction.core.formats import MILESTONE_KINDS
from induction.core.model import Cohort, Milestone, Programme, Site
from induction.core.problems import Problems
from induction.timing.schedule import Schedule, day_in_week, is_school_day, long_date, school_weeks

YEARS = 2  # statutory induction lasts two school years (full-time)


def glance_src(programme: Programme, cohort: Cohort) -> str:
    """The cohort's printable year at a glance (induction/render/glance.py)."""
    return f"{programme.id}/at-a-glance/{cohort.id}.md"


def kind_name(milestone: Milestone) -> str:
    return MILESTONE_KINDS.get(milestone.kind, milestone.kind)


def induction_span(cohort: Cohort, year: int = 0) -> tuple[datetime.date, datetime.date]:
    """First and last day of a cohort's year of induction (1 or 2), or of both years (0)."""
    first = _years_on(cohort.start, (year or 1) - 1)
    after = _years_on(cohort.start, year or YEARS)
    return first, after - datetime.timedelta(days=1)


def _years_on(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February: the 28th in a year without one
        return day.replace(year=day.year + years, day=28)


def milestones_are_placed(site: Site, schedules: dict[str, list[Schedule]], problems: Problems) -> None:
    for programme in site.programmes:
        _place_programme(programme, schedules.get(programme.id, []), problems)


def _place_programme(programme: Programme, schedules: list[Schedule], problems: Problems) -> None:
    by_id = {s.cohort.id: s for s in schedules}
    known = {c.id for c in programme.cohorts}
    seen: dict[str, Milestone] = {}
    for milestone in programme.milestones:
        line = milestone.lines.get
        if milestone.id in seen:
            problems.add(
                "duplicate-id",
                milestone.loc.file,
                line("id", milestone.loc.line),
                f"The milestone id '{milestone.id}' is used twice (first at line {seen[milestone.id].loc.line}).",
                "Give each milestone its own id.",
            )
            continue
        seen[milestone.id] = milestone
        unknown = [c for c in milestone.cohort_ids if c not in known]
        for cohort_id in unknown:
            problems.unknown("cohort", cohort_id, known, milestone.loc.file, line("cohorts", milestone.loc.line))
        if unknown or not _when_is_clear(milestone, problems):
            continue
        if milestone.date is None and not milestone.week:  # given but invalid: reported by the loader
            continue
        for cohort_id in milestone.cohort_ids or [c.id for c in programme.cohorts]:
            schedule = by_id.get(cohort_id)
            day = _date_for(milestone, schedule, problems) if schedule else None
            if schedule and day:
                schedule.milestones.append((milestone, day))
    for schedule in schedules:
        schedule.milestones.sort(key=lambda pair: (pair[1], pair[0].time or "", pair[0].id))


def in_year(monday: datetime.date, schedule: Schedule, first: datetime.date, last: datetime.date) -> bool:
    """A school week belongs to the year its school days fall in: the week a new school year starts
    in on a Thursday is the next year's week 1, not also the last week of the year before."""
    days = [d for d in (monday + datetime.timedelta(days=n) for n in range(5)) if is_school_day(d, schedule.calendar)]
    return bool(days) and days[-1] >= first and days[0] <= last


def _when_is_clear(milestone: Milestone, problems: Problems) -> bool:
    """Exactly one of date: and week: (year: only with week:)."""
    given = milestone.lines
    if ("date" in given) == ("week" in given) or ("year" in given and "week" not in given):
        problems.add(
            "milestone-when",
            milestone.loc.file,
            milestone.loc.line,
            f"The milestone '{milestone.id}' gives "
            + (
                "both date: and week:"
                if "date" in given and "week" in given
                else "year: without week:"
                if "date" in given
                else "neither date: nor week:"
            )
            + ".",
            "Give date: (YYYY-MM-DD), or week: (the cohort's school week, with year: 1 or 2), not both.",
        )
        return False
    return True


def _date_for(milestone: Milestone, schedule: Schedule, problems: Problems) -> datetime.date | None:
    cohort, line = schedule.cohort, milestone.lines.get
    if milestone.date is not None:
        first, last = induction_span(cohort)
        if first <= milestone.date <= last:
            return milestone.date
        problems.add(
            "milestone-outside-induction",
            milestone.loc.file,
            line("date", milestone.loc.line),
            f"The milestone '{milestone.id}' on {long_date(milestone.date)} falls outside the two years "
            f"of the cohort '{cohort.id}' ({long_date(first)} to {long_date(last)}).",
            "Correct the date, or name the cohorts it is for with cohorts:.",
        )
        return None
    first, last = induction_span(cohort, milestone.year)
    mondays = [w.monday for w in school_weeks(schedule.calendar) if in_year(w.monday, schedule, first, last)]
    if milestone.week > len(mondays):
        problems.add(
            "milestone-outside-induction",
            milestone.loc.file,
            line("week", milestone.loc.line),
            f"The milestone '{milestone.id}' is in week {milestone.week} of year {milestone.year}, but the "
            f"cohort '{cohort.id}' has {len(mondays)} school weeks in year {milestone.year} on the calendar "
            f"'{schedule.calendar.id}' ({long_date(first)} to {long_date(last)}).",
            "Give a week of that year, or add the school year's terms to the calendar.",
        )
        return None
    return day_in_week(schedule, mondays[milestone.week - 1], 0)
