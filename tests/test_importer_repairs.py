"""Repairs wherever the markup is: each repair in a page body, a transcript, a {details} block, a
table cell and a figure, judged by the project's own check (`sanitiser.scan`)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from induction.check import sanitiser
from induction.importer.repairs import balance, remove_unsafe, repair

IFRAME = '<iframe src="https://www.youtube.com/embed/AAAAAAAAAAA" title="Routines - YouTube"></iframe>\n\n'
CONTAINERS = {
    "body": "Before.\n\n{snippet}\n\nAfter.\n",
    "transcript": IFRAME + "{{details}}\nVideo transcript\n\n{snippet}\n\n{{/details}}\n\nAfter.\n",
    "headed transcript": IFRAME + "### Transcript\n\n{snippet}\n\n### Next\n\nAfter.\n",
    "details": "{{details}}\nExample target\n\n{snippet}\n\n{{/details}}\n",
    "table cell": "| a | b |\n| --- | --- |\n| {snippet} | x |\n\nAfter.\n",
    "figure": '<figure class="wp-block-image" data-id="7">{snippet}<figcaption>A map</figcaption></figure>\n',
}
SNIPPETS = {  # snippet -> the report line's kind
    "Words.</div> More.": "stray-tag",
    'See <img url="/assets/materials/d.png" alt="A map" />': "invalid-img",
    "<span>Words never closed": "unclosed-tag",
    "Words<script>alert(1)</script> more": "unsafe-html-removed",
    '<a href="https://example.org/" onclick="steal()">Words</a>': "html-attribute",
}


def texts(result) -> list[str]:
    return [result.body] + [v.transcript for v in result.videos]


@pytest.mark.parametrize("container", CONTAINERS)
@pytest.mark.parametrize("snippet", SNIPPETS)
def test_every_repair_applies_in_every_container(container, snippet):
    body = CONTAINERS[container].format(snippet=snippet)
    result = repair(body, lambda n: f"v{n}")
    assert SNIPPETS[snippet] in {kind for kind, *_ in result.defects}
    for text in texts(result):
        assert [f.message for f in sanitiser.scan(text) if f.code in ("unclosed-html", "unsafe-html")] == []
        assert "url=" not in text and "onclick" not in text and "alert" not in text
    words = " ".join(texts(result))
    assert "Words" in words or "See" in words  # the text stays
    if container.endswith("transcript"):
        [video] = result.videos
        assert snippet.split("<")[0].split(".")[0] in video.transcript  # repaired inside the transcript


def test_an_element_left_open_in_a_table_cell_is_closed_in_its_cell():
    text, found = balance("| <span>a | b |\n| --- | --- |")
    assert text == "| <span>a </span>| b |\n| --- | --- |"
    assert found == [("unclosed-tag", 1, "A <span> is never closed.", "closed it at the end of its block")]


def test_an_element_left_open_is_closed_before_the_blank_line_that_ends_its_block():
    text, found = balance("<div>one\ntwo\n\nthree </em>")
    assert text == "<div>one\ntwo</div>\n\nthree "
    assert [kind for kind, *_ in found] == ["stray-tag", "unclosed-tag"] or [kind for kind, *_ in found] == [
        "unclosed-tag",
        "stray-tag",
    ]


def test_a_script_is_removed_with_a_report_line():
    text, found = remove_unsafe("Keep <script>alert(1)</script>this.")
    assert text == "Keep this."
    assert found == [
        ("unsafe-html-removed", 1, "The element <script> is not allowed: content may not run scripts.", "removed it")
    ]


_PIECES = [
    "<div>",
    "</div>",
    "<span>",
    "</span>",
    "<em>",
    "</em>",
    "<p>",
    "</p>",
    "<details>",
    "</details>",
    "<ol>",
    "</ol>",
    "<li>",
    "</li>",
    "<figure>",
    "</figure>",
    "word",
    " ",
    "\n",
    "\n\n",
    "| cell |",
    "<br>",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
@example(["<details>", "<div>", "<p>", "</details>"])  # the <p> left open inside must not hide </details>
def test_any_mix_of_tags_comes_out_balanced_with_every_word_kept(pieces):
    text, _ = balance("".join(pieces))
    assert [f.message for f in sanitiser.scan(text) if f.code == "unclosed-html"] == []
    assert text.count("word") == pieces.count("word")


def test_a_start_tag_split_by_a_blank_line_is_joined_with_its_content():
    from induction.importer.repairs import join_split_tags

    text = 'See\n<a\nhref="https://example.org/r"\ntarget="_blank"\n\n> example.org/r\n> </a>\n\nNext.\n'
    joined = 'See\n<a href="https://example.org/r" target="_blank">example.org/r</a>\n\nNext.\n'
    assert join_split_tags(text) == (joined, [2])


def test_a_space_inside_an_address_is_removed_and_reported():
    result = repair('Read <a href="http://bit.ly/ ecf-coe2">Coe (2013)</a>.\n', lambda n: f"v{n}")
    assert 'href="http://bit.ly/ecf-coe2"' in result.body
    found = result.defects
    assert (
        "address-with-space",
        1,
        "An address in an href= or src= holds a space, which no address may.",
        "removed the space",
    ) in found


def test_an_html_heading_alone_on_its_line_becomes_a_markdown_heading():
    result = repair("Intro.\n\n<h5>Strengths</h5>\nWhat is good.\n", lambda n: f"v{n}")
    assert result.body == "Intro.\n\n##### Strengths\nWhat is good.\n"
    assert (
        "raw-heading",
        3,
        "A heading written as an HTML <h1>-<h6> element.",
        "wrote it as a Markdown heading, levelled with the page's others",
    ) in result.defects


def test_an_address_that_is_not_a_valid_url_is_written_as_the_one_a_browser_follows():
    text = (
        'See [the form](https://example.org/a|b), <a href="notes%.pdf">notes</a>\n'
        '`[code](a|b)` and <img alt="x" src="https://u:pw@example.org/x.png">.\n'
    )
    result = repair(text, lambda n: f"v{n}")
    assert "(https://example.org/a%7Cb)" in result.body and 'href="notes%25.pdf"' in result.body
    assert "`[code](a|b)`" in result.body  # code is text
    assert "https://u:pw@example.org/x.png" in result.body  # no encoding mends a password: the validator names it
    assert [d for d in result.defects if d[0] == "address-encoded"] == [
        (
            "address-encoded",
            1,
            "The address 'https://example.org/a|b' has the character '|' in it, which an address "
            "may not hold (write %7C).",
            "wrote it as 'https://example.org/a%7Cb'",
        ),
        (
            "address-encoded",
            1,
            "The address 'notes%.pdf' has a '%' that is not followed by two hexadecimal digits (write %25 for a '%').",
            "wrote it as 'notes%25.pdf'",
        ),
    ]


def test_setext_headings_become_atx_headings_outside_code():
    result = repair("Intro\n=====\n\nText.\n\nPart\n----\n\n```\nx\n===\n```\n\n- item\n---\n", lambda n: f"v{n}")
    assert result.body.startswith("# Intro\n\nText.\n\n## Part\n\n```\nx\n===\n```\n")
    assert [d for d in result.defects if d[0] == "setext-heading"] == [
        (
            "setext-heading",
            1,
            "A heading underlined with === or ---.",
            "wrote it as a # heading, levelled with the page's others",
        ),
        (
            "setext-heading",
            6,
            "A heading underlined with === or ---.",
            "wrote it as a # heading, levelled with the page's others",
        ),
    ]


def test_an_image_without_alt_is_given_an_empty_one_and_reported():
    result = repair('One <img src="a.png"> two <IMG alt="x" src="b.png">, `<img src="c.png">`.\n', lambda n: f"v{n}")
    assert '<img alt="" src="a.png">' in result.body and '<IMG alt="x" src="b.png">' in result.body
    assert '`<img src="c.png">`' in result.body
    assert [d for d in result.defects if d[0] == "missing-alt"] == [
        (
            "missing-alt",
            1,
            "An <img> has no alt attribute.",
            'gave it alt="" (decoration); describe it in the source if it carries meaning',
        )
    ]
