"""Placement: each session's one home (year, block, week, role) in programme order, and `see:` links."""

from __future__ import annotations

from edits import replace_once

from induction.core.placement import place_programme
from induction.core.problems import Problems
from induction.load.loader import load_site


def place(tree):
    site, _ = load_site(str(tree))
    programme = site.programmes[0]
    problems = Problems(root=str(tree.parent))
    return programme, place_programme(programme, problems), [p.format() for p in problems]


def test_every_session_has_one_home_in_programme_order(tree):
    _, places, problems = place(tree)
    assert problems == []
    assert [
        (p.session.id, p.block.id if p.block else None, p.week.slug if p.week else None, p.role)
        for p in places.in_order()
    ] == [
        ("welcome", None, None, "page"),
        ("b1-intro", "b1", None, "page"),
        ("b1-w1-watch", "b1", "week-1", "ect"),
        ("b1-w1-read", "b1", "week-1", "ect"),
        ("b1-w1-mentor", "b1", "week-1", "mentor"),
        ("b1-w1-tutor", "b1", "week-1", "tutor"),
        ("b1-w2-practise", "b1", "week-2-3", "ect"),
        ("b1-w2-mentor", "b1", "week-2-3", "mentor"),
        ("b1-w4-mentor", "b1", "week-4", "mentor"),
    ]


def test_a_see_entry_points_at_the_home_and_shows_in_its_own_week(tree):
    programme, places, _ = place(tree)
    block = programme.blocks["b1"]
    week4 = block.weeks[2]
    assert [(p.session.id, see) for p, see in places.week_entries(block, week4, "ect")] == [("b1-w1-read", True)]
    [reference] = places.references
    assert (reference.place.week, reference.place.session.id, reference.ref.loc.line) == (week4, "b1-w1-read", 23)
    assert places.homes["b1-w1-read"].week is block.weeks[0]


def test_page_entries_are_the_block_and_year_pages(tree):
    programme, places, _ = place(tree)
    assert [p.session.id for p, _ in places.page_entries(programme.blocks["b1"].pages)] == ["b1-intro"]
    assert [p.session.id for p, _ in places.page_entries(programme.years[0].pages)] == ["welcome"]


def test_a_session_listed_twice_keeps_its_first_home(tree):
    replace_once(tree / "prog/year-1/b1/block.yaml", "      - see: b1-w1-read", "      - b1-w1-read")
    _, places, problems = place(tree)
    assert problems == [
        "minimal/prog/year-1/b1/block.yaml:23: error [listed-twice] The session 'b1-w1-read' is "
        "already listed in b1, week 1. Write 'see: b1-w1-read' here to point at it instead."
    ]
    assert places.homes["b1-w1-read"].week.slug == "week-1"


def test_listed_twice_names_block_and_year_pages(tree):
    replace_once(tree / "prog/year-1/b1/block.yaml", "pages: [b1-intro]", "pages: [b1-intro, welcome]")
    _, _, problems = place(tree)
    assert problems == [
        "minimal/prog/year-1/b1/block.yaml:8: error [listed-twice] The session 'welcome' is already "
        "listed in the pages of year-1. Write 'see: welcome' here to point at it instead."
    ]


def test_an_unknown_id_is_reported_and_remembered(tree):
    replace_once(tree / "prog/year-1/b1/block.yaml", "mentor: [b1-w4-mentor]", "mentor: [b1-w4-mentr]")
    _, places, problems = place(tree)
    assert problems == [
        "minimal/prog/year-1/b1/block.yaml:21: error [unknown-reference] No session has the id "
        "'b1-w4-mentr'. Did you mean 'b1-w4-mentor'?"
    ]
    assert places.missing == ["b1-w4-mentr"]


def test_a_see_whose_home_is_misspelt_says_nothing_more(tree):
    replace_once(tree / "prog/year-1/b1/block.yaml", "ect: [b1-w1-watch, b1-w1-read]", "ect: [b1-w1-watch, b1-w1-reed]")
    _, places, problems = place(tree)
    assert [p.split(" [")[1].split("]")[0] for p in problems] == ["unknown-reference"]
    assert places.references == []


def test_a_see_with_no_home_is_a_see_cycle(tree):
    replace_once(
        tree / "prog/year-1/b1/block.yaml", "    ect: [b1-w2-practise]", "    ect:\n      - see: b1-w2-practise"
    )
    _, _, problems = place(tree)
    assert problems == [
        "minimal/prog/year-1/b1/block.yaml:18: error [see-cycle] 'see: b1-w2-practise' points at a "
        "session that is only ever referred to, never listed. List 'b1-w2-practise' once without "
        "'see:'."
    ]
