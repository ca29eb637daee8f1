"""Curriculum: curriculum.json, the machine-readable copy of the model, from the minimal fixture."""

from __future__ import annotations

import json

import pytest

from induction.check.pipeline import load_and_check
from induction.render.curriculum import SCHEMA_VERSION, curriculum, curriculum_json


@pytest.fixture
def data(tree):
    checked = load_and_check(str(tree))
    assert checked.ok, checked.report()
    return curriculum(checked)


def test_the_header_names_schema_site_and_framework(data):
    assert data["schema"] == SCHEMA_VERSION == 1
    assert data["site"] == {"title": "Test site"}
    [framework] = data["frameworks"]
    assert (framework["id"], framework["url"]) == ("ecf-2019", "frameworks/ecf-2019/")


def test_programmes_hold_years_blocks_and_weeks_with_their_addresses(data):
    [programme] = data["programmes"]
    assert (programme["id"], programme["framework"], programme["url"]) == ("prog", "ecf-2019", "prog/")
    [year] = programme["years"]
    assert (year["id"], year["url"], year["pages"]) == ("year-1", "prog/year-1/", ["welcome"])
    [block] = year["blocks"]
    assert (block["id"], block["term"], block["half_term"], block["pages"]) == ("b1", "autumn", 1, ["b1-intro"])
    assert [(w["slug"], w["first"], w["last"], w["url"]) for w in block["weeks"]] == [
        ("week-1", 1, 1, "prog/year-1/b1/week-1/"),
        ("week-2-3", 2, 3, "prog/year-1/b1/week-2-3/"),
        ("week-4", 4, 4, "prog/year-1/b1/week-4/"),
    ]
    assert block["weeks"][0]["sessions"] == {
        "ect": ["b1-w1-watch", "b1-w1-read"],
        "mentor": ["b1-w1-mentor"],
        "tutor": ["b1-w1-tutor"],
    }
    assert block["weeks"][2]["sessions"] == {"mentor": ["b1-w4-mentor"], "ect": ["b1-w1-read"]}


def test_sessions_are_listed_once_in_programme_order_with_where_they_live(data):
    assert [s["id"] for s in data["sessions"]] == [
        "welcome",
        "b1-intro",
        "b1-w1-watch",
        "b1-w1-read",
        "b1-w1-mentor",
        "b1-w1-tutor",
        "b1-w2-practise",
        "b1-w2-mentor",
        "b1-w4-mentor",
    ]
    plan = next(s for s in data["sessions"] if s["id"] == "b1-w1-mentor")
    assert plan == {
        "id": "b1-w1-mentor",
        "programme": "prog",
        "title": "Planning for prior knowledge",
        "role": "mentor",
        "kind": "plan",
        "url": "prog/year-1/b1/b1-w1-mentor/",
        "minutes": 45,
        "year": "year-1",
        "block": "b1",
        "week": "week-1",
        "framework": "ecf-2019",
        "intentions": ["2.2", "2a"],
        "phases": [
            {"title": "Review", "minutes": 10},
            {"title": "Plan", "minutes": 15},
            {"title": "Theory to practice", "minutes": 15},
            {"title": "Next steps", "minutes": 5},
        ],
    }
    welcome = data["sessions"][0]
    assert (welcome["block"], welcome["week"], welcome["url"]) == (None, None, "prog/year-1/welcome/")


def test_every_statement_lists_the_sessions_that_cite_it(data):
    statements = {s["id"]: s for s in data["statements"]}
    assert len(statements) == 181
    assert statements["2.2"]["sessions"] == ["b1-w1-mentor"]
    assert statements["2b"]["sessions"] == ["b1-w1-watch"]
    assert statements["1.1"]["sessions"] == []
    assert (statements["2b"]["kind"], statements["2b"]["standard"], statements["2b"]["url"]) == (
        "learn_how_to",
        2,
        "frameworks/ecf-2019/2b/",
    )
    assert statements["2b"]["heading"] == "Avoid overloading working memory, by:"


def test_the_json_text_round_trips_and_is_stable(tree):
    checked = load_and_check(str(tree))
    text = curriculum_json(checked)
    assert json.loads(text) == curriculum(checked)
    assert text == curriculum_json(load_and_check(str(tree)))
    assert text.endswith("}\n")
