"""Checks: cross-references and rules that span files, each a claim about valid content.

Stage three of the flow (source -> load -> **check** -> render). Every check takes the loaded
model and reports problems; none raises. `check_site` runs them all and returns the placements
that rendering needs, so they are computed once.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from induction.body import read
from induction.body.rich_text import rich_texts
from induction.check import coverage
from induction.check.body_refusals import body_refusals
from induction.check.contrast import colours_are_readable
from induction.check.lenses import examples_are_declared
from induction.check.mentor_training import training_is_its_own_strand
from induction.check.nesting import nesting_is_bounded
from induction.check.placeholders import placeholders_are_filled
from induction.check.refusals import refusals
from induction.check.routes import routes_are_sound
from induction.check.sanitiser import bodies_are_safe
from induction.check.wording import belongs_elsewhere
from induction.core import formats
from induction.core.control_chars import control_characters_are_absent
from induction.core.model import Framework, Programme, Session, Site
from induction.core.paths import symlinks_stay_inside
from induction.core.placement import TRAINING, ProgrammePlaces, place_programme
from induction.core.problems import Problems, did_you_mean


def check_site(site: Site, problems: Problems) -> dict[str, ProgrammePlaces]:
    placements: dict[str, ProgrammePlaces] = {}
    for programme in site.programmes:
        framework = site.frameworks.get(programme.framework_id)
        if framework is None:
            problems.unknown(
                "framework",
                programme.framework_id,
                site.frameworks,
                programme.loc.file,
                programme.loc.line,
                "Add its file to the frameworks/ folder.",
                "unknown-framework",
            )
        places = place_programme(programme, problems)
        cites = editions_are_known(site, programme, places, problems)
        placements[programme.id] = places
        blocks_are_listed_once(programme, problems)
        sessions_are_listed(programme, places, problems)
        ids_are_not_reserved(places, problems)
        sessions_sit_in_their_role(programme, problems)
        training_is_its_own_strand(programme, problems)
        weeks_run_on(programme, problems)
        routes_are_sound(programme, places, problems)  # routes named, reachable and served each week (routes.py)
        refusals(programme, problems)  # bounds, empty blocks and years, a session listed and seen (refusals.py)
        body_refusals(programme, problems)  # Markdown that renders otherwise than meant (body_refusals.py)
        nesting_is_bounded(programme, problems)  # nothing nested past the renderer's recursion (nesting.py)
        for session in programme.sessions.values():
            bodies_are_not_empty(session, problems)
            plans_add_up(session, problems)
            cited = cites.get(session.id, framework)  # the block's own edition, else the programme's
            references_resolve(session, programme, cited, problems)
            examples_are_declared(programme, session, problems)
            if cited:
                intentions_name_statements(session, cited, problems)
        if framework:
            coverage_is_met(programme, framework, places, problems)
        bodies_are_safe(programme, problems)  # raw HTML and addresses (sanitiser.py); strip mode cleans bodies
        for field in rich_texts(programme):  # summaries take shortcodes as bodies do
            shortcodes_resolve(field.text, field.file, field.line, programme, framework, problems)
    placeholders_are_filled(site.texts, problems)
    control_characters_are_absent(site.texts, problems)
    symlinks_stay_inside(site.root, site.links, problems)
    colours_are_readable(site, problems)  # the brand colours on what they are drawn on (contrast.py)
    return placements


def blocks_are_listed_once(programme: Programme, problems: Problems) -> None:
    seen: dict[str, str] = {}
    for year in programme.years:
        for block_id in year.block_ids:
            if block_id in seen:
                problems.add(
                    "listed-twice",
                    programme.loc.file,
                    year.loc.line,
                    f"The block '{block_id}' is listed twice (also in {seen[block_id]}).",
                    "List each block in one year only.",
                )
            seen[block_id] = year.id
    if programme.incomplete:  # the lists could not be read in full: 'not-listed' would be a follow-on
        return
    misspelt = _near([b for y in programme.years for b in y.block_ids if b not in programme.blocks], programme.blocks)
    for block in programme.blocks.values():
        if block.id not in seen and block.id not in misspelt:
            problems.add(
                "not-listed",
                block.loc.file,
                block.loc.line,
                f"The block '{block.id}' is in no year of the programme.",
                f"Add '{block.id}' to a year's blocks in programme.yaml.",
            )


def _near(wrong: Sequence[str], choices: Iterable[str]) -> set[str]:
    """The ids that the misspelt ids in `wrong` were probably meant to be (as the hints suggest)."""
    return {m for w in wrong for m in difflib.get_close_matches(w, sorted(choices), n=1, cutoff=0.6)}


def sessions_are_listed(programme: Programme, places: ProgrammePlaces, problems: Problems) -> None:
    if programme.incomplete:  # the lists could not be read in full: 'not-listed' would be a follow-on
        return
    # A session listed in a block that is itself in no year, or misspelt in a list (reported as an
    # unknown reference with this id as the hint), is not reported a second time.
    in_blocks = {
        ref.session_id
        for block in programme.blocks.values()
        for refs in [block.pages, *(r for w in block.weeks for r in w.roles.values())]
        for ref in refs
    }
    explained = in_blocks | _near(places.missing, programme.sessions)
    for session in programme.sessions.values():
        if session.id not in places.homes and session.id not in explained:
            problems.add(
                "not-listed",
                session.loc.file,
                session.loc.line,
                f"The session '{session.id}' is in no week, block or year.",
                "List its id in a block.yaml week or pages, or in a year's pages.",
            )


_WEEK_SLUG = re.compile(r"week-\d+(?:-\d+)?")


def ids_are_not_reserved(places: ProgrammePlaces, problems: Problems) -> None:
    """A session's page sits beside its block's (or year's) generated pages, so its id must not
    take their address: the build would fail, or silently publish one page in place of the other."""
    for year in places.programme.years:  # a year's folder sits beside the programme's own pages
        taken = {"coverage": "the programme's coverage page", "videos": "the folder of the video transcripts"}
        if year.id in taken:
            problems.add(
                "reserved-id",
                year.loc.file,
                year.loc.line,
                f"The year id '{year.id}' would give its page the address of {taken[year.id]}.",
                f"Choose another id, such as '{year.id}-year'.",
            )
    for place in places.homes.values():
        sid, block = place.session.id, place.block
        if block is not None:
            what = {
                "index": f"the page of block '{block.id}'",
                "mentor-pack": f"the mentor pack of block '{block.id}'",
                **({"diagnostic": f"the diagnostic of block '{block.id}'"} if block.routes else {}),
            }.get(sid)
            if what is None and _WEEK_SLUG.fullmatch(sid):
                what = f"a week's page in block '{block.id}'"
            prefix = block.id
        elif place.role == TRAINING:  # beside the strand's own page, mentor-training/index.md
            what, prefix = ("the mentor training page" if sid == "index" else None), "mentor-training"
        else:
            what = (
                f"the page of year '{place.year.id}'"
                if sid == "index"
                else (f"the page of block '{sid}'" if sid in place.year.block_ids else None)
            )
            prefix = place.year.id
        if what:
            problems.add(
                "reserved-id",
                place.session.loc.file,
                place.session.lines.get("id", place.session.loc.line),
                f"The session id '{sid}' would give its page the address of {what}.",
                f"Choose another id, such as '{prefix}-{sid}'.",
            )


def sessions_sit_in_their_role(programme: Programme, problems: Problems) -> None:
    for session in programme.sessions.values():
        if session.kind not in formats.KINDS[session.role]:
            problems.add(
                "role-mismatch",
                session.loc.file,
                session.loc.line,
                f"A session of role {session.role} cannot be of kind {session.kind}. Expected one of: "
                f"{', '.join(formats.KINDS[session.role])}.",
            )
    for block in programme.blocks.values():
        for week in block.weeks:
            for role, refs in week.roles.items():
                for ref in refs:
                    listed = programme.sessions.get(ref.session_id)
                    if listed and listed.role != role:
                        problems.add(
                            "role-mismatch",
                            ref.loc.file,
                            ref.loc.line,
                            f"The session '{listed.id}' has role {listed.role} but is listed under {role}.",
                            f"Move it to the week's {listed.role} list.",
                        )


def weeks_run_on(programme: Programme, problems: Problems) -> None:
    for block in programme.blocks.values():
        expected = 1
        for week in block.weeks:
            if not any(week.roles.values()) and not any(week.summary.values()):  # a summary-only week is allowed
                problems.add(
                    "empty-week",
                    week.loc.file,
                    week.loc.line,
                    f"{week.label} of '{block.id}' lists no session.",
                    "List at least one session under ect, mentor or tutor.",
                )
            if week.first < expected:
                problems.add(
                    "week-overlap",
                    week.loc.file,
                    week.loc.line,
                    f"{week.label} {'overlap' if week.first != week.last else 'overlaps'} the week before it, "
                    f"which ends at week {expected - 1}.",
                    f"Start this entry at week {expected}.",
                )
            elif week.first > expected:
                missing = str(expected) if week.first == expected + 1 else f"{expected} to {week.first - 1}"
                problems.add(
                    "week-gap",
                    week.loc.file,
                    week.loc.line,
                    f"{week.label} follows week {expected - 1}: week {missing} is missing.",
                    f"Number this entry {expected}, or add the missing weeks.",
                )
            expected = max(expected, week.last + 1)


def bodies_are_not_empty(session: Session, problems: Problems) -> None:
    if not session.body.strip():
        problems.add(
            "empty-body",
            session.loc.file,
            session.body_line,
            f"The session '{session.id}' has no text below its front matter.",
            "Write the session's body.",
        )


def plans_add_up(session: Session, problems: Problems) -> None:
    if not session.is_mentor_plan or not session.complete:
        return  # an incomplete front matter's problems are reported; its sums would only repeat them
    file = session.loc.file
    if not session.phases:
        problems.add(
            "missing-phases",
            file,
            session.loc.line,
            f"The mentor session plan '{session.id}' declares no phases.",
            "List its phases under phases:, each with title: (and minutes:, when the plan is timed).",
        )
        return
    untimed = [phase for phase in session.phases if phase.minutes is None]
    if untimed and len(untimed) < len(session.phases):  # a mix: a phase's minutes were forgotten
        problems.add(
            "untimed-phase",
            file,
            untimed[0].loc.line,
            f"The phase '{untimed[0].title}' gives no minutes, but other phases of the plan do.",
            "Give every phase its minutes:, or none (an untimed plan, whose parts share its minutes).",
        )
    elif not untimed:
        total = sum(phase.minutes or 0 for phase in session.phases)
        if total != session.minutes:
            detail = " + ".join(str(phase.minutes) for phase in session.phases)
            problems.add(
                "minutes-mismatch",
                file,
                session.lines.get("minutes", session.loc.line),
                f"The phases add up to {total} minutes ({detail}) but the plan says minutes: {session.minutes}.",
                "Correct the phase minutes or the plan's total.",
            )
    found = [(heading.text, heading.line) for heading in read(session.body).headings if heading.level == 2]
    titles = [phase.title for phase in session.phases]
    for index, phase in enumerate(session.phases):
        if index >= len(found) or found[index][0] != phase.title:
            at = found[index][1] + session.body_line - 1 if index < len(found) else phase.loc.line
            seen = f"'{found[index][0]}'" if index < len(found) else "no more ## headings"
            problems.add(
                "phase-heading",
                file,
                at,
                f"Phase {index + 1} is '{phase.title}' but the body has {seen} there.",
                f"Give each phase a ## heading with its title, in order: {', '.join(titles)}.",
            )
            return
    for text, line in found[len(titles) :]:
        problems.add(
            "phase-heading",
            file,
            line + session.body_line - 1,
            f"The ## heading '{text}' is not one of the plan's phases.",
            "Use ### inside a phase, or add the phase to phases:.",
        )


def editions_are_known(
    site: Site, programme: Programme, places: ProgrammePlaces, problems: Problems
) -> dict[str, Framework | None]:
    """A block naming its own framework edition names one that exists; returns, for each session
    at home in such a block, the edition its intentions and citations are checked against."""
    for block in programme.blocks.values():
        if block.framework_id and block.framework_id not in site.frameworks:
            problems.unknown(
                "framework",
                block.framework_id,
                site.frameworks,
                block.loc.file,
                block.framework_line,
                "Add its file to the frameworks/ folder.",
                "unknown-framework",
            )
    return {
        place.session.id: site.frameworks.get(place.block.framework_id)
        for place in places.in_order()
        if place.block is not None and place.block.framework_id
    }


def references_resolve(session: Session, programme: Programme, framework: Framework | None, problems: Problems) -> None:
    file = session.loc.file
    for asset_id, line in zip(session.asset_ids, session.asset_lines, strict=False):
        if asset_id not in programme.assets:
            problems.unknown("handout", asset_id, programme.assets, file, line)
    shortcodes_resolve(session.body, file, session.body_line, programme, framework, problems)


def shortcodes_resolve(
    body: str, file: str, first_line: int, programme: Programme, framework: Framework | None, problems: Problems
) -> None:
    """Each shortcode of a body or a rich-text field names what exists; braces that are none are reported."""
    read_body = read(body)
    codes, strays = read_body.shortcodes, read_body.strays
    for stray in dict.fromkeys(strays):  # a run of the same stray on one line is one problem
        problems.add(
            "template-syntax",
            file,
            first_line + stray.line - 1,
            f"'{stray.text}' is not a shortcode this format knows.",
            'Use {{ video("id") }}, {{ asset("id") }}, {{ statement("id") }} or {{ session("id") }}.',
        )
    for code in codes:
        line = first_line + code.line - 1
        if code.name == "video":
            if not code.alone:
                problems.add(
                    "bad-shortcode",
                    file,
                    line,
                    "A video shortcode must stand on a line of its own.",
                    "Put the shortcode on its own line.",
                )
            if code.arg not in programme.videos:
                problems.unknown("video", code.arg, programme.videos, file, line)
        elif code.name in ("asset", "image") and code.arg not in programme.assets:
            problems.unknown("handout", code.arg, programme.assets, file, line)
        elif code.name == "session" and code.arg not in programme.sessions and code.arg not in programme.unread:
            problems.unknown("session", code.arg, programme.sessions, file, line)
        elif code.name in ("statement", "ecf") and framework and code.arg not in framework.statements:
            problems.add(
                "unknown-statement",
                file,
                line,
                f"The framework {framework.id} has no statement '{code.arg}'.",
                statement_hint(code.arg, framework),
            )


def statement_hint(statement_id: str, framework: Framework) -> str:
    """ "Did you mean '7h'?", or else the range of ids of the standard the id's number names."""
    hint = did_you_mean(statement_id, framework.statements)
    number = re.match(r"\d+", statement_id)
    standard = next((s for s in framework.standards if number and s.number == int(number.group())), None)
    if hint or standard is None or not standard.statements:
        return hint
    runs = []
    for kind in ("learn_that", "learn_how_to"):
        ids = [s.id for s in standard.statements if s.kind == kind]
        if ids:
            runs.append(ids[0] if len(ids) == 1 else f"{ids[0]} to {ids[-1]}")
    return f"Standard {standard.number}'s statements are {' and '.join(runs)}."


def intentions_name_statements(session: Session, framework: Framework, problems: Problems) -> None:
    for intention in session.intentions:
        statement = framework.statements.get(intention.statement_id)
        if statement is None:
            problems.add(
                "unknown-statement",
                intention.loc.file,
                intention.loc.line,
                f"The framework {framework.id} has no statement '{intention.statement_id}'.",
                statement_hint(intention.statement_id, framework),
            )
            continue
        if intention.wording:
            other = belongs_elsewhere(intention.wording, statement, framework)
            if other:
                problems.add(
                    "wording-mismatch",
                    intention.loc.file,
                    intention.loc.line,
                    f"The wording given for {statement.id} is the text of {other.id}.",
                    f"Did you mean {other.id}?",
                )


def coverage_is_met(programme: Programme, framework: Framework, places: ProgrammePlaces, problems: Problems) -> None:
    if programme.settings.coverage == "off":
        return
    missing = [s.id for s in coverage.compute(programme, framework, places).uncovered]
    if missing:
        shown = ", ".join(missing[:12]) + (f" and {len(missing) - 12} more" if len(missing) > 12 else "")
        problems.add(
            "uncovered-statements",
            programme.loc.file,
            programme.loc.line,
            f"{len(missing)} of {len(framework.statements)} statements of {framework.id} are cited by no "
            f"session: {shown}.",
            f"Cite them in sessions' intentions, or relax settings.coverage. Every one with its text: "
            f"scripts/coverage.py --programme {programme.id}.",
            "error" if programme.settings.coverage == "error" else "warning",
        )
