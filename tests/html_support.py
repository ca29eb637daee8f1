"""Reading built HTML in tests with the standard library's html.parser: links, and the coverage matrix."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Link:
    href: str
    attrs: dict[str, str]
    text: str = ""  # every text inside the link, visually hidden parts included (what a screen reader reads)
    classes: list[str] = field(default_factory=list)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[Link] = []
        self.open: list[Link] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and dict(attrs).get("href") is not None:
            values = {k: v or "" for k, v in attrs}
            link = Link(values["href"], values, classes=values.get("class", "").split())
            self.links.append(link)
            self.open.append(link)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for link in self.open:
            link.text += data


def links(page: Path, within: str = "md-content") -> list[Link]:
    """The links of a built page; by default only those in its content (not the navigation)."""
    html = page.read_text(encoding="utf-8")
    if within:
        start = html.index(f'class="{within}"')
        html = html[start : html.index("</article>", start)]
    parser = _Links()
    parser.feed(html)
    return parser.links


def target(site: Path, page: Path, href: str) -> Path:
    """The file a relative link of `page` opens (directory addresses end in index.html)."""
    path = href.split("#")[0]
    resolved = posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(), path))
    file = site / resolved
    return file / "index.html" if path.endswith("/") or file.is_dir() else file


class _Matrix(HTMLParser):
    """The coverage table as rows of cell texts, with the statement id of each statement row."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table" and "ect-coverage" in (dict(attrs).get("class") or ""):
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("th", "td"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.inside = False
        elif self.inside and tag in ("th", "td") and self.cell is not None:
            self.rows[-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def matrix_rows(page: Path) -> list[list[str]]:
    parser = _Matrix()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.rows
