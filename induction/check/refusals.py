"""Refusals: content that loads and links but that a published programme should not hold (check stage).

Each rule is a claim about the programme, with its problem code: minutes and week numbers within
sane bounds (a session of 10^30 minutes, a week 999999999), no block without weeks and no year
without blocks (empty pages and navigation), and no week that lists a session and also points
at it with `see:` (shown twice, its minutes counted twice).
"""

from __future__ import annotations

from induction.core.model import Programme
from induction.core.problems import Problems

MAX_SESSION_MINUTES = 600  # ten hours: no single session of an induction week is longer
# The largest block the site is built and measured for (make bench: every page under 300 KB); never 999999999.
MAX_WEEK = 1000


def minutes_are_sane(programme: Programme, problems: Problems) -> None:
    for session in programme.sessions.values():
        if session.complete and not 1 <= session.minutes <= MAX_SESSION_MINUTES:
            problems.add(
                "out-of-range",
                session.loc.file,
                session.lines.get("minutes", session.loc.line),
                f"The session '{session.id}' takes {session.minutes} minutes; a session takes 1 to "
                f"{MAX_SESSION_MINUTES}.",
                "Give its real length in minutes, or split it into sessions.",
            )


def weeks_are_sane(programme: Programme, problems: Problems) -> None:
    for block in programme.blocks.values():
        for week in block.weeks:
            if week.last > MAX_WEEK:
                problems.add(
                    "out-of-range",
                    week.loc.file,
                    week.loc.line,
                    f"{week.label} of '{block.id}' ends after week {MAX_WEEK}; a block's weeks run "
                    f"from 1 to at most {MAX_WEEK}.",
                    "Number the block's weeks from 1, or split the block.",
                )


def nothing_is_empty(programme: Programme, problems: Problems) -> None:
    # Only where the file read cleanly: a `weeks:` of the wrong shape is already reported as such.
    broken = {problem.file for problem in problems.items}
    for year in programme.years:
        if problems.display(year.loc.file) in broken:
            continue
        if not year.block_ids and not year.pages:
            problems.add(
                "empty-container",
                year.loc.file,
                year.loc.line,
                f"The year '{year.id}' has no blocks and no pages.",
                "List its blocks under blocks:, or remove the year.",
            )
    for block in programme.blocks.values():
        if not block.weeks and problems.display(block.loc.file) not in broken:
            problems.add(
                "empty-container",
                block.loc.file,
                block.loc.line,
                f"The block '{block.id}' has no weeks.",
                "List its weeks under weeks:, or remove the block.",
            )


def weeks_do_not_repeat(programme: Programme, problems: Problems) -> None:
    for block in programme.blocks.values():
        for week in block.weeks:
            refs = [ref for role_refs in week.roles.values() for ref in role_refs]
            listed = {ref.session_id for ref in refs if not ref.see}
            for ref in refs:
                if ref.see and ref.session_id in listed:
                    problems.add(
                        "listed-and-seen",
                        ref.loc.file,
                        ref.loc.line,
                        f"{week.label} of '{block.id}' lists the session '{ref.session_id}' and also "
                        "points at it with see:.",
                        "Keep one of the two entries.",
                    )


def refusals(programme: Programme, problems: Problems) -> None:
    minutes_are_sane(programme, problems)
    weeks_are_sane(programme, problems)
    nothing_is_empty(programme, problems)
    weeks_do_not_repeat(programme, problems)
