"""Progress: the plain elements that docs/javascripts/progress.js turns into "Mark as done"
checkboxes, ticks and counts, kept in the reader's own browser (localStorage) and nowhere else.

Only data-ect-* attributes on plain elements: the checkbox, its label and the buttons are created
by the script (progressive enhancement), so a page without JavaScript shows none of them and the
page's HTML passes the post-render allow-list. Session keys are "<programme>/<session id>".
"""
from __future__ import annotations

from ..formats import ROLE
from ..placement import TRAINING, Place
from .routes import route_keys
from .text import attr

# What can be marked done: ECT steps, mentor session plans, the mentors' own training sessions
# (induction/mentor_training.py) and induction tutors' training sessions.
MARKABLE_KINDS = {"mentor": ("plan", "training"), "tutor": ("training",)}
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
    return (f'<div class="ect-progress" data-ect-progress="{attr(key(place))}" '
            f'data-ect-title="{attr(place.session.title)}"></div>\n')


def progress_counts(places: list[Place]) -> str:
    """Where "3 of 7 ECT steps done" goes on a week, block or year page: one line per role."""
    lines = []
    kinds = [(r.id, r.work, False) for r in ROLE.values()] + [("mentor", TRAINING_WORK, True)]
    for role, what, training in kinds:
        work = [p for p in places if p.session.role == role and markable(p) and (p.role == TRAINING) == training]
        keys = " ".join(dict.fromkeys(key(p) for p in work))
        if keys:  # route-only work is marked, so that docs/javascripts/routes.js counts the reader's route
            routed = route_keys(work, places[0].programme.id)
            lines.append(f'<p class="ect-progress-count" data-ect-progress-count="{attr(keys)}" '
                         f'data-ect-what="{attr(what)}"{routed}></p>')
    return "\n".join(lines) + "\n" if lines else ""
