"""Search in the built sample. Hosted (served over HTTP): Pagefind's fragments behind Material's
search box, nothing fetched for search before the reader opens it (Material's worker never), both
spellings of a word find its page, a statement's code its page, the programme's own pages before
the framework's, and each result says whose page it is. The offline copy (opened from disk) keeps
Material's whole index. Print views, packs and transcript pages are in neither."""

from __future__ import annotations

import json
import os
import re

import pytest
from browser_support import CHROMIUM, PAGE_TYPES, axe_violations, chromium, open_search, serve
from conftest import SAMPLE, mkdocs_build
from selectolax.lexbor import LexborHTMLParser as HTMLParser

browser_needed = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)")


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):  # type: ignore[no-untyped-def]
    """The sample's offline copy (mkdocs.offline.yml), as `make offline` builds it."""
    site = tmp_path_factory.mktemp("offline") / "site-offline"
    result = mkdocs_build(SAMPLE, site, "-f", "mkdocs.offline.yml")
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.build
def test_the_offline_index_leaves_out_print_views_packs_and_transcripts_and_knows_both_spellings(offline_site):
    docs = json.loads((offline_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = {doc["location"].split("#")[0] for doc in docs}
    assert not [loc for loc in locations if loc.endswith(("/print.html", "/mentor-pack.html")) or "/videos/" in loc]
    assert "oakfield/year-1/routines/week-1/index.html" in locations
    variants = " ".join(doc.get("variants", "") for doc in docs).split()
    assert "modeling" in variants and "behavior" in variants  # the American forms of the sample's British words
    shown = " ".join(doc["title"] + " " + doc["text"] for doc in docs).lower()
    assert "modeling" not in shown and "behavior" not in shown  # indexed, never shown in a snippet
    assert not (offline_site / "pagefind").exists()  # opened from disk: no fragments to fetch


def test_the_hosted_site_has_fragments_and_no_whole_index(sample_site):
    index = json.loads((sample_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == [] and index["config"]["lang"] == ["en"]  # what Material's box needs to start
    assert (sample_site / "pagefind" / "pagefind.js").is_file()
    assert not (sample_site / "pagefind" / "pagefind-ui.js").exists()  # Pagefind's own interface: unused
    table = json.loads((sample_site / "search" / "spellings.json").read_text(encoding="utf-8"))
    assert table["modeling"] == "modelling" and table["behavior"] == "behaviour"


def test_only_searchable_pages_are_marked_for_the_fragment_index_with_their_facts(sample_site):
    def marked(address: str) -> str:
        html = (sample_site / address / "index.html").read_text(encoding="utf-8")
        return HTMLParser(html).css_first("[data-pagefind-body]") is not None and html

    for address in (
        "oakfield/year-1/routines/week-1/print/",
        "oakfield/year-1/routines/mentor-pack/",
        PAGE_TYPES["transcript"],
    ):
        assert not marked(address)  # Material's index left them out too: their text has its own page
    plan = HTMLParser(marked(PAGE_TYPES["mentor plan"]))
    facts = {
        node.attributes["data-pagefind-meta"]: node.attributes["content"]
        for node in plan.css("head meta[data-pagefind-meta]")
    }  # in the head: no reader meets them
    assert facts == {"role[content]": "Mentor", "programme[content]": "Oakfield Early Career Programme"}
    assert plan.css_first("head meta[data-pagefind-filter]").attributes["content"] == "programme"
    coverage = HTMLParser(marked(PAGE_TYPES["coverage"]))
    assert coverage.css_first("head meta[data-pagefind-filter]").attributes["content"] == "reference"
    assert coverage.css_first("[data-pagefind-body]").attributes["data-pagefind-weight"] == "0.3"


INDEX = "/search/search_index.json"
WORKER = re.compile(r"/assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")


def search_files(sent: list[tuple[str, int]]) -> list[str]:
    """What the server sent for search: Material's index and worker, Pagefind's files, the spellings."""
    return [
        address
        for address, _ in sent
        if address == INDEX or WORKER.search(address) or address.startswith(("/pagefind/", "/search/"))
    ]


def results(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The listed results' addresses (each page's first link), relative to the site, in order."""
    return page.locator(".md-search-result__item > .md-search-result__link").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname.slice(1))"
    )


@pytest.mark.browser
@browser_needed
@pytest.mark.parametrize("width", [390, 1280])
def test_nothing_is_fetched_for_search_until_it_opens_then_fragments_not_the_whole_index(sample_site, width):
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
        fetched = search_files(sent)
        assert "/pagefind/pagefind.js" in fetched and "/pagefind/wasm.en.pagefind" in fetched
        assert any(address.startswith("/pagefind/fragment/") for address in fetched)
        assert not any(WORKER.search(address) for address in fetched)  # Material's worker: never
        assert dict(sent)[INDEX] < 1000  # its index: the configuration only
        page.locator(".md-search-result__link").first.click()
        page.wait_for_url("**/?h=hinge")
        page.locator("article mark").first.wait_for()  # reached from a result: its terms highlighted


@pytest.mark.browser
@browser_needed
def test_an_american_spelling_finds_the_british_page_and_no_snippet_shows_the_variant(sample_site):
    sent: list[tuple[str, int]] = []
    with serve(sample_site, sent=sent) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 844})
        page.goto(base + PAGE_TYPES["week"])
        open_search(page, "modeling")
        assert any(address.startswith("/pagefind/") for address, _ in sent)  # the fragment search answered
        shown = page.locator(".md-search-result").inner_text().lower()
        assert "modelling" in shown  # the sample's own word, found by its other spelling
        assert "modeling" not in shown
        assert results(page)[0] == PAGE_TYPES["week"]  # "Week 1: Modelling that makes expert thinking visible"


@pytest.mark.browser
@browser_needed
def test_codes_find_their_statement_first_and_words_the_programmes_pages_before_the_framework(sample_site):
    with serve(sample_site) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 844})
        page.goto(base + PAGE_TYPES["week"])
        open_search(page, "2b")
        assert results(page)[0] == "frameworks/ecf-2019/2b/"
        page.fill(".md-search__input", "")
        open_search(page, "7c")
        assert results(page)[0] == "frameworks/ecf-2019/7c/"
        page.fill(".md-search__input", "")
        open_search(page, "behaviour")
        first = results(page)[:5]
        assert first and all(address.startswith("oakfield/") for address in first), first
        assert PAGE_TYPES["coverage"] not in results(page)[:10]  # the matrix names every topic: it floods no more


@pytest.mark.browser
@browser_needed
@pytest.mark.parametrize("width", [390, 1280])
def test_each_result_says_its_role_and_programme_and_the_keyboard_opens_it(sample_site, width):
    with serve(sample_site) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": width, "height": 844})
        page.goto(base + PAGE_TYPES["week"])
        if width < 800:
            page.click("label.md-header__button[for=__search]")
        open_search(page, "hinge questions and acting")
        plan = page.locator(".md-search-result__item", has_text="Hinge questions and acting on what you see")
        assert plan.locator(".ect-search-facts").inner_text() == "Mentor · Oakfield Early Career Programme"
        assert axe_violations(page) == []  # the open results, as a screen reader and a keyboard meet them
        page.keyboard.press("ArrowDown")  # Material's keyboard: down to the first result, Enter opens it
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "?h=" in page.url


@pytest.mark.build
@pytest.mark.browser
@browser_needed
def test_the_offline_copy_searches_from_disk_with_its_whole_index(offline_site):
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 844})
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto((offline_site / "oakfield" / "year-1" / "classroom-practice" / "week-1" / "index.html").as_uri())
        open_search(page, "modeling")
        assert any(
            address.endswith("oakfield/year-1/classroom-practice/week-1/index.html") for address in results(page)[:5]
        )  # its page, by the other spelling
        assert "modeling" not in page.locator(".md-search-result").inner_text().lower()
        assert any(url.endswith("/search/search_index.js") for url in requests)
        assert not any("/pagefind/" in url for url in requests)
        assert all(url.startswith("file://") for url in requests)
