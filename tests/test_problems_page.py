"""render.problems_page: the preview's problems page, and the problem-codes reference generated
from the catalogue, which must list every code the checks can emit."""

from __future__ import annotations

import ast
import re

from conftest import ROOT

from induction.core.problems import CATALOGUE, Problems
from induction.render.problems_page import render_problem_codes, render_problems_page


def emitted_codes() -> set[str]:
    """Every code passed as a literal to Problems.add/warn anywhere in the core."""
    found = set()
    for path in (ROOT / "induction").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("add", "warn")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", node.args[0].value)
            ):
                found.add(node.args[0].value)
    return found


def test_every_code_the_checks_can_emit_is_on_the_problem_codes_page() -> None:
    page = render_problem_codes()
    emitted = emitted_codes()
    assert len(emitted) > 25 and emitted <= set(CATALOGUE)  # Problem() refuses any other code
    for code in CATALOGUE.values():
        assert f"\n## {code.name}\n" in page
    assert "placeholder" in emitted and "\n## placeholder\n" in page


def test_the_committed_problem_codes_page_is_the_generated_one() -> None:
    # The project's documentation, not a provider's site: scripts/problem_codes.py writes it.
    assert (ROOT / "documentation" / "problem-codes.md").read_text(encoding="utf-8") == render_problem_codes()


def test_a_code_is_listed_with_its_meaning_and_fix_shown_literally() -> None:
    page = render_problem_codes()
    assert (
        "## template-syntax\n\n"
        "**What it means:** Double braces in content that are not one of the shortcodes.\n\n"
        '**How to fix it:** Use &#123;&#123; video("id") }}'
    ) in page


def test_the_preview_page_lists_each_problem_with_file_line_code_and_fix() -> None:
    problems = Problems()
    problems.add("unknown-key", "prog/b1/block.yaml", 2, "Unknown key 'titel' in the block.", "Did you mean 'title'?")
    problems.warn("uncovered-statements", "prog/programme.yaml", 1, "3 of 9 statements <cited> by *no* session.")
    page = render_problems_page(problems, 12)
    assert page.src == "index.md" and page.title == "The content has problems"
    assert "**1 error, 1 warning in 2 files (12 files checked).**" in page.markdown
    assert (
        "## `prog/b1/block.yaml` (1 problem)\n\n"
        "- **Error** at `prog/b1/block.yaml:2` (unknown-key): Unknown key 'titel' in the block."
        "<br>*Fix:* Did you mean 'title'?\n"
    ) in page.markdown
    assert (
        "- **Warning** at `prog/programme.yaml:1` (uncovered-statements): "
        "3 of 9 statements &lt;cited&gt; by &#42;no&#42; session.\n"
    ) in page.markdown
