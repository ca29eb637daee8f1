"""Render: every generated page as Markdown, from the checked model (after check, before publish).

Pure functions of the model: no MkDocs, no file writing. The MkDocs adapter turns these pages
into files; the export script writes them to disk; tests read them directly.
"""

from __future__ import annotations

from induction.check.coverage import compute as compute_coverage
from induction.check.pipeline import Checked
from induction.core.model import Programme
from induction.core.placement import TRAINING

from .context import Context, shown_crosswalks, used_frameworks
from .editions import beside_pages, render_editions
from .examples_report import render_examples_report
from .frameworks import render_framework_pages
from .glance import render_glance_pages
from .kept import Kept
from .matrix import render_matrix
from .packs import render_mentor_pack, render_week_print
from .roles import render_role_pages
from .routes import render_diagnostic
from .sessions import render_session
from .site_pages import render_site_pages
from .structure import render_block, render_programme, render_transcript, render_year
from .text import Page
from .training import render_training_pages
from .week import render_week

__all__ = ["Page", "render_site", "programme_pages", "Context", "Kept"]


def render_site(
    checked: Checked, pdfs: dict[str, int] | None = None, site_url: str = "", kept: Kept | None = None
) -> list[Page]:
    """Every page; `pdfs` (file name -> bytes) names the printed packs published with the site,
    `site_url` is its address when known; `kept`, a live preview's pages of each programme from its
    last build, reused where nothing they are made from changed."""
    ctx = Context(checked.site, checked.places, schedules=checked.schedules, pdfs=dict(pdfs or {}), site_url=site_url)
    pages: list[Page] = render_site_pages(ctx)
    for programme in checked.site.programmes:
        if kept is None:
            pages += programme_pages(programme, ctx)
        else:
            pages += kept.pages(programme, ctx, programme_pages)
    for framework in used_frameworks(ctx.site):
        pages += render_framework_pages(framework, ctx)
    pages += [render_editions(crosswalk, ctx) for crosswalk in shown_crosswalks(checked.site)]
    return pages


def programme_pages(programme: Programme, ctx: Context) -> list[Page]:
    """The pages of one programme: made from it and the site's own files (its frameworks,
    crosswalks, calendars, provider), never from another programme (render/kept.py relies on it)."""
    places = ctx.places[programme.id]
    pages = [render_programme(programme, ctx)]
    pages += render_role_pages(programme, ctx)
    pages += render_glance_pages(programme, ctx)  # each cohort's year at a glance, for the tutor
    for year in programme.years:
        pages.append(render_year(programme, year, ctx))
        for block in year.blocks:
            pages.append(render_block(programme, year, block, ctx))
            diagnostic = render_diagnostic(programme, year, block, ctx)
            if diagnostic:
                pages.append(diagnostic)
            for week in block.weeks:
                pages.append(render_week(programme, year, block, week, ctx))
                week_print = render_week_print(programme, year, block, week, ctx)
                if week_print:
                    pages.append(week_print)
            pack = render_mentor_pack(programme, year, block, ctx)
            if pack:
                pages.append(pack)
    pages += [
        render_session(
            place, ctx, places.training() if place.role == TRAINING else ctx.sequence(programme, place.session.role)
        )
        for place in places.in_order()
    ]
    pages += render_training_pages(programme, ctx) + render_examples_report(programme, ctx)
    pages += [
        render_transcript(programme, video_id, ctx) for video_id, video in programme.videos.items() if video.transcript
    ]  # a video published without one gets no page pretending to be one
    for framework in filter(None, map(ctx.site.frameworks.get, programme.framework_ids)):
        pages.append(render_matrix(compute_coverage(programme, framework, places), beside_pages(ctx, framework)))
    return pages
