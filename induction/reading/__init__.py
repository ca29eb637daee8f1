"""Reading: the reader's-eye check, a stage of its own after the build, over the HTML the builder
wrote to site/ (so it holds for any engine).

It reads every built page with a spec-compliant HTML5 parser, as a browser does, and reports
what a reader would see that the author did not mean: Markdown, template or marker syntax shown
as text, images not shown, empty headings and empty plan phases, headings under the wrong
parent, titles that three or more pages of a programme share, times that cannot be true, and
transcripts holding text that is not speech. Each finding is a problem of the one catalogue,
at the content file and line it came from; `settings.reading_errors` says which are errors.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from selectolax.lexbor import LexborHTMLParser

from induction.core.problems import ERROR, READING_CODES, WARNING, Problems, plural
from induction.publish.origins import page_origins

from .findings import Finding, Pending, pending_findings, shown
from .page import BuiltPage
from .places import Places

if TYPE_CHECKING:  # the model is needed for its type only: a page is read without it
    from induction.check.pipeline import Checked

CODES = READING_CODES  # the codes of this stage, in the order a report lists them
SHARED = 3  # a title this many pages of a programme share tells the reader nothing
Errors = Callable[[str], Iterable[str]]  # programme id -> the codes that are errors there


@dataclass
class Reading:
    """What the check found: per built page (relative to the site) its findings, and the problems."""

    pages: dict[str, list[Finding]] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)
    # The page text each problem quotes, by (file as shown, line, code): what a stage that maps
    # content back to its own source (the importer) looks for there.
    quotes: dict[tuple[str, int, str], str] = field(default_factory=dict)

    def count(self, programme: str) -> dict[str, int]:
        """Pages of the programme with a finding, per code (the figures a report gives)."""
        counts: dict[str, int] = defaultdict(int)
        for path, found in self.pages.items():
            if path.split("/", 1)[0] == programme:
                for code in {f.code for f in found}:
                    counts[code] += 1
        return dict(sorted(counts.items()))


@dataclass(frozen=True)
class PageRead:
    """What the check needs of one built page, read on its own (`read_page`): wherever the page is
    read, from the site folder or beside the build as it is written, in another process (so it
    pickles: text, no tree)."""

    path: str  # the HTML file, relative to the site folder, with / separators
    title: str
    programme: str
    has_content: bool
    pending: tuple[Pending, ...]  # its findings, those hanging on the site's files with the file
    words: frozenset[str]  # the words (four letters or more, lower case) of its title and visible text


_WORD = re.compile(r"[A-Za-z]{4,}")


def read_page(path: str, html: str | LexborHTMLParser) -> PageRead:
    """One built page as the check needs it (`path`: relative to the site folder), from its HTML or
    the tree Lexbor parsed from it."""
    page = BuiltPage.parse(path, html) if isinstance(html, str) else BuiltPage.of(path, html)
    words = {word.lower() for line in [page.title, *page.lines] for word in _WORD.findall(line)}
    return PageRead(
        path, page.title, page.programme, page.content is not None, tuple(pending_findings(page)), frozenset(words)
    )


def read_site(
    site_dir: str, origins: Mapping[str, str], content_root: str = "", errors: Errors = lambda programme: ()
) -> Reading:
    """Check every page of the built site. `origins` maps a page's source (`a/b.md`, as the builder
    names it) to the content file it is made from; `content_root` is the content folder, searched
    for the text of a page that has none; `errors` gives a programme's codes that are errors."""
    published = site_files(site_dir)
    pages = [read_page(path, text) for path, text in html_files(site_dir, published)]
    return reading_of(pages, published, origins, content_root, errors)


def reading_of(
    pages: Iterable[PageRead],
    published: set[str],
    origins: Mapping[str, str],
    content_root: str = "",
    errors: Errors = lambda programme: (),
) -> Reading:
    """The check of a site from its pages, each read on its own, and its files (`published`)."""
    pages = sorted(pages, key=lambda p: p.path)
    # Files shown as the content checks show them: from the folder that holds the content folder.
    root = os.path.dirname(os.path.abspath(content_root)) if content_root else ""
    reading = Reading(problems=Problems(root=root))
    for page in pages:
        found = shown(page.pending, published)
        if found:
            reading.pages[page.path] = found
    for path, finding in shared_titles(pages):
        reading.pages.setdefault(path, []).append(finding)
    report(reading, [p.path for p in pages], Places(origins, content_root), errors)
    return reading


def read_checked_site(site_dir: str, checked: Checked) -> Reading:
    """The check over the site built from checked content, with each programme's settings."""
    published = site_files(site_dir)
    return checked_reading(
        [read_page(path, text) for path, text in html_files(site_dir, published)], published, checked
    )


def checked_reading(pages: Iterable[PageRead], published: set[str], checked: Checked) -> Reading:
    """The check of the pages of a site built from checked content, with each programme's settings."""
    errors = {p.id: p.settings.reading_errors for p in checked.site.programmes}
    return reading_of(pages, published, page_origins(checked), checked.site.root, lambda p: errors.get(p, ()))


def summary(reading: Reading) -> str:
    """The report's last line: how many findings, and how many of them are errors."""
    problems = reading.problems
    if not len(problems):
        return "The reader's-eye check found nothing on the built pages."
    return (
        f"The reader's-eye check: {plural(len(problems.errors), 'error')} and "
        f"{plural(len(problems.warnings), 'warning')} on the built pages."
    )


def site_files(site_dir: str) -> set[str]:
    """Every file of the built site, relative to its folder, with / separators."""
    return {
        os.path.relpath(os.path.join(folder, name), site_dir).replace(os.sep, "/")
        for folder, _, names in os.walk(site_dir)
        for name in names
    }


def html_files(site_dir: str, paths: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(path, text) of each HTML page among `paths` (relative to the site folder), in order."""
    for path in sorted(paths):
        if path.endswith(".html"):
            with open(os.path.join(site_dir, path), encoding="utf-8", errors="replace") as handle:
                yield path, handle.read()


def shared_titles(pages: list[PageRead]) -> list[tuple[str, Finding]]:
    """Pages whose title three or more pages of their programme share."""
    groups: dict[tuple[str, str], list[PageRead]] = defaultdict(list)
    for page in pages:
        if page.has_content and page.title and page.programme:
            groups[(page.programme, page.title.casefold())].append(page)
    found = []
    for (programme, _), group in groups.items():
        if len(group) >= SHARED:
            for page in group:
                found.append(
                    (
                        page.path,
                        Finding(
                            "shared-title",
                            f"The title '{page.title}' is shared by {len(group)} pages of {programme}: a "
                            "reader cannot tell them apart in the tab, the navigation or a search.",
                            page.title,
                        ),
                    )
                )
    return found


def report(reading: Reading, pages: Iterable[str], places: Places, errors: Errors) -> None:
    """Each finding as a problem at its content file and line; the same finding on several pages
    (a step and the print view of its week) is one problem that names them all."""
    seen: dict[tuple[str, str, int, str], list[str]] = defaultdict(list)
    for path, found in sorted(reading.pages.items()):
        for finding in found:
            file, line = places.locate(path, finding.quote, finding.near)
            seen[(finding.code, file, line, finding.message)].append(path)
            reading.quotes[(reading.problems.display(file), max(line, 1), finding.code)] = finding.quote
    error_codes = {programme: set(errors(programme)) for programme in {p.split("/", 1)[0] for p in pages}}
    for (code, file, line, message), where in seen.items():
        shown = _address(where[0]) + (f" (and {len(where) - 1} more)" if len(where) > 1 else "")
        # An error where any programme showing it says so (the home page belongs to none).
        severity = ERROR if any(code in error_codes.get(p.split("/", 1)[0], ()) for p in where) else WARNING
        reading.problems.add(code, file, line, f"{message} Seen on {shown}.", "", severity)


def _address(path: str) -> str:
    """The page's address below the site, as a reader types it."""
    return path.removesuffix("index.html") or "/"
