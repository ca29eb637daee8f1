"""Urls: where every generated page lives, as source paths relative to the docs folder.

Addresses derive from ids only, so they stay stable while titles and order change. Links
between generated pages are written as relative `.md` paths, which MkDocs checks and turns into
addresses that work at a domain root, under a sub-path and from disk.
"""

from __future__ import annotations

import re

from induction.core.model import Block, Framework, Programme, Week, Year
from induction.core.placement import TRAINING, Place


def programme(p: Programme) -> str:
    return f"{p.id}/index.md"


def year(p: Programme, y: Year) -> str:
    return f"{p.id}/{y.id}/index.md"


def block(p: Programme, y: Year, b: Block) -> str:
    return f"{p.id}/{y.id}/{b.id}/index.md"


def week(p: Programme, y: Year, b: Block, w: Week) -> str:
    return f"{p.id}/{y.id}/{b.id}/{w.slug}/index.md"


def session(place: Place) -> str:
    if place.role == TRAINING:  # the mentors' own strand, beside the years it runs through
        return f"{place.programme.id}/mentor-training/{place.session.id}.md"
    base = f"{place.programme.id}/{place.year.id}"
    if place.block is not None:
        base += f"/{place.block.id}"
    return f"{base}/{place.session.id}.md"


def mentor_training(p: Programme) -> str:
    return f"{p.id}/mentor-training/index.md"


def examples(p: Programme) -> str:
    return f"{p.id}/examples.md"


def video(p: Programme, video_id: str) -> str:
    return f"{p.id}/videos/{video_id}.md"


def asset(p: Programme, file: str) -> str:
    return f"{p.id}/{file}"


def coverage(p: Programme, f: Framework | None = None) -> str:
    """The programme's coverage page of its own framework, or of `f`, an edition some of its blocks cite."""
    return f"{p.id}/coverage.md" if f is None or f.id == p.framework_id else f"{p.id}/coverage-{f.id}.md"


def framework(f: Framework) -> str:
    return f"frameworks/{f.id}/index.md"


def standard(f: Framework, number: int) -> str:
    return f"frameworks/{f.id}/standard-{number}.md"


def editions(target: Framework, source: Framework) -> str:
    """The page showing `target` beside `source`, through their crosswalk: in the target's folder,
    under a name no statement page takes (a statement slug never starts 'beside-' in a real scheme)."""
    return f"frameworks/{target.id}/beside-{source.id}.md"


def statement_slug(statement_id: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", statement_id.lower()).strip("-")


def statement(f: Framework, statement_id: str) -> str:
    return f"frameworks/{f.id}/{statement_slug(statement_id)}.md"


def relative(source: str, target: str) -> str:
    """The link from page `source` to `target`, both clean paths relative to the docs folder.

    posixpath.relpath would do, but it normalises through the file system's rules and this runs
    thousands of times per build."""
    start = source.split("/")[:-1]
    parts = target.split("/")
    common = 0
    for a, b in zip(start, parts[:-1], strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(start) - common) + parts[common:])


def address(src: str) -> str:
    """The published address of a page (directory URLs), relative to the site root."""
    if src.endswith("index.md"):
        return src[: -len("index.md")]
    return src[: -len(".md")] + "/" if src.endswith(".md") else src


def page_address(src: str, directory_urls: bool = True) -> str:
    """The published address of a page relative to the site root, in either of MkDocs' layouts
    (the offline copy has no directory URLs: a/b.md is a/b.html there)."""
    if directory_urls:
        return address(src)
    return src[: -len(".md")] + ".html" if src.endswith(".md") else src
