"""Body refusals: Markdown that renders, but not as its author meant (check stage).

Each rule was found by building content that validated: the page published something else.

- A shortcode inside `code` is still expanded (the page shows a link where the author showed the
  form); shortcodes in a transcript are never expanded (a transcript is shown on several pages) and
  would be shown as typed.
- `image()` on a handout that is not an image publishes a broken <img>.
- A body's `===` (setext) heading or raw <h1> is a second page title beside the one from title:.
- A transcript is Markdown only: front matter is shown as a rule and a heading, and a transcript of
  nothing but front matter and comments shows nothing.
"""

from __future__ import annotations

import functools
import os
import re

from markdown.blockprocessors import SetextHeaderProcessor

from induction.body import read
from induction.core.lines import line_of
from induction.core.model import Programme
from induction.core.problems import Problems

IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")
_SETEXT = re.compile(SetextHeaderProcessor.RE.pattern, re.M)  # Python-Markdown's own pattern
_RAW_H1 = re.compile(r"<h1[\s>]", re.I)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?^(?:---|\.\.\.)[ \t]*$\n?", re.S | re.M)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


# Kept by the body's text, as body.read keeps its reading: the live preview checks every body again on
# each save, and Python-Markdown's setext pattern is slow over a whole body (~0.1 s for the corpus).
@functools.lru_cache(maxsize=4096)
def _titles(body: str) -> tuple[int, ...]:
    """Lines (from 1) of the headings in `body` at the page title's level: `===` underlines and <h1>."""
    masked = read(body).masked
    # An '===' underline starts a line, an <h1> has its '<': most bodies have neither, and the setext
    # pattern tries every line of the others.
    found = [
        line_of(masked, m.start())
        for m in (_SETEXT.finditer(masked) if "\n=" in masked else ())
        if m.group(0).split("\n", 1)[0].strip() and m.group(0).split("\n")[1].startswith("=")
    ]
    raw = [line_of(masked, m.start()) for m in (_RAW_H1.finditer(masked) if "<" in masked else ())]
    return tuple(sorted(found + raw))


def _no_second_title(body: str, file: str, first_line: int, problems: Problems) -> None:
    for line in _titles(body):
        problems.add(
            "second-title",
            file,
            first_line + line - 1,
            "A heading at the level of the page's title (an '===' underline or <h1>): the page already has its title.",
            "Write it as a section heading, ## Heading.",
        )


def shortcodes_stand_where_they_run(programme: Programme, problems: Problems) -> None:
    for session in programme.sessions.values():
        body = read(session.body)
        for code in body.shortcodes:
            if body.masked[code.start] != "{":  # blanked: inside a code span (fenced code is not scanned)
                problems.add(
                    "bad-shortcode",
                    session.loc.file,
                    session.body_line + code.line - 1,
                    f"The shortcode '{session.body[code.start : code.end]}' is inside `code`, where it "
                    "is still expanded: the page shows its result, not the shortcode.",
                    "Take it out of the backticks to use it; to show it as text, put it in a fenced code block.",
                )
    for video in programme.videos.values():
        for code in read(video.transcript).shortcodes if video.transcript else ():
            problems.add(
                "bad-shortcode",
                video.transcript_file,
                code.line,
                f"The shortcode '{video.transcript[code.start : code.end]}' is in a transcript, where "
                "shortcodes are not expanded: it would be shown as typed.",
                "Write the words as they should read; link handouts from the session that shows the video.",
            )


def images_are_images(programme: Programme, problems: Problems) -> None:
    for session in programme.sessions.values():
        for code in read(session.body).shortcodes:
            asset = programme.assets.get(code.arg) if code.name == "image" else None
            if asset and not asset.file.lower().endswith(IMAGE_TYPES):
                problems.add(
                    "not-an-image",
                    session.loc.file,
                    session.body_line + code.line - 1,
                    f"image(\"{code.arg}\") shows '{os.path.basename(asset.file)}', which is not an "
                    "image: the page would show a broken picture.",
                    f'Link to it with {{{{ asset("{code.arg}") }}}}, or show an image '
                    f"({', '.join(t[1:].upper() for t in IMAGE_TYPES)}).",
                )


def bodies_have_one_title(programme: Programme, problems: Problems) -> None:
    for text, file, line in programme.bodies():
        _no_second_title(text, file, line, problems)


def transcripts_are_text(programme: Programme, problems: Problems) -> None:
    for video in programme.videos.values():
        if not video.transcript.strip():
            continue  # none, or empty: reported where it is read
        front = _FRONT_MATTER.match(video.transcript)
        rest = video.transcript[front.end() :] if front else video.transcript
        if not _COMMENT.sub("", rest).strip():
            problems.add(
                "empty-body",
                video.transcript_file,
                1,
                "The transcript has no text: only front matter or comments, which are not shown.",
                "Write what is said in the video.",
            )
        elif front:
            problems.add(
                "transcript-front-matter",
                video.transcript_file,
                1,
                "The transcript begins with front matter, which transcripts do not read: it would be "
                "shown as a rule and a heading.",
                "Remove it: the video's title and duration belong in videos.yaml.",
            )


def body_refusals(programme: Programme, problems: Problems) -> None:
    shortcodes_stand_where_they_run(programme, problems)
    images_are_images(programme, problems)
    bodies_have_one_title(programme, problems)
    transcripts_are_text(programme, problems)
