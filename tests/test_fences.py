"""Fences: one rule for fenced code, shared by checks, shortcodes, the sanitiser and rendering."""
from __future__ import annotations

from induction.fences import fenced_lines, fenced_ranges


def test_lines_of_a_fence_and_its_markers_are_fenced():
    body = "text\n```\n## not a heading\n```\nafter"
    assert fenced_lines(body) == [False, True, True, True, False]


def test_a_fence_closes_only_on_the_same_character_at_least_as_long():
    body = "````\n```\n~~~~\n````\nout"
    assert fenced_lines(body) == [True, True, True, True, False]


def test_four_spaces_of_indent_is_not_a_fence():
    assert fenced_lines("    ```\nx") == [False, False]


def test_an_unclosed_fence_runs_to_the_end():
    assert fenced_lines("a\n~~~\nb") == [False, True, True]


def test_ranges_are_character_offsets_of_whole_blocks():
    body = "ab\n```\ncode\n```\ncd\n"
    start, end = fenced_ranges(body)[0]
    assert body[start:end] == "```\ncode\n```\n"
