"""Writer: a programme plan written as a content folder (format v1), deterministically.

Last import stage before the report. Everything is written in a fixed order with fixed YAML
style, so the same input gives the same bytes and a re-run changes nothing.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
from typing import Any

import yaml

from induction.core.formats import ROLES
from induction.core.plain_text import plain
from induction.core.settings import Settings

from . import titles
from .conversion import BlockPlan, Listed, ProgrammePlan, SessionPlan
from .links import label
from .origins import Origin, Origins, anchored
from .structure import internal

NO_TRANSCRIPT = "No transcript was published with this video."
_MD_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")


class _Dumper(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


class OutsideDestination(ValueError):
    """A path that would leave the destination: never written (ids are slugs, so it cannot happen
    through them; this guards every other way a name might reach a path)."""


def inside(root: str, path: str) -> str:
    """`path` if it lies within `root` (both resolved, symlinks too), else OutsideDestination."""
    real_root, real = os.path.realpath(root), os.path.realpath(path)
    if os.path.commonpath([real_root, real]) != real_root or real == real_root:
        raise OutsideDestination(f"{path} is outside {root}")
    return path


def write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = "\n".join(line.rstrip() for line in text.split("\n"))  # '|' blocks cannot keep trailing spaces
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def session_src(plan: ProgrammePlan, session: SessionPlan) -> str:
    base = f"{plan.slug}/year-{session.year}"
    return f"{base}/{session.block}/{session.id}.md" if session.block else f"{base}/{session.id}.md"


def link_summary(plan: ProgrammePlan, text: str, src: str | None) -> str:
    """Internal links of a summary as a body's are (links.py): a page becomes a `session` shortcode
    and a handout an `asset` one (or an `image` one), which follow the summary to every page that
    shows it and publish the handout; a generated page's link is made relative to the page of what
    the summary describes (`src`: the renderer rebases it elsewhere), or plain text if there is none."""
    targets = plan.targets

    def replace(match: re.Match) -> str:
        path, words = internal(match.group(2)), match.group(1)
        if not path or targets is None:
            return match.group(0)
        image = match.start() > 0 and match.string[match.start() - 1] == "!"
        if path in targets.sessions and not image:
            return f'{{{{ session("{targets.sessions[path]}", {label(words)}) }}}}'
        if path in targets.files:
            targets.used.add(path)
            asset_id = targets.asset_ids[path]
            targets.asset_titles.setdefault(asset_id, " ".join(words.split()) or asset_id)
            return f'{{{{ image("{asset_id}", {label(words)}) }}}}' if image else f'{{{{ asset("{asset_id}") }}}}'
        index = targets.indexes.get(path)
        if index and src and not image:
            return f"[{words}]({posixpath.relpath(index, posixpath.dirname(src))})"
        return words

    text = _MD_LINK.sub(replace, text)
    return re.sub(r"!(\{\{ image\()", r"\1", text).strip()  # the image's '!' went with its link


def _summary(plan: ProgrammePlan, parts: dict[str, list[str]], src: str | None) -> dict[str, str]:
    out = {}
    for role in ROLES:
        text = link_summary(plan, "\n\n".join(p for p in parts.get(role, []) if p.strip()), src)
        if text:
            out[role] = text + "\n"
    return out


def _refs(entries: list[Listed], sessions: dict[str, SessionPlan]) -> list:
    """A list of session ids, and {see: id} for a revisit; a revisit whose link said something other
    than the session's title ("Revisit the routines video") keeps those words as its label."""
    out: list = []
    for sid, see, text in entries:
        label = " ".join(text.split())
        if not see:
            out.append(sid)
        else:
            out.append({"see": sid, **({"label": plain(label)} if label and label != sessions[sid].title else {})})
    return out


def write_programme(plan: ProgrammePlan, dest: str, framework_id: str, origins: Origins) -> None:
    """The programme's files below `dest/<slug>/` (dest is a fresh folder: nothing is removed)."""
    folder = inside(dest, os.path.join(dest, plan.slug))
    years = []
    for number in sorted({b.year for b in plan.blocks.values()} | set(plan.years)):
        entry = plan.years.get(number, {"summary": [], "pages": []})
        year: dict[str, Any] = {"id": f"year-{number}", "title": f"Year {number}"}
        summary = link_summary(plan, "\n\n".join(entry["summary"]), None)
        if summary:
            year["summary"] = summary + "\n"
        if entry["pages"]:
            year["pages"] = _refs(entry["pages"], plan.sessions)
        year["blocks"] = [b.id for b in plan.blocks.values() if b.year == number]
        years.append(year)
    programme: dict[str, Any] = {
        "id": plan.slug,
        "title": plain(plan.title),
        "provider": plan.title,
        "framework": framework_id,
    }
    if plan.summary:
        programme["summary"] = link_summary(plan, plan.summary, f"{plan.slug}/index.md") + "\n"
    programme["settings"] = _settings(plan)
    programme["years"] = years
    write(os.path.join(folder, "programme.yaml"), dump(programme))
    origins.add(
        f"{plan.slug}/programme.yaml",
        Origin(plan.index.path, source_body=plan.index.body, body_line=plan.index.body_line),
    )
    for block in plan.blocks.values():
        _write_block(plan, block, folder, origins)
    for session in plan.sessions.values():
        write(inside(dest, os.path.join(dest, session_src(plan, session))), _session_file(session))
        page = session.page
        origins.add(session_src(plan, session), Origin(page.path, source_body=page.body, body_line=page.body_line))
    _write_media(plan, folder, origins)


def _write_block(plan: ProgrammePlan, block: BlockPlan, folder: str, origins: Origins) -> None:
    """A block's block.yaml: its summaries, pages and weeks, each week's sessions by role."""
    src = f"{plan.slug}/year-{block.year}/{block.id}/index.md"
    data: dict[str, Any] = {"id": block.id, "title": plain(block.title), "term": block.term}
    if block.half_term:
        data["half_term"] = block.half_term
    summaries = _summary(plan, block.summary, src)
    if summaries:
        data["summary"] = summaries
    if block.pages:
        data["pages"] = _refs(block.pages, plan.sessions)
    weeks = []
    for week in block.weeks:
        label = f"{week.first}" if week.first == week.last else f"{week.first}-{week.last}"
        item: dict[str, Any] = {
            "week": week.first if week.first == week.last else label,
            "title": plain(week.title) or titles.week_label(week.first, week.last).capitalize(),
        }
        week_src = f"{plan.slug}/year-{block.year}/{block.id}/week-{label}/index.md"
        summaries = _summary(plan, week.summary, week_src)
        if summaries:
            item["summary"] = summaries
        for role in ROLES:
            if week.roles.get(role):
                item[role] = _refs(week.roles[role], plan.sessions)
        weeks.append(item)
    data["weeks"] = weeks
    text = dump(data)
    write(os.path.join(folder, f"year-{block.year}", block.id, "block.yaml"), text)
    weeks_at = [(block.page.path, week.line) for week in block.weeks]
    origins.add(
        f"{plan.slug}/year-{block.year}/{block.id}/block.yaml",
        Origin(
            block.page.path,
            anchors=anchored(text, "- week:", weeks_at),
            source_body=block.page.body,
            body_line=block.page.body_line,
        ),
    )


def _settings(plan: ProgrammePlan) -> dict[str, Any]:
    # Coverage gaps are listed on the coverage page; "warn" would fail every strict build of an import.
    settings: dict[str, Any] = {"coverage": "off"}
    if any(session.minutes is None for session in plan.sessions.values()):  # plans lasting the usual meeting
        settings["meeting_minutes"] = list(Settings().meeting_minutes)
    return settings


def _session_file(session: SessionPlan) -> str:
    minutes = {} if session.minutes is None else {"minutes": session.minutes}  # None: the year's usual meeting
    lines = [
        "---",
        dump(
            {"id": session.id, "role": session.role, "kind": session.kind, "title": plain(session.title), **minutes}
        ).rstrip("\n"),
    ]
    if session.phases:
        phases = [{"title": title, **({"minutes": n} if n is not None else {})} for title, n in session.phases]
        lines.append(dump({"phases": phases}).rstrip("\n"))
    if session.intentions:
        lines.append("intentions:")
        for placed in session.intentions:
            lines.append(
                f"  - '{placed.statement}'  # {placed.method}, line {placed.line}, confidence {placed.confidence:.2f}"
            )
    lines += ["---", "", session.body.strip("\n"), ""]
    return "\n".join(lines)


def _write_media(plan: ProgrammePlan, folder: str, origins: Origins) -> None:
    videos = []
    ordered = sorted(plan.videos, key=lambda v: v["id"])
    for video in ordered:
        item = {"id": video["id"], "title": plain(video["title"]), "url": video["url"]}  # length unknown: left out
        if video["transcript"].strip():
            item["transcript"] = f"transcripts/{video['id']}.md"
            write(os.path.join(folder, "transcripts", f"{video['id']}.md"), video["transcript"])
        else:  # published without one: the site says so, and makes no transcript page
            item["no_transcript"] = NO_TRANSCRIPT
        if video["audio_described"]:
            item["audio_described"] = video["audio_described"]
        videos.append(item)
        page = plan.sessions[video["session"]].page
        origins.add(
            f"{plan.slug}/transcripts/{video['id']}.md",
            Origin(page.path, video["line"], source_body=page.body, body_line=page.body_line),
        )
    if videos:
        text = dump({"videos": videos})
        write(os.path.join(folder, "videos.yaml"), text)
        places = [(plan.sessions[v["session"]].page.path, v["line"]) for v in ordered]
        origins.add(f"{plan.slug}/videos.yaml", Origin(plan.index.path, anchors=anchored(text, "- id:", places)))
    targets = plan.targets
    assets = []
    if targets is None:
        return
    for url in sorted(targets.used):
        asset_id = targets.asset_ids[url]
        name = posixpath.basename(targets.files[url])
        title = plain(targets.asset_titles.get(asset_id, name))
        assets.append({"id": asset_id, "title": title, "file": f"assets/{name}"})
        os.makedirs(os.path.join(folder, "assets"), exist_ok=True)
        shutil.copyfile(plan.source_files[url], os.path.join(folder, "assets", name))
    if assets:
        write(os.path.join(folder, "assets.yaml"), dump({"assets": assets}))
