"""Text a person sees in a terminal: control characters that content quotes (titles, ids, file
names, values) are written as their escapes, never obeyed; YAML text holding them is refused.

The hostile catalogue (tests/hostile/cases.py) holds the refusals with their exact lines; these
tests hold the escaping itself and the command as an author runs it.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from edits import replace_once

from induction.check.pipeline import load_and_check
from induction.core.problems import Problem, Problems, visible
from induction.render.problems_page import render_problems_page
from induction_mkdocs.plugin import VisibleLog

PAYLOAD = "\x1b[1A\x1b[2K\r\x1b[32mNo problems in 16 files.\x1b[0m"


def test_visible_writes_each_control_as_the_escape_that_writes_it_in_yaml():
    assert visible(PAYLOAD) == "\\x1b[1A\\x1b[2K\\r\\x1b[32mNo problems in 16 files.\\x1b[0m"
    assert visible("a\tb\nc\x00d\x7fe\x9bf\x85g") == "a\\tb\\nc\\x00d\\x7fe\\x9bf\\x85g"
    assert visible("abc\u202edcba\u2066x\u2069") == "abc\\u202edcba\\u2066x\\u2069"  # reordering marks too
    assert visible("line one\nline two\tend", keep="\n\t") == "line one\nline two\tend"
    assert visible("Café — “quoted” 日本 \\x1b") == "Café — “quoted” 日本 \\x1b"  # text is left as it is


def test_a_problem_prints_on_one_line_whatever_its_file_name_and_quoted_value_hold():
    problem = Problem(
        "prog/\x1b]0;owned\x07b.md", 3, "wrong-type", f"Expected text but found '{PAYLOAD}'.", "Did you mean 'x\ny'?"
    )
    assert problem.format() == (
        "prog/\\x1b]0;owned\\x07b.md:3: error [wrong-type] Expected text but found "
        "'\\x1b[1A\\x1b[2K\\r\\x1b[32mNo problems in 16 files.\\x1b[0m'. Did you mean 'x\\ny'?"
    )
    assert problem.annotation() == (
        "::error file=prog/\\x1b]0;owned\\x07b.md,line=3,title=wrong-type::Expected text but found "
        "'\\x1b[1A\\x1b[2K\\r\\x1b[32mNo problems in 16 files.\\x1b[0m'. Did you mean 'x y'?"
    )


def test_a_failing_validation_with_an_escape_sequence_in_a_title_never_prints_no_problems(tree: Path):
    replace_once(
        tree / "prog/year-1/b1/block.yaml",
        "title: Block one",
        'title: "\\e[1A\\e[2K\\r\\e[32mNo problems in 16 files.\\e[0m"',
    )
    replace_once(tree / "prog/year-1/b1/block.yaml", "term: autumn", 'term: "\\e[2K\\rNo problems"')
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), "--content", str(tree)],
        capture_output=True,
        text=True,
        cwd=tree.parent,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "minimal/prog/year-1/b1/block.yaml:2: error [control-character] The text of 'title' in the block holds the "
        "control character \\x1b. Delete the escape that writes it in the double-quoted string (\\x1b or \\e): text "
        "may hold tabs and newlines but no other control character.",
        "minimal/prog/year-1/b1/block.yaml:3: error [wrong-type] Expected one of autumn, spring, summer for 'term' in "
        "the block but found '\\x1b[2K\\rNo problems'.",
        "2 errors in 1 file (16 files checked).",
    ]
    assert "\x1b" not in result.stdout + result.stderr and "\r" not in result.stdout
    assert not any(line.startswith("No problems") for line in result.stdout.splitlines())


def test_tabs_and_newlines_in_yaml_text_are_allowed(tree: Path):
    replace_once(tree / "prog/year-1/b1/block.yaml", "  ect: What ECTs do.", '  ect: "What ECTs\\tdo.\\nAnd more."')
    assert load_and_check(str(tree)).report() == "No problems in 16 files."


def test_the_problems_page_shows_the_escapes_too():
    problems = Problems()
    problems.add("wrong-type", "prog/\x1bb.yaml", 2, f"Expected text but found '{PAYLOAD}'.")
    markdown = render_problems_page(problems, 16).markdown
    assert "\x1b" not in markdown and "\r" not in markdown
    assert (
        "found '&#92;x1b&#91;1A&#92;x1b&#91;2K&#92;r&#92;x1b&#91;32mNo problems in 16 files.&#92;x1b&#91;0m'"
    ) in markdown
    assert "## `prog/\\x1bb.yaml` (1 problem)" in markdown


@pytest.mark.build
def test_what_mkdocs_prints_has_its_controls_made_visible_and_keeps_its_lines():
    record = logging.LogRecord(
        "mkdocs.plugins.induction",
        logging.ERROR,
        __file__,
        1,
        "Page %s failed:\n%s",
        ("a\x1b[2Kb.md", "\tline two\r"),
        None,
    )
    assert VisibleLog().filter(record)
    assert record.getMessage() == "Page a\\x1b[2Kb.md failed:\n\tline two\\r"
    unfit = logging.LogRecord("mkdocs", logging.INFO, __file__, 1, "%s and %s", ("one",), None)
    assert VisibleLog().filter(unfit) and unfit.args == ("one",)  # left for the handler to report, as before
