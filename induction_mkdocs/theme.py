"""The provider's identity applied to Material for MkDocs: logo, favicon, colours and footer.

A thin adapter over `induction.branding`: on_config sets the theme's settings and `extra`, and
on_files adds the image files and the colours' stylesheet as generated files. The footer itself
is `overrides/partials/copyright.html`, which reads `config.extra.ect_footer`.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from induction import branding
from induction.model import Site


def apply(config: MkDocsConfig, site: Site) -> None:
    """Point the theme at the provider's images and colours, and hand the footer to the template."""
    provider = site.provider
    for key in ("logo", "favicon"):
        path = getattr(provider, key)
        if path:
            config.theme[key] = branding.image_src(path)
    if branding.stylesheet(site):
        palette = config.theme.get("palette") or {}
        palettes = palette if isinstance(palette, list) else [palette]
        for scheme in palettes:  # "custom": Material defines no colours; provider.css does
            for key in ("primary", "accent"):
                if provider.colours.get(key):
                    scheme[key] = "custom"
        config.theme["palette"] = palette if isinstance(palette, list) else palettes[0]
        if branding.STYLESHEET not in config.extra_css:
            config.extra_css.insert(0, branding.STYLESHEET)
    config.extra["ect_footer"] = branding.footer(site)


def add_files(files: Files, config: MkDocsConfig, site: Site) -> None:
    """The images and the stylesheet as files of the site; the footer's page links as addresses."""
    for key in ("logo", "favicon"):
        path = getattr(site.provider, key)
        if path:
            files.append(File.generated(config, branding.image_src(path), abs_src_path=path))
    css = branding.stylesheet(site)
    if css:
        files.append(File.generated(config, branding.STYLESHEET, content=css))
    for link in config.extra["ect_footer"]["links"]:
        if "src" in link:
            page = files.get_file_from_path(link["src"])
            link["url"] = page.url if page else ""
