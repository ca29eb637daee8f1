"""Rebase: a session's own relative links work on every page that shows its body (its page, its
week's print view, its block's mentor pack), since MkDocs resolves each link from its page."""

from __future__ import annotations

import posixpath

import pytest
from conftest import make_tree, mkdocs_build
from edits import replace_once
from hypothesis import given
from hypothesis import strategies as st

from induction.render.rebase import rebase

PAGE, PRINT = "prog/year-1/b1/b1-w1-read.md", "prog/year-1/b1/week-1/print.md"


def test_relative_links_images_references_and_html_are_written_for_the_other_page():
    body = (
        'See [the intro](b1-intro.md#why), ![a map](../../assets/map.png "Map"),\n'
        '<a href="../welcome.md">welcome</a> and [notes][n].\n\n[n]: ../../assets/notes.pdf\n'
    )
    assert rebase(body, PAGE, PRINT) == (
        'See [the intro](../b1-intro.md#why), ![a map](../../../assets/map.png "Map"),\n'
        '<a href="../../welcome.md">welcome</a> and [notes][n].\n\n[n]: ../../../assets/notes.pdf\n'
    )


def test_what_is_not_a_relative_link_stays():
    body = (
        "[web](https://example.org/x) [mail](mailto:a@b.example) [top](#part) [root](/x/) "
        '{{ asset("sheet") }} `[code](b1-intro.md)`\n\n```\n[fenced](b1-intro.md)\n```\n'
    )
    assert rebase(body, PAGE, PRINT) == body


def test_a_body_shown_in_its_own_folder_is_unchanged():
    body = "[the intro](b1-intro.md)\n"
    assert rebase(body, PAGE, "prog/year-1/b1/mentor-pack.md") is body


SEGMENTS = st.lists(st.sampled_from(["a", "b", "..", "c.md", "x"]), min_size=1, max_size=5).map("/".join)
FOLDERS = st.lists(st.sampled_from(["p", "y", "b", "w"]), min_size=0, max_size=4).map(lambda parts: "/".join(parts))


@given(SEGMENTS, FOLDERS, FOLDERS)
def test_a_rebased_link_leads_where_the_original_led(link, here, there):
    page, other = posixpath.join(here, "page.md"), posixpath.join(there, "other.md")
    moved = rebase(f"[x]({link})", page, other)[4:-1]
    assert posixpath.normpath(posixpath.join(there, moved)) == posixpath.normpath(posixpath.join(here, link))


@pytest.mark.build
def test_a_session_with_relative_links_builds_strictly_with_its_print_view_and_pack(tmp_path):
    tree = make_tree(tmp_path)
    replace_once(
        tree / "prog/year-1/b1/b1-w1-read.md",
        "Read the summary",
        "See [the intro](b1-intro.md), [welcome](../welcome.md) and [the sheet](../../assets/sheet.pdf).\n\n"
        "Read the summary",
    )
    replace_once(
        tree / "prog/year-1/b1/b1-w1-mentor.md",
        "1. Agree one action step.",
        "1. Agree one action step, from [the reading](b1-w1-read.md).",
    )
    result = mkdocs_build(tree, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    printed = (tmp_path / "site/prog/year-1/b1/week-1/print/index.html").read_text(encoding="utf-8")
    assert 'href="../../b1-intro/"' in printed and 'href="../../../../assets/sheet.pdf"' in printed
    pack = (tmp_path / "site/prog/year-1/b1/mentor-pack/index.html").read_text(encoding="utf-8")
    assert 'href="../b1-w1-read/"' in pack


@pytest.mark.parametrize(
    ("link", "here", "there", "expected"),
    [
        ("../../..", "", "p", "../../../.."),  # above the root: found by the property below, once
        ("..", "a", "a/b", "../.."),
        ("c.md", "a", "", "a/c.md"),
        (".", "a", "a/b", ".."),
    ],
)
def test_a_link_above_the_root_or_to_a_folder_is_rebased_on_names_alone(link, here, there, expected):
    assert rebase(f"[x]({link})", posixpath.join(here, "page.md"), posixpath.join(there, "o.md")) == f"[x]({expected})"
