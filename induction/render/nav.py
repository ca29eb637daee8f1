"""Nav: the site's navigation tree, programme -> year -> block -> week -> sessions.

Returned in the form of MkDocs' `nav` setting (lists of {title: path}), so an adapter for
another builder can translate it without knowing the model.
"""

from __future__ import annotations

import math
from typing import Any

from induction.core import urls
from induction.core.formats import ROLE, ROLES
from induction.core.model import Block, Programme, Site, Week, Year
from induction.core.placement import ProgrammePlaces
from induction.render.context import shown_crosswalks, used_frameworks
from induction.render.editions import edition_name
from induction.render.packs import pack_src
from induction.render.roles import pairs_src, role_src
from induction.render.routes import diagnostic_src, diagnostic_title

NavItem = Any


def _entries(places: ProgrammePlaces, refs: list) -> list[NavItem]:
    return [{place.session.title: urls.session(place)} for place, see in places.page_entries(refs) if not see]


# A block with more weeks than this has them in groups ("Weeks 1 to 32"): Material renders every
# sibling of the page's path, so 1,000 weeks side by side would put 1,000 entries in every page.
GROUP_ABOVE = 24


def _week_items(places: ProgrammePlaces, programme: Programme, year: Year, block: Block, week: Week) -> list[NavItem]:
    items: list[NavItem] = [urls.week(programme, year, block, week)]
    for role in ROLES:
        items += [
            {place.session.title: urls.session(place)}
            for place, see in places.week_entries(block, week, role)
            if not see
        ]
    return items


def _grouped(entries: list[NavItem], weeks: list[Week]) -> list[NavItem]:
    """Week entries as they are, or in about sqrt(n) groups of about sqrt(n) weeks each, so that any
    page's navigation holds O(sqrt(n)) entries of its block, not n."""
    if len(entries) <= GROUP_ABOVE:
        return entries
    size = math.ceil(math.sqrt(len(entries)))
    groups = []
    for start in range(0, len(entries), size):
        first, last = weeks[start], weeks[min(start + size, len(weeks)) - 1]
        groups.append({f"Weeks {first.first} to {last.last}": entries[start : start + size]})
    return groups


def _role_item(places: ProgrammePlaces, programme: Programme, role: str) -> NavItem:
    """A role's starting page; a section holding it and more where the role has more: the mentors'
    own training strand, the tutor's "Your pairs" (saved progress files, read in the browser)."""
    page = {ROLE[role].page_title: role_src(programme, role)}
    more: list[NavItem] = []
    training = places.training() if role == "mentor" else []
    if training:
        more.append(
            {
                "Mentor training": [urls.mentor_training(programme)]
                + [{p.session.title: urls.session(p)} for p in training]
            }
        )
    if role == "tutor":
        more.append({"Your pairs": pairs_src(programme)})
    return {ROLE[role].page_title: [page, *more]} if more else page


def build_nav(site, all_places: dict[str, ProgrammePlaces]) -> list[NavItem]:
    nav: list[NavItem] = []
    for programme in site.programmes:
        places = all_places[programme.id]
        # The roles first: each has its own starting page (induction/render/roles.py).
        years: list[NavItem] = [urls.programme(programme)] + [
            _role_item(places, programme, role.id) for role in ROLE.values()
        ]
        for year in programme.years:
            items: list[NavItem] = [urls.year(programme, year)] + _entries(places, year.pages)
            for block in year.blocks:
                block_items: list[NavItem] = [urls.block(programme, year, block)] + _entries(places, block.pages)
                if block.routes:  # the diagnostic before the weeks whose steps it chooses
                    block_items.insert(1, {diagnostic_title(block): diagnostic_src(programme, year, block)})
                weeks = [{week.heading: _week_items(places, programme, year, block, week)} for week in block.weeks]
                block_items += _grouped(weeks, block.weeks)
                if any(places.week_entries(block, w, "mentor") for w in block.weeks):
                    block_items.append({"Mentor pack (print)": pack_src(programme, year, block)})
                items.append({block.title: block_items})
            years.append({year.title: items})
        editions = [site.frameworks[f] for f in programme.framework_ids if f in site.frameworks]
        years += [
            {
                "Coverage"
                if framework.id == programme.framework_id
                else f"Coverage: {edition_name(framework)}": urls.coverage(programme, framework)
            }
            for framework in editions
        ]
        if programme.lenses:
            years.append({"Examples by phase and subject": urls.examples(programme)})
        nav.append({programme.title: years})
    nav += _framework_sections(site)
    return nav


def _framework_sections(site: Site) -> list[NavItem]:
    """A section per framework edition in use: its index, its standards, and the pages showing it
    beside another edition. Two editions of one title are told apart by their edition."""
    used = used_frameworks(site)
    titles = [framework.title for framework in used]
    sections = []
    for framework in used:
        beside: list[NavItem] = [
            {f"Beside {edition_name(site.frameworks[c.source])}": urls.editions(framework, site.frameworks[c.source])}
            for c in shown_crosswalks(site)
            if c.target == framework.id
        ]
        title = edition_name(framework) if titles.count(framework.title) > 1 else framework.title
        sections.append(
            {
                title: [urls.framework(framework)]
                + [{f"{s.number}. {s.title}": urls.standard(framework, s.number)} for s in framework.standards]
                + beside
            }
        )
    return sections
