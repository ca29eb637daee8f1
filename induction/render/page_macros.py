"""Page macros: what hand-written pages (docs/, `render_macros: true`) may call, as pure functions.

mkdocs-macros calls them through macros/main.py under any engine that runs it; the export calls
`render` to turn those pages into plain Markdown, so the exported site needs neither.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import jinja2

from induction.check.pipeline import Checked, load_and_check
from induction.core import urls
from induction.render.figures import figures as count_figures
from induction.render.text import esc, statement_link


def macros(checked: Checked, page_src: str) -> dict[str, Callable[..., Any]]:
    """The macros for the page at `page_src` (its path in the docs folder), by name."""

    def link(target: str) -> str:
        return urls.relative(page_src, target)

    def figures() -> dict[str, int]:
        """Live counts: programmes, weeks, sessions, mentor_plans, videos, statements_cited, ..."""
        return count_figures(checked)

    def programmes() -> str:
        """A Markdown list of the site's programmes, linked, with their years."""
        lines = []
        for programme in checked.site.programmes:
            years = ", ".join(f"[{esc(y.title)}]({link(urls.year(programme, y))})" for y in programme.years)
            lines.append(f"- [{esc(programme.title)}]({link(urls.programme(programme))}): {years}")
        return "\n".join(lines)

    def statement(statement_id: str, framework_id: str = "") -> str:
        """A link to a statement's page, its text as the tooltip."""
        site = checked.site
        framework = site.frameworks.get(framework_id or site.programmes[0].framework_id)
        if framework is None or statement_id not in framework.statements:
            raise ValueError(f"unknown statement {statement_id!r}")
        return statement_link(framework, statement_id, page_src, css="ect-statement-ref", tooltip=True)

    # `ecf`: the name content shortcodes also accept.
    return {"figures": figures, "programmes": programmes, "statement": statement, "ecf": statement}


def render(markdown: str, checked: Checked, page_src: str) -> str:
    """A page body (front matter removed) with its macros run, as mkdocs-macros runs it with
    `on_undefined: strict`: an unknown name is an error, not an empty string."""
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return environment.from_string(markdown).render(**macros(checked, page_src))


_cache: dict[str, tuple[tuple[tuple[str, int, int], ...], Checked]] = {}


def checked_content(root: str) -> Checked:
    """load_and_check(root), cached until a file under `root` changes: mkdocs-macros calls its
    `define_env` on every build, and a live preview rebuilds on every save."""
    stamp = _fingerprint(root)
    cached = _cache.get(root)
    if cached and cached[0] == stamp:
        return cached[1]
    checked = load_and_check(root)
    if not checked.ok:
        raise ValueError("The content has problems; nothing was built.\n" + checked.report())
    _cache[root] = (stamp, checked)
    return checked


def _fingerprint(root: str) -> tuple[tuple[str, int, int], ...]:
    entries = []
    for folder, _, names in os.walk(root):
        for name in names:
            stat = os.stat(os.path.join(folder, name))
            entries.append((os.path.join(folder, name), stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(entries))
