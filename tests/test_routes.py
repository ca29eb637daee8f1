"""Routes through a block and its diagnostic (induction/check/routes.py, induction/render/routes.py): what
is loaded, what the pages publish for every route (labels, a total per route, the diagnostic with
the route each answer points to), what schedule.js and the progress counts carry for routes.js,
and the navigation. The one-problem cases of the checks are in tests/routes_support.py (run by
tests/test_checks.py); the browser's side is tests/test_routes_browser.py."""

from __future__ import annotations

import json

from conftest import SAMPLE
from edits import Append, Edit
from routes_support import BLOCK, ON_STRETCH, QUESTIONS, READ, ROUTED, ROUTES

from induction.check.pipeline import load_and_check
from induction.publish.published import published_files
from induction.render import render_site
from induction.render.nav import build_nav

B = "prog/year-1/b1/"
WEEK_4 = Edit(BLOCK, "- see: b1-w1-read", "- see: b1-w1-watch")  # week 4 revisits a step on every route


def checked_tree(tree, *edits):
    for edit in edits:
        edit.apply(tree)
    checked = load_and_check(str(tree))
    assert checked.ok, checked.report()
    return checked


def pages(checked) -> dict[str, str]:
    return {page.src: page.markdown for page in render_site(checked)}


def test_routes_and_the_diagnostic_are_loaded_with_their_lines(tree):
    checked = checked_tree(tree, ROUTED, ON_STRETCH, WEEK_4)
    block = checked.site.programmes[0].blocks["b1"]
    assert [(r.id, r.label, r.description, r.loc.line) for r in block.routes] == [
        ("core", "Core", "For ECTs building the habit.", 25),
        ("stretch", "Stretch", "For ECTs who are already secure.", 28),
    ]
    diagnostic = block.diagnostic
    assert diagnostic is not None and not diagnostic.checklist and diagnostic.loc.line == 32
    assert [(q.text, [(a.text, a.route, a.loc.line) for a in q.answers]) for q in diagnostic.questions] == [
        (
            "Do you check that every pupil has understood?",
            [("Now and then.", "core", 36), ("In every lesson.", "stretch", 38)],
        )
    ]
    assert checked.site.programmes[0].sessions["b1-w1-read"].routes == ["stretch"]
    assert checked.site.programmes[0].sessions["b1-w1-watch"].routes == []


def test_a_checklist_counts_its_unticked_items_for_the_first_route(tree):
    checklist = "diagnostic:\n  checklist:\n    - item: Checks every pupil's answer.\n      route: stretch\n"
    checked = checked_tree(tree, Append(BLOCK, ROUTES + checklist))  # core is reached by an unticked item
    diagnostic = checked.site.programmes[0].blocks["b1"].diagnostic
    assert diagnostic.checklist and [q.answers[0].route for q in diagnostic.questions] == ["stretch"]
    page = pages(checked)[B + "diagnostic.md"]
    assert "## Checklist for the mentor" in page
    assert (
        '<li data-ect-question="1" data-ect-check="stretch"><span class="ect-diagnostic__question">Checks '
        'every pupil&#x27;s answer.</span> <span class="ect-diagnostic__points">(a tick points to Stretch)'
        "</span></li>"
    ) in page


def test_routes_without_a_diagnostic_are_chosen_by_the_pair(tree):
    checked = checked_tree(tree, Append(BLOCK, ROUTES))
    page = pages(checked)[B + "diagnostic.md"]
    assert "## Questions" not in page and "## Or choose a route together" in page


def test_the_week_labels_route_only_steps_and_gives_a_total_per_route(tree):
    week = pages(checked_tree(tree, ROUTED, ON_STRETCH, WEEK_4))[B + "week-1/index.md"]
    assert (
        '1. [Read about memory](../b1-w1-read.md)  \n   <span class="ect-step-detail">Reading · 20 minutes · '
        '<span class="ect-route-label" data-ect-routes="stretch">Stretch route</span></span>'
    ) in week
    assert (
        '<p class="ect-total" data-ect-routes="core"><strong>Total on the Core route: 15 minutes</strong> '
        '(1 step)</p>\n<p class="ect-total" data-ect-routes="stretch"><strong>Total on the Stretch route: '
        "35 minutes</strong> (2 steps)</p>"
    ) in week
    assert (
        '<div class="ect-route-note" data-ect-route-scope="prog/b1" data-ect-route-ids="core stretch" '
        'data-ect-route-names="Core|Stretch" markdown="1">\n\nThis block has 2 routes: Core and Stretch. Every '
        "step is shown here; a step for one route only is labelled with it. [Find your route](../diagnostic.md)"
    ) in week
    assert 'data-ect-route-keys="prog/b1-w1-read=prog/b1:stretch"' in week  # for the progress count


def test_a_step_says_its_route_and_where_it_is_on_that_route(tree):
    site = pages(checked_tree(tree, ROUTED, ON_STRETCH, WEEK_4))
    assert (
        '<p class="ect-meta">Step 2 of 2 on the Stretch route · Reading · 20 minutes</p>' in site[B + "b1-w1-read.md"]
    )
    assert '<p class="ect-meta">Step 1 of 2 (Core), 1 of 2 (Stretch)' not in site[B + "b1-w1-watch.md"]
    assert '<p class="ect-meta">Step 1 of 1 (Core), 1 of 2 (Stretch) · Video' in site[B + "b1-w1-watch.md"]


def test_a_route_only_page_of_the_block_says_its_route(tree):
    page = pages(checked_tree(tree, ROUTED, Edit(B + "b1-intro.md", "minutes:", "routes: [core]\nminutes:")))[
        B + "b1-intro.md"
    ]
    assert '<p class="ect-meta">Introduction · ' in page and " · Core route only</p>" in page


def test_a_block_without_routes_publishes_as_before(tree):
    site = pages(checked_tree(tree))
    assert B + "diagnostic.md" not in site
    assert "ect-route" not in site[B + "week-1/index.md"] and "data-ect-route" not in site[B + "index.md"]
    assert '<p class="ect-total"><strong>Total: 35 minutes</strong> (2 steps)</p>' in site[B + "week-1/index.md"]


def test_the_diagnostic_page_lists_every_answer_with_its_route(tree):
    site = pages(checked_tree(tree, ROUTED))
    page = site[B + "diagnostic.md"]
    assert page.startswith('---\ntitle: "Where to start: Block one"\n---\n')
    assert "- **Core:** For ECTs building the habit.\n- **Stretch:** For ECTs who are already secure." in page
    assert (
        '<li data-ect-question="1"><p class="ect-diagnostic__question">Do you check that every pupil has '
        'understood?</p><ul><li data-ect-answer="core"><span class="ect-diagnostic__answer">Now and then.</span> '
        '<span class="ect-diagnostic__points">(points to Core)</span></li>'
    ) in page
    assert '<p class="ect-diagnostic__result" data-ect-route-result role="status" aria-live="polite"></p>' in page
    assert "[Start week 1: First week](week-1/index.md) · [Back to the block](index.md)" in page
    assert "[Where to start: Block one](diagnostic.md){ .md-button }" in site[B + "index.md"]


def test_the_diagnostics_text_is_escaped_as_plain_text(tree):
    hostile = QUESTIONS.replace("Now and then.", "'<img src=x onerror=alert(1)> *now*'")
    page = pages(checked_tree(tree, Append(BLOCK, ROUTES + hostile)))[B + "diagnostic.md"]
    assert "&lt;img src=x onerror=alert(1)&gt; *now*" in page and "<img" not in page


def test_the_navigation_puts_the_diagnostic_before_the_weeks(tree):
    checked = checked_tree(tree, ROUTED)
    block = build_nav(checked.site, checked.places)[0]["Test programme"][4]["Year 1"][2]["Block one"]
    assert block[:2] == [B + "index.md", {"Where to start: Block one": B + "diagnostic.md"}]


def test_the_schedule_carries_each_steps_routes_and_its_blocks_scope(tmp_path):
    checked = load_and_check(str(SAMPLE))
    script = published_files(checked)["schedule.js"]
    data = json.loads(script.split("window.ectSchedule = ", 1)[1].rstrip().rstrip(";"))
    week = next(w for w in data["programmes"][0]["cohorts"][0]["weeks"] if w["url"].endswith("assessment/week-1/"))
    assert week["scope"] == "oakfield/assessment"
    assert [(s["id"], s.get("routes")) for s in week["ect"]] == [
        ("assessment-w1-read", None),
        ("assessment-w1-plan", ["core"]),
        ("assessment-w1-audit", ["stretch"]),
    ]


def test_the_sample_has_a_routed_block_with_no_problem():
    checked = load_and_check(str(SAMPLE))
    assert checked.ok, checked.report()
    block = checked.site.programmes[0].blocks["assessment"]
    assert [r.id for r in block.routes] == ["core", "stretch"] and len(block.diagnostic.questions) == 4


def test_a_see_reference_in_its_own_block_keeps_the_steps_routes(tree):
    # b1's week 4 lists b1-w1-read again with see:, and nothing else: on the core route only, stretch has nothing
    Edit(READ, "minutes: 20\n", "minutes: 20\nroutes: [core]\n").apply(tree)
    ROUTED.apply(tree)
    assert [p.format() for p in load_and_check(str(tree)).problems] == [
        "minimal/prog/year-1/b1/block.yaml:19: error [route-without-step] Week 4 of the block 'b1' has no ECT step "
        "for the route 'stretch'. Give one of the week's steps the route (routes: [stretch]), or leave routes: out "
        "of a step so that it is on every route."
    ]
