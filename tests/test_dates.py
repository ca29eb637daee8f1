"""Dates on pages (induction/render/dates.py): the fixture on a calendar shows its school weeks on
week, block, year, session and programme pages; without a calendar no page changes."""

from __future__ import annotations

from calendar_support import COHORTS, EVENT, SCHOOL
from conftest import SAMPLE, make_tree
from edits import Edit, Write
from test_checks import PROGRAMME

from induction.check.pipeline import load_and_check
from induction.render import render_site


def pages(root) -> dict[str, str]:
    checked = load_and_check(str(root))
    assert checked.ok, checked.report()
    return {page.src: page.markdown for page in render_site(checked)}


def on_calendar(tmp_path, cohorts: str = COHORTS):
    tree = make_tree(tmp_path)
    Write("calendars/school.yaml", SCHOOL).apply(tree)
    Edit(PROGRAMME, "settings:", cohorts + EVENT + "settings:").apply(tree)
    return tree


def test_a_week_page_shows_its_school_week(tmp_path):
    markdown = pages(on_calendar(tmp_path))
    assert (
        '<p class="ect-dates"><strong>School week</strong><br>\n<span class="ect-dates__cohort" '
        'data-ect-programme="prog" data-ect-cohort="sep" data-ect-start="2025-09-08" data-ect-end="2025-09-19">'
        "8\u00a0September to 19\u00a0September\u00a02025"
        "</span></p>\n"
    ) in markdown["prog/year-1/b1/week-2-3/index.md"]  # no break inside a date
    assert "w/c\u00a01\u00a0September\u00a02025</span>" in markdown["prog/year-1/b1/week-1/index.md"]
    # The mentor plan, printed alone, carries its date too.
    assert "w/c\u00a01\u00a0September\u00a02025</span>" in markdown["prog/year-1/b1/b1-w1-mentor.md"]


def test_with_two_cohorts_every_date_names_its_cohort(tmp_path):
    cohorts = COHORTS + "  - id: nov\n    title: November 2025\n    start: 2025-11-03\n"
    week = pages(on_calendar(tmp_path, cohorts))["prog/year-1/b1/week-1/index.md"]
    assert (
        'data-ect-end="2025-09-05">September 2025: w/c 1 September 2025</span><br>\n'
        '<span class="ect-dates__cohort" data-ect-programme="prog" data-ect-cohort="nov" '
        'data-ect-start="2025-11-03" data-ect-end="2025-11-07">November 2025: '
        "w/c 3 November 2025</span></p>"
    ).replace("w/c ", "w/c\u00a0").replace(" 2025<", "\u00a02025<").replace("1 Sep", "1\u00a0Sep").replace(
        "3 Nov", "3\u00a0Nov"
    ) in week


def test_block_year_and_programme_pages_list_the_dates_and_events(tmp_path):
    markdown = pages(on_calendar(tmp_path))
    block = markdown["prog/year-1/b1/index.md"]
    assert (
        "## Dates\n\n| Week | Dates |\n| --- | --- |\n| [Week 1](week-1/index.md) | w/c 1 September 2025 |\n"
        "| [Weeks 2 to 3](week-2-3/index.md) | 8 September to 19 September 2025 |\n"
        "| [Week 4](week-4/index.md) | w/c 22 September 2025 |\n"
    ) in block
    assert (
        "### Training events\n\n- **clinic**: Wednesday 17 September 2025, 16:00 to 17:00 (1 hour). Online. For ECTs.\n"
    ) in block
    assert "| [Block one](b1/index.md) | 1 September to 26 September 2025 |" in markdown["prog/year-1/index.md"]
    programme = markdown["prog/index.md"]
    assert (
        '- <span data-ect-programme="prog" data-ect-cohort="sep">**September 2025**</span>: 1 September to '
        "26 September 2025, on School calendar"
    ) in programme
    assert (
        '- <span data-ect-programme="prog" data-ect-cohort="sep">September 2025</span>\n'
        "    - ECT study, mentor meetings and training: [download](calendars/sep-ect.ics)\n"
        "    - Mentor meetings and training: [download](calendars/sep-mentor.ics)\n"
        "    - Induction tutor sessions and training: [download](calendars/sep-tutor.ics)\n"
    ) in programme
    # Without the site's address there is nothing to subscribe to, and the page says why.
    assert "webcal:" not in programme
    assert (
        "This copy of the site was built without its address (SITE_URL), so its calendars can be downloaded "
        "but not subscribed to; a downloaded file is a copy that stays as it was."
    ) in programme


def test_with_the_site_address_each_calendar_can_be_subscribed_to_beside_its_download(tmp_path):
    checked = load_and_check(str(on_calendar(tmp_path)))
    programme = next(
        p.markdown for p in render_site(checked, site_url="https://www.example.org/ect/") if p.src == "prog/index.md"
    )
    assert (
        "    - ECT study, mentor meetings and training: [download](calendars/sep-ect.ics) · "
        "[subscribe](webcal://www.example.org/ect/prog/calendars/sep-ect.ics)\n"
    ) in programme
    assert programme.count("[subscribe](webcal://www.example.org/ect/prog/calendars/sep-") == 3
    assert "a change to the programme reaches your phone" in programme


def test_without_a_calendar_no_page_has_a_date(tmp_path):
    for markdown in pages(make_tree(tmp_path)).values():
        assert "ect-dates" not in markdown and "## Dates" not in markdown and "Training events" not in markdown


def test_yaml_text_in_dates_is_escaped(tmp_path):
    tree = on_calendar(tmp_path)
    # Markdown that makes an element is refused in a title (markdown-in-plain-text); a lone '*' is text
    Edit(PROGRAMME, "title: September 2025", "title: <b>Sept</b> 2025 *").apply(tree)
    Edit(PROGRAMME, "    place: online\n", "    place: <script>x</script> [room](javascript:1)\n").apply(tree)
    markdown = pages(tree)
    assert "<script>" not in markdown["prog/year-1/b1/index.md"]
    assert "&lt;script&gt;x&lt;/script&gt; \\[room\\](javascript:1)" in markdown["prog/year-1/b1/index.md"]
    assert (
        '<span data-ect-programme="prog" data-ect-cohort="sep">**&lt;b&gt;Sept&lt;/b&gt; 2025 \\***'
        in markdown["prog/index.md"]
    )


def test_the_sample_week_pages_all_show_dates_for_both_cohorts():
    markdown = pages(SAMPLE)
    weeks = [text for src, text in markdown.items() if "/week-" in src and src.endswith("/index.md")]
    assert len(weeks) == 22
    assert all(text.count('class="ect-dates__cohort"') == 2 for text in weeks)


TWO = COHORTS + "  - id: nov\n    title: November 2025\n    start: 2025-11-03\n"


def test_a_plan_met_over_two_weeks_prints_a_set_of_fields_for_each_meeting(tmp_path):
    markdown = pages(on_calendar(tmp_path, TWO))
    plan = markdown["prog/year-1/b1/b1-w2-mentor.md"]
    assert plan.count('<div class="ect-plan-fields ect-print-only"') == 2
    sep, nov = 'data-ect-programme="prog" data-ect-cohort="sep"', 'data-ect-programme="prog" data-ect-cohort="nov"'
    for number, (ours, theirs) in enumerate([("8", "10"), ("15", "17")], 1):
        assert (
            f'<p class="ect-plan-fields__meeting">Meeting {number} of 2</p><p class="ect-dates">'
            f'<span class="ect-dates__cohort" {sep}>September 2025: w/c\u00a0{ours}\u00a0September\u00a02025</span>'
            f'<br>\n<span class="ect-dates__cohort" {nov}>November 2025: w/c\u00a0{theirs}\u00a0November\u00a02025'
            "</span></p><p>ECT</p><p>Mentor</p><p>Date</p>"
        ) in plan
    single = markdown["prog/year-1/b1/b1-w1-mentor.md"]
    assert single.count('<div class="ect-plan-fields ect-print-only"') == 1 and "Meeting 1 of" not in single


def test_a_week_page_lists_the_training_that_falls_in_it(tmp_path):
    markdown = pages(on_calendar(tmp_path))
    assert (
        "## Training and events in this week\n\n- **clinic**: Wednesday 17 September 2025, 16:00 to 17:00 "
        "(1 hour). Online. For ECTs.\n"
    ) in markdown["prog/year-1/b1/week-2-3/index.md"]
    assert "Training and events in this week" not in markdown["prog/year-1/b1/week-1/index.md"]


def test_with_two_cohorts_each_column_and_event_is_marked_with_its_cohort(tmp_path):
    markdown = pages(on_calendar(tmp_path, TWO))
    block = markdown["prog/year-1/b1/index.md"]
    assert (
        '| Week | <span data-ect-programme="prog" data-ect-cohort="sep">September 2025</span> | '
        '<span data-ect-programme="prog" data-ect-cohort="nov">November 2025</span> |'
    ) in block
    assert (
        'For ECTs (<span data-ect-programme="prog" data-ect-cohort="sep">September 2025</span>).'
        in markdown["prog/year-1/b1/week-2-3/index.md"]
    )
    panel = markdown["prog/for-ects.md"] if "prog/for-ects.md" in markdown else markdown["prog/for-ects/index.md"]
    assert '<div class="ect-thisweek__table" data-ect-programme="prog" data-ect-cohort="nov" markdown="1">' in panel
