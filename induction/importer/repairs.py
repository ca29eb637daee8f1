"""Repairs: every markup repair, applied in order wherever the markup is.

Part of import stage three (`markup` holds the single repairs). A page's transcripts are cut out
of it first (they become files of their own), so each repair runs on the page's remaining body
AND on each transcript: a stray tag, an `<img url=…>` or an unclosed list is repaired in a
transcript, a `{details}` block or a table cell exactly as in the body, since each repair works on
the text wherever it stands.

The last two repairs ask the project's own check (`induction.check.sanitiser.scan`) what it would refuse,
so the importer's idea of "balanced" and "safe" HTML is the validator's: an end tag that closes
nothing is removed, an element left open is closed where its block ends, and what the allow-list
refuses (a <script>, a handler attribute) is removed, each with a report line.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Callable

from markdown.blockprocessors import SetextHeaderProcessor

from induction.body.fences import fenced_lines
from induction.check import sanitiser
from induction.core.lines import line_of
from induction.core.url_syntax import malformed, well_formed

from ..body import read
from . import markup
from .cells import list_cells, separate_lists, unescape_bold
from .markup import Markup

Defect = tuple[str, int, str, str]  # (kind, body line, message, action)
_VOID = {
    "br",
    "hr",
    "img",
    "col",
    "input",
    "meta",
    "link",
    "source",
    "wbr",
    "area",
    "base",
    "embed",
    "param",
    "track",
}  # elements with no end tag (HTML's list, as the sanitiser has it)
_ROUNDS = 8  # closing one element can reveal another (nested); no real page needs more


def _text_repairs(text: str) -> tuple[str, list[Defect]]:
    """The repairs that apply to any Markdown text: a page body or a transcript, in order."""
    text, markup_defects = _markup_repairs(text)
    text, later = _heading_and_address_repairs(text)
    text, last = _closing_repairs(text)
    return text, markup_defects + later + last


def _markup_repairs(text: str) -> tuple[str, list[Defect]]:
    """First the HTML and list markup: disclosures, cells, bold, lists, stray tags, images, attributes."""
    out: list[Defect] = []
    text, found = markup.convert_details(text)
    out += found
    text, cells = list_cells(text)
    out += [
        ("list-in-cell", line, "A table cell's list is written on one line.", "wrote it as an HTML list")
        for line in cells
    ]
    text, bold = unescape_bold(text)
    out += [("escaped-bold", line, "Bold written with escaped asterisks.", "wrote it as bold") for line in bold]
    text, fixed = markup.close_lists(text)
    out += [
        ("unclosed-tag", line, "An HTML list is never closed.", "closed it at the end of its block") for line in fixed
    ]
    text, strays = markup.drop_stray_items(text)
    out += [("stray-tag", line, "A </li> closes no open <li>.", "removed the tag") for line in strays]
    text, images = markup.fix_images(text)
    out += [
        (
            "invalid-img",
            line,
            "An <img> gives its address as url=, which browsers ignore.",
            "renamed the attribute to src=",
        )
        for line in images
    ]
    text, dropped = markup.strip_attributes(text)
    out += [
        ("html-attribute", line, f"Attributes an ordinary page does not need on {what}.", "removed them")
        for line, what in dropped
    ]
    text, changed = markup.fix_lists(text)
    if changed:
        out.append(
            (
                "list-indent",
                1,
                f"{changed} nested list lines were indented by 2-3 spaces.",
                "re-indented them by 4 spaces per level",
            )
        )
    return text, out


def _heading_and_address_repairs(text: str) -> tuple[str, list[Defect]]:
    """Then headings, alt text, addresses and tags split over a blank line."""
    out: list[Defect] = []
    text, underlined = atx_headings(text)
    out += [
        (
            "setext-heading",
            line,
            "A heading underlined with === or ---.",
            "wrote it as a # heading, levelled with the page's others",
        )
        for line in underlined
    ]
    text, described = markup.describe_images(text)
    out += [
        (
            "missing-alt",
            line,
            "An <img> has no alt attribute.",
            'gave it alt="" (decoration); describe it in the source if it carries meaning',
        )
        for line in described
    ]
    text, headed = markdown_headings(text)
    out += [
        (
            "raw-heading",
            line,
            "A heading written as an HTML <h1>-<h6> element.",
            "wrote it as a Markdown heading, levelled with the page's others",
        )
        for line in headed
    ]
    text, spaced = close_addresses(text)
    out += [
        (
            "address-with-space",
            line,
            "An address in an href= or src= holds a space, which no address may.",
            "removed the space",
        )
        for line in spaced
    ]
    text, encoded = encode_addresses(text)
    out += [
        ("address-encoded", line, f"The address '{address}' {why}.", f"wrote it as '{fixed}'")
        for line, address, why, fixed in encoded
    ]
    text, joined = join_split_tags(text)
    out += [
        ("unclosed-tag", line, "A start tag's '>' comes after a blank line.", "joined the tag onto one line")
        for line in joined
    ]
    return text, out


def _closing_repairs(text: str) -> tuple[str, list[Defect]]:
    """Last, tags balanced, unsafe markup removed, and a blank line before a list after a paragraph."""
    text, out = balance(text)
    text, removed = remove_unsafe(text)
    # last: the blank lines it adds would shift the lines the other repairs report
    text, opened = separate_lists(text)
    out += [
        ("list-after-paragraph", line, "A list starts on the line after a paragraph.", "put a blank line before it")
        for line in opened
    ]
    return text, out + removed


# A start tag whose attributes run over lines and whose '>' comes only after a blank line: HTML
# reads it as one tag, Markdown ends the raw block at the blank line and leaves the tag open.
_SPLIT_TAG = re.compile(
    r"<([A-Za-z][A-Za-z0-9]*)((?:\s+[^\s<>=\"']+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s<>\"']+))?)*)"
    r"[ \t]*\n(?:[ \t]*\n)+[ \t]*>(?:([^\n<]*)\n[ \t]*>[ \t]*(</\1>))?"
)


_SPACED_ADDRESS = re.compile(r"""(\b(?:href|src)[ \t]*=[ \t]*")(https?://[^"\s]*[ \t][^"]*)(")""", re.I)


_RAW_HEADING = re.compile(r"^[ \t]*<h([1-6])(?:\s[^>]*)?>([^<>\n]+)</h\1>[ \t]*$", re.M | re.I)


_SETEXT = re.compile(SetextHeaderProcessor.RE.pattern, re.M)  # Python-Markdown's own pattern


def atx_headings(text: str) -> tuple[str, list[int]]:
    """Setext headings (a line underlined with === or ---) written as # and ## headings, outside
    code, so that the page's outline (`headings.nest`) levels them with the others."""
    masked = read(text).masked
    lines: list[int] = []
    out, last = [], 0
    for match in _SETEXT.finditer(masked):
        title, underline = match.group(0).split("\n")[:2]
        if not title.strip() or title.lstrip().startswith(("#", "|", "-", "*", "+", ">")) or title.startswith("    "):
            continue  # no heading: a blank line, a list item, a table, a quote or indented code above it
        lines.append(line_of(text, match.start()))
        level = "#" if underline.startswith("=") else "##"
        out += [text[last : match.start()], f"{level} {title.strip()}\n"]
        last = match.end()
    return "".join(out + [text[last:]]), lines


def markdown_headings(text: str) -> tuple[str, list[int]]:
    """An HTML heading alone on its line written as a Markdown heading, so that the page's outline
    (`headings.nest`) levels it with the others instead of leaving it where the provider put it."""
    lines: list[int] = []

    def heading(match: re.Match) -> str:
        lines.append(line_of(text, match.start()))
        return "#" * int(match.group(1)) + " " + " ".join(match.group(2).split())

    return _RAW_HEADING.sub(heading, text), lines


def close_addresses(text: str) -> tuple[str, list[int]]:
    """Spaces inside a web address of an attribute removed ("http://bit.ly/ ecf-coe2": a typing slip,
    since an address cannot hold one), with the lines it changed."""
    lines: list[int] = []

    def close(match: re.Match) -> str:
        lines.append(line_of(text, match.start()))
        return match.group(1) + "".join(match.group(2).split()) + match.group(3)

    return _SPACED_ADDRESS.sub(close, text), lines


def encode_addresses(text: str) -> tuple[str, list[tuple[int, str, str, str]]]:
    """Link and image addresses (href=, src=, Markdown links) that are not valid URLs written as the
    valid URL a browser would follow (a '|' as %7C, a stray '%' as %25), outside code; with (line,
    address, why, new address) for each. Those no encoding mends (a password, a port) are left to
    the validator, which names them."""
    found, out, last = [], [], 0
    for start, end, _, _ in read(text).addresses:
        address = text[start:end]
        why = malformed(address) if "{{" not in address else None
        fixed = well_formed(address) if why else address
        if why and fixed != address and not malformed(fixed) and start >= last:
            found.append((line_of(text, start), address, why, fixed))
            out += [text[last:start], fixed]
            last = end
    return "".join(out + [text[last:]]), found


def join_split_tags(text: str) -> tuple[str, list[int]]:
    """Each start tag split by a blank line before its '>' written on one line (with the lines it fixed)."""
    lines: list[int] = []

    def join(match: re.Match) -> str:
        lines.append(line_of(text, match.start()))
        attributes = " ".join(match.group(2).split())
        tail = f"{match.group(3).strip()}{match.group(4)}" if match.group(4) else ""  # "> text\n> </a>": its content
        return f"<{match.group(1)}{' ' + attributes if attributes else ''}>{tail}"

    return _SPLIT_TAG.sub(join, text), lines


def balance(text: str) -> tuple[str, list[Defect]]:
    """End tags that close nothing removed; elements never closed closed at the end of their block
    (the first blank line after them outside code, else the end), as the validator judges them."""
    out: list[Defect] = []
    for _ in range(_ROUNDS):
        findings = [f for f in sanitiser.scan(text) if f.code == "unclosed-html"]
        if not findings:
            break
        ends = _BlockEnds(text)
        closers = _closing_points(text, [f.start for f in findings], ends)
        edits: list[tuple[int, int, int, str]] = []  # (start, -opened at, end, new text)
        for finding in findings:
            tag = re.search(r"</?([a-zA-Z][a-zA-Z0-9]*)", finding.message)
            name = tag.group(1).lower() if tag else ""
            if finding.message.endswith("is never ended with '>'."):  # `<br` and a line break: end it there
                at = ends.line_end(finding.start)
                edits.append((at, -finding.start, at, ">"))
                out.append(
                    (
                        "unclosed-tag",
                        finding.line,
                        f"A <{name} tag is never ended with '>'.",
                        "ended it at the end of its line",
                    )
                )
            elif finding.end > finding.start:  # an end tag that closes nothing
                edits.append((finding.start, 0, finding.end, ""))
                out.append(("stray-tag", finding.line, f"A </{name}> closes no open <{name}>.", "removed the tag"))
            elif name:
                at = closers[finding.start]
                edits.append((at, -finding.start, at, f"</{name}>"))
                out.append(
                    ("unclosed-tag", finding.line, f"A <{name}> is never closed.", "closed it at the end of its block")
                )
        text = _edited(text, edits)
    return text, out


def _edited(text: str, edits: list[tuple[int, int, int, str]]) -> str:
    """`text` with every edit made, in one pass (a copy of the whole text per edit was quadratic).
    Of two closers at one point the inner one (opened later, so the smaller key) comes first."""
    parts, last = [], 0
    for start, _, end, new in sorted(edits):
        parts += [text[last : max(last, start)], new]
        last = max(last, end)
    return "".join(parts + [text[last:]])


# Unquoted runs stop at '<': a page of unclosed `<a ` is scanned once, not once per tag.
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*?(/?)>")


def _closing_points(text: str, starts: list[int], ends: _BlockEnds) -> dict[int, int]:
    """Where to close each element opened at one of `starts`: before the end tag of an element
    around it (which would close it implicitly), else at the end of its block.

    One pass over the tags with one stack of open elements, instead of a scan per element from
    its start (quadratic on a page of `<a>`): an end tag closes the topmost open element of its
    name and everything above it, and each element waiting above that point is closed before it."""
    waiting, found = set(starts), dict[int, int]()
    expiring: list[tuple[int, int]] = []  # (end of its block, start) of each element waiting for its closer
    stack: list[tuple[str, int]] = []  # (name, start) of each open element
    for tag in _TAG.finditer(text):
        while expiring and expiring[0][0] < tag.end():  # its block ended before this tag: closed there
            limit, start = heapq.heappop(expiring)
            found.setdefault(start, limit)
        name = tag.group(2).lower()
        if name in _VOID or tag.group(3):
            continue
        if not tag.group(1):
            if tag.start() in waiting and tag.start() not in found:
                heapq.heappush(expiring, (ends.after(tag.start()), tag.start()))
            stack.append((name, tag.start()))
            continue
        top = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == name), 0)
        for _, start in stack[top:]:
            if start in waiting:
                found.setdefault(start, tag.start())
        del stack[top:]
    for limit, start in expiring:
        found.setdefault(start, limit)
    # A start the pass did not read as a tag (inside another tag's quoted value, say): no closer inside.
    return {start: found.get(start, ends.after(start)) for start in starts}


class _BlockEnds:
    """The end of the block holding an offset: the end of its table cell in a pipe table row,
    else before the first blank line after it that is not inside fenced code, else the end of
    the text. The blank lines are found once, for every question."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.newlines = [match.start() for match in re.finditer("\n", text)]
        fenced = fenced_lines(text)
        self.blanks: list[int] = []  # offset of each blank line outside fenced code
        offset = 0
        for number, line in enumerate(text.splitlines(keepends=True)):
            if not line.strip() and not (number < len(fenced) and fenced[number]):
                self.blanks.append(offset)
            offset += len(line)

    def after(self, start: int) -> int:
        text, line = self.text, bisect.bisect_left(self.newlines, start)
        line_start = self.newlines[line - 1] + 1 if line else 0
        if text[line_start:start].lstrip().startswith("|"):
            cell = _CELL_END.search(text, start, self.line_end(start))
            return cell.start() if cell else self.line_end(start)
        index = bisect.bisect_right(self.blanks, start)
        if index == len(self.blanks):
            return len(text)
        offset = self.blanks[index]
        return offset - 1 if text[offset - 1] == "\n" else offset

    def line_end(self, offset: int) -> int:
        """The offset of the end of the line holding `offset` (found by bisection: a search on a
        page of one long line would read to its end once per question)."""
        line = bisect.bisect_left(self.newlines, offset)
        return self.newlines[line] if line < len(self.newlines) else len(self.text)


_CELL_END = re.compile(r"(?<!\\)\|")


def remove_unsafe(text: str) -> tuple[str, list[Defect]]:
    """What the allow-list refuses removed, as the validator's strip mode would (nh3 keeps the rest)."""
    findings = [f for f in sanitiser.scan(text) if f.code == "unsafe-html"]
    if not findings:
        return text, []
    out = [("unsafe-html-removed", f.line, f.message, "removed it") for f in findings if f.message]
    return sanitiser.strip(text, findings), out


def repair(body: str, name: Callable[[int], str]) -> Markup:
    """Every markup repair of a page, in order, and of each transcript taken out of it; defects
    carry lines of the page's body."""
    body, braces = markup.escape_templates(body)
    body, inline = markup.split_markers(body)
    result = markup.extract_videos(body, name)
    result.defects += [
        (
            "template-braces",
            line,
            "Double braces (or {% %}) that the format would read as a shortcode.",
            "wrote the braces as character references, shown as they are",
        )
        for line in braces
    ]
    result.defects += [
        ("inline-details-marker", line, "A {details} marker shares a line with text.", "put it on a line of its own")
        for line in inline
    ]
    result.body, found = _text_repairs(result.body)
    result.defects += found
    for video in result.videos:
        if not video.transcript:
            continue
        video.transcript, found = _text_repairs(video.transcript)
        # transcript line 1 is its summary or heading, line 2 the blank line written after it
        result.defects += [
            (kind, video.transcript_line + max(0, line - 2), message, action) for kind, line, message, action in found
        ]
    return result
