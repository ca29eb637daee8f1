"""The Zensical build of the export in Chromium: search finds pages, the print stylesheet applies,
videos load only when asked, and no page breaks its Content Security Policy (the meta tag and the
_headers policy at once, as csp.py wrote them over Zensical's own HTML)."""

from __future__ import annotations

import os

import pytest
from browser_support import CHROMIUM, PAGE_TYPES, VIDEO_PAGE, chromium, serve
from engine_support import export_builds
from test_csp_browser import Reader, header_policy

pytestmark = [
    pytest.mark.build,
    pytest.mark.browser,
    pytest.mark.external,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)"),
]

MENTOR_PLAN = PAGE_TYPES["mentor plan"]


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    site = export_builds(tmp_path_factory.mktemp("engines")).zensical
    with serve(site, site / "404.html") as base, chromium() as browser:
        context = browser.new_context()
        yield Reader(context.new_page(), base, header_policy(site))
        context.close()


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_type_loads_with_no_violation(reader, kind):
    reader.open("no/such/page/" if kind == "404" else PAGE_TYPES[kind])
    assert reader.page.locator("h1").count() >= 1
    assert reader.violations() == [] and reader.elsewhere == []


def test_search_finds_a_page_and_follows_it(reader):
    # Zensical's search is its own (a dialog in a shadow root, not Material's panel): found by its
    # ARIA roles, as a screen reader finds it: a status line with the count, the results as options.
    reader.open("")
    reader.page.click(".md-search__button")
    reader.page.keyboard.type("modelling")
    # the status line can say "results" before the options are drawn: wait for the first option
    # (visible ones: the home page's "My programme" form has options of its own, hidden in a select)
    results = reader.page.get_by_role("option").filter(visible=True)
    results.first.wait_for()
    assert reader.page.get_by_role("status").filter(has_text="results").count() == 1
    with reader.page.expect_navigation():
        results.first.click()
    reader.page.wait_for_load_state("networkidle")
    assert "?h=modelling" in reader.page.url
    assert "modelling" in reader.page.locator("article.md-content__inner").inner_text().lower()
    assert reader.violations() == [] and reader.elsewhere == []


def test_the_print_stylesheet_leaves_only_the_page(reader):
    reader.open(MENTOR_PLAN)
    assert reader.page.locator(".md-header").is_visible()
    reader.page.emulate_media(media="print")
    try:
        for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-path", ".md-search"):
            assert not reader.page.locator(selector).first.is_visible(), selector
        assert reader.page.locator("article.md-content__inner h1").is_visible()
        # print.css's own sizes (17 pt titles on 10 pt text), not the theme's: 1 pt is 4/3 px.
        sizes = reader.page.evaluate("""[document.querySelector('article.md-content__inner h1'),
            document.querySelector('article.md-content__inner')].map(e => getComputedStyle(e).fontSize)""")
        assert [round(float(size.removesuffix("px")) * 3 / 4, 1) for size in sizes] == [17.0, 10.0]
    finally:
        reader.page.emulate_media(media="screen")


def test_the_video_player_loads_only_when_asked(reader):
    reader.open(VIDEO_PAGE)
    assert reader.elsewhere == [] and reader.page.locator("iframe").count() == 0
    # A frame the policy refused would never be requested: the request is the proof it is allowed.
    with reader.page.expect_request(lambda request: request.url.startswith("https://")) as request:
        reader.page.click(".ect-video__play")
    src = reader.page.locator(".ect-video__frame iframe").get_attribute("src")
    assert src.startswith("https://www.youtube-nocookie.com/embed/")
    assert request.value.url.split("?")[0] == src.split("?")[0]
    assert reader.violations() == []
