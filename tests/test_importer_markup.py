"""Markup repairs of the DfE dialect: details, lists, tags, images, iframes and their transcripts."""

from __future__ import annotations

import pytest

from induction.importer import markup


def name(n: int) -> str:
    return f"p-video-{n + 1}"


def test_details_become_html_details_with_the_first_line_as_summary():
    body, defects = markup.convert_details("Intro\n\n{details}\nExample target\n\n- one\n{/details}\nAfter")
    assert body == (
        'Intro\n\n<details markdown="1">\n<summary>Example target</summary>\n\n\n- one\n\n</details>\nAfter'
    )
    assert defects == []


def test_an_unclosed_details_is_closed_at_the_end_and_reported():
    body, defects = markup.convert_details("{details}\nSummary\ntext")
    assert body.endswith("text\n\n</details>")
    assert defects == [
        ("unclosed-details", 1, "A {details} block is never closed.", "closed it at the end of the page")
    ]


def test_a_close_marker_at_the_end_of_a_text_line_gets_its_own_line():
    body, lines = markup.split_markers("{details}\nVideo transcript.\n\nlast words. {/details}\n")
    assert body == "{details}\nVideo transcript.\n\nlast words.\n\n{/details}\n"
    assert lines == [4]


def test_nested_lists_indented_by_two_or_three_spaces_get_four_per_level():
    source = "- a\n  - b\n     - c\n  - d\n- e\n  continued\n\nText"
    body, changed = markup.fix_lists(source)
    assert body == "- a\n    - b\n        - c\n    - d\n- e\n    continued\n\nText"
    assert changed == 4


def test_an_unclosed_html_list_is_closed_where_its_block_ends():
    body, fixed = markup.close_lists("<ol>\n<li>one</li>\n<li>two</li>\n\n### Next")
    assert body == "<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n\n### Next"
    assert fixed == [1]


def test_a_closed_html_list_is_left_alone():
    source = "<ol>\n<li>one</li>\n</ol>\n\ntext"
    assert markup.close_lists(source) == (source, [])


def test_a_stray_closing_li_after_a_markdown_item_is_removed():
    body, fixed = markup.drop_stray_items("- what have you learned?</li>\n- next")
    assert (body, fixed) == ("- what have you learned?\n- next", [1])


def test_img_url_becomes_src():
    body, lines = markup.fix_images('text\n  <img url="/assets/a.png" alt="A" />')
    assert body == 'text\n  <img src="/assets/a.png" alt="A" />'
    assert lines == [2]


def test_figure_images_with_odd_attributes_keep_only_ordinary_ones():
    source = (
        '<figure class="wp-block-image" data-id="7"><img\n  class="alignnone size-full" src="/a.png"\n'
        '  alt="A diagram" width="101" data-lazy="x"\n/></figure>'
    )
    body, dropped = markup.strip_attributes(source)
    assert body == '<figure><img src="/a.png" alt="A diagram" width="101"\n/></figure>'
    assert dropped == [(1, "<figure>: class, data-id"), (1, "<img>: class, data-lazy")]


def test_link_attributes_target_and_rel_are_removed():
    body, _ = markup.strip_attributes('<a href="https://x.org" target="_blank" rel="noopener">X</a>')
    assert body == '<a href="https://x.org">X</a>'


def test_an_iframe_becomes_a_video_shortcode_and_its_details_transcript_is_taken_out():
    source = (
        'Watch this.\n\n<iframe width="560" src="https://www.youtube.com/embed/AbC_12-x?list=Q" '
        'title="Routines - YouTube" frameborder="0"></iframe>\n\n{details}\nVideo transcript.\n\n'
        "Hello pupils.\n{/details}\n\nThen reflect."
    )
    result = markup.extract_videos(source, name)
    assert result.body == 'Watch this.\n\n\n{{ video("p-video-1") }}\n\n\n\nThen reflect.'
    [video] = result.videos
    assert (video.url, video.title, video.transcript_form) == (
        "https://www.youtube.com/watch?v=AbC_12-x",
        "Routines",
        "details",
    )
    assert video.transcript == "Video transcript.\n\nHello pupils.\n"


def test_a_transcript_written_as_a_headed_section_is_taken_out_up_to_the_next_heading():
    source = (
        '<iframe src="https://www.youtube.com/embed/abcdefgh" title="Intro"></iframe>\n\n'
        "## Transcript\n\n**Narrator:** Welcome.\n\n### Part two\n\nMore.\n\n## Your task\n\nDo it."
    )
    result = markup.extract_videos(source, name)
    [video] = result.videos
    assert video.transcript_form == "heading"
    assert video.transcript == "Transcript\n\n**Narrator:** Welcome.\n\n### Part two\n\nMore.\n"
    assert result.body == '\n{{ video("p-video-1") }}\n\n\n## Your task\n\nDo it.'


def test_a_video_without_a_transcript_is_reported():
    result = markup.extract_videos('<iframe src="https://player.vimeo.com/video/123"></iframe>', name)
    assert result.videos[0].url == "https://vimeo.com/123"
    assert result.defects == [
        (
            "transcript-not-published",
            1,
            "The video has no transcript after it.",
            "published it as having none (no_transcript); add the transcript",
        )
    ]


def test_an_audio_described_iframe_is_kept_as_the_previous_videos_alternative():
    source = (
        '<iframe src="https://www.youtube.com/embed/aaaaaaaa" title="Intro"></iframe>\n'
        "{details}\nTranscript\n\nWords.\n{/details}\n"
        '<iframe src="https://www.youtube.com/embed/bbbbbbbb" title="Intro (audio described)"></iframe>\n'
    )
    result = markup.extract_videos(source, name)
    assert len(result.videos) == 1
    assert result.videos[0].audio_described == "https://www.youtube.com/watch?v=bbbbbbbb"
    assert "bbbbbbbb" not in result.body


def test_template_braces_become_character_references_outside_fenced_code():
    body, lines = markup.escape_templates("a {{ x }} b\n```\n{{ kept }}\n```\n{% y %} {# z #}")
    assert body == "a &#123;&#123; x &#125;&#125; b\n```\n{{ kept }}\n```\n&#123;% y %&#125; &#123;# z #&#125;"
    assert lines == [1, 5]


@pytest.mark.parametrize(
    ("src", "link"),
    [
        ("https://padlet.com/embed/abc def", "[Board](<https://padlet.com/embed/abc%20def>)"),
        (
            "https://evil.example\\@www.youtube-nocookie.com/embed/AAAAAAAAAAA",
            "[Board](<https://evil.example%5C@www.youtube-nocookie.com/embed/AAAAAAAAAAA>)",
        ),
        ("javascript:alert(1)", ""),
    ],
)
def test_an_iframe_that_is_no_known_player_never_becomes_a_video(src, link):
    out = markup.extract_videos(f'Text\n<iframe src="{src}" title="Board"></iframe>\nMore', lambda n: "v")
    assert out.videos == [] and out.body == f"Text\n{link}\nMore"
    [(kind, line, _, action)] = out.defects
    assert (kind, line) == ("iframe-not-video", 2)
    assert action == ("replaced it by a link to its address" if link else "removed it")


A = '<iframe src="https://www.youtube.com/embed/aaaaaaaa" title="Intro - YouTube"></iframe>\n'
B = '<iframe src="https://www.youtube.com/embed/bbbbbbbb" title="Intro"></iframe>\n'
B_URL = "https://www.youtube.com/watch?v=bbbbbbbb"


@pytest.mark.parametrize(
    "body",
    [
        A + "\n### Audio described version\n\n" + B,  # said by the heading above it, not its title
        "Audio-described version:\n" + B + "\nThe video:\n\n" + A,  # before the video it belongs to
        A + "\n[Watch the audio-described version](https://youtu.be/bbbbbbbb)\n",  # a link: it stays
        A + '\nOr <a href="https://www.youtube.com/watch?v=bbbbbbbb">with audio description</a>.\n',
    ],
)
def test_an_audio_described_version_is_its_videos_alternative_in_any_of_its_forms(body):
    result = markup.extract_videos(body, lambda n: f"v{n}")
    [video] = result.videos
    assert video.url == "https://www.youtube.com/watch?v=aaaaaaaa"
    assert video.audio_described in (B_URL, "https://youtu.be/bbbbbbbb")
    assert "audio-described" in [kind for kind, *_ in result.defects]
    assert "bbbbbbbb" not in result.body or "Watch the" in result.body or "with audio" in result.body


def test_an_audio_described_video_alone_on_its_page_is_a_video_of_its_own():
    result = markup.extract_videos("### Audio described version\n\n" + B, lambda n: f"v{n}")
    assert [v.url for v in result.videos] == [B_URL]
