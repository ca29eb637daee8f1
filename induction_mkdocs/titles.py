"""Titles: every title MkDocs hands to the theme arrives as escaped text (MkDocs adapter).

Titles come from YAML text fields (site.yaml, programme, year, block, week, session, video,
framework and standard titles) through the nav, the pages' front matter and `site_name`. MkDocs
renders templates without autoescape, and Material escapes some of its title outputs
(`| e` in attributes) but not others (`<title>`, breadcrumbs, the nav, the header). A title
given as `markupsafe.Markup` of its escaped text is right in both: printed as it is where the
template does not escape, and left alone by `| e`, which never escapes Markup twice. The one
template that unescapes (`| striptags` in `<title>`) is overridden in overrides/main.html.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape


def text(value: object) -> Markup:
    """`value` as HTML that shows it as written (unchanged if it is Markup already)."""
    return value if isinstance(value, Markup) else escape(str(value))


def escape_nav(items: Iterable[Any]) -> None:
    """Every explicit title in a nav (sections, pages, links), recursively, as text."""
    for item in items:
        if item.__dict__.get("title") is not None:  # a page without one takes its title from its meta
            item.title = text(item.title)
        escape_nav(getattr(item, "children", None) or ())


def escape_meta(meta: dict) -> None:
    """A page's front matter title (Material prints page.meta.title in <title> and the header)."""
    if isinstance(meta.get("title"), str):
        meta["title"] = text(meta["title"])
