"""Session file: one session's Markdown file read into a Session, kept by the file's text.

Part of the load stage (loader.py reads every session file through it). Reading a session is a
pure function of the file's path and text: its front matter parsed and shape-checked, its body
kept as written. The live preview loads the whole content folder again on every save, where all
but one file are unchanged, so the result of each reading is kept, keyed by the text itself (not
by a modification time, which a copy, a checkout or a coarse clock can leave unchanged while the
text changes): an unchanged file costs one lookup, a changed one is read afresh. The problems a
reading found are kept with it and reported again on every load, so a cached file reports exactly
what a fresh reading would. The model is frozen (core/model.py: nothing downstream changes a
Session), so the same Session may stand in two loads.
"""

from __future__ import annotations

import functools

from induction.core import formats
from induction.core.model import Intention, Loc, Phase, Session
from induction.core.problems import Problem, Problems
from induction.core.shapes import Where
from induction.core.source import YMap, read_markdown

# About four times the sessions of the largest content folder known (the imported corpus: ~500):
# a preview keeps every session of its folder, and a build holds them in its model anyway.
KEPT = 2048


@functools.lru_cache(maxsize=KEPT)
def read_session(root: str, path: str, text: str) -> tuple[Session | None, tuple[Problem, ...]]:
    """The Session the file at `path` holding `text` describes (None if it describes none), and
    the problems found reading it, their files shown relative to `root` (Problems.root)."""
    problems = Problems(root)
    return _session(path, text, problems), tuple(problems.items)


def _session(path: str, text: str, problems: Problems) -> Session | None:
    document = read_markdown(path, problems, text)
    if document is None:
        return None
    if document.meta is None:
        problems.add(
            "missing-key",
            path,
            1,
            "The file has no front matter.",
            "Start it with a front matter block: ---, id:, role:, kind:, title:, minutes:, then ---.",
        )
        return None
    before = len(problems.items)
    data = formats.SESSION.check(document.meta, Where(path, 2, "the front matter"), problems)
    if not isinstance(data, YMap) or "id" not in data:
        return None
    intentions = []
    for index, item in enumerate(data.get("intentions", [])):
        line = data["intentions"].line_of(index)
        if isinstance(item, dict):
            if "id" in item:
                intentions.append(Intention(item["id"], item.get("wording", ""), Loc(path, line)))
        else:
            intentions.append(Intention(item, "", Loc(path, line)))
    phases = [Phase(p["title"], p.get("minutes"), Loc(path, p.line)) for p in data.get("phases", []) if "title" in p]
    return Session(
        data["id"],
        data.get("role", "ect"),
        data.get("kind", "task"),
        data.get("title", data["id"]),
        data.get("minutes", 0),
        intentions,
        list(data.get("assets", [])),
        phases,
        document.body,
        document.body_line,
        Loc(path, data.line),
        list(data["assets"].lines) if "assets" in data else [],
        dict(data.lines),
        len(problems.items) == before,
        list(data.get("routes", [])),
    )
