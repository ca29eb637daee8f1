"""Shortcodes: the few `{{ name("arg") }}` forms a content body may use, found with their lines.

Content never runs through a template engine: these forms are parsed here, checked against the
model, and expanded by `render`. Any other double-brace or `{% %}` text is reported, so an
author's stray braces cannot execute template code or vanish from the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

# Strays reported per body: a file of thousands of lone braces is refused by its first hundred.
MAX_STRAYS = 100
NAMES = ("video", "asset", "statement", "ecf", "session", "image")

# Template syntax: an opener and the first closer of its kind after it ({{ ... }}, {% ... %},
# {# ... #}), or a lone {{, }}, {% or %}. Found by one pass over the delimiters, not by a lazy
# `\{\{.*?\}\}` regex, which rescans to the end of the body from every unclosed opener.
_OPENERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
_DELIMITER = re.compile(r"\{\{|\{%|\{#|\}\}|%\}")
_CALL = re.compile(
    r"\{\{\s*([a-z_]+)\s*\(\s*(?:\"([^\"\n]*)\"|'([^'\n]*)')"
    r"(?:\s*,\s*(?:\"([^\"\n]*)\"|'([^'\n]*)'))?\s*\)\s*\}\}"
)
# The optional second argument is a link text (`session("id", "text")`): an imported link keeps its words.


@dataclass(frozen=True)
class Shortcode:
    name: str
    arg: str
    line: int  # line within the body, from 1
    start: int
    end: int
    alone: bool  # the only thing on its line
    label: str = ""  # the optional second argument: the link's own text


@dataclass(frozen=True)
class Stray:
    text: str
    line: int


def template_spans(body: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each piece of template syntax in `body`, left to right, in linear time:
    one pass over the delimiters, each closer looked for at most once per kind."""
    nearest: dict[str, int] = {}  # closer -> the first place, at or after the last search, that holds it
    offset = 0
    while match := _DELIMITER.search(body, offset):  # search again after each span: delimiters may overlap it
        start, offset = match.start(), match.start() + 1
        token = match.group()
        closer = _OPENERS.get(token)
        end = start + 2
        if closer:
            found = nearest.get(closer)
            if found is None or 0 <= found < end:
                found = nearest[closer] = body.find(closer, end)
            if found >= 0:
                end = found + 2
            elif token == "{#":  # `{#` alone is Markdown (attr_list ids), not template syntax
                continue
        yield start, end
        offset = end


def scan(body: str, fenced: Sequence[tuple[int, int]]) -> tuple[tuple[Shortcode, ...], tuple[Stray, ...]]:
    """Shortcodes and stray template syntax in `body`, outside its `fenced` code blocks (body.Body
    reads them once per body), in linear time (lines counted on from the last match, fences passed
    in order)."""
    codes: list[Shortcode] = []
    strays: dict[Stray, None] = {}  # a run of the same stray on one line is one
    fence, line, counted, last = 0, 1, 0, ("", 0)
    for start, end in template_spans(body):
        while fence < len(fenced) and fenced[fence][1] <= start:
            fence += 1
        if fence < len(fenced) and fenced[fence][0] <= start:
            continue
        line += body.count("\n", counted, start)
        counted = start
        text = body[start:end]
        call = _CALL.fullmatch(text) if len(text) > 2 else None
        if call and call.group(1) in NAMES:
            codes.append(_shortcode(body, call, line, start, end, codes))
        elif (text, line) != last and len(strays) < MAX_STRAYS:
            strays[Stray(text[:60], line)] = None
            last = (text, line)
    return tuple(codes), tuple(strays)


def _shortcode(body: str, call: re.Match, line: int, start: int, end: int, before: list[Shortcode]) -> Shortcode:
    # Alone on its line: looked at only for a line's first shortcode, so each line is read once.
    alone = False
    if not before or before[-1].line != line:
        line_start = body.rfind("\n", before[-1].end if before else 0, start) + 1
        line_end = body.find("\n", end)
        alone = not body[line_start:start].strip() and not body[end : len(body) if line_end < 0 else line_end].strip()
    return Shortcode(
        call.group(1),
        call.group(2) if call.group(2) is not None else call.group(3),
        line,
        start,
        end,
        alone,
        call.group(4) if call.group(4) is not None else call.group(5) or "",
    )


def replace(body: str, codes: Sequence[Shortcode], render: Callable[[Shortcode], str]) -> str:
    """`body` with each shortcode replaced by `render(code)`."""
    out, last = [], 0
    for code in sorted(codes, key=lambda c: c.start):
        out.append(body[last : code.start])
        out.append(render(code))
        last = code.end
    out.append(body[last:])
    return "".join(out)
