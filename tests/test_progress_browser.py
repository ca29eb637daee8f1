"""Progress kept in the reader's browser is read as untrusted (docs/javascripts/progress.js): in
Chromium, storage poisoned with a javascript: continue link, with text that is not JSON, with huge
values, with wrong types and with prototype-pollution keys never becomes a link off the site or an
uncaught exception, and every part of the progress UI is still drawn, "Clear my progress" included."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from browser_support import CHROMIUM, chromium, serve
from conftest import make_tree, mkdocs_build

pytestmark = [
    pytest.mark.build,
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)"),
]

KEY = "ect-progress"
STEP = "prog/year-1/b1/b1-w1-read/"  # the session prog/b1-w1-read ("Read about memory")
GOOD = {"at": "2025-09-17T09:00:00.000Z", "title": "Read about memory", "url": STEP}
HOSTILE_ADDRESSES = [
    "javascript:alert(document.domain)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "//evil.example/",
    "https://evil.example/",
    "\\\\evil.example\\x",
    "/\\evil.example/",
    "../../../etc/",
    "prog/../../x/",
    "prog/b1?x=1",
    "prog/b1#x",
    "vbscript:msgbox(1)",
    "%6Aavascript:alert(1)",
]
POISONS = {
    "a javascript: continue link": json.dumps(
        {"done": {}, "last": {"title": "Continue", "url": "javascript:alert(document.domain)"}}
    ),
    "not JSON": "{not json",
    "JSON that is not an object": "[1, 2, 3]",
    "null": "null",
    "huge values": json.dumps(
        {
            "done": {
                **{f"prog/s{n}": {**GOOD, "title": "x" * 50} for n in range(20_000)},
                "prog/b1-w1-read": {**GOOD, "title": "t" * 1_500_000},
            },
            "last": {"title": "y" * 500_000, "url": STEP},
        }
    ),  # near the 5 MB quota
    "prototype-pollution keys": (
        '{"__proto__": {"done": {"prog/b1-w1-read": {"polluted": 1}}, "polluted": 1},'
        ' "done": {"__proto__": {"at": "2025-09-17T09:00:00.000Z", "title": "P",'
        ' "url": "javascript:alert(1)", "polluted": 1}, "constructor": {"prototype": '
        '{"polluted": 1}}, "toString": 1}, "last": {"__proto__": {"url": "javascript:x"}}}'
    ),
    "wrong types": json.dumps(
        {
            "done": {
                "prog/b1-w1-read": None,
                "prog/b1-w1-watch": "yes",
                "prog/x": [1],
                "prog/b1-w2-practise": {"at": "yesterday", "title": 3, "url": {"x": 1}},
            },
            "last": "javascript:alert(1)",
        }
    ),
    "a list of done": json.dumps({"done": ["prog/b1-w1-read"], "last": ["javascript:alert(1)"]}),
    "hostile addresses": json.dumps(
        {
            "done": {f"prog/b1-w1-read{n}": {**GOOD, "url": url} for n, url in enumerate(HOSTILE_ADDRESSES)},
            "last": {"title": "Continue", "url": HOSTILE_ADDRESSES[0]},
        }
    ),
}
# Every link on the page, as the browser resolved it: those that leave the site, or are not http(s).
OFF_SITE = """base => Array.from(document.querySelectorAll("a[href]"), a => a.href)
  .filter(href => !/^https?:/i.test(href) || (!href.startsWith(base) && /ect-progress/.test(href)))"""
PROGRESS_LINKS = """() => Array.from(document.querySelectorAll(
  "[data-ect-progress-continue] a, [data-ect-progress-record] a"), a => a.href)"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("progress")
    result = mkdocs_build(make_tree(work), work / "site")
    assert result.returncode == 0, result.stderr
    return work / "site"


@pytest.fixture(scope="module")
def browser(site: Path):
    with serve(site, site / "404.html") as base, chromium() as launched:
        yield base, launched


def poisoned(browser, stored: str):  # type: ignore[no-untyped-def]
    """A fresh tab whose storage holds `stored` under the progress key before any page's script
    runs; its uncaught exceptions are collected in tab.errors."""
    base, launched = browser
    context = launched.new_context()
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.goto(base + "404.html")  # the origin, to write its storage
    tab.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, stored])
    tab.base = base
    return context, tab


def visit(tab, path: str) -> None:  # type: ignore[no-untyped-def]
    tab.goto(tab.base + path, wait_until="load")
    assert tab.errors == []
    hrefs = tab.evaluate("() => Array.from(document.querySelectorAll('a[href]'), a => a.href)")
    assert not [href for href in hrefs if not href.startswith(("http://", "https://"))], path
    assert all(href.startswith(tab.base) for href in tab.evaluate(PROGRESS_LINKS)), path
    assert tab.evaluate("() => ({}).polluted === undefined && Object.prototype.polluted === undefined")


@pytest.mark.parametrize("poison", POISONS)
def test_poisoned_storage_makes_no_unsafe_link_no_exception_and_clear_still_works(browser, poison: str) -> None:
    context, tab = poisoned(browser, POISONS[poison])
    try:
        visit(tab, "")  # continue where you left off
        assert tab.inner_text("[data-ect-progress-continue]") in ("", "Continue where you left off: Read about memory")
        visit(tab, "prog/year-1/b1/")  # counts and ticks
        assert tab.locator(".ect-progress-count").first.inner_text().endswith("ECT steps done on this device.")
        visit(tab, STEP)  # Mark as done
        assert tab.get_by_role("checkbox", name="Mark as done").count() == 1
        visit(tab, "about/progress/")  # the record and its buttons
        clear = tab.get_by_role("button", name="Clear my progress")
        assert clear.is_visible()
        tab.once("dialog", lambda dialog: dialog.accept())
        clear.click()
        assert tab.inner_text("[data-ect-progress-record] p") == "Nothing is marked as done in this browser yet."
        assert tab.evaluate("key => localStorage.getItem(key)", KEY) is None
        assert tab.errors == []
    finally:
        context.close()


def test_a_good_entry_among_bad_ones_is_kept_and_a_tick_drops_the_bad_ones(browser) -> None:
    stored = {
        "done": {
            "prog/b1-w1-read": GOOD,
            "__proto__": GOOD,
            "prog/b1-w1-watch": {**GOOD, "at": "soon"},
            "prog/b1-w2-practise": {**GOOD, "url": "javascript:alert(1)"},
            "prog/b1-intro": {**GOOD, "url": STEP},
        },  # another session's page: not its own
        "last": {"title": "Read about memory", "url": STEP},
    }
    context, tab = poisoned(browser, json.dumps(stored))
    try:
        visit(tab, "")
        assert tab.inner_text("[data-ect-progress-continue]") == "Continue where you left off: Read about memory"
        assert tab.evaluate(PROGRESS_LINKS) == [tab.base + STEP]
        visit(tab, "about/progress/")
        assert tab.locator(".ect-record-done td a").all_inner_texts() == ["Read about memory"]
        assert tab.locator(".ect-record-done").count() == 1
        visit(tab, "prog/year-1/b1/b1-w1-watch/")
        tab.get_by_role("checkbox", name="Mark as done").check()
        saved = json.loads(tab.evaluate("key => localStorage.getItem(key)", KEY))
        assert sorted(saved["done"]) == ["prog/b1-w1-read", "prog/b1-w1-watch"]
        assert saved["done"]["prog/b1-w1-read"] == GOOD
        assert saved["done"]["prog/b1-w1-watch"]["url"] == "prog/year-1/b1/b1-w1-watch/"
        assert tab.errors == []
    finally:
        context.close()
