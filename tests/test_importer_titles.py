"""Titles name their topic: a step name many pages share ("Video") is joined by its week's topic,
weeks of one title in several blocks say their block, and a week title never repeats its number.
Tested as rules, over titles varied in case, spacing, punctuation, order and numbering."""

from __future__ import annotations

import random

import pytest
from conftest import FRAMEWORK
from hypothesis import given, settings
from hypothesis import strategies as st
from test_importer_pipeline import source_tree

from induction.core.model import Loc, Week
from induction.importer import titles
from induction.importer.pipeline import run_import
from scripts import import_dfe

STEPS = ["Video", "Theory", "Instructions", "Research and practice summary", "Reflect"]
# Step names no provider has used: the count decides, not a list.
UNSEEN = ["Warm-up", "Ponder this", "Try it out", "Deep dive", "Check your understanding"]


def dress(name: str, rng: random.Random) -> str:
    """A step name as a provider might write it: its case, spacing and a trailing mark varied."""
    case = rng.choice([str, str.lower, str.upper, str.title])
    spaced = rng.choice([" ", "  ", "\u00a0"]).join(case(name).split())
    return rng.choice(["", " ", "  "]) + spaced + rng.choice(["", ".", ":", " "])


@settings(max_examples=60, deadline=None)
@given(st.randoms(use_true_random=False), st.integers(3, 6), st.sampled_from(STEPS + UNSEEN))
def test_a_title_shared_by_several_pages_is_joined_by_its_topic_whatever_its_dress(rng, weeks, step):
    pages = {f"s{n}": dress(step, rng) for n in range(weeks)}
    pages["own"] = "Planning a sequence of lessons"
    topics = [f"topic {n} {rng.choice(['memory', 'routines', 'feedback'])}" for n in range(weeks)]
    places = {f"s{n}": [topics[n], f"Block, week {n + 1}"] for n in range(weeks)}
    order = list(pages.items())
    rng.shuffle(order)
    named = titles.named(dict(order), places)
    assert sorted(named) == [f"s{n}" for n in range(weeks)]  # the page with its own title is left alone
    shown = list(named.values()) + ["Planning a sequence of lessons"]
    assert len({titles.key(t) for t in shown}) == len(shown)  # no two pages share a title
    for sid, title in named.items():
        step_name = " ".join(pages[sid].split()).rstrip(" .:;,")
        assert title.startswith(step_name + ": ")  # the step name as written, then its topic
        assert any(titles.key(place) in titles.key(title) for place in places[sid])


def test_a_known_step_name_two_pages_share_is_a_step_name_an_unknown_one_needs_three():
    assert titles.shared(["Video", "video."]) == {"video"}
    assert titles.shared(["Ponder", "PONDER"]) == set()
    assert titles.shared(["Ponder", "PONDER", " ponder: "]) == {"ponder"}
    assert titles.shared(["Self-study activities", "SELF STUDY  activities."]) == {"self study activities"}


def test_pages_no_place_tells_apart_are_numbered_and_a_place_that_is_a_step_name_is_skipped():
    named = titles.named(
        {"a": "Video", "b": "Video", "c": "Video", "d": "Reflect", "e": "Reflect", "f": "Reflect"},
        {"a": ["Reflect", "Memory"], "b": ["Memory"], "c": ["Memory"], "d": ["Memory"], "e": ["Routines"]},
    )
    assert named == {
        "a": "Video: Memory",
        "b": "Video: Memory (2)",
        "c": "Video: Memory (3)",
        "d": "Reflect: Memory",
        "e": "Reflect: Routines",
        "f": "Reflect",
    }


@pytest.mark.parametrize(
    "step, topic, expected",
    [
        ("Module audit", "module audit (Reading)", "Module audit (Reading)"),
        ("Video.", "working  memory", "Video: working memory"),
        ("Instructions", "week 3", "Instructions: week 3"),
    ],
)
def test_a_topic_that_starts_with_the_step_name_says_it_once(step, topic, expected):
    assert titles.joined(step, topic) == expected


def test_weeks_of_one_title_in_several_blocks_say_their_block():
    told = titles.told_apart(
        {
            "a/0": ("1-1 Module audit", ["Reading"]),
            "b/0": ("1-1 module audit.", ["Writing"]),
            "c/0": ("1-1 Module audit", ["Writing"]),
            "d/0": ("2-2 Module audit", ["Reading"]),
        }
    )
    assert told == {"a/0": " (Reading)", "b/0": " (Writing)", "c/0": " (Writing) (2)"}


@pytest.mark.parametrize(
    "first, last, title, heading",
    [
        (3, 3, "Week 3", "Week 3"),
        (3, 3, "week 3.", "Week 3"),
        (3, 3, "WEEK  3:", "Week 3"),
        (3, 3, "", "Week 3"),
        (4, 6, "Week 4", "Weeks 4 to 6"),
        (4, 6, "Weeks 4-6", "Weeks 4 to 6"),
        (4, 6, "Weeks 4, 5 and 6", "Weeks 4 to 6"),
        (4, 6, "weeks 4 – 6", "Weeks 4 to 6"),
        (3, 3, "Week 5", "Week 3: Week 5"),
        (3, 3, "Routines", "Week 3: Routines"),
        (3, 3, "Week 3 routines", "Week 3: Week 3 routines"),
        (4, 6, "Practice", "Weeks 4 to 6: Practice"),
    ],
)
def test_a_week_title_never_repeats_its_number_and_a_range_keeps_every_number(first, last, title, heading):
    assert Week(first, last, title, {}, {}, Loc("b.yaml", 1)).heading == heading


def provider(rng: random.Random, blocks: int, weeks: int) -> dict[str, str]:
    """A provider whose blocks' weeks each list the same steps, dressed differently, in shuffled order;
    two blocks share week titles, one week is untitled and one is a range."""
    pages = {
        "p.md": '---\ntitle: "Provider P"\n---\n\n## Year 1: Autumn term\n\n'
        + "".join(f"### [Block {b}](/p/year-1-b{b})\n\nBlock {b}.\n\n" for b in range(blocks))
    }
    steps = rng.sample(STEPS + UNSEEN, 3)
    for b in range(blocks):
        index = [f'---\ntitle: "Block {b}"\n---\n']
        for w in range(1, weeks + 1):
            heading = f"## Week {w}" if w == 2 else f"## Week {w}: {'shared topic' if w == 1 else f'topic {b} {w}'}"
            index.append(f"{heading}\n\n### ECTs\n")
            order = list(enumerate(steps))
            rng.shuffle(order)
            for n, step in order:
                url = f"/p/year-1-b{b}/autumn-week-{w}-ect-step-{n}"
                index.append(f"1. [{step}]({url})")
                pages[f"p/year-1-b{b}/autumn-week-{w}-ect-step-{n}.md"] = (
                    f'---\ntitle: "{dress(step, rng).strip()}"\n---\n\nText of step {n} in week {w}.\n'
                )
            index.append("")
        index.append(f"## Weeks {weeks + 1}, {weeks + 2} and {weeks + 3}: practice\n\n### ECTs\n\nPractise.\n")
        pages[f"p/year-1-b{b}.md"] = "\n".join(index)
    return pages


@pytest.mark.build
@pytest.mark.parametrize("seed", [1, 7])
def test_an_imported_provider_built_shows_no_title_three_pages_share(tmp_path, seed):
    rng = random.Random(seed)
    source, dest = source_tree(tmp_path / "source", provider(rng, 2, 3)), tmp_path / "dest"
    reports = run_import(str(source), str(dest), str(FRAMEWORK), build=import_dfe.build)
    assert reports.written, [p.format() for p in reports.problems]
    assert "shared-title" not in reports[0].reading
    steps = [d for d in reports[0].defects if d.kind == "step-title"]
    assert len(steps) == 2 * 3 * 3  # every step of every week
    assert all(d.action.startswith("titled it '") for d in steps)
    shown = [d.action for d in steps]
    assert len(set(shown)) == len(shown)
    block = (dest / "p" / "year-1" / "b0" / "block.yaml").read_text(encoding="utf-8")
    assert "title: Shared topic (Block 0)" in block or "title: shared topic (Block 0)" in block
