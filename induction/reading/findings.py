"""Findings: what one built page shows a reader that its author did not mean, page by page.

Each finding names its problem code (induction/core/problems.py), says what the reader sees, and
quotes the text to look for in the content file it came from (`Finding.quote`, '' when there is
no text to find: an empty heading, a time).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborNode

from .marks import marks_in, quote
from .page import HEADINGS, BuiltPage, hidden, lines_of, visible_text

SHORTEST_MEETING = 10  # minutes: no mentor meeting can be shorter
# A week whose steps take less than this share of the time its text states has lost steps, or
# states another week's time. A third, not a half, leaves room for the steps' estimated times,
# which may be off by a factor of two.
WEEK_SHARE = 1 / 3
# What the page's own markup says (written by induction/render, for any engine).
TRANSCRIPT = "details.ect-transcript"
PHASE = "section.ect-phase"
_TIME = re.compile(r"(?:(\d+)\s*hours?)?\s*(?:(\d+)\s*min(?:ute)?s?)?", re.IGNORECASE)
_TIME_NEEDED = re.compile(r"^Time needed:\s*(.+)$")
_DURATION = re.compile(r"\bDuration:\s*((?:\d+\s*hours?\s*)?(?:\d+\s*min(?:ute)?s?)?)", re.IGNORECASE)
_MEETING = re.compile(r"^Mentor session · (.+)$")
_TOTAL = re.compile(r"^Total:\s*(.+?)\s*\(\d+ steps?\)$")
# Text a transcript does not speak: a heading naming an activity, or an instruction to the reader.
_ACTIVITY_HEADING = re.compile(
    r"^(?:your\s+)?(?:task|activity|activities|instructions?|reflection|reflect|next steps|"
    r"further reading|resources|self-study( activities)?|discussion questions)\s*:?$",
    re.IGNORECASE,
)
_INSTRUCTION = re.compile(
    r"^(?:now\s+)?(?:complete (?:the|this|these) (?:task|activity|activities|following|"
    r"questions|table|template)|download the|click (?:here|on|the)|"
    r"answer the following|fill in the (?:table|template|grid))\b",
    re.IGNORECASE,
)
_EMBEDDED = "img, picture, svg, video, audio, iframe, object, embed, canvas, table, [data-embed]"


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    quote: str = ""  # text of the page to look for in its content file
    near: str = ""  # the line of the page it is in, looked for when the quote is not in the file (escaped)


def minutes_of(text: str) -> int | None:
    """'1 hour 5 minutes' -> 65; None for text that gives no time."""
    match = _TIME.fullmatch(text.strip().rstrip("."))
    if not match or not any(match.groups()):
        return None
    return int(match.group(1) or 0) * 60 + int(match.group(2) or 0)


@dataclass(frozen=True)
class Pending:
    """A finding of one page that may hang on the rest of the site: `missing`, when set, is the site
    file (relative to the site) whose absence makes it a finding (the file an image loads). A page
    is read on its own, as it is written; the site's files are known once all are written."""

    finding: Finding
    missing: str | None = None


def pending_findings(page: BuiltPage) -> list[Pending]:
    """Every finding on one page, those that hang on the site's files with the file they need."""
    if page.content is None:
        return []
    found = [Pending(f) for f in markup(page)]
    found += images(page)
    found += [Pending(f) for f in headings(page)]
    found += [Pending(f) for f in times(page)]
    found += [Pending(f) for f in transcripts(page)]
    return found


def shown(pending: Iterable[Pending], published: set[str]) -> list[Finding]:
    """The findings of a page of a site whose files are `published` (relative to the site)."""
    return [p.finding for p in pending if p.missing is None or p.missing not in published]


def page_findings(page: BuiltPage, published: set[str]) -> list[Finding]:
    """Every finding on one page; `published` is the set of files of the site, relative to it."""
    return shown(pending_findings(page), published)


def markup(page: BuiltPage) -> Iterator[Finding]:
    seen = set()
    for line in page.lines:
        for mark in marks_in(line):
            if (mark.kind, mark.text) not in seen:
                seen.add((mark.kind, mark.text))
                # An image's alt text is what its source shares with the page (the shortcode's words).
                key = mark.text[2:].split("](", 1)[0] if mark.text.startswith("![") else mark.text
                yield Finding("syntax-as-text", f"The page shows {mark.kind} as text: '{mark.text}'.", key, line)


def images(page: BuiltPage) -> Iterator[Pending]:
    assert page.content is not None
    for img in page.content.css("img"):
        src = (img.attributes.get("src") or "").strip()
        if hidden(img) or src.startswith("data:"):
            continue
        finding = Finding(
            "image-not-shown",
            f"The image '{quote(src) or '(no address)'}' is not a file of the site, so the reader sees no picture.",
            posixpath.basename(urlsplit(src).path),
        )
        # No target: an address off the site, or above its folder, which no file of the site answers.
        yield Pending(finding, _published_path(page, src))
    for figure in page.content.css("figure"):
        if not hidden(figure) and figure.css_first(_EMBEDDED) is None:
            words = visible_text(figure)
            path = words.split("](", 1)[1].split(")", 1)[0] if "](" in words else ""
            yield Pending(
                Finding(
                    "image-not-shown",
                    f"A figure holds no image: '{quote(words) or '(empty)'}'.",
                    posixpath.basename(path) or words,
                )
            )


def _published_path(page: BuiltPage, src: str) -> str | None:
    """The site file an image address loads, or None for an address off the site."""
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    joined = posixpath.normpath(path.lstrip("/") if path.startswith("/") else posixpath.join(page.folder, path))
    return None if joined.startswith("..") else joined


def headings(page: BuiltPage) -> Iterator[Finding]:
    found = page.headings()
    for index, heading in enumerate(found):
        if not heading.text:
            yield Finding(
                "empty-heading",
                f"An empty <h{heading.level}> heading: a screen reader announces a heading with nothing to say.",
            )
        if index and heading.level > found[index - 1].level + 1:
            before = found[index - 1]
            yield Finding(
                "heading-skip",
                f"The heading '{quote(heading.text)}' (h{heading.level}) comes straight "
                f"under '{quote(before.text)}' (h{before.level}): it is placed under the wrong parent.",
                heading.text,
            )
    if page.content is not None and page.content.css_first(PHASE) is not None:
        yield from empty_phases(page.content)


def empty_phases(content: LexborNode) -> Iterator[Finding]:
    """Phases of a mentor plan with nothing in them: a heading followed by a heading of the same
    or a higher level, or by the end of its phase."""
    for section in content.css(PHASE):
        nodes = [n for n in _children(section) if n.tag in HEADINGS or lines_of(n) or n.css_first(_EMBEDDED)]
        for index, node in enumerate(nodes):
            if node.tag not in HEADINGS:
                continue
            after = nodes[index + 1] if index + 1 < len(nodes) else None
            if after is None or (after.tag in HEADINGS and int(after.tag[1]) <= int(node.tag[1])):
                title = _heading_title(node)
                yield Finding(
                    "empty-phase", f"The plan's phase '{quote(title)}' is empty: nothing follows its heading.", title
                )


def _children(node: LexborNode) -> Iterator[LexborNode]:
    child = node.child
    while child is not None:
        if child.tag and not child.tag.startswith("-"):
            yield child
        child = child.next


def _heading_title(node: LexborNode) -> str:
    """A phase heading without the minutes the plan shows beside it."""
    minutes = node.css_first(".ect-phase__minutes")
    text = visible_text(node)
    return text.removesuffix(visible_text(minutes)).strip() if minutes is not None else text


def times(page: BuiltPage) -> Iterator[Finding]:
    """A mentor meeting under 10 minutes, or a week whose steps take far less than it states."""
    needed = [m.group(1) for line in page.lines if (m := _TIME_NEEDED.match(line))]
    # A plan on a page of its own (a pack shows the plans of their own pages), and a week's meeting
    # as its week page gives it, plan or not.
    meetings = needed if len(needed) == 1 else []
    meetings += [m.group(1) for h in page.headings() if h.level == 2 and (m := _MEETING.match(h.text))]
    title = re.sub(r"^Weeks? [\d to]+: ", "", page.title)  # a week page: its title, as its YAML gives it
    for time in meetings:
        minutes = minutes_of(time)
        if minutes is not None and minutes < SHORTEST_MEETING:
            yield Finding(
                "meeting-too-short",
                f"The mentor meeting is timed at {time}, under {SHORTEST_MEETING} minutes: no meeting is that short.",
                title if not needed else "",
            )
    totals = [m for line in page.lines if (m := _TOTAL.match(line))]
    if len(totals) != 1:
        return
    stated = next(
        (m for line in page.lines[: page.lines.index(totals[0].string)] if (m := _DURATION.search(line))), None
    )
    steps, said = minutes_of(totals[0].group(1)), minutes_of(stated.group(1)) if stated else None
    if stated is not None and steps is not None and said and steps < said * WEEK_SHARE:
        yield Finding(
            "week-too-short",
            f"The week's steps add up to {totals[0].group(1)}, far less than the "
            f"{stated.group(1).strip()} the week states.",
            stated.group(0),
        )


def transcripts(page: BuiltPage) -> Iterator[Finding]:
    assert page.content is not None
    for transcript in page.content.css(TRANSCRIPT):
        for node in transcript.css(",".join(HEADINGS) + ", p, li"):
            text = visible_text(node)
            heading = node.tag in HEADINGS and _ACTIVITY_HEADING.match(text)
            if heading or (node.tag != "li" and _INSTRUCTION.match(text)):
                what = "a heading of an activity" if heading else "an instruction to the reader"
                yield Finding(
                    "transcript-not-speech", f"The transcript holds {what}, not speech: '{quote(text)}'.", text
                )
