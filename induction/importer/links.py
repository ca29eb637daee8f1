"""Links: site-absolute links rewritten to our references; placeholders and broken links reported.

Import stage four (corpus -> structure -> markup -> **links** -> intentions -> writer). A link to
another page becomes `{{ session("id", "its text") }}` (so the link keeps its words and follows
the page wherever it is rendered); a link to a handout becomes `{{ asset("id") }}`; an image's
address becomes relative to the page. Nothing site-absolute is left.
"""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field

from induction.core import lines

from .markup import attributes
from .slugs import canonical
from .structure import internal

# Every run below stops at the next character that could start another candidate ([ in a link's
# text or address, < in a tag, another <a in a link's content), so that a page of `[`, `[a](` or
# `<a>` costs time in proportion to its length: a run that could cross a later start is retried
# from every start, which is quadratic (80 KB of `[` took 11.8 s). The corpus has no address with
# ( or [ and no link text with brackets nested twice.
_MD_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?([^()\[\]\s<>]*)>?(?:\s+(\"[^\"]*\"|'[^']*'))?\s*\)")
_HTML_A = re.compile(r"<a\b([^<>]*)>((?:[^<]|<(?!/?a\b))*?)</a>", re.I | re.S)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_IMG = re.compile(r"<img\b[^<>]*>", re.I | re.S)
_URLISH = re.compile(r"^\s*(https?://\S+|www\.\S+)\s*$")


@dataclass
class Targets:
    """Where site-absolute addresses lead in the imported programme."""

    # Every address here is canonical (`slugs.canonical`), as `structure.internal` gives them.
    sessions: dict[str, str]  # page address -> session id
    indexes: dict[str, str]  # index page address -> generated page (path relative to the docs folder)
    files: dict[str, str]  # /assets/... address -> path of the copied file, relative to the docs folder
    asset_ids: dict[str, str] = field(default_factory=dict)  # /assets/... address -> handout id
    asset_titles: dict[str, str] = field(default_factory=dict)  # handout id -> title (first link text)
    used: set[str] = field(default_factory=set)  # /assets/... addresses referenced
    # index page address -> its weeks' (first, last, title) and the generated page that now holds each
    weeks: dict[str, list[tuple[int, int, str, str]]] = field(default_factory=dict)

    def holds(self, path: str) -> bool:
        """Whether `path` (canonical) is one of the source site's own addresses."""
        return path in self.sessions or path in self.indexes or path in self.files

    def week_page(self, path: str, fragment: str) -> str:
        """The generated week page that now holds the heading `fragment` of the index page `path`
        ('#week-3-routines', '#Week%203', '#weeks-4-6'), or ''."""
        words = [w for w in re.split(r"[^a-z0-9]+", urllib.parse.unquote(fragment).casefold()) if w]
        number = int(words[1]) if len(words) > 1 and words[0] in ("week", "weeks") and words[1].isdigit() else None
        named = "-".join(words)
        for first, last, title, page in self.weeks.get(path, []):
            if number is not None and first <= number <= last:
                return page
            if number is None and named and named == "-".join(re.split(r"[^a-z0-9]+", title.casefold())).strip("-"):
                return page
        return ""


def label(text: str) -> str:
    """A shortcode argument: the link text on one line, quoted so it cannot end the argument."""
    text = " ".join(text.split())
    return '"' + text.replace('"', "”") + '"'


def rewrite(body: str, targets: Targets, address: str, defect: Callable[[str, int, str, str], None]) -> str:
    """`body` with every link resolved; `address` is the page's own published directory."""
    return _Rewriter(body, targets, address, defect).run()


@dataclass
class _Rewriter:
    """One page's links resolved, pass by pass (Markdown links and images, <a>, <img>); the lines of
    its defects are those of the text each pass reads."""

    body: str
    targets: Targets
    address: str
    defect: Callable[[str, int, str, str], None]

    def run(self) -> str:
        for pattern, replace in ((_MD_LINK, self.markdown), (_HTML_A, self.html), (_IMG, self.img)):
            self.body = pattern.sub(replace, self.body)
        return self.body

    def line_of(self, offset: int) -> int:
        return lines.line_of(self.body, offset)

    def image(self, url: str, alt: str, offset: int) -> str | None:
        """An `image` shortcode for a corpus image (relative wherever it is rendered), else None."""
        path, targets = internal(url), self.targets
        if path in targets.files:
            targets.used.add(path)
            asset_id = targets.asset_ids[path]
            targets.asset_titles.setdefault(asset_id, " ".join(alt.split()) or asset_id)
            return f'{{{{ image("{asset_id}", {label(alt)}) }}}}'
        if path:  # a site address that leads nowhere would stay site-absolute: its words are kept instead
            self.defect(
                "broken-link",
                self.line_of(offset),
                f"The image '{url}' is not in the corpus.",
                "kept its alt text instead",
            )
            return " ".join(alt.split())
        return None

    def link(self, text: str, url: str, offset: int) -> str | None:
        """The replacement for a link to `url` with `text`: "repair" (the address its text gives),
        "text" (its text alone), a shortcode or a link, or None to keep it as it is."""
        line = self.line_of(offset)
        if url.strip() == "about:blank":
            repair = bool(_URLISH.match(text))
            self.defect(
                "placeholder-link",
                line,
                "A link points at about:blank.",
                "pointed it at the address its text gives" if repair else "kept its text, without a link",
            )
            return "repair" if repair else "text"
        path = internal(url)
        copy = _path_of(url)
        if not path and copy and self.targets.holds(copy):  # another host serving the site's own pages
            self.defect(
                "staging-link",
                line,
                f"A link points at a copy of the site on another host: '{url}'.",
                "linked the page it names",
            )
            return self.site_link(text, url, copy, line)
        if not path and re.match(r"https?://[^/]*staging", url):
            self.defect(
                "staging-link", line, f"A link points at a staging host: '{url}'.", "kept its text, without a link"
            )
            return "text"
        if not path:
            return None
        return self.site_link(text, url, path, line)

    def site_link(self, text: str, url: str, path: str, line: int) -> str:
        """A link to an address of the provider's site: a session, a handout, a generated page, or its text."""
        targets = self.targets
        if path in targets.sessions:
            return f'{{{{ session("{targets.sessions[path]}", {label(text)}) }}}}'
        if path in targets.files:
            targets.used.add(path)
            asset_id = targets.asset_ids[path]
            title = targets.asset_titles.setdefault(asset_id, " ".join(text.split()) or asset_id)
            if title != " ".join(text.split()):
                self.defect(
                    "asset-link-text",
                    line,
                    f"A link to '{url}' says '{text}', another says '{title}'.",
                    "linked the handout by its first title",
                )
            return f'{{{{ asset("{asset_id}") }}}}'
        fragment = url.split("#", 1)[1] if "#" in url else ""
        week = targets.week_page(path, fragment) if fragment else ""
        if week:
            rel = posixpath.relpath(week.removesuffix("index.md"), self.address)
            self.defect(
                "index-link",
                line,
                f"A link to a heading of the index page '{url}'.",
                "linked the week page that now holds it",
            )
            return f'<a href="{rel}/">{text}</a>'
        if path in targets.indexes:
            rel = posixpath.relpath(targets.indexes[path].removesuffix("index.md"), self.address)
            self.defect(
                "index-link",
                line,
                f"A link to the index page '{url}'.",
                "linked the generated page by a relative address",
            )
            return f'<a href="{rel}/">{text}</a>'
        self.defect(
            "broken-link", line, f"The link to '{url}' leads to no page of the corpus.", "kept its text, without a link"
        )
        return "text"

    def markdown(self, match: re.Match) -> str:
        bang, text, url = match.group(1), match.group(2), match.group(3)
        if bang:
            found = self.image(url, text, match.start())
            return match.group(0) if found is None else found
        new = self.link(text, url, match.start())
        if new is None:
            return match.group(0)
        if new == "repair":
            return f"[{text}]({_address_in(text)})"
        return text if new == "text" else new

    def html(self, match: re.Match) -> str:
        href = _HREF.search(match.group(1))
        if not href:
            return match.group(0)
        url = href.group(1) if href.group(1) is not None else href.group(2)
        text = match.group(2)
        new = self.link(re.sub(r"<[^>]+>", "", text), url, match.start())
        if new is None:
            return match.group(0)
        if new == "repair":
            return match.group(0).replace(href.group(0), f'href="{_address_in(text)}"')
        return text if new == "text" else new

    def img(self, match: re.Match) -> str:
        attrs = attributes(match.group(0))
        found = self.image(attrs.get("src", ""), attrs.get("alt", ""), match.start())
        return match.group(0) if found is None else found


def unlink(text: str, defect: Callable[[str, int, str, str], None], line: int = 1) -> str:
    """A transcript's site links and images as their text: a transcript is shown on several pages
    (the session's, its own, a week's print view) where no one relative address works, and
    shortcodes are for session bodies. Addresses on other sites stay links. `line` is the body
    line the text starts on."""

    def line_of(offset: int) -> int:  # in the text as the current pass reads it (passes keep every line)
        return line + lines.line_of(current[0], offset) - 1

    current = [text]

    def markdown(match: re.Match) -> str:
        if not internal(match.group(3)):
            return match.group(0)
        defect(
            "transcript-link",
            line_of(match.start()),
            f"A transcript links to '{match.group(3)}' on the site.",
            "kept its text, without a link",
        )
        return match.group(2)

    def html(match: re.Match) -> str:
        href = _HREF.search(match.group(1))
        url = (href.group(1) if href.group(1) is not None else href.group(2)) if href else ""
        if not internal(url):
            return match.group(0)
        defect(
            "transcript-link",
            line_of(match.start()),
            f"A transcript links to '{url}' on the site.",
            "kept its text, without a link",
        )
        return match.group(2)

    def img(match: re.Match) -> str:
        attrs = attributes(match.group(0))
        if not internal(attrs.get("src", "")):
            return match.group(0)
        defect(
            "transcript-link",
            line_of(match.start()),
            f"A transcript shows the image '{attrs['src']}'.",
            "kept its alt text instead",
        )
        return attrs.get("alt", "")

    for pattern, replace in ((_MD_LINK, markdown), (_HTML_A, html), (_IMG, img)):
        current[0] = pattern.sub(replace, current[0])
    return current[0]


def _path_of(url: str) -> str:
    """The canonical path of an absolute http(s) address on any host, or ''."""
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    return canonical(parts.path.rstrip("/")) or "/"


def _address_in(text: str) -> str:
    """The address a link's text spells: without tags, and without Markdown's backslash escapes
    (`\\_` is `_` on the page, and a backslash in an address is a path delimiter to browsers)."""
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", re.sub(r"<[^>]+>", "", text)).strip()
