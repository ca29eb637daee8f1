"""Raw HTML blocks: which stretches of a Markdown body Python-Markdown keeps as HTML, verbatim (check stage).

Inside a raw HTML block (a `<div>` or `<p>` at the start of a block, up to its end tag) Markdown
makes no code span: a backtick there is a character of the HTML, and what looks like code between
two of them is markup the browser reads. The checks that skip code (body.Body.masked) must
know where these blocks are, and the rule is Python-Markdown's own, asked rather than modelled:
its html_block preprocessor (md_in_html's, as the site configures it) is run on the body, and
each raw block it stashes is found in the body. A block whose Markdown is rendered (`markdown="1"`)
is stashed as an element, not as text, and holds code spans as any Markdown does.
"""

from __future__ import annotations

import functools
import re

import markdown

# A tag that meets another '<' (or the end) before its '>': the preprocessor's HTML parser
# waits for the rest of it at every later '<', which takes time quadratic in their number. Such
# a tag is reported as never ended (sanitiser._unterminated); here its '<' is read as text.
_UNENDED = re.compile(r"<(?=[A-Za-z/!?])[^<>]*(?=<|\Z)")
# A raw HTML block starts with a tag at the start of a line: without one, there is none to find.
_BLOCK_START = re.compile(r"^[ ]{0,3}<[A-Za-z!?/]", re.M)


@functools.lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=["md_in_html"])


def raw_html_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) offsets of each raw HTML block of `text` (a body, its fenced code blanked);
    body.Body asks once per body."""
    if "<" not in text or not _BLOCK_START.search(text):
        return ()
    # Offsets must stay those of `text`: a tab is read as one space (it matters only to the
    # indentation of a line, and an indented line is no block start either way).
    readable = _UNENDED.sub(lambda m: " " + m.group()[1:], text.replace("\t", " "))
    md = _markdown()
    md.reset()
    md.preprocessors["html_block"].run(readable.split("\n"))
    ranges, cursor = [], 0
    for block in md.htmlStash.rawHtmlBlocks:
        if not isinstance(block, str) or not block.strip():
            continue
        raw = block.strip("\n")
        start = readable.find(raw, cursor)
        if start >= 0:
            ranges.append((start, start + len(raw)))
            cursor = start + len(raw)
    return tuple(ranges)
