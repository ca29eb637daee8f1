"""Browser test support: a built site served on 127.0.0.1 in a thread, Debian's Chromium through
Playwright, axe-core from the pinned axe-playwright-python wheel, and the sample's page types.

One browser per test module (the module-scoped fixtures in the test files): launching Chromium
costs about a second, a page load a few tens of milliseconds.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote_plus

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

# WCAG 2.2 level A and AA rules (axe tags every rule with the version and level that added it).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# One page of every kind in the sample programme, by its address under the site root.
_BLOCK = "oakfield/year-1/classroom-practice/"
PAGE_TYPES = {
    "home": "",
    "programme": "oakfield/",
    "ECT starting page": "oakfield/for-ects/",
    "mentor starting page": "oakfield/for-mentors/",
    "tutor starting page": "oakfield/for-tutors/",
    "year": "oakfield/year-1/",
    "block": _BLOCK,
    "week": _BLOCK + "week-1/",
    "diagnostic": "oakfield/year-1/assessment/diagnostic/",  # its form is made by routes.js
    "week with routes": "oakfield/year-1/assessment/week-2/",
    "ECT step with a video": _BLOCK + "classroom-practice-w1-watch/",
    "ECT step": _BLOCK + "classroom-practice-w3-task/",
    "mentor plan": _BLOCK + "classroom-practice-w1-mentor/",
    "mentor pack": _BLOCK + "mentor-pack/",
    "tutor session": "oakfield/year-1/year-1-training-1/",
    "transcript": "oakfield/videos/classroom-practice-modelling/",
    "framework": "frameworks/ecf-2019/",
    "standard": "frameworks/ecf-2019/standard-6/",
    "statement": "frameworks/ecf-2019/6a/",
    "coverage": "oakfield/coverage/",
    "editions side by side": "frameworks/illustrative-b/beside-ecf-2019/",
    "year at a glance": "oakfield/at-a-glance/september-2025/",
    "ECT step with examples": "oakfield/year-1/routines/routines-w2-script/",
    "examples report": "oakfield/examples/",
    "mentor training": "oakfield/mentor-training/",
    "mentor training session": "oakfield/mentor-training/mentor-training-1/",
    "accessibility statement": "about/accessibility/",
    "cookies": "about/cookies/",
    "progress record": "about/progress/",
    "your pairs": "oakfield/your-pairs/",
    "404": "404.html",
}
VIDEO_PAGE = PAGE_TYPES["ECT step with a video"]


def axe_script() -> str:
    """axe.min.js as the pinned axe-playwright-python wheel ships it (axe-core, MPL-2.0)."""
    return files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def axe_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The WCAG 2.2 A/AA violations axe finds on the page as it is now, one line per element."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_script())
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {node['target']}"
        for v in result["violations"]
        for node in v["nodes"]
    ]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    not_found: Path | None = None

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # Like GitHub Pages, Netlify and most hosts: a missing address gets the site's 404.html.
        if code != 404 or self.not_found is None or not self.not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _CountingWriter:
    """The handler's output stream, counting every byte written to the socket (status line,
    headers and body) for the request being answered."""

    def __init__(self, raw, handler: _CountingHandler) -> None:  # type: ignore[no-untyped-def]
        self.raw = raw
        self.handler = handler

    def write(self, data: bytes) -> int:
        self.handler.sent += len(data)
        return self.raw.write(data)

    def __getattr__(self, name: str) -> object:
        return getattr(self.raw, name)


class _CountingHandler(_QuietHandler):
    """Records (address, bytes sent) for every request answered: the server's count sees what the
    page, its workers and its frames fetch alike, whatever the browser reports of them."""

    sent_log: list[tuple[str, int]]

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile, self)  # type: ignore[assignment]

    def handle_one_request(self) -> None:
        self.sent = 0
        super().handle_one_request()
        if self.sent:
            self.sent_log.append((self.path, self.sent))


@contextmanager
def serve(root: Path, not_found: Path | None = None, sent: list[tuple[str, int]] | None = None) -> Iterator[str]:
    """Serve `root` on a free port of 127.0.0.1, with `not_found` (a 404.html) for missing
    addresses; yields the base address ('http://127.0.0.1:N/'). Given a `sent` list, the server
    appends (address, bytes sent) to it for every request it answers."""
    base = _QuietHandler if sent is None else _CountingHandler
    handler_class = type("Handler", (base,), {"not_found": not_found, "sent_log": sent})
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright (which cannot download a browser here)."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 (only browser tests need it)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_search(page, query: str, results: bool = True) -> None:  # type: ignore[no-untyped-def]
    """Type `query` into Material's search, as a reader would, and wait until the results panel
    shows the results of the whole query (not of a prefix typed so far: the search runs while
    the reader types, and each result's address carries the query it was found for)."""
    page.click(".md-search__input")
    page.keyboard.type(query)
    page.wait_for_function("q => document.querySelector('.md-search__input').value === q", arg=query)
    if results:
        page.wait_for_selector(f'.md-search-result__link[href*="?h={quote_plus(query)}"]', timeout=15_000)
    else:
        page.wait_for_selector(".md-search-result__meta:has-text('No matching documents')", timeout=15_000)
