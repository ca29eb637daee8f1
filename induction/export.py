"""Export: every generated page as a plain Markdown file, with an mkdocs.yml that builds them.

The cheapest insurance against the builder's end of life (any Markdown site builder can take
these files) and the baseline that `make bench` compares our build against: the same pages,
the same theme and extensions, and no project code at build time.
"""
from __future__ import annotations

import os
import shutil

import yaml

from . import urls
from .nav import build_nav
from .pipeline import Checked
from .render import render_site
from .render.site_pages import ACCESSIBILITY_SRC, COOKIES_SRC, HOME_SRC

# What the exported build keeps of the project's mkdocs.yml: theme and Markdown, not our plugins.
KEEP = ("site_name", "site_description", "theme", "markdown_extensions", "extra_css", "extra_javascript",
        "use_directory_urls", "validation")


def export(checked: Checked, project_config: str, out: str) -> int:
    """Write the pages of `checked` under `out`/docs and `out`/mkdocs.yml; return the page count."""
    docs = os.path.join(out, "docs")
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(docs)
    pages = render_site(checked)
    for page in pages:
        _write(os.path.join(docs, page.src), page.markdown)
    for programme in checked.site.programmes:
        for asset in programme.assets.values():
            target = os.path.join(docs, urls.asset(programme, asset.file))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(asset.path, target)
    project_docs = os.path.join(os.path.dirname(os.path.abspath(project_config)), "docs")
    for folder in ("stylesheets", "javascripts"):
        if os.path.isdir(os.path.join(project_docs, folder)):
            shutil.copytree(os.path.join(project_docs, folder), os.path.join(docs, folder))
    with open(project_config, encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=_Lenient)  # mkdocs.yml may hold !!python/name tags
    plain = {key: config[key] for key in KEEP if key in config}
    custom = plain.get("theme", {}).get("custom_dir")
    if custom:  # theme templates (a CSP meta tag, a 404 page): part of the theme, not project code
        source = os.path.join(os.path.dirname(os.path.abspath(project_config)), custom)
        shutil.copytree(source, os.path.join(out, "overrides"))
        plain["theme"] = {**plain["theme"], "custom_dir": "overrides"}
    plain["site_name"] = checked.site.title or plain.get("site_name", "Site")
    plain["docs_dir"] = "docs"
    plain["plugins"] = ["search"]
    plain["nav"] = [{"Home": HOME_SRC}] + build_nav(checked.site, checked.places) + [
        {"About": [{"Accessibility": ACCESSIBILITY_SRC}, {"Cookies": COOKIES_SRC}]}]
    with open(os.path.join(out, "mkdocs.yml"), "w", encoding="utf-8") as handle:
        yaml.safe_dump(plain, handle, sort_keys=False, allow_unicode=True)
    return len(pages)


def _write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


class _Lenient(yaml.SafeLoader):
    """Reads mkdocs.yml, keeping unknown tags (such as !!python/name:...) as plain strings."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: loader.construct_scalar(node)
                               if isinstance(node, yaml.ScalarNode) else None)
