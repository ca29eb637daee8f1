#!/usr/bin/env python3
"""The recall of the site's search on a fixed list of queries (tests/search_queries.yaml): the share
of queries whose expected page is among the first five results, typed into the search box of a
built site in headless Chromium, as a reader types. Either search: a hosted site (served over HTTP,
Pagefind's fragments) or the offline copy (opened from disk, Material's whole index).

    scripts/search_recall.py SITE_DIR [--offline] [--queries FILE]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, os.path.join(ROOT, "tests"))
from browser_support import chromium, serve  # noqa: E402

from induction.publish.interrupts import command  # noqa: E402

QUERIES = os.path.join(ROOT, "tests", "search_queries.yaml")
TOP = 5
STILL = 1.0  # seconds the results must stay the same to be the query's (the search runs as one types)
START = "oakfield/year-1/classroom-practice/week-1/"  # where the reader is when searching (a week page)


def page_of(address: str, base: str) -> str:
    """A result's page as the site's directory address ('oakfield/year-1/'), whichever the copy:
    the offline copy links to files ('oakfield/year-1/index.html')."""
    path = unquote(urlsplit(address).path)
    path = path[len(urlsplit(base).path) :] if path.startswith(urlsplit(base).path) else path.lstrip("/")
    if path.endswith("index.html"):
        return path[: -len("index.html")]
    return path[: -len(".html")] + "/" if path.endswith(".html") else path


def results(page, query: str, timeout: float = 20.0) -> list[str]:  # type: ignore[no-untyped-def]
    """The addresses of the results listed for `query` (each page's first link), typed afresh."""
    box = page.locator(".md-search__input")
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.type(query)
    words = set(re.split(r"[\s\-]+", query.lower()))
    seen, since, deadline = None, time.monotonic(), time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = page.evaluate("""() => [document.querySelector('.md-search-result__meta')?.textContent || '',
            [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')]
              .map(a => a.href)]""")
        meta, links = now
        shown = set(" ".join(parse_qs(urlsplit(links[0]).query).get("h", [""])).lower().split()) if links else set()
        answered = "No matching" in meta or (links and shown and shown <= words)
        if now != seen:
            seen, since = now, time.monotonic()
        elif answered and time.monotonic() - since >= STILL:
            return links
        time.sleep(0.1)
    return seen[1] if seen else []


def recall(site: Path, queries: list[dict], offline: bool) -> tuple[float, list[str]]:
    """(the share of queries found in the top five, the queries missed with what came first)."""
    missed = []
    with serve(site) as served, chromium() as browser:
        base = site.resolve().as_uri() + "/" if offline else served
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        start = START.rstrip("/") + "/index.html" if offline else START
        page.goto(base + start)
        page.wait_for_load_state("networkidle")
        for entry in queries:
            found = list(dict.fromkeys(page_of(a, base) for a in results(page, str(entry["query"]))))[:TOP]
            if entry["expected"] not in found:
                missed.append(f"{entry['query']!r}: expected {entry['expected']}, got {found}")
    return (len(queries) - len(missed)) / len(queries), missed


def load(path: str = QUERIES) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("--offline", action="store_true", help="the offline copy, opened from disk")
    parser.add_argument("--queries", default=QUERIES)
    args = parser.parse_args(argv)
    queries = load(args.queries)
    share, missed = recall(Path(args.site), queries, args.offline)
    print(f"recall in the top {TOP}: {share:.0%} ({len(queries) - len(missed)} of {len(queries)})")
    for line in missed:
        print("  missed " + line)
    return 0


if __name__ == "__main__":
    sys.exit(command(main, "search_recall.py"))
