"""Roles: a starting page per role in each programme (stage four: render), as the Carpentries
Workbench gives learners and instructors their own view of one lesson.

- ECTs: the programme block by block, each week with its steps and minutes;
- mentors: every session plan in order, block by block, with the block's printable pack;
- induction tutors: a checklist of what to check when (from the block and week tutor summaries
  and the tutor sessions) and every training session.
"""

from __future__ import annotations

from collections.abc import Iterator

from induction.core import urls
from induction.core.formats import ROLE
from induction.core.model import Block, Programme, Year

from .context import Context
from .glance import tutor_milestones, week_when
from .packs import mentor_plans, pack_links, when
from .summaries import indented, summary_markdown
from .text import Page, attr, esc, front_matter, minutes
from .thisweek import this_week_panel


def role_src(programme: Programme, role: str) -> str:
    return f"{programme.id}/{ROLE[role].page}"


def pairs_src(programme: Programme) -> str:
    """The induction tutor's view of several pairs, from the progress files they saved."""
    return f"{programme.id}/your-pairs.md"


def render_role_pages(programme: Programme, ctx: Context) -> list[Page]:
    return [
        _ect_page(programme, ctx),
        _mentor_page(programme, ctx),
        _tutor_page(programme, ctx),
        _pairs_page(programme),
    ]


def _pairs_page(programme: Programme) -> Page:
    """Plain text and one empty box that docs/javascripts/pairs.js fills: the files are read in the
    browser (FileReader) and never sent anywhere; without JavaScript the page says so."""
    src = pairs_src(programme)
    out = [
        front_matter(f"Your pairs: {programme.title}"),
        f'<p class="ect-caption">{esc(programme.title)}</p>\n',
        "# Your pairs\n",
        "See several pairs at a glance from the progress files they saved: each ECT or mentor chooses "
        "**Save my progress** on their [Your progress](" + urls.relative(src, "about/progress.md") + ") page "
        "and hands you the file. Open the files here, as many as you like at once. They are read in this "
        "browser only: nothing is uploaded, and nothing is kept once you close the page.\n{: .ect-print-hide }\n",
        "For each file: how many weeks of work are still open (against the cohort's current week when the "
        "file names a cohort, else against the latest piece of work done), mentor meetings with no coaching "
        "log, training sessions attended and the last agreed action step. Print the table as a one-page "
        "termly summary for the headteacher and the appropriate body.\n{: .ect-print-hide }\n",
        f'<div class="ect-pairs" data-ect-pairs data-ect-programme="{attr(programme.id)}" markdown="1">\n\n'
        "Reading the files needs JavaScript, which is off or blocked in this browser.\n\n</div>\n",
    ]
    return Page(src, "Your pairs", "\n".join(out), "pairs", {"programme": programme.id})


def _head(programme: Programme, role: str, intro: str, ctx: Context) -> list[str]:
    title = ROLE[role].page_title
    src = role_src(programme, role)
    return [
        front_matter(f"{title}: {programme.title}"),
        f'<p class="ect-caption">{esc(programme.title)}</p>\n',
        f"# {esc(title)}\n",
        intro + "\n",
        this_week_panel(ctx, programme, src, role),
    ]


def _years_and_blocks(programme: Programme, out: list[str]) -> Iterator[tuple[Year, Block]]:
    """Each block of the programme in order, with its year; each year's heading is added to `out`
    before the year's first block is given, so the caller writes the blocks under it."""
    for year in programme.years:
        out.append(f"## {esc(year.title)}\n")
        yield from ((year, block) for block in year.blocks)


def _ect_page(programme: Programme, ctx: Context) -> Page:
    src, places = role_src(programme, "ect"), ctx.places[programme.id]
    out = _head(
        programme,
        "ect",
        "Each week has a page with your steps in order and how long each takes. "
        "Start with the first week of your block, or go straight to the week you are in.",
        ctx,
    )
    for year, block in _years_and_blocks(programme, out):
        link = urls.relative(src, urls.block(programme, year, block))
        out.append(f"### [{esc(block.title)}]({link}) · {esc(block.term_label)}\n")
        items = []
        for week in block.weeks:
            steps = places.week_entries(block, week, "ect")
            detail = (
                f"{len(steps)} {'step' if len(steps) == 1 else 'steps'}, "
                f"{minutes(sum(p.session.minutes for p, _ in steps))}"
                if steps
                else "no self-study"
            )
            items.append(
                f"- [{esc(week.heading)}]({urls.relative(src, urls.week(programme, year, block, week))}) · {detail}"
            )
        out.append("\n".join(items) + "\n")
    return Page(src, ROLE["ect"].page_title, "\n".join(o for o in out if o), "role", {"role": "ect"})


def _mentor_page(programme: Programme, ctx: Context) -> Page:
    src = role_src(programme, "mentor")
    out = _head(
        programme,
        "mentor",
        "Every mentor session plan in order. Each plan prints on A4 with space "
        "for notes; each block's mentor pack prints all of its plans at once.",
        ctx,
    )
    for year, block in _years_and_blocks(programme, out):
        plans = [(week, place) for week, place, _ in mentor_plans(block, ctx, programme)]
        out.append(f"### {esc(block.title)} · {esc(block.term_label)}\n")
        if not plans:
            out.append("No mentor sessions in this block.\n")
            continue
        out.append(
            "\n".join(
                f"1. {esc(when(week))}: [{esc(place.session.title)}]"
                f"({urls.relative(src, urls.session(place))}) · {minutes(place.session.minutes)}"
                for week, place in plans
            )
            + "\n"
        )
        out.append(
            pack_links(programme, year, block, ctx, src, f"Mentor pack: {esc(block.title)}, ready to print") + "\n"
        )
    training = ctx.places[programme.id].training()
    if training:  # the mentors' own strand (render/training.py), after the meetings it runs beside
        out.append(
            f"## Your mentor training\n\n{len(training)} training sessions for you as a mentor, beside these "
            f"meetings: [Mentor training]({urls.relative(src, urls.mentor_training(programme))}).\n"
        )
    return Page(src, ROLE["mentor"].page_title, "\n".join(o for o in out if o), "role", {"role": "mentor"})


def _tutor_page(programme: Programme, ctx: Context) -> Page:
    src, places = role_src(programme, "tutor"), ctx.places[programme.id]
    out = _head(
        programme,
        "tutor",
        "What to check when, block by block and week by week, from the programme's "
        "notes for induction tutors; then every training session. Mark each check as done on its page; "
        f"[Your pairs]({urls.relative(src, pairs_src(programme))}) shows several pairs at once from the "
        "progress files they saved.",
        ctx,
    )
    training = []
    for year in programme.years:
        out.append(f"## {esc(year.title)}: what to check when\n")
        training += [p for p, see in places.page_entries(year.pages) if not see and p.session.role == "tutor"]
        for block in year.blocks:
            training += [p for p, see in places.page_entries(block.pages) if not see and p.session.role == "tutor"]
            link = urls.relative(src, urls.block(programme, year, block))
            # A heading per block (under the year's h2): its summary is Markdown that may hold lists
            # and headings of its own, which a list item of the block could not keep apart from its weeks.
            out.append(f"### {esc(block.term_label)}, [{esc(block.title)}]({link})\n")
            if block.summary.get("tutor"):
                home = urls.block(programme, year, block)
                out.append(summary_markdown(block.summary["tutor"], home, src, 3, programme, ctx) + "\n")
            items = []
            for week in block.weeks:
                sessions = places.week_entries(block, week, "tutor")
                note = week.summary.get("tutor", "")
                if not note and not sessions:
                    continue
                links = ", ".join(
                    f"[{esc(p.session.title)}]({urls.relative(src, urls.session(p))})" for p, _ in sessions
                )
                items.append(
                    f"- {esc(week.label)}" + (f" ({links})" if links else "") + week_when(ctx, programme, block, week)
                )
                if note:  # inside the week's item, with a blank line after it (the next item is no continuation)
                    home = urls.week(programme, year, block, week)
                    items.append("\n" + indented(summary_markdown(note, home, src, 3, programme, ctx), 4) + "\n")
            if items and block.summary.get("tutor"):  # a paragraph between: two lists in a row would be one
                out.append("Week by week:\n")
            out.append("\n".join(items) + "\n" if items else "")
    out.append(tutor_milestones(ctx, programme, src))
    if programme.lenses:
        out.append(
            f"Which sessions have examples for each phase and subject: [Examples by phase and subject]"
            f"({urls.relative(src, urls.examples(programme))}).\n"
        )
    out.append("## Training sessions and materials\n")
    out.append(
        "\n".join(
            f"- [{esc(p.session.title)}]({urls.relative(src, urls.session(p))}) · {esc(p.year.title)}"
            f"{' · ' + esc(p.block.title) if p.block else ''} · {minutes(p.session.minutes)}"
            for p in training
        )
        + "\n"
        if training
        else "This programme has no training sessions.\n"
    )
    return Page(src, ROLE["tutor"].page_title, "\n".join(o for o in out if o), "role", {"role": "tutor"})
