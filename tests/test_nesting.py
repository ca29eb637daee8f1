"""nesting: depth limits decided on what Python-Markdown reads, held against the renderer itself.

A list nested 900 deep and 3,000 nested <details> ended the build with a RecursionError
traceback; they are problems now, at their line. The property tests render bodies under the
limits with the site's extensions, inside a page's `markdown="1"` containers (as every generated
page holds a body), and require both that the check is silent and that rendering succeeds.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_support import render

from induction.body import read
from induction.check.nesting import (
    MAX_HTML_DEPTH,
    MAX_LIST_DEPTH,
    TAB_LENGTH,
    html_depth_problem,
    list_depth_problem,
)
from induction.core.lines import line_of


def in_page(body: str) -> str:
    """`body` where a generated page puts it: inside md_in_html containers (a print pack's plan)."""
    return (
        '<article class="ect-pack-plan" markdown="1">\n\n<section class="ect-phase" markdown="1">\n\n'
        f"{body}\n\n</section>\n\n</article>\n"
    )


def nested_list(levels: list[tuple[str, str]]) -> str:
    """A list one level deeper per item; each level indented by `indent` (four spaces, or a tab)."""
    lines, prefix = [], ""
    for depth, (indent, marker) in enumerate(levels):
        lines.append(f"{prefix}{marker} item {depth}")
        prefix += indent
    return "\n".join(lines) + "\n"


LEVEL = st.tuples(st.sampled_from(["    ", "\t", "  \t"]), st.sampled_from(["-", "*", "+", "1.", "2)"]))


@settings(max_examples=25, deadline=None)
@given(st.lists(LEVEL, min_size=1, max_size=MAX_LIST_DEPTH))
def test_a_list_within_the_limit_passes_and_renders(levels):
    body = nested_list(levels)
    assert list_depth_problem(body) is None
    assert "item 0" in render(in_page(body))


@settings(max_examples=10, deadline=None)
@given(st.lists(LEVEL, min_size=MAX_LIST_DEPTH + 1, max_size=MAX_LIST_DEPTH + 20))
def test_a_list_past_the_limit_is_found_at_its_first_line_too_deep(levels):
    assert list_depth_problem(nested_list(levels)) == (MAX_LIST_DEPTH + 1, MAX_LIST_DEPTH + 1)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.sampled_from(["details", "div", "section", "blockquote", "span"]), min_size=1, max_size=MAX_HTML_DEPTH)
)
def test_html_within_the_limit_passes_and_renders(names):
    body = "".join(f"<{name}>\n" for name in names) + "text\n" + "".join(f"</{name}>\n" for name in reversed(names))
    assert html_depth_problem(body) is None
    assert "text" in render(in_page(body))


def test_the_limits_are_far_under_where_the_renderer_fails():
    """Measured: a list fails from 247 levels in a page, nested <details> from 985."""
    assert "item 0" in render(in_page(nested_list([("    ", "-")] * (MAX_LIST_DEPTH * 4))))
    details = "<details>\n" * (MAX_HTML_DEPTH * 5) + "text\n" + "</details>\n" * (MAX_HTML_DEPTH * 5)
    assert "text" in render(in_page(details))


_ANY_ITEM = re.compile(r"^([ \t]*)(?:[*+-][ \t]|\d+[.)][ \t]|!!!|\?\?\?\+?)", re.M)


def every_item_looked_at(body: str) -> tuple[int, int] | None:
    """The check as it was, looking at every item: the one that only looks at deep ones must agree."""
    masked = read(body).masked
    for match in _ANY_ITEM.finditer(masked):
        depth = len(match.group(1).expandtabs(TAB_LENGTH)) // TAB_LENGTH + 1
        if depth > MAX_LIST_DEPTH:
            return line_of(masked, match.start()), depth
    return None


@settings(max_examples=60, deadline=None)
@given(st.lists(LEVEL, min_size=MAX_LIST_DEPTH - 3, max_size=MAX_LIST_DEPTH + 6), st.integers(0, 3))
def test_only_deep_items_are_looked_at_and_the_same_item_is_found(levels, shallow):
    body = "- a\n\n" * shallow + nested_list(levels) + "\n- b\n  - c\n"
    assert list_depth_problem(body) == every_item_looked_at(body)


def test_a_list_indented_by_tabs_alone_is_too_deep_at_the_same_level():
    # A tab is the fewest characters for a level: 50 of them are the shortest indent too deep.
    assert list_depth_problem(nested_list([("\t", "-")] * (MAX_LIST_DEPTH + 1))) == (
        MAX_LIST_DEPTH + 1,
        MAX_LIST_DEPTH + 1,
    )
    assert list_depth_problem(nested_list([("\t", "-")] * MAX_LIST_DEPTH)) is None


def test_code_and_items_without_end_tags_are_not_nesting():
    assert list_depth_problem("```\n" + nested_list([("    ", "-")] * 80) + "```\n") is None
    assert html_depth_problem("<ul>\n" + "<li>item\n" * 500 + "</ul>\n") is None
    assert html_depth_problem("`" + "<div>" * 500 + "`\n") is None
    assert html_depth_problem("<div>" * 101 + "\n") == 1
    assert html_depth_problem("<div>" * 100 + "\n") is None  # as few '<' as elements: never too deep
