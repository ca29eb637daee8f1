"""Branding: the provider's look (colours as a stylesheet) and its footer, from site.yaml's provider.

Beside the render stage: pure functions of the model, which the MkDocs adapter hands to the theme
(induction_mkdocs/theme.py). The colours become CSS custom properties, so any theme that reads
variables can use them; text drawn on a colour is white or black, whichever contrasts more, and
links keep a 4.5:1 contrast on white (WCAG 2.2 1.4.3) however light the provider's colour is.
"""

from __future__ import annotations

import os
import re

from induction.check.contrast import contrast, text_on
from induction.core.model import Site
from induction.render.site_pages import ACCESSIBILITY_SRC, COOKIES_SRC

LOGO_DIR = "assets/provider"
STYLESHEET = "stylesheets/provider.css"
_WHITE = "#ffffff"


def _darkened(colour: str, factor: float) -> str:
    return "#" + "".join(f"{round(int(colour[i : i + 2], 16) * factor):02x}" for i in (1, 3, 5))


def readable_on_white(colour: str) -> str:
    """`colour`, darkened in steps until text in it reaches 4.5:1 on white."""
    factor = 1.0
    while contrast(_darkened(colour, factor), _WHITE) < 4.5 and factor > 0:
        factor = round(factor - 0.05, 2)
    return _darkened(colour, max(factor, 0.0))


def stylesheet(site: Site) -> str:
    """The provider's colours as Material's custom properties, or '' when site.yaml gives none.

    The variables on :root, after Material's main stylesheet, which sets its own there: no theme
    `palette` is needed (its palette.css changes no colour given here)."""
    colours = site.provider.colours
    rules = []
    if colours.get("primary"):
        primary = colours["primary"]
        on = text_on(primary)
        rules += [
            f"--md-primary-fg-color: {primary};",
            f"--md-primary-fg-color--light: {primary};",
            f"--md-primary-fg-color--dark: {_darkened(primary, 0.8)};",
            f"--md-primary-bg-color: {on};",
            f"--md-primary-bg-color--light: {on}b3;",
            f"--md-typeset-a-color: {readable_on_white(primary)};",
        ]
    if colours.get("accent"):
        accent = colours["accent"]
        # A hovered button is drawn in --md-accent-fg-color: its text is chosen against that colour,
        # not the provider's lighter one (black on a darkened yellow fell below 4.5:1).
        readable = readable_on_white(accent)
        rules += [
            f"--md-accent-fg-color: {readable};",
            f"--md-accent-fg-color--transparent: {accent}1a;",
            f"--md-accent-bg-color: {text_on(readable)};",
            f"--md-accent-bg-color--light: {text_on(readable)}b3;",
        ]
    if not rules:
        return ""
    body = "\n".join(f"  {rule}" for rule in rules)
    return (
        f"/* The provider's colours, from site.yaml (generated: edit site.yaml, not this file). */\n"
        f":root {{\n{body}\n}}\n"
    )


def image_src(key: str, path: str) -> str:
    """Where a provider image is published: named by its use ('logo', 'favicon') and its type, never by
    the author's file name. The theme prints it unescaped into every page (`<img src="...">`), so no
    character of it may come from content (the loader refuses unsafe names too); and a logo and a
    favicon of one file name in two folders no longer land on one file."""
    extension = os.path.splitext(path)[1].lower()
    if not re.fullmatch(r"\.[a-z]{3,4}", extension):
        raise ValueError(f"not an image file name: {path!r}")
    return f"{LOGO_DIR}/{key}{extension}"


def footer(site: Site) -> dict:
    """The footer: links (internal ones by page source, for the adapter to turn into addresses) and
    contact details. Text is left raw: the template escapes it."""
    links = [{"title": "Accessibility statement", "src": ACCESSIBILITY_SRC}, {"title": "Cookies", "src": COOKIES_SRC}]
    links += [{"title": title, "url": url} for title, url in site.provider.links]
    contact = site.provider.contact
    return {
        "provider": site.provider_name,
        "links": links,
        "email": contact.get("email", ""),
        "phone": contact.get("phone", ""),
        "address": contact.get("address", ""),
        "website": contact.get("website", ""),
    }


def theme_images(site: Site) -> dict[str, str]:
    """The theme's `logo` and `favicon` settings: the published places of the provider's images."""
    return {key: image_src(key, path) for key in ("logo", "favicon") if (path := getattr(site.provider, key))}


def files(site: Site) -> dict[str, tuple[str, str]]:
    """Published path -> (the image file to copy, or '') and (the text to write, or ''): the
    provider's logo and favicon and its colours' stylesheet."""
    out = {image_src(key, path): (path, "") for key in ("logo", "favicon") if (path := getattr(site.provider, key))}
    css = stylesheet(site)
    if css:
        out[STYLESHEET] = ("", css)
    return out
