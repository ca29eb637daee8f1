"""Plain text (induction/core/plain_text.py): a title holds Markdown exactly when the site's renderer
makes an element of it, and `plain` keeps the words a reader would see."""

from __future__ import annotations

import re

import markdown
import pytest
from conftest import FRAMEWORK
from hypothesis import given
from hypothesis import strategies as st
from test_importer_pipeline import BLOCK, PAGES, source_tree

from induction.check.pipeline import load_and_check
from induction.core.plain_text import markdown_in, plain
from induction.importer.pipeline import run_import

# Pieces of titles: words, Markdown marks in the places authors put them, and look-alikes that are text.
PIECES = st.sampled_from(
    [
        "Week 3",
        "routines",
        "2.1",
        "**bold**",
        "__strong__",
        "*it*",
        "_em_",
        "[a link](x.md)",
        "![alt](i.png)",
        "`code`",
        "# ",
        "## ",
        "5 * 3 = 15",
        "snake_case_name",
        "[brackets]",
        "C#",
        "50%",
        "Q&A",
        "<b>tag</b>",
        "a < b",
        "!",
        "*",
        "_",
        "#3",
    ]
)


@given(st.lists(PIECES, min_size=1, max_size=5))
def test_markdown_is_found_exactly_when_the_renderer_makes_an_element(pieces):
    title = " ".join(pieces)
    rendered = markdown.markdown(title.replace("&", "&amp;").replace("<", "&lt;"))
    made = re.search(r"<(strong|em|a|img|code|h[1-6])\b", rendered)
    assert bool(markdown_in(title)) == bool(made), (title, rendered)
    if not made:
        assert plain(title) == title  # a title without Markdown is left exactly as written
    else:
        assert not markdown_in(plain(title)) and "**" not in plain(title)


@pytest.mark.parametrize(
    "title, kind, words",
    [
        ("**Week 3**: routines", "bold", "Week 3: routines"),
        ("Read [the summary](summary.md) first", "a link", "Read the summary first"),
        ("## Module introduction", "a heading", "Module introduction"),
        ("The `<details>` element", "code", "The <details> element"),
        ("C# for beginners: 5 * 3", "", "C# for beginners: 5 * 3"),
    ],
)
def test_each_kind_is_named_and_its_words_kept(title, kind, words):
    assert markdown_in(title) == kind
    assert plain(title) == words


def test_the_importer_writes_a_source_title_holding_markdown_as_its_words(tmp_path):
    provider = PAGES["p.md"].replace("### [Routines](/p/year-1-a)", "### [**Routines** and `rules`](/p/year-1-a)")
    block = BLOCK.replace(
        "1. [Reading](/p/year-1-a/autumn-week-1-ect-reading)",
        "1. [_Reading_ about `routines`](/p/year-1-a/autumn-week-1-ect-reading)",
    )
    pages = dict(PAGES, **{"p.md": provider, "p/year-1-a.md": block})
    source, dest = source_tree(tmp_path / "source", pages), tmp_path / "dest"
    reports = run_import(str(source), str(dest), str(FRAMEWORK))
    assert reports.written and reports.problems == []
    checked = load_and_check(str(dest))
    assert checked.ok
    programme = checked.site.programmes[0]
    assert [b.title for b in programme.blocks.values()] == ["Routines and rules"]
    titles = [s.title for s in programme.sessions.values()]
    assert not [t for t in titles if markdown_in(t)], titles
