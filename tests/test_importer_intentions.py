"""Learning intentions: anchored coded citations, uncoded bullets matched by wording, mismatches reported."""
from __future__ import annotations

import pytest
from conftest import FRAMEWORK

from induction.framework import load_framework
from induction.importer.intentions import Found, coded, intentions, uncoded
from induction.problems import Problems


@pytest.fixture(scope="module")
def framework():
    return load_framework(str(FRAMEWORK), Problems())


def test_coded_list_items_and_table_cells_are_citations(framework):
    body = ("- 2.1. Learning involves a lasting change in pupils’ capabilities or understanding.\n"
            "| 6b Drawing conclusions about what pupils have learned by looking at patterns |\n")
    found, defects = coded(body, framework)
    assert found == [Found("2.1", "code", 1.0, 1), Found("6b", "code", 1.0, 2)]
    assert defects == []


def test_numbers_in_prose_are_not_citations(framework):
    body = ("You will practise this in Activity 1.6 of the materials.\n"
            "Complete Activity 3.5 before the meeting.\n"
            "10t – t = (10 – 1)t = 9t\n")
    assert coded(body, framework) == ([], [])


def test_a_code_whose_text_is_another_statements_is_reported(framework):
    body = "- 2.2. Learning involves a lasting change in pupils’ capabilities or understanding.\n"
    found, defects = coded(body, framework)
    assert found == [Found("2.2", "code", 0.5, 1)]
    assert defects == [("code-text-mismatch", 1, "The text cited as 2.2 is the text of 2.1.",
                        "recorded 2.2 as cited, with lower confidence")]


def test_an_unknown_code_is_reported(framework):
    _, defects = coded("- 9.99 Something that sounds like a statement here.\n", framework)
    assert defects == [("unknown-code", 1, "'9.99' is cited but ecf-2019 has no such statement.",
                        "not recorded as an intention")]


def test_uncoded_bullets_under_learn_that_are_matched_by_wording(framework):
    body = ("#### Learn that:\n\n"
            "- Learning involves a lasting change in pupils’ capabilities or understanding. "
            "- Working memory is where information that is being actively processed is held, but its capacity "
            "is limited and can be overloaded.\n\n"
            "### In your notepad\n\n- what happens when the working memory becomes overloaded?\n")
    found, _ = uncoded(body, framework)
    assert [(f.statement, f.method, f.line) for f in found] == [("2.1", "text", 3), ("2.4", "text", 3)]
    assert all(f.confidence >= 0.8 for f in found)


def test_bullets_outside_a_learn_heading_are_not_matched(framework):
    body = "Questions:\n\n- Learning involves a lasting change in pupils’ capabilities or understanding.\n"
    assert uncoded(body, framework) == ([], [])


def test_each_statement_is_recorded_once_at_its_first_finding(framework):
    body = ("Learn that:\n\n- 2.1 Learning involves a lasting change in pupils’ capabilities or understanding.\n"
            "- Learning involves a lasting change in pupils’ capabilities or understanding.\n")
    found, _ = intentions(body, framework)
    assert found == [Found("2.1", "code", 1.0, 3)]
