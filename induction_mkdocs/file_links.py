"""File links: raw-HTML links written for directory URLs, rewritten for a build without them.

Part of the MkDocs adapter (after render, as each page's HTML is made). MkDocs rewrites the
links of Markdown, but not those inside raw HTML (the coverage matrix writes its links itself,
for directory URLs: `../../frameworks/ecf-2019/6a/`). The offline copy (`mkdocs.offline.yml`,
`use_directory_urls: false`) is opened from disk, where no server turns a folder into its
index.html: there, each such link must name the page's file (`../frameworks/ecf-2019/6a.html`).
"""

from __future__ import annotations

import html
import posixpath
import re
from urllib.parse import unquote

from mkdocs.structure.files import File, Files

from induction.render.media import RAW_IMAGE

# The renderer's images in raw HTML (a provider's <figure>), written for directory URLs.
_RAW_IMAGE = re.compile(rf'<img\b[^>]*\bclass="{RAW_IMAGE}"[^>]*>')
_SRC = re.compile(r'\bsrc="(?![a-z][a-z0-9+.-]*:|/|#)([^"#?]+)"')
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

    return _RAW_IMAGE.sub(
        lambda tag: _image_for_files(tag.group(0), base, page_file, files), _FOLDER_HREF.sub(replace, html)
    )


def _image_for_files(tag: str, base: str, page_file: File, files: Files) -> str:
    """An <img> the renderer wrote in raw HTML (media.html_image), its address made the file's."""

    def replace(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(base, unquote(html.unescape(match.group(1)))))
        found = files.get_file_from_path(target)
        return f'src="{html.escape(found.url_relative_to(page_file))}"' if found else match.group(0)

    return _SRC.sub(replace, tag, count=1)
