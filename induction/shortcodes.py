"""Shortcodes: the few `{{ name("arg") }}` forms a content body may use, found with their lines.

Content never runs through a template engine: these forms are parsed here, checked against the
model, and expanded by `render`. Any other double-brace or `{% %}` text is reported, so an
author's stray braces cannot execute template code or vanish from the page.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .fences import fenced_ranges

NAMES = ("video", "asset", "statement", "ecf", "session", "image")

_ANY = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{\{|\}\}|\{%|%\}", re.S)
_CALL = re.compile(r"\{\{\s*([a-z_]+)\s*\(\s*(?:\"([^\"\n]*)\"|'([^'\n]*)')"
                   r"(?:\s*,\s*(?:\"([^\"\n]*)\"|'([^'\n]*)'))?\s*\)\s*\}\}")
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


@lru_cache(maxsize=4096)  # pure; called by the checks and again by rendering, on every rebuild
def scan(body: str) -> tuple[tuple[Shortcode, ...], tuple[Stray, ...]]:
    """Shortcodes and stray template syntax in `body`, outside fenced code blocks."""
    codes: list[Shortcode] = []
    strays: list[Stray] = []
    fenced = fenced_ranges(body)
    for match in _ANY.finditer(body):
        if any(a <= match.start() < b for a, b in fenced):
            continue
        line = body.count("\n", 0, match.start()) + 1
        call = _CALL.fullmatch(match.group(0))
        if call and call.group(1) in NAMES:
            line_start = body.rfind("\n", 0, match.start()) + 1
            line_end = body.find("\n", match.end())
            line_end = len(body) if line_end < 0 else line_end
            alone = not body[line_start:match.start()].strip() and not body[match.end():line_end].strip()
            codes.append(Shortcode(call.group(1), call.group(2) if call.group(2) is not None else call.group(3),
                                   line, match.start(), match.end(), alone,
                                   call.group(4) if call.group(4) is not None else call.group(5) or ""))
        else:
            strays.append(Stray(match.group(0)[:60], line))
    return tuple(codes), tuple(strays)


def replace(body: str, codes: Sequence[Shortcode], render: Callable[[Shortcode], str]) -> str:
    """`body` with each shortcode replaced by `render(code)`."""
    out, last = [], 0
    for code in sorted(codes, key=lambda c: c.start):
        out.append(body[last:code.start])
        out.append(render(code))
        last = code.end
    out.append(body[last:])
    return "".join(out)
