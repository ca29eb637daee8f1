"""Figures: counts from the content, for the generated home page and the hand-written pages.

Counted as readers count them: a week entry for weeks 4 to 6 is three weeks, a framework's
statements are counted once however many programmes map to it, and a video counts as
transcribed only when it has a transcript.
"""

from __future__ import annotations

from induction.check.pipeline import Checked
from induction.core.model import Programme, Site
from induction.core.placement import ProgrammePlaces

_KEYS = (
    "years",
    "blocks",
    "weeks",
    "sessions",
    "ect_steps",
    "mentor_plans",
    "tutor_sessions",
    "videos",
    "videos_transcribed",
)


def programme_figures(site: Site, programme: Programme, places: ProgrammePlaces) -> dict[str, int]:
    """One programme's counts; its framework's statements and how many of them its sessions cite."""
    sessions = [p.session for p in places.in_order()]
    framework = site.frameworks.get(programme.framework_id)
    cited = {
        i.statement_id
        for place in places.in_order()
        for i in place.session.intentions
        if programme.framework_for(place.block) == programme.framework_id
    }  # not a block on another edition
    return {
        "years": len(programme.years),
        "blocks": sum(len(y.blocks) for y in programme.years),
        "weeks": sum(b.week_count for y in programme.years for b in y.blocks),
        "sessions": len(sessions),
        "ect_steps": sum(1 for s in sessions if s.role == "ect"),
        "mentor_plans": sum(1 for s in sessions if s.is_mentor_plan),
        "tutor_sessions": sum(1 for s in sessions if s.role == "tutor"),
        "videos": len(programme.videos),
        "videos_transcribed": sum(1 for v in programme.videos.values() if v.transcript.strip()),
        "statements_cited": len(cited & set(framework.statements)) if framework else 0,
        "statements": len(framework.statements) if framework else 0,
    }


def figures(checked: Checked) -> dict[str, int]:
    """The whole site's counts: sums over programmes, statements once per framework."""
    site = checked.site
    each = [programme_figures(site, p, checked.places[p.id]) for p in site.programmes]
    totals = {key: sum(f[key] for f in each) for key in _KEYS}
    frameworks = {
        fid: site.frameworks[fid] for p in site.programmes for fid in p.framework_ids if fid in site.frameworks
    }
    cited = {
        (p.framework_for(place.block), i.statement_id)
        for p in site.programmes
        for place in checked.places[p.id].in_order()
        for i in place.session.intentions
        if p.framework_for(place.block) in frameworks
    }
    totals["statements"] = sum(len(f.statements) for f in frameworks.values())
    totals["statements_cited"] = sum(1 for fid, sid in cited if sid in frameworks[fid].statements)
    totals["programmes"] = len(site.programmes)
    return totals
