"""Packs (induction/render/packs.py) and the printable parts of a mentor plan, as Markdown: the
block's mentor pack, the week's print view, the link to it, the plan's caption and print button."""

from __future__ import annotations

import re

from edits import replace_once

from induction.check.pipeline import load_and_check
from induction.render import render_site
from induction.render.packs import printed_packs


def pages_of(tree):
    checked = load_and_check(str(tree))
    assert checked.ok, checked.report()
    return {page.src: page for page in render_site(checked)}


def test_a_mentor_plan_says_where_it_sits_with_the_block_title(tree):
    page = pages_of(tree)["prog/year-1/b1/b1-w1-mentor.md"]
    assert '<p class="ect-caption">Year 1 · Autumn 1 · Block one · Week 1 · Mentor session</p>' in page.markdown
    assert page.markdown.count("data-ect-print>Print this plan</button>") == 1
    assert '<div class="ect-notes" aria-hidden="true"><p>Notes</p></div>' in page.markdown


def test_the_mentor_pack_has_a_cover_with_contents_then_every_plan_in_order(tree):
    pack = pages_of(tree)["prog/year-1/b1/mentor-pack.md"].markdown
    cover, _, plans = pack.partition("</section>")
    assert "# Mentor pack: Block one\n" in cover
    assert '<p class="ect-meta">3 mentor session plans · 2 hours in all</p>' in cover
    assert "data-ect-print>Print this pack</button>" in cover
    assert "What mentors do." in cover
    assert ("1. Week 1: [Planning for prior knowledge](#plan-1) · 45 minutes\n2. Weeks 2 to 3: [") in cover
    articles = re.findall(
        r'<article class="ect-pack-plan" id="plan-(\d)" markdown="1">\n\n\n?'
        r'<p class="ect-caption">[^<]*</p>\n\n## ([^\n]*)\n',
        plans,
    )
    assert [number for number, _ in articles] == ["1", "2", "3"]
    assert articles[0][1] == "Planning for prior knowledge"
    # The plan's own page has a print button; a plan inside the pack does not.
    assert "Print this plan" not in pack
    # Headings one level down inside the pack: the plan's phases are h3 under its h2 title.
    assert "\n### Review" in plans and "\n## Review" not in plans


def test_a_block_without_mentor_sessions_has_no_pack(tree):
    block = tree / "prog" / "year-1" / "b1" / "block.yaml"
    replace_once(block, "    mentor: [b1-w1-mentor]\n", "")
    replace_once(block, "    mentor: [b1-w2-mentor]\n", "")
    replace_once(block, "    mentor: [b1-w4-mentor]\n", "")
    for name in ("b1-w1-mentor", "b1-w2-mentor", "b1-w4-mentor"):
        (tree / "prog" / "year-1" / "b1" / f"{name}.md").unlink()
    assert "prog/year-1/b1/mentor-pack.md" not in pages_of(tree)


def test_the_week_print_view_has_every_step_with_its_number_and_transcripts_open(tree):
    page = pages_of(tree)["prog/year-1/b1/week-1/print.md"].markdown
    assert "# Week 1: First week (all steps)\n" in page
    assert '<p class="ect-meta">2 steps · 35 minutes</p>' in page
    assert "data-ect-print>Print this week</button>" in page
    steps = re.findall(
        r'<article class="ect-week-step" markdown="1">\n\n'
        r'## ([^\n]*)\n\n<p class="ect-meta">([^<]*)</p>',
        page,
    )
    assert [meta for _, meta in steps] == ["Step 1 of 2 · Video · 15 minutes", "Step 2 of 2 · Reading · 20 minutes"]
    assert '<details open class="ect-transcript"' in page and '<details class="ect-transcript"' not in page
    assert "Routines matter." in page  # the transcript's text
    # Each step's own caption would repeat the page's; previous/next links belong to the step pages.
    assert "ECT self-study</p>" not in page
    assert "ect-pagination" not in page


def test_the_week_page_links_to_its_print_view(tree):
    page = pages_of(tree)["prog/year-1/b1/week-1/index.md"].markdown
    assert (
        '<p class="ect-week-print-link" markdown="1">[All of this week\'s steps on one page, with transcripts, '
        "to read offline or print](print.md)</p>"
    ) in page


def test_a_week_without_ect_steps_has_no_print_view_and_no_link(tree):
    pages = pages_of(tree)
    assert "prog/year-1/b1/week-2-3/print.md" in pages
    block = tree / "prog" / "year-1" / "b1" / "block.yaml"
    replace_once(block, "    ect:\n      - see: b1-w1-read\n", "")
    pages = pages_of(tree)
    assert "prog/year-1/b1/week-4/print.md" not in pages
    assert "ect-week-print-link" not in pages["prog/year-1/b1/week-4/index.md"].markdown


def test_a_plan_has_header_fields_to_fill_in_on_paper_in_its_page_and_its_pack(tree):
    pages = pages_of(tree)
    fields = (
        '<div class="ect-plan-fields ect-print-only" aria-hidden="true"><p>ECT</p><p>Mentor</p><p>Date</p>'
        '<p class="ect-plan-fields__action">Agreed action step</p></div>'
    )
    assert fields in pages["prog/year-1/b1/b1-w1-mentor.md"].markdown
    assert pages["prog/year-1/b1/mentor-pack.md"].markdown.count(fields) == 3


def test_tutor_pages_have_a_print_button_and_ect_steps_do_not(tree):
    pages = pages_of(tree)
    assert "data-ect-print>Print this page</button>" in pages["prog/year-1/b1/b1-w1-tutor.md"].markdown
    assert "data-ect-print" not in pages["prog/year-1/b1/b1-w1-read.md"].markdown


def test_print_views_packs_and_transcripts_are_left_out_of_search(tree):
    pages = pages_of(tree)
    for src in ("prog/year-1/b1/mentor-pack.md", "prog/year-1/b1/week-1/print.md", "prog/videos/intro.md"):
        assert '\nsearch: {"exclude": true}\n' in pages[src].markdown, src
    assert "search:" not in pages["prog/year-1/b1/week-1/index.md"].markdown


def test_a_printed_pack_is_linked_from_its_block_and_the_mentor_page_only_when_published(tree):
    checked = load_and_check(str(tree))
    pages = {page.src: page.markdown for page in render_site(checked, {"prog-b1-mentor-pack.pdf": 2048})}
    link = "[the same pack as a PDF (2 KB)]"
    assert f"{link}(prog-b1-mentor-pack.pdf)" in pages["prog/year-1/b1/index.md"]
    assert f"{link}(year-1/b1/prog-b1-mentor-pack.pdf)" in pages["prog/for-mentors.md"]
    assert "as a PDF" not in pages_of(tree)["prog/year-1/b1/index.md"].markdown


def test_the_packs_make_pdf_printed_are_found_by_their_names(tree, tmp_path):
    folder = tmp_path / "pdf"
    folder.mkdir()
    (folder / "prog-b1-mentor-pack.pdf").write_bytes(b"%PDF-1.7 x")
    (folder / "other-mentor-pack.pdf").write_bytes(b"%PDF")
    found = printed_packs(load_and_check(str(tree)).site, str(folder))
    assert found == {
        "prog-b1-mentor-pack.pdf": (
            "prog/year-1/b1/prog-b1-mentor-pack.pdf",
            str(folder / "prog-b1-mentor-pack.pdf"),
            10,
        )
    }
