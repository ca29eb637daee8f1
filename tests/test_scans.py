"""Nothing hangs: every scan of a body takes time linear in its size, whatever the body holds.

Timings are ratios measured in the same run (the machine is shared): a body four times larger
may take at most about four times as long (a quadratic scan takes sixteen). The pathological
families are the issue's: runs of backticks, braces, comments, brackets, fences, headings.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from induction.body import Body, fences, read, shortcodes
from induction.check import sanitiser
from induction.render.text import sequential_headings


def backtick_runs(size: int) -> str:
    out, n, i = [], 0, 0
    while n < size:
        piece = "`" * (i % 200 + 1) + " a "
        out.append(piece)
        n, i = n + len(piece), i + 1
    return "".join(out)[:size]


def repeated(unit: str) -> Callable[[int], str]:
    return lambda size: unit * (size // len(unit))


FAMILIES = {
    "backtick-runs": backtick_runs,
    "backtick-runs-on-lines": lambda size: backtick_runs(size).replace(" a ", "\n"),
    "braces": repeated("{{ {% {# }} "),
    "open-braces": repeated("{{ "),
    "close-braces": repeated("}} "),
    "open-braces-on-lines": repeated("{{\n"),
    "shortcodes-on-one-line": repeated('{{ video("intro") }} '),
    "comments": repeated("<!-- "),
    "comment-ends": repeated("--> "),
    "brackets": repeated("["),
    "link-openers": repeated("[x]("),
    "tags": repeated("<a "),
    "fences": repeated("```\n"),
    "headings": repeated("# x\n"),
    # raw HTML blocks holding backticks: Python-Markdown is asked where the blocks are (html_blocks)
    "html-blocks-with-backticks": repeated("<div>\n`a` <b>x</b>\n</div>\n\n"),
    "one-html-block-of-backticks": lambda size: "<div>\n" + repeated("`a` <i>b</i>\n")(size - 6),
    "unended-tags-with-backticks": repeated("<div `\n"),
    "comments-with-backticks": repeated("<!-- `\n"),
}
SCANS = {
    "sanitiser.scan": lambda body: (read.cache_clear(), sanitiser.scan.__wrapped__(body)),  # type: ignore[attr-defined]
    "shortcodes.scan": lambda body: Body(body).shortcodes,  # a new reading each time: nothing cached
    "fences.fenced_lines": fences.fenced_lines,
    "sequential_headings": lambda body: sequential_headings.__wrapped__(body),  # type: ignore[attr-defined]
}
SMALL, LARGE = 128 * 1024, 512 * 1024


def seconds(scan: Callable[[str], object], body: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.process_time()  # CPU time: the shared machine's other work does not count
        scan(body)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.slow  # 68 timings of 512 KB bodies: out of the fast loop, in `make test`
@pytest.mark.parametrize("family", sorted(FAMILIES))
@pytest.mark.parametrize("scan", sorted(SCANS))
def test_each_scan_is_linear_in_the_body(family, scan):
    small, large = FAMILIES[family](SMALL), FAMILIES[family](LARGE)
    floor = 0.05  # below this the clock measures noise (a quadratic scan of 512 KB takes seconds)
    ratio = max(seconds(SCANS[scan], large), floor) / max(seconds(SCANS[scan], small), floor)
    assert ratio < 8, f"{scan} on {family}: 4 times the text took {ratio:.1f} times as long"


# The delimiter pass finds what the one regex it replaced found (which was quadratic on unclosed openers).
_OLD = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{\{|\}\}|\{%|%\}", re.S)


@given(
    st.lists(
        st.sampled_from(["{{", "}}", "{%", "%}", "{#", "#}", "{", "}", "%", "#", "a", "\n", " "]), max_size=30
    ).map("".join)
)
def test_template_spans_are_those_of_the_regex_they_replace(body):
    assert list(shortcodes.template_spans(body)) == [m.span() for m in _OLD.finditer(body)]


def test_a_run_of_the_same_stray_is_one_problem_and_strays_are_capped():
    assert Body("{{ " * 1000).strays == (shortcodes.Stray("{{", 1),)
    assert len(Body("{{\n" * 1000).strays) == shortcodes.MAX_STRAYS


@given(st.lists(st.sampled_from(["{", "}", "{:", ":", " ", "a", "#", "\n", ".x", "=", '"']), max_size=40).map("".join))
def test_attribute_lists_are_found_where_python_markdowns_pattern_finds_them(body):
    expected = [m.span() for m in sanitiser._ATTR_LIST.finditer(body)]
    assert [m.span() for m in sanitiser._attribute_list_matches(body)] == expected


def test_findings_that_only_report_stop_at_a_hundred_of_a_kind():
    findings = sanitiser.scan("<a " * 10_000 + "\n\n" + "[x](a|b) " * 10_000)
    assert sum(f.message.endswith("is never ended with '>'.") for f in findings) == sanitiser.MAX_REPORTED
    assert sum(f.code == "bad-address" for f in findings) == sanitiser.MAX_REPORTED
