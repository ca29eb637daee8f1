"""Headings: every generated page's headings go down one level at a time (WCAG 1.3.1), keeping the
outline the author wrote; checked on the rendered HTML, as Python-Markdown reads the headings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_support import render

from induction.render.text import demote_headings, sequential_headings

LEVEL = re.compile(r"<h([1-6])\b")


def levels(html: str) -> list[int]:
    return [int(level) for level in LEVEL.findall(html)]


def test_a_transcript_inside_a_section_keeps_its_headings_side_by_side_not_a_staircase():
    transcript = demote_headings("## Part one\n\nA.\n\n## Part two\n\nB.\n\n## Part three\n\nC.", 2)
    body = f"## Watch\n\n{transcript}\n\n## Next steps\n\nD."
    assert levels(render(sequential_headings(body))) == [2, 3, 3, 3, 2]


def test_a_body_that_starts_deep_starts_at_the_top_and_keeps_its_shape():
    assert levels(render(sequential_headings("### A\n\n##### B\n\n##### C\n\n#### D\n\n### E"))) == [2, 3, 3, 3, 2]


def test_python_markdowns_headings_without_a_space_are_relevelled_too():
    assert levels(render(sequential_headings("#### A\n\n######B"))) == [2, 3]


BODY_LINES = st.one_of(
    st.builds(lambda n: "#" * n + " H", st.integers(1, 6)),
    st.just("#H"),
    st.sampled_from(["text", "", "```", "# in a fence", "```", "- item"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(BODY_LINES, min_size=1, max_size=16), st.integers(0, 3))
def test_rendered_headings_never_skip_a_level_and_siblings_stay_siblings(lines: list[str], demote: int) -> None:
    body = demote_headings("\n\n".join(lines), demote) if demote else "\n\n".join(lines)
    written = levels(render(body))
    shown = levels(render(sequential_headings(body)))
    assert len(shown) == len(written)  # the same headings, as the renderer reads them
    previous = 1
    for level in shown:
        assert 2 <= level <= previous + 1, (body, shown)
        previous = level
    # The outline: two headings written at one level with none higher between them stay at one level.
    for i in range(len(written)):
        for j in range(i + 1, len(written)):
            if written[j] < written[i]:
                break
            if written[j] == written[i] and all(w > written[i] for w in written[i + 1 : j]):
                assert shown[j] == shown[i] or shown[i] == 6, (body, written, shown)


def test_every_session_page_of_the_sample_has_sequential_headings(sample_site: Path) -> None:
    skipped = []
    for page in sorted(sample_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        start = html.find('<article class="md-content__inner')
        if start < 0:
            continue
        previous = 0
        for level in levels(html[start:]):
            if level > previous + 1:
                skipped.append(f"{page.relative_to(sample_site)}: h{previous} then h{level}")
                break
            previous = level
    assert skipped == []


@pytest.mark.build
def test_a_transcript_page_that_starts_deep_has_no_gap_under_its_h1(tmp_path: Path) -> None:
    # Imported transcripts start at ### (the provider's page had its own h1 and h2).
    from conftest import make_tree, mkdocs_build

    tree = make_tree(tmp_path)
    transcript = tree / "prog" / "transcripts" / "intro.md"
    transcript.write_text(
        "### Presenter intro\n\n" + transcript.read_text(encoding="utf-8").replace("## ", "### "), encoding="utf-8"
    )
    result = mkdocs_build(tree, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    html = next((tmp_path / "site" / "prog" / "videos").rglob("index.html")).read_text(encoding="utf-8")
    shown = levels(html[html.index('<article class="md-content__inner') :])
    assert shown[:2] == [1, 2] and all(b <= a + 1 for a, b in zip(shown, shown[1:], strict=False)), shown
