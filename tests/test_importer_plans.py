"""Timed plans in real mentor materials: phase-and-minutes lines in their many forms; titles from topics."""

from __future__ import annotations

import re

import pytest
from conftest import CORPUS
from hypothesis import given, settings
from hypothesis import strategies as st

from induction.body.headings import headings
from induction.importer.conversion import SessionPlan
from induction.importer.corpus import Page, read_corpus
from induction.importer.plans import PhaseLine, adopt, coached_plan, phase_line, stage, timed_plan
from induction.importer.titles import first_sentence, generic, topic, without_topic


@pytest.mark.parametrize(
    "line, title, minutes",
    [
        ("Review: 5 mins", "Review", 5),
        ("Review 5 mins", "Review", 5),
        ("Review (5 mins)", "Review", 5),
        ("### Theory to Practice 35 mins", "Theory to Practice", 35),
        ("Review and Plan 10 mins", "Review and Plan", 10),
        ("**Next Steps** – 5 minutes", "Next Steps", 5),
        ("Plan/Theory to Practice 30 mins", "Plan/Theory to Practice", 30),
        ("Review & Plan: 10 min", "Review & Plan", 10),
        ("### Reviewing this module (15 minutes)", "Reviewing this module", 15),
        ("- **Plan:** 10 minutes", "Plan", 10),
        ("__Feedback__ (20 mins).", "Feedback", 20),
        ("Next Steps: 5 mins You will have time later.", "Next Steps", 5),
    ],
)
def test_a_phase_line_is_found_in_any_dress(line, title, minutes):
    found = phase_line(line, 3)
    assert found is not None and (found.title, found.minutes, found.line) == (title, minutes, 3)


@pytest.mark.parametrize(
    "line",
    [
        "The ECT has 60 minutes from the self-directed study time to carry out observations.",
        "- take 10 minutes to read recommendations 1 and 2",
        "Observe your mentee for about 20 minutes",
        "Listen to your mentee explain their responses to the challenges for 10 minutes",
        "focus group conversation (15 min lunchtime conversation)",
        "Review: 0 mins",
    ],
)
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
    assert [(p.title, p.minutes) for p in plan.phases] == [
        ("Review", 5),
        ("Plan", 10),
        ("Theory to Practice", 30),
        ("Next Steps", 5),
    ]
    assert plan.total == 50 and plan.shift == 1
    assert [line for line in plan.body.split("\n") if line.startswith("#")] == [
        "### Understanding teachers as role models",
        "#### Learning intentions",
        "## Review",
        "## Plan",
        "## Theory to Practice",
        "## Next Steps",
    ]
    assert "Agree the next steps." in plan.body and "Not a phase: 3 mins" in plan.body
    assert "\n**A detail**\n" in plan.body  # a heading over nothing: its words, in bold


def test_a_stated_total_is_kept_for_comparison_and_one_phase_is_no_plan():
    plan = timed_plan("Duration: 60 minutes\n\nReview 5 mins\n\nPlan 10 mins\n")
    assert plan is not None and (plan.stated, plan.stated_line, plan.total) == (60, 1, 15)
    assert timed_plan("Next Steps 5 mins\n\nSome text.\n") is None
    assert phase_line("Plan 10 mins", 2) == PhaseLine("Plan", 10, 2, 0, "", "Plan 10 mins")


@pytest.mark.parametrize(
    "title",
    [
        "Mentor materials",
        "Induction tutor materials",
        "View mentor materials",
        "Mentor materials week 3",
        "Session overview",
        "Week 4",
        "ECT materials",
    ],
)
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
    assert defects == [
        (
            "plan-total-mismatch",
            1,
            "The page gives 60 minutes but the phases add up to 15 (5 + 10).",
            "used 15 minutes, the sum of the phases",
        )
    ]
    tutor = SessionPlan("t", Page("t.md", "/p/t", {}, body, 5), "tutor", "material", "Topic", 90, body)
    adopt(tutor, lambda *args: defects.append(args))
    assert (tutor.kind, tutor.phases, tutor.minutes, len(defects)) == ("training", [("Review", 5), ("Plan", 10)], 60, 1)


def test_an_agenda_keeps_each_items_own_words_in_its_heading():
    plan = timed_plan("### Welcome (5 minutes)\n\n**Recap** 10 mins\n", keep_words=True)
    assert plan is not None and plan.body == "## Welcome (5 minutes)\n\n\n## **Recap** 10 mins\n\n"


def test_timed_parts_under_timed_headings_are_inside_their_minutes():
    body = (
        "### Resources (20 minutes)\n\n#### Part A: reading (10 minutes)\n\n#### Part B (10 minutes)\n\n"
        "### Reflecting on learning (10 minutes)\n\nNext Steps 5 mins\n"
    )
    plan = timed_plan(body)
    assert plan is not None and [(p.title, p.minutes) for p in plan.phases] == [
        ("Resources", 20),
        ("Reflecting on learning", 10),
    ]
    # the parts head nothing here: bold lines, their words kept (a heading over nothing reads as an empty part)
    assert "**Part A: reading (10 minutes)**" in plan.body and plan.total == 30


# Audited by hand and by a separate regex (a heading or short line ending in minutes): every timed
# mentor page of the three shared providers, each total checked against its timing lines.
PLANS = {"ambition-institute": (0, 12), "education-development-trust": (57, 28), "ucl": (57, 0)}
# Audited by hand and by grep: Ambition's 36 mentor pages are instructional coaching structures, each
# with an "Observe" heading (33: select a development area, three development areas, observe) or a
# "Contracting meeting" one (3: the first week of each module); no other provider's mentor page is.
COACHED = {"ambition-institute": 36, "education-development-trust": 0, "ucl": 0}


@pytest.mark.corpus  # skipped where the corpus is absent (conftest.py)
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
    coached = {
        slug: [
            p
            for p in provider.pages.values()
            if "mentor-materials" in p.slug and not timed_plan(p.body) and coached_plan(p.body)
        ]
        for slug, provider in corpus.providers.items()
    }
    assert {slug: len(found) for slug, found in coached.items()} == COACHED
    audit = re.compile(r"^#+ (?:Observe|Contracting meeting)\s*$", re.M)
    assert all(audit.search(p.body) for found in coached.values() for p in found)
    assert totals["ucl/year-1-enabling-pupil-learning/autumn-week-2-mentor-materials.md"] == 50
    assert (
        totals[
            "education-development-trust/year-2-enhancing-classroom-practice-grouping-and-tailoring/"
            "spring-week-5-mentor-materials.md"
        ]
        == 55
    )  # 5 + 35 (its parts A-C inside) + 15


COACHING = """### Topic of the week

### Select a development area

Consider the development areas below.

### Development area 1: Entry routine

#### Focused development area

- Teacher greets pupils at the door.

```
### Not a heading: inside code
```

### Development area 2: Starter activity

### Observe

Observe your teacher for 15 minutes.
"""


def test_a_coaching_structure_becomes_an_untimed_plan_whose_parts_are_its_sibling_headings():
    structure = coached_plan(COACHING)
    assert structure is not None
    # The empty siblings are no phases: their words stay, in bold, where they were.
    assert structure.phases == ["Select a development area", "Development area 1: Entry routine", "Observe"]
    assert [line for line in structure.body.split("\n") if line.startswith(("#", "**"))] == [
        "**Topic of the week**",
        "## Select a development area",
        "## Development area 1: Entry routine",
        "### Focused development area",
        "### Not a heading: inside code",
        "**Development area 2: Starter activity**",
        "## Observe",
    ]
    assert "```\n### Not a heading: inside code\n```" in structure.body  # code is never re-levelled


def test_a_lone_shallower_heading_is_the_topic_and_never_a_phase():
    structure = coached_plan(
        "## Routines\n\n### Contracting meeting\n\nText.\n\n### Context-specific meeting\n\nMore.\n"
    )
    assert structure is not None and structure.phases == ["Contracting meeting", "Context-specific meeting"]
    assert structure.body.startswith("### Routines\n\n## Contracting meeting\n")


@pytest.mark.parametrize(
    "title",
    [
        "Observe",
        "Select a development area",
        "Set a precise target",
        "Praise",
        "Probe",
        "Practise",
        "Step 2: Practise the target",
        "Stage 1 – Review",
        "Part 3. Plan",
        "Contracting meeting",
        "Follow-up conversation",
        "Before the meeting",
        "After the observation",
        "Next steps",
        "Action steps",
        "**Feedback**",
        "Review and reflect ##",
    ],
)
def test_parts_of_a_coaching_meeting(title):
    assert stage(title.strip("*#").strip())


@pytest.mark.parametrize(
    "title",
    [
        "Learning intentions",
        "Topic introduction",
        "Research and practice summary",
        "Meeting activities",
        "Development area 1: Planning",
        "Why routines matter",
        "Before",
        "Key ideas",
        "Review the evidence on how pupils learn new vocabulary across subjects and phases",
    ],
)
def test_topics_are_not_parts_of_a_meeting(title):
    assert not stage(title)


@pytest.mark.parametrize(
    "body",
    [
        "### Learning intentions\n\n### Topic introduction\n\n### Research and practice summary\n",
        "### Observe\n\nOnly one part named as a stage.\n\n### Why it matters\n",
        "Observe and give feedback, with no headings at all.\n",
        "```\n### Observe\n### Feedback\n```\n",
    ],
)
def test_pages_that_are_not_coaching_structures_stay_as_they_are(body):
    assert coached_plan(body) is None


def test_a_mentor_page_written_as_a_coaching_structure_is_adopted_as_an_untimed_plan():
    body = "### Observe\n\nWatch.\n\n### Feedback\n\nTalk.\n"
    mentor = SessionPlan("m", Page("m.md", "/p/m", {}, body, 5), "mentor", "material", "Topic", 0, body)
    adopt(mentor, lambda *args: pytest.fail(f"no defect expected: {args}"))
    assert (mentor.kind, mentor.phases, mentor.timed) == ("plan", [("Observe", None), ("Feedback", None)], False)
    assert mentor.body == "## Observe\n\nWatch.\n\n## Feedback\n\nTalk.\n"
    tutor = SessionPlan("t", Page("t.md", "/p/t", {}, body, 5), "tutor", "material", "Topic", 30, body)
    adopt(tutor, lambda *args: None)
    assert (tutor.kind, tutor.phases) == ("material", [])  # a tutor page's parts are no mentor plan


_STAGES = st.sampled_from(
    [
        "Observe",
        "Feedback",
        "Praise",
        "Probe",
        "Set a precise target",
        "Model the target",
        "Plan",
        "Practise",
        "Contracting meeting",
        "Before the meeting",
        "Review",
    ]
)
_TOPICS = st.sampled_from(
    [
        "Development area 1: Entry",
        "Why it matters",
        "Key ideas",
        "Focused development area",
        "The evidence",
        "Learning intentions",
    ]
)
_DRESS = st.sampled_from(["{}", "**{}**", "{} ###", "__{}__", "{}:"])


_PART = st.one_of(st.tuples(st.just(True), _STAGES), st.tuples(st.just(False), _TOPICS))


@settings(max_examples=300, deadline=None)
@given(st.integers(2, 4), st.lists(st.tuples(_PART, st.integers(0, 2), _DRESS), min_size=2, max_size=9))
def test_any_coaching_structure_imports_as_a_plan_the_validator_accepts(level, parts):
    """Vary the level of the parts, their dress, the topics among them and the depth below them: the
    plan's phases are exactly the body's ## headings in order (what `plans_add_up` requires), and
    every other heading is ### or deeper."""
    lines = []
    for (_, name), depth, dress in parts:
        lines += ["#" * min(6, level + depth) + " " + dress.format(name), "", "Some text.", ""]
    body = "\n".join(lines)
    structure = coached_plan(body)
    # A topic dressed "Key ideas:" labels a field of the phase before it: it is no part, at any level.
    named = [(is_stage, depth) for (is_stage, _), depth, dress in parts if is_stage or not dress.endswith(":")]
    depths = [depth for _, depth in named]
    shared = [depth for depth in depths if depths.count(depth) >= 2]  # the parts: the shallowest level of two or more
    stages_there = [is_stage for is_stage, depth in named if shared and depth == min(shared)]
    assert (structure is not None) == (sum(stages_there) >= 2)
    if structure is None:
        return
    headed = [(heading.level, heading.text) for heading in headings(structure.body)]
    assert [text for n, text in headed if n == 2] == structure.phases
    assert all(n >= 3 for n, text in headed if n != 2) and len(structure.phases) >= 2
