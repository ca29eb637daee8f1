"""Check links: every internal href and src of a built site points at a file that exists.

A publishing check, run after the build (the last stage of the flow): it resolves each link
against its page, as a browser would with the site served under `--prefix` (a sub-path such as
/ect/) or opened from disk, and reports the links whose target file is missing.

    python scripts/check_links.py site/ [--prefix /ect/]
"""

from __future__ import annotations

import argparse
import posixpath
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

_LINKING = {
    ("a", "href"),
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("form", "action"),
}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if (tag, name) in _LINKING and value:
                self.links.append(value)


def links_of(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.links


def target_file(site: Path, prefix: str, page_url: str, link: str, folders: bool = True) -> Path | None:
    """The file that `link` on the page at `page_url` asks for, or None for an external link.
    A link to a folder means its index.html where a server adds it (`folders`), not from disk."""
    address = urljoin(page_url, link)
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or parts.netloc != "site.invalid":
        return None  # another host, mailto:, javascript:, data:
    path = unquote(parts.path)
    if not path.startswith(prefix):
        return site / "__outside_the_site__" / path.lstrip("/")
    relative = posixpath.normpath(path[len(prefix) :]) if path != prefix else "."
    found = site / relative
    if not folders:
        return found if found.is_file() else site / "__not_a_file__" / relative
    return found / "index.html" if path.endswith("/") or found.is_dir() else found


def broken_links(site: Path, prefix: str = "/", folders: bool = True) -> list[str]:
    """'page: link' for every internal link of every page under `site` whose target is missing
    (`folders=False` for a copy opened from disk, where no server turns a folder into its index)."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    broken = []
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        # 404.html is served at whatever address was missing: its links are absolute under the prefix.
        page_url = f"https://site.invalid{prefix}{relative}"
        for link in links_of(page.read_text(encoding="utf-8")):
            target = target_file(site, prefix, page_url, link, folders)
            if target is not None and not target.is_file():
                broken.append(f"{relative}: {link}")
    return broken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("--prefix", default="/", help="the sub-path the site is served under, like /ect/")
    parser.add_argument("--from-disk", action="store_true", help="links must name files (the offline copy)")
    args = parser.parse_args(argv)
    broken = broken_links(args.site, args.prefix, folders=not args.from_disk)
    for line in broken:
        print(line)
    print(f"{len(broken)} broken {'link' if len(broken) == 1 else 'links'}.")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
