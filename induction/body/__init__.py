"""Body: one Markdown body, read once, by the renderer's own rules; the modules of this package
find each of its parts.

The checks, the sanitiser, rendering and the importer all need the same facts about a body:
where its fenced code, code spans and raw HTML blocks are (text to show, not markup), its
headings, its shortcodes, and the addresses its links, images and reference definitions write.
Each is found here, once per body, and nowhere else:

- fenced code by Python-Markdown's fenced_code pattern (fences.py, tests/test_fences.py);
- headings by Python-Markdown's preprocessors and block parser (headings.py, test_heading_rule.py);
- raw HTML blocks by its html_block preprocessor (html_blocks.py, tests/test_html_blocks.py);
- code spans by the rule of its BacktickInlineProcessor, in linear time, held to markdown.markdown()
  by hypothesis (`code_spans` below, tests/test_parity.py);
- shortcodes by the format's own grammar (shortcodes.py), outside fenced code;
- link addresses by the patterns below, outside code.

`read` keeps the bodies being worked on, so a check, the sanitiser and the page that renders the
body share one reading (each part is worked out the first time it is asked for).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from induction.body.fences import fenced_ranges, lines_in
from induction.body.headings import Heading, headings
from induction.body.html_blocks import raw_html_ranges
from induction.body.shortcodes import Shortcode, Stray, scan
from induction.core.lines import line_of

# Where content writes addresses: Markdown links and images ("](address"), reference definitions
# ("[label]: address", the address on the same line or the next, as Python-Markdown's
# ReferenceProcessor reads it), and the href= and src= of raw HTML.
MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^\s<>()]+(?:\([^\s()]*\)[^\s<>()]*)*)>?")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
ADDRESS_ATTRIBUTE = re.compile(r"""\b(?:href|src)[ \t]*=[ \t]*(?:"([^"]*)"|'([^']*)')""", re.I)
# An image by reference: ![alt][label], ![label][] or ![label].
IMAGE_REFERENCE = re.compile(r"!\[([^\]]*)\](?:\[([^\]]*)\])?(?!\()")


def _definitions(masked: str) -> Iterator[re.Match[str]]:
    """REFERENCE_DEFINITION's matches in `masked`; none without its ']:' (most bodies)."""
    return REFERENCE_DEFINITION.finditer(masked) if "]:" in masked else iter(())


class Address(NamedTuple):
    """An address the body writes: where it is (offsets of the address alone), its line (from 1),
    and what writes it: "link" (a Markdown link or image), "reference" (a reference definition)
    or "attribute" (an href= or src= of raw HTML)."""

    start: int
    end: int
    line: int
    kind: str


@dataclass(frozen=True, eq=False)
class Body:
    """A Markdown body and what the renderer will make of it; offsets are the text's, lines from 1."""

    text: str

    @cached_property
    def fences(self) -> tuple[tuple[int, int], ...]:
        """(start, end) of each fenced code block, its closing line's line break included."""
        return tuple(fenced_ranges(self.text))

    @cached_property
    def fenced_lines(self) -> tuple[bool, ...]:
        """For each line (as `str.splitlines` counts them): is it part of a fenced block?"""
        return lines_in(self.text, self.fences)

    @cached_property
    def code_spans(self) -> tuple[tuple[int, int], ...]:
        """(start, end) of each code span outside fenced code, backticks included. Backticks inside
        a raw HTML block make none: Python-Markdown keeps the block verbatim (html_blocks)."""
        if "`" not in self.text:
            return ()
        unfenced = _blanked(self.text, self.fences)
        spans = code_spans(unfenced)
        # Only a span that would hide a tag needs the raw blocks (the library's preprocessor is
        # slow: about 2 s a megabyte); a backtick in a raw block then starts no span.
        if any("<" in unfenced[start:end] for start, end in spans):
            blocks = raw_html_ranges(unfenced)
            if blocks:  # out of the search for code spans; a block also ends a paragraph
                spans = code_spans(_blanked(unfenced, blocks))
        return tuple(spans)

    @cached_property
    def masked(self) -> str:
        """The text with fenced code and code spans blanked (same length and lines): HTML and
        links in code are text to show, not markup."""
        if "`" not in self.text and "~~~" not in self.text:  # no fence and no code span: most bodies
            return self.text
        return _blanked(self.text, self.fences + self.code_spans)

    @cached_property
    def raw_html(self) -> tuple[tuple[int, int], ...]:
        """(start, end) of each raw HTML block outside code, as Python-Markdown keeps them."""
        return raw_html_ranges(self.masked) if "<" in self.text else ()

    @cached_property
    def headings(self) -> tuple[Heading, ...]:
        """The headings at the top level of the page, as the site renders them (headings.py)."""
        return tuple(headings(self.text))

    @cached_property
    def _scanned(self) -> tuple[tuple[Shortcode, ...], tuple[Stray, ...]]:
        return scan(self.text, self.fences)

    @property
    def shortcodes(self) -> tuple[Shortcode, ...]:
        """The shortcodes outside fenced code ({{ video("id") }} ...), in order."""
        return self._scanned[0]

    @property
    def strays(self) -> tuple[Stray, ...]:
        """Template syntax outside fenced code that is no shortcode."""
        return self._scanned[1]

    @cached_property
    def addresses(self) -> tuple[Address, ...]:
        """Every address the body writes outside code (MARKDOWN_LINK, REFERENCE_DEFINITION and
        ADDRESS_ATTRIBUTE), in order."""
        masked = self.masked
        # Each pattern needs its literal '=' or ']:': most bodies have neither, and a search costs a
        # pass over the body (the case-blind attribute pattern was a tenth of validating the corpus).
        spans = {
            (m.start(g), m.end(g)): "attribute"
            for m in (ADDRESS_ATTRIBUTE.finditer(masked) if "=" in masked else ())
            for g in (1, 2)
            if m.group(g)
        }
        spans |= {m.span(1): "link" for m in MARKDOWN_LINK.finditer(masked)}
        spans |= {m.span(2): "reference" for m in _definitions(masked)}
        return tuple(Address(start, end, line_of(masked, start), kind) for (start, end), kind in sorted(spans.items()))

    @cached_property
    def definitions(self) -> dict[str, str]:
        """The reference definitions outside code: label (as Python-Markdown matches labels: case
        and runs of spaces aside) -> address."""
        return {label(m.group(1)): m.group(2) for m in _definitions(self.masked)}


def label(text: str) -> str:
    """A reference label as Python-Markdown compares them: case and runs of spaces aside."""
    return " ".join(text.lower().split())


# Every body of a content folder (the imported corpus has ~1,100): the checks read them, then the
# pages that show them, and the live preview reads them all again on every save. At 256 the pages
# found the checks' readings gone, and each save parsed every body's headings again (~0.4 s).
@functools.lru_cache(maxsize=4096)
def read(text: str) -> Body:
    """The Body of `text`."""
    return Body(text)


def _blanked(text: str, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]]) -> str:
    """`text` with each span's characters but its line breaks made spaces."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = [c if c == "\n" else " " for c in text[start:end]]
    return "".join(chars)


def code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each code span, as Python-Markdown 3.11's `BacktickInlineProcessor` finds
    them in a paragraph, in linear time (its own search rescans the paragraph from every run). A
    run of n backticks (less its first one if `_escaped`) opens a
    span closed by the next run of exactly n; failing that, by the first of the longest runs after
    it if that is shorter than n (the opener is then that long and the rest of the run is code);
    failing that it is text, and the search resumes as far past the run as the run is long (as
    Python-Markdown's does). A paragraph ends at a blank line: no span crosses one."""
    spans: list[tuple[int, int]] = []
    for paragraph in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text):
        spans += _paragraph_code_spans(text, paragraph.start(), paragraph.end())
    return spans


def _paragraph_code_spans(text: str, begin: int, stop: int) -> list[tuple[int, int]]:
    runs = []
    for match in re.finditer("`+", text[begin:stop]):
        start, end = begin + match.start(), begin + match.end()
        runs.append((start, start, end))
    later: dict[int, list[int]] = {}  # run length -> indices of the runs of that length, last first
    longest = [(0, -1)] * (len(runs) + 1)  # from each index on: (the longest length, its first index)
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][2] - runs[index][1]  # as a closer, the whole run counts
        later.setdefault(length, []).append(index)
        longest[index] = (length, index) if length >= longest[index + 1][0] else longest[index + 1]
    spans, index, resume = [], 0, begin
    while index < len(runs):
        head, _, end = runs[index]
        start = max(head, resume) if resume > head else head + _escaped(text, head, resume)
        if start >= end:
            index += 1
            continue
        waiting = later.get(end - start, [])
        while waiting and waiting[-1] <= index:
            waiting.pop()
        if waiting:
            closer = waiting[-1]
        else:
            length, closer = longest[index + 1]
            if not 0 < length < end - start:
                # Python-Markdown resumes its search as many characters past the run as the run is long
                resume, index = end + (end - start), index + 1
                continue
        spans.append((start, runs[closer][2]))
        index, resume = closer + 1, runs[closer][2]
    return spans


def _escaped(text: str, head: int, resume: int) -> bool:
    """Whether the backtick at `head` opens nothing because of the backslashes before it. Python-
    Markdown's opener may not follow a backslash; pairs of backslashes before a run are taken first
    (as escaped backslashes) where its search reaches them (from `resume`), which frees the run."""
    slashes = 0
    while head - slashes > 0 and text[head - slashes - 1] == "\\":
        slashes += 1
    return slashes % 2 == 1 or (slashes > 0 and head - slashes < resume)
