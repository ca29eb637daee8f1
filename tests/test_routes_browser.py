"""A block's routes in the browser (docs/javascripts/routes.js) on a phone-sized viewport: answering
the sample's assessment diagnostic chooses a route, kept in localStorage ("ect-route") across a
reload; the week page then shows that route's steps and total, hides the other route's with a note
(shown again on request), and counts only the route's steps; with JavaScript off every route's
steps are on the page, each labelled. The diagnostic passes axe. Screenshots go to SHOTS when set."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path

import pytest
from browser_support import CHROMIUM, axe_violations, chromium, serve

pytestmark = [
    pytest.mark.build,
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)"),
]

BLOCK = "oakfield/year-1/assessment/"
PHONE = {"width": 390, "height": 844}
SHOTS = os.environ.get("SHOTS", "")  # a folder for screenshots (looked at by a person), or none

VISIBLE_STEPS = """() => Array.from(document.querySelectorAll('article ol > li'))
  .filter(li => li.offsetParent !== null && li.querySelector('.ect-step-detail'))
  .map(li => li.querySelector('a').textContent.trim())"""
VISIBLE_TOTALS = """() => Array.from(document.querySelectorAll('article .ect-total'))
  .filter(p => p.offsetParent !== null).map(p => p.textContent.trim())"""


@pytest.fixture(scope="module")
def browser(sample_site):
    with serve(sample_site) as base, chromium() as launched:
        yield base, launched


def shot(tab, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(Path(SHOTS) / name), full_page=True)


def answer(tab, routes: list[str]) -> None:
    """Choose, for question n, the first answer that points to routes[n], then ask for the route."""
    for number, route in enumerate(routes, 1):
        tab.check(f'input[name="ect-question-{number}"][value="{route}"] >> nth=0')
    tab.click("text=Show my route")


def test_the_diagnostic_chooses_the_weeks_steps_and_time_and_survives_a_reload(browser):
    base, launched = browser
    context = launched.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(base + BLOCK + "week-1/")
    assert tab.evaluate(VISIBLE_STEPS) == [
        "Read: every check supports a decision",
        "Plan one check and the decision it supports",
        "Audit a week of checks for understanding",
    ]
    assert tab.evaluate(VISIBLE_TOTALS) == [
        "Total on the Core route: 45 minutes (2 steps)",
        "Total on the Stretch route: 50 minutes (2 steps)",
    ]
    tab.goto(base + BLOCK + "diagnostic/")
    assert tab.locator("fieldset legend").all_text_contents()[0].startswith("1. Before moving on")
    tab.click("text=Show my route")  # nothing answered: told so, and the first question has the focus
    assert tab.text_content("[data-ect-route-result]") == "Answer every question first: 4 not answered yet."
    assert tab.evaluate("document.activeElement.name") == "ect-question-1"
    answer(tab, ["stretch", "stretch", "core", "stretch"])
    result = tab.text_content("[data-ect-route-result]")
    assert result.startswith("Your answers point to the Stretch route. It is kept in this browser (since ")
    assert axe_violations(tab) == []
    shot(tab, "diagnostic-390.png")
    stored = json.loads(tab.evaluate("localStorage.getItem('ect-route')"))
    assert list(stored) == ["oakfield/assessment"]
    assert stored["oakfield/assessment"]["route"] == "stretch"
    assert stored["oakfield/assessment"]["how"] == "diagnostic"

    tab.reload()
    assert tab.text_content("[data-ect-route-result]").startswith("You are on the Stretch route.")
    tab.goto(base + BLOCK + "week-1/")
    assert tab.evaluate(VISIBLE_STEPS) == [
        "Read: every check supports a decision",
        "Audit a week of checks for understanding",
    ]
    assert tab.evaluate(VISIBLE_TOTALS) == ["Total on the Stretch route: 50 minutes (2 steps)"]
    note = tab.text_content(".ect-route-note")
    assert note.startswith("Your route: Stretch (since ") and "1 step of another route is hidden." in note
    assert tab.locator("article li:visible", has_text="Bring your plan").count() == 0  # the core step's ask
    count = tab.text_content(".ect-progress-count")  # the ECT's count: the week's 2 stretch steps
    assert count == "0 of 2 ECT steps done on this device."
    assert axe_violations(tab) == []
    shot(tab, "week-1-stretch-390.png")
    tab.click("text=Show every route")  # hidden, never deleted
    assert len(tab.evaluate(VISIBLE_STEPS)) == 3
    tab.click("text=Show my route only")
    assert len(tab.evaluate(VISIBLE_STEPS)) == 2

    tab.goto(base + BLOCK + "diagnostic/")  # the pair chooses the other route
    tab.check('input[name="ect-route-choice"][value="core"]')
    tab.click("text=Use this route")
    assert tab.text_content("[data-ect-route-chooser] [role=status]").startswith("You chose the Core route.")
    assert tab.text_content("[data-ect-route-result]") == ""
    tab.goto(base + BLOCK + "week-3/")
    assert tab.evaluate(VISIBLE_STEPS) == [
        "Read: feedback that pupils act on",
        "Plan five minutes of whole-class feedback",
        "Reflect: what did the feedback change?",
    ]
    assert tab.evaluate(VISIBLE_TOTALS) == ["Total on the Core route: 50 minutes (3 steps)"]
    tab.goto(base + BLOCK + "week-3/print/")
    titles = tab.evaluate(
        "() => Array.from(document.querySelectorAll('article.ect-week-step'))"
        ".filter(a => a.offsetParent !== null).map(a => a.querySelector('h2').textContent.trim())"
    )
    assert titles == [
        "Read: feedback that pupils act on",
        "Plan five minutes of whole-class feedback",
        "Reflect: what did the feedback change?",
    ]
    context.close()


def test_the_stored_route_is_read_as_untrusted_and_registered_for_the_progress_file(browser):
    base, launched = browser
    context = launched.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(base + BLOCK + "diagnostic/")
    hostile = {
        "oakfield/assessment": {"route": "<img src=x>", "at": "2026-01-01T00:00:00.000Z", "how": "chosen"},
        "__proto__": {"route": "core", "at": "2026-01-01T00:00:00.000Z", "how": "chosen"},
        "oakfield/routines": {"route": "core", "at": "yesterday", "how": "chosen"},
        "oakfield/x": {"route": "core", "at": "2026-01-01T00:00:00.000Z", "how": "chosen"},
    }
    cleaned = tab.evaluate("v => JSON.stringify(window.inductionStores['ect-route'].valid(v))", hostile)
    assert json.loads(cleaned) == {"oakfield/x": {"route": "core", "at": "2026-01-01T00:00:00.000Z", "how": "chosen"}}
    merged = tab.evaluate("""() => { var s = window.inductionStores['ect-route'];
      return JSON.stringify(s.merge(
        {"a/b": {route: "core", at: "2026-01-02T00:00:00.000Z", how: "chosen"}},
        {"a/b": {route: "stretch", at: "2026-01-01T00:00:00.000Z", how: "diagnostic"},
         "a/c": {route: "core", at: "2026-01-01T00:00:00.000Z", how: "chosen"}})); }""")
    assert json.loads(merged) == {
        "a/b": {"route": "core", "at": "2026-01-02T00:00:00.000Z", "how": "chosen"},
        "a/c": {"route": "core", "at": "2026-01-01T00:00:00.000Z", "how": "chosen"},
    }
    assert tab.evaluate("window.inductionStores['ect-route'].label") == "Routes you chose"
    tab.evaluate("v => localStorage.setItem('ect-route', v)", json.dumps(hostile))
    tab.goto(base + BLOCK + "week-1/")
    assert len(tab.evaluate(VISIBLE_STEPS)) == 3  # an invalid route is no route: every step shown
    context.close()


def test_without_javascript_every_route_is_shown_and_labelled(browser):
    base, launched = browser
    context = launched.new_context(viewport=PHONE, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(base + BLOCK + "week-2/")
    assert tab.evaluate(VISIBLE_STEPS) == [
        "Read: questions whose wrong answers tell you something",
        "Write a hinge question with telling wrong answers",
        "Design a three-question diagnostic sequence",
    ]
    assert tab.locator(".ect-step-detail .ect-route-label").all_text_contents() == ["Core route", "Stretch route"]
    assert tab.evaluate(VISIBLE_TOTALS) == [
        "Total on the Core route: 35 minutes (2 steps)",
        "Total on the Stretch route: 45 minutes (2 steps)",
    ]
    tab.goto(base + BLOCK + "diagnostic/")
    assert tab.locator("[data-ect-answer]").count() == 9  # every answer listed, with the route it points to
    assert tab.locator(".ect-diagnostic__points").all_text_contents()[:2] == ["(points to Core)", "(points to Core)"]
    shot(tab, "diagnostic-no-js-390.png")
    context.close()


def test_this_week_lists_the_readers_route_only(browser):
    base, launched = browser
    context = launched.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.clock.set_fixed_time(datetime.datetime(2026, 2, 24, 10))  # week 1 of the assessment block, September 2025
    tab.goto(base + "oakfield/for-ects/")
    tab.wait_for_selector("[data-ect-today]")
    work = " ".join(tab.inner_text("[data-ect-thisweek-now]").split())
    assert (
        "ECT self-study: Read: every check supports a decision, Plan one check and the decision it supports, "
        "Audit a week of checks for understanding (1 hour 15 minutes)"
    ) in work  # no route yet: every step
    tab.evaluate(
        "localStorage.setItem('ect-route', JSON.stringify({'oakfield/assessment': "
        "{route: 'stretch', at: '2026-02-23T09:00:00.000Z', how: 'chosen'}}))"
    )
    tab.reload()
    tab.wait_for_selector("[data-ect-today]")
    work = " ".join(tab.inner_text("[data-ect-thisweek-now]").split())
    assert (
        "ECT self-study: Read: every check supports a decision, Audit a week of checks for understanding (50 minutes)"
    ) in work
    context.close()
