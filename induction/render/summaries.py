"""Summaries: a rich-text field (rich_text.py) written into a generated page's Markdown.

A summary is Markdown, as a body is: its shortcodes are expanded for the page it is shown on, its
relative links (written from its home page: the programme's, year's, block's or week's) are
rebased to that page, and its headings are levelled to sit under the heading that holds it.

Heading levels: a summary's headings go one level below the heading the summary sits under and
keep their outline among themselves (text.sequential_headings): never a skipped level, and never
a level at or above its container's. The author of a block's summary writes `## Module
introduction` as a top heading of that text, but on the block page the summary sits under
`## ECT` (an h2): kept at h2 it would become a sibling of the role sections, and a screen reader
moving by heading, or the table of contents, would place everything after it outside the ECT's
section. So under an h2 it is an h3, under an h3 an h4.
"""

from __future__ import annotations

from induction.core.model import Programme

from .context import Context
from .media import expand
from .rebase import rebase
from .text import sequential_headings


def summary_markdown(text: str, home: str, page: str, under: int, programme: Programme, ctx: Context) -> str:
    """`text` (a summary whose links are written from page `home`) as Markdown for page `page`,
    placed under a heading of level `under` (1 for the page's h1)."""
    text = rebase(str(text).strip(), home, page)
    text = expand(text, programme, ctx.framework(programme), ctx.places[programme.id], page)
    return sequential_headings(text, min(6, under + 1)).strip()


def indented(markdown: str, spaces: int) -> str:
    """Markdown as the continuation of a list item (each line indented), so it stays inside the item."""
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in markdown.split("\n"))
