"""Nesting: depth limits on what the Markdown renderer reads by recursion (check stage).

Python-Markdown parses a list item, an admonition and a raw HTML element inside a
`markdown="1"` container (every generated page puts a session's body in one) by calling itself
for what they hold: a body that nests deep enough ends the build with a RecursionError. Measured
with the site's extensions, inside the page's containers: a list fails from 247 levels, nested
<details> or <div> from 985. The limits below are far under those (no real page comes near
them), and each is measured as the renderer reads the body:

- a list or admonition level is four columns of indentation (tabs count to the next multiple of
  four, as Python-Markdown expands them) before a list marker or `!!!`/`???`;
- an HTML element is open from its start tag to its end tag, as html.parser (which md_in_html
  uses) reads them, outside code.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from html.parser import HTMLParser

from induction.body import read
from induction.core.lines import line_of
from induction.core.model import Programme
from induction.core.problems import Problems

MAX_LIST_DEPTH = 50
MAX_HTML_DEPTH = 100
TAB_LENGTH = 4  # Python-Markdown's default, which the site keeps

# A list item ("- ", "* ", "+ ", "1. ") or an admonition or collapsible block ("!!! note", "??? note").
# Only one indented by MAX_LIST_DEPTH characters or more can be nested too deep: a tab is at most
# TAB_LENGTH columns, and a level is TAB_LENGTH columns. The pattern asks for that indent, so that
# a body's many shallow items are not each looked at (they were most of the nesting check's time).
_CONTAINER = re.compile(rf"^([ \t]{{{MAX_LIST_DEPTH},}})(?:[*+-][ \t]|\d+[.)][ \t]|!!!|\?\?\?\+?)", re.M)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
# Elements whose end tag HTML lets an author leave out (a list of <li> with no </li> is not nested).
_OPTIONAL_END = {
    "p",
    "li",
    "dt",
    "dd",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "tfoot",
    "option",
    "optgroup",
    "rp",
    "rt",
    "colgroup",
    "caption",
    "html",
    "head",
    "body",
}


# Both kept by the body's text, as body.read keeps its reading: the live preview checks every body
# again on each save.
@functools.lru_cache(maxsize=4096)
def list_depth_problem(body: str) -> tuple[int, int] | None:
    """(line, depth) of the first list item or admonition nested deeper than MAX_LIST_DEPTH."""
    masked = read(body).masked
    for match in _CONTAINER.finditer(masked):
        depth = len(match.group(1).expandtabs(TAB_LENGTH)) // TAB_LENGTH + 1
        if depth > MAX_LIST_DEPTH:
            return line_of(masked, match.start()), depth
    return None


class _Depth(HTMLParser):
    """Tracks how many elements are open; remembers where the first one past the limit opened."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.names: Counter[str] = Counter()  # of `open`: searching it per end tag would be quadratic
        self.found: tuple[int, int] | None = None  # (line, depth)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID or tag in _OPTIONAL_END:
            return
        self.open.append(tag)
        self.names[tag] += 1
        if len(self.open) > MAX_HTML_DEPTH and self.found is None:
            self.found = (self.getpos()[0], len(self.open))

    def handle_endtag(self, tag: str) -> None:
        if self.names[tag]:  # an end tag closes the innermost element of its name, and all inside it
            while (closed := self.open.pop()) != tag:
                self.names[closed] -= 1
            self.names[tag] -= 1


@functools.lru_cache(maxsize=4096)
def html_depth_problem(body: str) -> int | None:
    """The line of the first raw HTML element opened inside more than MAX_HTML_DEPTH others."""
    masked = read(body).masked
    if masked.count("<") <= MAX_HTML_DEPTH:  # each element opened is a '<': too few to be too deep
        return None
    # After the last '>' no tag can be complete, and html.parser's close() retries each '<' there
    # to the end of the text (quadratic): those are text, so they are blanked.
    last = masked.rfind(">") + 1
    parser = _Depth()
    parser.feed(masked[:last] + masked[last:].replace("<", " "))
    parser.close()
    return parser.found[0] if parser.found else None


def _check(body: str, file: str, first_line: int, problems: Problems) -> None:
    deep_list = list_depth_problem(body)
    if deep_list:
        problems.add(
            "too-deep",
            file,
            first_line + deep_list[0] - 1,
            f"A list or admonition is nested {deep_list[1]} levels deep; the most is {MAX_LIST_DEPTH}.",
            "Indent less: each four spaces before a list marker is a level deeper.",
        )
    deep_html = html_depth_problem(body)
    if deep_html:
        problems.add(
            "too-deep",
            file,
            first_line + deep_html - 1,
            f"HTML elements are nested more than {MAX_HTML_DEPTH} deep here.",
            "Close the elements you open (</details>, </div>), or nest fewer of them.",
        )


def nesting_is_bounded(programme: Programme, problems: Problems) -> None:
    for text, file, line in programme.bodies():
        _check(text, file, line, problems)
