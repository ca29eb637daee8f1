"""The heading rule: the core's headings are the ones Python-Markdown renders, with their lines.

A mentor plan's ## headings are its phases (checked, then rendered as sections), so the core must
read a heading where the site renders one and nowhere else: "##Review" is an h2, "  ## Review" is
a paragraph, a heading in fenced code is code. induction/body/headings.py asks the library; here
hypothesis holds it to markdown.markdown() with the site's extensions.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_support import render, site_extensions
from selectolax.lexbor import LexborHTMLParser

from induction.body.headings import EXTENSIONS, Heading, _asked, headings
from induction.check.pipeline import load_and_check
from induction.render import render_site

PLAN = "prog/year-1/b1/b1-w1-mentor.md"


def test_a_phase_heading_without_a_space_is_a_phase_as_the_site_renders_it(tree):
    mentor = tree / PLAN
    mentor.write_text(mentor.read_text(encoding="utf-8").replace("## Review\n", "##Review\n"), encoding="utf-8")
    checked = load_and_check(str(tree))
    assert checked.ok, checked.report()
    plan = next(p for p in render_site(checked) if p.src == PLAN).markdown
    assert (
        '<section class="ect-phase" markdown="1">\n\n## Review <span class="ect-phase__minutes">10 minutes</span>'
        "\n\n1. Ask your ECT what they noticed.\n\n</section>" in plan
    )


def test_a_line_with_a_space_before_its_hashes_is_no_phase_as_the_site_renders_none(tree):
    mentor = tree / PLAN
    mentor.write_text(mentor.read_text(encoding="utf-8").replace("## Plan\n", "  ## Plan\n"), encoding="utf-8")
    assert [problem.format() for problem in load_and_check(str(tree)).problems] == [
        "minimal/prog/year-1/b1/b1-w1-mentor.md:27: error [phase-heading] Phase 2 is 'Plan' but the body has "
        "'Theory to practice' there. Give each phase a ## heading with its title, in order: Review, Plan, "
        "Theory to practice, Next steps."
    ]


def test_an_underlined_phase_and_an_attribute_list_are_rendered_as_phases(tree):
    mentor = tree / PLAN
    text = mentor.read_text(encoding="utf-8")
    mentor.write_text(
        text.replace("## Plan\n", "Plan\n----\n").replace("## Next steps\n", "## Next steps {#next}\n"),
        encoding="utf-8",
    )
    checked = load_and_check(str(tree))
    assert checked.ok, checked.report()
    plan = next(p for p in render_site(checked) if p.src == PLAN).markdown
    assert '\n## Plan <span class="ect-phase__minutes">15 minutes</span>\n\n1. Plan the next lesson together.\n' in plan
    assert '\n## Next steps <span class="ect-phase__minutes">5 minutes</span> {#next}\n' in plan
    assert "----" not in plan


def test_headings_are_found_outside_code_with_their_lines():
    body = "## One\ntext\n```\n## not a heading\n```\n    ## indented code\n### Two ###\n## Three {#id}\n"
    assert headings(body) == [Heading(2, "One", 1), Heading(3, "Two", 7), Heading(2, "Three", 8, attrs="{#id}")]


def test_a_heading_inside_a_list_quote_or_html_block_starts_no_section():
    assert headings('- ## A\n\n> ## B\n\n<div markdown="1">\n## C\n</div>\n\n<div>\n## D\n</div>\n') == []


def test_the_rule_reads_the_blocks_as_the_site_configures_them():
    assert set(EXTENSIONS) <= set(site_extensions()[0])


def test_the_extensions_made_by_their_modules_are_those_python_markdown_makes_of_their_names():
    import markdown  # noqa: PLC0415

    from induction.body.headings import _markdown  # noqa: PLC0415

    by_name, ours = markdown.Markdown(extensions=list(EXTENSIONS)), _markdown()
    for stage in ("preprocessors", "treeprocessors", "postprocessors", "inlinePatterns"):
        assert [type(p) for p in getattr(ours, stage)] == [type(p) for p in getattr(by_name, stage)]
    assert [type(p) for p in ours.parser.blockprocessors] == [type(p) for p in by_name.parser.blockprocessors]


def top_level_headings(html: str) -> list[tuple[int, str]]:
    """(level, text) of the h1-h6 at the top of rendered HTML, as an HTML5 parser reads it."""
    body = LexborHTMLParser(f"<body>{html}</body>").body
    assert body is not None
    return [(int(node.tag[1]), node.text()) for node in body.iter() if node.tag in {f"h{n}" for n in range(1, 7)}]


# Lines drawn from what makes or unmakes a heading: 1-7 hashes, a space after them or not, trailing
# hashes, an attribute list, 0-4 spaces before them, fences, underlines (setext), lists, quotes.
ATX = st.builds(
    lambda spaces, hashes, gap, close: (" " * spaces, "#" * hashes, gap, close),
    st.integers(0, 4),
    st.integers(1, 7),
    st.sampled_from(["", " ", "  "]),
    st.sampled_from(["", " #", " ###", "##", " {#x}", " {: .c }"]),
)
OTHER = st.sampled_from(
    [
        "```",
        "~~~",
        "````",
        "text",
        "",
        "",
        "===",
        "---",
        "- item",
        "> quote",
        "- ## L",
        "    indented",
        "    ## C",
        "a | b",
        "--|--",
        "!!! note",
        "??? note",
        "<div>",
        "</div>",
        '<div markdown="1">',
        "\t## T",
        "a <br/> b",
        "c <em>d</em>",
        "   <p>",
        "<!--",
        "-->",
    ]
)
LINES = st.lists(st.one_of(ATX, OTHER), min_size=1, max_size=14)


def written(lines: list[str | tuple[str, str, str, str]]) -> list[str]:
    """The lines as text; each heading-like line's text names its line (T3 on line 3)."""
    out = []
    for number, line in enumerate(lines, 1):
        if isinstance(line, tuple):
            spaces, hashes, gap, close = line
            line = f"{spaces}{hashes}{gap}T{number}{close}"
        elif line == "text":
            line = f"T{number}"
        out.append(line)
    return out


@settings(max_examples=400, deadline=None)
@given(LINES)
def test_the_core_finds_a_heading_exactly_where_python_markdown_renders_one(lines) -> None:
    text = written(lines)
    body = "\n".join(text) + "\n"
    found = headings(body)
    rendered = top_level_headings(render(body))
    assert [h.level for h in found] == [level for level, _ in rendered], body
    for heading, (_, shown) in zip(found, rendered, strict=True):  # the text (HTML in it is markup, not text)
        assert heading.text == shown or "<" in heading.text, body
    assert found == list(_asked(body)), body  # the library's block parser says the same of plain bodies
    for heading in found:  # each on its line (an underlined one: the line above its underline)
        assert heading.text in text[heading.line - 1], (body, heading)
        assert heading.size == 1 or re.fullmatch(r"=+|-+", text[heading.line]), (body, heading)
