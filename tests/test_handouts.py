"""Handouts by type (induction/handouts.py): what may be published byte for byte, and what is refused."""
from __future__ import annotations

import pytest
from conftest import make_tree, mkdocs_build
from edits import replace_once

from induction.handouts import handout_problem

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
]


@pytest.mark.parametrize("name, data, code", CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_handouts_are_published_only_by_type_and_content(tmp_path, name, data, code):
    path = tmp_path / name
    path.write_bytes(data)
    found = handout_problem(str(path), f"assets/{name}")
    assert (found[0] if found else None) == code


@pytest.mark.parametrize("folder", ["videos/intro", "year-1/b1/week-1/print", "year-1/b1/mentor-pack"])
def test_a_handout_inside_a_generated_pages_folder_is_published(tmp_path, folder):
    tree = make_tree(tmp_path)
    (tree / "prog" / folder).mkdir(parents=True)
    (tree / "prog" / "assets" / "sheet.pdf").rename(tree / "prog" / folder / "sheet.pdf")
    replace_once(tree / "prog" / "assets.yaml", "file: assets/sheet.pdf", f"file: {folder}/sheet.pdf")
    result = mkdocs_build(tree, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "prog" / folder / "sheet.pdf").is_file()
