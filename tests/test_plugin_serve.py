"""The MkDocs adapter under `mkdocs serve`: a content error, or a build that fails after
validation (a page the rendered-page check refuses), shows in the browser as the problems page,
with file and line, at the address the author was reading; fixing the file brings the page back.
Every page it serves carries the site's Content Security Policy, with the live-reload script
allowed. A real server on a free port, polled with bounded waits (not a timing test)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from browser_support import CHROMIUM, chromium
from conftest import ROOT, make_tree, mkdocs_build
from edits import replace_once

from induction.publish import csp

WAIT = 90  # seconds: an upper bound for a rebuild on a busy 2-core machine, not a budget


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:  # a 404 still has a page to read
        return error.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        return f"<unreachable: {error}>"


def wait_for(url: str, test: Callable[[str], bool], server: subprocess.Popen, what: str) -> str:
    deadline = time.monotonic() + WAIT
    page = ""
    while time.monotonic() < deadline:
        assert server.poll() is None, f"the server stopped while waiting for {what}"
        page = fetch(url)
        if test(page):
            return page
        time.sleep(0.5)
    raise AssertionError(f"no {what} within {WAIT}s; last page began: {page[:300]}")


@contextmanager
def preview(tree: Path, tmp_path: Path, *options: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """`mkdocs serve` of `tree` on a free port (its output in tmp_path/serve.log): the base address
    and the process, stopped at the end."""
    port = free_port()
    env = dict(os.environ, ECT_CONTENT=str(tree), NO_MKDOCS_2_WARNING="true")
    log = open(tmp_path / "serve.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *options],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield f"http://127.0.0.1:{port}/", server
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
LIVE_RELOAD = re.compile(r"<script>(\nvar livereload = .*?)</script>", re.S)


def policed(page: str) -> bool:
    """The page carries the site's policy, and the policy trusts the live-reload script in it by its hash."""
    policy, script = POLICY.search(page), LIVE_RELOAD.search(page)
    return bool(
        policy
        and script
        and "default-src 'none'" in policy.group(1)
        and "'unsafe-inline'" not in policy.group(1).split(";")[1]
        and csp.script_hash(script.group(1)) in policy.group(1)
    )


@pytest.mark.build
def test_a_broken_file_shows_the_problems_page_and_fixing_it_restores_the_site(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    block = tree / "prog" / "year-1" / "b1" / "block.yaml"
    with preview(tree, tmp_path) as (base, server):
        url = base + "prog/year-1/b1/"
        page = wait_for(url, lambda html: "Block one" in html, server, "block page")
        assert "The content has problems" not in page
        assert policed(page)  # the site's policy, the live-reload script allowed by its hash

        replace_once(block, "title: Block one", "titel: Block one")
        page = wait_for(url, lambda html: "The content has problems" in html, server, "problems page")
        assert "minimal/prog/year-1/b1/block.yaml:2" in page  # the unknown key, with its line
        assert "Unknown key &#39;titel&#39; in the block." in page or "Unknown key 'titel' in the block." in page
        assert "Did you mean &#39;title&#39;?" in page or "Did you mean 'title'?" in page
        assert policed(page)
        home = fetch(base)
        assert "minimal/prog/year-1/b1/block.yaml:2" in home  # every address shows the list
        assert policed(home)
        missing = fetch(base + "no/such/page/")
        assert "minimal/prog/year-1/b1/block.yaml:2" in missing and POLICY.search(missing)

        replace_once(block, "titel: Block one", "title: Block one")
        page = wait_for(
            url,
            lambda html: "The content has problems" not in html and "Block one" in html,
            server,
            "restored block page",
        )
        assert policed(page)
        missing = fetch(base + "no/such/page/")  # the site's own 404 page, served without live reload
        assert "The content has problems" not in missing and POLICY.search(missing)


INTRO = Path("prog/year-1/b1/b1-intro.md")
TEXT = "What this block covers.\n"
# A contributed page holding a script (the checks refuse it; tests/test_planted_scripts.py has more).
CONTRIBUTED = "  ```\n<script>window.__ran = true</script>\n  ```\n"
USING = Path("about/using.md")
PLANTED = "\n<script>window.__ran = true</script>\n"


def own_docs(tmp_path: Path) -> Path:
    """A copy of the project's docs folder and an mkdocs.yml that builds from it (every other path
    absolute, so it is the project's own): the pages of a docs folder are not content, so no check
    reads them before the build, and the rendered-page check is the one that refuses them."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for old, new in (
        ("docs_dir: docs", f"docs_dir: {docs}"),
        ("custom_dir: overrides", f"custom_dir: {ROOT}/overrides"),
        ("module_name: macros/main", f"module_name: {ROOT}/macros/main"),
    ):
        config = replace_in(config, old, new)
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return docs


def replace_in(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


@pytest.mark.build
def test_a_page_refused_by_the_page_check_shows_the_problems_page_at_start_and_on_a_rebuild(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    docs = own_docs(tmp_path)
    text = (docs / USING).read_text(encoding="utf-8")
    (docs / USING).write_text(text + PLANTED, encoding="utf-8")
    refused = "about/using.md"
    options = ("-f", str(tmp_path / "mkdocs.yml"), "--dirty", "--no-strict")  # as `make serve` runs it
    with preview(tree, tmp_path, *options) as (base, server):
        # The first build fails: the server still starts, showing why at every address.
        url = base + "prog/year-1/b1/"
        page = wait_for(url, lambda html: "The content has problems" in html, server, "problems page at start")
        assert refused in page and "__ran" not in page and policed(page)
        assert refused in fetch(base + "about/using/") and refused in fetch(base + "no/such/page/")

        (docs / USING).write_text(text, encoding="utf-8")
        page = wait_for(
            url,
            lambda html: "Block one" in html and "The content has problems" not in html,
            server,
            "the site, once fixed",
        )
        assert policed(page)

        # A rebuild that fails leaves no stuck server: the problems page again, then the site.
        (docs / USING).write_text(text + PLANTED, encoding="utf-8")
        page = wait_for(url, lambda html: "The content has problems" in html, server, "problems page on a rebuild")
        assert refused in page and "__ran" not in fetch(base + "about/using/")
        (docs / USING).write_text(text, encoding="utf-8")
        wait_for(
            base + "about/using/",
            lambda html: "The content has problems" not in html,
            server,
            "the refused page, once fixed",
        )
    log = (tmp_path / "serve.log").read_text()
    assert "Traceback" not in log and "appear stuck" not in log


WATCH = """window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(
  `${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`));"""


@pytest.mark.build
@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)")
def test_in_chromium_the_preview_runs_live_reload_under_the_policy_and_no_other_script(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    block = tree / "prog" / "year-1" / "b1" / "block.yaml"
    with preview(tree, tmp_path) as (base, server), chromium() as browser:
        url = base + "prog/year-1/b1/"
        wait_for(url, lambda html: "Block one" in html, server, "block page")
        page = browser.new_page()  # type: ignore[attr-defined]
        console: list[str] = []
        page.on("console", lambda message: console.append(message.text))
        page.add_init_script(WATCH)
        page.goto(url, wait_until="load")
        assert page.evaluate("!!document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')")
        # The live-reload script ran (it says so) and nothing was blocked.
        assert until(page, lambda: "Enabled live reload" in console)
        assert page.evaluate("window.__violations") == []
        assert not [text for text in console if "Content Security Policy" in text]
        # A script the build did not trust does not run: the policy holds in the preview.
        page.evaluate("""() => { const s = document.createElement("script");
            s.textContent = "window.__ran = true"; document.body.append(s); }""")
        assert until(page, lambda: page.evaluate("window.__violations.length") > 0)
        assert page.evaluate("window.__ran") is None
        # And live reload works: a save reloads the open page by itself.
        replace_once(block, "title: Block one", "title: Block renamed")
        assert until(page, lambda: page.evaluate("document.title").startswith("Block renamed"))
        page.wait_for_load_state("load")
        assert page.evaluate("window.__violations") == []
        # A contributed page with a script: the open page reloads into the problems page, and no script ran.
        replace_once(tree / INTRO, TEXT, CONTRIBUTED)
        assert until(page, lambda: page.evaluate("document.title").startswith("The content has problems"))
        page.wait_for_load_state("load")
        page.goto(base + "prog/year-1/b1/b1-intro/", wait_until="load")
        assert "minimal/prog/year-1/b1/b1-intro.md" in page.inner_text("article")
        assert page.evaluate("window.__ran") is None and page.evaluate("window.__violations") == []


def until(page, test: Callable[[], bool]) -> bool:  # type: ignore[no-untyped-def]
    """Poll `test` in Python (the policy forbids the eval that Playwright's wait_for_function uses),
    through reloads, which destroy the page's context for a moment."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        try:
            if test():
                return True
        except Exception:  # noqa: BLE001 (a reload in progress: ask again)
            pass
        page.wait_for_timeout(100)
    return False


@pytest.mark.build
def test_mkdocs_build_still_fails_hard_on_the_same_problem(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    replace_once(tree / "prog" / "year-1" / "b1" / "block.yaml", "title: Block one", "titel: Block one")
    result = mkdocs_build(tree, tmp_path / "site")
    assert result.returncode != 0
    assert "The content has problems; nothing was built." in result.stderr
    assert "minimal/prog/year-1/b1/block.yaml:2: error [unknown-key] Unknown key 'titel' in the block." in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


# As Material lays a page out: the content container inside its own parent, the theme's scripts after both.
ARTICLE = (
    '<html><head><meta charset="utf-8"></head><body><div class="md-content"><article '
    'class="md-content__inner md-typeset">{}</article></div>{}</body></html>'
)


def test_each_page_is_policied_as_written_and_a_content_script_fails_the_build_at_its_file():
    from mkdocs.exceptions import PluginError  # noqa: PLC0415

    from induction_mkdocs.plugin import InductionPlugin  # noqa: PLC0415
    from induction_mkdocs.preview import Preview  # noqa: PLC0415

    plugin = InductionPlugin()
    plugin.preview, plugin.base = Preview(), str(ROOT)
    plugin.policy = csp.SitePolicy(csp.frame_sources())  # as on_pre_build makes it
    plugin.build.origins = {"prog/x.md": "minimal/prog/x.md"}
    page = plugin.policed(ARTICLE.format("<p>Text</p>", "<script>theme()</script>"), "prog/x.md")
    assert POLICY.search(page) and csp.script_hash("theme()") in page
    with pytest.raises(PluginError) as refused:
        plugin.policed(ARTICLE.format("<script>planted()</script>", ""), "prog/x.md")
    assert str(refused.value) == (
        "An inline script is inside the content of prog/x.md (made from minimal/prog/x.md): content may not run "
        "scripts, so the page is not served. Find where it came from in the source and remove it."
    )
    plugin.on_build_error(refused.value)
    assert plugin.preview.failure is not None
    assert [p.format() for p in plugin.preview.failure] == [
        "minimal/prog/x.md:1: error [build-failed] The site could not be built: "
        + str(refused.value)
        + " Fix what the message names and save: the preview builds again by itself."
    ]
    plugin.preview = None  # `mkdocs build` policies each page as it is written too, and says "published"
    with pytest.raises(PluginError) as refused:
        plugin.policed(ARTICLE.format("<script>planted()</script>", ""), "prog/x.md")
    assert "content may not run scripts, so the page is not published. Find" in str(refused.value)
    plugin.policy = None  # a site built without a policy (the plugin's csp: false)
    assert plugin.policed("<html><head></head></html>", "x.md") == "<html><head></head></html>"


def test_a_large_build_hands_each_page_over_to_be_policed_and_written_beside_and_writes_no_content_script(tmp_path):
    from types import SimpleNamespace  # noqa: PLC0415

    from mkdocs.exceptions import PluginError  # noqa: PLC0415

    from induction.reading.beside import PageReads, Writes  # noqa: PLC0415
    from induction_mkdocs.plugin import InductionPlugin  # noqa: PLC0415

    def page(src: str) -> SimpleNamespace:
        return SimpleNamespace(file=SimpleNamespace(src_uri=src, dest_uri=src.replace(".md", "/index.html")))

    plugin = InductionPlugin()
    plugin.policy = csp.SitePolicy(csp.frame_sources())  # as on_pre_build makes it for a large build
    plugin.reads = PageReads(processes=1, writes=Writes(str(tmp_path), plugin.policy))
    plugin.build.origins = {"prog/x.md": "minimal/prog/x.md"}
    good = ARTICLE.format("<p>Text</p>", "<script>theme()</script>")
    assert plugin.on_post_page(good, page("prog/y.md"), None) == ""  # MkDocs writes nothing of its own
    assert plugin.on_post_template(good, "404.html", None) == ""
    assert plugin.on_post_page(ARTICLE.format("<script>planted()</script>", ""), page("prog/x.md"), None) == ""
    with pytest.raises(PluginError) as refused:
        plugin.written_beside()
    assert str(refused.value) == (
        "An inline script is inside the content of prog/x.md (made from minimal/prog/x.md): content may not run "
        "scripts, so the page is not published. Find where it came from in the source and remove it."
    )
    assert not (tmp_path / "prog" / "x").exists()  # written nowhere
    for written in (tmp_path / "prog/y/index.html", tmp_path / "404.html"):
        assert written.read_text(encoding="utf-8") == csp.SitePolicy(csp.frame_sources()).page(good)
    assert plugin.policy.hashes == {csp.script_hash("theme()")}  # for _headers
    assert plugin.written == {"prog/y/index.html", "404.html", "prog/x/index.html"}


def test_the_preview_keeps_its_state_in_one_object_and_rebuilds_a_hand_written_page_without_patching_it(tmp_path):
    """After the problems page stood in for every page, a hand-written page's output (the problems
    page) is removed, so MkDocs' own is_modified() builds it again; nothing is kept at module level."""
    from mkdocs.structure.files import File, Files  # noqa: PLC0415

    from induction_mkdocs import preview  # noqa: PLC0415

    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / "about").mkdir(parents=True)
    (docs / "about" / "using.md").write_text("# Using\n", encoding="utf-8")
    page = File("about/using.md", str(docs), str(site), use_directory_urls=True)
    Path(page.abs_dest_path).parent.mkdir(parents=True)
    Path(page.abs_dest_path).write_text("the problems page", encoding="utf-8")
    shown = preview.Preview()
    shown.refresh_hand_written(Files([page]))
    assert not page.is_modified()  # its output is newer than its source: a --dirty build would keep it
    shown.forget()
    shown.refresh_hand_written(Files([page]))
    assert page.is_modified() and "is_modified" not in vars(page)  # MkDocs' own test, not a patched one
    shown.commit()
    assert not shown.refresh_all and preview.Preview().built == {}  # a new preview starts empty
    assert not [
        name
        for name, value in vars(preview).items()
        if isinstance(value, (dict, list, bool)) and not name.startswith("__")
    ]


def test_the_preview_polls_every_fifth_of_a_second_where_the_kernel_does_not_report_saves(monkeypatch):
    """MkDocs' serve command makes its server without a polling interval (0.5 s, a quarter of a
    second of every edit on average); the preview passes its own, watches through watching.Watcher,
    builds 0.05 s after the last change, and wraps the server once."""
    from mkdocs.commands import serve  # noqa: PLC0415

    from induction_mkdocs import preview, watching  # noqa: PLC0415

    class Server:
        def __init__(self, **options):
            self.options, self.observer, self.build_delay = options, object(), 0.1

    monkeypatch.setattr(serve, "LiveReloadServer", Server)
    preview.watch_often()
    preview.watch_often()
    made = serve.LiveReloadServer(builder=None, host="127.0.0.1", port=8000, root="site")
    assert made.options == {"builder": None, "host": "127.0.0.1", "port": 8000, "root": "site", "polling_interval": 0.2}
    assert isinstance(made.observer, watching.Watcher) and made.build_delay == 0.05


def test_what_a_preview_build_leaves_runs_after_it_and_the_next_build_waits_for_it(caplog):
    """The reader's-eye check and the index's other spellings run while the browser reloads
    (preview.Afterwards): starting returns at once, the next start (the next build) waits for the
    last, and a failure there is logged, never raised on a thread where nobody would see it."""
    import threading  # noqa: PLC0415

    from induction_mkdocs import preview  # noqa: PLC0415

    later, release, order = preview.Afterwards(), threading.Event(), []
    later.start(lambda: (release.wait(10), order.append("first")))
    order.append("returned")
    release.set()
    later.start(lambda: order.append("second"))
    later.wait()
    assert order == ["returned", "first", "second"]
    later.start(lambda: 1 / 0)
    later.wait()
    assert [r.getMessage() for r in caplog.records] == ["The check after the preview's build failed: division by zero"]
    later.wait()  # nothing left to wait for


@pytest.mark.build
def test_the_preview_reports_what_the_readers_eye_check_finds_on_an_edited_page(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    with preview(tree, tmp_path, "--dirty", "--no-strict") as (base, server):
        url = base + "prog/year-1/b1/b1-intro/"
        wait_for(url, lambda html: "What this block covers" in html, server, "the intro page")
        intro = tree / INTRO
        intro.write_text(intro.read_text(encoding="utf-8") + "\n<div>**Read** this first</div>\n", encoding="utf-8")
        wait_for(url, lambda html: "**Read** this first" in html, server, "the edited intro page")
        finding = (
            "minimal/prog/year-1/b1/b1-intro.md:11: warning [syntax-as-text] The page shows bold or "
            "emphasis written in Markdown as text: '**Read**'. Seen on prog/year-1/b1/b1-intro/."
        )
        deadline = time.monotonic() + WAIT
        while finding not in (tmp_path / "serve.log").read_text(encoding="utf-8") and time.monotonic() < deadline:
            time.sleep(0.2)
        log = (tmp_path / "serve.log").read_text(encoding="utf-8")
        assert finding in log, log[-2000:]
        assert "The reader's-eye check: 0 errors and 1 warning on the built pages." in log
