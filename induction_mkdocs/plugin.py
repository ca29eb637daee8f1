"""MkDocs adapter: validates the content, adds the generated pages and nav, writes curriculum.json.

A shim over the pure core (`induction`): every decision lives there, so a port to another
builder touches only this file. Event order: on_config (load, check, render) -> on_nav (titles as
text) -> on_files (add pages) -> on_page_markdown ... on_page_content (each page under a time
bound, induction_mkdocs/page_timer.py, then sanitised) -> on_post_build (curriculum.json; the
Content Security Policy over the written HTML, as `induction/publish/csp.py` does for any engine) ->
on_serve (watch the content folder).
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass, field

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from induction.check import sanitiser
from induction.check.pipeline import Checked, load_and_check
from induction.core import spelling, urls
from induction.core.problems import Problems, visible
from induction.load import site_config
from induction.publish import csp, fragment_search, minified, page_cleaner, page_scripts
from induction.publish.origins import page_origins, page_parts
from induction.publish.published import address_notice, published_files
from induction.reading import PageRead, checked_reading, html_files, site_files
from induction.reading import summary as reading_summary
from induction.reading.beside import PageReads, Writes, read_pages
from induction.render import Page, render_site
from induction.render.curriculum import curriculum_json
from induction.render.nav import build_nav
from induction.render.packs import printed_packs
from induction.render.problems_page import render_problems_page
from induction_mkdocs import file_links, preview, search_index, theme, titles
from induction_mkdocs.page_timer import PageTimer, described
from induction_mkdocs.preview import Preview

log = logging.getLogger("mkdocs.plugins.induction")
BUILDER_LOG = logging.getLogger("mkdocs.commands.build")  # where MkDocs notes each page it writes or skips


class HandedOver(logging.Filter):
    """MkDocs notes, at info level, each page or template whose output a plugin emptied as skipped.
    On a large build every page is handed over to be written beside the build instead
    (reading/beside.py): it is not skipped, so its note is dropped. By the exact note: should
    MkDocs word it otherwise, the notes show, and nothing else changes."""

    def __init__(self) -> None:
        super().__init__()
        self.notes: set[str] = set()

    def page(self, src: str) -> None:
        self.notes.add(f"Page skipped: '{src}'. Generated empty output.")

    def template(self, name: str) -> None:
        self.notes.add(f"Template skipped: '{name}' generated empty output.")

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() not in self.notes


class VisibleLog(logging.Filter):
    """Every message MkDocs prints (ours, its own warnings, a failed build's error) with the control
    characters it quotes from content made visible (\\x1b), so that no content can colour, move the
    cursor or clear the line; newlines and tabs between a report's lines are kept."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 (arguments that do not fit: the handler reports that, as it would)
            return True
        record.msg, record.args = visible(message, keep="\n\t"), None
        return True

    @classmethod
    def install(cls) -> None:
        for handler in logging.getLogger("mkdocs").handlers:
            if not any(isinstance(f, cls) for f in handler.filters):
                handler.addFilter(cls())


class InductionConfig(Config):
    content = c.Type(str, default="content")  # the content folder, relative to mkdocs.yml
    nav_position = c.Type(int, default=1)  # where the generated sections go in `nav`
    page_seconds = c.Type((int, float), default=120)  # the longest one page may take to render (0: no bound)
    pdfs = c.Type(str, default="pdf")  # where `make pdf` writes the packs; those there are published and linked
    csp = c.Type(bool, default=True)  # a Content Security Policy in every page and in _headers (publish/csp.py)


@dataclass
class Build:
    """What a build works from, made by on_config from the checked content: the model, the pages
    it adds, where each comes from (to name a page's content file in a message), and what each
    rendered page may hold."""

    checked: Checked | None = None
    pages: list[Page] = field(default_factory=list)
    origins: dict[str, str] = field(default_factory=dict)  # generated page src -> its content file
    origin_texts: dict[str, str] = field(default_factory=dict)  # generated page src -> that file's text
    sources: dict[str, str] = field(default_factory=dict)  # the same, and for pages of many files the files
    # What each programme's rendered pages may hold (its own settings, as its checks used);
    # hand-written docs pages name no content host, so only schemes and markup are judged there.
    page_policies: dict[str, sanitiser.Policy] = field(default_factory=dict)
    frames: list[str] | None = None  # the policy's frame-src; None: pages go out without a policy
    printed: dict[str, tuple[str, str, int]] = field(default_factory=dict)  # the packs make pdf printed


class InductionPlugin(BasePlugin[InductionConfig]):
    def __init__(self) -> None:
        self.build = Build()
        # Under `mkdocs serve`, what the preview keeps across rebuilds (preview.py): problems are
        # shown in the browser instead of failing. None under `mkdocs build`.
        self.preview: Preview | None = None
        self.rendering = ""  # the page whose Markdown is being rendered, to name it if the build fails
        self.base = ""  # the folder of mkdocs.yml
        self.timer = PageTimer(0)
        self.fragments = False  # a fragment search index (Pagefind) for this build (publish/fragment_search.py)
        self.facts: dict[str, fragment_search.Facts] = {}  # what each generated page tells that search
        self.reads = PageReads()  # the pages of this build, read for the reader's-eye check as written
        self.policy: csp.SitePolicy | None = None  # this build's policy, given page by page as written
        self.written: set[str] = set()  # the pages this build wrote (relative to the site folder)
        self.handed: dict[str, str] = {}  # the pages handed over to be written beside: address -> source
        self.handed_notes = HandedOver()  # MkDocs' notes that it skipped them, dropped
        self.copies: str | None = None  # the folder of this build's search copies (a hosted site's)
        self.indexing: fragment_search.Indexing | None = None  # Pagefind, from on_env to on_post_build
        self.rendered: list = []  # the pages whose content this build rendered, published at on_env
        self.cleaning = page_cleaner.Cleaning()  # their contents, being cleaned
        self.scripts: dict[str, frozenset[str]] = {}  # the on-demand scripts each page's cleaned content needs

    @property
    def checked(self) -> Checked | None:
        """The model this build checked (macros/main.py reuses it)."""
        return self.build.checked

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this object across the rebuilds of one `mkdocs serve`,
        # so its Preview remembers the last good build's pages.
        self.preview = Preview() if command == "serve" else None
        VisibleLog.install()
        if self.preview is not None:
            preview.rescue_builds(self.preview)
            preview.watch_often()

    def on_shutdown(self) -> None:
        if self.preview is not None:
            self.preview.afterwards.wait()

    @property
    def serving(self) -> bool:
        return self.preview is not None

    def content_root(self, config: MkDocsConfig) -> str:
        return site_config.content_root(config.config_file_path or "", self.config.content)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.preview is not None:
            self.preview.afterwards.wait()  # what the last build left to do reads its model and pages
        self.timer = PageTimer(self.config.page_seconds)
        self.base = os.path.dirname(config.config_file_path or ".")
        failure = None
        if self.preview is not None:
            failure, self.preview.failure, self.preview.problem_page = self.preview.failure, None, None
        if failure is not None:  # the build before this one failed (serving only): show why
            return self.show_problems(failure, self.build.checked.site.files if self.build.checked else 0, config)
        checked = load_and_check(self.content_root(config))
        # Warnings go to the terminal and leave the preview up; only errors replace it.
        if self.serving and not checked.ok:
            self.build.checked = checked
            return self.show_problems(checked.problems, checked.site.files, config)
        for problem in checked.problems.warnings:
            log.warning(problem.format())
        if not checked.ok:
            raise PluginError("The content has problems; nothing was built.\n" + checked.report())
        self.build = self.built(checked, config)
        notice = address_notice(checked, config.site_url or "")
        if notice:  # a warning, except in a strict build, which it would fail: the site is sound without it
            (log.info if config.strict else log.warning)(notice)
        if self.preview is not None:
            self.preview.last_srcs = [page.src for page in self.build.pages]
        # Hosted builds only: the offline copy is opened from disk, where fragments cannot be fetched
        # (it keeps Material's whole index), and the preview would reindex the site on every edit.
        self.fragments = not self.serving and not any(name.split("/")[-1] == "offline" for name in config.plugins)
        self.facts = fragment_search.page_facts(self.build.pages, checked) if self.fragments else {}
        config.extra["ect_search_fragments"] = self.fragments  # every template's pages, the 404 page too
        if checked.site.title:
            config.site_name = checked.site.title  # the content names its site, whatever mkdocs.yml says
        theme.apply(config, checked.site)  # the provider's logo, favicon, colours and footer
        config.site_name = titles.text(config.site_name)  # text, wherever the theme prints it
        # macros/main.py reads `checked` from this plugin instance. Not from config.extra: the
        # macros plugin serialises extra to JSON on every build, which costs seconds on a big model.
        generated = build_nav(checked.site, checked.places)
        config.nav = site_config.merged_nav(list(config.nav or []), generated, self.config.nav_position)
        return config

    def built(self, checked: Checked, config: MkDocsConfig) -> Build:
        """The build's work from content that passed its checks: its pages rendered, where each
        comes from, and the policies they are held to."""
        origins = page_origins(checked)
        shown = {src: checked.problems.display(file) for src, file in origins.items()}
        printed = printed_packs(checked.site, os.path.join(self.base, self.config.pdfs))
        return Build(
            checked,
            render_site(
                checked,
                {name: size for name, (_, _, size) in printed.items()},
                config.site_url or "",
                self.preview.kept if self.preview is not None else None,
            ),
            shown,
            {src: checked.site.texts.get(file, "") for src, file in origins.items()},
            dict(
                shown, **{src: described(files, checked.problems.display) for src, files in page_parts(checked).items()}
            ),
            {p.id: sanitiser.Policy.of(p.settings) for p in checked.site.programmes},
            # The live preview too: `mkdocs serve` adds its live-reload script, which preview.py allows.
            csp.frame_sources(checked.site.frame_hosts) if self.config.csp else None,
            printed,
        )

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # A hosted site's search copies of its pages (fragment_search.search_copy), for Pagefind.
        self.copies = fragment_search.copies_folder() if self.fragments else None
        self.policy = csp.SitePolicy(self.build.frames, wasm=self.fragments) if self.build.frames is not None else None
        # Where there are pages enough (a preview's rebuilds render a few), the second process
        # cleans their contents as they render, then gives each written page its policy and writes
        # it, from the parse the reader's-eye check reads there: no page is parsed here.
        large = not self.serving and len(self.build.pages) >= page_cleaner.BESIDE
        writes = Writes(config.site_dir, self.policy) if large and self.policy is not None else None
        self.reads, self.written, self.handed = PageReads(writes=writes), set(), {}
        self.indexing, self.rendered = None, []
        self.cleaning = page_cleaner.Cleaning(self.reads.beside() if large else None)
        self.handed_notes.notes.clear()
        BUILDER_LOG.addFilter(self.handed_notes)
        if self.fragments:  # searched by fragments: Material's index need not hold the site's words
            search_index.configuration_only(config)

    # Late, so that generated pages are added after every other plugin has seen the docs folder.
    @event_priority(-50)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        shown = self.preview
        if shown is not None and shown.problem_page is not None:
            return preview.problems_only(files, config, shown.problem_page, shown.last_srcs)
        checked = self.build.checked
        assert checked is not None
        if shown is not None:
            shown.refresh_hand_written(files)
        nav_digest = preview.digest(repr(config.nav))  # a changed nav changes every page
        for page in self.build.pages:
            if files.get_file_from_path(page.src) is not None:
                raise PluginError(f"The generated page {page.src} would replace a file of the docs folder.")
            files.append(
                shown.page(config, page.src, page.markdown, nav_digest)
                if shown is not None
                else File.generated(config, page.src, content=page.markdown)
            )
        for programme in checked.site.programmes:
            for asset in programme.assets.values():
                files.append(File.generated(config, urls.asset(programme, asset.file), abs_src_path=asset.path))
        for src, path, _ in self.build.printed.values():
            files.append(File.generated(config, src, abs_src_path=path))
        theme.add_files(files, config, checked.site)
        for src, content in published_files(checked, config.site_url or "", config.use_directory_urls).items():
            files.append(File.generated(config, src, content=content))
        return files

    def on_nav(self, nav, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        titles.escape_nav(nav.items)
        return nav

    # First, so that the timer covers every plugin's work on the page (macros, rendering; its content is
    # cleaned with every other page's at on_env, in time linear in its size).
    @event_priority(100)
    def on_page_markdown(self, markdown: str, page, config: MkDocsConfig, files: Files) -> str:  # type: ignore[no-untyped-def]
        titles.escape_meta(page.meta)
        self.rendering = page.file.src_uri
        self.timer.stop()
        self.timer.start(page.file.src_uri, self.build.sources.get(page.file.src_uri, ""))
        return markdown

    def on_env(self, env, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        # Every page's content is rendered: each is cleaned and its search copy written, then
        # Pagefind indexes the copies on the other core while the templates are filled.
        self.publish_contents(config, files)
        if self.copies is not None:
            try:
                self.indexing = fragment_search.Indexing(config.site_dir, self.copies)
            except fragment_search.IndexFailed as error:
                raise PluginError(str(error)) from error
        if self.preview is not None:
            env.bytecode_cache = self.preview.template_cache
        theme.scripts_on_demand(env)
        theme.compact(env)
        return env

    def on_page_context(self, context, page, config: MkDocsConfig, nav):  # type: ignore[no-untyped-def]
        # The facts overrides/main.html writes as Pagefind's attributes; none for a page Pagefind skips.
        facts = self.search_facts(page)
        if facts is not None:
            context["ect_search"] = facts
        # The scripts the page's content needs, as the cleaner found them in what it kept.
        scripts = self.scripts.get(page.file.src_uri)
        context["ect_scripts"] = scripts if scripts is not None else page_scripts.needed(page.content)
        return context

    def on_build_error(self, error: Exception) -> None:
        self.timer.stop()  # a build that failed elsewhere leaves no timer to fire later
        BUILDER_LOG.removeFilter(self.handed_notes)
        self.rendered, self.cleaning = [], page_cleaner.Cleaning()
        self.reads.close()
        self.forget_copies()
        if self.preview is not None and self.preview.problem_page is None:  # the preview builds again, showing why
            where = self.build.origins.get(self.rendering) or self.rendering or "mkdocs.yml"
            self.preview.failure = preview.failed_build(error, where, self.base)

    def on_page_content(self, html: str, page, config: MkDocsConfig, files: Files) -> str:  # type: ignore[no-untyped-def]
        self.timer.stop()  # the page is rendered (MkDocs renders every page before it fills any template)
        self.rendering = ""
        self.rendered.append(page)  # its content is cleaned as the next pages render (publish_contents)
        policy = self.build.page_policies.get(page.file.src_uri.split("/", 1)[0], page_cleaner.ANY_HOST)
        self.cleaning.add(html, policy)
        return html

    def publish_contents(self, config: MkDocsConfig, files: Files) -> None:
        """Every page's content, now that all are rendered, as the page allow-list's parser kept it:
        that, never the rendered string, is what is written, and what its search copy holds. They
        were cleaned in the second process (induction/reading/beside.py) while the next pages
        rendered, where the site is large enough (page_cleaner.Cleaning)."""
        pages, self.rendered = self.rendered, []
        cleaned = self.cleaning.done()
        self.scripts = {}
        for page, (html, removed, scripts) in zip(pages, cleaned, strict=True):
            if removed:
                self.rendering = page.file.src_uri
                raise self.refused(page.file.src_uri, removed)
            self.search_copy(html, page)
            self.scripts[page.file.src_uri] = scripts
            # Raw-HTML links assume directory URLs; the offline copy has none (see file_links.py).
            page.content = html if config.use_directory_urls else file_links.to_files(html, page.file, files)

    def search_facts(self, page) -> fragment_search.Facts | None:  # type: ignore[no-untyped-def]
        """What a hosted site's search is told of the page; None on a site without fragment search
        and for a page the search leaves out (print views, packs, transcripts: `search: exclude`)."""
        search = page.meta.get("search")
        if not self.fragments or (isinstance(search, dict) and search.get("exclude")):
            return None
        return self.facts.get(page.file.src_uri, fragment_search.HAND_WRITTEN)

    def search_copy(self, html: str, page) -> None:  # type: ignore[no-untyped-def]
        """The page's search copy (fragment_search.search_copy), where the page is searched."""
        facts = self.search_facts(page)
        if self.copies is None or facts is None:
            return
        copy = fragment_search.search_copy(html, page.title or "", facts)
        fragment_search.write_copy(self.copies, page.file.dest_uri, copy)

    def refused(self, src: str, removed: list[str]) -> PluginError:
        """Why a page the allow-list removed anything from is refused: the checks passed its
        sources, so the renderer read something differently from them (a gap to fix in the
        checks), and nothing is written for it."""
        origin = self.build.origins.get(src)
        line = page_cleaner.source_line(self.build.origin_texts.get(src, ""), removed) if origin else None
        made = f" (made from {origin}{f':{line}' if line else ''})" if origin else ""
        shown = ", ".join(dict.fromkeys(removed))
        return PluginError(
            f"The rendered page {src}{made} holds HTML that may not be published: {shown}. "
            "The checks did not report it, so the page's Markdown is read differently by the "
            "renderer: look for raw HTML or {: ...} attributes near it in the source and remove "
            "them. Nothing unsafe was published."
        )

    # Last, so that the policy covers every page as written, after every plugin's work on it.
    @event_priority(-100)
    def on_post_build(self, config: MkDocsConfig) -> None:
        BUILDER_LOG.removeFilter(self.handed_notes)  # every page is handed over by now
        if self.preview is not None and self.preview.problem_page is not None:
            preview.problems_as_404(config.site_dir, config.site_url)
            return
        assert self.build.checked is not None
        minified.minify_site(config.docs_dir, config.site_dir)
        with open(os.path.join(config.site_dir, "curriculum.json"), "w", encoding="utf-8") as handle:
            handle.write(curriculum_json(self.build.checked))
        if self.preview is not None:
            self.preview.commit()
            # The browser reloads when the build returns: the check, which only reports, and the
            # search index's other spellings follow while it does (preview.Afterwards).
            self.preview.afterwards.start(lambda: self.spellings_and_reading(config))
            return
        self.add_spellings(config.site_dir)
        try:
            written = self.written_beside()
            if self.policy is not None:  # the HTML no page event wrote, and _headers (a preview has neither)
                self.publish_policy(config.site_dir)
            self.read_and_index(config, written)
        finally:
            self.forget_copies()

    def written_beside(self) -> dict[str, PageRead]:
        """Every page of this build read, and on a large build written, beside it (by address); a
        page whose content holds a script is written nowhere, and fails the build."""
        written = self.reads.done()
        if self.reads.refused:
            raise self.script_refused(self.handed[self.reads.refused[0]])
        return written

    def spellings_and_reading(self, config: MkDocsConfig) -> None:
        self.add_spellings(config.site_dir)
        self.read_and_index(config, self.reads.done())

    def add_spellings(self, site_dir: str) -> None:
        """Both spellings of a word find its page, in Material's index (a hosted site's holds no
        words). Before the offline plugin (the same priority, listed after this one) inlines it."""
        index = os.path.join(site_dir, "search", "search_index.json")
        if self.fragments or not os.path.isfile(index):
            return
        with open(index, encoding="utf-8") as handle:
            text = spelling.add_variants(handle.read())
        with open(index + ".part", "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(index + ".part", index)  # replaced whole: a search opened meanwhile reads one or the other

    def read_and_index(self, config: MkDocsConfig, written: dict[str, PageRead]) -> None:
        """The reader's-eye check, and on a hosted site the fragment index: Pagefind indexes the
        pages' search copies on the other core while the check finishes here. The index last: a
        failure there fails the build, so scripts/build.py keeps the old site. `written`: the
        pages of this build, read as they were written."""
        reads, published = self.pages_read(config.site_dir, written)
        indexing, self.indexing = self.indexing, None
        try:
            self.read(reads, published)
            if indexing is not None:
                indexing.finish(word for page in reads for word in page.words)
        except fragment_search.IndexFailed as error:
            raise PluginError(str(error)) from error
        finally:
            if indexing is not None:
                indexing.stop()

    def forget_copies(self) -> None:
        if self.indexing is not None:  # the build failed before the index was finished
            self.indexing.stop()
            self.indexing = None
        if self.copies is not None:
            shutil.rmtree(self.copies, ignore_errors=True)
            self.copies = None

    def publish_policy(self, site_dir: str) -> None:
        """The policy for the HTML files no page or template event wrote (a docs folder's own .html
        files, copied as they are), and `_headers` with every page's hashes."""
        assert self.policy is not None
        try:
            csp.publish_rest(site_dir, self.policy, self.written)
        except csp.ContentScript as error:
            raise PluginError(str(error)) from error

    # Last, as on_post_build: each page gets the policy as it is written (a build used to give the whole
    # site folder its policy at the end, reading and rewriting every page once more), and is handed
    # to the reader's-eye check (induction/reading/beside.py), which reads it beside the build.
    # On a large build the page is handed over instead (reading/beside.py): it is given its policy and
    # written in the second process, which parses it for the check anyway; MkDocs writes nothing for
    # an empty output.
    @event_priority(-100)
    def on_post_page(self, output: str, page, config: MkDocsConfig) -> str:  # type: ignore[no-untyped-def]
        if self.reads.writes is not None:
            self.handed_notes.page(page.file.src_uri)
            return self.handed_over(output, page.file.src_uri, page.file.dest_uri)
        return self.written_page(self.policed(output, page.file.src_uri), page.file.dest_uri)

    @event_priority(-100)
    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):
            return output_content
        if self.reads.writes is not None:
            self.handed_notes.template(template_name)
            return self.handed_over(output_content, template_name, template_name)
        return self.written_page(self.policed(output_content, template_name), template_name)

    def written_page(self, html: str, dest: str) -> str:
        self.written.add(dest)
        self.reads.add(dest, html)
        return html

    def handed_over(self, html: str, src: str, dest: str) -> str:
        self.handed[dest] = src
        self.written_page(html, dest)
        return ""

    def policed(self, html: str, src: str) -> str:
        if self.policy is None:
            return html
        try:
            return self.policy.page(html)
        except csp.ContentScript as error:
            raise self.script_refused(src) from error

    def script_refused(self, src: str) -> PluginError:
        """Why the page made from `src` is not written: its content holds a script."""
        self.rendering, origin = src, self.build.origins.get(src)  # the failure names the page's content file
        return PluginError(
            f"An inline script is inside the content of {src}"
            f"{f' (made from {origin})' if origin else ''}: content may not run scripts, so "
            f"the page is not {'served' if self.serving else 'published'}. Find where it came from in the "
            "source and remove it."
        )

    def pages_read(self, site_dir: str, reads: dict[str, PageRead]) -> tuple[list[PageRead], set[str]]:
        """Every page of the site as the check read it (this build's as they were written, `reads`;
        under a --dirty preview, the pages it left as they were, as read before; any other HTML file
        of the site, read now), and the site's files."""
        published = site_files(site_dir)
        if self.preview is not None:
            reads = self.preview.pages_read(reads, published)
        unread = [path for path in published if path.endswith(".html") and path not in reads]
        reads.update((page.path, page) for page in read_pages(list(html_files(site_dir, unread))))
        return list(reads.values()), published

    def read(self, pages: list[PageRead], published: set[str]) -> None:
        """The reader's-eye check over the written pages (induction/reading/). Its warnings are
        listed at info level: every build here is strict, so a warning logged as one would stop it,
        and `settings.reading_errors` is what says which findings stop a build."""
        assert self.build.checked is not None
        reading = checked_reading(pages, published, self.build.checked)
        for problem in reading.problems.warnings:
            log.info(problem.format())
        errors = reading.problems.errors
        if errors and not self.serving:
            raise PluginError("\n".join(p.format() for p in errors) + "\n" + reading_summary(reading))
        if len(reading.problems):
            log.info(reading_summary(reading))

    def on_serve(self, server, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        server.watch(self.content_root(config))
        preview.allow_live_reload(server, lambda: self.build.frames)
        return server

    def show_problems(self, problems: Problems, files: int, config: MkDocsConfig) -> MkDocsConfig:
        """The live preview's answer to problems: a page listing them, at every address.

        Raising here would stop `mkdocs serve` at start, or leave the last good site in the
        browser after a rebuild; and logging at warning level would abort a strict build.
        So the problems go to the terminal at info level and into one page that stands in for
        every page, so whatever address the author is reading reloads into the list."""
        report = [problem.format() for problem in problems] + [problems.summary(files)]
        log.info("The content has problems; the preview shows them instead of the site.\n" + "\n".join(report))
        assert self.preview is not None  # only a preview shows problems; a build fails on them
        self.build.pages = []
        self.preview.forget()
        self.build.frames = csp.frame_sources() if self.config.csp else None
        page = self.preview.problem_page = render_problems_page(problems, files)
        config.nav = [{page.title: page.src}]
        return config
