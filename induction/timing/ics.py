"""Ics: one iCalendar file (RFC 5545) per cohort and role, from the cohorts' schedules.

Beside the page renderers (stage four of the flow): pure text, published by the MkDocs adapter
next to the pages. Each file holds everything its person attends, every event on one day:

- ECT: each school week's self-study, on the cohort's study day (`study_day`, `study_time`), so a
  week range ("weeks 4 to 6") gives one study event a week, never a banner over the weeks; and
  the mentor meetings, which the ECT attends too.
- Mentor: the meetings, on the cohort's meeting day (`meeting_day`, `meeting_time`): one a week,
  or one a fortnight in a year whose `mentor_meetings` is fortnightly, however many weeks a plan
  spans (a plan for weeks 4 to 6 is three meetings).
- Induction tutor: each entry's tasks, on the first school day of the entry.
- Every role: the training events it attends, timed in Europe/London (or all-day when no time); a
  session of the mentors' own training (induction/check/mentor_training.py) is "Mentor training: <title>".
- Induction tutor: the milestones of the statutory year (induction/timing/milestones.py), on their dates.

An event without a time is an all-day event of one day. UIDs are made of ids only (a meeting's
also of its place in its plan), so a rebuild, a changed date or a week added elsewhere updates an
imported event instead of adding a second one; DTSTAMP is fixed per cohort for the same reason
(identical files from identical content). Each event links to its page when the site's address
is known: a relative address is one no calendar program can open, so none is written then.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from induction.core import urls
from induction.core.formats import MILESTONE_KINDS, ROLE, ROLES
from induction.core.model import Event, Milestone, Programme
from induction.core.placement import TRAINING, Place, ProgrammePlaces
from induction.timing.milestones import glance_src
from induction.timing.schedule import PlacedWeek, Schedule, day_in_week

_TIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/London
BEGIN:DAYLIGHT
TZOFFSETFROM:+0000
TZOFFSETTO:+0100
TZNAME:BST
DTSTART:19810329T010000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0100
TZOFFSETTO:+0000
TZNAME:GMT
DTSTART:19961027T020000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE""".splitlines()

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def ics_src(programme: Programme, cohort_id: str, role: str) -> str:
    return f"{programme.id}/calendars/{cohort_id}-{role}.ics"


def text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    value = _CONTROL.sub("", value)
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Lines of at most 75 octets, continued with a space (RFC 5545 3.1), never splitting a character."""
    out: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not out else 74):
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


REFRESH = ["REFRESH-INTERVAL;VALUE=DURATION:P1D", "X-PUBLISHED-TTL:P1D"]  # a subscribed feed is read daily


@dataclass(frozen=True)
class Feed:
    """One file being written: whose, for which cohort, and how its events link to pages."""

    programme: Programme
    schedule: Schedule
    role: str
    places: ProgrammePlaces
    site_url: str = ""
    directory_urls: bool = True

    @property
    def stamp(self) -> str:
        return f"DTSTAMP:{self.schedule.cohort.start:%Y%m%d}T000000Z"

    def uid(self, kind: str, *ids: str) -> str:
        return "UID:" + "-".join((kind, self.programme.id, self.schedule.cohort.id, *ids)) + "@induction"

    def url(self, page: str) -> list[str]:
        if not self.site_url:
            return []
        return [f"URL:{self.site_url.rstrip('/')}/{urls.page_address(page, self.directory_urls)}"]


def render_ics(
    programme: Programme,
    schedule: Schedule,
    role: str,
    places: ProgrammePlaces,
    site_url: str = "",
    directory_urls: bool = True,
) -> str:
    feed = Feed(programme, schedule, role, places, site_url, directory_urls)
    cohort = schedule.cohort
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//induction//ECT programme calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{text(f'{programme.title}: {ROLE[role].person}, {cohort.title}')}",
        "X-WR-TIMEZONE:Europe/London",
        *REFRESH,
        *_TIMEZONE,
    ]
    for placed in schedule.weeks:
        if role == "ect":
            lines += _study_events(feed, placed)
        if role in ("ect", "mentor"):
            lines += _meetings(feed, placed)
        if role == "tutor":
            lines += _tutor_event(feed, placed)
    for event in schedule.events:
        if role in event.attendees:
            lines += _training_event(feed, event)
    if role == "tutor":
        for milestone, day in schedule.milestones:
            lines += _milestone(feed, milestone, day)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def titled(name: str, title: str) -> str:
    """'Induction tutor: weeks 1-2 checks', not 'Induction tutor: Induction tutor: ...' when the
    session's own title already names the role."""
    return title if title.casefold().startswith(name.casefold()) else f"{name}: {title}"


def when(day: datetime.date, time: str, minutes: int) -> list[str]:
    """DTSTART and DTEND of a one-day event: timed in Europe/London, else all day (DTEND exclusive)."""
    if not time:
        return [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + datetime.timedelta(days=1):%Y%m%d}"]
    hours, mins = (int(part) for part in time.split(":"))
    begin = datetime.datetime.combine(day, datetime.time(hours, mins))
    end = begin + datetime.timedelta(minutes=minutes)
    return [f"DTSTART;TZID=Europe/London:{begin:%Y%m%dT%H%M%S}", f"DTEND;TZID=Europe/London:{end:%Y%m%dT%H%M%S}"]


def _steps(sessions: list[Place]) -> str:
    return "\n".join(f"{n}. {p.session.title} ({p.session.minutes} min)" for n, p in enumerate(sessions, 1))


def _part(number: int, count: int) -> tuple[str, list[str]]:
    """' (2 of 3)' and the UID's ['2'] for the second event of an entry's three; nothing for one alone."""
    return (f" ({number} of {count})", [str(number)]) if count > 1 else ("", [])


def _study_events(feed: Feed, placed: PlacedWeek) -> list[str]:
    """One study event in each school week of the entry, on the study day."""
    sessions = [p for p, _ in feed.places.week_entries(placed.block, placed.week, "ect")]
    if not sessions:
        return []
    rhythm, week, block = feed.schedule.cohort.rhythm, placed.week, placed.block
    total, count = sum(p.session.minutes for p in sessions), len(placed.mondays)
    page = urls.week(feed.programme, placed.year, block, week)
    description = f"{block.title}, {week.label.lower()} ({total} min in all).\n{_steps(sessions)}"
    lines: list[str] = []
    for number, monday in enumerate(placed.mondays, 1):
        suffix, part = _part(number, count)
        day = day_in_week(feed.schedule, monday, rhythm.study_day)
        lines += [
            "BEGIN:VEVENT",
            feed.uid("ect", block.id, week.slug, *part),
            feed.stamp,
            *when(day, rhythm.study_time, max(15, -(-total // count))),
            f"SUMMARY:{text(f'ECT study: {week.heading}{suffix}')}",
            f"DESCRIPTION:{text(description)}",
            *feed.url(page),
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    return lines


def _meetings(feed: Feed, placed: PlacedWeek) -> list[str]:
    """The entry's mentor meetings, on the meeting day: one each school week it spans, or each
    fortnight in a fortnightly year. The ECT's file links to the week, the mentor's to the plan."""
    sessions = [p for p, _ in feed.places.week_entries(placed.block, placed.week, "mentor")]
    if not sessions:
        return []
    rhythm, week, block = feed.schedule.cohort.rhythm, placed.week, placed.block
    mondays = meeting_weeks(placed)
    minutes = sum(p.session.minutes for p in sessions) or 60
    if feed.role == "ect":
        kind, name, page = (
            "ect-meeting",
            f"Mentor meeting: {week.title}",
            urls.week(feed.programme, placed.year, block, week),
        )
    else:
        kind, name, page = "mentor", titled("Mentor meeting", sessions[0].session.title), urls.session(sessions[0])
    description = f"{block.title}, {week.label.lower()}.\n{_steps(sessions)}"
    lines: list[str] = []
    for number, monday in enumerate(mondays, 1):
        suffix, part = _part(number, len(mondays))
        lines += [
            "BEGIN:VEVENT",
            feed.uid(kind, block.id, week.slug, *part),
            feed.stamp,
            *when(day_in_week(feed.schedule, monday, rhythm.meeting_day), rhythm.meeting_time, minutes),
            f"SUMMARY:{text(name + suffix)}",
            f"DESCRIPTION:{text(description)}",
            *feed.url(page),
            "TRANSP:" + ("OPAQUE" if rhythm.meeting_time else "TRANSPARENT"),
            "END:VEVENT",
        ]
    return lines


def meeting_weeks(placed: PlacedWeek) -> list[datetime.date]:
    """The Mondays of the school weeks with a meeting of an entry's mentor plan: each week it spans,
    or every other one in a fortnightly year (docs/javascripts/mycalendar.js reads them as written)."""
    return placed.mondays[:: 2 if placed.year.meetings == "fortnightly" else 1]


def _tutor_event(feed: Feed, placed: PlacedWeek) -> list[str]:
    """The entry's induction tutor tasks: one all-day event on its first school day."""
    sessions = [p for p, _ in feed.places.week_entries(placed.block, placed.week, "tutor")]
    if not sessions:
        return []
    week, block = placed.week, placed.block
    description = f"{block.title}, {week.label.lower()}.\n{_steps(sessions)}"
    return [
        "BEGIN:VEVENT",
        feed.uid("tutor", block.id, week.slug),
        feed.stamp,
        *when(day_in_week(feed.schedule, placed.start, 0), "", 0),
        f"SUMMARY:{text(titled('Induction tutor', sessions[0].session.title))}",
        f"DESCRIPTION:{text(description)}",
        *feed.url(urls.session(sessions[0])),
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _training_event(feed: Feed, event: Event) -> list[str]:
    programme = feed.programme
    home = feed.places.homes.get(event.session_id)
    block = programme.blocks.get(event.block_id)
    year = next((y for y in programme.years if block in y.blocks), None)
    page = (
        urls.session(home)
        if home
        else urls.block(programme, year, block)
        if block and year
        else urls.programme(programme)
    )
    title = event.title or (home.session.title if home else event.id)
    if home and home.role == TRAINING:  # among the meetings in a mentor's calendar, say which strand it is
        title = titled("Mentor training", title)
    description = f"Prepare: {event.prepare}" if event.prepare else ""
    return [
        "BEGIN:VEVENT",
        feed.uid("event", event.id),
        feed.stamp,
        *when(event.date, event.time, event.minutes or 60),
        f"SUMMARY:{text(title)}",
        f"LOCATION:{text('Online' if event.online else event.place)}",
        *([f"DESCRIPTION:{text(description)}"] if description else []),
        *feed.url(page),
        "END:VEVENT",
    ]


def _milestone(feed: Feed, milestone: Milestone, day: datetime.date) -> list[str]:
    """A point of the tutor's statutory year: on its day, at its time; it links to the cohort's year at a glance."""
    place = "Online" if milestone.place.strip().lower() == "online" else milestone.place
    return [
        "BEGIN:VEVENT",
        feed.uid("milestone", milestone.id),
        feed.stamp,
        *when(day, milestone.time, milestone.minutes or 60),
        f"SUMMARY:{text(milestone.title)}",
        *([f"LOCATION:{text(place)}"] if place else []),
        *([f"DESCRIPTION:{text(milestone.notes)}"] if milestone.notes else []),
        f"CATEGORIES:{text(MILESTONE_KINDS[milestone.kind])}",
        *feed.url(glance_src(feed.programme, feed.schedule.cohort)),
        "TRANSP:" + ("OPAQUE" if milestone.time else "TRANSPARENT"),
        "END:VEVENT",
    ]


def calendar_files(
    programmes: list[Programme],
    places: dict[str, ProgrammePlaces],
    schedules: dict[str, list[Schedule]],
    site_url: str = "",
    directory_urls: bool = True,
) -> dict[str, str]:
    """Every .ics file of the site: its path under the site root -> its text."""
    out = {}
    for programme in programmes:
        for schedule in schedules.get(programme.id, []):
            for role in ROLES:
                out[ics_src(programme, schedule.cohort.id, role)] = render_ics(
                    programme, schedule, role, places[programme.id], site_url, directory_urls
                )
    return out
