"""Sessions: the page of every session (ECT step, mentor session plan, tutor material, block and
year pages), each with where it sits, how long it takes, its resources and learning intentions.
"""

from __future__ import annotations

from induction.check.routes import entry_routes, route_labels
from induction.core import urls
from induction.core.formats import ROLE
from induction.core.model import Session
from induction.core.placement import TRAINING, Place

from ..body import read
from .context import Context
from .dates import meeting_dates, session_dates
from .examples import with_examples
from .intentions import intentions_section
from .media import asset_link, expand
from .progress import coaching_log, mark_as_done
from .rebase import rebase
from .routes import step_position
from .text import Page, attr, caption, esc, front_matter, kind_name, minutes, pagination, role_name, sequential_headings


def session_caption(place: Place) -> str:
    parts = [place.year.title]
    if place.block is not None:
        # The block's title too: a printed plan must say where it sits without the site around it.
        parts += [place.block.term_label, place.block.title]
        if place.week is not None:
            parts.append(place.week.label)
    role = place.session.role
    if place.role == TRAINING:
        return caption(place.year.title, "Mentor training")
    parts.append(
        "Mentor session"
        if place.session.is_mentor_plan
        else f"{role_name(role)} {'self-study' if role == 'ect' and place.week else 'materials'}"
        if place.week
        else kind_name(place.session.kind)
    )
    return caption(*parts)


def render_session(place: Place, ctx: Context, sequence: list[Place], src: str = "", *, embedded: bool = False) -> Page:
    """The session's page; `src` renders it for another page (a pack) with links from there, and
    `embedded` leaves out what only a page of its own needs (the print button, previous/next)."""
    session, programme = place.session, place.programme
    framework = ctx.framework(programme, place.block)
    src = src or urls.session(place)
    body = rebase(session.body, urls.session(place), src)  # its relative links, from the page it is shown on
    written = expand(body, programme, framework, ctx.places[programme.id], src).strip()
    written = with_examples(written, programme)  # each set of examples labelled, for lens.js to order
    body = sequential_headings(written)  # no skipped level under the h1, transcripts included
    meta = [kind_name(session.kind), minutes(session.minutes)]
    if session.role == "ect" and place.week is not None:
        steps = [p for p in sequence if p.week is place.week and p.block is place.block]
        if place in steps:
            meta.insert(0, step_position(place.block, place, steps))
    routes = entry_routes(place.block, place)
    if routes and place.block is not None and " route" not in meta[0]:  # labelled, with or without JavaScript
        meta.append(f"{route_labels(place.block, routes)} route only")
    parts = [
        front_matter(session.title, ect_role=session.role, ect_kind=session.kind),
        session_caption(place),
        f"# {esc(session.title)}\n",
        f'<p class="ect-meta">{" · ".join(attr(m) for m in meta)}</p>\n',
        "" if embedded else back_link(place, src),
        session_dates(ctx, place),
    ]
    if session.is_mentor_plan:
        parts.append(_plan_top(place, embedded))
        parts.append(plan_fields(ctx, place))
        if not embedded:  # the pair's log, carried from plan to plan (a pack keeps the paper fields)
            plans = [p for p in sequence if p.session.is_mentor_plan]
            at = plans.index(place) if place in plans else 0
            parts.append(coaching_log(place, plans[at - 1] if at > 0 else None))
        sections = [
            intentions_section(session.intentions, framework, src, ROLE["mentor"].learner),
            _resources(place, src),
        ]
        parts += sections
        parts.append(_phases(written, place, top=3 if any(sections) else 2))
        parts.append('<div class="ect-notes" aria-hidden="true"><p>Notes</p></div>\n')
    else:
        parts.append(_agenda(session) if session.kind == "training" and session.phases else "")
        if session.role == "tutor" and not embedded:  # training sessions and tutor notes are printed too
            parts.append(print_action("Print this page"))
        parts.append(body + "\n")
        parts.append(_resources(place, src))
        parts.append(intentions_section(session.intentions, framework, src, ROLE[session.role].learner))
    if not embedded:
        parts.append(mark_as_done(place))  # a checkbox made by progress.js; kept on the device only
        parts.append(_pagination(place, sequence, src))
    return Page(
        src, session.title, "\n".join(p for p in parts if p), f"session-{session.role}", {"session": session.id}
    )


def _plan_top(place: Place, embedded: bool = False) -> str:
    session = place.session
    total = f"| **Total** | **{session.minutes}** |\n" if session.timed else ""
    return ("" if embedded else print_action("Print this plan")) + (
        f"**Time needed:** {minutes(session.minutes)}\n\n{_timing(session, 'Phase', total)}"
    )


def _agenda(session: Session) -> str:
    """A training session's activities, as its agenda (what the front matter's phases list)."""
    return _timing(session, "Agenda")


def _timing(session: Session, heading: str, total: str = "") -> str:
    """The phases in order, with their minutes when the plan is timed; an untimed plan's parts are a
    numbered list (a table of one column says less), its time shared as the mentor judges."""
    if not session.timed:
        items = "\n".join(f"1. {esc(phase.title)}" for phase in session.phases)
        label = "Phases, in order" if session.is_mentor_plan else "Agenda"
        return (
            f'<div class="ect-timing" markdown="1">\n\n**{label}** (no minutes are set for each: they share '
            f"the {minutes(session.minutes)})\n\n{items}\n\n</div>\n"
        )
    rows = "\n".join(f"| {esc(phase.title)} | {phase.minutes} |" for phase in session.phases)
    return (
        f'<div class="ect-timing" markdown="1">\n\n| {heading} | Minutes |\n| --- | ---: |\n{rows}\n{total}\n</div>\n'
    )


# What a mentor fills in by hand on a printed plan; on paper only (docs/stylesheets/print.css), and
# hidden from screen readers like the notes box, since on screen there is nothing to fill in.
PLAN_FIELDS = (
    '<div class="ect-plan-fields ect-print-only" aria-hidden="true">{when}'
    "<p>ECT</p><p>Mentor</p><p>Date</p>"
    '<p class="ect-plan-fields__action">Agreed action step</p></div>\n'
)


def plan_fields(ctx: Context, place: Place) -> str:
    """One set of fields per meeting the plan is used for (a plan for weeks 4-6 is met over three
    times, each with its own action step), each headed by its meeting's week for every cohort; with
    a cohort chosen (docs/javascripts/me.js) only that cohort's date is on the paper."""
    lines = meeting_dates(ctx, place)
    out = []
    for number, dates in enumerate(lines, 1):
        title = f'<p class="ect-plan-fields__meeting">Meeting {number} of {len(lines)}</p>' if len(lines) > 1 else ""
        out.append(PLAN_FIELDS.format(when=title + dates))
    return "".join(out)


def print_action(label: str) -> str:
    """A button that prints the page (docs/javascripts/induction.js); hidden on paper."""
    return (
        '<p class="ect-print-action"><button type="button" class="md-button ect-print-button" '
        f"data-ect-print>{attr(label)}</button></p>\n\n"
    )


def _phases(body: str, place: Place, top: int = 3) -> str:
    """The plan's body with each phase wrapped in a section that shows its minutes. Levelled per part
    (below the plan's own h2 sections, or from `top` 2 when the page has none before the body, so
    that no level is skipped), so that a heading inside a phase is never raised to ## and taken for one."""
    lines = body.splitlines()
    starts = [heading for heading in read(body).headings if heading.level == 2]  # as the site renders them
    if not starts:
        return sequential_headings(body) + "\n"
    out = [sequential_headings("\n".join(lines[: starts[0].line - 1]), top=top)]
    bounds = [heading.line - 1 for heading in starts[1:]] + [len(lines)]
    phases = place.session.phases
    for index, heading in enumerate(starts):
        phase_minutes = phases[index].minutes if index < len(phases) else None
        label = f' <span class="ect-phase__minutes">{minutes(phase_minutes)}</span>' if phase_minutes else ""
        attrs = f" {heading.attrs}" if heading.attrs else ""  # last, where attr_list reads it
        content = "\n".join(lines[heading.line - 1 + heading.size : bounds[index]]).strip()
        out.append(
            f'<section class="ect-phase" markdown="1">\n\n## {heading.text}{label}{attrs}\n\n'
            f"{sequential_headings(content, top=3)}\n\n</section>\n"
        )
    return "\n\n".join(part for part in out if part.strip()) + "\n"


def _resources(place: Place, src: str) -> str:
    assets = [place.programme.assets[a] for a in place.session.asset_ids if a in place.programme.assets]
    if not assets:
        return ""
    items = "\n".join(f"- {asset_link(asset, place.programme, src)}" for asset in assets)
    return f"## Resources and handouts\n\n{items}\n"


def back_link(place: Place, src: str) -> str:
    """A visible way back to where the session is listed: its week, else its block, else its year
    (breadcrumbs alone are cut short on a phone)."""
    programme, year, block, week = place.programme, place.year, place.block, place.week
    if place.role == TRAINING:
        target, label = urls.mentor_training(programme), "Mentor training"
    elif block is not None and week is not None:
        target, label = urls.week(programme, year, block, week), week.heading
    elif block is not None:
        target, label = urls.block(programme, year, block), block.title
    else:
        target, label = urls.year(programme, year), year.title
    return f'<p class="ect-back" markdown="1">[Back to {esc(label)}]({urls.relative(src, target)})</p>\n'


def _where(place: Place) -> str:
    """The neighbour's place for its pagination label: its week, or its block or year."""
    if place.role == TRAINING:
        return f"{place.year.title}, mentor training"
    if place.week is not None:
        return place.week.label
    return place.block.title if place.block is not None else place.year.title


def _pagination(place: Place, sequence: list[Place], src: str) -> str:
    """Previous and next in the role's one sequence (induction/render/sequence.py), labelled with the
    neighbour's title and week. The page's only previous/next: Material's footer links are off."""
    index = next((i for i, p in enumerate(sequence) if p.session is place.session), None)
    if index is None:
        return ""

    def neighbour(offset: int, word: str) -> str:
        if not 0 <= index + offset < len(sequence):
            return ""
        other = sequence[index + offset]
        return (
            f"{word}: [{esc(other.session.title)}]({urls.relative(src, urls.session(other))})"
            f' <span class="ect-pagination__where">({esc(_where(other))})</span>'
        )

    return pagination(
        "Mentor training in order" if place.role == TRAINING else f"{role_name(place.session.role)} pages in order",
        neighbour(-1, "Previous"),
        neighbour(1, "Next"),
    )
