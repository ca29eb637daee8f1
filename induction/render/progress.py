"""Progress: the plain elements that docs/javascripts/progress.js turns into "Mark as done"
checkboxes, ticks and counts, kept in the reader's own browser (localStorage) and nowhere else.

Only data-ect-* attributes on plain elements: the checkbox, its label and the buttons are created
by the script (progressive enhancement), so a page without JavaScript shows none of them and the
page's HTML passes the post-render allow-list. Session keys are "<programme>/<session id>".
"""

from __future__ import annotations

from induction.core.formats import ROLE
from induction.core.placement import TRAINING, Place

from .routes import route_keys
from .text import attr

# What can be marked done: ECT steps, mentor session plans, the mentors' own training sessions
# (induction/check/mentor_training.py), and the induction tutor's checks (material) and training sessions.
MARKABLE_KINDS = {"mentor": ("plan", "training"), "tutor": ("material", "training")}
TRAINING_WORK = "mentor training sessions"  # counted apart from the meetings' plans: a strand of its own


def markable(place: Place) -> bool:
    session = place.session
    return session.role == "ect" or session.kind in MARKABLE_KINDS.get(session.role, ())


def key(place: Place) -> str:
    return f"{place.programme.id}/{place.session.id}"


def mark_as_done(place: Place) -> str:
    """Where the "Mark as done" checkbox goes on a session's page ("" for pages that are not work)."""
    if not markable(place):
        return ""
    return (
        f'<div class="ect-progress" data-ect-progress="{attr(key(place))}" '
        f'data-ect-title="{attr(place.session.title)}"></div>\n'
    )


def coaching_log(place: Place, previous: Place | None) -> str:
    """The pair's coaching log on a mentor plan's own page: last week's agreed step (met, partly,
    not yet), the drop-in observation and this week's agreed step. As written here it is the paper
    form (labelled blank lines, what a reader without JavaScript prints); progress.js turns the
    lines into form fields kept with the ticks, and shows the previous plan's agreed step."""
    before = (
        f' data-ect-previous="{attr(key(previous))}" data-ect-previous-title="{attr(previous.session.title)}"'
        if previous
        else ""
    )
    lines = "".join(
        f'<p class="ect-coaching__line">{label}</p>'
        for label in (
            "Last week's agreed step: met / partly / not yet",
            "Drop-in observation",
            "This week's agreed step",
        )
    )
    return (
        f'<div class="ect-coaching" data-ect-coaching="{attr(key(place))}"{before}>\n'
        f'<h2 id="coaching-log">Coaching log</h2>\n<div class="ect-coaching__fields">{lines}</div>\n</div>\n'
    )


def progress_counts(places: list[Place]) -> str:
    """Where "3 of 7 ECT steps done" goes on a week, block or year page: one line per role."""
    lines = []
    kinds = [(r.id, r.work, False) for r in ROLE.values()] + [("mentor", TRAINING_WORK, True)]
    for role, what, training in kinds:
        work = [p for p in places if p.session.role == role and markable(p) and (p.role == TRAINING) == training]
        keys = " ".join(dict.fromkeys(key(p) for p in work))
        if keys:  # route-only work is marked, so that docs/javascripts/routes.js counts the reader's route
            routed = route_keys(work, places[0].programme.id)
            lines.append(
                f'<p class="ect-progress-count" data-ect-progress-count="{attr(keys)}" '
                f'data-ect-what="{attr(what)}"{routed}></p>'
            )
    return "\n".join(lines) + "\n" if lines else ""
