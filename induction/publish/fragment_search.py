"""Fragment search: the hosted site's search index, split into fragments a browser fetches as a
reader searches (Pagefind), where Material's index is one file holding every word of the site.

Beside the flow, after the build (publish stage). The MkDocs adapter gives each searchable page
the facts a result shows or ranks by (`page_facts`: its role, its programme, and whether it is the
programme's own page or reference), the theme's template writes them into the page as Pagefind's
attributes (overrides/main.html); as each page's content is rendered the adapter writes its
search copy (`search_copy`), and once the last is, `Indexing` runs Pagefind over the copies while
the pages are written; at the end it writes the other-spellings table from the words the
reader's-eye check read on the pages. Material's index holds its configuration only (the adapter
keeps the site's words out of it), so that opening search on a hosted site downloads none of them
(docs/javascripts/search-on-demand.js then answers Material's search box from Pagefind). The
offline copy keeps Material's whole index: a fragment index needs a web server, and that copy is
opened from disk.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from induction.core.formats import ROLE_NAMES
from induction.core.spelling import other_spelling

if TYPE_CHECKING:  # the model is needed for its type only: a page is read without it
    from induction.check.pipeline import Checked
    from induction.render.text import Page

# Programme pages a reader works from, ranked before the reference pages that list many of them
# (the framework, its standards and statements, and the coverage matrix, which names every session).
REFERENCE = {"framework", "standard", "statement", "coverage"}
# Pagefind's weight for the text of reference pages (1 is ordinary text; headings keep their own,
# 5 to 7, so a statement's page still comes first for its code, "Statement 2b" being its heading).
REFERENCE_WEIGHT = 0.3
# The tier a result is ranked in (search-on-demand.js lowers the "reference" tier's scores): a
# statement's page is found by its code, in its heading, so it keeps its score.
TIERS = {"statement": "statement"}
# Pagefind's own files that the site does not use: its ready-made interfaces (ours is Material's box),
# and its worker (search-on-demand.js runs Pagefind in the page: noWorker).
UNUSED = (
    "pagefind-worker.js",
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
# Where the other-spellings table goes (beside Material's index; fetched with the first search).
SPELLINGS = os.path.join("search", "spellings.json")


@dataclass(frozen=True)
class Facts:
    """What a page tells the search: shown with its result (role, programme) and ranked by (tier)."""

    role: str
    programme: str
    tier: str  # "programme", "statement" or "reference"
    weight: float  # Pagefind's weight for the page's text


# A hand-written page (about the site, how to use it): no role or programme, ranked as the programme's.
HAND_WRITTEN = Facts("", "", "programme", 1.0)


def page_facts(pages: list[Page], checked: Checked) -> dict[str, Facts]:
    """Each generated page's facts, by its source path (`oakfield/year-1/routines/week-1/index.md`).
    A page for one role (a session, a role's starting page) names that role; the others none."""
    titles = {p.id: p.title for p in checked.site.programmes}
    roles = {s.id: s.role for p in checked.site.programmes for s in p.sessions.values()}
    facts = {}
    for page in pages:
        role = page.meta.get("role") or roles.get(str(page.meta.get("session", "")), "")
        reference = page.kind in REFERENCE
        facts[page.src] = Facts(
            ROLE_NAMES.get(str(role), ""),
            titles.get(page.src.split("/", 1)[0], ""),
            TIERS.get(page.kind, "reference") if reference else "programme",
            REFERENCE_WEIGHT if reference else 1.0,
        )
    return facts


def spellings(words: Iterable[str]) -> dict[str, str]:
    """The other spelling of each word of the site that has one, mapped to the site's own spelling
    ("modeling" -> "modelling"): the search looks for the site's word when a reader types the
    other, so the other never has to be indexed, and never shows in a snippet. `words`: the
    site's words, in lower case."""
    table: dict[str, str] = {}
    for word in sorted(set(words)):
        other = other_spelling(word)
        if other and other != word:
            table.setdefault(other, word)
    return dict(sorted(table.items()))


def search_copy(content: str, title: str, facts: Facts) -> str:
    """What Pagefind reads of a built page, as a page of its own: the facts overrides/main.html
    writes into the page's head, and its data-pagefind-body, which holds Material's content block
    (partials/content.html: the page's title as a heading when its content has none, then the
    content). Pagefind indexes these copies, made as each page's content is rendered, so that it
    can run while the theme's templates are still being filled, on the other core, and need not
    parse the theme's navigation, header and footer on every page (over half of its time).
    tests/test_fragment_search.py holds the index of the copies to Pagefind's own index of the
    built pages, fragment by fragment."""
    head = "".join(
        f'<meta name="ect-{name}" content="{html.escape(value, quote=True)}" data-pagefind-meta="{name}[content]">'
        for name, value in (("role", facts.role), ("programme", facts.programme))
        if value
    )
    head += (
        f'<meta name="ect-tier" content="{html.escape(facts.tier, quote=True)}" data-pagefind-filter="tier[content]">'
    )
    heading = "" if "<h1" in content else f"<h1>{html.escape(title, quote=False)}</h1>"
    return (
        f'<!doctype html><html><head><meta charset="utf-8">{head}</head><body>'
        f'<div data-pagefind-body data-pagefind-weight="{facts.weight}">{heading}{content}</div></body></html>'
    )


# Where the search copies are written: in memory where the system has a memory-backed folder with
# room to spare (Linux's /dev/shm; a container's is often 64 MB, and is left alone), since each copy
# is read once, by Pagefind, moments later. On this project's machine writing the corpus's ~940
# copies to disk took 1.0 s, in memory 0.05 s: most of what the copies added to a build. A TMPDIR
# the user set is used as set.
MEMORY = "/dev/shm"
ROOM = 512 * 1024 * 1024


def copies_folder(memory: str = MEMORY) -> str:
    """A new folder for a build's search copies (the caller removes it)."""
    if not os.environ.get("TMPDIR"):
        try:
            found = os.statvfs(memory)
            if found.f_bavail * found.f_frsize >= ROOM and os.access(memory, os.W_OK | os.X_OK):
                return tempfile.mkdtemp(prefix="induction-search-", dir=memory)
        except OSError:
            pass  # no such folder here, or not ours to write in
    return tempfile.mkdtemp(prefix="induction-search-")


def write_copy(folder: str, dest: str, copy: str) -> None:
    """Write a page's search copy under `folder` at the page's path (`dest`, relative to the site).
    A failed write names the file, as a failed open does (a full disk fails in write())."""
    target = os.path.join(folder, *dest.split("/"))
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(copy)
    except OSError as error:
        raise OSError(error.errno, error.strerror, error.filename or target) from error


class IndexFailed(Exception):
    """Pagefind could not index the site: the build fails, and a previous site is left as it was."""


class Indexing:
    """Pagefind indexing the site's pages (their search copies) into site_dir/pagefind/, started as
    soon as the last page's content is rendered, so that it runs on the other core while the theme's
    templates are filled and the pages written."""

    def __init__(self, site_dir: str, copies: str) -> None:
        """Index the search copies of the site's pages in `copies` (`search_copy`, under each page's
        path) into the site's pagefind/ folder."""
        self.site_dir = site_dir
        bundle = os.path.join(site_dir, "pagefind")
        command = [sys.executable, "-m", "pagefind", "--site", copies, "--output-path", bundle]
        command += ["--force-language", "en", "--quiet"]
        try:
            self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        except OSError as error:
            raise IndexFailed(
                f"Pagefind could not run ({error}); install it: pip install -r requirements.txt"
            ) from error

    def finish(self, words: Iterable[str]) -> None:
        """Wait for Pagefind, leave out its files the site does not use, and write the other-spellings
        table of the site's `words`. Raises IndexFailed with Pagefind's own words."""
        try:
            out, err = self.process.communicate(timeout=600)
        except subprocess.TimeoutExpired as error:
            self.stop()
            raise IndexFailed(
                f"Pagefind could not run ({error}); install it: pip install -r requirements.txt"
            ) from error
        if self.process.returncode != 0:
            said = (err.strip() or out.strip())[-2000:]
            raise IndexFailed(
                f"Pagefind could not index the site (status {self.process.returncode}): {said}\n"
                "Install the pinned version (pip install -r requirements.txt) and build again."
            )
        bundle = os.path.join(self.site_dir, "pagefind")
        if not os.path.isfile(os.path.join(bundle, "pagefind.js")):
            raise IndexFailed("Pagefind ran but wrote no pagefind/pagefind.js; no page has data-pagefind-body?")
        for name in UNUSED:
            path = os.path.join(bundle, name)
            if os.path.isfile(path):
                os.remove(path)
        shutil.rmtree(os.path.join(bundle, "fragment-ui"), ignore_errors=True)
        os.makedirs(os.path.dirname(os.path.join(self.site_dir, SPELLINGS)), exist_ok=True)
        with open(os.path.join(self.site_dir, SPELLINGS), "w", encoding="utf-8") as handle:
            json.dump(spellings(words), handle, separators=(",", ":"))

    def stop(self) -> None:
        """Stop Pagefind (the build failed before it finished)."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()
