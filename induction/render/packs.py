"""Packs: a block's mentor pack (a cover and every mentor plan of the block, each on a new page
when printed) and a week's print view for ECTs (every step of the week on one page, transcripts
included as text). Stage four of the flow, like every renderer: Markdown from the checked model.

Both reuse `render_session` with `embedded=True`, so a plan in a pack is the plan on its own
page, less what only a page of its own needs. `docs/stylesheets/print.css` does the paper side:
the cover and each plan start a new page.
"""

from __future__ import annotations

import os

from induction.check.routes import entry_routes
from induction.core import urls
from induction.core.model import Block, Programme, Site, Week, Year
from induction.core.placement import Place

from .context import Context
from .routes import route_note, route_totals
from .sessions import print_action, render_session, session_caption
from .summaries import summary_markdown
from .text import NOT_SEARCHED, Page, attr, caption, demote_headings, esc, front_matter, minutes


def pack_src(programme: Programme, year: Year, block: Block) -> str:
    return urls.block(programme, year, block).replace("index.md", "mentor-pack.md")


def pack_pdf_name(programme: Programme, block: Block) -> str:
    """The file `make pdf` (scripts/pdf.py) writes for a block's pack."""
    return f"{programme.id}-{block.id}-mentor-pack.pdf"


def pack_pdf_src(programme: Programme, year: Year, block: Block) -> str:
    """Where a printed pack is published beside its page, when `make pdf` has printed it."""
    return urls.block(programme, year, block).replace("index.md", pack_pdf_name(programme, block))


def printed_packs(site: Site, folder: str) -> dict[str, tuple[str, str, int]]:
    """The packs `make pdf` has printed into `folder`: file name -> (where it is published, its path,
    its size in bytes). Only files named for a block of this site count."""
    found = {}
    for programme in site.programmes:
        for year in programme.years:
            for block in year.blocks:
                path = os.path.join(folder, pack_pdf_name(programme, block))
                if os.path.isfile(path):
                    found[pack_pdf_name(programme, block)] = (
                        pack_pdf_src(programme, year, block),
                        path,
                        os.path.getsize(path),
                    )
    return found


def pack_links(programme: Programme, year: Year, block: Block, ctx: Context, src: str, label: str) -> str:
    """The link to a block's pack, and to its PDF when one is published (ctx.pdfs: name -> bytes)."""
    text = f"[{label}]({urls.relative(src, pack_src(programme, year, block))})"
    size = ctx.pdfs.get(pack_pdf_name(programme, block))
    if size is not None:
        text += (
            f" · [the same pack as a PDF ({round(size / 1024)} KB)]"
            f"({urls.relative(src, pack_pdf_src(programme, year, block))})"
        )
    return text


def week_print_src(programme: Programme, year: Year, block: Block, week: Week) -> str:
    return urls.week(programme, year, block, week).replace("index.md", "print.md")


def _strip_front_matter(markdown: str) -> str:
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        return markdown[end + 5 :] if end >= 0 else markdown
    return markdown


def _embedded(place: Place, ctx: Context, src: str, sequence: list[Place] | None = None) -> str:
    """A session's page as part of another page: no front matter, headings one level down."""
    body = _strip_front_matter(render_session(place, ctx, sequence or [], src, embedded=True).markdown)
    return demote_headings(body, 1)


def mentor_plans(block: Block, ctx: Context, programme: Programme) -> list[tuple[Week | None, Place, bool]]:
    """The block's mentor sessions: its own mentor plans for every week first (week None), then each
    week's in order; `see:` entries too, since the meeting needs them."""
    places = ctx.places[programme.id]
    whole = [(None, place, see) for place, see in places.page_entries(block.pages) if place.session.is_mentor_plan]
    return whole + [
        (week, place, see) for week in block.weeks for place, see in places.week_entries(block, week, "mentor")
    ]


def when(week: Week | None) -> str:
    """Which meeting a plan is for, as a pack's contents and the mentors' page list it."""
    return week.label if week is not None else "Any week of the block"


def render_mentor_pack(programme: Programme, year: Year, block: Block, ctx: Context) -> Page | None:
    plans = mentor_plans(block, ctx, programme)
    if not plans:
        return None
    src = pack_src(programme, year, block)
    title = f"Mentor pack: {block.title}"
    total = sum(place.session.minutes for _, place, _ in plans)
    count = f"{len(plans)} mentor session {'plan' if len(plans) == 1 else 'plans'}"
    out = [
        front_matter(title, ect_kind="mentor-pack", search=NOT_SEARCHED),
        '<section class="ect-pack-cover" markdown="1">\n',
        caption(programme.title, year.title, block.term_label),
        f"# {esc(title)}\n",
        f'<p class="ect-meta">{count} · {minutes(total)} in all</p>\n',
        print_action("Print this pack"),
    ]
    if block.summary.get("mentor"):  # on the cover, under the pack's h1
        home = urls.block(programme, year, block)
        out.append(summary_markdown(block.summary["mentor"], home, src, 1, programme, ctx) + "\n")
    out.append("## Contents\n")
    # Anchors by position, not by session id: a plan may be listed twice in a block (`see:`).
    for index, (week, place, see) in enumerate(plans, 1):
        where = (
            f" (from {esc(place.block.title)})" if see and place.block is not None and place.block is not block else ""
        )
        out.append(
            f"{index}. {when(week)}: [{esc(place.session.title)}](#plan-{index}) · "
            f"{minutes(place.session.minutes)}{where}"
        )
    out.append("\n</section>\n")
    for index, (_, place, _) in enumerate(plans, 1):
        out.append(
            f'<article class="ect-pack-plan" id="plan-{index}" markdown="1">\n\n'
            f"{_embedded(place, ctx, src)}\n\n</article>\n"
        )
    return Page(src, title, "\n".join(out), "mentor-pack", {"block": block.id})


def render_week_print(programme: Programme, year: Year, block: Block, week: Week, ctx: Context) -> Page | None:
    steps = ctx.places[programme.id].week_entries(block, week, "ect")
    if not steps:
        return None
    src = week_print_src(programme, year, block, week)
    title = f"{week.heading} (all steps)"
    total = sum(place.session.minutes for place, _ in steps)
    count = f"{len(steps)} {'step' if len(steps) == 1 else 'steps'}"
    back = urls.relative(src, urls.week(programme, year, block, week))
    out = [
        front_matter(title, ect_kind="week-print", search=NOT_SEARCHED),
        caption(year.title, block.term_label, block.title),
        f"# {esc(title)}\n",
        f'<p class="ect-meta">{count} · {minutes(total)}</p>\n'
        if not block.routes
        # else a total per route
        else f'<p class="ect-meta">{count} across {len(block.routes)} routes</p>\n',
        route_totals(block, [place for place, _ in steps]),  # one line per route, for routes.js
        print_action("Print this week"),
        f'<p class="ect-print-hide" markdown="1">[Back to the week page]({back})</p>\n',
        route_note(programme, year, block, src),
    ]
    sequence = [place for place, _ in steps]
    for place, _ in steps:
        # The page's caption already says where the week sits; each step says which step it is.
        body = _embedded(place, ctx, src, sequence).replace(session_caption(place), "", 1)
        # Transcripts are part of the text here: open on screen, printed in full.
        body = body.replace('<details class="ect-transcript"', '<details open class="ect-transcript"')
        routes = entry_routes(block, place)  # a route-only step: routes.js leaves it out of another route's print
        marks = f' data-ect-routes="{attr(" ".join(routes))}"' if routes else ""
        out.append(f'<article class="ect-week-step"{marks} markdown="1">\n\n{body.strip()}\n\n</article>\n')
    return Page(src, title, "\n".join(out), "week-print", {"block": block.id, "week": week.slug})
