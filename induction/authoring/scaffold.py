"""Scaffold: new weeks, blocks, sessions and videos as files with marked placeholders.

The authoring stage, before the flow (scaffold -> content/ -> load -> check -> render). Each
function reads the content folder with `loader`, works out the next free week number or id,
and returns a `Plan` of file texts; nothing is written until `Plan.apply`. Placeholders carry
the `TODO:` marker, which `placeholders` reports until the author replaces it. Lists in
existing YAML files are extended by `yaml_lists`, so the author's comments and layout stay.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from induction.authoring.retarget import yaml_id
from induction.authoring.yaml_lists import EditError, append_item
from induction.check.placeholders import MARKER
from induction.core import formats
from induction.core.formats import ROLE
from induction.core.model import Block, Programme, Week, Year
from induction.core.problems import did_you_mean
from induction.core.shapes import ID_PATTERN
from induction.load.loader import load_site

# The minutes a new session of each kind starts with (its kind, when none is asked for: formats.ROLE).
MINUTES = {"video": 10, "reading": 20, "plan": 45, "training": 60}
PHASES = [("Review", 10), ("Plan", 15), ("Theory to practice", 15), ("Next steps", 5)]


class ScaffoldError(Exception):
    """Something the author asked for cannot be made; the message says why and what to do."""


@dataclass
class Plan:
    """The files a command would write (full new texts), and what to tell the author."""

    root: str
    texts: dict[str, str] = field(default_factory=dict)
    created: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def read(self, path: str) -> str:
        if path in self.texts:
            return self.texts[path]
        with open(path, encoding="utf-8") as handle:
            return handle.read()

    def create(self, path: str, text: str) -> None:
        if os.path.exists(path) or path in self.texts:
            raise ScaffoldError(f"{self.show(path)} already exists; nothing was written.")
        self.texts[path] = text
        self.created.append(path)

    def append(self, path: str, keys: list, item: str, what: str) -> None:
        try:
            self.texts[path] = append_item(self.read(path), keys, item)
        except EditError as error:
            raise ScaffoldError(f"{self.show(path)}: {error} Add {what} by hand.") from None
        self.notes.append(f"added {what} to {self.show(path)}")

    def show(self, path: str) -> str:
        return os.path.relpath(path, os.path.dirname(self.root)).replace(os.sep, "/")

    def report(self) -> list[str]:
        return [f"created {self.show(path)}" for path in self.created] + self.notes

    def apply(self) -> None:
        for path, text in self.texts.items():
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text if text.endswith("\n") else text + "\n")


def _todo(text: str) -> str:
    return f"'{MARKER} {text}'"


def _load(root: str) -> list[Programme]:
    if not os.path.isfile(os.path.join(root, "site.yaml")):
        raise ScaffoldError(f"{root} is not a content folder (it has no site.yaml). Give one with --content.")
    site, _ = load_site(root)  # problems elsewhere in the tree do not stop a scaffold
    return list(site.programmes)


def _find_block(root: str, block_id: str) -> tuple[Programme, Block]:
    programmes = _load(root)
    for programme in programmes:
        if block_id in programme.blocks:
            return programme, programme.blocks[block_id]
    known = [b for p in programmes for b in p.blocks]
    hint = did_you_mean(block_id, known) or f"Blocks: {', '.join(sorted(known)) or 'none yet'}."
    raise ScaffoldError(f"No block has the id '{block_id}'. {hint}")


def _find_week(block: Block, number: int) -> tuple[int, Week]:
    for index, week in enumerate(block.weeks):
        if week.first <= number <= week.last:
            return index, week
    raise ScaffoldError(f"The block '{block.id}' has no week {number}; add it with: new.py week --block {block.id}")


def _free_id(programme: Programme, plan: Plan, base: str, folder: str) -> str:
    """`base`, or `base-2`, `base-3`...: the first id no session, video or file uses yet."""
    taken = set(programme.sessions) | set(programme.videos) | set(programme.blocks)
    number, candidate = 1, base
    while (
        candidate in taken
        or os.path.exists(os.path.join(folder, candidate + ".md"))
        or os.path.join(folder, candidate + ".md") in plan.texts
    ):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def week_tag(week: Week) -> str:
    return f"w{week.first}" if week.first == week.last else f"w{week.first}-{week.last}"


def session_text(session_id: str, role: str, kind: str, video: str = "") -> str:
    lines = [
        "---",
        f"id: {session_id}",
        f"role: {role}",
        f"kind: {kind}",
        f"title: {_todo(f'the title the {ROLE[role].person} will see')}",
        f"minutes: {MINUTES.get(kind, 15)}",
        f"intentions: []   # {MARKER} statement ids this session teaches, like [7a, '1.4']; or delete this comment",
    ]
    if role == "mentor" and kind == "plan":
        lines[5] = f"minutes: {sum(minutes for _, minutes in PHASES)}"
        lines.append("phases:")
        for title, minutes in PHASES:
            lines += [f"  - title: {title}", f"    minutes: {minutes}"]
        lines += ["---", ""]
        for title, _ in PHASES:
            lines += [f"## {title}", "", f"1. {MARKER} a step for the mentor in this phase.", ""]
        return "\n".join(lines)
    lines += ["---", "", f"{MARKER} write what the {ROLE[role].person} does in this {kind}.", ""]
    if video:
        lines += [f'{{{{ video("{video}") }}}}', ""]
    return "\n".join(lines)


def _sessions_for_week(
    plan: Plan, programme: Programme, block_folder: str, block_id: str, tag: str, roles: tuple[str, ...]
) -> dict[str, str]:
    """One new session per role for a new week: role -> its id (files added to `plan`)."""
    made = {}
    for role in roles:
        kind = ROLE[role].default_kind
        session_id = _free_id(programme, plan, f"{block_id}-{tag}-{'mentor' if kind == 'plan' else kind}", block_folder)
        plan.create(os.path.join(block_folder, session_id + ".md"), session_text(session_id, role, kind))
        made[role] = session_id
    return made


def week_text(number: int, sessions: dict[str, str]) -> str:
    lines = [f"week: {number}", f"title: {_todo('the week title')}", "summary:"]
    lines += [f"  {role}: {_todo(f'one sentence for the {ROLE[role].person}')}" for role in sessions]
    lines += [f"{role}: [{session_id}]" for role, session_id in sessions.items()]
    return "\n".join(lines)


def _check_roles(roles: tuple[str, ...]) -> None:
    for role in roles:
        if role not in formats.ROLES:
            raise ScaffoldError(f"'{role}' is not a role. Expected one of: {', '.join(formats.ROLES)}.")


def new_week(root: str, block_id: str, roles: tuple[str, ...] = ("ect", "mentor")) -> Plan:
    """The next week of a block, with one new session per role, appended to its block.yaml."""
    _check_roles(roles)
    programme, block = _find_block(root, block_id)
    plan = Plan(os.path.abspath(root))
    number = max((week.last for week in block.weeks), default=0) + 1
    folder = os.path.dirname(block.loc.file)
    sessions = _sessions_for_week(plan, programme, folder, block.id, f"w{number}", roles)
    plan.append(block.loc.file, ["weeks"], week_text(number, sessions), f"week {number}")
    return plan


def new_session(root: str, block_id: str, week: int, role: str, kind: str | None = None, video: str = "") -> Plan:
    """A session file in the block's folder, listed at the end of the week's list for its role."""
    _check_roles((role,))
    kind = kind or ROLE[role].default_kind
    if kind not in formats.KINDS[role]:
        raise ScaffoldError(
            f"A session of role {role} cannot be of kind {kind}. Expected one of: {', '.join(formats.KINDS[role])}."
        )
    programme, block = _find_block(root, block_id)
    if video and video not in programme.videos:
        raise ScaffoldError(f"No video has the id '{video}'. {did_you_mean(video, programme.videos)}".strip())
    index, found = _find_week(block, week)
    plan = Plan(os.path.abspath(root))
    folder = os.path.dirname(block.loc.file)
    session_id = _free_id(programme, plan, f"{block.id}-{week_tag(found)}-{kind}", folder)
    plan.create(os.path.join(folder, session_id + ".md"), session_text(session_id, role, kind, video))
    plan.append(block.loc.file, ["weeks", index, role], session_id, f"'{session_id}' ({found.label.lower()})")
    return plan


def new_video(root: str, block_id: str) -> Plan:
    """A video entry in the videos.yaml beside the block (made if missing) and its transcript."""
    programme, block = _find_block(root, block_id)
    plan = Plan(os.path.abspath(root))
    folder = os.path.dirname(block.loc.file)
    number, video_id = 1, f"{block.id}-video-1"
    while video_id in programme.videos or video_id in programme.sessions:
        number += 1
        video_id = f"{block.id}-video-{number}"
    transcript = f"transcripts/{video_id}.md"
    entry = "\n".join(
        [
            f"id: {video_id}",
            f"title: {_todo('the video title')}",
            f"url: https://www.youtube.com/watch?v=XXXXXXXXXXX   # {MARKER} the address of the video",
            f"duration: '0:00'   # {MARKER} its length as minutes:seconds",
            f"transcript: {transcript}",
        ]
    )
    videos = os.path.join(folder, "videos.yaml")
    if os.path.exists(videos):
        plan.append(videos, ["videos"], entry, f"the video '{video_id}'")
    else:
        plan.create(
            videos,
            "videos:\n" + "\n".join(("  - " if i == 0 else "    ") + line for i, line in enumerate(entry.split("\n"))),
        )
    plan.create(
        os.path.join(folder, transcript),
        f"**Narrator:** {MARKER} write what is said in the video, a bold label for each speaker.\n",
    )
    return plan


def _find_year(root: str, year_id: str, programme_id: str | None) -> tuple[Programme, int, Year]:
    programmes = _load(root)
    if programme_id:
        programmes = [p for p in programmes if p.id == programme_id]
        if not programmes:
            raise ScaffoldError(f"No programme has the id '{programme_id}'.")
    found = [(p, i, y) for p in programmes for i, y in enumerate(p.years) if y.id == year_id]
    if len(found) > 1:
        raise ScaffoldError(f"Several programmes have a year '{year_id}'; name one with --programme.")
    if not found:
        known = [y.id for p in programmes for y in p.years]
        raise ScaffoldError(f"No year has the id '{year_id}'. {did_you_mean(year_id, known)}".strip())
    return found[0]


def require_id(value: str, what: str) -> None:
    """Refuse, before anything is read or written, an id that is not an id: it becomes a folder or
    file name (`../../x` would write outside the content folder) and a part of addresses."""
    if value and not re.fullmatch(ID_PATTERN, value):
        raise ScaffoldError(
            f"The {what} id '{value}' is not an id: use lower-case letters, digits and single "
            "hyphens, like 'routines-w1'."
        )


def new_block(root: str, year_id: str, programme_id: str | None = None, block_id: str = "") -> Plan:
    """A block folder with its block.yaml and a first week, listed last in its year."""
    require_id(block_id, "block")
    programme, index, year = _find_year(root, year_id, programme_id)
    if not block_id:
        number = len(year.block_ids) + 1
        block_id = f"{year.id}-block-{number}"
        while block_id in programme.blocks:
            number += 1
            block_id = f"{year.id}-block-{number}"
    elif block_id in programme.blocks:
        used = Plan(os.path.abspath(root)).show(programme.blocks[block_id].loc.file)
        raise ScaffoldError(f"The block id '{block_id}' is already used by {used}.")
    # Beside the year's other blocks if it has some; otherwise in a folder named after the year.
    parent = (
        os.path.dirname(os.path.dirname(year.blocks[0].loc.file))
        if year.blocks
        else os.path.join(programme.folder, year.id)
    )
    folder = os.path.join(parent, block_id)
    plan = Plan(os.path.abspath(root))
    roles = ("ect", "mentor")
    sessions = _sessions_for_week(plan, programme, folder, block_id, "w1", roles)
    lines = [
        f"id: {block_id}",
        f"title: {_todo('the block title')}",
        f"term: autumn     # {MARKER} autumn, spring or summer",
        f"half_term: 1     # {MARKER} 1 or 2; delete this line for a whole-term block",
        "summary:",
    ]
    lines += [f"  {role}: {_todo(f'what the block is about, for the {ROLE[role].person}')}" for role in roles]
    lines += ["weeks:"] + [
        "  " + ("- " if i == 0 else "  ") + line for i, line in enumerate(week_text(1, sessions).split("\n"))
    ]
    plan.create(os.path.join(folder, "block.yaml"), "\n".join(lines))
    plan.append(programme.loc.file, ["years", index, "blocks"], block_id, f"the block '{block_id}' ({year.title})")
    return plan


def framework_text(framework_id: str, title: str, edition: str) -> str:
    """A framework file with one standard, one statement of each kind and one 'by:' group, all placeholders."""
    return (
        "\n".join(
            [
                "# A framework edition as data: documentation/format.md, 'Framework files'. One file per edition;",
                "# a later edition that renumbers is a second file, mapped to this one by a crosswalk.",
                f"id: {framework_id}",
                f"title: {title or _todo('the framework title, as published')}",
                f"edition: {edition or _todo('which edition, as readers should see it, like January 2024')}",
                f"publisher: {_todo('who publishes it')}",
                f"attribution: {_todo('the credit line its licence asks for')}",
                "standards:",
                "- number: 1",
                f"  title: {_todo('the first standard')}",
                "  learn_that:",
                "  - id: '1.1'",
                f"    text: {_todo('the first learn that statement, word for word')}",
                "  learn_how_to:",
                f"  - heading: {_todo('the heading of the first group, ending in by:')}",
                "    statements:",
                "    - id: 1a",
                f"      text: {_todo('the first learn how to statement, word for word')}",
            ]
        )
        + "\n"
    )


def new_framework(root: str, framework_id: str, title: str = "", edition: str = "") -> Plan:
    require_id(framework_id, "framework")
    _load(root)
    plan = Plan(os.path.abspath(root))
    plan.create(
        os.path.join(plan.root, "frameworks", f"{framework_id}.yaml"), framework_text(framework_id, title, edition)
    )
    plan.notes.append("list the framework's id as 'framework:' in a programme.yaml (or a block.yaml) to use it")
    return plan


def new_crosswalk(root: str, source_id: str, target_id: str) -> Plan:
    """A crosswalk listing every statement of `source_id`: mapped where `target_id` has a statement of
    the very same text (the usual case when an edition only renumbers), a placeholder otherwise."""
    if not os.path.isfile(os.path.join(root, "site.yaml")):
        raise ScaffoldError(f"{root} is not a content folder (it has no site.yaml). Give one with --content.")
    site, _ = load_site(root)
    for framework_id in (source_id, target_id):
        if framework_id not in site.frameworks:
            hint = did_you_mean(framework_id, site.frameworks) or f"Frameworks: {', '.join(sorted(site.frameworks))}."
            raise ScaffoldError(f"No framework in frameworks/ has the id '{framework_id}'. {hint}")
    source, target = site.frameworks[source_id], site.frameworks[target_id]
    same_text = {statement.text: statement.id for statement in target.statements.values()}
    lines = [
        f"# How the statements of {source_id} map to {target_id}: documentation/format.md, 'Crosswalks'.",
        "# 'to:' lists one statement, several, or none ([]); scripts/crosswalk.py uses this file.",
        f"from: {source_id}",
        f"to: {target_id}",
        "statements:",
    ]
    for statement in source.statements.values():
        found = same_text.get(statement.text)
        if found:
            lines.append(f"  - {{from: {yaml_id(statement.id)}, to: [{yaml_id(found)}]}}  # the same text")
        else:
            lines.append(
                f"  - {{from: {yaml_id(statement.id)}, to: []}}  # {MARKER} no statement of {target_id} "
                "has this text: list its counterparts, or leave [] for none"
            )
    plan = Plan(os.path.abspath(root))
    plan.create(os.path.join(plan.root, "crosswalks", f"{source_id}-to-{target_id}.yaml"), "\n".join(lines) + "\n")
    return plan
