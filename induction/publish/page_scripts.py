"""Page scripts: which of the site's own scripts a page loads (publish stage, as the template is filled).

mkdocs.yml's `extra_javascript` lists every script of the site, and the theme writes each of them
into every page. Most of them draw something only where the page holds their mark (a "this week"
panel, a pair's calendar, the pairs' table, a diagnostic, a set of examples) and return at once
elsewhere; sent to every page they made a week page's first visit cost over 100 KB it never ran. So
do the parts of progress that one kind of page uses (the record and its saved file, a plan's coaching
log). A script named here is written into a page only when the page's content holds one of its
marks; every other script (the "My programme" line, progress ticks and counts, print, the video
frame) is on every page, as is every script on a page whose content is not known (the "page not
found" template).

A script that owns a localStorage key registers it (window.inductionStores) for the saved progress
file and "Clear my progress": it goes wherever those controls are (the progress record, the pairs
page), so a file saved there carries its key and a clear clears it. The marks are found in the
tree an HTML5 parser builds (Lexbor), as the scripts' own `querySelector` finds them.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

# Where a saved progress file is written, opened or cleared (docs/javascripts/progress-file.js, pairs.js).
_FILES = "[data-ect-progress-record], [data-ect-pairs]"

# Script (as mkdocs.yml names it) -> the marks, as a CSS selector list, of the pages that need it.
ON_DEMAND = {
    "javascripts/thisweek.js": "[data-ect-thisweek]",
    "javascripts/mycalendar.js": "[data-ect-mycalendar]",
    "javascripts/pairs.js": "[data-ect-pairs]",
    # Routes: its marks and counts, and "this week" asks it which steps are the reader's (ectRoutes).
    "javascripts/routes.js": "[data-ect-routes], [data-ect-route-keys], [data-ect-route-scope], "
    f"[data-ect-diagnostic], [data-ect-thisweek], {_FILES}",
    "javascripts/lens.js": f"[data-ect-examples], {_FILES}",
    # progress.js's record, saved file and "Clear my progress"; pairs.js reads files through it.
    "javascripts/progress-file.js": _FILES,
    "javascripts/coaching.js": "[data-ect-coaching]",
    # Stylesheets (mkdocs.yml's extra.ect_stylesheets, written by overrides/main.html) by the same rule.
    "stylesheets/routes.css": "[data-ect-routes], [data-ect-route-keys], [data-ect-route-scope], "
    "[data-ect-diagnostic], [data-ect-thisweek]",
    "stylesheets/record.css": f"{_FILES}, [data-ect-coaching]",
    "stylesheets/mycalendar.css": "[data-ect-mycalendar]",
    "stylesheets/coverage.css": ".ect-coverage, .ect-coverage-key",
    "stylesheets/glance.css": ".ect-glance",
    "stylesheets/examples.css": "[data-ect-examples]",
    "stylesheets/plan.css": ".ect-phase, .ect-timing, .ect-notes, .ect-plan-fields, .ect-pack-cover, .ect-pack-plan, "
    ".ect-week-step",
    "stylesheets/video.css": ".ect-video, .ect-transcript",
    "stylesheets/stack.css": ".ect-stack",
}


def needed(content: str | None) -> frozenset[str]:
    """The scripts of ON_DEMAND that a page whose content (the HTML of its Markdown) is `content`
    needs; every one of them when the content is not known."""
    if content is None:
        return frozenset(ON_DEMAND)
    return needed_in(LexborHTMLParser(content))


def needed_in(tree: LexborHTMLParser) -> frozenset[str]:
    """The scripts of ON_DEMAND that a page needs whose content Lexbor parsed as `tree`: the page
    cleaner asks with the tree it parsed what it kept, so no page is parsed again for this."""
    return frozenset(script for script, marks in ON_DEMAND.items() if tree.css_first(marks) is not None)


def wanted(script: str, page_needs: frozenset[str]) -> bool:
    """Whether the page whose on-demand scripts are `page_needs` loads `script` (as mkdocs.yml names it)."""
    return script not in ON_DEMAND or script in page_needs
