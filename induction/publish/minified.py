"""Minified: the site's own scripts and stylesheets as published, without comments and layout.

docs/javascripts/ and docs/stylesheets/ are written to be read, with a comment on every why; a
reader's browser downloads the ones a page names on every first visit, where the comments are a
third to a half of the bytes. The build writes them minified into the site; the sources in docs/
stay as written. Scripts go through tdewolff's minifier (a compiled Go library in its wheel, no
Node), which also shortens the names local to a function: me.js and progress.js, on every page,
are 8.0 and 5.6 KB, where removing comments and layout alone (rjsmin) left 10.7 and 7.6 KB.
Strings, regular expressions, property names and globals are kept, so what runs does what was
written, and the browser tests run the minified copy. Stylesheets only lose comments and layout
(rcssmin; tdewolff saves nothing more on them). Files the build generates (provider.css,
schedule.js) and vendored files (javascripts/vendor/) are left as they are.
"""

from __future__ import annotations

import os

import minify
import rcssmin

# Folders of docs/ whose files the site publishes minified, and how.
FOLDERS = {
    "javascripts": (".js", lambda text: minify.string("application/javascript", text)),
    "stylesheets": (".css", rcssmin.cssmin),
}


def minify_site(docs_dir: str, site_dir: str) -> int:
    """Rewrite, minified, the site's copy of each script and stylesheet of `docs_dir` (not under a
    vendor folder); returns the bytes saved."""
    saved = 0
    for folder, (extension, shrink) in FOLDERS.items():
        source = os.path.join(docs_dir, folder)
        if not os.path.isdir(source):
            continue
        for name in sorted(os.listdir(source)):
            written = os.path.join(site_dir, folder, name)
            if not name.endswith(extension) or not os.path.isfile(written):
                continue
            with open(os.path.join(source, name), encoding="utf-8") as handle:
                text = handle.read()
            small = shrink(text).strip() + "\n"
            with open(written, "w", encoding="utf-8") as handle:
                handle.write(small)
            saved += len(text.encode()) - len(small.encode())
    return saved
