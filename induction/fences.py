"""Fences: which lines of a Markdown body are fenced code, for every stage that must skip code.

Checks (headings of mentor phases), shortcodes, the HTML sanitiser and rendering (re-levelled
headings) all treat a fenced block as text to show, not as markup. One rule, as CommonMark has
it: a fence is three or more backticks or tildes indented at most three spaces, and it closes on
a fence of the same character at least as long.
"""
from __future__ import annotations

import functools
import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def fenced_lines(body: str) -> list[bool]:
    """For each line of `body` (as `str.splitlines` counts them): is it part of a fenced block,
    the fence lines included?"""
    return list(_fenced_lines(body))


@functools.lru_cache(maxsize=64)  # pure; checks, shortcodes, the sanitiser and rendering ask about one body in turn
def _fenced_lines(body: str) -> tuple[bool, ...]:
    inside, fence = [], ""
    for line in body.splitlines():
        match = _FENCE.match(line)
        if fence:
            inside.append(True)
            if match and match.group(1).startswith(fence[0] * len(fence)):
                fence = ""
        elif match:
            inside.append(True)
            fence = match.group(1)
        else:
            inside.append(False)
    return tuple(inside)


def fenced_ranges(body: str) -> list[tuple[int, int]]:
    """The (start, end) character offsets of each fenced block of `body`."""
    ranges, offset, start = [], 0, -1
    for line, inside in zip(body.splitlines(keepends=True), _fenced_lines(body), strict=True):
        if inside and start < 0:
            start = offset
        elif not inside and start >= 0:
            ranges.append((start, offset))
            start = -1
        offset += len(line)
    if start >= 0:
        ranges.append((start, offset))
    return ranges
