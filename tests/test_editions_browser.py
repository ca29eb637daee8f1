"""The editions side by side in the browser: on a 320 px phone the page never scrolls sideways
(each row of the table becomes a card, its cells labelled), and axe-core finds nothing on it or
on a statement page that names its edition."""

from __future__ import annotations

import os

import pytest
from browser_support import CHROMIUM, axe_violations, chromium, serve
from conftest import make_editions_tree, mkdocs_build

pytestmark = [
    pytest.mark.browser,
    pytest.mark.build,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)"),
]

BESIDE = "frameworks/tsf-2025/beside-tsf-2024/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("editions")
    result = mkdocs_build(make_editions_tree(tmp), tmp / "site")
    assert result.returncode == 0, result.stderr
    with serve(tmp / "site") as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def test_the_side_by_side_page_reads_on_a_320_px_phone_as_labelled_cards(browser, site):
    page = browser.new_page(viewport={"width": 320, "height": 720})
    page.goto(site + BESIDE)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    row = page.locator(".ect-stack--editions tbody tr").nth(2)
    labels = row.locator("td").evaluate_all("cells => cells.map(c => getComputedStyle(c, '::before').content)")
    assert labels == ["none", '"Sessions: "', '"Mapped from: "', '"Sessions: "']
    assert row.locator("td").nth(2).inner_text().endswith("S1.2 Goals that are too broad are hard to check.")
    page.close()


@pytest.mark.parametrize("address", [BESIDE, "frameworks/tsf-2025/s1-2/"])
def test_editions_pages_have_no_axe_violation(browser, site, address):
    page = browser.new_page()
    page.goto(site + address)
    assert axe_violations(page) == []
    page.close()
