"""Page: one built HTML page as a reader meets it, read from the tree a spec-compliant HTML5
parser (Lexbor, through selectolax) builds, as a browser would.

What a reader sees of the page's content (`article.md-content__inner`) is its lines of visible
text: text nodes outside code, preformatted text, keyboard input, scripts, styles, templates and
elements hidden with `hidden`, cut into lines at block boundaries, line breaks and newlines. Text
in a collapsed <details> is visible once opened, so it counts.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

CONTENT = "article.md-content__inner"
# Text a reader never takes for prose: code is shown as written, on purpose; the rest is not shown.
_NOT_PROSE = {"code", "pre", "kbd", "samp", "script", "style", "template", "noscript", "svg", "math", "textarea"}
# Elements whose start and end cut a line (a line is what a reader reads as one run of text).
_BLOCKS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "caption",
    "img",
    "iframe",
    "video",
    "audio",
}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass
class Heading:
    level: int
    text: str
    node: LexborNode = field(repr=False)


@dataclass
class BuiltPage:
    """A page of the built site: its address below the site (`a/b/` or `a/b.html`), its title and
    the content container's tree."""

    path: str  # the HTML file, relative to the site folder, with / separators
    title: str  # the content's h1, else the <title> up to the site name
    content: LexborNode | None
    _lines: list[str] | None = field(default=None, repr=False)

    @classmethod
    def parse(cls, path: str, html: str) -> BuiltPage:
        return cls.of(path, LexborHTMLParser(html))

    @classmethod
    def of(cls, path: str, tree: LexborHTMLParser) -> BuiltPage:
        """The page whose HTML `tree` is, as parsed."""
        content = tree.css_first(CONTENT)
        h1 = content.css_first("h1") if content is not None else None
        title = visible_text(h1) if h1 is not None else ""
        if not title:
            node = tree.css_first("title")
            title = (node.text() if node is not None else "").rsplit(" - ", 1)[0].strip()
        return cls(path, title, content)

    @property
    def programme(self) -> str:
        """The first folder of the page's address: pages of one programme share it."""
        return self.path.split("/", 1)[0] if "/" in self.path else ""

    @property
    def folder(self) -> str:
        """The folder relative addresses on the page resolve from."""
        return posixpath.dirname(self.path)

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = lines_of(self.content) if self.content is not None else []
        return self._lines

    def headings(self) -> list[Heading]:
        if self.content is None:
            return []
        return [
            Heading(int(str(node.tag)[1]), visible_text(node), node)
            for node in self.content.css(",".join(HEADINGS))
            if not hidden(node)
        ]


def hidden(node: LexborNode) -> bool:
    """Whether the node is inside something a reader never sees as prose (up to the content)."""
    current: LexborNode | None = node
    while current is not None and current.tag not in ("article", "body"):
        if current.tag in _NOT_PROSE or "hidden" in current.attributes:
            return True
        current = current.parent
    return False


def lines_of(root: LexborNode) -> list[str]:
    """The lines of visible text below `root`, each with its spaces folded, empty ones left out."""
    lines: list[str] = []
    current: list[str] = []

    def cut() -> None:
        text = _SPACE.sub(" ", "".join(current)).strip()
        if text:
            lines.append(text)
        current.clear()

    def walk(node: LexborNode) -> None:
        child = node.child
        while child is not None:
            tag = child.tag
            if tag == "-text":
                parts = (child.text_content or "").split("\n")
                for index, part in enumerate(parts):
                    if index:
                        cut()
                    current.append(part)
            elif tag in _NOT_PROSE or (tag and not tag.startswith("-") and "hidden" in child.attributes):
                current.append(" ")  # shown as written (code) or not at all: never read as prose
            elif tag and not tag.startswith("-"):
                block = tag in _BLOCKS
                if block:
                    cut()
                walk(child)
                if block:
                    cut()
            child = child.next

    walk(root)
    cut()
    return lines


def visible_text(node: LexborNode) -> str:
    """The node's visible text on one line (a permalink's ¶ left out)."""
    text = " ".join(lines_of(node))
    return text.removesuffix("¶").strip()
