"""Curriculum: the `curriculum.json` export, a machine-readable copy of the programme model.

Written with every build for providers' other systems; tests use it to check the HTML against
the model. The schema is documented in documentation/curriculum-json.md; bump `schema` on any
incompatible change.
"""

from __future__ import annotations

import json
from typing import Any

from induction.check import coverage
from induction.check.pipeline import Checked
from induction.core import urls
from induction.core.model import Framework, Programme
from induction.core.placement import Place, ProgrammePlaces
from induction.render.context import Context, citations

SCHEMA_VERSION = 1


def curriculum(checked: Checked) -> dict[str, Any]:
    ctx = Context(checked.site, checked.places)
    programmes, sessions = [], []
    frameworks: dict[str, Framework] = {}
    for programme in checked.site.programmes:
        places = checked.places[programme.id]
        framework = ctx.framework(programme)
        programmes.append(_programme(programme, places, framework))
        sessions += [_session(place, programme) for place in places.in_order()]
        for framework_id in programme.framework_ids:  # its own edition, then any a block of it names
            if framework_id in checked.site.frameworks:
                frameworks.setdefault(framework_id, checked.site.frameworks[framework_id])
    statements = []
    for framework in frameworks.values():
        cited = citations(ctx, framework)
        statements += [
            {
                "id": statement.id,
                "framework": framework.id,
                "kind": statement.kind,
                "standard": statement.standard.number,
                "heading": statement.heading or None,
                "text": statement.text,
                "url": urls.address(urls.statement(framework, statement.id)),
                "sessions": [p.session.id for p in cited[statement.id]],
            }
            for statement in framework.statements.values()
        ]
    return {
        "schema": SCHEMA_VERSION,
        "site": {"title": checked.site.title},
        "frameworks": [
            {
                "id": f.id,
                "title": f.title,
                "edition": f.edition_label or None,
                "attribution": f.attribution,
                "url": urls.address(urls.framework(f)),
            }
            for f in frameworks.values()
        ],
        "programmes": programmes,
        "sessions": sessions,
        "statements": statements,
    }


def _programme(programme: Programme, places: ProgrammePlaces, framework: Framework | None) -> dict[str, Any]:
    """A programme's entry: its years, blocks and weeks with their sessions' ids, and its coverage."""
    years = []
    for year in programme.years:
        blocks = []
        for block in year.blocks:
            weeks = [
                {
                    "slug": week.slug,
                    "first": week.first,
                    "last": week.last,
                    "title": week.title,
                    "url": urls.address(urls.week(programme, year, block, week)),
                    "sessions": {
                        role: [p.session.id for p, _ in places.week_entries(block, week, role)]
                        for role in week.roles
                        if places.week_entries(block, week, role)
                    },
                }
                for week in block.weeks
            ]
            blocks.append(
                {
                    "id": block.id,
                    "title": block.title,
                    "term": block.term,
                    "half_term": block.half_term,
                    "url": urls.address(urls.block(programme, year, block)),
                    "pages": [p.session.id for p, _ in places.page_entries(block.pages)],
                    "weeks": weeks,
                }
            )
        years.append(
            {
                "id": year.id,
                "title": year.title,
                "url": urls.address(urls.year(programme, year)),
                "pages": [p.session.id for p, _ in places.page_entries(year.pages)],
                "blocks": blocks,
            }
        )
    summary = coverage.report_data(coverage.compute(programme, framework, places)) if framework else None
    if summary:
        summary["url"] = urls.address(urls.coverage(programme))
        del summary["programme"]  # it sits inside its programme
    return {
        "id": programme.id,
        "title": programme.title,
        "provider": programme.provider,
        "framework": programme.framework_id,
        "url": urls.address(urls.programme(programme)),
        "years": years,
        "coverage": summary,
    }


def _session(place: Place, programme: Programme) -> dict[str, Any]:
    s = place.session
    return {
        "id": s.id,
        "programme": programme.id,
        "title": s.title,
        "role": s.role,
        "kind": s.kind,
        "url": urls.address(urls.session(place)),
        "minutes": s.minutes,
        "year": place.year.id,
        "block": place.block.id if place.block else None,
        "week": place.week.slug if place.week else None,
        "framework": programme.framework_for(place.block),  # the edition its intentions' ids belong to
        "intentions": list(dict.fromkeys(i.statement_id for i in s.intentions)),
        "phases": [{"title": p.title, "minutes": p.minutes} for p in s.phases],
    }


def curriculum_json(checked: Checked) -> str:
    return json.dumps(curriculum(checked), ensure_ascii=False, indent=1, sort_keys=False) + "\n"
