"""The ECT's week page (induction/render/week.py: render_week and its parts), from the checked
minimal fixture and the sample, without a build. The HTML of its role sections is pinned in
tests/golden/week-roles.html.
"""

from __future__ import annotations

import pytest
from conftest import SAMPLE
from edits import replace_once

from induction.check.pipeline import load_and_check
from induction.render import render_site

WEEK_1 = "prog/year-1/b1/week-1/index.md"


def pages_of(root) -> dict[str, str]:
    checked = load_and_check(str(root))
    assert checked.ok, checked.report()
    return {page.src: page.markdown for page in render_site(checked)}


@pytest.fixture
def week(tree) -> str:
    return pages_of(tree)[WEEK_1]


def test_the_week_says_where_it_sits_with_links_to_its_year_and_block(week):
    assert (
        '<p class="ect-caption ect-week-position" markdown="1">[Year 1](../../index.md)'
        ' <span aria-hidden="true">›</span> Autumn 1 <span aria-hidden="true">›</span> '
        '[Block one](../index.md) <span aria-hidden="true">›</span> Week 1 of 4</p>'
    ) in week


def test_a_week_of_several_weeks_says_so(tree):
    week = pages_of(tree)["prog/year-1/b1/week-2-3/index.md"]
    assert "</span> Weeks 2 to 3 of 4</p>" in week


def test_the_parts_come_in_the_order_an_ect_needs_them(week):
    order = [
        "# Week 1: First week",
        "## Your steps this week",
        "## Take to your mentor meeting",
        "## Mentor session",
        "## Induction tutor",
        '<nav class="ect-pagination"',
    ]
    positions = [week.index(part) for part in order]
    assert positions == sorted(positions)


def test_the_steps_are_in_order_with_minutes_and_a_total(week):
    assert (
        '1. [Watch the introduction](../b1-w1-watch.md)  \n   <span class="ect-step-detail">Video · 15 minutes'
        '</span>\n1. [Read about memory](../b1-w1-read.md)  \n   <span class="ect-step-detail">Reading · '
        "20 minutes</span>"
    ) in week
    assert '<p class="ect-total"><strong>Total: 35 minutes</strong> (2 steps)</p>' in week


def test_the_focus_is_the_weeks_ect_summary(tree):
    replace_once(
        tree / "prog/year-1/b1/block.yaml",
        "    title: First week\n",
        "    title: First week\n    summary:\n      ect: Learn how memory works.\n",
    )
    assert "## This week's focus\n\nLearn how memory works.\n" in pages_of(tree)[WEEK_1]


def test_a_step_that_says_bring_something_fills_take_to_your_mentor_meeting(tree):
    replace_once(
        tree / "prog/year-1/b1/b1-w1-read.md",
        "Read the summary and fill in",
        "Write two questions about the summary. Bring them to your mentor\nmeeting. Then fill in",
    )
    assert (
        '## Take to your mentor meeting\n\n<div class="ect-overview" markdown="1">\n\n- Write two questions '
        "about the summary. Bring them to your mentor meeting. (from [Read about memory](../b1-w1-read.md))\n\n"
        "</div>\n"
    ) in pages_of(tree)[WEEK_1]


def test_without_such_a_sentence_the_ect_takes_notes_and_what_happened_in_class(week):
    assert (
        "## Take to your mentor meeting\n\n- Your notes and questions from this week's steps.\n"
        "- What happened when you tried the week's focus in class.\n"
    ) in week


def test_a_week_without_ect_steps_has_no_steps_and_nothing_to_take(tree):
    replace_once(tree / "prog/year-1/b1/block.yaml", "    ect:\n      - see: b1-w1-read\n", "")
    week = pages_of(tree)["prog/year-1/b1/week-4/index.md"]
    assert "## Your steps this week" not in week
    assert "## Take to your mentor meeting" not in week


def test_previous_and_next_weeks_are_labelled_with_their_titles(tree):
    week = pages_of(tree)["prog/year-1/b1/week-2-3/index.md"]
    assert "Previous week: [Week 1: First week](../week-1/index.md)" in week
    assert "Next week: [Week 4: Mentor-only week](../week-4/index.md)" in week


def test_every_week_of_the_sample_with_a_mentor_meeting_says_what_to_take():
    pages = pages_of(SAMPLE)
    weeks = [markdown for src, markdown in pages.items() if src.endswith("index.md") and "/week-" in src]
    with_meeting = [w for w in weeks if "## Your steps this week" in w and "## Mentor session" in w]
    assert with_meeting and all("## Take to your mentor meeting" in w for w in with_meeting)
    assert sum("(from [" in w for w in weeks) > len(weeks) // 2  # most come from the steps' own words


def test_a_revisit_keeps_its_own_words_and_says_where_the_session_lives(tree):
    week_4 = "prog/year-1/b1/week-4/index.md"
    assert (
        '1. [Read about memory](../b1-w1-read.md)  \n   <span class="ect-step-detail">Reading · 20 minutes · '
        "from Block one, week 1</span>"
    ) in pages_of(tree)[week_4]
    replace_once(
        tree / "prog/year-1/b1/block.yaml",
        "      - see: b1-w1-read\n",
        "      - see: b1-w1-read\n        label: Reread the memory summary before the review\n",
    )
    assert (
        '1. [Reread the memory summary before the review](../b1-w1-read.md)  \n   <span class="ect-step-detail">'
        "Reading · 20 minutes · from Block one, week 1</span>"
    ) in pages_of(tree)[week_4]
