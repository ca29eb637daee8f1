"""Shapes: each declared form accepts what the format reference allows and words its rejections."""

from __future__ import annotations

from typing import Any

import pytest

from induction.core.problems import Problems
from induction.core.shapes import (
    INVALID,
    URL,
    Choice,
    Duration,
    Either,
    Id,
    Int,
    Key,
    ListOf,
    Record,
    StatementId,
    Text,
    WeekNumber,
    Where,
    describe,
)
from induction.core.source import parse_yaml


def check(shape: Any, value: Any) -> tuple[Any, list[str]]:
    problems = Problems()
    result = shape.check(value, Where("f.yaml", 7, "'x' in a week"), problems)
    return result, [p.format() for p in problems]


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, "nothing"),
        (True, "'true' (true or false)"),
        (3, "the number 3"),
        (2.5, "the number 2.5"),
        ("abc", "'abc'"),
        ("x" * 50, "'" + "x" * 37 + "...'"),
        ({}, "a mapping"),
        ([], "a list"),
    ],
)
def test_describe_names_what_was_found(value, expected):
    assert describe(value) == expected


def test_text_accepts_text_and_numbers_and_rejects_blanks():
    assert check(Text(), "Hello") == ("Hello", [])
    assert check(Text(), 12) == ("12", [])
    assert check(Text(), "  ") == (
        INVALID,
        ["f.yaml:7: error [wrong-type] Expected text for 'x' in a week but found '  '."],
    )


def test_an_id_is_lower_case_letters_digits_and_hyphens():
    assert check(Id(), "routines-w1") == ("routines-w1", [])
    assert check(Id(), "Routines W1")[1] == [
        "f.yaml:7: error [wrong-type] Expected an id of lower-case letters, digits and hyphens (like 'routines-w1') "
        "for 'x' in a week but found 'Routines W1'."
    ]


def test_a_whole_number_at_or_above_its_minimum():
    assert check(Int(minimum=1), 45) == (45, [])
    assert check(Int(minimum=1), 0)[0] is INVALID
    assert check(Int(), True)[0] is INVALID
    assert check(Int(), "45")[1] == [
        "f.yaml:7: error [wrong-type] Expected a whole number for 'x' in a week but found '45'."
    ]


def test_a_choice_suggests_the_closest_value_and_reads_a_bare_off():
    assert check(Choice(values=("autumn", "spring", "summer")), "autum")[1] == [
        "f.yaml:7: error [wrong-type] Expected one of autumn, spring, summer for 'x' in a week but found 'autum'. "
        "Did you mean 'autumn'?"
    ]
    assert check(Choice(values=("off", "warn", "error")), False) == ("off", [])
    assert check(Choice(values=(1, 2)), True)[0] is INVALID


def test_a_statement_id_written_as_a_number_asks_for_quotes():
    assert check(StatementId(), "2.1") == ("2.1", [])
    assert check(StatementId(), "8f") == ("8f", [])
    assert check(StatementId(), 2.1)[1] == [
        "f.yaml:7: error [wrong-type] Expected a statement id (like '2.1' or 8f) for 'x' in a week but found the "
        "number 2.1. Quote the id so YAML keeps it as written: '2.1'."
    ]


@pytest.mark.parametrize(
    "value, expected",
    [
        (4, (4, 4)),
        ("4-6", (4, 6)),
        ("4 - 6", (4, 6)),
        ("4–6", (4, 6)),
        ("4 to 6", (4, 6)),
        ("7", (7, 7)),
    ],
)
def test_a_week_is_a_number_or_a_range(value, expected):
    assert check(WeekNumber(), value) == (expected, [])


@pytest.mark.parametrize("value", [0, "6-4", "four", True, 4.5, None])
def test_a_week_that_is_no_number_or_range_is_rejected(value):
    result, found = check(WeekNumber(), value)
    assert result is INVALID
    assert found[0].startswith("f.yaml:7: error [wrong-type] Expected a week number or a range such as 4-6 for")


def test_a_url_starts_with_http():
    assert check(URL, " https://example.org/v ") == ("https://example.org/v", [])
    assert check(URL, "www.example.org")[0] is INVALID


@pytest.mark.parametrize("value, seconds", [("6:40", 400), ("1:02:03", 3723), ("0:05", 5)])
def test_a_duration_is_minutes_and_seconds(value, seconds):
    assert check(Duration(), value) == (seconds, [])


def test_a_duration_yaml_read_as_a_number_asks_for_quotes():
    # YAML 1.1 reads an unquoted 6:40 as the base-60 number 400.
    assert check(Duration(), 400)[1] == [
        "f.yaml:7: error [wrong-type] Expected a duration as minutes:seconds (like '6:40') for 'x' in a week but "
        "found the number 400. Quote it: '6:40'."
    ]
    assert check(Duration(), "6:75")[0] is INVALID


def test_a_list_checks_each_item_on_its_own_line_and_keeps_the_good_ones():
    value = parse_yaml("- a\n- B\n- c\n", "f.yaml", Problems())
    result, found = check(ListOf(Id()), value)
    assert result == ["a", "c"] and result.lines == [1, 3]
    assert found == [
        "f.yaml:2: error [wrong-type] Expected an id of lower-case letters, digits and hyphens "
        "(like 'routines-w1') for item 2 of 'x' in a week but found 'B'."
    ]


def test_a_list_may_be_left_empty_unless_it_needs_items():
    assert check(ListOf(Id()), None) == ([], [])
    assert check(ListOf(Id(), 1), [])[1] == [
        "f.yaml:7: error [wrong-type] Expected at least 1 item(s) in 'x' in a week but found 0."
    ]
    assert check(ListOf(Id()), "a")[1] == [
        "f.yaml:7: error [wrong-type] Expected a list for 'x' in a week but found 'a'."
    ]


def test_either_takes_the_simple_or_the_full_form():
    shape = Either(Id(), Record("a reference", {"see": Key(Id(), True)}))
    assert check(shape, "a") == ("a", [])
    assert check(shape, {"see": "a"}) == ({"see": "a"}, [])


RECORD = Record("a week", {"week": Key(Int(), True, "a number"), "title": Key(Text(), True), "note": Key(Text())})


def test_a_record_reports_unknown_keys_with_a_suggestion_and_missing_keys_with_their_doc():
    value = parse_yaml("week: 1\ntitel: One\n", "f.yaml", Problems())
    result, found = check(RECORD, value)
    assert result == {"week": 1} and result.lines == {"week": 1}
    assert found == [
        "f.yaml:1: error [missing-key] Missing key 'title' in a week. Add 'title:' (text).",
        "f.yaml:2: error [unknown-key] Unknown key 'titel' in a week. Expected one of: note, title, week. "
        "Did you mean 'title'?",
    ]


def test_a_record_that_is_not_a_mapping():
    assert check(RECORD, [1])[1] == [
        "f.yaml:7: error [wrong-type] Expected a week (a mapping of keys) for 'x' in a week but found a list."
    ]
    problems = Problems()
    RECORD.check("text", Where("f.yaml", 1, "a week"), problems)
    assert [p.format() for p in problems] == [
        "f.yaml:1: error [wrong-type] Expected a week to be a mapping of keys but found 'text'."
    ]


def test_a_record_gives_its_json_schema():
    schema = RECORD.schema()
    assert schema["required"] == ["week", "title"] and schema["additionalProperties"] is False
    assert schema["properties"]["week"] == {"type": "integer", "minimum": 0, "description": "a number"}
