"""Packs: a block's mentor pack (a cover and every mentor plan of the block, each on a new page
when printed) and a week's print view for ECTs (every step of the week on one page).
"""
from __future__ import annotations

from .. import urls
from ..model import Block, Programme, Week, Year
from .context import Context
from .sessions import render_session
from .text import Page, caption, demote_headings, esc, front_matter, minutes


def pack_src(programme: Programme, year: Year, block: Block) -> str:
    return urls.block(programme, year, block).replace("index.md", "mentor-pack.md")


def week_print_src(programme: Programme, year: Year, block: Block, week: Week) -> str:
    return urls.week(programme, year, block, week).replace("index.md", "print.md")


def _strip_front_matter(markdown: str) -> str:
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        return markdown[end + 5:] if end >= 0 else markdown
    return markdown


def render_mentor_pack(programme: Programme, year: Year, block: Block, ctx: Context) -> Page | None:
    places = ctx.places[programme.id]
    plans = [(week, place) for week in block.weeks for place, see in places.week_entries(block, week, "mentor")
             if not see]
    if not plans:
        return None
    src = pack_src(programme, year, block)
    title = f"Mentor pack: {block.title}"
    out = [front_matter(title, ect_kind="mentor-pack"),
           '<section class="ect-pack-cover" markdown="1">\n',
           caption(programme.title, year.title, block.term_label), f"# {esc(title)}\n",
           f"{len(plans)} mentor session plans, {minutes(sum(p.session.minutes for _, p in plans))} in all.\n"]
    if block.summary.get("mentor"):
        out.append(block.summary["mentor"].strip() + "\n")
    out.append("## Contents\n")
    out += [f"1. {week.label}: {esc(place.session.title)} ({minutes(place.session.minutes)})" for week, place in plans]
    out.append("\n</section>\n")
    for _, place in plans:
        body = _strip_front_matter(render_session(place, ctx, [], src).markdown)
        body = body.replace('<p class="ect-print-action"><button type="button" class="md-button ect-print-button" '
                            'data-ect-print>Print this plan</button></p>\n', "")
        out.append(f'<article class="ect-pack-plan" markdown="1">\n\n{demote_headings(body, 1)}\n\n</article>\n')
    return Page(src, title, "\n".join(out), "mentor-pack", {"block": block.id})


def render_week_print(programme: Programme, year: Year, block: Block, week: Week, ctx: Context) -> Page | None:
    places = ctx.places[programme.id]
    steps = places.week_entries(block, week, "ect")
    if not steps:
        return None
    src = week_print_src(programme, year, block, week)
    title = f"{week.label}: {week.title} (all steps)"
    total = sum(place.session.minutes for place, _ in steps)
    out = [front_matter(title, ect_kind="week-print"), caption(year.title, block.term_label, block.title),
           f"# {esc(title)}\n", f'<p class="ect-meta">{len(steps)} steps · {minutes(total)}</p>\n']
    for place, _ in steps:
        body = _strip_front_matter(render_session(place, ctx, [], src).markdown)
        body = body.replace('<details class="ect-transcript"', '<details open class="ect-transcript"')
        out.append(f'<article class="ect-week-step" markdown="1">\n\n{demote_headings(body, 1)}\n\n</article>\n')
    return Page(src, title, "\n".join(out), "week-print", {"block": block.id, "week": week.slug})
