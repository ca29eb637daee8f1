"""Durations (stated, else estimated from words and videos, shared to a week's total) and step kinds from words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from induction.importer.durations import estimate, share, stated, words
from induction.importer.kinds import step_kind


def test_a_page_states_its_length_as_a_plan_or_a_duration_line_never_as_one_phase():
    assert stated("Review 5 mins\n\nPlan 10 mins\n") == 15
    assert stated("Duration: 45 minutes\n") == 45 and stated("**Duration:** 1 hour\n") == 60
    assert stated("Do this first (5 mins).\n") is None


def test_an_estimate_counts_words_at_a_study_pace_and_videos_at_five_minutes():
    body = "word " * 400 + '<iframe src="https://www.youtube.com/embed/x"></iframe> [link](/a/b)'
    assert words(body) == 401 and estimate(body, 2) == 13 and estimate("", 0) == 1


@given(st.integers(0, 600), st.lists(st.integers(0, 200), min_size=1, max_size=12))
def test_shares_add_up_to_the_week_and_follow_the_estimates(total, weights):
    parts = share(total, weights)
    assert len(parts) == len(weights) and min(parts) >= 1
    if total >= len(weights):
        assert sum(parts) == total
        heavier = [(a, b) for a, b in zip(weights, parts, strict=True)]
        assert all(pa <= pb + 1 for wa, pa in heavier for wb, pb in heavier if wa <= wb)


@pytest.mark.parametrize(
    "title, kind",
    [
        ("Research and Practice Summary", "reading"),
        ("Video and module introduction", "video"),
        ("Self-Study Activities", "practice"),
        ("What you’ll learn this week", "introduction"),
        ("Learning outcomes", "introduction"),
        ("Teaching challenge", "practice"),
        ("Ideas for observation", "task"),
        ("Instructions: working with the SENCO", "introduction"),
        ("1a Evidence", "reading"),
        ("Reflect on your learning in this module", "reflection"),
        ("Quiz", "quiz"),
    ],
)
def test_step_kinds_come_from_the_earliest_kind_word_of_the_title(title, kind):
    assert step_kind([title], "") == kind


def test_without_a_kind_word_in_the_title_the_headings_decide_and_else_nothing():
    assert step_kind(["Week 3", ""], "Intro\n\n## Watch the video\n") == "video"
    assert step_kind(["Week 3"], "Nothing here\n") is None


def test_pages_whose_own_lengths_overrun_the_week_share_its_stated_total_and_say_so():
    from induction.importer.conversion import SessionPlan, WeekPlan, _week_minutes
    from induction.importer.corpus import Page
    from induction.importer.report import ProviderReport

    def session(sid: str, body: str) -> SessionPlan:
        return SessionPlan(sid, Page(f"p/{sid}.md", f"/p/{sid}", {}, body, 5), "ect", "reading", sid)

    sessions = [session("a", "Duration: 30 minutes\n"), session("b", "Duration: 20 minutes\n")]
    report = ProviderReport("p")
    _week_minutes(None, "p/year-1-a.md", WeekPlan(1, 1, "", 12), sessions, 40, report)  # type: ignore[arg-type]
    assert [s.minutes for s in sessions] == [24, 16]
    assert [(d.kind, d.file, d.line) for d in report.defects] == [("week-minutes-mismatch", "p/year-1-a.md", 12)]
