"""Sanitiser: raw HTML in bodies against nh3's allow-list, with lines; strip mode; masked code."""

from __future__ import annotations

from induction.check.sanitiser import Policy, scan, strip

DEFAULT = Policy()


def found(body: str, policy: Policy = DEFAULT) -> list[tuple[int, str, str]]:
    return [(f.line, f.code, f.message) for f in scan(body, policy) if f.message]


def test_what_content_needs_is_allowed():
    body = (
        '<details class="note" markdown="1" open>\n<summary>More</summary>\n\nText<br>\n</details>\n\n'
        '<figure markdown="1">\n<img src="pic.png" alt="A" width="10" height="5">\n<figcaption>C</figcaption>\n'
        '</figure>\n\n<table><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td colspan="2">1</td>'
        '</tr></tbody></table>\n\n<ol start="2"><li>x<li>y</ol> <abbr title="Early career teacher">ECT</abbr> '
        'H<sub>2</sub>O x<sup>2</sup> <span class="x">s</span> <div class="y">d</div> <a href="../x/" '
        'title="t">link</a> <a href="https://example.org/">web</a> <em>e</em> <strong>s</strong>\n\n'
        '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>\n<h2>Heading</h2>\n'
    )
    assert found(body) == []


def test_html_in_code_is_text_not_markup():
    body = "Use `<script>` tags.\n\n```html\n<script>x()</script>\n<details>\n```\n\n~~~\n<form>\n~~~\n"
    assert found(body) == []


def test_each_problem_has_its_line():
    body = "One\n\n<script>x()</script>\n\n<p onclick='x()'>Two</p>\n"
    assert found(body) == [
        (3, "unsafe-html", "The element <script> is not allowed: content may not run scripts."),
        (5, "unsafe-html", "The attribute 'onclick' on <p> is not allowed: content may not run scripts."),
    ]


def test_table_cells_are_judged_in_a_table():
    assert found('<table><tr><td onclick="x">1</td></tr></table>') == [
        (1, "unsafe-html", "The attribute 'onclick' on <td> is not allowed: content may not run scripts.")
    ]


def test_unknown_attribute_on_an_allowed_element():
    assert found('<span data-x="1">s</span>') == [
        (1, "unsafe-html", "The attribute 'data-x' is not allowed on <span>.")
    ]


def test_nested_elements_left_open_are_reported_where_they_open():
    assert found("<details>\n<summary>S</summary>\n<div>\n</details>\n") == [
        (3, "unclosed-html", "The <div> opened here is never closed.")
    ]


def test_optional_end_tags_are_not_unclosed():
    assert found("<ul>\n<li>one\n<li>two\n</ul>\n<p>para\n") == []


def test_iframe_hosts_come_from_the_policy():
    body = '<iframe src="https://videos.example.org/e/1" title="x"></iframe>'
    assert found(body, Policy(video_hosts=("videos.example.org",))) == []
    assert found(body)[0][1] == "unsafe-html"


def test_strip_keeps_what_nh3_keeps():
    body = 'A <script>x()</script>B <a href="javascript:x()" title="t">l</a> <form><b>k</b></form>\n'
    assert strip(body, scan(body)) == 'A B <a title="t">l</a> <b>k</b>\n'


def test_autolinks_and_emails_are_not_tags():
    assert found("<https://example.org/> <someone@example.org>") == []
    # not an autolink to Python-Markdown (no '//'), but raw HTML, an element it passes through
    assert found("<javascript:alert(1)>") == [
        (1, "unsafe-html", "The element <javascript:alert(1)> is not allowed: it is not on the allow-list.")
    ]


def test_a_rendered_page_keeps_what_python_markdown_and_the_project_write():
    from induction.publish.page_cleaner import clean

    html = (
        '<h2 id="a">A</h2><div class="admonition note"><p class="admonition-title">N</p></div>'
        '<table><thead><tr><th style="text-align: left;">x</th></tr></thead><tbody><tr>'
        '<td style="text-align: center;">y</td></tr></tbody></table><pre><code class="language-py">x</code></pre>'
        '<div class="ect-video__frame" data-embed="https://www.youtube-nocookie.com/embed/x" data-title="T">'
        '<button type="button" class="ect-video__play" data-ect-print aria-label="Play">P</button></div>'
        '<nav class="ect-pagination" aria-label="Weeks"><a href="../b/">B</a></nav>'
    )
    assert clean(html).removed == []


def test_a_rendered_page_names_each_element_and_attribute_the_allow_list_removes():
    # As an HTML5 parser reads the page: a <td> outside a table is no element at all, so it is in one.
    from induction.publish.page_cleaner import clean

    html = (
        '<p class="x" onclick="a()">hi</p><script>alert(1)</script><div markdown="1">x</div>'
        '<a href="javascript:x">l</a><table><tr><td style="color: red">c</td></tr></table><form action="x"></form>'
    )
    assert clean(html).removed == [
        '<p onclick="a()">',
        "<script>",
        '<div markdown="1">',
        '<a href="javascript:x">',
        '<td style="color: red">',
        '<form action="x">',
    ]


def test_a_tag_never_ended_is_reported_where_it_starts():
    # The tokenizer drops "<br" at the end of a body as incomplete; on a page the renderer reads
    # on into the markup after the body (an imported provider page left a markdown="1" on a div).
    from induction.check.sanitiser import scan

    body = "Learn that:\n\n- goals that stretch pupils are essential<br\n\nLearn how to:\n"
    assert [(f.code, f.line, f.message, f.hint) for f in scan(body)] == [
        (
            "unclosed-html",
            3,
            "The tag <br is never ended with '>'.",
            "End it with '>' (<br>), or write &lt; for a '<' that is text.",
        )
    ]
    assert scan("5 < 6 and <notatag") == ()


def test_an_inline_element_across_a_blank_line_is_reported():
    # Markdown ends the paragraph at the blank line: <p><i>a</p> ... <p></i></p>, unbalanced.
    from induction.check.sanitiser import scan

    assert [(f.code, f.line, f.message) for f in scan("Read <i>this\n\nand that</i> now.")] == [
        (
            "unclosed-html",
            1,
            "The <i> opened here is closed only after a blank line, where Markdown ends the paragraph.",
        )
    ]
    assert scan("<i>one line</i>\n\n<div>\n\nblock\n\n</div>") == ()


def test_attribute_lists_may_set_only_an_id_classes_title_lang_and_dir():
    from induction.check.sanitiser import scan

    body = (
        'para\n{: .note #keep title="t" lang=fr }\n\n## Heading {: onclick="go()" }\n\n'
        '[a link](x.md){: href="javascript:go()" style="color: red" }\n\nbraces {in} text and {{ asset("a") }}\n'
    )
    hint = "Remove it from the {: ...} list; attribute lists may set only an id, classes, title, lang and dir."
    assert [(f.code, f.line, f.message, f.hint) for f in scan(body)] == [
        (
            "unsafe-html",
            4,
            "The attribute 'onclick' in an attribute list is not allowed: content may not run scripts.",
            hint,
        ),
        ("unsafe-html", 6, "The attribute 'href' in an attribute list is not allowed.", hint),
        ("unsafe-html", 6, "The attribute 'style' in an attribute list is not allowed: use a class instead.", hint),
    ]
