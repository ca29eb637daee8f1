"""Preview: fast rebuilds under `mkdocs serve --dirty` (`make serve`), part of the MkDocs adapter.

MkDocs rebuilds every page on each save; at 700-900 pages that is 10-20 s, too slow to preview an
edit. With `--dirty` it rebuilds only files whose `is_modified()` is true, but a generated page
always says it is. Here a generated page says so only when its Markdown differs from what was
last built into the same site folder, or when the navigation changed (every page shows the nav).
Digests are kept at module level because MkDocs re-creates its plugins for each rebuild, and are
committed only once a build has finished, so a failed build never hides a page from the next.
"""
from __future__ import annotations

import hashlib
import os

import jinja2
import jinja2.bccache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from induction.render import Page

_built: dict[tuple[str, str], str] = {}  # (site_dir, page src) -> digest of the Markdown built there
_pending: dict[tuple[str, str], str] = {}
_refresh_all = False  # set while the problems page stands in for every page


class GeneratedPage(File):
    changed: bool = True

    def is_modified(self) -> bool:
        return self.changed or not os.path.isfile(self.abs_dest_path)


def digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def generated_page(config: MkDocsConfig, src: str, markdown: str, nav_digest: str) -> GeneratedPage:
    page = GeneratedPage.generated(config, src, content=markdown)
    key = (config.site_dir, src)
    value = digest(markdown) + nav_digest
    page.changed = _built.get(key) != value
    _pending[key] = value
    return page


def refresh_hand_written(files: Files) -> None:
    """After the problems page stood in for every page, rebuild the hand-written ones too (their
    sources did not change, so MkDocs would keep the problems page in their place)."""
    if _refresh_all:
        for file in files:
            if file.is_documentation_page() and not isinstance(file, GeneratedPage):
                file.is_modified = lambda: True  # type: ignore[method-assign]


def commit() -> None:
    """The build finished: what was generated is now what the site folder holds."""
    global _refresh_all
    _built.update(_pending)
    _pending.clear()
    _refresh_all = False


def forget() -> None:
    """The problems page replaces every page: nothing built before can be reused."""
    global _refresh_all
    _built.clear()
    _pending.clear()
    _refresh_all = True


class _TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory across the preview's rebuilds: MkDocs makes a new
    Jinja environment for each rebuild and would compile Material's ~40 templates again (~0.5 s)."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # the bucket checks the template's source checksum

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


template_cache = _TemplateCache()


def problems_only(files: Files, config: MkDocsConfig, problem_page: Page, last_srcs: list[str]) -> Files:
    """While the content has problems: the problems page at every page's address (this build's and
    the last good build's), so whatever page the author is reading reloads into the list."""
    kept = [file for file in files if not file.is_documentation_page()]
    srcs = dict.fromkeys([problem_page.src] + [f.src_uri for f in files if f.is_documentation_page()] + last_srcs)
    return Files(kept + [File.generated(config, src, content=problem_page.markdown) for src in srcs])


def problems_as_404(site_dir: str, site_url: str | None) -> None:
    """The problems page as 404.html too: when the preview starts with broken content there is
    no last good build to stand in for, and `mkdocs serve` answers unknown addresses with 404.html.
    A <base> makes its relative links work at any depth (served without live reload, so the
    author reloads by hand there)."""
    with open(os.path.join(site_dir, "index.html"), encoding="utf-8") as handle:
        page = handle.read()
    with open(os.path.join(site_dir, "404.html"), "w", encoding="utf-8") as handle:
        handle.write(page.replace("<head>", f'<head><base href="{site_url or "/"}">', 1))
