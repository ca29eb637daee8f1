"""Schedule: the programme in time. Each cohort's weeks placed on the school weeks of its calendar.

Beside `placement` (where a session lives in the programme), this says *when*: pure functions of
the model, run once by the pipeline after the checks. The rule, stated once here and in the format
reference: a block starts on the first school week of its half-term, counted from the half-term
the cohort starts in (so a January cohort does the autumn 1 block in spring 1), and its week N is
the Nth school week from there; a week with no school day (a holiday) is skipped. A block that
runs past its half-term pushes the next block on (two blocks never share a week). A week range
(4-6, or year 2's fortnights 1-2) covers that many school weeks.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from induction.core.formats import TERMS
from induction.core.model import Block, Calendar, Cohort, Event, Milestone, Programme, Site, Term, Week, Year
from induction.core.placement import ProgrammePlaces
from induction.core.problems import Problems

HALF_TERMS_A_YEAR = 6
_WEEK = datetime.timedelta(days=7)


@dataclass(frozen=True)
class SchoolWeek:
    monday: datetime.date
    term_index: int  # position of its half-term in the calendar


@dataclass
class PlacedWeek:
    year: Year
    block: Block
    week: Week
    mondays: list[datetime.date]  # the school weeks it covers, in order

    @property
    def start(self) -> datetime.date:
        return self.mondays[0]

    @property
    def end(self) -> datetime.date:
        """The Friday of its last school week."""
        return self.mondays[-1] + datetime.timedelta(days=4)


@dataclass
class Schedule:
    """One cohort's programme on its calendar. Weeks that did not fit are left out (and reported)."""

    cohort: Cohort
    calendar: Calendar
    weeks: list[PlacedWeek] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # The tutor's statutory year (timing/milestones.py): each milestone with its date for this cohort, in order.
    milestones: list[tuple[Milestone, datetime.date]] = field(default_factory=list)

    def week(self, block: Block, week: Week) -> PlacedWeek | None:
        return next((p for p in self.weeks if p.block is block and p.week is week), None)

    def span(self, block: Block | None = None, year: Year | None = None) -> tuple[datetime.date, datetime.date] | None:
        """First Monday and last Friday of a block's (or a year's, or the whole programme's) weeks."""
        placed = [p for p in self.weeks if (block is None or p.block is block) and (year is None or p.year is year)]
        return (placed[0].start, placed[-1].end) if placed else None


def monday_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def school_weeks(calendar: Calendar) -> list[SchoolWeek]:
    """Every Monday-to-Friday week with at least one school day, in order, each once."""
    out: list[SchoolWeek] = []
    for index, term in enumerate(calendar.terms):
        monday = monday_of(term.start)
        while monday <= term.end:
            if (not out or monday > out[-1].monday) and _has_school_day(monday, term, calendar):
                out.append(SchoolWeek(monday, index))
            monday += _WEEK
    return out


def _has_school_day(monday: datetime.date, term: Term, calendar: Calendar) -> bool:
    for offset in range(5):
        day = monday + datetime.timedelta(days=offset)
        if term.start <= day <= term.end and not any(h.start <= day <= h.end for h in calendar.holidays):
            return True
    return False


def is_school_day(day: datetime.date, calendar: Calendar) -> bool:
    return (
        day.weekday() < 5
        and any(t.start <= day <= t.end for t in calendar.terms)
        and not any(h.start <= day <= h.end for h in calendar.holidays)
    )


def day_in_week(schedule: Schedule, monday: datetime.date, weekday: int) -> datetime.date:
    """The given weekday (0 Monday) of a school week, for a calendar event: when that day has no
    school (the term starts mid-week, a holiday, before the cohort starts), the next school day of
    the week, else the one before it. A school week has at least one school day."""

    def open_(day: datetime.date) -> bool:
        return is_school_day(day, schedule.calendar) and day >= schedule.cohort.start

    days = [monday + datetime.timedelta(days=n) for n in range(5)]
    later = [d for d in days[weekday:] if open_(d)]
    earlier = [d for d in reversed(days[:weekday]) if open_(d)]
    return (later or earlier or [days[weekday]])[0]


def half_term_number(block: Block) -> int:
    """0 for autumn 1 to 5 for summer 2 (a whole-term block counts from its first half)."""
    return TERMS.index(block.term) * 2 + (block.half_term or 1) - 1


def place_cohort(programme: Programme, cohort: Cohort, calendar: Calendar, problems: Problems) -> Schedule:
    schedule = Schedule(cohort, calendar)
    weeks = school_weeks(calendar)
    first = next((i for i, w in enumerate(weeks) if w.monday + datetime.timedelta(days=4) >= cohort.start), None)
    if first is None:
        problems.add(
            "outside-calendar",
            cohort.loc.file,
            cohort.loc.line,
            f"The cohort '{cohort.id}' starts on {long_date(cohort.start)}, after the last term of "
            f"the calendar '{calendar.id}'.",
            "Add the school year's terms to the calendar, or correct start:.",
        )
        return schedule
    start_term = weeks[first].term_index
    base = None
    for year_index, year in enumerate(programme.years):
        for block in year.blocks:
            number = year_index * HALF_TERMS_A_YEAR + half_term_number(block)
            base = number if base is None else base
            term_index = start_term + number - base
            begin = (
                first
                if number == base
                else next((i for i, w in enumerate(weeks) if w.term_index >= term_index), len(weeks))
            )
            if schedule.weeks:  # a block that ran long pushes the next one on: two never share a week
                begin = max(
                    begin,
                    next((i for i, w in enumerate(weeks) if w.monday > schedule.weeks[-1].mondays[-1]), len(weeks)),
                )
            if not _place_block(schedule, year, block, weeks, begin, problems):
                return schedule
    return schedule


def _place_block(
    schedule: Schedule, year: Year, block: Block, weeks: list[SchoolWeek], begin: int, problems: Problems
) -> bool:
    for week in block.weeks:
        indexes = range(begin + week.first - 1, begin + week.last)
        if indexes.stop > len(weeks):
            cohort, calendar = schedule.cohort, schedule.calendar
            last = calendar.terms[-1].end if calendar.terms else cohort.start
            problems.add(
                "outside-calendar",
                cohort.loc.file,
                cohort.loc.line,
                f"For the cohort '{cohort.id}', the block '{block.id}' ({year.title}) runs past the last "
                f"term of the calendar '{calendar.id}' (which ends on {long_date(last)}) at "
                f"{week.label.lower()}.",
                "Add the next school year's terms to the calendar, or start the cohort earlier.",
            )
            return False
        schedule.weeks.append(PlacedWeek(year, block, week, [weeks[i].monday for i in indexes]))
    return True


def long_date(day: datetime.date) -> str:
    """15 September 2025: the form English schools write dates in."""
    return f"{day.day} {day:%B %Y}"


# Checks ------------------------------------------------------------------------------------------


def calendar_is_sound(calendar: Calendar, problems: Problems) -> None:
    """Each period ends after it starts; half-terms follow one another in turn and in date order;
    no holiday overlaps a term (a holiday is a time without school: a day cannot be both)."""
    periods = [(t.start, t.end, t.loc, t.label) for t in calendar.terms] + [
        (h.start, h.end, h.loc, h.name) for h in calendar.holidays
    ]
    for start, end, loc, name in periods:
        if end < start:
            problems.add(
                "dates-out-of-order",
                loc.file,
                loc.line,
                f"'{name}' ends on {long_date(end)}, before it starts ({long_date(start)}).",
                "Swap or correct start: and end:.",
            )
    for before, after in zip(calendar.terms, calendar.terms[1:], strict=False):
        expected = _next_half_term(before)
        if (after.term, after.half_term) != expected:
            problems.add(
                "term-order",
                after.loc.file,
                after.loc.line,
                f"{after.label} follows {before.label}; the next half-term is "
                f"{expected[0].capitalize()} {expected[1]}.",
                "List every half-term of each school year, in turn.",
            )
        elif after.start <= before.end:
            problems.add(
                "calendar-overlap" if after.end >= before.start else "dates-out-of-order",
                after.loc.file,
                after.loc.line,
                f"{after.label} starts on {long_date(after.start)}, before {before.label} ends "
                f"({long_date(before.end)}).",
                "Correct the dates: half-terms follow one another.",
            )
    for holiday in calendar.holidays:
        for term in calendar.terms:
            if holiday.start <= term.end and term.start <= holiday.end and holiday.start <= holiday.end:
                problems.add(
                    "calendar-overlap",
                    holiday.loc.file,
                    holiday.loc.line,
                    f"The holiday '{holiday.name}' ({long_date(holiday.start)} to {long_date(holiday.end)}) "
                    f"overlaps {term.label} ({long_date(term.start)} to {long_date(term.end)}).",
                    "A day is either in a term or in a holiday: correct the dates.",
                )


def _next_half_term(term: Term) -> tuple[str, int]:
    if term.half_term == 1:
        return term.term, 2
    return TERMS[(TERMS.index(term.term) + 1) % len(TERMS)], 1


def schedule_site(site: Site, places: dict[str, ProgrammePlaces], problems: Problems) -> dict[str, list[Schedule]]:
    """Programme id -> one schedule per cohort (none without cohorts: such a site has no dates)."""
    for sound in site.calendars.values():
        if not sound.incomplete:  # a term left out (reported) would make its neighbours look out of order
            calendar_is_sound(sound, problems)
    out: dict[str, list[Schedule]] = {}
    for programme in site.programmes:
        schedules = []
        for cohort in programme.cohorts:
            calendar = _calendar_of(cohort, site, problems)
            if calendar is not None and not calendar.incomplete:  # its weeks would be counted wrong
                schedules.append(place_cohort(programme, cohort, calendar, problems))
        if programme.id in places:
            events_are_placed(programme, places[programme.id], schedules, problems)
        out[programme.id] = schedules
    return out


def _calendar_of(cohort: Cohort, site: Site, problems: Problems) -> Calendar | None:
    if not cohort.calendar_id:
        problems.add(
            "missing-key",
            cohort.loc.file,
            cohort.loc.line,
            f"The cohort '{cohort.id}' names no calendar.",
            "Add 'calendar: <id>' to the cohort, or to the programme for every cohort.",
        )
        return None
    calendar = site.calendars.get(cohort.calendar_id)
    if calendar is None:
        problems.unknown(
            "calendar",
            cohort.calendar_id,
            site.calendars,
            cohort.loc.file,
            cohort.calendar_line,
            "Add its file to the calendars/ folder.",
        )
    return calendar


def events_are_placed(
    programme: Programme, places: ProgrammePlaces, schedules: list[Schedule], problems: Problems
) -> None:
    """Each event names known cohorts, session and block, and falls within its block (or year) for
    every cohort attending; a placed event is added to those cohorts' schedules."""
    by_id = {s.cohort.id: s for s in schedules}
    known = {c.id for c in programme.cohorts}
    for event in programme.events:
        line = event.lines.get
        unknown = [c for c in event.cohort_ids if c not in known]
        for cohort_id in unknown:
            problems.unknown("cohort", cohort_id, known, event.loc.file, line("cohorts", event.loc.line))
        block, year = _home_of(event, programme, places, problems)
        if unknown or (block is None and year is None and (event.session_id or event.block_id)):
            continue
        if event.time and not event.minutes and "minutes" not in event.lines:  # given but invalid: reported
            problems.add(
                "missing-key",
                event.loc.file,
                line("time", event.loc.line),
                f"The event '{event.id}' has a time but no minutes.",
                "Add 'minutes:' (how long it lasts).",
            )
        for cohort_id in event.cohort_ids or [c.id for c in programme.cohorts]:
            schedule = by_id.get(cohort_id)
            if schedule is None:
                continue
            span = schedule.span(block, year) if block or year else schedule.span()
            if span and not span[0] <= event.date <= span[1] + datetime.timedelta(days=2):
                what = f"the block '{block.id}'" if block else f"{year.title}" if year else "the programme"
                problems.add(
                    "event-outside-block",
                    event.loc.file,
                    line("date", event.loc.line),
                    f"The event '{event.id}' on {long_date(event.date)} falls outside {what}, which the "
                    f"cohort '{cohort_id}' does from {long_date(span[0])} to {long_date(span[1])}.",
                    "Correct the date, or tie the event to the block it belongs to.",
                )
            else:
                schedule.events.append(event)


def _home_of(
    event: Event, programme: Programme, places: ProgrammePlaces, problems: Problems
) -> tuple[Block | None, Year | None]:
    """The block (or, for a year-level page, the year) an event belongs to."""
    line = event.lines.get
    if event.session_id:
        place = places.homes.get(event.session_id)
        if place is None:
            problems.unknown("session", event.session_id, places.homes, event.loc.file, line("session", event.loc.line))
            return None, None
        return (place.block, None) if place.block else (None, place.year)
    if event.block_id:
        block = programme.blocks.get(event.block_id)
        if block is None:
            problems.unknown("block", event.block_id, programme.blocks, event.loc.file, line("block", event.loc.line))
        return block, None
    return None, None
