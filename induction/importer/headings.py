"""Headings: a page's heading levels shifted to sit under the page title, its outline kept.

Part of import stage three. A source page may start its headings at ###, skip levels (## then
####) or open with a # of its own; the site gives the page its own h1 and wants sequential levels
below it. Re-levelling by "at most one deeper than the heading before" would re-nest siblings
("### A" then "### B" becoming h2 and h3); here each heading's new level is its depth in the
page's outline (how many earlier headings of a higher source level enclose it), so siblings stay
siblings, parents stay parents, and a skipped level closes up.
"""

from __future__ import annotations

from induction.body.fences import fenced_lines
from induction.body.headings import atx


def nest(body: str, top: int = 2) -> str:
    """`body` with every ATX heading outside fenced code at `top` + its depth in the outline (≤ 6)."""
    if "#" not in body:
        return body
    lines = body.split("\n")
    fenced = fenced_lines(body)
    enclosing: list[int] = []  # source levels of the headings that enclose the current one
    for number, line in enumerate(lines):
        heading = atx(line)
        if not heading or (number < len(fenced) and fenced[number]):
            continue
        level = heading.level
        while enclosing and enclosing[-1] >= level:
            enclosing.pop()
        lines[number] = "#" * min(6, top + len(enclosing)) + line[level:]
        enclosing.append(level)
    return "\n".join(lines)
