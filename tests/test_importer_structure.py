"""Structure from the DfE index pages: years, terms, blocks, weeks (ranges, untitled), roles, durations."""

from __future__ import annotations

import pytest

from induction.importer.corpus import Page, split_front_matter
from induction.importer.structure import internal, minutes_in, parse_block_index, parse_provider_index, week_numbers


def page(text: str, url: str = "/p/year-1-b") -> Page:
    meta, body, line = split_front_matter(text)
    return Page(url.lstrip("/") + ".md", url, meta, body, line)


@pytest.mark.parametrize(
    "heading, expected",
    [
        ("Week 1: understanding how pupils learn", (1, 1, "understanding how pupils learn", "")),
        ("Weeks 4, 5 and 6: practice", (4, 6, "practice", "")),
        ("Weeks 4 to 6", (4, 6, "", "")),
        ("Week 3", (3, 3, "", "")),
        ("Weeks 2 and 5: odd", (2, 5, "odd", "the weeks 2, 5 are not a run")),
    ],
)
def test_week_headings(heading, expected):
    assert week_numbers(heading) == expected


def test_headings_that_are_not_weeks():
    assert week_numbers("Module introduction") is None
    assert week_numbers("Weekly reflection") is None


def test_durations():
    assert minutes_in("Duration: 40 minutes.") == 40
    assert minutes_in("- work through the materials below (50 minutes)") == 50
    assert minutes_in("take some time") is None


def test_internal_addresses():
    assert internal("/p/year-1-b/x/") == "/p/year-1-b/x"
    assert internal("https://support-for-early-career-teachers.education.gov.uk/p/x#top") == "/p/x"
    assert internal("https://example.org/p/x") == ""
    assert internal("//cdn.example.org/x") == ""


BLOCK = """---
title: "Year 1: Second half-term: how pupils learn"
heading: "Second half-term: how pupils learn"
---

In this module you'll learn.

## Module introduction

### ECTs

Duration: 10 minutes.

1. [What you will learn](/p/year-1-b/intro-ect-what-you-will-learn)

## Week 1: first

Ambition-style text before any role heading is the ECTs' part.

Duration: 40 minutes.

1. [Video](/p/year-1-b/autumn-week-1-ect-video 'Video week 1')
2. [Reflect](/p/year-1-b/autumn-week-1-ect-reflect)

### Mentors

[View mentor materials](/p/year-1-b/autumn-week-1-mentor-materials)

## Weeks 2, 3 and 4

### Induction tutor

Use the materials below (90 minutes).

- [Training](/p/year-1-a/autumn-week-2-induction-tutor-materials)
"""


def test_a_block_index_gives_half_term_sections_parts_and_links():
    index = parse_block_index(page(BLOCK))
    assert index.half_term == 2
    assert [line for line in index.intro if line] == ["In this module you'll learn."]
    kinds = [(s.kind, s.first, s.last, s.title) for s in index.sections]
    assert kinds == [("intro", 0, 0, ""), ("week", 1, 1, "first"), ("week", 2, 4, "")]
    intro, week1, weeks = index.sections
    assert [(p.role, p.heading, p.minutes) for p in intro.parts] == [("ect", "ECTs", 10)]
    ect, mentor = week1.parts
    assert (ect.role, ect.minutes) == ("ect", 40)
    assert [(link.url, link.text, link.line) for link in ect.links] == [
        ("/p/year-1-b/autumn-week-1-ect-video", "Video", 22),
        ("/p/year-1-b/autumn-week-1-ect-reflect", "Reflect", 23),
    ]
    assert ect.text.startswith("Ambition-style text")
    assert mentor.links[0].text == ""  # a "View ..." link keeps its words in the prose
    assert "[View mentor materials]" in mentor.text
    [tutor] = weeks.parts
    assert (tutor.role, tutor.minutes, tutor.links[0].url) == (
        "tutor",
        90,
        "/p/year-1-a/autumn-week-2-induction-tutor-materials",
    )


PROVIDER = """---
title: "Provider"
---

## How the programme works

[Handbook (PDF)](https://example.org/handbook.pdf)

## Year 1: Autumn term

### [Behaviour](/p/year-1-behaviour)

In this module you'll cover behaviour.

## Year 2

### ECTs

Use the Year 1 materials again.

### Induction tutors

- [Training session 7 - Pupil wellbeing](/p/year-2-autumn-training-session-7)
"""


def test_a_provider_index_gives_years_terms_blocks_and_year_pages():
    index = parse_provider_index(page(PROVIDER, "/p"))
    assert "## How the programme works" in index.intro
    year1, year2 = index.years[1], index.years[2]
    assert [(b.url, b.title) for b in year1.blocks] == [("/p/year-1-behaviour", "Behaviour")]
    assert year1.terms == {"/p/year-1-behaviour": "autumn"}
    assert "In this module you'll cover behaviour." in year1.blocks[0].description
    ect, tutor = year2.parts
    assert (ect.role, ect.text) == ("ect", "Use the Year 1 materials again.")
    assert [(link.url, link.text) for link in tutor.links] == [
        ("/p/year-2-autumn-training-session-7", "Training session 7 - Pupil wellbeing")
    ]
