"""yaml_lists: items appended to YAML lists as text, keeping comments, quoting and layout."""

from __future__ import annotations

import pytest
import yaml

from induction.authoring.yaml_lists import EditError, append_item

BLOCK = """\
id: b1   # the block
weeks:
  - week: 1
    title: 'First'   # quoted on purpose
    ect: [a, b]
    mentor:
      - m1      # the plan
  # a comment after the weeks
pages: [p1]
"""


def test_a_flow_list_gets_the_item_before_its_bracket() -> None:
    out = append_item(BLOCK, ["weeks", 0, "ect"], "c")
    assert "    ect: [a, b, c]\n" in out
    assert out.replace("[a, b, c]", "[a, b]") == BLOCK


def test_an_empty_flow_list_gets_the_item_alone() -> None:
    assert append_item("tutor: []\n", ["tutor"], "t1") == "tutor: [t1]\n"


def test_a_block_list_gets_an_item_after_its_last_with_the_same_indent_and_its_comment_kept() -> None:
    out = append_item(BLOCK, ["weeks", 0, "mentor"], "m2")
    assert "      - m1      # the plan\n      - m2\n  # a comment after the weeks\n" in out


def test_a_mapping_item_is_indented_under_its_dash_and_lands_before_the_next_key() -> None:
    out = append_item(BLOCK, ["weeks"], "week: 2\ntitle: Second\nmentor: [m3]")
    assert "      - m1      # the plan\n  - week: 2\n    title: Second\n    mentor: [m3]\n" in out
    assert out.startswith("id: b1   # the block\n") and out.endswith("pages: [p1]\n")
    assert yaml.safe_load(out)["weeks"][1] == {"week": 2, "title": "Second", "mentor": ["m3"]}


def test_a_missing_key_is_added_to_its_mapping_as_a_flow_list() -> None:
    out = append_item(BLOCK, ["weeks", 0, "tutor"], "t1")
    assert "      - m1      # the plan\n    tutor: [t1]\n" in out
    assert yaml.safe_load(out)["weeks"][0]["tutor"] == ["t1"]


def test_a_list_ending_in_a_folded_text_keeps_the_text_whole() -> None:
    text = "weeks:\n  - week: 1\n    summary: >\n      Long\n      text.\n\nid: x\n"
    out = append_item(text, ["weeks"], "week: 2")
    assert yaml.safe_load(out)["weeks"] == [{"week": 1, "summary": "Long text.\n"}, {"week": 2}]


def test_what_cannot_be_edited_is_explained() -> None:
    with pytest.raises(EditError, match="^'id' is not a list.$"):
        append_item(BLOCK, ["id"], "x")
    with pytest.raises(EditError, match="^'weeks' has no item 6.$"):
        append_item(BLOCK, ["weeks", 5, "ect"], "x")
    with pytest.raises(EditError, match=r"^'pages' is written as \[ ... \]"):
        append_item(BLOCK, ["pages"], "a: 1\nb: 2")
