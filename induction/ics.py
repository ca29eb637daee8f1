"""Ics: one iCalendar file (RFC 5545) per cohort and role, from the cohorts' schedules.

Beside the page renderers (stage four of the flow): pure text, published by the MkDocs adapter
next to the pages. What goes in each file:

- ECT: each week's self-study, an all-day event over the week's school weeks (it does not block
  time: the hour is the school's to place), with the steps and their minutes.
- Mentor and induction tutor: each week's sessions, an all-day event in the first school week of
  the entry, so year 2's fortnights give one meeting a fortnight.
- Every role: the training events it attends, timed in Europe/London (or all-day when no time).

UIDs are made of ids only, so a rebuild (or a changed date) updates an imported event instead of
adding a second one; DTSTAMP is fixed per cohort for the same reason (identical files from
identical content). URLs are absolute when the site's address is known, else relative to the file.
"""
from __future__ import annotations

import datetime
import re

from . import urls
from .formats import ROLE, ROLES
from .model import Event, Programme
from .placement import Place, ProgrammePlaces
from .schedule import PlacedWeek, Schedule

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
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


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


def render_ics(programme: Programme, schedule: Schedule, role: str, places: ProgrammePlaces,
               site_url: str = "", directory_urls: bool = True) -> str:
    cohort = schedule.cohort
    src = ics_src(programme, cohort.id, role)
    stamp = f"{cohort.start:%Y%m%d}T000000Z"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//induction//ECT programme calendar//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{text(f'{programme.title}: {ROLE[role].person}, {cohort.title}')}",
             "X-WR-TIMEZONE:Europe/London", *_TIMEZONE]
    for placed in schedule.weeks:
        entries = places.week_entries(placed.block, placed.week, role)
        if entries:
            lines += _week_event(programme, schedule, placed, role, [p for p, _ in entries], src,
                                 (site_url, directory_urls), stamp)
    for event in schedule.events:
        if role in event.attendees:
            lines += _training_event(programme, schedule, event, places, src, (site_url, directory_urls), stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _url(src: str, page: str, site_url: str, directory_urls: bool = True) -> str:
    address = urls.page_address(page, directory_urls)
    return site_url.rstrip("/") + "/" + address if site_url else urls.relative(src, address)


def _week_event(programme: Programme, schedule: Schedule, placed: PlacedWeek, role: str, sessions: list[Place],
                src: str, site: tuple[str, bool], stamp: str) -> list[str]:
    week, block = placed.week, placed.block
    total = sum(p.session.minutes for p in sessions)
    first, last = placed.start, placed.mondays[0] if role != "ect" else placed.mondays[-1]
    if role == "ect":
        summary, page = f"ECT study: {week.heading}", urls.week(programme, placed.year, block, week)
    else:
        name = "Mentor meeting" if role == "mentor" else "Induction tutor"
        summary, page = f"{name}: {sessions[0].session.title}", urls.session(sessions[0])
    steps = "\n".join(f"{n}. {p.session.title} ({p.session.minutes} min)" for n, p in enumerate(sessions, 1))
    description = f"{block.title}, {week.label.lower()} ({total} min in all).\n{steps}"
    return ["BEGIN:VEVENT", f"UID:{role}-{programme.id}-{schedule.cohort.id}-{block.id}-{week.slug}@induction",
            f"DTSTAMP:{stamp}", f"DTSTART;VALUE=DATE:{first:%Y%m%d}",
            f"DTEND;VALUE=DATE:{last + datetime.timedelta(days=5):%Y%m%d}",  # exclusive: the Saturday
            f"SUMMARY:{text(summary)}", f"DESCRIPTION:{text(description)}",
            f"URL:{_url(src, page, *site)}", "TRANSP:TRANSPARENT", "END:VEVENT"]


def _training_event(programme: Programme, schedule: Schedule, event: Event, places: ProgrammePlaces, src: str,
                    site: tuple[str, bool], stamp: str) -> list[str]:
    home = places.homes.get(event.session_id)
    block = programme.blocks.get(event.block_id)
    year = next((y for y in programme.years if block in y.blocks), None)
    page = (urls.session(home) if home else urls.block(programme, year, block) if block and year
            else urls.programme(programme))
    title = event.title or (home.session.title if home else event.id)
    if event.time:
        hours, mins = (int(part) for part in event.time.split(":"))
        begin = datetime.datetime.combine(event.date, datetime.time(hours, mins))
        end = begin + datetime.timedelta(minutes=event.minutes or 60)
        when = [f"DTSTART;TZID=Europe/London:{begin:%Y%m%dT%H%M%S}", f"DTEND;TZID=Europe/London:{end:%Y%m%dT%H%M%S}"]
    else:
        when = [f"DTSTART;VALUE=DATE:{event.date:%Y%m%d}",
                f"DTEND;VALUE=DATE:{event.date + datetime.timedelta(days=1):%Y%m%d}"]
    description = f"Prepare: {event.prepare}" if event.prepare else ""
    return ["BEGIN:VEVENT", f"UID:event-{programme.id}-{schedule.cohort.id}-{event.id}@induction",
            f"DTSTAMP:{stamp}", *when, f"SUMMARY:{text(title)}",
            f"LOCATION:{text('Online' if event.online else event.place)}",
            *([f"DESCRIPTION:{text(description)}"] if description else []),
            f"URL:{_url(src, page, *site)}", "END:VEVENT"]


def calendar_files(programmes: list[Programme], places: dict[str, ProgrammePlaces],
                   schedules: dict[str, list[Schedule]], site_url: str = "", directory_urls: bool = True,
                   ) -> dict[str, str]:
    """Every .ics file of the site: its path under the site root -> its text."""
    out = {}
    for programme in programmes:
        for schedule in schedules.get(programme.id, []):
            for role in ROLES:
                out[ics_src(programme, schedule.cohort.id, role)] = render_ics(
                    programme, schedule, role, places[programme.id], site_url, directory_urls)
    return out
