"""Retarget: a programme's learning intentions rewritten from one framework edition to another,
through the provider's crosswalk (induction/load/crosswalk.py), as new file texts and notes.

Beside the flow, for `scripts/crosswalk.py`. Nothing here writes a file: the texts come back and
the command decides where they go. The same code is a different statement in each edition, so an
intention is never left as it was: one that maps to one statement is rewritten, one that maps to
several is rewritten to all of them (the author keeps those the session teaches), and one that maps
to none, or that the crosswalk leaves out, is taken out of the list and kept beside it as a YAML
comment. Each of these, and each citation in a text the command cannot rewrite, is a note with the
file and line of the intention as it was.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field

import yaml

from induction.body import read, shortcodes
from induction.body.rich_text import rich_texts
from induction.core.model import Block, Crosswalk, Intention, Programme, Session, Site
from induction.core.placement import ProgrammePlaces
from induction.core.problems import Problems
from induction.core.source import read_markdown

MARK = "scripts/crosswalk.py"  # how the comments it leaves in a file name their author


@dataclass(frozen=True)
class Note:
    """Something the author must look at: where, and what happened there."""

    file: str
    line: int
    message: str


@dataclass
class Retargeting:
    texts: dict[str, str] = field(default_factory=dict)  # file path -> its new text (changed files only)
    notes: list[Note] = field(default_factory=list)

    def report(self, root: str) -> list[str]:
        """The notes as `file:line: message`, paths as the validator shows them (from above the content folder)."""
        base = os.path.dirname(os.path.abspath(root))
        return [
            f"{os.path.relpath(n.file, base)}:{n.line}: {n.message}"
            for n in sorted(self.notes, key=lambda n: (n.file, n.line))
        ]


def yaml_id(statement_id: str) -> str:
    """An id as YAML reads it back as the same text: plain when it is (8f, S1.a), else quoted ('2.1')."""
    try:
        same = yaml.safe_load(statement_id) == statement_id
    except yaml.YAMLError:
        same = False
    return statement_id if same else f"'{statement_id}'"


class _Mapper:
    """The crosswalk read for one run: what an old id becomes, and the note that says so."""

    def __init__(self, crosswalk: Crosswalk) -> None:
        self.crosswalk = crosswalk

    def targets(self, statement_id: str) -> list[str]:
        return self.crosswalk.mapping.get(statement_id, [])

    def problem(self, statement_id: str) -> str:
        """What to say about an intention that does not map to exactly one statement ('' when it does)."""
        walk, targets = self.crosswalk, self.targets(statement_id)
        if statement_id not in walk.mapping:
            return (
                f"{statement_id} is not in the crosswalk from {walk.source} to {walk.target}: taken out; "
                "choose its statement by hand."
            )
        if not targets:
            return f"{statement_id} has no counterpart in {walk.target}: taken out."
        if len(targets) > 1:
            return (
                f"{statement_id} maps to {len(targets)} statements of {walk.target} ({', '.join(targets)}): "
                "all written; keep those the session teaches."
            )
        return ""

    def citation(self, statement_id: str, rewritten: bool) -> str:
        """What to say about a citation in a text that is not rewritten ('' when it is)."""
        walk, targets = self.crosswalk, self.targets(statement_id)
        if statement_id not in walk.mapping:
            return (
                f"The text cites {statement_id}, which is not in the crosswalk from {walk.source} to "
                f"{walk.target}: not rewritten; cite its statement by hand."
            )
        if not targets:
            return (
                f"The text cites {statement_id}, which has no counterpart in {walk.target}: not rewritten; "
                "take the citation out."
            )
        if len(targets) > 1:
            return (
                f"The text cites {statement_id}, which maps to {len(targets)} statements of {walk.target} "
                f"({', '.join(targets)}): not rewritten; cite the one meant."
            )
        return "" if rewritten else f"The text cites {statement_id}: not rewritten; change it to {targets[0]}."


def retarget(
    site: Site, programme: Programme, places: ProgrammePlaces, crosswalk: Crosswalk, block: Block | None = None
) -> Retargeting:
    """The programme's files (or one block's) rewritten to `crosswalk.target`, with a note for each
    thing to look at. Sessions at home in a block on another edition than the crosswalk's source are
    left alone: their codes are that edition's."""
    out, mapper = Retargeting(), _Mapper(crosswalk)
    if block is None:
        _framework_key(site, programme.loc.file, crosswalk, out)
    else:
        _framework_key(site, block.loc.file, crosswalk, out, block)
    sessions = [
        place.session
        for place in places.in_order()
        if (block is None or place.block is block) and programme.framework_for(place.block) == crosswalk.source
    ]
    for session in sessions:
        text = site.texts.get(session.loc.file)
        if text is None:
            continue
        new = _session_text(session, text, mapper, out)
        if new != text:
            out.texts[session.loc.file] = new
    for rich in rich_texts(programme):  # summaries in YAML: their words may be folded, so only reported
        if block is not None and not rich.file.startswith(os.path.dirname(block.loc.file) + os.sep):
            continue
        for code in read(rich.text).shortcodes:
            if code.name in ("statement", "ecf"):
                out.notes.append(Note(rich.file, rich.line + code.line - 1, mapper.citation(code.arg, False)))
    return out


def _framework_key(site: Site, path: str, crosswalk: Crosswalk, out: Retargeting, block: Block | None = None) -> None:
    """programme.yaml's `framework:` set to the new edition; for one block, its block.yaml's (added after its id)."""
    text = site.texts.get(path, "")
    key = re.compile(r"^(framework[ \t]*:[ \t]*)(['\"]?)" + re.escape(crosswalk.source) + r"\2([ \t]*(?:#.*)?)$", re.M)
    new, count = key.subn(lambda m: m.group(1) + crosswalk.target + m.group(3), text, count=1)
    if not count and block is not None and not block.framework_id:
        new, count = re.subn(
            r"^(id[ \t]*:.*\n)", lambda m: f"{m.group(1)}framework: {crosswalk.target}\n", text, count=1, flags=re.M
        )
    if count:
        out.texts[path] = new
    else:
        owner = "block" if block is not None else "programme"
        out.notes.append(Note(path, 1, f"The {owner}'s 'framework:' could not be found: set it to {crosswalk.target}."))


def _session_text(session: Session, text: str, mapper: _Mapper, out: Retargeting) -> str:
    document = read_markdown(session.loc.file, Problems(), text)
    if document is None:
        return text
    front, body = text[: len(text) - len(document.body)], document.body
    if session.intentions:
        front = _front_matter(front, session, mapper, out)
    codes = [c for c in read(body).shortcodes if c.name in ("statement", "ecf")]

    def rewrite(code: shortcodes.Shortcode) -> str:
        written = body[code.start : code.end]
        targets = mapper.targets(code.arg)
        advice = mapper.citation(code.arg, True)
        if advice:
            out.notes.append(Note(session.loc.file, document.body_line + code.line - 1, advice))
            return written
        return re.sub(r"([\"'])" + re.escape(code.arg) + r"\1", lambda _: json.dumps(targets[0]), written, count=1)

    return front + shortcodes.replace(body, codes, rewrite)


def _front_matter(front: str, session: Session, mapper: _Mapper, out: Retargeting) -> str:
    """The front matter with its `intentions:` list written anew (the key's lines, found by indentation)."""
    lines = front.split("\n")
    start = next((i for i, line in enumerate(lines) if re.match(r"intentions[ \t]*:", line)), None)
    if start is None:
        out.notes.append(Note(session.loc.file, session.loc.line, "The intentions could not be found: not rewritten."))
        return front
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t#-") and lines[end].strip() != "---":
        end += 1
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1  # blank lines and comments after the list belong to what follows
    return "\n".join(lines[:start] + _intention_lines(session.intentions, session.loc.file, mapper, out) + lines[end:])


def _intention_lines(intentions: list[Intention], file: str, mapper: _Mapper, out: Retargeting) -> list[str]:
    items: list[str] = []
    kept: list[str] = []  # ids written, so two old statements mapped to one new one give one intention
    for intention in intentions:
        targets = mapper.targets(intention.statement_id)
        problem = mapper.problem(intention.statement_id)
        if problem:
            out.notes.append(Note(file, intention.loc.line, problem))
        if not targets:
            items.append(f"  # {MARK}: {problem}")
            continue
        for target in targets:
            if target in kept:
                continue
            kept.append(target)
            comment = f"  # {MARK}: {intention.statement_id} maps to several" if problem else ""
            key = "id: " if intention.wording else ""
            items.append(f"  - {key}{yaml_id(target)}{comment}")
            if intention.wording:
                items.append(f"    wording: {json.dumps(intention.wording, ensure_ascii=False)}")
    head = "intentions:" if kept else "intentions: []"
    return [head] + items
