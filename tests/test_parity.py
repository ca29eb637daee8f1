"""Parity with the renderer: where the sanitiser keeps a Markdown rule of its own (code spans,
autolinks, angle-bracketed link addresses), hypothesis checks it against `markdown.markdown()`
with the site's extensions, on generated paragraphs. A rule that disagrees would either check
HTML that the page shows as code, or miss markup that the page renders."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_support import render

from induction import body
from induction.check import sanitiser

TOKENS = ["`", "``", "```", "a", " ", "b c", "<i>", "*", "_", "\\", "\n", "\n\n"]


def paragraphs(text: str) -> bool:
    """No line that would start another kind of block (a list, a rule, a fence, indented code)."""
    return not any(line[:1].isspace() or line.startswith(("*", "_", "```")) for line in text.split("\n"))


PARAGRAPH = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=16).map("".join).filter(paragraphs)


def rendered_code(text: str) -> list[str]:
    return [html.unescape(c) for c in re.findall(r"<code>(.*?)</code>", render(text), re.S)]


@settings(max_examples=400)
@given(PARAGRAPH)
def test_code_spans_are_python_markdowns(text):
    ours = []
    for start, end in body.code_spans(text):
        # the opener is as long as the closing run (the rest of a longer opening run is code)
        fence = len(text[start:end]) - len(text[start:end].rstrip("`"))
        ours.append(text[start + fence : end - fence].strip())
    assert ours == [c.strip() for c in rendered_code(text)]


AUTOLINK_PARTS = st.sampled_from(
    [
        "<",
        ">",
        "https://a.example/",
        "mailto:x@y.example",
        "x@y.example",
        "a b",
        ":",
        "/p",
        "ftp://h",
        "b",
        "<i>",
        "@",
        "!",
    ]
)


@settings(max_examples=400)
@given(st.lists(AUTOLINK_PARTS, min_size=1, max_size=8).map("".join))
def test_autolinks_are_python_markdowns(text):
    masked = text  # the sanitiser's reading: each pattern in turn, as the renderer applies them
    found = []
    for pattern in sanitiser.AUTOLINKS:
        found += [(m.start(), m.group(1)) for m in pattern.finditer(masked)]
        masked = pattern.sub(lambda m: " " * len(m.group(0)), masked)
    ours = [address for _, address in sorted(found)]
    links = re.findall(r'<a href="([^"]*)"', render(text))
    # mailto: links are obfuscated as character references by Python-Markdown: compare as text
    theirs = [html.unescape(link).removeprefix("mailto:") for link in links]
    assert [o.removeprefix("mailto:") for o in ours] == theirs
