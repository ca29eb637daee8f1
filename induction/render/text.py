"""Text: small helpers every page renderer shares (escaping, captions, minutes, front matter)."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from induction.body.fences import fenced_lines
from induction.body.headings import atx
from induction.core import urls
from induction.core.formats import KIND_NAMES, ROLE_NAMES
from induction.core.model import Framework


@dataclass
class Page:
    """A generated page: where it goes, its title, its Markdown, and what it is (for tests/JSON)."""

    src: str
    title: str
    markdown: str
    kind: str
    meta: dict = field(default_factory=dict)


# Backslash escapes only for characters Python-Markdown treats as escapable (`\<` would show its
# backslash); `{` and `}` too, or attr_list reads "Title {: onclick=... }" as attributes.
_INLINE = re.compile(r"([\\`*_\[\]{}#])")
# Characters with no Markdown escape: HTML references, so "&lt;" in a title stays as written.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;"}
_ENTITY = re.compile(r"[&<>|]")
# Control characters are not text; \x02 and \x03 are Python-Markdown's own placeholders.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# What can open a block at the start of a paragraph once inline escapes are done: a list number
# ("1."), a bullet, admonitions and details ("!!!", "???"), a setext line.
_BLOCK_START = re.compile(r"^(\d+)([.)])|^([-+=!?:~])")


def esc(text: str) -> str:
    """Text safe to put inline in Markdown (titles from YAML, statement texts): shown as written,
    never read as Markdown, HTML or attributes."""
    return _escaped(text if type(text) is str else str(text))


# esc and attr are called ~25,000 times a render of the imported corpus, mostly on the same titles
# and statement texts: kept by the text (the live preview renders the whole site on every save).
@lru_cache(maxsize=65536)
def _escaped(text: str) -> str:
    one = _INLINE.sub(r"\\\1", " ".join(_CONTROL.sub(" ", str(text)).split()))
    return _ENTITY.sub(lambda m: _ENTITIES[m.group()], one)


def paragraphs(text: str) -> str:
    """A YAML text field of several paragraphs (a summary) as Markdown paragraphs of plain text:
    each paragraph escaped, and nothing at its start read as a list, admonition or heading."""
    out = []
    for chunk in re.split(r"\n\s*\n", str(text).strip()):
        if chunk.strip():
            out.append(
                _BLOCK_START.sub(
                    lambda m: m.group(1) + f"&#{ord(m.group(2))};" if m.group(1) else f"&#{ord(m.group(3))};",
                    esc(chunk),
                )
            )
    return "\n\n".join(out)


def attr(text: str) -> str:
    return _attribute(text if type(text) is str else str(text))


@lru_cache(maxsize=65536)
def _attribute(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=True)


# Front matter that keeps a page out of the search index (Material honours `search: exclude:`): print
# views, packs and transcript pages repeat text whose own page is the one a search should find.
NOT_SEARCHED = {"exclude": True}


def front_matter(title: str, **extra: object) -> str:
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}"]
    for key, value in extra.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines + ["---", ""])


def minutes(n: int) -> str:
    if n < 60:
        return "1 minute" if n == 1 else f"{n} minutes"
    hours, rest = divmod(n, 60)
    text = "1 hour" if hours == 1 else f"{hours} hours"
    return f"{text} {rest} minutes" if rest else text


def caption(*parts: str) -> str:
    """The GOV.UK-style caption above a page's heading: where the page sits."""
    text = " · ".join(attr(p) for p in parts if p)
    return f'<p class="ect-caption">{text}</p>\n'


def role_name(role: str) -> str:
    return ROLE_NAMES.get(role, role)


def kind_name(kind: str) -> str:
    return KIND_NAMES.get(kind, kind.capitalize())


def _relevel(markdown: str, level: Callable[[int], int]) -> str:
    """`markdown` with each ATX heading (outside code fences) moved to `level(its level)`: a line
    that is one by Python-Markdown's rule (headings.atx: no space needed after the hashes)."""
    if "#" not in markdown:  # most bodies and transcripts: nothing to do (this runs for every page)
        return markdown
    out = []
    for line, fenced in zip(markdown.splitlines(), fenced_lines(markdown), strict=True):
        heading = None if fenced else atx(line)
        if heading:
            line = "#" * level(heading.level) + heading.rest
        out.append(line)
    return "\n".join(out)


@lru_cache(maxsize=4096)  # pure; packs and print views demote the same bodies again
def demote_headings(markdown: str, by: int) -> str:
    """Shift ATX headings down `by` levels (for a transcript inside a page), outside code fences."""
    return _relevel(markdown, lambda hashes: min(6, hashes + by))


@lru_cache(maxsize=4096)
def sequential_headings(markdown: str, top: int = 2) -> str:
    """A body's ATX headings re-levelled so none skips a level below the page's h1 (WCAG 1.3.1:
    screen reader users move by heading level), keeping the outline: a heading goes one level
    below the nearest heading before it that was written at a higher level, and siblings
    (written at the same level under the same parent) stay at one level. So a body written with
    ### under the title starts at `top`, and a transcript demoted inside a section gives
    h3, h3, h3 for its ## headings, not a staircase h3, h4, h4."""
    parents: list[int] = []  # the written levels of the open headings, outermost first

    def level(hashes: int) -> int:
        while parents and parents[-1] >= hashes:
            parents.pop()
        parents.append(hashes)
        return min(6, top + len(parents) - 1)

    return _relevel(markdown, level)


def statement_link(framework: Framework, statement_id: str, page_src: str, css: str = "", tooltip: bool = False) -> str:
    """A Markdown link to a statement's page, the one form every page uses: its id is the visible
    text, with "Statement " before it for screen readers (which would read "8f" alone as a
    meaningless link); `tooltip` gives sighted readers the statement's text as its title, and
    `css` a class (an attribute list)."""
    target = urls.relative(page_src, urls.statement(framework, statement_id))
    title = f' "{attr(framework.statements[statement_id].text)}"' if tooltip else ""
    hidden = '<span class="ect-visually-hidden">Statement </span>'
    return f"[{hidden}{esc(statement_id)}]({target}{title})" + (f"{{ .{css} }}" if css else "")


def pagination(label: str, previous: str, following: str) -> str:
    """A page's previous and next links as one labelled nav (either may be ''; neither: no nav).
    Each is Markdown already, "Previous: [title](address)": session pages and week pages alike."""
    links = [
        f'<div class="ect-pagination__{side}" markdown="1">\n\n{text}\n\n</div>'
        for side, text in (("prev", previous), ("next", following))
        if text
    ]
    if not links:
        return ""
    return f'<nav class="ect-pagination" aria-label="{attr(label)}" markdown="1">\n' + "\n".join(links) + "\n</nav>\n"
