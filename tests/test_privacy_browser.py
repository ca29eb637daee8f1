"""Privacy in the browser: no page type asks any host but the site's own on load (fonts, scripts,
videos included); the site sets no cookie; browsing and searching keep nothing in the browser's
storage, as the generated cookies page says (only ticking "Mark as done" does).
"""

from __future__ import annotations

import os

import pytest
from browser_support import CHROMIUM, PAGE_TYPES, chromium, open_search, serve

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)"),
]

STORAGE = """() => [Object.keys(localStorage), Object.keys(sessionStorage)]"""


@pytest.fixture(scope="module")
def visit(sample_site):
    """Opens a page of the sample and returns every address the page asked for while loading."""
    with serve(sample_site) as base, chromium() as browser:
        context = browser.new_context()
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))

        def load(path: str) -> tuple[str, list[str]]:
            requests.clear()
            page.goto(base + path, wait_until="networkidle")  # late requests (lazy fonts, players) too
            return base, list(requests)

        yield load, page, context
        context.close()


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_type_asks_no_other_host_on_load(visit, kind):
    load, _, _ = visit
    base, requests = load(PAGE_TYPES[kind])
    assert requests, "the listener saw no request at all"
    assert [url for url in requests if not url.startswith(base)] == []


def test_searching_asks_no_other_host_and_no_cookie_is_ever_set(visit):
    load, page, context = visit
    base, _ = load(PAGE_TYPES["week"])
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    open_search(page, "routine")
    assert [url for url in seen if not url.startswith(base)] == []
    assert context.cookies() == []


def test_the_browser_keeps_nothing_as_the_cookies_page_says(visit, sample_site):
    load, page, context = visit
    load(PAGE_TYPES["week"])
    open_search(page, "routine")
    page.locator(".md-search-result__link").first.click()
    page.wait_for_load_state()
    assert page.evaluate(STORAGE) == [[], []]
    assert context.cookies() == []
    cookies_page = (sample_site / "about" / "cookies" / "index.html").read_text(encoding="utf-8")
    assert "does not use cookies" in cookies_page
    assert "Nothing is stored until you tick a box" in cookies_page  # progress: tests/test_calendar_browser.py
