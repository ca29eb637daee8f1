"""A page that takes too long to render stops the build with a message naming it (induction_mkdocs/page_timer.py)."""
from __future__ import annotations

import os
import time

import pytest
from conftest import mkdocs_build
from mkdocs.exceptions import PluginError

from induction_mkdocs.page_timer import PageTimer


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
        "such as an HTML comment closed with --!>; the induction plugin's page_seconds setting sets the bound.")


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
