"""Fragment search: the hosted site's search index, split into fragments a browser fetches as a
reader searches (Pagefind), where Material's index is one file holding every word of the site.

Beside the flow, after the build (publish stage). The MkDocs adapter gives each searchable page
the facts a result shows or ranks by (`page_facts`: its role, its programme, and whether it is the
programme's own page or reference), the theme's template writes them into the page as Pagefind's
attributes (overrides/main.html), and after the build `index_site` runs Pagefind over the written
site, writes the other-spellings table and empties Material's index to its configuration, so that
opening search on a hosted site downloads none of it (docs/javascripts/search-on-demand.js then
answers Material's search box from Pagefind). The offline copy keeps Material's whole index: a
fragment index needs a web server, and that copy is opened from disk.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass

from induction.check.pipeline import Checked
from induction.core.formats import ROLE_NAMES
from induction.core.spelling import other_spelling
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
_WORD = re.compile(r"[A-Za-z]{4,}")


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


def spellings(index_json: str) -> dict[str, str]:
    """The other spelling of each word of the site that has one, mapped to the site's own spelling
    ("modeling" -> "modelling"): the search looks for the site's word when a reader types the
    other, so the other never has to be indexed, and never shows in a snippet."""
    docs = json.loads(index_json).get("docs", [])
    table: dict[str, str] = {}
    for doc in docs:
        for word in _WORD.findall(doc.get("title", "") + " " + doc.get("text", "")):
            word = word.lower()
            other = other_spelling(word)
            if other and other != word:
                table.setdefault(other, word)
    return dict(sorted(table.items()))


def emptied_index(index_json: str) -> str:
    """Material's index with its configuration only: what Material's script needs to start its
    search box (and to highlight a result's terms on the page it opens), without the site's words."""
    config = json.loads(index_json).get("config", {})
    return json.dumps({"config": config, "docs": []}, separators=(",", ":"))


class IndexFailed(Exception):
    """Pagefind could not index the site: the build fails, and a previous site is left as it was."""


def index_site(site_dir: str) -> None:
    """Run Pagefind over the built site (its index into site_dir/pagefind/), write the spellings
    table and empty Material's index. Raises IndexFailed with Pagefind's own words."""
    command = [sys.executable, "-m", "pagefind", "--site", site_dir, "--force-language", "en", "--quiet"]
    try:
        ran = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise IndexFailed(f"Pagefind could not run ({error}); install it: pip install -r requirements.txt") from error
    if ran.returncode != 0:
        said = (ran.stderr.strip() or ran.stdout.strip())[-2000:]
        raise IndexFailed(
            f"Pagefind could not index the site (status {ran.returncode}): {said}\n"
            "Install the pinned version (pip install -r requirements.txt) and build again."
        )
    bundle = os.path.join(site_dir, "pagefind")
    if not os.path.isfile(os.path.join(bundle, "pagefind.js")):
        raise IndexFailed("Pagefind ran but wrote no pagefind/pagefind.js; no page has data-pagefind-body?")
    for name in UNUSED:
        path = os.path.join(bundle, name)
        if os.path.isfile(path):
            os.remove(path)
    shutil.rmtree(os.path.join(bundle, "fragment-ui"), ignore_errors=True)
    index = os.path.join(site_dir, "search", "search_index.json")
    if os.path.isfile(index):
        with open(index, encoding="utf-8") as handle:
            text = handle.read()
        with open(os.path.join(site_dir, SPELLINGS), "w", encoding="utf-8") as handle:
            json.dump(spellings(text), handle, separators=(",", ":"))
        with open(index, "w", encoding="utf-8") as handle:
            handle.write(emptied_index(text))
