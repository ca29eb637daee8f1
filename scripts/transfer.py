#!/usr/bin/env python3
"""The first-visit transfer of pages of a built site: every byte a browser downloads to show a page
with an empty cache (HTML, stylesheets, scripts, images, fonts and the search index Material loads
on start), measured in headless Chromium over HTTP.

    scripts/transfer.py SITE_DIR PATH [PATH ...]     e.g. site/ oakfield/year-1/routines/week-1/
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, os.path.join(ROOT, "tests"))
from browser_support import chromium, serve  # noqa: E402

from induction.interrupts import command  # noqa: E402


def first_visit(site: str, paths: list[str]) -> dict[str, dict[str, int]]:
    """Per page: bytes by kind of resource (document, stylesheet, script, fetch, ...) and in total."""
    out: dict[str, dict[str, int]] = {}
    with serve(Path(site)) as base, chromium() as browser:
        for path in paths:
            context = browser.new_context()  # an empty cache for each page
            page = context.new_page()
            finished: list = []
            page.on("requestfinished", lambda request, seen=finished: seen.append(request))
            page.goto(base + path, wait_until="networkidle")
            sizes: dict[str, int] = {}
            for request in finished:  # bytes as transferred: headers and (uncompressed here) bodies
                size = request.sizes()
                kind = request.resource_type
                sizes[kind] = sizes.get(kind, 0) + size["responseBodySize"] + size["responseHeadersSize"]
            context.close()
            sizes["total"] = sum(sizes.values())
            out[path] = sizes
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args(argv)
    for path, sizes in first_visit(args.site, args.paths).items():
        parts = ", ".join(f"{kind} {size / 1024:.0f} KB" for kind, size in sorted(sizes.items()) if kind != "total")
        print(f"{path}: {sizes['total']} bytes ({parts})")
    return 0


if __name__ == "__main__":
    sys.exit(command(main, "transfer.py"))
