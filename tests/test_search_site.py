"""Search in the built sample: print views, packs and transcript pages out of the index, both
spellings of a word find its page, and the index is fetched only when a reader opens search."""
from __future__ import annotations

import json
import os
import re

import pytest
from browser_support import CHROMIUM, PAGE_TYPES, chromium, open_search, serve


def test_the_index_leaves_out_print_views_packs_and_transcripts_and_knows_both_spellings(sample_site):
    docs = json.loads((sample_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = {doc["location"].split("#")[0] for doc in docs}
    assert not [loc for loc in locations if loc.endswith(("/print/", "/mentor-pack/")) or "/videos/" in loc]
    assert "oakfield/year-1/routines/week-1/" in locations
    variants = " ".join(doc.get("variants", "") for doc in docs).split()
    assert "modeling" in variants and "behavior" in variants  # the American forms of the sample's British words
    shown = " ".join(doc["title"] + " " + doc["text"] for doc in docs).lower()
    assert "modeling" not in shown and "behavior" not in shown  # indexed, never shown in a snippet


INDEX = "/search/search_index.json"
WORKER = re.compile(r"/assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")


def search_files(sent: list[tuple[str, int]]) -> list[str]:
    """What the server sent for search: the index and the worker's script, by address."""
    return [address for address, _ in sent if address == INDEX or WORKER.search(address)]


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)")
@pytest.mark.parametrize("width", [390, 1280])
def test_the_index_and_the_worker_are_fetched_when_search_opens_not_on_every_visit(sample_site, width):
    sent: list[tuple[str, int]] = []  # counted by the server: a worker's fetch is not a page request
    with serve(sample_site, sent=sent) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": width, "height": 844})
        page.goto(base + PAGE_TYPES["week"])
        page.wait_for_load_state("networkidle")  # the page and everything it asks for at start-up
        page.wait_for_timeout(1000)  # a worker Material started would fetch its script by now
        assert search_files(sent) == []
        if width < 800:  # a phone: the search toggle in the header opens the search box
            page.click("label.md-header__button[for=__search]")
        open_search(page, "hinge")
        fetched = search_files(sent)  # each once, and the results shown (open_search waits for them)
        assert len(fetched) == 2 and INDEX in fetched and any(WORKER.search(address) for address in fetched)
        page.locator(".md-search-result__link").first.click()
        page.wait_for_url("**/?h=hinge")
        page.locator("article mark").first.wait_for()  # reached from a result: its terms highlighted


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)")
def test_an_american_spelling_finds_the_british_page_and_no_snippet_shows_the_variant(sample_site):
    with serve(sample_site) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 844})
        page.goto(base + PAGE_TYPES["week"])
        open_search(page, "modeling")
        shown = page.locator(".md-search-result").inner_text().lower()
        assert "modelling" in shown  # the sample's own word, found by its other spelling
        assert "modeling" not in shown
