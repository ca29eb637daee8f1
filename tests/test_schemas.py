"""schemas: the committed editor schemas are the generated ones, the sample's files and front
matter validate against them (with the standard `jsonschema` validator), and they agree with
validation on the values where YAML and JSON Schema differ."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import ROOT, SAMPLE

from induction.authoring.schemas import SCHEMAS, editor_globs, render_schemas, schema
from induction.core import formats
from induction.core.problems import Problems
from induction.core.shapes import INVALID, Where
from induction.core.source import read_markdown

FILES = {
    "site.schema.json": ["site.yaml"],
    "programme.schema.json": ["*/programme.yaml"],
    "block.schema.json": ["**/block.yaml"],
    "videos.schema.json": ["**/videos.yaml"],
    "assets.schema.json": ["**/assets.yaml"],
    "framework.schema.json": ["frameworks/*.yaml"],
    "calendar.schema.json": ["calendars/*.yaml"],
    "crosswalk.schema.json": ["crosswalks/*.yaml"],
}


# Schemas of files the site's scripts write, not content files: written by hand (tests/test_progress_file.py).
HAND_WRITTEN = {"progress-file.schema.json"}


def validator(name: str) -> jsonschema.Draft7Validator:
    jsonschema.Draft7Validator.check_schema(schema(name))
    return jsonschema.Draft7Validator(schema(name))


def test_the_committed_schemas_are_the_generated_ones() -> None:
    fresh = render_schemas()
    committed = {
        path.name: path.read_text(encoding="utf-8")
        for path in (ROOT / "schemas").glob("*.json")
        if path.name not in HAND_WRITTEN
    }
    assert committed == fresh, "Run: .venv/bin/python scripts/schemas.py"


def test_the_editor_settings_map_every_yaml_file_to_its_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == editor_globs()
    assert set(FILES) | {"session.schema.json"} == set(SCHEMAS)


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_samples_yaml_files_validate_against_their_schema(name: str) -> None:
    paths = [path for pattern in FILES[name] for path in SAMPLE.glob(pattern)]
    assert paths
    for path in paths:
        errors = [error.message for error in validator(name).iter_errors(yaml.safe_load(path.read_text()))]
        assert errors == [], path


def test_the_samples_front_matter_validates_against_the_session_schema() -> None:
    check = validator("session.schema.json")
    sessions = 0
    for path in SAMPLE.rglob("*.md"):
        document = read_markdown(str(path), Problems())
        if document is None or document.meta is None:
            continue
        sessions += 1
        front = path.read_text(encoding="utf-8").split("---\n")[1]
        assert [e.message for e in check.iter_errors(yaml.safe_load(front))] == [], path
    assert sessions > 50


@pytest.mark.parametrize(
    "shape, value",
    [
        (formats.WEEK, {"week": "4-6", "title": 2024, "ect": None}),  # a range, a number as text, an empty key
        (formats.WEEK, {"week": "7", "title": "A week"}),
        (formats.PROGRAMME.keys["settings"].shape, {"coverage": False}),  # YAML 1.1 reads off as false
        (
            formats.SESSION,
            {
                "id": "x",
                "role": "ect",
                "kind": "video",
                "title": "T",
                "minutes": 5,
                "intentions": [" 2a", {"id": "2.1", "wording": "W"}],
            },
        ),
        (formats.VIDEO, {"id": "v", "title": "T", "url": "https://example.org/v ", "duration": " 6:40"}),
    ],
)
def test_what_validation_accepts_the_schema_accepts(shape, value) -> None:
    problems = Problems()
    assert shape.check(value, Where("f", 1, "x"), problems) is not INVALID and not problems.sorted()
    assert list(jsonschema.Draft7Validator(shape.schema()).iter_errors(value)) == []


@pytest.mark.parametrize(
    "shape, value",
    [
        (formats.WEEK, {"week": 0, "title": "A"}),
        (formats.WEEK, {"week": 1, "title": "   "}),
        (formats.WEEK, {"week": 1, "title": "A", "mentors": []}),
        (formats.VIDEO, {"id": "v", "title": "T", "url": "ftp://x", "duration": "6:40"}),
        (formats.VIDEO, {"id": "v", "title": "T", "url": "https://x", "duration": 400}),  # unquoted 6:40 in YAML 1.1
        (formats.BLOCK, {"id": "Bad Id", "title": "T", "term": "autumn", "weeks": []}),
    ],
)
def test_what_validation_rejects_the_schema_rejects(shape, value) -> None:
    problems = Problems()
    shape.check(value, Where("f", 1, "x"), problems)
    assert problems.sorted()
    assert list(jsonschema.Draft7Validator(shape.schema()).iter_errors(value)) != []


def test_the_session_schema_knows_which_kinds_each_role_allows() -> None:
    check = validator("session.schema.json")
    plan = {"id": "x", "role": "ect", "kind": "plan", "title": "T", "minutes": 5}
    assert [e.message for e in check.iter_errors(plan)] == [
        "'plan' is not one of ['video', 'reading', 'task', 'practice', 'reflection', 'quiz', 'introduction']"
    ]
    assert list(check.iter_errors({**plan, "role": "mentor"})) == []


def test_the_schemas_script_reports_drift(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = [sys.executable, str(ROOT / "scripts" / "schemas.py"), "--out", str(tmp_path)]
    assert subprocess.run(script + ["--check"], capture_output=True, text=True).returncode == 1
    assert subprocess.run(script, capture_output=True, text=True).stdout == (
        f"{len(SCHEMAS)} schema(s) written: " + ", ".join(SCHEMAS) + "\n"
    )
    done = subprocess.run(script + ["--check"], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, "0 schema(s) out of date.\n")
