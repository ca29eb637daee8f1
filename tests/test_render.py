"""Render: the Markdown of every generated page, from the checked minimal fixture (no build).

The HTML of a few fragments is pinned in test_golden.py; here are the page set, the links
between pages and the small helpers every page uses.
"""

from __future__ import annotations

import pytest

from induction.check.pipeline import load_and_check
from induction.render import render_site
from induction.render.media import embed_address, host_name, size
from induction.render.text import caption, demote_headings, esc, front_matter, minutes


@pytest.fixture
def pages(tree):
    checked = load_and_check(str(tree))
    assert checked.ok, checked.report()
    return {page.src: page for page in render_site(checked)}


B1 = "prog/year-1/b1"


def test_every_week_session_and_transcript_has_its_own_page(pages):
    expected = {
        "prog/index.md",
        "prog/year-1/index.md",
        f"{B1}/index.md",
        f"{B1}/mentor-pack.md",
        f"{B1}/week-1/index.md",
        f"{B1}/week-2-3/index.md",
        f"{B1}/week-4/index.md",
        "prog/year-1/welcome.md",
        f"{B1}/b1-intro.md",
        f"{B1}/b1-w1-watch.md",
        f"{B1}/b1-w1-read.md",
        f"{B1}/b1-w1-mentor.md",
        f"{B1}/b1-w1-tutor.md",
        f"{B1}/b1-w2-practise.md",
        f"{B1}/b1-w2-mentor.md",
        f"{B1}/b1-w4-mentor.md",
        "prog/videos/intro.md",
        "frameworks/ecf-2019/index.md",
        "frameworks/ecf-2019/2-1.md",
        "frameworks/ecf-2019/standard-2.md",
    }
    assert expected <= set(pages)


def test_no_two_pages_share_an_address(pages):
    addresses = [src[: -len("index.md")] if src.endswith("index.md") else src[:-3] + "/" for src in pages]
    assert len(addresses) == len(set(addresses))


def test_no_shortcode_or_template_syntax_survives(pages):
    assert [src for src, page in pages.items() if "{{" in page.markdown or "{%" in page.markdown] == []


def test_every_page_starts_with_its_title_in_front_matter(pages):
    for page in pages.values():
        assert page.markdown.startswith(front_matter(page.title).split("\n")[0] + "\ntitle: "), page.src


def test_ect_steps_link_to_their_neighbours_by_title(pages):
    read = pages[f"{B1}/b1-w1-read.md"].markdown
    assert "Previous: [Watch the introduction](b1-w1-watch.md)" in read
    assert "Next: [Practise retrieval](b1-w2-practise.md)" in read


def test_a_mentor_plan_shows_its_timing_and_each_phase_with_minutes(pages):
    plan = pages[f"{B1}/b1-w1-mentor.md"].markdown
    assert (
        "| Review | 10 |\n| Plan | 15 |\n| Theory to practice | 15 |\n| Next steps | 5 |\n| **Total** | **45** |"
        in plan
    )
    assert (
        '<section class="ect-phase" markdown="1">\n\n## Review <span class="ect-phase__minutes">10 minutes</span>'
        "\n\n1. Ask your ECT what they noticed.\n\n</section>" in plan
    )


def test_headings_before_the_first_phase_are_not_taken_for_phases(tree):
    mentor = tree / "prog" / "year-1" / "b1" / "b1-w1-mentor.md"
    text = mentor.read_text(encoding="utf-8")
    mentor.write_text(
        text.replace(
            "---\n\n## Review", "---\n\n### About this session\n\nRead first.\n\n#### Learning intentions\n\n## Review"
        ),
        encoding="utf-8",
    )
    checked = load_and_check(str(tree))
    assert checked.ok, checked.report()
    plan = next(p for p in render_site(checked) if p.src == f"{B1}/b1-w1-mentor.md").markdown
    assert "\n### About this session\n\nRead first.\n\n#### Learning intentions\n" in plan
    assert '\n## Review <span class="ect-phase__minutes">10 minutes</span>' in plan
    assert "\n## About this session" not in plan


def test_a_training_session_with_timed_activities_shows_its_agenda(tree):
    tutor = tree / "prog" / "year-1" / "b1" / "b1-w1-tutor.md"
    tutor.write_text(
        tutor.read_text(encoding="utf-8")
        .replace("kind: material\n", "kind: training\n")
        .replace("minutes: 15\n", "minutes: 15\nphases:\n  - title: Welcome & recap\n    minutes: 5\n"),
        encoding="utf-8",
    )
    checked = load_and_check(str(tree))
    assert checked.ok, checked.report()
    page = next(p for p in render_site(checked) if p.src == f"{B1}/b1-w1-tutor.md").markdown
    assert "| Agenda | Minutes |\n| --- | ---: |\n| Welcome &amp; recap | 5 |\n" in page  # text, escaped (esc)


def test_a_video_shortcode_becomes_the_video_with_its_transcript(pages):
    watch = pages[f"{B1}/b1-w1-watch.md"].markdown
    assert 'data-embed="https://www.youtube-nocookie.com/embed/abcdefghijk"' in watch
    assert "[Transcript of “An introduction” on its own page](../../videos/intro.md)" in watch
    # The transcript's heading goes one level below the section holding the video: here the h1.
    assert "\n## Part one\n" in watch and "### Part one" not in watch


def test_session_intentions_show_the_framework_text_and_the_sessions_wording(pages):
    watch = pages[f"{B1}/b1-w1-watch.md"].markdown
    assert "](../../../frameworks/ecf-2019/2-1.md){ .ect-statement-id } Learning involves a lasting change" in watch
    assert "Plan so pupils connect new ideas to what they know." in watch
    assert "Framework: Breaking complex material into smaller steps" in watch


def test_the_mentor_pack_holds_every_mentor_plan_of_the_block(pages):
    pack = pages[f"{B1}/mentor-pack.md"].markdown
    assert pack.count('<article class="ect-pack-plan"') == 3
    assert "Print this plan" not in pack


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://www.youtube.com/watch?v=abcdefghijk", "https://www.youtube-nocookie.com/embed/abcdefghijk"),
        ("https://youtu.be/abcdefghijk", "https://www.youtube-nocookie.com/embed/abcdefghijk"),
        ("https://vimeo.com/123456", "https://player.vimeo.com/video/123456?dnt=1"),
        ("https://example.org/video.mp4", ""),
    ],
)
def test_embeds_use_the_privacy_enhanced_players(url, expected):
    assert embed_address(url) == expected


def test_host_names_and_sizes_read_as_people_say_them():
    assert (host_name("https://youtu.be/x"), host_name("https://vimeo.com/1"), host_name("https://a.org/v")) == (
        "YouTube",
        "Vimeo",
        "a.org",
    )
    assert (size(24), size(2048), size(3 * 1024 * 1024)) == ("24 bytes", "2 KB", "3.0 MB")


@pytest.mark.parametrize(
    "n, expected", [(1, "1 minute"), (45, "45 minutes"), (60, "1 hour"), (75, "1 hour 15 minutes"), (120, "2 hours")]
)
def test_minutes_read_as_words(n, expected):
    assert minutes(n) == expected


def test_text_from_yaml_is_escaped_for_markdown():
    assert esc("A *bold* [link]\n  | pipe") == "A \\*bold\\* \\[link\\] &#124; pipe"


def test_captions_and_front_matter():
    assert caption("Year 1", "", "Autumn 1") == '<p class="ect-caption">Year 1 · Autumn 1</p>\n'
    assert front_matter('Say "hi"', ect_role="ect") == '---\ntitle: "Say \\"hi\\""\nect_role: "ect"\n---\n'


def test_headings_are_demoted_outside_code_only():
    assert demote_headings("## A\n```\n## code\n```\n###### F", 2) == "#### A\n```\n## code\n```\n###### F"


@pytest.mark.parametrize("shortcode", ['{{ video("intro") }}', "{{video('intro')}}", '{{ video( "intro" ) }}'])
def test_a_transcript_page_lists_the_sessions_that_show_its_video_however_the_shortcode_is_spaced(tree, shortcode):
    watch = tree / "prog" / "year-1" / "b1" / "b1-w1-watch.md"
    watch.write_text(watch.read_text(encoding="utf-8").replace('{{ video("intro") }}', shortcode), encoding="utf-8")
    checked = load_and_check(str(tree))
    assert checked.ok, checked.report()
    transcript = next(p for p in render_site(checked) if p.src == "prog/videos/intro.md").markdown
    assert "## Used in\n\n- [" in transcript and "(../year-1/b1/b1-w1-watch.md)" in transcript
