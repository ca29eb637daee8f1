#!/usr/bin/env python3
"""The first-visit transfer of pages of a built site: every byte the server sends while a browser
shows a page with an empty cache (HTML, stylesheets, scripts, images, fonts, and whatever workers
and frames fetch), counted by the HTTP server itself as it writes them, headers included, so no
request is missed whoever makes it (a Web Worker's own script is not a page request to the browser's
automation, and was once missed). Measured with headless Chromium over HTTP.

    scripts/transfer.py SITE_DIR PATH [PATH ...]     e.g. site/ oakfield/year-1/routines/week-1/
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, os.path.join(ROOT, "tests"))
from browser_support import chromium, serve  # noqa: E402

from induction.interrupts import command  # noqa: E402

# What a file is, by its extension (the server sends files; a page is an address ending in /).
KINDS = {".html": "document", ".css": "stylesheet", ".js": "script", ".json": "data", ".svg": "image",
         ".png": "image", ".jpg": "image", ".jpeg": "image", ".gif": "image", ".webp": "image", ".ico": "image",
         ".woff": "font", ".woff2": "font", ".ttf": "font", ".xml": "data"}
QUIET = 1.0  # seconds without a new request after the page's network is idle: workers start late


def kind_of(address: str) -> str:
    path = urlsplit(address).path
    if path.endswith("/"):
        return "document"
    return KINDS.get(os.path.splitext(path)[1].lower(), "other")


def settle(sent: list[tuple[str, int]]) -> None:
    """Wait until the server has answered nothing new for QUIET seconds."""
    seen = -1
    while seen != len(sent):
        seen = len(sent)
        time.sleep(QUIET)


def first_visit(site: str, paths: list[str]) -> dict[str, dict[str, int]]:
    """Per page: bytes sent by kind of file (document, stylesheet, script, data, ...) and in total."""
    out: dict[str, dict[str, int]] = {}
    sent: list[tuple[str, int]] = []
    with serve(Path(site), sent=sent) as base, chromium() as browser:
        for path in paths:
            context = browser.new_context()  # an empty cache for each page
            sent.clear()
            context.new_page().goto(base + path, wait_until="networkidle")
            settle(sent)
            context.close()
            sizes: dict[str, int] = {}
            for address, size in sent:
                sizes[kind_of(address)] = sizes.get(kind_of(address), 0) + size
            sizes["total"] = sum(sizes.values())
            out[path] = sizes
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args(argv)
    for path, sizes in first_visit(args.site, args.paths).items():
        parts = ", ".join(f"{kind} {size} B" for kind, size in sorted(sizes.items()) if kind != "total")
        print(f"{path}: {sizes['total']} bytes ({parts})")
    return 0


if __name__ == "__main__":
    sys.exit(command(main, "transfer.py"))
