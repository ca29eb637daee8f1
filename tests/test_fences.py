"""Fences: one rule for fenced code, shared by checks, shortcodes, the sanitiser and rendering."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_support import render

from induction.body.fences import fenced_lines, fenced_ranges


def test_lines_of_a_fence_and_its_markers_are_fenced():
    body = "text\n```\n## not a heading\n```\nafter"
    assert fenced_lines(body) == [False, True, True, True, False]


def test_a_fence_closes_only_on_the_same_character_at_least_as_long():
    body = "````\n```\n~~~~\n````\nout"
    assert fenced_lines(body) == [True, True, True, True, False]


def test_an_indented_fence_is_not_a_fence_as_python_markdown_has_it():
    # CommonMark allows three spaces; Python-Markdown's fenced_code does not. The renderer decides.
    assert fenced_lines("    ```\nx") == [False, False]
    assert fenced_lines("  ```\n<script>x()</script>\n  ```") == [False, False, False]


def test_a_fence_never_closed_is_no_fence():
    assert fenced_lines("a\n~~~\nb") == [False, False, False]


def test_ranges_are_character_offsets_of_whole_blocks():
    body = "ab\n```\ncode\n```\ncd\n"
    start, end = fenced_ranges(body)[0]
    assert body[start:end] == "```\ncode\n```\n"


# Parity with the renderer: lines drawn from fences (closed, unclosed, indented, longer, with a
# language), headings and text; each heading line is a heading in Python-Markdown's HTML exactly
# when fenced_lines says it is outside a fence.
LINES = st.one_of(
    st.sampled_from(
        ["```", "~~~", "````", "  ```", "   ~~~", "```py", "~~~ {.text}", "``` ", "text", "", "- item", "> quote"]
    ),
    st.builds(lambda n: "#" * n + " H", st.integers(1, 6)),
    st.just("#H"),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=14))
def test_fenced_lines_agree_with_python_markdown(lines: list[str]) -> None:
    lines = [f"{line}{i}" if "H" in line else line for i, line in enumerate(lines)]
    body = "\n".join(lines) + "\n"
    html = render(body)
    for (i, line), fenced in zip(enumerate(lines), fenced_lines(body), strict=True):
        if "H" in line:
            heading = re.search(rf"<h[1-6][^>]*>H{i}</h[1-6]>", html) is not None
            assert heading == (not fenced), (body, html)
