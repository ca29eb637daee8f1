"""Sequence: one previous/next chain per role over the whole sample, followed link by link in the
rendered pages, and a way back to the week from every step and plan."""

from __future__ import annotations

import posixpath
import re

import pytest
from conftest import SAMPLE

from induction.check.pipeline import load_and_check
from induction.core import urls
from induction.core.formats import ROLES
from induction.core.placement import TRAINING
from induction.render import render_site
from induction.render.nav import build_nav
from induction.render.sequence import role_sequence

_LINK = re.compile(r"(Previous|Next): \[[^\]]*\]\(([^)]+)\) <span class=\"ect-pagination__where\">")


@pytest.fixture(scope="module")
def sample():
    checked = load_and_check(str(SAMPLE))
    assert checked.ok
    return checked, {page.src: page.markdown for page in render_site(checked)}


def neighbours(markdown: str, src: str) -> dict[str, str]:
    return {
        word: posixpath.normpath(posixpath.join(posixpath.dirname(src), link)) for word, link in _LINK.findall(markdown)
    }


@pytest.mark.parametrize("role", [*ROLES, TRAINING])
def test_each_role_has_one_chain_through_all_its_pages_in_programme_order(sample, role):
    """The mentors' own training is a chain of its own, apart from the mentor's meeting plans."""
    checked, pages = sample
    places = checked.places["oakfield"]
    own = {
        urls.session(p)
        for p in places.in_order()
        if (p.role == TRAINING if role == TRAINING else p.session.role == role and p.role != TRAINING)
    }
    assert own
    start = [src for src in own if "Previous" not in neighbours(pages[src], src)]
    assert len(start) == 1, start  # one chain, not several
    seen, src = [], start[0]
    while src:
        seen.append(src)
        links = neighbours(pages[src], src)
        if "Next" in links:
            assert neighbours(pages[links["Next"]], links["Next"])["Previous"] == src  # it links back
        src = links.get("Next", "")
    assert sorted(seen) == sorted(own) and len(seen) == len(set(seen))  # every page once


def test_block_pages_stand_in_their_place_introduction_first_reflection_last(sample):
    checked, _ = sample
    sequence = [p.session.id for p in role_sequence(checked.places["oakfield"], "ect")]
    routines = [s for s in sequence if s.startswith("routines")]
    assert routines[0] == "routines-introduction" and routines[-1] == "routines-reflection"


def test_every_step_and_plan_links_back_to_its_week(sample):
    checked, pages = sample
    for place in checked.places["oakfield"].in_order():
        if place.week is None:
            continue
        src = f"oakfield/{place.year.id}/{place.block.id}/{place.session.id}.md"
        assert (f'<p class="ect-back" markdown="1">[Back to {place.week.label}: ') in pages[src], src
        assert f"]({place.week.slug}/index.md)</p>" in pages[src]


def test_a_next_link_says_the_neighbours_week(sample):
    _, pages = sample
    page = pages["oakfield/year-1/routines/routines-w1-mentor.md"]
    assert (
        "Next: [Sharpening instructions and signals](routines-w2-mentor.md) "
        '<span class="ect-pagination__where">(Week 2)</span>'
    ) in page


def test_a_mentor_only_week_speaks_to_the_ect_once_in_their_terms(sample):
    _, pages = sample
    week = pages["oakfield/year-1/routines/week-3/index.md"]
    assert (
        "## This week's focus\n\nYou have no self-study steps this week. Your mentor meeting goes ahead: "
        "the *Mentor session* below says what it covers.\n"
    ) in week
    assert week.count("Your ECT has no self-study") <= 1


def test_each_role_has_a_starting_page_linked_from_home_and_nav(sample):
    checked, pages = sample
    home = pages["index.md"]
    for name in ("for-ects", "for-mentors", "for-tutors"):
        assert f"](oakfield/{name}.md)" in home
    programme_nav = build_nav(checked.site, checked.places)[0]["Oakfield Early Career Programme"]
    # The mentors' section holds their starting page and their own training strand.
    training = ["oakfield/mentor-training/index.md"] + [
        {p.session.title: f"oakfield/mentor-training/{p.session.id}.md"} for p in checked.places["oakfield"].training()
    ]
    assert programme_nav[1:4] == [
        {"For ECTs": "oakfield/for-ects.md"},
        {"For mentors": [{"For mentors": "oakfield/for-mentors.md"}, {"Mentor training": training}]},
        {
            "For induction tutors": [
                {"For induction tutors": "oakfield/for-tutors.md"},
                {"Your pairs": "oakfield/your-pairs.md"},
            ]
        },
    ]
    assert len(training) == 6


def test_the_mentor_page_lists_every_plan_in_order_with_each_blocks_pack(sample):
    checked, pages = sample
    page = pages["oakfield/for-mentors.md"]
    plans = [p for p in role_sequence(checked.places["oakfield"], "mentor") if p.session.kind == "plan"]
    positions = [page.index(f"({p.year.id}/{p.block.id}/{p.session.id}.md)") for p in plans]
    assert positions == sorted(positions) and len(plans) == 23  # the assessment block added 3
    assert page.count("mentor-pack.md)") == 6


def test_the_tutor_page_says_what_to_check_when_and_lists_the_training(sample):
    _, pages = sample
    page = pages["oakfield/for-tutors.md"]
    # Each week's tutor summary is Markdown, under the week and its task (render/summaries.py).
    # ... and its dates, cohort by cohort (render/dates.py), between the two.
    week_1 = page.index(
        "- Week 1 ([Week 1 check: getting every pair started](year-1/routines/routines-w1-tutor.md)) · "
    )
    assert page.index("w/c 8 September 2025 (September 2025 start)", week_1) < page.index(
        "\n\n    Check every pair has met and knows how behaviour support works in school.", week_1
    )
    assert "[Year 1 induction tutor training](year-1/year-1-training-1.md)" in page or "year-1-training-1.md" in page


def test_training_sessions_are_not_listed_as_year_pages(sample):
    _, pages = sample
    year = pages["oakfield/year-1/index.md"]
    assert year.index("## Training sessions") > year.index("## Year pages")
    assert "year-1-training-1.md" in year[year.index("## Training sessions") :]
    assert "year-1-training-1.md" not in year[: year.index("## Training sessions")]
