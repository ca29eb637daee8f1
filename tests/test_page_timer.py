"""A page that takes too long to render stops the build with a message naming it (induction_mkdocs/page_timer.py)."""

from __future__ import annotations

import os
import time

import pytest
from conftest import mkdocs_build
from mkdocs.exceptions import PluginError

from induction_mkdocs.page_timer import PageTimer, described


def spin(limit: float = 30.0) -> None:
    """A loop that never ends by itself, as Python-Markdown 3.10's HTML parser does on `<!-->`."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        pass
    pytest.fail("the timer never fired")


def test_a_page_past_its_bound_raises_a_message_naming_it():
    timer = PageTimer(0.05)
    with pytest.raises(PluginError) as raised:
        timer.start("prog/year-1/b1/b1-w1-read.md")
        spin()
    assert str(raised.value) == (
        "Rendering the page prog/year-1/b1/b1-w1-read.md took longer than 0.05 seconds, so the build stopped. "
        "Look in that page (or the content file it comes from) for markup the Markdown renderer cannot finish, "
        "such as an HTML comment closed with --!>; the induction plugin's page_seconds setting sets the bound."
    )


def test_a_stopped_timer_never_fires():
    timer = PageTimer(0.01)
    timer.start("a.md")
    timer.stop()
    deadline = time.monotonic() + 0.2
    while time.monotonic() < deadline:  # the bound passes many times over: nothing may be raised
        pass


@pytest.mark.build
def test_a_build_past_the_bound_fails_with_the_message_and_no_traceback(tree, tmp_path, monkeypatch):
    monkeypatch.setitem(os.environ, "ECT_PAGE_SECONDS", "0.000001")  # every page takes longer than that
    result = mkdocs_build(tree, tmp_path / "site")
    assert result.returncode == 1
    assert "took longer than 1e-06 seconds, so the build stopped." in result.stderr
    assert "Rendering the page " in result.stderr and "Traceback" not in result.stderr


def test_a_page_made_from_a_content_file_names_it():
    timer = PageTimer(0.05)
    with pytest.raises(PluginError) as raised:
        timer.start("prog/year-1/b1/b1-w1-read.md", "minimal/prog/year-1/b1/b1-w1-read.md")
        spin()
    assert str(raised.value) == (
        "Rendering the page prog/year-1/b1/b1-w1-read.md (made from minimal/prog/year-1/b1/b1-w1-read.md) took "
        "longer than 0.05 seconds, so the build stopped. Look in minimal/prog/year-1/b1/b1-w1-read.md for markup "
        "the Markdown renderer cannot finish, such as an HTML comment closed with --!>; the induction plugin's "
        "page_seconds setting sets the bound."
    )


def test_a_page_of_many_files_names_the_largest(tmp_path):
    small, large = tmp_path / "a.md", tmp_path / "b.md"
    small.write_text("x")
    large.write_text("x" * 100)
    assert (
        described([str(small), str(large), str(small)], lambda f: os.path.basename(f))
        == "2 content files, the largest b.md"
    )
    assert described([str(small)], lambda f: os.path.basename(f)) == "a.md"


@pytest.mark.build
def test_a_slow_body_stops_the_build_naming_its_content_file(tree, tmp_path, monkeypatch):
    """Python-Markdown's inline patterns are superlinear: 320 KB of `*a* ` takes 38 s to render,
    though it validates in a fraction of a second. The build stopped naming only the generated page."""
    read = tree / "prog/year-1/b1/b1-w1-read.md"
    # 240 KB: Python-Markdown takes seconds to tens of seconds on it (superlinear), far past the bound
    # on a fast machine too; the timer stops the page at the bound, so the test does not wait for it.
    read.write_text(read.read_text() + "\n" + "*a* " * 60_000 + "\n")
    monkeypatch.setitem(os.environ, "ECT_PAGE_SECONDS", "1.5")
    result = mkdocs_build(tree, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [line] = [line for line in result.stderr.splitlines() if "took longer than 1.5 seconds" in line]
    assert (
        "(made from minimal/prog/year-1/b1/b1-w1-read.md)" in line
        or "(made from 2 content files, the largest minimal/prog/year-1/b1/b1-w1-read.md)" in line
    ), line
