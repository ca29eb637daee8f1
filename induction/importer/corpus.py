"""Corpus: the source tree of a DfE-format site, read as pages (front matter, body, lines).

First stage of the import: read every page once. A page's address is its path without `.md`;
structure is found later (`structure`), from the provider and block index pages' prose.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

import yaml


@dataclass
class Page:
    path: str  # relative to the source content folder, with / separators
    url: str  # the page's site-absolute address: /provider/year-1-block/page
    meta: dict
    body: str
    body_line: int  # line of the file where the body starts (from 1)

    @property
    def slug(self) -> str:
        return self.url.rsplit("/", 1)[-1]

    def line_of(self, offset: int) -> int:
        """The file line of character `offset` of the body."""
        return self.body_line + self.body.count("\n", 0, offset)


@dataclass
class Provider:
    slug: str
    index: Page
    pages: dict[str, Page] = field(default_factory=dict)  # url -> page, every page below the provider


@dataclass
class Corpus:
    root: str
    providers: dict[str, Provider]
    assets: dict[str, str]  # site-absolute address (/assets/...) -> absolute file path

    def page(self, url: str) -> Page | None:
        slug = url.strip("/").split("/", 1)[0]
        provider = self.providers.get(slug)
        return provider.pages.get(url.rstrip("/")) if provider else None


def split_front_matter(text: str) -> tuple[dict, str, int]:
    """(front matter, body, first body line) of a page; a page without front matter is all body."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end >= 0:
            try:
                meta = yaml.safe_load(text[4:end]) or {}
            except yaml.YAMLError:
                meta = {}
            rest = text.find("\n", end + 1)
            rest = len(text) if rest < 0 else rest + 1
            return (meta if isinstance(meta, dict) else {}), text[rest:], text.count("\n", 0, rest) + 1
    return {}, text, 1


def read_page(root: str, path: str) -> Page:
    with open(os.path.join(root, path), encoding="utf-8") as handle:
        text = handle.read().replace("\r\n", "\n")
    meta, body, line = split_front_matter(text)
    rel = path.replace(os.sep, "/")
    return Page(rel, "/" + rel[: -len(".md")], meta, body, line)


def read_corpus(root: str, only: list[str] | None = None) -> Corpus:
    """Every provider of the tree at `root` (a provider is `<slug>.md` beside a `<slug>/` folder)."""
    providers: dict[str, Provider] = {}
    for name in sorted(os.listdir(root)):
        slug = name[:-3]
        if not name.endswith(".md") or not os.path.isdir(os.path.join(root, slug)):
            continue
        if only and slug not in only:
            continue
        provider = Provider(slug, read_page(root, name))
        for current, dirs, files in os.walk(os.path.join(root, slug)):
            dirs.sort()
            for file in sorted(files):
                if file.endswith(".md"):
                    page = read_page(root, os.path.relpath(os.path.join(current, file), root))
                    provider.pages[page.url] = page
        providers[slug] = provider
    assets: dict[str, str] = {}
    asset_root = os.path.join(root, "assets")
    for current, dirs, files in os.walk(asset_root):
        dirs.sort()
        for file in sorted(files):
            full = os.path.join(current, file)
            assets["/" + os.path.relpath(full, root).replace(os.sep, "/")] = full
    return Corpus(root, providers, assets)
