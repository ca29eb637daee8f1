"""Headings: the section headings of a Markdown body, as Python-Markdown reads them (check stage).

The checks (a mentor plan's ## headings are its phases) and rendering (each phase becomes a
section) must see the headings the site renders, not a rule of their own: Python-Markdown needs no
space after the hashes ("##Review" is an h2), takes no heading from a line with a space before its
first '#', and makes none inside fenced code, an indented code block or a raw HTML block. So the
rule is the library's, asked rather than copied: the body goes through a Markdown instance's
preprocessors and block parser, with the site's block-level extensions, and the headings are the
h1-h6 it makes at the top of the document (a heading inside a list item, a quote or a `<div
markdown>` starts no section of the page). The block parser keeps no line numbers, so each line
that starts with '#' gets a marker after its hashes, which the heading text then carries;
a setext heading (a line underlined with === or ---) is matched, in order, to the line above its
underline. tests/test_heading_rule.py holds this to markdown.markdown() with hypothesis.

The block parser takes about 7 ms for a plan of 7 KB, which would double the time to validate the
DfE corpus; so a body whose every '#' line is plainly a heading is read without it (`_plain`): each
such line starts a block (after a blank line), matches HashHeaderProcessor.RE (the library's own
pattern) and holds no '|' (a table row), and the body has no raw HTML, admonition, underline, tab
or placeholder character that could make a block of another kind. Anything else asks the library.
The same property test holds both paths to the renderer.
"""

from __future__ import annotations

import functools
import importlib
import re
from dataclasses import dataclass
from typing import NamedTuple

import markdown
from markdown.blockprocessors import HashHeaderProcessor
from markdown.extensions.attr_list import AttrListTreeprocessor

from induction.body.fences import fenced_lines

# The extensions of mkdocs.yml that change which blocks a body is made of (the rest work on the
# tree afterwards); fenced_code and tables are the ones MkDocs always adds. attr_list removes a
# trailing "{: ...}" from a heading's text, as HEADER_RE below.
EXTENSIONS = ("fenced_code", "tables", "md_in_html", "admonition", "pymdownx.details", "attr_list")

_LEVELS = {f"h{n}": n for n in range(1, 7)}
# Private-use characters around a line number: plain text to Markdown, and met in no body.
_MARK = re.compile("\ue000(\\d+)\ue001")
_HASHES = re.compile(r"#{1,6}")
_ATX = re.compile(HashHeaderProcessor.RE.pattern + r"\Z")  # the library's own pattern, over one whole line
_UNDERLINE = re.compile(r"(?:=+|-+)[ ]*$")  # SetextHeaderProcessor.RE's second line
_ATTRS = AttrListTreeprocessor.HEADER_RE
_UNENDED = re.compile(r"<(?=[A-Za-z/])[^<>]*(?=<|\Z)")


@dataclass(frozen=True)
class Heading:
    """A heading of the page: its level, its text (without trailing hashes or attribute list),
    its first line in the body (from 1), how many lines it takes (2 when underlined) and its
    attribute list as written ("{#id}", or "")."""

    level: int
    text: str
    line: int
    size: int = 1
    attrs: str = ""


@functools.lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=[_extension(name) for name in EXTENSIONS])


def _extension(name: str) -> markdown.Extension:
    """The extension `name` names, made by its module as Python-Markdown makes it. Given by name,
    Python-Markdown first looks the name up among the entry points of every installed package,
    which costs a validation a twentieth of its time; a builder that does so anyway pays it once."""
    module = importlib.import_module(name if "." in name else f"markdown.extensions.{name}")
    return module.makeExtension()


class AtxLine(NamedTuple):
    """A line that is a '#' heading: its level, its words (closing hashes and spaces gone, as the
    library takes them) and the line after its opening hashes, as written."""

    level: int
    text: str
    rest: str


def atx(line: str) -> AtxLine | None:
    """`line` as a '#' heading when Python-Markdown's HashHeaderProcessor reads it as one (any
    text after one to six hashes, no space needed), else None. The rule for a line whose block is
    known to be a paragraph's start (the importer's rewrites); `headings` says which lines are."""
    match = _ATX.match(line) if line[:1] == "#" else None
    if match is None:
        return None
    level = len(match.group("level"))
    return AtxLine(level, match.group("header").strip(), line[level:])


def headings(body: str) -> list[Heading]:
    """The headings at the top level of `body`, in order, as the site renders them."""
    return list(_headings(body))


def _headings(body: str) -> tuple[Heading, ...]:  # body.read keeps the bodies being worked on
    if "#" not in body and "\n=" not in body and "\n-" not in body:  # most bodies: no heading at all
        return ()
    plain = _plain(body)
    return plain if plain is not None else _asked(body)


# What may make a '#' line something other than a heading, or another line a heading: raw HTML
# (whose blocks start with a tag at the start of a line, as in html_blocks.py), admonitions and
# details, tabs, Python-Markdown's placeholder characters, and line breaks other
# than \n (where str.splitlines, which numbers the lines, and Markdown would count differently).
_NOT_PLAIN = re.compile("^[ ]{0,3}<|!!!|\\?\\?\\?|[\t\x02\x03\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", re.M)


def _plain(body: str) -> tuple[Heading, ...] | None:
    """The headings of a body in which each '#' line starts a block and is plainly a heading, or
    None when the body needs the library's block parser to say."""
    if _NOT_PLAIN.search(body):
        return None
    lines = body.splitlines()
    fenced = fenced_lines(body)
    found = []
    for index, line in enumerate(lines):
        if fenced[index] or not line.strip():
            continue
        if index + 1 < len(lines) and _UNDERLINE.match(lines[index + 1]):
            return None  # an underlined (setext) heading, or a rule: its block decides
        if line.startswith("#"):
            match = _ATX.match(line)
            if match is None or "|" in line or (index and lines[index - 1].strip(" ")):  # as Markdown blanks it
                return None
            found.append(_heading(len(match.group("level")), match.group("header").strip(), index + 1))
    return tuple(found)


def _asked(body: str) -> tuple[Heading, ...]:
    """The headings of `body` as the library's block parser finds them."""
    lines = body.splitlines()
    # A tag never ended, read as text (same length, same lines): the html_block preprocessor would
    # wait for its '>' at every later '<', in time quadratic in their number. A known tag never
    # ended is an error of its own (sanitiser.py), and an unknown one opens no raw block. Comments
    # and declarations (<!, <?) keep their meaning: a comment may hold a '<'.
    readable = _UNENDED.sub(lambda m: " " + m.group()[1:], body)
    marked = [_marked(line, number) for number, line in enumerate(readable.splitlines(), 1)]
    found: list[Heading] = []
    setext = iter(_underlined(lines))
    for level, text in _parsed(marked):
        mark = _MARK.match(text)
        if mark:  # a line that starts with '#': the marker says which
            found.append(_heading(level, text[mark.end() :].strip(), int(mark.group(1))))
            continue
        for number in setext:  # an underlined line: the next candidate with its text
            if lines[number - 1].strip() == _MARK.sub("", text):
                found.append(_heading(level, text, number, size=2))
                break
    return tuple(found)


def _marked(line: str, number: int) -> str:
    """`line` with its line number after its leading hashes (where HashHeaderProcessor.RE starts
    the heading's text, so a heading stays one and other lines stay what they were)."""
    hashes = _HASHES.match(line)
    return line if hashes is None else f"{hashes.group()}\ue000{number}\ue001{line[hashes.end() :]}"


def _underlined(lines: list[str]) -> list[int]:
    """Lines (from 1) that may be a setext heading's text: outside fenced code, above an underline."""
    fenced = fenced_lines("\n".join(lines))
    return [
        number
        for number in range(1, len(lines))
        if not fenced[number - 1] and lines[number - 1].strip() and _UNDERLINE.match(lines[number])
    ]


def _parsed(lines: list[str]) -> list[tuple[int, str]]:
    """(level, text) of each h1-h6 that Python-Markdown's block parser puts at the top of the document."""
    md = _markdown()
    md.reset()
    for preprocessor in md.preprocessors:
        lines = preprocessor.run(lines)
    root = md.parser.parseDocument(lines).getroot()
    return [(_LEVELS[element.tag], element.text or "") for element in root if element.tag in _LEVELS]


def _text(text: str) -> tuple[str, str]:
    """A heading's text without its attribute list, and the list ("" when none), as attr_list reads it."""
    attrs = _ATTRS.search(text)
    return (text, "") if attrs is None else (text[: attrs.start()], attrs.group().strip())


def _heading(level: int, text: str, line: int, size: int = 1) -> Heading:
    words, attrs = _text(text)
    return Heading(level, words.strip(), line, size, attrs)
