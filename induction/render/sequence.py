"""Sequence: each role's one way through a programme, for previous/next links (beside render).

A role's pages in the order the programme is followed: a year's own pages, then block by block
the block's introductions, its weeks' sessions week by week, and its end-of-block reflection
last, where it belongs (placement visits a block's pages before its weeks, so its order alone
would put the reflection before week 1). Each session appears once, at its home; `see:`
references are links, not steps.
"""

from __future__ import annotations

from induction.core.placement import Place, ProgrammePlaces


def _split(places: list[Place]) -> tuple[list[Place], list[Place]]:
    """Pages that open a block or year, and reflections, which close it."""
    return (
        [p for p in places if p.session.kind != "reflection"],
        [p for p in places if p.session.kind == "reflection"],
    )


def role_sequence(places: ProgrammePlaces, role: str) -> list[Place]:
    out: list[Place] = []

    def own(entries: list[tuple[Place, bool]]) -> list[Place]:
        return [place for place, see in entries if not see and place.session.role == role]

    for year in places.programme.years:
        year_open, year_close = _split(own(places.page_entries(year.pages)))
        out += year_open
        for block in year.blocks:
            block_open, block_close = _split(own(places.page_entries(block.pages)))
            out += block_open
            for week in block.weeks:
                out += own(places.week_entries(block, week, role))
            out += block_close
        out += year_close
    return out
