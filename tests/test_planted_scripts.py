"""A script planted in content never reaches site/ and is never trusted by the policy, whichever
Markdown route it takes: either the checks report it with file and line, or the rendered page is
refused by the page allow-list (induction_mkdocs/plugin.py: published) before it is written, and
the policy (induction/publish/csp.py) hashes only scripts outside the page's content."""

from __future__ import annotations

import html as html_module
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import make_tree, mkdocs_build
from edits import replace_once

from induction.publish import csp

INTRO = Path("prog/year-1/b1/b1-intro.md")
TEXT = "What this block covers.\n"
PLANT = "<script>planted()</script>"
# (file, text there, replacement): each a way Markdown can carry a script into a page.
ROUTES = {
    "between indented fences": (INTRO, TEXT, f"  ```\n{PLANT}\n  ```\n"),
    "html block in a list item": (INTRO, TEXT, f"- an item\n\n    {PLANT}\n"),
    "md_in_html block": (INTRO, TEXT, f'<div markdown="1">\n\n{PLANT}\n\n</div>\n'),
    "table cell": (INTRO, TEXT, f"| a | b |\n|---|---|\n| one | {PLANT} |\n"),
    "inside a transcript": (Path("prog/transcripts/intro.md"), "Routines matter.", f"Routines matter. {PLANT}"),
    "yaml summary": (Path("prog/year-1/b1/block.yaml"), "ect: What ECTs do.", f'ect: "{PLANT}"'),
    "after a shortcode": (
        Path("prog/year-1/b1/b1-w1-read.md"),
        '{{ asset("sheet") }}.',
        '{{ asset("sheet") }}' + PLANT,
    ),
    "attr_list handler": (INTRO, TEXT, 'What this block covers.\n{: onclick="planted()" }\n'),
    "inline in a heading": (INTRO, TEXT, f"## Heading {PLANT}\n\n{TEXT}"),
    # Issue 23: backticks in a raw HTML block are no code span, and '<!-->' is an empty comment
    "backticks in a div block": (INTRO, TEXT, f"<div>\n`</article><!-->{PLANT}-->`\n</div>\n"),
    "backticks in a p block": (INTRO, TEXT, f"<p>`</article><!-->{PLANT}-->`</p>\n"),
    "cdata in a div block": (INTRO, TEXT, f"<div>\n`<![CDATA[>{PLANT}]]>`\n</div>\n"),
    "transcript div block": (
        Path("prog/transcripts/intro.md"),
        "Routines matter.",
        f"Routines matter.\n\n<div>\n`</article><!-->{PLANT}-->`\n</div>\n",
    ),
    "entity-encoded javascript link": (INTRO, TEXT, '<a href="&#106;avascript:planted()">x</a>\n'),
}
HANDLER = re.compile(r"""\son[a-z]+\s*=\s*["']?[^"'>]*planted""", re.I)


@pytest.mark.build
@pytest.mark.parametrize("route", ROUTES)
def test_a_planted_script_never_reaches_the_site_and_is_never_hashed(tmp_path: Path, route: str) -> None:
    tree = make_tree(tmp_path)
    file, old, new = ROUTES[route]
    replace_once(tree / file, old, new)
    site = tmp_path / "site"
    result = mkdocs_build(tree, site)
    planted = csp.script_hash("planted()")
    for page in site.rglob("*") if site.exists() else []:
        if page.suffix == ".html":
            html = page.read_text(encoding="utf-8")
            assert not any("planted" in script for script in csp.inline_scripts(html)), (route, page)
            assert not HANDLER.search(html), (route, page)
            assert planted not in html
            assert "javascript:planted" not in html_module.unescape(html).replace("\n", ""), (route, page)
        elif page.name == "_headers":
            assert planted not in page.read_text(encoding="utf-8")
    if result.returncode != 0:  # refused with a message naming where, never a traceback
        assert "Traceback" not in result.stderr
        assert "b1" in result.stderr or "intro" in result.stderr, result.stderr[-2000:]


def test_a_refused_page_is_named_with_the_content_file_and_line_it_is_made_from() -> None:
    # The checks now report every route above before the build renders; the page check is the
    # backstop for a route they miss, so it is driven here as the build drives it.
    from mkdocs.exceptions import PluginError

    from induction_mkdocs.plugin import InductionPlugin

    plugin = InductionPlugin()
    src = "prog/year-1/b1/b1-intro.md"
    plugin.build.origins = {src: "minimal/prog/year-1/b1/b1-intro.md"}
    plugin.build.origin_texts = {src: "---\nid: b1-intro\n---\n\nText.\n\n  ```\n<script>planted()</script>\n  ```\n"}
    config = SimpleNamespace(use_directory_urls=True)
    kept = SimpleNamespace(content="<p>Text.</p><p>ok</p>", file=SimpleNamespace(src_uri=src), meta={})
    plugin.on_page_content(kept.content, kept, config, None)  # type: ignore[arg-type]
    plugin.publish_contents(config, None)  # type: ignore[arg-type]
    assert kept.content == "<p>Text.</p><p>ok</p>" and plugin.rendered == []
    planted = SimpleNamespace(content="<p>Text.</p><script>planted()</script>", file=kept.file, meta={})
    plugin.on_page_content(planted.content, planted, config, None)  # type: ignore[arg-type]
    with pytest.raises(PluginError) as refused:
        plugin.publish_contents(config, None)  # type: ignore[arg-type]
    assert plugin.rendering == src  # a failed build is shown at the page's content file in a preview
    assert str(refused.value) == (
        "The rendered page prog/year-1/b1/b1-intro.md (made from minimal/prog/year-1/b1/b1-intro.md:8) holds "
        "HTML that may not be published: <script>. The checks did not report it, so the page's Markdown "
        "is read differently by the renderer: look for raw HTML or {: ...} attributes near it in the "
        "source and remove them. Nothing unsafe was published."
    )
