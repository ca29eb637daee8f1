#!/usr/bin/env python3
"""The first-visit transfer of pages of a built site: every byte the server sends while a browser
shows a page with an empty cache (HTML, stylesheets, scripts, images, fonts, and whatever workers
and frames fetch), counted by the HTTP server itself as it writes them, headers included, so no
request is missed whoever makes it (a Web Worker's own script is not a page request to the browser's
automation, and was once missed). Measured with headless Chromium over HTTP.

With --search QUERY, also the bytes of one search from the first page: what the server sends from
the moment the reader clicks into the search box until the results of QUERY, typed, are shown.

    scripts/transfer.py SITE_DIR PATH [PATH ...] [--search QUERY]   e.g. site/ oakfield/year-1/routines/week-1/
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, os.path.join(ROOT, "tests"))
from browser_support import chromium, serve  # noqa: E402

from induction.publish.interrupts import command  # noqa: E402

# What a file is, by its extension (the server sends files; a page is an address ending in /).
KINDS = {
    ".html": "document",
    ".css": "stylesheet",
    ".js": "script",
    ".json": "data",
    ".svg": "image",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".gif": "image",
    ".webp": "image",
    ".ico": "image",
    ".woff": "font",
    ".woff2": "font",
    ".ttf": "font",
    ".xml": "data",
}
QUIET = 1.0  # seconds without a new request after the page's network is idle: workers start late
# What hosts compress (GitHub Pages, Netlify, Cloudflare gzip or brotli these types on the way out).
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics", ""}


def compressed_size(site: str, address: str) -> int:
    """The body of `address` as a host that gzips text would send it (level 6; brotli does better):
    the test server sends files as they are, so this is what a real host's first visit would cost."""
    path = os.path.join(site, urlsplit(address).path.lstrip("/"))
    if os.path.isdir(path):
        path = os.path.join(path, "index.html")
    if not os.path.isfile(path):
        return 0
    with open(path, "rb") as handle:
        data = handle.read()
    return len(gzip.compress(data, 6)) if os.path.splitext(path)[1].lower() in COMPRESSED else len(data)


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


def first_visit(
    site: str, paths: list[str], files: dict[str, dict[str, int]] | None = None
) -> dict[str, dict[str, int]]:
    """Per page: bytes sent by kind of file (document, stylesheet, script, data, ...) and in total,
    and (`gzip`) the bodies as a compressing host would send them. Given `files`, it also gets, per
    page, the bytes sent for each address (which file a first visit loads, and what it costs)."""
    out: dict[str, dict[str, int]] = {}
    files = {} if files is None else files
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
            sizes["gzip"] = sum(compressed_size(site, address) for address, _ in sent)
            out[path] = sizes
            files[path] = {}
            for address, size in sent:
                name = urlsplit(address).path
                files[path][name] = files[path].get(name, 0) + size
    return out


def one_search(site: str, path: str, query: str) -> dict[str, int]:
    """The bytes the server sends for one search on `path`, visited first with an empty cache:
    from the click into the search box to the results of `query` shown (and the network quiet),
    by file (the search index's parts, Pagefind's script and WebAssembly, Material's worker...)."""
    sent: list[tuple[str, int]] = []
    with serve(Path(site), sent=sent) as base, chromium() as browser:
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + path, wait_until="networkidle")
        settle(sent)
        sent.clear()
        page.click(".md-search__input")
        page.keyboard.type(query)
        page.wait_for_selector(
            ".md-search-result__item, .md-search-result__meta:has-text('No matching')", timeout=30_000
        )
        page.wait_for_load_state("networkidle")
        settle(sent)
        context.close()
    sizes: dict[str, int] = {}
    for address, size in sent:
        name = urlsplit(address).path
        sizes[name] = sizes.get(name, 0) + size
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--search", metavar="QUERY", help="also count one search for QUERY from the first page")
    parser.add_argument("--files", action="store_true", help="list every file of each first visit with its bytes")
    args = parser.parse_args(argv)
    visited: dict[str, dict[str, int]] = {}
    for path, sizes in first_visit(args.site, args.paths, visited).items():
        parts = ", ".join(f"{kind} {size} B" for kind, size in sorted(sizes.items()) if kind not in ("total", "gzip"))
        print(f"{path}: {sizes['total']} bytes ({parts}); {sizes['gzip']} bytes from a host that gzips text")
        if args.files:
            for name, size in sorted(visited[path].items(), key=lambda item: -item[1]):
                print(f"  {size:9} B  {name}")
    if args.search:
        files = one_search(args.site, args.paths[0], args.search)
        print(f"one search for {args.search!r} from {args.paths[0]}: {sum(files.values())} bytes in {len(files)} files")
        for name, size in sorted(files.items(), key=lambda item: -item[1]):
            print(f"  {size:9} B  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(command(main, "transfer.py"))
