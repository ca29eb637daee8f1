"""Routes: the ways an ECT may take through a block (core, stretch, secure) and the diagnostic that
points each ECT to one (check stage; the renderer reads `entry_routes`).

A block declares its routes; a session names the routes it belongs to (none: every route); a
diagnostic's answers (or checklist items) each point to a route. The ECT's route is chosen in the
browser (docs/javascripts/routes.js) and never leaves it; the site itself publishes every route's
steps, each labelled, so that a reader without JavaScript reaches them all. These checks make sure
the choice always leads somewhere: every name is a declared route, every route is reachable from
the diagnostic, and every week with steps has some for each route.
"""

from __future__ import annotations

from induction.core.model import Block, Programme, Route
from induction.core.placement import Place, ProgrammePlaces
from induction.core.problems import Problems, did_you_mean


def entry_routes(block: Block | None, place: Place) -> list[str]:
    """The ids of `block`'s routes a listed session is on, in the block's order; [] when it is on
    every route (it names none, the block has none, or it is listed here from another block, whose
    routes are not this block's)."""
    if block is None or not block.routes or not place.session.routes or place.block is not block:
        return []
    ids = [route.id for route in block.routes if route.id in place.session.routes]
    return [] if len(ids) == len(block.routes) else ids


def route_labels(block: Block, ids: list[str]) -> str:
    """'Stretch', or 'Core and Stretch': how a step's routes are named on its pages."""
    labels = [route.label for route in block.routes if route.id in ids]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def routes_are_sound(programme: Programme, places: ProgrammePlaces, problems: Problems) -> None:
    for block in programme.blocks.values():
        route_ids_are_unique(block, problems)
        diagnostic_points_to_routes(block, problems)
    for place in places.homes.values():
        session_routes_are_declared(place, problems)
    for year in programme.years:
        for block in year.blocks:
            weeks_serve_every_route(block, places, problems)


def route_ids_are_unique(block: Block, problems: Problems) -> None:
    seen: set[str] = set()
    for route in block.routes:
        if route.id in seen:
            problems.add(
                "duplicate-id",
                route.loc.file,
                route.loc.line,
                f"The route id '{route.id}' is used twice in the block '{block.id}'.",
                "Give each route its own id.",
            )
        seen.add(route.id)


def _declared(block: Block) -> str:
    return ", ".join(route.id for route in block.routes)


def diagnostic_points_to_routes(block: Block, problems: Problems) -> None:
    diagnostic = block.diagnostic
    if diagnostic is None:
        return
    if not block.routes:
        problems.add(
            "diagnostic-without-routes",
            diagnostic.loc.file,
            diagnostic.loc.line,
            f"The block '{block.id}' has a diagnostic but no routes for it to choose between.",
            "Declare two or more routes under routes:, or remove the diagnostic.",
        )
        return
    ids = [route.id for route in block.routes]
    pointed = {block.routes[0].id} if diagnostic.checklist else set()  # an unticked item counts for the first
    for number, question in enumerate(diagnostic.questions, 1):
        for answer in question.answers:
            pointed.add(answer.route)
            if answer.route in ids:
                continue
            what = (
                f"Item {number} of the diagnostic's checklist"
                if diagnostic.checklist
                else f"An answer to question {number} of the diagnostic"
            )
            problems.add(
                "unknown-route",
                answer.loc.file,
                answer.loc.line,
                f"{what} points to the route '{answer.route}', which the block '{block.id}' does not declare.",
                _route_hint(answer.route, block),
            )
    for route in block.routes:
        if route.id not in pointed:
            problems.add(
                "unreachable-route",
                route.loc.file,
                route.loc.line,
                f"No answer of the diagnostic points to the route '{route.id}', so it never chooses it.",
                f"Point an answer at it (route: {route.id}), or remove the route.",
            )


def _route_hint(route_id: str, block: Block) -> str:
    near = did_you_mean(route_id, [route.id for route in block.routes])
    return (near + " " if near else "") + f"The block's routes are: {_declared(block)}."


def session_routes_are_declared(place: Place, problems: Problems) -> None:
    session, block = place.session, place.block
    line = session.lines.get("routes", session.loc.line)
    if not session.routes:
        return
    if block is None or not block.routes:
        where = f"the block '{block.id}'" if block is not None else f"the year '{place.year.id}'"
        problems.add(
            "unknown-route",
            session.loc.file,
            line,
            f"The session '{session.id}' names routes, but {where} declares none.",
            "Declare the routes under routes: in its block.yaml, or remove routes: from the session.",
        )
        return
    for route_id in session.routes:
        if route_id not in {route.id for route in block.routes}:
            problems.add(
                "unknown-route",
                session.loc.file,
                line,
                f"The session '{session.id}' is on the route '{route_id}', which the block '{block.id}' "
                "does not declare.",
                _route_hint(route_id, block),
            )


def weeks_serve_every_route(block: Block, places: ProgrammePlaces, problems: Problems) -> None:
    if not block.routes:
        return
    for week in block.weeks:
        entries = [place for place, _ in places.week_entries(block, week, "ect")]
        if not entries:
            continue  # a week without steps has none for anyone (a meeting-only week)
        served = {r for place in entries for r in (entry_routes(block, place) or [r.id for r in block.routes])}
        missing: list[Route] = [route for route in block.routes if route.id not in served]
        for route in missing:
            problems.add(
                "route-without-step",
                block.loc.file,
                week.loc.line,
                f"{week.label} of the block '{block.id}' has no ECT step for the route '{route.id}'.",
                f"Give one of the week's steps the route (routes: [{route.id}]), or leave routes: out of a "
                "step so that it is on every route.",
            )
