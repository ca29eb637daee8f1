"""Property-based tests: no content, however broken, makes loading and checking raise.

Hypothesis writes YAML-ish, Markdown-ish and random bytes into each kind of file of a content
tree (a copy of tests/fixtures/minimal) and runs `load_and_check`: it must return reported
problems, never an exception. Profiles (choose with HYPOTHESIS_PROFILE):
  ci (default)  100 examples per test, 800 in all (about 35 s of CPU): for every CI run;
  full          1,250 examples per test, 10,000 in all: `HYPOTHESIS_PROFILE=full pytest tests/test_properties.py`;
  quick         10 examples per test, for `make test-unit`, the fast loop (CI runs `ci`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from conftest import make_tree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from induction.check.pipeline import load_and_check

settings.register_profile(
    "ci", max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "quick", max_examples=10, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("full", max_examples=1250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

KEYS = [
    "id",
    "title",
    "weeks",
    "week",
    "ect",
    "mentor",
    "tutor",
    "see",
    "pages",
    "blocks",
    "years",
    "programmes",
    "framework",
    "settings",
    "coverage",
    "unsafe_html",
    "video_hosts",
    "forbidden_hosts",
    "videos",
    "url",
    "duration",
    "transcript",
    "audio_described",
    "assets",
    "file",
    "term",
    "half_term",
    "summary",
    "minutes",
    "phases",
    "intentions",
    "role",
    "kind",
    "wording",
    "standards",
    "statements",
    "text",
    "number",
    "<<",
]
ODD = ["é", "\u2028", "\u0085", "\ufeff", "\x00", "\x1b", "\U0001f600", "\u202e", "\ud7ff", "ß", "İ", "\t", "\r"]
PUNCT = list(":-[]{},#&*!|>'\"%@`?\n \\") + ["---", "- ", ": ", "&a ", "*a", "!!python/object:os.system", "<<: *a"]
SNIPPETS = [
    "<script>",
    "</script>",
    '<details markdown="1">',
    "</details>",
    "<summary>",
    "<div",
    ">",
    "</",
    '<a href="javascript:x">',
    "<img src=x onerror=y>",
    '<iframe src="https://evil/">',
    "<style>",
    '{{ video("intro") }}',
    '{{ asset("sheet") }}',
    '{{ statement("2.1") }}',
    "{{",
    "}}",
    "{%",
    "%}",
    "```",
    "~~~",
    "`",
    "## ",
    "# ",
    "](",
    "[x](",
    "javascript:",
    "data:",
    "&#x09;",
    "<!--",
    "-->",
    "<https://staging.x/>",
    "\n",
    "\n\n",
    "    ",
    "---\n",
    "[[[[",
    "]]]]",
    "<table><tr><td>",
    "</td>",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10**12),
    st.floats(allow_nan=True),
    st.text(st.sampled_from(list("abc12.-: ") + ODD), max_size=20),
    st.sampled_from(KEYS),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=5),
    max_leaves=25,
)


def dumped(value: object) -> str:
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=None, sort_keys=False)


yaml_ish = st.one_of(
    values.map(dumped),  # well-formed YAML of the wrong shapes
    st.lists(st.sampled_from(PUNCT + KEYS + ODD + list("ab1")), max_size=60).map("".join),  # broken YAML
    st.integers(1, 400).map(lambda n: "[" * n + "]" * n),  # deep flow nesting
    st.integers(1, 400).map(lambda n: "".join(" " * i + "a:\n" for i in range(n))),  # deep block nesting
)
markdown_ish = st.tuples(
    values.map(dumped), st.lists(st.sampled_from(SNIPPETS + ODD) | st.text(max_size=8), max_size=40).map("".join)
).map(lambda parts: f"---\n{parts[0]}---\n{parts[1]}")
raw = st.one_of(st.binary(max_size=300), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))


def as_bytes(content: str | bytes) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_tree(tmp_path_factory.mktemp("properties"))


def never_raises(base: Path, relative: str, content: str | bytes) -> None:
    """Write `content` into one file of the tree, load and check it, then put the file back."""
    path = base / relative
    original = path.read_bytes()
    try:
        path.write_bytes(as_bytes(content))
        checked = load_and_check(str(base))  # must not raise
        checked.report()
    finally:
        path.write_bytes(original)


FILES = {
    "site": "site.yaml",
    "programme": "prog/programme.yaml",
    "block": "prog/year-1/b1/block.yaml",
    "videos": "prog/videos.yaml",
    "assets": "prog/assets.yaml",
    "framework": "frameworks/ecf-2019.yaml",
}


@pytest.mark.parametrize("kind", sorted(FILES))
def test_yaml_files_never_raise(base, kind):
    @given(st.one_of(yaml_ish, raw))
    def run(content: str | bytes) -> None:
        never_raises(base, FILES[kind], content)

    run()


@given(st.one_of(markdown_ish, raw))
def test_session_files_never_raise(base, content):
    never_raises(base, "prog/year-1/b1/b1-w1-read.md", content)


@given(st.one_of(markdown_ish.map(lambda text: text.split("---\n", 2)[-1]), raw))
def test_transcripts_never_raise(base, content):
    never_raises(base, "prog/transcripts/intro.md", content)


def test_the_tree_is_whole_again_after_the_examples(base):
    assert load_and_check(str(base)).ok  # the tree is shared: every example must restore its file


# YAML text fields and file names (issue 19): markup-like titles and summaries, and handout file
# names of any characters, are reported or published as text; loading and checking never raise.
field_text = st.lists(st.sampled_from(SNIPPETS + ODD + PUNCT) | st.text(max_size=6), max_size=20).map("".join)


@given(field_text, field_text)
def test_titles_and_summaries_of_any_text_never_raise(base, title, summary):
    block = (base / FILES["block"]).read_text(encoding="utf-8")
    changed = block.replace("title: Block one", "title: " + json_string(title), 1)
    changed = changed.replace("  ect: What ECTs do.", "  ect: " + json_string(summary), 1)
    never_raises(base, FILES["block"], changed)


file_names = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"), min_size=1, max_size=12)


@given(file_names)
def test_handout_file_names_of_any_characters_never_raise(base, name):
    folder = base / "prog" / "assets"
    path = folder / name
    if path.exists() or name in (".", ".."):
        return
    try:
        path.write_bytes(b"%PDF-1.4\n")
    except OSError:  # a name the file system refuses (too long in bytes)
        return
    try:
        assets = (base / FILES["assets"]).read_text(encoding="utf-8")
        changed = assets.replace("file: assets/sheet.pdf", "file: " + json_string("assets/" + name))
        never_raises(base, FILES["assets"], changed)
    finally:
        path.unlink()


def json_string(text: str) -> str:
    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar
