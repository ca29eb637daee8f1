"""This week: the panel that names this week's work, for the home page, the programme page and
each role's starting page (stage four of the flow).

The panel is plain Markdown that lists every week with its dates (what a reader without
JavaScript gets); docs/javascripts/thisweek.js reads the schedule published with the site
(schedule.js) and writes this week's work into it, computed on the reader's device from its
clock. Nothing is requested from elsewhere and nothing is stored.
"""

from __future__ import annotations

from induction.core import urls
from induction.core.formats import ROLE
from induction.core.model import Programme

from .context import Context
from .dates import marks, span_text
from .text import attr, esc

ROLE_LABELS = {"": "ECTs and mentors", **{role.id: role.people for role in ROLE.values()}}


def this_week_panel(ctx: Context, programme: Programme, src: str, role: str = "", heading: str = "##") -> str:
    """The panel for `programme` as seen from page `src`; `role` "" shows the ECT's and the
    mentor's work, "ect", "mentor" or "tutor" one role's. "" without cohorts."""
    schedules = ctx.schedules.get(programme.id, [])
    if not schedules:
        return ""
    tables = []
    for schedule in schedules:
        rows = ["| Dates | Week |", "| --- | --- |"]
        for placed in schedule.weeks:
            link = urls.relative(src, urls.week(programme, placed.year, placed.block, placed.week))
            shown = placed.week.heading[:1].lower() + placed.week.heading[1:]  # 'week 3: ...' after the block
            rows.append(
                f"| {span_text(placed.start, placed.end, len(placed.mondays))} | "
                f"[{esc(placed.block.title)}, {esc(shown)}]({link}) |"
            )
        title = f"{heading}# {esc(schedule.cohort.title)}\n\n" if len(schedules) > 1 else ""
        # Marked with its cohort: with one chosen, docs/javascripts/me.js puts the others behind a disclosure.
        tables.append(
            f'<div class="ect-thisweek__table" {marks(programme, [schedule.cohort.id])} markdown="1">\n\n'
            + title
            + "\n".join(rows)
            + "\n\n</div>\n"
        )
    return (
        f'<div class="ect-thisweek" data-ect-thisweek data-ect-programme="{attr(programme.id)}" '
        f'data-ect-role="{attr(role)}" markdown="1">\n\n'
        f"{heading} This week\n\n"
        f'<div class="ect-thisweek__now" data-ect-thisweek-now markdown="1">\n\n'
        f"This week's work for {ROLE_LABELS[role]} appears here when JavaScript is on. "
        "Every week and its dates are listed below.\n\n</div>\n\n"
        '<details class="ect-thisweek__all" markdown="1">\n<summary>Every week and its dates</summary>\n\n'
        + "\n".join(tables)
        + "\n</details>\n\n</div>\n"
    )
