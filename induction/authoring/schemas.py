"""Schemas: JSON Schemas for editors, generated from the shapes in `formats` (one source of truth).

Beside the flow: the same shapes that `loader` checks files against are turned into JSON Schema
(draft-07, which VS Code's YAML extension and most editors read), so an editor completes keys
and flags mistakes as the author types, and can never disagree with validation by drifting.
`scripts/schemas.py` writes them to schemas/; a test keeps the committed files current.
"""

from __future__ import annotations

import json
from typing import Any

from induction.core import formats
from induction.core.shapes import Record
from induction.load.crosswalk import CROSSWALK
from induction.load.framework import FRAMEWORK

DRAFT = "http://json-schema.org/draft-07/schema#"

# file name in schemas/ -> (shape, title, the files it describes as editor globs)
SCHEMAS: dict[str, tuple[Record, str, list[str]]] = {
    "site.schema.json": (formats.SITE, "site.yaml", ["**/site.yaml"]),
    "programme.schema.json": (formats.PROGRAMME, "programme.yaml", ["**/programme.yaml"]),
    "block.schema.json": (formats.BLOCK, "block.yaml", ["**/block.yaml"]),
    "videos.schema.json": (formats.VIDEOS, "videos.yaml", ["**/videos.yaml"]),
    "assets.schema.json": (formats.ASSETS, "assets.yaml", ["**/assets.yaml"]),
    "calendar.schema.json": (formats.CALENDAR, "calendars/<id>.yaml", ["**/calendars/*.yaml"]),
    "framework.schema.json": (FRAMEWORK, "frameworks/<id>.yaml", ["**/frameworks/*.yaml"]),
    "crosswalk.schema.json": (CROSSWALK, "crosswalks/<name>.yaml", ["**/crosswalks/*.yaml"]),
    "session.schema.json": (formats.SESSION, "a session's front matter", []),
}


def _kinds_by_role() -> list[dict[str, Any]]:
    """Which kinds each role allows: a rule of `checks` (role-mismatch), stated for editors too."""
    return [
        {
            "if": {"properties": {"role": {"const": role}}, "required": ["role"]},
            "then": {"properties": {"kind": {"enum": list(kinds)}}},
        }
        for role, kinds in formats.KINDS.items()
    ]


def schema(name: str) -> dict[str, Any]:
    shape, title, _ = SCHEMAS[name]
    out: dict[str, Any] = {"$schema": DRAFT, "title": title, **shape.schema()}
    if shape is formats.SESSION:
        out["allOf"] = _kinds_by_role()
    return out


def render_schemas() -> dict[str, str]:
    """Every schema file's text, as scripts/schemas.py writes it (stable key order, one newline)."""
    return {name: json.dumps(schema(name), indent=2, ensure_ascii=False) + "\n" for name in SCHEMAS}


def editor_globs() -> dict[str, list[str]]:
    """`yaml.schemas` for VS Code's YAML extension: schema path -> the files it applies to."""
    return {f"./schemas/{name}": globs for name, (_, _, globs) in SCHEMAS.items() if globs}
