"""Examples report: which sessions have no example for which phase, for the provider (stage four).

One page per programme that declares phases or subjects (`<programme>/examples.md`, linked from
For induction tutors): the sessions that carry examples, each with the lenses it has and the phases it lacks,
then the ECT steps and mentor plans that carry none yet, block by block. scripts/lenses.py prints
the same from lenses.example_gaps.
"""

from __future__ import annotations

from induction.check.lenses import example_gaps
from induction.core import urls
from induction.core.model import Programme
from induction.core.placement import Place

from .context import Context
from .text import Page, caption, esc, front_matter


def _where(place: Place) -> str:
    parts = (
        [place.year.title] + ([place.block.title] if place.block else []) + ([place.week.label] if place.week else [])
    )
    return ", ".join(parts)


def render_examples_report(programme: Programme, ctx: Context) -> list[Page]:
    if not programme.lenses:
        return []
    src = urls.examples(programme)
    gaps, without = example_gaps(programme, ctx.places[programme.id])
    out = [
        front_matter(f"Examples by phase and subject: {programme.title}"),
        caption(programme.title, "For providers"),
        "# Examples by phase and subject\n",
        f"{len(gaps)} {'session carries' if len(gaps) == 1 else 'sessions carry'} examples; "
        f"{sum(1 for g in gaps if g.missing)} of them lack one for a phase.\n",
    ]
    # A list, not a table of marks: one column per lens left a phone a narrow strip of titles, and a
    # screen reader reads "check mark" without the column it stands in.
    labels = {lens.id: lens.label for lens in programme.lenses}
    phases = [lens.id for lens in programme.lenses if lens.group == "phase"]
    items = []
    for gap in gaps:
        link = f"[{esc(gap.place.session.title)}]({urls.relative(src, urls.session(gap.place))})"
        lacks = (
            f"**No example yet for:** {', '.join(esc(labels[i]) for i in gap.missing)}."
            if gap.missing
            else "Every phase has one."
        )
        items.append(
            f"- {link} · {esc(_where(gap.place))}\n\n    Examples for: "
            f"{', '.join(esc(labels[i]) for i in gap.have)}. {lacks}\n"
        )
    if items:
        out.append(f"## Sessions with examples\n\nThe phases are {', '.join(esc(labels[i]) for i in phases)}.\n")
        out.append("\n".join(items))
    out.append("## Sessions with no examples yet\n")
    if not without:
        out.append("Every ECT step and mentor session plan carries examples.\n")
    else:
        out.append(f"{len(without)} ECT steps and mentor session plans carry no example:\n")
        out.append(
            "\n".join(
                f"- [{esc(p.session.title)}]({urls.relative(src, urls.session(p))}) · {esc(_where(p))}" for p in without
            )
            + "\n"
        )
    return [Page(src, "Examples by phase and subject", "\n".join(out), "examples", {})]
