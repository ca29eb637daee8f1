"""The Content Security Policy in Chromium: every page type of the sample loads, searches and plays
a video with no violation, under both the page's meta tag and the _headers policy at once (as a
host that reads _headers serves it: on every response, the search worker's included).

A violation shows two ways, both watched: a `securitypolicyviolation` event in the page, and a
console error (which also comes from frames and workers). No request leaves 127.0.0.1.
"""

from __future__ import annotations

import os

import pytest
from browser_support import CHROMIUM, PAGE_TYPES, VIDEO_PAGE, chromium, open_search, serve

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)"),
]

WATCH = """window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(
  `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`));"""


def header_policy(site) -> str:  # type: ignore[no-untyped-def]
    """The policy _headers gives every address ('/*', the only rule it holds)."""
    lines = (site / "_headers").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*"
    name, value = lines[1].strip().split(": ", 1)
    assert name == "Content-Security-Policy"
    return value


class Reader:
    """One tab on the served sample, recording violations and the requests for other hosts."""

    def __init__(self, page, base: str, policy: str) -> None:  # type: ignore[no-untyped-def]
        self.page, self.base = page, base
        self.console: list[str] = []
        self.elsewhere: list[str] = []
        page.on(
            "console",
            lambda message: self.console.append(message.text) if "Content Security Policy" in message.text else None,
        )
        page.add_init_script(WATCH)  # runs before the page's scripts, outside the page's policy
        page.route("**/*", lambda route: self.answer(route, policy))

    def answer(self, route, policy: str) -> None:  # type: ignore[no-untyped-def]
        if not route.request.url.startswith(self.base):
            self.elsewhere.append(route.request.url)
            route.abort()  # no network: the request was made, which is what the policy decides
            return
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": policy})

    def open(self, path: str) -> None:
        self.console.clear()
        self.elsewhere.clear()
        self.page.goto(self.base + path, wait_until="networkidle")

    def violations(self) -> list[str]:
        return self.page.evaluate("window.__violations") + self.console


@pytest.fixture(scope="module")
def reader(sample_site):
    with serve(sample_site, sample_site / "404.html") as base, chromium() as browser:
        context = browser.new_context()
        yield Reader(context.new_page(), base, header_policy(sample_site))
        context.close()


def test_the_watch_sees_a_violation_when_there_is_one(reader):
    # Without this, "no violations" below could mean "not listening".
    reader.open("")
    reader.page.evaluate("""() => { const s = document.createElement("script");
        s.textContent = "window.__ran = true"; document.body.append(s); }""")
    reader.page.wait_for_function("window.__violations.length > 0")  # the event is queued as a task
    assert reader.page.evaluate("window.__ran") is None
    assert any("script-src-elem blocked inline" in v for v in reader.violations())


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_type_loads_with_no_violation(reader, kind):
    reader.open("no/such/page/" if kind == "404" else PAGE_TYPES[kind])
    assert reader.page.locator("h1").count() >= 1
    assert reader.violations() == []


def test_search_finds_and_submitting_the_box_sends_no_form(reader):
    reader.open("")
    open_search(reader.page, "modelling")
    assert reader.page.locator(".md-search-result__item").count() > 0
    with reader.page.expect_navigation():
        reader.page.keyboard.press("Enter")  # Material follows the first result; the form is not submitted
    assert "?h=modelling" in reader.page.url  # the result's page, with the words to highlight
    reader.page.wait_for_load_state("networkidle")
    assert reader.violations() == []


def test_enter_with_no_result_keeps_the_reader_in_the_box_and_sends_no_form(reader):
    # Decided behaviour: nothing to follow, so nothing happens but the "no matching documents"
    # message; the form is never submitted (form-action 'none' would refuse and report it).
    reader.open("")
    open_search(reader.page, "zzxqv", results=False)
    reader.page.keyboard.press("Enter")
    # The site's handler counts the submits it held: observable, so no fixed wait.
    reader.page.wait_for_selector("form.md-search__form[data-ect-held-submits='1']", state="attached")
    assert reader.page.url == reader.base
    assert reader.page.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert reader.violations() == []


def test_the_video_player_loads_only_when_asked_and_its_frame_is_allowed(reader):
    reader.open(VIDEO_PAGE)
    assert reader.elsewhere == [] and reader.page.locator("iframe").count() == 0
    # A frame the policy refused would never be requested (and would be reported): wait for the
    # request itself, not a fixed time.
    with reader.page.expect_request(lambda request: "youtube-nocookie.com/embed/" in request.url):
        reader.page.click(".ect-video__play")
    frame = reader.page.locator(".ect-video__frame iframe")
    frame.wait_for(state="attached")
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")
    # A frame the policy refused would never be requested (and would be reported).
    assert [url.split("?")[0] for url in reader.elsewhere] == [frame.get_attribute("src").split("?")[0]]
    assert reader.violations() == []
