"""Placement: where each session lives in its programme (year, block, week, role) and in what order.

Computed once from the model, in programme order; checks and rendering read it. A session's
home is the one list that names it without `see:`; `see:` entries become references.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from induction.core.model import Block, Programme, Session, SessionRef, Week, Year
from induction.core.problems import Problems, did_you_mean


@dataclass
class Place:
    programme: Programme
    year: Year
    block: Block | None
    week: Week | None
    role: str  # the week's role list, "page" for block- and year-level pages, or TRAINING
    session: Session
    order: int


# The role of a place in a year's mentor_training: the mentors' own training, a strand of its own.
TRAINING = "mentor-training"


@dataclass
class Reference:
    """A `see:` entry: shown in `week` (or among a block's or year's pages), pointing at `target`."""

    place: Place  # where the reference is listed (its `session` is the target)
    ref: SessionRef


@dataclass
class ProgrammePlaces:
    programme: Programme
    homes: dict[str, Place] = field(default_factory=dict)  # session id -> home
    references: list[Reference] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # listed ids that name no session

    def training(self) -> list[Place]:
        """The mentors' own training sessions, year by year in their order: their one sequence."""
        return [place for place in self.in_order() if place.role == TRAINING]

    def in_order(self) -> list[Place]:
        return sorted(self.homes.values(), key=lambda place: place.order)

    def week_entries(self, block: Block, week: Week, role: str) -> list[tuple[Place, bool]]:
        """A week's sessions of one role, in order: (home place, is it a reference)."""
        return self.page_entries(week.roles.get(role, []))

    def page_entries(self, refs: list[SessionRef]) -> list[tuple[Place, bool]]:
        return [(place, ref.see) for place, ref in self.listed(refs)]

    def listed(self, refs: list[SessionRef]) -> list[tuple[Place, SessionRef]]:
        """The entries of a list as its page shows them: each session's home and the entry (its label)."""
        return [(self.homes[r.session_id], r) for r in refs if r.session_id in self.homes]


def place_programme(programme: Programme, problems: Problems) -> ProgrammePlaces:
    places = ProgrammePlaces(programme)
    pending: list[tuple[SessionRef, Year, Block | None, Week | None, str]] = []
    order = 0

    def visit(refs: list[SessionRef], year: Year, block: Block | None, week: Week | None, role: str) -> None:
        nonlocal order
        for ref in refs:
            session = programme.sessions.get(ref.session_id)
            if session is None:
                if ref.session_id in programme.unread:  # its file failed to load and says so itself
                    continue
                places.missing.append(ref.session_id)
                problems.unknown("session", ref.session_id, programme.sessions, ref.loc.file, ref.loc.line)
                continue
            if role == TRAINING and (session.role, session.kind) != ("mentor", "training"):
                continue  # reported by mentor_training.training_is_its_own_strand; its home is elsewhere
            if ref.see:
                pending.append((ref, year, block, week, role))
                continue
            if session.id in places.homes:
                first = places.homes[session.id]
                problems.add(
                    "listed-twice",
                    ref.loc.file,
                    ref.loc.line,
                    f"The session '{session.id}' is already listed in {_where(first)}.",
                    f"Write 'see: {session.id}' here to point at it instead.",
                )
                continue
            order += 1
            places.homes[session.id] = Place(programme, year, block, week, role, session, order)

    for year in programme.years:
        visit(year.pages, year, None, None, "page")
        visit(year.mentor_training, year, None, None, TRAINING)
        for block in year.blocks:
            visit(block.pages, year, block, None, "page")
            for week in block.weeks:
                for role, refs in week.roles.items():
                    visit(refs, year, block, week, role)
    for ref, year, ref_block, ref_week, role in pending:
        home = places.homes.get(ref.session_id)
        if home is None and (ref.session_id in programme.unread or did_you_mean(ref.session_id, places.missing)):
            continue  # its home entry is misspelt (reported there) or its file failed to load
        if home is None:
            problems.add(
                "see-cycle",
                ref.loc.file,
                ref.loc.line,
                f"'see: {ref.session_id}' points at a session that is only ever referred to, never listed.",
                f"List '{ref.session_id}' once without 'see:'.",
            )
            continue
        place = Place(programme, year, ref_block, ref_week, role, home.session, home.order)
        places.references.append(Reference(place, ref))
    return places


def _where(place: Place) -> str:
    if place.week and place.block:
        return f"{place.block.id}, {place.week.label.lower()}"
    if place.block:
        return f"the pages of {place.block.id}"
    if place.role == TRAINING:
        return f"the mentor training of {place.year.id}"
    return f"the pages of {place.year.id}"
