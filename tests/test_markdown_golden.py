"""Golden Markdown: inputs in tests/golden/markdown/*.md rendered by Python-Markdown with the site's
extensions, compared with the .html beside each. They pin the renderer's behaviour on the edge
cases content hits (sentence stems with ___ blanks, underscores inside words, ** across a line
break): a new Markdown release that changes them shows here. Regenerate deliberately with
UPDATE_GOLDEN=1 and review the diff."""

from __future__ import annotations

import os
from pathlib import Path

import markdown
import pytest
from markdown_support import render

GOLDEN = Path(__file__).parent / "golden" / "markdown"


def test_the_pinned_renderer_is_markdown_3_11():
    # 3.10 read "I think ___ because ___" as bold italic across the paragraph.
    assert markdown.__version__.startswith("3.11.")


@pytest.mark.parametrize("name", sorted(p.stem for p in GOLDEN.glob("*.md")))
def test_markdown_renders_as_its_golden(name: str) -> None:
    html = render((GOLDEN / f"{name}.md").read_text(encoding="utf-8")) + "\n"
    golden = GOLDEN / f"{name}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")


def test_a_sentence_stem_with_blanks_is_published_as_text(sample_site: Path) -> None:
    page = sample_site / "oakfield/year-1/classroom-practice/classroom-practice-w2-reflect/index.html"
    html = page.read_text(encoding="utf-8")
    assert "&quot;I think ___ because ___&quot;" in html or '"I think ___ because ___"' in html
    paragraph = html[html.index("I think ___") :]
    assert "<strong>" not in paragraph[: paragraph.index("</p>")]
    assert "<em>" not in paragraph[: paragraph.index("</p>")]
