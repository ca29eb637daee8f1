"""Context: what every page renderer reads: the checked site and the placements, computed once."""

from __future__ import annotations

from dataclasses import dataclass, field

from induction.core.model import Block, Crosswalk, Framework, Programme, Site
from induction.core.placement import Place, ProgrammePlaces
from induction.render.sequence import role_sequence
from induction.timing.schedule import Schedule


@dataclass
class Context:
    site: Site
    places: dict[str, ProgrammePlaces]
    schedules: dict[str, list[Schedule]] = field(default_factory=dict)  # programme id -> one per cohort
    site_url: str = ""  # where the site is published (MkDocs' site_url), when known: calendar subscriptions

    def framework(self, programme: Programme, block: Block | None = None) -> Framework | None:
        """The framework edition cited in `block` (its own, else the programme's); the programme's without one."""
        return self.site.frameworks.get(programme.framework_for(block))

    pdfs: dict[str, int] = field(default_factory=dict)  # printed packs published with the site: name -> bytes
    _sequences: dict[tuple[str, str], list[Place]] = field(default_factory=dict)

    def sequence(self, programme: Programme, role: str) -> list[Place]:
        """The role's one way through the programme (see induction/render/sequence.py), computed once."""
        key = (programme.id, role)
        if key not in self._sequences:
            self._sequences[key] = role_sequence(self.places[programme.id], role)
        return self._sequences[key]

    def ect_sequence(self, programme: Programme) -> list[Place]:
        """The ECT's path through the programme: block pages in their place, then every step."""
        return self.sequence(programme, "ect")


def citations(ctx: Context, framework: Framework) -> dict[str, list[Place]]:
    """Statement id -> the sessions (of every programme on this framework) whose intentions cite it,
    in programme order. One pass over all sessions: no per-statement search."""
    found: dict[str, list[Place]] = {sid: [] for sid in framework.statements}
    for programme in ctx.site.programmes:
        if framework.id not in programme.framework_ids:
            continue
        for place in ctx.places[programme.id].in_order():
            if programme.framework_for(place.block) != framework.id:
                continue
            for sid in dict.fromkeys(i.statement_id for i in place.session.intentions):
                if sid in found:
                    found[sid].append(place)
    return found


def used_frameworks(site: Site) -> list[Framework]:
    """The framework editions the programmes cite, in programme order: each gets its pages."""
    used: list[Framework] = []
    for programme in site.programmes:
        for framework_id in programme.framework_ids:
            framework = site.frameworks.get(framework_id)
            if framework and framework not in used:
                used.append(framework)
    return used


def shown_crosswalks(site: Site) -> list[Crosswalk]:
    """The crosswalks that get a side-by-side page: those whose two editions both have pages here."""
    ids = {framework.id for framework in used_frameworks(site)}
    return [c for c in site.crosswalks if c.source in ids and c.target in ids]
