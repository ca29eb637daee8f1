"""Page cleaner: the HTML of every rendered page, as published (publish stage, before the template).

After render, before the builder fills the theme's template. The content of each page (what
Python-Markdown made of its source) goes through the page allow-list, nh3, whose html5ever
parser reads the HTML as a browser does; what is published is always nh3's serialisation of the
tree it kept, never the original string. An original that "looked the same" to a second reading
is exactly what an attacker shapes (`<!-->` closes a comment for a browser and opens one for
Python's html.parser), so nothing but the parser's own output is written.

What was removed is still reported, since the checks passed the sources and a removal means the
renderer read something differently from them: the original and the cleaned HTML are each parsed
with Lexbor (selectolax), another spec-compliant HTML5 parser, and their elements and attributes
compared. Control characters (C0 and C1, less tab, newline and carriage return) are removed as
well: no reader sees them, and a NUL or an escape sequence in a page means a source the checks
should have refused.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from concurrent.futures import Executor, Future
from typing import NamedTuple

import nh3
from selectolax.lexbor import LexborHTMLParser

from induction.check.sanitiser import ATTRIBUTES, TAGS, WITH_CONTENT, Policy, cleaner_filter
from induction.core.control_chars import CONTROL
from induction.core.paths import browser_form
from induction.publish import page_scripts

# What a rendered page may hold: content's own HTML (sanitiser.TAGS), plus what Python-Markdown's
# extensions and the project's generated markup write (render/*). Not `markdown`: md_in_html
# consumes it, so one left on a rendered element means the renderer did not read the block as the
# author meant. Tables write alignment as style="text-align: ..." (the only style let through).
PAGE_TAGS = TAGS | {"code", "pre", "section", "nav", "article", "button", "del", "ins"}
PAGE_ATTRIBUTES = {
    **ATTRIBUTES,
    "*": (ATTRIBUTES["*"] - {"markdown"}) | {"id", "role"},
    "div": {"tabindex", "data-embed", "data-title"},  # the video frame's player address (induction.js)
    # headers: the coverage matrix pairs each cell with its headings (render/matrix.py)
    "th": ATTRIBUTES["th"] | {"style", "headers"},
    "td": ATTRIBUTES["td"] | {"style", "headers"},
    "button": {"type"},
}
_ALIGN = re.compile(r"text-align: (left|right|center);")
# Every id the theme gives its own elements starts with two underscores (Material's `__config`,
# the JSON its script reads from the first element of that id, `__drawer`, `__search`, `__toc`,
# `__nav_*`): content may not take one, or it would stand in for the theme's.
THEME_ID = re.compile(r"\s*__")
# An image with a scheme or a host (`https://host/i.png`, `//host/i.png`, as the browser reads the
# address: paths.browser_form) is a request to a third party on page load; the site's own images
# are relative paths (data: addresses are refused by the content filter).
_EXTERNAL = re.compile(r"(?i)[a-z][a-z0-9+.-]*:|//")


# Pages made from no programme (the hand-written ones): the programme's forbidden hosts do not apply.
ANY_HOST = Policy(forbidden_hosts=())


class Cleaned(NamedTuple):
    """A page's content as published, what the allow-list removed from it (`<tag name="value">`),
    and the on-demand scripts it needs (page_scripts.needed)."""

    html: str
    removed: list[str]
    scripts: frozenset[str]


def clean(html: str, policy: Policy = ANY_HOST) -> Cleaned:
    """`html` (a rendered page's content) as the page allow-list keeps it, and what it removed."""
    cleaned = CONTROL.sub("", _page_cleaner(policy).clean(html))
    kept = LexborHTMLParser(cleaned)
    removed = _compared(LexborHTMLParser(html), kept)
    if CONTROL.search(html):
        removed.append("a control character")
    return Cleaned(cleaned, removed, page_scripts.needed_in(kept))


# Pages below which a second process costs more than it saves (sending them, and its start).
BESIDE = 48
# Pages sent to the second process at a time: enough that sending them costs little beside cleaning
# them, few enough that the last batch, cleaned after the last page is rendered, is short.
BATCH = 24


class Cleaning:
    """The contents of a build's pages, cleaned as they are rendered: on a site of a thousand pages
    the cleaner was a third of what a build adds to a plain one. With `beside`, a second process,
    they are sent there in batches while the builder renders the next pages (MkDocs renders every
    page's Markdown before it fills any template, so the contents are needed only then, at `done`);
    without, they are cleaned at `done`, here."""

    def __init__(self, beside: Executor | None = None) -> None:
        self.beside = beside
        self.waiting: list[tuple[str, Policy]] = []
        self.batches: list[Future[list[Cleaned]]] = []

    def add(self, html: str, policy: Policy) -> None:
        """A page's content as rendered, and the policy of its programme."""
        self.waiting.append((html, policy))
        if self.beside is not None and len(self.waiting) >= BATCH:
            self.batches.append(self.beside.submit(clean_each, self.waiting))
            self.waiting = []

    def done(self) -> list[Cleaned]:
        """Every content added, cleaned, in the order added. A failure in the second process is raised here."""
        sent = [cleaned for batch in self.batches for cleaned in batch.result()]
        rest = clean_each(self.waiting)
        self.batches, self.waiting = [], []
        return sent + rest


def clean_each(pages: list[tuple[str, Policy]]) -> list[Cleaned]:
    return [clean(html, policy) for html, policy in pages]


_REMOVED = re.compile(r'<([\w:-]+)(?: ([\w:-]+)="(.*)")?>$', re.S)


def source_line(source: str, removed: list[str]) -> int | None:
    """The first line of `source` (the content file a page is made from) that writes something of
    `removed`, or None: a pointer for the author, found by the text of what was removed (its
    attribute's value, else its tag), since the page has no lines of its own."""
    lines = []
    for item in removed:
        match = _REMOVED.match(item)
        found = CONTROL.search(source) if not match else None
        if match:
            tag, name, value = match.groups()
            needles = [value, f"{name}="] if name else [f"<{tag}"]
            found = next(
                (m for needle in needles if needle for m in [re.search(re.escape(needle), source, re.I)] if m), None
            )
        if found:
            lines.append(source.count("\n", 0, found.start()) + 1)
    return min(lines) if lines else None


def _compared(before: LexborHTMLParser, after: LexborHTMLParser) -> list[str]:
    """Each element or attribute of the original (parsed as `before`) that the cleaned HTML
    (parsed as `after`) lacks."""
    if before.html == after.html:  # the same tree: nothing removed (the element walk costs far more)
        return []
    kept = Counter(_elements(after))
    removed = []
    for tag, attrs in _elements(before):
        if kept[(tag, attrs)] > 0:
            kept[(tag, attrs)] -= 1
            continue
        alike = [key for key in kept if key[0] == tag and kept[key] > 0 and set(key[1]) < set(attrs)]
        if alike:  # the element stayed without some attributes: name just those
            kept[alike[0]] -= 1
            removed += [f'<{tag} {name}="{value}">' for name, value in attrs if (name, value) not in alike[0][1]]
        else:
            removed.append(f"<{tag}" + "".join(f' {name}="{value}"' for name, value in attrs) + ">")
    return removed


def _elements(document: LexborHTMLParser) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """Every element of the parsed document, in order, with its attributes sorted."""
    if document.root is None:
        return []
    return [
        ((node.tag or "").lower(), tuple(sorted((name, value or "") for name, value in node.attributes.items())))
        for node in document.root.traverse()
        if node.is_element_node
    ]


@functools.lru_cache(maxsize=32)
def _page_cleaner(policy: Policy) -> nh3.Cleaner:
    content = cleaner_filter(policy)

    def allowed(element: str, attribute: str, value: str) -> str | None:
        if attribute == "style":
            return value if _ALIGN.fullmatch(value) else None
        if attribute == "id" and THEME_ID.match(value):
            return None
        if element == "img" and attribute == "src" and _EXTERNAL.match(browser_form(value)):
            return None
        return content(element, attribute, value)

    return nh3.Cleaner(
        tags=PAGE_TAGS,
        clean_content_tags=WITH_CONTENT,
        attributes=PAGE_ATTRIBUTES,
        attribute_filter=allowed,
        generic_attribute_prefixes={"data-ect-", "aria-"},
        # webcal: the programme page's calendar subscriptions (content cannot write one:
        # the content sanitiser's schemes are http, https, mailto and tel).
        link_rel=None,
        url_schemes={"http", "https", "mailto", "tel", "webcal"},
        strip_comments=False,
    )
