"""MkDocs adapter: validates the content, adds the generated pages and nav, writes curriculum.json.

A shim over the pure core (`induction`): every decision lives there, so a port to another
builder touches only this file. Event order: on_config (load, check, render) -> on_nav (titles as
text) -> on_files (add pages) -> on_page_markdown ... on_page_content (each page under a time
bound, induction_mkdocs/page_timer.py, then sanitised) -> on_post_build (curriculum.json; the
Content Security Policy over the written HTML, as `induction/csp.py` does for any engine) ->
on_serve (watch the content folder).
"""
from __future__ import annotations

import logging
import os

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from induction import csp, sanitiser, site_config, spelling, urls
from induction.curriculum import curriculum_json
from induction.nav import build_nav
from induction.origins import page_origins, page_parts
from induction.pipeline import Checked, load_and_check
from induction.published import published_files
from induction.render import Page, render_site
from induction.render.packs import printed_packs
from induction.render.problems_page import render_problems_page
from induction_mkdocs import file_links, preview, theme, titles
from induction_mkdocs.page_timer import PageTimer, described

log = logging.getLogger("mkdocs.plugins.induction")


class InductionConfig(Config):
    content = c.Type(str, default="content")  # the content folder, relative to mkdocs.yml
    nav_position = c.Type(int, default=1)  # where the generated sections go in `nav`
    page_seconds = c.Type((int, float), default=120)  # the longest one page may take to render (0: no bound)
    pdfs = c.Type(str, default="pdf")  # where `make pdf` writes the packs; those there are published and linked
    csp = c.Type(bool, default=True)  # a Content Security Policy in every page and in _headers (see induction/csp.py)


class InductionPlugin(BasePlugin[InductionConfig]):
    def __init__(self) -> None:
        self.checked: Checked | None = None
        self.pages: list[Page] = []
        self.serving = False  # under `mkdocs serve`: show problems in the browser instead of failing
        self.problem_page: Page | None = None  # set while the previewed content has problems
        self.last_srcs: list[str] = []  # the last good build's generated pages, stood in for meanwhile
        self.origins: dict[str, str] = {}  # generated page src -> the content file it is made from
        self.sources: dict[str, str] = {}  # the same, and for pages of many files the files, for the timer
        # What each programme's rendered pages may hold (its own settings, as its checks used);
        # hand-written docs pages name no content host, so only schemes and markup are judged there.
        self.page_policies: dict[str, sanitiser.Policy] = {}
        self.frames: list[str] | None = None  # the policy's frame-src; None: pages go out without a policy
        self.timer = PageTimer(0)
        self.printed: dict[str, tuple[str, str, int]] = {}  # the packs make pdf printed (render.packs)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this object across the rebuilds of one `mkdocs serve`,
        # so it remembers the last good build's pages.
        self.serving = command == "serve"

    def content_root(self, config: MkDocsConfig) -> str:
        return site_config.content_root(config.config_file_path or "", self.config.content)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.timer = PageTimer(self.config.page_seconds)
        checked = load_and_check(self.content_root(config))
        self.problem_page = None
        # Warnings go to the terminal and leave the preview up; only errors replace it.
        if self.serving and not checked.ok:
            return self.show_problems(checked, config)
        for problem in checked.problems.warnings:
            log.warning(problem.format())
        if not checked.ok:
            raise PluginError("The content has problems; nothing was built.\n" + checked.report())
        self.checked = checked
        # No policy in the live preview: `mkdocs serve` adds its live-reload script to every page.
        self.frames = csp.frame_sources(checked.site.frame_hosts) if self.config.csp and not self.serving else None
        self.page_policies = {p.id: sanitiser.Policy.of(p.settings) for p in checked.site.programmes}
        self.origins = {src: checked.problems.display(file) for src, file in page_origins(checked).items()}
        self.sources = dict(self.origins, **{src: described(files, checked.problems.display)
                                             for src, files in page_parts(checked).items()})
        base = os.path.dirname(config.config_file_path or ".")
        self.printed = printed_packs(checked.site, os.path.join(base, self.config.pdfs))
        self.pages = render_site(checked, {name: size for name, (_, _, size) in self.printed.items()})
        self.last_srcs = [page.src for page in self.pages]
        if checked.site.title:
            config.site_name = checked.site.title  # the content names its site, whatever mkdocs.yml says
        theme.apply(config, checked.site)  # the provider's logo, favicon, colours and footer
        config.site_name = titles.text(config.site_name)  # text, wherever the theme prints it
        # macros/main.py reads `checked` from this plugin instance. Not from config.extra: the
        # macros plugin serialises extra to JSON on every build, which costs seconds on a big model.
        generated = build_nav(checked.site, checked.places)
        config.nav = site_config.merged_nav(list(config.nav or []), generated, self.config.nav_position)
        return config

    # Late, so that generated pages are added after every other plugin has seen the docs folder.
    @event_priority(-50)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.checked is not None
        if self.problem_page is not None:
            return preview.problems_only(files, config, self.problem_page, self.last_srcs)
        preview.refresh_hand_written(files)
        nav_digest = preview.digest(repr(config.nav))  # a changed nav changes every page
        for page in self.pages:
            if files.get_file_from_path(page.src) is not None:
                raise PluginError(f"The generated page {page.src} would replace a file of the docs folder.")
            files.append(preview.generated_page(config, page.src, page.markdown, nav_digest))
        for programme in self.checked.site.programmes:
            for asset in programme.assets.values():
                files.append(File.generated(config, urls.asset(programme, asset.file), abs_src_path=asset.path))
        for src, path, _ in self.printed.values():
            files.append(File.generated(config, src, abs_src_path=path))
        theme.add_files(files, config, self.checked.site)
        for src, content in published_files(self.checked, config.site_url or "", config.use_directory_urls).items():
            files.append(File.generated(config, src, content=content))
        return files

    def on_nav(self, nav, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        titles.escape_nav(nav.items)
        return nav

    # First, so that the timer covers every plugin's work on the page (macros, rendering, sanitising).
    @event_priority(100)
    def on_page_markdown(self, markdown: str, page, config: MkDocsConfig, files: Files) -> str:  # type: ignore[no-untyped-def]
        titles.escape_meta(page.meta)
        self.timer.stop()
        self.timer.start(page.file.src_uri, self.sources.get(page.file.src_uri, ""))
        return markdown

    def on_env(self, env, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        if self.serving:
            env.bytecode_cache = preview.template_cache
        return env

    def on_build_error(self, error: Exception) -> None:
        self.timer.stop()  # a build that failed elsewhere leaves no timer to fire later

    def on_page_content(self, html: str, page, config: MkDocsConfig, files: Files) -> str:  # type: ignore[no-untyped-def]
        self.timer.stop()  # the page is rendered (MkDocs renders every page before it fills any template)
        self.published(html, page.file.src_uri)
        # Raw-HTML links assume directory URLs; the offline copy has none (see file_links.py).
        return html if config.use_directory_urls else file_links.to_files(html, page.file, files)

    def published(self, html: str, src: str) -> None:
        """Refuse a rendered page holding what the page allow-list would remove: the checks passed
        its sources, so the renderer read something differently from them (a gap to fix in the
        checks), and publishing it could run content's code. Nothing is written for it."""
        policy = self.page_policies.get(src.split("/", 1)[0], sanitiser.Policy(forbidden_hosts=()))
        removed = sanitiser.unpublishable(html, policy)
        if not removed:
            return
        origin = self.origins.get(src)
        made = f" (made from {origin})" if origin else ""
        shown = ", ".join(dict.fromkeys(removed))
        raise PluginError(f"The rendered page {src}{made} holds HTML that may not be published: {shown}. "
                          "The checks did not report it, so the page's Markdown is read differently by the "
                          "renderer: look for raw HTML or {: ...} attributes near it in the source and remove "
                          "them. Nothing unsafe was published.")

    # Last, so that the policy covers every script the theme and other plugins wrote (Material's
    # offline plugin included), over every written page (a --dirty build keeps a whole _headers).
    @event_priority(-100)
    def on_post_build(self, config: MkDocsConfig) -> None:
        assert self.checked is not None
        if self.problem_page is not None:
            preview.problems_as_404(config.site_dir, config.site_url)
            return
        with open(os.path.join(config.site_dir, "curriculum.json"), "w", encoding="utf-8") as handle:
            handle.write(curriculum_json(self.checked))
        # Before the offline plugin (the same priority, listed after this one) inlines the search
        # index: both spellings of a word find its page.
        index = os.path.join(config.site_dir, "search", "search_index.json")
        if os.path.isfile(index):
            with open(index, encoding="utf-8") as handle:
                text = spelling.add_variants(handle.read())
            with open(index, "w", encoding="utf-8") as handle:
                handle.write(text)
        if self.frames is not None:
            try:
                csp.publish(config.site_dir, self.frames)
            except csp.ContentScript as error:
                raise PluginError(str(error)) from error
        preview.commit()

    def on_serve(self, server, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        server.watch(self.content_root(config))
        return server

    def show_problems(self, checked: Checked, config: MkDocsConfig) -> MkDocsConfig:
        """The live preview's answer to problems: a page listing them, at every address.

        Raising here would stop `mkdocs serve` at start, or leave the last good site in the
        browser after a rebuild; and logging at warning level would abort a strict build.
        So the problems go to the terminal at info level and into one page that stands in for
        every page, so whatever address the author is reading reloads into the list."""
        log.info("The content has problems; the preview shows them instead of the site.\n" + checked.report())
        self.checked = checked
        self.pages = []
        preview.forget()
        self.problem_page = render_problems_page(checked.problems, checked.site.files)
        config.nav = [{self.problem_page.title: self.problem_page.src}]
        return config
