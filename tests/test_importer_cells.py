"""List and bold syntax a reader would see as text, repaired by the importer as a family: a table
cell's list written on one line, a list right after a paragraph line, bold with escaped asterisks.

Each rule is held to what a reader sees: the repaired body is rendered with the site's extensions
and read as the reader's-eye check reads a built page (no Markdown shown as text), for any number
of cells and items, any marker (-, *, +, 1., 1)), any spacing and case.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_support import render
from selectolax.lexbor import LexborHTMLParser

from induction.importer.cells import list_cells, separate_lists, unescape_bold
from induction.importer.repairs import repair
from induction.reading.marks import marks_in
from induction.reading.page import lines_of

WORDS = st.lists(
    st.sampled_from(
        [
            "pupils",
            "Feedback",
            "model",
            "the",
            "task",
            "e.g.",
            "goal-setting",
            "aim",
            "(Coe",
            "2014)",
            "time",
            "it’s",
            "**key**",
            "work",
        ]
    ),
    min_size=1,
    max_size=6,
)
BULLETS = st.sampled_from(["-", "*", "+"])
LIST = "a list written in Markdown"
SPACES = st.sampled_from([" ", "  ", "\t", " \t"])


def shown(body: str) -> tuple[list[str], list[str]]:
    """(the visible lines, the syntax marks in them) of `body` rendered as the site renders it."""
    tree = LexborHTMLParser(render(body))
    lines = lines_of(tree.body)
    return lines, [mark.kind for line in lines for mark in marks_in(line)]


def item(words: list[str], capital: bool) -> str:
    text = " ".join(words)
    return (text[0].upper() if capital else text[0].lower()) + text[1:] + "."


@st.composite
def list_cell(draw) -> tuple[str, list[str]]:
    """A cell's text holding a list on one line, and its items."""
    capital = draw(st.booleans())
    items = [item(draw(WORDS), capital) for _ in range(draw(st.integers(1, 5)))]
    gap = draw(SPACES)
    if draw(st.booleans()):
        marker = draw(BULLETS)
        text = gap.join(f"{marker}{gap}{it}" for it in items)
    else:
        first, close = draw(st.integers(1, 9)), draw(st.sampled_from([".", ")"]))
        text = gap.join(f"{first + n}{close}{gap}{it}" for n, it in enumerate(items))
    return text, items


@settings(max_examples=60, deadline=None)
@given(cells=st.lists(list_cell(), min_size=1, max_size=3), rows=st.integers(1, 3), padding=SPACES)
@example(
    cells=[
        (
            "- Personalise feedback. - Provide feedback to each pupil.",
            ["Personalise feedback.", "Provide feedback to each pupil."],
        )
    ],
    rows=1,
    padding=" ",
)
def test_a_cells_list_on_one_line_reads_as_a_list_in_the_cell(cells, rows, padding):
    header = "| Strategy | " + " | ".join(f"How {n}" for n in range(len(cells))) + " |"
    rule = "| --- | " + " | ".join("---" for _ in cells) + " |"
    row = f"|{padding}Aim{padding}|" + "|".join(f"{padding}{text}{padding}" for text, _ in cells) + "|"
    body = "\n".join(["Intro.", "", header, rule] + [row] * rows + ["", "After."]) + "\n"
    if any(mark.kind == LIST for text, _ in cells for mark in marks_in(text)):
        assert LIST in shown(body)[1]  # as written, a reader sees the markers
    fixed, lines = list_cells(body)
    assert lines == list(range(5, 5 + rows))
    html = LexborHTMLParser(render(fixed))
    cell_lists = [node for node in html.css("td > ul, td > ol")]
    assert len(cell_lists) == len(cells) * rows
    for node, (_, items) in zip(cell_lists, cells * rows, strict=True):
        assert [li.text(deep=True).strip() for li in node.css("li")] == [
            LexborHTMLParser(render(it)).body.text(deep=True).strip() for it in items
        ]
    assert shown(fixed)[1] == []


def test_a_dash_inside_an_item_stays_in_it_and_prose_cells_are_left():
    body = (
        "| a | b |\n| --- | --- |\n| - Preview material - tell pupils. - Use the curriculum. | Plain - prose |\n"
        "| 3 - 2 | 1. only one |\n"
    )
    fixed, lines = list_cells(body)
    assert fixed.split("\n")[2] == (
        "| <ul><li>Preview material - tell pupils.</li><li>Use the curriculum.</li></ul> | Plain - prose |"
    )
    assert fixed.split("\n")[3] == "| 3 - 2 | <ol><li>only one</li></ol> |"
    assert lines == [3, 4]


def test_a_numbered_cell_keeps_its_first_number_and_splits_only_at_the_next():
    fixed, _ = list_cells("| a |\n| --- |\n| 3) Read page 7) of it. 4) Note. |\n")
    assert fixed.split("\n")[2] == '| <ol start="3"><li>Read page 7) of it.</li><li>Note.</li></ol> |'


def test_a_table_in_fenced_code_and_a_row_without_a_table_are_left():
    body = "```\n| a |\n| --- |\n| - x - y |\n```\n\nText | - x - y |\n"
    assert list_cells(body) == (body, [])


@settings(max_examples=60, deadline=None)
@given(
    lead=WORDS,
    items=st.lists(WORDS, min_size=1, max_size=4),
    marker=st.sampled_from(["-", "*", "+", "1.", "12."]),
    gap=SPACES,
    colon=st.sampled_from([":", "", " :", "…"]),
    capital=st.booleans(),
)
@example(
    lead=["You", "can", "share", "this", "exemplar", "routine"],
    items=[["outline", "the", "task"]],
    marker="-",
    gap=" ",
    colon=":",
    capital=False,
)
def test_a_list_right_after_a_paragraph_line_reads_as_a_list(lead, items, marker, gap, colon, capital):
    texts = [item(words, capital).rstrip(".") for words in items]
    listed = "\n".join(f"{marker}{gap}{t}" for t in texts)
    body = "Before.\n\n" + " ".join(lead) + colon + "\n" + listed + "\n\nAfter.\n"
    fixed, opened = separate_lists(body)
    assert opened == [4]
    html = LexborHTMLParser(render(fixed))
    assert len(html.css("ul > li, ol > li")) == len(texts)
    assert shown(fixed)[1] == []
    assert separate_lists(fixed) == (fixed, [])  # once is enough


def test_a_lazy_line_in_a_list_a_heading_and_code_get_no_blank_line():
    body = (
        "- item\nlazy line\n- item two\n\n# Heading\n- item\n\n    code\n- x\n\n```\nText\n- not a list\n```\n"
        "| a |\n- b\n<div>\n- c\n\nText\n---\n- d\n\nText\n2) not a list here\n"
    )
    assert separate_lists(body) == (body, [])


@settings(max_examples=60, deadline=None)
@given(
    before=st.sampled_from(["", "writing.", "Text ", "("]),
    words=WORDS,
    after=st.sampled_from(["", "Look", " next", "."]),
    inner=st.sampled_from(["", " ", "  "]),
)
@example(before="writing.", words=["Giving", "novice", "learners"], after="Look", inner="")
def test_escaped_bold_reads_as_bold(before, words, after, inner):
    text = " ".join(words).replace("**", "")
    body = f"{before}\\*\\*{inner}{text}{inner}\\*\\*{after}\n"
    assert "bold or emphasis written in Markdown" in shown(body)[1] or inner
    fixed, lines = unescape_bold(body)
    assert lines == [1]
    html = LexborHTMLParser(render(fixed))
    assert html.css_first("strong").text(deep=True) == text
    assert shown(fixed)[1] == []


def test_escaped_rules_and_blanks_are_left():
    body = "Fill in \\*\\*\\*\\* and \\*\\*\\*\\*.\nA \\* star and \\*\\* two.\n"
    assert unescape_bold(body) == (body, [])


def test_the_repairs_report_each_rule_with_its_line():
    body = "Share this:\n- one\n- two\n\n| a | b |\n| --- | --- |\n| x | - A. - B. |\n\nThen \\*\\*bold\\*\\* here.\n"
    result = repair(body, lambda n: f"v{n}")
    kinds = {(kind, line) for kind, line, *_ in result.defects}
    assert {("list-after-paragraph", 2), ("list-in-cell", 7), ("escaped-bold", 9)} <= kinds
    assert shown(result.body)[1] == []
