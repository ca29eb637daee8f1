"""Preview: what `mkdocs serve` keeps across its rebuilds, in one object (part of the MkDocs adapter).

MkDocs rebuilds every page on each save; at 700-900 pages that is 10-20 s, too slow to preview an
edit. With `--dirty` (`make serve`) it rebuilds only files whose `is_modified()` is true, but a
generated page always says it is. Here a generated page says so only when its Markdown differs from
what was last built into the same site folder, or when the navigation changed (every page shows
the nav). The digests are committed only once a build has finished, so a failed build never hides
a page from the next. They live in the `Preview` the plugin makes when serving: MkDocs keeps a
plugin that defines on_startup across the rebuilds of one `mkdocs serve`, so nothing is kept at
module level, and `mkdocs build` has no Preview at all.

The preview is also held to the site's rules: every page it serves carries the site's Content
Security Policy, plus the hash of the live-reload script the server adds (allow_live_reload), and
a build that fails for any reason is built again as the problems page (rescue_builds), so the
server is never left stuck on a failure that only the terminal shows. It looks for saved files
sooner than MkDocs does (watch_often, watching.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
from collections.abc import Callable
from typing import Any

import jinja2
import jinja2.bccache
from mkdocs.commands import serve
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from induction.core.problems import Problems
from induction.publish import csp
from induction.reading import PageRead
from induction.render import Kept, Page
from induction_mkdocs import watching

log = logging.getLogger("mkdocs.plugins.induction")


class GeneratedPage(File):
    """A generated page that says whether it changed since it was last built there (`Preview.page`)."""

    changed: bool = True

    def is_modified(self) -> bool:
        return self.changed or not os.path.isfile(self.abs_dest_path)


def digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


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


class Afterwards:
    """What a preview's build leaves until the browser has reloaded: MkDocs' server answers no
    request while a build runs, and the reader's-eye check of the pages written (which only reports,
    at info level, in a preview) and the search index's other spellings took a quarter of a second
    of every edit of the imported corpus. They run on a thread the next build waits for first."""

    def __init__(self) -> None:
        self.thread: threading.Thread | None = None

    def start(self, work: Callable[[], object]) -> None:
        self.wait()
        self.thread = threading.Thread(target=self._run, args=(work,), name="preview-afterwards", daemon=True)
        self.thread.start()

    @staticmethod
    def _run(work: Callable[[], object]) -> None:
        try:
            work()
        except Exception as error:  # a thread's exception would be printed as a traceback and lost
            log.error(f"The check after the preview's build failed: {error}")

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.join()
            self.thread = None


class Preview:
    """The state of one `mkdocs serve`, across its rebuilds: what each generated page was built from,
    the problems page while the content has problems, the failure of the last build, and the
    compiled theme templates."""

    def __init__(self) -> None:
        self.built: dict[tuple[str, str], str] = {}  # (site_dir, page src) -> digest of the Markdown built there
        self.pending: dict[tuple[str, str], str] = {}  # the same, for the build under way
        self.refresh_all = False  # set while the problems page stands in for every page
        self.problem_page: Page | None = None  # set while the previewed content has problems
        self.last_srcs: list[str] = []  # the last good build's generated pages, stood in for meanwhile
        self.failure: Problems | None = None  # why the last build failed (set by on_build_error)
        self.reads: dict[str, PageRead] = {}  # each built page as the reader's-eye check last read it
        self.template_cache = _TemplateCache()
        self.afterwards = Afterwards()  # the last build's check, finished while the browser reloads
        self.kept = Kept()  # each programme's pages, reused while what they are made from is unchanged
        self.digests: dict[str, tuple[str, str]] = {}  # page src -> (its Markdown last built, the digest of that)

    def pages_read(self, reads: dict[str, PageRead], published: set[str]) -> dict[str, PageRead]:
        """The pages this build wrote, as read, with those a --dirty rebuild left as they were, as
        read before; the pages no longer published are forgotten."""
        self.reads = {path: page for path, page in {**self.reads, **reads}.items() if path in published}
        return dict(self.reads)

    def page(self, config: MkDocsConfig, src: str, markdown: str, nav_digest: str) -> GeneratedPage:
        """A generated page, which says it changed only when its Markdown or the nav did."""
        page = GeneratedPage.generated(config, src, content=markdown)
        # File.generated builds an instance of the class it is called on, but is typed as returning File.
        assert isinstance(page, GeneratedPage)
        key = (config.site_dir, src)
        last = self.digests.get(src)
        if last is None or last[0] is not markdown:  # a programme's kept pages (render/kept.py) are the same text
            last = self.digests[src] = (markdown, digest(markdown))
        value = last[1] + nav_digest
        page.changed = self.built.get(key) != value
        self.pending[key] = value
        return page

    def refresh_hand_written(self, files: Files) -> None:
        """After the problems page stood in for every page, rebuild the hand-written ones too: their
        sources did not change, so MkDocs' own test (a source newer than its output, or no output)
        would keep the problems page in their place. That output is removed, so the test says so."""
        if not self.refresh_all:
            return
        for file in files:
            if file.is_documentation_page() and not isinstance(file, GeneratedPage):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(file.abs_dest_path)

    def commit(self) -> None:
        """The build finished: what was generated is now what the site folder holds."""
        self.built.update(self.pending)
        self.pending.clear()
        self.refresh_all = False

    def forget(self) -> None:
        """The problems page replaces every page: nothing built before can be reused."""
        self.built.clear()
        self.pending.clear()
        self.refresh_all = True


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


def failed_build(error: BaseException, file: str, root: str) -> Problems:
    """A build that failed after validation passed, as the one problem the preview shows: at the
    content file of the page being rendered when it failed (`file`), else the configuration."""
    problems = Problems(root)
    problems.add(
        "build-failed",
        file,
        1,
        f"The site could not be built: {error}",
        "Fix what the message names and save: the preview builds again by itself.",
    )
    return problems


def rescue_builds(preview: Preview) -> None:
    """Under `mkdocs serve`, a failed build (the first or a rebuild) is built again at once, and the
    plugin's on_config then shows its failure (`preview.failure`) as the problems page at every address. Left alone,
    MkDocs' server stops at a failed first build, and after a failed rebuild holds every request
    until a build succeeds ("The server will appear stuck"). MkDocs offers no hook that can
    replace a failed build, so the build function its serve command calls is wrapped, once."""
    build = serve.build
    if getattr(build, "rescued", False):
        return

    def build_or_show_why(config: MkDocsConfig, **options: Any) -> None:
        try:
            build(config, **options)
        except Exception:
            if preview.failure is None:  # not a build that ran (nothing reached on_build_error)
                raise
            log.info("The build failed; the preview shows why instead of the site.")
            build(config, **options)

    build_or_show_why.rescued = True  # type: ignore[attr-defined]
    serve.build = build_or_show_why


# How often the preview looks for saved files where it polls (induction_mkdocs/watching.py: a folder
# the kernel does not report on), in seconds. MkDocs polls every 0.5 s, a quarter of a second of
# every edit on average; a look at the imported corpus (~700 files) takes ~10 ms, so every 0.2 s
# costs 5% of one core.
POLLING = 0.2
# How long MkDocs' server waits after a change for the next before it builds (its own: 0.1 s), so
# that one save written in several steps is built once. The kernel reports a save's steps within
# a millisecond of each other.
QUIET = 0.05


def watch_often() -> None:
    """Under `mkdocs serve`, learn of a save at once where the kernel reports it, else poll the
    watched folders every POLLING seconds (MkDocs' server takes the interval as an argument its
    serve command never passes), and build QUIET seconds after the last change. Called from
    on_startup, before the serve command makes its server; wrapped once."""
    server = serve.LiveReloadServer
    if getattr(server, "polling", None) == POLLING:
        return

    def often(*args: Any, **options: Any) -> Any:
        made = server(*args, **{"polling_interval": POLLING, **options})
        made.observer = watching.Watcher(made.observer)  # type: ignore[assignment]  # what MkDocs uses of it
        made.build_delay = QUIET
        return made

    often.polling = POLLING  # type: ignore[attr-defined]
    serve.LiveReloadServer = often  # type: ignore[misc,assignment]


def allow_live_reload(server: Any, frames: Callable[[], list[str] | None]) -> None:
    """Serve each page with the site's policy and the live-reload script MkDocs' server adds to it
    at request time (its text holds the time, so no build can know its hash): the policy of the page
    as served is computed again, which trusts the scripts the build trusted plus this one.
    `frames`: the policy's frame-src, None when the site is published without a policy."""
    inject = server._inject_js_into_html

    def injected(content: bytes, epoch: int) -> bytes:
        served: bytes = inject(content, epoch)
        sources = frames()
        if sources is None:
            return served
        return csp.SitePolicy(sources).page(served.decode("utf-8")).encode("utf-8")

    server._inject_js_into_html = injected
