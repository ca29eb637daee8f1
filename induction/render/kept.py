"""Kept: a live preview's rendered pages of each programme, reused while nothing they are made from
changed.

A preview renders the whole site again on every save; on the imported corpus that was a fifth of
the edit-to-page time, although a save changes one programme at most. A programme's pages are made
from the programme and the site's own files, never from another programme (render.programme_pages),
so they are reused when both compare equal to what they were last time. The model is frozen and
compared by value, except a Framework, compared by identity: load/framework.py keeps each edition
by its file's text, so an unchanged file is the same object in every load. Equality is cheap where
the load kept objects (a session read from an unchanged file is the same object), and exact
everywhere: nothing is reused on the strength of a file's time or name. tests/test_kept.py holds
the pages rendered this way to the pages rendered afresh, edit after edit.
"""

from __future__ import annotations

from collections.abc import Callable

from induction.core.model import Programme

from .context import Context
from .text import Page


class Kept:
    def __init__(self) -> None:
        self._last: dict[str, tuple[tuple, list[Page]]] = {}  # programme id -> (made from, its pages)

    def pages(
        self, programme: Programme, ctx: Context, render: Callable[[Programme, Context], list[Page]]
    ) -> list[Page]:
        inputs = made_from(programme, ctx)
        last = self._last.get(programme.id)
        if last is not None and last[0] == inputs:
            return last[1]
        pages = render(programme, ctx)
        self._last[programme.id] = (inputs, pages)
        return pages


def made_from(programme: Programme, ctx: Context) -> tuple:
    """What a programme's pages are made from: the programme, and everything of the site but its
    programmes and what the loader read to make them (their texts, the files counted)."""
    site = ctx.site
    return (
        programme,
        site.title,
        site.description,
        site.root,
        site.provider,
        site.calendars,
        site.crosswalks,
        tuple(site.frameworks.items()),
        sorted(ctx.pdfs.items()),
        ctx.site_url,
        ctx.schedules.get(programme.id),
    )
