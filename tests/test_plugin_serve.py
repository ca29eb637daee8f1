"""The MkDocs adapter under `mkdocs serve`: a content error shows in the browser as the problems
page, with file and line, at the address the author was reading; fixing the file brings the
page back. A real server on a free port, polled with bounded waits (not a timing test)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from conftest import ROOT, make_tree, mkdocs_build
from edits import replace_once

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


def test_a_broken_file_shows_the_problems_page_and_fixing_it_restores_the_site(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    port = free_port()
    env = dict(os.environ, ECT_CONTENT=str(tree), NO_MKDOCS_2_WARNING="true")
    log = open(tmp_path / "serve.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/prog/year-1/b1/"
    block = tree / "prog" / "year-1" / "b1" / "block.yaml"
    try:
        page = wait_for(url, lambda html: "Block one" in html, server, "block page")
        assert "The content has problems" not in page
        # The preview has no Content Security Policy: it would block the live-reload script.
        assert "livereload" in page and 'http-equiv="Content-Security-Policy"' not in page

        replace_once(block, "title: Block one", "titel: Block one")
        page = wait_for(url, lambda html: "The content has problems" in html, server, "problems page")
        assert "minimal/prog/year-1/b1/block.yaml:2" in page  # the unknown key, with its line
        assert "Unknown key &#39;titel&#39; in the block." in page or "Unknown key 'titel' in the block." in page
        assert "Did you mean &#39;title&#39;?" in page or "Did you mean 'title'?" in page
        home = fetch(f"http://127.0.0.1:{port}/")
        assert "minimal/prog/year-1/b1/block.yaml:2" in home  # every address shows the list
        assert 'http-equiv="Content-Security-Policy"' not in home
        assert "minimal/prog/year-1/b1/block.yaml:2" in fetch(f"http://127.0.0.1:{port}/no/such/page/")

        replace_once(block, "titel: Block one", "title: Block one")
        page = wait_for(url, lambda html: "The content has problems" not in html and "Block one" in html,
                        server, "restored block page")
        assert "Block one" in page
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def test_mkdocs_build_still_fails_hard_on_the_same_problem(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    replace_once(tree / "prog" / "year-1" / "b1" / "block.yaml", "title: Block one", "titel: Block one")
    result = mkdocs_build(tree, tmp_path / "site")
    assert result.returncode != 0
    assert "The content has problems; nothing was built." in result.stderr
    assert "minimal/prog/year-1/b1/block.yaml:2: error [unknown-key] Unknown key 'titel' in the block." in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
