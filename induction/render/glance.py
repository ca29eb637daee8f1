"""Glance: the induction tutor's statutory year, per cohort (stage four: render).

Two parts from the cohorts' schedules (induction/timing/schedule.py) and milestones
(induction/timing/milestones.py): the dated milestones on the tutor's starting page, and a year at a
glance for each cohort, one printed A4 page: each half-term of its two years with its school
weeks (numbered as a milestone's `week:` counts them), the blocks it does, its training and its
milestones. Tables are HTML with ids and `headers`, so that every cell names its half-term and
column outright (HTML_CodeSniffer H43), as the coverage matrix does.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from induction.core import urls
from induction.core.model import Block, Milestone, Programme, Term, Week
from induction.timing.milestones import YEARS, glance_src, in_year, induction_span, kind_name
from induction.timing.schedule import Schedule, SchoolWeek, long_date, school_weeks

from .context import Context
from .dates import event_title, span_text
from .sessions import print_action
from .text import NOT_SEARCHED, Page, attr, caption, esc, front_matter

_COLUMNS = (("weeks", "School weeks"), ("blocks", "Programme"), ("training", "Training"), ("milestones", "Milestones"))


def short_date(day: datetime.date, year: bool = False) -> str:
    """Mon 1 Dec, in a half-term's row; with the year past the calendar's terms (no row says it)."""
    return f"{day:%a} {day.day} {day:%b}" + (f" {day.year}" if year else "")


def milestone_when(milestone: Milestone, day: datetime.date) -> str:
    """Monday 1 December 2025, 15:45 (or the day alone)."""
    return f"{day:%A} {long_date(day)}" + (f", {milestone.time}" if milestone.time else "")


def week_when(ctx: Context, programme: Programme, block: Block, week: Week) -> str:
    """· w/c 1 September 2025 (September 2025 start), ...: a week of "what to check when" on each
    cohort's calendar, each date in a span the reader's chosen cohort can pick out."""
    schedules = ctx.schedules.get(programme.id, [])
    parts = []
    for schedule in schedules:
        placed = schedule.week(block, week)
        if placed:
            label = f" ({attr(schedule.cohort.title)})" if len(schedules) > 1 else ""
            parts.append(
                f'<span class="ect-dates__cohort" data-ect-cohort="{attr(schedule.cohort.id)}" '
                f'data-ect-start="{placed.start}" data-ect-end="{placed.end}">'
                f"{attr(span_text(placed.start, placed.end, len(placed.mondays)))}{label}</span>"
            )
    return " · " + "; ".join(parts) if parts else ""


def tutor_milestones(ctx: Context, programme: Programme, src: str) -> str:
    """## The statutory year: each cohort's milestones with their dates, and its year at a glance."""
    schedules = [s for s in ctx.schedules.get(programme.id, []) if s.milestones]
    if not schedules:
        return ""
    out = [
        "## The statutory year, with dates\n",
        "Progress reviews, formal assessments and the appropriate body's deadlines, for each cohort. "
        "They are in your calendar too.\n",
    ]
    for schedule in schedules:
        glance = urls.relative(src, glance_src(programme, schedule.cohort))
        out.append(f"### {esc(schedule.cohort.title)}\n")
        items = []
        for milestone, day in schedule.milestones:
            where = f" {esc(milestone.place)}." if milestone.place else ""
            items.append(
                f"- **{esc(milestone_when(milestone, day))}**: {esc(milestone.title)} "
                f"({esc(kind_name(milestone).lower())}).{where}"
            )
        out.append("\n".join(items) + "\n")
        out.append(f"[Year at a glance: {esc(schedule.cohort.title)}, one page to print]({glance})\n")
    return "\n".join(out)


def render_glance_pages(programme: Programme, ctx: Context) -> list[Page]:
    return [_glance_page(programme, schedule, ctx) for schedule in ctx.schedules.get(programme.id, [])]


def _glance_page(programme: Programme, schedule: Schedule, ctx: Context) -> Page:
    cohort = schedule.cohort
    src = glance_src(programme, cohort)
    title = f"Year at a glance: {cohort.title}"
    back = urls.relative(src, f"{programme.id}/for-tutors.md")
    out = [
        front_matter(title, ect_kind="glance", search=NOT_SEARCHED),
        caption(programme.title),
        f"# {esc(title)}\n",
        f'<p class="ect-meta">Induction from {attr(long_date(cohort.start))}, on '
        f"{attr(schedule.calendar.title)}. Week numbers count the cohort's school weeks of each year, "
        "as milestones do.</p>\n",
        print_action("Print this page"),
        f'<p class="ect-print-hide" markdown="1">[Back to the page for induction tutors]({back})</p>\n',
    ]
    for year in range(1, YEARS + 1):
        out.append(_year_table(programme, schedule, year))
    return Page(src, title, "\n".join(out), "glance", {"cohort": cohort.id})


def _year_terms(schedule: Schedule, first: datetime.date, last: datetime.date) -> list[tuple[int, Term]]:
    """The half-terms of a year of induction: those it starts in, or whose middle falls in it."""
    out = []
    for index, term in enumerate(schedule.calendar.terms):
        middle = term.start + (term.end - term.start) / 2
        if term.start <= first <= term.end or first <= middle <= last:
            out.append((index, term))
    return out


def _year_table(programme: Programme, schedule: Schedule, year: int) -> str:
    first, last = induction_span(schedule.cohort, year)
    terms = _year_terms(schedule, first, last)
    rows: dict[int, dict[str, list[str]]] = {index: {key: [] for key, _ in _COLUMNS} for index, _ in terms}
    beyond: dict[str, list[str]] = {key: [] for key, _ in _COLUMNS}  # dated past the calendar's last term
    numbered = [w for w in school_weeks(schedule.calendar) if in_year(w.monday, schedule, first, last)]
    for index, row in rows.items():
        weeks = [(n, w.monday) for n, w in enumerate(numbered, 1) if w.term_index == index]
        if weeks:
            (low, start), (high, end) = weeks[0], weeks[-1]
            row["weeks"].append(
                f"{low} to {high} (w/c {start.day} {start:%b} to {end.day} {end:%b})"
                if high > low
                else f"{low} (w/c {start.day} {start:%b})"
            )  # digits and months only
    _blocks(schedule, numbered, rows)

    def row_of(day: datetime.date) -> dict[str, list[str]]:
        if not terms or day < first or day > last:
            return {}
        if day > terms[-1][1].end and terms[-1][0] == len(schedule.calendar.terms) - 1:
            return beyond
        return (
            rows[[index for index, term in terms if term.start <= day][-1]]
            if day >= terms[0][1].start
            else rows[terms[0][0]]
        )

    _dated(programme, schedule, row_of, beyond)
    table_id = f"ect-glance-{year}"
    head = "".join(f'<th scope="col" id="{table_id}-{key}">{name}</th>' for key, name in _COLUMNS)
    body = [
        _row(
            table_id,
            f"{term.label} {term.start.year}",
            f"{term.start.day} {term.start:%b} to {term.end.day} {term.end:%b}",
            rows[index],
            str(index),
        )
        for index, term in terms
    ]
    if any(beyond.values()):
        end = schedule.calendar.terms[-1].end
        body.append(
            _row(table_id, f"After {end.day} {end:%b} {end.year}", "past the calendar's terms", beyond, "beyond")
        )
    return (
        f'<h2 id="year-{year}">Year {year}: {attr(long_date(first))} to {attr(long_date(last))}</h2>\n'
        f'<div class="ect-table-wrap"><table class="ect-glance">\n'
        f'<thead><tr><th scope="col" id="{table_id}-term">Half-term</th>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(body)
        + "\n</tbody></table></div>\n"
    )


def _dated(
    programme: Programme,
    schedule: Schedule,
    row_of: Callable[[datetime.date], dict[str, list[str]]],
    beyond: dict[str, list[str]],
) -> None:
    """The cohort's training and milestones, each in the row of the half-term it falls in."""
    for event in schedule.events:
        row = row_of(event.date)
        row.setdefault("training", []).append(
            attr(
                f"{short_date(event.date, row is beyond)}"
                f"{' ' + event.time if event.time else ''}: "
                f"{event_title(event, programme)}"
            )
        )
    for milestone, day in schedule.milestones:
        row = row_of(day)
        item = attr(f"{short_date(day, row is beyond)}: {milestone.title}")
        # A formal assessment stands out: the two points the year turns on.
        row.setdefault("milestones", []).append(
            f"<strong>{item}</strong>" if milestone.kind == "formal-assessment" else item
        )


def _row(table_id: str, label: str, dates: str, cells: dict[str, list[str]], key: str) -> str:
    row_id = f"{table_id}-t{key}"
    out = [
        f'<tr><th scope="row" id="{row_id}" headers="{table_id}-term">{attr(label)}'
        f'<br><span class="ect-glance__dates">{attr(dates)}</span></th>'
    ]
    for column, name in _COLUMNS:  # the label names the column where a phone stacks the cells (induction.css)
        text = "<br>".join(cells.get(column, []))  # each item is HTML already, its text escaped
        out.append(f'<td headers="{row_id} {table_id}-{column}" data-ect-label="{name}">{text}</td>')
    return "".join(out) + "</tr>"


def _blocks(schedule: Schedule, numbered: list[SchoolWeek], rows: dict[int, dict[str, list[str]]]) -> None:
    """Each block the cohort does in a half-term, with the block's weeks it does there."""
    term_of = {w.monday: w.term_index for w in numbered}
    spans: dict[tuple[int, str], list[int]] = {}
    titles: dict[str, str] = {}
    for placed in schedule.weeks:
        index = term_of.get(placed.start)
        if index in rows:
            spans.setdefault((index, placed.block.id), []).extend((placed.week.first, placed.week.last))
            titles[placed.block.id] = placed.block.title
    for (index, block_id), numbers in spans.items():
        low, high = min(numbers), max(numbers)
        weeks = f"week {low}" if low == high else f"weeks {low} to {high}"
        rows[index]["blocks"].append(attr(f"{titles[block_id]} ({weeks})"))
