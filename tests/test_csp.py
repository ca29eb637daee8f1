"""The Content Security Policy: hashes of inline scripts, the policy string, the meta tag's place,
the _headers file; and the same on the built sample (tests/test_csp_browser.py loads it in Chromium)."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, make_tree, mkdocs_build
from edits import replace_once

from induction.publish import csp, page_cleaner

PLAYERS = "frame-src https://www.youtube-nocookie.com https://player.vimeo.com"
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def test_inline_scripts_are_those_the_browser_runs():
    html = (
        '<script src="a.js"></script><script>one()</script><script id="__config" type="application/json">'
        '{"base": ".."}</script><script type="module">two()</script>'
        '<SCRIPT data-type="json" type=text/javascript>three()'
        "</SCRIPT ><script>\n</script>"
    )
    assert csp.inline_scripts(html) == ["one()", "two()", "three()", "\n"]


def test_a_scripts_hash_is_the_sha256_of_its_exact_text_as_browsers_compute_it():
    # The example of the CSP specification, and the empty script (Chromium's console names it).
    assert csp.script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    assert csp.script_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"


def test_a_script_repeated_on_a_page_is_hashed_once():
    html = "<script>a()</script><script>b()</script><script>a()</script>"
    assert csp.script_hashes(html) == [csp.script_hash("a()"), csp.script_hash("b()")]


def test_frames_are_the_privacy_enhanced_players_and_the_hosts_a_programme_adds_with_subdomains():
    assert csp.frame_sources() == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
    assert csp.frame_sources(["Videos.Example.org", "player.vimeo.com", "videos.example.org"]) == [
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
        "https://videos.example.org",
        "https://*.videos.example.org",
    ]


def test_the_policy_names_each_kind_of_resource_the_theme_needs_and_nothing_else():
    policy = csp.policy(["'sha256-B'", "'sha256-A'"], csp.frame_sources())
    assert policy == (
        "default-src 'none'; script-src 'self' 'sha256-A' 'sha256-B'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
        f"{PLAYERS}; base-uri 'self'; form-action 'none'"
    )


def test_only_the_header_says_who_may_frame_the_site():
    # Browsers ignore frame-ancestors in a meta tag (and say so in the console).
    assert "frame-ancestors" not in csp.policy([], [])
    assert csp.policy([], [], header=True).endswith("; frame-ancestors 'none'")


def test_the_meta_tag_goes_right_after_the_charset_so_both_come_before_any_script():
    html = '<html><head>\n  <meta charset="utf-8">\n  <title>T</title><script>x()</script></head></html>'
    assert csp.with_meta(html, "default-src 'none'") == (
        '<html><head>\n  <meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'\">\n  <title>T</title><script>x()</script></head></html>"
    )


def test_without_a_charset_the_meta_tag_opens_the_head_and_without_a_head_nothing_changes():
    assert csp.with_meta('<header></header><head lang="en"><script>x()</script>', "P") == (
        '<header></header><head lang="en"><meta http-equiv="Content-Security-Policy" content="P"><script>x()</script>'
    )
    assert csp.with_meta("<p>no head</p>", "P") == "<p>no head</p>"


def test_each_page_lists_its_own_hashes_and_the_header_lists_every_pages():
    site = csp.SitePolicy(csp.frame_sources())
    first = site.page("<head><meta charset=utf-8></head><script>a()</script>")
    second = site.page("<head></head><script>b()</script>")
    assert META.search(first).group(1) == csp.policy([csp.script_hash("a()")], csp.frame_sources())
    assert csp.script_hash("b()") not in first and csp.script_hash("a()") not in second
    assert (
        site.headers()
        == "/*\n  Content-Security-Policy: "
        + csp.policy([csp.script_hash("a()"), csp.script_hash("b()")], csp.frame_sources(), header=True)
        + "\n"
        "  X-Content-Type-Options: nosniff\n"
    )  # a handout served as text is never run as a script


class _Scripts(HTMLParser):
    """The standard library's HTML tokenizer, a second reading of the sample's pages (which hold no
    markup where the two parsers part ways)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[str] = []
        self.current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = (dict(attrs).get("type") or "").lower()
        if tag == "script" and "src" not in dict(attrs) and kind in ("", "text/javascript", "module"):
            self.current = []

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.current is not None:
            self.found.append("".join(self.current))
            self.current = None


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_in_the_built_sample_the_parser_finds_the_scripts_the_html_tokenizer_finds(sample_site):
    for path in pages(sample_site):
        html = path.read_text(encoding="utf-8")
        parser = _Scripts()
        parser.feed(html)
        assert csp.inline_scripts(html) == parser.found, path


def test_every_built_page_has_its_policy_in_the_head_before_any_script(sample_site):
    hashes: set[str] = set()
    for path in pages(sample_site):
        html = path.read_text(encoding="utf-8")
        policies = META.findall(html)
        assert len(policies) == 1, path
        assert html.index('http-equiv="Content-Security-Policy"') < html.index("<script"), path
        assert html.index("<head>") < html.index('http-equiv="Content-Security-Policy"') < html.index("<title>")
        page_hashes = sorted(csp.script_hashes(html.replace(META.search(html).group(0), "")))
        # A hosted site searches with Pagefind's WebAssembly: 'wasm-unsafe-eval' (induction/publish/fragment_search.py).
        assert policies[0] == csp.policy(page_hashes, csp.frame_sources(), wasm=True), path
        hashes.update(page_hashes)
    # Material writes the page's depth into one of its scripts: one hash per depth, plus one script
    # that is the same everywhere. The header lists them all.
    assert 3 <= len(hashes) <= 12
    headers = (sample_site / "_headers").read_text(encoding="utf-8")
    assert headers == csp.headers_file(csp.policy(hashes, csp.frame_sources(), header=True, wasm=True))


def test_a_large_site_is_written_beside_the_build_and_mkdocs_says_no_page_was_skipped(sample_site):
    # The sample is large enough that its pages are handed over and written in the second process
    # (reading/beside.py), MkDocs writing none; its note that each page was skipped is dropped.
    log = (sample_site.parent / "build.log").read_text(encoding="utf-8")
    assert "Documentation built" in log and "skipped" not in log
    assert len(pages(sample_site)) >= page_cleaner.BESIDE


def test_the_offline_copy_keeps_the_policy_and_its_search_frame_runs_no_inline_script():
    config = yaml.load((ROOT / "mkdocs.offline.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    induction = next(p["induction"] for p in config["plugins"] if isinstance(p, dict) and "induction" in p)
    assert induction.get("csp", "true") == "true"
    shim = (ROOT / "docs" / "javascripts" / "vendor" / "iframe-worker" / "shim.js").read_text(encoding="utf-8")
    written = shim[shim.index("document.write(") : shim.index("this.w.document.close()")]
    assert re.findall(r"<script\b[^>]*>", written) == ['<script src="${f}">', "<script src=${e}?${+Date.now()}>"]


@pytest.mark.build
def test_a_programmes_video_hosts_join_the_frames_of_every_page_and_of_the_header(tmp_path: Path):
    tree = make_tree(tmp_path)
    programme = tree / "prog" / "programme.yaml"
    replace_once(programme, "  coverage: off\n", "  coverage: off\n  video_hosts: [videos.example.org]\n")
    result = mkdocs_build(tree, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    frames = (
        "frame-src https://www.youtube-nocookie.com https://player.vimeo.com "
        "https://videos.example.org https://*.videos.example.org;"
    )
    assert frames in META.search((tmp_path / "site" / "index.html").read_text(encoding="utf-8")).group(1)
    assert frames in (tmp_path / "site" / "_headers").read_text(encoding="utf-8")


THEMED = (
    '<html><head><meta charset="utf-8"><script>theme()</script></head><body><div class="md-content">'
    '<article class="md-content__inner md-typeset">{content}</article></div>'
    "<script>later()</script></body></html>"
)


def test_only_scripts_outside_the_content_container_are_trusted():
    html = THEMED.format(content="<p>a</p><article><p>nested</p></article><script>planted()</script>")
    assert csp.split_scripts(html) == (["theme()", "later()"], ["planted()"])
    assert csp.script_hash("planted()") not in csp.script_hashes(html)
    # A page without Material's container (a redirect page, sitemap-like files) has no content.
    assert csp.split_scripts("<head><script>a()</script></head>") == (["a()"], [])


def test_a_container_never_closed_makes_the_rest_of_the_page_content():
    html = '<article class="md-content__inner"><p>x</p><script>planted()</script>'
    assert csp.split_scripts(html) == ([], ["planted()"])


def test_an_end_tag_the_browser_does_not_read_as_one_does_not_end_the_container():
    # In a comment, an attribute or a CDATA-looking comment, '</article>' is no end tag: the
    # script after it is inside the content as the browser builds the page, so never hashed.
    for trick in (
        "<!-- </article> -->",
        '<div title="</article>">',
        "<![CDATA[</article>]]>",
        "<textarea></article></textarea>",
    ):
        html = THEMED.format(content=f"<p>a</p>{trick}<script>planted()</script>")
        assert csp.split_scripts(html) == (["theme()", "later()"], ["planted()"]), trick
        assert csp.script_hash("planted()") not in csp.script_hashes(html), trick


def test_content_that_closes_the_container_early_is_still_content():
    # The payload, as a page no cleaner read would hold it (another engine's build of the
    # export): the browser ends the container at the payload's '</article>' and runs the script
    # after it; the template puts nothing after its container, so that script is content's.
    html = THEMED.format(content="<div>\n`</article><!--><script>planted()</script>-->`\n</div>")
    assert csp.split_scripts(html) == (["theme()", "later()"], ["planted()"])


def test_what_is_no_script_to_a_browser_is_not_hashed_and_a_script_anywhere_in_the_content_is_found():
    html = THEMED.format(
        content="<svg><script>in_svg()</script></svg><noscript><p>n</p></noscript>"
        '<script type="text/plain">data()</script><script src="x.js"></script>'
    )
    # Inside the content every script element counts, whatever its type: content may hold none.
    assert csp.split_scripts(html) == (["theme()", "later()"], ["in_svg()", "data()", ""])
    head = (
        "<head><!-- <script>commented()</script> --><title><script>t()</script></title>"
        '<script type=" Text/JavaScript ">typed()</script><script language="ecmascript">old()</script>'
        '<script type="application/ld+json">{}</script></head>'
    )
    assert csp.inline_scripts(head) == ["typed()", "old()"]


def test_a_scripts_text_is_hashed_as_the_browser_reads_it():
    # The HTML parser turns CR LF into LF and a NUL into U+FFFD before the script runs (and is hashed).
    assert csp.inline_scripts("<script>a()\r\nb()\r</script><script>c(\x00)</script>") == ["a()\nb()\n", "c(\ufffd)"]
    assert csp.script_hashes("<script>a()\r\nb()</script>") == [csp.script_hash("a()\nb()")]


def site_of(tmp_path: Path, pages: dict[str, str]) -> Path:
    for name, html in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(html, encoding="utf-8")
    return tmp_path


def test_the_command_adds_the_policy_to_every_page_and_writes_headers_on_any_engines_output(tmp_path, capsys):
    site = site_of(tmp_path, {"index.html": THEMED.format(content="<p>a</p>"), "a/b/index.html": "<head></head>"})
    assert csp.main([str(site), "--frame-host", "videos.example.org"]) == 0
    frames = csp.frame_sources(["videos.example.org"])
    index = (site / "index.html").read_text(encoding="utf-8")
    assert META.search(index).group(1) == csp.policy([csp.script_hash("theme()"), csp.script_hash("later()")], frames)
    assert META.search((site / "a/b/index.html").read_text(encoding="utf-8")).group(1) == csp.policy([], frames)
    assert (site / "_headers").read_text(encoding="utf-8") == csp.headers_file(
        csp.policy([csp.script_hash("theme()"), csp.script_hash("later()")], frames, header=True)
    )
    assert capsys.readouterr().out == f"Content Security Policy written into 2 pages and {site}/_headers.\n"
    # Run twice (a --dirty build, a second pass): one policy per page, today's.
    assert csp.main([str(site)]) == 0
    assert META.findall((site / "index.html").read_text(encoding="utf-8")) == [
        csp.policy([csp.script_hash("theme()"), csp.script_hash("later()")], csp.frame_sources())
    ]


def test_the_command_refuses_a_site_with_a_script_in_a_pages_content_and_changes_nothing(tmp_path, capsys):
    planted = THEMED.format(content="<p>a</p><script>planted()</script>")
    site = site_of(tmp_path, {"index.html": THEMED.format(content=""), "x/index.html": planted})
    assert csp.main([str(site)]) == 1
    assert capsys.readouterr().err == (
        "An inline script is inside the content of x/index.html: content may not run scripts, so no policy "
        "was written. Find where it came from (the page's Markdown source) and remove it.\n"
    )
    assert (site / "x/index.html").read_text(encoding="utf-8") == planted
    assert not (site / "_headers").exists() and "Content-Security-Policy" not in (site / "index.html").read_text()


CSP_FILE = ROOT / "induction" / "publish" / "csp.py"


def test_the_command_runs_as_a_file_without_the_project_installed(tmp_path):
    site = site_of(tmp_path / "site", {"index.html": "<head></head>"})
    result = subprocess.run(
        [sys.executable, "-I", str(CSP_FILE), str(site)], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert result.returncode == 0, result.stderr
    assert (site / "_headers").is_file()
    missing = subprocess.run(
        [sys.executable, "-I", str(CSP_FILE), str(tmp_path / "nope")], capture_output=True, text=True, check=False
    )
    assert (missing.returncode, missing.stderr) == (2, f"{tmp_path / 'nope'}: no such folder; build the site first.\n")


def test_a_build_policies_only_the_pages_it_did_not_write_and_heads_every_page_with_every_hash(tmp_path):
    """A build gives each page its policy as it writes it; the files it did not write (a docs folder's
    own .html) get theirs at the end, and the header holds every page's hashes."""
    site = site_of(
        tmp_path,
        {"index.html": THEMED.format(content="<p>a</p>"), "copied/page.html": "<head><script>later()</script></head>"},
    )
    policy = csp.SitePolicy(csp.frame_sources())
    written = policy.page(THEMED.format(content="<p>a</p>"))
    (site / "index.html").write_text(written, encoding="utf-8")
    assert csp.publish_rest(str(site), policy, {"index.html"}) == 1
    assert (site / "index.html").read_text(encoding="utf-8") == written  # not read or written again
    assert META.search((site / "copied/page.html").read_text(encoding="utf-8")).group(1) == csp.policy(
        [csp.script_hash("later()")], csp.frame_sources()
    )
    assert (site / "_headers").read_text(encoding="utf-8") == csp.headers_file(
        csp.policy([csp.script_hash("theme()"), csp.script_hash("later()")], csp.frame_sources(), header=True)
    )


def test_a_page_with_a_script_in_its_content_gets_no_policy_as_it_is_written():
    with pytest.raises(csp.ContentScript):
        csp.SitePolicy([]).page(THEMED.format(content="<p>a</p><script>planted()</script>"))
