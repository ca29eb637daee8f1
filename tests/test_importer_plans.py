"""Timed plans in real mentor materials: phase-and-minutes lines in their many forms; titles from topics."""
from __future__ import annotations

import pytest
from conftest import SHARED

from induction.importer.conversion import SessionPlan
from induction.importer.corpus import Page, read_corpus
from induction.importer.plans import PhaseLine, adopt, phase_line, timed_plan
from induction.importer.titles import first_sentence, generic, topic, without_topic


@pytest.mark.parametrize("line, title, minutes", [
    ("Review: 5 mins", "Review", 5), ("Review 5 mins", "Review", 5), ("Review (5 mins)", "Review", 5),
    ("### Theory to Practice 35 mins", "Theory to Practice", 35), ("Review and Plan 10 mins", "Review and Plan", 10),
    ("**Next Steps** – 5 minutes", "Next Steps", 5), ("Plan/Theory to Practice 30 mins", "Plan/Theory to Practice", 30),
    ("Review & Plan: 10 min", "Review & Plan", 10),
    ("### Reviewing this module (15 minutes)", "Reviewing this module", 15),
    ("- **Plan:** 10 minutes", "Plan", 10), ("__Feedback__ (20 mins).", "Feedback", 20),
    ("Next Steps: 5 mins You will have time later.", "Next Steps", 5),
])
def test_a_phase_line_is_found_in_any_dress(line, title, minutes):
    found = phase_line(line, 3)
    assert found is not None and (found.title, found.minutes, found.line) == (title, minutes, 3)


@pytest.mark.parametrize("line", [
    "The ECT has 60 minutes from the self-directed study time to carry out observations.",
    "- take 10 minutes to read recommendations 1 and 2", "Observe your mentee for about 20 minutes",
    "Listen to your mentee explain their responses to the challenges for 10 minutes",
    "focus group conversation (15 min lunchtime conversation)", "Review: 0 mins",
])
def test_sentences_that_mention_minutes_are_not_phases(line):
    assert phase_line(line) is None


BODY = """## Understanding teachers as role models

### Learning intentions

Your ECT will learn that:

Review: 5 mins

1. Start this session.

#### A detail

Plan 10 mins

```
Not a phase: 3 mins
```

### Theory to Practice 30 mins

Next Steps: 5 mins Agree the next steps.
"""


def test_a_page_with_timed_phases_becomes_a_plan_with_only_phases_at_level_two():
    plan = timed_plan(BODY)
    assert plan is not None
    assert [(p.title, p.minutes) for p in plan.phases] == [("Review", 5), ("Plan", 10), ("Theory to Practice", 30),
                                                           ("Next Steps", 5)]
    assert plan.total == 50 and plan.shift == 1
    assert [line for line in plan.body.split("\n") if line.startswith("#")] == [
        "### Understanding teachers as role models", "#### Learning intentions", "## Review", "##### A detail",
        "## Plan", "## Theory to Practice", "## Next Steps"]
    assert "Agree the next steps." in plan.body and "Not a phase: 3 mins" in plan.body


def test_a_stated_total_is_kept_for_comparison_and_one_phase_is_no_plan():
    plan = timed_plan("Duration: 60 minutes\n\nReview 5 mins\n\nPlan 10 mins\n")
    assert plan is not None and (plan.stated, plan.stated_line, plan.total) == (60, 1, 15)
    assert timed_plan("Next Steps 5 mins\n\nSome text.\n") is None
    assert phase_line("Plan 10 mins", 2) == PhaseLine("Plan", 10, 2, 0, "", "Plan 10 mins")


@pytest.mark.parametrize("title", ["Mentor materials", "Induction tutor materials", "View mentor materials",
                                   "Mentor materials week 3", "Session overview", "Week 4", "ECT materials"])
def test_generic_titles(title):
    assert generic(title)


def test_a_topic_heading_replaces_a_generic_title_and_weeks_take_a_short_first_sentence():
    assert not generic("Understanding teachers as role models")
    body = "\n## Understanding *teachers* as role models\n\n### Learning\n"
    assert topic(body) == "Understanding teachers as role models"
    assert topic("## Mentor materials\n") == "" and topic("No heading\n") == ""
    week = ["**Mentors**", "There are no activities this week. More."]
    assert first_sentence(week) == "There are no activities this week"
    assert first_sentence(["In this long week you will read about a great many things that matter a lot."]) == ""


def test_the_topic_heading_that_became_the_title_leaves_the_body():
    assert without_topic("\n### Role models\n\nText\n", "Role models") == "\nText\n"
    assert without_topic("Intro\n\n## Role models\n", "Role models") == "Intro\n\n## Role models\n"
    assert without_topic("## Other\n", "Role models") == "## Other\n"


def test_adopting_a_plan_sets_kind_phases_and_minutes_and_reports_a_stated_total_that_disagrees():
    body = "Duration: 60 minutes\n\nReview 5 mins\n\nPlan 10 mins\n"
    defects: list[tuple] = []
    mentor = SessionPlan("m", Page("m.md", "/p/m", {}, body, 5), "mentor", "material", "Topic", 60, body)
    adopt(mentor, lambda *args: defects.append(args))
    assert (mentor.kind, mentor.phases, mentor.minutes) == ("plan", [("Review", 5), ("Plan", 10)], 15)
    assert defects == [("plan-total-mismatch", 1, "The page gives 60 minutes but the phases add up to 15 (5 + 10).",
                        "used 15 minutes, the sum of the phases")]
    tutor = SessionPlan("t", Page("t.md", "/p/t", {}, body, 5), "tutor", "material", "Topic", 90, body)
    adopt(tutor, lambda *args: defects.append(args))
    assert (tutor.kind, tutor.phases, tutor.minutes, len(defects)) == ("training", [("Review", 5), ("Plan", 10)], 60, 1)


def test_an_agenda_keeps_each_items_own_words_in_its_heading():
    plan = timed_plan("### Welcome (5 minutes)\n\n**Recap** 10 mins\n", keep_words=True)
    assert plan is not None and plan.body == "## Welcome (5 minutes)\n\n\n## **Recap** 10 mins\n\n"


def test_timed_parts_under_timed_headings_are_inside_their_minutes():
    body = "### Resources (20 minutes)\n\n#### Part A: reading (10 minutes)\n\n#### Part B (10 minutes)\n\n" \
           "### Reflecting on learning (10 minutes)\n\nNext Steps 5 mins\n"
    plan = timed_plan(body)
    assert plan is not None and [(p.title, p.minutes) for p in plan.phases] == [("Resources", 20),
                                                                                ("Reflecting on learning", 10)]
    assert "### Part A: reading (10 minutes)" in plan.body and plan.total == 30


CORPUS = SHARED / "corpus" / "dfe-support-for-ects" / "content"
# Audited by hand and by a separate regex (a heading or short line ending in minutes): every timed
# mentor page of the three shared providers, each total checked against its timing lines.
PLANS = {"ambition-institute": (0, 12), "education-development-trust": (57, 28), "ucl": (57, 0)}


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared DfE corpus is not at {CORPUS}")
def test_the_shared_providers_timed_plans_and_agendas():
    corpus = read_corpus(str(CORPUS))
    counts, totals = {}, {}
    for slug, provider in corpus.providers.items():
        pages = provider.pages.values()
        mentor = [p for p in pages if "mentor-materials" in p.slug and timed_plan(p.body)]
        tutor = [p for p in pages if ("tutor" in p.slug or "training" in p.slug) and timed_plan(p.body)]
        counts[slug] = (len(mentor), len(tutor))
        totals.update({p.path: timed_plan(p.body).total for p in mentor})  # type: ignore[union-attr]
    assert counts == PLANS
    assert totals["ucl/year-1-enabling-pupil-learning/autumn-week-2-mentor-materials.md"] == 50
    assert totals["education-development-trust/year-2-enhancing-classroom-practice-grouping-and-tailoring/"
                  "spring-week-5-mentor-materials.md"] == 55  # 5 + 35 (its parts A-C inside) + 15
