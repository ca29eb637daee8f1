"""Conservation: words of a source body against the words of the built page's main content."""

from __future__ import annotations

from collections import Counter

from induction.importer.conservation import built_pages, built_words, measure, source_words


def test_source_words_leave_out_markup_addresses_and_list_numbers():
    body = (
        '1. Read [the paper](https://x.org/p "T") and 2<sup>nd</sup> &amp; more.\n'
        '{details}\nSummary\n{/details}\n<iframe src="https://y.org" title="Ignored"></iframe>\n'
        "![alt words](/assets/a.png)"
    )
    assert source_words(body) == Counter({"read": 1, "the": 1, "paper": 1, "2nd": 1, "and": 1, "more": 1, "summary": 1})


def page(tmp_path, rel: str, main: str) -> None:
    path = tmp_path / rel / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'<html><nav>Menu words</nav><article class="md-content__inner md-typeset">{main}'
        f"<script>var x = 1;</script></article><footer>Footer</footer></html>",
        encoding="utf-8",
    )


def test_built_words_come_from_the_main_content_only(tmp_path):
    page(tmp_path, "p", "<h1>Title</h1><p>Go to <a href='x'>b</a><a href='y'>it.ly</a> now</p>")
    assert built_words(str(tmp_path / "p" / "index.html")) == Counter(
        {"title": 1, "go": 1, "to": 1, "bit": 1, "ly": 1, "now": 1}
    )


def test_each_source_page_is_measured_against_the_pages_it_became(tmp_path):
    source, site = tmp_path / "source", tmp_path / "site"
    (source / "p" / "year-1-b").mkdir(parents=True)
    (source / "p.md").write_text("---\ntitle: P\n---\n\nWelcome all.\n", encoding="utf-8")
    (source / "p" / "year-1-b.md").write_text("Week words.\n", encoding="utf-8")
    (source / "p" / "year-1-b" / "autumn-week-1-ect-video.md").write_text("One two two three.\n", encoding="utf-8")
    page(site, "p", "<p>Welcome</p>")
    page(site, "p/year-1", "<p>all</p>")
    page(site, "p/year-1/b", "<p>Week</p>")
    page(site, "p/year-1/b/week-1", "<p>words</p>")
    page(site, "p/year-1/b/b-autumn-week-1-ect-video", "<p>One two three</p>")
    assert built_pages(str(site), "p/year-1-b.md") == [
        str(site / "p/year-1/b/index.html"),
        str(site / "p/year-1/b/week-1/index.html"),
    ]
    results = {r.source: (r.found, r.total, dict(r.missing)) for r in measure(str(site), str(source))}
    assert results == {
        "p.md": (2, 2, {}),
        "p/year-1-b.md": (2, 2, {}),
        "p/year-1-b/autumn-week-1-ect-video.md": (3, 4, {"two": 1}),
    }


RUNS = "One two three four five six seven eight nine ten."


def test_text_the_source_showed_that_the_site_collapses_is_moved_and_repeated_text_is_doubled(tmp_path):
    source, site = tmp_path / "source", tmp_path / "site"
    (source / "p" / "year-1-b").mkdir(parents=True)
    (source / "p.md").write_text("---\ntitle: P\n---\n\nWelcome all.\n", encoding="utf-8")
    (source / "p" / "year-1-b.md").write_text("Week words.\n", encoding="utf-8")
    (source / "p" / "year-1-b" / "autumn-week-1-ect-video.md").write_text(
        f"{RUNS}\n\n{{details}}\nVideo transcript\n\nAlpha beta gamma delta epsilon zeta eta theta.\n{{/details}}\n",
        encoding="utf-8",
    )
    (source / "p" / "year-1-b" / "autumn-week-1-ect-reflect.md").write_text(f"{RUNS}\n", encoding="utf-8")
    for rel, main in [
        ("p", "<p>Welcome all</p>"),
        ("p/year-1/b", "<p>Week words</p>"),
        (
            "p/year-1/b/b-autumn-week-1-ect-video",
            f"<details><summary>Video transcript</summary><p>{RUNS}</p>"
            "<p>Alpha beta gamma delta epsilon zeta eta theta.</p></details>",
        ),
        ("p/year-1/b/b-autumn-week-1-ect-reflect", f"<p>{RUNS}</p><p>{RUNS}</p>"),
    ]:
        page(site, rel, main)
    results = {r.source: r.placement for r in measure(str(site), str(source))}
    video = results["p/year-1-b/autumn-week-1-ect-video.md"]
    assert (video.moved_words, video.doubled_words) == (10, 0)  # shown in the source, collapsed in the site
    assert video.moved == ["one two three four five six seven eight"]
    reflect = results["p/year-1-b/autumn-week-1-ect-reflect.md"]
    assert (reflect.moved_words, reflect.doubled_words) == (0, 10)


def test_any_site_path_relative_or_absolute_finds_the_same_pages(tmp_path, monkeypatch):
    source, site = tmp_path / "source", tmp_path / "site"
    (source / "p" / "year-1-b").mkdir(parents=True)
    (source / "p.md").write_text("Welcome.\n", encoding="utf-8")
    (source / "p" / "year-1-b.md").write_text("Week words.\n", encoding="utf-8")
    page(site, "p", "<p>Welcome</p>")
    page(site, "p/year-1/b", "<p>Week</p>")
    page(site, "p/year-1/b/week-1", "<p>words</p>")
    monkeypatch.chdir(tmp_path)
    for path in ("site", "./site", str(site), "source/../site"):
        assert [(r.found, r.total) for r in measure(path, "source")] == [(1, 1), (2, 2)], path


def test_a_stray_less_than_sign_is_text_and_hides_no_words(tmp_path):
    source, site = tmp_path / "source", tmp_path / "site"
    (source / "p" / "year-1-b").mkdir(parents=True)
    (source / "p.md").write_text("Welcome all.\n", encoding="utf-8")
    (source / "p" / "year-1-b.md").write_text("Week words.\n", encoding="utf-8")
    (source / "p" / "year-1-b" / "autumn-week-1-ect-reflect.md").write_text(
        "Marks < 5 need support.<\n\nThese words must be counted.\n\nThen a break<br/>here.\n", encoding="utf-8"
    )
    page(site, "p", "<p>Welcome all</p>")
    page(site, "p/year-1/b", "<p>Week words</p>")
    page(
        site,
        "p/year-1/b/b-autumn-week-1-ect-reflect",
        "<p>Marks &lt; 5 need support.&lt;</p><p>These words</p><p>Then a break<br>here.</p>",
    )
    reflect = {r.source: r for r in measure(str(site), str(source))}["p/year-1-b/autumn-week-1-ect-reflect.md"]
    assert (reflect.total, reflect.found, dict(reflect.missing)) == (13, 10, {"must": 1, "be": 1, "counted": 1})


def test_a_sentence_two_source_pages_share_is_not_doubled_where_one_page_shows_both(tmp_path):
    source, site = tmp_path / "source", tmp_path / "site"
    (source / "p" / "year-1-b").mkdir(parents=True)
    (source / "p.md").write_text(f"---\ntitle: P\n---\n\n{RUNS}\n", encoding="utf-8")  # the provider's description
    (source / "p" / "year-1-b.md").write_text(f"{RUNS}\n", encoding="utf-8")  # the block's own
    page(site, "p", "<p>P</p>")
    page(site, "p/year-1/b", f"<p>{RUNS}</p><p>{RUNS}</p>")  # the block page shows both
    results = {r.source: r.placement for r in measure(str(site), str(source))}
    assert (results["p.md"].doubled_words, results["p/year-1-b.md"].doubled_words) == (0, 0)
