"""Accessibility in the browser: axe-core's WCAG 2.2 A and AA rules find nothing on any page type
of the sample, search results included; the keyboard reaches the skip link and the video; every
page has one h1 and no skipped heading level; no link's words need the text around them.
"""

from __future__ import annotations

import os

import pytest
from browser_support import CHROMIUM, PAGE_TYPES, VIDEO_PAGE, axe_violations, chromium, open_search, serve

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)"),
]

# Link words that say nothing out of context (WCAG 2.4.4; screen reader users list links alone).
VAGUE = {"here", "click here", "read more", "more", "link", "this page", "this", "page", "continue"}

HEADINGS = """() => Array.from(document.querySelectorAll(
  ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map(h => 'article ' + h).join(', ')))
  .map(h => [Number(h.tagName[1]), h.textContent.trim()])"""
LINK_TEXTS = """() => Array.from(document.querySelectorAll('article a[href]'))
  .map(a => (a.getAttribute('aria-label') || a.textContent).trim().toLowerCase())"""


@pytest.fixture(scope="module")
def site(sample_site):
    with serve(sample_site) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def page(browser, site):
    context = browser.new_context()
    # No test may reach the network: a pressed play button would ask YouTube for the player.
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(site) else route.abort())
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def seen(page, site):
    """What each page type shows in the desktop window, loaded once for the three tests that read
    it: its article's headings and link words, then axe-core's violations."""
    loads: dict[str, dict] = {}

    def load(kind: str) -> dict:
        if kind not in loads:
            page.goto(site + PAGE_TYPES[kind])
            headings, links = page.evaluate(HEADINGS), page.evaluate(LINK_TEXTS)
            loads[kind] = {"headings": headings, "links": links, "axe": axe_violations(page)}
        return loads[kind]

    return load


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_type_has_no_axe_violation(seen, kind):
    assert seen(kind)["axe"] == []


def test_search_results_have_no_axe_violation(page, site):
    page.goto(site + PAGE_TYPES["week"])
    open_search(page, "hinge")
    assert page.locator(".md-search-result__item").count() > 0
    assert axe_violations(page) == []


@pytest.mark.parametrize("kind", [k for k in PAGE_TYPES if k != "404"])
def test_headings_start_at_one_h1_and_skip_no_level(seen, kind):
    headings = seen(kind)["headings"]
    assert [level for level, _ in headings].count(1) == 1, headings
    skips = [(before, after) for before, after in zip(headings, headings[1:], strict=False) if after[0] > before[0] + 1]
    assert skips == []


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_link_makes_sense_out_of_context(seen, kind):
    texts = seen(kind)["links"]
    assert [t for t in texts if t in VAGUE or not t] == []


def test_the_first_tab_reaches_the_skip_link_and_it_skips_to_the_content(page, site):
    page.goto(site + PAGE_TYPES["week"])
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.classList.contains('md-skip'), document.activeElement.textContent.trim()]"
    )
    assert focused == [True, "Skip to content"]
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") != ""
    assert page.evaluate("() => document.querySelector(location.hash).closest('article') !== null")


def test_the_keyboard_reaches_the_play_button_and_enter_plays_the_video(page, site):
    page.goto(site + VIDEO_PAGE)
    for _ in range(300):  # the sidebars' links come first
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('ect-video__play')"):
            break
    else:
        pytest.fail("Tab never reached the play button")
    label = page.evaluate("() => document.activeElement.textContent")
    assert label.startswith("Play video: ")
    page.keyboard.press("Enter")
    iframe = page.locator(".ect-video__frame iframe").first
    assert iframe.get_attribute("title") == "Video: " + label.removeprefix("Play video: ").rsplit(" (", 1)[0]
    assert iframe.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")
    assert "autoplay=1" in iframe.get_attribute("src")
    # Focus moves to the player, so the next key press reaches it, not the top of the page.
    assert page.evaluate("() => document.activeElement.tagName") == "IFRAME"


def test_without_javascript_the_reader_has_the_link_and_the_transcript_but_no_dead_button(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + VIDEO_PAGE)
    assert not page.locator(".ect-video__play").first.is_visible()
    assert page.locator(".ect-video figcaption a", has_text="Watch").first.is_visible()
    assert page.locator(".ect-video figcaption a", has_text="Transcript").first.is_visible()
    assert page.locator("details.ect-transcript summary").first.is_visible()
    context.close()


# The controls the project adds to Material's pages, each with a page that has one.
CONTROLS = {
    ".ect-progress input[type=checkbox]": "ECT step",
    ".ect-video__play": "ECT step with a video",
    ".ect-print-button": "mentor plan",
    "details.ect-transcript > summary": "ECT step with a video",
    "details.ect-thisweek__all > summary": "home",
    ".ect-mycalendar select": "programme",
    ".ect-mycalendar input": "programme",
    ".ect-mycalendar button": "programme",
    ".ect-diagnostic input[type=radio]": "diagnostic",
    ".ect-diagnostic button": "diagnostic",
    ".ect-lens-choice select": "ECT step with examples",
    "details.ect-example > summary": "ECT step with examples",
    ".ect-coaching textarea": "mentor plan",
    ".ect-record-field input[type=text]": "progress record",
    ".ect-pairs__open input": "your pairs",
}


@pytest.mark.parametrize("selector", CONTROLS)
def test_every_control_the_project_adds_shows_where_the_keyboard_is(page, site, selector):
    page.goto(site + PAGE_TYPES[CONTROLS[selector]])
    page.locator(selector).first.wait_for()
    for _ in range(400):  # the sidebars' links come first
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            break
    else:
        pytest.fail(f"Tab never reached {selector}")
    ring = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); "
        "return [s.outlineStyle, parseFloat(s.outlineWidth), s.boxShadow]; }"
    )
    assert ring[0] != "none" and ring[1] >= 2, ring  # WCAG 2.4.7: a ring of at least 2 CSS pixels
    assert "255, 221, 0" in ring[2], ring  # and its halo, seen on a dark background too


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": 320, "height": 720})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_page_scrolls_sideways_on_a_320_px_phone(phone, site, kind):
    phone.goto(site + PAGE_TYPES[kind])
    # WCAG 1.4.10 (reflow): a wide table scrolls inside its own region; the page itself never does.
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 320
