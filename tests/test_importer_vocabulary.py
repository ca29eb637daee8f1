"""The importer speaks the format's vocabulary: the roles and kinds it gives sessions are those of
induction/core/formats.py, and every problem code it reports is one of induction/core/problems.py."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from induction.core import formats, problems
from induction.importer import conversion
from induction.importer.kinds import ect_kinds

IMPORTER = Path(__file__).resolve().parent.parent / "induction" / "importer"


@pytest.mark.parametrize(
    "slug",
    [
        "year-1-training-session-1",
        "block-2-induction-tutor-notes",
        "tutor-materials",
        "week-3-mentor-materials",
        "week-3-ect-video",
        "week-3-ect-what-you-will-learn",
        "week-3-ect-research",
    ],
)
def test_each_role_and_kind_the_importer_gives_is_the_formats(slug):
    role, kind = conversion.role_and_kind(slug)
    assert kind in formats.KINDS[role]


def test_a_table_naming_a_kind_the_format_does_not_know_is_refused():
    with pytest.raises(ValueError) as refused:
        ect_kinds(["video", "plan", "homework"])
    assert str(refused.value) == "not kinds of an ECT step: ['plan', 'homework']"


def _reported_codes() -> set[str]:
    """The problem codes the importer's source passes, as literals, to report.add or a defect()."""
    codes = set()
    for path in IMPORTER.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            position = {"add": 2, "defect": 0}.get(name)
            if position is not None and len(node.args) > position:
                code = node.args[position]
                if isinstance(code, ast.Constant) and isinstance(code.value, str):
                    codes.add(code.value)
    return codes


def test_every_code_the_importer_reports_is_in_the_catalogue():
    codes = _reported_codes()
    assert len(codes) > 10  # the scan finds the importer's reports
    assert codes - set(problems.CATALOGUE) == set()
