"""Headings: levels shifted under the page title, the outline (siblings, parents) kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markdown_support import render

from induction.importer.headings import nest


def levels(body: str) -> list[int]:
    return [len(line) - len(line.lstrip("#")) for line in body.split("\n") if line.startswith("#")]


def test_siblings_stay_siblings_and_a_skipped_level_closes_up():
    body = "### A\n\ntext\n\n### B\n\n##### B.1\n\n##### B.2\n\n## C\n\n#### C.1"
    assert levels(nest(body)) == [2, 2, 3, 3, 2, 3]


def test_a_heading_in_fenced_code_is_code_and_a_hash_without_space_is_a_heading_as_the_site_renders_it():
    body = "# Title\n\n```\n# comment\n```\n\n#hashtag\n\n### Part"
    assert '<h1 id="hashtag">hashtag</h1>' in render(body)  # Python-Markdown needs no space after the hashes
    assert nest(body) == "## Title\n\n```\n# comment\n```\n\n##hashtag\n\n### Part"


def _outline(source: list[int]) -> list[int | None]:
    """Each heading's parent index (the nearest earlier heading of a higher source level)."""
    parents: list[int | None] = []
    for i, level in enumerate(source):
        parents.append(next((j for j in range(i - 1, -1, -1) if source[j] < level), None))
    return parents


@given(st.lists(st.integers(1, 6), max_size=25))
def test_any_outline_is_kept_and_comes_out_sequential_from_h2(source):
    body = "\n\n".join("#" * n + f" H{i}" for i, n in enumerate(source))
    out = levels(nest(body))
    assert _outline(out) == _outline(source) or max(out, default=0) == 6  # only the h6 cap may flatten
    for before, after in zip([1, *out], out, strict=False):
        assert after <= before + 1 and after >= 2
