"""Problems: the one type every stage reports through, and the catalogue of problem codes.

Every check appends `Problem`s to a `Problems` collection instead of raising, so an author sees
every problem at once, sorted by file and line, each with a stable code and a hint.
"""
from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Code:
    """A stable problem code with what it means and how to fix it (for the problem-codes page)."""

    name: str
    meaning: str
    fix: str


# The catalogue. Codes are stable: tests, docs and CI annotations rely on them.
CATALOGUE: dict[str, Code] = {
    c.name: c
    for c in [
        Code("yaml-syntax", "A YAML file or front matter block could not be parsed.",
             "Fix the indentation or punctuation at the line given; indent with spaces, never tabs."),
        Code("duplicate-key", "A key appears twice in the same mapping; YAML would silently keep the last.",
             "Delete or merge one of the two entries."),
        Code("not-utf8", "A file contains bytes that are not UTF-8 text.",
             "Re-save the file as UTF-8 in your editor."),
        Code("empty-file", "A file that must hold content is empty.", "Fill it in, or delete it and its references."),
        Code("missing-file", "A file the content needs is not there.", "Create the file, or correct the path."),
        Code("unknown-key", "A key that the format does not know, usually a typing slip.",
             "Use one of the keys listed in the message; see the format reference."),
        Code("missing-key", "A required key is missing.", "Add the key named in the message."),
        Code("wrong-type", "A value has the wrong type or form (for example text where a number belongs).",
             "Write the value in the form the message gives."),
        Code("duplicate-id", "Two entities of the same kind share an id.", "Give each one its own id."),
        Code("unknown-reference", "An id is referred to that does not exist.",
             "Correct the id (the hint suggests the closest one) or create what it names."),
        Code("unknown-framework", "A programme names a framework that is not in frameworks/.",
             "Add the framework file, or correct the id."),
        Code("unknown-statement", "A learning intention or citation names a statement the framework lacks.",
             "Use an id from the framework (the hint suggests the closest one)."),
        Code("wording-mismatch", "A learning intention's wording is another statement's text.",
             "Cite the statement the wording belongs to, or reword it."),
        Code("video-without-transcript", "A video has no transcript.",
             "Write the transcript in a Markdown file and name it with transcript:."),
        Code("minutes-mismatch", "A mentor plan's phase minutes do not add up to its minutes.",
             "Correct the phase minutes or the plan's total."),
        Code("missing-phases", "A mentor session plan declares no phases.",
             "List the plan's phases with their minutes under phases:."),
        Code("phase-heading", "A mentor plan's phases and its ## headings do not match.",
             "Give every phase a ## heading with the same title, in the same order."),
        Code("week-overlap", "Two weeks of a block cover the same week number.", "Renumber the weeks."),
        Code("week-gap", "A block's weeks skip a number.", "Renumber the weeks so they run on from 1."),
        Code("empty-week", "A week lists no session.", "List at least one session under ect, mentor or tutor."),
        Code("empty-body", "A session or transcript has no text.", "Write the body below the front matter."),
        Code("role-mismatch", "A session is listed under a role other than its own, or its kind does not fit its role.",
             "Move it to the list of its role, or correct role: or kind:."),
        Code("not-listed", "A session file is in no block, week or year.",
             "List its id in a block.yaml or programme.yaml, or delete the file."),
        Code("listed-twice", "A session is listed in two places.",
             "List it once; elsewhere refer to it with 'see: <id>'."),
        Code("see-cycle", "A 'see:' reference points at something that is not a session's home.",
             "Point 'see:' at the session's id; the session must be listed once without 'see:'."),
        Code("template-syntax", "Double braces in content that are not one of the shortcodes.",
             "Use {{ video(\"id\") }}, {{ asset(\"id\") }}, {{ statement(\"id\") }} or {{ session(\"id\") }}; "
             "write braces in prose as &#123;&#123;."),
        Code("bad-shortcode", "A shortcode is malformed or misplaced.", "Follow the form given in the message."),
        Code("reserved-id", "A session id that would give its page the address of a generated page "
             "(index, mentor-pack, week-N in a block; index or a block's id among a year's pages).",
             "Choose another id, for example prefixed with the block's id."),
        Code("placeholder", "Placeholder text marked TODO: (written by scripts/new.py) is still in a file.",
             "Replace the TODO text with your own, or delete the line if it is not needed."),
        Code("uncovered-statements", "Statements of the framework that no session cites (coverage setting).",
             "Cite them from a session, or relax settings.coverage."),
        # The programme in time (induction/schedule.py).
        Code("dates-out-of-order", "A term or holiday ends before it starts, or a half-term starts before the one "
             "before it ends.", "Correct start: and end:."),
        Code("calendar-overlap", "A holiday overlaps a term, or two half-terms overlap.",
             "A day is either in a term or in a holiday: correct the dates."),
        Code("term-order", "A calendar's half-terms do not run Autumn 1, Autumn 2, Spring 1, Spring 2, Summer 1, "
             "Summer 2 in turn.", "List every half-term of each school year, in turn."),
        Code("outside-calendar", "A cohort starts, or one of its weeks falls, after the last term of its calendar.",
             "Add the next school year's terms to the calendar, or start the cohort earlier."),
        Code("event-outside-block", "A training event is dated outside the weeks of the block (or year) it belongs "
             "to, for a cohort that attends it.", "Correct the date, or tie the event to the block it belongs to."),
        # Hostile or unsafe input (induction/sanitiser.py, induction/paths.py, induction/source.py).
        Code("file-too-large", "A content file is larger than the limit (2 MB).",
             "Split it, or move large material into a handout (assets.yaml)."),
        Code("unsafe-html", "Raw HTML in a body that the allow-list does not permit (scripts, styles, "
             "forms, event attributes, iframes from other hosts).",
             "Remove it, or use Markdown or a shortcode; settings.unsafe_html: strip removes it with a warning."),
        Code("unclosed-html", "An HTML element (such as <details>) is opened but never closed, or closed "
             "without being opened.", "Add the closing tag (</details>) or remove the stray one."),
        Code("unsafe-url", "A link or image address whose scheme can run code or embed data (javascript:, data:).",
             "Link to a web page (https://...) or a handout instead."),
        Code("external-image", "An image loads from another website: every reader's browser would ask that site for "
             "it on page load (a third-party request), and the site's Content Security Policy blocks it.",
             "Save the image in the programme's assets, list it in assets.yaml and show it with "
             "{{ image(\"id\", \"alt text\") }}."),
        Code("forbidden-host", "A link to a staging, local or otherwise forbidden host (settings.forbidden_hosts).",
             "Link to the published address."),
        Code("absolute-path", "A path on the author's computer (/home/..., C:\\..., file://) in content.",
             "Use a path relative to the file, or a handout shortcode."),
        Code("path-outside", "A path that climbs out of the programme folder (../../).",
             "Put the file inside the programme folder and give a path within it."),
        Code("symlink-outside", "A symbolic link in the content folder that points outside it.",
             "Copy the file into the content folder instead of linking to it."),
    ]
}


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    code: str
    message: str
    hint: str = ""
    severity: str = ERROR

    def __post_init__(self) -> None:
        if self.code not in CATALOGUE:  # a programming slip, not an author's: fail loudly in tests
            raise ValueError(f"unknown problem code {self.code!r}")

    def format(self) -> str:
        text = f"{self.file}:{self.line}: {self.severity} [{self.code}] {self.message}"
        return f"{text} {self.hint}" if self.hint else text

    def annotation(self) -> str:
        """A GitHub Actions workflow command, so CI shows the problem on the line."""
        kind = "error" if self.severity == ERROR else "warning"
        text = (self.message + (" " + self.hint if self.hint else "")).replace("\n", " ")
        return f"::{kind} file={self.file},line={self.line},title={self.code}::{text}"


@dataclass
class Problems:
    """An ordered collection of problems; `root` makes file names relative for display."""

    root: str = ""
    items: list[Problem] = field(default_factory=list)

    def add(self, code: str, file: str, line: int, message: str, hint: str = "", severity: str = ERROR) -> None:
        self.items.append(Problem(self.display(file), max(int(line), 1), code, message, hint, severity))

    def warn(self, code: str, file: str, line: int, message: str, hint: str = "") -> None:
        self.add(code, file, line, message, hint, WARNING)

    def display(self, file: str) -> str:
        if self.root and os.path.isabs(file):
            rel = os.path.relpath(file, self.root)
            return rel.replace(os.sep, "/")
        return file.replace(os.sep, "/")

    def extend(self, other: Iterable[Problem]) -> None:
        self.items.extend(other)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items), key=lambda p: (p.file, p.line, p.code, p.message))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity == WARNING]

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(set(self.items))

    def summary(self, files: int) -> str:
        errors, warnings = len(self.errors), len(self.warnings)
        if not errors and not warnings:
            return f"No problems in {files} files."
        parts = ([plural(errors, "error")] if errors else []) + ([plural(warnings, "warning")] if warnings else [])
        where = len({p.file for p in self.items})
        return f"{', '.join(parts)} in {plural(where, 'file')} ({files} files checked)."


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """The hint for a near miss: "Did you mean 'title'?" or an empty string."""
    close = difflib.get_close_matches(str(word), sorted(set(choices)), n=1, cutoff=0.6)
    return f"Did you mean '{close[0]}'?" if close else ""
