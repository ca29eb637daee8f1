"""MkDocs adapter: validates the content, adds the generated pages and nav, writes curriculum.json.

A shim over the pure core (`induction`): every decision lives there, so a port to another
builder touches only this file. Event order: on_config (load, check, render) -> on_files (add
pages) -> on_post_page (the Content Security Policy) -> on_post_build (curriculum.json, _headers)
-> on_serve (watch the content folder).
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

from induction import csp, urls
from induction.curriculum import curriculum_json
from induction.nav import build_nav
from induction.pipeline import Checked, load_and_check
from induction.published import published_files
from induction.render import Page, render_site
from induction.render.problems_page import render_problem_codes, render_problems_page
from induction_mkdocs import file_links, preview

log = logging.getLogger("mkdocs.plugins.induction")


class InductionConfig(Config):
    content = c.Type(str, default="content")  # the content folder, relative to mkdocs.yml
    nav_position = c.Type(int, default=1)  # where the generated sections go in `nav`
    csp = c.Type(bool, default=True)  # a Content Security Policy in every page and in _headers (see induction/csp.py)


class InductionPlugin(BasePlugin[InductionConfig]):
    def __init__(self) -> None:
        self.checked: Checked | None = None
        self.pages: list[Page] = []
        self.serving = False  # under `mkdocs serve`: show problems in the browser instead of failing
        self.problem_page: Page | None = None  # set while the previewed content has problems
        self.last_srcs: list[str] = []  # the last good build's generated pages, stood in for meanwhile
        self.policy: csp.SitePolicy | None = None  # None: pages go out without a policy

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this object across the rebuilds of one `mkdocs serve`,
        # so it remembers the last good build's pages.
        self.serving = command == "serve"

    def content_root(self, config: MkDocsConfig) -> str:
        # ECT_CONTENT lets `make site CONTENT=...` build any content tree with the same mkdocs.yml.
        root = os.environ.get("ECT_CONTENT") or self.config.content
        base = os.path.dirname(config.config_file_path or ".")
        return os.path.normpath(os.path.join(base, root))

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
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
        hosts = [host for programme in checked.site.programmes for host in programme.settings.get("video_hosts") or ()]
        self.policy = csp.SitePolicy(csp.frame_sources(hosts)) if self.config.csp and not self.serving else None
        self.pages = render_site(checked) + [render_problem_codes()]
        self.last_srcs = [page.src for page in self.pages]
        if checked.site.title:
            config.site_name = checked.site.title  # the content names its site, whatever mkdocs.yml says
        # macros/main.py reads `checked` from this plugin instance. Not from config.extra: the
        # macros plugin serialises extra to JSON on every build, which costs seconds on a big model.
        generated = build_nav(checked.site, checked.places)
        nav = list(config.nav or [])
        position = min(self.config.nav_position, len(nav))
        config.nav = nav[:position] + generated + nav[position:]
        return config

    # Late, so that generated pages are added after every other plugin has seen the docs folder.
    @event_priority(-50)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.checked is not None
        if self.problem_page is not None:
            return self.problems_only(files, config)
        preview.refresh_hand_written(files)
        nav_digest = preview.digest(repr(config.nav))  # a changed nav changes every page
        for page in self.pages:
            if files.get_file_from_path(page.src) is not None:
                raise PluginError(f"The generated page {page.src} would replace a file of the docs folder.")
            files.append(preview.generated_page(config, page.src, page.markdown, nav_digest))
        for programme in self.checked.site.programmes:
            for asset in programme.assets.values():
                files.append(File.generated(config, urls.asset(programme, asset.file), abs_src_path=asset.path))
        for src, content in published_files(self.checked, config.site_url or "", config.use_directory_urls).items():
            files.append(File.generated(config, src, content=content))
        return files

    def on_env(self, env, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        if self.serving:
            env.bytecode_cache = preview.template_cache
        return env

    def on_page_content(self, html: str, page, config: MkDocsConfig, files: Files) -> str:  # type: ignore[no-untyped-def]
        # Raw-HTML links assume directory URLs; the offline copy has none (see file_links.py).
        return html if config.use_directory_urls else file_links.to_files(html, page.file, files)

    # Last, so that the hashes cover any script another plugin adds to the page.
    @event_priority(-100)
    def on_post_page(self, output: str, page, config: MkDocsConfig) -> str:  # type: ignore[no-untyped-def]
        return self.policy.page(output) if self.policy else output

    @event_priority(-100)
    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        # Static templates: 404.html (and sitemap.xml, which is not a page).
        if self.policy and template_name.endswith(".html"):
            return self.policy.page(output_content)
        return output_content

    def on_post_build(self, config: MkDocsConfig) -> None:
        assert self.checked is not None
        if self.problem_page is not None:
            self.problems_as_404(config)
            return
        with open(os.path.join(config.site_dir, "curriculum.json"), "w", encoding="utf-8") as handle:
            handle.write(curriculum_json(self.checked))
        if self.policy:  # every page's hashes: build clean to publish (--dirty sees only the pages it rebuilds)
            with open(os.path.join(config.site_dir, "_headers"), "w", encoding="utf-8") as handle:
                handle.write(self.policy.headers())
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

    def problems_only(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.problem_page is not None
        kept = [file for file in files if not file.is_documentation_page()]
        srcs = dict.fromkeys([self.problem_page.src] + [f.src_uri for f in files if f.is_documentation_page()]
                             + self.last_srcs)
        pages = [File.generated(config, src, content=self.problem_page.markdown) for src in srcs]
        return Files(kept + pages)

    def problems_as_404(self, config: MkDocsConfig) -> None:
        """The problems page as 404.html too: when the preview starts with broken content there is
        no last good build to stand in for, and `mkdocs serve` answers unknown addresses with 404.html.
        A <base> makes its relative links work at any depth (served without live reload, so the
        author reloads by hand there)."""
        with open(os.path.join(config.site_dir, "index.html"), encoding="utf-8") as handle:
            page = handle.read()
        base = f'<head><base href="{config.site_url or "/"}">'
        with open(os.path.join(config.site_dir, "404.html"), "w", encoding="utf-8") as handle:
            handle.write(page.replace("<head>", base, 1))
