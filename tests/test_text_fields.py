"""Every plain YAML text field is text: markup-like titles come out as written, never as markup.

One build puts a payload of markup-like strings into every plain text field of the fixture (site,
programme, provider, year, block, week, session, video, asset, framework and standard titles)
and parses every built page; a property test holds the escaping helpers against Python-Markdown
with the project's own extensions. Summaries are rich text, checked and rendered as bodies are
(tests/test_rich_text.py).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from conftest import ROOT, make_tree, mkdocs_build
from hypothesis import given
from hypothesis import strategies as st

from induction.render.text import esc, paragraphs
from induction_mkdocs import titles

# Markdown's own marks (**bold**, `code`, [a link](...)) in a title or label are refused before the
# build (markdown-in-plain-text: tests/test_plain_text.py), so the payload holds every other kind of
# markup a title may carry as text: HTML, a link as HTML, an attribute list, a template, an admonition.
PAYLOAD = (
    "Zq<ectx>in</ectx> <img src=x onerror=alert(1)> <b>bo</b> <code>co</code> "
    '<a href="javascript:alert(2)">lk</a> {: onclick="alert(3)" } {{ 7*7 }} &lt;b&gt; '
    "</title><script>alert(4)</script> ??? d"
)

# (file, the line as the fixture has it, the key whose value the payload replaces)
FIELDS = [
    ("site.yaml", "title: Test site"),
    ("prog/programme.yaml", "title: Test programme"),
    ("prog/programme.yaml", "provider: Test provider"),
    ("prog/programme.yaml", "title: Year 1"),
    ("prog/year-1/b1/block.yaml", "title: Block one"),
    ("prog/year-1/b1/block.yaml", "title: First week"),
    ("prog/year-1/b1/block.yaml", "title: Mentor-only week"),
    ("prog/videos.yaml", "title: An introduction"),
    ("prog/assets.yaml", "title: Planning sheet"),
    ("prog/year-1/b1/b1-w1-mentor.md", "title: Planning for prior knowledge"),
    ("prog/year-1/b1/b1-w1-read.md", "title: Read about memory"),
    ("frameworks/ecf-2019.yaml", "title: Early Career Framework"),
    ("frameworks/ecf-2019.yaml", "title: High Expectations"),
]


def quoted(text: str) -> str:
    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar


def hostile_tree(tmp_path: Path) -> Path:
    root = make_tree(tmp_path)
    for path, line in FIELDS:
        file = root / path
        key = line.split(":", 1)[0]
        file.write_text(file.read_text(encoding="utf-8").replace(line, f"{key}: {quoted(PAYLOAD)}", 1), "utf-8")
    return root


class Markup(HTMLParser):
    """What a page's HTML makes of the payload: the elements and attributes a browser would create."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.stack: list[str] = []
        self.title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "ectx" or (tag == "img" and values.get("src") == "x"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or (value or "").lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}={value}")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        where = self.stack[-1] if self.stack else ""
        if where == "title":
            self.title += data
        if where == "script" and "alert(" in data:
            self.found.append("script running the payload")
        if where in ("strong", "em", "code") and data.strip() in ("bo", "co"):
            self.found.append(f"<{where}>{data}")
        if where == "summary" and data.strip() in ("D", "Note", "X"):  # '??? d' or '!!! x' became a block
            self.found.append(f"<{where}>{data}")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("text-fields")
    site = tmp / "site"
    result = mkdocs_build(hostile_tree(tmp), site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.build
def test_no_text_field_comes_out_as_markup_on_any_page(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 20
    found = {}
    for page in pages:
        parser = Markup()
        parser.feed(page.read_text(encoding="utf-8"))
        if parser.found:
            found[str(page.relative_to(hostile_site))] = sorted(set(parser.found))
    assert found == {}


@pytest.mark.build
def test_the_titles_read_as_written(hostile_site):
    parser = Markup()
    parser.feed((hostile_site / "prog/year-1/b1/b1-w1-mentor/index.html").read_text(encoding="utf-8"))
    assert parser.title.strip() == f"{PAYLOAD} - {PAYLOAD}"


@pytest.mark.build
def test_curriculum_json_holds_the_text_as_written(hostile_site):
    data = json.loads((hostile_site / "curriculum.json").read_text(encoding="utf-8"))
    assert PAYLOAD in _strings(data)  # JSON strings: the text itself, for the reader to escape where it shows it
    assert "&lt;ectx" not in (hostile_site / "curriculum.json").read_text(encoding="utf-8")


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


# The escaping helpers against the library: whatever the text, Python-Markdown with the site's
# extensions makes one element holding exactly that text.
class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # mkdocs.yml's !ENV and !!python tags
EXTENSIONS = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
PIECES = [
    "<script>",
    "</p>",
    "<img src=x onerror=y>",
    "{{",
    "}}",
    "{:",
    '{: onclick="x" }',
    "[x](javascript:y)",
    "**",
    "__",
    "`",
    "``",
    "&lt;",
    "&amp;",
    "&",
    "#",
    "\\",
    "|",
    "!!!",
    "???",
    "1.",
    "- ",
    "+",
    "> ",
    "<!--",
    "-->",
    "![i](x)",
    "<https://x.example/>",
    "===",
    "---",
    "~~~",
    "```",
    "*",
    "_",
    "[",
    "]",
    "(",
    ")",
    "\n",
    "\n\n",
    "  ",
    "a",
    "é",
    "\u00a0",
    ":",
    "=",
    "^",
]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=14).map("".join)


def _md(source: str) -> str:
    names, configs = [], {}
    for item in EXTENSIONS["markdown_extensions"]:
        name = next(iter(item)) if isinstance(item, dict) else item
        names.append(name)
        if isinstance(item, dict):
            configs[name] = item[name] or {}
    return markdown.markdown(source, extensions=names, extension_configs=configs)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs if name != "id"]

    def handle_data(self, data: str) -> None:
        self.text += data


def shown(text: str) -> str:
    """What a title shows: control characters are not text, and runs of white space are one space."""
    return " ".join(re.sub(r"[\x00-\x1f\x7f]", " ", text).split())


def _parsed(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


@given(texts)
def test_an_escaped_title_is_one_heading_of_exactly_its_text(text):
    parsed = _parsed(_md("# " + esc(text)))
    if shown(text):
        assert parsed.tags == ["h1"] and parsed.attrs == []
        assert parsed.text == shown(text)


@given(texts)
def test_an_escaped_summary_is_paragraphs_of_exactly_its_text(text):
    parsed = _parsed(_md(paragraphs(text)))
    chunks = [shown(c) for c in re.split(r"\n\s*\n", text.strip()) if shown(c)]
    assert set(parsed.tags) <= {"p"} and parsed.attrs == []
    assert parsed.text == "\n".join(chunks)


@given(st.text(max_size=30))
def test_a_title_for_the_theme_is_its_text_escaped_once(text):
    once = titles.text(text)
    assert titles.text(once) == once  # Material's `| e` leaves it
    assert _parsed(f"<p>{once}</p>").text == text  # html.parser, like a browser, reads it back as it was
