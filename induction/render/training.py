"""Training: the page of the mentors' own training strand, under For mentors (stage four: render).

Its sessions are pages of their own (render/sessions.py, with the strand's previous/next); this
page lists them year by year with their length, each cohort's date and place (programme.yaml's
events naming the session), and a count of those done that progress.js fills in.
"""

from __future__ import annotations

from induction.core import urls
from induction.core.model import Programme

from .context import Context
from .dates import event_when
from .progress import progress_counts
from .text import Page, caption, esc, front_matter, minutes

INTRO = (
    "Your own training as a mentor, beside your weekly meetings with your ECT: the sessions in order, "
    "with each cohort's dates. Mark each session as done on its page."
)


def render_training_pages(programme: Programme, ctx: Context) -> list[Page]:
    """The strand's page, or nothing when the programme has no mentor training."""
    places = ctx.places[programme.id].training()
    if not places:
        return []
    src = urls.mentor_training(programme)
    cohorts = {cohort.id: cohort.title for cohort in programme.cohorts}
    out = [
        front_matter(f"Mentor training: {programme.title}"),
        caption(programme.title, "For mentors"),
        "# Mentor training\n",
        INTRO + "\n",
        progress_counts(places),
    ]
    for year in programme.years:
        mine = [p for p in places if p.year is year]
        if not mine:
            continue
        out.append(f"## {esc(year.title)}\n")
        items = []
        for number, place in enumerate(mine, 1):
            session = place.session
            items.append(
                f"{number}. [{esc(session.title)}]({urls.relative(src, urls.session(place))}) · "
                f"{minutes(session.minutes)}"
            )
            for event in (e for e in programme.events if e.session_id == session.id):
                who = ", ".join(cohorts.get(c, c) for c in event.cohort_ids) or "Every cohort"
                place_words = "online" if event.online else event.place
                items.append(f"    - {esc(who)}: {esc(event_when(event))}, {esc(place_words)}")
        out.append("\n".join(items) + "\n")
    return [Page(src, "Mentor training", "\n".join(o for o in out if o), "training", {"role": "mentor"})]
