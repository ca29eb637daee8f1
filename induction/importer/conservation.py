"""Conservation: how many words of each source page's body reach the built page(s) it became.

A check after the import and the build: per source page, the multiset of its body's words
(markup removed) is compared with the words of the main content of the built HTML pages that
page became; the share found is the page's conservation (the target is 100%).
"""
from __future__ import annotations

import glob
import html
import os
import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

from .corpus import read_corpus
from .slugs import canonical

_WORD = re.compile(r"[a-z0-9]+")
_TAG = re.compile(r"<!--.*?-->|<iframe\b.*?(?:</iframe>|>)|<[^>]+>", re.S | re.I)
_INLINE = re.compile(r"</?(a|sup|sub|span|code|abbr|small|mark)\b", re.I)  # tags that split no word
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\([^)]*\)")
_NUMBER = re.compile(r"^(?:[ \t]*>)*[ \t]*\d{1,3}[.)][ \t]+", re.M)  # also in a blockquote ("> 1. ")
_DETAILS = re.compile(r"\{/?details\}")


def words(text: str, unescape: bool = True) -> Counter:
    text = (html.unescape(text) if unescape else text).lower().replace("’", "'").replace("‘", "'")
    return Counter(_WORD.findall(text))


def source_words(body: str) -> Counter:
    """The words a reader sees in a source page's body: no tags, addresses or markers."""
    body = _DETAILS.sub("", body)
    body = _NUMBER.sub(" ", body)  # an ordered list's numbers are markers, not words
    body = _IMAGE.sub("", body)
    body = _TAG.sub(lambda m: "" if _INLINE.match(m.group(0)) else " ", body)
    body = _LINK.sub(lambda m: m.group(1), body)
    body = re.sub(r"https?://\S+", lambda m: m.group(0), body)
    return words(body)


_WORD_TAGS = {"a", "sup", "sub", "span", "code", "abbr", "small", "mark"}


class _Main(HTMLParser):
    """Text of the page's main content (Material's article), without scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth, self.skip = 0, 0
        self.parts: list[str] = []

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

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in _WORD_TAGS:
            self.parts.append(" ")
        if self.depth and tag not in ("br", "img", "hr", "input", "meta", "link", "source", "wbr"):
            self.depth -= 1
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


def built_words(path: str) -> Counter:
    parser = _Main()
    with open(path, encoding="utf-8") as handle:
        parser.feed(handle.read())
    # joined as they stand: inline tags split no word ("b</a><a>it.ly"), blocks are separated by newlines
    return words("".join(parser.parts), unescape=False)  # the parser has decoded references already


@dataclass
class PageResult:
    source: str
    built: list[str]
    total: int
    found: int
    missing: Counter

    @property
    def share(self) -> float:
        return self.found / self.total if self.total else 1.0


def built_pages(site: str, source_path: str) -> list[str]:
    """The built HTML pages a source page became, found by the importer's naming convention."""
    parts = canonical("/" + source_path[: -len(".md")]).lstrip("/").split("/")  # the importer's names
    provider = parts[0]
    if len(parts) == 1:
        # the programme and year pages, and the block pages that took the blocks' descriptions
        return sorted(glob.glob(os.path.join(site, provider, "index.html")) +
                      glob.glob(os.path.join(site, provider, "year-*", "index.html")) +
                      glob.glob(os.path.join(site, provider, "year-*", "*", "index.html")))
    if len(parts) == 2 and os.path.isdir(os.path.join(os.path.dirname(site), "")) and _is_block(site, parts):
        block = _block_dir(site, parts[0], parts[1])
        return sorted([os.path.join(block, "index.html")] + glob.glob(os.path.join(block, "week-*", "index.html")))
    name = parts[-1]
    folder = parts[1] if len(parts) >= 3 else ""
    short = re.sub(r"^year-\d+-", "", folder)
    wanted = {f"{folder}-{name}", f"{short}-{name}"} if folder else {name}
    return sorted(p for p in glob.glob(os.path.join(site, provider, "year-*", "**", "index.html"), recursive=True)
                  if os.path.basename(os.path.dirname(p)) in wanted)


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
    corpus = read_corpus(source)
    results = []
    for provider in corpus.providers.values():
        if not os.path.isdir(os.path.join(site, provider.slug)):
            continue  # not imported into this site
        for page in [provider.index, *provider.pages.values()]:
            pages = built_pages(site, page.path)
            want = source_words(page.body)
            have: Counter = Counter()
            for path in pages:
                have += built_words(path)
            missing = want - have
            total = sum(want.values())
            results.append(PageResult(page.path, [os.path.relpath(p, site) for p in pages], total,
                                      total - sum(missing.values()), missing))
    return sorted(results, key=lambda r: r.source)
