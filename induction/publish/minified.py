"""Minified: the site's own scripts and stylesheets as published, without comments and layout.

docs/javascripts/ and docs/stylesheets/ are written to be read, with a comment on every why; a
reader's browser downloads each of them on every first visit, where the comments are a third to a
half of the bytes (progress.js: 42 KB written, 28 KB minified). The build writes them minified into
the site; the sources in docs/ stay as written. rjsmin and rcssmin only remove comments and
whitespace (names, strings and regular expressions are kept as written), so what runs is what was
written and tested. Files the build generates (provider.css, schedule.js) and vendored files
(javascripts/vendor/) are left as they are.
"""

from __future__ import annotations

import os

import rcssmin
import rjsmin

# Folders of docs/ whose files the site publishes minified, and how.
FOLDERS = {"javascripts": (".js", rjsmin.jsmin), "stylesheets": (".css", rcssmin.cssmin)}


def minify_site(docs_dir: str, site_dir: str) -> int:
    """Rewrite, minified, the site's copy of each script and stylesheet of `docs_dir` (not under a
    vendor folder); returns the bytes saved."""
    saved = 0
    for folder, (extension, minify) in FOLDERS.items():
        source = os.path.join(docs_dir, folder)
        if not os.path.isdir(source):
            continue
        for name in sorted(os.listdir(source)):
            written = os.path.join(site_dir, folder, name)
            if not name.endswith(extension) or not os.path.isfile(written):
                continue
            with open(os.path.join(source, name), encoding="utf-8") as handle:
                text = handle.read()
            small = minify(text).strip() + "\n"
            with open(written, "w", encoding="utf-8") as handle:
                handle.write(small)
            saved += len(text.encode()) - len(small.encode())
    return saved
