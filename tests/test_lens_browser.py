"""Examples for each phase and subject in a real browser, on a 390 px phone: the reader chooses a
phase once (docs/javascripts/lens.js, localStorage "ect-lens"); every step page then shows that
example first and open, the others folded, and its print (print media) only that one; with
JavaScript off every example shows, open and labelled with its phase or subject."""

from __future__ import annotations

import json
import os

import pytest
from browser_support import CHROMIUM, PAGE_TYPES, chromium, serve

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)"),
]

STEP = PAGE_TYPES["ECT step with examples"]  # routines-w2-script: early years, primary, secondary, maths
OTHER_STEP = "oakfield/year-1/routines/routines-w1-read/"  # early years, primary, secondary
PHONE = {"width": 390, "height": 844}
SHOTS = os.environ.get("ECT_SHOTS", "")  # a folder to save the screenshot in, when set

SHOWN = """() => Array.from(document.querySelectorAll('[data-ect-examples] > details.ect-example'))
  .filter(d => getComputedStyle(d).display !== 'none')
  .map(d => [d.getAttribute('data-ect-lens'), d.open, d.querySelector('summary').textContent.trim()])"""


@pytest.fixture(scope="module")
def site(sample_site):
    with serve(sample_site) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def _phone(browser, site, javascript=True):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(site) else route.abort())
    return context


def test_choosing_a_phase_shows_its_example_first_on_every_step_page_and_in_its_print(browser, site):
    context = _phone(browser, site)
    page = context.new_page()
    page.goto(site + STEP)
    assert [lens for lens, _, _ in page.evaluate(SHOWN)] == ["early-years", "primary", "secondary", "maths"]
    assert all(is_open for _, is_open, _ in page.evaluate(SHOWN))  # no choice yet: every example open
    page.get_by_label("Your phase or setting").first.select_option(label="Secondary")
    shown = page.evaluate(SHOWN)
    assert shown[0] == ["secondary", True, "Secondary: In a Year 9 class"]
    assert [(lens, is_open) for lens, is_open, _ in shown[1:]] == [
        ("early-years", False),
        ("primary", False),
        ("maths", False),
    ]
    stored = json.loads(page.evaluate("() => localStorage.getItem('ect-lens')"))
    assert stored["phase"]["id"] == "secondary" and stored["phase"]["at"].endswith("Z")
    if SHOTS:
        page.locator(".ect-lens-choice").first.scroll_into_view_if_needed()
        page.evaluate("() => window.scrollBy(0, -120)")  # the section's words above the examples too
        page.screenshot(path=os.path.join(SHOTS, "step-secondary-390.png"))
    page.emulate_media(media="print")
    assert page.evaluate(SHOWN) == [["secondary", True, "Secondary: In a Year 9 class"]]
    assert page.locator(".ect-lens-choice").first.is_hidden()
    page.emulate_media(media="screen")
    page.goto(site + OTHER_STEP)  # chosen once: another page follows it after a load
    assert page.evaluate(SHOWN)[0][:2] == ["secondary", True]
    assert page.get_by_label("Your phase or setting").first.input_value() == "secondary"
    context.close()


def test_a_subject_comes_after_the_phase_and_showing_every_example_undoes_the_choice(browser, site):
    context = _phone(browser, site)
    page = context.new_page()
    page.goto(site + STEP)
    page.get_by_label("Your phase or setting").first.select_option("primary")
    page.get_by_label("Your subject").first.select_option("maths")
    assert [(lens, is_open) for lens, is_open, _ in page.evaluate(SHOWN)][:2] == [("primary", True), ("maths", True)]
    page.get_by_label("Your phase or setting").first.select_option("")
    page.get_by_label("Your subject").first.select_option("")
    assert all(is_open for _, is_open, _ in page.evaluate(SHOWN))
    page.emulate_media(media="print")
    assert len(page.evaluate(SHOWN)) == 4  # no choice: every example on paper
    context.close()


def test_a_stored_value_of_the_wrong_shape_is_ignored(browser, site):
    context = _phone(browser, site)
    page = context.new_page()
    page.goto(site + STEP)
    page.evaluate("""() => localStorage.setItem('ect-lens', JSON.stringify(
        {phase: {id: '<img src=x onerror=alert(1)>', at: '2026-01-01T00:00:00.000Z'}, subject: 'maths'}))""")
    page.reload()
    assert all(is_open for _, is_open, _ in page.evaluate(SHOWN))
    store = page.evaluate("""() => { const s = window.inductionStores['ect-lens'];
        return [s.label, s.valid({phase: {id: 'primary', at: '2026-01-01T00:00:00.000Z'}, x: 1}),
                s.merge({phase: {id: 'primary', at: '2026-01-01T00:00:00.000Z'}},
                        {phase: {id: 'secondary', at: '2026-02-01T00:00:00.000Z'},
                         subject: {id: 'maths', at: '2025-01-01T00:00:00.000Z'}})]; }""")
    assert store == [
        "Phase and subject you chose",
        {"phase": {"id": "primary", "at": "2026-01-01T00:00:00.000Z"}},
        {
            "phase": {"id": "secondary", "at": "2026-02-01T00:00:00.000Z"},
            "subject": {"id": "maths", "at": "2025-01-01T00:00:00.000Z"},
        },
    ]
    context.close()


def test_without_javascript_every_example_shows_labelled_with_its_phase_or_subject(browser, site):
    context = _phone(browser, site, javascript=False)
    page = context.new_page()
    page.goto(site + STEP)
    assert page.evaluate(SHOWN) == [
        ["early-years", True, "Early years: In a Reception class"],
        ["primary", True, "Primary: In a Year 4 class"],
        ["secondary", True, "Secondary: In a Year 9 class"],
        ["maths", True, "Mathematics: In a mathematics lesson"],
    ]
    for text in ("Carpet time.", "reading books away in your tray", "planners on the corner", "Mini-whiteboards up"):
        assert page.get_by_text(text, exact=False).first.is_visible()
    assert page.locator(".ect-lens-choice").count() == 0
    context.close()
