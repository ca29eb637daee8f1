"""Dates: the programme in time on its pages (stage four of the flow, from `schedule`'s placements).

Each function returns a Markdown fragment, or "" when the programme has no cohorts, so a site
without a calendar looks exactly as before. With several cohorts every date names its cohort.
Page renderers call these with one line each; the fragments stand alone so they can move.
"""

from __future__ import annotations

import datetime

from induction.core import urls
from induction.core.formats import ROLE, ROLES
from induction.core.model import Block, Event, Programme, Week, Year
from induction.core.placement import Place
from induction.timing.ics import ics_src, meeting_weeks
from induction.timing.schedule import Schedule, long_date

from .context import Context
from .text import attr, esc, minutes

NBSP = "\u00a0"


def span_text(start: datetime.date, end: datetime.date, weeks: int = 1) -> str:
    """w/c 15 September 2025 for one school week; 22 September to 10 October 2025 for several."""
    if weeks == 1:
        return f"w/c {long_date(start)}"
    first = f"{start.day} {start:%B}" if start.year == end.year else long_date(start)
    return f"{first} to {long_date(end)}"


def event_when(event: Event) -> str:
    """Wednesday 17 September 2025, 16:00 to 17:30 (or the day alone for an all-day event)."""
    day = f"{event.date:%A} {long_date(event.date)}"
    if not event.time:
        return day
    hours, mins = (int(part) for part in event.time.split(":"))
    begin = datetime.datetime.combine(event.date, datetime.time(hours, mins))
    end = begin + datetime.timedelta(minutes=event.minutes)
    return f"{day}, {begin:%H:%M} to {end:%H:%M}"


def who(roles: list[str]) -> str:
    names = [ROLE[r].people for r in roles]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _label(schedules: list[Schedule], schedule: Schedule) -> str:
    return f"{attr(schedule.cohort.title)}: " if len(schedules) > 1 else ""


def marks(programme: Programme, cohort_ids: list[str]) -> str:
    """The attributes that tie a date to its cohorts, for docs/javascripts/me.js: with a cohort
    chosen, it keeps that cohort's dates in view and puts the others behind a disclosure. Without
    JavaScript, or with no choice, every date stays as written."""
    return f'data-ect-programme="{attr(programme.id)}" data-ect-cohort="{attr(" ".join(cohort_ids))}"'


def cohort_name(programme: Programme, schedule: Schedule) -> str:
    """A cohort's title in a table's header cell, marked as that cohort's column."""
    return f"<span {marks(programme, [schedule.cohort.id])}>{esc(schedule.cohort.title)}</span>"


def week_dates(ctx: Context, programme: Programme, block: Block, week: Week) -> str:
    """The week's school week per cohort, under the week's heading."""
    schedules = ctx.schedules.get(programme.id, [])
    items = []
    for schedule in schedules:
        placed = schedule.week(block, week)
        if placed:
            # No line break inside a date ("22 September"): only around "to" and after the cohort.
            when = span_text(placed.start, placed.end, len(placed.mondays)).replace(" ", NBSP)
            when = when.replace(f"{NBSP}to{NBSP}", " to ")
            items.append(
                f'<span class="ect-dates__cohort" {marks(programme, [schedule.cohort.id])} '
                f'data-ect-start="{placed.start}" data-ect-end="{placed.end}">'
                f"{_label(schedules, schedule)}{when}</span>"
            )
    if not items:
        return ""
    # One line per cohort, the cohort first: on a phone the eye finds its own cohort's line.
    lines = "<br>\n".join(items)
    return f'<p class="ect-dates"><strong>School week</strong><br>\n{lines}</p>\n'


def week_events(ctx: Context, programme: Programme, block: Block, week: Week) -> str:
    """## Training this week: the events that fall in the week for some cohort (a Saturday or Sunday
    event counts with its week), so that the week's page names the launch or the clinic that week."""
    events: dict[str, Event] = {}
    for schedule in ctx.schedules.get(programme.id, []):
        placed = schedule.week(block, week)
        if placed:
            last = placed.end + datetime.timedelta(days=2)
            events.update((e.id, e) for e in schedule.events if placed.start <= e.date <= last)
    return events_section(ctx, programme, list(events.values()), "## Training and events in this week")


def meeting_dates(ctx: Context, place: Place) -> list[str]:
    """One line of dates per mentor meeting of a plan's entry (a weekly plan over weeks 4-6 meets three
    times, a fortnightly one once a fortnight): each cohort's week of that meeting, marked with its cohort."""
    if place.block is None or place.week is None:
        return [""]
    schedules = ctx.schedules.get(place.programme.id, [])
    per_cohort = []
    for schedule in schedules:
        placed = schedule.week(place.block, place.week)
        if placed:
            per_cohort.append((schedule, meeting_weeks(placed)))
    if not per_cohort:
        return [""]
    count = max(len(mondays) for _, mondays in per_cohort)
    lines = []
    for index in range(count):
        items = [
            f'<span class="ect-dates__cohort" {marks(place.programme, [schedule.cohort.id])}>'
            f"{_label(schedules, schedule)}w/c{NBSP}{long_date(mondays[index]).replace(' ', NBSP)}</span>"
            for schedule, mondays in per_cohort
            if index < len(mondays)
        ]
        lines.append('<p class="ect-dates">' + "<br>\n".join(items) + "</p>")
    return lines


def session_dates(ctx: Context, place: Place) -> str:
    """A session's school week (a step, a plan) or its block's weeks, then its training events."""
    out = ""
    if place.block is not None and place.week is not None:
        out = week_dates(ctx, place.programme, place.block, place.week)
    return out + events_section(
        ctx,
        place.programme,
        [e for e in place.programme.events if e.session_id == place.session.id],
        "## Dates and places",
        titled=False,
    )


def block_dates(ctx: Context, programme: Programme, year: Year, block: Block) -> str:
    """## Dates: each week of the block on each cohort's calendar."""
    schedules = ctx.schedules.get(programme.id, [])
    if not schedules:
        return ""
    src = urls.block(programme, year, block)
    head = (
        "| Week | " + " | ".join(cohort_name(programme, s) if len(schedules) > 1 else "Dates" for s in schedules) + " |"
    )
    rows = [head, "| --- |" + " --- |" * len(schedules)]
    for week in block.weeks:
        cells = []
        for schedule in schedules:
            placed = schedule.week(block, week)
            cells.append(span_text(placed.start, placed.end, len(placed.mondays)) if placed else "–")
        link = urls.relative(src, urls.week(programme, year, block, week))
        rows.append(f"| [{week.label}]({link}) | " + " | ".join(cells) + " |")
    events = [
        e for e in programme.events if e.block_id == block.id or e.session_id in {r.session_id for r in block.pages}
    ]
    return "\n## Dates\n\n" + "\n".join(rows) + "\n\n" + events_section(ctx, programme, events, "### Training events")


def year_dates(ctx: Context, programme: Programme, year: Year) -> str:
    """## Dates: each block of the year on each cohort's calendar."""
    schedules = ctx.schedules.get(programme.id, [])
    if not schedules:
        return ""
    src = urls.year(programme, year)
    head = (
        "| Block | "
        + " | ".join(cohort_name(programme, s) if len(schedules) > 1 else "Dates" for s in schedules)
        + " |"
    )
    rows = [head, "| --- |" + " --- |" * len(schedules)]
    for block in year.blocks:
        cells = []
        for schedule in schedules:
            span = schedule.span(block)
            cells.append(span_text(span[0], span[1], 2) if span else "–")
        rows.append(
            f"| [{esc(block.title)}]({urls.relative(src, urls.block(programme, year, block))}) | "
            + " | ".join(cells)
            + " |"
        )
    return "\n## Dates\n\n" + "\n".join(rows) + "\n"


def programme_dates(ctx: Context, programme: Programme) -> str:
    """## Cohorts: each cohort's calendar and span, then every training event."""
    schedules = ctx.schedules.get(programme.id, [])
    if not schedules:
        return ""
    items = []
    for schedule in schedules:
        span = schedule.span()
        when = f": {span_text(span[0], span[1], 2)}" if span else ""
        items.append(
            f"- <span {marks(programme, [schedule.cohort.id])}>**{esc(schedule.cohort.title)}**</span>{when}, "
            f"on {esc(schedule.calendar.title)}"
        )
    return (
        "## Cohorts and dates\n\n"
        + "\n".join(items)
        + "\n\n"
        + calendar_links(ctx, programme)
        + events_section(ctx, programme, programme.events, "## Training events")
    )


def calendar_links(ctx: Context, programme: Programme, src: str = "") -> str:
    """## Calendars: one .ics per cohort and role, linked from page `src`, each to download and,
    when the site's address is known, to subscribe to (webcal: needs an absolute address)."""
    src = src or urls.programme(programme)
    rows = []
    for schedule in ctx.schedules.get(programme.id, []):
        cohort = schedule.cohort.id
        links = []
        for role in ROLES:
            ics = ics_src(programme, cohort, role)
            link = f"    - {ROLE[role].calendar}: [download]({urls.relative(src, ics)})"
            if ctx.site_url:
                link += f" · [subscribe]({subscribe_url(ctx.site_url, ics)})"
            links.append(link)
        rows.append(f"- <span {marks(programme, [cohort])}>{esc(schedule.cohort.title)}</span>\n" + "\n".join(links))
    if not rows:
        return ""
    how = (
        "Each event links to its page. Subscribe, and your calendar program fetches the calendar again each "
        "day, so a change to the programme reaches your phone; a downloaded file is a copy that stays as it was."
        if ctx.site_url
        else "This copy of the site was built without its address (SITE_URL), so its calendars can be "
        "downloaded but not subscribed to; a downloaded file is a copy that stays as it was."
    )
    return (
        "## Calendars\n\nAn .ics file for each cohort and role, for Outlook, Google or Apple Calendar: "
        "the weekly study, the mentor meetings and the training events each person attends, one day each. "
        + how
        + "\n\n"
        + "\n".join(rows)
        + "\n\n"
        # docs/javascripts/mycalendar.js writes a form here: a pair's own meeting day and time.
        + f'<div class="ect-mycalendar" data-ect-mycalendar="" data-ect-programme="{attr(programme.id)}">'
        + "</div>\n\n"
    )


def subscribe_url(site_url: str, ics: str) -> str:
    """webcal://host/path/file.ics: the address calendar programs subscribe to (http or https alike)."""
    address = site_url.rstrip("/") + "/" + ics
    return "webcal://" + address.split("://", 1)[1] if "://" in address else address


def events_section(
    ctx: Context, programme: Programme, events: list[Event], heading: str, *, titled: bool = True
) -> str:
    """Each event: when, where, who, for which cohorts, what to prepare (`titled`: its title first,
    left out on the event's own page)."""
    schedules = ctx.schedules.get(programme.id, [])
    titles = {s.cohort.id: s.cohort.title for s in schedules}
    placed = {e.id for s in schedules for e in s.events}
    items = []
    for event in sorted((e for e in events if e.id in placed), key=lambda e: (e.date, e.time)):
        title = event_title(event, programme)
        place = "Online" if event.online else esc(event.place)
        length = f" ({minutes(event.minutes)})" if event.time and event.minutes else ""
        cohorts = [titles[c] for c in event.cohort_ids or titles if c in titles]
        when = f"**{esc(title)}**: {event_when(event)}" if titled else f"**{event_when(event)}**"
        line = f"- {when}{length}. {place}. For {who(event.attendees)}"
        if len(schedules) > 1:
            line += (
                f" (<span {marks(programme, event.cohort_ids)}>{esc(', '.join(cohorts))}</span>)"
                if event.cohort_ids
                else f" ({esc(', '.join(cohorts))})"
            )
        line += "."
        if event.prepare:
            line += f"  \n  Prepare: {esc(event.prepare)}"
        items.append(line)
    return f"{heading}\n\n" + "\n".join(items) + "\n" if items else ""


def event_title(event: Event, programme: Programme) -> str:
    session = programme.sessions.get(event.session_id)
    return event.title or (session.title if session else event.id)
