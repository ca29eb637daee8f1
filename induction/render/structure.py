"""Structure: the pages that hold the programme together: programme, year, block, week, transcript.

The week page is the one ECTs and mentors open every week: per role, what to do, in what order
and how long it takes, with the week's learning intentions and its neighbours.
"""

from __future__ import annotations

from induction.core import urls
from induction.core.formats import ROLE, ROLES
from induction.core.model import Block, Programme, SessionRef, Year
from induction.core.placement import Place
from induction.core.problems import plural

from ..body import read
from . import dates
from .context import Context
from .media import host_name
from .packs import pack_links
from .progress import progress_counts
from .roles import role_src
from .routes import diagnostic_src, diagnostic_title, route_note, route_times
from .summaries import summary_markdown
from .text import (
    NOT_SEARCHED,
    Page,
    caption,
    esc,
    front_matter,
    minutes,
    sequential_headings,
)
from .thisweek import this_week_panel
from .week import entry_line


def _page_lists(pages: list[tuple[Place, SessionRef]], src: str, heading: str) -> str:
    """A year's or block's own pages; training sessions under a heading of their own (they are the
    induction tutor's, not pages every reader opens)."""
    out = []
    for title, chosen in (
        (heading, [e for e in pages if e[0].session.kind != "training"]),
        ("## Training sessions", [e for e in pages if e[0].session.kind == "training"]),
    ):
        if chosen:
            out.append(f"{title}\n\n" + "\n".join(f"- {entry_line(p, ref, src)}" for p, ref in chosen) + "\n")
    return "\n".join(out)


def render_programme(programme: Programme, ctx: Context) -> Page:
    src = urls.programme(programme)
    framework = ctx.framework(programme)
    out = [front_matter(programme.title), caption(programme.provider or "Programme"), f"# {esc(programme.title)}\n"]
    if programme.summary:
        out.append(summary_markdown(programme.summary, src, src, 1, programme, ctx) + "\n")
    out.append(
        "Start here: "
        + " · ".join(
            f"[{title}]({urls.relative(src, role_src(programme, role))})"
            for role, title in ((r.id, r.page_title) for r in ROLE.values())
        )
        + "\n"
    )
    for year in programme.years:
        out.append(f"## [{esc(year.title)}]({urls.relative(src, urls.year(programme, year))})\n")
        if year.summary:  # the year page's own summary, repeated as an overview (marked: see conservation)
            overview = summary_markdown(year.summary, urls.year(programme, year), src, 2, programme, ctx)
            out.append(f'<div class="ect-overview" markdown="1">\n\n{overview}\n\n</div>\n')
        items = [
            f"- [{esc(b.title)}]({urls.relative(src, urls.block(programme, year, b))}) · {esc(b.term_label)}"
            f" · {plural(b.week_count, 'week')}"
            for b in year.blocks
        ]
        out.append("\n".join(items) + "\n")
    out.append(this_week_panel(ctx, programme, src))  # this week's work, computed in the browser
    out.append(dates.programme_dates(ctx, programme))  # cohorts and training events (none without a calendar)
    if framework:
        out.append("## Framework\n")
        out.append(
            f"This programme maps to the [{esc(framework.title)}]"
            f"({urls.relative(src, urls.framework(framework))}). "
            f"See the [coverage of its statements]({urls.relative(src, urls.coverage(programme))}).\n"
        )
    return Page(src, programme.title, "\n".join(out), "programme", {"programme": programme.id})


def render_year(programme: Programme, year: Year, ctx: Context) -> Page:
    src = urls.year(programme, year)
    places = ctx.places[programme.id]
    out = [front_matter(year.title), caption(programme.title), f"# {esc(year.title)}\n"]
    if year.summary:
        out.append(summary_markdown(year.summary, src, src, 1, programme, ctx) + "\n")
    out.append(_page_lists(places.listed(year.pages), src, "## Year pages"))
    out.append("## Blocks\n")
    out.append("| Block | Term | Weeks |\n| --- | --- | --- |")
    for block in year.blocks:
        link = urls.relative(src, urls.block(programme, year, block))
        out.append(f"| [{esc(block.title)}]({link}) | {esc(block.term_label)} | {block.week_count} |")
    out.append(dates.year_dates(ctx, programme, year))  # the blocks' dates per cohort
    out.append(progress_counts([p for p in places.in_order() if p.year is year]))  # filled by progress.js
    return Page(src, year.title, "\n".join(o for o in out if o) + "\n", "year", {"year": year.id})


def render_block(programme: Programme, year: Year, block: Block, ctx: Context) -> Page:
    src = urls.block(programme, year, block)
    places = ctx.places[programme.id]
    out = [front_matter(block.title), caption(year.title, block.term_label), f"# {esc(block.title)}\n"]
    if block.routes:  # the diagnostic comes first: it decides which steps of every week are the ECT's
        link = urls.relative(src, diagnostic_src(programme, year, block))
        out.append(f"[{esc(diagnostic_title(block))}]({link}){{ .md-button }}\n")
        out.append(route_note(programme, year, block, src))
    for role in ROLES:
        if block.summary.get(role):
            text = summary_markdown(block.summary[role], src, src, 2, programme, ctx)
            out.append(f"## {ROLE[role].page_title}\n\n{text}\n")
    out.append(_page_lists(places.listed(block.pages), src, "## Block pages"))
    out.append("## Weeks\n")
    # In a wrapper that stacks each row as a card on a phone (docs/stylesheets/induction.css).
    out.append('<div class="ect-stack ect-stack--weeks" markdown="1">\n')
    out.append("| Week | Title | ECT | Mentor | Induction tutor |\n| --- | --- | --- | --- | --- |")
    for week in block.weeks:
        link = urls.relative(src, urls.week(programme, year, block, week))
        cells = []
        for role in ROLES:
            entries = places.week_entries(block, week, role)
            if role == "ect" and entries and block.routes:  # the ECT's time on each route, marked for routes.js
                cells.append(route_times(block, [p for p, _ in entries]))
                continue
            cells.append(minutes(sum(p.session.minutes for p, _ in entries)) if entries else "–")
        out.append(f"| {week.label} | [{esc(week.title)}]({link}) | " + " | ".join(cells) + " |")
    out.append("\n</div>\n")
    if any(places.week_entries(block, w, "mentor") for w in block.weeks):
        out.append(
            "\n"
            + pack_links(programme, year, block, ctx, src, "All mentor session plans of this block, ready to print")
        )
    out.append(dates.block_dates(ctx, programme, year, block))  # the weeks' dates per cohort
    out.append(progress_counts([p for p in places.in_order() if p.block is block]))  # filled by progress.js
    return Page(src, block.title, "\n".join(o for o in out if o) + "\n", "block", {"block": block.id})


def shows(body: str) -> set[str]:
    """The ids of the videos a body shows, as the shortcode scan reads them (any spacing or quotes)."""
    return {code.arg for code in read(body).shortcodes if code.name == "video"}


def render_transcript(programme: Programme, video_id: str, ctx: Context) -> Page:
    video = programme.videos[video_id]
    src = urls.video(programme, video_id)
    used = [p for p in ctx.places[programme.id].in_order() if video_id in shows(p.session.body)]
    out = [
        front_matter(f"Transcript: {video.title}", search=NOT_SEARCHED),
        caption(programme.title, "Video transcript"),
        f"# Transcript: {esc(video.title)}\n",
        f'<p class="ect-meta">Video{" · " + video.duration if video.seconds else ""}</p>\n',
        f"[Watch “{esc(video.title)}” on {esc(host_name(video.url))}]({video.url})"
        + (f" · [Audio-described version]({video.audio_described})" if video.audio_described else "")
        + "\n",
        sequential_headings(video.transcript.strip()) + "\n",
    ]  # under the h1, whatever level it starts at
    if used:
        out.append(
            "## Used in\n\n"
            + "\n".join(f"- [{esc(p.session.title)}]({urls.relative(src, urls.session(p))})" for p in used)
            + "\n"
        )
    return Page(src, f"Transcript: {video.title}", "\n".join(out), "transcript", {"video": video_id})
