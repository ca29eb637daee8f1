"""Origins: the content file each generated page is made from, to name it in build errors.

Pages made from one file (a session, a transcript) name it; the rest name the YAML file of
what they show (a programme, year, block or week). Pages made of many files (packs, prints,
coverage, frameworks) are left out: their parts are also on pages of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from induction.core import urls

if TYPE_CHECKING:  # the model is needed for its type only: a page is read without it
    from induction.check.pipeline import Checked


def page_origins(checked: Checked) -> dict[str, str]:
    """{generated page src: the content file it is made from}."""
    origins: dict[str, str] = {}
    for programme in checked.site.programmes:
        origins[urls.programme(programme)] = programme.loc.file
        for year in programme.years:
            origins[urls.year(programme, year)] = year.loc.file
            for block in year.blocks:
                origins[urls.block(programme, year, block)] = block.loc.file
                for week in block.weeks:
                    origins[urls.week(programme, year, block, week)] = week.loc.file
        for place in checked.places[programme.id].in_order():
            origins[urls.session(place)] = place.session.loc.file
        for video_id, video in programme.videos.items():
            origins[urls.video(programme, video_id)] = video.transcript_file or video.loc.file
    return origins


def page_parts(checked: Checked) -> dict[str, list[str]]:
    """{page src: the session files it holds} for the pages made of many (a week's print view, a
    block's mentor pack): a page too slow to render is named by the files it holds, the body
    that cannot be finished is one of them."""
    from induction.render.packs import pack_src, week_print_src  # render imports this module's neighbours

    parts: dict[str, list[str]] = {}
    for programme in checked.site.programmes:
        places = checked.places[programme.id]
        for year in programme.years:
            for block in year.blocks:
                plans = [p for p, _ in places.page_entries(block.pages) if p.session.is_mentor_plan]
                for week in block.weeks:
                    plans += [p for p, _ in places.week_entries(block, week, "mentor")]
                    steps = places.week_entries(block, week, "ect")
                    parts[week_print_src(programme, year, block, week)] = [p.session.loc.file for p, _ in steps]
                parts[pack_src(programme, year, block)] = [p.session.loc.file for p in plans]
    return parts
