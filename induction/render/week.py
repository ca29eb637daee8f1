"""Week: the week's page (`render_week`) and its parts.

The page answers, in this order, what an ECT opening it in a free period needs: where the week
sits, what it is about, the steps in order with how long each takes and the total, and what to
take to the mentor meeting. Each part is a pure function of the model returning Markdown.
"""

from __future__ import annotations

import re

from induction.core import urls
from induction.core.formats import ROLE, ROLES
from induction.core.model import Block, Programme, SessionRef, Week, Year
from induction.core.placement import Place

from . import dates
from .context import Context
from .intentions import intentions_section
from .packs import week_print_src
from .progress import progress_counts
from .rebase import rebase
from .routes import route_label, route_note, route_totals
from .summaries import summary_markdown
from .text import Page, esc, front_matter, kind_name, minutes, pagination


def position(programme: Programme, year: Year, block: Block, week: Week, src: str) -> str:
    """Where the week sits, as a caption with links: Year 1 › Autumn 1 › Routines › Week 3 of 7."""
    year_link = urls.relative(src, urls.year(programme, year))
    block_link = urls.relative(src, urls.block(programme, year, block))
    of = f"{week.label} of {block.weeks[-1].last}"
    parts = [f"[{esc(year.title)}]({year_link})", esc(block.term_label), f"[{esc(block.title)}]({block_link})", of]
    # A paragraph, not a nav landmark: Material's breadcrumbs already are the page's navigation.
    # Markdown links (markdown="1"), so that MkDocs checks them and writes addresses that work anywhere.
    separator = ' <span aria-hidden="true">›</span> '
    return f'<p class="ect-caption ect-week-position" markdown="1">{separator.join(parts)}</p>\n'


def focus(summary: str, has_steps: bool, has_meeting: bool) -> str:
    """This week's focus, in the ECT's terms: their summary (Markdown, made for this page), or, in a
    week without steps, what that means for them (the mentor's summary speaks to the mentor and has
    its own section below)."""
    if summary.strip():
        return f"## This week's focus\n\n{summary.strip()}\n"
    if has_steps:
        return ""
    text = "You have no self-study steps this week."
    if has_meeting:
        text += " Your mentor meeting goes ahead: the *Mentor session* below says what it covers."
    return f"## This week's focus\n\n{text}\n"


def entry_link(place: Place, ref: SessionRef, src: str) -> str:
    """The link to a listed session: its title, or a revisit's own words (`label:`)."""
    words = ref.label if ref.see and ref.label else place.session.title
    return f"[{esc(words)}]({urls.relative(src, urls.session(place))})"


def revisited_from(place: Place, ref: SessionRef) -> str:
    """Where a revisited session lives ("Routines, week 2"), or '' for a session listed at its home."""
    if not ref.see or place.block is None:
        return ""
    return esc(f"{place.block.title}, {place.week.label.lower()}" if place.week else place.block.title)


def steps(entries: list[tuple[Place, SessionRef]], src: str, heading: str, block: Block | None = None) -> str:
    """The ECT's steps in order, each with its kind and minutes (and its route, when it is on some
    of `block`'s routes only), then the total: one for each route in a block with routes."""
    total = sum(place.session.minutes for place, _ in entries)
    count = f"{len(entries)} {'step' if len(entries) == 1 else 'steps'}"
    items = []
    for place, ref in entries:
        detail = f"{kind_name(place.session.kind)} · {minutes(place.session.minutes)}"
        if revisited_from(place, ref):
            detail += f" · from {revisited_from(place, ref)}"
        label = route_label(block, place)
        detail += f" · {label}" if label else ""
        items.append(f'1. {entry_link(place, ref, src)}  \n   <span class="ect-step-detail">{detail}</span>')
    totals = route_totals(block, [place for place, _ in entries]) if block is not None else ""
    return (
        f"{heading}\n\n"
        + "\n".join(items)
        + "\n\n"
        + (totals or f'<p class="ect-total"><strong>Total: {minutes(total)}</strong> ({count})</p>\n')
    )


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_BRING = re.compile(r"^Bring\b.*\b(mentor|meeting)\b", re.IGNORECASE | re.DOTALL)
_PRONOUN = re.compile(r"^Bring (both|it|them|this|these|that)\b")


def take_to_meeting(ect: list[tuple[Place, bool]], has_meeting: bool, src: str, block: Block | None = None) -> str:
    """What to take to the mentor meeting: the steps' own "Bring ... to your mentor meeting"
    sentences (authors already write them in the step's words), each with the step it comes from."""
    found = []
    for place, _ in ect:
        for paragraph in re.split(r"\n\s*\n", rebase(place.session.body, urls.session(place), src)):
            if paragraph.lstrip().startswith(("#", "|", "```", "<")):
                continue
            text = " ".join(line.strip() for line in paragraph.splitlines()).replace("**", "")
            sentences = [s.strip() for s in _SENTENCE.split(text)]
            for index, sentence in enumerate(sentences):
                if not _BRING.match(sentence):
                    continue
                if _PRONOUN.match(sentence) and index > 0:  # "Bring both ..." needs the sentence before
                    sentence = f"{sentences[index - 1]} {sentence}"
                link = urls.relative(src, urls.session(place))
                label = route_label(block, place)  # what a route-only step asks for is that route's
                found.append(f"- {sentence} (from [{esc(place.session.title)}]({link}))" + (f" {label}" * bool(label)))
    if found:  # quotes of the steps, marked as an overview of other pages (see importer/conservation.py)
        return (
            '## Take to your mentor meeting\n\n<div class="ect-overview" markdown="1">\n\n'
            + "\n".join(found)
            + "\n\n</div>\n"
        )
    if has_meeting and ect:
        return (
            "## Take to your mentor meeting\n\n"
            "- Your notes and questions from this week's steps.\n"
            "- What happened when you tried the week's focus in class.\n"
        )
    return ""


def entry_line(place: Place, ref: SessionRef, src: str) -> str:
    """A page in a list of a week, block or year: its link, kind and minutes (and where it is revisited from)."""
    detail = f"{kind_name(place.session.kind)}, {minutes(place.session.minutes)}"
    if revisited_from(place, ref):
        detail += f" (from {revisited_from(place, ref)})"
    return f"{entry_link(place, ref, src)} · {detail}"


def render_week(programme: Programme, year: Year, block: Block, week: Week, ctx: Context) -> Page:
    """The week's page: for the ECT first (where, what about, the steps, what to bring), then each other role."""
    src = urls.week(programme, year, block, week)
    places = ctx.places[programme.id]
    title = week.heading
    # The ECT's questions first (where, what about, what to do, what to bring), then the other roles.
    ect = places.week_entries(block, week, "ect")

    def summary(role: str) -> str:  # each role's summary sits under a ## section of the page
        return summary_markdown(week.summary[role], src, src, 2, programme, ctx)

    has_meeting = bool(places.week_entries(block, week, "mentor"))
    out = [
        front_matter(title),
        position(programme, year, block, week, src),
        f"# {esc(title)}\n",
        dates.week_dates(ctx, programme, block, week),
        dates.week_events(ctx, programme, block, week),
        progress_counts([p for r in ROLES for p, _ in places.week_entries(block, week, r)]),  # progress.js
        focus(summary("ect") if week.summary.get("ect") else "", bool(ect), has_meeting),
    ]
    if ect:
        out.append(route_note(programme, year, block, src))  # the route followed, or every route labelled
        out.append(steps(places.listed(week.roles["ect"]), src, "## Your steps this week", block))
        printable = urls.relative(src, week_print_src(programme, year, block, week))
        out.append(
            f'<p class="ect-week-print-link" markdown="1">[All of this week\'s steps on one page, '
            f"with transcripts, to read offline or print]({printable})</p>\n"
        )
    out.append(take_to_meeting(ect, has_meeting, src, block))
    intentions = [i for place, _ in ect for i in place.session.intentions]
    for role in (r for r in ROLES if r != "ect"):
        entries = places.listed(week.roles.get(role, []))
        if not entries:
            if week.summary.get(role):  # a role with no session this week may still be told what to do
                out.append(f"## {ROLE[role].section}\n\n{summary(role)}\n")
            continue
        total = sum(place.session.minutes for place, _ in entries)
        out.append(f"## {ROLE[role].section} · {minutes(total)}\n")
        if week.summary.get(role):
            out.append(summary(role) + "\n")
        out.append("\n".join(f"- {entry_line(place, ref, src)}" for place, ref in entries) + "\n")
        for place, _ in entries:
            intentions.extend(place.session.intentions)
    out.append(
        intentions_section(intentions, ctx.framework(programme, block), src, "ECTs", "## Learning intentions this week")
    )
    out.append(_week_pagination(programme, year, block, week, src))
    return Page(src, title, "\n".join(o for o in out if o), "week", {"block": block.id, "week": week.slug})


def _week_pagination(programme: Programme, year: Year, block: Block, week: Week, src: str) -> str:
    sequence = [(y, b, w) for y in programme.years for b in y.blocks for w in b.weeks]
    index = next(i for i, (_, b, w) in enumerate(sequence) if b is block and w is week)

    def neighbour(offset: int, word: str) -> str:
        if not 0 <= index + offset < len(sequence):
            return ""
        y, b, w = sequence[index + offset]
        return f"{word} week: [{esc(w.heading)}]({urls.relative(src, urls.week(programme, y, b, w))})"

    return pagination("Weeks", neighbour(-1, "Previous"), neighbour(1, "Next"))
