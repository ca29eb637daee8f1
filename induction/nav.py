"""Nav: the site's navigation tree, programme -> year -> block -> week -> sessions.

Returned in the form of MkDocs' `nav` setting (lists of {title: path}), so an adapter for
another builder can translate it without knowing the model.
"""
from __future__ import annotations

from typing import Any

from . import urls
from .formats import ROLES
from .placement import ProgrammePlaces
from .render.packs import pack_src
from .render.roles import ROLE_PAGES, role_src

NavItem = Any


def _entries(places: ProgrammePlaces, refs: list) -> list[NavItem]:
    return [{place.session.title: urls.session(place)} for place, see in places.page_entries(refs) if not see]


def build_nav(site, all_places: dict[str, ProgrammePlaces]) -> list[NavItem]:
    nav: list[NavItem] = []
    for programme in site.programmes:
        places = all_places[programme.id]
        # The roles first: each has its own starting page (induction/render/roles.py).
        years: list[NavItem] = [urls.programme(programme)] + [
            {title: role_src(programme, role)} for role, (_, title) in ROLE_PAGES.items()]
        for year in programme.years:
            items: list[NavItem] = [urls.year(programme, year)] + _entries(places, year.pages)
            for block in year.blocks:
                block_items: list[NavItem] = [urls.block(programme, year, block)] + _entries(places, block.pages)
                for week in block.weeks:
                    week_items: list[NavItem] = [urls.week(programme, year, block, week)]
                    for role in ROLES:
                        week_items += [{place.session.title: urls.session(place)}
                                       for place, see in places.week_entries(block, week, role) if not see]
                    block_items.append({f"{week.label}: {week.title}": week_items})
                if any(places.week_entries(block, w, "mentor") for w in block.weeks):
                    block_items.append({"Mentor pack (print)": pack_src(programme, year, block)})
                items.append({block.title: block_items})
            years.append({year.title: items})
        if site.frameworks.get(programme.framework_id):
            years.append({"Coverage": urls.coverage(programme)})
        nav.append({programme.title: years})
    used = []
    for programme in site.programmes:
        framework = site.frameworks.get(programme.framework_id)
        if framework and framework not in used:
            used.append(framework)
    for framework in used:
        nav.append({framework.title: [urls.framework(framework)] + [
            {f"{s.number}. {s.title}": urls.standard(framework, s.number)} for s in framework.standards]})
    return nav
