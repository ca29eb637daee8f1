"""The record's data (induction/publish/record_order.py, published as programme-order.js): every piece of
work that can be marked as done, the tutor's checks included, in the programme's order with its
week's number; each cohort's weeks; the site's id and a content version that follows the content;
no text from YAML that could close a script element. And every mentor plan's own page carries the
coaching log, pointing at the plan before it."""

from __future__ import annotations

import json

import pytest
from conftest import SAMPLE, make_tree
from edits import Edit

from induction.check.pipeline import load_and_check
from induction.publish.published import published_files
from induction.publish.record_order import content_version
from induction.render import render_site


def order(checked) -> dict:  # type: ignore[no-untyped-def]
    script = published_files(checked)["programme-order.js"]
    assert script.startswith("/* Generated") and script.endswith(";\n")
    return json.loads(script.split("window.ectOrder = ", 1)[1].rstrip(";\n"))


@pytest.fixture(scope="module")
def sample():
    checked = load_and_check(str(SAMPLE))
    assert checked.ok
    return checked


def test_the_order_lists_every_markable_piece_of_work_in_order_with_its_week(sample):
    data = order(sample)
    assert data["site"]["id"] == "oakfield" and data["site"]["name"] == "Oakfield Early Career Programme"
    items = [i for part in data["programmes"][0]["parts"] for i in part["items"]]
    tutor_checks = [i["key"] for i in items if i["role"] == "tutor" and i["kind"] == "material"]
    assert len(tutor_checks) == 8  # every tutor check can be marked as done
    first = [(i["week"], i["key"]) for i in items[:9]]
    assert first == [(0, "oakfield/year-1-welcome"), (0, "oakfield/year-1-training-1")] + [
        (0, f"oakfield/mentor-training-{n}") for n in range(1, 6)
    ] + [  # the year's own work, then its blocks
        (0, "oakfield/routines-introduction"),
        (0, "oakfield/routines-reflection"),
    ]
    cohorts = data["programmes"][0]["cohorts"]
    assert [c["id"] for c in cohorts] == ["september-2025", "january-2026"]
    assert cohorts[0]["weeks"][0] == {"n": 1, "start": "2025-09-08", "end": "2025-09-12"}


def test_the_content_version_follows_the_content_and_no_title_can_close_the_script(tmp_path):
    tree = make_tree(tmp_path)
    before = content_version(load_and_check(str(tree)).site)
    Edit("prog/year-1/b1/b1-w1-read.md", "title: Read about memory", "title: Read about memory < 2").apply(tree)
    checked = load_and_check(str(tree))
    assert checked.ok, checked.report()
    assert content_version(checked.site) != before and content_version(checked.site).startswith("content-")
    script = published_files(checked)["programme-order.js"]
    assert "<" not in script and "Read about memory \\u003c 2" in script


def test_the_same_content_in_two_places_has_one_version(tmp_path):
    # a laptop's checkout and CI's: a saved file names the version, which must not name the folder
    one, two = make_tree(tmp_path / "a"), make_tree(tmp_path / "elsewhere" / "b")
    assert content_version(load_and_check(str(one)).site) == content_version(load_and_check(str(two)).site)


def test_each_mentor_plan_page_has_the_coaching_log_pointing_at_the_plan_before(sample):
    pages = {page.src: page.markdown for page in render_site(sample)}
    first = pages["oakfield/year-1/routines/routines-w1-mentor.md"]
    second = pages["oakfield/year-1/routines/routines-w2-mentor.md"]
    assert '<div class="ect-coaching" data-ect-coaching="oakfield/routines-w1-mentor">' in first
    assert (
        '<div class="ect-coaching" data-ect-coaching="oakfield/routines-w2-mentor" '
        'data-ect-previous="oakfield/routines-w1-mentor" data-ect-previous-title="Planning and rehearsing the '
        'start of the lesson">'
    ) in second
    assert "ect-coaching" not in pages["oakfield/year-1/routines/mentor-pack.md"]  # the pack keeps its paper fields
    assert 'data-ect-progress="oakfield/routines-w1-tutor"' in pages["oakfield/year-1/routines/routines-w1-tutor.md"]
    assert "oakfield/your-pairs.md" in pages
