"""Pipeline: load and check a content folder in one call, as the command line and the build do.

The single entry point shared by `scripts/validate.py`, the MkDocs plugin and the macros, so the
validation command and `mkdocs build` report the same problems and fail the same way.
"""

from __future__ import annotations

import os
from copy import deepcopy
from dataclasses import dataclass, field, replace
from typing import Any

from induction.body.rich_text import rich_texts
from induction.check import sanitiser
from induction.check.checks import check_site
from induction.core.model import Site
from induction.core.placement import ProgrammePlaces
from induction.core.problems import Problems
from induction.load.loader import load_site
from induction.timing.milestones import milestones_are_placed
from induction.timing.schedule import Schedule, schedule_site


@dataclass
class Checked:
    site: Site
    places: dict[str, ProgrammePlaces]
    problems: Problems
    schedules: dict[str, list[Schedule]] = field(default_factory=dict)  # programme id -> one per cohort

    @property
    def ok(self) -> bool:
        return not self.problems.errors

    def report(self, annotations: bool | None = None) -> str:
        """Every problem, one a line, then the summary; GitHub annotations too when CI is set."""
        if annotations is None:
            annotations = bool(os.environ.get("CI"))
        lines = [problem.format() for problem in self.problems]
        if annotations:
            lines += [problem.annotation() for problem in self.problems]
        lines.append(self.problems.summary(self.site.files))
        return "\n".join(lines)


def load_and_check(root: str) -> Checked:
    site, problems = load_site(root)
    places = check_site(site, problems)
    schedules = schedule_site(site, places, problems)  # the programme in time (none without cohorts)
    milestones_are_placed(site, schedules, problems)  # the tutor's statutory year on those dates
    return cleaned(Checked(site, places, problems, schedules))  # what strip mode publishes: a copy


def cleaned(checked: Checked) -> Checked:
    """What strip mode publishes: a copy of the checked site (its places and schedules with it, so
    they point at the copy's sessions) whose bodies and transcripts have lost what the allow-list
    refuses, each removal already reported as a warning by `sanitiser.bodies_are_safe`. The check
    stage only reports and the loaded model is never changed; without strip mode, `checked` itself."""
    if not any(sanitiser.stripping(programme) for programme in checked.site.programmes):
        return checked
    # The model is frozen: each cleaned session and video is a new object, and the copy takes it
    # wherever the original was referred to (deepcopy's memo maps an object's id to its copy).
    memo: dict[int, Any] = {}
    for programme in filter(sanitiser.stripping, checked.site.programmes):
        policy = sanitiser.Policy.of(programme.settings)
        for session in programme.sessions.values():
            memo[id(session)] = replace(
                session, body=sanitiser.strip(session.body, sanitiser.scan(session.body, policy))
            )
        for video in programme.videos.values():
            memo[id(video)] = replace(
                video, transcript=sanitiser.strip(video.transcript, sanitiser.scan(video.transcript, policy))
            )
    copy = deepcopy(checked, memo)
    for programme in filter(sanitiser.stripping, copy.site.programmes):
        policy = sanitiser.Policy.of(programme.settings)
        for rich in rich_texts(programme):  # on the copy's own objects (rich_text.RichText.replace)
            rich.replace(sanitiser.strip(rich.text, sanitiser.scan(rich.text, policy)))
    return copy
