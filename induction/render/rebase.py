"""Rebase: a session body's own relative links, written for another page that shows the body.

Stage four of the flow (render). MkDocs resolves a link from the page it is on, and a session's
body is shown on its own page and also inside others (its week's print view, its block's mentor
pack), in other folders: `[the intro](b1-intro.md)` from `b1/b1-w1-read.md` is `../b1-intro.md`
from `b1/week-1/print.md`. Shortcodes need none of this: they are expanded for the page they are
on. Addresses with a scheme, site-absolute ones and anchors within the page stay as they are.
"""

from __future__ import annotations

import posixpath
import re

from ..body import read

_KEPT = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.\-]*:|/|#|\{\{|\{%)")  # a scheme, the site root, an anchor, a shortcode


def rebase(body: str, page: str, other: str) -> str:
    """`body`, written for the page at source path `page`, with its relative links made to work from `other`."""
    here, there = posixpath.dirname(page), posixpath.dirname(other)
    if here == there:
        return body
    out, last = [], 0
    for start, end, _, _ in read(body).addresses:
        address = body[start:end].strip()
        if not address or _KEPT.match(address):
            continue
        cut = re.search(r"[?#]", address)
        path, tail = (address[: cut.start()], address[cut.start() :]) if cut else (address, "")
        if not path:  # "?x": the page itself
            continue
        target = posixpath.normpath(posixpath.join(here, path))
        moved = _relative(target, there) + ("/" if path.endswith("/") else "")
        out += [body[last:start], moved + tail]
        last = end
    return "".join(out + [body[last:]])


def _relative(target: str, folder: str) -> str:
    """The path to `target` from `folder`, both relative to the docs root, worked out on the names
    alone: `posixpath.relpath` resolves a leading '..' (a link above the root) against the current
    directory of the process, which has nothing to do with the site."""
    to = [] if target == "." else target.split("/")
    start = folder.split("/") if folder else []
    common = 0
    while common < min(len(to), len(start)) and to[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + to[common:]) or "."
