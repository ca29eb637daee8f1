"""Meta-test of the import's findings: every code an import stage reports is in the one catalogue
(`induction/core/problems.py`, the import section), means one thing, and has a case in the tests."""

from __future__ import annotations

import ast
import re

import pytest
from conftest import FRAMEWORK, ROOT
from test_importer_pipeline import PAGES, source_tree

from induction.core.problems import CATALOGUE, IMPORT, Problems
from induction.importer import markup
from induction.importer.intentions import intentions
from induction.importer.links import Targets, rewrite
from induction.importer.pipeline import run_import
from induction.importer.report import Defect
from induction.load.framework import load_framework

_CODE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)+")
# Codes with no case yet, each with its reason. Empty: every code has its case.
EXEMPT: dict[str, str] = {}


def emitted() -> set[str]:
    """Codes the import stages write: the first item of a finding tuple, the code argument of
    `defect(...)`/`refuse(...)`/`report.add(...)`/`Defect(...)`."""
    found: set[str] = set()
    for path in (ROOT / "induction" / "importer").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            candidates: list[ast.expr] = []
            if isinstance(node, ast.Tuple) and len(node.elts) >= 3:
                candidates.append(node.elts[0])
            elif isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                where = {"defect": 0, "refuse": 1, "add": 2, "Defect": 2}.get(name)
                if where is not None and len(node.args) > where:
                    candidates.append(node.args[where])
            found |= {
                c.value
                for c in candidates
                if isinstance(c, ast.Constant) and isinstance(c.value, str) and _CODE.fullmatch(c.value)
            }
    return found


def test_every_code_an_import_reports_is_an_import_code_of_the_catalogue():
    codes = emitted()
    assert len(codes) > 30
    assert sorted(codes - IMPORT) == []  # none outside the catalogue, none borrowed from the validator
    assert sorted(IMPORT - codes) == []  # and no catalogue entry that nothing reports


def test_no_import_code_means_what_a_validation_code_means():
    validation = set(CATALOGUE) - IMPORT
    assert not IMPORT & validation
    assert "video-without-transcript" in validation and "transcript-not-published" in IMPORT


def test_every_import_code_has_a_case_in_the_importer_tests():
    tests = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_importer_*.py"))
    missing = sorted(c for c in IMPORT if not re.search(rf"[\"']{re.escape(c)}[\"']", tests) and c not in EXEMPT)
    assert missing == []


def test_a_finding_with_a_code_outside_the_catalogue_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown problem code 'no-such-code'"):
        Defect("a.md", 1, "no-such-code", "x", "y")


# Cases for the findings that no other importer test shows: each made in a small source (or one
# stage's input) and required with its exact file and line.
def test_structural_findings_name_their_source_file_and_line(tmp_path):
    long = "A paragraph long enough to count as a page body of its own, " * 5
    pages = dict(
        PAGES,
        **{
            "p.md": PAGES["p.md"] + "\n## Year 1\n\n### [Termless](/p/year-1-t)\n",
            "p/year-1-a.md": PAGES["p/year-1-a.md"] + "\n## Weeks 3, 5 and 6: spread\n\n### ECTs\n\n"
            "1. [Mentor page](/p/year-1-a/autumn-week-3-mentor-materials)\n",
            "p/year-1-a/autumn-week-3-mentor-materials.md": f"---\ntitle: M\n---\n\n{long}\n",
            "p/year-1-a/autumn-week-3-ect-copy.md": f"---\ntitle: C\n---\n\n{long}\n",
            "p/year-1-a/Autumn-Week-2-ECT-Task.md": "---\ntitle: T\n---\n\nAnother spelling.\n",
            "p/year-1-t.md": "---\ntitle: Termless\n---\n\n## Week 1: one\n\n### ECTs\n\n"
            "1. [A](/p/year-1-t/week-1-ect-a)\n",
            "p/year-1-t/week-1-ect-a.md": "---\ntitle: A\n---\n\nText.\n",
            "p/year-1-z/autumn-week-1-ect-b.md": "---\ntitle: B\n---\n\nText.\n",
        },
    )
    source = source_tree(tmp_path / "source", pages)
    reports = run_import(str(source), str(tmp_path / "dest"), str(FRAMEWORK), allow_problems=True)
    found = {(d.kind, d.file, d.line) for d in reports[0].defects}
    for expected in [
        ("week-range", "p/year-1-a.md", 17),
        ("listed-for-another-role", "p/year-1-a.md", 21),
        ("duplicate-page", "p/year-1-a/autumn-week-3-mentor-materials.md", 4),
        ("duplicate-address", "p/year-1-a/Autumn-Week-2-ECT-Task.md", 1),
        ("unknown-term", "p/year-1-t.md", 1),
        ("unlisted-block", "p.md", 1),
        ("minutes-estimated", "p/year-1-t/week-1-ect-a.md", 1),
    ]:
        assert expected in found, "\n".join(map(str, sorted(found)))
    # the name already spelled as its address keeps it (and its listing): the other one is suffixed
    assert ("unlisted-page", "p/year-1-a/autumn-week-2-ect-task.md", 1) not in found


def test_link_and_details_findings():
    targets = Targets({}, {}, {"/assets/materials/h-pdf": "p/assets/h.pdf"}, {"/assets/materials/h-pdf": "h"})
    found: list = []
    rewrite(
        "[Handout](/assets/materials/h.pdf)\n[The handout](/assets/materials/h.pdf)\n"
        "[Draft](https://staging.example.org/p)",
        targets,
        "p/year-1/b/x",
        lambda *d: found.append(d),
    )
    assert [(kind, line) for kind, line, *_ in found] == [("asset-link-text", 2), ("staging-link", 3)]
    _, defects = markup.convert_details("Text\n{/details}\n")
    assert defects == [("stray-details-close", 2, "A {/details} closes no block.", "removed it")]


def test_intention_findings():
    framework = load_framework(str(FRAMEWORK), Problems())
    _, defects = intentions(
        "Learn that:\n- Learning involves a lasting change in pupils understanding and some other "
        "words here\n- The weather is very nice today in the park by the lake",
        framework,
    )
    assert [(kind, line) for kind, line, *_ in defects] == [("uncertain-intention", 2), ("unmatched-intention", 3)]
