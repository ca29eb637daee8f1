"""My programme in a real browser at 390 px, the clock on term days of both cohorts: a role and a
cohort chosen once (docs/javascripts/me.js, "ect-me") leave only that cohort's dates on the home
page, a week page and a printed plan, the others behind a disclosure; "This week" holds the week's
steps, meeting, training and what is still undone (thisweek.js); without a choice, or without
JavaScript, every cohort's dates show as written."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
from browser_support import CHROMIUM, axe_violations, chromium, serve

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)"),
]

ROUTINES = "oakfield/year-1/routines/"
SHOTS = Path(os.environ.get("ECT_SHOTS", "/tmp/shots/mine"))
SEPTEMBER = ("september-2025", "September 2025 start", datetime.datetime(2025, 9, 17, 10))  # launch week
JANUARY = ("january-2026", "January 2026 start", datetime.datetime(2026, 1, 14, 10))


@pytest.fixture(scope="module")
def browser(sample_site):
    with serve(sample_site) as base, chromium() as launched:
        yield base, launched


@pytest.fixture
def page(browser):
    base, launched = browser
    context = launched.new_context(viewport={"width": 390, "height": 900})
    tab = context.new_page()
    tab.base = base
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    assert tab.errors == []
    context.close()


def choose(tab, role: str, cohort: str, day: str = "", time: str = "") -> None:
    """Choose in the form at the top of the page, as a reader does."""
    box = tab.locator(".ect-me__box")
    if not box.evaluate("node => node.open"):
        tab.click(".ect-me__summary")
    tab.get_by_label("I am").select_option(label=role)
    tab.get_by_label("My cohort").select_option(label=cohort)
    if day:
        tab.get_by_label("Our meeting day").select_option(label=day)
    if time:
        tab.get_by_label("Our meeting time (optional)").fill(time)
    tab.get_by_role("button", name="Save").click()
    tab.wait_for_selector("[data-ect-today]")


def open_all(tab, selector: str) -> None:
    tab.locator(selector).evaluate("node => { node.open = true; }")


def shown_dates(tab) -> list[str]:
    """The cohorts of the marked dates a reader sees (hidden ones and those in a closed disclosure are not)."""
    return sorted(
        {
            marker.get_attribute("data-ect-cohort")
            for marker in tab.locator("[data-ect-cohort]").all()
            if marker.is_visible()
        }
    )


def now(tab) -> str:
    tab.wait_for_selector("[data-ect-today]")
    return " ".join(tab.inner_text("[data-ect-thisweek-now]").split())


def visible_now(tab) -> str:
    """What "This week" shows before any disclosure is opened."""
    return " ".join(tab.locator("[data-ect-thisweek-now] > .ect-thisweek__cohort").first.inner_text().split())


@pytest.mark.parametrize("cohort", [SEPTEMBER, JANUARY], ids=["september", "january"])
@pytest.mark.parametrize("role", ["ECT", "Mentor", "Induction tutor"])
def test_choosing_a_cohort_leaves_only_its_dates_on_the_home_page_a_week_page_and_a_printed_plan(page, role, cohort):
    key, title, day = cohort
    other = "january-2026" if key == "september-2025" else "september-2025"
    page.clock.set_fixed_time(day)
    page.goto(page.base)
    assert page.locator(".ect-me__box").evaluate("node => node.open")  # the home page asks until chosen
    assert shown_dates(page) == []  # every cohort's weeks are in the closed "every week" list
    open_all(page, ".ect-thisweek__all")
    assert shown_dates(page) == ["january-2026", "september-2025"]
    choose(page, role, title)
    assert " ".join(page.inner_text(".ect-me__summary").split()) == f"My programme: {role}, {title} (change)"
    open_all(page, ".ect-thisweek__all")
    assert shown_dates(page) == [key]
    assert visible_now(page).startswith(title)
    assert page.locator("[data-ect-thisweek-now] > .ect-me-others").count() == 1  # the others, closed
    assert axe_violations(page) == []
    page.goto(page.base + ROUTINES + "week-2/")
    assert shown_dates(page) == [key]
    page.locator(".ect-me-others > summary").first.click()
    assert other in shown_dates(page)  # nothing lost: behind the disclosure
    page.goto(page.base + ROUTINES + "routines-w4-6-mentor/")
    page.emulate_media(media="print")
    fields = page.locator(".ect-plan-fields")
    assert fields.count() == 3  # one set per meeting of the practice cycle
    on_paper = [" ".join(fields.nth(n).inner_text().split()) for n in range(3)]
    assert all(
        title in text and ("January" if key == "september-2025" else "September") not in text.split("start")[0]
        for text in on_paper
    )
    assert shown_dates(page) == [key]
    page.goto(page.base + ROUTINES + "mentor-pack/")  # the block's plans printed together
    assert page.locator(".ect-plan-fields").count() == 7  # weeks 1, 2, 3, three for 4 to 6, and 7
    assert shown_dates(page) == [key]
    page.emulate_media(media="screen")


def test_without_a_choice_or_without_javascript_every_cohort_is_shown(browser, page):
    page.clock.set_fixed_time(SEPTEMBER[2])
    page.goto(page.base + ROUTINES + "week-2/")
    assert shown_dates(page) == ["january-2026", "september-2025"]
    assert page.locator(".ect-me__box").evaluate("node => node.open") is False  # asked on the home page only
    base, launched = browser
    context = launched.new_context(java_script_enabled=False, viewport={"width": 390, "height": 900})
    tab = context.new_page()
    tab.goto(base + ROUTINES + "week-2/")
    assert shown_dates(tab) == ["january-2026", "september-2025"]
    assert tab.locator(".ect-me").count() == 0
    context.close()


@pytest.mark.parametrize("cohort", [SEPTEMBER, JANUARY], ids=["september", "january"])
def test_the_launch_training_is_in_this_week_on_the_home_panel_the_tutor_panel_and_the_week_page(page, cohort):
    key, title, day = cohort
    launch = (
        f"Training: Wednesday {day.day} {day:%B}, 16:00 to 17:30: Starting well: induction training for "
        "ECTs and mentors. Oakfield Teaching School Hub, Room 2."
    )
    page.clock.set_fixed_time(day)
    page.goto(page.base)
    choose(page, "ECT", title)
    assert launch in visible_now(page)
    page.goto(page.base + "oakfield/for-tutors/")
    assert launch in visible_now(page)
    page.goto(page.base + ROUTINES + "week-2/")
    events = page.locator("#training-and-events-in-this-week + ul > li")
    assert [" ".join(li.inner_text().split())[:60] for li in events.all() if li.is_visible()] == [
        "Starting well: induction training for ECTs and mentors: Wedn"
    ]
    assert f"Wednesday {day.day} {day:%B} {day.year}, 16:00 to 17:30" in page.inner_text(
        "#training-and-events-in-this-week + ul"
    )


def test_the_first_monday_is_week_1_and_before_it_the_panel_says_when_it_starts(page):
    page.clock.set_fixed_time(datetime.datetime(2025, 9, 8, 9))
    page.goto(page.base)
    choose(page, "ECT", "September 2025 start")
    assert visible_now(page).startswith(
        "September 2025 start This week is Week 1: Why routines matter "
        "(Creating a positive learning environment, Year 1, w/c 8 September 2025)"
    )
    page.clock.set_fixed_time(datetime.datetime(2025, 9, 4, 9))
    page.reload()
    assert visible_now(page).startswith(
        "September 2025 start The programme has not started yet: it starts on "
        "Monday 8 September 2025. First week: Week 1: Why routines matter"
    )


def test_this_week_has_the_pairs_meeting_at_their_time_and_what_is_still_undone(page):
    page.clock.set_fixed_time(SEPTEMBER[2])
    page.goto(page.base + ROUTINES + "routines-w1-watch/")
    page.get_by_role("checkbox", name="Mark as done").check()
    page.goto(page.base)
    choose(page, "ECT", "September 2025 start", "Tuesday", "15:30")
    text = visible_now(page)
    assert (
        "ECT self-study: Teaching a routine: explain, model, rehearse, Script your routine and your signals, "
        "Rehearse, then teach the routine (1 hour) Mentor meeting: Tuesday 16 September, 15:30 to 16:15 "
        "(45 minutes): Sharpening instructions and signals"
    ) in text
    assert (
        "Still to do from earlier weeks (not marked as done in this browser): "
        "Week 1: Predictable classrooms and the pupils who need them most Week 1: Map the transitions"
    ) in text
    assert "Why routines give time back" not in text  # done
    assert " ".join(page.inner_text(".ect-me__summary").split()) == (
        "My programme: ECT, September 2025 start, meeting Tuesday 15:30 (change)"
    )


def test_a_tutor_in_a_week_without_a_task_is_told_what_comes_next(page):
    page.clock.set_fixed_time(datetime.datetime(2025, 9, 24, 10))  # week 3: no tutor task, no event
    page.goto(page.base + "oakfield/for-tutors/")
    choose(page, "Induction tutor", "September 2025 start")
    text = visible_now(page)
    assert "This week is Week 3: Instructions under pressure" in text
    assert "Nothing for induction tutors this week. Next: Week 7: The language of high expectations" in text


def test_clear_my_progress_clears_the_choice_and_the_choice_passes_axe(page):
    page.clock.set_fixed_time(JANUARY[2])
    page.goto(page.base)
    assert axe_violations(page) == []  # the open form
    choose(page, "Mentor", "January 2026 start", "Friday", "08:15")
    assert page.evaluate("JSON.parse(localStorage.getItem('ect-me')).cohort") == "january-2026"
    page.goto(page.base + ROUTINES + "week-2/")
    page.locator(".ect-me-others > summary").first.click()
    page.click(".ect-me__summary")
    assert axe_violations(page) == []  # the line opened, a disclosure opened
    page.goto(page.base + "about/progress/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear my progress").click()
    assert page.evaluate("localStorage.getItem('ect-me')") is None
    assert " ".join(page.inner_text(".ect-me__summary").split()) == "My programme: choose your role and cohort"


def test_a_stored_choice_is_read_as_untrusted(page):
    page.goto(page.base)
    page.evaluate("""localStorage.setItem('ect-me', JSON.stringify({role: '<img src=x onerror=alert(1)>',
        programme: 'oakfield', cohort: 'september-2025', name: 'A\\u0000'.repeat(300), day: 9, time: '25:00',
        at: 'yesterday', __proto__: {polluted: 1}}))""")
    page.reload()
    stored = page.evaluate("window.inductionStores['ect-me'].valid(JSON.parse(localStorage.getItem('ect-me')))")
    assert stored == {
        "role": "",
        "programme": "oakfield",
        "cohort": "september-2025",
        "name": "A" * 100,
        "day": None,
        "time": "",
        "at": "",
    }
    assert page.locator(".ect-me img").count() == 0
    merged = page.evaluate("""(() => { var s = window.inductionStores['ect-me'];
        return s.merge(s.valid({role: 'ect', cohort: 'january-2026', programme: 'oakfield',
                                at: '2026-01-01T00:00:00Z'}),
                       s.valid({role: 'mentor', name: 'Sam', programme: 'oakfield', at: '2026-02-01T00:00:00Z'}));
    })()""")
    assert merged == {
        "role": "mentor",
        "programme": "oakfield",
        "cohort": "january-2026",
        "name": "Sam",
        "day": None,
        "time": "",
        "at": "2026-02-01T00:00:00Z",
    }


def test_screenshots_at_390_px(page):
    """The home page with a cohort chosen, and "This week" in the launch training's week, for a person to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 390, "height": 1500})
    page.clock.set_fixed_time(SEPTEMBER[2])
    page.goto(page.base)
    choose(page, "ECT", "September 2025 start", "Tuesday", "15:30")
    page.screenshot(path=str(SHOTS / "home-cohort-chosen.png"))
    page.locator(".ect-thisweek").screenshot(path=str(SHOTS / "this-week-training-week.png"))
    page.goto(page.base + "oakfield/for-tutors/")
    page.locator(".ect-thisweek").screenshot(path=str(SHOTS / "tutor-this-week-training-week.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
