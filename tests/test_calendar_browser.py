"""The programme in time in a real browser, with the clock set (page.clock): dates on pages, "this
week" on chosen days, progress kept across reloads over http and file://, 0 axe violations and 0
requests to other hosts in the new page states."""

from __future__ import annotations

import datetime
import os

import pytest
from browser_support import CHROMIUM, axe_violations, chromium, serve

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)"),
]

ROUTINES = "oakfield/year-1/routines/"
STEP = ROUTINES + "routines-w1-watch/"


@pytest.fixture(scope="module")
def browser(sample_site):
    with serve(sample_site) as base, chromium() as launched:
        yield base, launched


@pytest.fixture
def page(browser):
    """A fresh context (empty storage) whose requests are recorded in `page.requests`."""
    base, launched = browser
    context = launched.new_context(viewport={"width": 390, "height": 900})
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.base = base
    yield tab
    context.close()


def this_week(tab, day: datetime.datetime, path: str = "") -> str:
    tab.clock.set_fixed_time(day)
    tab.goto(tab.base + path)
    tab.wait_for_selector("[data-ect-today]")  # thisweek.js marks the panel once it has written it
    return " ".join(tab.inner_text("[data-ect-thisweek-now]").split())


def own_host_only(tab) -> list[str]:
    return [url for url in tab.requests if not url.startswith(tab.base)]


@pytest.mark.parametrize(
    "day, september, january",
    [
        (
            datetime.datetime(2025, 9, 17, 10),
            "This week is Week 2: Teaching a routine explicitly (Creating a positive "
            "learning environment, Year 1, w/c 15 September 2025) ECT self-study:",
            "The programme has not started yet: it starts on Monday 5 January 2026.",
        ),
        (
            datetime.datetime(2025, 10, 29, 10),
            "It is the October half-term (27 October to 31 October 2025): no programme week. Next: Week 1:",
            "The programme has not started yet",
        ),
        (
            datetime.datetime(2025, 8, 20, 10),
            "The programme has not started yet: it starts on Monday 8 September "
            "2025. First week: Week 1: Why routines matter",
            "First week: Week 1: Why routines matter",
        ),
        (
            datetime.datetime(2027, 8, 2, 10),
            "The programme ended on 12 February 2027. Last week: Weeks 5 to 6:",
            "The programme ended on 21 May 2027. Last week: Weeks 5 to 6:",
        ),
        (
            datetime.datetime(2025, 10, 7, 10),
            "This week is Weeks 4 to 6: Embedding routines through a practice cycle "
            "(Creating a positive learning environment, Year 1, w/c 29 September 2025) It is week 2 of 3.",
            "The programme has not started yet",
        ),
        (
            datetime.datetime(2026, 1, 11, 18),
            "This week is Week 1: Modelling",
            "This week is Week 1: Why routines "
            "matter (Creating a positive learning environment, Year 1, w/c 5 January 2026) ECT self-study:",
        ),  # a Sunday
    ],
)
def test_this_week_on_the_home_page_on_chosen_days(page, day, september, january):
    text = this_week(page, day)
    first, second = text.split("January 2026 start")
    assert first.startswith("September 2025 start")
    assert september in first
    assert january in second
    assert own_host_only(page) == []


def test_this_week_links_the_weeks_work_and_passes_axe(page):
    this_week(page, datetime.datetime(2025, 9, 3, 9))
    link = page.locator("[data-ect-thisweek-now] a").first
    assert link.inner_text() == "Week 1: Why routines matter"
    link.click()
    page.wait_for_load_state()
    assert page.url == page.base + ROUTINES + "week-1/"
    this_week(page, datetime.datetime(2025, 9, 3, 9))
    assert axe_violations(page) == []


def test_without_javascript_the_panel_lists_every_week_with_its_dates(browser):
    base, launched = browser
    context = launched.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(base)
    panel = tab.inner_text("[data-ect-thisweek]")
    assert "appears here when JavaScript is on" in panel
    tab.click(".ect-thisweek__all summary")
    rows = tab.locator(".ect-thisweek__all tr")
    assert rows.count() == 2 * (22 + 1)  # both cohorts' weeks, each table with its header row
    assert "w/c 15 September 2025" in tab.inner_text(".ect-thisweek__all")
    context.close()


def test_week_and_plan_pages_show_their_dates(page):
    page.goto(page.base + ROUTINES + "week-4-6/")
    dates = page.inner_text(".ect-dates")
    assert "September 2025 start: 29 September to 17 October 2025" in dates.replace("\u00a0", " ")
    assert "January 2026 start: 26 January to 13 February 2026" in dates.replace("\u00a0", " ")
    page.goto(page.base + ROUTINES + "routines-w1-mentor/")
    page.emulate_media(media="print")
    assert page.locator(".ect-dates").first.is_visible()  # printed plans carry the date
    assert page.locator(".ect-plan-fields .ect-dates").is_visible()  # and each meeting its week
    assert axe_violations(page) == []


def tick_and_check(tab, base: str, suffix: str = "") -> None:
    tab.goto(base + STEP + suffix)
    box = tab.get_by_role("checkbox", name="Mark as done")
    assert not box.is_checked()
    box.check()
    assert tab.get_by_role("status").inner_text() == "Done on Wednesday 17 September 2025."
    tab.reload()
    assert tab.get_by_role("checkbox", name="Mark as done").is_checked()
    tab.goto(base + ROUTINES + "week-1/" + suffix)
    assert tab.locator(".ect-progress-count").first.inner_text() == "1 of 3 ECT steps done on this device."
    tick = tab.locator(".ect-tick").first
    assert tick.locator("xpath=..").inner_text().startswith("Why routines give time back to learning")
    tab.goto(base + ROUTINES + suffix)
    assert tab.locator(".ect-progress-count").first.inner_text() == "1 of 14 ECT steps done on this device."


def test_a_ticked_step_survives_a_reload_and_shows_on_its_week_and_block(page):
    page.clock.set_fixed_time(datetime.datetime(2025, 9, 17, 10))
    tick_and_check(page, page.base)
    page.goto(page.base)
    assert page.inner_text("[data-ect-progress-continue]") == (
        "Continue where you left off: Predictable classrooms and the pupils who need them most"
    )
    assert axe_violations(page) == []
    page.goto(page.base + "about/progress/")
    assert page.locator(".ect-record-done td").all_inner_texts() == [
        "Why routines give time back to learning (Week 1)",
        "Wednesday 17 September 2025",
    ]
    assert axe_violations(page) == []
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear my progress").click()
    assert page.inner_text("[data-ect-progress-record] p") == "Nothing is marked as done in this browser yet."
    assert page.evaluate("Object.keys(localStorage)") == []
    assert own_host_only(page) == []


def test_progress_works_opened_from_disk(browser, sample_site):
    _, launched = browser
    context = launched.new_context()
    tab = context.new_page()
    tab.clock.set_fixed_time(datetime.datetime(2025, 9, 17, 10))
    tick_and_check(tab, sample_site.as_uri() + "/", "index.html")
    tab.goto(sample_site.as_uri() + "/index.html")
    tab.wait_for_selector("[data-ect-today]")
    link = tab.locator("[data-ect-thisweek-now] a").first
    assert link.get_attribute("href").endswith(ROUTINES + "week-2/index.html")
    context.close()


def test_the_checkbox_state_passes_axe_and_asks_no_other_host(page):
    page.goto(page.base + STEP)
    page.get_by_role("checkbox", name="Mark as done").check()
    assert axe_violations(page) == []
    page.goto(page.base + ROUTINES + "week-1/")
    assert axe_violations(page) == []
    assert own_host_only(page) == []
