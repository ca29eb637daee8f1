"""Lint: the code stays ruff-clean (pyflakes, pycodestyle, import order, pyupgrade, bugbear;
the rules are in pyproject.toml), so a slip such as an unused import or an undefined name fails CI."""

from __future__ import annotations

import ast
import subprocess
import sys

from conftest import ROOT


def test_the_code_is_ruff_clean():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--output-format",
            "concise",
            "induction",
            "induction_mkdocs",
            "scripts",
            "macros",
            "tests",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_function_of_the_core_or_the_adapter_is_longer_than_60_lines():
    # A function that needs more is doing two things: name them (the importer's convert became five).
    long = []
    for path in sorted([*(ROOT / "induction").rglob("*.py"), *(ROOT / "induction_mkdocs").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno >= 60:
                long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert long == []


def test_the_code_is_formatted_as_ruff_format_writes_it():
    # ruff format was applied once to everything; this keeps it so (`make format` fixes a failure)
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "--quiet", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, "run `make format`:\n" + result.stdout + result.stderr
