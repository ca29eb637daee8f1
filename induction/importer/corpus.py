"""Corpus: the source tree of a DfE-format site, read as pages (front matter, body, lines).

First stage of the import: read every page once. A page's address is its path without `.md`;
structure is found later (`structure`), from the provider and block index pages' prose.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import yaml

from induction.core import lines
from induction.core.source import NotRegular, TooLarge, read_bounded
from induction.load.served import served_problem

from .report import Defect
from .slugs import canonical, slug, suffix


@dataclass
class Page:
    path: str  # relative to the source content folder, with / separators
    url: str  # the page's canonical site-absolute address (`slugs.canonical`): /provider/year-1-block/page
    meta: dict
    body: str
    body_line: int  # line of the file where the body starts (from 1)

    @property
    def slug(self) -> str:
        return self.url.rsplit("/", 1)[-1]

    def line_of(self, offset: int) -> int:
        """The file line of character `offset` of the body."""
        return self.body_line + lines.line_of(self.body, offset) - 1


@dataclass
class Provider:
    slug: str
    index: Page
    pages: dict[str, Page] = field(default_factory=dict)  # url -> page, every page below the provider


@dataclass
class Corpus:
    root: str
    providers: dict[str, Provider]
    assets: dict[str, str]  # canonical site-absolute address (/assets/...) -> file path
    defects: list[Defect] = field(default_factory=list)  # files refused while reading

    def page(self, url: str) -> Page | None:
        provider = self.providers.get(canonical(url.strip("/").split("/", 1)[0]))
        return provider.pages.get(canonical(url.rstrip("/"))) if provider else None


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


MAX_PAGE_BYTES = 2_000_000  # the corpus's largest page is about 60 KB; a page past this is no page
MAX_ASSET_BYTES = 100_000_000  # a handout or image; past this it is not copied


def read_page(root: str, path: str, url: str = "") -> Page:
    """The page at `path` (relative to `root`); `url` is its canonical address (default: from `path`)."""
    return _page_of(path, read_bounded(os.path.join(root, path), MAX_PAGE_BYTES).decode("utf-8"), url)


def _page_of(path: str, text: str, url: str) -> Page:
    meta, body, line = split_front_matter(text.replace("\r\n", "\n"))
    rel = path.replace(os.sep, "/")
    return Page(rel, url or canonical("/" + rel[: -len(".md")]), meta, body, line)


def _refusal(root: str, full: str, size_limit: int) -> tuple[str, str, int] | None:
    """(kind, message, line) when the file at `full` must not be read, else None."""
    if os.path.islink(full):
        target = os.path.realpath(full)
        if os.path.commonpath([target, os.path.realpath(root)]) != os.path.realpath(root):
            return "unsafe-path", "It is a symbolic link to a file outside the source folder.", 1
    if not os.path.isfile(full):
        return "unsafe-path", "It is not a regular file.", 1
    size = os.path.getsize(full)
    if size > size_limit:
        return "oversized-file", f"It is {size:,} bytes, over the limit of {size_limit:,}.", 1
    return None


def _undecodable(data: bytes) -> tuple[str, str, int] | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return "unreadable-file", f"Byte {error.start + 1} (0x{data[error.start]:02x}) is not UTF-8.", line
    return None


class _Reader:
    """Reads a source tree, refusing what cannot be read safely, each refusal a report line."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.defects: list[Defect] = []

    def refuse(self, rel: str, kind: str, message: str, line: int = 1) -> None:
        self.defects.append(Defect(rel, line, kind, message, "not imported"))

    def safe_name(self, rel: str, name: str) -> bool:
        """A name that gives no id ('.md', '...md', '-.md') could only be made into a path by
        keeping its dots, and a path of dots leaves the destination: refused."""
        if slug(name.removesuffix(".md")):
            return True
        self.refuse(rel, "unsafe-path", f"The name '{name}' has no letter or digit to make an id from.")
        return False

    def files(self, top: str) -> list[tuple[str, str]]:
        """(path relative to root, full path) of every file below `top`, sorted, symlinked folders
        not followed (reported) so that nothing outside the source is read."""
        out = []
        for current, dirs, files in os.walk(top):
            for name in sorted(dirs):
                if os.path.islink(os.path.join(current, name)):
                    self.refuse(
                        self.rel(os.path.join(current, name)),
                        "unsafe-path",
                        "It is a symbolic link to a folder; links are not followed.",
                    )
            dirs[:] = sorted(d for d in dirs if not os.path.islink(os.path.join(current, d)))
            out += [(self.rel(os.path.join(current, f)), os.path.join(current, f)) for f in sorted(files)]
        return out

    def rel(self, full: str) -> str:
        return os.path.relpath(full, self.root).replace(os.sep, "/")

    def page(self, rel: str, full: str, url: str) -> Page | None:
        refusal = _refusal(self.root, full, MAX_PAGE_BYTES)
        data = b""
        if not refusal:
            try:  # bounded: a file swapped for a pipe, or grown, since _refusal looked cannot hang or fill memory
                data = read_bounded(full, MAX_PAGE_BYTES)
            except NotRegular:
                refusal = "unsafe-path", "It is not a regular file.", 1
            except TooLarge:
                refusal = "oversized-file", f"It grew past the limit of {MAX_PAGE_BYTES:,} bytes while read.", 1
            except OSError as error:
                refusal = "unreadable-file", f"It cannot be read: {error.strerror}.", 1
        refusal = refusal or _undecodable(data)
        if refusal:
            self.refuse(rel, refusal[0], refusal[1], refusal[2])
            return None
        return _page_of(rel, data.decode("utf-8"), url)

    def provider(self, slug_: str, index: Page, top: str) -> Provider:
        provider = Provider(slug_, index)
        # a name already spelled as its address first: of two names with one address, it keeps it
        files = sorted(
            self.files(top),
            key=lambda f: (canonical("/" + f[0].removesuffix(".md")) != "/" + f[0].removesuffix(".md"), f[0]),
        )
        for rel, full in files:
            if not rel.endswith(".md") or not self.safe_name(rel, os.path.basename(rel)):
                continue
            url = canonical("/" + rel[: -len(".md")])
            if url in provider.pages:
                other = provider.pages[url].path
                url = f"{url}-{suffix(rel)}"
                self.defects.append(
                    Defect(
                        rel,
                        1,
                        "duplicate-address",
                        f"Its address is also {other}'s.",
                        f"imported it as {url.rsplit('/', 1)[-1]}",
                    )
                )
            page = self.page(rel, full, url)
            if page is not None:
                provider.pages[page.url] = page
        return provider


def read_corpus(root: str, only: list[str] | None = None) -> Corpus:
    """Every provider of the tree at `root` (a provider is `<name>.md` beside a `<name>/` folder)."""
    reader = _Reader(root)
    providers: dict[str, Provider] = {}
    for name in sorted(os.listdir(root)):
        stem = name[:-3]
        if not name.endswith(".md") or not os.path.isdir(os.path.join(root, stem)):
            continue
        if only and stem not in only and slug(stem) not in only:
            continue
        if not reader.safe_name(name, name):
            continue
        if os.path.islink(os.path.join(root, stem)):
            reader.refuse(stem, "unsafe-path", "It is a symbolic link to a folder; links are not followed.")
            continue
        index = reader.page(name, os.path.join(root, name), "/" + slug(stem))
        if index is not None:
            providers[slug(stem)] = reader.provider(slug(stem), index, os.path.join(root, stem))
    assets: dict[str, str] = {}
    asset_root = os.path.join(root, "assets")
    for rel, full in reader.files(asset_root) if os.path.isdir(asset_root) and not os.path.islink(asset_root) else []:
        refusal = _refusal(root, full, MAX_ASSET_BYTES)
        served = None if refusal else served_problem(full, rel)
        if refusal:
            reader.refuse(rel, refusal[0], refusal[1])
        elif served:  # what validation would refuse to publish, by the same checker and code
            reader.refuse(rel, served[0], served[1])
        elif reader.safe_name(rel, os.path.splitext(os.path.basename(rel))[0] + ".md"):
            assets[canonical("/" + rel)] = full
    return Corpus(root, providers, assets, reader.defects)
