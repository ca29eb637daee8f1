"""The page cleaner (induction/publish/page_cleaner.py): what a rendered page's content becomes on the site.

What is written is always the allow-list's own serialisation of the tree its HTML5 parser built,
never the original string; what it removed is read from a second HTML5 parse (Lexbor)."""

from __future__ import annotations

import pytest

from induction.publish.page_cleaner import clean

# Rendered content as the renderer passed it through (a raw HTML block is kept verbatim).
ESCAPES = {
    "div form": "<div>\n`</article><!--><script>planted()</script>-->`\n</div>",
    "p form": "<p>`</article><!--><script>planted()</script>-->`</p>",
    "cdata form": "<div>\n`<![CDATA[><script>planted()</script>]]>`\n</div>",
}


@pytest.mark.parametrize("name", ESCAPES)
def test_a_script_that_a_second_reading_would_hide_in_a_comment_is_removed_and_reported(name):
    cleaned = clean(ESCAPES[name])
    assert "<script" not in cleaned.html and "planted" not in cleaned.html
    assert cleaned.removed == ["<script>"]


def test_an_entity_encoded_javascript_address_is_reported_and_never_published():
    # Both of the old cleaner's passes dropped it alike, so the original string was published.
    cleaned = clean('<p><a href="&#106;avascript:planted()">x</a></p>')
    assert cleaned.html == "<p><a>x</a></p>"
    assert cleaned.removed == ['<a href="javascript:planted()">']


def test_what_is_written_is_the_parsers_serialisation_even_when_nothing_is_removed():
    cleaned = clean("<p>a<br />b <img src=\"x.png\" alt=''></p>")
    assert cleaned == ('<p>a<br>b <img src="x.png" alt=""></p>', [], frozenset())


def test_a_theme_id_is_removed_wherever_it_comes_from():
    cleaned = clean('<p id="__config">{"base": "evil"}</p><h2 id="__drawer">x</h2><h2 id="a__b">y</h2>')
    assert cleaned.html == '<p>{"base": "evil"}</p><h2>x</h2><h2 id="a__b">y</h2>'
    assert cleaned.removed == ['<p id="__config">', '<h2 id="__drawer">']


@pytest.mark.parametrize(
    "src",
    [
        "https://tracker.example/i.png",
        "//tracker.example/i.png",
        " \\\\tracker.example/i.png",
        "http:tracker.example/i.png",
    ],
)
def test_an_image_from_another_host_is_removed(src):
    cleaned = clean(f'<p><img src="{src}" alt="x"></p>')
    assert cleaned.html == '<p><img alt="x"></p>'
    assert cleaned.removed == [f'<img src="{src}">']
    assert clean('<p><img src="../assets/i.png" alt="x"></p>').removed == []


def test_control_characters_never_reach_the_page():
    cleaned = clean("<p>a\x00b\x1b[32mc\x85d\te</p>")
    assert cleaned.html == "<p>ab[32mcd\te</p>"
    assert cleaned.removed == ["a control character"]


def test_what_was_removed_is_pointed_at_in_the_source_by_its_text():
    from induction.publish.page_cleaner import source_line

    source = '---\nid: x\n---\n\nText.\n  ```\n<script>planted()</script>\n  ```\n<a href="&#106;avascript:x()">l</a>\n'
    assert source_line(source, ["<script>"]) == 7
    assert source_line(source, ['<a href="javascript:x()">']) == 9  # encoded in the source: found by its attribute
    assert source_line(source, ['<p id="__config">', "<script>"]) == 7  # the first line that writes any of them
    assert source_line("a\nb\x00", ["a control character"]) == 2
    assert source_line(source, ['<p id="__config">']) is None


def test_pages_cleaned_in_batches_beside_are_cleaned_as_here_and_in_order():
    from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415 (the executor's kind is not the point)

    from induction.publish.page_cleaner import ANY_HOST, BATCH, Cleaning, clean_each  # noqa: PLC0415

    pages = [
        (f"<p>Page {n}</p>" + ("<script>x()</script>" if n % 7 == 0 else ""), ANY_HOST) for n in range(2 * BATCH + 5)
    ]
    with ThreadPoolExecutor(1) as beside:
        cleaning = Cleaning(beside)
        for html, policy in pages:
            cleaning.add(html, policy)
        assert len(cleaning.batches) == 2 and len(cleaning.waiting) == 5  # the last few, cleaned here at the end
        assert cleaning.done() == clean_each(pages)
    here = Cleaning()
    for html, policy in pages[:3]:
        here.add(html, policy)
    assert not here.batches and [c.html for c in here.done()] == ["<p>Page 0</p>", "<p>Page 1</p>", "<p>Page 2</p>"]
    assert here.done() == []  # each build's pages once
    assert [bool(c.removed) for c in clean_each(pages)] == [n % 7 == 0 for n in range(2 * BATCH + 5)]
