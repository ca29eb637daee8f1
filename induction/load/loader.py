"""Loader: reads a content folder into the typed model, reporting every problem of form.

Stage two of the flow (source -> **load** -> check -> render). Each file is read once and checked
against its format; what is malformed is reported and left out, so that loading always finishes
and every problem in the tree is reported in one run. Cross-references are `checks`' work.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from induction.core import formats
from induction.core.model import (
    Answer,
    Asset,
    Block,
    Calendar,
    Cohort,
    Diagnostic,
    Event,
    Holiday,
    Lens,
    Loc,
    Milestone,
    Programme,
    Provider,
    Question,
    Rhythm,
    Route,
    Session,
    SessionRef,
    Site,
    Term,
    Video,
    Week,
    Year,
)
from induction.core.paths import file_path_problem, short
from induction.core.problems import CATALOGUE, Problems
from induction.core.settings import Settings
from induction.core.shapes import Where
from induction.core.source import YList, YMap, load_yaml_file, read_text
from induction.load.crosswalk import find, load_crosswalk
from induction.load.framework import read_framework
from induction.load.served import IMAGES, handout_name_problem, served_problem
from induction.load.session_file import read_session


def load_site(root: str) -> tuple[Site, Problems]:
    """Load the content folder at `root`: the model, and every problem found while loading."""
    root = os.path.abspath(root)
    problems = Problems(root=os.path.dirname(root))
    site = Site("", "", [], {}, root)
    reader = _Reader(problems)
    site_file = os.path.join(root, "site.yaml")
    if not os.path.isdir(root):
        problems.add(
            "missing-file",
            root,
            1,
            "The content folder does not exist.",
            "Give the path of a folder holding site.yaml.",
        )
        return site, problems
    data = reader.yaml(site_file, formats.SITE, "the site file")
    provider = _provider(data["provider"], site_file, problems) if "provider" in data else Provider()
    _load_frameworks(root, reader, site, problems)
    for path in _files(os.path.join(root, "calendars"), ".yaml"):
        _load_calendar(path, reader, site)
    folders = {}
    for name in sorted(os.listdir(root)):
        candidate = os.path.join(root, name, "programme.yaml")
        if os.path.lexists(candidate):  # not only a regular file: the reader reports what else it is
            folders[name] = candidate
    loaded: dict[str, Programme] = {}
    for path in folders.values():
        programme = _load_programme(path, reader)
        if programme is not None and _is_new(programme, "programme", loaded, problems):
            loaded[programme.id] = programme
    ids = data.get("programmes", YList())
    for index, programme_id in enumerate(ids):
        if programme_id in loaded:
            site.programmes.append(loaded[programme_id])
        else:
            problems.unknown("programme", programme_id, loaded, site_file, ids.line_of(index))
    # The model is frozen: its fields are set once, here; its lists and dicts were filled above.
    return replace(
        site,
        title=data.get("title", ""),
        description=data.get("description", ""),
        provider=provider,
        files=reader.count,
        texts=reader.texts,
        links=_links(root),
    ), problems


def _load_frameworks(root: str, reader: _Reader, site: Site, problems: Problems) -> None:
    """frameworks/*.yaml (one file per edition), then crosswalks/*.yaml, checked against them."""
    for path in _files(os.path.join(root, "frameworks"), ".yaml"):
        text = reader.text(path)
        if text is None:
            continue
        framework, found = read_framework(problems.root, path, text)
        problems.extend(found)
        if framework:
            if framework.id in site.frameworks:
                problems.add("duplicate-id", path, 1, f"The framework id '{framework.id}' is used twice.")
            site.frameworks[framework.id] = framework
    for path in _files(os.path.join(root, "crosswalks"), ".yaml"):
        crosswalk = load_crosswalk(path, site.frameworks, problems, reader.text(path))
        if crosswalk is None:
            continue
        if find(site.crosswalks, crosswalk.source, crosswalk.target):
            problems.add(
                "duplicate-id",
                path,
                1,
                f"A second crosswalk maps {crosswalk.source} to {crosswalk.target}.",
                "Keep one crosswalk file per pair of editions.",
            )
            continue
        site.crosswalks.append(crosswalk)


def _provider(data: YMap, site_file: str, problems: Problems) -> Provider:
    """site.yaml's provider: its image files checked to be images inside the content folder."""
    images = {
        key: _provider_image(key, data[key], data.line_of(key), site_file, problems)
        for key in ("logo", "favicon")
        if key in data
    }
    colours = data.get("colours", YMap())
    return Provider(
        data.get("name", ""),
        colours=dict(colours),
        colour_locs={key: Loc(site_file, colours.line_of(key)) for key in colours},
        contact=dict(data.get("contact", {})),
        links=[(link["title"], link["url"]) for link in data.get("links", []) if "title" in link and "url" in link],
        accessibility_reviewed=data.get("accessibility_reviewed", ""),
        **images,
    )


# Printed by the theme into every page's HTML (an <img src>, a <link href>), so a name may hold only
# what needs no escaping in an address or an attribute: a name holding '"><script src=...>' would
# otherwise load any file of the site as a script.
_SAFE_PATH = re.compile(r"[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*")


def _provider_image(key: str, value: str, line: int, site_file: str, problems: Problems) -> str:
    """The full path of the provider's `key` image (logo, favicon), or '' when it is refused (reported)."""
    root = os.path.dirname(site_file)
    found = file_path_problem(value, root, root)
    path = os.path.normpath(os.path.join(root, value))
    if found:
        problems.add(
            found[0],
            site_file,
            line,
            f"The {key} path {found[1]}",
            "Put the image inside the content folder and give its path relative to site.yaml.",
        )
    elif not _SAFE_PATH.fullmatch(value) or ".." in value.split("/"):
        problems.add(
            "image-name",
            site_file,
            line,
            f"The {key} path '{short(value)}' may hold only letters, "
            "digits, '.', '_' and '-', in folders separated by '/' (and no '..').",
            CATALOGUE["image-name"].fix,
        )
    elif not value.lower().endswith(IMAGES):
        problems.add(
            "wrong-type",
            site_file,
            line,
            f"Expected an image file ({', '.join(IMAGES)}) for '{key}' in the provider but found '{value}'.",
        )
    elif not os.path.isfile(path):
        problems.add(
            "missing-file",
            site_file,
            line,
            f"The {key} file '{value}' is missing.",
            "Put the image there, or correct the path (relative to site.yaml).",
        )
    elif not _real_inside(path, root):
        return ""  # a link out of the content: reported by paths.symlinks_stay_inside, never read or published
    elif refused := served_problem(path, value, key):
        problems.add(refused[0], site_file, line, refused[1], CATALOGUE[refused[0]].fix)
    else:
        return path
    return ""


def _files(folder: str, suffix: str) -> Iterator[str]:
    """Files with `suffix` below `folder`, in a stable order (sorted, depth first)."""
    if not os.path.isdir(folder):
        return
    for current, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            if name.endswith(suffix):
                yield os.path.join(current, name)


def _is_new(item: Programme | Block, kind: str, known: Mapping[str, Programme | Block], problems: Problems) -> bool:
    """Whether no `kind` loaded before has `item`'s id; if one has, the duplicate is reported at `item`."""
    if item.id not in known:
        return True
    problems.add(
        "duplicate-id",
        item.loc.file,
        item.loc.line,
        f"The {kind} id '{item.id}' is also used by {problems.display(known[item.id].loc.file)}.",
    )
    return False


def _links(root: str) -> dict[str, str]:
    """Every symbolic link below `root` (file or folder), with the real place it leads to."""
    links = {}
    for current, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(dirs + names):
            path = os.path.join(current, name)
            if os.path.islink(path):
                links[path] = os.path.realpath(path)
    return links


class _Reader:
    """Reads and shape-checks files; keeps each text read (for the placeholder check) and counts
    them for the summary line. Every content file is read through it, once."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self.count = 0
        self.texts: dict[str, str] = {}

    def text(self, path: str, problems: Problems | None = None) -> str | None:
        self.count += 1
        text = read_text(path, self.problems if problems is None else problems)
        if text is not None:
            self.texts[path] = text
        return text

    def yaml(self, path: str, shape: Any, what: str) -> Any:
        text = self.text(path)
        raw = load_yaml_file(path, self.problems, text) if text is not None else None
        if raw is None:
            return YMap()
        checked = shape.check(raw, Where(path, 1, what), self.problems)
        return checked if isinstance(checked, YMap) else YMap()


def _load_programme(path: str, reader: _Reader) -> Programme | None:
    problems = reader.problems
    before = len(problems.items)
    data = reader.yaml(path, formats.PROGRAMME, "the programme")
    if "id" not in data:
        return None
    folder = os.path.dirname(path)
    blocks: dict[str, Block] = {}
    unread: set[str] = set()
    for block_file in _files(folder, "block.yaml"):
        block = _load_block(block_file, reader)
        if block is None:  # its problem is reported; a year naming it by its folder need not say so again
            unread.add(os.path.basename(os.path.dirname(block_file)))
            continue
        if _is_new(block, "block", blocks, problems):
            blocks[block.id] = block
    programme = Programme(
        data["id"],
        data.get("title", data["id"]),
        data.get("provider", ""),
        data.get("framework", ""),
        data.get("summary", ""),
        [],
        {},
        {},
        {},
        folder,
        Loc(path, data.line),
        blocks=blocks,
        incomplete=len(problems.items) > before,
        unread=unread,
        settings=Settings.of(data.get("settings", {})),
        summary_line=data.text_line("summary"),
        lenses=_lenses(data, path, problems),
    )
    programme.years.extend(_years(data, path, programme, problems))
    _load_cohorts(data, path, programme)
    for videos_file in _files(folder, "videos.yaml"):
        _load_videos(videos_file, reader, programme)
    for assets_file in _files(folder, "assets.yaml"):
        _load_assets(assets_file, reader, programme)
    _load_sessions(folder, reader, programme)
    _meeting_lengths(programme, problems)
    return programme


def _years(data: YMap, path: str, programme: Programme, problems: Problems) -> list[Year]:
    """The programme's years, each with the blocks it names (an unknown one reported at its line)."""
    years = []
    for item in data.get("years", []):
        if "id" not in item:
            continue
        year = Year(
            item["id"],
            item.get("title", item["id"]),
            item.get("summary", ""),
            _ids(item, "pages", path),
            list(item.get("blocks", [])),
            [],
            Loc(path, item.line),
            item.get("mentor_meetings", "weekly"),
            item.text_line("summary"),
            _ids(item, "mentor_training", path),
        )
        for index, block_id in enumerate(year.block_ids):
            if block_id in programme.blocks:
                year.blocks.append(programme.blocks[block_id])
            elif block_id not in programme.unread:
                problems.unknown("block", block_id, programme.blocks, path, item["blocks"].line_of(index))
        years.append(year)
    return years


def _load_sessions(folder: str, reader: _Reader, programme: Programme) -> None:
    """Every session file of the programme's folder (transcripts aside), each id once."""
    problems = reader.problems
    transcripts = {video.transcript_file for video in programme.videos.values()}
    for md_file in _files(folder, ".md"):
        if md_file in transcripts or f"{os.sep}transcripts{os.sep}" in md_file[len(folder) :]:
            continue
        session = _load_session(md_file, reader)
        if session is None:
            # Remembered so that lists naming it do not add 'unknown-reference' to the file's own problem.
            programme.unread.add(os.path.splitext(os.path.basename(md_file))[0])
            continue
        if session.id in programme.sessions:
            other = programme.sessions[session.id].loc
            problems.add(
                "duplicate-id",
                md_file,
                session.loc.line,
                f"The session id '{session.id}' is also used by {problems.display(other.file)}.",
            )
            continue
        programme.sessions[session.id] = session


def _ids(item: YMap, key: str, path: str) -> list[SessionRef]:
    """A year's list of session ids (its pages, its mentor training), each with its line."""
    return [SessionRef(sid, False, Loc(path, item[key].line_of(i))) for i, sid in enumerate(item.get(key, []))]


def _lenses(data: YMap, path: str, problems: Problems) -> list[Lens]:
    """The phases, then the subjects, that the programme's sessions give examples for; an id
    declared twice (in either list) is reported and kept once."""
    lenses: dict[str, Lens] = {}
    for group, key in (("phase", "phases"), ("subject", "subjects")):
        for item in data.get(key, []):
            if "id" not in item:
                continue
            lens = Lens(item["id"], item.get("label", item["id"]), group, Loc(path, item.line))
            if lens.id in lenses:
                first = lenses[lens.id]
                problems.add(
                    "duplicate-id",
                    path,
                    item.line,
                    f"The {group} id '{lens.id}' is also declared as a {first.group} at line {first.loc.line}.",
                    "Give each phase and subject its own id.",
                )
                continue
            lenses[lens.id] = lens
    return list(lenses.values())


def _meeting_lengths(programme: Programme, problems: Problems) -> None:
    """A session that gives no minutes: an untimed mentor plan lasts its year's usual meeting
    (settings.meeting_minutes); any other has left out a key it needs."""
    years = {
        ref.session_id: number
        for number, year in enumerate(programme.years, 1)
        for ref in _year_refs(year)
        if not ref.see
    }
    for sid, session in programme.sessions.items():  # the model is frozen: a changed session is a new one
        if "minutes" in session.lines or not session.complete:
            continue
        if session.is_mentor_plan and not session.timed:
            programme.sessions[sid] = replace(session, minutes=programme.settings.meeting(years.get(sid, 1)))
            continue
        # as when the shape refuses a key: the checks skip what follows from it
        programme.sessions[sid] = replace(session, complete=False)
        problems.add(
            "missing-key",
            session.loc.file,
            session.loc.line,
            "Missing key 'minutes' in the front matter.",
            "Add 'minutes:' (how long it takes; only an untimed mentor plan may leave it out, to last its "
            "year's settings.meeting_minutes).",
        )


def _year_refs(year: Year) -> Iterator[SessionRef]:
    yield from year.pages
    for block in year.blocks:
        yield from block.pages
        for week in block.weeks:
            for refs in week.roles.values():
                yield from refs


def _load_calendar(path: str, reader: _Reader, site: Site) -> None:
    before = len(reader.problems.items)
    data = reader.yaml(path, formats.CALENDAR, "the calendar")
    if "id" not in data:
        return
    if data["id"] in site.calendars:
        reader.problems.add("duplicate-id", path, data.line, f"The calendar id '{data['id']}' is used twice.")
        return
    terms = [
        Term(t["term"], t["half_term"], t["start"], t["end"], Loc(path, t.line))
        for t in data.get("terms", [])
        if {"term", "half_term", "start", "end"} <= set(t)
    ]
    holidays = [
        Holiday(h["name"], h["start"], h["end"], Loc(path, h.line))
        for h in data.get("holidays", [])
        if {"name", "start", "end"} <= set(h)
    ]
    site.calendars[data["id"]] = Calendar(
        data["id"],
        data.get("title", data["id"]),
        terms,
        holidays,
        Loc(path, data.line),
        len(reader.problems.items) > before,
    )


def _load_cohorts(data: YMap, path: str, programme: Programme) -> None:
    """Cohorts and events of programme.yaml; `schedule` checks what they name."""
    default = data.get("calendar", "")
    for item in data.get("cohorts", []):
        if {"id", "start"} <= set(item):
            line = item.line_of("calendar") if "calendar" in item else data.lines.get("calendar", item.line)
            programme.cohorts.append(
                Cohort(
                    item["id"],
                    item.get("title", item["id"]),
                    item["start"],
                    item.get("calendar", default),
                    Loc(path, item.line),
                    line,
                    _rhythm(item, data),
                )
            )
    for item in data.get("events", []):
        if not {"id", "date", "place", "attendees"} <= set(item):
            continue
        programme.events.append(
            Event(
                item["id"],
                item.get("title", ""),
                item.get("session", ""),
                item.get("block", ""),
                list(item.get("cohorts", [])),
                item["date"],
                item.get("time", ""),
                item.get("minutes", 0),
                item["place"],
                list(item["attendees"]),
                item.get("prepare", ""),
                Loc(path, item.line),
                dict(item.lines),
            )
        )
    for item in data.get("milestones", []):
        if {"id", "kind", "title"} <= set(item):
            programme.milestones.append(
                Milestone(
                    item["id"],
                    item["kind"],
                    item["title"],
                    list(item.get("cohorts", [])),
                    item.get("date"),
                    item.get("week", 0),
                    item.get("year", 1),
                    item.get("time", ""),
                    item.get("minutes", 0),
                    item.get("place", ""),
                    item.get("notes", ""),
                    Loc(path, item.line),
                    dict(item.lines),
                )
            )


def _rhythm(cohort: YMap, programme: YMap) -> Rhythm:
    """A cohort's study and meeting days and times: its own keys, else the programme's, else the defaults."""

    def value(key: str, default: str) -> str:
        return str(cohort.get(key, programme.get(key, default)))

    return Rhythm(
        formats.WEEKDAYS.index(value("study_day", "monday")),
        value("study_time", ""),
        formats.WEEKDAYS.index(value("meeting_day", "thursday")),
        value("meeting_time", ""),
    )


def _refs(data: YMap, key: str, path: str) -> list[SessionRef]:
    items = data.get(key, YList())
    refs = []
    for index, item in enumerate(items):
        line = items.line_of(index)
        if isinstance(item, dict):
            refs.append(
                SessionRef(item["see"], True, Loc(path, line), item.get("label", ""))
            ) if "see" in item else None
        else:
            refs.append(SessionRef(item, False, Loc(path, line)))
    return refs


def _load_block(path: str, reader: _Reader) -> Block | None:
    data = reader.yaml(path, formats.BLOCK, "the block")
    if "id" not in data:
        return None
    weeks = []
    for item in data.get("weeks", []):
        if "week" not in item:
            continue
        first, last = item["week"]
        roles = {role: _refs(item, role, path) for role in formats.ROLES}
        weeks.append(
            Week(
                first,
                last,
                item.get("title", ""),
                dict(item.get("summary", {})),
                roles,
                Loc(path, item.line),
                _text_lines(item.get("summary")),
            )
        )
    routes = [
        Route(r["id"], r["label"], r["description"], Loc(path, r.line))
        for r in data.get("routes", [])
        if {"id", "label", "description"} <= set(r)
    ]
    diagnostic = _diagnostic(data["diagnostic"], path, reader.problems) if "diagnostic" in data else None
    return Block(
        data["id"],
        data.get("title", data["id"]),
        data.get("term", "autumn"),
        data.get("half_term"),
        dict(data.get("summary", {})),
        _refs(data, "pages", path),
        weeks,
        Loc(path, data.line),
        _text_lines(data.get("summary")),
        routes=routes,
        diagnostic=diagnostic,
        framework_id=data.get("framework", ""),
        framework_line=data.line_of("framework"),
    )


def _diagnostic(data: YMap, path: str, problems: Problems) -> Diagnostic | None:
    """A block's diagnostic: its questions, or its checklist (each item a question of one answer)."""
    forms = [key for key in ("questions", "checklist") if key in data.lines]
    if len(forms) != 1:
        found = "both" if forms else "neither"
        problems.add(
            "diagnostic-form",
            path,
            data.line,
            f"The diagnostic gives {found} 'questions:' and 'checklist:'; it needs exactly one of them.",
            CATALOGUE["diagnostic-form"].fix,
        )
        return None
    if forms == ["checklist"]:
        items = [
            Question(c["item"], [Answer(c["item"], c["route"], Loc(path, c.line_of("route")))], Loc(path, c.line))
            for c in data.get("checklist", [])
            if {"item", "route"} <= set(c)
        ]
    else:
        items = [
            Question(
                q["question"],
                [
                    Answer(a["answer"], a["route"], Loc(path, a.line_of("route")))
                    for a in q["answers"]
                    if {"answer", "route"} <= set(a)
                ],
                Loc(path, q.line),
            )
            for q in data.get("questions", [])
            if {"question", "answers"} <= set(q)
        ]
    return Diagnostic(
        data.get("title", ""),
        data.get("intro", ""),
        items,
        forms == ["checklist"],
        Loc(path, data.line),
        data.text_line("intro") if "intro" in data else 0,
    )


def _text_lines(summaries: YMap | None) -> dict[str, int]:
    """Where each role's summary text starts (problems inside a summary count from there)."""
    return {role: summaries.text_line(role) for role in summaries} if isinstance(summaries, YMap) else {}


def _load_session(path: str, reader: _Reader) -> Session | None:
    text = reader.text(path)
    if text is None:
        return None
    session, found = read_session(reader.problems.root, path, text)
    reader.problems.extend(found)
    return session


def _load_videos(path: str, reader: _Reader, programme: Programme) -> None:
    problems = reader.problems
    data = reader.yaml(path, formats.VIDEOS, "the videos file")
    for item in data.get("videos", []):
        if "id" not in item:
            continue
        if item["id"] in programme.videos:
            problems.add("duplicate-id", path, item.line, f"The video id '{item['id']}' is used twice.")
            continue
        transcript, transcript_file = "", ""
        if "transcript" not in item and item.get("no_transcript"):
            transcript = ""  # said so in the source: shown as having none, with no transcript page
        elif "transcript" not in item:
            problems.add(
                "video-without-transcript",
                path,
                item.line,
                f"The video '{item['id']}' has no transcript.",
                "Add 'transcript: transcripts/<file>.md' and write the transcript there.",
            )
        elif _stays_inside(item, "transcript", path, programme, problems):
            transcript_file = os.path.normpath(os.path.join(os.path.dirname(path), item["transcript"]))
            text = reader.text(transcript_file, _Relined(problems, path, item.line_of("transcript")))
            if text is not None and not text.strip():
                problems.add(
                    "empty-body", transcript_file, 1, "The transcript is empty.", "Write what is said in the video."
                )
            transcript = text or ""
        programme.videos[item["id"]] = Video(
            item["id"],
            item.get("title", ""),
            item.get("url", ""),
            item.get("duration", 0),
            transcript,
            transcript_file,
            item.get("audio_described", ""),
            Loc(path, item.line),
            item.get("no_transcript", ""),
        )


def _load_assets(path: str, reader: _Reader, programme: Programme) -> None:
    problems = reader.problems
    data = reader.yaml(path, formats.ASSETS, "the handouts file")
    for item in data.get("assets", []):
        if "id" not in item or "file" not in item:
            continue
        if item["id"] in programme.assets:
            problems.add("duplicate-id", path, item.line, f"The handout id '{item['id']}' is used twice.")
            continue
        file = os.path.normpath(os.path.join(os.path.dirname(path), item["file"]))
        if not _stays_inside(item, "file", path, programme, problems):
            file = os.path.join(programme.folder, "assets", "missing")  # never read or published from outside
        elif os.path.exists(file) and not os.path.isfile(file):  # a pipe or device: never opened, never published
            problems.add(
                "not-a-file",
                path,
                item.line_of("file"),
                f"The handout path '{item['file']}' is not a regular file, so it was not read.",
                CATALOGUE["not-a-file"].fix,
            )
        elif not os.path.isfile(file):
            problems.add(
                "missing-file",
                path,
                item.line_of("file"),
                f"The handout file '{item['file']}' is missing.",
                "Put the file there, or correct the path.",
            )
        elif _real_inside(file, programme.folder) and (
            found := handout_name_problem(item["file"]) or served_problem(file, item["file"])
        ):
            # Published byte for byte: only what cannot run. (A link out is reported by paths.symlinks_stay_inside.)
            problems.add(found[0], path, item.line_of("file"), found[1], CATALOGUE[found[0]].fix)
        # Kept even when its file is missing, so that sessions naming it report no follow-on problem.
        programme.assets[item["id"]] = Asset(
            item["id"],
            item.get("title", ""),
            file,
            os.path.relpath(file, programme.folder).replace(os.sep, "/"),
            os.path.getsize(file) if os.path.isfile(file) else 0,
            Loc(path, item.line),
        )


def _real_inside(file: str, folder: str) -> bool:
    real, root = os.path.realpath(file), os.path.realpath(folder)
    return os.path.commonpath([real, root]) == root


def _stays_inside(item: YMap, key: str, path: str, programme: Programme, problems: Problems) -> bool:
    """False (reported) when the path under `key` climbs out of the programme folder or is absolute."""
    found = file_path_problem(item[key], os.path.dirname(path), programme.folder)
    if found:
        what = "transcript" if key == "transcript" else "handout"
        problems.add(
            found[0],
            path,
            item.line_of(key),
            f"The {what} path {found[1]}",
            f"Put the file inside the programme folder and give its path relative to {os.path.basename(path)}.",
        )
    return found is None


class _Relined(Problems):
    """Reports a missing referenced file at the line that names it, not at the file itself."""

    def __init__(self, problems: Problems, path: str, line: int) -> None:
        super().__init__(problems.root)
        self.target, self.path, self.line = problems, path, line

    def add(self, code: str, file: str, line: int, message: str, hint: str = "", severity: str = "error") -> None:
        if code == "missing-file":
            name = os.path.relpath(file, os.path.dirname(self.path))
            self.target.add(
                "video-without-transcript",
                self.path,
                self.line,
                f"The transcript file '{name}' is missing.",
                "Create it, or correct the path.",
            )
        else:
            self.target.add(code, file, line, message, hint, severity)
