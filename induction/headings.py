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
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import markdown
from markdown.extensions.attr_list import AttrListTreeprocessor

from .fences import fenced_lines
from .html_blocks import unended_as_text

# The extensions of mkdocs.yml that change which blocks a body is made of (the rest work on the
# tree afterwards); fenced_code and tables are the ones MkDocs always adds. attr_list removes a
# trailing "{: ...}" from a heading's text, as HEADER_RE below.
EXTENSIONS = ("fenced_code", "tables", "md_in_html", "admonition", "pymdownx.details", "attr_list")

_LEVELS = {f"h{n}": n for n in range(1, 7)}
# Private-use characters around a line number: plain text to Markdown, and met in no body.
_MARK = re.compile("\ue000(\\d+)\ue001")
_HASHES = re.compile(r"#{1,6}")
_UNDERLINE = re.compile(r"(?:=+|-+)[ ]*$")  # SetextHeaderProcessor.RE's second line
_ATTRS = AttrListTreeprocessor.HEADER_RE


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
    return markdown.Markdown(extensions=list(EXTENSIONS))


def headings(body: str) -> list[Heading]:
    """The headings at the top level of `body`, in order, as the site renders them."""
    return list(_headings(body))


@functools.lru_cache(maxsize=256)  # pure; the checks and the plan's page ask about one body in turn
def _headings(body: str) -> tuple[Heading, ...]:
    if "#" not in body and "\n=" not in body and "\n-" not in body:  # most bodies: no heading at all
        return ()
    lines = body.splitlines()
    # A tag never ended is reported (sanitiser.py); read as text, it costs no quadratic time here.
    marked = [_marked(line, number) for number, line in enumerate(unended_as_text(body).splitlines(), 1)]
    found: list[Heading] = []
    setext = iter(_underlined(lines))
    for level, text in _parsed(marked):
        mark = _MARK.match(text)
        if mark:  # a line that starts with '#': the marker says which
            found.append(_heading(level, text[mark.end():].strip(), int(mark.group(1))))
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
    return line if hashes is None else f"{hashes.group()}\ue000{number}\ue001{line[hashes.end():]}"


def _underlined(lines: list[str]) -> list[int]:
    """Lines (from 1) that may be a setext heading's text: outside fenced code, above an underline."""
    fenced = fenced_lines("\n".join(lines))
    return [number for number in range(1, len(lines))
            if not fenced[number - 1] and lines[number - 1].strip() and _UNDERLINE.match(lines[number])]


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
    return (text, "") if attrs is None else (text[:attrs.start()], attrs.group().strip())


def _heading(level: int, text: str, line: int, size: int = 1) -> Heading:
    words, attrs = _text(text)
    return Heading(level, words.strip(), line, size, attrs)
