"""Page meta: a Markdown page's front matter split from its body, by MkDocs' own rule.

The export needs to run a page's macros on the body that mkdocs-macros would see, so the page is
split by mkdocs.utils.meta.get_data itself (YAML between --- lines, or MultiMarkdown-style `key:
value` lines), asked rather than copied. The export runs where MkDocs is installed (the core
imported by a Zensical build never imports this module). tests/test_export.py holds `split` to the
library on every hand-written page and on generated variations.
"""

from __future__ import annotations

from typing import Any

from mkdocs.utils.meta import get_data


def split(text: str) -> tuple[str, dict[str, Any], str]:
    """(the front matter as written, its data, the body MkDocs renders); head + body is the page
    (with its line endings made \\n when the page has MultiMarkdown-style meta)."""
    body, data = get_data(text)
    whole = text if text.endswith(body) else text.replace("\r\n", "\n").replace("\r", "\n")
    return whole[: len(whole) - len(body)], data, body
