"""Macros for hand-written pages (mkdocs-macros): one-line wrappers over the core.

Pages opt in with `render_macros: true` in their front matter. Content files never go through
Jinja; they use the core's shortcodes instead.
"""
from __future__ import annotations

from induction import urls
from induction.figures import figures as count_figures
from induction.render.context import Context
from induction.render.media import statement_link
from induction.render.text import esc
from induction.render.thisweek import this_week_panel


def define_env(env) -> None:  # type: ignore[no-untyped-def]
    def checked():  # type: ignore[no-untyped-def]
        return env.conf["plugins"]["induction"].checked

    def link(target: str) -> str:
        return urls.relative(env.page.file.src_uri, target)

    @env.macro
    def figures() -> dict:
        """Live counts: programmes, weeks, sessions, mentor_plans, videos, statements_cited, ..."""
        return count_figures(checked())

    @env.macro
    def programmes() -> str:
        """A Markdown list of the site's programmes, linked, with their years."""
        lines = []
        for programme in checked().site.programmes:
            years = ", ".join(f"[{esc(y.title)}]({link(urls.year(programme, y))})" for y in programme.years)
            lines.append(f"- [{esc(programme.title)}]({link(urls.programme(programme))}): {years}")
        return "\n".join(lines)

    @env.macro
    def statement(statement_id: str, framework_id: str = "") -> str:
        """A link to a statement's page, its text as the tooltip."""
        site = checked().site
        framework = site.frameworks.get(framework_id or site.programmes[0].framework_id)
        if framework is None or statement_id not in framework.statements:
            raise ValueError(f"unknown statement {statement_id!r}")
        return statement_link(framework, statement_id, env.page.file.src_uri)

    @env.macro
    def this_week(role: str = "") -> str:
        """Each programme's "this week" panel (none without cohorts); role "", "ect", "mentor" or "tutor"."""
        done = checked()
        ctx = Context(done.site, done.places, done.schedules)
        return "\n".join(this_week_panel(ctx, p, env.page.file.src_uri, role) for p in done.site.programmes)

    env.macro(statement, "ecf")  # the name content shortcodes also accept
