"""Conservation: how many words of each source page's body reach the built page(s) it became.

A check after the import and the build: per source page, the multiset of its body's words
(markup removed) is compared with the words of the main content of the built HTML pages that
page became; the share found is the page's conservation (the target is 100%).
"""

from __future__ import annotations

import glob
import html
import itertools
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from induction.check import wording

from . import disclosure
from .corpus import read_corpus
from .overlap import Placement, Side, all_runs, compare
from .slugs import canonical

# A tag is "<" then a letter (or "/" and a letter), as HTML reads one: a "<" in the text is a word's
# neighbour, and read as a tag it would swallow every word up to the next ">", lines later.
_TAG = re.compile(r"<!--.*?-->|<iframe\b.*?(?:</iframe>|>)|</?[A-Za-z][^>]*>", re.S | re.I)
_INLINE = re.compile(r"</?(a|sup|sub|span|code|abbr|small|mark)\b", re.I)  # tags that split no word
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\([^)]*\)")
_NUMBER = re.compile(r"^(?:[ \t]*>)*[ \t]*\d{1,3}[.)][ \t]+", re.M)  # also in a blockquote ("> 1. ")
_DETAILS = disclosure.ANY
_DETAILS_LINE = disclosure.LINE
# A tag never ended with '>' before the next tag (`<br` at a line's end): markup, which the import ends.
_UNENDED_TAG = re.compile(r"<[A-Za-z][A-Za-z0-9]*[ \t]*/?[ \t]*$(?=[^<>]*(?:<|\Z))", re.M)


# A timed plan's phase lines are published with their minutes written out ("5 mins" -> "5 minutes",
# render/text.minutes): the same word to a reader, so the count folds them.
_SAME = {"min": "minutes", "mins": "minutes", "minute": "minutes"}


def _tokens(text: str, unescape: bool = True) -> list[str]:
    """The words of `text` as the statement matcher reads them (`wording.words`), minutes folded."""
    return [_SAME.get(word, word) for word in wording.words(html.unescape(text) if unescape else text)]


def words(text: str, unescape: bool = True) -> Counter:
    return Counter(_tokens(text, unescape))


def source_words(body: str) -> Counter:
    """The words a reader sees in a source page's body: no tags, addresses or markers."""
    return words(_clean(body))


def _clean(body: str) -> str:
    """A source body without tags, addresses or markers (its words still to be read)."""
    body = _DETAILS.sub("", body)
    body = _NUMBER.sub(" ", body)  # an ordered list's numbers are markers, not words
    body = _IMAGE.sub("", body)
    body = _UNENDED_TAG.sub(" ", body)
    body = _TAG.sub(lambda m: "" if _INLINE.match(m.group(0)) else " ", body)
    body = _LINK.sub(lambda m: m.group(1), body)
    return body


# Parts of a page written from the model, not the source: the statements' own text, and the text
# of links to other pages of the site (week tables, pagination, lists of pages repeat titles).
# Left out of the placement comparison, where they would read as doubled. The timing table repeats
# the phase titles; an overview repeats other pages' text (the programme page's year summaries, a
# week's "take to your mentor meeting" sentences quoted from its steps).
_GENERATED = frozenset({"ect-intentions", "ect-timing", "ect-overview"})
_WORD_TAGS = {"a", "sup", "sub", "span", "code", "abbr", "small", "mark"}


class _Main(HTMLParser):
    """Text of the page's main content (Material's article), without scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth, self.skip = 0, 0
        self.parts: list[str] = []
        self.collapsed = 0  # open <details> elements (their <summary> is shown, the rest is not)
        self.summary = 0
        self.side: list[tuple[str, bool]] = []  # (text, collapsed)
        self.generated = 0  # the depth at which a generated part (learning intentions) opened, else 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        classes = dict(attrs).get("class") or ""
        if self.depth and tag not in _WORD_TAGS:
            self.parts.append(" ")  # block and emphasis boundaries separate words, as in the source
        if self.depth:
            self.depth += tag not in ("br", "img", "hr", "input", "meta", "link", "source", "wbr")
        elif tag == "article" and "md-content__inner" in classes:
            self.depth = 1
        if tag in ("script", "style"):
            self.skip += 1
        href = dict(attrs).get("href") or "" if tag == "a" else ""
        internal_link = tag == "a" and bool(href) and not re.match(r"[a-z][a-z0-9+.-]*:|#", href, re.I)
        if self.depth and not self.generated and (internal_link or any(c in classes.split() for c in _GENERATED)):
            self.generated = self.depth
        if self.depth and tag == "details":
            self.collapsed += 1
        if self.depth and tag == "summary":
            self.summary += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in _WORD_TAGS:
            self.parts.append(" ")
        if self.depth and tag not in ("br", "img", "hr", "input", "meta", "link", "source", "wbr"):
            self.depth -= 1
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if self.generated and self.depth < self.generated:
            self.generated = 0
        if tag == "details" and self.collapsed:
            self.collapsed -= 1
        if tag == "summary" and self.summary:
            self.summary -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)
            if not self.generated:
                self.side.append((data, bool(self.collapsed and not self.summary)))


def _parsed(path: str) -> _Main:
    parser = _Main()
    with open(path, encoding="utf-8") as handle:
        parser.feed(handle.read())
    return parser


def built_words(path: str) -> Counter:
    # joined as they stand: inline tags split no word ("b</a><a>it.ly"), blocks are separated by newlines
    return words("".join(_parsed(path).parts), unescape=False)  # the parser has decoded references already


def built_side(paths: list[str]) -> Side:
    """The built pages' words in order, shown and collapsed, for `overlap.compare`."""
    side = Side()
    for path in paths:
        for collapsed, group in itertools.groupby(_parsed(path).side, key=lambda part: part[1]):
            tokens = _tokens("".join(text for text, _ in group), unescape=False)
            (side.collapsed if collapsed else side.shown).append(tokens)
    return side


def source_side(body: str) -> Side:
    """A source body's words in order: outside `{details}` blocks (and their first line, the
    summary) shown, inside them collapsed."""
    side = Side()
    shown: list[str] = []
    inside, summary_next = False, False
    for line in body.split("\n"):
        if _DETAILS_LINE.match(line):
            inside = summary_next = not disclosure.closes(line)
            continue
        if inside and not summary_next:
            side.collapsed.append(_tokens(_clean(line)))
            continue
        summary_next = summary_next and not line.strip()
        shown.append(line)
    side.shown.append(_tokens(_clean("\n".join(shown))))
    side.collapsed = [[t for tokens in side.collapsed for t in tokens]]
    return side


@dataclass
class PageResult:
    source: str
    built: list[str]
    total: int
    found: int
    missing: Counter
    placement: Placement = field(default_factory=Placement)  # words moved into collapsed blocks, or doubled

    @property
    def share(self) -> float:
        return self.found / self.total if self.total else 1.0


def built_pages(site: str, source_path: str) -> list[str]:
    """The built HTML pages a source page became, found by the importer's naming convention."""
    parts = canonical("/" + source_path[: -len(".md")]).lstrip("/").split("/")  # the importer's names
    provider = parts[0]
    if len(parts) == 1:
        # the programme and year pages, and the block pages that took the blocks' descriptions
        return sorted(
            glob.glob(os.path.join(site, provider, "index.html"))
            + glob.glob(os.path.join(site, provider, "year-*", "index.html"))
            + glob.glob(os.path.join(site, provider, "year-*", "*", "index.html"))
        )
    if len(parts) == 2 and _is_block(site, parts):
        block = _block_dir(site, parts[0], parts[1])
        return sorted([os.path.join(block, "index.html")] + glob.glob(os.path.join(block, "week-*", "index.html")))
    name = parts[-1]
    folder = parts[1] if len(parts) >= 3 else ""
    short = re.sub(r"^year-\d+-", "", folder)
    wanted = {f"{folder}-{name}", f"{short}-{name}"} if folder else {name}
    return sorted(
        p
        for p in glob.glob(os.path.join(site, provider, "year-*", "**", "index.html"), recursive=True)
        if os.path.basename(os.path.dirname(p)) in wanted
    )


def _block_dir(site: str, provider: str, folder: str) -> str:
    short = re.sub(r"^year-\d+-", "", folder)
    for name in (short, folder):
        found = glob.glob(os.path.join(site, provider, "year-*", name))
        if found:
            return found[0]
    return ""


def _is_block(site: str, parts: list[str]) -> bool:
    return bool(_block_dir(site, parts[0], parts[1]))


def measure(site: str, source: str) -> list[PageResult]:
    site = os.path.abspath(site)  # any path, relative too: the pages are found by globbing below it
    corpus = read_corpus(source)
    sources = [
        page
        for provider in corpus.providers.values()
        if os.path.isdir(os.path.join(site, provider.slug))
        for page in [provider.index, *provider.pages.values()]
    ]  # the providers imported into this site
    became = {page.path: built_pages(site, page.path) for page in sources}
    # Doubled is counted over the whole site, against the whole source: two source pages that say
    # the same thing (a block's description on the provider's page and on the block's) are written
    # once each, and that is not doubling.
    source_runs: Counter = Counter()
    for page in sources:  # in place: summing Counters copies the growing whole at each page (quadratic)
        source_runs.update(all_runs(source_side(page.body)))
    everywhere = (source_runs, all_runs(built_side(sorted({path for pages in became.values() for path in pages}))))
    results = []
    for page in sources:
        pages = became[page.path]
        want = source_words(page.body)
        have: Counter = Counter()
        for path in pages:
            have += built_words(path)
        missing = want - have
        total = sum(want.values())
        results.append(
            PageResult(
                page.path,
                [os.path.relpath(p, site) for p in pages],
                total,
                total - sum(missing.values()),
                missing,
                compare(source_side(page.body), built_side(pages), everywhere),
            )
        )
    return sorted(results, key=lambda r: r.source)
