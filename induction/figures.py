"""Figures: live counts from the content, for the hand-written pages (through the macros)."""
from __future__ import annotations

from .pipeline import Checked


def figures(checked: Checked) -> dict[str, int]:
    site = checked.site
    sessions = [p.session for places in checked.places.values() for p in places.in_order()]
    cited = {i.statement_id for s in sessions for i in s.intentions}
    statements = sum(len(site.frameworks[p.framework_id].statements) for p in site.programmes
                     if p.framework_id in site.frameworks)
    return {
        "programmes": len(site.programmes),
        "years": sum(len(p.years) for p in site.programmes),
        "blocks": sum(len(y.blocks) for p in site.programmes for y in p.years),
        "weeks": sum(len(b.weeks) for p in site.programmes for y in p.years for b in y.blocks),
        "sessions": len(sessions),
        "ect_steps": sum(1 for s in sessions if s.role == "ect"),
        "mentor_plans": sum(1 for s in sessions if s.role == "mentor" and s.kind == "plan"),
        "tutor_sessions": sum(1 for s in sessions if s.role == "tutor"),
        "videos": sum(len(p.videos) for p in site.programmes),
        "statements_cited": len(cited),
        "statements": statements,
    }
