"""Rich-text fields (induction/body/rich_text.py, render/summaries.py): programme, year, block and week
summaries take Markdown through the body's path: checked by the allow-list at the line of their
YAML text, rendered as Markdown with their headings under the section that holds them; and an
image shortcode inside a raw HTML block shows an image. The reader's-eye check (induction/reading/)
is the judge of what a reader sees."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from conftest import make_tree
from edits import replace_once
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_support import render

from induction.check.pipeline import cleaned, load_and_check
from induction.reading.findings import page_findings
from induction.reading.page import BuiltPage
from induction.render import render_site

BLOCK = "prog/year-1/b1/index.md"
WEEK = "prog/year-1/b1/week-1/index.md"
READ = "prog/year-1/b1/b1-w1-read.md"


def png() -> bytes:
    """A one-pixel PNG (served files are checked by content)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", bytes([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]))
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


def with_image(root: Path) -> Path:
    (root / "prog" / "assets" / "diagram.png").write_bytes(png())
    assets = root / "prog" / "assets.yaml"
    assets.write_text(
        assets.read_text(encoding="utf-8") + "  - id: diagram\n    title: A diagram\n    file: assets/diagram.png\n",
        encoding="utf-8",
    )
    return root


def pages_of(root: Path) -> dict[str, str]:
    checked = load_and_check(str(root))
    assert checked.ok, checked.report()
    return {page.src: page.markdown for page in render_site(checked)}


def shown(markdown_text: str, path: str = "prog/year-1/b1/index.html") -> list[tuple[str, str]]:
    """What the reader's-eye check finds on the page the Markdown makes (front matter dropped)."""
    body = re.sub(r"\A---\n.*?\n---\n", "", markdown_text, flags=re.S)
    html = (
        f"<!doctype html><html><head><title>P - Site</title></head><body><main>"
        f'<article class="md-content__inner md-typeset">{render(body)}</article></main></body></html>'
    )
    return [(f.code, f.message) for f in page_findings(BuiltPage.parse(path, html), {"prog/assets/diagram.png"})]


SUMMARY = (
    "  ect: |\n    ## How the module works\n\n    **Mentors** and ECTs:\n\n    - read the handout\n"
    '    - watch the video\n\n    {{ asset("sheet") }} and [the next step](b1-w1-read.md)\n'
)


def test_a_block_summary_is_markdown_under_its_role_section(tree):
    replace_once(tree / "prog/year-1/b1/block.yaml", "  ect: What ECTs do.\n", SUMMARY)
    page = pages_of(tree)[BLOCK]
    assert (
        "## For ECTs\n\n### How the module works\n\n**Mentors** and ECTs:\n\n- read the handout\n"
        "- watch the video\n\n[Planning sheet](../../assets/sheet.pdf) (PDF, 24 bytes) and "
        "[the next step](b1-w1-read.md)\n"
    ) in page
    assert shown(page) == []


def test_a_week_summary_links_from_its_own_page_and_a_year_summary_shows_on_the_programme_page(tree):
    replace_once(
        tree / "prog/year-1/b1/block.yaml",
        "    title: First week\n",
        "    title: First week\n    summary:\n      mentor: |\n        ## Before you meet\n\n"
        '        Read [the step](../b1-w1-read.md) and {{ asset("sheet") }}.\n',
    )
    replace_once(
        tree / "prog/programme.yaml",
        "    title: Year 1\n",
        "    title: Year 1\n    summary: |\n      # Year one\n\n      __Bold__ start\n",
    )
    pages = pages_of(tree)
    assert (
        "### Before you meet\n\nRead [the step](../b1-w1-read.md) and [Planning sheet](../../../assets/sheet.pdf)"
        " (PDF, 24 bytes)."
    ) in pages[WEEK]
    # the mentor pack of the block shows the block's summary; the programme page the year's, in its overview
    assert (
        '<div class="ect-overview" markdown="1">\n\n### Year one\n\n__Bold__ start\n\n</div>' in pages["prog/index.md"]
    )
    assert "## Year one\n\n__Bold__ start" in pages["prog/year-1/index.md"]
    assert shown(pages[WEEK], "prog/year-1/b1/week-1/index.html") == []


def test_a_summary_is_checked_as_a_body_at_the_line_of_its_yaml_text(tree):
    replace_once(
        tree / "prog/year-1/b1/block.yaml",
        "  ect: What ECTs do.\n",
        '  ect: |\n    Fine words.\n\n    <script>alert(1)</script>\n    ## Title {: onclick="x()" }\n'
        '    {{ asset("shet") }}\n',
    )
    replace_once(
        tree / "prog/programme.yaml",
        "title: Test programme\n",
        "title: Test programme\nsummary: \"A <b onclick='x()'>bold</b> start\"\n",
    )
    checked = load_and_check(str(tree))
    found = [(Path(p.file).name, p.line, p.code, p.message) for p in checked.problems.errors]
    assert (
        "block.yaml",
        9,
        "unsafe-html",
        "The element <script> is not allowed: content may not run scripts.",
    ) in found
    assert (
        "block.yaml",
        10,
        "unsafe-html",
        "The attribute 'onclick' in an attribute list is not allowed: content may not run scripts.",
    ) in found
    assert ("block.yaml", 11, "unknown-reference", "No handout has the id 'shet'.") in found
    assert (
        "programme.yaml",
        3,
        "unsafe-html",
        "The attribute 'onclick' on <b> is not allowed: content may not run scripts.",
    ) in found


def test_strip_mode_publishes_a_summary_without_what_the_allow_list_refuses(tree):
    replace_once(tree / "prog/programme.yaml", "  coverage: off\n", "  coverage: off\n  unsafe_html: strip\n")
    replace_once(
        tree / "prog/year-1/b1/block.yaml",
        "  ect: What ECTs do.\n",
        '  ect: |\n    Kept <b onclick="x()">words</b>.<script>alert(1)</script>\n',
    )
    checked = load_and_check(str(tree))
    assert checked.ok
    page = {p.src: p.markdown for p in render_site(cleaned(checked))}[BLOCK]
    assert "Kept <b>words</b>." in page and "script" not in page and "onclick" not in page


# Summaries written in ways the corpus does not show: any heading level and order, bold with
# either mark, lists of either bullet, blank lines or none before them, CRLF-free varied spacing.
HEADING = st.tuples(st.integers(1, 6), st.sampled_from(["How it works", "MENTORS", "week 3: review", "Next steps"]))
PARA = st.sampled_from(
    [
        "**Mentors** read this.",
        "__ECTs__ do that.",
        "Plain words, and *some* emphasis.",
        "See [the reading](b1-w1-read.md).",
        '{{ asset("sheet") }}',
        "1. First\n2. Second",
        "- one\n- two\n    - nested",
        "+ plus item\n+ another",
        "A line\nwrapped on two",
    ]
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(HEADING, PARA), min_size=1, max_size=7), st.sampled_from(["ect", "mentor"]))
@example([(1, "How it works"), "**Mentors** read this.", (4, "Next steps"), "- one\n- two\n    - nested"], "ect")
def test_any_markdown_summary_reads_as_its_author_meant_on_the_block_page(tmp_path_factory, parts, role):
    root = make_tree(tmp_path_factory.mktemp("rich"))
    text = "\n\n".join(f"{'#' * p[0]} {p[1]}" if isinstance(p, tuple) else p for p in parts)
    yaml_text = "\n".join(("    " + line) if line else "" for line in text.split("\n"))
    old = "  ect: What ECTs do.\n" if role == "ect" else "  mentor: What mentors do.\n"
    replace_once(root / "prog/year-1/b1/block.yaml", old, f"  {role}: |\n{yaml_text}\n")
    page = pages_of(root)[BLOCK]
    assert shown(page) == []  # no syntax shown as text, no heading skipping a level
    section = page.split("## For ECTs\n" if role == "ect" else "## For mentors\n", 1)[1].split("\n## ", 1)[0]
    levels = [len(m.group(1)) for m in re.finditer(r"^(#{1,6}) ", section, re.M)]
    assert all(level >= 3 for level in levels)  # every summary heading stays inside its role's section


FIGURE = st.tuples(
    st.sampled_from(["figure", "FIGURE", "div", "Figure"]),
    st.sampled_from(["", ' class="wp-block-image"', " title='Model of memory'"]),
    st.sampled_from(["", "  ", "\t"]),
    st.sampled_from(
        [
            '{{ image("diagram", "A diagram") }}',
            "{{image('diagram','A diagram')}}",
            '{{  image( "diagram" ,  "A diagram" )  }}',
        ]
    ),
    st.sampled_from(["", "\n  <figcaption>Figure 1</figcaption>", "<figcaption>Fig</figcaption>"]),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(FIGURE)
@example(("figure", "", "  ", '{{ image("diagram", "A diagram") }}', "\n  <figcaption>Figure 1</figcaption>"))
def test_an_image_shortcode_inside_a_raw_html_block_shows_an_image(tmp_path_factory, figure):
    tag, attrs, indent, code, caption = figure
    root = with_image(make_tree(tmp_path_factory.mktemp("figure")))
    figure_text = f"<{tag}{attrs}>\n{indent}{code}{caption}\n</{tag}>\n\n"
    replace_once(root / READ, "Read the summary", figure_text + "Read the summary")
    page = pages_of(root)[READ]
    assert '<img class="ect-raw-image" alt="A diagram" src="../../../assets/diagram.png">' in page
    html = render(page.split("\n---\n", 1)[1])
    assert "![" not in html and 'alt="A diagram"' in html
    assert shown(page, "prog/year-1/b1/b1-w1-read/index.html") == []


def test_an_image_shortcode_in_markdown_stays_a_markdown_image(tree):
    root = with_image(tree)
    replace_once(root / READ, "Read the summary", '{{ image("diagram", "A diagram") }}\n\nRead the summary')
    assert "![A diagram](../../assets/diagram.png)" in pages_of(root)[READ]


def test_the_offline_copy_rewrites_an_image_written_in_raw_html_for_its_own_layout(tmp_path):
    from mkdocs.structure.files import File, Files

    from induction_mkdocs.file_links import to_files

    def file(path: str) -> File:
        return File(path, str(tmp_path), str(tmp_path / "site"), use_directory_urls=False)

    page, image = file("prog/year-1/b1/b1-w1-read.md"), file("prog/assets/diagram.png")
    html = (
        '<figure><img class="ect-raw-image" alt="A diagram" src="../../../assets/diagram.png"></figure>'
        '<img alt="own" src="../../../assets/diagram.png">'
    )
    assert to_files(html, page, Files([page, image])) == (
        '<figure><img class="ect-raw-image" alt="A diagram" src="../../assets/diagram.png"></figure>'
        '<img alt="own" src="../../../assets/diagram.png">'
    )  # only the renderer's own image is rewritten
