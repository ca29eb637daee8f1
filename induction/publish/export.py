"""Export: the whole site as a standalone site source that any MkDocs-like engine builds.

The insurance against the builder's end of life (Material for MkDocs: 5 May 2027) and the
baseline that `make bench` compares our build against. `export` writes, under `out`:

- docs/: every page the site has: the hand-written pages of the docs folder (those that run
  macros rendered to plain Markdown, so no macros plugin is needed), the generated pages (the
  problem codes page included), the programmes' assets, curriculum.json, stylesheets and scripts;
- overrides/: the theme templates (the 404 page);
- mkdocs.yml: theme, Markdown extensions, nav, `strict`, `site_url`, the search plugin only;
- csp.py: the Content Security Policy step, run over the built site; it finds scripts in the tree an
  HTML5 parser builds, so it needs selectolax (requirements.txt says which);
- requirements.txt, README.md: what the build needs, and its commands.

Nothing in it imports the project: MkDocs, ProperDocs and Zensical build it as it is.
"""

from __future__ import annotations

import os
import re
import shutil
from typing import Any

import yaml

from induction.body import page_meta
from induction.check.pipeline import Checked
from induction.core import urls
from induction.load import site_config
from induction.publish import csp, destinations
from induction.publish.published import published_files
from induction.render import Page, branding, page_macros, render_site
from induction.render.curriculum import curriculum_json
from induction.render.nav import build_nav

# What the exported build keeps of the project's mkdocs.yml: theme and Markdown, not our plugins.
KEEP = (
    "site_name",
    "site_description",
    "site_url",
    "theme",
    "markdown_extensions",
    "extra_css",
    "extra_javascript",
    "use_directory_urls",
    "validation",
    "strict",
)

# What csp.py imports beyond the standard library: the HTML5 parser it finds scripts with.
CSP_REQUIREMENTS = "selectolax==1.0.2  # csp.py: the HTML5 parser (Lexbor) it finds inline scripts with\n"

_RENDER_MACROS = re.compile(r"^render_macros:.*\n", re.M)
_ENV_SITE_URL = "__export_site_url_from_env__"


class ExportError(Exception):
    """The site cannot be exported as it is (a generated page would replace a hand-written one)."""


def export(checked: Checked, project_config: str, out: str) -> int:
    """Write the whole site source of `checked` under `out`; return the number of pages.
    `out` is replaced whole, so it must be new, empty or an earlier export, away from the project's
    sources (`destinations.Refused` otherwise, before anything is touched)."""
    destinations.check(out, destinations.EXPORT, destinations.project_folders(project_config, checked.site.root))
    config = site_config.read(project_config)
    root = os.path.dirname(os.path.abspath(project_config))
    out = os.path.realpath(out)
    docs = os.path.join(out, "docs")
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    # First: an export that fails half-way is still recognised as one, and replaced by the next.
    destinations.mark(out, destinations.EXPORT, "scripts/export_docs.py")
    hand_written = os.path.join(root, str(config.get("docs_dir") or "docs"))
    shutil.copytree(hand_written, docs)
    count = _render_macro_pages(docs, checked, _renders_by_default(config))
    generated = render_site(checked)
    _write_generated(docs, generated, checked)
    _write(os.path.join(docs, "curriculum.json"), curriculum_json(checked))
    plain = _plain_config(config, checked)
    custom = plain.get("theme", {}).get("custom_dir")
    if custom:  # theme templates (a 404 page): part of the theme, not project code
        shutil.copytree(os.path.join(root, custom), os.path.join(out, "overrides"))
        plain["theme"] = {**plain["theme"], "custom_dir": "overrides"}
    _write(os.path.join(out, "mkdocs.yml"), _dump(plain, config.get("site_url")))
    shutil.copyfile(csp.__file__, os.path.join(out, "csp.py"))
    _write(os.path.join(out, "README.md"), _readme(checked))
    _write(os.path.join(out, "requirements.txt"), CSP_REQUIREMENTS)
    return count + len(generated)


def _renders_by_default(config: dict[str, Any]) -> bool:
    """Whether the macros plugin renders every page, or only those with `render_macros: true`."""
    options = site_config.plugin_options(config, "macros")
    return bool(options.get("render_by_default", True)) if options is not None else False


def _render_macro_pages(docs: str, checked: Checked, by_default: bool) -> int:
    """Run the macros of each hand-written page that asks for them, in place; return the page count."""
    count = 0
    for folder, _, names in os.walk(docs):
        for name in sorted(names):
            if not name.endswith(".md"):
                continue
            count += 1
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            head, meta, body = page_meta.split(text)
            if not meta.get("render_macros", by_default):
                continue
            src = os.path.relpath(path, docs).replace(os.sep, "/")
            # Rendered once: a macros plugin added to the export later must not render it again.
            _write(path, _RENDER_MACROS.sub("", head) + page_macros.render(body, checked, src))
    return count


def _write_generated(docs: str, pages: list[Page], checked: Checked) -> None:
    for page in pages:
        target = os.path.join(docs, page.src)
        if os.path.exists(target):
            raise ExportError(f"The generated page {page.src} would replace a file of the docs folder.")
        _write(target, page.markdown)
    for programme in checked.site.programmes:
        for asset in programme.assets.values():
            target = os.path.join(docs, urls.asset(programme, asset.file))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(asset.path, target)
    for src, text in published_files(checked).items():  # schedule.js and the .ics calendars
        _write(os.path.join(docs, src), text)
    for src, (path, text) in branding.files(checked.site).items():  # the provider's images and colours
        os.makedirs(os.path.dirname(os.path.join(docs, src)), exist_ok=True)
        if path:
            shutil.copyfile(path, os.path.join(docs, src))
        else:
            _write(os.path.join(docs, src), text)


def _plain_config(config: dict[str, Any], checked: Checked) -> dict[str, Any]:
    plain = {key: config[key] for key in KEEP if key in config}
    plain["site_name"] = checked.site.title or plain.get("site_name", "Site")
    plain["docs_dir"] = "docs"
    plain["site_dir"] = "site"  # inside the export: Zensical requires it
    plain["strict"] = bool(config.get("strict", True))
    # Zensical's `classic` variant is Material's look; MkDocs and ProperDocs ignore the key.
    plain["theme"] = {**plain.get("theme", {}), "variant": "classic", **branding.theme_images(checked.site)}
    if branding.stylesheet(checked.site):  # the provider's colours, as the plugin applies them
        others = [sheet for sheet in plain.get("extra_css", []) if sheet != branding.STYLESHEET]
        plain["extra_css"] = [branding.STYLESHEET, *others]
    footer = branding.footer(checked.site)  # the footer template's links, as addresses of the export's pages
    footer["links"] = [
        {**link, "url": urls.address(link["src"])} if "src" in link else link for link in footer["links"]
    ]
    plain["extra"] = {**(config.get("extra") or {}), "ect_footer": footer}
    search = site_config.plugin_options(config, "search")
    plain["plugins"] = [{"search": search} if search else "search"]
    options = site_config.plugin_options(config) or {}
    generated = build_nav(checked.site, checked.places)
    position = int(options.get("nav_position", site_config.DEFAULT_NAV_POSITION))
    plain["nav"] = site_config.merged_nav(list(config.get("nav") or []), generated, position)
    return plain


def _dump(plain: dict[str, Any], site_url: Any) -> str:
    """The config as YAML; a `site_url` given as `!ENV [...]` stays one, so SITE_URL still sets it."""
    if isinstance(site_url, list):
        plain = {**plain, "site_url": _ENV_SITE_URL}
    text = yaml.safe_dump(plain, sort_keys=False, allow_unicode=True, width=1000)
    if isinstance(site_url, list):
        tag = "!ENV " + yaml.safe_dump([str(item) for item in site_url], default_flow_style=True).strip()
        text = text.replace(_ENV_SITE_URL, tag, 1)
    return text


def _readme(checked: Checked) -> str:
    hosts = checked.site.frame_hosts
    frames = "".join(f" --frame-host {host}" for host in hosts)
    return (
        f"# {checked.site.title or 'Site'}: site source\n\n"
        "Exported from the induction project; it needs none of the project's code.\n\n"
        "Build it with any of these, from this folder (SITE_URL: the address it is published at):\n\n"
        "    SITE_URL=https://www.example.org/ect/ mkdocs build\n"
        "    SITE_URL=https://www.example.org/ect/ properdocs build -f mkdocs.yml\n"
        "    SITE_URL=https://www.example.org/ect/ zensical build -f mkdocs.yml\n\n"
        "then add the Content Security Policy to every page and write site/_headers (csp.py reads\n"
        "each page with an HTML5 parser, selectolax: `pip install -r requirements.txt` first):\n\n"
        f"    python3 csp.py site{frames}\n"
    )


def _write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
