"""Places: the content file and line a finding on a built page came from.

A page made from one file (a session, a week's YAML) names it (induction/publish/origins.py); the line
is the first where the finding's text occurs there, else 1. A page made of many (a print view,
a pack) is searched for in its programme's folder, file by file, in order.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from functools import lru_cache

_QUOTE_ENDS = "…'\" "
_LARGEST = 4_000_000  # characters read of a file: twice the largest content file the checks allow


class Places:
    def __init__(self, origins: Mapping[str, str], content_root: str = "") -> None:
        self.origins = origins  # page source (a/b.md) -> content file
        self.root = content_root

    def origin(self, path: str) -> str | None:
        """The content file of a built page (a/b/index.html or a/b.html), if it is made from one."""
        stem = path.removesuffix(".html")
        candidates = [stem + ".md"]
        if stem.endswith("/index") or stem == "index":
            candidates = [stem.removesuffix("index").rstrip("/") + ".md", stem + ".md"]
        return next((self.origins[c] for c in candidates if c in self.origins), None)

    def locate(self, path: str, quote: str, near: str = "") -> tuple[str, int]:
        origin = self.origin(path)
        if origin is not None:
            file = _full(origin, self.root)
            return origin, line_of(file, quote, 0) or line_of(file, near)
        for probe in (quote, near):
            for folder in self.folders(path):
                for file in _files(folder):
                    line = line_of(file, probe, 0)
                    if line:
                        return file, line
        folder = os.path.join(self.root, path.split("/", 1)[0]) if self.root else ""
        programme = os.path.join(folder, "programme.yaml")
        return (programme, 1) if folder and os.path.isfile(programme) else (path, 1)

    def folders(self, path: str) -> list[str]:
        """The content folders a page made of many files draws on, nearest first: a block's pack
        from the block's folder, then its year's, its programme's; the home page from all."""
        if not self.root:
            return []
        parts = path.split("/")[:-1]
        found = [os.path.join(self.root, *parts[:n]) for n in range(len(parts), 0, -1)] or [self.root]
        return [folder for folder in found if os.path.isdir(folder)]


def _full(file: str, root: str) -> str:
    return file if os.path.isabs(file) or not root else os.path.join(root, file)


@lru_cache(maxsize=64)
def _files(folder: str) -> tuple[str, ...]:
    found = []
    for parent, folders, names in os.walk(folder):
        folders.sort()
        found += [
            path
            for n in sorted(names)
            if n.endswith((".md", ".yaml", ".yml")) and _readable(path := os.path.join(parent, n))
        ]
    return tuple(found)


def _readable(path: str) -> bool:
    """A regular file, not a link: opening a named pipe would wait for ever, and a link may lead
    anywhere (the content checks report both; this stage only looks for a line)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


@lru_cache(maxsize=4096)
def _text(file: str) -> str:
    if not _readable(file):
        return ""
    try:
        with open(file, encoding="utf-8", errors="replace") as handle:
            return handle.read(_LARGEST)
    except OSError:
        return ""


def _lines(file: str) -> list[str]:
    return _text(file).splitlines()


def line_of(file: str, quote: str, otherwise: int = 1) -> int:
    """The first line of `file` holding the quote (or, for a long one, its first words)."""
    text = quote.strip(_QUOTE_ENDS)
    whole = _text(file)
    for probe in (text, text[:40], " ".join(text.split()[:4]), " ".join(text.split()[:3])):
        if len(probe) < 3 or probe not in whole:
            continue
        for number, line in enumerate(_lines(file), 1):
            if probe in line:
                return number
    return otherwise
