"""Mentor training: the mentors' own training as a strand of its own (check stage; rendered by
render/training.py).

Beside the weekly mentor meetings, a mentor follows a year of training (instructional coaching,
observing, feedback, ...). Each session is `role: mentor, kind: training`, listed in order in its
year's `mentor_training:` in programme.yaml and nowhere else: the strand has its own pages under
For mentors, its own previous/next, its own progress count, and its dates per cohort come from
programme.yaml's events (`session:` naming it, `attendees: [mentor]`), which reach the mentors'
calendars like every training event.
"""

from __future__ import annotations

from collections.abc import Iterator

from induction.core.model import Programme, Session, SessionRef
from induction.core.problems import Problems


def is_mentor_training(session: Session) -> bool:
    return session.role == "mentor" and session.kind == "training"


def _other_lists(programme: Programme) -> Iterator[tuple[SessionRef, str]]:
    """Every list entry outside the mentor training lists, with where it is for a message."""
    for year in programme.years:
        yield from ((ref, f"the pages of {year.id}") for ref in year.pages)
    for block in programme.blocks.values():
        yield from ((ref, f"the pages of {block.id}") for ref in block.pages)
        for week in block.weeks:
            for refs in week.roles.values():
                yield from ((ref, f"{block.id}, {week.label.lower()}") for ref in refs)


def training_is_its_own_strand(programme: Programme, problems: Problems) -> None:
    """A year's mentor_training lists mentor training sessions only, and they are listed nowhere else."""
    for year in programme.years:
        for ref in year.mentor_training:
            session = programme.sessions.get(ref.session_id)
            if session is not None and session.complete and not is_mentor_training(session):
                problems.add(
                    "role-mismatch",
                    ref.loc.file,
                    ref.loc.line,
                    f"The session '{session.id}' is listed in mentor_training but has role "
                    f"{session.role} and kind {session.kind}.",
                    "A mentor training session has role: mentor and kind: training; list other "
                    "sessions in a week or in pages.",
                )
    for ref, where in _other_lists(programme):
        session = programme.sessions.get(ref.session_id)
        if session is not None and is_mentor_training(session) and not ref.see:
            problems.add(
                "role-mismatch",
                ref.loc.file,
                ref.loc.line,
                f"The session '{session.id}' is a mentor training session (kind: training) but is listed in {where}.",
                "List it in its year's mentor_training in programme.yaml.",
            )
