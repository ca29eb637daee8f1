"""The provider's identity applied to Material for MkDocs: logo, favicon, colours and footer.

A thin adapter over `induction.render.branding`: on_config sets the theme's settings and `extra`, and
on_files adds the image files and the colours' stylesheet as generated files. The footer itself
is `overrides/partials/copyright.html`, which reads `config.extra.ect_footer`.
"""

from __future__ import annotations

import re
from typing import Any

import jinja2
import jinja2.ext
import markupsafe
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from induction.core.model import Site
from induction.publish import page_scripts
from induction.render import branding


def apply(config: MkDocsConfig, site: Site) -> None:
    """Point the theme at the provider's images and colours, and hand the footer to the template."""
    for key, src in branding.theme_images(site).items():
        config.theme[key] = src
    # The colours are custom properties on :root, which override Material's own (main.css) with no
    # `palette` set: a palette of `custom` colours would add palette.css to every page for nothing.
    if branding.stylesheet(site) and branding.STYLESHEET not in config.extra_css:
        config.extra_css.insert(0, branding.STYLESHEET)
    config.extra["ect_footer"] = branding.footer(site)


def add_files(files: Files, config: MkDocsConfig, site: Site) -> None:
    """The images and the stylesheet as files of the site; the footer's page links as addresses."""
    for src, (path, text) in branding.files(site).items():
        files.append(
            File.generated(config, src, abs_src_path=path) if path else File.generated(config, src, content=text)
        )
    for link in config.extra["ect_footer"]["links"]:
        if "src" in link:
            page = files.get_file_from_path(link["src"])
            link["url"] = page.url if page else ""


def scripts_on_demand(env: jinja2.Environment) -> None:
    """The theme writes every `extra_javascript` entry into every page through MkDocs' `script_tag`
    filter: wrapped here, a page gets only the scripts its content needs (induction/publish/page_scripts.py),
    from the set the page's context carries (`ect_scripts`, set in on_page_context; absent: all)."""
    tag = env.filters["script_tag"]
    if getattr(tag, "on_demand", False):
        return

    @jinja2.pass_context
    def script_tag(context: Any, script: Any) -> Any:
        needs = context.get("ect_scripts")
        if needs is not None and not page_scripts.wanted(str(script), needs):
            return markupsafe.Markup("")
        return tag(context, script)

    script_tag.on_demand = True  # type: ignore[attr-defined]
    env.filters["script_tag"] = script_tag


def compact(env: jinja2.Environment) -> None:
    """Material's templates indent their block tags (`{% if %}`, `{% for %}`) on lines of their own,
    and each leaves its indentation and line break in the page: over half a page's navigation was
    such blank lines (18 KB of a 39 KB week page). With Jinja's trim_blocks and lstrip_blocks a block
    tag's line leaves nothing; text and elements are written as before."""
    env.trim_blocks = True
    env.lstrip_blocks = True
    if Unindented not in env.extensions.values():  # type: ignore[comparison-overlap]
        env.add_extension(Unindented)


class Unindented(jinja2.ext.Extension):
    """The templates' own indentation, left out of the page: a line break and the spaces after it
    in a template's text become one line break, which HTML reads as the same white space (the
    templates hold no <pre> or <textarea>, where it would not be). Only the templates' source is
    changed, never what a page's content or a variable writes: 2-4 KB of every page's navigation
    and header."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return _INDENT.sub("\n", source)


# A line break and what white space follows it, up to the next line's first character.
_INDENT = re.compile(r"\n[ \t\n]*")
