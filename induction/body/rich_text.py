"""Rich text: the YAML fields that hold Markdown, as a body does (check stage, strip mode, render).

Providers write a programme's, a year's, a block's and a week's summaries as rich text: headings,
bold, lists, links to handouts. These fields take Markdown through the same allow-listed path as
session bodies (sanitiser.scan, the shortcodes' checks, strip mode) with each problem at the line
of the YAML text it is on, and the renderer writes them into the page's Markdown (render/summaries.py).
Every other text field (titles, labels) is plain text: Markdown there is reported (plain_text.py).

A summary's relative links are written from the page of what it describes (the programme's page,
the year's, the block's, the week's): that page is its `home`, and a page that shows it elsewhere
rebases them (render/rebase.py). Shortcodes need no home: they are expanded for the page they are on.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from induction.core import urls
from induction.core.model import Programme


@dataclass
class RichText:
    """One rich-text field: its text, where it is written (its first line of text), the page its
    relative links are written from, and how to replace its text (strip mode)."""

    text: str
    file: str
    line: int
    home: str
    replace: Callable[[str], None]


def rich_texts(programme: Programme) -> Iterator[RichText]:
    """Every rich-text field of `programme` that holds text, in file order."""
    file = programme.loc.file
    if programme.summary:
        yield RichText(
            programme.summary,
            file,
            programme.summary_line or programme.loc.line,
            urls.programme(programme),
            functools.partial(_set, programme),
        )
    for year in programme.years:
        if year.summary:
            yield RichText(
                year.summary,
                file,
                year.summary_line or year.loc.line,
                urls.year(programme, year),
                functools.partial(_set, year),
            )
    for year in programme.years:
        for block in year.blocks:
            home = urls.block(programme, year, block)
            yield from _roles(block.summary, block.summary_lines, block.loc.file, block.loc.line, home)
            for week in block.weeks:
                yield from _roles(
                    week.summary,
                    week.summary_lines,
                    block.loc.file,
                    week.loc.line,
                    urls.week(programme, year, block, week),
                )


def _set(owner: object, text: str) -> None:
    """Strip mode's replacement of a programme's or a year's summary. The model is frozen against
    change by the stages; strip mode works on a copy of its own (pipeline.cleaned), never the model
    the checks read, so it sets the field past the freeze."""
    object.__setattr__(owner, "summary", text)


def _roles(summary: dict[str, str], lines: dict[str, int], file: str, line: int, home: str) -> Iterator[RichText]:
    for role, text in summary.items():
        if isinstance(text, str) and text:
            yield RichText(text, file, lines.get(role, line), home, functools.partial(summary.__setitem__, role))
