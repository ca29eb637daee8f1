"""Markup: repairs the govuk_markdown dialect into Markdown that Python-Markdown reads the same way.

Import stage three (corpus -> structure -> **markup** -> links -> intentions -> writer); `repairs`
applies these in order to a page and to each transcript taken out of it. Every repair keeps the
text: `{details}` blocks become `<details markdown="1">`, nested lists indented by 2-3 spaces get
4, unclosed list tags are closed, `<img url=…>` gets `src=`, and each video player's iframe
becomes a `{{ video("id") }}` line with its transcript taken out to a file.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field

from induction.body.fences import fenced_ranges
from induction.body.headings import atx
from induction.core import lines
from induction.core.paths import host_of

from ..body import read
from ..render.media import embed_address
from . import disclosure


@dataclass
class FoundVideo:
    url: str
    title: str
    transcript: str
    line: int  # line of the iframe within the body (from 1)
    transcript_form: str  # "details", "heading" or "" (none found)
    transcript_line: int = 0  # the body line the transcript's text starts on
    audio_described: str = ""


@dataclass
class Markup:
    body: str
    videos: list[FoundVideo] = field(default_factory=list)
    defects: list[tuple[str, int, str, str]] = field(default_factory=list)  # (kind, body line, message, action)


_DETAILS_OPEN = disclosure.OPEN_LINE  # {details}, {Details}, { DETAILS }: any case and spacing
_DETAILS_CLOSE = disclosure.CLOSE_LINE
_IFRAME = re.compile(r"<iframe\b[^>]*?>\s*(?:</iframe>)?", re.I | re.S)
_ATTR = re.compile(r'([a-zA-Z_:-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|([^\s>]+))')
_TRANSCRIPT = re.compile(r"transcript|\bscript\b", re.I)
_MARKER = re.compile(r"^([ \t]*)([-*+]|\d{1,3}[.)])([ \t]+|$)")
_LIST_TAG = re.compile(r"<(/?)(ol|ul)\b[^>]*>", re.I)
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"  # what an address keeps as it is; spaces and <> are quoted
_IMG_URL = re.compile(r"(<img\b[^<>]*?\s)url(\s*=)", re.I | re.S)


def attributes(tag: str) -> dict[str, str]:
    return {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in _ATTR.finditer(tag)}


def watch_address(src: str) -> str:
    """The watch page of an embedded video (the embed address itself when the host is not known)."""
    match = re.match(r"(?:https?:)?//(?:www\.)?youtube(?:-nocookie)?\.com/embed/([A-Za-z0-9_-]+)", src)
    if match:
        return f"https://www.youtube.com/watch?v={match.group(1)}"
    match = re.match(r"(?:https?:)?//player\.vimeo\.com/video/(\d+)", src)
    if match:
        return f"https://vimeo.com/{match.group(1)}"
    return src if src.startswith("http") else "https:" + src if src.startswith("//") else src


def _line(text: str, offset: int) -> int:
    return lines.line_of(text, offset)


def extract_videos(body: str, name: Callable[[int], str]) -> Markup:
    """Each iframe replaced by `{{ video("<name(n)>") }}`, with the transcript that follows it taken out."""
    out = Markup(body)
    matches = list(_IFRAME.finditer(body))
    if not matches:
        return out
    pieces, last = [], 0
    described: list[tuple[int, str]] = []  # (line, address) of audio-described versions
    for number, match in enumerate(matches):
        attrs = attributes(match.group(0).split(">", 1)[0])
        title = re.sub(r"\s*-\s*YouTube\s*$", "", attrs.get("title", "")).strip()
        line = _line(body, match.start())
        end = matches[number + 1].start() if number + 1 < len(matches) else len(body)
        found = FoundVideo(watch_address(attrs.get("src", "")), title, "", line, "")
        if not embed_address(found.url):  # not a player the site can show: never a video
            pieces += [body[last : match.start()], _embed_link(found.url, title)]
            last = match.end()
            out.defects.append(
                (
                    "iframe-not-video",
                    line,
                    f"An <iframe> from '{host_of(found.url) or found.url}' is not a video player the site knows.",
                    "replaced it by a link to its address" if host_of(found.url) else "removed it",
                )
            )
            continue
        if _described(body, match, title) and (out.videos or _video_after(body, matches[number + 1 :])):
            pieces.append(body[last : match.start()])  # an alternative of a video: no player of its own
            last = match.end()
            described.append((line, found.url))
            continue
        pieces.append(body[last : match.start()])
        pieces.append(f'\n{{{{ video("{name(len(out.videos))}") }}}}\n')
        last = _take_transcript(body, found, match.end(), end, pieces, out)
        out.videos.append(found)
    pieces.append(body[last:])
    out.body = "".join(pieces)
    _attach(out, described + _described_links(body))
    return out


def _take_transcript(body: str, found: FoundVideo, start: int, end: int, pieces: list[str], out: Markup) -> int:
    """The transcript after a video (between `start` and `end`) taken into `found`, the text before
    it kept in `pieces`; returns where the body goes on. A video with none is reported."""
    transcript, span, after = _transcript_after(body, start, end)
    if not span:
        out.defects.append(
            (
                "transcript-not-published",
                found.line,
                "The video has no transcript after it.",
                "published it as having none (no_transcript); add the transcript",
            )
        )
        return start
    pieces.append(body[start : span[0]])
    found.transcript, found.transcript_form = transcript
    found.transcript_line = _line(body, span[0]) + (transcript[1] == "details")
    if after:  # the page's own text after the speech: shown where it was, after the video
        pieces.append("\n" + after.strip("\n") + "\n\n")
        out.defects.append(
            (
                "transcript-end",
                _line(body, span[0]) + _lines_before(body[span[0] : span[1]], after),
                f"The transcript's section goes on after the speech: '{_first_words(after)}'.",
                "kept that text on the page, after the video",
            )
        )
    return span[1]


_AUDIO = re.compile(r"audio[- ]?descri", re.I)
_LINK = re.compile(
    r"\[([^\]]*)\]\(\s*<?([^)\s>]+)>?[^)]*\)|<a\b[^>]*?href\s*=\s*[\"']([^\"']+)[\"'][^>]*>(.*?)</a>", re.I | re.S
)


def _described(body: str, match: re.Match, title: str) -> bool:
    """Is the iframe at `match` an audio-described version? Its title says so, or the line
    before it does (a heading or a lead-in such as "Audio described version:")."""
    before = body[: match.start()].rstrip().rsplit("\n", 1)[-1]
    return bool(_AUDIO.search(title) or _AUDIO.search(before))


def _video_after(body: str, matches: list[re.Match]) -> bool:
    """Is there an ordinary video among the iframes `matches` (for an audio-described one before it)?"""
    for match in matches:
        attrs = attributes(match.group(0).split(">", 1)[0])
        if embed_address(watch_address(attrs.get("src", ""))) and not _described(body, match, attrs.get("title", "")):
            return True
    return False


def _described_links(body: str) -> list[tuple[int, str]]:
    """Links whose text names an audio-described version and whose address is a video player's:
    the link stays in the page; its video gets the address as its alternative too."""
    out = []
    for match in _LINK.finditer(body):
        text, url = (match.group(1), match.group(2)) if match.group(2) else (match.group(4), match.group(3))
        if _AUDIO.search(text or "") and embed_address(watch_address(url)):
            out.append((_line(body, match.start()), watch_address(url)))
    return out


def _attach(out: Markup, described: list[tuple[int, str]]) -> None:
    """Each audio-described version given to its video: the nearest one above it, else the first."""
    for line, url in described:
        if not out.videos:
            continue
        video = next((v for v in reversed(out.videos) if v.line <= line), out.videos[0])
        if not video.audio_described:
            video.audio_described = url
            out.defects.append(
                (
                    "audio-described",
                    line,
                    f"An audio-described version of the video at line {video.line}.",
                    "kept as that video's audio-described alternative",
                )
            )


def _embed_link(url: str, title: str) -> str:
    """What an iframe that is no video becomes: a link to what it showed (nothing for no address)."""
    if not host_of(url) or not url.startswith(("https://", "http://")):
        return ""
    text = re.sub(r"([\[\]\\])", r"\\\1", title or "Embedded content")
    return f"[{text}](<{urllib.parse.quote(url, safe=_URL_SAFE)}>)"


def _transcript_after(body: str, start: int, end: int) -> tuple[tuple[str, str], tuple[int, int] | None, str]:
    """The first transcript between `start` and `end` (a `{details}` block or a headed section), its
    span, and the text of that span after the speech ends (`speech_end`), which is not transcript."""
    lines, offset = body[start:end].splitlines(keepends=True), start
    starts = []
    for line in lines:
        starts.append(offset)
        offset += len(line)
    for index, line in enumerate(lines):
        if _DETAILS_OPEN.match(line):
            summary_at = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
            close = next((i for i in range(index + 1, len(lines)) if _DETAILS_CLOSE.match(lines[i])), None)
            if summary_at is None or close is None or not _TRANSCRIPT.search(lines[summary_at]):
                continue
            inner = lines[summary_at + 1 : close]
            cut = speech_end(inner)
            text = lines[summary_at].strip() + "\n\n" + "".join(inner[:cut]).strip() + "\n"
            stop = starts[close] + len(lines[close])
            return (text, "details"), (starts[index], stop), "".join(inner[cut:])
        heading = atx(line.rstrip("\n"))
        if heading and _TRANSCRIPT.search(heading.text):
            level = heading.level
            stop_at = next(
                (i for i in range(index + 1, len(lines)) if (h := atx(lines[i].rstrip("\n"))) and h.level <= level),
                len(lines),
            )
            inner = lines[index + 1 : stop_at]
            cut = speech_end(inner)
            stop = starts[stop_at] if stop_at < len(lines) else end
            text = heading.text + "\n\n" + "".join(inner[:cut]).strip() + "\n"
            return (text, "heading"), (starts[index], stop), "".join(inner[cut:])
    return ("", ""), None, ""


# Where a transcript's speech ends: a heading or bold line naming an activity, or a paragraph that
# instructs the reader (a numbered activity list after either goes with it). Never before some
# speech, and never at a line written as quoted speech (in emphasis, in quotes, or after a
# speaker's name): a teacher on film says "Write down your answers" too.
_ACTIVITY = re.compile(
    r"^(?:your\s+|next\s+|the\s+)?(?:tasks?|activit(?:y|ies)|instructions?|reflections?|reflect|next\s+steps?|"
    r"further\s+reading|references?|resources?|self[-\s]?study(?:\s+activities)?|discussion(?:\s+questions?)?|"
    r"questions?(?:\s+(?:to\s+(?:consider|discuss)|for\s+reflection))?|practi[cs]e|your\s+turn|over\s+to\s+you|"
    r"(?:before|after|during)\s+(?:your|the)\s+(?:next\s+)?(?:session|meeting|lesson))"
    r"(?:\s*(?:\d+|[a-z]|[ivx]+)(?:[.)]|\b))?(?:\s*[:.\-–—].*)?$",
    re.I,
)
_INSTRUCTS = re.compile(
    r"^(?:now\s+|next,?\s+|then\s+|please\s+)?(?:"
    r"(?:complete|download|click|answer|fill\s+in|make\s+notes|note\s+down|print|open)\b.*\b(?:the\s+following|"
    r"these|this|below|your|the\s+(?:task|activity|activities|questions?|table|template|grid|worksheet|handout|link))|"
    r"(?:read|watch|discuss|reflect\s+on|use|consider|think\s+about|look\s+at|record|share|bring|write\s+down|"
    r"take\s+(?:a\s+)?(?:few|some)\s+minutes)\b.*\b(?:the\s+following|below|the\s+(?:task|activity|activities|"
    r"template|table|grid|worksheet|handout|summary|reading)|with\s+your\s+mentor|in\s+your\s+(?:notebook|notepad|"
    r"journal)|(?:before|after|in)\s+your\s+(?:next\s+)?(?:session|meeting)))\b",
    re.I,
)
_QUOTED = re.compile(r"^\s*(?:[_*](?![_*\s])|[\"“‘']|\[|\(|[\w .’'-]{1,40}:\s)")
_ORDERED = re.compile(r"^[ \t]{0,3}(?:\d{1,3}|[a-z])[.)][ \t]+\S", re.I)
_PLAIN = re.compile(r"[*_`#>]+|\\")


def speech_end(lines: list[str]) -> int:
    """The index of the first of `lines` that is not speech (len(lines) when all are)."""
    previous_blank, spoken = True, False
    for index, line in enumerate(lines):
        text = _PLAIN.sub("", line).strip()
        heading = atx(line.rstrip("\n"))
        bold = re.fullmatch(r"\s*(\*\*|__)(.+?)\1\s*:?\s*", line.rstrip("\n"))
        if spoken and (heading or bold) and _ACTIVITY.match(text.rstrip(":").strip()):
            return index
        if (
            spoken
            and previous_blank
            and text
            and not heading
            and not _ORDERED.match(line)
            and not _QUOTED.match(line)
            and _INSTRUCTS.match(text)
        ):
            return index
        previous_blank = not line.strip()
        spoken = spoken or bool(text and not heading)
    return len(lines)


def _first_words(text: str, count: int = 8) -> str:
    words = _PLAIN.sub("", text).split()
    return " ".join(words[:count]) + (" ..." if len(words) > count else "")


def _lines_before(span: str, after: str) -> int:
    """The line, counted from a span's first, where its text `after` starts."""
    return span[: span.rindex(after)].count("\n") if after in span else 0


def convert_details(body: str) -> tuple[str, list[tuple[str, int, str, str]]]:
    """`{details}` summary ... `{/details}` as `<details markdown="1">` with a `<summary>`."""
    lines, out, defects = body.split("\n"), [], []
    index = 0
    while index < len(lines):
        line = lines[index]
        if _DETAILS_OPEN.match(line):
            close = next((i for i in range(index + 1, len(lines)) if _DETAILS_CLOSE.match(lines[i])), None)
            summary_at = next(
                (i for i in range(index + 1, close if close is not None else len(lines)) if lines[i].strip()), None
            )
            if close is None:
                defects.append(
                    (
                        "unclosed-details",
                        index + 1,
                        "A {details} block is never closed.",
                        "closed it at the end of the page",
                    )
                )
                close = len(lines)
            summary = lines[summary_at].strip() if summary_at is not None else "Details"
            inner = lines[summary_at + 1 : close] if summary_at is not None else []
            out += ['<details markdown="1">', f"<summary>{summary}</summary>", "", *inner, "", "</details>"]
            index = close + 1
            continue
        if _DETAILS_CLOSE.match(line):
            defects.append(("stray-details-close", index + 1, "A {/details} closes no block.", "removed it"))
            index += 1
            continue
        out.append(line)
        index += 1
    return "\n".join(out), defects


def fix_lists(body: str) -> tuple[str, int]:
    """Nested list items indented by 2-3 spaces re-indented to 4 per level (Python-Markdown's rule)."""
    out, stack, changed, in_list = [], [], 0, False
    for line in body.split("\n"):
        marker = _MARKER.match(line)
        indent = len(line) - len(line.lstrip(" ")) if line.strip() else -1
        if marker:
            here = len(marker.group(1).replace("\t", "    "))
            if not in_list:
                stack = [here]
            while len(stack) > 1 and stack[-1] > here:
                stack.pop()
            if here > stack[-1]:
                stack.append(here)
            in_list = True
            level = len(stack) - 1
            new = " " * (4 * level) + line.lstrip(" \t")
            changed += new != line
            out.append(new)
            continue
        if in_list and indent > 0:
            level = len(stack) - 1
            new = " " * (4 * (level + 1)) + line.lstrip(" ")
            changed += new != line
            out.append(new)
            continue
        if indent == 0:
            in_list = False
        out.append(line)
    return "\n".join(out), changed


def drop_stray_items(body: str) -> tuple[str, list[int]]:
    """A `</li>` outside any HTML list (closing a Markdown item) is removed: it closes nothing."""
    depth, out, fixed = 0, [], []
    for number, line in enumerate(body.split("\n"), 1):
        for tag in _LIST_TAG.finditer(line):
            depth = max(0, depth + (-1 if tag.group(1) else 1))
        if depth == 0 and "</li>" in line and "<li" not in line:
            line = line.replace("</li>", "")
            fixed.append(number)
        out.append(line)
    return "\n".join(out), fixed


def close_lists(body: str) -> tuple[str, list[int]]:
    """An HTML `<ol>`/`<ul>` left open is closed where its HTML block ends (the first blank line)."""
    lines, fixed = body.split("\n"), []
    index = 0
    while index < len(lines):
        opened = [m for m in _LIST_TAG.finditer(lines[index])]
        if opened and not opened[0].group(1):
            depth, end = 0, index
            for end in range(index, len(lines)):
                if not lines[end].strip():
                    break
                for tag in _LIST_TAG.finditer(lines[end]):
                    depth += -1 if tag.group(1) else 1
            else:
                end = len(lines)
            if depth > 0:
                name = opened[0].group(2).lower()
                lines.insert(end, "\n".join([f"</{name}>"] * depth))
                fixed.append(index + 1)
            index = end + 1
            continue
        index += 1
    return "\n".join(lines), fixed


def fix_images(body: str) -> tuple[str, list[int]]:
    """`<img url=…>` (not an HTML attribute) repaired to `<img src=…>`."""
    lines = [_line(body, m.start()) for m in _IMG_URL.finditer(body)]
    return _IMG_URL.sub(r"\1src\2", body), lines


_INLINE_CLOSE = disclosure.CLOSE_AFTER_TEXT
_INLINE_OPEN = disclosure.OPEN_BEFORE_TEXT
# Unquoted runs stop at '<' (as in repairs._TAG): a page of unclosed `<img ` stays linear.
_OPEN_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b((?:[^<>\"']|\"[^\"]*\"|'[^']*')*?)(\s*/?)>", re.S)
# Attributes an ordinary page needs; the rest (target, rel, frameborder, WordPress sizes...) go.
KEEP = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "title"},
    "ol": {"start", "type"},
    "details": {"open", "markdown"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "*": {"markdown", "title", "lang"},
}


def split_markers(body: str) -> tuple[str, list[int]]:
    """`{/details}` at the end of a text line (and `{details}` before one) put on a line of their own."""
    lines = [_line(body, m.start()) for m in _INLINE_CLOSE.finditer(body)]
    lines += [_line(body, m.start()) for m in _INLINE_OPEN.finditer(body)]
    body = _INLINE_CLOSE.sub(lambda m: f"{m.group(1)}\n\n{m.group(2)}", body)
    return _INLINE_OPEN.sub(lambda m: f"{m.group(1)}\n{m.group(2)}", body), sorted(lines)


def strip_attributes(body: str) -> tuple[str, list[tuple[int, str]]]:
    """Attributes outside `KEEP` removed from raw HTML tags (the text is untouched)."""
    dropped: list[tuple[int, str]] = []

    def tag(match: re.Match) -> str:
        name = match.group(1).lower()
        allowed = KEEP.get(name, set()) | KEEP["*"]
        kept: list[str] = []
        gone: list[str] = []
        for attr in _ATTR.finditer(match.group(2)):
            key = attr.group(1).lower()
            value = next(g for g in attr.groups()[1:] if g is not None)
            (kept if key in allowed else gone).append(f'{key}="{value}"' if key in allowed else key)
        if not gone:
            return match.group(0)
        dropped.append((_line(body, match.start()), f"<{name}>: {', '.join(sorted(set(gone)))}"))
        return f"<{match.group(1)}{''.join(' ' + k for k in kept)}{match.group(3)}>"

    return _OPEN_TAG.sub(tag, body), dropped


_TEMPLATE = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
_ENTITY = {"{": "&#123;", "}": "&#125;"}


def escape_templates(body: str) -> tuple[str, list[int]]:
    """Double braces and `{% %}`/`{# #}` of the source written as character references (outside
    fenced code): the format reads them as shortcodes, the source meant them as text. Runs first,
    before the importer writes shortcodes of its own."""
    fenced = fenced_ranges(body)
    lines: list[int] = []

    def escape(match: re.Match) -> str:
        if any(a <= match.start() < b for a, b in fenced):
            return match.group(0)
        lines.append(_line(body, match.start()))
        return "".join(_ENTITY.get(char, char) for char in match.group(0))

    return _TEMPLATE.sub(escape, body), sorted(set(lines))


_IMG_WITHOUT_ALT = re.compile(r"<img\b(?![^<>]*\balt\s*=)([^<>]*)>", re.I)


def describe_images(text: str) -> tuple[str, list[int]]:
    """Each <img> without an alt attribute given alt="" (outside code), with the lines changed: the
    validator refuses an image a screen reader would announce by its file name, and only the
    author can describe it."""
    masked = read(text).masked
    found: list[int] = []
    out, last = [], 0
    for match in _IMG_WITHOUT_ALT.finditer(masked):
        found.append(lines.line_of(text, match.start()))
        out += [text[last : match.start()], '<img alt=""' + text[match.start(1) : match.end()]]
        last = match.end()
    return "".join(out + [text[last:]]), found
