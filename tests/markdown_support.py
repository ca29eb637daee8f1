"""Python-Markdown as the site runs it: the extensions and settings of mkdocs.yml, read from it
(so a test of "what the renderer does" follows the site's configuration, not a copy of it)."""

from __future__ import annotations

import functools

import markdown
import yaml
from conftest import ROOT


@functools.lru_cache(maxsize=1)
def site_extensions() -> tuple[list[str], dict[str, dict]]:
    """(extension names, their settings) from mkdocs.yml's markdown_extensions."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names, settings = ["toc", "tables", "fenced_code"], {}  # MkDocs always adds these three
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names += [] if name in names else [name]
        settings[name] = {key: {"false": False, "true": True}.get(value, value) for key, value in options.items()}
    return names, settings


def render(text: str) -> str:
    """`text` as Python-Markdown renders it on the site (without MkDocs' link rewriting)."""
    names, settings = site_extensions()
    return markdown.markdown(text, extensions=names, extension_configs=settings)
