"""File links: raw-HTML links written for directory URLs, rewritten for a build without them.

Part of the MkDocs adapter (after render, as each page's HTML is made). MkDocs rewrites the
links of Markdown, but not those inside raw HTML (the coverage matrix writes its links itself,
for directory URLs: `../../frameworks/ecf-2019/6a/`). The offline copy (`mkdocs.offline.yml`,
`use_directory_urls: false`) is opened from disk, where no server turns a folder into its
index.html: there, each such link must name the page's file (`../frameworks/ecf-2019/6a.html`).
"""
from __future__ import annotations

import posixpath
import re

from mkdocs.structure.files import File, Files

_FOLDER_HREF = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|/|#)([^"#?]*/)"')


def directory_address(file: File) -> str:
    """Where the page would live with directory URLs: 'a/b/' for a/b.md and for a/b/index.md."""
    stem = file.src_uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    return stem.rstrip("/") + "/" if stem else ""


def to_files(html: str, page_file: File, files: Files) -> str:
    """`html` with each relative link to a folder that is a page replaced by a link to its file."""
    base = directory_address(page_file)

    def replace(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(base, match.group(1)))
        target = "" if target == "." else target
        for candidate in (f"{target}.md", posixpath.join(target, "index.md")):
            found = files.get_file_from_path(candidate)
            if found is not None:
                return f'href="{found.url_relative_to(page_file)}"'
        return match.group(0)  # not a page: leave it for the link checks to report

    return _FOLDER_HREF.sub(replace, html)
