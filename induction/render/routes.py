"""Routes: a block's diagnostic page, and the marks that let the reader's browser follow a route
(stage four of the flow; the checks are induction/check/routes.py).

What is published holds every route: each route-only step is labelled with its route, each week
gives its total for each route, and the diagnostic lists its questions with the route each answer
points to, so a reader without JavaScript can count their answers and reach every step.
docs/javascripts/routes.js turns the diagnostic into a form, keeps the chosen route in the
browser ("ect-route") and, on the pages of the block, hides what belongs to the other routes with
a note and a button that shows it again. It reads only data-ect-* attributes on plain elements,
which the page allow-list lets through; the form's controls are made by the script.
"""

from __future__ import annotations

from induction.check.routes import entry_routes, route_labels
from induction.core import urls
from induction.core.model import Block, Programme, Year
from induction.core.placement import Place

from .context import Context
from .text import Page, attr, caption, esc, front_matter, minutes, paragraphs


def scope(programme: Programme, block: Block) -> str:
    """The key of the block's route in the browser's store: "<programme>/<block>"."""
    return f"{programme.id}/{block.id}"


def diagnostic_src(programme: Programme, year: Year, block: Block) -> str:
    return f"{programme.id}/{year.id}/{block.id}/diagnostic.md"


def diagnostic_title(block: Block) -> str:
    return block.diagnostic.title if block.diagnostic and block.diagnostic.title else f"Where to start: {block.title}"


def _names(block: Block) -> str:
    """The block's route ids and labels, as attributes that routes.js reads."""
    return (
        f' data-ect-route-ids="{attr(" ".join(r.id for r in block.routes))}"'
        f' data-ect-route-names="{attr("|".join(r.label for r in block.routes))}"'
    )


def route_label(block: Block | None, place: Place) -> str:
    """The label of a route-only step ("Stretch route"), marked for routes.js; "" for a step on every route."""
    ids = entry_routes(block, place)
    if block is None or not ids:
        return ""
    word = "route" if len(ids) == 1 else "routes"
    return (
        f'<span class="ect-route-label" data-ect-routes="{attr(" ".join(ids))}">'
        f"{esc(route_labels(block, ids))} {word}</span>"
    )


def route_note(programme: Programme, year: Year, block: Block, src: str) -> str:
    """Where a page of a routed block says which route is followed, with the way to choose one.
    Without JavaScript it says that every route is shown, each step labelled."""
    if not block.routes:
        return ""
    link = urls.relative(src, diagnostic_src(programme, year, block))
    names = ", ".join(esc(r.label) for r in block.routes[:-1]) + f" and {esc(block.routes[-1].label)}"
    return (
        f'<div class="ect-route-note" data-ect-route-scope="{attr(scope(programme, block))}"{_names(block)} '
        'markdown="1">\n\n'
        f"This block has {len(block.routes)} routes: {names}. Every step is shown here; a step for one route "
        f"only is labelled with it. [Find your route]({link})\n\n</div>\n"
    )


def step_position(block: Block | None, place: Place, steps: list[Place]) -> str:
    """ "Step 2 of 3" among the week's steps; in a block with routes, counted on each route the step is
    on ("Step 2 of 2 on the Core route"), and per route when they differ ("Step 1 of 3 (Core), 1 of 2 ...")."""
    if block is None or not block.routes:
        return f"Step {steps.index(place) + 1} of {len(steps)}"
    found = {}
    for route in block.routes:
        on = [p for p in steps if not entry_routes(block, p) or route.id in entry_routes(block, p)]
        if place in on:
            found[route.label] = f"{on.index(place) + 1} of {len(on)}"
    if len(set(found.values())) == 1 and len(found) == len(block.routes):
        return f"Step {next(iter(found.values()))}"
    if len(found) == 1:
        label, where = next(iter(found.items()))
        return f"Step {where} on the {label} route"
    return "Step " + ", ".join(f"{where} ({label})" for label, where in found.items())


def route_totals(block: Block, entries: list[Place]) -> str:
    """The week's total for each route (each line marked with its route), or "" for a block without routes."""
    if not block.routes:
        return ""
    lines = []
    for route in block.routes:
        on = [p for p in entries if not entry_routes(block, p) or route.id in entry_routes(block, p)]
        count = f"{len(on)} {'step' if len(on) == 1 else 'steps'}"
        lines.append(
            f'<p class="ect-total" data-ect-routes="{attr(route.id)}"><strong>Total on the '
            f"{attr(route.label)} route: {minutes(sum(p.session.minutes for p in on))}</strong> "
            f"({count})</p>"
        )
    return "\n".join(lines) + "\n"


def route_times(block: Block, entries: list[Place]) -> str:
    """A week's ECT time on each route, for a table cell: one marked span per route."""
    spans = []
    for route in block.routes:
        on = [p for p in entries if not entry_routes(block, p) or route.id in entry_routes(block, p)]
        spans.append(
            f'<span class="ect-route-time" data-ect-routes="{attr(route.id)}">{esc(route.label)}: '
            f"{minutes(sum(p.session.minutes for p in on))}</span>"
        )
    return " ".join(spans)


def route_keys(places: list[Place], key: str) -> str:
    """The data-ect-route-keys attribute of a progress count: each route-only piece of work as
    "<key>=<scope>:<route>,<route>", so that routes.js counts only the reader's route ("" if none)."""
    items = []
    for place in places:
        ids = entry_routes(place.block, place)
        if ids and place.block is not None:
            items.append(f"{key}/{place.session.id}={key}/{place.block.id}:{','.join(ids)}")
    return f' data-ect-route-keys="{attr(" ".join(items))}"' if items else ""


def render_diagnostic(programme: Programme, year: Year, block: Block, ctx: Context) -> Page | None:
    """The block's diagnostic page: its routes, then its questions (or checklist) and a plain chooser."""
    if not block.routes:
        return None
    src = diagnostic_src(programme, year, block)
    title = diagnostic_title(block)
    back = urls.relative(src, urls.block(programme, year, block))
    first = block.weeks[0] if block.weeks else None
    out = [front_matter(title), caption(year.title, block.term_label, block.title), f"# {esc(title)}\n"]
    diagnostic = block.diagnostic
    if diagnostic and diagnostic.intro:
        out.append(paragraphs(diagnostic.intro) + "\n")
    out.append(
        "## The routes\n\n" + "\n".join(f"- **{esc(r.label)}:** {esc(r.description)}" for r in block.routes) + "\n"
    )
    out.append(
        f'<div class="ect-diagnostic" data-ect-diagnostic="{attr(scope(programme, block))}"{_names(block)} '
        'markdown="1">\n'
    )
    if diagnostic and diagnostic.questions:
        out.append(_questions(block))
    out.append(
        '<div class="ect-diagnostic__chooser" data-ect-route-chooser markdown="1">\n\n'
        "## Or choose a route together\n\n"
        "An ECT and their mentor can choose the route themselves, and change it at any time. "
        "With JavaScript on, the choice is kept in this browser only, and the week pages then show "
        "that route's steps.\n\n</div>\n"
    )
    out.append('<p class="ect-diagnostic__result" data-ect-route-result role="status" aria-live="polite"></p>\n')
    out.append("</div>\n")
    links = (
        [
            f"[Start {esc(first.heading[:1].lower() + first.heading[1:])}]"
            f"({urls.relative(src, urls.week(programme, year, block, first))})"
        ]
        if first
        else []
    )
    out.append(" · ".join(links + [f"[Back to the block]({back})"]) + "\n")
    return Page(src, title, "\n".join(out), "diagnostic", {"block": block.id})


def _questions(block: Block) -> str:
    diagnostic = block.diagnostic
    assert diagnostic is not None
    names = {r.id: r.label for r in block.routes}
    if diagnostic.checklist:
        intro = (
            "## Checklist for the mentor\n\nAfter observing a lesson, the mentor ticks each item they saw. "
            "A ticked item counts for the route it names; an item left unticked counts for "
            f"{esc(block.routes[0].label)}. The route with most items is suggested (a tie goes to the "
            "route listed first).\n"
        )
    else:
        intro = (
            "## Questions\n\nFor each question, choose the answer closest to what you do.\n\n"
            '<p class="ect-diagnostic__howto">Count the routes your answers point to: the route with most is '
            f"yours (a tie goes to {attr(block.routes[0].label)}).</p>\n"
        )
    items = []
    for number, question in enumerate(diagnostic.questions, 1):
        answers = "".join(
            f'<li data-ect-answer="{attr(a.route)}"><span class="ect-diagnostic__answer">{attr(a.text)}</span> '
            f'<span class="ect-diagnostic__points">(points to {attr(names.get(a.route, a.route))})</span></li>'
            for a in question.answers
        )
        if diagnostic.checklist:
            items.append(
                f'<li data-ect-question="{number}" data-ect-check="{attr(question.answers[0].route)}">'
                f'<span class="ect-diagnostic__question">{attr(question.text)}</span> '
                f'<span class="ect-diagnostic__points">(a tick points to '
                f"{attr(names.get(question.answers[0].route, ''))})</span></li>"
            )
        else:
            items.append(
                f'<li data-ect-question="{number}"><p class="ect-diagnostic__question">'
                f"{attr(question.text)}</p><ul>{answers}</ul></li>"
            )
    return intro + '\n<ol class="ect-diagnostic__questions">\n' + "\n".join(items) + "\n</ol>\n"
