"""Fences: which lines of a Markdown body are fenced code, for every stage that must skip code.

Checks (headings of mentor phases), shortcodes, the HTML sanitiser and rendering (re-levelled
headings) all treat a fenced block as text to show, not as markup. The rule is Python-Markdown's
own (its fenced_code extension, which MkDocs always enables), asked rather than copied: a fence
starts at the start of a line (an indented ``` is NOT a fence, unlike CommonMark), and the block
ends on the same fence, exactly, alone on its line; a fence never closed is no fence at all.
tests/test_fences.py holds this to markdown.markdown() with hypothesis.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown.extensions.fenced_code import FencedBlockPreprocessor

_FENCED_BLOCK = FencedBlockPreprocessor.FENCED_BLOCK_RE


def fenced_ranges(body: str) -> list[tuple[int, int]]:
    """The (start, end) character offsets of each fenced block of `body`, its closing line's
    line break included."""
    if "```" not in body and "~~~" not in body:  # most bodies: no fence to look for
        return []
    ranges = []
    for match in _FENCED_BLOCK.finditer(body):
        end = match.end()
        if body.startswith("\r\n", end):
            end += 2
        elif end < len(body) and body[end] in "\n\r":
            end += 1
        ranges.append((match.start(), end))
    return ranges


def fenced_lines(body: str) -> list[bool]:
    """For each line of `body` (as `str.splitlines` counts them): is it part of a fenced block,
    the fence lines included?"""
    return list(lines_in(body, fenced_ranges(body)))


def lines_in(body: str, ranges: Sequence[tuple[int, int]]) -> tuple[bool, ...]:
    """For each line of `body`: does it start inside one of `ranges` (in order, not overlapping)?"""
    if not ranges:
        return (False,) * len(body.splitlines())
    inside, offset, current = [], 0, 0
    for line in body.splitlines(keepends=True):
        while current < len(ranges) and ranges[current][1] <= offset:
            current += 1
        inside.append(current < len(ranges) and ranges[current][0] <= offset < ranges[current][1])
        offset += len(line)
    return tuple(inside)
