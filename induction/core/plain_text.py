"""Plain text: titles and labels are shown as typed, so Markdown in them is shown as marks (load stage).

A session's, week's or block's title reaches the page as text (the tab, the heading, the navigation,
a search result), never through Markdown: `**Week 3**` is shown with its asterisks. Whether a title
holds Markdown is asked of Python-Markdown itself (the site's renderer), not of a copy of its rules:
the text is rendered with raw HTML escaped first (HTML in a title is escaped text, judged elsewhere),
and any element the renderer makes of it is Markdown the reader would see as typed. The importer
writes its titles through `plain` for the same reason.
"""

from __future__ import annotations

import functools
import html
import re

import markdown

# The elements the renderer makes of inline or heading syntax, and how a message names each.
_KINDS = {
    "strong": "bold",
    "b": "bold",
    "em": "emphasis",
    "i": "emphasis",
    "a": "a link",
    "img": "an image",
    "code": "code",
    "h1": "a heading",
    "h2": "a heading",
    "h3": "a heading",
    "h4": "a heading",
    "h5": "a heading",
    "h6": "a heading",
}
_ELEMENT = re.compile(r"<(" + "|".join(_KINDS) + r")\b")
_TAG = re.compile(r"<[^>]+>")
_CODE = re.compile(r"<code>(.*?)</code>", re.S)
_IMAGE = re.compile(r"<img\b[^>]*\balt=\"([^\"]*)\"[^>]*>")
_MARKS = re.compile(r"[*_`#!\[\]]+")


@functools.lru_cache(maxsize=1)
def _renderer() -> markdown.Markdown:
    return markdown.Markdown()


@functools.lru_cache(maxsize=8192)  # titles repeat (a week's, a step's) across a programme
def _rendered(text: str) -> str:
    renderer = _renderer()
    renderer.reset()
    return renderer.convert(text.replace("&", "&amp;").replace("<", "&lt;"))


def markdown_in(text: str) -> str:
    """What Markdown `text` holds, as a message names it ('bold', 'a link', ...), or '' for none."""
    if not any(mark in text for mark in "*_[`#!"):  # nothing the renderer could read as Markdown
        return ""
    found = _ELEMENT.search(_rendered(text))
    return _KINDS[found.group(1)] if found else ""


def plain(text: str) -> str:
    """`text` as the words the renderer shows for it, its Markdown marks dropped ('**Week 3**' ->
    'Week 3', '[Read this](x.md)' -> 'Read this')."""
    if not markdown_in(text):
        return text
    rendered, words, last = _IMAGE.sub(r"\1", _rendered(text)), [], 0  # an image's words are its alt text
    # A code span escapes what was escaped before rendering once more: its text is unescaped twice.
    for code in _CODE.finditer(rendered):
        words += [
            html.unescape(_TAG.sub("", rendered[last : code.start()])),
            html.unescape(html.unescape(code.group(1))),
        ]
        last = code.end()
    words.append(html.unescape(_TAG.sub("", rendered[last:])))
    shown = " ".join("".join(words).split())
    # What is left can read as Markdown again only by its marks alone ('#' from '![x](i.png) #'): drop them.
    return shown if not markdown_in(shown) else " ".join(_MARKS.sub(" ", shown).split())
