"""Examples report: which sessions have no example for which phase, for the provider (stage four).

One page per programme that declares phases or subjects (`<programme>/examples.md`, linked from
For induction tutors): a table of the sessions that carry examples, a mark per phase and subject,
then the ECT steps and mentor plans that carry none yet, block by block. scripts/lenses.py prints
the same from lenses.example_gaps.
"""
from __future__ import annotations

from .. import urls
from ..lenses import example_gaps
from ..model import Programme
from ..placement import Place
from .context import Context
from .text import Page, caption, esc, front_matter


def _where(place: Place) -> str:
    parts = [place.year.title] + ([place.block.title] if place.block else []) + \
        ([place.week.label] if place.week else [])
    return ", ".join(parts)


def render_examples_report(programme: Programme, ctx: Context) -> list[Page]:
    if not programme.lenses:
        return []
    src = urls.examples(programme)
    gaps, without = example_gaps(programme, ctx.places[programme.id])
    out = [front_matter(f"Examples by phase and subject: {programme.title}"), caption(programme.title, "For providers"),
           "# Examples by phase and subject\n",
           f"{len(gaps)} {'session carries' if len(gaps) == 1 else 'sessions carry'} examples; "
           f"{sum(1 for g in gaps if g.missing)} of them lack one for a phase. A tick is an example, a dash "
           "is none yet.\n"]
    if gaps:
        head = "| Session | " + " | ".join(esc(lens.label) for lens in programme.lenses) + " |"
        rows = [head, "| --- |" + " :---: |" * len(programme.lenses)]
        for gap in gaps:
            link = f"[{esc(gap.place.session.title)}]({urls.relative(src, urls.session(gap.place))})"
            marks = " | ".join("✓" if lens.id in gap.have else
                               '<span aria-label="none">–</span>' for lens in programme.lenses)
            rows.append(f"| {link}<br>{esc(_where(gap.place))} | {marks} |")
        # A region that scrolls sideways on a phone, as the coverage matrix's (WCAG 1.4.10)
        out.append('<div class="ect-table-wrap" role="region" aria-label="Examples by session" tabindex="0" '
                   'markdown="1">\n\n' + "\n".join(rows) + "\n\n</div>\n")
    out.append("## Sessions with no examples yet\n")
    if not without:
        out.append("Every ECT step and mentor session plan carries examples.\n")
    else:
        out.append(f"{len(without)} ECT steps and mentor session plans carry no example:\n")
        out.append("\n".join(f"- [{esc(p.session.title)}]({urls.relative(src, urls.session(p))}) · {esc(_where(p))}"
                             for p in without) + "\n")
    return [Page(src, "Examples by phase and subject", "\n".join(out), "examples", {})]
