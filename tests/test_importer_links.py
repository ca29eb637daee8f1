"""Links: site-absolute links to pages, handouts, images and index pages; placeholders and broken links."""

from __future__ import annotations

from induction.importer.links import Targets, rewrite, unlink


def targets() -> Targets:
    return Targets(
        {"/p/year-1-b/autumn-week-1-ect-video": "b-autumn-week-1-ect-video"},
        {"/p/year-1-b": "p/year-1/b/index.md"},
        {"/assets/materials/h-pdf": "p/assets/h.pdf", "/assets/materials/d-png": "p/assets/d.png"},
        {"/assets/materials/h-pdf": "h", "/assets/materials/d-png": "d"},
    )  # canonical addresses


def run(body: str) -> tuple[str, list, Targets]:
    found: list = []
    t = targets()
    out = rewrite(body, t, "p/year-1/b/b-x", lambda *d: found.append(d))
    return out, found, t


def test_a_link_to_a_page_becomes_a_session_shortcode_that_keeps_its_text():
    out, found, _ = run("See [Routines \"again\"](/p/year-1-b/autumn-week-1-ect-video/ 'Video week 1').")
    assert out == 'See {{ session("b-autumn-week-1-ect-video", "Routines ”again”") }}.'
    assert found == []


def test_an_html_link_to_a_page_on_the_full_site_address_is_resolved_too():
    out, _, _ = run(
        '<a href="https://support-for-early-career-teachers.education.gov.uk/p/year-1-b/'
        'autumn-week-1-ect-video">Video</a>'
    )
    assert out == '{{ session("b-autumn-week-1-ect-video", "Video") }}'


def test_a_link_to_a_handout_becomes_an_asset_shortcode_titled_by_its_text():
    out, _, t = run("[Handout 1.2 (PDF)](/assets/materials/h.pdf)")
    assert out == '{{ asset("h") }}'
    assert t.asset_titles == {"h": "Handout 1.2 (PDF)"} and t.used == {"/assets/materials/h-pdf"}


def test_an_image_becomes_an_image_shortcode_with_its_text_alternative():
    out, _, t = run('<img src="/assets/materials/d.png" alt="A diagram" />\n![A "photo"](/assets/materials/d.png)')
    assert out == '{{ image("d", "A diagram") }}\n{{ image("d", "A ”photo”") }}'
    assert "/assets/materials/d-png" in t.used and t.asset_titles == {"d": 'A "photo"'}  # Markdown is read first


def test_an_image_missing_from_the_corpus_is_reported_and_its_alt_text_kept():
    out, found, _ = run("<img src='/assets/materials/gone.png' alt='A  map'>\n![A chart](/assets/materials/no.png)")
    assert out == "A map\nA chart"  # no site-absolute address is left
    assert found == [
        ("broken-link", 2, "The image '/assets/materials/no.png' is not in the corpus.", "kept its alt text instead"),
        ("broken-link", 1, "The image '/assets/materials/gone.png' is not in the corpus.", "kept its alt text instead"),
    ]


def test_a_transcript_keeps_the_words_of_its_site_links_and_images_and_its_other_links():
    found: list = []
    out = unlink(
        "See [the video](/p/year-1-b/x) and <a href='/p/y'>this</a>,\n"
        "[the DfE](https://www.gov.uk/) and <img src='/assets/materials/d.png' alt='a map'>.",
        lambda *d: found.append(d),
        10,
    )
    assert out == "See the video and this,\n[the DfE](https://www.gov.uk/) and a map."
    assert found == [
        ("transcript-link", 10, "A transcript links to '/p/year-1-b/x' on the site.", "kept its text, without a link"),
        ("transcript-link", 10, "A transcript links to '/p/y' on the site.", "kept its text, without a link"),
        ("transcript-link", 11, "A transcript shows the image '/assets/materials/d.png'.", "kept its alt text instead"),
    ]


def test_a_link_to_an_index_page_is_reported_and_made_relative():
    out, found, _ = run("[the block](/p/year-1-b)")
    assert out == '<a href="../">the block</a>'
    assert found == [
        ("index-link", 1, "A link to the index page '/p/year-1-b'.", "linked the generated page by a relative address")
    ]


def test_about_blank_with_an_address_as_text_is_repaired():
    out, found, _ = run('[https://www.example.org/](about:blank)\n<a href="about:blank"> http://bit.ly/x</a>')
    assert out == '[https://www.example.org/](https://www.example.org/)\n<a href="http://bit.ly/x"> http://bit.ly/x</a>'
    assert [d[0] for d in found] == ["placeholder-link", "placeholder-link"]


def test_about_blank_with_words_keeps_the_words_without_a_link():
    out, found, _ = run("Read [this paper](about:blank).")
    assert out == "Read this paper."
    assert found == [("placeholder-link", 1, "A link points at about:blank.", "kept its text, without a link")]


def test_a_broken_internal_link_keeps_its_text_and_is_reported():
    out, found, _ = run("Line one\n[Gone](/p/year-1-b/nowhere)")
    assert out == "Line one\nGone"
    assert found == [
        (
            "broken-link",
            2,
            "The link to '/p/year-1-b/nowhere' leads to no page of the corpus.",
            "kept its text, without a link",
        )
    ]


def test_external_links_are_left_alone():
    body = '[EEF](https://educationendowmentfoundation.org.uk/x) and <a href="https://bit.ly/y">y</a>'
    assert run(body)[0] == body
