"""A cohort's year at a glance in the browser: printed, it is one A4 page holding both years'
half-terms, training and milestones; on a phone each half-term stacks, nothing wider than the screen."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from browser_support import CHROMIUM, chromium, serve

pytestmark = [
    pytest.mark.browser,
    pytest.mark.external,
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM) or shutil.which("pdfinfo") is None,
        reason="needs Debian's chromium and poppler-utils (make browser)",
    ),
]

GLANCE = "oakfield/at-a-glance/{}/"


@pytest.fixture(scope="module")
def page(sample_site):
    with serve(sample_site) as base, chromium() as browser:
        tab = browser.new_page()
        tab.base = base
        yield tab
        tab.close()


@pytest.mark.parametrize("cohort", ["september-2025", "january-2026"])
def test_the_year_at_a_glance_prints_on_one_a4_page(page, tmp_path, cohort):
    page.goto(page.base + GLANCE.format(cohort))
    target = tmp_path / "glance.pdf"
    page.pdf(path=str(target), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages: +1$", info, re.MULTILINE), info
    assert "594.96 x 841.92 pts (A4)" in info
    text = " ".join(
        subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    assert "Year 1:" in text and "Year 2:" in text and "Print this page" not in text
    assert "Final formal assessment (end of induction)" in text


def test_on_a_phone_each_half_term_stacks_within_the_screen(page):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(page.base + GLANCE.format("september-2025"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    label = page.evaluate("""() => getComputedStyle(document.querySelector(
        'table.ect-glance td[data-ect-label="Milestones"]'), '::before').content""")
    assert label == '"Milestones: "'
